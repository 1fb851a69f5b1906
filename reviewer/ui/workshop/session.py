"""One open workshop: two reviews of one plan side by side, and the joint conclusions.

Like `ReviewSession`: the document, its path, and one QUndoStack for every edit. In a
workshop the joint conclusions and the workshop's details (title, place, chair, attendance)
change; the two reviews are read, and changed only by carrying the joint decisions into
them (`carry_decisions`, one undo step), which leaves their verdicts alone. Their
comparison is computed again when that happens (it holds both sides' measures).

Commands store snapshots (a `JointConclusion` is frozen; None means "no conclusion"),
and typing in a text field merges into one undo step. The stack's clean state is the
"saved" state.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from reviewer.domain.checklist import Perspective
from reviewer.domain.compare import Comparison, ComparisonItem, ItemStatus
from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind, Participant, Review
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict
from reviewer.domain.workshop import (
    CarriedDecision,
    JointConclusion,
    Workshop,
    carry_decisions,
    new_workshop,
)
from reviewer.storage.review_file import ReviewDocument, load_review
from reviewer.storage.workshop_file import WorkshopDocument, save_workshop, workshop_to_bytes
from reviewer.ui.checked import checked_change, checked_text
from reviewer.ui.document import DocumentSession

if TYPE_CHECKING:
    from reviewer.ui.export import ReportJob

CONCLUSION_TEXT_FIELDS = ("measure", "actor", "note")
CONCLUSION_FIELDS = ("verdict", *CONCLUSION_TEXT_FIELDS, "due_stage", "measure_kind")
DETAIL_FIELDS = ("title", "participants", "chair", "place")
TO_DISCUSS = frozenset(
    {ItemStatus.DIFFER, ItemStatus.CONFLICT, ItemStatus.ONLY_A, ItemStatus.ONLY_B}
)

_merge_ids = itertools.count(2000)
CONCLUSION_MERGE_ID = next(_merge_ids)
DETAIL_MERGE_ID = next(_merge_ids)


def is_empty(conclusion: JointConclusion) -> bool:
    """Nothing agreed, written or chosen: the same as no conclusion at all."""
    return (
        not conclusion.verdict.is_assessed
        and not any(getattr(conclusion, f).strip() for f in CONCLUSION_TEXT_FIELDS)
        and conclusion.due_stage is None
        and conclusion.measure_kind is MeasureKind.RECOMMENDATION
    )


def is_decided(conclusion: JointConclusion | None) -> bool:
    """A joint conclusion with an agreed verdict (what closes an open difference)."""
    return conclusion is not None and conclusion.verdict.is_assessed


class _ConclusionCommand(QUndoCommand):
    def __init__(
        self,
        session: WorkshopSession,
        criterion_id: str,
        before: JointConclusion | None,
        after: JointConclusion | None,
        text: str,
        merge_key: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.criterion_id = criterion_id
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._session._put_conclusion(self.criterion_id, self.after)

    def undo(self) -> None:
        self._session._put_conclusion(self.criterion_id, self.before)

    def id(self) -> int:
        return CONCLUSION_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _ConclusionCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True


class _DetailCommand(QUndoCommand):
    """The workshop's title, chair or remarks on attendance."""

    def __init__(
        self, session: WorkshopSession, field: str, before: str, after: str, text: str
    ) -> None:
        super().__init__(text)
        self._session = session
        self.field = field
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._session._put_detail(self.field, self.after)

    def undo(self) -> None:
        self._session._put_detail(self.field, self.before)

    def id(self) -> int:
        return DETAIL_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _DetailCommand) or other.field != self.field:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True


class _AttendanceCommand(QUndoCommand):
    """The attendance list and the remarks on it, as one step."""

    def __init__(
        self,
        session: WorkshopSession,
        before: tuple[list[Participant], str],
        after: tuple[list[Participant], str],
        text: str,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._session._put_attendance(*self.after)

    def undo(self) -> None:
        self._session._put_attendance(*self.before)


class _ReviewsCommand(QUndoCommand):
    """Both embedded reviews replaced at once (the joint decisions carried into them)."""

    def __init__(
        self,
        session: WorkshopSession,
        before: tuple[Review, Review],
        after: tuple[Review, Review],
        text: str,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._session._put_reviews(*self.after)

    def undo(self) -> None:
        self._session._put_reviews(*self.before)


class WorkshopSession(DocumentSession):
    """An open workshop: the document, its path, its undo stack, and the comparison."""

    conclusionChanged = Signal(str)  # criterion id
    detailsChanged = Signal()  # title, chair, attendance
    reviewsChanged = Signal()  # the embedded reviews (joint decisions carried into them)

    kind = "workshop"
    file_suffix = ".workshop"

    def __init__(
        self, document: WorkshopDocument, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(path, parent)
        self.document = document
        self._compare()

    def _compare(self) -> None:
        workshop = self.document.workshop
        self.comparison: Comparison = workshop.comparison()
        self._items = {i.criterion_id: i for i in self.comparison.items}

    # ------------------------------------------------------------ state
    @property
    def workshop(self) -> Workshop:
        return self.document.workshop

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        title = self.workshop.title or self.workshop.review_a.plan.identity.name
        return self.tr("{0} (workshop)").format(title)

    # ------------------------------------------------------------ the document's file
    def status_text(self, lang: str) -> str:
        """The status bar's line: both sides, and the checklist."""
        workshop = self.workshop
        parts = [self.tr("Workshop")]
        for letter, review in (("A", workshop.review_a), ("B", workshop.review_b)):
            side = f"{letter}: {review.perspective.label.get(lang)}"
            if review.reviewer.name:
                side += f" ({review.reviewer.name})"
            parts.append(side)
        checklist = workshop.review_a.checklist
        parts.append(f"{checklist.title.get(lang)} {checklist.version}")
        return "  ·  ".join(parts)

    def suggested_stem(self) -> str:
        return self.workshop.title or "workshop"

    def to_bytes(self) -> bytes:
        """The document as a .workshop file's bytes (autosave)."""
        return workshop_to_bytes(self.document)

    def _write(self, target: Path) -> bytes:
        return save_workshop(self.document, target)

    def ask_save_path(self, parent: QWidget, suggested: str) -> Path | None:
        from reviewer.ui.workshop import dialogs as workshop_dialogs

        return workshop_dialogs.ask_workshop_save_path(parent, suggested)

    def not_saved_title(self) -> str:
        return self.tr("The workshop was not saved")

    @classmethod
    def cannot_open_title(cls) -> str:
        return QCoreApplication.translate("WorkshopSession", "The workshop cannot be opened")

    def report_available(self) -> bool:
        from reviewer.ui.workshop import export as workshop_export

        return workshop_export.workshop_report_available()

    def export_job(self, parent: QWidget, output: Path, lang: str) -> ReportJob:
        from reviewer.ui.workshop import export as workshop_export

        return workshop_export.workshop_job(parent, self.document, output, lang)

    def conclusion(self, criterion_id: str) -> JointConclusion | None:
        return self.workshop.conclusions.get(criterion_id)

    def is_open(self, criterion_id: str) -> bool:
        """A difference to discuss that has no agreed verdict yet."""
        item = self.item(criterion_id)
        return (
            item is not None
            and item.status in TO_DISCUSS
            and not is_decided(self.conclusion(criterion_id))
        )

    def item(self, criterion_id: str) -> ComparisonItem | None:
        """The comparison item of a criterion (None when only one review has it)."""
        return self._items.get(criterion_id)

    def open_differences(self) -> int:
        """Differences, conflicts and one-sided verdicts without an agreed verdict."""
        return sum(1 for i in self.comparison.items if self.is_open(i.criterion_id))

    def tension_partners(self, criterion_id: str) -> list[str]:
        out = []
        for tension in self.comparison.tensions:
            if tension.first == criterion_id:
                out.append(tension.second)
            elif tension.second == criterion_id:
                out.append(tension.first)
        return out

    # ------------------------------------------------------------ applied by commands
    def _put_conclusion(self, criterion_id: str, conclusion: JointConclusion | None) -> None:
        if conclusion is None:
            self.workshop.conclusions.pop(criterion_id, None)
        else:
            self.workshop.conclusions[criterion_id] = conclusion
        self.conclusionChanged.emit(criterion_id)

    def _put_detail(self, field: str, value: str) -> None:
        setattr(self.workshop, field, value)
        self.detailsChanged.emit()

    def _put_attendance(self, attendees: list[Participant], remarks: str) -> None:
        self.workshop.attendees = list(attendees)
        self.workshop.participants = remarks
        self.detailsChanged.emit()

    def _put_reviews(self, a: Review, b: Review) -> None:
        self.workshop.review_a = a
        self.workshop.review_b = b
        self._compare()
        self.reviewsChanged.emit()

    # ------------------------------------------------------------ edits
    def set_conclusion(self, criterion_id: str, **fields: Any) -> None:
        """Change the joint conclusion of a criterion: verdict, measure, actor and/or note.

        Typing in one text field merges into one undo step. A conclusion left with nothing
        agreed and nothing written is removed. Raises TextError for a text that is too long.
        """
        if self.item(criterion_id) is None:
            raise KeyError(criterion_id)
        unknown = set(fields) - set(CONCLUSION_FIELDS)
        if unknown:
            raise ValueError(f"not a field of a joint conclusion: {', '.join(sorted(unknown))}")
        update: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "verdict":
                update[name] = Verdict(value)
            elif name == "due_stage":
                update[name] = Stage(value) if value else None
            elif name == "measure_kind":
                update[name] = MeasureKind(value)
            else:
                update[name] = str(value)
        old = self.conclusion(criterion_id)
        base = old or JointConclusion(criterion_id=criterion_id)
        changed = checked_change(base, **update)
        new = None if is_empty(changed) else changed
        if new == old:
            return
        merge_key = None
        if len(update) == 1 and next(iter(update)) in CONCLUSION_TEXT_FIELDS:
            merge_key = (criterion_id, next(iter(update)))
        if "verdict" in update:
            text = self.tr("Agreed verdict {0}").format(criterion_id)
        elif "due_stage" in update:
            text = self.tr("Deadline of decision {0}").format(criterion_id)
        elif "measure_kind" in update:
            text = self.tr("Condition or recommendation {0}").format(criterion_id)
        else:
            text = self.tr("Edit joint conclusion {0}").format(criterion_id)
        self.undo_stack.push(_ConclusionCommand(self, criterion_id, old, new, text, merge_key))

    def clear_conclusion(self, criterion_id: str) -> None:
        old = self.conclusion(criterion_id)
        if old is None:
            return
        self.undo_stack.push(
            _ConclusionCommand(
                self,
                criterion_id,
                old,
                None,
                self.tr("Clear joint conclusion {0}").format(criterion_id),
            )
        )

    def set_detail(self, field: str, value: str) -> None:
        """The workshop's title, chair or remarks on attendance (`participants`); typing
        merges into one undo step."""
        if field not in DETAIL_FIELDS:
            raise ValueError(field)
        value = checked_text(Workshop, field, value)
        old = getattr(self.workshop, field)
        if old == value:
            return
        label = {
            "title": self.tr("Edit workshop title"),
            "chair": self.tr("Edit chair"),
            "place": self.tr("Edit place"),
            "participants": self.tr("Edit participants"),
        }[field]
        self.undo_stack.push(_DetailCommand(self, field, old, value, label))

    def set_attendance(self, attendees: list[Participant], remarks: str | None = None) -> None:
        """The attendance list (rows without a name, role or organisation are dropped) and,
        if given, the remarks on it: one undo step. Raises TextError for a text that is too
        long, ValueError for more attendees than a workshop holds."""
        fields = ("name", "role", "organisation")
        rows = [
            Participant(**{f: checked_text(Participant, f, getattr(p, f)) for f in fields})
            for p in attendees
            if any(getattr(p, f).strip() for f in fields)
        ]
        limit = Workshop.model_fields["attendees"].metadata[0].max_length
        if len(rows) > limit:
            raise ValueError(f"a workshop holds at most {limit} attendees")
        old_remarks = self.workshop.participants
        new_remarks = (
            old_remarks if remarks is None else checked_text(Workshop, "participants", remarks)
        )
        before = (list(self.workshop.attendees), old_remarks)
        after = (rows, new_remarks)
        if before == after:
            return
        self.undo_stack.push(_AttendanceCommand(self, before, after, self.tr("Edit attendance")))

    def carry_decisions(self) -> list[CarriedDecision]:
        """Write every joint decision into both reviews (see `carry_decisions`): one undo
        step, none when nothing changes. Returns what happened per decision and side."""
        a, b, report = carry_decisions(self.workshop)
        if any(r.status.changed for r in report):
            before = (self.workshop.review_a, self.workshop.review_b)
            self.undo_stack.push(
                _ReviewsCommand(self, before, (a, b), self.tr("Carry decisions into both reviews"))
            )
        return report


def workshop_from_reviews(
    a: ReviewDocument, b: ReviewDocument, title: str = "", *, same_plan_confirmed: bool = False
) -> tuple[WorkshopDocument, list[Text]]:
    """A new workshop of two reviews, the safety review as A when the perspectives differ.

    Returns the document and the comparison's warnings (e.g. checklist versions);
    raises DifferentPlansError (a ComparisonError) when the reviews name different
    plans, unless a person confirmed that they are of one plan (`same_plan_confirmed`).
    """
    if a.review.perspective is Perspective.COHESION and b.review.perspective is Perspective.SAFETY:
        a, b = b, a
    workshop = new_workshop(a.review, b.review, title, same_plan_confirmed=same_plan_confirmed)
    return WorkshopDocument.from_reviews(a, b, workshop), workshop.comparison().warnings


def workshop_from_files(
    path_a: Path, path_b: Path, title: str = "", *, same_plan_confirmed: bool = False
) -> tuple[WorkshopDocument, list[Text]]:
    """Load two .review files into a new workshop; raises DocumentFileError or
    ComparisonError with a message a person can act on."""
    return workshop_from_reviews(
        load_review(path_a), load_review(path_b), title, same_plan_confirmed=same_plan_confirmed
    )
