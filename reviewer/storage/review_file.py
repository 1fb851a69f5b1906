"""The .review file: a zip with review.json (schema_version, review) and attachments/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reviewer import __version__
from reviewer.domain.checklist import ChecklistError, checklist_from_data
from reviewer.domain.review import Review
from reviewer.storage.container import (
    DocumentFileError,
    atomic_write,
    container_bytes,
    migrate,
    read_container,
    read_container_bytes,
)

SCHEMA_VERSION = 1
JSON_NAME = "review.json"
SUFFIX = ".review"

# version n -> function that turns a version-n payload into version n+1
MIGRATIONS: dict[int, Any] = {}

ReviewFileError = DocumentFileError


@dataclass
class ReviewDocument:
    """A review with the attachment bytes it refers to (photos, drawings)."""

    review: Review
    attachments: dict[str, bytes] = field(default_factory=dict)

    def referenced_attachments(self) -> dict[str, bytes]:
        names = {p.name for a in self.review.assessments.values() for p in a.photos}
        missing = sorted(names - set(self.attachments))
        if missing:
            raise DocumentFileError(f"photos are missing from the document: {', '.join(missing)}")
        return {n: self.attachments[n] for n in sorted(names)}


def validation_message(exc: ValidationError, what: str) -> str:
    errors = exc.errors()
    parts = []
    for err in errors[:3]:
        loc = ".".join(str(p) for p in err["loc"]) or what
        parts.append(f"{loc}: {err['msg']}")
    more = f" (and {len(errors) - 3} more problems)" if len(errors) > 3 else ""
    return f"{what} is not valid: " + "; ".join(parts) + more


def review_from_payload(payload: dict[str, Any], source: str = JSON_NAME) -> Review:
    payload = migrate(payload, SCHEMA_VERSION, MIGRATIONS, "review")
    raw = payload.get("review")
    if not isinstance(raw, dict):
        raise DocumentFileError(f"{source} holds no review")
    # the embedded checklist must pass the same checks as a checklist file
    try:
        checklist_from_data(raw.get("checklist"), source="embedded checklist")
    except ChecklistError as exc:
        raise DocumentFileError(
            f"the checklist inside the file is not valid: {exc.problems[0]}"
        ) from None
    try:
        return Review.model_validate(raw)
    except ValidationError as exc:
        raise DocumentFileError(validation_message(exc, "the review")) from None
    except RecursionError:
        raise DocumentFileError("the review is nested too deeply") from None


def review_payload(review: Review) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "app": f"safety-cohesion-reviewer {__version__}",
        "review": review.model_dump(mode="json"),
    }


def document_to_bytes(doc: ReviewDocument) -> bytes:
    return container_bytes(review_payload(doc.review), JSON_NAME, doc.referenced_attachments())


def document_from_bytes(data: bytes) -> ReviewDocument:
    payload, attachments = read_container_bytes(data, JSON_NAME, "review")
    review = review_from_payload(payload)
    doc = ReviewDocument(review, attachments)
    doc.referenced_attachments()  # every photo the review names must be in the file
    return doc


def load_review(path: str | Path) -> ReviewDocument:
    """Load a .review file, checking everything; raise DocumentFileError on any problem."""
    path = Path(path)
    payload, attachments = read_container(path, JSON_NAME, "review")
    try:
        review = review_from_payload(payload)
        doc = ReviewDocument(review, attachments)
        doc.referenced_attachments()
    except DocumentFileError as exc:
        raise DocumentFileError(f"Cannot open {path.name}: {exc}") from None
    return doc


def save_review(doc: ReviewDocument, path: str | Path) -> None:
    """Save atomically: on any failure the file on disk is unchanged."""
    try:
        data = document_to_bytes(doc)
    except DocumentFileError as exc:
        raise DocumentFileError(f"Cannot save {Path(path).name}: {exc}") from None
    atomic_write(path, data)
