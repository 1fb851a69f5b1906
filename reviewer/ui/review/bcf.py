"""BCF in the window: File → Export BCF… and File → Import BCF Replies….

The export runs in a worker thread (snapshots are rendered there), with a progress dialog
that can cancel it: a cancelled export writes nothing. Reading replies reads only the
topics' markup of the file (`reviewer.storage.bcf.read_bcf`), so it is quick; the
replies are put on the criteria as one undoable step and a summary says what was read,
listing the topics that are not this review's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reviewer.domain.findings import RepliesResult, apply_replies
from reviewer.storage.bcf import BcfCancelled, export_bcf, load_bcf
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import dialogs
from reviewer.ui.error_text import error_text
from reviewer.ui.review.session import ReviewSession

translate = QCoreApplication.translate


def ask_bcf_export_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    title = translate("BcfDialogs", "Export BCF")
    bcf = translate("BcfDialogs", "BCF files (*.bcf)")
    return dialogs.ask_save_file(parent, title, suggested, bcf, ".bcf")


def ask_bcf_replies_path(parent: QWidget | None, directory: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("BcfDialogs", "Import BCF replies"),
        directory,
        translate("BcfDialogs", "BCF files (*.bcf *.bcfzip)")
        + ";;"
        + translate("BcfDialogs", "All files (*)"),
    )
    return Path(name) if name else None


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(Path)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, document: ReviewDocument, output: Path, lang: str) -> None:
        super().__init__()
        self._document = document
        self._output = output
        self._lang = lang
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            out = export_bcf(
                self._document,
                self._output,
                "en" if self._lang == "en" else "nl",
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self.stop.is_set,
            )
        except BcfCancelled:
            self.cancelled.emit()
            return
        except DocumentFileError as exc:
            self.failed.emit(error_text(str(exc)))
            return
        except Exception as exc:  # a bug: said in one line, never a traceback
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(out)


class BcfExportJob(QObject):
    """One BCF export: a worker thread and a progress dialog with Cancel."""

    finished = Signal(Path)
    failed = Signal(str)

    def __init__(self, parent: QWidget, document: ReviewDocument, output: Path, lang: str):
        super().__init__(parent)
        self._parent = parent
        self.output = output
        copy = ReviewDocument(document.review.model_copy(deep=True), dict(document.attachments))
        self.thread = QThread(self)
        self.worker = _Worker(copy, output, lang)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.failed.connect(self._failed)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(self.tr("Export BCF"))
        self.dialog.setLabelText(self.tr("Writing {0}…").format(output.name))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, 0)
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.stop.set()

    def wait(self) -> None:
        """Let a running export end (the window is closing)."""
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _stop(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, out: Path) -> None:
        self._stop()
        self.finished.emit(out)
        self.deleteLater()

    def _cancelled(self) -> None:
        self._stop()
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
        dialogs.show_error(
            self._parent,
            self.tr("BCF not exported"),
            self.tr("The BCF file could not be written: {0}").format(message),
        )
        self.deleteLater()


def start_export(
    parent: QWidget, session: ReviewSession, suggested: Path, lang: str
) -> BcfExportJob | None:
    """Ask where to write the BCF file and start the export; None when not asked for."""
    out = ask_bcf_export_path(parent, str(suggested))
    if out is None:
        return None
    job = BcfExportJob(parent, session.document, out, lang)
    job.start()
    return job


class RepliesSummary(QObject):
    """What reading replies did, in words (a QObject for its plural-aware `tr`)."""

    def text(self, result: RepliesResult) -> tuple[str, str]:
        """The summary, and the topics it did not know (for the details)."""
        if result.count:
            text = self.tr("New replies read onto the criteria: %n.", "", result.count)
        elif result.matched:
            text = self.tr("The file holds no new replies to this review's findings.")
        else:
            text = self.tr("None of the file's topics are findings of this review.")
        details = ""
        if result.unknown:
            unknown = self.tr(
                "Topics in the file that are not this review's, and were not read in "
                "(see the details): %n.",
                "",
                len(result.unknown),
            )
            text += "\n\n" + unknown
            details = "\n".join(f"{t.title or '—'}  ({t.guid})" for t in result.unknown)
        return text, details


def import_replies(
    parent: QWidget,
    session: ReviewSession,
    directory: str = "",
    *,
    show: Callable[[QWidget, str, str, str], None] | None = None,
) -> RepliesResult | None:
    """Ask for a BCF file and read its replies onto the criteria (one undo step).
    Returns what was read, None when cancelled or refused (the error is shown)."""
    path = ask_bcf_replies_path(parent, directory)
    if path is None:
        return None
    title = translate("BcfDialogs", "Import BCF replies")
    try:
        content = load_bcf(path)
    except DocumentFileError as exc:
        dialogs.show_error(
            parent, translate("BcfDialogs", "BCF replies not read"), error_text(str(exc))
        )
        return None
    result = apply_replies(session.review, content.topics)
    session.add_replies(result.assessments)
    text, details = RepliesSummary().text(result)
    (show or show_summary)(parent, title, text, details)
    return result


def show_summary(parent: QWidget, title: str, text: str, details: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.exec()
