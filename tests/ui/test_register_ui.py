"""The register window: File → Register… (Ctrl+R) searches as you type into a sortable
table, and Enter on a hit opens it in the main window; a register that cannot be reached
is one message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.paths import RESOURCES
from reviewer.storage.register import Register, document_files, import_files
from reviewer.storage.register import settings as register_settings


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
    assert document.register_ref.saved_by == "anna"
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
    (parent, title, message), *_ = fake_dialogs.called("show_error")
    assert "cannot reach" in message and window.register_window is None
