"""The .workshop file: a zip with workshop.json (both reviews and the joint conclusions)
and attachments/ (the photos of both reviews). Same safety rules as a .review file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.domain.workshop import Workshop
from reviewer.storage.container import (
    DocumentFileError,
    check_room,
    container_bytes,
    load_document,
    make_payload,
    migrate,
    read_container_bytes,
    save_document,
    validate_model,
)
from reviewer.storage.review_file import (
    ReviewDocument,
    add_empty_sheets,
    check_embedded_checklist,
    confirm_written_out_empty_lists,
    justify_partly,
    open_measures,
)

# 2: the reviews carry plan drawings (sheets); 3, 4: see review_file; 5: attendance, chair,
# decisions with owner and deadline, a confirmed identity difference (older files load
# with the defaults; an older app says "made by a newer version" instead of failing);
# 6: the reviews' measures have a status (see review_file);
# 7: the reviews' identity and BCF replies (see review_file, format 6)
SCHEMA_VERSION = 7
JSON_NAME = "workshop.json"
SUFFIX = ".workshop"


def _on_both_reviews(migrate_review: Callable[[Any], None]) -> Callable[[dict[str, Any]], Any]:
    """A workshop migration that applies the review files' migration step to both sides."""

    def migrate_payload(payload: dict[str, Any]) -> dict[str, Any]:
        raw = payload.get("workshop")
        if isinstance(raw, dict):
            for side in ("review_a", "review_b"):
                migrate_review(raw.get(side))
        return payload

    return migrate_payload


MIGRATIONS: dict[int, Any] = {
    1: _on_both_reviews(add_empty_sheets),
    2: _on_both_reviews(confirm_written_out_empty_lists),
    3: _on_both_reviews(justify_partly),
    4: lambda payload: payload,  # new fields have defaults
    5: _on_both_reviews(open_measures),
    6: lambda payload: payload,  # new fields have defaults
}


@dataclass
class WorkshopDocument:
    """A workshop with the photos of each review (kept apart: both may have 'hof.jpg')."""

    workshop: Workshop
    attachments_a: dict[str, bytes] = field(default_factory=dict)
    attachments_b: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def from_reviews(
        cls, a: ReviewDocument, b: ReviewDocument, workshop: Workshop
    ) -> WorkshopDocument:
        """The workshop of two reviews; raises DocumentFileError when their photos and
        drawings together are more than a workshop file can hold (it could not be opened
        again once saved)."""
        doc = cls(workshop, dict(a.attachments), dict(b.attachments))
        sizes = [len(d) for side in (a, b) for d in side.saved_attachments().values()]
        check_room(sizes, "workshop")
        return doc

    def review_documents(self) -> tuple[ReviewDocument, ReviewDocument]:
        return (
            ReviewDocument(self.workshop.review_a, self.attachments_a),
            ReviewDocument(self.workshop.review_b, self.attachments_b),
        )

    def container_attachments(self) -> dict[str, bytes]:
        """Both sides' referenced photos, stored as attachments/a-NAME and attachments/b-NAME."""
        a, b = self.review_documents()
        out = {f"a-{n}": data for n, data in a.referenced_attachments().items()}
        out.update({f"b-{n}": data for n, data in b.referenced_attachments().items()})
        return out


def _split(attachments: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    a = {n[2:]: d for n, d in attachments.items() if n.startswith("a-")}
    b = {n[2:]: d for n, d in attachments.items() if n.startswith("b-")}
    stray = [n for n in attachments if not n.startswith(("a-", "b-"))]
    if stray:
        raise DocumentFileError(f"contains an attachment of neither review: {stray[0]!r}")
    return a, b


def _document(workshop: Workshop, attachments: dict[str, bytes]) -> WorkshopDocument:
    doc = WorkshopDocument(workshop, *_split(attachments))
    for review_doc in doc.review_documents():
        review_doc.referenced_attachments()  # every photo named must be in the file
    return doc


def workshop_from_payload(payload: dict[str, Any]) -> Workshop:
    payload = migrate(payload, SCHEMA_VERSION, MIGRATIONS, "workshop")
    raw = payload.get("workshop")
    if not isinstance(raw, dict):
        raise DocumentFileError(f"{JSON_NAME} holds no workshop")
    sides = {
        side: check_embedded_checklist(raw.get(side), source=f"checklist of {side}")
        for side in ("review_a", "review_b")
    }
    return validate_model(Workshop, {**raw, **sides}, "the workshop")


def workshop_payload(workshop: Workshop) -> dict[str, Any]:
    return make_payload("workshop", SCHEMA_VERSION, workshop)


def workshop_to_bytes(doc: WorkshopDocument) -> bytes:
    return container_bytes(workshop_payload(doc.workshop), JSON_NAME, doc.container_attachments())


def _build(payload: dict[str, Any], attachments: dict[str, bytes]) -> WorkshopDocument:
    return _document(workshop_from_payload(payload), attachments)


def workshop_from_bytes(data: bytes) -> WorkshopDocument:
    return _build(*read_container_bytes(data, JSON_NAME, "workshop"))


def load_workshop(path: str | Path) -> WorkshopDocument:
    """Load a .workshop file, checking everything; raise DocumentFileError on any problem."""
    return load_document(path, JSON_NAME, "workshop", _build)


def save_workshop(doc: WorkshopDocument, path: str | Path) -> bytes:
    """Save atomically: on any failure the file on disk is unchanged. Returns the bytes."""
    return save_document(path, lambda: workshop_to_bytes(doc))


def workshop_from_parts(payload: dict[str, Any], attachments: dict[str, bytes]) -> WorkshopDocument:
    """A workshop from its JSON payload and container attachments (as the register keeps
    them): the same migration and checks as a file."""
    return _build(payload, attachments)
