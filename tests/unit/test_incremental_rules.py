"""Rules evaluated again after an edit: only those over the edited element type, each
element's verdict remembered by its values (issue 17), with the same results as a full
evaluation."""

from __future__ import annotations

import copy

from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, apply_rules, new_review
from reviewer.domain.rules import Evidence
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.storage.yamlfile import load_checklist
from tests.benchmarks.scaled import scaled_plan


def _review(elements: int = 300):
    plan = Plan.model_validate(scaled_plan(elements))
    return new_review(plan, load_checklist(DEFAULT_CHECKLIST), "safety", Reviewer())


def _edited(review, collection: str, row: int, **facts):
    elements = list(getattr(review.plan, collection))
    elements[row] = elements[row].model_copy(update=facts)
    return review.plan.model_copy(update={collection: elements})


def test_only_the_rules_over_the_edited_type_change_and_they_match_a_full_evaluation():
    review = _review()
    before = dict(review.assessments)
    plan = _edited(review, "entrances", 3, dwellings_served=40)
    partial = review.model_copy(update={"plan": plan, "assessments": dict(before)})
    changed = apply_rules(partial, only={"entrances"})
    full = review.model_copy(update={"plan": copy.deepcopy(plan), "assessments": dict(before)})
    apply_rules(full)
    assert changed  # the 40 dwellings fail the norm
    assert partial.assessments == full.assessments
    for cid in changed:
        criterion = next(c for c in review.criteria() if c.id == cid)
        assert criterion.rule is not None and "entrances" in criterion.rule.collections()
    # the untouched assessments are the same objects: nothing to announce for them
    untouched = [cid for cid in before if cid not in changed]
    assert all(partial.assessments[cid] is before[cid] for cid in untouched)


def test_an_element_changed_in_place_is_not_judged_by_its_old_values():
    review = _review(120)
    entrance = review.plan.entrances[0]
    entrance.dwellings_served = 37  # measuring writes facts in place like this
    apply_rules(review)
    texts = [
        e.text.en
        for a in review.assessments.values()
        for e in a.evidence
        if e.element == entrance.id
    ]
    assert any("37 " in t for t in texts)
    entrance.dwellings_served = 6
    apply_rules(review)
    texts = [
        e.text.en
        for a in review.assessments.values()
        for e in a.evidence
        if e.element == entrance.id
    ]
    assert not any("37 " in t for t in texts) and any("6 " in t for t in texts)


def test_evidence_compares_by_its_fields():
    text = Text(nl="Entree A: 12 woningen", en="Entrance A: 12 dwellings")
    a = Evidence(element="A", verdict=Verdict.FAILS, text=text, measured="12")
    assert a == Evidence.model_validate(a.model_dump())
    assert hash(a) == hash(Evidence.model_validate(a.model_dump()))
    assert a != a.model_copy(update={"verdict": Verdict.MEETS})
    assert a != a.model_copy(update={"measured": "13"})
    assert a != a.model_copy(update={"text": Text(nl="Entree A", en="Entrance A: 12 dwellings")})
    assert a != "A"


def test_elements_remembered_although_each_holds_a_list_of_suggested_facts(monkeypatch):
    """Every element carries `suggested` (a list, from IFC import): the remembered
    verdicts must still be found, or an edit in a large plan judges every element again."""
    from reviewer.domain import rules

    review = _review(200)
    apply_rules(review)  # everything remembered
    calls = 0
    work = rules._per_element

    def counting(rule, part, elements, fn):  # type: ignore[no-untyped-def]
        def counted(element):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return fn(element)

        return work(rule, part, elements, counted)

    monkeypatch.setattr(rules, "_per_element", counting)
    plan = _edited(review, "entrances", 3, dwellings_served=41)
    review.plan = plan
    apply_rules(review, only={"entrances"})
    entrance_rules = [
        c for c in review.criteria() if c.rule is not None and "entrances" in c.rule.collections()
    ]
    # only the edited entrance is worked out again, once per rule part that reads it
    assert 0 < calls <= 3 * len(entrance_rules)
    assert any(
        e.element == plan.entrances[3].id and "41" in e.text.en
        for a in review.assessments.values()
        for e in a.evidence
    )
