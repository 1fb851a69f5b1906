"""Drawing pages in the review report, read back with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reviewer.domain.drawing import (
    FactTarget,
    Measurement,
    Pin,
    calibration_from_scale,
)
from reviewer.domain.measuring import assign_measurement
from reviewer.domain.review import set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.report.drawings import MAX_PIXELS
from reviewer.report.review_report import export_report
from reviewer.storage.drawings import add_drawing
from tests.hostile import pdf_content_bomb
from tests.report.conftest import HOSTILE, pdf_pages


def plan_pdf(width: float = 1684, height: float = 1190) -> bytes:
    """An A2 landscape 'ground floor' drawn with reportlab: walls and a gallery."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(width, height))
    pdf.setLineWidth(3)
    pdf.rect(100, 100, width - 200, height - 200)
    pdf.line(100, height / 2, width - 100, height / 2)
    pdf.drawString(120, height - 130, "BEGANE GROND 1:100")
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def images(page) -> list[tuple[int, int]]:
    found = []
    xobjects = page["/Resources"].get("/XObject") or {}
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            found.append((int(obj["/Width"]), int(obj["/Height"])))
    return found


@pytest.fixture
def drawn(document):
    """The report test document with a calibrated ground floor, two pins and a
    measurement assigned to gallery G1's length."""
    review = document.review
    (sheet,) = add_drawing(document, "Begane grond.pdf", plan_pdf())
    sheet.name = "Begane grond <b>" + HOSTILE[0]
    sheet.calibration = calibration_from_scale(100)
    sheet.measurements = [
        Measurement(id="m1", kind="length", points=[(200, 600), (1300, 600)]),
        Measurement(id="a1", kind="area", points=[(200, 200), (500, 200), (500, 400)]),
    ]
    sheet.pins = [
        Pin(number=1, criterion_id="GEB-ENTREE-01", element="E1", position=(300, 300)),
        Pin(number=2, criterion_id="GEB-GALERIJ-01", element="G1", position=(800, 600)),
    ]
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    assign_measurement(review, sheet.id, "m1", target)  # 1100 pt at 1:100 = 38.81 m
    # the gallery criterion is outside the safety perspective: assess it so it is shown
    set_verdict(review, "GEB-GALERIJ-01", Verdict.FAILS)
    return document


def test_sheet_page_has_drawing_and_legend(tmp_path, drawn):
    out = export_report(drawn, tmp_path / "advies.pdf", lang="nl")
    reader = PdfReader(out)
    pages = [" ".join(text.split()) for text in pdf_pages(out)]
    index = next(i for i, text in enumerate(pages) if "Nr. Criterium Oordeel" in text)
    page_text = pages[index]
    # the drawing is embedded, downscaled to the print budget, in its aspect ratio
    (size,) = [s for s in images(reader.pages[index]) if s not in {(4000, 3000), (900, 1200)}]
    assert size[0] * size[1] <= MAX_PIXELS
    assert size[0] / size[1] == pytest.approx(1684 / 1190, rel=0.01)
    # heading (user text printed literally), scale and legend rows
    assert "Begane grond <b>a < b" in page_text
    assert "Schaal 1:100" in page_text
    assert "1 GEB-ENTREE-01" in page_text
    assert "2 GEB-GALERIJ-01" in page_text
    assert "voldoet niet" in page_text
    # measurements with their values, drawn and listed
    assert "38,81 m" in page_text
    assert "G1 lengte" in page_text
    assert "m²" in page_text
    assert [o.title for o in reader.outline if not isinstance(o, list)][
        -1
    ] == "Bijlage 3 — Tekeningen"


def test_findings_refer_to_their_pins_and_evidence_to_the_sheet(tmp_path, drawn):
    out = export_report(drawn, tmp_path / "advies.pdf", lang="nl")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Zie markering 1 op tekening Begane grond <b>a < b" in text
    assert "Zie markering 2 op tekening Begane grond <b>a < b" in text
    assert "(gemeten op blad Begane grond <b>a < b)" in text


def test_english_drawing_page(tmp_path, drawn):
    out = export_report(drawn, tmp_path / "advice.pdf", lang="en")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "No. Criterion Verdict" in text
    assert "See marker 1 on drawing Begane grond" in text
    assert "38.81 m" in text
    assert "Scale 1:100" in text


def test_sheets_without_pins_or_measurements_get_no_page(tmp_path, document):
    add_drawing(document, "plan.pdf", plan_pdf())
    out = export_report(document, tmp_path / "advies.pdf", lang="nl")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Tekeningen" not in text
    assert len([s for p in PdfReader(out).pages for s in images(p)]) == 2  # the photos


def test_an_unrenderable_drawing_is_reported_in_its_place(tmp_path, drawn, monkeypatch):
    from reviewer.report import drawings
    from reviewer.storage.container import DocumentFileError

    def broken(doc, sheet, renderer):
        raise DocumentFileError("the drawing is damaged")

    monkeypatch.setattr(drawings, "_render", broken)
    out = export_report(drawn, tmp_path / "advies.pdf", lang="nl")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "kan niet worden getoond: the drawing is damaged" in text
    assert "Nr. Criterium Oordeel" in text


def test_a_pdf_bomb_is_refused_within_the_limit_and_the_report_still_made(
    tmp_path, drawn, monkeypatch
):
    from reviewer.storage import render_process

    monkeypatch.setattr(render_process, "RENDER_MEMORY_BYTES", 384 * 2**20)  # a fast test
    # 100 MB of drawing operators in 0.2 MB: some 2 GB and 20 s to render in pdfium
    (bomb,) = add_drawing(drawn, "Verdieping.pdf", pdf_content_bomb(100))
    bomb.pins = [Pin(number=3, criterion_id="GEB-ENTREE-01", position=(100, 100))]
    out = export_report(drawn, tmp_path / "advies.pdf", lang="nl")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Tekening Verdieping kan niet worden getoond" in text
    assert "needs more than 384 MB of memory to render" in text
    assert "BEGANE GROND 1:100" not in text  # the other sheet is an image in the PDF
    assert len([s for p in PdfReader(out).pages for s in images(p)]) == 3  # 2 photos, 1 sheet


# ----------------------------------------------------------------- workshop report


@pytest.fixture
def workshop_sides(drawn, checklist):
    """Safety review A with the drawn ground floor; cohesion review B of the same plan
    with its own pin 1 on its own sheet, for a different criterion."""
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.storage.review_file import ReviewDocument

    plan = drawn.review.plan.model_copy(deep=True)
    b = ReviewDocument(new_review(plan, checklist, "cohesion", Reviewer(name="P. Jansen")))
    (sheet,) = add_drawing(b, "hof.pdf", plan_pdf(1190, 842))
    sheet.name = "Binnenhof"
    sheet.pins = [Pin(number=1, criterion_id="OR-HOF-01", position=(600, 400))]
    set_verdict(b.review, "OR-HOF-01", Verdict.PARTLY, justification="Poort nog onbekend")
    return drawn, b


def test_workshop_report_shows_the_pins_of_both_sides(tmp_path, workshop_sides):
    from reviewer.report import export_workshop_report

    a, b = workshop_sides
    out = export_workshop_report(a, b, tmp_path / "werksessie.pdf", lang="nl")
    reader = PdfReader(out)
    pages = [" ".join(text.split()) for text in pdf_pages(out)]
    # one drawing page per side, each headed by its side, each with its own legend
    page_a = next(i for i, t in enumerate(pages) if "A · Veiligheid: Begane grond <b>a < b" in t)
    page_b = next(i for i, t in enumerate(pages) if "B · Cohesie: Binnenhof" in t)
    assert page_a < page_b
    assert "1 GEB-ENTREE-01" in pages[page_a] and "2 GEB-GALERIJ-01" in pages[page_a]
    assert "38,81 m" in pages[page_a]
    assert "1 OR-HOF-01" in pages[page_b] and "voldoet gedeeltelijk" in pages[page_b]
    assert "GEB-ENTREE-01" not in pages[page_b]
    # each page carries its own drawing, downscaled, in its sheet's aspect ratio
    (size_a,) = [s for s in images(reader.pages[page_a]) if s not in {(4000, 3000), (900, 1200)}]
    (size_b,) = images(reader.pages[page_b])
    assert size_a[0] / size_a[1] == pytest.approx(1684 / 1190, rel=0.01)
    assert size_b[0] / size_b[1] == pytest.approx(1190 / 842, rel=0.01)
    assert size_b[0] * size_b[1] <= MAX_PIXELS
    # the cards refer to each side's own pins
    text = " ".join(pages)
    assert "Op tekening: markering 1 op tekening Binnenhof" in text
    # both agree GEB-GALERIJ-01 fails: the compact table names the side of the pin
    assert "Op tekening: A: markering 2 op tekening Begane grond <b>a < b" in text
    assert "Tekeningen" in [o.title for o in reader.outline if not isinstance(o, list)]


def test_workshop_report_says_when_one_side_has_no_drawings(tmp_path, workshop_sides):
    from reviewer.report import export_workshop_report

    a, b = workshop_sides
    b.review.sheets = []
    out = export_workshop_report(a, b, tmp_path / "werksessie.pdf", lang="en")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "A · Safety: Begane grond" in text
    assert "B · Cohesion placed no pins or measurements on drawings." in text
    a.review.sheets = []
    out = export_workshop_report(a, b, tmp_path / "no-drawings.pdf", lang="en")
    assert "Drawings" not in " ".join(pdf_pages(out))


def test_the_measurement_table_names_the_element_type(tmp_path, drawn):
    """A gallery numbered "1" (as a plan started from scratch numbers it) is listed as
    "Galerij 1 lengte", not "1 lengte"; the name is printed literally."""
    review = drawn.review
    review.plan.galleries[0].id = "1 <b>"
    sheet = review.sheets[0]
    sheet.measurements[0].assigned = FactTarget(
        collection="galleries", element="1 <b>", fact="length_m"
    )
    out = export_report(drawn, tmp_path / "advies.pdf", lang="nl")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "m1 38,81 m Galerij 1 <b> lengte" in text
    out = export_report(drawn, tmp_path / "advice.pdf", lang="en")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "m1 38.81 m Gallery 1 <b> length" in text
