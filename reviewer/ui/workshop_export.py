"""Export the workshop and revision reports off the GUI thread, as the review report is.

`reviewer.report` provides `export_workshop_file_report` (a workshop) and
`export_revision_report` (two revisions). They are looked up when needed, never at
start: when one is missing the action that needs it stays disabled and says why.
Importing `reviewer.report` itself is cheap (reportlab is loaded when a report is made).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reviewer.storage.workshop_file import WorkshopDocument
from reviewer.ui import dialogs, export

WORKSHOP_FUNCTION = "export_workshop_file_report"
REVISION_FUNCTION = "export_revision_report"

Progress = Callable[[int, int], None]


def report_function(name: str) -> Callable[..., Any] | None:
    """`reviewer.report.<name>` when the report package has it, else None."""
    module = sys.modules.get(export.REPORT_MODULE)
    if module is None:
        if not export.report_available():
            return None
        try:
            module = importlib.import_module(export.REPORT_MODULE)
        except ImportError:
            return None
    function = getattr(module, name, None)
    return function if callable(function) else None


def snapshot(document: WorkshopDocument) -> WorkshopDocument:
    """A copy the worker can read while the workshop goes on."""
    return WorkshopDocument(
        document.workshop.model_copy(deep=True),
        dict(document.attachments_a),
        dict(document.attachments_b),
    )


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
        module = sys.modules.get(export.REPORT_MODULE)
        error_type = getattr(module, "ReportError", None) or RuntimeError
        try:
            out = self._make(lambda done, total: self.progressed.emit(done, total))
        except (error_type, OSError, ValueError) as exc:  # type: ignore[misc]
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        except Exception as exc:  # a bug in the report: still no traceback for the user
            self.failed.emit(f"{type(exc).__name__}: {exc}")
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
        """Let a running export finish (the window is closing)."""
        if self.thread.isRunning():
            self.thread.quit()
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


def workshop_job(parent: QWidget, document: WorkshopDocument, output: Path, lang: str) -> ReportJob:
    """The workshop report of an open workshop (raises LookupError when not available)."""
    function = report_function(WORKSHOP_FUNCTION)
    if function is None:
        raise LookupError(WORKSHOP_FUNCTION)
    copy = snapshot(document)
    return ReportJob(
        parent, lambda progress: function(copy, output, lang=lang, progress=progress), output
    )
