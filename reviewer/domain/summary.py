"""A plain-data summary of a review, for the command line (text and JSON)."""

from __future__ import annotations

from typing import Any

from reviewer.domain.advice import AdviceItem, build_advice
from reviewer.domain.review import Review
from reviewer.domain.text import Lang
from reviewer.domain.verdict import Verdict


def _item(item: AdviceItem, lang: Lang) -> dict[str, Any]:
    return {
        "number": item.number,
        "criterion": item.criterion.id,
        "text": item.text(lang),
        "actor": item.actor,
        "due_stage": item.due_stage.value if item.due_stage else None,
    }


def summary_data(review: Review, lang: Lang = "en") -> dict[str, Any]:
    """Everything `reviewer summary` prints; keys are stable for scripts (only added to)."""
    advice = build_advice(review)
    outcome = advice.outcome
    all_counts = {v.value: 0 for v in Verdict}
    for assessment in review.assessments.values():
        all_counts[assessment.verdict.value] += 1
    rules = []
    for criterion in review.criteria():
        if criterion.rule is None:
            continue
        assessment = review.assessments[criterion.id]
        for ev in assessment.evidence:
            rules.append(
                {
                    "criterion": criterion.id,
                    "title": criterion.title.get(lang),
                    "element": ev.element,
                    "verdict": ev.verdict.value,
                    "evidence": ev.text.get(lang),
                }
            )
        if not assessment.evidence:
            rules.append(
                {
                    "criterion": criterion.id,
                    "title": criterion.title.get(lang),
                    "element": "",
                    "verdict": assessment.auto_verdict.value
                    if assessment.auto_verdict
                    else Verdict.NOT_ASSESSED.value,
                    "evidence": "—",
                }
            )
    identity = review.plan.identity
    profile = review.checklist.profile
    procedure = review.procedure
    return {
        "plan": identity.model_dump(),
        "plan_type": identity.plan_type.value if identity.plan_type else None,
        "stage": identity.stage.value if identity.stage else None,
        "profile": (
            None
            if profile is None
            else {"id": profile.id, "version": profile.version, "title": profile.title.get(lang)}
        ),
        "dossier": review.dossier.model_dump(mode="json"),
        "procedure": {
            "participants": [p.model_dump() for p in procedure.participants],
            "cohesion_included": procedure.cohesion_included,
            "joint_session": procedure.joint_session,
            "joint_session_date": (
                procedure.joint_session_date.isoformat() if procedure.joint_session_date else None
            ),
            "notes": procedure.notes,
        },
        "out_of_scope": [
            {"criterion": criterion.id, "reason": reason.get(lang)}
            for criterion in review.criteria()
            if (reason := review.scope_exclusion(criterion)) is not None
        ],
        "perspective": review.perspective.value,
        "reviewer": review.reviewer.model_dump(),
        "checklist": {"id": review.checklist.id, "version": review.checklist.version},
        "verdicts": all_counts,
        "in_scope_verdicts": {v.value: n for v, n in outcome.counts.items()},
        "progress": {"assessed": outcome.assessed, "applicable": outcome.applicable},
        "rules": rules,
        "outcome": {
            "result": outcome.result.value,
            "text": outcome.text.get(lang),
            # what the checklist's rules propose; differs from result only when the
            # adviser chose another outcome, with `reason`
            "proposed": (outcome.proposed or outcome.result).value,
            "reason": outcome.reason,
            "failing_requirements": [c.id for c in outcome.failing_requirements],
            "conditions": [_item(i, lang) for i in advice.conditions],
            "recommendations": [_item(i, lang) for i in advice.recommendations],
            "sections": [
                {
                    "id": tally.section_id,
                    "title": tally.title.get(lang),
                    **{v.value: tally.counts[v] for v in review.checklist.outcome.tally},
                }
                for tally in outcome.tallies
            ],
        },
    }
