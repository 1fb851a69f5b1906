"""Export the workshop and revision reports off the GUI thread (`export.ReportJob`).

`reviewer.report.export_workshop_file_report` (a workshop) and `export_revision_report`
(two revisions) are called in the worker thread; `reviewer.report` is imported there,
never at start. When the report package is not installed the actions stay disabled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.workshop_file import WorkshopDocument
from reviewer.ui.export import Progress, ReportJob, load_report, report_module
from reviewer.ui.export import snapshot as review_snapshot


def snapshot(document: WorkshopDocument) -> WorkshopDocument:
    """A copy the worker can read while the workshop goes on."""
    return WorkshopDocument(
        document.workshop.model_copy(deep=True),
        dict(document.attachments_a),
        dict(document.attachments_b),
    )


def workshop_report_available() -> bool:
    module = report_module()
    return module is not None and hasattr(module, "export_workshop_file_report")


def revision_report_available() -> bool:
    module = report_module()
    return module is not None and hasattr(module, "export_revision_report")


def workshop_job(parent: QWidget, document: WorkshopDocument, output: Path, lang: str) -> ReportJob:
    """The workshop report of an open workshop."""
    copy = snapshot(document)

    def make(progress: Progress) -> object:
        report = load_report()
        return report.export_workshop_file_report(copy, output, lang=lang, progress=progress)

    return ReportJob(parent, make, output)


def revision_job(
    parent: QWidget, old: ReviewDocument, new: ReviewDocument, output: Path, lang: str
) -> ReportJob:
    """What a new revision of the plan resolved, against the review of an earlier one."""
    old_copy, new_copy = review_snapshot(old), review_snapshot(new)

    def make(progress: Progress) -> object:
        return load_report().export_revision_report(
            old_copy, new_copy, output, lang=lang, progress=progress
        )

    return ReportJob(parent, make, output)
