"""Nobody's work is overwritten: two windows on one file, locks, recovery against newer
work, and a damaged last-opened file at start-up."""

from __future__ import annotations

import json
import os
import socket
import zlib
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reviewer.domain.verdict import Verdict
from reviewer.storage import container
from reviewer.storage import review_file as review_file_module
from reviewer.storage.ownership import lock_path, read_owner
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.ui import app as app_module
from reviewer.ui.autosave import leftover_recoveries
from reviewer.ui.main_window import MainWindow

CID = "OR-HOF-01"


def new_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def notes_on_disk(path: Path) -> str:
    return load_review(path).review.assessments[CID].notes


def foreign_lock(path: Path, host: str = "werkplek-17", pid: int = 4242) -> None:
    lock_path(path).write_text(
        json.dumps({"user": "anna", "host": host, "pid": pid, "since": "2026-11-30T09:15:00Z"})
    )


def save_elsewhere(path: Path, notes: str) -> None:
    """Somebody else's app saves the file (later than it was opened here)."""
    doc = load_review(path)
    doc.review.assessments[CID] = doc.review.assessments[CID].model_copy(update={"notes": notes})
    stat = path.stat()
    save_review(doc, path)
    later = stat.st_mtime_ns + 2 * 10**9
    os.utime(path, ns=(later, later))


# ---------------------------------------------------------------- two windows, one file


def test_the_second_save_does_not_overwrite_the_first(qtbot, review_path, fake_dialogs):
    a = new_window(qtbot)
    b = new_window(qtbot)
    assert a.open_file(review_path) and b.open_file(review_path)
    a.session.set_text(CID, "notes", "A: hek staat open")
    b.session.set_text(CID, "notes", "B: verlichting ontbreekt")
    assert a.save()
    assert notes_on_disk(review_path) == "A: hek staat open"

    assert b.save() is False  # refused, and said why
    ((_, name, _when, can_compare),) = fake_dialogs.called("ask_conflict")
    assert name == review_path.name and can_compare
    assert notes_on_disk(review_path) == "A: hek staat open"  # A's work survives
    assert b.isWindowModified()  # and B's is still there to save elsewhere
    assert b.session.review.assessments[CID].notes == "B: verlichting ontbreekt"


def test_a_conflict_offers_save_as_under_a_new_name(qtbot, opened, review_path, fake_dialogs):
    window = opened
    save_elsewhere(review_path, "door een collega")
    window.session.set_text(CID, "notes", "mijn versie")
    fake_dialogs.reply("ask_conflict", "save_as")
    fake_dialogs.reply("ask_save_path", lambda parent, suggested: Path(suggested))
    assert window.save()
    ((_, suggested),) = fake_dialogs.called("ask_save_path")
    assert Path(suggested).name == "merelhof (2).review"
    assert notes_on_disk(review_path) == "door een collega"
    assert notes_on_disk(review_path.with_name("merelhof (2).review")) == "mijn versie"
    assert window.session.path.name == "merelhof (2).review"
    # the new file is locked by this window, the old one let go
    assert read_owner(window.session.path).this_process
    assert read_owner(review_path) is None


def test_a_conflict_can_be_compared(qtbot, opened, review_path, fake_dialogs):
    window = opened
    save_elsewhere(review_path, "door een collega")
    window.session.set_verdict(CID, Verdict.MEETS)
    fake_dialogs.reply("ask_conflict", "compare")
    assert window.save() is False
    assert window.revision_dialog is not None
    window._close_revision_dialog()


def test_a_file_touched_with_the_same_bytes_saves_normally(opened, review_path, fake_dialogs):
    stat = review_path.stat()
    os.utime(review_path, ns=(stat.st_mtime_ns + 10**9, stat.st_mtime_ns + 10**9))
    opened.session.set_text(CID, "notes", "gewoon opslaan")
    assert opened.save()
    assert not fake_dialogs.called("ask_conflict")
    assert notes_on_disk(review_path) == "gewoon opslaan"
    opened.session.set_text(CID, "notes", "en nog eens")
    assert opened.save()  # the fingerprint follows our own saves
    assert notes_on_disk(review_path) == "en nog eens"


# ---------------------------------------------------------------- locks


def test_opening_takes_a_lock_and_closing_lets_go(opened, review_path, fake_dialogs):
    owner = read_owner(review_path)
    assert owner is not None and owner.this_process
    assert opened.close_document()
    assert not lock_path(review_path).exists()


def test_a_file_open_elsewhere_opens_read_only(window, review_path, fake_dialogs):
    foreign_lock(review_path)
    assert window.open_file(review_path)
    ((_, name, who, _since, can_take_over),) = fake_dialogs.called("ask_locked")
    assert name == review_path.name and "anna" in who and "werkplek-17" in who
    assert can_take_over  # another host: it may have crashed
    assert "(read-only)" in window.windowTitle()
    assert read_owner(review_path).host == "werkplek-17"  # their lock stays

    window.session.set_text(CID, "notes", "alleen lezen")
    before = review_path.read_bytes()
    assert window.save() is False  # Save asks for another name; none given
    assert fake_dialogs.called("ask_save_path")
    assert review_path.read_bytes() == before
    # choosing the same name again is refused too
    fake_dialogs.reply("ask_save_path", review_path)
    assert window.save() is False
    assert "read-only" in fake_dialogs.called("show_error")[-1][2]
    assert review_path.read_bytes() == before
    # another name works, and that file is ours
    copy = review_path.with_name("kopie.review")
    fake_dialogs.reply("ask_save_path", copy)
    assert window.save()
    assert notes_on_disk(copy) == "alleen lezen"
    assert "(read-only)" not in window.windowTitle()
    window.close_document()
    assert read_owner(review_path).host == "werkplek-17"


def test_a_lock_can_be_taken_over_or_the_open_cancelled(window, review_path, fake_dialogs):
    foreign_lock(review_path)
    fake_dialogs.reply("ask_locked", "cancel")
    assert window.open_file(review_path) is False
    assert window.session is None
    fake_dialogs.reply("ask_locked", "take_over")
    assert window.open_file(review_path)
    assert read_owner(review_path).this_process
    assert "(read-only)" not in window.windowTitle()


def test_a_stale_lock_on_this_host_is_taken_over_without_asking(window, review_path, fake_dialogs):
    import subprocess
    import sys

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    foreign_lock(review_path, host=socket.gethostname(), pid=int(gone.stdout))
    assert window.open_file(review_path)
    assert not fake_dialogs.called("ask_locked")
    assert read_owner(review_path).this_process
    assert "anna" in window.statusBar().currentMessage()


def test_save_as_over_a_file_open_elsewhere_is_refused(opened, tmp_path, review, fake_dialogs):
    other = tmp_path / "van-anna.review"
    save_review(ReviewDocument(review), other)
    foreign_lock(other)
    before = other.read_bytes()
    fake_dialogs.reply("ask_save_path", other)
    assert opened.save_as() is False
    assert "anna" in fake_dialogs.called("show_error")[-1][2]
    assert other.read_bytes() == before


# ---------------------------------------------------------------- recovery


def crashed_copy(qtbot, review_path: Path, notes: str) -> Path:  # type: ignore[no-untyped-def]
    """A window edits the file, autosaves, and 'dies' (its locks let go, nothing saved)."""
    crashed = new_window(qtbot)
    assert crashed.open_file(review_path)
    crashed.session.set_text(CID, "notes", notes)
    path = crashed.autosave.save_now()
    crashed.autosave._lock.unlock()
    crashed.autosave._lock = None
    crashed.session.claim.release()
    crashed.session.claim = None
    crashed.autosave._session = None  # as if the process had gone: nothing cleans up
    crashed.autosave._ident = None
    return path


def test_opening_the_file_by_path_offers_its_recovery(qtbot, review_path, fake_dialogs):
    copy = crashed_copy(qtbot, review_path, "uit de herstelkopie")
    window = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "recover")
    assert window.open_file(review_path)  # by path: no start-up offer involved
    ((_, _name, original, _when, note),) = fake_dialogs.called("ask_recover")
    assert original == str(review_path) and "before this copy" in note
    assert window.session.review.assessments[CID].notes == "uit de herstelkopie"
    assert window.isWindowModified()
    assert window.save()
    assert notes_on_disk(review_path) == "uit de herstelkopie"
    assert not copy.exists()


def test_a_recovery_older_than_the_file_says_so_and_cannot_overwrite_it(
    qtbot, review_path, fake_dialogs
):
    crashed_copy(qtbot, review_path, "oude herstelkopie")
    save_elsewhere(review_path, "nieuwer werk")
    window = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "recover")
    assert window.offer_recovery()  # at start-up, without a file
    note = fake_dialogs.called("ask_recover")[0][4]
    assert "newer" in note
    assert window.save() is False  # the newer file is not overwritten
    assert fake_dialogs.called("ask_conflict")
    assert notes_on_disk(review_path) == "nieuwer werk"


def test_saving_the_file_discards_its_older_recovery(qtbot, review_path, fake_dialogs):
    copy = crashed_copy(qtbot, review_path, "herstelkopie")
    window = new_window(qtbot)
    fake_dialogs.reply("ask_recover", "later")
    assert window.open_file(review_path)
    assert copy.exists()  # kept: the person may want it after all
    window.session.set_text(CID, "notes", "nieuw opgeslagen")
    assert window.save()
    assert not copy.exists()  # superseded by the save
    assert leftover_recoveries(copy.parent) == []


# ---------------------------------------------------------------- start-up


def test_a_damaged_last_file_gives_a_message_and_an_empty_window(
    qtbot, review_path, fake_dialogs, monkeypatch
):
    window = new_window(qtbot)
    window.add_recent(review_path)

    def rotten(path):  # type: ignore[no-untyped-def]
        raise zlib.error("Error -3 while decompressing data: invalid distance too far back")

    monkeypatch.setattr(review_file_module, "load_review", rotten)
    assert app_module.open_first_document(window, None) is False
    ((_, _title, message),) = fake_dialogs.called("show_error")
    assert review_path.name in message and "damaged" in message
    assert window.session is None
    assert window.stack.currentWidget() is window.start_page
    assert QApplication.activeWindow() is not None or window.isVisible()


def test_a_damaged_file_given_on_the_command_line_also_keeps_the_app(
    qtbot, tmp_path, fake_dialogs, monkeypatch
):
    window = new_window(qtbot)
    monkeypatch.setattr(
        container, "read_container", lambda *a: (_ for _ in ()).throw(RecursionError())
    )
    path = tmp_path / "x.review"
    path.write_bytes(b"PK")
    assert app_module.open_first_document(window, path) is False
    assert fake_dialogs.called("show_error")
    assert window.isVisible()


def test_opening_a_named_pipe_says_so_instead_of_hanging(window, tmp_path, fake_dialogs):
    fifo = tmp_path / "pijp.review"
    os.mkfifo(fifo)
    assert window.open_file(fifo) is False
    assert "named pipe" in fake_dialogs.called("show_error")[0][2]
    assert not lock_path(fifo).exists()
