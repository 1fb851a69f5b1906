"""The project's licence and the notice of what the bundle carries (THIRD-PARTY.md): every
distribution the app depends on, directly or not, is named there with its licence."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions() -> dict[str, metadata.Distribution]:
    """The installed distributions pyproject's dependencies need, transitively (no extras)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [Requirement(d).name for d in PYPROJECT["dependencies"]]
    while todo:
        name = todo.pop()
        if normalised(name) in found:
            continue
        dist = metadata.distribution(name)
        found[normalised(name)] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def test_the_project_is_mit_licensed():
    assert PYPROJECT["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    assert set(PYPROJECT["license-files"]) == {"LICENSE", "THIRD-PARTY.md"}


def test_the_notice_names_every_runtime_dependency():
    notice = (ROOT / "THIRD-PARTY.md").read_text()
    named = {normalised(m) for m in re.findall(r"^\| \*\*([^*]+)\*\*", notice, re.M)}
    missing = sorted(set(runtime_distributions()) - named)
    assert not missing, f"add to THIRD-PARTY.md: {missing}"


def test_the_lgpl_and_gpl_texts_ship_with_the_bundle():
    licences = ROOT / "packaging" / "licenses"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "GPL-3.0.txt").read_text()
    spec = (ROOT / "packaging" / "reviewer.spec").read_text()
    assert '"packaging" / "licenses"' in spec and '"THIRD-PARTY.md"' in spec
