"""Long work off the GUI thread: a worker thread, a progress dialog with Cancel, and one
outcome signal. Used by the IFC import and the BCF export (the report export keeps its
own job in `export.py`, which also opens the result).

`work(progress, cancelled)` runs in the thread: it reports with `progress(done, total)`
(a total of 0 keeps the dialog busy) and stops, by raising one of `cancelled_by`, when
`cancelled()` says so. Whatever else it raises becomes `failed(message)` through
`describe`, never a traceback in the user's face.

`wait_for` is for short work whose caller needs the answer before it goes on (a save to
the register: the save-on-close path asks whether it worked). It runs the work in a
thread and waits in a local event loop, so a slow database server does not freeze the
window: it repaints and its timers run, a busy dialog says what it waits for, and the
person's clicks and keys wait until the work is done (they are kept, not lost; nothing
can change the document while it is being saved)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class _Runner(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        work: Work,
        stop: threading.Event,
        cancelled_by: tuple[type[BaseException], ...],
        describe: Callable[[BaseException], str],
    ) -> None:
        super().__init__()
        self._work = work
        self._stop = stop
        self._cancelled_by = cancelled_by
        self._describe = describe

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(
                lambda done, total: self.progressed.emit(done, total), self._stop.is_set
            )
        except self._cancelled_by:
            self.cancelled.emit()
        except Exception as exc:  # said in one line, never a traceback
            self.failed.emit(self._describe(exc))
        else:
            self.finished.emit(result)


class BackgroundJob(QObject):
    """One piece of long work: `start()`, then exactly one of `finished(result)`,
    `failed(message)` or `cancelled()`; the job deletes itself afterwards."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        work: Work,
        *,
        title: str,
        label: str,
        cancelled_by: tuple[type[BaseException], ...] = (),
        describe: Callable[[BaseException], str] = _one_line,
    ) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self.thread = QThread(self)
        self.worker = _Runner(work, self._stop, cancelled_by, describe)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(label)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, 0)  # busy until the first progress
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def cancel(self) -> None:
        """Stop at the work's next check; `cancelled` follows when it has stopped."""
        self._stop.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def wait(self) -> None:
        """Stop and let the thread end (the window is closing)."""
        self._stop.set()
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(max(0, min(done, total)))

    def _end(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, result: object) -> None:
        self._end()
        self.finished.emit(result)
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.deleteLater()

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.deleteLater()


class _Done(QObject):
    done = Signal()  # emitted in the worker thread, delivered in the GUI thread


WAIT_DIALOG_DELAY_MS = 400  # quicker work shows no dialog at all
_waiting = 0


def is_waiting() -> bool:
    """Whether `wait_for` is waiting: a window asked to close then is told to wait (a
    close from the window manager is not user input, so the local loop delivers it)."""
    return _waiting > 0


def wait_for(parent: QWidget, work: Callable[[], T], *, title: str, label: str) -> T:
    """`work()` in a thread, waited for without freezing `parent`'s window (see the
    module's description); returns its result or raises its exception here."""
    outcome: dict[str, Any] = {}
    signal = _Done()
    loop = QEventLoop()
    signal.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the caller, in the GUI thread
            outcome["error"] = exc
        finally:
            signal.done.emit()

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # a save half-way cannot be taken back
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(2**31 - 1)  # shown by the timer below, not by Qt
    dialog.reset()
    dialog.hide()
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    global _waiting
    thread = threading.Thread(target=run, name="reviewer-wait", daemon=True)
    _waiting += 1
    try:
        thread.start()
        timer.start(WAIT_DIALOG_DELAY_MS)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        thread.join()
    finally:
        _waiting -= 1
    timer.stop()
    dialog.hide()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
