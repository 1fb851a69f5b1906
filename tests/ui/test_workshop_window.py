"""Workshops in the main window: new, open, save, undo, prompts, recovery, export, revisions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from reviewer.domain.plan import Plan
from reviewer.domain.review import new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.paths import ROOT
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.storage.workshop_file import load_workshop
from reviewer.ui import app as app_module
from reviewer.ui import main_window as main_window_module
from reviewer.ui import workshop_controller
from reviewer.ui.autosave import leftover_recoveries
from reviewer.ui.main_window import APP_NAME, MainWindow
from reviewer.ui.workshop import dialogs as workshop_dialogs
from reviewer.ui.workshop.revision import RevisionDialog
from tests.ui.test_workshop_session import OPEN, workshop_reviews


class Asked:
    """Replaces the workshop dialogs: records the calls, gives queued answers."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []
        self.answers: dict[str, list] = {}

    def reply(self, name: str, *answers) -> None:
        self.answers.setdefault(name, []).extend(answers)

    def make(self, name: str):
        def fake(*args, **kwargs):
            self.calls.append((name, args))
            queue = self.answers.get(name) or [None]
            return queue.pop(0)

        return fake


@pytest.fixture(autouse=True)
def asked(monkeypatch) -> Asked:
    fake = Asked()
    for name in ("ask_review_pair", "ask_workshop_save_path", "ask_earlier_revision"):
        monkeypatch.setattr(workshop_dialogs, name, fake.make(name))
    return fake


@pytest.fixture
def review_files(tmp_path, plan, checklist) -> tuple[Path, Path]:
    a, b = workshop_reviews(plan, checklist)
    path_a, path_b = tmp_path / "veiligheid.review", tmp_path / "cohesie.review"
    save_review(a, path_a)
    save_review(b, path_b)
    return path_a, path_b


@pytest.fixture
def workshop_window(window, review_files, asked):
    # chosen in the "wrong" order: the safety review still becomes A
    asked.reply("ask_review_pair", (review_files[1], review_files[0]))
    assert window.new_workshop()
    return window


def test_new_workshop_shows_the_workshop_view(workshop_window, review_files, fake_dialogs):
    window = workshop_window
    assert window.session is None and window.workshop is not None
    assert window.stack.currentWidget() is window.workshop_view
    assert window.workshop.workshop.review_a.perspective == "safety"
    view = window.workshop_view
    assert view.visible_ids() == OPEN
    assert view.current_id() == OPEN[0]
    # never saved: the title is marked and closing asks
    assert window.windowTitle() == f"Testplan Merelhof (workshop)[*] — {APP_NAME}"
    assert window.isWindowModified()
    assert "Workshop" in window.status_label.text()
    # a workshop's menu instead of the review's
    assert window.workshop_menu.menuAction().isVisible()
    assert not window.review_menu.menuAction().isVisible()
    assert not window.view_menu.menuAction().isVisible()
    assert not window.next_unassessed_action.isEnabled()
    assert window.close_action.text() == "&Close Workshop"
    assert not fake_dialogs.called("show_error") and not fake_dialogs.called("show_info")


def test_different_plans_are_refused_unless_confirmed(
    window, tmp_path, plan, plan_data, checklist, review_files, asked, fake_dialogs
):
    plan_data["identity"]["name"] = "Plan Zuid"
    other = tmp_path / "zuid.review"
    save_review(
        ReviewDocument(new_review(Plan.model_validate(plan_data), checklist, "cohesion")), other
    )
    asked.reply("ask_review_pair", (review_files[0], other))
    assert window.new_workshop() is False  # asked whether to go on: not by default
    ((_parent, title, message, _info, _action),) = fake_dialogs.called("ask_confirm")
    assert title == "The reviews name the plan differently"
    assert "name: “Testplan Merelhof” and “Plan Zuid”" in message
    assert not fake_dialogs.called("show_error")
    assert window.workshop is None and window.stack.currentWidget() is window.start_page


def test_checklist_versions_differing_is_a_warning(
    window, tmp_path, plan, checklist, checklist_data, review_files, asked, fake_dialogs
):
    from reviewer.domain.checklist import checklist_from_data

    checklist_data["version"] = "0.2"
    newer = new_review(plan, checklist_from_data(checklist_data), "cohesion")
    path = tmp_path / "nieuwer.review"
    save_review(ReviewDocument(newer), path)
    asked.reply("ask_review_pair", (review_files[0], path))
    assert window.new_workshop()
    ((_parent, _title, message),) = fake_dialogs.called("show_info")
    assert "0.1" in message and "0.2" in message
    assert window.workshop_view.header.warnings.isVisible()


def test_cancelled_new_workshop_changes_nothing(opened, asked):
    assert opened.new_workshop() is False
    assert opened.session is not None and opened.workshop is None


def test_conclusion_undo_redo_from_the_edit_menu(workshop_window, qtbot):
    window = workshop_window
    workshop = window.workshop
    window.workshop_view.select("OR-HOF-01")
    window.workshop_view.table.setFocus()
    qtbot.keyClick(window.workshop_view.table, Qt.Key.Key_3)  # agreed: does not meet
    assert workshop.conclusion("OR-HOF-01").verdict is Verdict.FAILS
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert workshop.conclusion("OR-HOF-01") is None
    window.redo_action.trigger()
    assert workshop.conclusion("OR-HOF-01").verdict is Verdict.FAILS
    assert window.workshop_view.header.open.value.text() == str(len(OPEN) - 1)


def test_save_and_reopen_a_workshop(workshop_window, tmp_path, asked, fake_dialogs):
    window = workshop_window
    window.workshop.set_conclusion(
        "OR-HOF-01", verdict=Verdict.PARTLY, measure="Poort overdag open", actor="VvE"
    )
    target = tmp_path / "werkplaats.workshop"
    asked.reply("ask_workshop_save_path", target)
    assert window.save()  # never saved: asks where
    ((_parent, suggested),) = [
        args for name, args in asked.calls if name == "ask_workshop_save_path"
    ]
    assert suggested.endswith("Testplan Merelhof.workshop")
    assert target.exists() and not window.isWindowModified()
    assert window.windowTitle() == f"werkplaats.workshop[*] — {APP_NAME}"
    assert window.recent_files()[0] == target.resolve()
    window.workshop.set_conclusion("OR-HOF-01", note="nog met de architect")
    assert window.save()  # now it has a path: no question
    assert len([c for c in asked.calls if c[0] == "ask_workshop_save_path"]) == 1
    assert load_workshop(target).workshop.conclusions["OR-HOF-01"].note == "nog met de architect"

    assert window.close_document()
    assert window.workshop is None and window.stack.currentWidget() is window.start_page
    assert window.open_file(target)
    conclusion = window.workshop.conclusion("OR-HOF-01")
    assert (conclusion.verdict, conclusion.measure, conclusion.actor) == (
        Verdict.PARTLY,
        "Poort overdag open",
        "VvE",
    )
    assert window.workshop.path == target and not window.isWindowModified()
    assert not fake_dialogs.called("show_error")


def test_unsaved_workshop_asks_before_close_and_open(workshop_window, review_path, fake_dialogs):
    window = workshop_window
    fake_dialogs.reply("ask_save_changes", "cancel")
    assert window.open_file(review_path) is False
    assert window.workshop is not None
    fake_dialogs.reply("ask_save_changes", "cancel")
    assert window.close() is False
    fake_dialogs.reply("ask_save_changes", "discard")
    assert window.open_file(review_path)  # a review replaces the workshop
    assert window.workshop is None and window.session is not None
    assert window.stack.currentWidget() is window.splitter
    assert window.review_menu.menuAction().isVisible()
    assert not window.workshop_menu.menuAction().isVisible()
    assert window.close_action.text() == "&Close Review"
    assert len(fake_dialogs.called("ask_save_changes")) == 3


def test_a_broken_workshop_file_is_reported(window, tmp_path, fake_dialogs):
    bad = tmp_path / "kapot.workshop"
    bad.write_bytes(b"not a zip")
    assert window.open_file(bad) is False
    ((_parent, title, message),) = fake_dialogs.called("show_error")
    assert title == "The workshop cannot be opened"
    assert "kapot.workshop" in message


def test_drop_a_workshop_file(window, workshop_window, tmp_path, asked):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    target = tmp_path / "drop.workshop"
    asked.reply("ask_workshop_save_path", target)
    assert window.save_as()
    window.close_document()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.workshop is not None and window.workshop.path == target


def test_autosave_and_recovery_of_a_workshop(workshop_window, qtbot, fake_dialogs):
    window = workshop_window
    window.workshop.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY, measure="Poort open")
    path = window.autosave.save_now()
    assert path is not None and path.suffix == ".workshop"
    meta = json.loads(path.with_suffix(".json").read_text())
    assert meta["kind"] == "workshop" and meta["original"] == ""
    assert load_workshop(path).workshop.conclusions["OR-HOF-01"].measure == "Poort open"
    assert leftover_recoveries(path.parent) == []  # the running window holds the lock
    window.autosave._lock.unlock()  # as if its process had died
    window.autosave._lock = None

    second = MainWindow()
    qtbot.addWidget(second)
    fake_dialogs.reply("ask_recover", "recover")
    assert second.offer_recovery()
    assert second.workshop is not None and second.session is None
    assert second.workshop.conclusion("OR-HOF-01").measure == "Poort open"
    assert second.isWindowModified() and second.workshop.path is None
    assert second.stack.currentWidget() is second.workshop_view


def test_clean_save_removes_the_workshop_recovery_file(workshop_window, tmp_path, asked):
    window = workshop_window
    window.workshop.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY)
    path = window.autosave.save_now()
    assert path.exists()
    asked.reply("ask_workshop_save_path", tmp_path / "w.workshop")
    assert window.save()
    assert not path.exists() and not path.with_suffix(".json").exists()


def test_example_workshop(window, review_files, monkeypatch, fake_dialogs):
    monkeypatch.setattr(workshop_controller, "EXAMPLE_WORKSHOP", review_files)
    monkeypatch.setattr(main_window_module, "EXAMPLES", review_files[0].parent)
    window.retranslate()
    window._update_state()
    assert window.example_workshop_action.isEnabled()
    assert window.start_page.example_workshop_button.isEnabled()
    window.start_page.example_workshop_button.click()
    assert window.workshop is not None
    assert window.workshop.path is None and not window.isWindowModified()  # a clean copy
    assert "F3" in window.statusBar().currentMessage()


def test_example_workshop_missing_disables_the_action(window, tmp_path, monkeypatch, fake_dialogs):
    monkeypatch.setattr(
        workshop_controller, "EXAMPLE_WORKSHOP", (tmp_path / "a.review", tmp_path / "b.review")
    )
    window.retranslate()
    window._update_state()
    assert not window.example_workshop_action.isEnabled()
    assert not window.start_page.example_workshop_button.isEnabled()
    assert window.open_example_workshop() is False
    assert fake_dialogs.called("show_error")


def test_bundled_example_workshop_if_installed(window):
    if not all(p.exists() for p in workshop_controller.EXAMPLE_WORKSHOP):
        pytest.skip("the example reviews are not generated yet")
    assert window.open_example_workshop()
    assert window.workshop.comparison.items


def test_first_document_can_be_a_workshop(qtbot, workshop_window, tmp_path, asked):
    target = tmp_path / "start.workshop"
    asked.reply("ask_workshop_save_path", target)
    assert workshop_window.save()
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert app_module.open_first_document(fresh, target)
    assert fresh.workshop is not None and fresh.workshop.path == target


def test_screenshot_of_a_workshop(workshop_window, tmp_path, asked):
    target = tmp_path / "shot.workshop"
    asked.reply("ask_workshop_save_path", target)
    assert workshop_window.save()
    out = tmp_path / "workshop.png"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", str(target), "--screenshot", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


# ---------------------------------------------------------------- export


def fake_report(monkeypatch, **functions):
    module = types.ModuleType("reviewer.report")
    module.ReportError = type("ReportError", (Exception,), {})
    module.export_report = lambda *a, **k: None
    for name, function in functions.items():
        setattr(module, name, function)
    monkeypatch.setitem(sys.modules, "reviewer.report", module)
    return module


def test_export_writes_the_workshop_report(
    workshop_window, qtbot, tmp_path, monkeypatch, fake_dialogs
):
    window = workshop_window
    seen = {}

    def export_workshop_file_report(source, output, *, lang="nl", progress=None):
        seen["thread"] = threading.current_thread() is threading.main_thread()
        seen["conclusion"] = source.workshop.conclusions["OR-HOF-01"].verdict
        seen["lang"] = lang
        progress(1, 1)
        Path(output).write_bytes(b"%PDF-1.4 fake")
        return Path(output)

    fake_report(monkeypatch, export_workshop_file_report=export_workshop_file_report)
    window.workshop.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY)
    window._update_state()
    assert window.export_action.isEnabled()
    out = tmp_path / "werkplaats.pdf"
    fake_dialogs.reply("ask_export_path", out)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window._export_job is None, timeout=10_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert seen == {"thread": False, "conclusion": Verdict.PARTLY, "lang": "en"}
    assert fake_dialogs.called("ask_yes_no")


def test_without_the_workshop_report_export_is_disabled(workshop_window, monkeypatch):
    fake_report(monkeypatch)  # a report package without the workshop report
    workshop_window._update_state()
    assert not workshop_window.export_action.isEnabled()
    assert "not available" in workshop_window.export_action.toolTip()


# ---------------------------------------------------------------- revisions


@pytest.fixture
def revisions(tmp_path, plan, plan_data, checklist):
    """VO-1 where the entrance fails, and VO-2 (the open review) where it is resolved."""
    old = new_review(plan, checklist, "safety")
    set_verdict(old, "OR-HOF-01", Verdict.MEETS)
    old_path = tmp_path / "vo1.review"
    save_review(ReviewDocument(old), old_path)
    plan_data["identity"]["revision"] = "VO-2"
    plan_data["entrances"][1]["dwellings_served"] = 9  # B now serves nine dwellings
    new = new_review(Plan.model_validate(plan_data), checklist, "safety")
    set_verdict(new, "OR-HOF-01", Verdict.FAILS)
    new_path = tmp_path / "vo2.review"
    save_review(ReviewDocument(new), new_path)
    return old_path, new_path


def test_revision_comparison_lists_a_resolved_item(window, revisions, asked, fake_dialogs):
    old_path, new_path = revisions
    assert window.open_file(new_path)
    assert window.compare_revision_action.isEnabled()
    asked.reply("ask_earlier_revision", old_path)
    window.compare_revision_action.trigger()
    dialog = window.revision_dialog
    assert isinstance(dialog, RevisionDialog) and dialog.isVisible()
    statuses = {
        dialog.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1): dialog.proxy.index(
            row, 4
        ).data()
        for row in range(dialog.proxy.rowCount())
    }
    assert statuses["GEB-ENTREE-01"] == "resolved"
    assert dialog.visible_ids()[0] == "GEB-ENTREE-01"  # grouped: the resolved ones first
    assert statuses["OR-HOF-01"] == "new"
    assert statuses["GEB-PLINT-01"] == "still open"
    assert "OR-LICHT-01" not in statuses  # unchanged rows are hidden
    dialog.show_unchanged.setChecked(True)
    assert "OR-LICHT-01" in dialog.visible_ids()
    assert "VO-2 compared with VO-1" in dialog.heading.text()
    assert "1 resolved" in dialog.counts.text()
    # a row opens that criterion in the review
    window.show_view(2)
    dialog.criterionActivated.emit("GEB-ENTREE-01")
    assert window.criterion_panel.criterion_id == "GEB-ENTREE-01"
    assert window.tabs.currentIndex() == 0
    # the dialog belongs to this review: it goes when the review does
    window.close_document()
    assert window.revision_dialog is None


def test_revision_comparison_of_different_plans_is_refused(
    opened, tmp_path, plan_data, checklist, asked, fake_dialogs
):
    plan_data["identity"]["name"] = "Plan Zuid"
    other = tmp_path / "zuid.review"
    save_review(
        ReviewDocument(new_review(Plan.model_validate(plan_data), checklist, "safety")), other
    )
    asked.reply("ask_earlier_revision", other)
    assert opened.compare_revision() is False
    ((_parent, title, message),) = fake_dialogs.called("show_error")
    assert title == "These reviews cannot be compared"
    assert "different plans" in message
    assert opened.revision_dialog is None


def test_an_unchanged_verdict_with_new_notes_is_listed(window, revisions, asked):
    old_path, new_path = revisions
    assert window.open_file(new_path)
    window.session.set_text("OR-LICHT-01", "notes", "Lantaarns verplaatst")
    asked.reply("ask_earlier_revision", old_path)
    assert window.compare_revision()
    dialog = window.revision_dialog
    assert "OR-LICHT-01" in dialog.visible_ids()  # its verdict is unchanged, its notes not
    row = dialog.visible_ids().index("OR-LICHT-01")
    assert dialog.proxy.index(row, 4).data() == "unchanged"
    assert dialog.proxy.index(row, 5).data() == "notes"
    assert "(1 with other changes)" in dialog.counts.text()
    window._close_revision_dialog()


def test_revision_report_export(
    window, revisions, asked, qtbot, tmp_path, monkeypatch, fake_dialogs
):
    old_path, new_path = revisions
    seen = {}

    def export_revision_report(old, new, output, *, lang="nl", progress=None):
        seen["revisions"] = (old.review.plan.identity.revision, new.review.plan.identity.revision)
        Path(output).write_bytes(b"%PDF-1.4 fake")
        return Path(output)

    fake_report(monkeypatch, export_revision_report=export_revision_report)
    assert window.open_file(new_path)
    asked.reply("ask_earlier_revision", old_path)
    assert window.compare_revision()
    dialog = window.revision_dialog
    assert dialog.export_button.isEnabled()
    out = tmp_path / "revisies.pdf"
    fake_dialogs.reply("ask_export_path", out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window._export_job is None, timeout=10_000)
    assert seen["revisions"] == ("VO-1", "VO-2")
    assert out.exists()


def test_revision_export_disabled_without_the_report(window, revisions, asked, monkeypatch):
    fake_report(monkeypatch)
    old_path, new_path = revisions
    assert window.open_file(new_path)
    asked.reply("ask_earlier_revision", old_path)
    assert window.compare_revision()
    assert not window.revision_dialog.export_button.isEnabled()
    assert "not available" in window.revision_dialog.export_button.toolTip()


def test_revision_model_passes_qtmodeltester(qtmodeltester, revisions):
    from reviewer.domain.compare import compare_revisions
    from reviewer.ui.workshop.revision import RevisionModel

    old, new = (load_review(p).review for p in revisions)
    items, _ = compare_revisions(old, new)
    model = RevisionModel()
    qtmodeltester.check(model)
    model.set_items(new, items)
    qtmodeltester.check(model)


def test_real_workshop_and_revision_reports(
    workshop_window, revisions, asked, qtbot, tmp_path, fake_dialogs
):
    window = workshop_window
    window.workshop.set_conclusion("OR-HOF-01", verdict=Verdict.PARTLY, measure="Poort open")
    window._update_state()
    assert window.export_action.isEnabled()
    out = tmp_path / "workshop.pdf"
    fake_dialogs.reply("ask_export_path", out)
    window.export_pdf()
    qtbot.waitUntil(lambda: window._export_job is None, timeout=60_000)
    assert not fake_dialogs.called("show_error")
    assert out.read_bytes().startswith(b"%PDF")

    old_path, new_path = revisions
    fake_dialogs.reply("ask_save_changes", "discard")
    assert window.open_file(new_path)
    asked.reply("ask_earlier_revision", old_path)
    assert window.compare_revision()
    assert window.revision_dialog.export_button.isEnabled()
    out = tmp_path / "revisies.pdf"
    fake_dialogs.reply("ask_export_path", out)
    window.revision_dialog.export_button.click()
    qtbot.waitUntil(lambda: window._export_job is None, timeout=60_000)
    assert not fake_dialogs.called("show_error")
    assert out.read_bytes().startswith(b"%PDF")


def test_keys_walk_the_workshop_then_the_review_again(workshop_window, review_path, qtbot):
    window = workshop_window
    view = window.workshop_view
    table = view.table
    table.setFocus()
    assert view.current_id() == OPEN[0]
    qtbot.keyClick(table, Qt.Key.Key_F3)  # the workshop's F3, not the review's
    assert view.current_id() == OPEN[1]
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_id() == OPEN[2]
    qtbot.keyClick(
        table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert view.detail.measure_edit.hasFocus()
    assert window.toolbar.widgetForAction(view.next_open_action).isVisible()
    # a review again: F3 and the digits are the review's
    assert window.open_file(review_path)
    assert not view.next_open_action.isEnabled()
    button = window.toolbar.widgetForAction(view.next_open_action)
    qtbot.waitUntil(lambda: not button.isVisible())  # the toolbar relayouts on its own time
    window.navigator.tree.setFocus()
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_F3)
    current = window.criterion_panel.criterion_id
    assert current is not None
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_1)
    assert window.session.review.assessments[current].verdict is Verdict.MEETS


def test_in_dutch_at_1280_px_the_verdict_buttons_and_titles_can_be_read(window, qtbot):
    # seen in a screenshot: "Voldoet gedeelte", "Niet van toepass", and a title column of
    # a few letters beside verdict columns as wide as "voldoet gedeeltelijk"
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.i18n import set_language
    from reviewer.ui.workshop.models import Column

    set_language("nl")
    window.resize(1280, 800)
    assert window.open_example_workshop()
    view = window.workshop_view
    view.select(window.workshop.comparison.items[0].criterion_id)
    for _ in range(3):
        QApplication.processEvents()
    for button in view.detail.verdict_buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
    assert view.table.columnWidth(Column.TITLE) >= 110
