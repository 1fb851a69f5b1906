"""A label of a fixed number of lines: what is above or below it never moves.

A hint that wraps to one line for one tool and three for another makes everything under
or over it jump when the tool changes, so a click right after switching misses its
target. `FixedLinesLabel` keeps the height of `lines` lines whatever its text; text that
needs more lines is cut at a word and ends in "…", and the whole text is its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"


class FixedLinesLabel(QLabel):
    """A word-wrapped label `lines` lines high; `setText` keeps the whole text, shows
    what fits and puts the whole text in the tooltip when not all of it fits."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self._full = ""
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        margins = self.contentsMargins()
        self.setFixedHeight(
            self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
        )

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fits(self, text: str, width: int) -> bool:
        flags = int(Qt.TextFlag.TextWordWrap.value)
        box = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return box.height() <= self.fontMetrics().lineSpacing() * self.lines and (
            box.width() <= width
        )

    def _fit(self) -> None:
        text, width = self._full, max(1, self.contentsRect().width())
        if self._fits(text, width):
            super().setText(text)
            self.setToolTip("")
            return
        words = text.split(" ")
        low, high = 0, len(words)  # the most words that fit with the ellipsis: binary search
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(" ".join(words[:middle]) + ELLIPSIS, width):
                low = middle
            else:
                high = middle - 1
        super().setText(" ".join(words[:low]).rstrip(" ,.;:") + ELLIPSIS)
        self.setToolTip(text)
