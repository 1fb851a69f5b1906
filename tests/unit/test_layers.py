"""The layers stay clean: import-linter checks the contracts in pyproject.toml over every
module (imports inside functions too), and a broken contract is shown to fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.paths import ROOT

LINT = Path(sys.executable).with_name("lint-imports")
CONTRACTS = [
    "The domain and storage import neither Qt nor reportlab",
    "The domain imports nothing of the app above it",
    "The report imports no Qt",
    "Only the signing module imports pyHanko",
    "Only the BIM package imports ifcopenshell and shapely",
    "The domain and storage do not import the BIM package",
    "The BIM package builds on the domain only",
    "Only the command line imports the UI",
    "No import cycles inside the domain",
    "The review and workshop pages do not import each other",
    "Shared widgets import no page",
]


def lint(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(folder / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder)},
        timeout=120,
    )


@pytest.fixture(scope="module")
def checked() -> subprocess.CompletedProcess[str]:
    return lint(ROOT)


def test_every_contract_is_kept(checked):
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for name in CONTRACTS:
        assert f"{name} KEPT" in checked.stdout
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in checked.stdout


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package and its contracts in a temporary folder, to break on purpose."""
    shutil.copytree(
        ROOT / "reviewer", tmp_path / "reviewer", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        (
            "domain/uses_qt.py",
            "def f():\n    from PySide6.QtCore import QObject  # even inside a function\n",
            "The domain and storage import neither Qt nor reportlab",
        ),
        (
            "storage/pdf.py",
            "import reportlab\n",
            "The domain and storage import neither Qt nor reportlab",
        ),
        ("report/window.py", "from PySide6 import QtWidgets\n", "The report imports no Qt"),
        (
            "report/export_signs.py",
            "def f():\n    import pyhanko.sign  # only reviewer.report.signing may\n",
            "Only the signing module imports pyHanko",
        ),
        (
            "storage/meshes.py",
            "def f():\n    import shapely  # only reviewer.bim may\n",
            "Only the BIM package imports ifcopenshell and shapely",
        ),
        (
            "ui/opens_models.py",
            "import ifcopenshell\n",
            "Only the BIM package imports ifcopenshell and shapely",
        ),
        (
            "domain/reads_ifc.py",
            "from reviewer.bim import ifc_import\n",
            "The domain and storage do not import the BIM package",
        ),
        (
            "bim/saves.py",
            "from reviewer.storage import review_file\n",
            "The BIM package builds on the domain only",
        ),
        (
            "storage/shows.py",
            "from reviewer.ui import dialogs\n",
            "Only the command line imports the UI",
        ),
        (
            "domain/saves.py",
            "from reviewer.storage import container\n",
            "The domain imports nothing of the app above it",
        ),
        (
            "domain/loop.py",
            "from reviewer.domain import review\n",  # review → … → loop → review
            "No import cycles inside the domain",
        ),
        (
            "ui/workshop/borrows.py",
            "from reviewer.ui.review import criterion_panel\n",
            "The review and workshop pages do not import each other",
        ),
        (
            "ui/widgets/knows_a_page.py",
            "from reviewer.ui.workshop import session\n",
            "Shared widgets import no page",
        ),
    ],
)
def test_a_broken_contract_fails(copy, module, source, contract):
    target = copy / "reviewer" / module
    target.write_text(source)
    if module == "domain/loop.py":  # close the loop: a module review imports imports loop
        verdict = copy / "reviewer" / "domain" / "verdict.py"
        verdict.write_text(verdict.read_text() + "\nfrom reviewer.domain import loop  # noqa\n")
    result = lint(copy)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout, result.stdout


def test_headless_commands_do_not_load_qt_or_reportlab():
    """At run time too: `reviewer summary` and friends import the UI and the report only
    when a window or a PDF is asked for."""
    probe = (
        "import sys, reviewer.cli\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'reportlab', 'ifcopenshell', 'shapely'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
