"""The .review container: round trip, atomic save, and every hostile-file case."""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from PIL import Image

from reviewer.domain.review import PhotoRef, set_verdict
from reviewer.domain.text import MAX_TEXT_CHARS
from reviewer.domain.verdict import Verdict
from reviewer.paths import EXAMPLE_REVIEW
from reviewer.storage import container
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import (
    SCHEMA_VERSION,
    ReviewDocument,
    document_to_bytes,
    load_review,
    review_payload,
    save_review,
)


def jpeg(width: int = 64, height: int = 48) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def doc(review) -> ReviewDocument:
    set_verdict(review, "OR-HOF-01", Verdict.FAILS)
    a = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = a.model_copy(
        update={
            "notes": "Binnentuin is afgesloten; <b>geen</b> ontmoeting & spel.\nTweede regel.",
            "measure": "Poort overdag open",
            "photos": [PhotoRef(name="hof.jpg", caption="Poort binnentuin")],
        }
    )
    return ReviewDocument(review, {"hof.jpg": jpeg(), "unused.jpg": jpeg()})


def write_zip(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def payload_bytes(review) -> bytes:
    return json.dumps(review_payload(review)).encode()


def test_round_trip_loads_an_equal_model(tmp_path, doc):
    path = tmp_path / "plan.review"
    save_review(doc, path)
    loaded = load_review(path)
    assert loaded.review == doc.review
    assert loaded.attachments == {"hof.jpg": doc.attachments["hof.jpg"]}  # unused ones pruned
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["attachments/hof.jpg", "review.json"]
        raw = json.loads(zf.read("review.json"))
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["review"]["checklist"]["id"] == "test-checklist"  # checklist snapshot
    assert raw["review"]["plan"]["identity"]["name"] == "Testplan Merelhof"


def test_save_is_atomic_when_writing_fails(tmp_path, doc, monkeypatch):
    path = tmp_path / "plan.review"
    save_review(doc, path)
    before = path.read_bytes()
    doc.review.plan.identity.name = "Changed"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(container.os, "fsync", broken_fsync)
    with pytest.raises(DocumentFileError, match="No space left on device"):
        save_review(doc, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.review"]  # no temp file left


def test_save_to_read_only_folder_is_a_clear_error(tmp_path, doc, monkeypatch):
    # tests run as root in CI, where chmod cannot make a folder read-only: simulate EACCES
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(container, "_create_temp", refuse)
    with pytest.raises(DocumentFileError, match="Cannot save x.review: .*Permission denied"):
        save_review(doc, tmp_path / "x.review")
    assert not (tmp_path / "x.review").exists()


def test_save_into_missing_folder_is_a_clear_error(tmp_path, doc):
    with pytest.raises(DocumentFileError, match="Cannot save x.review: cannot write in"):
        save_review(doc, tmp_path / "nope" / "x.review")


def test_missing_photo_bytes_refuse_to_save_and_keep_old_file(tmp_path, doc):
    path = tmp_path / "plan.review"
    save_review(doc, path)
    before = path.read_bytes()
    del doc.attachments["hof.jpg"]
    with pytest.raises(DocumentFileError, match="hof.jpg"):
        save_review(doc, path)
    assert path.read_bytes() == before


def test_not_a_zip(tmp_path):
    path = tmp_path / "x.review"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(DocumentFileError, match="not a review file"):
        load_review(path)
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(DocumentFileError, match="Cannot open x.review: it is not a review file"):
        load_review(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentFileError, match="does not exist"):
        load_review(tmp_path / "none.review")
    with pytest.raises(DocumentFileError, match="folder"):
        load_review(tmp_path)


def test_missing_review_json(tmp_path):
    path = tmp_path / "x.review"
    write_zip(path, {"attachments/a.jpg": jpeg()})
    with pytest.raises(DocumentFileError, match=r"review\.json is missing"):
        load_review(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[1, 2]", "does not hold a review"),
        (b'{"schema_version": 1}', "holds no review"),
        (b'{"schema_version": "1", "review": {}}', "no valid schema_version"),
        (b'{"review": {}}', "no valid schema_version"),
        (b'{"schema_version": 1, "review": {"plan": 3}}', "not valid"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_invalid_review_json(tmp_path, content, message):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": content})
    with pytest.raises(DocumentFileError, match=message):
        load_review(path)


def test_newer_schema_version_says_so(tmp_path, review):
    payload = review_payload(review)
    payload["schema_version"] = SCHEMA_VERSION + 1
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="made by a newer version"):
        load_review(path)


def test_override_without_reason_in_file_is_refused(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["assessments"]["GEB-ENTREE-01"]["verdict"] = "meets"
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="without a reason"):
        load_review(path)


def test_embedded_checklist_with_unknown_fact_is_refused(tmp_path, review):
    payload = review_payload(review)
    rule = payload["review"]["checklist"]["sections"][0]["criteria"][0]["rule"]
    rule["all_of"][0]["fact"] = "__class__"
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="checklist inside the file is not valid"):
        load_review(path)


@pytest.mark.parametrize(
    "name",
    [
        "/etc/passwd",
        "../evil.jpg",
        "attachments/../../evil.jpg",
        "attachments/./a.jpg",
        "C:/windows/a.jpg",
        "attachments\\a.jpg",
    ],
)
def test_unsafe_member_names(tmp_path, review, name):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": payload_bytes(review), name: jpeg()})
    with pytest.raises(DocumentFileError, match=r"absolute path|'\.\.'|unexpected member"):
        load_review(path)


def test_unexpected_member_and_type(tmp_path, review):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": payload_bytes(review), "attachments/run.sh": b"#!/bin/sh"})
    with pytest.raises(DocumentFileError, match="unsupported type"):
        load_review(path)


def test_over_compressed_member_is_refused(tmp_path, review):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": payload_bytes(review), "attachments/a.png": b"\0" * 20_000_000})
    with pytest.raises(DocumentFileError, match="compressed suspiciously well"):
        load_review(path)


def test_a_long_note_that_compresses_well_loads_again(tmp_path):
    # honest text within MAX_JSON_BYTES: judged by its size, not by how well it compresses.
    # Every text of every assessment of the bundled review at its longest allowed: ~5 MB
    # of JSON that deflates about eightyfold, and opens again.
    doc = load_review(EXAMPLE_REVIEW)
    sentence = "De poort staat overdag open en wordt 's nachts gesloten. "
    text = (sentence * (MAX_TEXT_CHARS // len(sentence)))[:MAX_TEXT_CHARS]
    texts = {"notes": text, "measure": text, "justification": text, "override_reason": text}
    for cid, a in doc.review.assessments.items():
        doc.review.assessments[cid] = a.model_copy(update={**texts, "verdict": Verdict.PARTLY})
    path = tmp_path / "plan.review"
    save_review(doc, path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("review.json")
        assert info.file_size > 5_000_000
        assert info.file_size > 50 * info.compress_size
    loaded = load_review(path).review.assessments
    assert all(a.notes == text and a.justification == text for a in loaded.values())


def test_review_json_is_judged_by_its_size_not_by_how_well_it_compresses():
    # the probe's 7 MB note (before notes had a length limit): a thousandfold compression
    # made the container refuse it as a zip bomb
    note = "De poort staat overdag open en wordt 's nachts gesloten. " * 125_000
    raw = json.dumps({"schema_version": 2, "review": {"notes": note}}).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("review.json", raw)
    info = zipfile.ZipFile(buffer).getinfo("review.json")
    assert info.file_size > container.MAX_COMPRESSION_RATIO * info.compress_size
    payload, _ = container.read_container_bytes(buffer.getvalue(), "review.json", "review")
    assert payload["review"]["notes"] == note


def test_review_json_larger_than_its_limit_is_refused(tmp_path, review, monkeypatch):
    monkeypatch.setattr(container, "MAX_JSON_BYTES", 1_000_000)
    path = tmp_path / "x.review"
    payload = payload_bytes(review)
    write_zip(path, {"review.json": payload + b" " * (1_000_001 - len(payload))})
    with pytest.raises(DocumentFileError, match="'review.json' is too large"):
        load_review(path)


def test_review_json_bomb_whose_header_lies_is_refused(tmp_path, monkeypatch):
    # declared 50 bytes, 20 MB of zeros inside: never read past the declared size
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": b"\0" * 20_000_000})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (50).to_bytes(4, "little")  # uncompressed size
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentFileError, match="damaged|too large"):
        load_review(path)


def test_oversized_member_is_refused(tmp_path, review, monkeypatch):
    monkeypatch.setattr(container, "MAX_MEMBER_BYTES", 10_000)
    path = tmp_path / "x.review"
    write_zip(
        path,
        {"review.json": payload_bytes(review), "attachments/a.jpg": os.urandom(20_000)},
        compression=zipfile.ZIP_STORED,
    )
    with pytest.raises(DocumentFileError, match="too large"):
        load_review(path)


def test_member_whose_header_lies_about_its_size(tmp_path, review, monkeypatch):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": payload_bytes(review)}, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    real = len(payload_bytes(review))
    # shrink the declared size in the central directory; reading must still be bounded
    needle = real.to_bytes(4, "little")
    last = data.rfind(needle)
    data[last : last + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentFileError):
        load_review(path)


def test_image_with_too_many_pixels_is_refused(tmp_path, review):
    # a PNG header claiming 20000 x 20000 pixels: refused from the header, never decoded
    buf = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buf, "PNG")
    payload = review_payload(review)
    payload["review"]["assessments"]["OR-HOF-01"]["photos"] = [{"name": "big.png"}]
    path = tmp_path / "x.review"
    write_zip(
        path, {"review.json": json.dumps(payload).encode(), "attachments/big.png": buf.getvalue()}
    )
    with pytest.raises(DocumentFileError, match="pixels"):
        load_review(path)


def test_image_that_is_not_an_image(tmp_path, review):
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": payload_bytes(review), "attachments/a.jpg": b"GIF89a..."})
    with pytest.raises(DocumentFileError, match="not a readable image"):
        load_review(path)


def test_photo_reference_to_a_missing_attachment(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["assessments"]["OR-HOF-01"]["photos"] = [{"name": "gone.jpg"}]
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="gone.jpg"):
        load_review(path)


def test_photo_reference_with_path_in_name(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["assessments"]["OR-HOF-01"]["photos"] = [{"name": "../../etc/passwd"}]
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="not a plain file name"):
        load_review(path)


def test_failed_load_never_changes_the_file(tmp_path):
    path = tmp_path / "x.review"
    path.write_bytes(b"garbage")
    with pytest.raises(DocumentFileError):
        load_review(path)
    assert path.read_bytes() == b"garbage"


def test_document_bytes_round_trip(doc):
    from reviewer.storage.review_file import document_from_bytes

    again = document_from_bytes(document_to_bytes(doc))
    assert again.review == doc.review


def test_a_format_2_file_reads_its_empty_lists_as_none_and_opens_as_before(tmp_path, review):
    # format 2 wrote every element list; an empty one meant "the plan has none"
    payload = review_payload(review)
    payload["schema_version"] = 2
    raw_plan = payload["review"]["plan"]
    del raw_plan["confirmed_none"]
    for name in ("parking_garages", "underpasses", "cameras"):  # did not exist in format 2
        del raw_plan[name]
    raw_plan["galleries"] = []
    path = tmp_path / "old.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    loaded = load_review(path).review
    assert "galleries" in loaded.plan.confirmed_none
    assert not loaded.plan.is_unknown("galleries")
    # lists format 2 did not know are unknown, not "none"
    assert loaded.plan.is_unknown("cameras")


def test_a_saved_review_keeps_unknown_and_confirmed_lists_apart(tmp_path, review):
    review.plan.confirmed_none = ["cameras"]
    path = tmp_path / "new.review"
    save_review(ReviewDocument(review), path)
    loaded = load_review(path).review
    assert loaded.plan.confirmed_none == ["cameras"]
    assert loaded.plan.is_unknown("underpasses")
