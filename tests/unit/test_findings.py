"""Findings as BCF topics (which criteria, numbers, GUIDs, snapshot area) and replies
read back onto the criteria (matching, own comments, edits, status changes)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from reviewer.domain.drawing import Pin, Sheet
from reviewer.domain.findings import (
    SNAPSHOT_MIN,
    ReadComment,
    ReadTopic,
    apply_replies,
    finding_topics,
    note_guid,
    snapshot_box,
    topic_guid,
)
from reviewer.domain.review import MeasureKind, ReplyKind, set_verdict
from reviewer.domain.upgrade import upgrade_review
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument, load_review, save_review


def when(day: int) -> datetime:
    return datetime(2026, 12, day, 9, 0, tzinfo=UTC)


def test_topics_follow_the_letter_numbering(review):
    a = review.assessments["GEB-ENTREE-01"]
    review.assessments["GEB-ENTREE-01"] = a.changed(
        measure="Tweede trappenhuis", measure_kind=MeasureKind.CONDITION, notes="Een.\n\nTwee."
    )
    topics = {t.criterion.id: t for t in finding_topics(review, "nl")}
    entrance = topics["GEB-ENTREE-01"]
    assert entrance.number == "V1" and entrance.title.startswith("V1 ")
    assert entrance.topic_type == "Voorwaarde" and entrance.status == "Open"
    assert "Maatregel V1: Tweede trappenhuis" in entrance.description
    assert [c.text for c in entrance.comments] == ["Een.", "Twee."]
    assert [c.guid for c in entrance.comments] == [note_guid(entrance.guid, i) for i in (0, 1)]
    english = {t.criterion.id: t for t in finding_topics(review, "en")}["GEB-ENTREE-01"]
    assert english.number == "C1" and english.topic_type == "Condition"
    assert english.guid == entrance.guid  # the language does not change the topic
    # criteria that meet or are not assessed, without a measure, are no topics
    for topic in topics.values():
        assert topic.assessment.verdict in (Verdict.FAILS, Verdict.PARTLY) or (
            topic.assessment.measure.strip()
        )


def test_guids_are_per_review_and_criterion(review):
    first = topic_guid(review, "GEB-ENTREE-01")
    assert topic_guid(review, "GEB-ENTREE-01") == first
    assert topic_guid(review, "GEB-PLINT-01") != first
    other = review.model_copy(update={"uid": uuid.uuid4()})
    assert topic_guid(other, "GEB-ENTREE-01") != first


def test_an_upgraded_review_keeps_its_topics(review):
    result = upgrade_review(review, review.checklist)
    assert result.review.uid == review.uid
    assert topic_guid(result.review, "GEB-ENTREE-01") == topic_guid(review, "GEB-ENTREE-01")


def test_the_snapshot_shows_the_pins_inside_the_sheet():
    sheet = Sheet(id="S1", name="BG", attachment="a.png", width=1000, height=500)
    for points in ([(5.0, 5.0)], [(990.0, 490.0)], [(100.0, 100.0), (900.0, 400.0)]):
        pins = [Pin(number=i + 1, criterion_id="X", position=p) for i, p in enumerate(points)]
        x0, y0, x1, y1 = snapshot_box(sheet, pins)
        assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 500
        assert x1 - x0 >= SNAPSHOT_MIN * 1000 - 1e-9 or (x0, x1) == (0, 1000)
        for x, y in points:
            assert x0 <= x <= x1 and y0 <= y <= y1


def topic_for(review, criterion_id, *comments, status="Open", modified=None, author="arch"):
    return ReadTopic(
        guid=str(topic_guid(review, criterion_id)).upper(),  # tools may write capitals
        title="t",
        status=status,
        modified=modified,
        modified_author=author,
        comments=tuple(comments),
    )


def test_replies_skip_own_notes_and_take_edits(review):
    guid = topic_guid(review, "GEB-ENTREE-01")
    own = ReadComment(str(note_guid(guid, 0)), "adviser", when(1), "my note")
    theirs = ReadComment("0b843a5c-c3bf-41ef-be98-52a9f7bd9790", "arch", when(2), "done")
    result = apply_replies(review, [topic_for(review, "GEB-ENTREE-01", own, theirs)])
    assert result.matched == 1 and result.unknown == []
    [reply] = result.assessments["GEB-ENTREE-01"].replies
    assert (reply.kind, reply.author, reply.text, reply.date) == (
        ReplyKind.COMMENT,
        "arch",
        "done",
        when(2),
    )
    review.assessments.update(result.assessments)
    edited = ReadComment(theirs.guid, "arch", when(2), "done, see VO-3", modified=when(3))
    result = apply_replies(review, [topic_for(review, "GEB-ENTREE-01", own, edited)])
    [reply] = result.assessments["GEB-ENTREE-01"].replies
    assert reply.text == "done, see VO-3" and reply.date == when(3)


def test_status_changes_are_history(review):
    closed = topic_for(review, "GEB-ENTREE-01", status="Closed", modified=when(4))
    result = apply_replies(review, [closed])
    review.assessments.update(result.assessments)
    assert apply_replies(review, [closed]).count == 0  # read once
    reopened = topic_for(review, "GEB-ENTREE-01", status="ReOpened", modified=when(6))
    review.assessments.update(apply_replies(review, [reopened]).assessments)
    replies = review.assessments["GEB-ENTREE-01"].replies
    assert [(r.kind, r.status, r.date) for r in replies] == [
        (ReplyKind.STATUS, "Closed", when(4)),
        (ReplyKind.STATUS, "ReOpened", when(6)),
    ]
    # an open topic that was never closed is no change
    assert apply_replies(review, [topic_for(review, "GEB-PLINT-01")]).count == 0


def test_unknown_topics_are_listed(review):
    stranger = ReadTopic(guid=str(uuid.uuid4()), title="Clash wall/duct")
    result = apply_replies(review, [stranger])
    assert result.unknown == [stranger] and result.assessments == {} and result.matched == 0


def test_replies_and_identity_are_saved(review, tmp_path):
    set_verdict(review, "GEB-ENTREE-01", Verdict.FAILS)
    comment = ReadComment("0b843a5c-c3bf-41ef-be98-52a9f7bd9790", "arch", when(2), "done")
    review.assessments.update(
        apply_replies(review, [topic_for(review, "GEB-ENTREE-01", comment)]).assessments
    )
    save_review(ReviewDocument(review), tmp_path / "r.review")
    loaded = load_review(tmp_path / "r.review").review
    assert loaded.uid == review.uid
    assert (
        loaded.assessments["GEB-ENTREE-01"].replies == review.assessments["GEB-ENTREE-01"].replies
    )
