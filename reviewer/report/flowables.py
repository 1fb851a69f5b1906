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
PAGE_ROWS = 40  # rows under a header that make a table long: see PagedTable

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
    over two pages, so its rows keep the criterion name above them. A table that may be
    long is better made with `header_table`.
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


def header_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    strip_colours: Sequence[str | None],
    groups: Sequence[tuple[int, int]] = (),
) -> Flowable:
    """`strip_table` with a header row (row 0), for tables of any length: one of more
    than `PAGE_ROWS` rows is a `PagedTable`, which looks the same but costs each page
    only the rows on it."""
    if len(rows) - 1 > PAGE_ROWS:
        return PagedTable(rows[0], rows[1:], widths, strip_colours[1:], groups)
    return strip_table(rows, widths, strip_colours, header=True, groups=groups)


class PagedTable(Flowable):
    """A long `strip_table` under a header, laid out a page at a time.

    reportlab splits a table at a page end by copying every row and every style command
    of the rest into a new table, and lays the rest out again: a table of n rows over p
    pages costs n × p, quadratic in the rows (a 4,000-element plan's facts took minutes).
    This flowable holds the rows and builds a real table of only the first rows that can
    reach the page end (at least twice the height that is left, so the split point and
    any group kept together lie well inside it); reportlab splits that small table, and
    the rest of it plus the rows not yet built become the next `PagedTable`. The pages
    look exactly as one long table's: the header row repeated on each, a row split inside
    when it is taller than a page, short groups kept together.
    """

    def __init__(
        self,
        head: Sequence[object],
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        strip_colours: Sequence[str | None],
        groups: Sequence[tuple[int, int]] = (),
        hint: int = PAGE_ROWS,
    ) -> None:
        super().__init__()
        self.hint = max(hint, KEEP_GROUP)  # rows to try first: twice the last page's
        self.head = head
        self.rows = rows
        self.widths = list(widths)
        self.strip_colours = strip_colours
        self.groups = groups  # counted with the header as row 0, as in strip_table
        self.hAlign = "LEFT"
        self._window: Table | None = None
        self._window_rows = 0
        self._window_key: tuple[float, float] | None = None

    def _table(self, count: int) -> Table:
        groups = [(a, min(b, count)) for a, b in self.groups if a <= count]
        return strip_table(
            [self.head, *self.rows[:count]],
            self.widths,
            [None, *self.strip_colours[:count]],
            header=True,
            groups=groups,
        )

    def _laid_out(self, avail_width: float, avail_height: float) -> Table:
        """The table of the first rows, enough of them to run past the page end."""
        key = (avail_width, avail_height)
        if self._window is not None and self._window_key == key:
            return self._window
        count = self.hint
        while True:
            count = min(count, len(self.rows))
            table = self._table(count)
            _width, height = table.wrap(avail_width, avail_height)
            if count == len(self.rows) or height >= 2 * avail_height:
                break
            count *= 2
        self._window, self._window_rows, self._window_key = table, count, key
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table = self._laid_out(avail_width, avail_height)
        self.width, self.height = table.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:  # only when every row fits where it stands
        assert self._window is not None
        self._window.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._laid_out(avail_width, avail_height)
        count = self._window_rows
        parts = table.split(avail_width, avail_height)
        if len(parts) < 2 or count == len(self.rows):
            return parts
        first, rest = parts
        rest_rows = rest._cellvalues[1:]  # after the repeated header; the first row
        done = count - len(rest_rows)  # may be what is left of a row split inside
        later = self.rows[count:]
        groups = [(a - done, b - done) for a, b in self.groups if b > done]
        return [
            first,
            PagedTable(
                self.head,
                [*rest_rows, *later],
                self.widths,
                self.strip_colours[done:],
                [(max(a, 1), b) for a, b in groups],
                2 * done + KEEP_GROUP,
            ),
        ]


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
