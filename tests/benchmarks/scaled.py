"""Plans of N elements, grown from the courtyard example (hofblok.plan.yaml).

The example's own elements stay; copies of one "portiek" are added until the plan has
N elements: an entrance (a copy of E1..E6 in turn, with every fact), its stairwell, a
plinth segment, a lighting point, a boundary and a planting, each with a fresh id. A
fifth of the new entrances serve 12 dwellings and a tenth of the boundaries are too
high, so the rules find failures and the report lists evidence, as in a real district.
Used by the scaling benchmarks and `scripts/scale_table.py`.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from reviewer.paths import EXAMPLES

SOURCE = EXAMPLES / "hofblok.plan.yaml"
PORTIEK = (
    "entrances",
    "stairwells",
    "plinth_segments",
    "lighting",
    "boundaries",
    "planting",
)


@cache
def _source() -> dict[str, Any]:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def count_elements(data: dict[str, Any]) -> int:
    from reviewer.domain.plan import COLLECTIONS

    return sum(len(data.get(name) or []) for name in COLLECTIONS)


def scaled_plan(elements: int) -> dict[str, Any]:
    """The courtyard plan's data with copies of a portiek added up to `elements`."""
    data = copy.deepcopy(_source())
    data["identity"]["name"] = f"Hofblok De Boomgaard, {elements:,} elementen"
    entrances = data["entrances"][:6]
    for i in range(max(0, elements - count_elements(data))):
        n, kind = i // len(PORTIEK) + 1, PORTIEK[i % len(PORTIEK)]
        if kind == "entrances":
            entrance = dict(entrances[n % len(entrances)], id=f"N{n}")
            if n % 5 == 0:
                entrance["dwellings_served"] = 12
            data["entrances"].append(entrance)
        elif kind == "stairwells":
            data["stairwells"].append(
                {"id": f"NT{n}", "entrance": f"N{n}", "on_facade": True, "daylight": n % 7 != 0,
                 "floors": 4}
            )  # fmt: skip
        elif kind == "plinth_segments":
            function = ("dwelling", "entrance", "social", "storage")[n % 4]
            data["plinth_segments"].append(
                {"id": f"NP{n}", "street": f"Straat {n // 20 + 1}", "length_m": 5 + n % 20,
                 "function": function}
            )  # fmt: skip
        elif kind == "lighting":
            data["lighting"].append(
                {"id": f"NL{n}", "area": ("street", "rear_path", "entrance")[n % 3],
                 "location": f"Straat {n // 20 + 1}", "eh_avg_lx": 2.0 + (n % 5) / 2,
                 "uniformity": 0.3 + (n % 3) / 20, "ra": 60 + n % 30}
            )  # fmt: skip
        elif kind == "boundaries":
            front = n % 2 == 0
            height = (1.2 if n % 10 == 0 else 0.8) if front else 1.9
            data["boundaries"].append(
                {"id": f"NB{n}", "position": "front" if front else "rear", "height_m": height,
                 "along": f"Straat {n // 20 + 1}"}
            )  # fmt: skip
        else:
            data["planting"].append(
                {"id": f"NH{n}", "kind": "shrub", "location": f"Straat {n // 20 + 1}",
                 "height_m": 0.5 + (n % 4) / 5}
            )  # fmt: skip
    return data


def write_scaled_plan(elements: int, path: Path) -> Path:
    path.write_text(yaml.safe_dump(scaled_plan(elements), allow_unicode=True), encoding="utf-8")
    return path
