"""How secondary text and refusals look on every page: muted captions and hints, and the
red box that says why input was refused."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

MUTED = "#5f6b7a"  # captions, hints, metadata: readable, but behind the content

HINT_STYLE = f"QLabel {{ color: {MUTED}; }}"
MESSAGE_STYLE = (
    "QLabel { color: #9b1c1c; background: #fdecea; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 4px 6px; }"
)


def muted_palette(widget: QWidget) -> QPalette:
    """`widget`'s palette with muted text (labels keep their style sheets)."""
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
    return palette
