"""A workshop of two reviews that differ in how they describe the plan.

The name, address or municipality differ: the refusal names the field with both values,
in the interface's language, and the person may go on after confirming. The facts
differ: the workshop lists the plan differences and marks the criteria whose rules read
them. And a new workshop starts from the review that is open.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, new_review
from reviewer.storage.review_file import ReviewDocument, save_review
from reviewer.storage.workshop_file import load_workshop
from reviewer.ui.i18n import set_language
from reviewer.ui.workshop import dialogs as workshop_dialogs
from reviewer.ui.workshop.dialogs import NewWorkshopDialog
from reviewer.ui.workshop.models import Column, Role

SHOTS = Path(os.environ.get("REVIEWER_SHOTS", "")) if os.environ.get("REVIEWER_SHOTS") else None


def _save(tmp_path: Path, name: str, data: dict, checklist, perspective: str) -> Path:
    who = Reviewer(name="Marieke Hofstra" if perspective == "safety" else "Jeroen Wessels")
    review = new_review(Plan.model_validate(data), checklist, perspective, who)
    path = tmp_path / name
    save_review(ReviewDocument(review), path)
    return path


@pytest.fixture
def pair_asked(monkeypatch):
    """ask_review_pair answers with what the test puts in the list; records its calls."""
    calls: list[tuple] = []
    answers: list = []

    def fake(*args, **kwargs):
        calls.append((args, kwargs))
        return answers.pop(0) if answers else None

    monkeypatch.setattr(workshop_dialogs, "ask_review_pair", fake)
    return answers, calls


@pytest.fixture
def other_address(tmp_path, plan_data, checklist) -> tuple[Path, Path]:
    """The same plan, name and all, with another house number on side B."""
    data_b = copy.deepcopy(plan_data)
    data_b["identity"]["address"] = "Merelhof 3"
    return (
        _save(tmp_path, "veiligheid.review", plan_data, checklist, "safety"),
        _save(tmp_path, "cohesie.review", data_b, checklist, "cohesion"),
    )


def test_refusal_names_the_address_with_both_values(
    window, other_address, pair_asked, fake_dialogs
):
    answers, _ = pair_asked
    answers.append(other_address)
    assert window.new_workshop() is False  # the default answer: don't go on
    ((_parent, title, text, info, action),) = fake_dialogs.called("ask_confirm")
    assert title == "The reviews name the plan differently"
    assert "address" in text and "“Merelhof 1”" in text and "“Merelhof 3”" in text
    assert "veiligheid.review" in text and "cohesie.review" in text
    assert "Testplan Merelhof" not in text  # the name is the same: not named as a difference
    assert "same plan" in info and action == "Compare Anyway"
    assert not fake_dialogs.called("show_error")
    assert window.workshop is None


def test_refusal_in_dutch(window, other_address, pair_asked, fake_dialogs):
    set_language("nl")
    answers, _ = pair_asked
    answers.append(other_address)
    assert window.new_workshop() is False
    ((_parent, title, text, info, action),) = fake_dialogs.called("ask_confirm")
    assert title == "De beoordelingen noemen het plan verschillend"
    assert "adres" in text and "“Merelhof 1”" in text and "“Merelhof 3”" in text
    assert "address" not in text and "different" not in text
    assert "hetzelfde plan" in info and action == "Toch vergelijken"


def test_confirmed_the_workshop_opens_saves_and_reopens(
    window, other_address, pair_asked, fake_dialogs, tmp_path, monkeypatch
):
    answers, _ = pair_asked
    answers.append(other_address)
    fake_dialogs.reply("ask_confirm", True)
    assert window.new_workshop()
    workshop = window.workshop
    assert workshop is not None and workshop.workshop.same_plan_confirmed
    header = window.workshop_view.header
    assert "address ‘Merelhof 1’ and ‘Merelhof 3’" in header.warnings.text()
    target = tmp_path / "werksessie.workshop"
    monkeypatch.setattr(workshop_dialogs, "ask_workshop_save_path", lambda *a, **k: target)
    assert window.save_as()
    assert load_workshop(target).workshop.same_plan_confirmed


def test_another_plan_name_is_named_too(
    window, tmp_path, plan_data, checklist, pair_asked, fake_dialogs
):
    data_b = copy.deepcopy(plan_data)
    data_b["identity"]["name"] = "Plan Zuid"
    data_b["identity"]["municipality"] = "Zeist"
    answers, _ = pair_asked
    answers.append(
        (
            _save(tmp_path, "a.review", plan_data, checklist, "safety"),
            _save(tmp_path, "b.review", data_b, checklist, "cohesion"),
        )
    )
    assert window.new_workshop() is False
    ((_parent, _title, text, _info, _action),) = fake_dialogs.called("ask_confirm")
    assert "name: “Testplan Merelhof” and “Plan Zuid”" in text
    assert "municipality: “Utrecht” and “Zeist”" in text


# ---------------------------------------------------------------- plan differences


@pytest.fixture
def differing(tmp_path, plan_data, checklist) -> tuple[Path, Path]:
    """Entrance B has 14 dwellings on A, 9 on B; gallery G1's length is on A only; a
    measuring point is on B only; A confirmed there are no cameras."""
    data_a = copy.deepcopy(plan_data)
    data_a["confirmed_none"] = ["cameras"]
    data_b = copy.deepcopy(plan_data)
    data_b["entrances"][1]["dwellings_served"] = 9
    del data_b["galleries"][0]["length_m"]
    data_b["lighting"].append({"id": "L2", "location": "Hofpoort", "eh_avg_lx": 1})
    return (
        _save(tmp_path, "veiligheid.review", data_a, checklist, "safety"),
        _save(tmp_path, "cohesie.review", data_b, checklist, "cohesion"),
    )


def test_the_workshop_lists_plan_differences_and_marks_what_rests_on_them(
    window, differing, pair_asked, fake_dialogs, qtbot, tmp_path
):
    answers, _ = pair_asked
    answers.append(differing)
    assert window.new_workshop()
    view = window.workshop_view
    panel = view.plan_differences
    assert panel.isVisible()
    table = panel.table
    rows = [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]
    assert rows == [
        ("Entrance B", "dwellings", "14", "9"),
        ("Gallery G1", "length", "70 m", "not given"),
        ("Measuring point L2", "", "not in the plan", "in the plan"),
        ("Cameras", "confirmed none", "none in the plan", "not filled in"),
    ]
    assert "4" in panel.title()
    # the criteria whose rules read them are marked in the list, with the facts named
    model = view.model
    row = model.row_of("GEB-ENTREE-01")
    index = model.index(row, Column.FACTS)
    assert model.data(index) == "≠"
    assert model.data(index, Role.DIFFERING_FACTS) is True
    tip = model.data(index, 3)  # ToolTipRole
    assert "Rests on differing plan facts" in tip and "Entrance B: dwellings (A 14, B 9)" in tip
    unmarked = model.index(model.row_of("STR-PART-01"), Column.FACTS)
    assert model.data(unmarked) is None and model.data(unmarked, Role.DIFFERING_FACTS) is False
    # GEB-ENTREE-01 is a conflict that comes from the facts: its detail says so
    assert view.select("GEB-ENTREE-01")
    assert view.detail.facts_note.isVisible()
    assert "Entrance B: dwellings" in view.detail.facts_note.text()
    assert view.select("STR-PART-01")
    assert not view.detail.facts_note.isVisible()
    # a difference chosen in the list selects the first criterion that rests on it
    panel.table.setCurrentCell(0, 0)
    assert view.current_id() == "GEB-ENTREE-01"
    window.resize(1400, 900)
    qtbot.wait(50)
    shot = (SHOTS or tmp_path) / "workshop-plan-differences.png"
    assert window.grab().save(str(shot))


def test_without_plan_differences_the_list_is_hidden(
    window, tmp_path, plan_data, checklist, pair_asked
):
    answers, _ = pair_asked
    answers.append(
        (
            _save(tmp_path, "a.review", plan_data, checklist, "safety"),
            _save(tmp_path, "b.review", plan_data, checklist, "cohesion"),
        )
    )
    assert window.new_workshop()
    assert not window.workshop_view.plan_differences.isVisible()


# ---------------------------------------------------------------- the open review


def test_the_new_workshop_dialog_prefills_the_open_review(qtbot, tmp_path):
    path = tmp_path / "veiligheid.review"
    path.write_text("x")
    dialog = NewWorkshopDialog(None, str(tmp_path), current=path, perspective="safety")
    qtbot.addWidget(dialog)
    assert [e.text() for e in dialog.edits] == [str(path), ""]
    assert dialog.edits[1].hasFocus() or dialog.focusWidget() is dialog.edits[1]
    cohesion = NewWorkshopDialog(None, str(tmp_path), current=path, perspective="cohesion")
    qtbot.addWidget(cohesion)
    assert [e.text() for e in cohesion.edits] == ["", str(path)]


def test_new_workshop_starts_from_the_open_review(opened, review_path, pair_asked):
    _answers, calls = pair_asked
    assert opened.new_workshop() is False  # cancelled
    ((args, kwargs),) = calls
    assert args[1] == str(review_path.parent)
    assert kwargs == {"current": review_path, "perspective": "safety"}


def test_the_real_dialog_shows_the_open_review(opened, review_path, qtbot, monkeypatch):
    """Through the main window to the real dialog, which is read and cancelled."""
    seen: list[list[str]] = []

    def cancel(dialog):
        seen.append([e.text() for e in dialog.edits])
        return NewWorkshopDialog.DialogCode.Rejected

    monkeypatch.setattr(NewWorkshopDialog, "exec", cancel)
    assert opened.new_workshop() is False
    assert seen == [[str(review_path), ""]]
