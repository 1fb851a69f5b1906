"""File → Import IFC…, Confirm in the plan view, Review → Update from IFC…, in the window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.bim import missing_extra
from reviewer.domain.plan import SUGGESTED_ELEMENT
from reviewer.domain.verdict import Verdict

pytestmark = pytest.mark.skipif(
    missing_extra() is not None and os.environ.get("CI") != "true",
    reason="the 'bim' extra is not installed",
)

DATA = Path(__file__).parent.parent / "data" / "bim"
HOUSE = DATA / "IfcOpenHouse.ifc"
DUPLEX = DATA / "Duplex_A_20110907_cadastre-vertical.ifc"


def _import(qtbot, window, fake_dialogs, path=HOUSE):  # type: ignore[no-untyped-def]
    fake_dialogs.reply("ask_ifc_path", path)
    fake_dialogs.reply("ask_choice", 0)
    assert window.import_ifc()
    qtbot.waitUntil(lambda: window.ifc.job is None, timeout=60_000)


def _plan_panel(window):  # type: ignore[no-untyped-def]
    window.review_pages.show_view(1)
    return window.review_pages.plan_page.widget()


def test_import_opens_a_review_with_a_sheet_per_storey(qtbot, window, fake_dialogs):
    _import(qtbot, window, fake_dialogs)
    session = window.session
    assert session is not None
    review = session.review
    assert [s.name for s in review.sheets] == ["Ground floor"]
    assert review.sheets[0].calibration is not None
    assert review.sheets[0].pins and review.sheets[0].pins[0].ifc_guid
    assert session.path is None and not session.undo_stack.isClean()  # closing asks to save
    ((_title, message),) = [c[1:3] for c in fake_dialogs.called("show_info")]
    assert "suggestions" in message and "Ctrl+Shift+K" in message
    assert not fake_dialogs.called("show_error")


def test_confirm_in_the_plan_view_counts_the_suggestion_and_undoes(qtbot, window, fake_dialogs):
    _import(qtbot, window, fake_dialogs)
    session = window.session
    assert session.review.assessment("STR-HOOGTE-01").auto_verdict is Verdict.NOT_ASSESSED
    panel = _plan_panel(window)
    panel.show_collection("buildings")
    button = panel._confirm_button
    assert not button.isHidden() and button.isEnabled()
    table = panel.table("buildings")
    table.setCurrentIndex(panel.model("buildings").index(0, 0))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert session.review.plan.buildings[0].suggested == []
    assert session.review.assessment("STR-HOOGTE-01").auto_verdict is Verdict.MEETS
    assert button.isHidden()
    session.undo_stack.undo()
    assert SUGGESTED_ELEMENT in session.review.plan.buildings[0].suggested
    assert session.review.assessment("STR-HOOGTE-01").auto_verdict is Verdict.NOT_ASSESSED


def test_typing_a_fact_makes_it_the_persons(qtbot, window, fake_dialogs):
    _import(qtbot, window, fake_dialogs)
    session = window.session
    session.set_fact("buildings", 0, "storeys", 2)
    building = session.review.plan.buildings[0]
    assert "storeys" not in building.suggested and SUGGESTED_ELEMENT not in building.suggested
    assert "height_m" in building.suggested  # what was not typed is still a suggestion


def test_without_the_extra_the_action_says_how_to_install_it(window, fake_dialogs, monkeypatch):
    monkeypatch.setattr("reviewer.bim.missing_extra", lambda: "ifcopenshell, shapely")
    assert not window.import_ifc()
    (call,) = fake_dialogs.called("show_info")
    assert "[bim]" in call[2] and "ifcopenshell" in call[2]
    assert not fake_dialogs.called("ask_ifc_path")


def test_a_bad_model_is_said_and_nothing_opens(qtbot, window, fake_dialogs, tmp_path):
    bad = tmp_path / "letter.ifc"
    bad.write_text("Dear architect,\n")
    _import(qtbot, window, fake_dialogs, bad)
    (call,) = fake_dialogs.called("show_error")
    assert "not an IFC file" in call[2]
    assert window.session is None


def test_cancel_stops_the_import(qtbot, window, fake_dialogs):
    fake_dialogs.reply("ask_ifc_path", DUPLEX)
    fake_dialogs.reply("ask_choice", 1)
    assert window.import_ifc()
    job = window.ifc.job
    job.cancel()
    qtbot.waitUntil(lambda: window.ifc.job is None, timeout=60_000)
    assert window.session is None
    assert not fake_dialogs.called("show_error")
    assert "cancelled" in window.statusBar().currentMessage()


def test_update_from_ifc_keeps_typed_facts_and_is_one_undo_step(qtbot, window, fake_dialogs):
    _import(qtbot, window, fake_dialogs)
    session = window.session
    session.set_fact("buildings", 0, "storeys", 3)  # typed: differs from the model's 1
    before = session.review.model_copy(deep=True)
    depth = session.undo_stack.count()
    fake_dialogs.reply("ask_ifc_path", HOUSE)
    fake_dialogs.reply("ask_confirm", True)
    assert window.update_from_ifc()
    qtbot.waitUntil(lambda: window.ifc.job is None, timeout=60_000)
    (call,) = fake_dialogs.called("ask_confirm")
    assert "kept 3" in call[3]  # the dialog says the model's 1 did not replace it
    assert session.review.plan.buildings[0].storeys == 3
    assert [s.id for s in session.review.sheets] == [s.id for s in before.sheets]
    assert session.undo_stack.count() == depth + 1
    session.undo_stack.undo()
    assert session.review.plan == before.plan


def test_in_dutch_the_refusal_is_dutch(qtbot, window, fake_dialogs, tmp_path):
    from reviewer.ui.i18n import set_language

    set_language("nl")
    bad = tmp_path / "oud.ifc"
    bad.write_text(
        "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X_FINAL'));\nENDSEC;\nDATA;\nENDSEC;\n"
        "END-ISO-10303-21;\n"
    )
    _import(qtbot, window, fake_dialogs, bad)
    (call,) = fake_dialogs.called("show_error")
    assert "oud.ifc gebruikt het schema IFC2X_FINAL; alleen IFC2X3 en IFC4" in call[2]
