"""Plan drawings in the UI: the session's undoable drawing edits and the Drawings tab."""

from __future__ import annotations

import io
import itertools
import math
import os
import re
import threading
import time

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reviewer.domain.drawing import (
    FactTarget,
    MeasurementKind,
    calibration_from_points,
    measured_value,
)
from reviewer.domain.measuring import AssignmentError
from reviewer.domain.verdict import Verdict
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.ui.review.session import ReviewSession
from tests.hostile import pdf_content_bomb

GALLERY_LENGTH = FactTarget(collection="galleries", element="G1", fact="length_m")
CRITERION = "GEB-GALERIJ-01"


def png_drawing(width: int = 800, height: int = 600) -> bytes:
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((50, 50, width - 50, height - 50), outline="black", width=4)
    draw.line((50, height // 2, width - 50, height // 2), fill="black", width=2)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pdf_drawing() -> bytes:
    img = Image.open(io.BytesIO(png_drawing()))
    out = io.BytesIO()
    img.save(out, "PDF", resolution=72)
    return out.getvalue()


def evidence_text(session: ReviewSession) -> str:
    return " ".join(e.text.en for e in session.review.assessments[CRITERION].evidence)


@pytest.fixture
def session(review) -> ReviewSession:  # type: ignore[no-untyped-def]
    s = ReviewSession(ReviewDocument(review))
    s.set_fact("galleries", 0, "dwellings", 8)  # so that only the length decides
    return s


def test_add_drawing_is_undoable(session: ReviewSession) -> None:
    sheets = session.add_drawing("Begane grond.png", png_drawing())
    assert [s.name for s in sheets] == ["Begane grond"]
    assert sheets[0].attachment in session.document.attachments
    session.undo_stack.undo()
    assert session.review.sheets == []
    assert session.document.attachments == {}
    session.undo_stack.redo()
    assert session.review.sheets[0].name == "Begane grond"


def test_pdf_pages_become_sheets(session: ReviewSession) -> None:
    sheets = session.add_drawing("plan.pdf", pdf_drawing())
    assert len(sheets) == 1 and sheets[0].page == 0


def test_a_hostile_drawing_is_refused_and_changes_nothing(session: ReviewSession) -> None:
    with pytest.raises(DocumentFileError):
        session.add_drawing("evil.png", b"\x89PNG\r\n\x1a\nnot really")
    assert session.review.sheets == []
    assert session.undo_stack.count() == 1  # only the fixture's fact edit


def test_measure_assign_rename_and_undo(session: ReviewSession) -> None:
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    session.set_calibration(sheet.id, calibration_from_points((0, 0), (100, 0), 10))
    assert session.review.sheet(sheet.id).calibration.metres_per_unit == pytest.approx(0.1)
    mid = session.add_measurement(sheet.id, MeasurementKind.LENGTH, [(100, 100), (500, 100)])
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    with pytest.raises(AssignmentError):
        session.assign_measurement(
            sheet.id, mid, FactTarget(collection="site", fact="residential_area_m2")
        )
    result = session.assign_measurement(sheet.id, mid, GALLERY_LENGTH)
    assert result.old_value == 70 and result.new_value == 40
    assert session.review.plan.galleries[0].length_m == 40
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.MEETS
    assert "measured on sheet gf" in evidence_text(session)
    session.rename_sheet(sheet.id, "Begane grond")
    assert "measured on sheet Begane grond" in evidence_text(session)
    session.undo_stack.undo()  # rename
    assert "measured on sheet gf" in evidence_text(session)
    session.undo_stack.undo()  # assignment
    assert session.review.plan.galleries[0].length_m == 70
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    session.undo_stack.redo()
    assert session.review.plan.galleries[0].length_m == 40


def test_pins_add_move_delete_with_undo(session: ReviewSession) -> None:
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    changed: list[int] = []
    session.sheetsChanged.connect(lambda: changed.append(1))
    n = session.add_pin(sheet.id, CRITERION, (10, 20))
    assert n == 1 and session.review.pins_for(CRITERION)[0][1].position == (10, 20)
    session.move_pin(n, (30, 40))
    assert session.review.sheet(sheet.id).pins[0].position == (30, 40)
    with pytest.raises(ValueError):
        session.move_pin(n, (5000, 40))  # off the sheet
    assert session.review.sheet(sheet.id).pins[0].position == (30, 40)
    session.delete_pin(n)
    assert session.review.sheet(sheet.id).pins == []
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.review.sheet(sheet.id).pins[0].position == (10, 20)
    assert len(changed) == 5


def test_drawings_survive_save_and_reload(session: ReviewSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    session.add_pin(sheet.id, CRITERION, (12.5, 34.25))
    path = tmp_path / "d.review"
    save_review(session.document, path)
    loaded = load_review(path)
    assert loaded.review.sheets[0].pins[0].position == (12.5, 34.25)


# ---------------------------------------------------------------- the Drawings tab


@pytest.fixture
def drawings(opened, tmp_path, fake_dialogs):  # type: ignore[no-untyped-def]
    """The Drawings tab of the opened test review, with one PNG sheet added."""
    return drawings_tab_with(opened, tmp_path / "Begane grond.png", png_drawing(), fake_dialogs)


def drawings_tab_with(opened, path, data: bytes, fake_dialogs):  # type: ignore[no-untyped-def]
    """Show the Drawings tab (gallery G1 with 8 dwellings, so only its length decides)
    and add the drawing `data`, saved at `path`, through the Add dialog."""
    path.write_bytes(data)
    opened.session.set_fact("galleries", 0, "dwellings", 8)
    opened.show_view(3)
    view = opened.drawing_page.widget()
    fake_dialogs.reply("ask_drawing_paths", [path])
    view.add_from_dialog()
    assert view.current_sheet is not None
    return view


def click(qtbot, view, x: float, y: float, *, double: bool = False) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF, Qt

    pos = view.view.mapFromScene(QPointF(x, y))
    if double:
        qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def calibrate(qtbot, view, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    view.set_tool(Tool.CALIBRATE)
    fake_dialogs.reply("ask_number", 10.0)
    click(qtbot, view, 100, 100)
    click(qtbot, view, 300, 100)


def test_ctrl_4_shows_the_drawings(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    qtbot.keyClick(opened, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert opened.tabs.currentWidget() is opened.drawing_page
    assert opened.drawing_page.is_created


def test_add_a_pdf_drawing_and_render_it_at_the_zoom_shown(
    opened, tmp_path, fake_dialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_drawing())
    opened.show_view(3)
    view = opened.drawing_page.widget()
    fake_dialogs.reply("ask_drawing_paths", [path])
    view.add_from_dialog()
    sheet = view.current_sheet
    assert sheet.page == 0 and sheet.name == "plan"
    qtbot.waitUntil(lambda: view.view.rendered_pixels > 0)
    fitted = view.view.rendered_pixels
    assert fitted <= view.view.wanted_pixels() * 1.01
    view.view.set_zoom(view.view.zoom * 3)
    qtbot.waitUntil(lambda: view.view.rendered_pixels > fitted * 4)


def test_a_hostile_drawing_shows_an_error(opened, tmp_path, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    opened.show_view(3)
    view = opened.drawing_page.widget()
    fake_dialogs.reply("ask_drawing_paths", [path])
    view.add_from_dialog()
    assert fake_dialogs.called("show_error")
    assert "bomb.png" in fake_dialogs.called("show_error")[0][2]
    assert opened.session.review.sheets == []


class GatedRenderer:
    """Stands in for the worker process: each render waits until the test opens its gate,
    then returns a grey image of about the size asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, threading.Event]] = []

    def render(self, data: bytes, *, page: int | None, budget: int, name: str) -> Image.Image:
        gate = threading.Event()
        self.calls.append((budget, gate))
        assert gate.wait(30)
        width = int(math.sqrt(budget))
        return Image.new("RGB", (width, budget // width), "grey")

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        for _budget, gate in self.calls:
            gate.set()


def test_a_render_made_stale_by_zooming_is_dropped(opened, tmp_path, fake_dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.show_view(3)
    sheet_view = opened.drawing_page.widget().view
    gated = GatedRenderer()
    sheet_view.renders.renderer = gated
    drawings_tab_with(opened, tmp_path / "plan.png", png_drawing(), fake_dialogs)
    qtbot.waitUntil(lambda: len(gated.calls) == 1)  # fitted: asked, and still rendering
    first = gated.calls[0][0]
    sheet_view.set_zoom(sheet_view.zoom * 3)
    sheet_view.render_drawing()  # as the debounce timer would
    with qtbot.waitSignal(sheet_view.renders.done, timeout=10_000):
        gated.calls[0][1].set()
    assert sheet_view.rendered_pixels == 0  # the fitted image came too late: dropped
    assert sheet_view.pixmap_item.pixmap().isNull()
    qtbot.waitUntil(lambda: len(gated.calls) == 2)
    second = gated.calls[1][0]
    assert second > first * 8
    with qtbot.waitSignal(sheet_view.renders.done, timeout=10_000):
        gated.calls[1][1].set()
    assert 0.99 * second <= sheet_view.rendered_pixels <= second
    assert sheet_view.pixmap_item.pixmap().width() == int(math.sqrt(second))


def test_a_pdf_bomb_is_refused_on_the_sheet_while_the_window_stays_responsive(
    opened, tmp_path, fake_dialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    opened.show_view(3)
    sheet_view = opened.drawing_page.widget().view
    sheet_view.renders.renderer.memory = 384 * 2**20  # a small limit: a fast test
    # 100 MB of drawing operators in 0.2 MB: some 2 GB and 20 s to render in pdfium
    bomb = pdf_content_bomb(100)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    start = time.monotonic()
    view = drawings_tab_with(opened, tmp_path / "bomb.pdf", bomb, fake_dialogs)
    assert view.current_sheet.name == "bomb"  # added: only the PDF's structure is read
    qtbot.waitUntil(lambda: sheet_view.message.isVisible(), timeout=60_000)
    elapsed = time.monotonic() - start
    timer.stop()
    times = [start, *ticks, time.monotonic()]
    longest = max(b - a for a, b in itertools.pairwise(times))
    assert elapsed > 0.5  # the render took a while, and all the while the window
    assert longest < max(0.3, elapsed / 4)  # kept handling events
    assert "384 MB of memory" in sheet_view.message.text()
    assert sheet_view.rendered_pixels == 0
    assert not fake_dialogs.called("show_error")  # on the sheet, not in a dialog
    # zooming does not try the same drawing again
    sheet_view.set_zoom(sheet_view.zoom * 3)
    sheet_view.render_drawing()
    assert not sheet_view.rendering and not sheet_view.renders.busy
    assert sheet_view.message.isVisible()


def test_calibrate_with_two_clicks(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    calibrate(qtbot, drawings, fake_dialogs)
    calibration = drawings.current_sheet.calibration
    assert calibration is not None
    assert calibration.metres_per_unit == pytest.approx(10 / 200, rel=0.02)
    drawings.session.undo_stack.undo()
    assert drawings.current_sheet.calibration is None
    drawings.session.undo_stack.redo()
    assert drawings.current_sheet.calibration is not None


def test_measure_and_assign_changes_the_verdict(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from reviewer.ui.drawings.view import Tool

    session = drawings.session
    calibrate(qtbot, drawings, fake_dialogs)
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    drawings.set_tool(Tool.LENGTH)
    click(qtbot, drawings, 100, 200)
    click(qtbot, drawings, 500, 200)  # 400 units: 20 m
    qtbot.keyClick(drawings.view, Qt.Key.Key_Return)
    (measurement,) = drawings.current_sheet.measurements
    assert measurement.kind is MeasurementKind.LENGTH
    drawings.set_tool(Tool.ASSIGN)

    def gallery_length(*args):  # type: ignore[no-untyped-def]
        proposals = args[4]
        return next(i for i, p in enumerate(proposals) if p.target == GALLERY_LENGTH)

    fake_dialogs.reply("ask_assignment", gallery_length)
    click(qtbot, drawings, 300, 200)
    length = session.review.plan.galleries[0].length_m
    assert length == pytest.approx(20, abs=0.5)
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.MEETS
    assert "measured on sheet Begane grond" in evidence_text(session)
    # the label on the sheet names the fact as people read it, not its key
    labels = [
        item.text()
        for item in drawings.view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem)
    ]
    assert any(re.fullmatch(r"M\d+: 2\d\.\d\d m → Gallery G1 length", text) for text in labels), (
        labels
    )
    session.undo_stack.undo()
    assert session.review.plan.galleries[0].length_m == 70
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    session.undo_stack.undo()  # the measurement
    assert drawings.current_sheet.measurements == []
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert session.review.plan.galleries[0].length_m == length


def test_measure_an_area_with_a_double_click(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    calibrate(qtbot, drawings, fake_dialogs)
    drawings.set_tool(Tool.AREA)
    click(qtbot, drawings, 100, 100)
    click(qtbot, drawings, 300, 100)
    click(qtbot, drawings, 300, 300)
    click(qtbot, drawings, 100, 300, double=True)
    (measurement,) = drawings.current_sheet.measurements
    assert measurement.kind is MeasurementKind.AREA
    assert len(measurement.points) == 4


def test_a_pin_follows_the_verdict_and_opens_its_criterion(drawings, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    from reviewer.domain.verdict import VERDICT_COLOURS
    from reviewer.ui.drawings.view import Tool

    session = drawings.session
    opened.navigator.select(CRITERION)
    drawings.set_tool(Tool.PIN)
    click(qtbot, drawings, 400, 300)
    ((_sheet, pin),) = session.review.pins_for(CRITERION)
    assert pin.number == 1
    item = drawings.view.pin_items[1]
    verdict = session.review.assessments[CRITERION].verdict
    assert item.brush().color() == QColor(VERDICT_COLOURS[verdict])
    session.set_verdict(CRITERION, Verdict.MEETS, override_reason="seen on site")
    assert drawings.view.pin_items[1].brush().color() == QColor(VERDICT_COLOURS[Verdict.MEETS])
    session.undo_stack.undo()
    assert drawings.view.pin_items[1].brush().color() == QColor(VERDICT_COLOURS[verdict])
    # clicking the pin opens its criterion
    other = next(c.id for c in session.review.criteria() if c.id != CRITERION)
    opened.navigator.select(other)
    drawings.set_tool(Tool.SELECT)
    click(qtbot, drawings, 400, 300)
    assert opened.navigator.current_id() == CRITERION
    assert opened.tabs.currentWidget() is opened.criterion_panel
    opened.show_view(3)
    session.undo_stack.undo()  # the pin
    assert session.review.pins_for(CRITERION) == []
    assert drawings.view.pin_items == {}
    session.undo_stack.redo()
    assert 1 in drawings.view.pin_items


def test_pins_keep_their_place_at_any_zoom_size_and_after_reload(  # type: ignore[no-untyped-def]
    drawings, opened, qtbot, tmp_path
) -> None:
    from PySide6.QtCore import QPointF

    from reviewer.ui.drawings.view import Tool

    opened.navigator.select(CRITERION)
    drawings.set_tool(Tool.PIN)
    click(qtbot, drawings, 250, 150)
    ((_s, pin),) = drawings.session.review.pins_for(CRITERION)
    position = pin.position
    assert position == pytest.approx((250, 150), abs=2)
    drawings.view.set_zoom(drawings.view.zoom * 2.5)
    opened.resize(opened.width() + 200, opened.height() + 100)
    qtbot.wait(10)
    item = drawings.view.pin_items[1]
    assert (item.pos().x(), item.pos().y()) == position
    # still where the drawing shows that point
    assert drawings.view.pin_at(drawings.view.mapFromScene(QPointF(*position))) is item
    path = tmp_path / "with-pins.review"
    drawings.session.save(path)
    assert opened.open_file(path)
    reopened = opened.drawing_page.widget()
    assert reopened.current_sheet.pins[0].position == position
    assert reopened.view.pin_items[1].pos() == QPointF(*position)


def test_rename_and_remove_a_sheet(drawings, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    fake_dialogs.reply("ask_text", "Verdieping 1")
    drawings.rename_current()
    assert drawings.sheet_list.item(0).text() == "Verdieping 1"
    fake_dialogs.reply("ask_yes_no", True)
    drawings.remove_current()
    assert drawings.sheet_list.count() == 0
    drawings.session.undo_stack.undo()
    assert drawings.sheet_list.item(0).text() == "Verdieping 1"
    drawings.session.undo_stack.undo()
    assert drawings.sheet_list.item(0).text() == "Begane grond"


def test_reorder_sheets_with_the_buttons_and_the_keyboard(
    drawings, tmp_path, fake_dialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    path = tmp_path / "Verdieping 1.png"
    path.write_bytes(png_drawing(600, 400))
    fake_dialogs.reply("ask_drawing_paths", [path])
    drawings.add_from_dialog()

    def names() -> list[str]:
        rows = [drawings.sheet_list.item(i).text() for i in range(drawings.sheet_list.count())]
        assert rows == [s.name for s in drawings.session.review.sheets]  # list = document
        return rows

    assert names() == ["Begane grond", "Verdieping 1"]
    drawings.sheet_list.setCurrentRow(1)
    assert drawings.up_button.isEnabled() and not drawings.down_button.isEnabled()
    qtbot.mouseClick(drawings.up_button, Qt.MouseButton.LeftButton)
    assert names() == ["Verdieping 1", "Begane grond"]
    assert drawings.current_sheet.name == "Verdieping 1"  # the moved sheet stays chosen
    assert not drawings.up_button.isEnabled() and drawings.down_button.isEnabled()
    drawings.sheet_list.setFocus()
    qtbot.keyClick(
        drawings.sheet_list,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert names() == ["Begane grond", "Verdieping 1"]
    drawings.session.undo_stack.undo()
    assert names() == ["Verdieping 1", "Begane grond"]
    drawings.session.undo_stack.undo()
    assert names() == ["Begane grond", "Verdieping 1"]
    assert drawings.session.move_sheet(drawings.session.review.sheets[0].id, -1) is False


def test_the_criterion_panel_lists_its_pins_and_shows_them(drawings, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.navigator.select(CRITERION)
    sheet = drawings.current_sheet
    drawings.session.add_pin(sheet.id, CRITERION, (700, 500))
    panel = opened.criterion_panel
    assert panel.pin_list.count() == 1
    assert panel.pin_list.item(0).text() == "Pin 1 on Begane grond"
    opened.show_view(0)
    drawings.view.set_zoom(3.0)
    panel._pin_clicked(panel.pin_list.item(0))
    assert opened.tabs.currentWidget() is opened.drawing_page
    centre = drawings.view.mapToScene(drawings.view.viewport().rect().center())
    assert abs(centre.x() - 700) < 60 and abs(centre.y() - 500) < 60
    drawings.session.undo_stack.undo()
    assert panel.pin_list.count() == 0


# ---------------------------------------------------------------- recalibrating


@pytest.fixture
def pdf_sheet(opened, tmp_path, fake_dialogs):  # type: ignore[no-untyped-def]
    """The Drawings tab with one PDF page (800 × 600 points) added."""
    view = drawings_tab_with(opened, tmp_path / "plan.pdf", pdf_drawing(), fake_dialogs)
    assert view.current_sheet.is_pdf
    return view


def test_recalibrating_rewrites_the_assigned_fact_in_the_same_undo_step(
    drawings, qtbot, fake_dialogs
) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    session = drawings.session
    calibrate(qtbot, drawings, fake_dialogs)  # 200 units are 10 m
    sheet = drawings.current_sheet
    mid = session.add_measurement(sheet.id, MeasurementKind.LENGTH, [(100, 200), (500, 200)])
    session.assign_measurement(sheet.id, mid, GALLERY_LENGTH)
    measured = session.review.plan.galleries[0].length_m
    assert measured == pytest.approx(20, abs=0.5)  # 400 units
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.MEETS
    steps = session.undo_stack.count()
    # the same two points are 30 m, not 10 m: three times as long, 60 m is too long
    drawings.set_tool(Tool.CALIBRATE)
    fake_dialogs.reply("ask_number", 30.0)
    click(qtbot, drawings, 100, 100)
    click(qtbot, drawings, 300, 100)
    assert session.undo_stack.count() == steps + 1  # one step for both
    sheet = drawings.current_sheet
    assert sheet.calibration.distance_m == 30
    length = session.review.plan.galleries[0].length_m
    assert length == measured_value(sheet, sheet.measurement(mid))
    assert length == pytest.approx(measured * 3, abs=0.05)
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    assert "measured on sheet Begane grond" in evidence_text(session)
    session.undo_stack.undo()  # one Ctrl+Z: the old scale and the old fact
    assert drawings.current_sheet.calibration.distance_m == 10
    assert session.review.plan.galleries[0].length_m == measured
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.MEETS
    assert "measured on sheet Begane grond" in evidence_text(session)
    session.undo_stack.redo()
    assert session.review.plan.galleries[0].length_m == length


def test_a_known_scale_also_rewrites_the_assigned_fact(pdf_sheet) -> None:  # type: ignore[no-untyped-def]
    from reviewer.domain.drawing import calibration_from_scale

    session = pdf_sheet.session
    sheet = pdf_sheet.current_sheet
    session.set_calibration(sheet.id, calibration_from_scale(100))
    # 720 points are 10 inches: 25.4 cm on paper, 25.4 m at 1:100
    mid = session.add_measurement(sheet.id, MeasurementKind.LENGTH, [(40, 300), (760, 300)])
    session.assign_measurement(sheet.id, mid, GALLERY_LENGTH)
    assert session.review.plan.galleries[0].length_m == pytest.approx(25.4)
    session.set_calibration(sheet.id, calibration_from_scale(250))
    assert session.review.plan.galleries[0].length_m == pytest.approx(63.5)
    assert "measured on sheet plan" in evidence_text(session)
    session.undo_stack.undo()
    assert session.review.plan.galleries[0].length_m == pytest.approx(25.4)


def test_a_refused_calibration_changes_nothing(drawings, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.domain.drawing import calibration_from_scale

    steps = drawings.session.undo_stack.count()
    with pytest.raises(ValueError, match="PDF page"):
        drawings.session.set_calibration(drawings.current_sheet.id, calibration_from_scale(100))
    assert drawings.current_sheet.calibration is None
    assert drawings.session.undo_stack.count() == steps


# ---------------------------------------------------------------- a known scale


def test_set_a_known_scale_on_a_pdf_page(pdf_sheet, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    view = pdf_sheet
    session = view.session
    assert view.scale_action.isEnabled()
    assert view.hint.text().startswith("No scale yet.")
    fake_dialogs.reply("ask_number", 100.0)
    view.scale_action.trigger()
    (_parent, _title, _label, offered, *_range) = fake_dialogs.called("ask_number")[-1]
    assert offered == 100  # the default when the page has no scale
    sheet = view.current_sheet
    assert sheet.calibration.scale == 100 and sheet.calibration.points is None
    assert view.hint.text().startswith("Scale 1:100.")
    # 72 points are one inch on paper: 2.54 cm, so 2.54 m at 1:100
    mid = session.add_measurement(sheet.id, MeasurementKind.LENGTH, [(100, 100), (172, 100)])
    sheet = view.current_sheet
    assert measured_value(sheet, sheet.measurement(mid)) == pytest.approx(2.54)
    # the dialog offers the current scale; 1:200 doubles the length
    fake_dialogs.reply("ask_number", 200.0)
    view.scale_action.trigger()
    assert fake_dialogs.called("ask_number")[-1][3] == 100
    sheet = view.current_sheet
    assert measured_value(sheet, sheet.measurement(mid)) == pytest.approx(5.08)
    assert view.hint.text().startswith("Scale 1:200.")
    session.undo_stack.undo()
    assert view.current_sheet.calibration.scale == 100
    assert view.hint.text().startswith("Scale 1:100.")
    session.undo_stack.undo()  # the measurement
    session.undo_stack.undo()  # the first scale
    assert view.current_sheet.calibration is None


def test_the_scale_is_shown_in_dutch(pdf_sheet, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.i18n import set_language

    fake_dialogs.reply("ask_number", 100.0)
    pdf_sheet.set_scale_from_dialog()
    set_language("nl")
    assert pdf_sheet.hint.text().startswith("Schaal 1:100. ")
    assert pdf_sheet.scale_action.text() == "Schaal 1:n…"
    fake_dialogs.reply("ask_number", None)
    pdf_sheet.set_scale_from_dialog()
    assert fake_dialogs.called("ask_number")[-1][2] == "Schaal van deze PDF-pagina, 1:"


def test_cancelling_the_scale_changes_nothing(pdf_sheet, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    count = pdf_sheet.session.undo_stack.count()
    fake_dialogs.reply("ask_number", None)
    pdf_sheet.set_scale_from_dialog()
    assert pdf_sheet.current_sheet.calibration is None
    assert pdf_sheet.session.undo_stack.count() == count


def test_a_pdf_page_calibrated_by_two_points_offers_its_scale(
    pdf_sheet, qtbot, fake_dialogs
) -> None:  # type: ignore[no-untyped-def]
    # 200 points (70.56 mm on paper) are 10 m: about 1:142
    calibrate(qtbot, pdf_sheet, fake_dialogs)
    assert pdf_sheet.current_sheet.calibration.points is not None
    assert "about 1:14" in pdf_sheet.hint.text()
    fake_dialogs.reply("ask_number", None)
    pdf_sheet.set_scale_from_dialog()
    offered = fake_dialogs.called("ask_number")[-1][3]
    assert offered == pytest.approx(10 / (200 * 0.0254 / 72), abs=2)
    assert float(offered).is_integer()


def test_an_image_has_no_drawing_scale(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    assert not drawings.scale_action.isEnabled()
    assert "PDF page" in drawings.scale_action.toolTip()
    drawings.set_scale_from_dialog()  # even when called, it asks nothing
    assert not fake_dialogs.called("ask_number")
    calibrate(qtbot, drawings, fake_dialogs)
    assert drawings.hint.text().startswith("Scale: 1 m is ")


# ---------------------------------------------------------------- zoom by wheel and pinch


def zoomed_in(view):  # type: ignore[no-untyped-def]
    """The sheet view at three times the fitted zoom, centred on the sheet, so that a
    point a little off the centre can stay where it is when zooming."""
    from PySide6.QtCore import QPointF

    sheet_view = view.view
    sheet_view.set_zoom(sheet_view.zoom * 3)
    sheet_view.centerOn(QPointF(400, 300))
    centre = sheet_view.viewport().rect().center()
    return sheet_view, QPointF(centre.x() + 60, centre.y() + 40)


def scene_at(sheet_view, pos):  # type: ignore[no-untyped-def]
    to_scene, _ok = sheet_view.viewportTransform().inverted()
    return to_scene.map(pos)


def assert_stays_under(sheet_view, scene_point, pos) -> None:  # type: ignore[no-untyped-def]
    now = sheet_view.viewportTransform().map(scene_point)
    assert abs(now.x() - pos.x()) <= 1 and abs(now.y() - pos.y()) <= 1


def test_a_trackpad_pinch_zooms_under_the_fingers(drawings, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    sheet_view, pos = zoomed_in(drawings)
    viewport = sheet_view.viewport()
    zoom, under = sheet_view.zoom, scene_at(sheet_view, pos)
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,  # fingers
        pos,
        pos,
        QPointF(viewport.mapToGlobal(pos)),
        0.25,  # 25 % larger
        QPointF(0, 0),
    )
    assert QApplication.sendEvent(viewport, event)
    assert event.isAccepted()
    assert sheet_view.zoom == pytest.approx(zoom * 1.25)
    assert_stays_under(sheet_view, under, pos)
    out = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        QPointF(viewport.mapToGlobal(pos)),
        -0.2,  # back: 1.25 × 0.8 = 1
        QPointF(0, 0),
    )
    QApplication.sendEvent(viewport, out)
    assert sheet_view.zoom == pytest.approx(zoom)
    assert_stays_under(sheet_view, under, pos)
    qtbot.waitUntil(lambda: sheet_view.rendered_pixels > 0)  # re-rendered for the new zoom


def test_a_touch_screen_pinch_zooms_under_its_centre(drawings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QGestureEvent, QPinchGesture

    sheet_view, pos = zoomed_in(drawings)
    viewport = sheet_view.viewport()
    zoom, under = sheet_view.zoom, scene_at(sheet_view, pos)
    pinch = QPinchGesture()
    pinch.setScaleFactor(1.5)
    pinch.setChangeFlags(QPinchGesture.ChangeFlag.ScaleFactorChanged)
    pinch.setCenterPoint(viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, QGestureEvent([pinch]))
    assert sheet_view.zoom == pytest.approx(zoom * 1.5)
    assert_stays_under(sheet_view, under, pos)


def test_the_wheel_zooms_with_and_without_ctrl(drawings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.drawings.view import ZOOM_STEP

    sheet_view, pos = zoomed_in(drawings)
    viewport = sheet_view.viewport()
    under = scene_at(sheet_view, pos)
    for modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
        zoom = sheet_view.zoom
        event = QWheelEvent(
            pos,
            QPointF(viewport.mapToGlobal(pos)),
            QPoint(0, 0),
            QPoint(0, 120),  # one notch away from the user
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        assert sheet_view.zoom == pytest.approx(zoom * ZOOM_STEP)
        assert_stays_under(sheet_view, under, pos)


def test_the_context_menu_of_a_sheet_is_in_dutch(drawings) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.i18n import set_language

    set_language("nl")
    sheet_view = drawings.view
    assert sheet_view.tr("Delete measurement") == "Meting verwijderen"
    assert sheet_view.tr("Assign to a plan fact…") == "Aan een plangegeven toekennen…"
    assert sheet_view.tr("Delete pin {0}") == "Pin {0} verwijderen"


def test_a_named_pipe_is_refused_without_blocking(opened, tmp_path, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from tests.storage.test_regular_files import deadline

    path = tmp_path / "plan.png"
    os.mkfifo(path)
    opened.show_view(3)
    view = opened.drawing_page.widget()
    fake_dialogs.reply("ask_drawing_paths", [path])
    with deadline():
        view.add_from_dialog()
    (args,) = fake_dialogs.called("show_error")
    assert "plan.png: it is a named pipe (FIFO), not a file" in args[2]
    assert opened.session.review.sheets == []


# ---------------------------------------------------------------- dragging and the tools


def drag(qtbot, view, start, end) -> None:  # type: ignore[no-untyped-def]
    """Press at sheet point `start`, move in steps to `end` and let go there."""
    from PySide6.QtCore import QPointF, Qt

    viewport = view.view.viewport()
    a, b = (view.view.mapFromScene(QPointF(*p)) for p in (start, end))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_drag_a_pin_to_move_it_and_undo(drawings, qtbot) -> None:  # type: ignore[no-untyped-def]
    session = drawings.session
    session.add_pin(drawings.current_sheet.id, CRITERION, (400, 300))
    steps = session.undo_stack.count()
    drag(qtbot, drawings, (400, 300), (500, 350))
    qtbot.waitUntil(lambda: session.undo_stack.count() == steps + 1)  # one step
    (pin,) = drawings.current_sheet.pins
    assert pin.position == pytest.approx((500, 350), abs=2)
    assert drawings.view.pin_items[1].pos().x() == pin.position[0]
    session.undo_stack.undo()
    assert drawings.current_sheet.pins[0].position == (400, 300)
    assert drawings.view.pin_items[1].pos().x() == 400


def test_a_pin_dropped_off_the_sheet_goes_back(drawings, qtbot) -> None:  # type: ignore[no-untyped-def]
    session = drawings.session
    session.add_pin(drawings.current_sheet.id, CRITERION, (700, 500))
    steps = session.undo_stack.count()
    drag(qtbot, drawings, (700, 500), (830, 500))  # the sheet is 800 wide
    qtbot.wait(20)
    assert session.undo_stack.count() == steps
    assert drawings.current_sheet.pins[0].position == (700, 500)
    assert drawings.view.pin_items[1].pos().x() == 700


def test_pins_move_only_with_the_select_tool(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.drawings.view import Tool

    session = drawings.session
    session.add_pin(drawings.current_sheet.id, CRITERION, (400, 300))
    drawings.set_tool(Tool.ASSIGN)
    steps = session.undo_stack.count()
    drag(qtbot, drawings, (400, 300), (500, 350))
    qtbot.wait(20)
    assert session.undo_stack.count() == steps
    assert drawings.view.pin_items[1].pos().x() == 400


def test_dragging_the_sheet_pans_it(drawings, qtbot) -> None:  # type: ignore[no-untyped-def]
    sheet_view = drawings.view
    sheet_view.set_zoom(sheet_view.zoom * 3)
    bar = sheet_view.horizontalScrollBar()
    before, steps = bar.value(), drawings.session.undo_stack.count()
    drag(qtbot, drawings, (400, 300), (380, 300))
    assert bar.value() > before  # the sheet followed the pointer to the left
    assert drawings.session.undo_stack.count() == steps  # nothing changed but the view


def test_escape_cancels_the_points_of_a_measurement(drawings, qtbot, fake_dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from reviewer.ui.drawings.view import Tool

    calibrate(qtbot, drawings, fake_dialogs)
    drawings.set_tool(Tool.LENGTH)
    click(qtbot, drawings, 100, 200)
    click(qtbot, drawings, 500, 200)
    qtbot.keyClick(drawings.view, Qt.Key.Key_Escape)
    click(qtbot, drawings, 100, 300)
    qtbot.keyClick(drawings.view, Qt.Key.Key_Return)  # one point is no line
    assert drawings.current_sheet.measurements == []


# a view without a window around it: nothing takes the releases the tools do not use
@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_the_sheet_view_and_its_tools_need_no_session(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The view shows a sheet and its tools emit what was drawn; nothing is edited."""
    from PySide6.QtCore import QPointF, Qt

    from reviewer.domain.drawing import Sheet
    from reviewer.ui.drawings.sheet_view import SheetView
    from reviewer.ui.drawings.tools import CalibrateTool, MeasureTool, PinTool

    view = SheetView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    sheet = Sheet(id="s1", name="gf", attachment="gf.png", page=None, width=800, height=600)
    view.show_sheet(sheet, png_drawing())
    qtbot.waitUntil(lambda: view.rendered_pixels > 0)

    def at(x: float, y: float, *, double: bool = False) -> None:
        pos = view.mapFromScene(QPointF(x, y))
        press = qtbot.mouseDClick if double else qtbot.mouseClick
        press(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    area = MeasureTool(view, MeasurementKind.AREA)
    view.set_tool(area)
    with qtbot.waitSignal(area.measured) as measured:
        at(100, 100)
        at(300, 100)
        at(300, 300, double=True)
    assert len(measured.args[0]) == 3
    calibrate = CalibrateTool(view)
    view.set_tool(calibrate)
    with qtbot.waitSignal(calibrate.calibrated) as calibrated:
        at(100, 100)
        at(300, 100)
    assert calibrated.args[0][0] == pytest.approx(100, abs=2)
    pin = PinTool(view)
    view.set_tool(pin)
    with qtbot.assertNotEmitted(pin.pinPlaced):
        at(-20, 100)  # off the sheet
    with qtbot.waitSignal(pin.pinPlaced) as placed:
        at(400, 300)
    assert placed.args[0] == pytest.approx((400, 300), abs=2)
