"""The way every report reaches a file: the target checked first, the documents opened,
progress counted for the caller, the PDF written atomically, and every failure turned
into a ReportError with a message a person can act on.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reportlab.platypus.doctemplate import LayoutError

from reviewer.domain.text import LANGUAGES, Lang
from reviewer.report.errors import ReportError
from reviewer.storage.container import DocumentFileError, atomic_write
from reviewer.storage.review_file import ReviewDocument, load_review

Document = TypeVar("Document")


class Progress:
    """Counts steps for the caller's progress callback, never past the total."""

    def __init__(self, callback: Callable[[int, int], None] | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0
        self.error: BaseException | None = None  # what the callback raised, if anything

    def step(self) -> None:
        self.done = min(self.done + 1, self.total)
        self._call()

    def finish(self) -> None:
        self.done = self.total
        self._call()

    def _call(self) -> None:
        if self.callback is None:
            return
        try:
            self.callback(self.done, self.total)
        except BaseException as exc:
            self.error = exc
            raise


def open_document(
    source: str | Path | Document,
    kind: type[Document],
    load: Callable[[str | Path], Document],
) -> Document:
    """`source` itself when it is an open document of `kind`, else the file loaded."""
    if isinstance(source, kind):
        return source
    try:
        return load(source)
    except DocumentFileError as exc:
        raise ReportError(str(exc)) from None
    except OSError as exc:
        raise ReportError(f"Cannot open {source}: {exc.strerror or exc}") from None


def open_review(source: str | Path | ReviewDocument) -> ReviewDocument:
    return open_document(source, ReviewDocument, load_review)


def photo_attachments(doc: ReviewDocument) -> dict[str, bytes]:
    """The review's photos, or ReportError when the file holding them cannot be read."""
    try:
        return doc.photo_attachments()
    except DocumentFileError as exc:
        raise ReportError(f"Cannot make the report: {exc}") from None


def _first_line(exc: BaseException) -> str:
    """An exception as one line for a message (the CLI prints errors on one line)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _check_target(target: Path) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"Cannot write the report to {target}: it is a folder")
    if not folder.is_dir():
        raise ReportError(
            f"Cannot write the report to {target}: the folder {folder} does not exist"
        )


def prepare_target(output: str | Path, lang: Lang) -> Path:
    """The file to write, after checking the language and that the folder is there."""
    if lang not in LANGUAGES:
        raise ReportError(f"unknown report language {lang!r}; use one of {', '.join(LANGUAGES)}")
    target = Path(output)
    _check_target(target)
    return target


def export_pdf(target: Path, tracker: Progress, make_pdf: Callable[[Path], bytes]) -> Path:
    """Make the PDF (`make_pdf` gets a temporary folder for photos) and write it atomically;
    every failure but the progress callback's own becomes a ReportError."""
    try:
        tracker.step()
        with tempfile.TemporaryDirectory(prefix="reviewer-report-") as folder:
            pdf = make_pdf(Path(folder))
        atomic_write(target, pdf)
    except ReportError:
        raise
    except DocumentFileError as exc:
        raise ReportError(str(exc)) from None
    except LayoutError as exc:
        raise ReportError(f"the report could not be laid out: {_first_line(exc)}") from exc
    except Exception as exc:
        if exc is tracker.error:
            raise  # the caller's own progress callback: let the caller see its exception
        raise ReportError(f"the report could not be made: {_first_line(exc)}") from exc
    tracker.finish()
    return target
