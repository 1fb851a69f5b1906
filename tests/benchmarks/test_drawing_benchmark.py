"""Opening and fitting a 10-page A1 PDF drawing: time and peak memory.

A fresh process makes a 10-page A1 plan drawing (thousands of vector lines per page,
like an architect's export), adds it to a review (every page is checked with pdfium and
becomes a sheet) and renders each page at the size of a full-HD window, as fitting it
to the drawing view will. It prints the time and the process's peak memory; run with -s
to see them:

    .venv/bin/python -m pytest tests/benchmarks/test_drawing_benchmark.py -s

An A1 page at 300 dpi would be 70 megapixels (280 MB as RGBA) per page; rendering at the
size shown keeps the peak far below that.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from reviewer.paths import ROOT

pytestmark = pytest.mark.benchmark

PAGES = 10
WINDOW_PIXELS = 1920 * 1080
MAX_SECONDS = 20.0  # a regression guard on a loaded CI machine, not the aim (~1 s)
MAX_PEAK_MB = 600

CHILD = textwrap.dedent(
    f"""
    import io, json, random, resource, time
    from reportlab.pdfgen import canvas

    A1 = (2384, 1684)  # points, landscape
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A1)
    rnd = random.Random(6)
    for page in range({PAGES}):
        pdf.setLineWidth(0.3)
        for _ in range(4000):
            x, y = rnd.uniform(50, 2330), rnd.uniform(50, 1630)
            pdf.line(x, y, x + rnd.uniform(-80, 80), y + rnd.uniform(-80, 80))
        pdf.drawString(60, 60, f"Blad {{page + 1}}")
        pdf.showPage()
    pdf.save()
    data = buf.getvalue()

    from reviewer.storage.drawings import add_drawing, render_sheet
    from reviewer.storage.review_file import ReviewDocument, load_review
    from reviewer.paths import EXAMPLE_REVIEW

    doc = load_review(EXAMPLE_REVIEW)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    sheets = add_drawing(doc, "plan-a1.pdf", data)
    opened = time.perf_counter() - start
    sizes = [render_sheet(doc, s, {WINDOW_PIXELS}).size for s in sheets]
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({{
        "pages": len(sheets), "mb": len(data) / 1e6, "open_s": opened, "total_s": total,
        "before_mb": before / 1024, "peak_mb": peak / 1024, "size": sizes[0],
    }}))
    """
)


def test_open_and_fit_a_ten_page_a1_pdf():
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"\n{figures['pages']}-page A1 PDF ({figures['mb']:.1f} MB): checked and split into "
        f"sheets in {figures['open_s']:.2f} s; every page fitted to a full-HD window "
        f"({figures['size'][0]}×{figures['size'][1]} px) in {figures['total_s']:.2f} s; "
        f"peak memory {figures['peak_mb']:.0f} MB (before adding: {figures['before_mb']:.0f} MB)"
    )
    assert figures["pages"] == PAGES
    assert figures["size"][0] * figures["size"][1] <= WINDOW_PIXELS
    assert figures["total_s"] < MAX_SECONDS
    assert figures["peak_mb"] < MAX_PEAK_MB
