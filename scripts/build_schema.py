"""Write the JSON Schemas of the checklist and of profiles from the pydantic models.

    .venv/bin/python scripts/build_schema.py

It writes checklists/safety-cohesion.schema.json and checklists/profiles/profile.schema.json.
Editors (VS Code's YAML extension and others) use them to validate while you type; add
`# yaml-language-server: $schema=safety-cohesion.schema.json` at the top of a checklist, or
`# yaml-language-server: $schema=profile.schema.json` at the top of a profile.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.domain.checklist import checklist_json_schema  # noqa: E402
from reviewer.domain.profile import profile_json_schema  # noqa: E402

SCHEMA = ROOT / "reviewer" / "checklists" / "safety-cohesion.schema.json"
PROFILE_SCHEMA = ROOT / "reviewer" / "checklists" / "profiles" / "profile.schema.json"


def _text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_text() -> str:
    return _text(checklist_json_schema())


def profile_schema_text() -> str:
    return _text(profile_json_schema())


if __name__ == "__main__":
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    PROFILE_SCHEMA.parent.mkdir(parents=True, exist_ok=True)
    PROFILE_SCHEMA.write_text(profile_schema_text(), encoding="utf-8")
    for path in (SCHEMA, PROFILE_SCHEMA):
        print(f"{path.relative_to(ROOT)} written")
