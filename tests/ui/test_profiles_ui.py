"""Profiles and plan scope in the new-review dialog, and the profile shown in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt

from reviewer.domain.checklist import Level
from reviewer.domain.plan import PlanType, Stage
from reviewer.storage.review_file import ReviewDocument, save_review
from reviewer.ui.review.new_review_dialog import NewReviewDialog

LABEL_PROFILE = {
    "id": "test-label",
    "version": "1.0",
    "title": {"nl": "Testkeurmerk", "en": "Test label"},
    "description": {"nl": "Galerijen kort, als eis.", "en": "Short galleries, required."},
    "checklist": {"id": "test-checklist", "version": "0.1"},
    "criteria": {
        "GEB-GALERIJ-01": {
            "level": "requirement",
            "note": {"nl": "Eis van het keurmerk", "en": "Required by the label"},
        }
    },
}


@pytest.fixture
def profiles(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "test-label.yaml"
    good.write_text(yaml.safe_dump(LABEL_PROFILE), encoding="utf-8")
    wrong = dict(LABEL_PROFILE, id="wrong", title={"nl": "Verkeerd", "en": "Wrong one"})
    wrong["criteria"] = {"XX-NIET-01": {"level": "requirement"}}
    bad = tmp_path / "wrong.yaml"
    bad.write_text(yaml.safe_dump(wrong), encoding="utf-8")
    unreadable = tmp_path / "broken.yaml"
    unreadable.write_text("id: [unclosed", encoding="utf-8")
    return {"broken": unreadable, "test-label": good, "wrong": bad}


@pytest.fixture
def dialog(qtbot, checklist, profiles):
    dlg = NewReviewDialog(None, checklist=checklist, profiles=profiles)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def fill_in(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.identity_edit("name").setFocus()
    qtbot.keyClicks(dialog.identity_edit("name"), "Kwartier Oost")
    dialog.reviewer_name_edit.setFocus()
    qtbot.keyClicks(dialog.reviewer_name_edit, "A. Bakker")


def test_profiles_are_listed_by_title_after_no_profile(dialog):
    combo = dialog.profile_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "No profile (the full checklist)",
        "broken",  # cannot be read: listed by its id
        "Test label",
        "Wrong one",
    ]
    hint = dialog.findChild(type(dialog._profile_hint), "profileHint")
    assert "Every criterion" in hint.text()
    combo.setCurrentIndex(2)
    assert hint.text() == "Short galleries, required."


def test_a_review_made_under_a_profile(qtbot, dialog):
    fill_in(qtbot, dialog)
    dialog.profile_combo.setFocus()
    qtbot.keyClicks(dialog.profile_combo, "T")  # Test label
    assert dialog.selected_profile_id() == "test-label"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    review = dialog.review
    assert review is not None
    assert review.checklist.profile.id == "test-label"
    assert review.checklist.criterion("GEB-GALERIJ-01").level is Level.REQUIREMENT


def test_a_profile_that_does_not_fit_gives_an_error_not_a_traceback(qtbot, dialog):
    fill_in(qtbot, dialog)
    dialog.profile_combo.setCurrentIndex(3)  # Wrong one
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.review is None and dialog.isVisible()
    assert dialog.error_text.startswith("The profile “Wrong one” cannot be applied")
    assert "XX-NIET-01" in dialog.error_text
    dialog.profile_combo.setCurrentIndex(1)  # broken: cannot be read
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.review is None
    assert "“broken” cannot be applied" in dialog.error_text
    dialog.profile_combo.setCurrentIndex(0)  # no profile: works
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.review is not None and dialog.review.checklist.profile is None


def test_plan_type_and_stage_are_asked_and_may_stay_unknown(qtbot, dialog, tmp_path, plan_data):
    hint = dialog.findChild(type(dialog._profile_hint), "plan_scope_hint")
    assert hint.isVisible() and "every criterion applies" in hint.text()
    plan_data["identity"]["phase"] = "Voorlopig ontwerp"  # a plan file of before stages
    plan_file = tmp_path / "oost.plan.yaml"
    plan_file.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    assert dialog.load_plan_file(plan_file)
    stage = dialog.identity_combo("stage")
    assert stage.currentData() == "preliminary_design"  # read from the phase
    type_combo = dialog.identity_combo("plan_type")
    assert type_combo.currentData() == ""  # not given: the default
    type_combo.setFocus()
    qtbot.keyClicks(type_combo, "t")  # transformation
    assert not hint.isVisible()
    type_into = dialog.reviewer_name_edit
    type_into.setFocus()
    qtbot.keyClicks(type_into, "A. Bakker")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    identity = dialog.review.plan.identity
    assert identity.plan_type is PlanType.TRANSFORMATION
    assert identity.stage is Stage.PRELIMINARY_DESIGN
    assert identity.phase == "Voorlopig ontwerp"  # kept as the file had it


def test_the_window_names_the_profile(window, tmp_path, checklist, plan, profiles):
    from reviewer.domain.profile import apply_profile
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.storage.yamlfile import load_profile

    profiled = apply_profile(checklist, load_profile(profiles["test-label"]))
    review = new_review(plan, profiled, "safety", Reviewer(name="J. de Vries"))
    path = tmp_path / "label.review"
    save_review(ReviewDocument(review), path)
    assert window.open_file(path)
    assert "profile Test label" in window.status_label.text()
    window.show_view(2)
    summary = window.summary_page.widget()
    summary.refresh()
    assert "Profile: Test label" in summary._meta_label.text()
    window.navigator.select("GEB-GALERIJ-01")
    window.show_view(0)
    note = window.criterion_panel.profile_label
    assert note.isVisible()
    assert note.text().startswith("Profile Test label:")
    assert "Required by the label" in note.text()


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
