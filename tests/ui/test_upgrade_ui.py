"""Review → Update to the Current Checklist: a 1.0 review carried over to the bundled one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from reviewer.domain.plan import PlanType
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import load_review
from reviewer.ui.review import upgrade_dialog
from reviewer.ui.review.upgrade_dialog import UpgradeDialog, bundled_checklist, is_outdated

OLD_REVIEW = Path(__file__).parent.parent / "data" / "galerijflat-veiligheid-1.0.review"


@pytest.fixture
def old_path(tmp_path: Path) -> Path:
    path = tmp_path / "galerijflat-1.0.review"
    shutil.copyfile(OLD_REVIEW, path)
    return path


def test_a_review_made_with_checklist_1_0_opens_as_before(window, old_path, fake_dialogs):
    before = load_review(old_path).review
    assert before.checklist.version == "1.0"
    assert window.open_file(old_path)
    review = window.session.review
    assert review.checklist.version == "1.0"  # its own snapshot, not the bundled list
    assert {c: a.verdict for c, a in review.assessments.items()} == {
        c: a.verdict for c, a in before.assessments.items()
    }
    assert not fake_dialogs.called("show_error")


def test_the_dialog_lists_the_changes_for_the_chosen_plan_type(qtbot, old_path):
    review = load_review(old_path).review
    checklist = bundled_checklist()
    assert is_outdated(review, checklist)
    dialog = UpgradeDialog(review, checklist)
    qtbot.addWidget(dialog)
    rows = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert any("PB-WORKSHOP-01" in row and row.startswith("−") for row in rows)
    assert any("GEB-POST-01" in row for row in rows)
    assert dialog.summary.text().split()[0].isdigit()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(PlanType.RENOVATION.value))
    assert dialog.result is not None
    result = dialog.result.review
    inbraak = result.checklist.criterion("GEB-INBRAAK-01")
    assert not result.in_scope(inbraak)  # class 2 is new-build law
    assert result.assessments["GEB-INBRAAK-01"].auto_verdict is Verdict.NOT_APPLICABLE


def test_update_opens_a_new_unsaved_review_and_keeps_the_old_file(
    window, old_path, fake_dialogs, monkeypatch
):
    assert window.open_file(old_path)
    old_bytes = old_path.read_bytes()

    def choose(parent, review):  # what a person does in the dialog: renovation, OK
        dialog = UpgradeDialog(review, bundled_checklist(), parent=parent)
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(PlanType.RENOVATION.value))
        dialog.done(QDialog.DialogCode.Accepted)
        return dialog.result

    monkeypatch.setattr(upgrade_dialog, "ask_upgrade", choose)
    window.upgrade_action.trigger()
    session = window.session
    assert session.path is None and session.is_modified
    review = session.review
    assert review.checklist.version == bundled_checklist().version
    assert review.plan.identity.plan_type is PlanType.RENOVATION
    # the photos still used travel along; the old file is as it was
    used = {p.name for a in review.assessments.values() for p in a.photos}
    assert used and used <= set(session.document.attachments)
    assert old_path.read_bytes() == old_bytes
    assert "Updated to checklist" in window.statusBar().currentMessage()
    # updating again says it is current, and changes nothing
    window.upgrade_action.trigger()
    assert fake_dialogs.called("show_info")
    assert window.session is session
