"""The one stylesheet: calm typography in DejaVu Sans, muted greys, verdict colours as accents."""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from reviewer.report.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = HexColor("#1f2933")
MUTED = HexColor("#5f6b7a")
RULE = HexColor("#d5d8dc")
SHADE = HexColor("#f2f4f6")
WHITE = HexColor("#ffffff")


def colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def tint(hex_colour: str, amount: float = 0.88) -> Color:
    """The colour mixed with white (`amount` 0 = the colour, 1 = white), for quiet backgrounds."""
    c = HexColor(hex_colour)
    return Color(
        c.red + (1 - c.red) * amount,
        c.green + (1 - c.green) * amount,
        c.blue + (1 - c.blue) * amount,
    )


@cache
def stylesheet() -> StyleSheet1:
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=3,
        splitLongWords=1,  # a word wider than the line is split at its edge
        uriWasteReduce=0.3,  # long URLs break at their slashes
        embeddedHyphenation=1,  # and words may break after a hyphen they contain
        allowWidows=0,
    )
    sheet.add(base)

    def add(name: str, **kw: object) -> None:
        parent = kw.pop("parent", base)
        sheet.add(ParagraphStyle(name, parent=parent, **kw))  # type: ignore[arg-type]

    add("kicker", fontName=BOLD, fontSize=9, leading=12, textColor=MUTED, spaceAfter=6)
    add("title", fontName=REGULAR, fontSize=13, leading=17, textColor=MUTED, spaceAfter=4)
    add("plan", fontName=BOLD, fontSize=24, leading=29, spaceAfter=4)
    add("subtitle", fontSize=11, leading=15, textColor=MUTED, spaceAfter=2)
    add("h1", fontName=BOLD, fontSize=15, leading=19, spaceBefore=2, spaceAfter=8)
    add("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=12, spaceAfter=6)
    add("h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4)
    add("intro", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=8)
    add("small", fontSize=8, leading=11, textColor=MUTED, spaceAfter=2)
    add("meta", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=3, leftIndent=10)
    add("field", fontSize=9, leading=12.5, spaceAfter=3, leftIndent=10)
    add("evidence", fontSize=8, leading=11, spaceAfter=1, leftIndent=10, textColor=INK)
    add(
        "guidance",
        fontName=ITALIC,
        fontSize=8.5,
        leading=12,
        textColor=MUTED,
        spaceAfter=3,
        leftIndent=10,
    )
    add("caption", fontName=ITALIC, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0)
    add("cell", fontSize=8.5, leading=11, spaceAfter=0)
    add("cell_small", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0)
    add("cell_bold", fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0)
    add("cell_head", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0)
    add("cell_label", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=0)
    add("cell_value", fontSize=9, leading=12.5, spaceAfter=0)
    add("criterion", fontName=BOLD, fontSize=9.5, leading=12.5, spaceAfter=0)
    add("verdict", fontName=BOLD, fontSize=8.5, leading=12.5, alignment=TA_RIGHT, spaceAfter=0)
    add("outcome_label", fontName=BOLD, fontSize=12, leading=16, spaceAfter=2)
    add("outcome", fontSize=10.5, leading=14.5, spaceAfter=0)
    # the letter
    add("letterhead_name", fontName=BOLD, fontSize=11, leading=14, spaceAfter=1)
    add("letterhead", fontSize=9, leading=12, textColor=MUTED, spaceAfter=1)
    add("letterhead_small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=0)
    add("address", fontSize=10, leading=14, spaceAfter=0)
    add("letter", fontSize=10, leading=14.5, spaceAfter=6)
    add("letter_intro", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=5)
    add("quote", fontSize=10, leading=14.5, spaceAfter=6, leftIndent=12, textColor=INK)
    add(
        "item",
        fontSize=10,
        leading=14,
        spaceAfter=1,
        leftIndent=11 * mm,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletFontSize=10,
    )
    add("item_meta", fontSize=8, leading=11, textColor=MUTED, spaceAfter=5, leftIndent=11 * mm)
    add("tag", fontName=BOLD, fontSize=8, leading=11, spaceAfter=3, leftIndent=10)
    add("signature_name", fontName=BOLD, fontSize=10, leading=13.5, spaceAfter=0)
    add("signature", fontSize=9.5, leading=13, spaceAfter=0)
    add("small_print", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=1)
    add("small_print_bold", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=1)
    return sheet
