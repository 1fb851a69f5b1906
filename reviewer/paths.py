"""Where the bundled data lives (checklists, examples, fonts, translations, icons).

The data is part of the package (`reviewer/checklists`, `reviewer/resources`) and is
found through `importlib.resources`, so it is there wherever the package is: a source
checkout, an installed wheel, or the PyInstaller bundle (which unpacks the package's
data next to its code). Never through the working directory.

ROOT is the source checkout (where scripts/ and tests/ are); it is only meaningful when
running from one.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("reviewer")))
ROOT = PACKAGE.parent
CHECKLISTS = PACKAGE / "checklists"
RESOURCES = PACKAGE / "resources"
EXAMPLES = RESOURCES / "examples"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"
ORGANISATIONS = RESOURCES / "organisations"

DEFAULT_CHECKLIST = CHECKLISTS / "safety-cohesion.yaml"
EXAMPLE_REVIEW = EXAMPLES / "galerijflat-veiligheid.review"
PROFILES = CHECKLISTS / "profiles"
