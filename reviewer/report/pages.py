"""Page furniture: the document template, header and footer, "page X of Y", the outline.

The total page count is known only when the whole story has been laid out, so the
canvas keeps each finished page and writes "page X of Y" on all of them when the
document is saved (one layout pass instead of two).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from reviewer.report.fonts import BOLD, REGULAR, fit_text
from reviewer.report.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    RULE,
)

HEADER_Y = PAGE_SIZE[1] - 13 * mm
FOOTER_Y = 11 * mm
FURNITURE_SIZE = 7.5


class NumberedCanvas(Canvas):
    """A canvas that writes "page X of Y" on every page once Y is known."""

    def __init__(self, *args: Any, page_text: Callable[[int, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_text = page_text
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(REGULAR, FURNITURE_SIZE)
        self.setFillColor(MUTED)
        self.drawRightString(
            PAGE_SIZE[0] - MARGIN_RIGHT, FOOTER_Y, self._page_text(self._pageNumber, total)
        )
        self.restoreState()


class ReportTemplate(BaseDocTemplate):
    """A4 with one frame, a header (plan, perspective, date) and a footer on every page.

    Flowables may carry `outline = (key, title, level)`: they get an entry in the PDF
    outline on the page where they are drawn.
    """

    def __init__(
        self,
        target: Any,
        *,
        header_left: str,
        header_right: str,
        footer_left: str,
        first_page_header: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kwargs,
        )
        self.header_left = header_left
        self.header_right = header_right
        self.footer_left = footer_left
        self.first_page_header = first_page_header
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def _furniture(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        if self.first_page_header or doc.page > 1:
            self._header(canv)
        canv.setFillColor(MUTED)
        canv.setFont(REGULAR, FURNITURE_SIZE)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, FOOTER_Y + 4 * mm, PAGE_SIZE[0] - MARGIN_RIGHT, FOOTER_Y + 4 * mm)
        footer = fit_text(self.footer_left, REGULAR, FURNITURE_SIZE, FRAME_WIDTH * 0.7)
        canv.drawString(MARGIN_LEFT, FOOTER_Y, footer)
        canv.restoreState()

    def _header(self, canv: Canvas) -> None:
        right_width = min(
            canv.stringWidth(self.header_right, REGULAR, FURNITURE_SIZE), FRAME_WIDTH * 0.45
        )
        right = fit_text(self.header_right, REGULAR, FURNITURE_SIZE, right_width)
        left = fit_text(self.header_left, BOLD, FURNITURE_SIZE, FRAME_WIDTH - right_width - 12)
        canv.setFillColor(MUTED)
        canv.setFont(BOLD, FURNITURE_SIZE)
        canv.drawString(MARGIN_LEFT, HEADER_Y, left)
        canv.setFont(REGULAR, FURNITURE_SIZE)
        canv.drawRightString(PAGE_SIZE[0] - MARGIN_RIGHT, HEADER_Y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(
            MARGIN_LEFT, HEADER_Y - 2.5 * mm, PAGE_SIZE[0] - MARGIN_RIGHT, HEADER_Y - 2.5 * mm
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            key, title, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
