"""The dossier through its stages in the app: Next Stage, the measures on the Dossier page
with their status buttons and filters, Adopt in the criterion panel, and the handover
report. Driven through the real actions and widgets; only the questions (dialogs) are
answered by the fakes of conftest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.plan import Stage
from reviewer.domain.stages import MeasureStatus
from reviewer.domain.verdict import Verdict
from reviewer.paths import EXAMPLE_REVIEW
from reviewer.storage.review_file import load_review
from reviewer.ui.review import next_stage_dialog
from reviewer.ui.review.next_stage_dialog import NextStageDialog
from reviewer.ui.review.pages import CRITERION, DOSSIER
from tests.report.conftest import pdf_text

CID = "SB-ZICHT-01"  # sightlines without loss of privacy: a requirement the example fails


@pytest.fixture
def galerijflat(tmp_path: Path) -> Path:
    path = tmp_path / "merelhof-vo.review"
    shutil.copy(EXAMPLE_REVIEW, path)
    return path


@pytest.fixture
def drive_dialog(monkeypatch, qtbot):
    """Answer "Next Stage" through the real dialog: pick the stage (by its data) and the
    adopt box as a person would, then press the OK button."""
    seen: list[NextStageDialog] = []

    def install(stage: Stage | None, adopt: bool = False) -> list[NextStageDialog]:
        def ask(parent, review, same_stage):
            dialog = NextStageDialog(review, same_stage, parent)
            qtbot.addWidget(dialog)
            seen.append(dialog)
            if stage is not None:
                dialog.stage.setCurrentIndex(dialog.stage.findData(stage))
            if adopt:
                dialog.adopt.click()
            ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
            dialog.show()
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            assert dialog.result() == dialog.DialogCode.Accepted
            return dialog.choice()

        monkeypatch.setattr(next_stage_dialog, "ask_next_stage", ask)
        return seen

    return install


def dossier(window):
    """The Dossier tab's stages box, once it is on screen (a page made on first view is
    shown by its layout's queued call)."""
    window.show_view(DOSSIER)
    stages = window.dossier_page.widget().stages
    QApplication.processEvents()
    assert stages.isVisible()
    return stages


def test_gallery_flat_goes_from_preliminary_design_to_handover(
    window, galerijflat, tmp_path, fake_dialogs, drive_dialog, qtbot
):
    # --- preliminary design: the adviser makes the finding a condition, due by the DO
    assert window.open_file(galerijflat)
    window.show_criterion(CID)
    panel = window.criterion_panel
    panel.kind_combo.setCurrentIndex(1)
    panel.kind_combo.activated.emit(1)
    index = panel.stage_combo.findData(Stage.FINAL_DESIGN.value)
    panel.stage_combo.setCurrentIndex(index)
    panel.stage_combo.activated.emit(index)
    qtbot.keyClicks(panel.actor_edit, "architect")
    assert window.session.review.assessments[CID].is_condition
    assert window.save()

    # --- final design: Next Stage (Ctrl+Shift+T) carries the condition, open
    drive_dialog(Stage.FINAL_DESIGN)
    assert window.next_stage_action.shortcut().toString() == "Ctrl+Shift+T"
    window.next_stage_action.trigger()
    review = window.session.review
    assert window.session.path is None and window.session.is_modified
    assert review.plan.identity.stage is Stage.FINAL_DESIGN
    assert review.previous[-1].file_name == "merelhof-vo.review"
    assert review.assessments[CID].measure_carried_from is Stage.PRELIMINARY_DESIGN
    assert len(review.sheets) == 1 and review.sheets[0].calibration is not None
    stages = dossier(window)
    assert stages.timeline.rowCount() == 2
    stages.set_filter("overdue")  # due by the final design and still open
    assert CID in stages.visible_ids()
    fake_dialogs.reply("ask_text", "M. Hofstra")
    stages.buttons[(CID, MeasureStatus.PROCESSED)].click()
    assert review.assessments[CID].measure_status is MeasureStatus.PROCESSED
    assert review.assessments[CID].measure_history[-1].by == "M. Hofstra"
    assert CID not in stages.visible_ids()  # no longer overdue
    # undoable
    window.undo_action.trigger()
    assert window.session.review.assessments[CID].measure_status is MeasureStatus.OPEN
    window.redo_action.trigger()
    assert window.session.review.assessments[CID].measure_status is MeasureStatus.PROCESSED
    do_path = tmp_path / "merelhof-do.review"
    fake_dialogs.reply("ask_save_path", do_path)
    assert window.save()

    # --- handover: carried again, verified
    drive_dialog(Stage.HANDOVER)
    window.next_stage_action.trigger()
    review = window.session.review
    assert review.plan.identity.stage is Stage.HANDOVER
    assert [p.stage for p in review.previous] == [Stage.PRELIMINARY_DESIGN, Stage.FINAL_DESIGN]
    assert review.assessments[CID].measure_status is MeasureStatus.PROCESSED
    stages = dossier(window)
    assert stages.timeline.rowCount() == 3
    fake_dialogs.reply("ask_text", "J. de Vries")
    stages.buttons[(CID, MeasureStatus.VERIFIED)].click()
    change = review.assessments[CID].measure_history[-1]
    assert (change.status, change.by, change.stage) == (
        MeasureStatus.VERIFIED,
        "J. de Vries",
        Stage.HANDOVER,
    )
    ho_path = tmp_path / "merelhof-oplevering.review"
    fake_dialogs.reply("ask_save_path", ho_path)
    assert window.save()
    saved = load_review(ho_path).review
    assert [c.status for c in saved.assessments[CID].measure_history] == [
        MeasureStatus.PROCESSED,
        MeasureStatus.VERIFIED,
    ]

    # --- the handover report lists the condition as verified, with who and when
    out = tmp_path / "oplevering.pdf"
    fake_dialogs.reply("ask_export_path", out)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window._export_job is None and out.exists(), timeout=120_000)
    text = pdf_text(out)
    assert "status: verified at handover (" in text  # the report follows the app's language
    assert f"J. de Vries) · carried from the final design · {CID} in appendix 1" in text
    history = text[text.index("Measures and their status") :]
    assert "agreed at the preliminary design" in history
    assert "processed in the drawings:" in history and "M. Hofstra" in history


def test_withdrawing_asks_a_reason_and_a_cancelled_question_changes_nothing(opened, fake_dialogs):
    session = opened.session
    cid = next(c for c, a in session.review.assessments.items() if not a.has_measure)
    session.set_text(cid, "measure", "Hek om de binnentuin")
    stages = dossier(opened)
    assert cid in stages.visible_ids()
    stages.buttons[(cid, MeasureStatus.WITHDRAWN)].click()  # the name is asked: cancelled
    assert session.review.assessments[cid].measure_history == []
    fake_dialogs.reply("ask_text", "M. Hofstra", "  ")  # a name, then an empty reason
    stages.buttons[(cid, MeasureStatus.WITHDRAWN)].click()
    assert session.review.assessments[cid].measure_history == []
    assert not stages.message.isHidden()
    assert "reason" in stages.message.text()
    fake_dialogs.reply("ask_text", "M. Hofstra", "Binnentuin vervalt")
    stages.buttons[(cid, MeasureStatus.WITHDRAWN)].click()
    change = session.review.assessments[cid].measure_history[-1]
    assert (change.status, change.reason) == (MeasureStatus.WITHDRAWN, "Binnentuin vervalt")
    assert stages.message.isHidden()
    row = stages.visible_ids().index(cid)
    assert "withdrawn" in stages.table.item(row, 4).text().lower() or "ingetrokken" in (
        stages.table.item(row, 4).text()
    )
    stages.set_filter("open")
    assert cid not in stages.visible_ids()


def test_the_name_asked_defaults_to_the_reviewer(opened, fake_dialogs):
    session = opened.session
    session.set_text("OR-HOF-01", "measure", "Poort overdag open")
    stages = dossier(opened)
    stages.buttons[("OR-HOF-01", MeasureStatus.PROCESSED)].click()
    (args,) = fake_dialogs.called("ask_text")
    assert args[3] == session.review.reviewer.name


def test_no_later_stage_at_handover_is_said_and_nothing_opens(
    window, galerijflat, fake_dialogs, drive_dialog
):
    assert window.open_file(galerijflat)
    window.session.set_identity_choice("stage", Stage.HANDOVER.value)
    seen = drive_dialog(None)
    window.next_stage_action.trigger()
    assert not seen
    (error,) = fake_dialogs.called("show_error")
    assert "no later stage" in error[2]
    assert window.session.path == galerijflat


def test_the_dialog_offers_only_later_stages(window, galerijflat, qtbot):
    assert window.open_file(galerijflat)
    dialog = NextStageDialog(window.session.review, False)
    qtbot.addWidget(dialog)
    offered = [dialog.stage.itemData(i) for i in range(dialog.stage.count())]
    assert offered == [Stage.FINAL_DESIGN, Stage.SPECIFICATION, Stage.HANDOVER]


def test_new_review_of_this_plan_takes_the_other_perspective_at_the_same_stage(
    window, galerijflat, drive_dialog
):
    assert window.open_file(galerijflat)
    drive_dialog(None)
    window.new_review_of_plan_action.trigger()
    review = window.session.review
    assert review.perspective.value == "cohesion"
    assert review.plan.identity.stage is Stage.PRELIMINARY_DESIGN
    assert review.previous[-1].perspective.value == "safety"


def test_adopt_takes_the_previous_verdict_and_is_undoable(window, galerijflat, drive_dialog):
    assert window.open_file(galerijflat)
    drive_dialog(Stage.FINAL_DESIGN)
    window.next_stage_action.trigger()
    review = window.session.review
    window.show_view(CRITERION)
    window.show_criterion(CID)
    panel = window.criterion_panel
    assert panel.previous_row.isVisible()
    assert panel.previous_label.text() == "Previous stage (preliminary design): does not meet"
    assert review.assessments[CID].verdict is Verdict.NOT_ASSESSED
    panel.adopt_button.click()
    assert review.assessments[CID].verdict is Verdict.FAILS
    assert not panel.adopt_button.isEnabled()
    window.undo_action.trigger()
    assert window.session.review.assessments[CID].verdict is Verdict.NOT_ASSESSED
    window.adopt_verdict_action.trigger()  # Ctrl+Shift+A
    assert window.session.review.assessments[CID].verdict is Verdict.FAILS


def test_adopting_every_verdict_from_the_dialog(window, galerijflat, drive_dialog):
    assert window.open_file(galerijflat)
    before = load_review(galerijflat).review
    drive_dialog(Stage.FINAL_DESIGN, adopt=True)
    window.next_stage_action.trigger()
    review = window.session.review
    for cid, prev in review.previous[-1].verdicts.items():
        assert review.assessments[cid].verdict is prev.verdict is before.assessments[cid].verdict


def test_compare_with_the_previous_stage_opens_the_revision_comparison(
    window, galerijflat, tmp_path, fake_dialogs, drive_dialog
):
    assert window.open_file(galerijflat)
    drive_dialog(Stage.FINAL_DESIGN)
    window.next_stage_action.trigger()
    fake_dialogs.reply("ask_save_path", tmp_path / "merelhof-do.review")
    assert window.save()
    stages = dossier(window)
    assert stages.previous_path() == galerijflat
    assert "merelhof-vo.review" in stages.changes_label.text()
    assert "Since then: 0 resolved, " in stages.changes_label.text()
    window.session.set_verdict(CID, Verdict.MEETS)  # a finding resolved
    assert "Since then: 1 resolved, " in stages.changes_label.text()
    stages.compare_button.click()
    assert window.revision_dialog is not None
    window.revision_dialog.close()


def test_a_measure_written_while_the_dossier_is_hidden_is_there_when_it_is_shown(opened):
    stages = dossier(opened)
    before = list(stages.visible_ids())
    opened.show_view(CRITERION)
    assert not stages.isVisible()
    opened.session.set_text("OR-HOF-01", "measure", "Poort overdag open")
    assert stages.visible_ids() == before  # not redrawn while hidden
    dossier(opened)
    assert "OR-HOF-01" in stages.visible_ids()


def test_the_timeline_shows_this_reviews_outcome_as_it_changes(opened):
    from reviewer.domain.outcome import compute_outcome

    stages = dossier(opened)
    session = opened.session
    last = stages.timeline.rowCount() - 1
    shown = stages.timeline.item(last, 3).text()
    assert shown == compute_outcome(session.review).result.label.get("en")
    for cid, a in list(session.review.assessments.items()):
        if a.verdict is Verdict.FAILS:
            session.set_verdict(cid, Verdict.MEETS, override_reason="opgelost in het ontwerp")
    after = compute_outcome(session.review).result.label.get("en")
    assert after != shown  # the outcome did change
    assert stages.timeline.item(last, 3).text() == after
