"""Plan drawings in the .review file: schema migration, round trip, hostile drawings."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import threading
import time
import zipfile
import zlib

import pytest
from PIL import Image

from reviewer.domain.drawing import (
    FactTarget,
    Measurement,
    Pin,
    Sheet,
    calibration_from_points,
    calibration_from_scale,
)
from reviewer.storage import workshop_file
from reviewer.storage.container import DocumentFileError
from reviewer.storage.drawings import add_drawing, remove_sheet, render_sheet
from reviewer.storage.render_process import RenderCancelled, RenderRefused, SheetRenderer
from reviewer.storage.review_file import (
    SCHEMA_VERSION,
    ReviewDocument,
    load_review,
    review_payload,
    save_review,
)
from reviewer.storage.workshop_file import SCHEMA_VERSION as WORKSHOP_SCHEMA_VERSION
from tests.hostile import pdf_content_bomb


def pdf_bytes(pages: list[tuple[float, float]]) -> bytes:
    """A PDF with one simple drawing per page size, made with reportlab."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for width, height in pages:
        pdf.setPageSize((width, height))
        pdf.rect(width * 0.1, height * 0.1, width * 0.8, height * 0.8)
        pdf.drawString(width * 0.15, height * 0.5, "Begane grond")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def write_zip(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_format_1_file_loads_with_no_sheets(tmp_path, review):
    payload = review_payload(review)
    payload["schema_version"] = 1
    del payload["review"]["sheets"]
    path = tmp_path / "old.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    loaded = load_review(path)
    assert loaded.review.sheets == []
    assert loaded.review.assessments == review.assessments


def test_format_1_workshop_gets_empty_sheets_on_both_sides(review):
    payload = review_payload(review)["review"]
    del payload["sheets"]
    raw = {"schema_version": 1, "workshop": {"review_a": dict(payload), "review_b": payload}}
    migrated = workshop_file.migrate(
        raw, WORKSHOP_SCHEMA_VERSION, workshop_file.MIGRATIONS, "workshop"
    )
    assert migrated["workshop"]["review_a"]["sheets"] == []
    assert migrated["workshop"]["review_b"]["sheets"] == []


def test_a_newer_file_is_refused_by_name(tmp_path, review):
    payload = review_payload(review)
    payload["schema_version"] = SCHEMA_VERSION + 1
    payload["review"]["sheets"] = [{"id": "S1", "future": True}]
    path = tmp_path / "new.review"
    write_zip(path, {"review.json": json.dumps(payload).encode()})
    with pytest.raises(DocumentFileError, match="made by a newer version"):
        load_review(path)


def test_pins_and_measurements_round_trip(tmp_path, review):
    pdf = pdf_bytes([(842, 595)])
    sheet = Sheet(
        id="S1",
        name="Begane grond",
        attachment="drawing-1.pdf",
        page=0,
        width=842,
        height=595,
        calibration=calibration_from_scale(100),
        measurements=[
            Measurement(
                id="m1",
                kind="length",
                points=[(10.5, 20.25), (300.125, 20.25)],
                assigned=FactTarget(collection="galleries", element="G1", fact="length_m"),
            )
        ],
        pins=[
            Pin(number=1, criterion_id="GEB-GALERIJ-01", element="G1", position=(123.456, 78.9)),
            Pin(number=2, criterion_id="OR-HOF-01", position=(842, 595)),
        ],
    )
    other = Sheet(
        id="S2",
        name="Situatie",
        attachment="drawing-1.pdf",
        page=0,
        width=842,
        height=595,
        calibration=calibration_from_points((0, 0), (100, 0), 5.0),
    )
    review.sheets = [sheet, other]
    path = tmp_path / "plan.review"
    save_review(ReviewDocument(review, {"drawing-1.pdf": pdf}), path)
    loaded = load_review(path)
    assert loaded.review.sheets == [sheet, other]
    assert loaded.review == review
    assert set(loaded.attachments) == {"drawing-1.pdf"}


def test_a_sheet_without_its_attachment_is_refused(tmp_path, review):
    review.sheets = [Sheet(id="S1", name="x", attachment="plan.png", width=10, height=10)]
    with pytest.raises(DocumentFileError, match="drawings are missing"):
        save_review(ReviewDocument(review, {}), tmp_path / "x.review")


# ---------------------------------------------------------------- adding drawings


def png(width: int, height: int, mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (width, height), "white").save(buf, "PNG")
    return buf.getvalue()


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header claims 10 gigapixels (the pixel data is a few bytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def zero_page_pdf() -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    return buf.getvalue()


@pytest.fixture
def empty_doc(review) -> ReviewDocument:
    return ReviewDocument(review, {})


def test_every_pdf_page_becomes_a_sheet(empty_doc):
    a1 = (2384, 1684)
    sheets = add_drawing(empty_doc, "Plan 2024.pdf", pdf_bytes([a1, (595, 842), a1]))
    assert [s.id for s in sheets] == ["S1", "S2", "S3"]
    assert [s.page for s in sheets] == [0, 1, 2]
    assert [s.name for s in sheets] == ["Plan 2024 (1/3)", "Plan 2024 (2/3)", "Plan 2024 (3/3)"]
    assert (sheets[1].width, sheets[1].height) == (595, 842)
    assert {s.attachment for s in sheets} == {"drawing-1.pdf"}
    more = add_drawing(empty_doc, "gevel.PNG", png(300, 200))
    assert [(s.id, s.name, s.page, s.width, s.height) for s in more] == [
        ("S4", "gevel", None, 300, 200)
    ]
    assert set(empty_doc.attachments) == {"drawing-1.pdf", "drawing-1.png"}
    assert empty_doc.review.sheets == sheets + more


def test_removing_the_last_sheet_of_a_file_drops_the_attachment(empty_doc):
    add_drawing(empty_doc, "plan.pdf", pdf_bytes([(595, 842), (595, 842)]))
    remove_sheet(empty_doc, "S1")
    assert "drawing-1.pdf" in empty_doc.attachments
    remove_sheet(empty_doc, "S2")
    assert empty_doc.attachments == {}
    assert empty_doc.review.sheets == []


def test_removing_a_sheet_removes_its_provenance_not_the_fact(empty_doc):
    from reviewer.domain.measuring import assign_measurement

    (sheet,) = add_drawing(empty_doc, "plan.pdf", pdf_bytes([(842, 595)]))
    sheet.calibration = calibration_from_scale(100)
    sheet.measurements = [Measurement(id="m1", kind="length", points=[(0, 10), (500, 10)])]
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    result = assign_measurement(empty_doc.review, sheet.id, "m1", target)
    evidence = empty_doc.review.assessments["GEB-GALERIJ-01"].evidence
    assert "(gemeten op blad plan)" in evidence[0].text.nl
    remove_sheet(empty_doc, sheet.id)
    evidence = empty_doc.review.assessments["GEB-GALERIJ-01"].evidence
    assert "gemeten" not in evidence[0].text.nl
    assert empty_doc.review.plan.galleries[0].length_m == result.new_value


def test_drawings_survive_save_and_load(tmp_path, empty_doc):
    add_drawing(empty_doc, "plan.pdf", pdf_bytes([(842, 595)]))
    sheet = empty_doc.review.sheets[0]
    sheet.calibration = calibration_from_scale(100)
    sheet.pins = [Pin(number=1, criterion_id="OR-HOF-01", position=(421, 297.5))]
    save_review(empty_doc, tmp_path / "plan.review")
    loaded = load_review(tmp_path / "plan.review")
    assert loaded.review.sheets == empty_doc.review.sheets
    assert loaded.attachments == empty_doc.attachments


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("plan.pdf", b"<html>not a pdf</html>", "is not a PDF"),
        ("plan.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "cannot be read"),
        ("plan.pdf", None, "has no pages"),
        ("plan.png", None, "too many pixels"),
        ("plan.png", b"\x89PNG\r\n\x1a\nbroken", "not a readable image"),
        ("plan.jpg", png(10, 10), "not a JPEG image"),
        ("plan.dwg", b"AC1032", "use a PNG, JPEG or PDF"),
    ],
)
def test_hostile_drawings_are_refused_clearly(empty_doc, filename, data, message):
    if data is None:
        data = zero_page_pdf() if filename.endswith(".pdf") else bomb_png()
    with pytest.raises(DocumentFileError, match=message) as info:
        add_drawing(empty_doc, filename, data)
    assert filename in str(info.value) or filename.endswith(".dwg")
    assert empty_doc.attachments == {}
    assert empty_doc.review.sheets == []


def test_a_pdf_with_an_impossible_page_size_is_refused(empty_doc):
    with pytest.raises(DocumentFileError, match="impossible size"):
        add_drawing(empty_doc, "huge.pdf", pdf_bytes([(20_000, 600)]))


@pytest.mark.parametrize(
    ("member", "data", "message"),
    [
        ("attachments/drawing-1.pdf", b"not a pdf", "is not a PDF"),
        ("attachments/drawing-1.pdf", None, "has no pages"),
        ("attachments/drawing-1.png", None, "too many pixels"),
    ],
)
def test_hostile_drawings_inside_a_review_file(tmp_path, review, member, data, message):
    if data is None:
        data = zero_page_pdf() if member.endswith(".pdf") else bomb_png()
    path = tmp_path / "x.review"
    write_zip(path, {"review.json": json.dumps(review_payload(review)).encode(), member: data})
    with pytest.raises(DocumentFileError, match=message):
        load_review(path)


# ---------------------------------------------------------------- rendering


def test_a_large_pdf_page_renders_only_at_the_size_asked(empty_doc):
    a0 = (3370, 2384)  # points: at 300 dpi this page would be 195 megapixels
    (sheet,) = add_drawing(empty_doc, "a0.pdf", pdf_bytes([a0]))
    image = render_sheet(empty_doc, sheet, 1_000_000)
    assert image.mode == "RGB"
    assert image.width * image.height <= 1_000_000
    assert image.width * image.height > 950_000
    assert image.width / image.height == pytest.approx(a0[0] / a0[1], rel=0.01)
    assert image.getpixel((0, 0)) == (255, 255, 255)  # white paper, not transparent black


def test_images_are_downscaled_to_the_budget(empty_doc):
    (png_sheet,) = add_drawing(empty_doc, "plan.png", png(4000, 3000, "RGBA"))
    image = render_sheet(empty_doc, png_sheet, 120_000)
    assert image.mode == "RGB"
    assert image.width * image.height <= 120_000
    assert image.width / image.height == pytest.approx(4 / 3, rel=0.02)
    buf = io.BytesIO()
    Image.new("RGB", (4000, 3000), (10, 20, 30)).save(buf, "JPEG")
    (jpg_sheet,) = add_drawing(empty_doc, "foto.jpeg", buf.getvalue())
    assert jpg_sheet.attachment == "drawing-1.jpg"
    image = render_sheet(empty_doc, jpg_sheet, 500_000)
    assert image.width * image.height <= 500_000
    small = render_sheet(empty_doc, png_sheet, 10**12)  # never above the sheet's own size
    assert small.size == (4000, 3000)


# ---------------------------------------------------------------- rendering with limits


LIMIT = 384 * 2**20  # small limits keep these tests fast; the defaults are larger


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """100 MB of drawing operators in a 0.2 MB PDF: about 2 GB and 20 s in pdfium."""
    return pdf_content_bomb(100)


def test_a_content_bomb_is_added_but_refused_at_the_memory_limit(empty_doc, bomb):
    (sheet,) = add_drawing(empty_doc, "bomb.pdf", bomb)  # adding reads no page content
    start = time.monotonic()
    with SheetRenderer(memory=LIMIT, seconds=60) as renderer:
        with pytest.raises(RenderRefused) as refused:
            render_sheet(empty_doc, sheet, 1_000_000, renderer)
        assert refused.value.limit == "memory"
        assert time.monotonic() - start < 30
        assert renderer.last_peak_bytes <= LIMIT  # the worker's peak, not the test's
        assert "'bomb'" in str(refused.value) and "384 MB" in str(refused.value)
        # the next render gets a fresh worker
        (good,) = add_drawing(empty_doc, "plan.pdf", pdf_bytes([(595, 842)]))
        assert render_sheet(empty_doc, good, 100_000, renderer).size == (265, 375)
        assert renderer.workers_started == 2


def test_a_render_over_the_time_limit_is_stopped(empty_doc, bomb):
    (sheet,) = add_drawing(empty_doc, "bomb.pdf", bomb)
    renderer = SheetRenderer(memory=4 * 2**30, seconds=0.5)
    with pytest.raises(RenderRefused) as refused:
        render_sheet(empty_doc, sheet, 1_000_000, renderer)
    assert refused.value.limit == "time"
    assert 0.5 <= refused.value.seconds < 5
    assert renderer.pid is None  # killed and reaped
    assert renderer.last_peak_bytes < 2**30
    assert "0.5 seconds" in str(refused.value)


def test_one_worker_serves_every_zoom_of_a_drawing(empty_doc):
    sheets = add_drawing(empty_doc, "plan.pdf", pdf_bytes([(2384, 1684), (595, 842)]))
    with SheetRenderer() as renderer:
        sizes = [
            render_sheet(empty_doc, sheet, pixels, renderer).size
            for sheet in sheets
            for pixels in (200_000, 800_000, 3_000_000)
        ]
        assert renderer.workers_started == 1
    for (width, height), pixels in zip(sizes, [200_000, 800_000, 3_000_000] * 2, strict=True):
        assert 0.95 * pixels < width * height <= pixels


def test_a_worker_that_died_meanwhile_is_replaced(empty_doc):
    (sheet,) = add_drawing(empty_doc, "plan.png", png(400, 300))
    with SheetRenderer() as renderer:
        render_sheet(empty_doc, sheet, 10_000, renderer)
        pid = renderer.pid
        os.kill(pid, signal.SIGKILL)
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # until it is gone (not reaped)
        assert render_sheet(empty_doc, sheet, 10_000, renderer).size == (115, 86)
        assert renderer.workers_started == 2


def test_cancel_stops_the_render_in_progress(empty_doc, bomb):
    (sheet,) = add_drawing(empty_doc, "bomb.pdf", bomb)
    renderer = SheetRenderer(memory=4 * 2**30, seconds=60)
    outcome: list[BaseException] = []

    def render() -> None:
        try:
            render_sheet(empty_doc, sheet, 1_000_000, renderer)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=render)
    thread.start()
    deadline = time.monotonic() + 30
    while not (renderer.busy and renderer.pid) and time.monotonic() < deadline:
        thread.join(0.01)  # until the worker has the drawing
    renderer.cancel()
    thread.join(30)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], RenderCancelled)
    assert renderer.pid is None
