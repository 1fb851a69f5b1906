"""The drawing renderer's worker in the PyInstaller bundle: there `sys.executable` is the
app, which takes no `-m`, so the worker is started as `reviewer --render-worker` and
reviewer/__main__.py hands that to the worker. From a source checkout nothing changed."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reviewer.storage.render_process import SheetRenderer, worker_command
from reviewer.storage.render_worker import FROZEN_ARGUMENT

ROOT = Path(__file__).resolve().parents[2]


def pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(400, 300))
    page.rect(40, 40, 320, 220)
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_from_a_checkout_the_worker_is_the_module_in_a_fresh_interpreter():
    assert not getattr(sys, "frozen", False)
    assert worker_command(1000, 2.5) == [
        sys.executable,
        "-P",
        "-m",
        "reviewer.storage.render_worker",
        "1000",
        "2.5",
    ]


def test_in_the_bundle_the_worker_is_the_app_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/reviewer/reviewer")
    assert worker_command(1000, 2.5) == ["/opt/reviewer/reviewer", "--render-worker", "1000", "2.5"]
    assert FROZEN_ARGUMENT == "--render-worker"


def test_the_entry_runs_the_worker_when_started_as_one(monkeypatch, tmp_path):
    """A stand-in for the bundle's executable: `python -m reviewer` with the arguments the
    frozen app gets. It renders a PDF page, so __main__ dispatched to the worker."""
    app = tmp_path / "reviewer"
    app.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -P -m reviewer "$@"\n')
    app.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    with SheetRenderer() as renderer:
        image = renderer.render(pdf(), page=0, budget=40_000, name="S1")
        assert renderer.workers_started == 1
    assert image.mode == "RGB"
    assert 38_000 < image.width * image.height <= 40_000


def test_the_entry_and_the_worker_agree_on_the_frozen_argument():
    import ast

    from reviewer.paths import PACKAGE
    from reviewer.storage.render_worker import FROZEN_ARGUMENT

    tree = ast.parse((PACKAGE / "__main__.py").read_text(encoding="utf-8"))
    written = next(
        node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "FROZEN_ARGUMENT" for t in node.targets)
    )
    assert written == FROZEN_ARGUMENT
