"""Plan drawings in the .review file: schema migration, round trip, hostile drawings."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

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
from reviewer.storage.review_file import (
    SCHEMA_VERSION,
    ReviewDocument,
    load_review,
    review_payload,
    save_review,
)
from reviewer.storage.workshop_file import SCHEMA_VERSION as WORKSHOP_SCHEMA_VERSION


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
    assert SCHEMA_VERSION == 2
    assert loaded.review.sheets == []
    assert loaded.review.assessments == review.assessments


def test_format_1_workshop_gets_empty_sheets_on_both_sides(review):
    payload = review_payload(review)["review"]
    del payload["sheets"]
    raw = {"schema_version": 1, "workshop": {"review_a": dict(payload), "review_b": payload}}
    migrated = workshop_file.migrate(
        raw, WORKSHOP_SCHEMA_VERSION, workshop_file.MIGRATIONS, "workshop"
    )
    assert WORKSHOP_SCHEMA_VERSION == 2
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
