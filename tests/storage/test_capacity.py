"""Whatever the app writes it can read: the loader's limits (one member, number of
members, bytes in all of them, review.json, the file) apply when a photo or drawing is
added, and a save that would break them is refused before anything is written."""

from __future__ import annotations

import io
import os
import re

import pytest
from PIL import Image

from reviewer.domain.review import PhotoRef, new_review
from reviewer.domain.workshop import new_workshop
from reviewer.storage import container
from reviewer.storage.container import DocumentFileError, check_attachment_room
from reviewer.storage.drawings import add_drawing
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.storage.workshop_file import WorkshopDocument

MiB = 2**20


def noisy_png(seed: int, side: int = 100) -> bytes:
    """A PNG that does not compress: side × side × 3 bytes and a little more."""
    buf = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buf, "PNG")
    return buf.getvalue()


def test_ordinary_photos_fill_a_review_up_to_what_it_can_open():
    # 320 photos of 3 MiB made a 960 MiB file the loader refused: the 319th is refused now
    three = 3 * MiB
    check_attachment_room([three] * 317, three)
    with pytest.raises(DocumentFileError) as info:
        check_attachment_room([three] * 318, three)
    assert str(info.value).startswith(
        "the review would hold more than 955 MiB of photos and drawings (957 MiB), the most "
        "a review file can hold; remove ones you do not need first"
    )


def test_the_number_of_photos_and_drawings_is_limited_to_what_opens():
    check_attachment_room([10] * 4998, 10)
    with pytest.raises(DocumentFileError, match="more than 4999 photos and drawings"):
        check_attachment_room([10] * 4999, 10)


def test_one_file_larger_than_a_member_may_be_is_refused():
    with pytest.raises(DocumentFileError, match=r"too large \(129 MiB; at most 128 MiB\)"):
        check_attachment_room([], 129 * MiB)


@pytest.fixture
def small_limits(monkeypatch):
    """Limits small enough to reach in a test: 8 members, 600 kB, review.json 200 kB."""
    monkeypatch.setattr(container, "MAX_MEMBERS", 8)
    monkeypatch.setattr(container, "MAX_TOTAL_BYTES", 600_000)
    monkeypatch.setattr(container, "MAX_FILE_BYTES", 600_000)
    monkeypatch.setattr(container, "MAX_JSON_BYTES", 200_000)
    monkeypatch.setattr(container, "MEMBER_OVERHEAD", 1000)
    assert container.max_attachment_bytes() == 392_000


@pytest.mark.parametrize("side", [150, 20], ids=["bytes", "count"])
def test_drawings_are_added_until_the_file_is_full_and_it_opens_again(
    tmp_path, review, small_limits, side
):
    doc = ReviewDocument(review, {})
    added = 0
    with pytest.raises(DocumentFileError, match=r"Cannot add plan-\d+\.png: the review would"):
        for i in range(20):
            add_drawing(doc, f"plan-{i}.png", noisy_png(i, side))
            added += 1
    assert added == (5 if side == 150 else 7)  # 5 × 68 kB, or 7 members and review.json
    assert len(doc.review.sheets) == added
    save_review(doc, tmp_path / "full.review")
    assert len(load_review(tmp_path / "full.review").attachments) == added


def test_a_drawing_removed_from_the_review_makes_room_again(review, small_limits):
    from reviewer.storage.drawings import remove_sheet

    doc = ReviewDocument(review, {})
    for i in range(7):
        add_drawing(doc, f"plan-{i}.png", noisy_png(i, 20))
    with pytest.raises(DocumentFileError, match="more than 7 photos and drawings"):
        add_drawing(doc, "one-more.png", noisy_png(8, 20))
    remove_sheet(doc, "S1")
    add_drawing(doc, "one-more.png", noisy_png(8, 20))


def test_a_save_that_could_not_be_opened_again_is_refused(tmp_path, review, small_limits):
    doc = ReviewDocument(review, {})
    path = tmp_path / "x.review"
    save_review(doc, path)
    before = path.read_bytes()
    a = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = a.model_copy(update={"notes": "lang verhaal " * 20_000})
    with pytest.raises(DocumentFileError) as info:
        save_review(doc, path)
    # the size is that of the payload (the notes alone are 254 KiB), the limit the reader's
    assert re.match(
        r"Cannot save x\.review: the file would hold more than this app can open again "
        r"\(review\.json would be 2[67]\d KiB, at most 195 KiB\); nothing was saved\. Shorten "
        r"long notes, and save again",
        str(info.value),
    )
    assert path.read_bytes() == before


def test_a_workshop_of_two_reviews_that_are_full_together_is_refused(plan, checklist, small_limits):
    sides = []
    for perspective in ("safety", "cohesion"):
        review = new_review(plan.model_copy(deep=True), checklist, perspective)
        photos = {f"p{i}.png": noisy_png(i, 200) for i in range(2)}  # 2 × 120 kB
        review.assessments["OR-HOF-01"] = review.assessments["OR-HOF-01"].model_copy(
            update={"photos": [PhotoRef(name=n) for n in photos]}
        )
        sides.append(ReviewDocument(review, photos))
    a, b = sides
    for side in sides:
        side.referenced_attachments()  # each side alone fits
        container.check_room([len(d) for d in side.attachments.values()])
    with pytest.raises(DocumentFileError, match="the workshop would hold more than 382 KiB"):
        WorkshopDocument.from_reviews(a, b, new_workshop(a.review, b.review))
