"""The register's statistics as a PDF overview: outcomes per period and per municipality
(stacked bars and a table), and the criteria that fail most often."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from functools import partial

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from reviewer import __version__
from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.outcome import OUTCOME_COLOURS
from reviewer.domain.statistics import Statistics
from reviewer.domain.text import Lang
from reviewer.report.escape import para_text
from reviewer.report.fonts import BOLD, REGULAR, fit_text
from reviewer.report.pages import NumberedCanvas, ReportTemplate
from reviewer.report.styles import FRAME_WIDTH, INK, MUTED, RULE, WHITE, colour, stylesheet

OUTCOMES = (
    OutcomeResult.POSITIVE,
    OutcomeResult.CONDITIONAL,
    OutcomeResult.NEGATIVE,
    OutcomeResult.INCOMPLETE,
)
FAIL_COLOUR = "#c62828"

LABELS: dict[str, dict[str, str]] = {
    "title": {"nl": "Overzicht van het register", "en": "Register overview"},
    "kicker": {"nl": "Statistiek", "en": "Statistics"},
    "range": {"nl": "Periode: {a} t/m {b}", "en": "Period: {a} to {b}"},
    "open": {"nl": "begin", "en": "start"},
    "today": {"nl": "heden", "en": "today"},
    "reviews": {"nl": "{n} beoordelingen", "en": "{n} reviews"},
    "per_period": {"nl": "Uitkomsten per {p}", "en": "Outcomes per {p}"},
    "month": {"nl": "maand", "en": "month"},
    "quarter": {"nl": "kwartaal", "en": "quarter"},
    "year": {"nl": "jaar", "en": "year"},
    "per_municipality": {"nl": "Uitkomsten per gemeente", "en": "Outcomes per municipality"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "unknown": {"nl": "(onbekend)", "en": "(unknown)"},
    "total": {"nl": "Totaal", "en": "Total"},
    "failing": {"nl": "Criteria die het vaakst niet voldoen", "en": "Criteria failed most often"},
    "failing_intro": {
        "nl": "Aandeel van de beoordelingen met een oordeel over het criterium waarin het "
        "niet voldoet.",
        "en": "Share of the reviews that judged the criterion in which it was not met.",
    },
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "fails": {"nl": "Voldoet niet", "en": "Fails"},
    "assessed": {"nl": "Beoordeeld", "en": "Assessed"},
    "none": {"nl": "Geen beoordelingen in deze periode.", "en": "No reviews in this period."},
    "page": {"nl": "pagina {page} van {total}", "en": "page {page} of {total}"},
}


def _l(key: str, lang: Lang, **kw: object) -> str:
    return LABELS[key][lang].format(**kw)


def _outcome(value: str, lang: Lang) -> str:
    try:
        return OutcomeResult(value).label.get(lang)
    except ValueError:
        return value


def _row_label(label: str, y: float, size: float, width: float) -> String:
    """A chart row's label at the left, shortened to fit `width`."""
    return String(
        0,
        y + 3,
        fit_text(label, REGULAR, size, width - 8),
        fontName=REGULAR,
        fontSize=size,
        fillColor=INK,
    )


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]], width: float, lang: Lang
) -> Drawing:
    """Horizontal stacked bars of outcomes, one per row, to a common scale, with a legend."""
    size, row_h, bar_h = 8.0, 16.0, 10.5
    label_w = min(max((stringWidth(r[0], REGULAR, size) for r in rows), default=0) + 8, width * 0.3)
    total_w = 30.0
    bar_w = width - label_w - total_w
    top = max((sum(c.values()) for _, c in rows), default=0) or 1
    legend_h = 16.0
    height = len(rows) * row_h + legend_h + 4
    d = Drawing(width, height)
    d.initialFontName = REGULAR
    for i, (label, counts) in enumerate(rows):
        y = height - (i + 1) * row_h
        d.add(_row_label(label, y, size, label_w))
        x = label_w
        for outcome in OUTCOMES:
            n = counts.get(outcome.value, 0)
            if not n:
                continue
            w = bar_w * n / top
            d.add(
                Rect(
                    x,
                    y + 0.5,
                    w,
                    bar_h,
                    fillColor=colour(OUTCOME_COLOURS[outcome]),
                    strokeColor=WHITE,
                    strokeWidth=0.6,
                )
            )
            if stringWidth(str(n), BOLD, 7) + 4 <= w:
                d.add(
                    String(
                        x + w / 2,
                        y + 3.3,
                        str(n),
                        fontName=BOLD,
                        fontSize=7,
                        fillColor=WHITE,
                        textAnchor="middle",
                    )
                )
            x += w
        d.add(
            String(
                width,
                y + 3,
                str(sum(counts.values())),
                fontName=BOLD,
                fontSize=size,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    x = 0.0
    for outcome in OUTCOMES:
        text = outcome.label.get(lang)
        d.add(Rect(x, 3, 8, 8, fillColor=colour(OUTCOME_COLOURS[outcome]), strokeColor=None))
        d.add(String(x + 11, 4, text, fontName=REGULAR, fontSize=size, fillColor=INK))
        x += 11 + stringWidth(text, REGULAR, size) + 14
    return d


def share_bars(rows: Sequence[tuple[str, float, str]], width: float) -> Drawing:
    """Horizontal bars of a share (0..1) with a label and a figure at the end."""
    size, row_h, bar_h = 8.0, 16.0, 10.5
    label_w = width * 0.55
    figure_w = 54.0
    bar_w = width - label_w - figure_w
    height = len(rows) * row_h + 2
    d = Drawing(width, height)
    d.initialFontName = REGULAR
    for i, (label, share, figure) in enumerate(rows):
        y = height - (i + 1) * row_h
        d.add(_row_label(label, y, size, label_w))
        d.add(
            Rect(label_w, y + 0.5, bar_w, bar_h, fillColor=None, strokeColor=RULE, strokeWidth=0.4)
        )
        d.add(
            Rect(
                label_w,
                y + 0.5,
                bar_w * max(0.0, min(share, 1.0)),
                bar_h,
                fillColor=colour(FAIL_COLOUR),
                strokeColor=None,
            )
        )
        d.add(
            String(
                width,
                y + 3,
                figure,
                fontName=BOLD,
                fontSize=size,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    return d


def _table(data: list[list[object]], widths: list[float]) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def statistics_pdf(stats: Statistics, lang: Lang = "nl", register_name: str = "") -> bytes:
    """The overview as PDF bytes. Every text from the register is escaped."""
    s = stylesheet()
    period_word = _l(stats.period, lang)
    start = stats.date_from.isoformat() if stats.date_from else _l("open", lang)
    end = stats.date_to.isoformat() if stats.date_to else _l("today", lang)
    story: list[object] = [
        Paragraph(para_text(_l("kicker", lang)), s["kicker"]),
        Paragraph(para_text(_l("title", lang)), s["plan"]),
        Paragraph(para_text(_l("range", lang, a=start, b=end)), s["subtitle"]),
        Paragraph(para_text(_l("reviews", lang, n=stats.reviews)), s["subtitle"]),
        Spacer(1, 8),
    ]
    if not stats.reviews:
        story.append(Paragraph(para_text(_l("none", lang)), s["body"]))
    else:
        story.append(Paragraph(para_text(_l("per_period", lang, p=period_word)), s["h2"]))
        story.append(stacked_bars(list(stats.by_period().items()), FRAME_WIDTH, lang))
        story.append(Paragraph(para_text(_l("per_municipality", lang)), s["h2"]))
        municipalities = [(m or _l("unknown", lang), c) for m, c in stats.by_municipality().items()]
        story.append(stacked_bars(municipalities[:25], FRAME_WIDTH, lang))
        story.append(Spacer(1, 6))
        head = [_l("municipality", lang), *(o.label.get(lang) for o in OUTCOMES)]
        head.append(_l("total", lang))
        data: list[list[object]] = [[Paragraph(para_text(h), s["cell_head"]) for h in head]]
        for m, counts in municipalities:
            row: list[object] = [Paragraph(para_text(m), s["cell"])]
            row += [str(counts.get(o.value, 0)) for o in OUTCOMES]
            row.append(str(sum(counts.values())))
            data.append(row)
        first = FRAME_WIDTH * 0.36
        story.append(_table(data, [first] + [(FRAME_WIDTH - first) / 5] * 5))
    if stats.failing:
        story.append(Paragraph(para_text(_l("failing", lang)), s["h2"]))
        story.append(Paragraph(para_text(_l("failing_intro", lang)), s["intro"]))
        bars = [
            (
                f"{f.criterion_id} {f.title_nl if lang == 'nl' else f.title_en}",
                f.share,
                f"{f.fails}/{f.assessed}",
            )
            for f in stats.failing
        ]
        story.append(share_bars(bars, FRAME_WIDTH))
    buffer = io.BytesIO()
    doc = ReportTemplate(
        buffer,
        header_left=_l("title", lang),
        header_right=register_name,
        footer_left=f"Safety & Cohesion Reviewer {__version__} · {date.today().isoformat()}",
        title=_l("title", lang),
        author="Safety & Cohesion Reviewer",
        subject=_l("kicker", lang),
        creator=f"Safety & Cohesion Reviewer {__version__}",
        lang=lang,
        initialFontName=REGULAR,
        initialFontSize=9,
    )
    page_text = partial(_page_text, lang=lang)
    doc.build(story, canvasmaker=partial(NumberedCanvas, page_text=page_text))
    return buffer.getvalue()


def _page_text(page: int, total: int, *, lang: Lang) -> str:
    return _l("page", lang, page=page, total=total)
