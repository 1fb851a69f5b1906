"""The plan panel and its table models, driven like a person would: cells, keys, buttons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from reviewer.domain.plan import COLLECTIONS, DUPLICATE_ID, TOO_MANY_ELEMENTS
from reviewer.domain.text import MAX_NAME_CHARS, Text
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import i18n, icons
from reviewer.ui.review.plan_models import (
    IDENTITY,
    CollectionListModel,
    Column,
    ElementTableModel,
    Refused,
    columns_for,
    element_findings,
    findings,
    format_number,
    friendly_fact_error,
    parse_cell,
    parse_number,
    worst,
)
from reviewer.ui.review.plan_panel import PlanPanel, next_id
from reviewer.ui.review.session import FactError, ReviewSession


@pytest.fixture
def session(review, qtbot):
    return ReviewSession(ReviewDocument(review))


@pytest.fixture
def panel(qtbot, session):
    widget = PlanPanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.set_session(session)
    return widget


DECORATION = Qt.ItemDataRole.DecorationRole


def cell(model: ElementTableModel, row: int, key: str):
    return model.index(row, model.column_of(key))


def verdicts(session: ReviewSession, cid: str) -> tuple[Verdict | None, Verdict]:
    a = session.review.assessments[cid]
    return a.auto_verdict, a.verdict


# ---------------------------------------------------------------- models


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_element_models_pass_the_model_tester(qtmodeltester, session, collection):
    model = ElementTableModel(collection)
    model.set_session(session)
    qtmodeltester.check(model, force_py=True)
    # and after rows come and go
    session.add_element(collection)
    session.add_element(collection)
    session.remove_element(collection, 0)
    session.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def test_collection_list_model_passes_the_model_tester(qtmodeltester, session):
    model = CollectionListModel()
    model.set_session(session)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(model.keys.index("entrances")), Qt.ItemDataRole.UserRole + 2) == 2


def test_headers_carry_the_unit(session):
    i18n.set_language("nl")
    model = ElementTableModel("galleries")
    model.set_session(session)
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
        for c in range(model.columnCount())
    ]
    assert "Lengte (m)" in headers
    assert "Woningen" in headers


def test_display_of_values_unknown_is_empty(session):
    i18n.set_language("nl")
    model = ElementTableModel("entrances")
    model.set_session(session)
    assert model.data(cell(model, 1, "dwellings_served")) == "14"
    assert model.data(cell(model, 1, "glazed")) == ""  # unknown
    session.set_fact("entrances", 1, "glazed", True)
    assert model.data(cell(model, 1, "glazed")) == "ja"
    session.set_fact("entrances", 1, "access_control", "video_intercom")
    assert model.data(cell(model, 1, "access_control")) == "video-intercom"
    plinth = ElementTableModel("plinth_segments")
    plinth.set_session(session)
    assert plinth.data(cell(plinth, 0, "function")) == "bergingen"


# ---------------------------------------------------------------- editing facts


def test_set_data_changes_the_fact_and_the_rule_verdict(panel, session):
    model = panel.model("entrances")
    assert verdicts(session, "GEB-ENTREE-01") == (Verdict.FAILS, Verdict.FAILS)
    assert model.setData(cell(model, 1, "dwellings_served"), "9")
    assert session.review.plan.entrances[1].dwellings_served == 9
    assert verdicts(session, "GEB-ENTREE-01") == (Verdict.MEETS, Verdict.MEETS)
    assert model.data(cell(model, 1, "dwellings_served")) == "9"
    # empty means unknown: the rule cannot decide
    assert model.setData(cell(model, 1, "dwellings_served"), "")
    assert session.review.plan.entrances[1].dwellings_served is None
    assert verdicts(session, "GEB-ENTREE-01")[0] is Verdict.NOT_ASSESSED


def test_decimal_comma_and_point_are_both_understood(panel, session):
    model = panel.model("galleries")
    assert model.setData(cell(model, 0, "length_m"), "48,5")
    assert session.review.plan.galleries[0].length_m == 48.5
    assert model.setData(cell(model, 0, "length_m"), "49.5")
    assert session.review.plan.galleries[0].length_m == 49.5
    assert parse_number("1.250,5") == 1250.5
    assert parse_number("1,250.5") == 1250.5
    assert parse_number("50 m") == 50
    assert parse_number("10.000", "nl") == 10000  # as a Dutch cell shows it
    assert parse_number("10,000", "en") == 10000
    assert parse_number("0.350", "nl") == 0.35
    assert parse_number("12.5", "nl") == 12.5


@pytest.mark.parametrize(
    ("collection", "key", "text", "fragment"),
    [
        ("entrances", "dwellings_served", "0", "at least 1"),
        ("entrances", "dwellings_served", "2,5", "whole number"),
        ("galleries", "length_m", "-3", "negative"),
        ("galleries", "length_m", "long", "not a number"),
        ("lighting", "uniformity", "1.5", "between"),
        ("entrances", "id", "B", "already used"),
        ("entrances", "id", "", "needs an ID"),
    ],
)
def test_invalid_input_is_refused_with_a_message(panel, session, collection, key, text, fragment):
    i18n.set_language("en")
    panel.show_collection(collection)
    model = panel.model(collection)
    before = session.review.plan
    index = cell(model, 0, key)
    assert not model.setData(index, text)
    assert session.review.plan == before
    assert session.undo_stack.count() == 0
    message = panel.message_text()
    assert fragment in message
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == message
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    # the next good edit clears the message and the mark
    assert model.setData(cell(model, 0, "note"), "checked")
    assert panel.message_text() == ""
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None


def test_glazing_order_error_reads_well(panel, session):
    i18n.set_language("en")
    panel.show_collection("entrances")
    model = panel.model("entrances")
    assert model.setData(cell(model, 0, "glazing_to_mm"), "1000")
    assert not model.setData(cell(model, 0, "glazing_from_mm"), "1900")
    assert "glass" in panel.message_text()
    assert session.review.plan.entrances[0].glazing_from_mm is None


def test_a_refused_fact_is_explained_from_its_error_type_in_the_interface_language(panel):
    """The plan's own rules raise typed errors (reviewer.domain.plan); the message comes
    from the type and its context, not from pydantic's English text, so it translates."""
    i18n.set_language("nl")
    panel.show_collection("entrances")
    model = panel.model("entrances")
    assert model.setData(cell(model, 0, "glazing_to_mm"), "1000")
    assert not model.setData(cell(model, 0, "glazing_from_mm"), "1900")
    assert "het glas kan niet hoger beginnen" in panel.message_text()
    assert not model.setData(cell(model, 0, "building"), "x" * (MAX_NAME_CHARS + 1))
    assert f"hoogstens {MAX_NAME_CHARS} tekens" in panel.message_text()
    too_many = FactError(
        "the plan has 20,001 elements", TOO_MANY_ELEMENTS, {"max_elements": 20_000}
    )
    assert friendly_fact_error(too_many) == "een plan bevat hoogstens 20.000 elementen in totaal."
    i18n.set_language("en")
    twice = FactError("entrances: element id 'B' is used twice", DUPLICATE_ID, {"element_id": "B"})
    assert friendly_fact_error(twice).startswith("this ID is already used in this list")
    other = FactError("Input should be a valid string", "string_type")
    assert (
        friendly_fact_error(other) == "this value is not allowed (Input should be a valid string)."
    )


def test_editing_through_a_real_editor_and_the_keyboard(qtbot, panel, session):
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection("entrances")
    table = panel.table("entrances")
    model = panel.model("entrances")
    index = cell(model, 1, "dwellings_served")
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the edit key
    editor = table.indexWidget(index) or QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "14"
    editor.selectAll()
    qtbot.keyClicks(editor, "10")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the editor queued
    qtbot.waitUntil(lambda: session.review.plan.entrances[1].dwellings_served == 10)
    assert verdicts(session, "GEB-ENTREE-01") == (Verdict.MEETS, Verdict.MEETS)

    # a refused value typed into the editor: message shown, plan unchanged
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(panel.message_text()))
    assert session.review.plan.entrances[1].dwellings_served == 10
    assert panel._table_message.isVisible()


def test_yes_no_and_enumerations_edit_with_combo_boxes(qtbot, panel, session):
    i18n.set_language("nl")
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection("entrances")
    table = panel.table("entrances")
    model = panel.model("entrances")

    index = cell(model, 0, "glazed")
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox)
    assert combo is not None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["onbekend", "ja", "nee"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert session.review.plan.entrances[0].glazed is True
    qtbot.waitUntil(lambda: table.findChild(QComboBox) is None or not combo.isVisible())

    index = cell(model, 0, "access_control")
    table.edit(index)
    combo = next(c for c in table.findChildren(QComboBox) if c.isVisible())
    position = combo.findData("intercom")
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    assert session.review.plan.entrances[0].access_control == "intercom"
    assert model.data(index) == "intercom"


def test_price_class_uses_its_own_labels(session):
    i18n.set_language("nl")
    model = ElementTableModel("housing")
    model.set_session(session)
    assert model.data(cell(model, 0, "price_class")) == "sociaal"
    column = model.columns[model.column_of("price_class")]
    assert ("social", "sociaal") in column.choices("nl")


def test_optional_text_knows_unknown_and_nobody(panel, session):
    model = panel.model("outdoor_spaces")
    index = cell(model, 0, "owner")
    assert model.data(index) == ""
    assert model.setData(index, "-")
    assert session.review.plan.outdoor_spaces[0].owner == ""
    assert model.data(index) == "–"
    assert model.setData(index, "VvE Merelhof")
    assert session.review.plan.outdoor_spaces[0].owner == "VvE Merelhof"
    assert model.setData(index, "")
    assert session.review.plan.outdoor_spaces[0].owner is None
    # a long note is readable in full as a tooltip
    note = cell(model, 0, "note")
    text = "Open to the street on the south side, closed at night by the caretaker"
    assert model.setData(note, text)
    assert model.data(note, Qt.ItemDataRole.ToolTipRole) == text


# ---------------------------------------------------------------- rows, undo


def test_add_and_remove_rows_with_buttons_and_the_delete_key(qtbot, panel, session):
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection("entrances")
    model = panel.model("entrances")
    table = panel.table("entrances")
    qtbot.mouseClick(panel._add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 3
    assert [e.id for e in session.review.plan.entrances] == ["A", "B", "C"]
    assert panel._list_model.count("entrances") == 3

    # Del removes the selected row (B), and the rule no longer fails
    table.setFocus()
    table.setCurrentIndex(cell(model, 1, "dwellings_served"))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [e.id for e in session.review.plan.entrances] == ["A", "C"]
    assert model.rowCount() == 2
    assert verdicts(session, "GEB-ENTREE-01")[0] is Verdict.NOT_ASSESSED  # C has no count

    # the remove button removes every selected row, as one undo step
    selection = table.selectionModel()
    selection.clearSelection()
    for row in (0, 1):
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    qtbot.mouseClick(panel._remove_button, Qt.MouseButton.LeftButton)
    assert session.review.plan.entrances == []
    assert model.rowCount() == 0
    session.undo_stack.undo()
    assert [e.id for e in session.review.plan.entrances] == ["A", "C"]
    assert model.rowCount() == 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [e.id for e in session.review.plan.entrances] == ["A", "B"]
    assert model.data(cell(model, 1, "id")) == "B"


def test_undo_and_redo_of_fact_edits(panel, session):
    model = panel.model("galleries")
    assert verdicts(session, "GEB-GALERIJ-01")[0] is Verdict.FAILS
    assert model.setData(cell(model, 0, "length_m"), "40")
    assert model.setData(cell(model, 0, "dwellings"), "8")
    # a safety review: the cohesion-only gallery rule is evaluated, not adopted as verdict
    assert verdicts(session, "GEB-GALERIJ-01") == (Verdict.MEETS, Verdict.NOT_ASSESSED)
    stack = session.undo_stack
    assert stack.count() == 2
    stack.undo()
    assert session.review.plan.galleries[0].dwellings == 18
    assert model.data(cell(model, 0, "dwellings")) == "18"
    assert verdicts(session, "GEB-GALERIJ-01")[0] is Verdict.FAILS
    stack.undo()
    assert session.review.plan.galleries[0].length_m == 70
    stack.redo()
    stack.redo()
    assert model.data(cell(model, 0, "dwellings")) == "8"
    assert verdicts(session, "GEB-GALERIJ-01") == (Verdict.MEETS, Verdict.NOT_ASSESSED)


def test_next_id_continues_the_pattern():
    assert next_id(["A", "B"]) == "C"
    assert next_id(["G1", "G2"]) == "G3"
    assert next_id(["P1", "P7"]) == "P8"
    assert next_id([]) is None
    assert next_id(["noord", "zuid"]) is None


# ---------------------------------------------------------------- identity and site


def test_identity_typing_is_one_undo_step(qtbot, panel, session):
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection(IDENTITY)
    edit = panel._identity_edits["architect"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Studio Noord")
    assert session.review.plan.identity.architect == "Studio Noord"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.review.plan.identity.architect == ""
    assert edit.text() == ""


def test_plan_name_cannot_be_emptied(qtbot, panel, session):
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection(IDENTITY)
    edit = panel._identity_edits["name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == ""
    assert session.review.plan.identity.name == "Testplan Merelhof"
    assert panel.message_text()
    edit.editingFinished.emit()  # leaving the field shows what the plan holds
    assert edit.text() == "Testplan Merelhof"


def test_site_area_drives_the_play_space_rule(qtbot, panel, session):
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_collection(IDENTITY)
    assert verdicts(session, "OR-SPEEL-01")[0] is Verdict.FAILS  # 200 of 10 000 m²
    edit = panel._site_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "5000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert session.review.plan.site.residential_area_m2 == 5000
    assert verdicts(session, "OR-SPEEL-01")[0] is Verdict.MEETS  # 4 %
    edit.selectAll()
    qtbot.keyClicks(edit, "-1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert session.review.plan.site.residential_area_m2 == 5000
    assert panel.message_text()


# ---------------------------------------------------------------- rules list, language, session


def test_rules_on_the_facts_follow_edits_and_open_the_criterion(qtbot, panel, session):
    panel.show_collection("entrances")
    rules = panel._rules
    assert rules.count() == 1
    item = rules.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == "GEB-ENTREE-01"
    model = panel.model("entrances")
    model.setData(cell(model, 1, "dwellings_served"), "6")
    assert Verdict.MEETS.label.get(i18n.current_lang()) in rules.item(0).text()
    with qtbot.waitSignal(panel.criterionActivated) as blocker:
        rules.itemActivated.emit(rules.item(0))
    assert blocker.args == ["GEB-ENTREE-01"]


def test_plan_views_show_the_navigators_verdict_dots(panel, session):
    """One verdict icon: the element-type list, the ID cells and the rules list show the
    dot the navigator shows (an empty ring for "not assessed"); no verdict, no dot."""
    lists = panel._list_model
    assert lists.data(lists.index(0), DECORATION).cacheKey() == icons.verdict_icon(None).cacheKey()
    for row, key in enumerate(lists.keys[1:], start=1):
        expected = worst([e.verdict for _, e in findings(session.review, key)])
        icon = lists.data(lists.index(row), DECORATION)
        assert icon.cacheKey() == icons.verdict_icon(expected).cacheKey(), key
    model = panel.model("entrances")
    found = element_findings(session.review, "entrances", model.element(0))
    expected = worst([e.verdict for _, e in found])
    icon = model.data(cell(model, 0, "id"), DECORATION)
    assert icon.cacheKey() == icons.verdict_icon(expected).cacheKey()
    panel.show_collection(IDENTITY)
    rules = panel._site_rules
    assert rules.count() > 0
    for i in range(rules.count()):
        verdict = session.review.assessments[rules.item(i).data(Qt.ItemDataRole.UserRole)].verdict
        assert rules.item(i).icon().cacheKey() == icons.verdict_icon(verdict).cacheKey()
    assert rules.iconSize() == panel._list.iconSize() == icons.DOT_SIZE


def test_headers_and_labels_follow_the_language(panel):
    model = panel.model("entrances")
    column = model.column_of("dwellings_served")
    try:
        i18n.set_language("en")
        assert model.headerData(column, Qt.Orientation.Horizontal) == "Dwellings"
        assert panel._add_button.text() == "Add"
        i18n.set_language("nl")
        assert model.headerData(column, Qt.Orientation.Horizontal) == "Woningen"
        assert panel._add_button.text() == "Toevoegen"
        assert panel._list_model.data(panel._list_model.index(2)) == "Entrees"
    finally:
        i18n.set_language("nl")


def test_without_a_session_the_panel_is_empty_and_disabled(qtbot, panel, session):
    panel.set_session(None)
    assert not panel.isEnabled()
    assert panel.model("entrances").rowCount() == 0
    other = ReviewSession(ReviewDocument(session.review.model_copy(deep=True)))
    panel.set_session(other)
    assert panel.model("entrances").rowCount() == 2
    # the old session's signals no longer reach the panel
    session.set_fact("entrances", 0, "dwellings_served", 3)
    assert (
        panel.model("entrances").data(cell(panel.model("entrances"), 0, "dwellings_served")) == "8"
    )


def test_screenshot_at_1280_by_800(qtbot, panel, tmp_path):
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    for key in (IDENTITY, "entrances"):
        panel.show_collection(key)
        assert panel.grab().save(str(tmp_path / f"{key}.png"))
    table = panel.table("entrances")
    header = table.horizontalHeader()
    for col in range(panel.model("entrances").columnCount()):
        text = panel.model("entrances").headerData(col, Qt.Orientation.Horizontal)
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(col) >= widest, text  # no clipped headers


@given(
    value=st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    lang=st.sampled_from(["nl", "en"]),
)
def test_what_the_editor_shows_parses_back_to_the_same_number(value, lang):
    column = Column("length_m", "float", Text(nl="lengte", en="length"), "m", minimum=0)
    shown = format_number(value, lang, grouped=False)
    assert parse_cell(column, shown, lang) == value
    displayed = format_number(value, lang)  # what the cell shows: grouped, two decimals
    assert parse_cell(column, displayed, lang) == pytest.approx(value, abs=0.006)


@given(text=st.text(max_size=12))
def test_typed_text_never_raises_anything_but_a_refusal(text):
    for key in ("dwellings_served", "glazing_from_mm", "glazed", "access_control", "id"):
        column = next(c for c in columns_for("entrances") if c.key == key)
        try:
            parse_cell(column, text, "nl")
        except Refused as exc:
            assert str(exc)


def test_an_entrance_edit_works_out_only_the_entrances_icon_again(session):
    """The element-type list remembers each type's worst verdict; an edit of one entrance
    forgets the entrances' only (a 4,000-element plan need not walk every rule's
    evidence for every type after each keystroke), and the icon follows the edit."""
    model = CollectionListModel()
    model.set_session(session)
    row = {key: model.index(model.keys.index(key)) for key in ("entrances", "galleries")}
    for index in row.values():
        model.data(index, DECORATION)
    assert model._worst["entrances"] is Verdict.FAILS  # B serves 14 dwellings
    remembered = model._worst["galleries"]
    b = next(i for i, e in enumerate(session.review.plan.entrances) if e.id == "B")
    session.set_fact("entrances", b, "dwellings_served", 6)
    assert "entrances" not in model._worst
    assert model._worst.get("galleries", "gone") == remembered
    model.data(row["entrances"], DECORATION)
    assert model._worst["entrances"] is Verdict.MEETS
