"""The published JSON Schema matches the model and accepts what the model accepts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from reviewer.paths import CHECKLISTS

ROOT = Path(__file__).resolve().parents[2]


def _build_schema_module():
    spec = importlib.util.spec_from_file_location("build_schema", ROOT / "scripts/build_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_schema_is_up_to_date():
    module = _build_schema_module()
    committed = (CHECKLISTS / "safety-cohesion.schema.json").read_text(encoding="utf-8")
    assert committed == module.schema_text(), "run: .venv/bin/python scripts/build_schema.py"


def test_schema_describes_the_rule_kinds_and_perspectives():
    schema = json.loads((CHECKLISTS / "safety-cohesion.schema.json").read_text())
    defs = schema["$defs"]
    assert {"EachRule", "ShareRule", "RatioRule", "DistributionRule"} <= set(defs)
    assert defs["Perspective"]["enum"] == ["safety", "cohesion"]
    assert set(defs["Text"]["required"]) == {"nl", "en"}


def test_committed_profile_schema_is_up_to_date():
    module = _build_schema_module()
    committed = (CHECKLISTS / "profiles" / "profile.schema.json").read_text(encoding="utf-8")
    assert committed == module.profile_schema_text(), (
        "run: .venv/bin/python scripts/build_schema.py"
    )
