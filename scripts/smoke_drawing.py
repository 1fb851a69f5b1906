"""Input and check for `scripts/dev bundle-smoke`, run with the venv's Python (the bundle
itself runs without it):

    smoke_drawing.py make EXAMPLE.review OUT.review   the example with a PDF drawing added,
                                                      so the bundle renders a PDF in its
                                                      worker process (pdfium)
    smoke_drawing.py check REPORT.pdf                 every drawing of the report rendered:
                                                      no "cannot be rendered" in its text
                                                      and an image on each drawing page
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FAILURES = ("cannot be rendered", "renderer stopped", "was stopped")  # the report is in English


def make(example: str, out: str) -> int:
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen import canvas

    from reviewer.storage.drawings import add_drawing
    from reviewer.storage.review_file import load_review, save_review

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=landscape(A3))
    width, height = landscape(A3)
    pdf.setLineWidth(3)
    pdf.rect(width * 0.1, height * 0.15, width * 0.8, height * 0.7)
    pdf.line(width * 0.5, height * 0.15, width * 0.5, height * 0.85)
    pdf.setFont("Helvetica", 36)
    pdf.drawString(width * 0.15, height * 0.5, "Eerste verdieping (PDF)")
    pdf.showPage()
    pdf.save()
    doc = load_review(example)
    sheets = add_drawing(doc, "eerste-verdieping.pdf", buffer.getvalue())
    save_review(doc, out)
    print(f"{out}: the example with PDF sheet {sheets[0].id} ({sheets[0].name})")
    return 0


def check(report: str) -> int:
    from pypdf import PdfReader

    reader = PdfReader(report)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    failed = [phrase for phrase in FAILURES if phrase in text]
    images = sum(len(page.images) for page in reader.pages)
    if failed:
        print(f"{report}: a drawing did not render ({', '.join(failed)})", file=sys.stderr)
        return 1
    if images < 2:  # the example's PNG sheet and the PDF sheet
        print(f"{report}: {images} images, expected the two drawings", file=sys.stderr)
        return 1
    print(f"{report}: {len(reader.pages)} pages, {images} images, every drawing rendered")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "make":
        sys.exit(make(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
