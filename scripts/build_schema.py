"""Write checklists/safety-cohesion.schema.json from the pydantic model.

    .venv/bin/python scripts/build_schema.py

Editors (VS Code's YAML extension and others) use it to validate while you type; add
`# yaml-language-server: $schema=safety-cohesion.schema.json` at the top of a checklist.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.domain.checklist import checklist_json_schema  # noqa: E402

SCHEMA = ROOT / "checklists" / "safety-cohesion.schema.json"


def schema_text() -> str:
    return json.dumps(checklist_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"{SCHEMA.relative_to(ROOT)} written")
