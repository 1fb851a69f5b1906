"""Import an IFC model: plan facts as suggestions, and a floor plan per storey.

`read_model` opens the model (checks in `reviewer.bim.source`), derives the facts a BIM
model can give and draws the storeys; it returns an `IfcImport` of domain objects and PNG
bytes, and knows nothing of files beyond the model it reads. `new_review_from_ifc` and
`update_review_from_ifc` turn that into a review (or bring it into one).

Every fact is a *suggestion* (see `reviewer.domain.suggestion`) carrying the GlobalId of
the element it came from; nothing counts as met until a person confirms it. A fact the
model does not give stays unknown. What is read:

- identity: project name, building, address (when it is not a placeholder)
- storeys: the storeys that hold doors (the `NumberOfStoreys` property is often wrong);
  the building height from the lowest of them to the highest point of walls and roofs
- dwellings: zones (IfcZone, IfcSpatialZone) named or typed as dwellings, joined when they
  share a room or a room-number prefix; without zones, room-number prefixes (A101, B203)
- entrances: doors on the ground floor marked IsExternal, or, when none is, on the outline
- stairwells: stair flights grouped into cores, the storeys they serve, on the facade or not
- galleries and corridors: rooms named as such (nl, en, de), with their long side
- storage: rooms named as storage, bicycle or bin stores
- the ground-floor facade per side (N, E, S, W) with its openings, for the blind plinth
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.bim.floorplan import Frame, RoomLabel, StoreyDrawing, frame_for, render_storey
from reviewer.bim.geometry import HEIGHT_TYPES, PLAN_TYPES, Mesh, footprint, meshes, polygons_of
from reviewer.bim.source import IfcImportError, ImportCancelled, OpenedModel, open_model
from reviewer.domain.checklist import Checklist, Perspective
from reviewer.domain.drawing import (
    IfcPlacement,
    Pin,
    Sheet,
    calibration_from_points,
    check_sheets,
    next_pin_number,
)
from reviewer.domain.plan import (
    SUGGESTED_ELEMENT,
    Plan,
    PlanIdentity,
    PlanType,
    PlinthFunction,
    Stage,
    StorageKind,
)
from reviewer.domain.review import Review, Reviewer, apply_rules, new_review
from reviewer.domain.suggestion import FactChange, merge_update

__all__ = [
    "IfcImport",
    "IfcImportError",
    "IfcUpdate",
    "ImportCancelled",
    "StoreySheet",
    "entrance_criterion",
    "new_review_from_ifc",
    "read_model",
    "update_review_from_ifc",
]

Progress = Callable[[int, str], None]  # percent done, what is being done
Cancelled = Callable[[], bool]

ENTRANCE_TOLERANCE_M = 0.6  # a door this close to the outline lies on it
FACADE_TOLERANCE_M = 1.5
CLOSE_GAPS_M = 1.5  # gaps between walls up to twice this are closed to find the outline

_PLACEHOLDERS = re.compile(
    r"^\s*(|-+|n/?a|none|unknown|tbd|address|adres|adresse|enter address here|"
    r"default|undefined|\?+|\.+|0+)\s*$",
    re.IGNORECASE,
)
_DWELLING_WORDS = re.compile(
    r"appart|apartment|dwelling|woning|wohnung|logement|flat\b|unit\b|residential unit",
    re.IGNORECASE,
)
_CORRIDOR_WORDS = re.compile(
    r"\b(galerij|gallerij|galerie|gallery|laubengang|access deck|corridor|korridor|gang|"
    r"flur|couloir|circulation)\b",
    re.IGNORECASE,
)
_STORAGE_WORDS = {
    StorageKind.BICYCLE: re.compile(r"fiets|bicycle|bike|fahrrad|velo", re.IGNORECASE),
    StorageKind.BINS: re.compile(
        r"container|vuil|afval|\bbins?\b|refuse|waste|m[üu]ll|abfall", re.IGNORECASE
    ),
    StorageKind.PRIVATE: re.compile(
        r"berging|storage|\bstore\b|storeroom|abstellraum|keller|lager|cellier|cave\b",
        re.IGNORECASE,
    ),
}
_ROOM_NUMBER = re.compile(r"^\s*([A-Za-z]{1,3})[-. ]?\d{2,}")


@dataclass
class StoreySheet:
    """One storey drawn: the sheet (scale known) and its PNG."""

    sheet: Sheet
    png: bytes
    storey_guid: str
    entrance_pins: list[tuple[str, str, tuple[float, float]]] = field(default_factory=list)
    # (entrance id, door GlobalId, position in pixels)


@dataclass
class IfcImport:
    plan: Plan
    sheets: list[StoreySheet]
    schema: str
    warning: str = ""
    notes: list[str] = field(default_factory=list)  # what could not be found, for the person


# ---------------------------------------------------------------- model helpers


def _unit_scale(model: Any) -> float:
    import ifcopenshell.util.unit

    return float(ifcopenshell.util.unit.calculate_unit_scale(model))


def _storey_level(storey: Any, scale: float) -> float:
    import ifcopenshell.util.placement

    if storey.ObjectPlacement is not None:
        matrix = ifcopenshell.util.placement.get_local_placement(storey.ObjectPlacement)
        return float(matrix[2][3]) * scale
    return float(storey.Elevation or 0.0) * scale


def _contained(storey: Any) -> list[Any]:
    import ifcopenshell.util.element

    return list(ifcopenshell.util.element.get_decomposition(storey))


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _space_name(space: Any) -> tuple[str, str]:
    """(number, name) of a room: IFC puts the number in Name and the name in LongName."""
    number = _text(space.Name)
    name = _text(space.LongName)
    return number, name


def _is_external(door: Any) -> bool | None:
    import ifcopenshell.util.element

    psets = ifcopenshell.util.element.get_psets(door)
    for pset in ("Pset_DoorCommon", "Pset_WindowCommon"):
        value = psets.get(pset, {}).get("IsExternal")
        if isinstance(value, bool):
            return value
    return None


def _centre(mesh: Mesh) -> tuple[float, float]:
    lo = mesh.verts.min(axis=0)
    hi = mesh.verts.max(axis=0)
    return float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2)


# ---------------------------------------------------------------- reading


@dataclass
class _Storey:
    entity: Any
    guid: str
    name: str
    level: float
    elements: list[Any]

    def count(self, *types: str) -> int:
        return sum(1 for e in self.elements if any(e.is_a(t) for t in types))


def read_model(
    path: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> IfcImport:
    """Open, check and read an IFC model. Raises IfcImportError (one clear message) or
    ImportCancelled (when `cancelled()` turns true between steps)."""

    def step(percent: int, text: str) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(percent, text)

    path = Path(path)
    step(0, "Opening the model")
    opened = open_model(path)
    step(10, "Reading storeys")
    return _read(path, opened, step)


def _read(path: Path, opened: OpenedModel, step: Callable[[int, str], None]) -> IfcImport:
    model = opened.model
    scale = _unit_scale(model)
    storeys = sorted(
        (
            _Storey(
                s,
                s.GlobalId,
                _text(s.Name) or _text(s.LongName) or s.GlobalId,
                _storey_level(s, scale),
                _contained(s),
            )
            for s in model.by_type("IfcBuildingStorey")
        ),
        key=lambda s: s.level,
    )
    drawn = [s for s in storeys if s.count("IfcSpace", "IfcDoor", "IfcWindow")]
    if not drawn:
        raise IfcImportError(f"{path.name} has no storey holding rooms, doors or windows")
    lived = [s for s in drawn if s.count("IfcDoor")] or drawn

    def tick(done: int, total: int) -> None:
        step(10 + int(50 * done / max(total, 1)), f"Reading geometry ({done}/{total})")

    geometry = meshes(model, PLAN_TYPES + HEIGHT_TYPES, tick)
    step(60, "Deriving facts")

    ground = min(lived, key=lambda s: abs(s.level)) if lived else drawn[0]
    ground = min((s for s in lived if s.level >= ground.level - 0.01), key=lambda s: s.level)
    outline = _outline(ground, geometry)

    notes: list[str] = []
    identity = _identity(model, path)
    building, dwellings_note = _building(model, lived, ground, geometry)
    if dwellings_note:
        notes.append(dwellings_note)
    entrances, entrance_doors = _entrances(ground, geometry, outline, building["id"])
    stairwells = _stairwells(model, lived, geometry, outline)
    galleries = _galleries(model, geometry, building["id"])
    storage = _storage(model)
    plinth = _plinth(ground, geometry, outline)
    plan = Plan.model_validate(
        {
            "identity": identity,
            "buildings": [building],
            "entrances": entrances,
            "stairwells": stairwells,
            "galleries": galleries,
            "storage": storage,
            "plinth_segments": plinth,
            "confirmed_none": [],
        }
    )

    step(70, "Drawing the storeys")
    bounds = _bounds(drawn, geometry)
    frame = frame_for(bounds)
    sheets = []
    for n, storey in enumerate(drawn, start=1):
        step(70 + int(28 * (n - 1) / len(drawn)), f"Drawing storey {storey.name}")
        pins = entrance_doors if storey is ground else []
        sheets.append(_sheet(n, storey, geometry, frame, pins))
    step(100, "Done")
    return IfcImport(plan, sheets, opened.schema, opened.warning, notes)


def _identity(model: Any, path: Path) -> dict[str, Any]:
    projects = model.by_type("IfcProject")
    project = projects[0] if projects else None
    buildings = model.by_type("IfcBuilding")
    building = buildings[0] if buildings else None
    name = ""
    if project is not None:
        name = _text(project.LongName) or _text(project.Name)
    if (not name or name.isdigit()) and building is not None:
        name = _text(building.LongName) or _text(building.Name) or name
    data: dict[str, Any] = {"name": (name or path.stem)[:200], "suggested": ["name"]}
    if project is not None:
        data["ifc_guid"] = project.GlobalId
    address = getattr(building, "BuildingAddress", None) if building is not None else None
    if address is not None:
        lines = [_text(x) for x in (getattr(address, "AddressLines", None) or ())]
        street = ", ".join(x for x in lines if x and not _PLACEHOLDERS.match(x))
        postal = _text(getattr(address, "PostalCode", ""))
        town = _text(getattr(address, "Town", ""))
        if street and not _PLACEHOLDERS.match(street):
            data["address"] = ", ".join(x for x in (street, f"{postal} {town}".strip()) if x)[:200]
            data["suggested"].append("address")
        if town and not _PLACEHOLDERS.match(town):
            data["municipality"] = town[:200]
            data["suggested"].append("municipality")
    PlanIdentity.model_validate(data)
    return data


def _building(
    model: Any, lived: list[_Storey], ground: _Storey, geometry: dict[str, Mesh]
) -> tuple[dict[str, Any], str]:
    buildings = model.by_type("IfcBuilding")
    entity = buildings[0] if buildings else None
    name = _text(entity.Name) if entity is not None else ""
    data: dict[str, Any] = {
        "id": "B1",
        "name": name[:200],
        "storeys": len(lived),
        "ifc_guid": entity.GlobalId if entity is not None else "",
        "suggested": [SUGGESTED_ELEMENT, "name", "storeys"],
    }
    tops = [m.zmax for m in geometry.values() if m.ifc_type not in ("IfcSpace",)]
    if tops:
        height = max(tops) - ground.level
        if height > 0:
            data["height_m"] = round(height, 2)
            data["suggested"].append("height_m")
    dwellings, note = _dwellings(model)
    if dwellings:
        data["dwellings"] = dwellings
        data["suggested"].append("dwellings")
        data["note"] = note
        note = ""
    return data, note


def _dwellings(model: Any) -> tuple[int, str]:
    """The number of dwellings, and how it was found (or why not)."""
    zones = [*model.by_type("IfcZone")]
    if model.schema != "IFC2X3":  # IFC2X3 has no spatial zones
        zones += model.by_type("IfcSpatialZone")

    def spaces(zone: Any) -> list[Any]:
        found = []
        for rel in getattr(zone, "IsGroupedBy", None) or ():
            found += [o for o in rel.RelatedObjects if o.is_a("IfcSpace")]
        for rel in getattr(zone, "ContainsElements", None) or ():
            found += [o for o in rel.RelatedElements if o.is_a("IfcSpace")]
        return found

    grouped = [(z, spaces(z)) for z in zones]
    grouped = [(z, s) for z, s in grouped if s]
    typed = [
        (z, s)
        for z, s in grouped
        if _DWELLING_WORDS.search(
            " ".join(
                _text(x)
                for x in (z.Name, z.ObjectType, z.LongName if hasattr(z, "LongName") else "")
            )
        )
    ]
    if typed or grouped:
        chosen = typed or [(z, s) for z, s in grouped if len(s) > 1]
        if chosen:
            # zones that share a room, or rooms of one number prefix, are one dwelling
            parent = list(range(len(chosen)))

            def find(i: int) -> int:
                while parent[i] != i:
                    parent[i] = parent[parent[i]]
                    i = parent[i]
                return i

            owner: dict[str, int] = {}
            for i, (_, rooms) in enumerate(chosen):
                keys = {r.GlobalId for r in rooms}
                keys |= {
                    "prefix:" + m.group(1).upper()
                    for r in rooms
                    if (m := _ROOM_NUMBER.match(_text(r.Name)))
                }
                for key in keys:
                    if key in owner:
                        parent[find(i)] = find(owner[key])
                    else:
                        owner[key] = i
            count = len({find(i) for i in range(len(chosen))})
            names = ", ".join(_text(z.Name) for z, _ in chosen)
            return count, f"dwellings from {len(chosen)} zones ({names}) [IFC]"[:20000]
    prefixes = {
        m.group(1).upper()
        for s in model.by_type("IfcSpace")
        if (m := _ROOM_NUMBER.match(_text(s.Name)))
    }
    if len(prefixes) >= 2:
        return len(prefixes), f"dwellings from room-number prefixes {', '.join(sorted(prefixes))}"
    return 0, "dwellings: the model groups no rooms into dwellings (no zones, no room numbers)"


def _outline(ground: _Storey, geometry: dict[str, Mesh]) -> Any:
    """The building's outline on the ground floor: the outer ring of its walls, filled."""
    from shapely.geometry import Polygon
    from shapely.ops import unary_union

    walls = [
        footprint(geometry[e.GlobalId])
        for e in ground.elements
        if e.GlobalId in geometry and (e.is_a("IfcWall") or e.is_a("IfcCurtainWall"))
    ]
    if not walls:
        return None
    # walls that do not quite meet at the corners are joined by closing the gaps
    union = (
        unary_union(walls)
        .buffer(CLOSE_GAPS_M, join_style="mitre")
        .buffer(-CLOSE_GAPS_M, join_style="mitre")
    )
    shells = [Polygon(p.exterior) for p in polygons_of(union)]
    if not shells:
        return None
    return max(shells, key=lambda p: p.area)


def _door_on_outline(mesh: Mesh, outline: Any) -> bool:
    from shapely.geometry import Point

    return outline.exterior.distance(Point(*_centre(mesh))) <= ENTRANCE_TOLERANCE_M


def _entrances(
    ground: _Storey, geometry: dict[str, Mesh], outline: Any, building_id: str
) -> tuple[list[dict[str, Any]], list[tuple[str, str, tuple[float, float]]]]:
    doors = [e for e in ground.elements if e.is_a("IfcDoor") and e.GlobalId in geometry]
    flagged = [d for d in doors if _is_external(d) is True]
    if flagged:
        chosen, how = flagged, "IsExternal"
    elif outline is not None:
        chosen = [d for d in doors if _door_on_outline(geometry[d.GlobalId], outline)]
        how = "on the outline"
    else:
        chosen, how = [], ""
    out, pins = [], []
    for n, door in enumerate(chosen, start=1):
        element_id = f"E{n}"
        note = f"{_text(door.Name) or 'door'} ({how}) [IFC]"
        out.append(
            {
                "id": element_id,
                "building": building_id,
                "note": note[:20000],
                "ifc_guid": door.GlobalId,
                "suggested": [SUGGESTED_ELEMENT, "building"],
            }
        )
        pins.append((element_id, door.GlobalId, _centre(geometry[door.GlobalId])))
    return out, pins


def _stairwells(
    model: Any, lived: list[_Storey], geometry: dict[str, Mesh], outline: Any
) -> list[dict[str, Any]]:
    from shapely.ops import unary_union

    flights = [e for e in model.by_type("IfcStairFlight") if e.GlobalId in geometry]
    if not flights:
        flights = [e for e in model.by_type("IfcStair") if e.GlobalId in geometry]
    cores: list[tuple[Any, list[Any]]] = []
    for flight in flights:
        shape = footprint(geometry[flight.GlobalId]).buffer(0.5)
        for i, (core, members) in enumerate(cores):
            if core.intersects(shape):
                cores[i] = (unary_union([core, shape]), [*members, flight])
                break
        else:
            cores.append((shape, [flight]))
    out = []
    for core, members in cores:
        zmin = min(geometry[f.GlobalId].zmin for f in members)
        zmax = max(geometry[f.GlobalId].zmax for f in members)
        floors = [s for s in lived if zmin - 0.3 <= s.level <= zmax + 0.3]
        if len(floors) < 2:
            continue  # steps at a door or within a storey: not a stairwell
        data: dict[str, Any] = {
            "id": f"T{len(out) + 1}",
            "ifc_guid": members[0].GlobalId,
            "floors": len(floors),
            "note": (
                f"{len(members)} stair flight(s): {', '.join(_text(f.Name) for f in members)} [IFC]"
            )[:20000],
            "suggested": [SUGGESTED_ELEMENT, "floors"],
        }
        if outline is not None:
            data["on_facade"] = bool(outline.exterior.distance(core) <= FACADE_TOLERANCE_M)
            data["suggested"].append("on_facade")
        out.append(data)
    return out


def _long_side(mesh: Mesh | None) -> float | None:
    if mesh is None:
        return None
    shape = footprint(mesh)
    if shape.is_empty:
        return None
    rectangle = shape.minimum_rotated_rectangle
    coords = list(rectangle.exterior.coords)
    sides = [math.dist(coords[i], coords[i + 1]) for i in range(len(coords) - 1)]
    return round(max(sides), 2) if sides else None


def _galleries(model: Any, geometry: dict[str, Mesh], building_id: str) -> list[dict[str, Any]]:
    out = []
    for space in model.by_type("IfcSpace"):
        number, name = _space_name(space)
        if not (_CORRIDOR_WORDS.search(name) or _CORRIDOR_WORDS.search(number)):
            continue
        data: dict[str, Any] = {
            "id": f"G{len(out) + 1}",
            "building": building_id,
            "ifc_guid": space.GlobalId,
            "note": f"{number} {name} [IFC]".strip(),
            "suggested": [SUGGESTED_ELEMENT, "building"],
        }
        length = _long_side(geometry.get(space.GlobalId))
        if length is not None:
            data["length_m"] = length
            data["suggested"].append("length_m")
        out.append(data)
    return out


def _storage(model: Any) -> list[dict[str, Any]]:
    out = []
    for space in model.by_type("IfcSpace"):
        number, name = _space_name(space)
        text = f"{number} {name}"
        for kind, words in _STORAGE_WORDS.items():
            if words.search(text):
                out.append(
                    {
                        "id": f"B{len(out) + 1}",
                        "kind": kind.value,
                        "ifc_guid": space.GlobalId,
                        "note": f"{text.strip()} [IFC]",
                        "suggested": [SUGGESTED_ELEMENT, "kind"],
                    }
                )
                break
    return out


_SIDES = (("N", 90.0), ("E", 0.0), ("S", 270.0), ("W", 180.0))


def _plinth(ground: _Storey, geometry: dict[str, Mesh], outline: Any) -> list[dict[str, Any]]:
    """The ground floor's facade by side (outward normal to the north, east, south, west
    in model coordinates), its length and its door and window openings."""
    if outline is None:
        return []
    from shapely.geometry import LineString, Point

    ring = outline.simplify(0.2).exterior
    coords = list(ring.coords)
    if not ring.is_ccw:
        coords.reverse()
    sides: dict[str, list[Any]] = {name: [] for name, _ in _SIDES}
    for a, b in itertools.pairwise(coords):
        dx, dy = b[0] - a[0], b[1] - a[1]
        if math.hypot(dx, dy) < 0.05:
            continue
        # counter-clockwise ring: the outward normal is the edge turned clockwise
        angle = math.degrees(math.atan2(-dx, dy)) % 360
        name = min(_SIDES, key=lambda s: abs((angle - s[1] + 180) % 360 - 180))[0]
        sides[name].append(LineString([a, b]))
    openings = [
        e
        for e in ground.elements
        if (e.is_a("IfcDoor") or e.is_a("IfcWindow")) and e.GlobalId in geometry
    ]
    out = []
    for name, _ in _SIDES:
        edges = sides[name]
        if not edges:
            continue
        length = round(sum(e.length for e in edges), 2)
        doors = windows = 0
        for element in openings:
            centre = Point(*_centre(geometry[element.GlobalId]))
            if min(e.distance(centre) for e in edges) <= ENTRANCE_TOLERANCE_M:
                if element.is_a("IfcDoor"):
                    doors += 1
                else:
                    windows += 1
        data: dict[str, Any] = {
            "id": name,
            "length_m": length,
            "ifc_guid": ground.guid,
            "note": f"ground-floor facade {name}: {doors} door(s), {windows} window(s) [IFC]",
            "suggested": [SUGGESTED_ELEMENT, "length_m"],
        }
        if doors + windows == 0:
            data["function"] = PlinthFunction.BLANK.value
            data["suggested"].append("function")
        out.append(data)
    return out


def _bounds(drawn: list[_Storey], geometry: dict[str, Mesh]) -> tuple[float, float, float, float]:
    import numpy as np

    guids = {e.GlobalId for s in drawn for e in s.elements}
    points = [geometry[g].verts[:, :2] for g in guids if g in geometry]
    if not points:
        return (0.0, 0.0, 10.0, 10.0)
    xy = np.vstack(points)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def _space_label(space: Any, mesh: Mesh) -> RoomLabel:
    import ifcopenshell.util.element

    number, name = _space_name(space)
    area = None
    quantities = ifcopenshell.util.element.get_psets(space, qtos_only=True)
    for qto in quantities.values():
        for key in ("NetFloorArea", "GrossFloorArea"):
            if isinstance(qto.get(key), int | float) and qto[key] > 0:
                area = float(qto[key])
                break
        if area is not None:
            break
    if area is None:
        shape = footprint(mesh)
        area = shape.area if not shape.is_empty else None
    label = " ".join(x for x in (name, f"({number})" if number and name else number) if x)
    return RoomLabel(label, area, number or name[:12])


def _sheet(
    n: int,
    storey: _Storey,
    geometry: dict[str, Mesh],
    frame: Frame,
    entrance_doors: list[tuple[str, str, tuple[float, float]]],
) -> StoreySheet:
    drawing = StoreyDrawing(title=f"{storey.name} — {storey.level:+.2f} m".replace(".", ","))
    for element in storey.elements:
        mesh = geometry.get(element.GlobalId)
        if mesh is None:
            continue
        if element.is_a("IfcSpace"):
            drawing.rooms.append((mesh, _space_label(element, mesh)))
        elif element.is_a("IfcWall") or element.is_a("IfcColumn") or element.is_a("IfcCurtainWall"):
            drawing.walls.append(mesh)
        elif element.is_a("IfcDoor"):
            drawing.doors.append(mesh)
        elif element.is_a("IfcWindow"):
            drawing.windows.append(mesh)
        elif element.is_a("IfcStair") or element.is_a("IfcStairFlight"):
            drawing.stairs.append(mesh)
    png = render_storey(drawing, frame, storey.level)
    (x1, y1), (x2, y2) = frame.scale_bar()
    sheet = Sheet(
        id=f"S{n}",
        name=storey.name[:200],
        attachment=f"ifc-storey-{n}.png",
        width=frame.width,
        height=frame.height,
        calibration=calibration_from_points((x1, y1), (x2, y2), 5.0),
        ifc=IfcPlacement(
            storey_guid=storey.guid,
            storey_name=storey.name[:200],
            elevation=storey.level,
            origin_x=frame.origin_x,
            origin_y=frame.origin_y,
            metres_per_pixel=frame.metres_per_pixel,
        ),
    )
    pins = [(eid, guid, frame.pixel(*xy)) for eid, guid, xy in entrance_doors]
    return StoreySheet(sheet, png, storey.guid, pins)


# ---------------------------------------------------------------- into a review


def entrance_criterion(checklist: Checklist) -> str | None:
    """The criterion an entrance pin is for: the first whose rule reads entrances."""
    for criterion in checklist.criteria():
        if criterion.rule is not None and "entrances" in criterion.rule.collections():
            return criterion.id
    return None


def _with_pins(sheet: StoreySheet, checklist: Checklist, first_number: int) -> Sheet:
    criterion = entrance_criterion(checklist)
    if criterion is None or not sheet.entrance_pins:
        return sheet.sheet
    pins = [
        Pin(
            number=first_number + i,
            criterion_id=criterion,
            element=element_id,
            position=position,
            ifc_guid=guid,
        )
        for i, (element_id, guid, position) in enumerate(sheet.entrance_pins)
    ]
    return sheet.sheet.model_copy(update={"pins": [*sheet.sheet.pins, *pins]})


def new_review_from_ifc(
    result: IfcImport,
    checklist: Checklist,
    perspective: Perspective | str,
    reviewer: Reviewer | None = None,
    plan_type: PlanType | None = None,
    stage: Stage | None = None,
) -> tuple[Review, dict[str, bytes]]:
    """A new review of the imported plan with a sheet per storey; returns it and the
    attachments (the PNGs) its sheets name."""
    plan = result.plan
    if plan_type is not None or stage is not None:
        identity = plan.identity.model_copy(
            update={k: v for k, v in (("plan_type", plan_type), ("stage", stage)) if v is not None}
        )
        plan = plan.model_copy(update={"identity": identity})
    review = new_review(plan, checklist, perspective, reviewer)
    sheets: list[Sheet] = []
    for storey in result.sheets:
        sheets.append(_with_pins(storey, checklist, next_pin_number(sheets)))
    review.sheets = sheets
    check_sheets(review.sheets, [c.id for c in review.criteria()])
    attachments = {s.sheet.attachment: s.png for s in result.sheets}
    apply_rules(review)
    return review, attachments


@dataclass
class IfcUpdate:
    """A review brought up to a newer model (`update_review_from_ifc`)."""

    review: Review
    attachments: dict[str, bytes]
    changes: list[FactChange]
    pins_added: list[int] = field(default_factory=list)  # numbers: new entrances
    pins_removed: list[int] = field(default_factory=list)  # numbers: entrances gone


def update_review_from_ifc(
    review: Review, attachments: dict[str, bytes], result: IfcImport
) -> IfcUpdate:
    """The review with the suggestions and drawings of a newer model; `review` itself is
    not changed. What a person typed or confirmed stays; a storey's sheet gets the new
    drawing and keeps its pins and measurements (those that still lie on it); a new
    storey gets a new sheet. An entrance the newer model adds gets a pin, as on import;
    the pin of an entrance the update removes goes with it."""
    plan, changes = merge_update(review.plan, result.plan)
    new = review.model_copy(deep=True)
    new.plan = plan
    files = dict(attachments)
    by_storey = {s.ifc.storey_guid: s for s in new.sheets if s.ifc is not None}
    sheets = list(new.sheets)
    taken_ids = {s.id for s in sheets}
    taken_files = set(files) | {s.attachment for s in sheets}
    for storey in result.sheets:
        fresh = storey.sheet
        old = by_storey.get(storey.storey_guid)
        if old is not None:
            name = _free(taken_files, "ifc-storey-", ".png")
            taken_files.add(name)
            files[name] = storey.png
            inside = [
                p
                for p in old.pins
                if 0 <= p.position[0] <= fresh.width and 0 <= p.position[1] <= fresh.height
            ]
            measured = [
                m
                for m in old.measurements
                if all(0 <= x <= fresh.width and 0 <= y <= fresh.height for x, y in m.points)
            ]
            replaced = fresh.model_copy(
                update={"id": old.id, "attachment": name, "pins": inside, "measurements": measured}
            )
            sheets[sheets.index(old)] = Sheet.model_validate(replaced.model_dump())
            if all(s.attachment != old.attachment for s in sheets):
                files.pop(old.attachment, None)
        else:
            sheet_id = _free(taken_ids, "S")
            name = _free(taken_files, "ifc-storey-", ".png")
            taken_ids.add(sheet_id)
            taken_files.add(name)
            files[name] = storey.png
            sheets.append(fresh.model_copy(update={"id": sheet_id, "attachment": name}))
    sheets, removed = _without_pins_of_removed(sheets, review.plan, changes)
    sheets, added = _pins_for_new_entrances(sheets, plan, result, entrance_criterion(new.checklist))
    new.sheets = sheets
    check_sheets(new.sheets, [c.id for c in new.criteria()])
    apply_rules(new)
    return IfcUpdate(new, files, changes, added, removed)


def _without_pins_of_removed(
    sheets: list[Sheet], old_plan: Plan, changes: list[FactChange]
) -> tuple[list[Sheet], list[int]]:
    """The pins that mark a model element the update removed from the plan, taken away."""
    gone: set[str] = set()
    for change in changes:
        if change.fact == SUGGESTED_ELEMENT and change.new is None and not change.kept:
            element = next(
                (e for e in getattr(old_plan, change.collection) if e.id == change.element), None
            )
            if element is not None and element.ifc_guid:
                gone.add(element.ifc_guid)
    removed: list[int] = []
    kept_sheets = []
    for sheet in sheets:
        pins = [p for p in sheet.pins if not (p.ifc_guid and p.ifc_guid in gone)]
        removed += [p.number for p in sheet.pins if p not in pins]
        kept_sheets.append(sheet if len(pins) == len(sheet.pins) else _with(sheet, pins))
    return kept_sheets, removed


def _pins_for_new_entrances(
    sheets: list[Sheet], plan: Plan, result: IfcImport, criterion: str | None
) -> tuple[list[Sheet], list[int]]:
    """A pin, as the import places it, for each entrance door of the model that no pin
    marks yet and that the plan has (by GlobalId)."""
    if criterion is None:
        return sheets, []
    entrance_ids = {e.ifc_guid: e.id for e in plan.entrances if e.ifc_guid}
    pinned = {p.ifc_guid for s in sheets for p in s.pins if p.ifc_guid}
    number = next_pin_number(sheets)
    added: list[int] = []
    by_storey = {s.ifc.storey_guid: i for i, s in enumerate(sheets) if s.ifc is not None}
    for storey in result.sheets:
        index = by_storey.get(storey.storey_guid)
        if index is None:
            continue
        pins = []
        for _element, guid, position in storey.entrance_pins:
            if guid in pinned or guid not in entrance_ids:
                continue
            pins.append(
                Pin(
                    number=number,
                    criterion_id=criterion,
                    element=entrance_ids[guid],
                    position=position,
                    ifc_guid=guid,
                )
            )
            pinned.add(guid)
            added.append(number)
            number += 1
        if pins:
            sheets[index] = _with(sheets[index], [*sheets[index].pins, *pins])
    return sheets, added


def _with(sheet: Sheet, pins: list[Pin]) -> Sheet:
    return Sheet.model_validate({**sheet.model_dump(), "pins": [p.model_dump() for p in pins]})


def _free(taken: set[str], prefix: str, suffix: str = "") -> str:
    n = 1
    while f"{prefix}{n}{suffix}" in taken:
        n += 1
    return f"{prefix}{n}{suffix}"
