"""An imported model as a review: suggestions not met until confirmed; update from IFC."""

from __future__ import annotations

import pytest

from reviewer.cli import main
from reviewer.domain.plan import SUGGESTED_ELEMENT
from reviewer.domain.review import apply_rules
from reviewer.domain.suggestion import confirm, has_suggestions
from reviewer.domain.verdict import Verdict
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.storage.review_file import load_review
from reviewer.storage.yamlfile import load_checklist
from tests.bim.conftest import DUPLEX

pytest.importorskip("ifcopenshell")


def test_cli_new_from_ifc_writes_a_review_that_opens(tmp_path, capsys):
    out = tmp_path / "duplex.review"
    code = main(["new", "--ifc", str(DUPLEX), "--perspective", "safety", "-o", str(out)])
    assert code == 0
    assert "3 sheets" in capsys.readouterr().out
    doc = load_review(out)
    review = doc.review
    assert [s.name for s in review.sheets] == ["00", "01", "02"]
    assert all(s.attachment in doc.attachments for s in review.sheets)
    pins = review.sheets[0].pins
    assert len(pins) == 4 and all(p.ifc_guid for p in pins)
    assert {p.element for p in pins} == {e.id for e in review.plan.entrances}
    assert review.sheets[0].ifc is not None
    assert has_suggestions(review.plan)


def test_a_suggestion_is_never_met_until_confirmed(duplex):
    from reviewer.bim.ifc_import import new_review_from_ifc

    checklist = load_checklist(DEFAULT_CHECKLIST)
    review, _ = new_review_from_ifc(duplex, checklist, "safety")
    height = review.assessment("STR-HOOGTE-01")
    assert height.auto_verdict is Verdict.NOT_ASSESSED
    assert any("from IFC — confirm" in e.text.en for e in height.evidence)
    assert any(review.plan.buildings[0].ifc_guid in e.text.en for e in height.evidence)
    assert not any("not filled in yet" in e.text.en for e in height.evidence)
    review.plan = confirm(review.plan, "buildings", "B1")
    apply_rules(review)
    assert review.assessment("STR-HOOGTE-01").auto_verdict is Verdict.MEETS  # 2 storeys <= 7


def test_update_from_ifc_keeps_what_a_person_typed(duplex):
    from reviewer.bim.ifc_import import new_review_from_ifc, update_review_from_ifc

    checklist = load_checklist(DEFAULT_CHECKLIST)
    review, attachments = new_review_from_ifc(duplex, checklist, "safety")
    # a person types the storeys (3) and confirms the first entrance
    data = review.plan.model_dump()
    data["buildings"][0]["storeys"] = 3
    data["buildings"][0]["suggested"].remove("storeys")
    data["entrances"][0]["suggested"] = []
    review.plan = type(review.plan).model_validate(data)
    # the newer model: one storey more, one entrance less
    newer = duplex.plan.model_dump()
    newer["buildings"][0]["storeys"] = 4
    newer["buildings"][0]["height_m"] = 12.5
    gone = newer["entrances"].pop(0)
    newer["entrances"].pop(0)
    result = type(duplex)(
        plan=type(duplex.plan).model_validate(newer),
        sheets=duplex.sheets,
        schema=duplex.schema,
    )
    before = review.model_copy(deep=True)
    update = update_review_from_ifc(review, attachments, result)
    updated, files, changes = update.review, update.attachments, update.changes
    assert review == before  # the review given is not changed
    building = updated.plan.buildings[0]
    assert building.storeys == 3  # typed: kept
    assert building.height_m == 12.5  # still a suggestion: follows the model
    kept = {(c.collection, c.element, c.fact): c for c in changes}
    assert kept[("buildings", "B1", "storeys")].kept
    assert not kept[("buildings", "B1", "height_m")].kept
    ids = [e.id for e in updated.plan.entrances]
    assert gone["ifc_guid"] in {e.ifc_guid for e in updated.plan.entrances}  # confirmed: stays
    assert len(ids) == 3  # the unconfirmed entrance the model dropped is gone
    assert kept[("entrances", "E1", SUGGESTED_ELEMENT)].kept
    # the sheets are replaced by storey, keeping their ids and pins, but for the pin of
    # the entrance that went with the model
    assert [s.id for s in updated.sheets] == [s.id for s in review.sheets]
    dropped = next(p for p in review.sheets[0].pins if p.element == "E2")
    assert update.pins_removed == [dropped.number] and update.pins_added == []
    assert [p.number for p in updated.sheets[0].pins] == [
        p.number for p in review.sheets[0].pins if p is not dropped
    ]
    assert set(files) >= {s.attachment for s in updated.sheets}


def test_an_entrance_new_in_the_model_gets_a_pin_on_update(duplex):
    import dataclasses

    from reviewer.bim.ifc_import import new_review_from_ifc, update_review_from_ifc

    checklist = load_checklist(DEFAULT_CHECKLIST)
    # an older model without the last entrance: no element, no pin
    older = duplex.plan.model_dump()
    late = older["entrances"].pop()
    sheets = [
        dataclasses.replace(
            s, entrance_pins=[p for p in s.entrance_pins if p[1] != late["ifc_guid"]]
        )
        for s in duplex.sheets
    ]
    result = dataclasses.replace(
        duplex, plan=type(duplex.plan).model_validate(older), sheets=sheets
    )
    review, attachments = new_review_from_ifc(result, checklist, "safety")
    assert len(review.sheets[0].pins) == 3
    update = update_review_from_ifc(review, attachments, duplex)
    (number,) = update.pins_added
    assert number == 4 and update.pins_removed == []
    pin = next(p for s in update.review.sheets for p in s.pins if p.number == number)
    entrance = next(e for e in update.review.plan.entrances if e.ifc_guid == late["ifc_guid"])
    assert pin.ifc_guid == late["ifc_guid"] and pin.element == entrance.id
    # where the import puts it
    placed = next(p for s in duplex.sheets for p in s.entrance_pins if p[1] == late["ifc_guid"])
    assert pin.position == placed[2]
    # updating again from the same model adds nothing
    again = update_review_from_ifc(update.review, update.attachments, duplex)
    assert again.pins_added == [] and again.pins_removed == []
