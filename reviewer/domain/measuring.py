"""Measuring: writing what a drawing measures into the plan a review assesses.

A measurement assigned to a plan fact (gallery G1's length) puts its value into the
plan, and the rules are re-evaluated (`assign_measurement`). Recalibrating a sheet
(`calibrate_sheet`) writes the new values of its measured facts into the plan, so the
plan never keeps a number the sheet no longer measures; a fact typed over since it was
measured is left alone.

This module sits above both `reviewer.domain.drawing` (sheets, scales, measurements)
and `reviewer.domain.review` (the plan's re-evaluation): it imports them, neither
imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.domain.drawing import (
    Calibration,
    FactTarget,
    Measurement,
    find_element,
    measured_value,
)
from reviewer.domain.review import Review, apply_rules

__all__ = [
    "AssignResult",
    "AssignmentError",
    "CalibrateResult",
    "Remeasured",
    "assign_measurement",
    "calibrate_sheet",
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
