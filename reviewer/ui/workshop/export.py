"""Export the workshop and revision reports off the GUI thread (`export.ReportJob`).

`reviewer.report` provides `export_workshop_file_report` (a workshop) and
`export_revision_report` (two revisions). They are looked up when needed, never at
start: when one is missing the action that needs it stays disabled and says why.
Importing `reviewer.report` itself is cheap (reportlab is loaded when a report is made).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from reviewer.storage.workshop_file import WorkshopDocument
from reviewer.ui.export import ReportJob, report_function

WORKSHOP_FUNCTION = "export_workshop_file_report"
REVISION_FUNCTION = "export_revision_report"


def snapshot(document: WorkshopDocument) -> WorkshopDocument:
    """A copy the worker can read while the workshop goes on."""
    return WorkshopDocument(
        document.workshop.model_copy(deep=True),
        dict(document.attachments_a),
        dict(document.attachments_b),
    )


def workshop_job(parent: QWidget, document: WorkshopDocument, output: Path, lang: str) -> ReportJob:
    """The workshop report of an open workshop (raises LookupError when not available)."""
    function = report_function(WORKSHOP_FUNCTION)
    if function is None:
        raise LookupError(WORKSHOP_FUNCTION)
    copy = snapshot(document)
    return ReportJob(
        parent, lambda progress: function(copy, output, lang=lang, progress=progress), output
    )
