"""A new user's first minutes: the bundled example says it is one and how to start an
own review, an empty plan says where to begin, the photo dialog starts in the pictures
folder (then where the last photos came from)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, new_review
from reviewer.ui import main_window as main_window_module
from reviewer.ui.i18n import set_language
from reviewer.ui.review.pages import CRITERION, PLAN, SUMMARY

OUT = Path(__file__).resolve().parents[2] / "out"


def screenshot(widget, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(OUT / name))


def test_the_example_says_it_is_one_and_offers_an_own_review(window, qtbot, monkeypatch):
    set_language("nl")
    asked = []
    monkeypatch.setattr(main_window_module, "ask_new_review", lambda parent: asked.append(1))
    assert window.open_example()
    assert "(voorbeeld)" in window.windowTitle()
    banner = window.review_pages.example_banner
    for view in (CRITERION, SUMMARY):
        window.show_view(view)
        assert banner.isVisible()
    window.show_view(CRITERION)
    assert "Dit is een voorbeeld" in banner.text()
    screenshot(window, "ux14-example-banner-nl.png")
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert asked == [1]  # File → New review


def test_an_own_review_has_no_example_mark(opened, window):
    set_language("nl")
    assert "voorbeeld" not in window.windowTitle()
    assert not window.review_pages.example_banner.isVisible()


def test_the_example_saved_as_an_own_file_is_no_longer_an_example(window, tmp_path, fake_dialogs):
    assert window.open_example()
    assert "(example)" in window.windowTitle()
    fake_dialogs.reply("ask_save_path", tmp_path / "mine.review")
    assert window.save()
    assert "(example)" not in window.windowTitle()
    assert not window.review_pages.example_banner.isVisible()


def test_english_title_and_banner(window):
    set_language("en")
    assert window.open_example()
    assert "(example)" in window.windowTitle()
    assert "This is an example" in window.review_pages.example_banner.text()


@pytest.fixture
def empty_plan_window(window, checklist):
    review = new_review(
        Plan.model_validate({"identity": {"name": "Nieuw plan"}}),
        checklist,
        "safety",
        Reviewer(name="A. Adviseur"),
    )
    from reviewer.storage.review_file import ReviewDocument
    from reviewer.ui.review.session import ReviewSession

    window.set_document(ReviewSession(ReviewDocument(review), None))
    return window


def test_an_empty_plan_says_where_to_begin(empty_plan_window, qtbot):
    set_language("nl")
    window = empty_plan_window
    window.show_view(PLAN)
    panel = window.plan_page.widget()
    qtbot.waitUntil(panel.isVisible)  # made on first show, shown after the event loop runs
    hint = panel.empty_plan_hint
    assert hint.isVisible()
    assert "Nog geen elementen" in hint.text()
    screenshot(window, "ux14-empty-plan-hint-nl.png")
    # once an element type is filled in or confirmed absent the hint goes
    window.session.add_element("entrances", {"id": "A"})
    assert not hint.isVisible()


def test_a_filled_plan_has_no_hint(opened, qtbot):
    opened.show_view(PLAN)
    panel = opened.plan_page.widget()
    qtbot.waitUntil(panel.isVisible)
    assert not panel.empty_plan_hint.isVisible()


def test_the_photo_dialog_starts_in_pictures_then_the_last_folder(opened, fake_dialogs, tmp_path):
    panel = opened.criterion_panel
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    panel.add_photos_from_dialog()
    ((_parent, start),) = fake_dialogs.called("ask_photo_paths")
    assert start == pictures or (not Path(pictures).is_dir() and start == str(Path.home()))
    assert start != str(Path.cwd())

    folder = tmp_path / "locatiebezoek"
    folder.mkdir()
    photo = folder / "entree.png"
    from tests.ui.test_navigator import png_photo

    photo.write_bytes(png_photo())
    fake_dialogs.reply("ask_photo_paths", [photo])
    panel.add_photos_from_dialog()
    panel.add_photos_from_dialog()
    assert fake_dialogs.called("ask_photo_paths")[-1][1] == str(folder)
    assert QSettings().value("photos/folder") == str(folder)
