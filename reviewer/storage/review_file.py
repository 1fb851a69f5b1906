"""The .review file: a zip with review.json (schema_version, review) and attachments/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.domain.checklist import ChecklistError, checklist_from_data
from reviewer.domain.plan import COLLECTIONS
from reviewer.domain.review import Review
from reviewer.storage.container import (
    DocumentFileError,
    check_attachment_room,
    container_bytes,
    load_document,
    make_payload,
    migrate,
    read_container_bytes,
    save_document,
    validate_model,
)

# 2: plan drawings (review.sheets); 3: plan type and stage, element types confirmed
# absent (plan.confirmed_none), profile, procedure record; 4: dossier details, conditions
# and recommendations, the adviser's outcome, "partly" always with its justification;
# 5: measures with a status and its history, the reviews of the plan before this one;
# 6: the review's own identity (review.uid, for stable BCF topic GUIDs) and the
# architect's replies read from BCF (assessment.replies)
SCHEMA_VERSION = 6
JSON_NAME = "review.json"
SUFFIX = ".review"


def add_empty_sheets(raw_review: Any) -> None:
    """Format 1 -> 2 for one review object: it had no drawings."""
    if isinstance(raw_review, dict):
        raw_review.setdefault("sheets", [])


def _v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    add_empty_sheets(payload.get("review"))
    return payload


def confirm_written_out_empty_lists(raw_review: Any) -> None:
    """Format 2 -> 3 for one review object. Format 2 wrote every element list, and an empty
    one meant "none"; format 3 tells "none" (confirmed) from "not filled in yet" (unknown),
    so the empty lists of a format-2 file become confirmations: it opens as before."""
    plan = raw_review.get("plan") if isinstance(raw_review, dict) else None
    if isinstance(plan, dict) and "confirmed_none" not in plan:
        plan["confirmed_none"] = [
            name for name in COLLECTIONS if isinstance(plan.get(name), list) and not plan[name]
        ]


def _v2_to_v3(payload: dict[str, Any]) -> dict[str, Any]:
    confirm_written_out_empty_lists(payload.get("review"))
    return payload


MISSING_JUSTIFICATION = (
    "Motivering niet vastgelegd: beoordeeld voordat een motivering verplicht was. / "
    "Justification not recorded: assessed before one was required."
)


def justify_partly(raw_review: Any) -> None:
    """Format 3 -> 4 for one review object. 'Voldoet gedeeltelijk' now needs its
    justification; an earlier file may lack one. The verdict is kept and the missing
    justification is said in words, so the reader sees it and the adviser can write it."""
    assessments = raw_review.get("assessments") if isinstance(raw_review, dict) else None
    for item in (assessments or {}).values() if isinstance(assessments, dict) else []:
        if (
            isinstance(item, dict)
            and item.get("verdict") == "partly"
            and item.get("auto_verdict") != "partly"
            and not str(item.get("justification") or "").strip()
            and not str(item.get("override_reason") or "").strip()
        ):
            item["justification"] = MISSING_JUSTIFICATION


def _v3_to_v4(payload: dict[str, Any]) -> dict[str, Any]:
    justify_partly(payload.get("review"))
    return payload


def open_measures(raw_review: Any) -> None:
    """Format 4 -> 5 for one review object. Measures now have a status; every measure of
    an earlier file is open (an empty history), and the review has no earlier stages."""
    if not isinstance(raw_review, dict):
        return
    raw_review.setdefault("previous", [])
    assessments = raw_review.get("assessments")
    for item in assessments.values() if isinstance(assessments, dict) else []:
        if isinstance(item, dict):
            item.setdefault("measure_history", [])


def _v4_to_v5(payload: dict[str, Any]) -> dict[str, Any]:
    open_measures(payload.get("review"))
    return payload


def _v5_to_v6(payload: dict[str, Any]) -> dict[str, Any]:
    """Format 5 -> 6: nothing to convert. A review without `uid` gets one derived from
    when it was started (see `Review.uid`), and no assessment has replies yet."""
    return payload


# version n -> function that turns a version-n payload into version n+1
MIGRATIONS: dict[int, Any] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6}

ReviewFileError = DocumentFileError


@dataclass
class ReviewDocument:
    """A review with the attachment bytes it refers to (photos, drawings)."""

    review: Review
    attachments: dict[str, bytes] = field(default_factory=dict)

    def referenced_attachments(self) -> dict[str, bytes]:
        """Every attachment the review names (photos and drawings); raise if one is missing."""
        photos = self.photo_attachments()
        names = {s.attachment for s in self.review.sheets}
        missing = sorted(names - set(self.attachments))
        if missing:
            raise DocumentFileError(f"drawings are missing from the document: {', '.join(missing)}")
        return dict(sorted({**photos, **{n: self.attachments[n] for n in names}}.items()))

    def saved_attachments(self) -> dict[str, bytes]:
        """What a save writes: the attachments the review names that the document holds
        (those no longer named are kept only for undo)."""
        names = {p.name for a in self.review.assessments.values() for p in a.photos}
        names |= {s.attachment for s in self.review.sheets}
        return {n: self.attachments[n] for n in sorted(names) if n in self.attachments}

    def check_room(self, data: bytes, name: str | None = None) -> None:
        """Refuse `data`, to be stored as attachment `name`, when the saved file could then
        not be opened again (see `check_attachment_room`)."""
        stored = self.saved_attachments()
        stored.pop(name or "", None)
        check_attachment_room([len(d) for d in stored.values()], len(data))

    def photo_attachments(self) -> dict[str, bytes]:
        """The photos the assessments name; raise if one is missing."""
        names = {p.name for a in self.review.assessments.values() for p in a.photos}
        missing = sorted(names - set(self.attachments))
        if missing:
            raise DocumentFileError(f"photos are missing from the document: {', '.join(missing)}")
        return {n: self.attachments[n] for n in sorted(names)}


def check_embedded_checklist(raw_review: Any, source: str = "embedded checklist") -> Any:
    """The checklist snapshot inside a file must pass the same checks as a checklist file.
    Returns the review's raw data with the validated checklist in it, so that validating
    the review does not validate the checklist a second time (a model instance is taken
    as it is)."""
    checklist = raw_review.get("checklist") if isinstance(raw_review, dict) else None
    try:
        validated = checklist_from_data(checklist, source=source)
    except ChecklistError as exc:
        raise DocumentFileError(
            f"the checklist inside the file is not valid: {exc.problems[0]}"
        ) from None
    return {**raw_review, "checklist": validated}


def review_from_payload(payload: dict[str, Any], source: str = JSON_NAME) -> Review:
    payload = migrate(payload, SCHEMA_VERSION, MIGRATIONS, "review")
    raw = payload.get("review")
    if not isinstance(raw, dict):
        raise DocumentFileError(f"{source} holds no review")
    return validate_model(Review, check_embedded_checklist(raw), "the review")


def review_payload(review: Review) -> dict[str, Any]:
    return make_payload("review", SCHEMA_VERSION, review)


def document_to_bytes(doc: ReviewDocument) -> bytes:
    return container_bytes(review_payload(doc.review), JSON_NAME, doc.referenced_attachments())


def _document(payload: dict[str, Any], attachments: dict[str, bytes]) -> ReviewDocument:
    doc = ReviewDocument(review_from_payload(payload), attachments)
    doc.referenced_attachments()  # every photo the review names must be in the file
    return doc


def document_from_bytes(data: bytes) -> ReviewDocument:
    return _document(*read_container_bytes(data, JSON_NAME, "review"))


def load_review(path: str | Path) -> ReviewDocument:
    """Load a .review file, checking everything; raise DocumentFileError on any problem."""
    return load_document(path, JSON_NAME, "review", _document)


def save_review(doc: ReviewDocument, path: str | Path) -> bytes:
    """Save atomically: on any failure the file on disk is unchanged. Returns the bytes."""
    return save_document(path, lambda: document_to_bytes(doc))


def document_from_parts(payload: dict[str, Any], attachments: dict[str, bytes]) -> ReviewDocument:
    """A review from its JSON payload and attachments (as the register keeps them): the
    same migration and checks as a file."""
    return _document(payload, attachments)


def document_with(review: Review, attachments: dict[str, bytes]) -> ReviewDocument:
    """A document for `review` (made from another review) holding the attachments of
    `attachments` it names: its photos and the drawing files of its sheets."""
    names = {p.name for a in review.assessments.values() for p in a.photos}
    names |= {s.attachment for s in review.sheets}
    return ReviewDocument(review, {n: d for n, d in attachments.items() if n in names})
