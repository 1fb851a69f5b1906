"""The layers stay clean: the domain imports neither Qt nor reportlab; the report no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys, importlib
for name in {modules!r}:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})
print(','.join(bad))
"""


def imported(modules: list[str], forbidden: list[str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=modules, forbidden=forbidden)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_domain_imports_no_qt_and_no_reportlab():
    modules = [
        "reviewer.domain.checklist",
        "reviewer.domain.plan",
        "reviewer.domain.rules",
        "reviewer.domain.review",
        "reviewer.domain.outcome",
        "reviewer.domain.summary",
    ]
    assert imported(modules, ["PySide6", "shiboken6", "reportlab"]) == ""


def test_storage_imports_no_qt_and_no_reportlab():
    modules = ["reviewer.storage.review_file", "reviewer.storage.yamlfile"]
    assert imported(modules, ["PySide6", "shiboken6", "reportlab"]) == ""


def test_headless_commands_do_not_load_qt():
    assert imported(["reviewer.cli"], ["PySide6", "reportlab"]) == ""


def test_report_imports_no_qt():
    pytest.importorskip("reviewer.report")
    assert imported(["reviewer.report"], ["PySide6", "shiboken6"]) == ""


def test_nothing_but_the_cli_imports_the_ui():
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "reviewer"
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("ui/") or rel == "cli.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "reviewer.ui" in text or "from reviewer import ui" in text:
            offenders.append(rel)
    assert offenders == []
