"""Export a PDF report off the GUI thread, with a progress dialog.

`ReportJob` runs any report (`make(progress)`) in a worker thread: the review report
(`review_job`) and the workshop and revision reports (`reviewer.ui.workshop.export`).

`reviewer.report` (and reportlab with it) is imported only here, only when a report is
made, so the app starts without it. When the report package is missing the export
action stays disabled and says why.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import dialogs

REPORT_MODULE = "reviewer.report"


def report_available() -> bool:
    """Whether the report package and reportlab are installed (without importing them)."""
    module = sys.modules.get(REPORT_MODULE)
    if module is not None:
        return hasattr(module, "export_report")
    return _installed()


@cache
def _installed() -> bool:
    try:
        spec = importlib.util.find_spec(REPORT_MODULE)
        if spec is None or spec.origin is None:  # a bare folder is not the package
            return False
        return importlib.util.find_spec("reportlab") is not None
    except (ImportError, ValueError):
        return False


def snapshot(document: ReviewDocument) -> ReviewDocument:
    """A copy the worker can read while the reviewer keeps editing."""
    return ReviewDocument(document.review.model_copy(deep=True), dict(document.attachments))


Progress = Callable[[int, int], None]


class ReportUnavailable(Exception):
    """The report package cannot be imported; the message says so."""


def report_module() -> ModuleType | None:
    """`reviewer.report` when it is installed (importing it does not load reportlab)."""
    module = sys.modules.get(REPORT_MODULE)
    if module is None:
        if not report_available():
            return None
        try:
            module = importlib.import_module(REPORT_MODULE)
        except ImportError:
            return None
    return module


def load_report() -> ModuleType:
    """`reviewer.report`, imported in a worker thread when a report is made."""
    try:
        return importlib.import_module(REPORT_MODULE)
    except ImportError as exc:
        raise ReportUnavailable(f"the PDF report is not available: {exc}") from None


def _error_message(exc: Exception) -> str:
    """What the user reads about a failed report: an expected error as it is, anything
    else (a bug in the report) with its type, never a traceback."""
    if isinstance(exc, ReportUnavailable):
        return str(exc)
    module = sys.modules.get(REPORT_MODULE)
    error_type = getattr(module, "ReportError", None) or RuntimeError
    if isinstance(exc, (error_type, OSError, ValueError)):
        return str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(Path)
    failed = Signal(str)

    def __init__(self, make: Callable[[Progress], Any], output: Path) -> None:
        super().__init__()
        self._make = make
        self._output = output

    @Slot()
    def run(self) -> None:
        try:
            out = self._make(lambda done, total: self.progressed.emit(done, total))
        except Exception as exc:
            self.failed.emit(_error_message(exc))
            return
        self.finished.emit(Path(out) if out else self._output)


class ReportJob(QObject):
    """One report: a worker thread, a progress dialog, and the offer to open the PDF.

    `make(progress)` writes the PDF (in the worker thread) and returns its path.
    """

    finished = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        make: Callable[[Progress], Any],
        output: Path,
        *,
        offer_open: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.output = output
        self._offer_open = offer_open
        self.thread = QThread(self)
        self.worker = _Worker(make, output)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(self.tr("Export PDF report"))
        self.dialog.setLabelText(self.tr("Writing {0}…").format(output.name))
        self.dialog.setCancelButton(None)  # type: ignore[arg-type]
        self.dialog.setRange(0, 0)
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def start(self) -> None:
        self.thread.start()

    def wait(self) -> None:
        """Let a running export finish (the window is closing): never kill a half-written PDF."""
        if self.thread.isRunning():
            self.thread.quit()  # takes effect when the export returns
            self.thread.wait()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, out: Path) -> None:
        self._stop()
        self.finished.emit(out)
        if self._offer_open and dialogs.ask_yes_no(
            self._parent,
            self.tr("Report exported"),
            self.tr("The report was written to {0}.\n\nOpen it now?").format(out),
        ):
            dialogs.open_url(QUrl.fromLocalFile(str(out)))
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
        dialogs.show_error(
            self._parent,
            self.tr("The report was not exported"),
            self.tr("The PDF report could not be written: {0}").format(message),
        )
        self.deleteLater()


def review_job(
    parent: QWidget,
    document: ReviewDocument,
    output: Path,
    lang: str,
    *,
    offer_open: bool = True,
    sign: Callable[..., bytes] | None = None,
) -> ReportJob:
    """The report of one review; the report package is imported in the worker thread.
    With `sign` (reviewer.report.signing.make_signer, made beforehand so that a wrong
    passphrase is said at once) the PDF is signed before it is written."""
    copy = snapshot(document)

    def make(progress: Progress) -> Any:
        return load_report().export_report(copy, output, lang=lang, progress=progress, sign=sign)

    return ReportJob(parent, make, output, offer_open=offer_open)
