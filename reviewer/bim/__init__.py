"""Optional BIM support: reading IFC models (ifcopenshell, shapely).

The only package that imports ifcopenshell and shapely (an import-linter contract keeps
it so). They come with the optional extra `bim`; without it the app works as before and
the IFC actions say how to add it (`missing_extra`).
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = (
    'pip install "safety-cohesion-reviewer[bim]"  (from a checkout: pip install ".[bim]")'
)


def missing_extra() -> str | None:
    """None when IFC import can run; otherwise the packages that are missing, named."""
    missing = [
        name for name in ("ifcopenshell", "shapely") if importlib.util.find_spec(name) is None
    ]
    return ", ".join(missing) if missing else None
