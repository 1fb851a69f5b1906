"""The new-review dialog: typed or loaded plan, perspective, reviewer → a Review with verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.domain.verdict import Verdict
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.ui.review import new_review_dialog
from reviewer.ui.review.new_review_dialog import NewReviewDialog, ask_new_review


@pytest.fixture
def dialog(qtbot, checklist):
    dlg = NewReviewDialog(None, checklist=checklist)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.fixture
def plan_file(tmp_path, plan_data) -> Path:
    path = tmp_path / "merelhof.plan.yaml"
    path.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    return path


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_typed_identity_gives_a_review_with_automatic_verdicts(qtbot, dialog, checklist):
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    type_into(qtbot, dialog.identity_edit("name"), "Kwartier Oost")
    type_into(qtbot, dialog.identity_edit("municipality"), "Zwolle")
    type_into(qtbot, dialog.identity_edit("revision"), "SO-1")
    type_into(qtbot, dialog.reviewer_name_edit, "A. Bakker")
    dialog.reviewer_role_combo.setCurrentIndex(1)  # architect
    cohesion = dialog.perspective_button("cohesion")
    qtbot.mouseClick(cohesion, Qt.MouseButton.LeftButton, pos=QPoint(8, cohesion.height() // 2))
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    review = dialog.review
    assert review is not None
    assert review.plan.identity.name == "Kwartier Oost"
    assert review.plan.identity.municipality == "Zwolle"
    assert review.plan.identity.revision == "SO-1"
    assert review.perspective.value == "cohesion"
    assert review.reviewer.name == "A. Bakker"
    assert review.reviewer.role == dialog.reviewer_role_combo.itemText(1)
    assert list(review.assessments) == [c.id for c in checklist.criteria()]
    # every rule was evaluated: an empty plan cannot meet the 3 % play-space norm
    for criterion in checklist.criteria():
        auto = review.assessments[criterion.id].auto_verdict
        assert (auto is None) == (criterion.rule is None)
    assert review.assessments["OR-SPEEL-01"].auto_verdict is not None


def test_loaded_plan_facts_are_evaluated(qtbot, dialog, plan_file):
    dialog.choose_plan_file = lambda: str(plan_file)
    qtbot.mouseClick(dialog._load_button, Qt.MouseButton.LeftButton)
    assert dialog.loaded_plan is not None
    assert dialog.identity_edit("name").text() == "Testplan Merelhof"
    assert "merelhof.plan.yaml" in dialog._plan_status.text()
    # the typed identity wins over the file's
    dialog.identity_edit("revision").setText("VO-2")
    type_into(qtbot, dialog.reviewer_name_edit, "J. de Vries")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    review = dialog.review
    assert review.plan.identity.revision == "VO-2"
    assert [e.id for e in review.plan.entrances] == ["A", "B"]
    assert review.assessments["GEB-ENTREE-01"].auto_verdict is Verdict.FAILS
    assert review.assessments["GEB-ENTREE-01"].verdict is Verdict.FAILS
    assert review.perspective.value == "safety"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("identity: [unclosed\n", "not valid YAML"),
        ("identity:\n  name: X\nentrances:\n  - id: A\n    dwellings_served: 0\n", "dwellings"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_plan_file_shows_an_error_and_the_dialog_stays(
    qtbot, dialog, tmp_path, content, fragment
):
    bad = tmp_path / "bad.plan.yaml"
    bad.write_text(content, encoding="utf-8")
    dialog.identity_edit("name").setText("Typed before")
    dialog.choose_plan_file = lambda: str(bad)
    qtbot.mouseClick(dialog._load_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() == 0
    assert fragment in dialog.error_text
    assert "bad.plan.yaml" in dialog.error_text
    assert dialog._error.isVisible()
    assert dialog.loaded_plan is None
    assert dialog.identity_edit("name").text() == "Typed before"  # input kept


def test_missing_file_and_cancelled_choice(qtbot, dialog, tmp_path):
    dialog.choose_plan_file = lambda: None  # the person cancelled the file dialog
    qtbot.mouseClick(dialog._load_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text == ""
    assert not dialog.load_plan_file(tmp_path / "nowhere.plan.yaml")
    assert "file not found" in dialog.error_text


def test_a_good_file_after_a_bad_one_clears_the_error(dialog, tmp_path, plan_file):
    bad = tmp_path / "bad.yaml"
    bad.write_text(": :\n", encoding="utf-8")
    assert not dialog.load_plan_file(bad)
    assert dialog.error_text
    assert dialog.load_plan_file(plan_file)
    assert dialog.error_text == ""
    dialog.clear_loaded_plan()
    assert dialog.loaded_plan is None
    assert dialog.identity_edit("name").text() == "Testplan Merelhof"


def test_unusable_checklist_keeps_the_dialog_open(qtbot, tmp_path):
    dlg = NewReviewDialog(None, checklist_path=tmp_path / "missing.yaml")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.identity_edit("name").setText("Plan")
    dlg.reviewer_name_edit.setText("Reviewer")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.review is None
    assert "checklist" in dlg.error_text.lower()


@pytest.mark.skipif(not DEFAULT_CHECKLIST.exists(), reason="bundled checklist not written yet")
def test_bundled_checklist_is_used_by_default(qtbot):
    dlg = NewReviewDialog(None)
    qtbot.addWidget(dlg)
    dlg.identity_edit("name").setText("Plan")
    dlg.reviewer_name_edit.setText("Reviewer")
    review = dlg.build_review()
    assert review is not None, dlg.error_text
    assert len(review.assessments) > 10


def test_ask_new_review_returns_none_when_cancelled(qtbot):
    def cancel() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, QDialog)
        dlg.reject()

    QTimer.singleShot(0, cancel)
    assert ask_new_review(None) is None


def test_ask_new_review_returns_the_review(qtbot, checklist, monkeypatch):
    original = NewReviewDialog.__init__

    def with_test_checklist(self, parent=None, **kwargs):  # type: ignore[no-untyped-def]
        original(self, parent, checklist=checklist)

    monkeypatch.setattr(new_review_dialog.NewReviewDialog, "__init__", with_test_checklist)

    def fill_in() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, NewReviewDialog)
        dlg.identity_edit("name").setText("Plan West")
        dlg.reviewer_name_edit.setText("R. Smit")
        dlg.ok_button.click()

    QTimer.singleShot(0, fill_in)
    review = ask_new_review(None)
    assert review is not None
    assert review.plan.identity.name == "Plan West"


def test_language_switch_relabels_the_dialog(dialog):
    from reviewer.ui import i18n

    try:
        i18n.set_language("en")
        assert dialog.ok_button.text() == "Start review"
        assert dialog.perspective_button("safety").text() == "Safety"
        i18n.set_language("nl")
        assert dialog.ok_button.text() == "Beoordeling starten"
        assert dialog.perspective_button("safety").text() == "Veiligheid"
    finally:
        i18n.set_language("en")


def test_the_plan_is_taken_from_an_existing_review(qtbot, dialog):
    from reviewer.paths import EXAMPLE_REVIEW
    from reviewer.storage.review_file import load_review

    source = load_review(EXAMPLE_REVIEW).review
    dialog.choose_review_file = lambda: str(EXAMPLE_REVIEW)
    qtbot.mouseClick(dialog._from_review_button, Qt.MouseButton.LeftButton)
    assert dialog.loaded_plan == source.plan
    assert dialog.identity_edit("name").text() == source.plan.identity.name
    assert EXAMPLE_REVIEW.name in dialog._plan_status.text()
    type_into(qtbot, dialog.reviewer_name_edit, "J. de Vries")
    cohesion = dialog.perspective_button("cohesion")
    qtbot.mouseClick(cohesion, Qt.MouseButton.LeftButton, pos=QPoint(8, cohesion.height() // 2))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    review = dialog.review
    assert review.perspective.value == "cohesion"
    assert review.plan.model_dump(exclude={"identity"}) == source.plan.model_dump(
        exclude={"identity"}
    )
    assert review.plan.identity.stage is source.plan.identity.stage


def test_a_damaged_review_is_refused_with_a_message_and_input_kept(qtbot, dialog, tmp_path):
    bad = tmp_path / "kapot.review"
    bad.write_bytes(b"not a zip")
    dialog.identity_edit("name").setText("Typed before")
    dialog.choose_review_file = lambda: str(bad)
    qtbot.mouseClick(dialog._from_review_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog._error.isVisible()
    assert "cannot be taken from this review" in dialog.error_text
    assert dialog.loaded_plan is None
    assert dialog.identity_edit("name").text() == "Typed before"
