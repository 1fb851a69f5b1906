"""Plan drawings in the UI: the session's undoable drawing edits and the Drawings tab."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from reviewer.domain.drawing import (
    AssignmentError,
    FactTarget,
    MeasurementKind,
    calibration_from_points,
)
from reviewer.domain.verdict import Verdict
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.ui.session import ReviewSession

GALLERY_LENGTH = FactTarget(collection="galleries", element="G1", fact="length_m")
CRITERION = "GEB-GALERIJ-01"


def png_drawing(width: int = 800, height: int = 600) -> bytes:
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((50, 50, width - 50, height - 50), outline="black", width=4)
    draw.line((50, height // 2, width - 50, height // 2), fill="black", width=2)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pdf_drawing() -> bytes:
    img = Image.open(io.BytesIO(png_drawing()))
    out = io.BytesIO()
    img.save(out, "PDF", resolution=72)
    return out.getvalue()


def evidence_text(session: ReviewSession) -> str:
    return " ".join(e.text.en for e in session.review.assessments[CRITERION].evidence)


@pytest.fixture
def session(review) -> ReviewSession:  # type: ignore[no-untyped-def]
    s = ReviewSession(ReviewDocument(review))
    s.set_fact("galleries", 0, "dwellings", 8)  # so that only the length decides
    return s


def test_add_drawing_is_undoable(session: ReviewSession) -> None:
    sheets = session.add_drawing("Begane grond.png", png_drawing())
    assert [s.name for s in sheets] == ["Begane grond"]
    assert sheets[0].attachment in session.document.attachments
    session.undo_stack.undo()
    assert session.review.sheets == []
    assert session.document.attachments == {}
    session.undo_stack.redo()
    assert session.review.sheets[0].name == "Begane grond"


def test_pdf_pages_become_sheets(session: ReviewSession) -> None:
    sheets = session.add_drawing("plan.pdf", pdf_drawing())
    assert len(sheets) == 1 and sheets[0].page == 0


def test_a_hostile_drawing_is_refused_and_changes_nothing(session: ReviewSession) -> None:
    with pytest.raises(DocumentFileError):
        session.add_drawing("evil.png", b"\x89PNG\r\n\x1a\nnot really")
    assert session.review.sheets == []
    assert session.undo_stack.count() == 1  # only the fixture's fact edit


def test_measure_assign_rename_and_undo(session: ReviewSession) -> None:
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    session.set_calibration(sheet.id, calibration_from_points((0, 0), (100, 0), 10))
    assert session.review.sheet(sheet.id).calibration.metres_per_unit == pytest.approx(0.1)
    mid = session.add_measurement(sheet.id, MeasurementKind.LENGTH, [(100, 100), (500, 100)])
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    with pytest.raises(AssignmentError):
        session.assign_measurement(
            sheet.id, mid, FactTarget(collection="site", fact="residential_area_m2")
        )
    result = session.assign_measurement(sheet.id, mid, GALLERY_LENGTH)
    assert result.old_value == 70 and result.new_value == 40
    assert session.review.plan.galleries[0].length_m == 40
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.MEETS
    assert "measured on sheet gf" in evidence_text(session)
    session.rename_sheet(sheet.id, "Begane grond")
    assert "measured on sheet Begane grond" in evidence_text(session)
    session.undo_stack.undo()  # rename
    assert "measured on sheet gf" in evidence_text(session)
    session.undo_stack.undo()  # assignment
    assert session.review.plan.galleries[0].length_m == 70
    assert session.review.assessments[CRITERION].auto_verdict is Verdict.FAILS
    session.undo_stack.redo()
    assert session.review.plan.galleries[0].length_m == 40


def test_pins_add_move_delete_with_undo(session: ReviewSession) -> None:
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    changed: list[int] = []
    session.sheetsChanged.connect(lambda: changed.append(1))
    n = session.add_pin(sheet.id, CRITERION, (10, 20))
    assert n == 1 and session.review.pins_for(CRITERION)[0][1].position == (10, 20)
    session.move_pin(n, (30, 40))
    assert session.review.sheet(sheet.id).pins[0].position == (30, 40)
    with pytest.raises(ValueError):
        session.move_pin(n, (5000, 40))  # off the sheet
    assert session.review.sheet(sheet.id).pins[0].position == (30, 40)
    session.delete_pin(n)
    assert session.review.sheet(sheet.id).pins == []
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.review.sheet(sheet.id).pins[0].position == (10, 20)
    assert len(changed) == 5


def test_drawings_survive_save_and_reload(session: ReviewSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (sheet,) = session.add_drawing("gf.png", png_drawing())
    session.add_pin(sheet.id, CRITERION, (12.5, 34.25))
    path = tmp_path / "d.review"
    save_review(session.document, path)
    loaded = load_review(path)
    assert loaded.review.sheets[0].pins[0].position == (12.5, 34.25)
