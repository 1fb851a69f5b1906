"""Opening and fitting a 10-page A1 PDF drawing: time and peak memory.

A fresh process makes a 10-page A1 plan drawing (thousands of vector lines per page,
like an architect's export), adds it to a review (every page is checked with pdfium and
becomes a sheet) and renders each page at the size of a full-HD window, as fitting it
to the drawing view will. It prints the time and the process's peak memory; run with -s
to see them:

    .venv/bin/python -m pytest tests/benchmarks/test_drawing_benchmark.py -s

An A1 page at 300 dpi would be 70 megapixels (280 MB as RGBA) per page; rendering at the
size shown keeps the peak far below that. The pages are rendered in the render worker
process, so its peak is printed beside the process's own.

A second test measures why the view keeps one worker process alive instead of starting
one per render: re-rendering at every zoom step.
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
    from reviewer.storage.render_process import SheetRenderer
    from reviewer.storage.review_file import ReviewDocument, load_review
    from reviewer.paths import EXAMPLE_REVIEW

    doc = load_review(EXAMPLE_REVIEW)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    sheets = add_drawing(doc, "plan-a1.pdf", data)
    opened = time.perf_counter() - start
    with SheetRenderer() as renderer:  # the pages are rendered in its worker process
        sizes = [render_sheet(doc, s, {WINDOW_PIXELS}, renderer).size for s in sheets]
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({{
        "pages": len(sheets), "mb": len(data) / 1e6, "open_s": opened, "total_s": total,
        "before_mb": before / 1024, "peak_mb": peak / 1024, "size": sizes[0],
        "worker_mb": renderer.last_peak_bytes / 2**20,
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
        f"peak memory {figures['peak_mb']:.0f} MB (before adding: {figures['before_mb']:.0f} MB), "
        f"of the render worker {figures['worker_mb']:.0f} MB"
    )
    assert figures["pages"] == PAGES
    assert figures["size"][0] * figures["size"][1] <= WINDOW_PIXELS
    assert figures["total_s"] < MAX_SECONDS
    assert figures["peak_mb"] < MAX_PEAK_MB
    assert 0 < figures["worker_mb"] < MAX_PEAK_MB


ZOOM_STEPS = 8
ROUNDS = 2


def _a1_pdf() -> bytes:
    import io
    import random

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(2384, 1684))
    rnd = random.Random(6)
    pdf.setLineWidth(0.3)
    for _ in range(4000):
        x, y = rnd.uniform(50, 2330), rnd.uniform(50, 1630)
        pdf.line(x, y, x + rnd.uniform(-80, 80), y + rnd.uniform(-80, 80))
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_zoom_re_renders_one_long_lived_worker_against_one_worker_per_render():
    """Why the drawing view keeps one worker process: zooming in step by step re-renders
    the page at every step. One long-lived worker (started cold, as the view's first
    render is) against a new worker for every render; medians of alternated rounds."""
    import statistics
    import time

    from reviewer.storage.render_process import SheetRenderer

    data = _a1_pdf()
    budgets = [int(WINDOW_PIXELS * 1.25**step) for step in range(ZOOM_STEPS)]
    kept, fresh = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        with SheetRenderer() as renderer:
            for budget in budgets:
                renderer.render(data, page=0, budget=budget, name="A1")
        kept.append(time.perf_counter() - start)
        start = time.perf_counter()
        for budget in budgets:
            with SheetRenderer() as renderer:
                renderer.render(data, page=0, budget=budget, name="A1")
        fresh.append(time.perf_counter() - start)
    one, per_render = statistics.median(kept), statistics.median(fresh)
    print(
        f"\n{ZOOM_STEPS} zoom steps of an A1 page ({budgets[0] / 1e6:.1f}"
        f"-{budgets[-1] / 1e6:.1f} MP): one long-lived worker {one:.2f} s "
        f"({one / ZOOM_STEPS * 1000:.0f} ms a step), a worker per render {per_render:.2f} s "
        f"({per_render / ZOOM_STEPS * 1000:.0f} ms a step); ratio {one / per_render:.2f}"
    )
    assert one < per_render
