"""Measuring: writing what a drawing measures into the plan a review assesses.

A measurement assigned to a plan fact (gallery G1's length) puts its value into the
plan, and the rules are re-evaluated (`assign_measurement`). Recalibrating a sheet
(`calibrate_sheet`) writes the new values of its measured facts into the plan, so the
plan never keeps a number the sheet no longer measures; a fact typed over since it was
measured is left alone. `propose_targets` lists the facts a measurement can go into, the
likely ones first, for the person to choose from.

This module sits above both `reviewer.domain.drawing` (sheets, scales, measurements)
and `reviewer.domain.review` (the plan's re-evaluation): it imports them, neither
imports it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from reviewer.domain.drawing import (
    UNITS,
    Calibration,
    FactTarget,
    Measurement,
    MeasurementKind,
    Sheet,
    find_element,
    measured_value,
)
from reviewer.domain.plan import FACTS, RULE_COLLECTIONS
from reviewer.domain.review import Review, apply_rules

__all__ = [
    "AssignResult",
    "AssignmentError",
    "CalibrateResult",
    "Proposal",
    "Reason",
    "Remeasured",
    "assign_measurement",
    "calibrate_sheet",
    "propose_targets",
]


class AssignmentError(ValueError):
    """A measurement cannot be assigned; the message says why."""


@dataclass(frozen=True)
class AssignResult:
    """What `assign_measurement` did: the fact's old and new value (for undo) and the
    criteria whose verdict or evidence changed."""

    target: FactTarget
    old_value: float | None
    new_value: float
    changed: list[str]


def assign_measurement(
    review: Review, sheet_id: str, measurement_id: str, target: FactTarget | None = None
) -> AssignResult:
    """Write a measurement's value into its plan fact and re-evaluate the rules.

    `target` (re)assigns the measurement first; without it the measurement's existing
    assignment is used. Raises AssignmentError when the sheet is not calibrated, the
    measurement has no target or the target element is not in the plan.
    """
    sheet = next((s for s in review.sheets if s.id == sheet_id), None)
    if sheet is None:
        raise AssignmentError(f"there is no sheet {sheet_id!r}")
    try:
        measurement = sheet.measurement(measurement_id)
    except KeyError as exc:
        raise AssignmentError(str(exc.args[0])) from None
    target = target or measurement.assigned
    if target is None:
        raise AssignmentError(f"measurement {measurement_id} is not assigned to a plan fact")
    value = measured_value(sheet, measurement)
    if value is None:
        raise AssignmentError(f"sheet {sheet.name} has no scale yet: calibrate it first")
    element = find_element(review.plan, target)
    if element is None:
        raise AssignmentError(f"the plan has no {target.collection} element {target.element!r}")
    try:
        measurement.assigned = target  # validates that the unit matches the kind
    except ValueError as exc:
        raise AssignmentError(str(exc)) from None
    old = getattr(element, target.fact)
    setattr(element, target.fact, value)
    return AssignResult(target, old, value, apply_rules(review))


@dataclass(frozen=True)
class Remeasured:
    """A plan fact `calibrate_sheet` re-wrote: the measurement, the fact, old and new value."""

    measurement_id: str
    target: FactTarget
    old_value: float | None
    new_value: float


@dataclass(frozen=True)
class CalibrateResult:
    """What `calibrate_sheet` did: the facts re-written with the new scale, the assigned
    measurements left alone because the plan no longer held their value (typed over, or
    not measurable before), and the criteria whose verdict or evidence changed."""

    remeasured: list[Remeasured]
    left_alone: list[str]
    changed: list[str]


def calibrate_sheet(
    review: Review, sheet_id: str, calibration: Calibration | None
) -> CalibrateResult:
    """Give a sheet a (new) calibration and keep the facts measured on it honest.

    Every measurement on the sheet whose assigned fact still holds the value it measured
    with the old calibration gets the value it measures with the new one written into
    the plan, so the plan keeps no stale number and the evidence still says the fact was
    measured on this sheet. A fact typed over since (or a measurement that had no value)
    is left as it is: it is not the measurement's number. Rules are re-evaluated.

    Raises pydantic's ValidationError when the sheet refuses the calibration (a scale on
    an image, points off the sheet); the review is then unchanged.
    """
    sheet = next((s for s in review.sheets if s.id == sheet_id), None)
    if sheet is None:
        raise KeyError(f"there is no sheet {sheet_id!r}")
    still_measured: list[tuple[Measurement, Any]] = []
    left_alone: list[str] = []
    for m in sheet.measurements:
        if m.assigned is None:
            continue
        element = find_element(review.plan, m.assigned)
        value = measured_value(sheet, m)
        if element is not None and value is not None and getattr(element, m.assigned.fact) == value:
            still_measured.append((m, element))
        else:
            left_alone.append(m.id)
    before = sheet.calibration
    try:
        sheet.calibration = calibration  # validated by the sheet, before any fact changes
    except ValueError:
        sheet.calibration = before  # pydantic keeps a refused value assigned; put it back
        raise
    remeasured: list[Remeasured] = []
    for m, element in still_measured:
        assert m.assigned is not None
        value = measured_value(sheet, m)
        if value is None:  # calibration removed: the plan keeps the last measured number
            left_alone.append(m.id)
            continue
        old = getattr(element, m.assigned.fact)
        setattr(element, m.assigned.fact, value)
        remeasured.append(Remeasured(m.id, m.assigned, old, value))
    return CalibrateResult(remeasured, left_alone, apply_rules(review))


# ---------------------------------------------------------------- proposing a fact

# The facts a plan drawing usually measures, most likely first; other facts of the same
# unit follow them in the order of the plan.
TYPICAL_FACTS: dict[MeasurementKind, tuple[tuple[str, str], ...]] = {
    MeasurementKind.LENGTH: (
        ("galleries", "length_m"),
        ("outdoor_spaces", "length_m"),  # rear paths
        ("plinth_segments", "length_m"),
        ("underpasses", "length_m"),
        ("outdoor_spaces", "width_m"),
        ("underpasses", "width_m"),
        ("outdoor_spaces", "distance_to_dwellings_m"),
        ("meeting_places", "walking_distance_m"),
        ("entrances", "recess_depth_m"),
    ),
    MeasurementKind.AREA: (
        ("outdoor_spaces", "area_m2"),
        ("site", "residential_area_m2"),
    ),
}
NEAR_SHARE = 0.05  # a pin this share of the sheet's larger side from a measurement is near it


class Reason(IntEnum):
    """Why a fact is proposed where it is; a lower reason is listed first."""

    ASSIGNED = 0  # the measurement is assigned to it now
    ON_ELEMENT = 1  # a pin near the measurement names its element
    SELECTED = 2  # its element was the last one selected in the plan
    NEAR_PIN = 3  # a rule of a criterion pinned near the measurement uses it
    TYPICAL = 4  # a fact drawings usually measure
    OTHER = 5  # any other fact of the measurement's unit


@dataclass(frozen=True)
class Proposal:
    """A fact a measurement can be written into, why it is where it is in the list, and
    whether it is safe to offer it as the answer (`preselect`: the measurement is already
    assigned to it, or a pin on the line names its element and it is that element's only
    fact of the unit). Nothing else is preselected: a guess Enter would accept blindly
    writes a gallery's length into an entrance's recess depth."""

    target: FactTarget
    reason: Reason
    current: Any  # the plan's value of the fact now
    preselect: bool = False


def _segment_distance(p: Sequence[float], a: Sequence[float], b: Sequence[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))


def _inside(p: Sequence[float], polygon: Sequence[Sequence[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def distance_to(measurement: Measurement, point: Sequence[float]) -> float:
    """How far (sheet units) a point is from a measurement's line, or from its area (0
    inside it)."""
    points = list(measurement.points)
    if measurement.kind is MeasurementKind.AREA:
        if _inside(point, points):
            return 0.0
        points.append(points[0])
    return min(_segment_distance(point, a, b) for a, b in itertools.pairwise(points))


def propose_targets(
    review: Review,
    sheet: Sheet,
    measurement: Measurement,
    selected: tuple[str, str] | None = None,
) -> list[Proposal]:
    """Every plan fact the measurement fits (a length only into facts in m, an area only
    into facts in m², never into a count), the likely ones first.

    First the fact it is assigned to; then the facts of the element a pin near it names
    (the element it lies on); then those of the element last `selected` in the plan
    ((collection, element id)); then the facts the rules of criteria pinned near it use;
    then the facts drawings usually measure (a gallery's or a rear path's length, an
    outdoor space's area); then the rest.
    """
    unit = UNITS[measurement.kind]
    plan = review.plan
    near = max(sheet.width, sheet.height) * NEAR_SHARE
    pins = [p for p in sheet.pins if distance_to(measurement, p.position) <= near]
    pinned_facts: set[tuple[str, str]] = set()
    pinned_elements: set[str] = set()
    for pin in pins:
        if pin.element:
            pinned_elements.add(pin.element)
        try:
            rule = review.checklist.criterion(pin.criterion_id).rule
        except KeyError:
            continue
        if rule is not None:
            pinned_facts |= rule.facts()
    typical = TYPICAL_FACTS[measurement.kind]
    proposals: list[tuple[tuple[Any, ...], Proposal]] = []
    for c_index, collection in enumerate(RULE_COLLECTIONS):
        facts = [f for f, info in FACTS[collection].items() if info.unit == unit]
        for e_index, element in enumerate(plan.elements(collection)):
            element_id = "" if collection == "site" else element.id
            for f_index, fact in enumerate(facts):
                target = FactTarget(collection=collection, element=element_id, fact=fact)
                if target == measurement.assigned:
                    reason = Reason.ASSIGNED
                elif element_id and element_id in pinned_elements:
                    reason = Reason.ON_ELEMENT
                elif selected == (collection, element_id) and element_id:
                    reason = Reason.SELECTED
                elif (collection, fact) in pinned_facts:
                    reason = Reason.NEAR_PIN
                elif (collection, fact) in typical:
                    reason = Reason.TYPICAL
                else:
                    reason = Reason.OTHER
                rank = typical.index((collection, fact)) if (collection, fact) in typical else 99
                # a rear path's length and width before those of other outdoor spaces
                rear = getattr(element, "type", None) == "rear_path"
                key = (reason, rank, c_index, not rear, e_index, f_index)
                proposal = Proposal(target, reason, getattr(element, fact))
                proposals.append((key, proposal))
    proposals.sort(key=lambda kp: kp[0])
    ordered = [p for _k, p in proposals]
    if ordered:
        first = ordered[0]
        same_reason = [p for p in ordered if p.reason is first.reason]
        if first.reason is Reason.ASSIGNED or (
            first.reason is Reason.ON_ELEMENT and len(same_reason) == 1
        ):
            ordered[0] = Proposal(first.target, first.reason, first.current, preselect=True)
    return ordered
