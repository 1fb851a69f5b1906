"""One open review document: the domain review, its file, and one QUndoStack for every edit.

Every change a person makes goes through a method here, which pushes a QUndoCommand.
Commands store snapshots (assessments are replaced, never mutated, so a snapshot is
cheap), and undo/redo restore them. The stack's clean state is the "saved" state.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.dossier import Dossier, ReviewedDocument
from reviewer.domain.drawing import (
    Calibration,
    FactTarget,
    Measurement,
    MeasurementKind,
    Pin,
    Sheet,
    next_pin_number,
)
from reviewer.domain.measuring import (
    AssignResult,
    CalibrateResult,
    assign_measurement,
    calibrate_sheet,
)
from reviewer.domain.next_stage import adopted_assessment
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.plan import (
    COLLECTION_LABELS,
    COLLECTIONS,
    SUGGESTED_ELEMENT,
    Plan,
    Site,
    Stage,
)
from reviewer.domain.review import (
    Assessment,
    MeasureKind,
    OutcomeChoice,
    Participant,
    PhotoRef,
    Priority,
    Procedure,
    Review,
    apply_rules,
)
from reviewer.domain.stages import MeasureStatus
from reviewer.domain.verdict import Verdict
from reviewer.storage import drawings
from reviewer.storage.container import IMAGE_SUFFIXES, DocumentFileError, check_image
from reviewer.storage.review_file import ReviewDocument, document_to_bytes, save_review
from reviewer.ui import dialogs
from reviewer.ui.checked import TextError, checked_change, validation_text
from reviewer.ui.document import DocumentSession
from reviewer.ui.error_text import error_text
from reviewer.ui.i18n import current_lang

TEXT_FIELDS = ("notes", "measure", "override_reason", "justification")
# identity fields chosen from a list (plan type, stage): they decide which criteria apply
CHOICE_FIELDS = ("plan_type", "stage")
PROCEDURE_FIELDS = ("cohesion_included", "joint_session", "joint_session_date", "notes")
PARTICIPANT_FIELDS = ("name", "organisation", "role")
# the dossier's fields edited one by one ("addressee.name": a field of a nested part)
DOSSIER_FIELDS = (
    "reference",
    "their_reference",
    "place",
    "dispatch_date",
    "addressee.name",
    "addressee.organisation",
    "addressee.department",
    "addressee.address",
    "subject",
    "request",
    "contact.name",
    "contact.phone",
    "contact.email",
    "distribution",
    "next_step",
    "validity",
)
DOCUMENT_FIELDS = ("number", "title", "date", "revision")
if TYPE_CHECKING:
    from reviewer.ui.export import ReportJob
_merge_ids = itertools.count(1000)
TEXT_MERGE_ID = next(_merge_ids)


class FactError(ValueError):
    """A plan fact value that is not allowed. The message is pydantic's (English);
    `kind` and `ctx` are the error's type and context (`reviewer.domain.plan` names the
    plan's own), from which the plan view says it in the interface language."""

    def __init__(self, message: str, kind: str = "", ctx: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.ctx = ctx or {}


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


class _ValueCommand(QUndoCommand):
    """A change of one part of the review held as a whole value (the procedure record,
    the dossier, the adviser's outcome): `put` applies a value, undo puts the old one
    back; consecutive changes with the same `merge_key` are one undo step."""

    def __init__(
        self,
        put: Any,
        before: Any,
        after: Any,
        text: str,
        merge_id: int,
        merge_key: tuple[Any, ...] | None = None,
    ) -> None:
        super().__init__(text)
        self._put = put
        self.before = before
        self.after = after
        self._merge_id = merge_id
        self.merge_key = merge_key

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)

    def id(self) -> int:
        return self._merge_id if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _ValueCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


# sheets, plan, assessments and attachments: everything a drawing edit can change
_DrawingState = tuple[list[Sheet], Plan, dict[str, Assessment], dict[str, bytes]]


class _DrawingCommand(QUndoCommand):
    """An edit of the drawings (sheets, pins, measurements, or a measured fact)."""

    def __init__(
        self, session: ReviewSession, before: _DrawingState, after: _DrawingState, text: str
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit is already applied; only announce it
            self._first = False
            self._session._announce_drawings(self.before)
            return
        self._session._put_drawings(self.after)

    def undo(self) -> None:
        self._session._put_drawings(self.before)


class ReviewSession(DocumentSession):
    """An open review: the document, its path, and its undo stack."""

    assessmentChanged = Signal(str)  # criterion id
    planChanged = Signal()
    sheetsChanged = Signal()
    procedureChanged = Signal()
    dossierChanged = Signal()
    outcomeChoiceChanged = Signal()

    kind = "review"
    file_suffix = ".review"

    def __init__(
        self, document: ReviewDocument, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(path, parent)
        self.document = document

    # ------------------------------------------------------------ state
    @property
    def review(self) -> Review:
        return self.document.review

    def display_name(self) -> str:
        return self.path.name if self.path else self.review.plan.identity.name

    # ------------------------------------------------------------ the document's file
    def status_text(self, lang: str) -> str:
        """The status bar's line: perspective, reviewer, checklist."""
        review = self.review
        parts = [self.tr("{0} review").format(review.perspective.label.get(lang))]
        if review.reviewer.name:
            parts.append(review.reviewer.name)
        parts.append(f"{review.checklist.title.get(lang)} {review.checklist.version}")
        profile = review.checklist.profile
        if profile is not None:
            parts.append(self.tr("profile {0}").format(profile.title.get(lang)))  # type: ignore[arg-type]
        return "  ·  ".join(parts)

    def suggested_stem(self) -> str:
        return self.review.plan.identity.name

    def to_bytes(self) -> bytes:
        return document_to_bytes(self.document)

    def _write(self, target: Path) -> bytes:
        return save_review(self.document, target)

    def ask_save_path(self, parent: QWidget, suggested: str) -> Path | None:
        return dialogs.ask_save_path(parent, suggested)

    def not_saved_title(self) -> str:
        return self.tr("The review was not saved")

    @classmethod
    def cannot_open_title(cls) -> str:
        return QCoreApplication.translate("ReviewSession", "The review cannot be opened")

    def report_available(self) -> bool:
        from reviewer.ui import export

        return export.report_available()

    def export_job(self, parent: QWidget, output: Path, lang: str) -> ReportJob:
        from reviewer.ui import export

        return export.review_job(parent, self.document, output, lang)

    # ------------------------------------------------------------ applied by commands
    def _put_assessment(self, assessment: Assessment) -> None:
        self.review.assessments[assessment.criterion_id] = assessment
        self.assessmentChanged.emit(assessment.criterion_id)

    def _put_plan(self, plan: Plan, assessments: dict[str, Assessment]) -> None:
        old = self.review.assessments
        self.review.plan = plan
        self.review.assessments = dict(assessments)
        self.planChanged.emit()
        for cid, assessment in assessments.items():
            if old.get(cid) is not assessment:  # the rules left the others as they were
                self.assessmentChanged.emit(cid)

    def _put_procedure(self, procedure: Procedure) -> None:
        self.review.procedure = procedure.model_copy(deep=True)
        self.procedureChanged.emit()

    def _put_dossier(self, dossier: Dossier) -> None:
        self.review.dossier = dossier.model_copy(deep=True)
        self.dossierChanged.emit()

    def _put_outcome_choice(self, choice: OutcomeChoice | None) -> None:
        self.review.outcome_choice = choice.model_copy() if choice is not None else None
        self.outcomeChoiceChanged.emit()

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
        overridden without a reason, PartlyWithoutJustification for "voldoet gedeeltelijk"
        without its motivering (the caller asks the user first), TextError when the reason
        or justification is too long. Nothing changes when it raises."""
        old = self.review.assessments[criterion_id]
        update: dict[str, Any] = {"verdict": verdict}
        if override_reason is not None:
            update["override_reason"] = override_reason
        if justification is not None:
            update["justification"] = justification
        self._push_assessment(
            checked_change(old, **update), self.tr("Verdict {0}").format(criterion_id)
        )

    def set_text(self, criterion_id: str, field: str, value: str) -> None:
        """Edit notes, measure, override reason or justification; typing merges into one undo.

        Raises TextError when the text is too long, OverrideWithoutReason when the reason
        of an override is emptied; the document keeps the text it had."""
        if field not in TEXT_FIELDS:
            raise ValueError(field)
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            checked_change(old, **{field: value}),
            self.tr("Edit {0}").format(criterion_id),
            merge_key=(criterion_id, field),
        )

    def set_priority(self, criterion_id: str, priority: Priority | None) -> None:
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            old.changed(priority=priority),
            self.tr("Priority {0}").format(criterion_id),
        )

    def set_measure_kind(self, criterion_id: str, kind: MeasureKind | None) -> None:
        """Whether the measure is a condition of the advice or a recommendation (None:
        not said, which counts as a recommendation)."""
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            old.changed(measure_kind=kind), self.tr("Kind of measure {0}").format(criterion_id)
        )

    def set_actor(self, criterion_id: str, actor: str) -> None:
        """Who acts on the measure; typing merges into one undo step. Raises TextError."""
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            checked_change(old, actor=actor),
            self.tr("Edit {0}").format(criterion_id),
            merge_key=(criterion_id, "actor"),
        )

    def set_due_stage(self, criterion_id: str, stage: Stage | None) -> None:
        """By which stage of the design the measure must be taken."""
        old = self.review.assessments[criterion_id]
        self._push_assessment(
            old.changed(due_stage=stage), self.tr("Stage of measure {0}").format(criterion_id)
        )

    def set_measure_status(
        self, criterion_id: str, status: MeasureStatus, by: str, reason: str = ""
    ) -> None:
        """Move a measure to `status`, signed by `by` today at the plan's stage. Raises
        NoMeasure, WithdrawnWithoutReason, StatusWithoutName or StatusUnchanged (the
        caller asks first), TextError for a name or reason over its limit; nothing
        changes when it raises."""
        old = self.review.assessments[criterion_id]
        try:
            new = old.with_status(
                status,
                by=by,
                reason=reason,
                on=date.today(),
                stage=self.review.plan.identity.stage,
            )
        except ValidationError as exc:
            raise TextError(validation_text(exc)) from None
        self._push_assessment(
            new,
            self.tr("Measure {0}: {1}").format(criterion_id, status.label.get(current_lang())),
        )

    def adopt_previous_verdict(self, criterion_id: str) -> bool:
        """Take over the verdict the previous stage's review gave (with its reason or
        justification); False when there is none, or it is the verdict already."""
        new = adopted_assessment(self.review, criterion_id)
        if new is None:
            return False
        self._push_assessment(new, self.tr("Adopt previous verdict {0}").format(criterion_id))
        return True

    def add_photo(self, criterion_id: str, filename: str, data: bytes, caption: str = "") -> str:
        """Store photo bytes in the document and attach them to a criterion; returns the name.

        Raises DocumentFileError, and changes nothing, when the photo is not a JPEG or PNG
        that decodes to the end, or when the saved review could not be opened again with it
        (too large, or the review holds too many photos and drawings already).
        """
        shown = Path(filename).name
        suffix = Path(filename).suffix.lower()
        if suffix not in IMAGE_SUFFIXES:
            raise DocumentFileError(f"{shown} is not a photo: use a JPEG or PNG file")
        if suffix == ".jpeg":
            suffix = ".jpg"
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in Path(filename).stem)
        stem = stem.strip("-_")[:60] or "photo"
        name = f"{criterion_id.lower()}-{stem}{suffix}"
        n = 2
        while name in self.document.attachments and self.document.attachments[name] != data:
            name = f"{criterion_id.lower()}-{stem}-{n}{suffix}"
            n += 1
        self.document.check_room(data, name)
        check_image(shown, data)  # the caller may have checked it; the session does not rely on it
        self.document.attachments[name] = data
        old = self.review.assessments[criterion_id]
        if any(p.name == name for p in old.photos):
            return name
        photos = [*old.photos, PhotoRef(name=name, caption=caption or Path(filename).stem)]
        self._push_assessment(old.changed(photos=photos), self.tr("Add photo {0}").format(name))
        return name

    def remove_photo(self, criterion_id: str, name: str) -> None:
        old = self.review.assessments[criterion_id]
        photos = [p for p in old.photos if p.name != name]
        self._push_assessment(old.changed(photos=photos), self.tr("Remove photo {0}").format(name))

    def _put_assessments(self, assessments: dict[str, Assessment]) -> None:
        for assessment in assessments.values():
            self._put_assessment(assessment)

    def add_replies(self, assessments: dict[str, Assessment]) -> None:
        """Put the assessments with the architect's replies read from BCF, as one
        undoable step (nothing when there are none)."""
        if not assessments:
            return
        before = {cid: self.review.assessments[cid] for cid in assessments}
        self.undo_stack.push(
            _ValueCommand(
                self._put_assessments,
                before,
                dict(assessments),
                self.tr("Read BCF replies"),
                -1,
            )
        )

    # ------------------------------------------------------------ plan edits
    def _snapshot(self) -> tuple[Plan, dict[str, Assessment]]:
        return self.review.plan, dict(self.review.assessments)

    def _push_plan(
        self,
        new_plan: Plan,
        text: str,
        merge_key: tuple[Any, ...] | None = None,
        only: Collection[str] | None = None,
    ) -> None:
        """Push a plan change; the rules are evaluated again, with `only` just those that
        read those element types (the ones an edit of facts can change)."""
        before = self._snapshot()
        # evaluate on a scratch review so that a failure leaves the document untouched
        scratch = self.review.model_copy(
            update={"plan": new_plan, "assessments": dict(self.review.assessments)}
        )
        apply_rules(scratch, only)
        after = (new_plan, dict(scratch.assessments))
        self.undo_stack.push(_PlanCommand(self, before, after, text, merge_key))

    def _validated_plan(self, data: dict[str, Any]) -> Plan:
        try:
            return Plan.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise FactError(validation_text(exc), error["type"], error.get("ctx")) from None

    def set_identity(self, field: str, value: str) -> None:
        data = self.review.plan.model_dump()
        if data["identity"].get(field) == value:
            return
        data["identity"][field] = value
        # a person typed it: no longer a suggestion from a BIM model
        data["identity"]["suggested"] = [f for f in data["identity"]["suggested"] if f != field]
        self._push_plan(
            self._validated_plan(data), self.tr("Edit plan {0}").format(field), ("identity", field)
        )

    def set_identity_choice(self, field: str, value: str | None) -> None:
        """Set the plan type or the stage (None: not given). One undo step: criteria go in
        or out of scope at once, and the rules are evaluated again. The free-text `phase`
        stays as it is."""
        if field not in CHOICE_FIELDS:
            raise ValueError(field)
        data = self.review.plan.model_dump()
        if data["identity"].get(field) == value:
            return
        data["identity"][field] = value
        names = {"plan_type": self.tr("Plan type"), "stage": self.tr("Stage")}
        self._push_plan(self._validated_plan(data), self.tr("Set {0}").format(names[field]))

    def set_confirmed_none(self, collection: str, confirmed: bool) -> None:
        """Confirm that the plan has no elements of this type (or take that back). Only an
        empty list can be confirmed; the rules over it are evaluated again."""
        if collection not in COLLECTIONS:
            raise ValueError(collection)
        plan = self.review.plan
        if getattr(plan, collection):
            raise ValueError(f"{collection} is not empty")
        if (collection in plan.confirmed_none) == confirmed:
            return
        data = plan.model_dump()
        names = set(data["confirmed_none"])
        names = names | {collection} if confirmed else names - {collection}
        data["confirmed_none"] = sorted(names)
        label = COLLECTION_LABELS[collection].get(current_lang())  # type: ignore[arg-type]
        text = (
            self.tr("Confirm no {0}").format(label)
            if confirmed
            else self.tr("Undo confirmation no {0}").format(label)
        )
        self._push_plan(self._validated_plan(data), text)

    def set_site_fact(self, fact: str, value: Any) -> None:
        data = self.review.plan.site.model_dump()
        if data.get(fact) == value:
            return
        data[fact] = value
        plan = self.review.plan
        try:
            site = Site.model_validate(data)
        except ValidationError:  # the whole plan again, for the message with its place
            plan = self._validated_plan({**plan.model_dump(), "site": data})
        else:
            plan = plan.model_copy(update={"site": site})
        self._push_plan(plan, self.tr("Edit {0}").format(fact), only={"site"})

    def set_fact(self, collection: str, row: int, fact: str, value: Any) -> None:
        """Change one fact of one element; raises FactError (with a message) if not allowed.

        Only that element is validated (and, for its id, the ids of its list), and only
        the rules over its element type are evaluated again: an edit costs the same in a
        plan of ten elements and in one of thousands.
        """
        if collection not in COLLECTIONS:
            raise ValueError(collection)
        plan = self.review.plan
        elements = list(getattr(plan, collection))
        element = elements[row].model_dump()
        if element.get(fact) == value:
            return
        element[fact] = value
        # a person typed it, so it is theirs, and working on the element accepts it: neither
        # is a suggestion from a BIM model any more
        element["suggested"] = [
            f for f in element.get("suggested", []) if f not in (fact, SUGGESTED_ELEMENT)
        ]
        try:
            elements[row] = COLLECTIONS[collection].model_validate(element)
            if fact == "id" and any(
                e.id == elements[row].id for e in elements if e is not elements[row]
            ):
                raise ValueError("duplicate id")  # the plan's check below says so
        except (ValidationError, ValueError):  # the whole plan, for the message with its place
            data = plan.model_dump()
            data[collection][row] = element
            new_plan = self._validated_plan(data)
        else:
            new_plan = plan.model_copy(update={collection: elements})
        text = self.tr("Edit {0} {1}").format(element.get("id", ""), fact)
        self._push_plan(new_plan, text, only={collection})

    def confirm_suggestions(self, collection: str, rows: list[int]) -> int:
        """Confirm what a BIM model suggested for these elements (the elements and all
        their suggested facts): one undo step. Returns how many elements were confirmed."""
        if collection not in COLLECTIONS:
            raise ValueError(collection)
        data = self.review.plan.model_dump()
        elements = data[collection]
        confirmed = [r for r in rows if 0 <= r < len(elements) and elements[r]["suggested"]]
        if not confirmed:
            return 0
        for row in confirmed:
            elements[row]["suggested"] = []
        if len(confirmed) == 1:
            text = self.tr("Confirm {0}").format(elements[confirmed[0]]["id"])
        else:
            text = self.tr("Confirm {0} suggestions").format(len(confirmed))
        self._push_plan(self._validated_plan(data), text)
        return len(confirmed)

    def confirm_identity(self) -> bool:
        """Confirm the plan identity a BIM model suggested (name, address, municipality)."""
        data = self.review.plan.model_dump()
        if not data["identity"]["suggested"]:
            return False
        data["identity"]["suggested"] = []
        self._push_plan(self._validated_plan(data), self.tr("Confirm the plan identity"))
        return True

    def apply_ifc_update(self, review: Review, attachments: dict[str, bytes], text: str) -> None:
        """Put in the review an update from a newer IFC model made of this one
        (`reviewer.bim.ifc_import.update_review_from_ifc`): plan, sheets, drawings and
        the re-evaluated rules, as one undo step."""

        def edit() -> None:
            self.review.plan = review.plan
            self.review.sheets = review.sheets
            self.review.assessments = dict(review.assessments)
            self.document.attachments.clear()
            self.document.attachments.update(attachments)

        self._edit_drawings(text, edit)

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
        # the list is known now: a "has none" confirmation goes, in the same undo step
        data["confirmed_none"] = [c for c in data["confirmed_none"] if c != collection]
        self._push_plan(self._validated_plan(data), self.tr("Add {0}").format(values["id"]))
        return len(data[collection]) - 1

    def remove_element(self, collection: str, row: int) -> None:
        data = self.review.plan.model_dump()
        removed = data[collection].pop(row)
        self._push_plan(
            self._validated_plan(data), self.tr("Remove {0}").format(removed.get("id", ""))
        )

    # ------------------------------------------------------------ procedure record
    def _push_procedure(
        self, update: dict[str, Any], text: str, merge_key: tuple[Any, ...] | None = None
    ) -> None:
        before = self.review.procedure
        data = {**before.model_dump(), **update}
        self._push_value(before, data, self._put_procedure, TEXT_MERGE_ID + 2, text, merge_key)

    def _push_value(
        self,
        before: BaseModel,
        data: dict[str, Any],
        put: Any,
        merge_id: int,
        text: str,
        merge_key: tuple[Any, ...] | None,
    ) -> None:
        """Validate `data` as a new value of `before`'s model and push it as one undoable
        step (nothing when it changes nothing); raises FactError when refused."""
        try:
            after = type(before).model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise FactError(validation_text(exc), error["type"], error.get("ctx")) from None
        if after == before:
            return
        self.undo_stack.push(
            _ValueCommand(put, before.model_copy(deep=True), after, text, merge_id, merge_key)
        )

    def set_procedure(self, field: str, value: Any) -> None:
        """Set cohesion included, joint session (yes/no/None), its date, or the notes
        (typing in the notes merges into one undo step); raises FactError when refused."""
        if field not in PROCEDURE_FIELDS:
            raise ValueError(field)
        # typing notes, or stepping a date, is one undo step
        merge = ("procedure", field) if field in ("notes", "joint_session_date") else None
        self._push_procedure({field: value}, self.tr("Edit procedure"), merge)

    def add_participant(self, values: dict[str, str] | None = None) -> int:
        """Add a participant of the review; returns its row."""
        participants = [p.model_dump() for p in self.review.procedure.participants]
        participants.append(Participant(**(values or {})).model_dump())
        self._push_procedure({"participants": participants}, self.tr("Add participant"))
        return len(participants) - 1

    def set_participant(self, row: int, field: str, value: str) -> None:
        if field not in PARTICIPANT_FIELDS:
            raise ValueError(field)
        participants = [p.model_dump() for p in self.review.procedure.participants]
        participants[row][field] = value
        self._push_procedure({"participants": participants}, self.tr("Edit participant"))

    def remove_participant(self, row: int) -> None:
        participants = [p.model_dump() for p in self.review.procedure.participants]
        participants.pop(row)
        self._push_procedure({"participants": participants}, self.tr("Remove participant"))

    # ------------------------------------------------------------ dossier
    def _push_dossier(
        self, data: dict[str, Any], text: str, merge_key: tuple[Any, ...] | None = None
    ) -> None:
        before = self.review.dossier
        self._push_value(before, data, self._put_dossier, TEXT_MERGE_ID + 3, text, merge_key)

    def set_dossier(self, field: str, value: Any) -> None:
        """Set one dossier field (see DOSSIER_FIELDS; "addressee.name" is the addressee's
        name). Typing in a field merges into one undo step. Raises FactError when the value
        is refused (too long, say); the dossier keeps what it had."""
        if field not in DOSSIER_FIELDS:
            raise ValueError(field)
        data = self.review.dossier.model_dump()
        part, _, name = field.rpartition(".")
        target = data[part] if part else data
        target[name or field] = value
        # typing in a field, or stepping the date, is one undo step
        self._push_dossier(data, self.tr("Edit dossier"), ("dossier", field))

    def set_contact(self, name: str, phone: str, email: str) -> None:
        """The contact person as a whole (the organisation's default, say): one undo step."""
        data = self.review.dossier.model_dump()
        data["contact"] = {"name": name, "phone": phone, "email": email}
        self._push_dossier(data, self.tr("Set contact"))

    def _documents(self) -> list[dict[str, Any]]:
        return [d.model_dump() for d in self.review.dossier.documents]

    def _push_documents(self, documents: list[dict[str, Any]], text: str) -> None:
        data = self.review.dossier.model_dump()
        data["documents"] = documents
        self._push_dossier(data, text)

    def add_reviewed_document(self, values: dict[str, str] | None = None) -> int:
        """Add a row to the documents reviewed; returns its row."""
        documents = self._documents()
        documents.append(ReviewedDocument(**(values or {})).model_dump())
        self._push_documents(documents, self.tr("Add document"))
        return len(documents) - 1

    def set_reviewed_document(self, row: int, field: str, value: str) -> None:
        if field not in DOCUMENT_FIELDS:
            raise ValueError(field)
        documents = self._documents()
        documents[row][field] = value
        self._push_documents(documents, self.tr("Edit document"))

    def remove_reviewed_documents(self, rows: list[int]) -> None:
        """Remove these rows of the documents reviewed, in one undo step."""
        gone = set(rows)
        documents = [d for i, d in enumerate(self._documents()) if i not in gone]
        self._push_documents(documents, self.tr("Remove documents"))

    def take_documents_from_sheets(self) -> int:
        """Add a document per drawing sheet not yet listed (its name as the title), in one
        undo step; returns how many were added."""
        documents = self._documents()
        listed = {d["title"].strip().casefold() for d in documents}
        added = 0
        for sheet in self.review.sheets:
            if sheet.name.strip().casefold() in listed:
                continue
            listed.add(sheet.name.strip().casefold())
            documents.append(ReviewedDocument(title=sheet.name).model_dump())
            added += 1
        if added:
            self._push_documents(documents, self.tr("Take documents from the drawings"))
        return added

    # ------------------------------------------------------------ the adviser's outcome
    def choose_outcome(self, result: OutcomeResult, reason: str) -> None:
        """The adviser's outcome instead of the proposed one, with the reason. Raises
        FactError when the reason is empty (or too long): nothing changes then. Choosing
        the proposed outcome itself goes back to the proposal."""
        proposed = compute_outcome(self.review.model_copy(update={"outcome_choice": None}))
        if result is proposed.result:
            self.use_proposed_outcome()
            return
        try:
            choice = OutcomeChoice(result=result, reason=reason)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise FactError(validation_text(exc), error["type"], error.get("ctx")) from None
        before = self.review.outcome_choice
        if before == choice:
            return
        self.undo_stack.push(
            _ValueCommand(
                self._put_outcome_choice,
                before,
                choice,
                self.tr("Choose outcome"),
                TEXT_MERGE_ID + 4,
            )
        )

    def use_proposed_outcome(self) -> None:
        """Back to the outcome the checklist's rules propose."""
        before = self.review.outcome_choice
        if before is None:
            return
        self.undo_stack.push(
            _ValueCommand(
                self._put_outcome_choice,
                before,
                None,
                self.tr("Use the proposed outcome"),
                TEXT_MERGE_ID + 4,
            )
        )

    # ------------------------------------------------------------ drawings
    def _drawing_state(self) -> _DrawingState:
        review = self.review
        return (
            [s.model_copy(deep=True) for s in review.sheets],
            review.plan.model_copy(deep=True),
            dict(review.assessments),
            dict(self.document.attachments),
        )

    def _put_drawings(self, state: _DrawingState) -> None:
        before = self._drawing_state()
        sheets, plan, assessments, attachments = state
        self.review.sheets = [s.model_copy(deep=True) for s in sheets]
        self.review.plan = plan.model_copy(deep=True)
        self.review.assessments = dict(assessments)
        self.document.attachments.clear()
        self.document.attachments.update(attachments)
        self._announce_drawings(before)

    def _announce_drawings(self, before: _DrawingState) -> None:
        self.sheetsChanged.emit()
        if before[1] != self.review.plan:
            self.planChanged.emit()
        old = before[2]
        for cid, assessment in self.review.assessments.items():
            if old.get(cid) != assessment:
                self.assessmentChanged.emit(cid)

    def _edit_drawings(self, text: str, edit: Any) -> Any:
        """Run `edit()` on the live review and push it as one undoable step. When `edit`
        raises, the review is put back as it was and the error passes on."""
        before = self._drawing_state()
        # edits may change the plan in place; other commands keep the plan objects they
        # hold, so work on a copy of our own
        self.review.plan = self.review.plan.model_copy(deep=True)
        try:
            result = edit()
        except Exception:
            sheets, plan, assessments, attachments = before
            self.review.sheets, self.review.plan = sheets, plan
            self.review.assessments = assessments
            self.document.attachments.clear()
            self.document.attachments.update(attachments)
            raise
        after = self._drawing_state()
        if after[:3] != before[:3] or after[3].keys() != before[3].keys():
            self.undo_stack.push(_DrawingCommand(self, before, after, text))
        return result

    @staticmethod
    def _checked(sheet: Sheet, field: str, value: Any) -> None:
        try:
            setattr(sheet, field, value)
        except ValidationError as exc:
            raise ValueError(validation_text(exc)) from None

    def add_drawing(self, filename: str, data: bytes) -> list[Sheet]:
        """Add a PNG, JPEG or PDF drawing (a sheet per page); raises DocumentFileError,
        its message in the interface language (the drawings view shows it as it is)."""
        try:
            return self._edit_drawings(
                self.tr("Add drawing {0}").format(Path(filename).name),
                lambda: drawings.add_drawing(self.document, filename, data),
            )
        except DocumentFileError as exc:
            raise DocumentFileError(error_text(str(exc))) from None

    def rename_sheet(self, sheet_id: str, name: str) -> None:
        name = " ".join(name.split())
        if self.review.sheet(sheet_id).name == name:
            return

        def edit() -> None:
            self._checked(self.review.sheet(sheet_id), "name", name)
            apply_rules(self.review)  # evidence names the sheet a fact was measured on

        self._edit_drawings(self.tr("Rename sheet {0}").format(name), edit)

    def remove_sheet(self, sheet_id: str) -> None:
        name = self.review.sheet(sheet_id).name
        self._edit_drawings(
            self.tr("Remove sheet {0}").format(name),
            lambda: drawings.remove_sheet(self.document, sheet_id),
        )

    def move_sheet(self, sheet_id: str, offset: int) -> bool:
        """Move a sheet `offset` places in the sheet order (the order of the report's
        drawing pages); False when it is already first or last."""
        sheets = list(self.review.sheets)
        index = next(i for i, s in enumerate(sheets) if s.id == sheet_id)
        target = index + offset
        if offset == 0 or not 0 <= target < len(sheets):
            return False
        sheets.insert(target, sheets.pop(index))

        def edit() -> None:
            self.review.sheets = sheets

        self._edit_drawings(self.tr("Move sheet {0}").format(sheets[target].name), edit)
        return True

    def set_calibration(self, sheet_id: str, calibration: Calibration | None) -> CalibrateResult:
        """Set a sheet's scale (two points or 1:n); the facts measured on it get their new
        values in the same undo step. Raises ValueError when the sheet refuses it."""

        def edit() -> CalibrateResult:
            try:
                return calibrate_sheet(self.review, sheet_id, calibration)
            except ValidationError as exc:
                raise ValueError(validation_text(exc)) from None

        return self._edit_drawings(
            self.tr("Calibrate {0}").format(self.review.sheet(sheet_id).name), edit
        )

    def _pin(self, number: int) -> tuple[Sheet, Pin]:
        for sheet in self.review.sheets:
            for pin in sheet.pins:
                if pin.number == number:
                    return sheet, pin
        raise KeyError(f"there is no pin {number}")

    def add_pin(
        self,
        sheet_id: str,
        criterion_id: str,
        position: tuple[float, float],
        element: str = "",
    ) -> int:
        """Place a numbered pin for a criterion; returns its number."""
        if criterion_id not in self.review.assessments:
            raise ValueError(f"there is no criterion {criterion_id!r}")
        number = next_pin_number(self.review.sheets)

        def edit() -> int:
            sheet = self.review.sheet(sheet_id)
            pin = Pin(number=number, criterion_id=criterion_id, element=element, position=position)
            self._checked(sheet, "pins", [*sheet.pins, pin])
            return number

        return self._edit_drawings(self.tr("Place pin {0}").format(number), edit)

    def move_pin(self, number: int, position: tuple[float, float]) -> None:
        sheet, pin = self._pin(number)
        if tuple(pin.position) == tuple(position):
            return

        def edit() -> None:
            moved = pin.model_copy(update={"position": (position[0], position[1])})
            self._checked(sheet, "pins", [moved if p.number == number else p for p in sheet.pins])

        self._edit_drawings(self.tr("Move pin {0}").format(number), edit)

    def delete_pin(self, number: int) -> None:
        sheet, _pin = self._pin(number)
        self._edit_drawings(
            self.tr("Delete pin {0}").format(number),
            lambda: self._checked(sheet, "pins", [p for p in sheet.pins if p.number != number]),
        )

    def add_measurement(
        self, sheet_id: str, kind: MeasurementKind, points: list[tuple[float, float]]
    ) -> str:
        """Draw a length (polyline) or an area (polygon) on a sheet; returns its id."""
        sheet = self.review.sheet(sheet_id)
        taken = {m.id for m in sheet.measurements}
        n = 1
        while f"M{n}" in taken:
            n += 1
        measurement_id = f"M{n}"

        def edit() -> str:
            try:
                measurement = Measurement(id=measurement_id, kind=kind, points=points)
            except ValidationError as exc:
                raise ValueError(validation_text(exc)) from None
            self._checked(sheet, "measurements", [*sheet.measurements, measurement])
            return measurement_id

        return self._edit_drawings(self.tr("Measure {0}").format(measurement_id), edit)

    def delete_measurement(self, sheet_id: str, measurement_id: str) -> None:
        sheet = self.review.sheet(sheet_id)

        def edit() -> None:
            kept = [m for m in sheet.measurements if m.id != measurement_id]
            self._checked(sheet, "measurements", kept)
            apply_rules(self.review)

        self._edit_drawings(self.tr("Delete measurement {0}").format(measurement_id), edit)

    def assign_measurement(
        self, sheet_id: str, measurement_id: str, target: FactTarget
    ) -> AssignResult:
        """Write a measured value into a plan fact (undo restores the old value); raises
        AssignmentError with a message when that cannot be done."""
        return self._edit_drawings(
            self.tr("Assign {0} to {1}").format(measurement_id, target.fact),
            lambda: assign_measurement(self.review, sheet_id, measurement_id, target),
        )
