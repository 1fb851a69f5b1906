"""Bring a review made with an earlier checklist onto a newer one ("update to 2.0").

A review keeps the checklist snapshot it was made with and opens as before; updating is
a deliberate step that makes a *new* review: the plan, the drawings and the reviewer's
work (verdicts, reasons, notes, measures, photos, pins) are carried over by criterion id,
the rules run again, and every difference between the two checklists is listed so the
adviser knows what to look at again.

What cannot be carried is never dropped silently:
- a criterion the new checklist no longer has: its verdict and text go into the
  procedure record's notes (the two process criteria of 1.0, "cohesion included" and
  "joint workshop", fill in the procedure record's own fields);
- a pin or photo on such a criterion is listed as not carried (the old file keeps it);
- a verdict the adviser gave where the new checklist has a rule that decides otherwise
  stays, with a reason saying where it came from (the adviser can change it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.domain.checklist import Checklist, Criterion
from reviewer.domain.plan import PlanType, Stage
from reviewer.domain.review import (
    Assessment,
    Review,
    apply_rules,
    evaluate_confirmed,
    is_override,
)
from reviewer.domain.text import MAX_TEXT_CHARS, Text
from reviewer.domain.verdict import Verdict

# 1.0 criteria that scored the review process; they now live in the procedure record.
PROCEDURE_FIELDS = {
    "PB-LEEFBAARHEID-01": "cohesion_included",
    "PB-WORKSHOP-01": "joint_session",
}


@dataclass(frozen=True)
class ChecklistChange:
    """One difference between two checklists, about one criterion."""

    kind: str  # added, removed, level, perspectives, scope, rule
    criterion_id: str
    text: Text


@dataclass
class Upgrade:
    review: Review
    changes: list[ChecklistChange]
    not_carried: list[Text] = field(default_factory=list)  # pins and photos left behind


def _t(nl: str, en: str) -> Text:
    return Text(nl=nl, en=en)


def checklist_changes(old: Checklist, new: Checklist) -> list[ChecklistChange]:
    """Every criterion added, removed, or changed in level, perspectives, scope or rule."""
    before = {c.id: c for c in old.criteria()}
    after = {c.id: c for c in new.criteria()}
    changes: list[ChecklistChange] = []
    for cid, c in after.items():
        if cid not in before:
            changes.append(
                ChecklistChange(
                    "added",
                    cid,
                    _t(
                        f"Nieuw: {c.title.nl} ({c.level.label.nl})",
                        f"New: {c.title.en} ({c.level.label.en})",
                    ),
                )
            )
            continue
        b = before[cid]
        if b.level is not c.level:
            changes.append(
                ChecklistChange(
                    "level",
                    cid,
                    _t(
                        f"{c.title.nl}: was {b.level.label.nl}, nu {c.level.label.nl}",
                        f"{c.title.en}: was a {b.level.label.en}, now a {c.level.label.en}",
                    ),
                )
            )
        if set(b.perspectives) != set(c.perspectives):
            changes.append(
                ChecklistChange(
                    "perspectives",
                    cid,
                    _t(
                        f"{c.title.nl}: invalshoeken nu "
                        + ", ".join(p.label.nl.lower() for p in c.perspectives),
                        f"{c.title.en}: perspectives now "
                        + ", ".join(p.label.en.lower() for p in c.perspectives),
                    ),
                )
            )
        if b.applies != c.applies:
            changes.append(
                ChecklistChange(
                    "scope",
                    cid,
                    _t(
                        f"{c.title.nl}: geldt nu voor andere plantypen of fasen",
                        f"{c.title.en}: now applies to other plan types or stages",
                    ),
                )
            )
        old_rule = b.rule.model_dump(mode="json") if b.rule else None
        new_rule = c.rule.model_dump(mode="json") if c.rule else None
        if old_rule != new_rule:
            if old_rule is None:
                what = _t("krijgt een automatische toets", "gets an automatic check")
            elif new_rule is None:
                what = _t("heeft geen automatische toets meer", "no longer has an automatic check")
            else:
                what = _t(
                    "andere drempel of toets (controleer het oordeel)",
                    "threshold or check changed (check the verdict)",
                )
            changes.append(
                ChecklistChange(
                    "rule", cid, _t(f"{c.title.nl}: {what.nl}", f"{c.title.en}: {what.en}")
                )
            )
    for cid, b in before.items():
        if cid not in after:
            changes.append(
                ChecklistChange(
                    "removed",
                    cid,
                    _t(f"Vervallen: {b.title.nl}", f"Removed: {b.title.en}"),
                )
            )
    return changes


def _carried(old: Assessment, criterion: Criterion, review: Review, old_version: str) -> Assessment:
    """The old assessment on the new criterion, before the rules run again."""
    data = old.model_dump()
    if criterion.rule is None:
        data["auto_verdict"] = None
        data["evidence"] = []
        return Assessment.model_validate(data)
    result = evaluate_confirmed(criterion.rule, review.plan)
    adopted = old.auto_verdict is not None and old.verdict == old.auto_verdict
    if not adopted and is_override(result.verdict, old.verdict) and not old.override_reason.strip():
        data["override_reason"] = (
            f"Oordeel van de adviseur, overgenomen uit de beoordeling met toetslijst "
            f"{old_version} / the adviser's verdict, carried over from the review with "
            f"checklist {old_version}."
        )
    return Assessment.model_validate(data)


def upgrade_review(
    review: Review,
    checklist: Checklist,
    *,
    plan_type: PlanType | None = None,
    stage: Stage | None = None,
) -> Upgrade:
    """A new review of the same plan on `checklist` (with a profile already applied).

    `plan_type` and `stage`, when given, are set on the plan first (a 1.0 review has
    neither, and they decide which criteria apply). `review` is not changed.
    """
    old = review.model_copy(deep=True)
    plan = old.plan
    if plan_type is not None:
        plan.identity.plan_type = plan_type
    if stage is not None:
        plan.identity.stage = stage
    new_ids = {c.id for c in checklist.criteria()}
    not_carried: list[Text] = []
    procedure = old.procedure.model_copy(deep=True)
    lines: list[str] = []
    for criterion in old.checklist.criteria():
        if criterion.id in new_ids:
            continue
        a = old.assessments[criterion.id]
        fieldname = PROCEDURE_FIELDS.get(criterion.id)
        if fieldname and a.verdict in (Verdict.MEETS, Verdict.FAILS):
            setattr(procedure, fieldname, a.verdict is Verdict.MEETS)
        if a.verdict.is_assessed or a.has_content:
            text = " ".join(
                part
                for part in (
                    f"{criterion.id} {criterion.title.nl} ({a.verdict.value}):",
                    a.notes.strip(),
                    a.measure.strip(),
                )
                if part
            )
            lines.append(f"Uit toetslijst {old.checklist.version}: {text}")
        for photo in a.photos:
            not_carried.append(
                _t(
                    f"Foto {photo.name} bij vervallen criterium {criterion.id}",
                    f"Photo {photo.name} on removed criterion {criterion.id}",
                )
            )
    notes = "\n\n".join(part for part in [procedure.notes.strip(), *lines] if part)
    procedure.notes = notes[:MAX_TEXT_CHARS]
    sheets = []
    for sheet in old.sheets:
        kept = [p for p in sheet.pins if p.criterion_id in new_ids]
        for pin in sheet.pins:
            if pin.criterion_id not in new_ids:
                not_carried.append(
                    _t(
                        f"Speld {pin.number} op {sheet.name} bij vervallen criterium "
                        f"{pin.criterion_id}",
                        f"Pin {pin.number} on {sheet.name} for removed criterion "
                        f"{pin.criterion_id}",
                    )
                )
        sheets.append(sheet.model_copy(update={"pins": kept}))
    probe = Review(
        plan=plan,
        checklist=checklist,
        perspective=old.perspective,
        reviewer=old.reviewer,
        sheets=sheets,
        procedure=procedure,
    )
    assessments = {}
    for criterion in checklist.criteria():
        if criterion.id in old.assessments:
            assessments[criterion.id] = _carried(
                old.assessments[criterion.id], criterion, probe, old.checklist.version
            )
    new = Review(
        uid=old.uid,  # the same review on a newer checklist: its BCF topics stay the same
        plan=plan,
        checklist=checklist,
        perspective=old.perspective,
        reviewer=old.reviewer,
        created=old.created,
        assessments=assessments,
        sheets=sheets,
        procedure=procedure,
    )
    apply_rules(new)
    return Upgrade(new, checklist_changes(old.checklist, checklist), not_carried)
