"""Importing the duplex IFC model against ifcopenshell merely opening it: time and memory.

Two fresh processes, alternated over rounds: one only opens the model with ifcopenshell
(the floor any import pays), the other imports it as the app does (open and check, derive
the suggested facts, mesh the walls, doors, windows, stairs and rooms, draw a PNG per
storey). It prints the medians, their ratio and each process's peak resident memory;
run with -s to see them:

    bash scripts/dev test tests/benchmarks/test_ifc_benchmark.py -s
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap

import pytest

from reviewer.paths import ROOT

pytestmark = pytest.mark.benchmark

if os.environ.get("CI") != "true":
    pytest.importorskip("ifcopenshell")

MODEL = ROOT / "tests" / "data" / "bim" / "Duplex_A_20110907_cadastre-vertical.ifc"
ROUNDS = 3
MAX_SECONDS = 60.0  # a regression guard on a loaded CI machine, not the aim (~3-5 s)
MAX_PEAK_MB = 800

BASELINE = textwrap.dedent(
    f"""
    import json, resource, time
    import ifcopenshell
    start = time.perf_counter()
    model = ifcopenshell.open({str(MODEL)!r})
    storeys = len(model.by_type("IfcBuildingStorey"))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({{"s": seconds, "peak_mb": peak, "storeys": storeys}}))
    """
)

IMPORT = textwrap.dedent(
    f"""
    import json, resource, time
    import ifcopenshell  # imported before the clock starts, as in the baseline
    from reviewer.bim.ifc_import import read_model
    steps = {{}}
    start = time.perf_counter()
    def progress(percent, text):
        steps.setdefault(text.split(" (")[0], time.perf_counter() - start)
    result = read_model({str(MODEL)!r}, progress=progress)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({{
        "s": seconds, "peak_mb": peak, "sheets": len(result.sheets),
        "png_kb": sum(len(s.png) for s in result.sheets) / 1024, "steps": steps,
    }}))
    """
)


def _run(code: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_import_the_duplex_against_opening_it():
    opened, imported = [], []
    for _ in range(ROUNDS):  # alternated, so a busy moment hurts both alike
        opened.append(_run(BASELINE))
        imported.append(_run(IMPORT))
    open_s = statistics.median(r["s"] for r in opened)
    import_s = statistics.median(r["s"] for r in imported)
    last = imported[-1]
    steps = ", ".join(f"{name} at {t:.2f} s" for name, t in last["steps"].items())
    print(
        f"\nDuplex ({MODEL.stat().st_size / 1e6:.1f} MB, IFC2X3): ifcopenshell opens it in "
        f"{open_s:.2f} s; the import (open, facts, {last['sheets']} sheets, "
        f"{last['png_kb']:.0f} KB of PNG) takes {import_s:.2f} s = {import_s / open_s:.0f}× "
        f"opening (medians of {ROUNDS}); peak memory {last['peak_mb']:.0f} MB against "
        f"{opened[-1]['peak_mb']:.0f} MB for opening alone.\n  steps: {steps}"
    )
    assert last["sheets"] == 3
    assert import_s < MAX_SECONDS
    assert last["peak_mb"] < MAX_PEAK_MB
