"""ReviewSession.add_photo checks what it is given itself (the dialog's checks are not
relied on): the image must decode to the end, and the review must still open again once
saved with it. Refused photos change nothing and reach the person through the panel."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from reviewer.storage import container
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument, load_review
from reviewer.ui.review.session import ReviewSession

CRITERION = "OR-HOF-01"


def photo(side: int = 40, fmt: str = "JPEG", noise: bool = False) -> bytes:
    if noise:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    else:
        image = Image.new("RGB", (side, side), (120, 140, 90))
    buf = io.BytesIO()
    image.save(buf, fmt)
    return buf.getvalue()


@pytest.fixture
def session(review) -> ReviewSession:
    return ReviewSession(ReviewDocument(review))


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("gevel.png", b"\x89PNG", "'gevel.png' is not a readable image"),
        ("gevel.jpg", photo(200, noise=True)[:-200], "'gevel.jpg' is damaged or incomplete"),
        ("gevel.jpg", photo(fmt="PNG"), "'gevel.jpg' is not a JPEG image"),
        ("gevel.gif", photo(), "gevel.gif is not a photo: use a JPEG or PNG file"),
    ],
)
def test_a_bad_photo_is_refused_and_changes_nothing(session, filename, data, message):
    with pytest.raises(DocumentFileError, match=message):
        session.add_photo(CRITERION, filename, data)
    assert session.document.attachments == {}
    assert session.review.assessments[CRITERION].photos == []
    assert session.undo_stack.count() == 0


@pytest.fixture
def small_limits(monkeypatch):
    """8 members, 600 kB in all, review.json at most 200 kB: room for 392 kB of photos."""
    monkeypatch.setattr(container, "MAX_MEMBERS", 8)
    monkeypatch.setattr(container, "MAX_TOTAL_BYTES", 600_000)
    monkeypatch.setattr(container, "MAX_FILE_BYTES", 600_000)
    monkeypatch.setattr(container, "MAX_JSON_BYTES", 200_000)
    monkeypatch.setattr(container, "MEMBER_OVERHEAD", 1000)


def test_photos_are_added_until_the_review_is_full_and_it_opens_again(
    tmp_path, session, small_limits
):
    added = []
    with pytest.raises(DocumentFileError, match="the review would hold more than 382 KiB"):
        for i in range(20):
            added.append(session.add_photo(CRITERION, f"hof-{i}.png", photo(150, "PNG", True)))
    assert len(added) == 5
    assert [p.name for p in session.review.assessments[CRITERION].photos] == added
    session.save(tmp_path / "full.review")
    assert sorted(load_review(tmp_path / "full.review").attachments) == sorted(added)


def test_the_same_photo_again_needs_no_room(session, small_limits):
    data = photo(150, "PNG", True)
    name = session.add_photo(CRITERION, "hof.png", data)
    for i in range(4):
        session.add_photo(CRITERION, f"other-{i}.png", photo(150, "PNG", True))
    assert session.add_photo(CRITERION, "hof.png", data) == name


def test_the_count_of_photos_and_drawings_is_shared(session, small_limits):
    for i in range(6):
        session.add_photo(CRITERION, f"hof-{i}.jpg", photo(20 + i))
    session.add_drawing("plan.png", photo(30, "PNG"))
    with pytest.raises(DocumentFileError, match="more than 7 photos and drawings"):
        session.add_photo(CRITERION, "one-more.jpg", photo(50))
    with pytest.raises(DocumentFileError, match="Cannot add plan2.png: .*more than 7 photos"):
        session.add_drawing("plan2.png", photo(31, "PNG"))
    assert len(session.review.sheets) == 1


def test_the_panel_lists_a_photo_the_review_has_no_room_for(
    opened, tmp_path, fake_dialogs, small_limits
):
    panel = opened.criterion_panel
    paths = []
    for i in range(6):
        path = tmp_path / f"hof-{i}.png"
        path.write_bytes(photo(150, "PNG", True))
        paths.append(path)
    assert panel.add_photo_files(paths) == 5
    (args,) = fake_dialogs.called("show_error")
    assert "hof-5.png: the review would hold more than 382 KiB of photos and drawings" in args[2]
