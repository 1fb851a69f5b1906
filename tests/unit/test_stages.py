"""Measures with a status, and the next review of a plan (domain/stages, next_stage)."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reviewer.domain.next_stage import (
    NoStage,
    StageNotLater,
    adopt_verdict,
    is_overdue,
    next_review,
    previous_verdict,
)
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind, NoMeasure, set_verdict
from reviewer.domain.stages import (
    MeasureStatus,
    StatusUnchanged,
    StatusWithoutName,
    WithdrawnWithoutReason,
)
from reviewer.domain.verdict import Verdict
from reviewer.paths import EXAMPLE_REVIEW
from reviewer.storage.review_file import (
    MIGRATIONS,
    SCHEMA_VERSION,
    ReviewDocument,
    load_review,
    migrate,
    open_measures,
    review_from_payload,
    review_payload,
    save_review,
)

EXAMPLES = Path(EXAMPLE_REVIEW).parent
OLD_FILES = [
    *sorted(EXAMPLES.glob("*.review")),
    Path(__file__).parent.parent / "data" / "galerijflat-veiligheid-1.0.review",
]
DAY = date(2026, 11, 30)
CID = "SB-ZICHT-01"


@pytest.fixture
def example():
    review = load_review(EXAMPLE_REVIEW).review
    review.assessments[CID] = review.assessments[CID].changed(
        measure="Kopgevel met ramen",
        measure_kind=MeasureKind.CONDITION,
        actor="architect",
        due_stage=Stage.FINAL_DESIGN,
    )
    return review


def test_a_measure_starts_open_and_moves_on_signed_and_dated(example):
    a = example.assessments[CID]
    assert a.measure_status is MeasureStatus.OPEN and a.measure_history == []
    a = a.with_status(MeasureStatus.PROCESSED, by="M. Hofstra", on=DAY)
    a = a.with_status(MeasureStatus.VERIFIED, by="J. de Vries", on=date(2027, 5, 1))
    assert a.measure_status is MeasureStatus.VERIFIED
    assert [(c.status, c.by, c.on) for c in a.measure_history] == [
        (MeasureStatus.PROCESSED, "M. Hofstra", DAY),
        (MeasureStatus.VERIFIED, "J. de Vries", date(2027, 5, 1)),
    ]


def test_withdrawn_needs_a_reason_and_every_change_a_name(example):
    a = example.assessments[CID]
    with pytest.raises(WithdrawnWithoutReason):
        a.with_status(MeasureStatus.WITHDRAWN, by="M. Hofstra", on=DAY, reason="  ")
    with pytest.raises(StatusWithoutName):
        a.with_status(MeasureStatus.PROCESSED, by="", on=DAY)
    with pytest.raises(StatusUnchanged):
        a.with_status(MeasureStatus.OPEN, by="M. Hofstra", on=DAY)
    with pytest.raises(NoMeasure):
        example.assessments["STR-MIX-01"].changed(measure="").with_status(
            MeasureStatus.PROCESSED, by="X", on=DAY
        )
    withdrawn = a.with_status(MeasureStatus.WITHDRAWN, by="X", on=DAY, reason="plan changed")
    assert withdrawn.measure_history[-1].reason == "plan changed"
    assert not withdrawn.is_condition  # a withdrawn condition answers nothing


def test_a_file_with_a_reasonless_withdrawal_is_refused(tmp_path, example):
    payload = review_payload(example)
    payload["review"]["assessments"][CID]["measure_history"] = [
        {"status": "withdrawn", "on": "2026-11-30", "by": "X", "reason": ""}
    ]
    with pytest.raises(Exception, match="withdrawn only with a reason"):
        review_from_payload(payload)


def _as_format_4(raw: dict) -> dict:
    """The payload as format 4 wrote it: no status fields, no earlier reviews."""
    raw = json.loads(json.dumps(raw))
    if raw["schema_version"] >= 5:
        raw["schema_version"] = 4
        raw["review"].pop("previous", None)
        for item in raw["review"]["assessments"].values():
            for key in ("measure_history", "measure_agreed_at", "measure_carried_from"):
                item.pop(key, None)
    return raw


@pytest.mark.parametrize("path", OLD_FILES, ids=lambda p: p.name)
def test_earlier_files_open_with_every_measure_open(path, tmp_path):
    with zipfile.ZipFile(path) as archive:
        raw = json.loads(archive.read("review.json"))
    assert raw["schema_version"] <= SCHEMA_VERSION
    review = load_review(path).review  # migrated on load while the file is of format 4
    measures = [a for a in review.assessments.values() if a.has_measure]
    assert measures
    assert all(a.measure_status is MeasureStatus.OPEN for a in measures)
    assert review.previous == []
    # the same file as format 4 wrote it (whatever format the bundled one is now)
    assert review_from_payload(_as_format_4(raw)).model_dump() == review.model_dump()
    save_review(ReviewDocument(review, load_review(path).attachments), tmp_path / "new.review")
    again = load_review(tmp_path / "new.review").review
    assert again.model_dump() == review.model_dump()


def test_format_4_step_fills_history_and_previous():
    raw = {"assessments": {"A": {"criterion_id": "A"}, "B": "junk"}}
    open_measures(raw)
    assert raw == {
        "previous": [],
        "assessments": {"A": {"criterion_id": "A", "measure_history": []}, "B": "junk"},
    }
    payload = {"schema_version": 4, "review": {"assessments": {}}}
    assert migrate(payload, 5, MIGRATIONS, "review")["schema_version"] == 5


def test_next_stage_carries_plan_drawings_dossier_and_open_measures(example):
    example.assessments[CID] = example.assessments[CID].with_status(
        MeasureStatus.PROCESSED, by="M. Hofstra", on=DAY
    )
    withdrawn = "SB-KOPGEVEL-01"
    example.assessments[withdrawn] = (
        example.assessments[withdrawn]
        .changed(measure="iets")
        .with_status(MeasureStatus.WITHDRAWN, by="X", on=DAY, reason="vervallen")
    )
    set_verdict(example, "SB-ENTREE-01", Verdict.MEETS, override_reason="gezien", justification="")
    result = next_review(example, stage=Stage.FINAL_DESIGN, file_name="vo.review")
    new = result.review
    assert new.plan.identity.stage is Stage.FINAL_DESIGN
    assert example.plan.identity.stage is Stage.PRELIMINARY_DESIGN  # the old one unchanged
    assert new.plan.model_dump(exclude={"identity"}) == example.plan.model_dump(
        exclude={"identity"}
    )
    assert new.sheets == example.sheets and new.sheets[0].calibration is not None
    assert new.dossier.reference == example.dossier.reference
    assert new.dossier.dispatch_date is None
    assert new.procedure.participants == example.procedure.participants
    assert new.checklist.profile == example.checklist.profile
    carried = new.assessments[CID]
    assert carried.measure == "Kopgevel met ramen" and carried.actor == "architect"
    assert carried.measure_status is MeasureStatus.PROCESSED
    assert carried.measure_history == example.assessments[CID].measure_history
    assert carried.measure_carried_from is Stage.PRELIMINARY_DESIGN
    assert carried.measure_agreed_at is Stage.PRELIMINARY_DESIGN
    assert not new.assessments[withdrawn].has_measure  # withdrawn: not carried
    assert withdrawn not in result.carried_measures
    # verdicts fresh: the rule decides, the adviser's override is not carried
    assert new.assessments["SB-ENTREE-01"].verdict == new.assessments["SB-ENTREE-01"].auto_verdict
    assert not new.assessments["SB-ENTREE-01"].notes
    prev = new.previous[-1]
    assert (prev.file_name, prev.stage) == ("vo.review", Stage.PRELIMINARY_DESIGN)
    assert prev.outcome is compute_outcome(example).result
    assert previous_verdict(new, "SB-ENTREE-01").verdict is Verdict.MEETS


def test_adopting_a_previous_override_keeps_its_reason(example):
    set_verdict(example, "SB-ENTREE-01", Verdict.MEETS, override_reason="poort open overdag")
    new = next_review(example, stage=Stage.FINAL_DESIGN).review
    assert new.assessments["SB-ENTREE-01"].verdict is not Verdict.MEETS
    assert adopt_verdict(new, "SB-ENTREE-01")
    assert new.assessments["SB-ENTREE-01"].verdict is Verdict.MEETS
    assert new.assessments["SB-ENTREE-01"].override_reason == "poort open overdag"
    assert not adopt_verdict(new, "SB-ENTREE-01")  # already adopted
    everything = next_review(example, stage=Stage.FINAL_DESIGN, adopt_verdicts=True).review
    for cid, prev in everything.previous[-1].verdicts.items():
        assert everything.assessments[cid].verdict is prev.verdict, cid


def test_an_earlier_or_equal_stage_is_refused(example):
    for stage in (Stage.SKETCH, Stage.PRELIMINARY_DESIGN):
        with pytest.raises(StageNotLater, match="later stage"):
            next_review(example, stage=stage)
    example.plan.identity.stage = None
    with pytest.raises(NoStage):
        next_review(example, stage=Stage.HANDOVER)


def test_the_timeline_grows_and_keeps_verdicts_only_of_the_last(example):
    do = next_review(example, stage=Stage.FINAL_DESIGN, file_name="vo.review").review
    ho = next_review(do, stage=Stage.HANDOVER, file_name="do.review").review
    assert [p.stage for p in ho.previous] == [Stage.PRELIMINARY_DESIGN, Stage.FINAL_DESIGN]
    assert ho.previous[0].verdicts == {} and ho.previous[1].verdicts
    assert ho.assessments[CID].measure_agreed_at is Stage.PRELIMINARY_DESIGN
    assert ho.assessments[CID].measure_carried_from is Stage.FINAL_DESIGN


def test_same_stage_other_perspective(example):
    new = next_review(example, perspective="cohesion").review
    assert new.perspective.value == "cohesion"
    assert new.plan.identity.stage is Stage.PRELIMINARY_DESIGN
    assert new.assessments[CID].has_measure


def test_overdue_is_an_open_measure_due_by_the_current_stage(example):
    a = example.assessments[CID]  # due by the final design
    assert not is_overdue(a, Stage.PRELIMINARY_DESIGN)
    assert is_overdue(a, Stage.FINAL_DESIGN) and is_overdue(a, Stage.HANDOVER)
    processed = a.with_status(MeasureStatus.PROCESSED, by="X", on=DAY)
    assert not is_overdue(processed, Stage.HANDOVER)


@pytest.mark.parametrize(
    ("history", "fragment"),
    [
        ([{"status": "done", "on": "2026-11-30", "by": "X"}], "status"),
        ([{"status": "processed", "on": "gisteren", "by": "X"}], "on"),
        ([{"status": "processed", "on": "2026-11-30", "by": "X" * 500}], "by"),
        ([{"status": "processed", "on": "2026-11-30", "by": " "}], "name of who made it"),
        (
            [
                {"status": "processed", "on": "2026-11-30", "by": "X"},
                {"status": "processed", "on": "2026-12-01", "by": "X"},
            ],
            "already 'processed'",
        ),
        ("not a list", "measure_history"),
    ],
)
def test_a_hostile_history_in_a_file_is_one_clear_error(tmp_path, example, history, fragment):
    from reviewer.storage.container import DocumentFileError

    payload = review_payload(example)
    payload["review"]["assessments"][CID]["measure_history"] = history
    with pytest.raises(DocumentFileError, match="the review") as caught:
        review_from_payload(payload)
    assert fragment in str(caught.value)


def test_a_withdrawn_measure_leaves_the_letter_but_not_its_finding(example):
    from reviewer.domain.advice import build_advice

    example.assessments[CID] = example.assessments[CID].with_status(
        MeasureStatus.WITHDRAWN, by="X", on=DAY, reason="vervallen"
    )
    advice = build_advice(example)
    assert CID not in [i.criterion.id for i in advice.conditions]
    (item,) = [i for i in advice.recommendations if i.criterion.id == CID]  # still a finding
    assert item.measure == "" and item.text("nl") == example.checklist.criterion(CID).title.nl
    quiet = "OR-HOF-01"  # a recommendation without a finding: gone from the letter
    example.assessments[quiet] = (
        example.assessments[quiet]
        .changed(measure="Poort overdag open", verdict=Verdict.MEETS, override_reason="gezien")
        .with_status(MeasureStatus.WITHDRAWN, by="X", on=DAY, reason="niet nodig")
    )
    assert quiet not in [i.criterion.id for i in build_advice(example).recommendations]
