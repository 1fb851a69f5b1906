"""The workshop's attendance, chair and place, the decision fields of a joint conclusion,
and Workshop > Carry Decisions into Both Reviews: each an undo step."""

from __future__ import annotations

import pytest

from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind, Participant
from reviewer.storage.workshop_file import workshop_from_bytes
from reviewer.ui.workshop import dialogs as workshop_dialogs
from reviewer.ui.workshop.dialogs import AttendanceDialog
from reviewer.ui.workshop.view import WorkshopView
from tests.ui.test_workshop_session import make_session

ATTENDEES = [
    Participant(name="Ans <b>&", role="voorzitter", organisation="Gemeente Zwolle"),
    Participant(name="Marieke Hofstra", role="adviseur", organisation="Politie"),
]


@pytest.fixture
def session(plan, checklist):
    return make_session(plan, checklist)


@pytest.fixture
def view(qtbot, session):
    widget = WorkshopView()
    qtbot.addWidget(widget)
    widget.set_session(session)
    widget.resize(1280, 720)
    return widget


def test_attendance_from_the_dialog_is_one_undo_step(view, session, monkeypatch):
    asked = []

    def answer(parent, attendees, remarks):
        asked.append((attendees, remarks))
        return [*ATTENDEES, Participant()], "afgemeld: architect"  # an empty row is dropped

    monkeypatch.setattr(workshop_dialogs, "ask_attendance", answer)
    assert view.header.attendance_button.text() == "&Attendance (0)…"
    assert view.header.edit_attendance()
    assert asked == [([], "")]
    assert session.workshop.attendees == ATTENDEES
    assert session.workshop.participants == "afgemeld: architect"
    assert view.header.attendance_button.text() == "&Attendance (2)…"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert (session.workshop.attendees, session.workshop.participants) == ([], "")
    assert view.header.attendance_button.text() == "&Attendance (0)…"
    session.undo_stack.redo()
    assert session.workshop.attendees == ATTENDEES

    monkeypatch.setattr(workshop_dialogs, "ask_attendance", lambda *args: None)
    assert not view.header.edit_attendance()  # cancelled: nothing changes
    assert session.undo_stack.count() == 1


def test_the_attendance_dialog_reads_its_rows(qtbot):
    dialog = AttendanceDialog(None, ATTENDEES[:1], "afgemeld")
    qtbot.addWidget(dialog)
    dialog.add_row(Participant(name="  Jeroen   Wessels ", organisation="Gemeente"))
    dialog.add_row(Participant())
    assert dialog.attendees() == [
        ATTENDEES[0],
        Participant(name="Jeroen Wessels", organisation="Gemeente"),
    ]
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert [p.name for p in dialog.attendees()] == ["Jeroen Wessels"]
    assert dialog.remarks.text() == "afgemeld"


def test_chair_and_place_are_typed_and_undone(view, session, qtbot):
    qtbot.keyClicks(view.header.chair_edit, "Ans")
    qtbot.keyClicks(view.header.place_edit, "Zwolle")
    assert (session.workshop.chair, session.workshop.place) == ("Ans", "Zwolle")
    assert session.undo_stack.count() == 2  # typing in one field merges
    session.undo_stack.undo()
    assert session.workshop.place == "" and view.header.place_edit.text() == ""
    session.undo_stack.undo()
    assert session.workshop.chair == "" and view.header.chair_edit.text() == ""


def test_deadline_and_kind_of_a_decision_each_undoable(view, session):
    assert view.select("OR-HOF-01")
    detail = view.detail
    session.set_conclusion("OR-HOF-01", measure="Poort overdag open")
    steps = session.undo_stack.count()
    index = detail.deadline_combo.findData(Stage.FINAL_DESIGN.value)
    detail.deadline_combo.setCurrentIndex(index)
    detail.deadline_combo.activated.emit(index)
    index = detail.kind_combo.findData(MeasureKind.CONDITION.value)
    detail.kind_combo.setCurrentIndex(index)
    detail.kind_combo.activated.emit(index)
    conclusion = session.conclusion("OR-HOF-01")
    assert conclusion.due_stage is Stage.FINAL_DESIGN
    assert conclusion.measure_kind is MeasureKind.CONDITION
    assert session.undo_stack.count() == steps + 2
    session.undo_stack.undo()
    assert session.conclusion("OR-HOF-01").measure_kind is MeasureKind.RECOMMENDATION
    assert detail.kind_combo.currentData() == MeasureKind.RECOMMENDATION.value
    session.undo_stack.undo()
    assert session.conclusion("OR-HOF-01").due_stage is None
    assert detail.deadline_combo.currentData() == ""
    # a deadline alone keeps a conclusion: it was chosen
    session.set_conclusion("STR-PART-01", due_stage=Stage.SPECIFICATION.value)
    assert session.conclusion("STR-PART-01").due_stage is Stage.SPECIFICATION


def test_carry_decisions_into_both_reviews_and_undo_it(view, session):
    messages = []
    view.message.connect(messages.append)
    assert view.carry_action in view.actions_for_menu()
    assert view.carry_action.isEnabled()
    assert "no joint decisions" in view.carry_decisions()

    session.set_conclusion(
        "OR-HOF-01",
        measure="Hof overdag open, 's nachts dicht",
        actor="Woonstichting",
        due_stage=Stage.FINAL_DESIGN.value,
        measure_kind=MeasureKind.CONDITION.value,
    )
    session.set_conclusion("STR-PART-01", measure="Bewonersavond")
    before_a = session.workshop.review_a.assessments["OR-HOF-01"]
    steps = session.undo_stack.count()
    view.carry_action.trigger()
    assert session.undo_stack.count() == steps + 1
    assert messages[-1].startswith("Joint decisions carried into both reviews: 2.")
    # A had its own measure for OR-HOF-01: kept, the decision after it
    assert "kept" in messages[-1]
    for review in (session.workshop.review_a, session.workshop.review_b):
        hof = review.assessments["OR-HOF-01"]
        assert hof.measure.endswith("Hof overdag open, 's nachts dicht")
        assert (hof.measure_kind, hof.actor, hof.due_stage) == (
            MeasureKind.CONDITION,
            "Woonstichting",
            Stage.FINAL_DESIGN,
        )
        assert review.assessments["STR-PART-01"].measure_kind is MeasureKind.RECOMMENDATION
    assert session.workshop.review_a.assessments["OR-HOF-01"].measure.startswith(
        "Poort dicht houden"
    )
    # the comparison follows: the tension pair shows both sides' measures
    tension = next(t for t in session.comparison.tensions if "OR-HOF-01" in (t.first, t.second))
    assert tension.measures["OR-HOF-01"][1] == "Poort overdag open voor de buurt\n\n" + (
        "Hof overdag open, 's nachts dicht"
    )
    # saved with the workshop
    saved = workshop_from_bytes(session.to_bytes()).workshop
    assert saved.review_b.assessments["OR-HOF-01"].is_condition

    assert "already" in view.carry_decisions()  # a second time: nothing to do
    assert session.undo_stack.count() == steps + 1

    session.undo_stack.undo()
    assert session.workshop.review_a.assessments["OR-HOF-01"] == before_a
    assert session.workshop.review_b.assessments["STR-PART-01"].measure == ""
    session.undo_stack.redo()
    assert session.workshop.review_b.assessments["STR-PART-01"].measure == "Bewonersavond"
