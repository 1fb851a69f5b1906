"""Plan drawings: sheets with a scale, measurements on them, and pins for findings.

Pure data and arithmetic; no Qt, no reportlab, no file access (the drawing bytes live in
the .review file's attachments, see `reviewer.storage.drawings`).

Coordinates: every point is in *sheet units* with the origin at the top-left corner of
the sheet and y pointing down (as on screen). A sheet unit is a pixel for an image and
a PDF point (1/72 inch) for a PDF page. Because positions are stored in sheet units, not
screen pixels, pins and measurements stay where they were put at any zoom or window
size, and after save and reload.

Scale: a `Calibration` turns sheet units into metres, either from two points whose real
distance the reviewer typed, or from a known drawing scale (1:100) on a PDF page, where
one point is 0.3528 mm on paper.

Provenance: a measurement assigned to a plan fact writes its value into the plan (see
`reviewer.domain.measuring`); as long as the plan still holds that value, the rule
evidence for that element says on which sheet it was measured (`measured_note`, used by
`reviewer.domain.review.apply_rules`).

This module knows plans and rules but not reviews: `reviewer.domain.review` builds on
it, and `reviewer.domain.measuring` (which changes a review's plan from its sheets)
builds on both.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reviewer.domain.plan import ELEMENT_LABELS, FACTS, RULE_COLLECTIONS, Plan
from reviewer.domain.rules import Rule
from reviewer.domain.text import MAX_NAME_CHARS, Name, Repaired, Str, Text

__all__ = [
    "PDF_POINT_M",
    "Calibration",
    "FactTarget",
    "IfcPlacement",
    "Measurement",
    "MeasurementKind",
    "Pin",
    "Sheet",
    "area_m2",
    "calibration_from_points",
    "calibration_from_scale",
    "check_sheets",
    "find_element",
    "length_m",
    "measured_note",
    "measured_value",
    "metres_per_unit",
    "next_pin_number",
    "polygon_area",
    "polyline_length",
    "target_label",
]

PDF_POINT_M = 0.0254 / 72  # one PDF point on paper, in metres (0.3528 mm)
DECIMALS = 2  # a measured value is written into the plan rounded to centimetres / cm²

Point = tuple[
    Annotated[float, Field(allow_inf_nan=False)], Annotated[float, Field(allow_inf_nan=False)]
]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
_ATTACHMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class Calibration(BaseModel):
    """How many metres one sheet unit is.

    Made from two points and their real distance (`calibration_from_points`), or from a
    known scale of a PDF page (`calibration_from_scale`). The inputs are kept so the UI
    can show and edit them; `metres_per_unit` is what measuring uses.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    points: tuple[Point, Point] | None = None
    distance_m: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
    scale: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None  # 100 for 1:100

    @model_validator(mode="after")
    def _one_way(self) -> Calibration:
        by_points = self.points is not None and self.distance_m is not None
        if by_points == (self.scale is not None):
            raise ValueError("a calibration has either two points and a distance, or a scale")
        if (self.points is None) != (self.distance_m is None):
            raise ValueError("a two-point calibration needs both points and the distance")
        if self.points is not None and _distance(*self.points) == 0:
            raise ValueError("the two calibration points are the same point")
        return self

    @property
    def metres_per_unit(self) -> float:
        return metres_per_unit(self)


def calibration_from_points(
    p1: Sequence[float], p2: Sequence[float], distance_m: float
) -> Calibration:
    """Two points on the sheet (sheet units) that are `distance_m` apart in reality."""
    return Calibration(points=((p1[0], p1[1]), (p2[0], p2[1])), distance_m=distance_m)


def calibration_from_scale(scale: float) -> Calibration:
    """A known drawing scale 1:`scale` of a PDF page (sheet units are PDF points)."""
    return Calibration(scale=scale)


def metres_per_unit(calibration: Calibration) -> float:
    """Real metres per sheet unit."""
    if calibration.scale is not None:
        return PDF_POINT_M * calibration.scale
    assert calibration.points is not None and calibration.distance_m is not None
    return calibration.distance_m / _distance(*calibration.points)


def _distance(a: Sequence[float], b: Sequence[float]) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def polyline_length(points: Sequence[Sequence[float]]) -> float:
    """Length of a polyline in sheet units."""
    return sum(_distance(a, b) for a, b in itertools.pairwise(points))


def polygon_area(points: Sequence[Sequence[float]]) -> float:
    """Area of a simple polygon in square sheet units (shoelace formula; closed implicitly)."""
    n = len(points)
    twice = sum(
        points[i][0] * points[(i + 1) % n][1] - points[(i + 1) % n][0] * points[i][1]
        for i in range(n)
    )
    return abs(twice) / 2


def length_m(points: Sequence[Sequence[float]], calibration: Calibration) -> float:
    """Real length of a polyline in metres."""
    return polyline_length(points) * metres_per_unit(calibration)


def area_m2(polygon: Sequence[Sequence[float]], calibration: Calibration) -> float:
    """Real area of a polygon in square metres."""
    return polygon_area(polygon) * metres_per_unit(calibration) ** 2


class MeasurementKind(StrEnum):
    LENGTH = "length"  # a polyline; its value is in m
    AREA = "area"  # a polygon; its value is in m²


UNITS = {MeasurementKind.LENGTH: "m", MeasurementKind.AREA: "m²"}


class FactTarget(BaseModel):
    """A numeric plan fact: `collection` (e.g. galleries), `element` id (empty for the
    site), and `fact` (e.g. length_m)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    collection: str
    element: Name = ""
    fact: str

    @model_validator(mode="after")
    def _known(self) -> FactTarget:
        if self.collection not in RULE_COLLECTIONS:
            raise ValueError(f"unknown element type {self.collection!r}")
        if self.fact not in FACTS[self.collection]:
            raise ValueError(f"unknown fact {self.fact!r} of {self.collection}")
        if FACTS[self.collection][self.fact].unit not in UNITS.values():
            raise ValueError(f"{self.collection}.{self.fact} is not a length or an area")
        return self

    @property
    def unit(self) -> str:
        return FACTS[self.collection][self.fact].unit


def target_label(target: FactTarget) -> Text:
    """The fact as people read it, with the element named by its type and id, as the
    rule evidence names it: "Galerij G1 lengte", "Gallery 1 length" (an id alone, "1
    lengte", says nothing on a drawing or in a report)."""
    kind = ELEMENT_LABELS[target.collection]
    fact = FACTS[target.collection][target.fact].label
    return Text(
        nl=" ".join(p for p in (kind.nl, target.element, fact.nl) if p),
        en=" ".join(p for p in (kind.en, target.element, fact.en) if p),
    )


class Measurement(BaseModel):
    """A length (polyline) or area (polygon) drawn on a sheet, optionally assigned to a
    plan fact whose unit matches (m for a length, m² for an area)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: Id
    kind: MeasurementKind
    points: list[Point]
    assigned: FactTarget | None = None

    @model_validator(mode="after")
    def _shape(self) -> Measurement:
        need = 2 if self.kind is MeasurementKind.LENGTH else 3
        if len(self.points) < need:
            raise ValueError(f"a {self.kind.value} measurement needs at least {need} points")
        if self.assigned is not None and self.assigned.unit != UNITS[self.kind]:
            raise ValueError(
                f"a {self.kind.value} cannot be assigned to "
                f"{self.assigned.collection}.{self.assigned.fact} ({self.assigned.unit})"
            )
        return self


class IfcPlacement(BaseModel):
    """Where a sheet rendered from an IFC storey sits in the model (metres, model coordinates)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    storey_guid: Str = ""
    storey_name: Name = ""
    elevation: float = 0.0  # storey elevation in metres
    origin_x: float = 0.0  # model x (m) at the image's left edge
    origin_y: float = 0.0  # model y (m) at the image's top edge (image y grows downward)
    metres_per_pixel: float = 0.0


class Pin(BaseModel):
    """A numbered marker for a criterion (and optionally a plan element) on a sheet.

    The number is unique within the review, so "pin 3" names one place in the report.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    number: Annotated[int, Field(ge=1)]
    criterion_id: Str
    element: Name = ""
    position: Point
    ifc_guid: Str = ""  # the GlobalId of the model element the pin marks


class Sheet(BaseModel):
    """One drawing: an image attachment or one page of a PDF attachment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: Id
    # "Begane grond", "Situatie"
    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS), Repaired]
    attachment: str  # file name under attachments/
    page: Annotated[int, Field(ge=0)] | None = None  # page index for a PDF, None for an image
    width: Annotated[float, Field(gt=0, allow_inf_nan=False)]  # sheet units
    height: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    calibration: Calibration | None = None
    measurements: list[Measurement] = Field(default_factory=list)
    pins: list[Pin] = Field(default_factory=list)
    ifc: IfcPlacement | None = None  # a sheet rendered from a storey of an IFC model

    @model_validator(mode="after")
    def _consistent(self) -> Sheet:
        if not _ATTACHMENT_NAME.match(self.attachment) or ".." in self.attachment:
            raise ValueError(f"attachment name {self.attachment!r} is not a plain file name")
        is_pdf = self.attachment.lower().endswith(".pdf")
        if is_pdf != (self.page is not None):
            raise ValueError(f"sheet {self.id}: a page index belongs to a PDF, and only there")
        if self.calibration is not None and self.calibration.scale is not None and not is_pdf:
            raise ValueError(
                f"sheet {self.id}: a drawing scale needs a PDF page; calibrate an image by "
                "two points"
            )
        ids = [m.id for m in self.measurements]
        if len(set(ids)) != len(ids):
            raise ValueError(f"sheet {self.id}: a measurement id is used twice")
        points = [p for m in self.measurements for p in m.points] + [p.position for p in self.pins]
        if self.calibration is not None and self.calibration.points is not None:
            points += list(self.calibration.points)
        for x, y in points:
            if not (0 <= x <= self.width and 0 <= y <= self.height):
                raise ValueError(f"sheet {self.id}: point ({x:g}, {y:g}) lies outside the sheet")
        return self

    @property
    def is_pdf(self) -> bool:
        return self.page is not None

    def measurement(self, measurement_id: str) -> Measurement:
        for m in self.measurements:
            if m.id == measurement_id:
                return m
        raise KeyError(f"sheet {self.id} has no measurement {measurement_id!r}")


def check_sheets(sheets: Sequence[Sheet], criterion_ids: Sequence[str]) -> None:
    """Cross-sheet rules a Review enforces: unique sheet ids and pin numbers, pins name
    criteria of the checklist. Raises ValueError."""
    ids = [s.id for s in sheets]
    if len(set(ids)) != len(ids):
        raise ValueError("a sheet id is used twice")
    numbers = [p.number for s in sheets for p in s.pins]
    if len(set(numbers)) != len(numbers):
        raise ValueError("a pin number is used twice")
    known = set(criterion_ids)
    for sheet in sheets:
        for pin in sheet.pins:
            if pin.criterion_id not in known:
                raise ValueError(
                    f"pin {pin.number} on sheet {sheet.id} names criterion "
                    f"{pin.criterion_id!r}, which is not in the checklist"
                )


def next_pin_number(sheets: Sequence[Sheet]) -> int:
    """The number for a new pin: one more than the highest in the review."""
    return max((p.number for s in sheets for p in s.pins), default=0) + 1


def measured_value(sheet: Sheet, measurement: Measurement) -> float | None:
    """The real value (m or m², rounded to `DECIMALS`), or None when not calibrated."""
    if sheet.calibration is None:
        return None
    if measurement.kind is MeasurementKind.LENGTH:
        value = length_m(measurement.points, sheet.calibration)
    else:
        value = area_m2(measurement.points, sheet.calibration)
    return round(value, DECIMALS)


def find_element(plan: Plan, target: FactTarget) -> Any:
    """The element (or the site) whose fact `target` names, or None when the plan has none."""
    if target.collection == "site":
        return plan.site
    for element in plan.elements(target.collection):
        if element.id == target.element:
            return element
    return None


# ---------------------------------------------------------------- provenance


def _measured_facts(sheets: Sequence[Sheet], plan: Plan) -> dict[tuple[str, str, str], str]:
    """(collection, element, fact) -> sheet name, for assigned measurements whose value
    is still the plan's value (a fact typed in afterwards is no longer 'measured')."""
    found: dict[tuple[str, str, str], str] = {}
    for sheet in sheets:
        for m in sheet.measurements:
            target = m.assigned
            if target is None:
                continue
            element = find_element(plan, target)
            value = measured_value(sheet, m)
            if element is None or value is None or getattr(element, target.fact) != value:
                continue
            found.setdefault((target.collection, target.element, target.fact), sheet.name)
    return found


def measured_note(
    rule: Rule, evidence_element: str, sheets: Sequence[Sheet], plan: Plan
) -> Text | None:
    """The provenance to append to one piece of rule evidence, or None.

    Evidence for an element gets "(gemeten op blad X)"; evidence for a whole group or
    the plan (share and ratio rules) names the measured elements as well.
    """
    if not sheets:
        return None
    measured = _measured_facts(sheets, plan)
    if not measured:
        return None
    facts = rule.facts()
    own: list[str] = []
    others: list[tuple[str, str]] = []
    group_by = getattr(rule, "group_by", None)
    for (collection, element, fact), sheet_name in measured.items():
        if (collection, fact) not in facts:
            continue
        if element == evidence_element and collection in (rule.applies_to, "site"):
            own.append(sheet_name)
        elif evidence_element == "" or (group_by and collection == rule.applies_to):
            if group_by:
                found = find_element(
                    plan, FactTarget(collection=collection, element=element, fact=fact)
                )
                if str(getattr(found, group_by, "") or "") != evidence_element:
                    continue
            others.append((element, sheet_name))
    if own:
        names = ", ".join(dict.fromkeys(own))
        return Text(nl=f"(gemeten op blad {names})", en=f"(measured on sheet {names})")
    if others:
        nl = "; ".join(f"{e} gemeten op blad {s}".strip() for e, s in others)
        en = "; ".join(f"{e} measured on sheet {s}".strip() for e, s in others)
        return Text(nl=f"({nl})", en=f"({en})")
    return None
