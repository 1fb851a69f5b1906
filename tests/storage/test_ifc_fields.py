"""The fields an IFC import adds are optional: old files open, new ones round-trip."""

from __future__ import annotations

import copy

from reviewer.domain.drawing import IfcPlacement, Pin, Sheet, calibration_from_points
from reviewer.domain.plan import SUGGESTED_ELEMENT, Plan
from reviewer.domain.review import new_review
from reviewer.storage.review_file import ReviewDocument, load_review, save_review


def test_suggestions_placement_and_pin_guid_survive_save_and_load(tmp_path, plan_data, checklist):
    from PIL import Image

    data = copy.deepcopy(plan_data)
    data["identity"]["suggested"] = ["name"]
    data["identity"]["ifc_guid"] = "0_P_7dE9PAquKcxkUWQ1TR"
    data["entrances"][0].update(ifc_guid="1hOSvn6df7F8_7GcBWlRH8", suggested=[SUGGESTED_ELEMENT])
    review = new_review(Plan.model_validate(data), checklist, "safety")
    placement = IfcPlacement(
        storey_guid="1xS3BCk291UvhgP2dvNMKI",
        storey_name="00",
        elevation=0.0,
        origin_x=-1.4,
        origin_y=3.0,
        metres_per_pixel=0.02,
    )
    review.sheets = [
        Sheet(
            id="S1",
            name="00",
            attachment="ifc-storey-1.png",
            width=200,
            height=100,
            calibration=calibration_from_points((10, 90), (60, 90), 1.0),
            pins=[
                Pin(
                    number=1,
                    criterion_id="GEB-ENTREE-01",
                    element="A",
                    position=(50, 50),
                    ifc_guid="1hOSvn6df7F8_7GcBWlRH8",
                )
            ],
            ifc=placement,
        )
    ]
    png = tmp_path / "s.png"
    Image.new("RGB", (200, 100), "white").save(png)
    path = tmp_path / "r.review"
    save_review(ReviewDocument(review, {"ifc-storey-1.png": png.read_bytes()}), path)
    loaded = load_review(path).review
    assert loaded.sheets[0].ifc == placement
    assert loaded.sheets[0].pins[0].ifc_guid == "1hOSvn6df7F8_7GcBWlRH8"
    assert loaded.plan.entrances[0].suggested == [SUGGESTED_ELEMENT]
    assert loaded.plan.identity.suggested == ["name"]
    assert loaded.plan == review.plan


def test_a_review_without_the_fields_opens_with_none(tmp_path, review):
    path = tmp_path / "old.review"
    save_review(ReviewDocument(review), path)
    loaded = load_review(path).review
    assert all(not e.suggested and not e.ifc_guid for e in loaded.plan.entrances)
    assert loaded.plan.identity.suggested == []
