"""Long tables (issue 17): the facts appendix of a plan with hundreds of elements is laid
out a page at a time (`PagedTable`) and reads as one table: every row once, in order,
the header row repeated on each page it continues onto, a row taller than a page split."""

from __future__ import annotations

import re
import time

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, new_review
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.report import export_report
from reviewer.report.flowables import PAGE_ROWS, PagedTable, header_table, strip_table
from reviewer.report.fonts import register_fonts
from reviewer.report.styles import stylesheet
from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.yamlfile import load_checklist
from tests.benchmarks.scaled import scaled_plan
from tests.report.conftest import pdf_pages


def _table_pdf(path, rows: int, tall: int | None = None) -> list[str]:
    register_fonts()
    style = stylesheet()["cell"]
    data: list[list[object]] = [["", Paragraph("Kop A", style), Paragraph("Kop B", style)]]
    for i in range(rows):
        text = f"rij {i:04d} " + ("lang " * 3000 if i == tall else "")
        data.append(["", Paragraph(f"element {i:04d}", style), Paragraph(text, style)])
    table = header_table(data, [3.5, 120, 300], [None] + ["#2e7d32"] * rows, [(1, 3)])
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return pdf_pages(path)


def test_a_long_table_is_paged_and_reads_as_one(tmp_path):
    rows = 400
    assert isinstance(
        header_table([[""]] * (PAGE_ROWS + 2), [10], [None] * (PAGE_ROWS + 2)), PagedTable
    )
    pages = _table_pdf(tmp_path / "long.pdf", rows)
    assert len(pages) > 5
    found = [int(n) for page in pages for n in re.findall(r"element (\d{4})", page)]
    assert found == list(range(rows))  # every row once, in order
    for page in pages:
        assert page.index("Kop A") < page.index("element")  # the header first, on every page


def test_a_row_taller_than_a_page_splits_inside_a_paged_table(tmp_path):
    pages = _table_pdf(tmp_path / "tall.pdf", 120, tall=60)
    found = [int(n) for page in pages for n in re.findall(r"element (\d{4})", page)]
    assert found == list(range(120))
    assert sum(page.count("lang") for page in pages) == 3000
    assert all("Kop A" in page for page in pages)


def test_a_short_table_stays_a_plain_table():
    rows = [[""]] * 5
    assert not isinstance(header_table(rows, [10], [None] * 5), PagedTable)
    assert strip_table(rows, [10], [None] * 5).__class__.__name__ == "Table"


def test_the_facts_of_a_large_plan_are_in_the_report(tmp_path):
    plan = Plan.model_validate(scaled_plan(600))
    review = new_review(plan, load_checklist(DEFAULT_CHECKLIST), "safety", Reviewer(name="T"))
    start = time.perf_counter()
    out = export_report(ReviewDocument(review), tmp_path / "large.pdf")
    assert time.perf_counter() - start < 60
    text = " ".join(pdf_pages(out))
    # the stairwells added to the plan are in the report (appendix 1 or 2)
    for n in (1, 40, 80):
        assert f"NT{n}" in text
