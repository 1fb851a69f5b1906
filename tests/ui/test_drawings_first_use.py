"""The Drawings tab as a new user meets it (issue 14): assigning a measurement proposes
facts that fit it and accepts none blindly, a clicked pin opens its criterion, the sheet
stays still when the tool changes, the scale button reads as a button, and an empty tab
says what to do."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from reviewer.domain.drawing import MeasurementKind
from reviewer.ui import dialogs
from reviewer.ui.i18n import set_language
from tests.ui.test_drawing_view import (
    CRITERION,
    calibrate,
    click,
    drawings_tab_with,
    pdf_drawing,
    png_drawing,
)

# the real dialog, before the test fixtures replace it with a fake
REAL_ASK_ASSIGNMENT = getattr(dialogs, "ask_assignment", None)


@pytest.fixture
def drawings(opened, tmp_path, fake_dialogs):  # type: ignore[no-untyped-def]
    """The Drawings tab of the test review (1280 × 800) with a calibrated PNG sheet."""
    opened.resize(1280, 800)
    return drawings_tab_with(opened, tmp_path / "Begane grond.png", png_drawing(), fake_dialogs)


def measure_line(qtbot, drawings, fake_dialogs) -> str:  # type: ignore[no-untyped-def]
    """A length of 20 m (400 units at 10 m per 200) along y = 200; its id."""
    from reviewer.ui.drawings.view import Tool

    calibrate(qtbot, drawings, fake_dialogs)
    drawings.set_tool(Tool.LENGTH)
    click(qtbot, drawings, 100, 200)
    click(qtbot, drawings, 500, 200)
    qtbot.keyClick(drawings.view, Qt.Key.Key_Return)
    (measurement,) = drawings.current_sheet.measurements
    return measurement.id


def offered(fake_dialogs):  # type: ignore[no-untyped-def]
    """The proposals the last assignment dialog was given."""
    *_, args = fake_dialogs.called("ask_assignment")
    return args[4]


# ---------------------------------------------------------------- assign to fact


def test_enter_in_the_assign_dialog_writes_no_fact_nobody_chose(
    drawings, qtbot, fake_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The real dialog: a length is offered lengths only, a gallery's first, nothing is
    chosen, Enter does nothing, the dialog is wider than its title; choosing G1 writes
    it."""
    from reviewer.ui.drawings.view import Tool

    assert REAL_ASK_ASSIGNMENT is not None
    monkeypatch.setattr(dialogs, "ask_assignment", REAL_ASK_ASSIGNMENT)
    session = drawings.session
    measure_line(qtbot, drawings, fake_dialogs)
    before = session.review.plan.model_dump()
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen["rows"] = rows
        seen["selected"] = [i.text() for i in dialog.list.selectedItems()]
        seen["enabled"] = dialog.assign_button.isEnabled()
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        seen["wide"] = dialog.width() >= title + 100
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Enter)
        seen["still_open"] = dialog.isVisible()
        # the first arrow key chooses the first fact, it does not skip it
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
        seen["down"] = [i.text().strip() for i in dialog.list.selectedItems()]
        qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # never left open: the test fails, it does not hang
            dialog.reject()

    QTimer.singleShot(0, inspect)
    drawings.set_tool(Tool.ASSIGN)
    click(qtbot, drawings, 300, 200)
    rows = seen["rows"]
    facts = [r.strip() for r in rows if r.startswith("    ")]
    assert facts[0].startswith("Gallery G1: length"), rows
    assert not any(": area" in f or ": dwellings" in f for f in facts), rows  # lengths only
    assert all(f.endswith((" m", "empty now")) for f in facts), rows
    assert any(f.startswith("Entrance A: recess depth") for f in facts)  # but offered
    assert seen["selected"] == [] and seen["enabled"] is False
    assert seen["still_open"] is True  # Enter accepted nothing
    assert seen["wide"] is True
    assert seen["down"] == [facts[0]]
    after = session.review.plan
    assert after.entrances[0].recess_depth_m == before["entrances"][0]["recess_depth_m"]
    assert after.galleries[0].length_m == pytest.approx(20, abs=0.5)


def test_an_area_is_offered_areas_only(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    calibrate(qtbot, drawings, fake_dialogs)
    drawings.set_tool(Tool.AREA)
    for x, y in ((100, 100), (300, 100), (300, 300)):
        click(qtbot, drawings, x, y)
    qtbot.keyClick(drawings.view, Qt.Key.Key_Return)
    (measurement,) = drawings.current_sheet.measurements
    assert measurement.kind is MeasurementKind.AREA
    drawings.assign(measurement.id)
    targets = [(p.target.collection, p.target.fact) for p in offered(fake_dialogs)]
    assert targets[0] == ("outdoor_spaces", "area_m2")
    assert set(targets) == {("outdoor_spaces", "area_m2"), ("site", "residential_area_m2")}
    assert not any(p.preselect for p in offered(fake_dialogs))


def test_the_element_selected_in_the_plan_comes_first(
    opened, drawings, qtbot, fake_dialogs
) -> None:  # type: ignore[no-untyped-def]
    mid = measure_line(qtbot, drawings, fake_dialogs)
    opened.show_view(1)
    panel = opened.plan_page.widget()
    panel.show_collection("plinth_segments")
    table = panel.table("plinth_segments")
    table.setCurrentIndex(table.model().index(1, 1))  # P2
    opened.show_view(3)
    drawings.assign(mid)
    first = offered(fake_dialogs)[0]
    assert (first.target.collection, first.target.element, first.target.fact) == (
        "plinth_segments",
        "P2",
        "length_m",
    )
    assert not first.preselect  # a selection may be old: listed first, not chosen


def test_a_pin_on_the_line_names_the_element_it_lies_on(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    mid = measure_line(qtbot, drawings, fake_dialogs)
    session = drawings.session
    sheet = drawings.current_sheet
    session.add_pin(sheet.id, CRITERION, (300, 205), element="P1")
    drawings.assign(mid)
    first = offered(fake_dialogs)[0]
    assert (first.target.element, first.target.fact, first.preselect) == ("P1", "length_m", True)
    # a pin for the gallery criterion near the line, naming no element: galleries first
    session.undo_stack.undo()
    session.add_pin(sheet.id, CRITERION, (300, 205))
    drawings.assign(mid)
    first = offered(fake_dialogs)[0]
    assert (first.target.collection, first.preselect) == ("galleries", False)


def test_measurements_are_labelled_with_the_element_name(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    """A gallery numbered "1" (as a plan started from scratch numbers it) reads "Gallery
    1 length" on the sheet, not "1 length"."""
    session = drawings.session
    session.set_fact("galleries", 0, "id", "1")
    mid = measure_line(qtbot, drawings, fake_dialogs)

    def gallery(*args):  # type: ignore[no-untyped-def]
        return next(i for i, p in enumerate(args[4]) if p.target.collection == "galleries")

    fake_dialogs.reply("ask_assignment", gallery)
    drawings.assign(mid)
    labels = [
        item.text()
        for item in drawings.view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem)
    ]
    assert any(re.fullmatch(r"M\d+: 2\d\.\d\d m → Gallery 1 length", t) for t in labels), labels
    set_language("nl")
    labels = [
        item.text()
        for item in drawings.view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem)
    ]
    assert any(t.endswith("→ Galerij 1 lengte") for t in labels), labels


# ---------------------------------------------------------------- pins


def test_clicking_a_pin_opens_its_criterion(opened, drawings, qtbot) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    session = drawings.session
    session.add_pin(drawings.current_sheet.id, CRITERION, (400, 300))
    other = next(c.id for c in session.review.criteria() if c.id != CRITERION)
    opened.navigator.select(other)
    drawings.set_tool(Tool.SELECT)
    click(qtbot, drawings, 400, 300)
    qtbot.waitUntil(lambda: opened.tabs.currentWidget() is opened.criterion_panel)
    assert opened.navigator.current_id() == CRITERION
    assert opened.criterion_panel.criterion_id == CRITERION


# ---------------------------------------------------------------- a still sheet


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_switching_tools_does_not_move_the_sheet(drawings, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    set_language(lang)
    view = drawings.view
    places = set()
    for tool in [*Tool, Tool.SELECT]:
        drawings.set_tool(tool)
        qtbot.wait(1)
        QApplication.processEvents()
        top_left = view.mapTo(drawings, view.rect().topLeft())
        places.add((top_left.x(), top_left.y(), view.width(), view.height()))
    assert len(places) == 1, places
    # a hint longer than the room is cut at a word, the whole of it in the tooltip
    drawings.set_criterion("X" * 10 + " word" * 200)
    drawings.set_tool(Tool.PIN)
    assert drawings.hint.text().endswith("…")
    assert "word word" in drawings.hint.toolTip()
    top_left = view.mapTo(drawings, view.rect().topLeft())
    assert (top_left.x(), top_left.y(), view.width(), view.height()) in places


# ---------------------------------------------------------------- the scale button


def test_the_scale_button_says_what_it_does(opened, tmp_path, fake_dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolButton

    opened.resize(1280, 800)
    set_language("nl")
    view = drawings_tab_with(opened, tmp_path / "plan.pdf", pdf_drawing(), fake_dialogs)
    qtbot.wait(1)
    button = view.toolbar.widgetForAction(view.scale_action)
    assert isinstance(button, QToolButton)
    assert button.text() == "Schaal 1:n…"  # the ellipsis says a dialog follows
    assert button.isVisible()  # at 1280 pixels, not in the toolbar's overflow menu
    assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    assert view.scale_action.isEnabled()
    assert "1:100" in view.scale_action.toolTip()
    set_language("en")
    assert button.text() == "Set scale 1:n…"
    # an image has no drawing scale: disabled, and the tooltip says why
    path = tmp_path / "foto.png"
    path.write_bytes(png_drawing())
    fake_dialogs.reply("ask_drawing_paths", [path])
    view.add_from_dialog()
    assert not view.scale_action.isEnabled()
    assert "PDF page" in view.scale_action.toolTip()


# ---------------------------------------------------------------- an empty tab


def test_an_empty_drawings_tab_says_what_to_do(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    set_language("nl")
    opened.show_view(3)
    view = opened.drawing_page.widget()
    assert view.current_sheet is None
    hint = view.view.placeholder
    qtbot.waitUntil(hint.isVisible)
    assert hint.text() == (
        "Voeg een tekening toe (PDF, PNG of JPEG) om te meten en markeringen te plaatsen."
    )
    set_language("en")
    assert "Add a drawing (PDF, PNG or JPEG)" in hint.text()


def test_the_empty_hint_goes_when_a_sheet_is_added(drawings) -> None:  # type: ignore[no-untyped-def]
    assert not drawings.view.placeholder.isVisible()
    drawings.session.remove_sheet(drawings.current_sheet.id)
    assert drawings.view.placeholder.isVisible()
    drawings.session.undo_stack.undo()
    assert not drawings.view.placeholder.isVisible()
    assert drawings.view.mapFromScene(QPointF(0, 0)) is not None
