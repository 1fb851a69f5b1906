"""Helpers for the report tests: photos made with Pillow, a review with notes and photos,
and reading a PDF back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

HOSTILE = [
    "a < b",
    "Smit & Zn",
    "<b>unclosed bold",
    '<font color="red">red text</font>',
    '<img src="/etc/passwd"/>',
    '<a href="x">a link</a>',
]


def jpeg(width: int, height: int, *, colour: str = "red", quality: int = 85, **save) -> bytes:
    """A photo-like JPEG: a gradient with a coloured block."""
    img = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    ImageDraw.Draw(img).rectangle([width // 4, height // 4, width // 2, height // 2], fill=colour)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, **save)
    return out.getvalue()


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    """All text of the PDF with runs of whitespace made single spaces."""
    return " ".join(" ".join(pdf_pages(path)).split())


def body_text(path: Path) -> str:
    """The text of every page without its header and footer (three lines drawn first,
    the page number drawn last), so text running across pages reads on."""
    bodies = []
    for page in pdf_pages(path):
        lines = page.splitlines()
        bodies.append("\n".join(lines[3:-1]))
    return "\n".join(bodies)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def document(review):
    """The conftest review with notes, a measure, an override and two photos."""
    from reviewer.domain.review import PhotoRef, Priority, set_verdict
    from reviewer.domain.verdict import Verdict
    from reviewer.storage.review_file import ReviewDocument

    entree = review.assessments["GEB-ENTREE-01"]
    review.assessments["GEB-ENTREE-01"] = entree.model_copy(
        update={
            "notes": "Entree B bedient veertien woningen.\n" + "\n".join(HOSTILE),
            "measure": "Splits de entree in twee portieken.",
            "priority": Priority.HIGH,
            "photos": [
                PhotoRef(name="p1.jpg", caption="Entree B vanaf de straat"),
                PhotoRef(name="p2.jpg", caption="Portiek <b>boven</b> & onder"),
            ],
        }
    )
    set_verdict(
        review,
        "GEB-PLINT-01",
        Verdict.PARTLY,
        override_reason="De bergingen krijgen een glazen pui.",
        justification="Het bestemmingsplan schrijft bergingen aan de straat voor.",
    )
    set_verdict(review, "STR-PART-01", Verdict.MEETS)
    return ReviewDocument(
        review,
        {"p1.jpg": jpeg(4000, 3000), "p2.jpg": jpeg(900, 1200, colour="blue")},
    )
