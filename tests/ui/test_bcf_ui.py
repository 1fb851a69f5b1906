"""BCF in the window: export off the GUI thread (with cancel), replies read onto the
criteria as one undo step and shown in the criterion panel, bad files refused."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from reviewer.domain.findings import finding_topics, topic_guid
from reviewer.storage.bcf import BcfCancelled, bcf_bytes, read_bcf
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui.review import bcf as bcf_ui

TEST_CASES = Path(__file__).resolve().parents[1] / "data" / "bcf-2.1" / "test-cases"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def test_export_bcf_with_its_shortcut(opened, qtbot, tmp_path, monkeypatch):
    window = opened
    out = tmp_path / "merelhof.bcf"
    asked: list[str] = []

    def ask(parent, suggested=""):
        asked.append(suggested)
        return out

    monkeypatch.setattr(bcf_ui, "ask_bcf_export_path", ask)
    threads: list[bool] = []
    real = bcf_ui.export_bcf

    def export(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(bcf_ui, "export_bcf", export)
    assert window.export_bcf_action.isEnabled()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20_000):
        qtbot.keyClick(window.navigator.tree, Qt.Key.Key_B, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window._bcf_job is None)
    assert threads == [False]
    assert asked[0].endswith("merelhof.bcf")
    topics = read_bcf(out.read_bytes()).topics
    assert [t.guid for t in topics] == [str(t.guid) for t in finding_topics(window.session.review)]
    assert "merelhof.bcf" in window.statusBar().currentMessage()


def test_a_cancelled_export_writes_nothing(opened, qtbot, tmp_path, monkeypatch):
    window = opened
    out = tmp_path / "merelhof.bcf"
    monkeypatch.setattr(bcf_ui, "ask_bcf_export_path", lambda parent, suggested="": out)
    started = threading.Event()

    def export(doc, path, lang, *, progress=None, cancelled=None, **kwargs):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise BcfCancelled

    monkeypatch.setattr(bcf_ui, "export_bcf", export)
    window.export_bcf()
    job = window._bcf_job
    assert job is not None
    qtbot.waitUntil(started.is_set)
    job.dialog.canceled.emit()  # what its Cancel button sends
    qtbot.waitUntil(lambda: window._bcf_job is None)
    assert not out.exists()


def _replies_file(tmp_path: Path, window) -> Path:
    """The review's export as a BIM tool writes it back: the entrance topic closed with a
    comment, and a topic of another project besides."""
    data = bcf_bytes(ReviewDocument(window.session.review))
    guid = str(topic_guid(window.session.review, "GEB-ENTREE-01"))
    path = tmp_path / "replies.bcf"
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(path, "w") as zout:
        for name in zin.namelist():
            content = zin.read(name)
            if name == f"{guid}/markup.bcf":
                text = content.decode().replace('TopicStatus="Open"', 'TopicStatus="Closed"')
                text = text.replace(
                    "</Markup>",
                    '<Comment Guid="0b843a5c-c3bf-41ef-be98-52a9f7bd9790">'
                    "<Date>2026-12-01T09:00:00Z</Date><Author>architect@rietvink.nl</Author>"
                    "<Comment>Entree B krijgt een tweede trappenhuis &lt;VO-3&gt;.</Comment>"
                    "</Comment></Markup>",
                )
                content = text.encode()
            zout.writestr(name, content)
        with zipfile.ZipFile(TEST_CASES / "MinimumInformation.bcf") as other:
            for name in other.namelist():
                if name.endswith("markup.bcf"):
                    zout.writestr(name, other.read(name))
    return path


def test_replies_show_in_the_criterion_panel_and_undo_in_one_step(
    opened, qtbot, tmp_path, monkeypatch
):
    window = opened
    panel = window.criterion_panel
    path = _replies_file(tmp_path, window)
    monkeypatch.setattr(bcf_ui, "ask_bcf_replies_path", lambda parent, directory="": path)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        bcf_ui, "show_summary", lambda p, title, text, details: shown.append((text, details))
    )
    window.navigator.select("GEB-ENTREE-01")
    assert not panel.replies_box.isVisible()
    count = window.session.undo_stack.count()
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_B, CTRL_ALT)
    assert window.session.undo_stack.count() == count + 1
    assert panel.replies_box.isVisible()
    text = panel.replies_label.text()
    assert "architect@rietvink.nl" in text
    assert "Entree B krijgt een tweede trappenhuis &lt;VO-3&gt;." in text  # escaped
    assert "Closed" in text
    [(summary, details)] = shown
    assert "New replies read onto the criteria: 2." in summary
    assert "not this review's, and were not read in (see the details): 1." in summary
    assert "ae693c83-c932-400e-8570-4a2cf45abcf3" in details  # listed, not dropped
    assert window.isWindowModified()

    window.session.undo_stack.undo()
    assert not panel.replies_box.isVisible()
    assert window.session.review.assessments["GEB-ENTREE-01"].replies == []
    window.session.undo_stack.redo()
    assert len(window.session.review.assessments["GEB-ENTREE-01"].replies) == 2

    # reading the same file again adds nothing, and says so
    window.import_bcf_replies()
    assert window.session.undo_stack.count() == count + 1
    assert "no new replies" in shown[-1][0]


def test_a_bad_file_is_one_clear_error_and_changes_nothing(
    opened, tmp_path, monkeypatch, fake_dialogs
):
    window = opened
    bad = tmp_path / "bad.bcf"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr(
            "7ddc3ef0-0ab7-43f1-918a-45e38b42369c/markup.bcf",
            '<?xml version="1.0"?><!DOCTYPE M [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<Markup>&x;</Markup>",
        )
    monkeypatch.setattr(bcf_ui, "ask_bcf_replies_path", lambda parent, directory="": bad)
    count = window.session.undo_stack.count()
    window.import_bcf_replies()
    assert window.session.undo_stack.count() == count
    [(_parent, _title, message)] = fake_dialogs.called("show_error")
    assert message.startswith("Cannot read bad.bcf:") and "document type" in message
    assert "\n" not in message and "Traceback" not in message


def test_the_bcf_actions_are_in_the_file_menu(opened):
    window = opened
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Export &BCF…" in texts and "&Import BCF Replies…" in texts
    window.close_document()
    assert not window.export_bcf_action.isEnabled()
    assert not window.import_bcf_action.isEnabled()


def test_bcf_errors_read_in_dutch(tmp_path):
    from reviewer.storage.bcf import BcfFileError, load_bcf
    from reviewer.ui.error_text import error_text
    from reviewer.ui.i18n import set_language

    bad = tmp_path / "oud.bcf"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("bcf.version", '<Version VersionId="3.0"/>')
    messages = []
    for data in (b"no zip", None):
        if data is not None:
            (tmp_path / "x.bcf").write_bytes(data)
        try:
            load_bcf(tmp_path / "x.bcf" if data is not None else bad)
        except BcfFileError as exc:
            messages.append(str(exc))
    set_language("nl")
    assert [error_text(m) for m in messages] == [
        "x.bcf kan niet worden gelezen: het is geen BCF-bestand (geen zip-container)",
        "oud.bcf kan niet worden gelezen: het is BCF 3.0; deze app leest BCF 2.1 (exporteer "
        "BCF 2.1 uit het BIM-programma)",
    ]
