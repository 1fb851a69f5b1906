"""Draw the logos of the bundled example organisation profiles (resources/organisations).

    .venv/bin/python scripts/make_organisation_logos.py

Plain emblems drawn here, deliberately unlike any real organisation's mark: the examples
must not look like an official police letterhead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reviewer" / "resources" / "organisations"
FONT = ROOT / "reviewer" / "resources" / "fonts" / "DejaVuSans-Bold.ttf"


def emblem(path: Path, letters: str, colour: tuple[int, int, int], round_shape: bool) -> None:
    size = 360
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    box = (10, 10, size - 10, size - 10)
    if round_shape:
        draw.ellipse(box, fill=colour)
    else:
        draw.rounded_rectangle(box, radius=48, fill=colour)
    font = ImageFont.truetype(str(FONT), 130 if len(letters) < 3 else 104)
    left, top, right, bottom = draw.textbbox((0, 0), letters, font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - (bottom - top)) / 2 - top
    draw.text((x, y), letters, font=font, fill=(255, 255, 255, 255))
    image.save(path, optimize=True)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    emblem(OUT / "politie-voorbeeld-logo.png", "BPA", (21, 52, 97), round_shape=False)
    emblem(OUT / "architect-voorbeeld-logo.png", "AR", (46, 110, 74), round_shape=True)
    print(f"logos written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
