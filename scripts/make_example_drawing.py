"""Draw the simple ground-floor plan of the gallery-flat example (a clean PNG).

    .venv/bin/python scripts/make_example_drawing.py

Writes resources/examples/drawings/galerijflat-begane-grond.png: 14 pixels a metre, with
a 10 m scale bar (the example calibrates on it) and gallery G1 above the block.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = (
    Path(__file__).resolve().parent.parent
    / "reviewer/resources/examples/drawings/galerijflat-begane-grond.png"
)
M = 14  # pixels per metre


def main() -> None:
    img = Image.new("L", (1400, 900), 255)
    d = ImageDraw.Draw(img)
    # block M: 70 m by 12 m, with the passage to the courtyard in the middle
    d.rectangle((200, 330, 200 + 70 * M, 330 + 12 * M), outline=0, width=5)
    for x in range(200 + 7 * M, 200 + 70 * M, 7 * M):
        d.line((x, 330, x, 330 + 12 * M), fill=90, width=2)
    d.rectangle((200 + 31 * M, 330, 200 + 39 * M, 330 + 12 * M), fill=225, outline=0, width=3)
    d.text((200 + 32 * M, 330 + 5 * M), "onderdoorgang", fill=0)
    # gallery G1 along the north side (first floor, dashed)
    for x in range(200, 200 + 70 * M, 24):
        d.line((x, 300, min(x + 14, 200 + 70 * M), 300), fill=60, width=3)
    d.text((200, 275), "galerij G1 (1e verdieping)", fill=0)
    # entrances A and B, storage strip, courtyard
    d.rectangle((200 + 3 * M, 330 + 12 * M, 200 + 6 * M, 330 + 13 * M), fill=0)
    d.text((200 + 3 * M, 330 + 13.5 * M), "entree A", fill=0)
    d.rectangle((200 + 60 * M, 330 + 12 * M, 200 + 63 * M, 330 + 13 * M), fill=0)
    d.text((200 + 60 * M, 330 + 13.5 * M), "entree B", fill=0)
    d.rectangle((200, 330 + 9 * M, 200 + 70 * M, 330 + 12 * M), outline=120, width=2)
    d.text((210, 330 + 9.5 * M), "bergingen", fill=0)
    d.rectangle((200, 60, 200 + 70 * M, 250), outline=150, width=2)
    d.text((210, 70), "binnenhof", fill=0)
    d.text((200, 780), "Merelstraat", fill=0)
    d.line((150, 760, 1300, 760), fill=150, width=2)
    # scale bar: 10 m
    d.rectangle((100, 840, 100 + 10 * M, 850), fill=0)
    d.text((100, 855), "0", fill=0)
    d.text((100 + 10 * M - 12, 855), "10 m", fill=0)
    d.text((1100, 855), "Begane grond  1:350", fill=0)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
