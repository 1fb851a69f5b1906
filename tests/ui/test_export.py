"""Export the PDF report: off the GUI thread, with progress, then the offer to open it."""

from __future__ import annotations

import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.domain.verdict import Verdict
from reviewer.ui import export
from reviewer.ui.main_window import MainWindow


class FakeReportError(Exception):
    pass


def fake_report(monkeypatch, behaviour):
    module = types.ModuleType("reviewer.report")
    module.ReportError = FakeReportError
    module.export_report = behaviour
    monkeypatch.setitem(__import__("sys").modules, "reviewer.report", module)
    return module


def test_export_runs_in_a_worker_thread_with_progress(
    opened, qtbot, tmp_path, monkeypatch, fake_dialogs
):
    window = opened
    seen: dict[str, object] = {}

    def export_report(source, output, *, lang="nl", progress=None, **kwargs):
        seen["thread"] = threading.current_thread() is threading.main_thread()
        seen["lang"] = lang
        seen["verdict"] = source.review.assessments["OR-HOF-01"].verdict
        for i in range(1, 4):
            progress(i, 3)
        Path(output).write_bytes(b"%PDF-1.4 fake")
        return Path(output)

    fake_report(monkeypatch, export_report)
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    out = tmp_path / "advies.pdf"
    fake_dialogs.reply("ask_export_path", out)
    fake_dialogs.reply("ask_yes_no", True)
    assert window.export_action.isEnabled()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        qtbot.keyClick(window.navigator.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert window._export_job is not None
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("open_url")))
    assert out.read_bytes().startswith(b"%PDF")
    assert seen == {"thread": False, "lang": "en", "verdict": Verdict.MEETS}
    (url,) = fake_dialogs.called("open_url")[0]
    assert url.toLocalFile() == str(out)
    qtbot.waitUntil(lambda: window._export_job is None)
    assert fake_dialogs.called("ask_export_path")[0][1].endswith("merelhof.pdf")


def test_export_error_is_shown(opened, qtbot, tmp_path, monkeypatch, fake_dialogs):
    def export_report(source, output, **kwargs):
        raise FakeReportError("the folder is read-only")

    fake_report(monkeypatch, export_report)
    fake_dialogs.reply("ask_export_path", tmp_path / "x.pdf")
    opened.export_pdf()
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("show_error")))
    (args,) = fake_dialogs.called("show_error")
    assert args[1] == "The report was not exported"
    assert "read-only" in args[2]
    assert not fake_dialogs.called("ask_yes_no")


def test_cancelled_path_does_nothing(opened, monkeypatch, fake_dialogs):
    fake_report(monkeypatch, lambda *a, **k: pytest.fail("should not export"))
    opened.export_pdf()
    assert opened._export_job is None


def test_without_the_report_module_the_action_is_disabled(qtbot, monkeypatch, review_path):
    monkeypatch.setattr(export, "report_available", lambda: False)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(review_path)
    assert not window.export_action.isEnabled()
    assert "not available" in window.export_action.toolTip()


def test_report_available_does_not_import_reportlab():
    # in a fresh process: other tests in this one have imported reportlab already
    import subprocess
    import sys

    probe = (
        "import sys; from reviewer.ui import export; "
        "print(export.report_available(), 'reportlab' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False"]


def test_real_report_export(opened, qtbot, tmp_path, fake_dialogs):
    assert export.report_available()
    out = tmp_path / "echt.pdf"
    fake_dialogs.reply("ask_export_path", out)
    opened.export_pdf()
    qtbot.waitUntil(lambda: bool(fake_dialogs.called("ask_yes_no")), timeout=60_000)
    assert not fake_dialogs.called("show_error")
    assert out.read_bytes().startswith(b"%PDF")


def test_closing_during_an_export_waits_for_it(opened, qtbot, tmp_path, monkeypatch, fake_dialogs):
    import threading as th

    release = th.Event()

    def export_report(source, output, **kwargs):
        release.wait(10)
        Path(output).write_bytes(b"%PDF-1.4 fake")
        return Path(output)

    fake_report(monkeypatch, export_report)
    out = tmp_path / "slow.pdf"
    fake_dialogs.reply("ask_export_path", out)
    opened.export_pdf()
    job = opened._export_job
    qtbot.waitUntil(job.thread.isRunning)
    th.Timer(0.05, release.set).start()
    assert opened.close()
    assert not job.thread.isRunning()
    assert out.exists()
