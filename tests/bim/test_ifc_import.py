"""Importing the two public models: sheets with a scale, facts as suggestions with GlobalIds."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from reviewer.domain.drawing import Measurement, MeasurementKind, measured_value
from reviewer.domain.plan import SUGGESTED_ELEMENT, PlinthFunction
from tests.bim.conftest import DUPLEX, HOUSE

pytest.importorskip("ifcopenshell")


def _model(path):
    import ifcopenshell

    return ifcopenshell.open(str(path))


def test_duplex_one_sheet_per_storey_with_rooms_doors_or_windows(duplex):
    # storeys 00, 01 and 02 hold rooms, doors or windows; 81 (foundations) only footings
    assert [s.sheet.name for s in duplex.sheets] == ["00", "01", "02"]
    for storey in duplex.sheets:
        sheet = storey.sheet
        assert sheet.calibration is not None
        assert sheet.calibration.metres_per_unit == pytest.approx(0.02)
        assert sheet.ifc is not None and sheet.ifc.metres_per_pixel == pytest.approx(0.02)
        with Image.open(io.BytesIO(storey.png)) as image:
            assert image.size == (sheet.width, sheet.height)
    levels = [s.sheet.ifc.elevation for s in duplex.sheets]
    assert levels == pytest.approx([0.0, 3.1, 6.0])


def test_duplex_storeys_height_and_dwellings_are_suggestions_with_guids(duplex):
    (building,) = duplex.plan.buildings
    assert building.storeys == 2  # the storeys holding doors, not the roof storey
    assert building.dwellings == 2  # four zones, joined where they share a room
    assert 6 < building.height_m < 8
    assert {"storeys", "dwellings", "height_m", SUGGESTED_ELEMENT} <= set(building.suggested)
    model = _model(DUPLEX)
    assert model.by_guid(building.ifc_guid).is_a("IfcBuilding")


def test_duplex_identity_reads_the_real_address(duplex):
    identity = duplex.plan.identity
    assert identity.name == "Duplex Apartment"
    assert "Rue Emile Metz" in identity.address
    assert identity.municipality == "Luxembourg"
    assert set(identity.suggested) == {"name", "address", "municipality"}


def test_duplex_entrances_lie_on_the_outline_and_are_pinned(duplex):
    # the model marks no door IsExternal, so the outline decides: both front doors
    # ("Porte A", "Porte B") and the two terrace doors; no inner door
    model = _model(DUPLEX)
    entrances = duplex.plan.entrances
    names = {model.by_guid(e.ifc_guid).Name for e in entrances}
    assert {"Porte A", "Porte B"} <= names
    assert len(entrances) == 4
    assert all(e.suggested == [SUGGESTED_ELEMENT, "building"] for e in entrances)
    ground = duplex.sheets[0]
    assert [guid for _, guid, _ in ground.entrance_pins] == [e.ifc_guid for e in entrances]
    assert all(not s.entrance_pins for s in duplex.sheets[1:])


def test_a_pin_maps_back_to_its_door_in_model_coordinates(duplex):
    import ifcopenshell.util.placement

    model = _model(DUPLEX)
    ground = duplex.sheets[0]
    placement = ground.sheet.ifc
    for _, guid, (px, py) in ground.entrance_pins:
        x = placement.origin_x + px * placement.metres_per_pixel
        y = placement.origin_y - py * placement.metres_per_pixel
        door = model.by_guid(guid)
        matrix = ifcopenshell.util.placement.get_local_placement(door.ObjectPlacement)
        # the pin is at the middle of the door, its placement at a corner of it
        assert math.dist((x, y), (matrix[0][3], matrix[1][3])) < 1.0


def test_measuring_on_an_imported_sheet_needs_no_calibration(duplex):
    sheet = duplex.sheets[0].sheet
    # the outline of the duplex is 8.8 m wide: measured across the drawing
    plinth = {p.id: p for p in duplex.plan.plinth_segments}
    assert plinth["N"].length_m == pytest.approx(8.8, abs=0.05)
    length = Measurement(
        id="m1", kind=MeasurementKind.LENGTH, points=[(100.0, 500.0), (100.0 + 440.0, 500.0)]
    )
    assert measured_value(sheet, length) == pytest.approx(8.8)


def test_duplex_stairs_grouped_into_cores_serving_two_floors(duplex):
    stairs = duplex.plan.stairwells
    assert len(stairs) == 2
    assert all(s.floors == 2 and "floors" in s.suggested for s in stairs)


def test_duplex_facade_per_side_with_openings(duplex):
    plinth = {p.id: p for p in duplex.plan.plinth_segments}
    assert set(plinth) == {"N", "E", "S", "W"}
    assert plinth["E"].length_m == pytest.approx(17.8, abs=0.1)
    assert all("door" in p.note for p in plinth.values())


def test_open_house_one_storey_one_entrance(house):
    assert house.schema == "IFC4"
    assert [s.sheet.name for s in house.sheets] == ["Ground floor"]
    (building,) = house.plan.buildings
    assert building.storeys == 1
    assert building.dwellings is None  # no zones, no room numbers: unknown, not zero
    assert any("dwellings" in note for note in house.notes)
    assert house.plan.stairwells == []  # the steps at the door serve one storey
    (entrance,) = house.plan.entrances
    assert _model(HOUSE).by_guid(entrance.ifc_guid).Name == "Main door"
    blank = [p for p in house.plan.plinth_segments if p.function is PlinthFunction.BLANK]
    assert [p.id for p in blank] == ["N"]  # the only side without a door or window
    assert "function" in blank[0].suggested


def test_the_floor_plan_shows_walls_rooms_and_labels(duplex, tmp_path):
    with Image.open(io.BytesIO(duplex.sheets[0].png)) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1_000_000)
    counts = {c: n for n, c in colours}
    total = rgb.width * rgb.height
    assert counts.get((255, 255, 255), 0) / total > 0.3  # white paper
    assert counts.get((40, 40, 40), 0) / total > 0.03  # cut walls
    assert counts.get((246, 243, 235), 0) / total > 0.2  # rooms filled


def test_progress_is_reported_and_cancel_stops_the_import():
    from reviewer.bim.ifc_import import ImportCancelled, read_model

    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 3

    with pytest.raises(ImportCancelled):
        read_model(HOUSE, progress=lambda p, _t: seen.append(p), cancelled=cancelled)
    assert seen[:3] == sorted(seen[:3])
