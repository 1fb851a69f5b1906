"""The advice in the window: 'voldoet gedeeltelijk' only with its justification, a measure
as condition or recommendation (who acts, by which stage), and the adviser's own outcome
only with a written reason. Each is undoable and saved in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import load_review
from reviewer.ui.i18n import set_language
from reviewer.ui.review.pages import SUMMARY


def choose_combo(combo, index: int) -> None:
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# ------------------------------------------------------------ partly needs its justification
def test_partly_cancelled_or_empty_is_refused_with_a_message(opened, qtbot, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("OR-HOF-01")  # no rule: partly is no override
    assessments = window.session.review.assessments

    panel.verdict_buttons[Verdict.PARTLY].click()  # the dialog is cancelled
    assert assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert panel.verdict_message.isVisible()
    assert "justification" in panel.verdict_message.text()
    assert "justification" in window.statusBar().currentMessage()
    assert not panel.verdict_buttons[Verdict.PARTLY].isChecked()

    fake_dialogs.reply("ask_text", "   ")  # OK with nothing in it, by key 2
    window.navigator.tree.setFocus()
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_2)
    assert len(fake_dialogs.called("ask_text")) == 2
    assert assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    assert panel.verdict_message.isVisible()
    assert window.session.undo_stack.count() == 0

    fake_dialogs.reply("ask_text", "Fire brigade needs access through the gate.")
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_2)
    assert assessments["OR-HOF-01"].verdict is Verdict.PARTLY
    assert not panel.verdict_message.isVisible()
    assert QApplication.focusWidget() is panel.notes_edit


def test_the_justification_cannot_be_emptied(opened, fake_dialogs):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("OR-HOF-01")
    fake_dialogs.reply("ask_text", "Gate for the fire brigade.")
    panel.verdict_buttons[Verdict.PARTLY].click()
    panel.justification_edit.setPlainText("")
    assert panel.justification_warning.isVisible()
    assessment = window.session.review.assessments["OR-HOF-01"]
    assert assessment.justification == "Gate for the fire brigade."
    panel.justification_edit.setPlainText("Gate opens for the fire brigade only.")
    assert not panel.justification_warning.isVisible()


def test_partly_is_called_voldoet_gedeeltelijk(opened):
    panel = opened.criterion_panel
    set_language("nl")
    assert panel.verdict_buttons[Verdict.PARTLY].text() == "Voldoet gedeeltelijk"
    set_language("en")
    assert panel.verdict_buttons[Verdict.PARTLY].text() == "Partly meets"


# ------------------------------------------------------------ conditions and recommendations
def test_a_condition_with_who_and_when_is_undoable_and_saved(opened, qtbot):
    window = opened
    panel = window.criterion_panel
    session = window.session
    window.navigator.select("GEB-ENTREE-01")
    panel.measure_edit.setPlainText("Split entrance B into two entrances of 7.")
    assert panel.kind_combo.currentIndex() == 0  # a measure is a recommendation by default

    choose_combo(panel.kind_combo, 1)
    qtbot.keyClicks(panel.actor_edit, "Architect")
    choose_combo(panel.stage_combo, panel.stage_combo.findData(Stage.FINAL_DESIGN.value))
    assessment = session.review.assessments["GEB-ENTREE-01"]
    assert assessment.measure_kind is MeasureKind.CONDITION
    assert assessment.actor == "Architect"
    assert assessment.due_stage is Stage.FINAL_DESIGN
    assert assessment.is_condition

    # typing the actor is one step; kind and stage one each
    session.undo_stack.undo()
    assert session.review.assessments["GEB-ENTREE-01"].due_stage is None
    session.undo_stack.undo()
    assert session.review.assessments["GEB-ENTREE-01"].actor == ""
    assert panel.actor_edit.text() == ""
    session.undo_stack.undo()
    assert session.review.assessments["GEB-ENTREE-01"].measure_kind is None
    assert panel.kind_combo.currentIndex() == 0
    for _ in range(3):
        session.undo_stack.redo()
    assert panel.stage_combo.currentData() == Stage.FINAL_DESIGN.value

    assert window.save()
    saved = load_review(session.path).review.assessments["GEB-ENTREE-01"]
    assert (saved.measure_kind, saved.actor, saved.due_stage) == (
        MeasureKind.CONDITION,
        "Architect",
        Stage.FINAL_DESIGN,
    )


def test_summary_numbers_conditions_and_recommendations_as_the_letter(opened):
    window = opened
    panel = window.criterion_panel
    window.navigator.select("GEB-ENTREE-01")
    panel.measure_edit.setPlainText("Split entrance B.")
    choose_combo(panel.kind_combo, 1)
    panel.actor_edit.setText("Architect")
    panel.actor_edit.textEdited.emit("Architect")
    window.navigator.select("OR-LICHT-01")
    panel.measure_edit.setPlainText("Brighter lamps on the back path.")

    window.show_view(SUMMARY)
    view = window.summary_page.widget()
    view.refresh()
    advice = view.advice
    assert [i.measure for i in advice.conditions] == ["Split entrance B."]
    assert "Brighter lamps on the back path." in [i.measure for i in advice.recommendations]
    html = view.advice_text.toPlainText()
    assert "Split entrance B. — who: Architect" in html
    assert html.index("Conditions") < html.index("Split entrance B.")
    assert html.index("Recommendations") < html.index("Brighter lamps")
    assert "conditions: 1," in view._advice_label.text()


# ------------------------------------------------------------ the adviser's outcome
def test_another_outcome_only_with_a_reason(opened, qtbot, fake_dialogs):
    window = opened
    session = window.session
    window.show_view(SUMMARY)
    view = window.summary_page.widget()
    qtbot.waitUntil(view.isVisible)  # a lazy page's widget is shown from the event loop
    view.refresh()
    assert view.outcome.result is OutcomeResult.NEGATIVE  # entrance B fails
    assert not view.proposal_button.isVisible()

    # the choice list offers the other two; an empty reason is refused with a message
    fake_dialogs.reply("ask_choice", 1)
    fake_dialogs.reply("ask_text", "  ")
    view.choose_button.click()
    (args,) = fake_dialogs.called("ask_choice")
    assert args[3] == ["Positive advice", "Positive advice on conditions"]
    assert len(fake_dialogs.called("show_error")) == 1
    assert "reason" in fake_dialogs.called("show_error")[0][2]
    assert session.review.outcome_choice is None
    assert session.undo_stack.count() == 0

    fake_dialogs.reply("ask_choice", 1)
    fake_dialogs.reply("ask_text", "Entrance B is split in the revised drawings.")
    view.choose_button.click()
    view.refresh()
    assert session.review.outcome_choice.result is OutcomeResult.CONDITIONAL
    assert view.outcome.result is OutcomeResult.CONDITIONAL
    assert view.outcome.proposed is OutcomeResult.NEGATIVE
    shown = view._choice_text.text()
    assert "Negative advice" in shown and "Positive advice on conditions" in shown
    assert "revised drawings" in shown
    assert view.proposal_button.isVisible()

    assert window.save()
    choice = load_review(session.path).review.outcome_choice
    assert choice is not None and choice.reason.startswith("Entrance B")

    session.undo_stack.undo()
    view.refresh()
    assert session.review.outcome_choice is None
    assert view.outcome.result is OutcomeResult.NEGATIVE
    session.undo_stack.redo()
    view.refresh()
    view.proposal_button.click()
    view.refresh()
    assert session.review.outcome_choice is None
    assert not view.proposal_button.isVisible()


def test_cancelling_the_outcome_choice_changes_nothing(opened, fake_dialogs):
    window = opened
    window.show_view(SUMMARY)
    view = window.summary_page.widget()
    view.choose_button.click()  # ask_choice cancelled
    fake_dialogs.reply("ask_choice", 0)
    view.choose_button.click()  # reason cancelled
    assert window.session.review.outcome_choice is None
    assert window.session.undo_stack.count() == 0
    assert not fake_dialogs.called("show_error")
