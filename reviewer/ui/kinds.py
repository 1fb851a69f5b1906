"""The kinds of document file the app opens, by suffix: how each is loaded and which
session holds it. The one place that knows every kind (reviews and workshops know
nothing of each other)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.ui.document import DocumentSession


@dataclass(frozen=True)
class DocumentKind:
    """How a kind of document file is opened: its loader and its session."""

    name: str
    suffix: str
    load: Callable[[Path], Any]
    session: type[DocumentSession]


def _review_kind() -> DocumentKind:
    from reviewer.storage.review_file import load_review
    from reviewer.ui.review.session import ReviewSession

    return DocumentKind("review", ".review", load_review, ReviewSession)


def _workshop_kind() -> DocumentKind:
    from reviewer.storage.workshop_file import load_workshop
    from reviewer.ui.workshop.session import WorkshopSession

    return DocumentKind("workshop", ".workshop", load_workshop, WorkshopSession)


# by name, as the recovery metadata records it, and by file suffix
BY_NAME: dict[str, Callable[[], DocumentKind]] = {
    "review": _review_kind,
    "workshop": _workshop_kind,
}
KINDS: dict[str, Callable[[], DocumentKind]] = {
    ".review": _review_kind,
    ".workshop": _workshop_kind,
}
SUFFIXES = tuple(KINDS)


def kind_of(path: Path) -> DocumentKind:
    """The kind of document a file holds, by its suffix (a review when unknown)."""
    return KINDS.get(path.suffix.lower(), _review_kind)()


def kind_named(name: str) -> DocumentKind:
    """The kind called `name` ("review", "workshop"; a review when unknown)."""
    return BY_NAME.get(name, _review_kind)()
