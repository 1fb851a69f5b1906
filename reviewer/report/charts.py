"""The traffic-light chart: one stacked bar per section, as a reportlab graphics Drawing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from reviewer.domain.text import Lang
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.report.fonts import BOLD, REGULAR, fit_text
from reviewer.report.styles import INK, MUTED, RULE, WHITE, colour

# bar order: the traffic lights first, then what carries no judgement
ORDER = (
    Verdict.MEETS,
    Verdict.PARTLY,
    Verdict.FAILS,
    Verdict.NOT_APPLICABLE,
    Verdict.NOT_ASSESSED,
)
_DARK_TEXT = {Verdict.NOT_ASSESSED}  # segments light enough to need dark numbers


@dataclass(frozen=True)
class ChartRow:
    label: str
    counts: Mapping[Verdict, int]
    total: int


def tally_chart(rows: Sequence[ChartRow], width: float, lang: Lang) -> Drawing:
    """Stacked horizontal bars, one per section, to a common scale, with a legend."""
    size = 8.0
    row_height = 17.0
    bar_height = 11.0
    label_width = min(
        max((stringWidth(r.label, REGULAR, size) for r in rows), default=0) + 8, width * 0.34
    )
    total_width = 26.0
    bar_width = width - label_width - total_width
    scale_max = max((r.total for r in rows), default=0) or 1
    legend_height = _legend_height(width, size, lang)
    height = len(rows) * row_height + 6 + legend_height
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # the renderer would otherwise start from Helvetica

    for i, row in enumerate(rows):
        y = height - (i + 1) * row_height
        drawing.add(
            String(
                0,
                y + 3,
                fit_text(row.label, REGULAR, size, label_width - 8),
                fontName=REGULAR,
                fontSize=size,
                fillColor=INK,
            )
        )
        drawing.add(
            Rect(
                label_width,
                y + 0.5,
                bar_width,
                bar_height,
                fillColor=None,
                strokeColor=RULE,
                strokeWidth=0.4,
            )
        )
        x = label_width
        for verdict in ORDER:
            count = row.counts.get(verdict, 0)
            if not count:
                continue
            w = bar_width * count / scale_max
            drawing.add(
                Rect(
                    x,
                    y + 0.5,
                    w,
                    bar_height,
                    fillColor=colour(VERDICT_COLOURS[verdict]),
                    strokeColor=WHITE,
                    strokeWidth=0.6,
                )
            )
            text = str(count)
            if stringWidth(text, BOLD, 7) + 4 <= w:
                drawing.add(
                    String(
                        x + w / 2,
                        y + 3.5,
                        text,
                        fontName=BOLD,
                        fontSize=7,
                        fillColor=INK if verdict in _DARK_TEXT else WHITE,
                        textAnchor="middle",
                    )
                )
            x += w
        drawing.add(
            String(
                width,
                y + 3,
                str(row.total) if row.total else "—",
                fontName=BOLD,
                fontSize=size,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    _legend(drawing, width, size, lang, top=legend_height - 4)
    return drawing


def _legend_items(size: float, lang: Lang) -> list[tuple[Verdict, str, float]]:
    return [
        (v, v.label.get(lang), 12 + stringWidth(v.label.get(lang), REGULAR, size) + 12)
        for v in ORDER
    ]


def _legend_height(width: float, size: float, lang: Lang) -> float:
    lines, x = 1, 0.0
    for _verdict, _text, w in _legend_items(size, lang):
        if x and x + w > width:
            lines, x = lines + 1, 0.0
        x += w
    return lines * 13 + 6


def _legend(drawing: Drawing, width: float, size: float, lang: Lang, top: float) -> None:
    x, y = 0.0, top - 9
    for verdict, text, w in _legend_items(size, lang):
        if x and x + w > width:
            x, y = 0.0, y - 13
        drawing.add(Rect(x, y, 8, 8, fillColor=colour(VERDICT_COLOURS[verdict]), strokeColor=None))
        drawing.add(String(x + 12, y + 1, text, fontName=REGULAR, fontSize=size, fillColor=MUTED))
        x += w
