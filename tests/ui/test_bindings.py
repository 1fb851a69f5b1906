"""The start-up probe for Qt bindings that lose references to None, True and False."""

from __future__ import annotations

import pytest

from reviewer.ui import app, bindings


def test_the_installed_bindings_keep_their_references(qapp):
    drift = bindings.refcount_drift(256)
    assert all(moved > -16 for moved in drift.values()), drift
    assert bindings.defect_message() is None


def test_a_leaking_binding_gets_a_message_that_says_what_to_install():
    message = bindings.defect_message({"None": -64, "True": -64, "False": 0}, calls=64)
    assert message is not None
    assert "None and True" in message
    assert "6.12.0" in message
    assert "pip install" in message
    # noise from the interpreter's own work is not a defect
    assert bindings.defect_message({"None": -3, "True": 2, "False": 0}, calls=64) is None


def test_the_app_refuses_to_start_on_leaking_bindings(qapp, monkeypatch, tmp_path, capsys):
    from reviewer.ui import main_window

    monkeypatch.setattr(bindings, "defect_message", lambda: "PySide6 9.9 loses references")
    made = []
    monkeypatch.setattr(main_window, "MainWindow", lambda *a, **k: made.append(a))
    status = app.run_gui(None, screenshot=tmp_path / "shot.png")
    assert status == 2
    assert "reviewer: PySide6 9.9 loses references" in capsys.readouterr().err
    assert not (tmp_path / "shot.png").exists()
    assert made == []  # no window was made


@pytest.mark.parametrize("moved", [-32, -64, -1000])
def test_half_the_calls_lost_is_enough_to_refuse(moved):
    assert bindings.defect_message({"None": moved, "True": 0, "False": 0}, calls=64)
