"""One open review document: the domain review, its file, and one QUndoStack for every edit.

Every change a person makes goes through a method here, which pushes a QUndoCommand.
Commands store snapshots (assessments are replaced, never mutated, so a snapshot is
cheap), and undo/redo restore them. The stack's clean state is the "saved" state.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewer.domain.plan import COLLECTIONS, Plan
from reviewer.domain.review import (
    Assessment,
    OverrideWithoutReason,
    PhotoRef,
    Priority,
    Review,
    apply_rules,
    is_override,
)
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument, save_review

TEXT_FIELDS = ("notes", "measure", "override_reason", "justification")
_merge_ids = itertools.count(1000)
TEXT_MERGE_ID = next(_merge_ids)


class FactError(ValueError):
    """A plan fact value that is not allowed; the message is shown inline to the user."""


def _validation_text(exc: ValidationError) -> str:
    err = exc.errors()[0]
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


class _AssessmentCommand(QUndoCommand):
    def __init__(
        self,
        session: ReviewSession,
        before: Assessment,
        after: Assessment,
        text: str,
        merge_key: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._session._put_assessment(self.after)

    def undo(self) -> None:
        self._session._put_assessment(self.before)

    def id(self) -> int:
        return TEXT_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _AssessmentCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class _PlanCommand(QUndoCommand):
    """A change of plan facts; restores the assessments too (rules re-evaluate on change)."""

    def __init__(
        self,
        session: ReviewSession,
        before: tuple[Plan, dict[str, Assessment]],
        after: tuple[Plan, dict[str, Assessment]],
        text: str,
        merge_key: tuple[Any, ...] | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._session._put_plan(*self.after)

    def undo(self) -> None:
        self._session._put_plan(*self.before)

    def id(self) -> int:
        return TEXT_MERGE_ID + 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _PlanCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class ReviewSession(QObject):
    """An open review: the document, its path, and its undo stack."""

    assessmentChanged = Signal(str)  # criterion id
    planChanged = Signal()
    pathChanged = Signal()
    modifiedChanged = Signal(bool)

    def __init__(
        self, document: ReviewDocument, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # ------------------------------------------------------------ state
    @property
    def review(self) -> Review:
        return self.document.review

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else self.review.plan.identity.name

    # ------------------------------------------------------------ applied by commands
    def _put_assessment(self, assessment: Assessment) -> None:
        self.review.assessments[assessment.criterion_id] = assessment
        self.assessmentChanged.emit(assessment.criterion_id)

    def _put_plan(self, plan: Plan, assessments: dict[str, Assessment]) -> None:
        self.review.plan = plan
        self.review.assessments = dict(assessments)
        self.planChanged.emit()
        for cid in assessments:
            self.assessmentChanged.emit(cid)

    def _push_assessment(
        self, new: Assessment, text: str, merge_key: tuple[str, str] | None = None
    ) -> None:
        old = self.review.assessments[new.criterion_id]
        if old == new:
            return
        self.undo_stack.push(_AssessmentCommand(self, old, new, text, merge_key))

    # ------------------------------------------------------------ assessment edits
    def set_verdict(
        self,
        criterion_id: str,
        verdict: Verdict,
        *,
        override_reason: str | None = None,
        justification: str | None = None,
    ) -> None:
        """Set a verdict; raises OverrideWithoutReason when an automatic verdict is
        overridden without a reason (the caller asks the user first)."""
        old = self.review.assessments[criterion_id]
        reason = override_reason if override_reason is not None else old.override_reason
        if is_override(old.auto_verdict, verdict) and not reason.strip():
            raise OverrideWithoutReason(
                f"{criterion_id}: overriding the automatic verdict needs a reason"
            )
        update: dict[str, Any] = {"verdict": verdict}
        if override_reason is not None:
            update["override_reason"] = override_reason
        if justification is not None:
            update["justification"] = justification
        self._push_assessment(
            old.model_copy(update=update), self.tr("Verdict {0}").format(criterion_id)
        )

    def set_text(self, criterion_id: str, field: str, value: str) -> None:
        """Edit notes, measure, override reason or justification; typing merges into one undo."""
        if field not in TEXT_FIELDS:
            raise ValueError(field)
        old = self.review.assessments[criterion_id]
        if field == "override_reason" and old.is_override and not value.strip():
            raise OverrideWithoutReason(f"{criterion_id}: an override needs a reason")
        self._push_assessment(
            old.model_copy(update={field: value}),
            self.tr("Edit {0}").format(criterion_id),
            merge_key=(criterion_id, field),
        )

    def set_priority(self, criterion_id: str, priority: Priority | None) -> None:
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            old.model_copy(update={"priority": priority}),
            self.tr("Priority {0}").format(criterion_id),
        )

    def add_photo(self, criterion_id: str, filename: str, data: bytes, caption: str = "") -> str:
        """Store photo bytes in the document and attach them to a criterion; returns the name."""
        suffix = Path(filename).suffix.lower()
        if suffix == ".jpeg":
            suffix = ".jpg"
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in Path(filename).stem)
        stem = stem.strip("-_")[:60] or "photo"
        name = f"{criterion_id.lower()}-{stem}{suffix}"
        n = 2
        while name in self.document.attachments and self.document.attachments[name] != data:
            name = f"{criterion_id.lower()}-{stem}-{n}{suffix}"
            n += 1
        self.document.attachments[name] = data
        old = self.review.assessments[criterion_id]
        if any(p.name == name for p in old.photos):
            return name
        photos = [*old.photos, PhotoRef(name=name, caption=caption or Path(filename).stem)]
        self._push_assessment(
            old.model_copy(update={"photos": photos}), self.tr("Add photo {0}").format(name)
        )
        return name

    def remove_photo(self, criterion_id: str, name: str) -> None:
        old = self.review.assessments[criterion_id]
        photos = [p for p in old.photos if p.name != name]
        self._push_assessment(
            old.model_copy(update={"photos": photos}), self.tr("Remove photo {0}").format(name)
        )

    # ------------------------------------------------------------ plan edits
    def _snapshot(self) -> tuple[Plan, dict[str, Assessment]]:
        return self.review.plan, dict(self.review.assessments)

    def _push_plan(
        self, new_plan: Plan, text: str, merge_key: tuple[Any, ...] | None = None
    ) -> None:
        before = self._snapshot()
        # evaluate on a scratch review so that a failure leaves the document untouched
        scratch = self.review.model_copy(
            update={"plan": new_plan, "assessments": dict(self.review.assessments)}
        )
        apply_rules(scratch)
        after = (new_plan, dict(scratch.assessments))
        self.undo_stack.push(_PlanCommand(self, before, after, text, merge_key))

    def _validated_plan(self, data: dict[str, Any]) -> Plan:
        try:
            return Plan.model_validate(data)
        except ValidationError as exc:
            raise FactError(_validation_text(exc)) from None

    def set_identity(self, field: str, value: str) -> None:
        data = self.review.plan.model_dump()
        if data["identity"].get(field) == value:
            return
        data["identity"][field] = value
        self._push_plan(
            self._validated_plan(data), self.tr("Edit plan {0}").format(field), ("identity", field)
        )

    def set_site_fact(self, fact: str, value: Any) -> None:
        data = self.review.plan.model_dump()
        if data["site"].get(fact) == value:
            return
        data["site"][fact] = value
        self._push_plan(self._validated_plan(data), self.tr("Edit {0}").format(fact))

    def set_fact(self, collection: str, row: int, fact: str, value: Any) -> None:
        """Change one fact of one element; raises FactError (with a message) if not allowed."""
        if collection not in COLLECTIONS:
            raise ValueError(collection)
        data = self.review.plan.model_dump()
        element = data[collection][row]
        if element.get(fact) == value:
            return
        element[fact] = value
        plan = self._validated_plan(data)
        self._push_plan(plan, self.tr("Edit {0} {1}").format(element.get("id", ""), fact))

    def add_element(self, collection: str, values: dict[str, Any] | None = None) -> int:
        data = self.review.plan.model_dump()
        existing = {e["id"] for e in data[collection]}
        values = dict(values or {})
        if not values.get("id"):
            n = len(existing) + 1
            while str(n) in existing:
                n += 1
            values["id"] = str(n)
        data[collection].append(values)
        self._push_plan(self._validated_plan(data), self.tr("Add {0}").format(values["id"]))
        return len(data[collection]) - 1

    def remove_element(self, collection: str, row: int) -> None:
        data = self.review.plan.model_dump()
        removed = data[collection].pop(row)
        self._push_plan(
            self._validated_plan(data), self.tr("Remove {0}").format(removed.get("id", ""))
        )

    # ------------------------------------------------------------ files
    def save(self, path: Path | None = None) -> None:
        """Save atomically to `path` (or the current path); raises DocumentFileError.

        On failure the document stays open and unchanged, and so does the file on disk.
        """
        target = path or self.path
        if target is None:
            raise ValueError("no path to save to")
        save_review(self.document, target)
        if target != self.path:
            self.path = Path(target)
            self.pathChanged.emit()
        self.undo_stack.setClean()
