"""Peak memory where hostile or huge files meet C libraries: a PDF bomb and huge photos.

Memory is the peak resident set (`ru_maxrss`) of a process: pdfium's and Pillow's
allocations are C allocations that tracemalloc does not see. Run with -s for the figures:

    .venv/bin/python -m pytest tests/benchmarks/test_memory_benchmark.py -s

1. A PDF whose content stream inflates to 300 MB of drawing operators (0.6 MB on disk;
   some 5 GB and tens of seconds in pdfium unbounded), rendered by the drawing renderer:
   refused within its limits. Its worker's peak is set against the limit and against a
   worker that renders an ordinary A1 drawing at the same size (the baseline).
2. The review report with eight 88-megapixel photos (baseline and progressive JPEGs
   and a PNG; noise on a small tile scaled up, so they are made in seconds), against a
   baseline process that holds the same photos and decodes one of them fully with
   Pillow: the least a report can cost that has to look at every pixel of one photo.

REVIEWER_BENCHMARK_FULL=1 makes every photo 88 MP of the heavy kinds (progressive
JPEGs, PNGs, one with transparency): slower, same assertion.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from reviewer.paths import ROOT

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("REVIEWER_BENCHMARK_FULL") == "1"
MB = 2**20
BUDGET = 2_000_000  # pixels: a drawing fitted to a full-HD window


BOMB = textwrap.dedent(
    """
    import io, json, random, resource, sys, time
    from reportlab.pdfgen import canvas
    from reviewer.storage.render_process import RenderRefused, SheetRenderer
    from tests.hostile import pdf_content_bomb

    budget = int(sys.argv[1])
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(2384, 1684))  # an ordinary A1 drawing
    rnd = random.Random(6)
    pdf.setLineWidth(0.3)
    for _ in range(4000):
        x, y = rnd.uniform(50, 2330), rnd.uniform(50, 1630)
        pdf.line(x, y, x + rnd.uniform(-80, 80), y + rnd.uniform(-80, 80))
    pdf.showPage()
    pdf.save()
    bomb = pdf_content_bomb(300)
    with SheetRenderer() as renderer:
        start = time.monotonic()
        renderer.render(buf.getvalue(), page=0, budget=budget, name="A1")
        normal_seconds = time.monotonic() - start
    normal_peak = renderer.last_peak_bytes
    with SheetRenderer() as renderer:
        try:
            renderer.render(bomb, page=0, budget=budget, name="bomb")
            refused = None
        except RenderRefused as exc:
            refused = {"limit": exc.limit, "seconds": exc.seconds}
    print(json.dumps({
        "file": len(bomb), "refused": refused, "peak": renderer.last_peak_bytes,
        "limit": renderer.memory, "time_limit": renderer.seconds,
        "normal_peak": normal_peak, "normal_seconds": normal_seconds,
        # this small process's children: the two workers (Linux carries a process's peak
        # across exec, so this is only the workers' own because this parent is small)
        "children_maxrss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "own_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))
    """
)


def test_a_pdf_bomb_is_refused_within_the_render_limits():
    figures = _run(BOMB, str(BUDGET))
    refused, peak, limit = figures["refused"], figures["peak"], figures["limit"]
    assert refused is not None, "the bomb was rendered"
    print(
        f"\nPDF bomb: {figures['file'] / MB:.1f} MB file, 300 MB of operators; refused "
        f"({refused['limit']} limit) after {refused['seconds']:.1f} s "
        f"(time limit {figures['time_limit']:g} s)"
        f"\n  worker peak {peak / MB:.0f} MB against the limit of {limit / MB:.0f} MB "
        f"({peak / limit:.0%}); ru_maxrss of the workers {figures['children_maxrss'] / MB:.0f}"
        f" MB, of the process that started them {figures['own_maxrss'] / MB:.0f} MB"
        f"\n  baseline: an A1 drawing at {BUDGET / 1e6:.0f} MP, worker peak "
        f"{figures['normal_peak'] / MB:.0f} MB, {figures['normal_seconds']:.2f} s with "
        f"the worker's start; bomb / baseline peak {peak / figures['normal_peak']:.1f}"
    )
    assert refused["limit"] == "memory"
    assert peak <= limit and figures["children_maxrss"] <= limit
    assert refused["seconds"] < figures["time_limit"]
    assert figures["normal_peak"] < limit / 2  # ordinary drawings have plenty of room


PHOTO_SIZE = (11_490, 7_660)  # 88 megapixels
KINDS = (
    ["progressive", "progressive", "png", "png", "rgba", "progressive", "png", "progressive"]
    if FULL
    else ["jpeg", "jpeg", "jpeg", "jpeg", "jpeg", "progressive", "progressive", "png"]
)

MAKE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PIL import Image
    folder, width, height = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    kinds = set(sys.argv[4:])
    tile = Image.effect_noise((width // 16, height // 16), 40).convert("RGB")
    tile.paste((200, 80, 40), (0, 0, width // 64, height // 64))
    big = tile.resize((width, height), Image.Resampling.NEAREST)
    if "jpeg" in kinds:
        big.save(folder / "jpeg.jpg", "JPEG", quality=85)
    if "progressive" in kinds:
        big.save(folder / "progressive.jpg", "JPEG", quality=85, progressive=True)
    if "png" in kinds:
        big.save(folder / "png.png", "PNG", compress_level=1)
    if "rgba" in kinds:
        big.putalpha(200)
        big.save(folder / "rgba.png", "PNG", compress_level=1)
    """
)

FILES = {"jpeg": "jpeg.jpg", "progressive": "progressive.jpg", "png": "png.png"}
FILES["rgba"] = "rgba.png"

# holds every photo, as the report does, and decodes the first one in full
BASELINE = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from PIL import Image
    Image.MAX_IMAGE_PIXELS = None
    folder, files = Path(sys.argv[1]), sys.argv[2:]
    held = [(folder / f).read_bytes() for f in files]
    with Image.open(folder / files[0]) as img:
        img.load()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"peak": peak}))
    """
)

REPORT = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from reviewer.domain.review import PhotoRef
    from reviewer.paths import EXAMPLE_REVIEW
    from reviewer.report import export_report
    from reviewer.storage.review_file import load_review
    folder, files = Path(sys.argv[1]), sys.argv[2:]
    doc = load_review(EXAMPLE_REVIEW)
    ids = list(doc.review.assessments)
    for i, name in enumerate(files):
        attachment = f"photo-{i}{Path(name).suffix}"
        doc.attachments[attachment] = (folder / name).read_bytes()
        a = doc.review.assessments[ids[i]]
        doc.review.assessments[ids[i]] = a.model_copy(
            update={"photos": [*a.photos, PhotoRef(name=attachment, caption=name)]}
        )
    start = time.perf_counter()
    export_report(doc, folder / "report.pdf")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"peak": peak, "seconds": seconds}))
    """
)

MAX_RATIO = 1.6  # report peak against holding the photos and decoding one in full


def _run(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_review_report_with_eight_88_megapixel_photos(tmp_path):
    width, height = PHOTO_SIZE
    start = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", MAKE, str(tmp_path), str(width), str(height), *set(KINDS)],
        check=True,
        timeout=600,
    )
    made = time.monotonic() - start
    files = [FILES[kind] for kind in KINDS]
    baseline = _run(BASELINE, str(tmp_path), *files)
    report = _run(REPORT, str(tmp_path), *files)
    held = sum((tmp_path / f).stat().st_size for f in files)
    ratio = report["peak"] / baseline["peak"]
    print(
        f"\n{len(files)} photos of {width}×{height} ({width * height / 1e6:.0f} MP): "
        f"{', '.join(KINDS)}; {held / MB:.0f} MB of files, made in {made:.1f} s"
        f"\n  baseline (hold them, decode one fully): peak {baseline['peak'] / MB:.0f} MB"
        f"\n  review report: peak {report['peak'] / MB:.0f} MB, {report['seconds']:.1f} s"
        f"\n  ratio {ratio:.2f} (limit {MAX_RATIO})"
    )
    assert ratio <= MAX_RATIO
