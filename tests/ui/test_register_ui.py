"""The register window: File → Register… (Ctrl+R) searches as you type into a sortable
table, and Enter on a hit opens it in the main window; a register that cannot be reached
is one message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.paths import RESOURCES
from reviewer.storage.register import Register, document_files, import_files
from reviewer.storage.register import settings as register_settings
from reviewer.ui.workshop.revision import EDITS


@pytest.fixture
def team_register(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    with Register.open(url) as register:
        import_files(register, document_files(RESOURCES / "examples"), saved_by="anna")
    monkeypatch.setattr(register_settings, "config_dir", lambda: tmp_path / "config")
    register_settings.save_url(url)
    return url


def test_search_as_you_type_sort_and_open(window, qtbot, team_register, tmp_path):
    window.register_action.trigger()
    reg = window.register_window
    assert reg is not None and reg.isVisible()
    qtbot.waitUntil(lambda: reg.model.rowCount() == 3)
    qtbot.keyClicks(reg.search_field, "zwolle")
    qtbot.waitUntil(lambda: reg.model.rowCount() == 2 and not reg.searching)
    assert {h.municipality for h in reg.model.hits} == {"Zwolle"}
    qtbot.keyClicks(reg.search_field, " hofstra")  # the adviser narrows it to one
    qtbot.waitUntil(lambda: reg.model.rowCount() == 1 and not reg.searching)
    reg.search_field.clear()
    qtbot.waitUntil(lambda: reg.model.rowCount() == 3 and not reg.searching)
    # sorted by the adviser column, then the other way round
    adviser = reg.model.columnCount() - 1
    reg.table.sortByColumn(adviser, Qt.SortOrder.AscendingOrder)
    first = reg.proxy.index(0, adviser).data()
    reg.table.sortByColumn(adviser, Qt.SortOrder.DescendingOrder)
    assert reg.proxy.index(reg.proxy.rowCount() - 1, adviser).data() == first
    reg.grab().save(str(tmp_path / "register.png"))
    # Enter in the search field opens the top hit
    qtbot.keyClicks(reg.search_field, "amersfoort")
    qtbot.waitUntil(lambda: reg.model.rowCount() == 1 and not reg.searching)
    qtbot.keyClick(reg.search_field, Qt.Key.Key_Return)
    document = window.document
    assert document is not None
    assert document.document.review.plan.identity.municipality == "Amersfoort"
    assert document.register_ref.version == 1
    assert document.path is None  # Save asks for a file (saving to the register: not yet)


def test_double_click_opens_a_hit(window, qtbot, team_register):
    window.register_action.trigger()
    reg = window.register_window
    qtbot.waitUntil(lambda: reg.model.rowCount() == 3 and not reg.searching)
    index = reg.proxy.index(1, 1)
    reg.table.doubleClicked.emit(index)
    hit = reg.model.hits[reg.proxy.mapToSource(index).row()]
    assert window.document.document.review.plan.identity.name == hit.plan_name


def test_an_unreachable_register_is_one_message(window, fake_dialogs, tmp_path, monkeypatch):
    monkeypatch.setattr(register_settings, "config_dir", lambda: tmp_path / "config")
    register_settings.save_url("postgresql://anna@127.0.0.1:1/register")
    monkeypatch.setenv(register_settings.PASSWORD_ENV, "x")
    assert not window.open_register()
    (_parent, _title, message), *_ = fake_dialogs.called("show_error")
    assert "cannot reach" in message and window.register_window is None


def _open_first(window, team_register):
    """Open the Amersfoort review from the register; returns (its id, a second Register
    connection standing for a colleague's app)."""
    window.register_action.trigger()
    reg = window.register_window
    hit = reg.register.search("amersfoort")[0]
    assert window.open_from_register(hit.document_id)
    return hit.document_id, Register.open(team_register)


def _note(window, text):
    criterion = next(iter(window.session.review.assessments))
    window.session.set_text(criterion, "notes", text)
    return criterion


def test_save_goes_to_the_register_with_a_new_version(window, team_register):
    document_id, other = _open_first(window, team_register)
    criterion = _note(window, "gezien bij het schouwen")
    assert window.document.is_modified
    assert window.save()
    assert not window.document.is_modified and window.document.register_ref.version == 2
    with other:
        stored = other.open_document(document_id)
        assert stored.stored.version == 2
        assert stored.document.review.assessments[criterion].notes == "gezien bij het schouwen"


def test_a_slow_server_does_not_freeze_the_window_while_saving(
    window, team_register, monkeypatch, qtbot
):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from reviewer.ui import background

    document_id, other = _open_first(window, team_register)
    other.close()
    real_save = Register.save

    def slow_save(self, *args, **kwargs):
        time.sleep(1.0)  # a server far away
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Register, "save", slow_save)
    criterion = _note(window, "opgeslagen over een trage lijn")
    seen = {}

    def during():  # runs only if the window's event loop runs while it waits
        seen["waiting"] = background.is_waiting()
        busy = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen["dialog"] = [d.labelText() for d in busy]
        seen["modified"] = window.document.is_modified

    QTimer.singleShot(700, during)
    started = time.monotonic()
    assert window.save()
    assert time.monotonic() - started >= 1.0
    assert seen["waiting"] is True
    assert seen["dialog"] and "Saving to the register" in seen["dialog"][0]
    assert seen["modified"] is True  # not yet marked saved while it was saving
    assert not window.document.is_modified and window.document.register_ref.version == 2
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    with Register.open(team_register) as again:
        saved = again.open_document(document_id).document
    assert saved.review.assessments[criterion].notes == "opgeslagen over een trage lijn"


def test_a_failure_in_the_wait_reaches_the_caller(qtbot):
    from PySide6.QtWidgets import QWidget

    from reviewer.storage.register import RegisterError
    from reviewer.ui.background import wait_for

    parent = QWidget()
    qtbot.addWidget(parent)
    assert wait_for(parent, lambda: 41 + 1, title="t", label="l") == 42

    def fails():
        raise RegisterError("cannot reach the register")

    with pytest.raises(RegisterError, match="cannot reach"):
        wait_for(parent, fails, title="t", label="l")


def test_a_conflict_refuses_the_save_and_offers_reload_or_save_as_new(
    window, team_register, fake_dialogs
):
    from reviewer.domain.review import Reviewer

    document_id, other = _open_first(window, team_register)
    with other:
        theirs = other.open_document(document_id)
        doc = theirs.document
        doc.review = doc.review.model_copy(update={"reviewer": Reviewer(name="Bob Bakker")})
        other.save(document_id, doc, base_version=1, saved_by="bob")
        criterion = _note(window, "mijn aantekening")
        # cancel: nothing saved, the document stays open and unsaved
        assert not window.save()
        (_, _name, who, when), *_ = fake_dialogs.called("ask_register_conflict")
        assert who == "bob" and when
        assert window.document.is_modified
        assert other.open_document(document_id).document.review.reviewer.name == "Bob Bakker"
        # save as new: a second document in the same dossier; Bob's stays as it was
        fake_dialogs.reply("ask_register_conflict", "save_new")
        assert window.save()
        ref = window.document.register_ref
        assert ref.document_id != document_id and ref.version == 1
        assert not window.document.is_modified
        dossier = other.dossier_documents(theirs.stored.dossier_id)
        assert {h.document_id for h in dossier} == {document_id, ref.document_id}
        mine = other.open_document(ref.document_id).document.review
        assert mine.assessments[criterion].notes == "mijn aantekening"
        assert other.open_document(document_id).document.review.reviewer.name == "Bob Bakker"
        # reload: theirs replaces the open copy
        other.save(
            ref.document_id,
            other.open_document(ref.document_id).document,
            base_version=1,
            saved_by="bob",
        )
        _note(window, "nog een")
        fake_dialogs.reply("ask_register_conflict", "reload")
        assert window.save()
        assert window.document.register_ref.version == 2
        assert not window.document.is_modified


def test_a_register_gone_mid_session_is_one_message_and_the_work_stays(
    window, team_register, fake_dialogs, tmp_path
):
    _document_id, other = _open_first(window, team_register)
    other.close()
    _note(window, "niet kwijtraken")
    register = window.register_window.register
    register.engine.dispose()  # the next save opens a new connection
    (tmp_path / "team.sqlite").write_bytes(b"the disk was replaced" * 1000)
    for name in ("team.sqlite-wal", "team.sqlite-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    assert not window.save()
    (_, _title, message), *_ = fake_dialogs.called("show_error")
    assert "register" in message
    assert window.document.is_modified  # still open, still unsaved


def test_autosave_recovery_keeps_the_register_as_the_place_to_save(window, team_register, qtbot):
    from reviewer.ui.autosave import leftover_recoveries

    document_id, other = _open_first(window, team_register)
    other.close()
    criterion = _note(window, "na de crash")
    path = window.autosave.save_now()
    assert path is not None
    # as after a crash: the next start finds the recovery with its register location
    window.autosave._lock.unlock()
    (recovery,) = leftover_recoveries(window.autosave.folder)
    assert recovery.register["document_id"] == document_id
    from reviewer.ui.main_window import MainWindow

    after_crash = MainWindow()
    qtbot.addWidget(after_crash)
    assert after_crash.recover(recovery)
    assert after_crash.document.register_ref.document_id == document_id
    assert after_crash.document.is_modified
    assert after_crash.save()
    with Register.open(team_register) as register:
        stored = register.open_document(document_id)
        assert stored.stored.version == 2
        assert stored.document.review.assessments[criterion].notes == "na de crash"


def test_the_statistics_tab_draws_the_figures(window, qtbot, team_register, tmp_path):
    window.register_action.trigger()
    reg = window.register_window
    reg.tabs.setCurrentWidget(reg.stats_view)
    view = reg.stats_view
    assert view.stats is not None and view.stats.reviews == 3
    assert "3" in view.summary.text()
    assert len(view.per_period.rows) == 1  # the examples fall in one quarter
    assert {m for m, _ in view.per_municipality.rows} == {"Zwolle", "Amersfoort"}
    assert view.failing.shares and view.failing.shares[0][2].startswith("3/")
    view.period.setCurrentIndex(0)  # per month: the figures are read again
    assert view.stats.period == "month"
    qtbot.wait(50)  # the layout takes the charts' new heights
    reg.grab().save(str(tmp_path / "register-stats.png"))
    image = view.failing.grab().toImage()
    red = image.pixelColor(int(image.width() * 0.7), 12)
    assert red.red() > 150 and red.green() < 100  # a failing bar is drawn


def test_compare_in_a_conflict_shows_their_version_beside_mine_and_saves_nothing(
    window, team_register, fake_dialogs
):
    from reviewer.domain.review import set_verdict
    from reviewer.domain.verdict import Verdict

    document_id, other = _open_first(window, team_register)
    with other:
        theirs = other.open_document(document_id)
        doc = theirs.document
        # Bob judges a criterion without a rule that the open copy has not judged
        criterion = next(
            c.id
            for c in doc.review.criteria()
            if c.rule is None and doc.review.assessments[c.id].verdict is Verdict.NOT_ASSESSED
        )
        set_verdict(doc.review, criterion, Verdict.FAILS)
        other.save(document_id, doc, base_version=1, saved_by="bob")
        mine = _note(window, "mijn aantekening")
        fake_dialogs.reply("ask_register_conflict", "compare")
        assert not window.save()
        assert window.document.is_modified  # nothing saved over Bob's version
        assert other.open_document(document_id).stored.version == 2
        dialog = window.revision_dialog
        assert dialog is not None and dialog.isVisible()
        changed = {item.criterion_id: item for item in dialog.items}
        # their version is the "old" side, the open review the "new" one
        assert changed[criterion].old is Verdict.FAILS
        assert changed[criterion].new is Verdict.NOT_ASSESSED
        assert "version 2" in str(dialog.old_path)
        # the same revision on both sides (DO-1): the heading says where theirs came from
        assert doc.review.plan.identity.revision
        assert "version 2 in the register" in dialog.heading.text()
        # two copies of one revision: only what differs is listed, Bob's verdict and my
        # note, which changed no verdict and yet is a difference between the two
        assert mine != criterion and changed[mine].edits == ("notes",)
        assert sorted(dialog.visible_ids()) == sorted([criterion, mine])
        row = dialog.visible_ids().index(mine)
        assert dialog.proxy.index(row, EDITS).data() == "notes"
        assert dialog.counts.text() == "2 criteria differ; 1 of them in the verdict"
        dialog.show_unchanged.setChecked(True)  # "Show all criteria"
        assert len(dialog.visible_ids()) == len(dialog.items)


def test_escape_clears_the_search_then_closes_the_register_window(window, qtbot, team_register):
    window.register_action.trigger()
    reg = window.register_window
    qtbot.keyClicks(reg.search_field, "zwolle")
    qtbot.waitUntil(lambda: reg.model.rowCount() == 2 and not reg.searching)
    qtbot.keyClick(reg.search_field, Qt.Key.Key_Escape)
    assert reg.search_field.text() == "" and reg.isVisible()
    qtbot.keyClick(reg.search_field, Qt.Key.Key_Escape)
    assert not reg.isVisible()
    window.register_action.trigger()  # Ctrl+R brings it back, as it was
    assert reg.isVisible() and window.register_window is reg
