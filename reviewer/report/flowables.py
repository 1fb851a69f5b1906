"""Building blocks of the report story: text that may be very long, tables that mark rows
with a verdict colour, the photo grid, the signature line and a progress marker.

Nothing here formats user text into markup: text goes through `para_text` first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from reviewer.report.escape import para_text
from reviewer.report.fonts import REGULAR
from reviewer.report.photos import Photo
from reviewer.report.styles import MUTED, RULE, SHADE, colour, stylesheet

CHUNK = 4000  # characters per paragraph for very long text; see text_chunks
STRIP = 3.5  # width in points of the verdict-colour strip at the left of a row
KEEP_GROUP = 8  # table rows of one group kept on one page when there are fewer

_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
_SENTENCE_END = re.compile(r"[.!?;:]\s")
_SPACE = re.compile(r"\s")


def text_chunks(text: str, size: int = CHUNK) -> list[str]:
    """Plain text cut into pieces of at most about `size` characters, nothing dropped.

    A paragraph of tens of thousands of characters lays out slowly (reportlab re-wraps
    the rest of it at every page break), so long text becomes several consecutive
    paragraphs. Pieces end at a blank line, else after a sentence, else at a space, else
    (one enormous word) at `size` itself.
    """
    out: list[str] = []
    for block in _BLANK_LINE.split(text):
        while len(block) > size:
            window = block[:size]
            cut = -1
            for match in _SENTENCE_END.finditer(window, size // 2):
                cut = match.end()
            if cut < 0:
                spaces = [m.end() for m in _SPACE.finditer(window, size // 2)]
                cut = spaces[-1] if spaces else size
            out.append(block[:cut].rstrip())
            block = block[cut:].lstrip()
        if block.strip():
            out.append(block.strip("\r\n"))
    return out


class TextParagraph(Paragraph):
    """A paragraph of user text that keeps its line breaks for the width it was laid out
    at, so that laying it out again costs nothing.

    A table cell that runs over several pages is split at every page end, and reportlab
    then lays out everything left in the cell again: a cell holding a long text (the
    pieces of `text_chunks`) cost pages × text, quadratic in the text's length, and far
    more for one long unbroken word, which reportlab measures character by character.
    With this paragraph only the piece split at the page end is laid out anew; the text
    flows as it does in the body of the review report.
    """

    _laid_out_at: tuple[float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = (availWidth, availHeight)
        if key == self._laid_out_at and getattr(self, "blPara", None) is not None:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._laid_out_at = key
        return size


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style that starts from the report font (plain string cells, even empty
    ones, would otherwise pull in Helvetica, a font the PDF does not embed)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def labelled(label: str, text: str, style: ParagraphStyle) -> list[Flowable]:
    """`label` in bold followed by user `text`, as one or more paragraphs."""
    pieces = text_chunks(text) or [""]
    first = f"<b>{para_text(label)}</b> {para_text(pieces[0])}"
    rest = [TextParagraph(para_text(p), style) for p in pieces[1:]]
    return [TextParagraph(first, style), *rest]


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User text as paragraphs of at most `CHUNK` characters (see `text_chunks`)."""
    return [TextParagraph(para_text(p), style) for p in text_chunks(text)]


def strip_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    strip_colours: Sequence[str | None],
    *,
    header: bool = False,
    shade: bool = False,
    groups: Sequence[tuple[int, int]] = (),
) -> Table:
    """A table whose first column is a thin strip in each row's verdict colour.

    `rows` include the strip column (give "" for it). With `header`, row 0 is a header
    row repeated on every page the table continues onto. `groups` are (first, last) row
    ranges that belong together (one criterion's elements); a short group is not split
    over two pages, so its rows keep the criterion name above them.
    """
    table = Table(
        list(rows),
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,  # a cell taller than a page splits instead of failing the layout
        hAlign="LEFT",
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (-1, -1), 5),
        ("RIGHTPADDING", (1, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ]
    if shade:
        commands.append(("BACKGROUND", (1, 0), (-1, -1), SHADE))
    first = 1 if header else 0
    for i in range(first, len(rows)):
        commands.append(("LINEBELOW", (0, i), (-1, i), 0.4, RULE))
    for i, hex_colour in enumerate(strip_colours):
        if hex_colour:
            commands.append(("BACKGROUND", (0, i), (0, i), colour(hex_colour)))
    for first_row, last_row in groups:
        if 0 < last_row - first_row < KEEP_GROUP:  # a longer group may split: it cannot
            commands.append(("NOSPLIT", (0, first_row), (-1, last_row)))  # always fit
    table.setStyle(table_style(commands))
    return table


def key_value_table(rows: Sequence[tuple[str, str]], width: float, key_width: float) -> Table:
    """Label and value pairs (the cover, the signature block); values are user text."""
    styles = stylesheet()
    data = [
        [
            Paragraph(para_text(key), styles["cell_label"]),
            paragraphs(value, styles["cell_value"]) or "",
        ]
        for key, value in rows
    ]
    table = Table(data, colWidths=[key_width, width - key_width], splitInRow=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def photo_grid(
    photos: Sequence[tuple[Photo, str]],
    width: float,
    *,
    columns: int = 2,
    max_height: float = 62 * mm,
) -> Table:
    """Photos side by side with their captions below; `photos` are (photo, caption) pairs.

    The caption is plain text (it is escaped here). A photo that cannot be shown becomes
    a grey box saying why, so nothing disappears without a trace.
    """
    styles = stylesheet()
    gap = 5 * mm
    cell_width = (width - gap * (columns - 1)) / columns
    cells: list[list[Flowable]] = []
    for photo, caption in photos:
        caption_paras = paragraphs(caption, styles["caption"])
        if photo.path is None:
            box = Table(
                [[Paragraph(para_text(photo.problem), styles["cell_small"])]],
                colWidths=[cell_width],
                splitInRow=1,
            )
            box.setStyle(
                table_style(
                    [("BACKGROUND", (0, 0), (-1, -1), SHADE), ("BOX", (0, 0), (-1, -1), 0.4, RULE)]
                )
            )
            cells.append([box, Spacer(1, 1.5 * mm), *caption_paras])
            continue
        scale = min(cell_width / photo.width, max_height / photo.height)
        image = Image(str(photo.path), width=photo.width * scale, height=photo.height * scale)
        image.hAlign = "LEFT"
        cells.append([image, Spacer(1, 1.5 * mm), *caption_paras])
    rows: list[list[object]] = []
    for start in range(0, len(cells), columns):
        row: list[object] = list(cells[start : start + columns])
        row += [""] * (columns - len(row))
        spaced: list[object] = []
        for i, cell in enumerate(row):
            if i:
                spaced.append("")
            spaced.append(cell)
        rows.append(spaced)
    widths: list[float] = []
    for i in range(columns):
        if i:
            widths.append(gap)
        widths.append(cell_width)
    table = Table(rows, colWidths=widths, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return table


class SignatureLine(Flowable):
    """A line to sign on, with a small label below it."""

    def __init__(self, width: float, label: str) -> None:
        super().__init__()
        self.line_width = width
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.line_width, avail_width)
        return self.width, 16 * mm

    def draw(self) -> None:
        canv = self.canv
        styles = stylesheet()
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.6)
        canv.line(0, 4 * mm, self.width, 4 * mm)
        canv.setFillColor(MUTED)
        canv.setFont(styles["small"].fontName, 7.5)
        canv.drawString(0, 0.6 * mm, self.label)


class ProgressMark(Flowable):
    """Takes no space; calls `step()` when the layout reaches it (one report part done)."""

    def __init__(self, step: Callable[[], None]) -> None:
        super().__init__()
        self.step = step

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.step()
