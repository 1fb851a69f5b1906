"""The workshop view: models under qtmodeltester, statuses, filters, keyboard walk, editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.compare import ItemStatus
from reviewer.domain.numbers import format_number
from reviewer.domain.review import new_review
from reviewer.domain.statuses import STATUS_COLOURS
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui.i18n import set_language
from reviewer.ui.workshop.models import Column, Role, WorkshopFilter, WorkshopModel
from reviewer.ui.workshop.session import WorkshopSession, workshop_from_reviews
from reviewer.ui.workshop.view import WorkshopView
from tests.ui.test_workshop_session import CRAFTED, OPEN, make_session


@pytest.fixture
def session(plan, checklist):
    return make_session(plan, checklist)


@pytest.fixture
def view(qtbot, session):
    widget = WorkshopView()
    qtbot.addWidget(widget)
    widget.set_session(session)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def focused():
    return QApplication.focusWidget()


def row_data(model, cid: str, column: Column, role=Qt.ItemDataRole.DisplayRole):
    return model.index(model.row_of(cid), column).data(role)


def test_model_passes_qtmodeltester(qtmodeltester, session):
    model = WorkshopModel()
    qtmodeltester.check(model)  # empty
    model.set_session(session)
    qtmodeltester.check(model)
    session.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY, measure="poort")
    qtmodeltester.check(model)
    set_language("nl")
    qtmodeltester.check(model)
    set_language("en")
    model.set_session(None)
    qtmodeltester.check(model)


def test_filter_passes_qtmodeltester(qtmodeltester, session):
    model = WorkshopModel()
    model.set_session(session)
    proxy = WorkshopFilter()
    proxy.setSourceModel(model)
    for mode in ("differences", "open", "conflicts", "tensions", "all"):
        proxy.set_mode(mode)
        qtmodeltester.check(proxy)
    proxy.set_mode("open")
    session.set_conclusion("STR-PART-01", verdict=Verdict.MEETS)  # leaves the open list
    qtmodeltester.check(proxy)
    with pytest.raises(ValueError):
        proxy.set_mode("everything")


def test_rows_show_both_verdicts_status_tension_and_conclusion(session):
    model = WorkshopModel()
    model.set_session(session)
    assert model.rowCount() == len(CRAFTED)
    for cid, (a, b, status) in CRAFTED.items():
        assert row_data(model, cid, Column.STATUS, Role.STATUS) == status.value
        assert row_data(model, cid, Column.STATUS) == status.label.en
        assert row_data(model, cid, Column.A) == model.short_label(a)
        assert row_data(model, cid, Column.B) == model.short_label(b)
        assert row_data(model, cid, Column.A, Qt.ItemDataRole.DecorationRole) is not None
    assert row_data(model, "OR-HOF-01", Column.TITLE) == "Gated courtyard"
    background = row_data(model, "OR-HOF-01", Column.STATUS, Qt.ItemDataRole.BackgroundRole)
    assert background.color().rgb() & 0xFFFFFF == int(STATUS_COLOURS[ItemStatus.CONFLICT][1:], 16)
    assert row_data(model, "OR-HOF-01", Column.TENSION) == "⇄"
    assert "OR-SPEEL-01" in row_data(
        model, "OR-HOF-01", Column.TENSION, Qt.ItemDataRole.ToolTipRole
    )
    assert row_data(model, "GEB-ENTREE-01", Column.TENSION) is None
    assert row_data(model, "OR-HOF-01", Column.CONCLUSION) is None
    session.set_conclusion("OR-HOF-01", note="later")
    assert row_data(model, "OR-HOF-01", Column.CONCLUSION) == "…"
    session.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY)
    assert row_data(model, "OR-HOF-01", Column.CONCLUSION) == "✓"
    assert row_data(model, "OR-HOF-01", Column.CONCLUSION, Role.DECIDED) is True
    set_language("nl")
    assert row_data(model, "OR-HOF-01", Column.TITLE) == "Afsluitbare binnentuin"
    assert row_data(model, "STR-PART-01", Column.STATUS) == "verschil"


def test_header_statistics(view, session):
    header = view.header
    comparison = session.comparison
    assert header.agreement.caption.text() == f"agreement (n = {comparison.agreement_n})"
    assert header.agreement.value.text() == f"{comparison.agreement * 100:.0f} %"
    assert header.kappa.caption.text() == f"weighted kappa (n = {comparison.kappa_n})"
    assert header.kappa.value.text() == f"{comparison.kappa:.2f}"
    assert header.open.value.text() == str(len(OPEN))
    assert header.chips[ItemStatus.CONFLICT].text() == "1  conflict"
    assert header.chips[ItemStatus.ONLY_B].text() == "2  only B"
    assert not header.warnings.isVisible()
    session.set_conclusion("OR-HOF-01", verdict=Verdict.FAILS)
    assert header.open.value.text() == str(len(OPEN) - 1)
    set_language("nl")
    assert header.kappa.value.text() == format_number(comparison.kappa, "nl", decimals=2)
    assert "," in header.kappa.value.text()


def test_kappa_undefined_and_warnings_are_shown(qtbot, plan, checklist, checklist_data):
    from reviewer.domain.checklist import checklist_from_data

    checklist_data["version"] = "0.2"
    newer = checklist_from_data(checklist_data)
    a = new_review(plan, checklist, "safety")
    b = new_review(plan, newer, "cohesion")
    document, warnings = workshop_from_reviews(ReviewDocument(a), ReviewDocument(b))
    assert warnings and "versions" in warnings[0].en
    session = WorkshopSession(document)
    view = WorkshopView()
    qtbot.addWidget(view)
    view.set_session(session)
    view.show()
    # both reviews only fail the same rules: every pair in one category, kappa undefined
    assert session.comparison.kappa is None
    assert view.header.kappa.value.text() == "undefined"
    assert view.header.warnings.isVisible()
    assert "0.1" in view.header.warnings.text() and "0.2" in view.header.warnings.text()
    set_language("nl")
    assert view.header.kappa.value.text() == "niet te bepalen"
    assert "versies van het toetskader" in view.header.warnings.text()


def test_filters_and_counts(view):
    assert view.filter_mode == "differences"
    assert view.visible_ids() == OPEN
    assert view.filter_buttons["conflicts"].text() == "Conflicts (1)"
    view.filter_buttons["conflicts"].click()
    assert view.visible_ids() == ["OR-HOF-01"]
    view.set_filter("tensions")
    assert view.visible_ids() == ["OR-SPEEL-01", "OR-HOF-01"]
    view.set_filter("all")
    assert view.visible_ids() == list(CRAFTED)
    view.set_filter("open")
    assert view.visible_ids() == OPEN
    # Ctrl+3: conflicts
    view.table.setFocus()
    view.filter_actions["conflicts"].trigger()
    assert view.filter_mode == "conflicts"
    assert view.filter_buttons["conflicts"].isChecked()


def test_walk_the_open_differences_with_the_keyboard(view, session, qtbot):
    assert view.current_id() == OPEN[0]  # the first open difference is current
    view.table.setFocus()
    visited = [view.current_id()]
    for _ in range(len(OPEN) - 1):
        qtbot.keyClick(focused(), Qt.Key.Key_F3)
        visited.append(view.current_id())
    assert visited == OPEN
    assert focused() is view.table
    qtbot.keyClick(focused(), Qt.Key.Key_F3)  # wraps around
    assert view.current_id() == OPEN[0]
    qtbot.keyClick(focused(), Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_id() == OPEN[-1]
    # Alt+Up / Alt+Down step through the list
    qtbot.keyClick(focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_id() == OPEN[-2]
    qtbot.keyClick(focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_id() == OPEN[-1]


def test_record_a_conclusion_by_keyboard_then_move_on(view, session, qtbot):
    view.set_filter("open")
    view.select("OR-HOF-01")
    view.table.setFocus()
    assert view.detail.side_a.verdict.text() == "Meets"
    assert view.detail.side_b.verdict.text() == "Does not meet"
    assert "Poort dicht houden" in [t.text() for _c, t in view.detail.side_a._fields.values()]
    assert view.detail.tension_box.isVisibleTo(view.detail)
    assert "OR-SPEEL-01" in view.detail.tension_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_2)  # partly
    assert session.conclusion("OR-HOF-01").verdict is Verdict.PARTLY
    assert focused() is view.detail.measure_edit
    qtbot.keyClicks(focused(), "Poort 8-21 uur open")
    assert session.conclusion("OR-HOF-01").measure == "Poort 8-21 uur open"
    # the decided row stays in the "open" list while it is current
    assert "OR-HOF-01" in view.visible_ids()
    view.detail.actor_edit.setFocus()
    qtbot.keyClicks(focused(), "VvE 3")  # digits typed in a field are text, not verdicts
    assert session.conclusion("OR-HOF-01").actor == "VvE 3"
    assert session.conclusion("OR-HOF-01").verdict is Verdict.PARTLY
    # Ctrl+Return: on to the next open difference; the decided one leaves the list
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_id() == "STR-PART-01"
    assert "OR-HOF-01" not in view.visible_ids()
    assert session.undo_stack.count() == 3  # verdict, measure, actor


def test_take_a_measure_and_clear(view, session):
    view.select("OR-HOF-01")
    assert view.detail.take_a.isEnabled() and view.detail.take_b.isEnabled()
    view.detail.take_b.click()
    assert session.conclusion("OR-HOF-01").measure == "Poort overdag open voor de buurt"
    assert view.detail.measure_edit.toPlainText() == "Poort overdag open voor de buurt"
    view.detail.verdict_buttons[Verdict.FAILS].click()
    assert view.detail.verdict_buttons[Verdict.FAILS].isChecked()
    view.clear_action.trigger()
    assert session.conclusion("OR-HOF-01") is None
    assert not view.detail.verdict_buttons[Verdict.FAILS].isChecked()
    assert view.detail.measure_edit.toPlainText() == ""
    session.undo_stack.undo()  # the editor follows undo
    assert view.detail.measure_edit.toPlainText() == "Poort overdag open voor de buurt"
    assert view.detail.verdict_buttons[Verdict.FAILS].isChecked()


def test_tension_link_goes_to_the_partner(view):
    view.select("OR-HOF-01")
    view.detail.tension_label.linkActivated.emit("OR-SPEEL-01")
    assert view.current_id() == "OR-SPEEL-01"


def test_select_shows_all_when_the_filter_hides_it(view):
    view.set_filter("conflicts")
    assert view.select("GEB-ENTREE-01")
    assert view.filter_mode == "all"
    assert view.current_id() == "GEB-ENTREE-01"
    assert not view.select("XX-NIETS-01")


def test_no_session(qtbot):
    view = WorkshopView()
    qtbot.addWidget(view)
    assert not view.isEnabled()
    assert not view.next_open_action.isEnabled()
    assert view.next_open() is None
    assert view.detail.criterion_id is None
