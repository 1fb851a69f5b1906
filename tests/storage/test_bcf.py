"""BCF 2.1: the export validates against buildingSMART's schemas and reads back, GUIDs are
stable, buildingSMART's own test files are read, and hostile files are refused."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from reviewer.domain.drawing import IfcPlacement, Pin, Sheet
from reviewer.domain.findings import apply_replies, finding_topics, topic_guid
from reviewer.domain.review import ReplyKind, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.storage.bcf import (
    MAX_MARKUP_BYTES,
    BcfCancelled,
    BcfFileError,
    bcf_bytes,
    export_bcf,
    load_bcf,
    read_bcf,
)
from reviewer.storage.review_file import ReviewDocument, load_review

DATA = Path(__file__).resolve().parents[1] / "data" / "bcf-2.1"
EXAMPLES = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "examples"
SCHEMAS = {
    name: etree.XMLSchema(etree.parse(str(DATA / "schemas" / f"{name}.xsd")))
    for name in ("markup", "visinfo", "project", "version")
}


def schema_for(member: str) -> str | None:
    leaf = member.rsplit("/", 1)[-1]
    if leaf == "markup.bcf":
        return "markup"
    if leaf.endswith(".bcfv"):
        return "visinfo"
    return {"project.bcfp": "project", "bcf.version": "version"}.get(leaf)


def assert_valid(data: bytes) -> dict[str, int]:
    """Every XML member validates against its BCF 2.1 schema; returns counts per schema."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            schema = schema_for(name)
            if schema is None:
                continue
            document = etree.fromstring(zf.read(name))
            validator = SCHEMAS[schema]
            assert validator.validate(document), f"{name}: {validator.error_log}"
            counts[schema] = counts.get(schema, 0) + 1
    return counts


@pytest.fixture(scope="module")
def example() -> ReviewDocument:
    return load_review(EXAMPLES / "galerijflat-veiligheid.review")


@pytest.fixture(scope="module")
def example_bcf(example) -> bytes:
    return bcf_bytes(example, "nl")


def test_every_xml_written_validates_against_the_bcf_schemas(example_bcf):
    counts = assert_valid(example_bcf)
    topics = len(finding_topics(load_review(EXAMPLES / "galerijflat-veiligheid.review").review))
    assert counts["markup"] == topics > 10
    assert counts["version"] == counts["project"] == 1
    assert counts["visinfo"] == 3  # three pins on three criteria on the one sheet


def test_the_schemas_catch_a_broken_file(example_bcf):
    """The validation can fail: a topic without its required CreationAuthor does not pass."""
    with zipfile.ZipFile(io.BytesIO(example_bcf)) as zf:
        name = next(n for n in zf.namelist() if n.endswith("markup.bcf"))
        text = zf.read(name)
    broken = re.sub(rb"<CreationAuthor>.*?</CreationAuthor>", b"", text)
    assert not SCHEMAS["markup"].validate(etree.fromstring(broken))


def test_the_topics_read_back(example, example_bcf):
    content = read_bcf(example_bcf)
    topics = finding_topics(example.review, "nl")
    assert content.version == "2.1"
    assert [t.guid for t in content.topics] == [str(t.guid) for t in topics]
    assert [t.title for t in content.topics] == [t.title for t in topics]
    assert all(t.status == "Open" for t in content.topics)
    # the adviser's notes are comments: one per paragraph
    entree = next(t for t in content.topics if "SB-ENTREE-01" in _markup(example_bcf, t.guid))
    notes = example.review.assessments["SB-ENTREE-01"].notes
    assert [c.text for c in entree.comments] == [p.strip() for p in notes.split("\n\n")]


def _markup(data: bytes, guid: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(f"{guid}/markup.bcf").decode()


def test_a_topic_says_the_verdict_evidence_measure_and_labels(example, example_bcf):
    topic = next(t for t in finding_topics(example.review) if t.criterion.id == "SB-ENTREE-01")
    text = _markup(example_bcf, str(topic.guid))
    assert "<Title>A" in text and "Entrees aan straat of plein" in text
    assert "Oordeel: voldoet niet." in text
    assert "Entree C: aan straat of plein: nee" in text  # the rule's evidence
    assert "Maatregel A" in text and "Entree C opheffen" in text
    assert "<Labels>Veiligheid</Labels>" in text and "<Labels>Straat &amp; blok</Labels>" in text
    assert 'TopicType="Aanbeveling"' in text and 'TopicStatus="Open"' in text
    assert "<CreationAuthor>Marieke Hofstra</CreationAuthor>" in text
    assert "<CreationDate>2026-11-12T10:00:00Z</CreationDate>" in text
    english = bcf_bytes(example, "en")
    assert "Verdict: does not meet." in _markup(english, str(topic.guid))


def test_every_finding_is_a_topic_and_nothing_else(example):
    review = example.review
    ids = {t.criterion.id for t in finding_topics(review)}
    for criterion in review.criteria():
        a = review.assessments[criterion.id]
        if criterion.id in ids:
            assert a.verdict in (Verdict.FAILS, Verdict.PARTLY) or a.measure.strip()
        elif review.in_scope(criterion):
            assert a.verdict not in (Verdict.FAILS, Verdict.PARTLY) and not a.measure.strip()


def test_exporting_twice_gives_the_same_file(example, example_bcf, tmp_path):
    again = load_review(EXAMPLES / "galerijflat-veiligheid.review")
    assert bcf_bytes(again, "nl") == example_bcf
    path = export_bcf(again, tmp_path / "out.bcf")
    assert path.read_bytes() == example_bcf


def test_topic_guids_follow_the_review_not_its_content(review, tmp_path):
    from reviewer.storage.review_file import save_review

    doc = ReviewDocument(review)
    before = {c.id: topic_guid(review, c.id) for c in review.criteria()}
    set_verdict(review, "GEB-GALERIJ-01", Verdict.FAILS, override_reason="te lang")
    review.plan.identity.name = "Other name"
    save_review(doc, tmp_path / "a.review")
    loaded = load_review(tmp_path / "a.review").review
    assert loaded.uid == review.uid
    assert {c.id: topic_guid(loaded, c.id) for c in loaded.criteria()} == before
    other = review.model_copy(update={"uid": None})
    assert (
        topic_guid(type(review).model_validate(other.model_dump()), "GEB-ENTREE-01")
        != (before["GEB-ENTREE-01"])
    )


def test_a_file_without_identity_gets_a_stable_one(tmp_path, review):
    """A format-4 file has no uid: it gets one derived from the review, the same each time."""
    import json

    from reviewer.storage.review_file import review_payload

    payload = review_payload(review)
    payload["schema_version"] = 4
    del payload["review"]["uid"]
    for a in payload["review"]["assessments"].values():
        del a["replies"]
    path = tmp_path / "old.review"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("review.json", json.dumps(payload))
    first, second = load_review(path).review, load_review(path).review
    assert first.uid is not None and first.uid == second.uid != review.uid


def ifc_review(review) -> ReviewDocument:
    """A review whose sheet came from an IFC storey: 10 px per metre, storey at 3 m."""
    image = Image.new("RGB", (800, 600), "white")
    buf = io.BytesIO()
    image.save(buf, "PNG")
    sheet = Sheet(
        id="S1",
        name="Verdieping 1",
        attachment="storey-1.png",
        width=800,
        height=600,
        ifc=IfcPlacement(
            storey_guid="2Fb$4xqWr3RRp5R3kO0XOX",
            storey_name="Level 1",
            elevation=3.0,
            origin_x=-10.0,
            origin_y=50.0,
            metres_per_pixel=0.1,
        ),
        pins=[
            Pin(
                number=1,
                criterion_id="GEB-ENTREE-01",
                position=(200.0, 100.0),
                ifc_guid="1hOSvn6df7F8_7GcBWlRGQ",
            )
        ],
    )
    review.sheets = [sheet]
    set_verdict(review, "GEB-ENTREE-01", Verdict.FAILS)
    return ReviewDocument(review, {"storey-1.png": buf.getvalue()})


def test_a_sheet_from_ifc_gets_a_camera_above_the_pin_and_the_element_selected(review):
    doc = ifc_review(review)
    data = bcf_bytes(doc)
    assert_valid(data)
    guid = topic_guid(doc.review, "GEB-ENTREE-01")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        view = etree.fromstring(zf.read(f"{guid}/viewpoint.bcfv"))
        snapshot = Image.open(io.BytesIO(zf.read(f"{guid}/snapshot.png")))
    camera = view.find("OrthogonalCamera")
    point = [float(camera.findtext(f"CameraViewPoint/{a}")) for a in "XYZ"]
    # x = -10 + 200 * 0.1; y = 50 - 100 * 0.1; z = storey elevation + 1.2 m cut
    assert point == pytest.approx([10.0, 40.0, 4.2])
    assert [float(camera.findtext(f"CameraDirection/{a}")) for a in "XYZ"] == [0, 0, -1]
    assert float(camera.findtext("ViewToWorldScale")) > 0
    assert [c.get("IfcGuid") for c in view.iter("Component")] == ["1hOSvn6df7F8_7GcBWlRGQ"]
    assert float(view.findtext("ClippingPlanes/ClippingPlane/Location/Z")) == pytest.approx(4.2)
    assert snapshot.format == "PNG" and max(snapshot.size) <= 1500
    # the pin is drawn: red pixels of its verdict colour in the snapshot
    colours = {c for _n, c in snapshot.convert("RGB").getcolors(1_000_000)}
    assert (0xC6, 0x28, 0x28) in colours


def test_a_sheet_not_from_ifc_has_no_camera(example_bcf):
    with zipfile.ZipFile(io.BytesIO(example_bcf)) as zf:
        views = [zf.read(n) for n in zf.namelist() if n.endswith(".bcfv")]
    assert views and all(b"Camera" not in v for v in views)


def test_export_can_be_cancelled_and_reports_progress(example):
    seen: list[tuple[int, int]] = []
    bcf_bytes(example, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] == len(seen)
    with pytest.raises(BcfCancelled):
        bcf_bytes(example, cancelled=lambda: True)


def test_a_missing_drawing_is_one_clear_error(review, tmp_path):
    doc = ifc_review(review)
    doc.attachments.clear()
    target = tmp_path / "out.bcf"
    with pytest.raises(BcfFileError, match=r"Cannot write out.bcf: .*drawing.*missing"):
        export_bcf(doc, target)
    assert not target.exists()


# ---------------------------------------------------------------- buildingSMART's test files


def test_maximum_information_shows_its_comments(review):
    content = load_bcf(DATA / "test-cases" / "MaximumInformation.bcf")
    topic = next(t for t in content.topics if t.guid == "7ddc3ef0-0ab7-43f1-918a-45e38b42369c")
    assert topic.title == "Maximum Content" and topic.status == "Open"
    assert len(topic.comments) == 4
    assert topic.comments[0].author == "dangl@iabi.eu"
    assert topic.comments[0].text.startswith("This is an unmodified topic")
    assert topic.comments[3].modified is not None
    # not this review's topics: listed, not dropped
    result = apply_replies(review, content.topics)
    assert {t.title for t in result.unknown} == {"Maximum Content", "Referenced topic"}
    assert result.count == 0


@pytest.mark.parametrize("name", ["MinimumInformation.bcf", "UserAssignment.bcf"])
def test_the_other_test_cases_read(name):
    content = load_bcf(DATA / "test-cases" / name)
    assert len(content.topics) == 1 and content.topics[0].title


# ---------------------------------------------------------------- replies


def _reply_bcf(data: bytes, guid: str, comment: str, status: str = "Closed") -> bytes:
    """The export as a BIM tool writes it back: the topic closed, with a comment."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            content = zin.read(name)
            if name == f"{guid}/markup.bcf":
                text = content.decode()
                text = text.replace('TopicStatus="Open"', f'TopicStatus="{status}"')
                text = re.sub(
                    "<ModifiedAuthor>.*</ModifiedAuthor>",
                    "<ModifiedAuthor>architect@rietvink.nl</ModifiedAuthor>",
                    text,
                ).replace(
                    "<ModifiedDate>2026-11-12T10:00:00Z</ModifiedDate>",
                    "<ModifiedDate>2026-12-01T09:30:00Z</ModifiedDate>",
                )
                text = text.replace(
                    "  <Viewpoints",
                    '  <Comment Guid="0b843a5c-c3bf-41ef-be98-52a9f7bd9790">\n'
                    "    <Date>2026-12-01T09:00:00Z</Date>\n"
                    "    <Author>architect@rietvink.nl</Author>\n"
                    f"    <Comment>{comment}</Comment>\n"
                    "  </Comment>\n  <Viewpoints",
                    1,
                )
                content = text.encode()
            zout.writestr(name, content)
    return out.getvalue()


def test_replies_land_on_the_criterion_once(example, example_bcf):
    review = example.review.model_copy(deep=True)
    guid = str(topic_guid(review, "SB-ENTREE-01"))
    data = _reply_bcf(example_bcf, guid, "Entree C vervalt in VO-3.")
    result = apply_replies(review, read_bcf(data).topics)
    assert result.unknown == [] and result.matched == len(finding_topics(review))
    assert result.added == {"SB-ENTREE-01": 2}
    replies = result.assessments["SB-ENTREE-01"].replies
    assert [(r.kind, r.author) for r in replies] == [
        (ReplyKind.COMMENT, "architect@rietvink.nl"),
        (ReplyKind.STATUS, "architect@rietvink.nl"),
    ]
    assert replies[0].text == "Entree C vervalt in VO-3." and replies[1].status == "Closed"
    assert review.assessments["SB-ENTREE-01"].replies == []  # nothing changed yet
    review.assessments.update(result.assessments)
    again = apply_replies(review, read_bcf(data).topics)
    assert again.count == 0 and again.assessments == {}


def _topic_statuses(data: bytes) -> dict[str, str]:
    return {t.guid: t.status for t in read_bcf(data).topics}


def test_a_topic_status_follows_the_measure_and_the_architect():
    from datetime import date

    from reviewer.domain.findings import topic_status
    from reviewer.domain.review import Reply
    from reviewer.domain.stages import MeasureStatus

    review = load_review(EXAMPLES / "galerijflat-veiligheid.review").review
    a = next(x for x in review.assessments.values() if x.has_measure)
    assert topic_status(a) == "Open"
    signed = {"by": "J. de Vries", "on": date(2026, 12, 1)}
    processed = a.with_status(MeasureStatus.PROCESSED, **signed)
    assert topic_status(processed) == "Resolved"
    assert topic_status(processed.with_status(MeasureStatus.VERIFIED, **signed)) == "Closed"
    withdrawn = a.with_status(MeasureStatus.WITHDRAWN, reason="plan gewijzigd", **signed)
    assert topic_status(withdrawn) == "Closed"
    # the architect's own status stands, until the adviser verifies or withdraws
    reply = Reply(guid="status:Resolved:", kind=ReplyKind.STATUS, author="ar", status="Resolved")
    answered = a.changed(replies=[reply])
    assert topic_status(answered) == "Resolved"
    assert topic_status(answered.with_status(MeasureStatus.VERIFIED, **signed)) == "Closed"


def test_exporting_again_keeps_what_the_architect_closed(example, example_bcf):
    review = example.review.model_copy(deep=True)
    guid = str(topic_guid(review, "SB-ENTREE-01"))
    answered = _reply_bcf(example_bcf, guid, "Entree C vervalt in VO-3.")
    review.assessments.update(apply_replies(review, read_bcf(answered).topics).assessments)
    again = bcf_bytes(ReviewDocument(review, example.attachments), "nl")
    statuses = _topic_statuses(again)
    assert statuses.pop(guid) == "Closed"  # not reopened in the architect's tool
    assert set(statuses.values()) == {"Open"}
    assert_valid(again)
    # the tool sends the file back unchanged: nothing new to read
    assert apply_replies(review, read_bcf(again).topics).count == 0


# ---------------------------------------------------------------- hostile files


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out.getvalue()


VERSION = b'<?xml version="1.0"?><Version VersionId="2.1"/>'
GUID = "7ddc3ef0-0ab7-43f1-918a-45e38b42369c"
MARKUP = (
    f'<Markup><Topic Guid="{GUID}"><Title>x</Title>'
    "<CreationDate>2020-01-01T00:00:00Z</CreationDate><CreationAuthor>a</CreationAuthor>"
    "</Topic></Markup>"
).encode()
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE Markup [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<Markup><Topic Guid='" + GUID.encode() + b"'><Title>&c;</Title></Topic></Markup>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE Markup [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<Markup><Topic Guid='" + GUID.encode() + b"'><Title>&x;</Title></Topic></Markup>"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a zip container"),
        (_zip({"bcf.version": VERSION}), "holds no topics"),
        (_zip({"../evil/markup.bcf": MARKUP}), r"'\.\.' in its path"),
        (_zip({"/abs/markup.bcf": MARKUP}), "absolute path"),
        (_zip({f"{GUID}/markup.bcf": BOMB}), "document type or entities"),
        (_zip({f"{GUID}/markup.bcf": EXTERNAL}), "document type or entities"),
        (_zip({f"{GUID}/markup.bcf": b"<Markup><Topic"}), "not well-formed XML"),
        (_zip({f"{GUID}/markup.bcf": b"<Markup><Topic Guid='x'/></Markup>"}), "no valid GUID"),
        (_zip({f"{GUID}/markup.bcf": b"<Other/>"}), "holds no BCF markup"),
        (
            _zip({"bcf.version": b'<Version VersionId="3.0"/>', f"{GUID}/markup.bcf": MARKUP}),
            "BCF 3.0",
        ),
        (_zip({f"{GUID}/markup.bcf": MARKUP}, zipfile.ZIP_BZIP2), "compressed with a method"),
        (
            _zip({f"{GUID}/markup.bcf": b"<Markup>" + b" " * (MAX_MARKUP_BYTES + 1)}),
            "too large",
        ),
    ],
)
def test_hostile_files_are_refused_with_one_message(data, message):
    with pytest.raises(BcfFileError, match=message):
        read_bcf(data)


def test_a_header_that_lies_about_the_size_is_read_no_further():
    data = bytearray(_zip({f"{GUID}/markup.bcf": b"<Markup>" + b" " * (MAX_MARKUP_BYTES + 8)}))
    # claim a small uncompressed size in the central directory and the local header
    real = (MAX_MARKUP_BYTES + 16).to_bytes(4, "little")
    count = data.count(real)
    assert count == 2
    data = data.replace(real, (100).to_bytes(4, "little"))
    with pytest.raises(BcfFileError):
        read_bcf(bytes(data))


def test_load_bcf_names_the_file_and_refuses_a_folder(tmp_path):
    with pytest.raises(BcfFileError, match=r"Cannot read missing.bcf: the file does not exist"):
        load_bcf(tmp_path / "missing.bcf")
    with pytest.raises(BcfFileError, match="a folder"):
        load_bcf(tmp_path)


def test_all_topics_together_are_bounded(monkeypatch):
    from reviewer.storage import bcf

    monkeypatch.setattr(bcf, "MAX_READ_BYTES", 3 * len(MARKUP))
    members = {f"{GUID[:-1]}{i}/markup.bcf": MARKUP for i in range(4)}
    with pytest.raises(BcfFileError, match="too large in total"):
        read_bcf(_zip(members))
    assert len(read_bcf(_zip(dict(list(members.items())[:3]))).topics) == 3
