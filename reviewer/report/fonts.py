"""DejaVu Sans, registered once with its bold and italic faces, so any European text renders."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reviewer.paths import FONTS
from reviewer.report.errors import ReportError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four faces and the family (once per process); return the family name."""
    global _registered
    with _lock:
        if _registered:
            return REGULAR
        for name, filename in _FILES.items():
            path = FONTS / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise ReportError(f"the report font {path} cannot be loaded: {exc}") from None
        # <b> and <i> inside paragraphs resolve to the right face through the family
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return REGULAR


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, shortened with an ellipsis when it is wider than `width` points."""
    text = " ".join(str(text).split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that still fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ellipsis
