"""The review's findings as BCF topics, and the architect's replies read back onto them.

What goes into a topic is decided here; writing and reading the BCF 2.1 files is storage
(`reviewer.storage.bcf`).

- **Which criteria:** a topic per numbered item of the advice: every condition and every
  recommendation (`reviewer.domain.advice`), that is every criterion that does not meet,
  partly meets, or has a measure, in the review's scope or assessed by the adviser
  outside it. So the BIM tool shows what the letter says, numbered as the letter numbers
  it (V1, A3).
- **Stable GUIDs:** a topic's GUID is a UUID5 of the review's identity (`Review.uid`,
  made once and saved) and the criterion id; a note's comment and a sheet's viewpoint
  derive theirs from the topic's. Exporting twice gives the same GUIDs, so a BCF tool
  updates its topics instead of adding them again, and its replies can be matched back.
- **Viewpoints:** one per sheet with pins for the criterion: a snapshot of the sheet
  around those pins (`snapshot_box`), and, for a sheet rendered from an IFC storey, an
  orthogonal camera looking down on the pins at the storey's cut height, with the IFC
  elements the pins mark selected.
- **Status** (`topic_status`): closed when the measure is verified at handover or
  withdrawn; otherwise the architect's latest status from their replies, so exporting
  again does not reopen in their BIM tool what they resolved; otherwise resolved when the
  measure is processed in the drawings, and open.
- **Replies** (`apply_replies`): comments the architect wrote on a topic, and changes of
  its status, become read-only history (`Assessment.replies`) on the criterion whose
  topic it is; topics that are not this review's are listed, never dropped.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reviewer.domain.advice import AdviceItem, build_advice
from reviewer.domain.checklist import Criterion
from reviewer.domain.drawing import Pin, Sheet
from reviewer.domain.review import (
    REVIEWER_NAMESPACE,
    Assessment,
    Priority,
    Reply,
    ReplyKind,
    Review,
)
from reviewer.domain.stages import MeasureStatus
from reviewer.domain.text import MAX_NAME_CHARS, MAX_TEXT_CHARS, Lang, t
from reviewer.domain.verdict import VERDICT_LABELS, Verdict
from reviewer.domain.workshop import DEADLINE_LABELS

__all__ = [
    "OPEN",
    "Camera",
    "ReadComment",
    "ReadTopic",
    "RepliesResult",
    "Topic",
    "TopicComment",
    "TopicView",
    "apply_replies",
    "camera_for",
    "finding_topics",
    "note_guid",
    "snapshot_box",
    "topic_guid",
    "topic_status",
    "viewpoint_guid",
]

# the topic statuses the export writes (BCF 2.1 leaves the list to the project; these
# three are the ones BIM tools offer by default)
OPEN, RESOLVED, CLOSED = "Open", "Resolved", "Closed"
MAX_NOTE_COMMENTS = 50  # paragraphs of the notes beyond this go into the last comment
SECTION_HEIGHT_M = 1.2  # a floor plan is cut this far above the storey's floor
SNAPSHOT_MARGIN = 0.15  # of the sheet's longer side, around the pins
SNAPSHOT_MIN = 0.45  # the snapshot shows at least this share of the sheet's longer side
IFC_GUID = re.compile(r"^[0-9A-Za-z_$]{22}$")

TOPIC_TYPES = {
    True: t("Voorwaarde", "Condition"),
    False: t("Aanbeveling", "Recommendation"),
}
# BCF has no fixed list of priorities; these are the words BCF tools most often offer
BCF_PRIORITIES = {Priority.HIGH: "High", Priority.MEDIUM: "Normal", Priority.LOW: "Low"}
PARTLY = t("voldoet gedeeltelijk", "partly meets")
WORDS = {
    "verdict": t("Oordeel", "Verdict"),
    "justification": t("Motivering", "Justification"),
    "override": t("Afwijking van de toetsing, omdat", "Differs from the rule check because"),
    "evidence": t("Getoetst aan de plangegevens", "Checked against the plan facts"),
    "measure": t("Maatregel", "Measure"),
    "who": t("wie", "who"),
    "criterion": t("Criterium", "Criterion"),
    "requirement": t("eis", "requirement"),
    "recommendation": t("aanbeveling", "recommendation"),
    "pins": t("Markering", "Marker"),
    "on_sheet": t("op tekening", "on drawing"),
}


def topic_guid(review: Review, criterion_id: str) -> uuid.UUID:
    """The GUID of the topic for a criterion of this review: the same on every export."""
    return uuid.uuid5(REVIEWER_NAMESPACE, f"{review.identity}/topic/{criterion_id}")


def note_guid(topic: uuid.UUID, index: int) -> uuid.UUID:
    """The GUID of the comment holding paragraph `index` of the adviser's notes."""
    return uuid.uuid5(topic, f"note/{index}")


def viewpoint_guid(topic: uuid.UUID, sheet_id: str) -> uuid.UUID:
    return uuid.uuid5(topic, f"viewpoint/{sheet_id}")


@dataclass(frozen=True)
class Camera:
    """An orthogonal camera looking straight down, in model coordinates (metres)."""

    position: tuple[float, float, float]
    view_width_m: float  # how much of the model the view shows across
    cut_height: float  # everything above this is clipped away (the storey's section)
    direction: tuple[float, float, float] = (0.0, 0.0, -1.0)
    up: tuple[float, float, float] = (0.0, 1.0, 0.0)


@dataclass(frozen=True)
class TopicView:
    """A viewpoint: the sheet around its pins, and a camera when the sheet is from IFC."""

    guid: uuid.UUID
    sheet: Sheet
    pins: tuple[Pin, ...]
    box: tuple[float, float, float, float]  # the snapshot's part of the sheet (sheet units)
    camera: Camera | None
    selected: tuple[str, ...]  # IFC GlobalIds of the elements the pins mark


@dataclass(frozen=True)
class TopicComment:
    guid: uuid.UUID
    author: str
    date: datetime
    text: str


@dataclass(frozen=True)
class Topic:
    """What one finding says in a BCF file."""

    guid: uuid.UUID
    criterion: Criterion
    assessment: Assessment
    number: str  # as the letter numbers it: "V1" / "A3" (nl), "C1" / "R3" (en)
    title: str
    description: str
    topic_type: str
    status: str
    priority: str | None
    labels: tuple[str, ...]
    author: str
    created: datetime
    modified: datetime
    comments: tuple[TopicComment, ...]
    views: tuple[TopicView, ...]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def snapshot_box(sheet: Sheet, pins: Sequence[Pin]) -> tuple[float, float, float, float]:
    """The part of the sheet a snapshot shows (x0, y0, x1, y1 in sheet units): the pins
    with a margin, at least `SNAPSHOT_MIN` of the sheet's longer side across, inside the
    sheet."""
    side = max(sheet.width, sheet.height)
    xs = [p.position[0] for p in pins]
    ys = [p.position[1] for p in pins]
    margin = SNAPSHOT_MARGIN * side
    least = SNAPSHOT_MIN * side

    def span(lo: float, hi: float, limit: float) -> tuple[float, float]:
        lo, hi = lo - margin, hi + margin
        if hi - lo < least:
            middle = (lo + hi) / 2
            lo, hi = middle - least / 2, middle + least / 2
        if hi - lo >= limit:
            return 0.0, limit
        if lo < 0:
            lo, hi = 0.0, hi - lo
        if hi > limit:
            lo, hi = lo - (hi - limit), limit
        return lo, hi

    x0, x1 = span(min(xs), max(xs), sheet.width)
    y0, y1 = span(min(ys), max(ys), sheet.height)
    return (x0, y0, x1, y1)


def model_point(sheet: Sheet, x: float, y: float) -> tuple[float, float]:
    """A point of a sheet from IFC in model coordinates (m): image y grows downward,
    model y upward."""
    assert sheet.ifc is not None
    ifc = sheet.ifc
    return (ifc.origin_x + x * ifc.metres_per_pixel, ifc.origin_y - y * ifc.metres_per_pixel)


def camera_for(
    sheet: Sheet, pins: Sequence[Pin], box: tuple[float, float, float, float]
) -> Camera | None:
    """A camera above the pins (their middle) at the storey's cut height, showing as much
    of the model as the snapshot shows of the sheet; None for a sheet not from IFC."""
    ifc = sheet.ifc
    if ifc is None or not ifc.metres_per_pixel > 0 or not pins:
        return None
    x = sum(p.position[0] for p in pins) / len(pins)
    y = sum(p.position[1] for p in pins) / len(pins)
    mx, my = model_point(sheet, x, y)
    width = max(box[2] - box[0], box[3] - box[1]) * ifc.metres_per_pixel
    values = (mx, my, ifc.elevation, width)
    if not all(math.isfinite(v) for v in values):
        return None
    cut = ifc.elevation + SECTION_HEIGHT_M
    return Camera(position=(mx, my, cut), view_width_m=width, cut_height=cut)


def _views(review: Review, topic: uuid.UUID, criterion_id: str) -> tuple[TopicView, ...]:
    views = []
    for sheet in review.sheets:
        pins = tuple(
            sorted(
                (p for p in sheet.pins if p.criterion_id == criterion_id), key=lambda p: p.number
            )
        )
        if not pins:
            continue
        box = snapshot_box(sheet, pins)
        selected = tuple(dict.fromkeys(p.ifc_guid for p in pins if IFC_GUID.match(p.ifc_guid)))
        views.append(
            TopicView(
                guid=viewpoint_guid(topic, sheet.id),
                sheet=sheet,
                pins=pins,
                box=box,
                camera=camera_for(sheet, pins, box),
                selected=selected if sheet.ifc is not None else (),
            )
        )
    return tuple(views)


def _verdict_label(verdict: Verdict, lang: Lang) -> str:
    return (PARTLY if verdict is Verdict.PARTLY else VERDICT_LABELS[verdict]).get(lang)


def _description(
    review: Review, criterion: Criterion, a: Assessment, number: str, lang: Lang
) -> str:
    w = {key: text.get(lang) for key, text in WORDS.items()}
    lines = [f"{w['verdict']}: {_verdict_label(a.verdict, lang)}."]
    if a.justification.strip():
        lines.append(f"{w['justification']}: {a.justification.strip()}")
    if a.is_override and a.override_reason.strip():
        lines.append(f"{w['override']}: {a.override_reason.strip()}")
    evidence = [e for e in a.evidence if e.verdict is not Verdict.MEETS] or a.evidence
    if evidence and a.auto_verdict is not None:
        lines.append(f"{w['evidence']}:")
        lines += [f"- {e.text.get(lang)}" for e in evidence]
    if a.measure.strip():
        extra = []
        if a.actor.strip():
            extra.append(f"{w['who']}: {a.actor.strip()}")
        if a.due_stage is not None:
            extra.append(DEADLINE_LABELS[a.due_stage].get(lang))
        tail = f" ({'; '.join(extra)})" if extra else ""
        lines.append(f"{w['measure']} {number}: {a.measure.strip()}{tail}")
    pins = review.pins_for(criterion.id)
    if pins:
        marks = ", ".join(f"{p.number} {w['on_sheet']} {s.name}" for s, p in pins)
        lines.append(f"{w['pins']} {marks}.")
    level = w["requirement"] if criterion.is_requirement else w["recommendation"]
    lines.append(f"{w['criterion']} {criterion.id} ({level}).")
    return _clip("\n".join(lines), MAX_TEXT_CHARS)


def _note_paragraphs(notes: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n", notes) if p.strip()]
    if len(parts) > MAX_NOTE_COMMENTS:
        parts = [*parts[: MAX_NOTE_COMMENTS - 1], "\n\n".join(parts[MAX_NOTE_COMMENTS - 1 :])]
    return parts


def author_of(review: Review) -> str:
    """Who the topics are from: the adviser, else their organisation."""
    r = review.reviewer
    return (r.name.strip() or r.organisation.strip() or "Safety & Cohesion Reviewer")[
        :MAX_NAME_CHARS
    ]


def finding_topics(review: Review, lang: Lang = "nl") -> list[Topic]:
    """A topic per condition and recommendation of the advice, in checklist order."""
    advice = build_advice(review)
    numbered: dict[str, tuple[AdviceItem, bool]] = {}
    for item in advice.conditions:
        numbered[item.criterion.id] = (item, True)
    for item in advice.recommendations:
        numbered.setdefault(item.criterion.id, (item, False))
    author = author_of(review)
    section_titles = {
        c.id: s.title.get(lang) for s in review.checklist.sections for c in s.criteria
    }
    topics = []
    for criterion in review.criteria():
        if criterion.id not in numbered:
            continue
        item, condition = numbered[criterion.id]
        a = review.assessments[criterion.id]
        prefix = ("V" if lang == "nl" else "C") if condition else ("A" if lang == "nl" else "R")
        number = f"{prefix}{item.number}"
        guid = topic_guid(review, criterion.id)
        comments = tuple(
            TopicComment(note_guid(guid, i), author, review.modified, text)
            for i, text in enumerate(_note_paragraphs(a.notes))
        )
        labels = (
            review.perspective.label.get(lang),
            *(p.label.get(lang) for p in criterion.perspectives if p is not review.perspective),
            section_titles[criterion.id],
        )
        topics.append(
            Topic(
                guid=guid,
                criterion=criterion,
                assessment=a,
                number=number,
                title=_clip(f"{number} {criterion.title.get(lang)}", MAX_NAME_CHARS),
                description=_description(review, criterion, a, number, lang),
                topic_type=TOPIC_TYPES[condition].get(lang),
                status=topic_status(a),
                priority=BCF_PRIORITIES.get(a.priority) if a.priority is not None else None,
                labels=tuple(dict.fromkeys(labels)),
                author=author,
                created=review.created,
                modified=review.modified,
                comments=comments,
                views=_views(review, guid, criterion.id),
            )
        )
    return topics


# ---------------------------------------------------------------- replies


@dataclass(frozen=True)
class ReadComment:
    """A comment as a BCF file holds it."""

    guid: str
    author: str
    date: datetime | None
    text: str
    modified: datetime | None = None


@dataclass(frozen=True)
class ReadTopic:
    """A topic as a BCF file holds it (what replies need of it)."""

    guid: str
    title: str
    status: str = ""
    topic_type: str = ""
    author: str = ""
    modified: datetime | None = None
    modified_author: str = ""
    comments: tuple[ReadComment, ...] = ()


@dataclass
class RepliesResult:
    """What reading replies would change: the new assessments (only those that change),
    how many replies each gets, and the topics that are not this review's."""

    assessments: dict[str, Assessment] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    unknown: list[ReadTopic] = field(default_factory=list)
    matched: int = 0  # topics of this review in the file

    @property
    def count(self) -> int:
        return sum(self.added.values())


def _last_reply_status(replies: Sequence[Reply]) -> str:
    for reply in reversed(replies):
        if reply.kind is ReplyKind.STATUS:
            return reply.status
    return ""


def _exported_status(measure: MeasureStatus, replies: Sequence[Reply]) -> str:
    if measure in (MeasureStatus.VERIFIED, MeasureStatus.WITHDRAWN):
        return CLOSED
    last = _last_reply_status(replies)
    if last:
        return last
    return RESOLVED if measure is MeasureStatus.PROCESSED else OPEN


def topic_status(assessment: Assessment) -> str:
    """The status the criterion's topic is exported with (see the module's description)."""
    return _exported_status(assessment.measure_status, assessment.replies)


def _sort_key(reply: Reply) -> tuple[int, str]:
    return (0, reply.date.isoformat()) if reply.date is not None else (1, "")


def apply_replies(review: Review, topics: Sequence[ReadTopic]) -> RepliesResult:
    """Match the topics of a BCF file to this review's criteria by GUID, and turn what the
    architect wrote (comments) and did (status changes) into replies on the criteria.

    Comments the export wrote itself (the adviser's notes) are not replies; a comment
    already read is read again only when its text changed (it was edited). The review is
    not changed: the result holds the new assessments, for one undoable step.
    """
    by_guid = {str(topic_guid(review, c.id)): c.id for c in review.criteria()}
    result = RepliesResult()
    for topic in topics:
        criterion_id = by_guid.get(topic.guid.strip().lower())
        if criterion_id is None:
            result.unknown.append(topic)
            continue
        result.matched += 1
        old = result.assessments.get(criterion_id, review.assessments[criterion_id])
        own = {str(note_guid(uuid.UUID(topic.guid.strip()), i)) for i in range(MAX_NOTE_COMMENTS)}
        replies = list(old.replies)
        index = {r.guid: i for i, r in enumerate(replies)}
        added = 0
        for comment in topic.comments:
            guid = comment.guid.strip().lower()
            if guid in own:
                continue
            reply = Reply(
                guid=guid,
                kind=ReplyKind.COMMENT,
                author=comment.author[:MAX_NAME_CHARS],
                date=comment.modified or comment.date,
                text=_clip(comment.text, MAX_TEXT_CHARS),
            )
            if guid in index:
                if replies[index[guid]].text != reply.text:
                    replies[index[guid]] = reply
                    added += 1
                continue
            index[guid] = len(replies)
            replies.append(reply)
            added += 1
        status = topic.status.strip()[:MAX_NAME_CHARS]
        # a change is a status other than the one this review last exported
        if status and status.casefold() != _exported_status(old.measure_status, replies).casefold():
            when = topic.modified.isoformat() if topic.modified is not None else ""
            reply = Reply(
                guid=f"status:{status}:{when}",
                kind=ReplyKind.STATUS,
                author=(topic.modified_author or topic.author)[:MAX_NAME_CHARS],
                date=topic.modified,
                status=status,
            )
            if reply.guid not in index:
                replies.append(reply)
                added += 1
        if added:
            replies.sort(key=_sort_key)
            result.assessments[criterion_id] = old.changed(replies=replies)
            result.added[criterion_id] = result.added.get(criterion_id, 0) + added
    return result
