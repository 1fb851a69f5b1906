"""The IFC tests need the `bim` extra. They skip without it on a developer's machine, and
fail in CI (CI=true), where `scripts/dev test` installs the extra."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.bim import missing_extra

DATA = Path(__file__).parent.parent / "data" / "bim"
DUPLEX = DATA / "Duplex_A_20110907_cadastre-vertical.ifc"
HOUSE = DATA / "IfcOpenHouse.ifc"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = missing_extra()
    if not missing:
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI runs the IFC tests, but {missing} is not installed")
    skip = pytest.mark.skip(reason=f"the 'bim' extra is not installed ({missing})")
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def duplex():
    from reviewer.bim.ifc_import import read_model

    return read_model(DUPLEX)


@pytest.fixture(scope="session")
def house():
    from reviewer.bim.ifc_import import read_model

    return read_model(HOUSE)
