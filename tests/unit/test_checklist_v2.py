"""Checklist 2.0 (issue 12): each correction pinned against the bundled checklist, by
evaluating its real rules on small plans."""

from __future__ import annotations

from typing import Any

import pytest

from reviewer.domain.checklist import Checklist, Level, OutcomeResult
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.plan import Plan
from reviewer.domain.profile import apply_profile
from reviewer.domain.review import Review, new_review
from reviewer.domain.verdict import Verdict
from reviewer.paths import CHECKLISTS
from reviewer.storage.yamlfile import load_checklist, load_profile

PROFILES = CHECKLISTS / "profiles"
LABEL = "keurmerk-veiligheid-en-cohesie"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(CHECKLISTS / "safety-cohesion.yaml")


@pytest.fixture(scope="module")
def label(checklist) -> Checklist:
    return apply_profile(checklist, load_profile(PROFILES / f"{LABEL}.yaml"))


def _plan(plan_type: str | None = None, stage: str | None = None, **facts: Any) -> Plan:
    identity: dict[str, Any] = {"name": "Testplan"}
    if plan_type:
        identity["plan_type"] = plan_type
    if stage:
        identity["stage"] = stage
    return Plan.model_validate({"identity": identity, **facts})


def _auto(checklist: Checklist, cid: str, plan: Plan, perspective: str = "safety") -> Verdict:
    review = new_review(plan, checklist, perspective)
    return review.assessment(cid).auto_verdict


def _entrance(**facts: Any) -> dict[str, Any]:
    return {"id": "A", **facts}


def test_version_is_two(checklist):
    assert checklist.version == "2.0"


# ---------------------------------------------------------------- letterbox (Postregeling)


def _letterbox(width: float, height: float) -> Plan:
    entrance = _entrance(
        letterbox_placement="separate_lobby",
        letterbox_width_mm=width,
        letterbox_height_mm=height,
        letterbox_anti_fishing=True,
    )
    return _plan(entrances=[entrance])


def test_dutch_letterbox_meets_and_a_smaller_one_fails(checklist):
    assert _auto(checklist, "GEB-POST-01", _letterbox(265, 32)) is Verdict.MEETS
    assert _auto(checklist, "GEB-POST-01", _letterbox(300, 40)) is Verdict.MEETS
    assert _auto(checklist, "GEB-POST-01", _letterbox(260, 30)) is Verdict.FAILS
    source = checklist.criterion("GEB-POST-01").source
    assert "Postregeling 2009" in source.nl and "Postregeling 2009" in source.en


def test_letterboxes_in_the_secure_lobby_fail(checklist):
    plan = _plan(
        entrances=[
            _entrance(
                letterbox_placement="secure_lobby",
                letterbox_width_mm=265,
                letterbox_height_mm=32,
                letterbox_anti_fishing=True,
            )
        ]
    )
    assert _auto(checklist, "GEB-POST-01", plan) is Verdict.FAILS


# ---------------------------------------------------------------- burglar resistance


def test_renovation_is_not_failed_on_new_build_class_2(checklist):
    criterion = checklist.criterion("GEB-INBRAAK-01")
    assert criterion.is_requirement
    renovation = _plan(
        "renovation", "final_design", buildings=[{"id": "M", "burglar_resistance_class": 1}]
    )
    review = new_review(renovation, checklist, "safety")
    assert review.in_scope(criterion) is False
    assert review.assessment("GEB-INBRAAK-01").auto_verdict is Verdict.NOT_APPLICABLE
    assert "GEB-INBRAAK-01" not in {c.id for c in compute_outcome(review).failing_requirements}
    # the existing-homes criterion applies instead, as a recommendation
    existing = checklist.criterion("GEB-INBRAAK-02")
    assert review.in_scope(existing) and existing.level is Level.RECOMMENDATION


def test_new_build_with_class_1_fails(checklist):
    plan = _plan(
        "new_build", "final_design", buildings=[{"id": "N", "burglar_resistance_class": 1}]
    )
    review = new_review(plan, checklist, "safety")
    assert review.in_scope(checklist.criterion("GEB-INBRAAK-01"))
    assert review.assessment("GEB-INBRAAK-01").auto_verdict is Verdict.FAILS
    assert not review.in_scope(checklist.criterion("GEB-INBRAAK-02"))
    plan = _plan(
        "new_build", "final_design", buildings=[{"id": "N", "burglar_resistance_class": 2}]
    )
    assert _auto(checklist, "GEB-INBRAAK-01", plan) is Verdict.MEETS


def test_a_sketch_is_not_judged_on_lock_classes(checklist):
    plan = _plan("new_build", "sketch", buildings=[{"id": "N", "burglar_resistance_class": 1}])
    review = new_review(plan, checklist, "safety")
    for cid in ("GEB-INBRAAK-01", "GEB-DEURSPION-01", "GEB-ROOKMELDER-01", "GEB-TOEGANG-01"):
        assert not review.in_scope(checklist.criterion(cid)), cid
    # layout criteria apply at every stage
    assert review.in_scope(checklist.criterion("GEB-ENTREE-01"))


# ---------------------------------------------------------------- access control


def test_a_key_alone_is_not_access_control(checklist):
    plan = _plan(
        entrances=[
            _entrance(
                access_control="key", electric_release=False, door_closer=True, self_locking=True
            )
        ]
    )
    assert _auto(checklist, "GEB-TOEGANG-01", plan) is Verdict.FAILS


def test_intercom_release_closer_and_self_locking_meet(checklist):
    full = {"electric_release": True, "door_closer": True, "self_locking": True}
    for system in ("intercom", "video_intercom"):
        plan = _plan(entrances=[_entrance(access_control=system, **full)])
        assert _auto(checklist, "GEB-TOEGANG-01", plan) is Verdict.MEETS, system
    no_closer = {**full, "door_closer": False}
    plan = _plan(entrances=[_entrance(access_control="intercom", **no_closer)])
    assert _auto(checklist, "GEB-TOEGANG-01", plan) is Verdict.FAILS


# ---------------------------------------------------------------- missing plan data


def test_unconfirmed_empty_entrances_are_not_assessed(checklist):
    plan = _plan()
    assert plan.is_unknown("entrances")
    review = new_review(plan, checklist, "safety")
    assessment = review.assessment("GEB-TOEGANG-01")
    assert assessment.auto_verdict is Verdict.NOT_ASSESSED
    assert "Entrees" in assessment.evidence[0].text.nl


def test_confirmed_none_gives_the_rules_if_none(checklist):
    plan = _plan(confirmed_none=["entrances", "cameras", "buildings"])
    review = new_review(plan, checklist, "safety")
    for cid in ("GEB-TOEGANG-01", "GEB-POST-01", "GEB-LIFT-01", "PB-CAMERA-02"):
        rule = checklist.criterion(cid).rule
        assert review.assessment(cid).auto_verdict is rule.if_none, cid
    # no cameras confirmed: the privacy criterion is not applicable
    assert review.assessment("PB-CAMERA-02").auto_verdict is Verdict.NOT_APPLICABLE


def test_a_new_review_without_facts_is_not_negative(checklist):
    review = new_review(_plan(), checklist, "cohesion")
    assert compute_outcome(review).result is not OutcomeResult.NEGATIVE


# ---------------------------------------------------------------- levels and compensation


def test_play_space_and_youth_shelter_are_recommendations(checklist):
    for cid in ("OR-SPEEL-01", "OR-JOP-01"):
        assert checklist.criterion(cid).level is Level.RECOMMENDATION, cid
    jop = checklist.criterion("OR-JOP-01").source
    assert "door deze toetslijst gehanteerde waarde" in jop.nl
    assert "value used by this checklist" in jop.en


def test_suitable_green_counts_for_play_space(checklist):
    site = {"residential_area_m2": 10000, "play_norm_basis": "district_built_up"}
    play = {"id": "S", "type": "play_area", "area_m2": 200}
    green = {"id": "G", "type": "green", "area_m2": 150, "suitable_for_play": True}
    lawn = {"id": "K", "type": "green", "area_m2": 900, "suitable_for_play": False}
    only_play = _plan(site=site, outdoor_spaces=[play, lawn])
    with_green = _plan(site=site, outdoor_spaces=[play, green, lawn])
    assert _auto(checklist, "OR-SPEEL-01", only_play, "cohesion") is Verdict.FAILS
    assert _auto(checklist, "OR-SPEEL-01", with_green, "cohesion") is Verdict.MEETS


def test_fourteen_dwellings_with_a_compensating_measure_partly_meet(checklist):
    criterion = checklist.criterion("GEB-ENTREE-01")
    assert criterion.level is Level.RECOMMENDATION
    bare = _plan(entrances=[_entrance(dwellings_served=14)])
    assert _auto(checklist, "GEB-ENTREE-01", bare) is Verdict.FAILS
    answered = _plan(
        entrances=[_entrance(dwellings_served=14, compensating_measure="Huismeester in de hal")]
    )
    assert _auto(checklist, "GEB-ENTREE-01", answered) is Verdict.PARTLY
    assert checklist.criterion("GEB-TRAP-01").level is Level.RECOMMENDATION
    assert checklist.criterion("GEB-TRAP-01").rule.compensated_by == "compensating_measure"


def test_parking_lighting_is_the_labels_requirement_and_streets_have_their_own(checklist):
    parking = {"id": "L1", "area": "parking", "eh_avg_lx": 2, "uniformity": 0.3, "ra": 60}
    dim = {"id": "L2", "area": "parking", "eh_avg_lx": 1.8, "uniformity": 0.25, "ra": 25}
    street = {"id": "L3", "area": "street", "eh_avg_lx": 1.0, "uniformity": 0.1, "ra": 20}
    assert _auto(checklist, "OR-LICHT-01", _plan(lighting=[parking, street])) is Verdict.MEETS
    assert _auto(checklist, "OR-LICHT-01", _plan(lighting=[dim])) is Verdict.FAILS
    assert _auto(checklist, "OR-LICHT-02", _plan(lighting=[parking, street])) is Verdict.FAILS
    assert "Kavels" in checklist.criterion("OR-LICHT-01").source.nl
    assert "value used by this checklist" in checklist.criterion("OR-LICHT-02").source.en


def test_process_criteria_left_the_checklist(checklist):
    ids = {c.id for c in checklist.criteria()}
    assert not ids & {"PB-LEEFBAARHEID-01", "PB-WORKSHOP-01"}


def test_no_superseded_sbd_edition_and_label_editions_named(checklist):
    for c in checklist.criteria():
        for text in (c.source.nl, c.source.en):
            assert "Homes 2019" not in text, c.id
            if "Politiekeurmerk" in text:
                assert "2015" in text, c.id


def test_new_themes_are_there(checklist):
    expected = {
        "GEB-DEURLICHT-01": "buildings",
        "GEB-DEURSPION-01": "buildings",
        "GEB-ROOKMELDER-01": "buildings",
        "GEB-FIETS-01": "storage",
        "GEB-CONTAINER-01": "storage",
        "GEB-PARKEERGARAGE-01": "parking_garages",
        "SB-ONDERDOORGANG-01": "underpasses",
        "GEB-KLIM-01": "buildings",
        "GEB-LIFT-01": "entrances",
        "GEB-SLUITPLAN-01": "buildings",
        "GEB-HUISNUMMER-01": "buildings",
        "GEB-VLUCHT-01": "buildings",
        "SB-ACHTERPAD-02": "outdoor_spaces",
        "PB-CAMERA-02": "cameras",
        "PB-HERSTEL-01": "site",
        "STR-ANALYSE-01": "site",
        "PB-ZORG-01": "measures",
    }
    for cid, collection in expected.items():
        assert checklist.criterion(cid).rule.applies_to == collection, cid
    for cid in ("STR-SELECTIE-01", "PB-ONLINE-01"):
        assert checklist.criterion(cid).perspectives[0].value == "cohesion"
    pairs = set(checklist.tension_pairs())
    assert ("GEB-TOEGANG-01", "GEB-VLUCHT-01") in pairs
    assert ("OR-TOEZICHT-01", "PB-CAMERA-02") in pairs
    assert ("SB-ERF-02", "OR-PARKEREN-01") in pairs


def test_camera_without_purpose_or_sign_fails(checklist):
    plan = _plan(cameras=[{"id": "C1", "purpose_recorded": True, "signage": False}])
    assert _auto(checklist, "PB-CAMERA-02", plan) is Verdict.FAILS


# ---------------------------------------------------------------- profiles


@pytest.mark.parametrize("name", [LABEL, "gemeente-voorbeeld"])
def test_profiles_apply_cleanly(checklist, name):
    path = PROFILES / f"{name}.yaml"
    profile = load_profile(path)
    assert profile.id == path.stem
    narrowed = apply_profile(checklist, profile)
    assert narrowed.profile is not None and narrowed.profile.id == name
    changed = [c for c in narrowed.criteria() if c.profile_note is not None]
    assert {c.id for c in changed} == set(profile.criteria)
    assert not {c.id for c in narrowed.criteria()} & set(profile.exclude)


def test_label_profile_makes_the_gallery_a_requirement(label):
    gallery = label.criterion("GEB-GALERIJ-01")
    assert gallery.level is Level.REQUIREMENT
    assert "eis in dit profiel" in gallery.profile_note.nl
    assert "requirement in this profile" in gallery.profile_note.en
    for cid in (
        "GEB-ENTREE-01",
        "SB-PLINT-02",
        "OR-ONTMOET-01",
        "SB-TERRITORIUM-01",
        "PB-ONTWERP-01",
    ):
        assert label.criterion(cid).is_requirement, cid
        assert label.criterion(cid).profile_note is not None, cid


def test_municipal_profile_sets_eight_dwellings(checklist):
    narrowed = apply_profile(checklist, load_profile(PROFILES / "gemeente-voorbeeld.yaml"))
    plan = _plan(entrances=[_entrance(dwellings_served=9)])
    assert _auto(checklist, "GEB-ENTREE-01", plan) is Verdict.MEETS
    assert _auto(narrowed, "GEB-ENTREE-01", plan) is Verdict.FAILS


def _gallery_renovation() -> Plan:
    return _plan(
        "renovation",
        "preliminary_design",
        galleries=[
            {"id": "G1", "length_m": 70, "dwellings": 18, "overlooked_by_living_rooms": True}
        ],
    )


def _failing(review: Review) -> set[str]:
    return {c.id for c in compute_outcome(review).failing_requirements}


def test_renovation_gets_negative_advice_on_cohesion_alone_under_the_label(checklist, label):
    plain = new_review(_gallery_renovation(), checklist, "cohesion")
    assert "GEB-GALERIJ-01" not in _failing(plain)
    assert compute_outcome(plain).result is not OutcomeResult.NEGATIVE
    under_label = new_review(_gallery_renovation(), label, "cohesion")
    assert _failing(under_label) == {"GEB-GALERIJ-01"}
    assert compute_outcome(under_label).result is OutcomeResult.NEGATIVE
