"""The PDF assessment report.

Importing this package is cheap: reportlab is loaded only when a report is made, so the
command line and the desktop app start fast. `export_report` makes the report of one
review; `export_workshop_report` and `export_workshop_file_report` the workshop report
of two reviews side by side; `export_revision_report` compares two revisions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.domain.text import Lang
from reviewer.report.errors import ReportError

if TYPE_CHECKING:
    from reviewer.report.workshop_report import (
        export_revision_report,
        export_workshop_file_report,
        export_workshop_report,
    )
    from reviewer.storage.review_file import ReviewDocument

__all__ = [
    "ReportError",
    "export_report",
    "export_revision_report",
    "export_workshop_file_report",
    "export_workshop_report",
]


def export_report(
    source: str | Path | ReviewDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    include_guidance: bool = False,
    only_findings: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the assessment report of a review as a PDF and return its path.

    `source` is a .review file or an open ReviewDocument. The PDF is written atomically:
    on any failure the file at `output` is left as it was. Every failure raises
    ReportError with a message a person can act on. `progress(done, total)` is called as
    work proceeds; an exception raised by it stops the export and propagates unchanged.
    """
    from reviewer.report.review_report import build_review_report

    return build_review_report(
        source,
        output,
        lang=lang,
        include_guidance=include_guidance,
        only_findings=only_findings,
        progress=progress,
    )


def _lazy(name: str) -> Callable[..., Path]:
    """`reviewer.report.workshop_report.<name>`, imported (with reportlab) when called, so
    looking the function up stays as cheap as importing this package."""

    def call(*args: Any, **kwargs: Any) -> Path:
        from reviewer.report import workshop_report

        return getattr(workshop_report, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"See reviewer.report.workshop_report.{name}."
    return call


if not TYPE_CHECKING:  # type checkers see the real signatures imported above
    export_workshop_report = _lazy("export_workshop_report")
    export_workshop_file_report = _lazy("export_workshop_file_report")
    export_revision_report = _lazy("export_revision_report")
