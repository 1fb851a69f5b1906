"""The bundled Safety & Cohesion checklist and example plans: checks on the real files."""

from __future__ import annotations

from collections import Counter

import pytest

from reviewer.domain.checklist import Checklist, Level, OutcomeResult, Perspective
from reviewer.domain.plan import Plan
from reviewer.domain.rules import (
    DistributionRule,
    EachRule,
    ExistsRule,
    RatioRule,
    ShareRule,
    evaluate,
)
from reviewer.domain.verdict import Verdict
from reviewer.paths import CHECKLISTS, EXAMPLES
from reviewer.storage.yamlfile import load_checklist, load_plan

SECTION_IDS = ["STR", "SB", "GEB", "OR", "PB"]


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(CHECKLISTS / "safety-cohesion.yaml")


@pytest.fixture(scope="module")
def galerijflat() -> Plan:
    return load_plan(EXAMPLES / "galerijflat.plan.yaml")


@pytest.fixture(scope="module")
def hofblok() -> Plan:
    return load_plan(EXAMPLES / "hofblok.plan.yaml")


def _rule_facts(rule) -> set[str]:
    """Every fact a rule reads (filters, conditions, measure, weight, categories)."""
    facts = {c.fact for c in rule.where}
    facts |= {c.fact for alt in rule.where_any for c in alt}
    if isinstance(rule, EachRule | ExistsRule):
        facts |= {c.fact for c in rule.all_of}
        facts |= {c.fact for alt in getattr(rule, "any_of", []) for c in alt}
    elif isinstance(rule, ShareRule):
        facts |= {rule.measure, *(c.fact for c in rule.part)}
        if rule.group_by:
            facts.add(rule.group_by)
    elif isinstance(rule, RatioRule):
        facts |= {rule.measure, rule.denominator.fact}
    elif isinstance(rule, DistributionRule):
        facts |= {rule.weight, *(c.category for c in rule.checks)}
    return facts


def test_checklist_loads_with_expected_header(checklist):
    assert checklist.id == "safety-cohesion"
    assert checklist.version == "2.0"
    assert checklist.languages == ["nl", "en"]
    assert len(checklist.criteria()) >= 45


def test_five_sections_in_order_each_with_criteria(checklist):
    assert [s.id for s in checklist.sections] == SECTION_IDS
    for section in checklist.sections:
        assert len(section.criteria) >= 5, section.id
        assert section.description is not None
        for criterion in section.criteria:
            assert criterion.id.startswith(section.id + "-"), criterion.id


def test_criterion_ids_unique(checklist):
    counts = Counter(c.id for c in checklist.criteria())
    assert [cid for cid, n in counts.items() if n > 1] == []


def test_levels_and_perspectives_are_mixed(checklist):
    criteria = checklist.criteria()
    levels = Counter(c.level for c in criteria)
    assert levels[Level.REQUIREMENT] >= 10
    assert levels[Level.RECOMMENDATION] >= 10
    both = [c for c in criteria if set(c.perspectives) == set(Perspective)]
    assert len(both) >= 15
    for perspective in Perspective:
        assert any(c.perspectives == [perspective] for c in criteria), perspective


def test_every_text_is_translated(checklist):
    for c in checklist.criteria():
        for text in (c.title, c.guidance, c.source):
            assert text.nl.strip() and text.en.strip(), c.id
        # a real translation, not the Dutch copied into the English field
        assert (c.title.nl, c.guidance.nl) != (c.title.en, c.guidance.en), c.id
        assert c.guidance.nl != c.guidance.en, c.id
        # guidance is a short paragraph: two to four sentences
        sentences = c.guidance.en.count(". ") + 1
        assert 2 <= sentences <= 4, (c.id, sentences)


def test_tool_defaults_are_marked_in_the_source(checklist):
    for cid in ("GEB-GALERIJ-01", "SB-PLINT-01", "STR-MIX-01"):
        source = checklist.criterion(cid).source
        assert "door deze toetslijst gehanteerde waarde" in source.nl, cid
        assert "value used by this checklist" in source.en, cid


MEASURABLE = [
    # (collection, facts the rule must read)
    ("entrances", {"dwellings_served"}),
    ("galleries", {"dwellings", "length_m"}),
    ("stairwells", {"on_facade", "daylight"}),
    ("entrances", {"on_street_or_square", "visible_from_dwellings"}),
    ("entrances", {"glazing_from_mm", "glazing_to_mm"}),
    ("plinth_segments", {"length_m", "function", "street"}),
    ("lighting", {"eh_avg_lx", "uniformity", "ra"}),
    ("boundaries", {"position", "height_m"}),
    ("planting", {"kind", "height_m"}),
    ("planting", {"kind", "crown_clearance_m"}),
    ("entrances", {"recess_depth_m"}),
    ("outdoor_spaces", {"type", "gated", "lit"}),
    ("entrances", {"letterbox_width_mm", "letterbox_height_mm"}),
    ("outdoor_spaces", {"type", "area_m2", "residential_area_m2"}),
    ("outdoor_spaces", {"distance_to_dwellings_m", "neighbourhood_consent"}),
    ("housing", {"price_class", "tenure", "dwellings"}),
    ("buildings", {"storeys"}),
    ("outdoor_spaces", {"owner"}),
]


def test_measurable_facts_are_covered_by_rules(checklist):
    ruled = [c for c in checklist.criteria() if c.rule is not None]
    assert len(ruled) >= 12
    covered = [(c.rule.applies_to, _rule_facts(c.rule)) for c in ruled]
    for collection, facts in MEASURABLE:
        assert any(coll == collection and facts <= read for coll, read in covered), (
            collection,
            facts,
        )
    kinds = {c.rule.kind for c in ruled}
    assert kinds == {"each", "exists", "share", "ratio", "distribution"}


def test_key_thresholds(checklist):
    entree = checklist.criterion("GEB-ENTREE-01")
    # a strong recommendation since 2.0, which a compensating measure can answer
    assert entree.level is Level.RECOMMENDATION
    assert entree.rule.all_of[0].value == 10
    assert entree.rule.compensated_by == "compensating_measure"
    plinth = checklist.criterion("SB-PLINT-01").rule
    assert isinstance(plinth, ShareRule)
    assert (plinth.group_by, plinth.op, plinth.value) == ("street", "le", 0.25)
    assert set(plinth.part[0].value) == {"storage", "parking", "blank", "services"}
    play = checklist.criterion("OR-SPEEL-01").rule
    assert isinstance(play, RatioRule)
    assert (play.denominator.collection, play.denominator.fact) == ("site", "residential_area_m2")
    assert play.value == pytest.approx(0.03)
    lighting = checklist.criterion("OR-LICHT-01").rule
    assert len(lighting.any_of) == 3
    height = checklist.criterion("STR-HOOGTE-01")
    assert height.level is Level.RECOMMENDATION
    assert "Newman" in height.source.en and "68" in height.source.en


def test_tension_pairs_symmetric(checklist):
    pairs = checklist.tension_pairs()
    assert len(pairs) >= 5
    for a, b in pairs:
        assert b in checklist.criterion(a).tension_with, (a, b)
        assert a in checklist.criterion(b).tension_with, (b, a)
    expected = {
        ("SB-BINNENHOF-01", "OR-HOF-01"),
        ("STR-ROUTES-01", "SB-DOORSTEEK-01"),
        ("OR-GROEN-01", "OR-GROEN-03"),
        ("OR-JOP-01", "OR-JOP-02"),
        ("GEB-ENTREE-05", "GEB-TOEGANG-01"),
        ("OR-TOEZICHT-01", "PB-CAMERA-01"),
    }
    assert expected <= set(pairs)


def test_outcome_rules(checklist):
    # negative: a failed requirement no condition answers; conditional: any condition
    spec = checklist.outcome
    assert [r.result for r in spec.rules] == [
        OutcomeResult.NEGATIVE,
        OutcomeResult.INCOMPLETE,
        OutcomeResult.CONDITIONAL,
    ]
    negative, incomplete, conditional = (r.when for r in spec.rules)
    assert (negative.level, negative.verdicts, negative.condition) == (
        Level.REQUIREMENT,
        [Verdict.FAILS],
        False,
    )
    assert (incomplete.level, incomplete.verdicts) == (Level.REQUIREMENT, [Verdict.NOT_ASSESSED])
    assert (conditional.verdicts, conditional.condition) == (None, True)
    assert spec.default is OutcomeResult.POSITIVE
    assert spec.tally == [Verdict.MEETS, Verdict.PARTLY, Verdict.FAILS]
    for text in [r.text for r in spec.rules] + [spec.default_text]:
        assert text.nl != text.en


def test_example_plans_load(galerijflat, hofblok):
    assert galerijflat.identity.name == "Renovatie galerijflat Merelhof"
    assert hofblok.identity.name.startswith("Nieuwbouw hofblok")


def test_every_rule_evaluates_on_both_examples(checklist, galerijflat, hofblok):
    for plan in (galerijflat, hofblok):
        for c in checklist.criteria():
            if c.rule is not None:
                result = evaluate(c.rule, plan)
                assert result.verdict in Verdict, c.id


def test_dwellings_per_entrance(checklist, galerijflat, hofblok):
    rule = checklist.criterion("GEB-ENTREE-01").rule
    result = evaluate(rule, galerijflat)
    assert result.verdict is Verdict.FAILS
    by_entrance = {e.element: e for e in result.evidence}
    assert "14 woningen; norm: ten hoogste 10" in by_entrance["B"].text.nl
    assert "14 dwellings; norm: at most 10" in by_entrance["B"].text.en
    assert by_entrance["B"].verdict is Verdict.FAILS
    assert evaluate(rule, hofblok).verdict is Verdict.MEETS


def test_galerijflat_fails_the_typical_points(checklist, galerijflat):
    def verdict(cid: str) -> Verdict:
        return evaluate(checklist.criterion(cid).rule, galerijflat).verdict

    for cid in (
        "GEB-GALERIJ-01",
        "SB-PLINT-01",
        "SB-ACHTERPAD-01",
        "STR-MIX-01",
        "STR-HOOGTE-01",
    ):
        assert verdict(cid) is Verdict.FAILS, cid
    # the tower's internal stairwell is its fire-safe escape route and the plan answers it
    # with a compensating measure (partly); stairwell C's daylight is still open
    trap = evaluate(checklist.criterion("GEB-TRAP-01").rule, galerijflat)
    by_stairwell = {e.element: e.verdict for e in trap.evidence}
    assert by_stairwell["TT"] is Verdict.PARTLY
    assert by_stairwell["TC"] is Verdict.NOT_ASSESSED
    # the youth meeting place is far enough away, but the neighbourhood's consent is unknown
    jop = evaluate(checklist.criterion("OR-JOP-01").rule, galerijflat)
    assert jop.verdict is Verdict.NOT_ASSESSED
    assert "Instemming buurt onbekend" in jop.evidence[0].text.nl


def test_hofblok_passes_nearly_everything(checklist, hofblok):
    failing = {
        c.id
        for c in checklist.criteria()
        if c.rule is not None and evaluate(c.rule, hofblok).verdict is Verdict.FAILS
    }
    # 2.0: its parking garage is lit below 50 lx, it names no care or refugee-support
    # professionals (thesis 9), and its locking plan follows in the specification (a
    # criterion judged only from the specification on: out of scope for this final design)
    assert failing == {
        "SB-ERF-01",
        "GEB-ENTREE-03",
        "GEB-PARKEERGARAGE-01",
        "GEB-SLUITPLAN-01",
        "PB-ZORG-01",
    }
    sluitplan = checklist.criterion("GEB-SLUITPLAN-01").applies
    assert sluitplan.excludes(hofblok.identity.plan_type, hofblok.identity.stage) is not None
    # the example is a final design with every fact its rules read: nothing is unknown
    unknown = [
        c.id
        for c in checklist.criteria()
        if c.rule is not None and evaluate(c.rule, hofblok).verdict is Verdict.NOT_ASSESSED
    ]
    assert unknown == []
