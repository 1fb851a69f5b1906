"""Plan drawings in the domain: scale arithmetic, measurements, pins, fact assignment."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reviewer.domain.drawing import (
    PDF_POINT_M,
    FactTarget,
    Measurement,
    Pin,
    Sheet,
    area_m2,
    calibration_from_points,
    calibration_from_scale,
    length_m,
    measured_value,
    metres_per_unit,
    next_pin_number,
    polygon_area,
    polyline_length,
)
from reviewer.domain.measuring import AssignmentError, assign_measurement, calibrate_sheet
from reviewer.domain.review import Review, apply_rules
from reviewer.domain.verdict import Verdict


def sheet(**kw) -> Sheet:
    values = {
        "id": "S1",
        "name": "Begane grond",
        "attachment": "drawing-1.pdf",
        "page": 0,
        "width": 1190.0,
        "height": 842.0,
    }
    values.update(kw)
    return Sheet(**values)


def test_two_point_calibration():
    cal = calibration_from_points((100, 100), (400, 500), 25.0)  # 500 units apart
    assert metres_per_unit(cal) == pytest.approx(0.05)
    assert cal.metres_per_unit == pytest.approx(0.05)


def test_known_scale_on_a_pdf_page():
    cal = calibration_from_scale(100)
    # one point is 0.3528 mm on paper, 35.28 mm in reality at 1:100
    assert metres_per_unit(cal) == pytest.approx(0.035278, rel=1e-4)
    # an A4 page width (595.28 pt = 210 mm) is 21 m at 1:100
    assert length_m([(0, 0), (595.2756, 0)], cal) == pytest.approx(21.0, rel=1e-5)
    assert pytest.approx(0.0254) == PDF_POINT_M * 72


def test_length_and_area():
    assert polyline_length([(0, 0), (3, 4), (3, 10)]) == pytest.approx(11)
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert polygon_area(square) == pytest.approx(100)
    assert polygon_area(list(reversed(square))) == pytest.approx(100)  # either winding
    l_shape = [(0, 0), (4, 0), (4, 1), (1, 1), (1, 3), (0, 3)]
    assert polygon_area(l_shape) == pytest.approx(6)
    cal = calibration_from_points((0, 0), (100, 0), 10.0)  # 0.1 m per unit
    assert length_m([(0, 0), (0, 50), (30, 50)], cal) == pytest.approx(8.0)
    assert area_m2(square, cal) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"points": ((0, 0), (1, 1))},
        {"points": ((0, 0), (0, 0)), "distance_m": 3},
        {"scale": 0},
        {"scale": 100, "points": ((0, 0), (1, 1)), "distance_m": 3},
        {"points": ((0, 0), (1, 1)), "distance_m": -2},
    ],
)
def test_invalid_calibrations(kwargs):
    from reviewer.domain.drawing import Calibration

    with pytest.raises(ValidationError):
        Calibration(**kwargs)


def test_sheet_validation():
    with pytest.raises(ValidationError, match="greater than 0"):
        sheet(width=-5)
    with pytest.raises(ValidationError, match="at least 1 character"):
        sheet(name="")
    with pytest.raises(ValidationError, match="outside the sheet"):
        sheet(pins=[Pin(number=1, criterion_id="X", position=(2000, 10))])
    with pytest.raises(ValidationError, match="page index"):
        sheet(attachment="plan.png")  # an image has no page
    with pytest.raises(ValidationError, match="scale needs a PDF"):
        sheet(attachment="plan.png", page=None, calibration=calibration_from_scale(100))
    with pytest.raises(ValidationError, match="plain file name"):
        sheet(attachment="../x.pdf")
    with pytest.raises(ValidationError, match="at least 3 points"):
        Measurement(id="m1", kind="area", points=[(0, 0), (1, 1)])
    with pytest.raises(ValidationError, match="cannot be assigned"):
        Measurement(
            id="m1",
            kind="length",
            points=[(0, 0), (1, 1)],
            assigned=FactTarget(collection="outdoor_spaces", element="S1", fact="area_m2"),
        )
    with pytest.raises(ValidationError, match="not a length or an area"):
        FactTarget(collection="galleries", element="G1", fact="dwellings")


def test_review_checks_pins_and_sheet_ids(review):
    data = review.model_dump()
    data["sheets"] = [sheet(pins=[Pin(number=1, criterion_id="NOPE", position=(1, 1))])]
    with pytest.raises(ValidationError, match="not in the checklist"):
        Review.model_validate(data)
    data["sheets"] = [
        sheet(pins=[Pin(number=1, criterion_id="GEB-ENTREE-01", position=(1, 1))]),
        sheet(id="S2", pins=[Pin(number=1, criterion_id="GEB-ENTREE-01", position=(2, 2))]),
    ]
    with pytest.raises(ValidationError, match="pin number is used twice"):
        Review.model_validate(data)
    data["sheets"] = [sheet(), sheet()]
    with pytest.raises(ValidationError, match="sheet id is used twice"):
        Review.model_validate(data)


def test_pins_for_a_criterion_and_next_number(review):
    review.sheets = [
        sheet(pins=[Pin(number=3, criterion_id="GEB-ENTREE-01", position=(5, 5))]),
        sheet(id="S2", pins=[Pin(number=1, criterion_id="GEB-ENTREE-01", position=(1, 1))]),
    ]
    assert [(s.id, p.number) for s, p in review.pins_for("GEB-ENTREE-01")] == [
        ("S2", 1),
        ("S1", 3),
    ]
    assert next_pin_number(review.sheets) == 4
    assert next_pin_number([]) == 1


def _gallery_review(review: Review) -> Review:
    review.plan.galleries[0].dwellings = 8  # only the length decides now
    apply_rules(review)
    assert review.assessments["GEB-GALERIJ-01"].auto_verdict is Verdict.FAILS  # 70 m
    cal = calibration_from_points((0, 0), (1000, 0), 100.0)  # 0.1 m per point
    review.sheets = [
        sheet(
            calibration=cal,
            measurements=[
                Measurement(id="m1", kind="length", points=[(100, 100), (400, 100), (400, 200)]),
            ],
        )
    ]
    return review


def test_assigning_a_measurement_writes_the_fact_and_re_evaluates(review):
    review = _gallery_review(review)
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    result = assign_measurement(review, "S1", "m1", target)
    assert result.old_value == 70
    assert result.new_value == pytest.approx(40.0)
    assert review.plan.galleries[0].length_m == pytest.approx(40.0)
    assert "GEB-GALERIJ-01" in result.changed
    assessment = review.assessments["GEB-GALERIJ-01"]
    assert assessment.auto_verdict is Verdict.MEETS
    (evidence,) = assessment.evidence
    assert evidence.text.nl.endswith("(gemeten op blad Begane grond)")
    assert evidence.text.en.endswith("(measured on sheet Begane grond)")
    assert review.sheets[0].measurements[0].assigned == target
    # other criteria's evidence does not claim the measurement
    assert all("gemeten" not in e.text.nl for e in review.assessments["GEB-ENTREE-01"].evidence)


def test_a_fact_typed_over_the_measurement_is_no_longer_measured(review):
    review = _gallery_review(review)
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    assign_measurement(review, "S1", "m1", target)
    review.plan.galleries[0].length_m = 45
    apply_rules(review)
    assert "gemeten" not in review.assessments["GEB-GALERIJ-01"].evidence[0].text.nl


def test_recalibrating_rewrites_the_facts_measured_on_the_sheet(review):
    review = _gallery_review(review)
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    assign_measurement(review, "S1", "m1", target)  # 400 points at 0.1 m: 40 m, meets
    # the sheet was mis-calibrated: 1000 points are 150 m, so m1 is 60 m, too long
    result = calibrate_sheet(review, "S1", calibration_from_points((0, 0), (1000, 0), 150.0))
    assert review.plan.galleries[0].length_m == pytest.approx(60.0)
    (remeasured,) = result.remeasured
    assert remeasured.measurement_id == "m1" and remeasured.target == target
    assert remeasured.old_value == pytest.approx(40.0)
    assert remeasured.new_value == pytest.approx(60.0)
    assert result.left_alone == []
    assert "GEB-GALERIJ-01" in result.changed
    assessment = review.assessments["GEB-GALERIJ-01"]
    assert assessment.auto_verdict is Verdict.FAILS
    assert assessment.evidence[0].text.en.endswith("(measured on sheet Begane grond)")
    # a known scale on the PDF page: 400 points at 1:100 is 400 / 72 * 2.54 m
    calibrate_sheet(review, "S1", calibration_from_scale(100))
    assert review.plan.galleries[0].length_m == pytest.approx(round(400 / 72 * 2.54, 2))


def test_recalibrating_leaves_a_fact_typed_over_alone(review):
    review = _gallery_review(review)
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    assign_measurement(review, "S1", "m1", target)
    review.plan.galleries[0].length_m = 45  # the reviewer knows better than the drawing
    result = calibrate_sheet(review, "S1", calibration_from_points((0, 0), (1000, 0), 150.0))
    assert review.plan.galleries[0].length_m == 45
    assert result.remeasured == [] and result.left_alone == ["m1"]
    assert review.sheets[0].calibration.distance_m == 150.0


def test_a_refused_calibration_changes_nothing(review):
    review = _gallery_review(review)
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    assign_measurement(review, "S1", "m1", target)
    with pytest.raises(ValidationError, match="outside the sheet"):
        calibrate_sheet(review, "S1", calibration_from_points((0, 0), (5000, 0), 150.0))
    assert review.plan.galleries[0].length_m == pytest.approx(40.0)
    assert review.sheets[0].calibration.distance_m == 100.0
    with pytest.raises(KeyError):
        calibrate_sheet(review, "S9", calibration_from_scale(100))


def test_measured_area_in_a_ratio_rule_names_element_and_sheet(review):
    # play area S1: 200 m² of 10 000 m² is 2 %, below the 3 % norm
    cal = calibration_from_points((0, 0), (100, 0), 10.0)  # 0.1 m per point
    square = [(0, 0), (200, 0), (200, 200), (0, 200)]  # 20 m × 20 m = 400 m²
    review.sheets = [
        sheet(calibration=cal, measurements=[Measurement(id="a", kind="area", points=square)])
    ]
    target = FactTarget(collection="outdoor_spaces", element="S1", fact="area_m2")
    assign_measurement(review, "S1", "a", target)
    assessment = review.assessments["OR-SPEEL-01"]
    assert assessment.auto_verdict is Verdict.MEETS
    assert assessment.evidence[-1].text.nl.endswith("(S1 gemeten op blad Begane grond)")


def test_assignment_errors(review):
    review.sheets = [
        sheet(measurements=[Measurement(id="m1", kind="length", points=[(0, 0), (10, 0)])])
    ]
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    with pytest.raises(AssignmentError, match="calibrate"):
        assign_measurement(review, "S1", "m1", target)
    with pytest.raises(AssignmentError, match="not assigned"):
        assign_measurement(review, "S1", "m1")
    with pytest.raises(AssignmentError, match="no sheet"):
        assign_measurement(review, "S9", "m1", target)
    with pytest.raises(AssignmentError, match="no measurement"):
        assign_measurement(review, "S1", "m9", target)
    review.sheets[0].calibration = calibration_from_scale(100)
    with pytest.raises(AssignmentError, match="no galleries element"):
        assign_measurement(
            review, "S1", "m1", FactTarget(collection="galleries", element="G9", fact="length_m")
        )
    with pytest.raises(AssignmentError, match="cannot be assigned"):
        assign_measurement(
            review,
            "S1",
            "m1",
            FactTarget(collection="outdoor_spaces", element="S1", fact="area_m2"),
        )
    assert measured_value(review.sheets[0], review.sheets[0].measurements[0]) == pytest.approx(0.35)


# ---------------------------------------------------------------- proposing a fact


def _proposals(review: Review, measurement: Measurement, **kw):  # type: ignore[no-untyped-def]
    from reviewer.domain.measuring import propose_targets

    page = sheet(measurements=[measurement], pins=kw.pop("pins", []))
    return propose_targets(review, page, measurement, **kw)


def test_a_length_is_proposed_lengths_with_galleries_first(review):
    from reviewer.domain.measuring import Reason

    line = Measurement(id="m1", kind="length", points=[(100, 100), (600, 100)])
    proposals = _proposals(review, line)
    units = {p.target.unit for p in proposals}
    assert units == {"m"}  # never an area, a count or millimetres
    first = proposals[0]
    assert (first.target.collection, first.target.element) == ("galleries", "G1")
    assert first.reason is Reason.TYPICAL and not first.preselect
    assert not any(p.preselect for p in proposals)
    # the entrance's recess depth is offered, after the lengths drawings usually measure
    keys = [(p.target.collection, p.target.fact) for p in proposals]
    assert keys.index(("entrances", "recess_depth_m")) > keys.index(("plinth_segments", "length_m"))


def test_an_area_is_proposed_areas_only(review):
    area = Measurement(id="a1", kind="area", points=[(0, 0), (100, 0), (100, 100)])
    targets = [(p.target.collection, p.target.fact) for p in _proposals(review, area)]
    assert targets == [("outdoor_spaces", "area_m2"), ("site", "residential_area_m2")]


def test_what_is_known_about_a_measurement_orders_the_proposals(review):
    from reviewer.domain.measuring import Reason

    line = Measurement(id="m1", kind="length", points=[(100, 100), (600, 100)])
    # the element last selected in the plan comes first, but is not chosen for the user
    (first, *_) = _proposals(review, line, selected=("plinth_segments", "P2"))
    assert (first.target.element, first.reason, first.preselect) == ("P2", Reason.SELECTED, False)
    # a pin on the line that names an element: that element, chosen when it is its only fact
    pin = Pin(number=1, criterion_id="GEB-GALERIJ-01", element="P1", position=(300, 110))
    (first, *_) = _proposals(review, line, pins=[pin], selected=("plinth_segments", "P2"))
    assert (first.target.element, first.reason, first.preselect) == ("P1", Reason.ON_ELEMENT, True)
    # a pin far from the line says nothing
    far = pin.model_copy(update={"position": (300, 800)})
    (first, *_) = _proposals(review, line, pins=[far])
    assert first.reason is Reason.TYPICAL
    # the fact it is assigned to now comes first, and stays chosen
    line.assigned = FactTarget(collection="plinth_segments", element="P2", fact="length_m")
    (first, *_) = _proposals(review, line, pins=[pin])
    assert (first.target.element, first.reason, first.preselect) == ("P2", Reason.ASSIGNED, True)


def test_target_label_names_the_element_type():
    from reviewer.domain.drawing import target_label

    label = target_label(FactTarget(collection="galleries", element="1", fact="length_m"))
    assert (label.nl, label.en) == ("Galerij 1 lengte", "Gallery 1 length")
    site = target_label(FactTarget(collection="site", fact="residential_area_m2"))
    assert site.nl.startswith("Plangebied oppervlak")
