"""BCF in the window: File → Export BCF… and File → Import BCF Replies….

The export runs in a worker thread (snapshots are rendered there), with a progress dialog
that can cancel it: a cancelled export writes nothing. Reading replies reads only the
topics' markup of the file (`reviewer.storage.bcf.read_bcf`), so it is quick; the
replies are put on the criteria as one undoable step and a summary says what was read,
listing the topics that are not this review's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from reviewer.domain.findings import RepliesResult, apply_replies
from reviewer.storage.bcf import BcfCancelled, export_bcf, load_bcf
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import dialogs
from reviewer.ui.background import BackgroundJob, Progress
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


def _describe(exc: BaseException) -> str:
    if isinstance(exc, DocumentFileError):
        return error_text(str(exc))
    return f"{type(exc).__name__}: {exc}"  # a bug: said in one line, never a traceback


def bcf_export_job(
    parent: QWidget, document: ReviewDocument, output: Path, lang: str
) -> BackgroundJob:
    """One BCF export in a worker thread, with a progress dialog and Cancel (a cancelled
    export writes nothing); a failure is also said in a message box."""
    # the worker writes from its own copy: the reviewer may go on editing meanwhile
    copy = ReviewDocument(document.review.model_copy(deep=True), dict(document.attachments))

    def work(progress: Progress, cancelled: Callable[[], bool]) -> Path:
        language = "en" if lang == "en" else "nl"
        return export_bcf(copy, output, language, progress=progress, cancelled=cancelled)

    job = BackgroundJob(
        parent,
        work,
        title=translate("BcfDialogs", "Export BCF"),
        label=translate("BcfDialogs", "Writing {0}…").format(output.name),
        cancelled_by=(BcfCancelled,),
        describe=_describe,
    )
    job.failed.connect(
        lambda message: dialogs.show_error(
            parent,
            translate("BcfDialogs", "BCF not exported"),
            translate("BcfDialogs", "The BCF file could not be written: {0}").format(message),
        )
    )
    return job


def start_export(
    parent: QWidget, session: ReviewSession, suggested: Path, lang: str
) -> BackgroundJob | None:
    """Ask where to write the BCF file and start the export; None when not asked for."""
    out = ask_bcf_export_path(parent, str(suggested))
    if out is None:
        return None
    job = bcf_export_job(parent, session.document, out, lang)
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
