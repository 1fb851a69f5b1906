"""The PDF assessment report.

Importing this package is cheap: reportlab is loaded only when a report is made, so the
command line and the desktop app start fast. `export_report` makes the report of one
review; `export_workshop_report` and `export_workshop_file_report` the workshop report
of two reviews side by side; `export_revision_report` compares two revisions.
`export_docx` writes a review's advice letter as a Word document (python-docx, loaded
likewise only when called).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.report.errors import ReportError

if TYPE_CHECKING:
    from reviewer.report.docx_letter import export_docx
    from reviewer.report.review_report import export_report
    from reviewer.report.workshop_report import (
        export_revision_report,
        export_workshop_file_report,
        export_workshop_report,
    )

__all__ = [
    "ReportError",
    "export_docx",
    "export_report",
    "export_revision_report",
    "export_workshop_file_report",
    "export_workshop_report",
]


def _lazy(module: str, name: str) -> Callable[..., Path]:
    """`reviewer.report.<module>.<name>`, imported (with reportlab) when called, so
    looking the function up stays as cheap as importing this package."""

    def call(*args: Any, **kwargs: Any) -> Path:
        return getattr(importlib.import_module(f"reviewer.report.{module}"), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"See reviewer.report.{module}.{name}."
    return call


if not TYPE_CHECKING:  # type checkers see the real signatures imported above
    export_report = _lazy("review_report", "export_report")
    export_docx = _lazy("docx_letter", "export_docx")
    export_workshop_report = _lazy("workshop_report", "export_workshop_report")
    export_workshop_file_report = _lazy("workshop_report", "export_workshop_file_report")
    export_revision_report = _lazy("workshop_report", "export_revision_report")
