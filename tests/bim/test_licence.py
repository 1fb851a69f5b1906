"""The IFC import loads no GPL code: ifcopenshell's wheel carries a CGAL geometry kernel
(parts of CGAL are GPL), and the import must use only OpenCASCADE (LGPL)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.bim.conftest import HOUSE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/self/maps")
def test_the_import_loads_no_cgal_gmp_or_mpfr():
    script = (
        "import sys\n"
        "from reviewer.bim.ifc_import import read_model\n"
        f"read_model({str(HOUSE)!r})\n"
        "maps = open('/proc/self/maps').read().lower()\n"
        "loaded = sorted({l.split()[-1] for l in maps.splitlines() if '.so' in l})\n"
        "print('\\n'.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert "kernel_opencascade" in out  # the check looks at the right thing
    for gpl in ("cgal", "libgmp", "libmpfr"):
        assert gpl not in out


def test_the_extra_is_declared_with_its_licences_noted():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["optional-dependencies"]["bim"] == ["ifcopenshell>=0.8", "shapely>=2"]
    notice = (ROOT / "THIRD-PARTY.md").read_text()
    for name in ("ifcopenshell", "shapely", "numpy", "lark", "isodate"):
        assert f"**{name}**" in notice
