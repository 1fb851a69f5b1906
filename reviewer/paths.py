"""Where the bundled data lives (checklists, examples, fonts, translations)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "checklists"
RESOURCES = ROOT / "resources"
EXAMPLES = RESOURCES / "examples"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"

DEFAULT_CHECKLIST = CHECKLISTS / "safety-cohesion.yaml"
EXAMPLE_REVIEW = EXAMPLES / "galerijflat-veiligheid.review"
PROFILES = CHECKLISTS / "profiles"
