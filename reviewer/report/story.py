"""What the stories of all reports share, and their rendering to PDF bytes.

`ReportStory` is the base of the review report, the workshop report and the revision
report: the report's language and its texts, escaped paragraphs and headings with an
outline entry, the start of a cover, criteria as the reports show them (a header with a
colour strip, a compact cell, evidence, a verdict in its colour), tables with a colour
strip per row, numbered photos, the pages of the drawings, and the PDF itself (page
furniture, metadata, "page X of Y"). Every piece of user text goes through `para_text`.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer import __version__
from reviewer.domain.checklist import Checklist, Criterion
from reviewer.domain.drawing import Sheet
from reviewer.domain.plan import VALUE_LABELS, PlanIdentity, stage_from_text
from reviewer.domain.review import Assessment, PhotoRef, Review
from reviewer.domain.text import Lang, Text
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.report.drawings import DrawingImage, sheet_page
from reviewer.report.escape import para_text
from reviewer.report.flowables import (
    STRIP,
    TextParagraph,
    header_table,
    strip_table,
    table_style,
)
from reviewer.report.fonts import REGULAR
from reviewer.report.labels import label, place_text
from reviewer.report.pages import NumberedCanvas, ReportTemplate
from reviewer.report.photos import Photo
from reviewer.report.styles import FRAME_WIDTH, MUTED, SHADE, colour, stylesheet, tint

# a criterion's rows are kept on one page only when they are surely short: rows that
# may not split but are taller than a page could not be laid out at all
KEEP_GROUP_CHARS = 1200
TABLE_START = 40 * mm  # room a heading needs below it to start a table on this page
VERDICT_WIDTH = 130  # points: a verdict column ("deels / lokale beperking" on one line)
MUTED_HEX = "#" + MUTED.hexval()[2:]


_streams_lock = threading.Lock()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@contextlib.contextmanager
def plain_streams() -> Iterator[None]:
    """Write binary streams as they are instead of ASCII85-encoded.

    reportlab encodes every stream in ASCII85 by default (7-bit safe PDF, a habit from
    the days of e-mail gateways); that makes embedded photos a quarter larger and,
    without reportlab's optional C accelerator, costs seconds of pure Python per report.
    The setting is global in reportlab, so it is changed only while a report is built.
    """
    with _streams_lock:
        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = old


class ReportStory:
    """The base of a report's story: what the review, workshop and revision reports share.

    `step` is called at each ProgressMark the story places, as the PDF is laid out.
    """

    def __init__(self, lang: Lang, step: Callable[[], None]) -> None:
        self.lang: Lang = lang
        self.step = step
        self.styles = stylesheet()
        self._photo_number = 0  # photos are numbered on through the whole report

    # ------------------------------------------------------------------ text

    def label(self, key: str, **values: object) -> str:
        """The report text `key` in the report's language, with `values` filled in."""
        return label(key, self.lang, **values)

    def paragraph(self, text: str, style: str | ParagraphStyle) -> Paragraph:
        """A paragraph of plain text (escaped here) in a style of the stylesheet, by name,
        or in a style of its own. It keeps its layout (`TextParagraph`): a cell of a long
        table is measured again at every page the table reaches."""
        return TextParagraph(
            para_text(text), self.styles[style] if isinstance(style, str) else style
        )

    def heading(
        self,
        text: str,
        style: str | ParagraphStyle,
        key: str,
        level: int,
        *,
        keep_with_next: bool = True,
    ) -> Paragraph:
        """A heading with an outline entry. Before a long table use `table_heading`: a
        heading kept with a whole table would push a table that does not fit the rest of
        the page onto the next one."""
        para = self.paragraph(text, style)
        para.outline = (key, " ".join(text.split()) or "—", level)  # type: ignore[attr-defined]
        para.keepWithNext = keep_with_next
        return para

    def table_heading(self, text: str, style: str, key: str, level: int) -> list[Flowable]:
        """A heading over a table: on a new page unless there is room for the table to
        start below it, and not kept with the whole table."""
        return [
            CondPageBreak(TABLE_START),
            self.heading(text, style, key, level, keep_with_next=False),
        ]

    def cover_start(self, review: Review, title: str) -> list[Flowable]:
        """The top of a cover: the kind of report, its title, the plan and where it is."""
        identity = review.plan.identity
        story: list[Flowable] = [
            self.paragraph(self.label("kicker").upper(), "kicker"),
            self.paragraph(title, "title"),
            self.paragraph(identity.name, "plan"),
        ]
        where = place_text(identity.address, identity.municipality)
        if where:
            story.append(self.paragraph(where, "subtitle"))
        return story

    def plan_type_text(self, identity: PlanIdentity) -> str:
        """The plan's type as the report names it ("Renovatie bestaande woningen"), or ""."""
        if identity.plan_type is None:
            return ""
        return _capitalised(VALUE_LABELS[identity.plan_type.value].get(self.lang))

    def stage_text(self, identity: PlanIdentity) -> str:
        """The plan's stage, with the free-text phase behind it only when that says more
        than the stage ("Definitief ontwerp (DO-2, na welstand)"); the phase alone for a
        plan without a stage."""
        phase = " ".join(identity.phase.split())
        if identity.stage is None:
            return phase
        label = VALUE_LABELS[identity.stage.value]
        shown = _capitalised(label.get(self.lang))
        same = stage_from_text(phase) is identity.stage or phase.lower() in (
            label.nl.lower(),
            label.en.lower(),
        )
        return f"{shown} ({phase})" if phase and not same else shown

    def checklist_text(self, checklist: Checklist) -> str:
        """The checklist, its version and the profile the review was made under, if any:
        "Veiligheid en Cohesie, versie 2.0, profiel Keurmerk Veiligheid en Cohesie
        (versie 1.0)"."""
        text = f"{checklist.title.get(self.lang)}, {self.label('version')} {checklist.version}"
        profile = checklist.profile
        if profile is not None:
            text += ", " + self.label("with_profile", title=profile.title.get(self.lang))
            text += " " + self.label("profile_version", version=profile.version)
        return text

    def footer(self, checklist: Checklist) -> str:
        return f"{checklist.title.get(self.lang)} · {self.label('version')} {checklist.version}"

    # ------------------------------------------------------------------ criteria

    def criterion_header(
        self, criterion: Criterion, right: Paragraph, right_width: float, strip_colour: str
    ) -> Table:
        """A criterion's id and title on a shaded row with its colour strip, `right` (its
        verdict or status) at the right; kept with what follows it."""
        title = Paragraph(
            f"<b>{para_text(criterion.id)}</b>  {para_text(criterion.title.get(self.lang))}",
            self.styles["criterion"],
        )
        header = strip_table(
            [["", title, right]],
            [STRIP, FRAME_WIDTH - STRIP - right_width, right_width],
            [strip_colour],
            shade=True,
        )
        header.keepWithNext = True
        return header

    def criterion_meta(self, criterion: Criterion, *more: str) -> str:
        """The line under a criterion's header: its level, its perspectives, then `more`."""
        parts = [
            criterion.level.label.get(self.lang),
            ", ".join(p.label.get(self.lang) for p in criterion.perspectives),
            *more,
        ]
        return " · ".join(parts)

    def profile_note(self, criterion: Criterion, style: str = "meta") -> list[Flowable]:
        """What the review's profile changed in the criterion, and why (small, under the
        line that shows its level); nothing for a criterion the profile left as it was."""
        if criterion.profile_note is None:
            return []
        return [self.paragraph(criterion.profile_note.get(self.lang), style)]

    def criterion_cell(self, criterion: Criterion) -> list[Flowable]:
        """A criterion in a table: its id in bold, its title below it."""
        return [
            self.paragraph(criterion.id, "cell_bold"),
            self.paragraph(criterion.title.get(self.lang), "cell_small"),
        ]

    def evidence(self, assessment: Assessment, style: str) -> list[Flowable]:
        """The rules' evidence, each line behind a dot in its verdict's colour."""
        return [
            Paragraph(
                f'<font color="{VERDICT_COLOURS[e.verdict]}">●</font> '
                f"{para_text(e.text.get(self.lang))}",
                self.styles[style],
            )
            for e in assessment.evidence
        ]

    def verdict_markup(self, verdict: Verdict) -> str:
        """A verdict's label in its traffic-light colour (grey when not assessed)."""
        hex_colour = MUTED_HEX if verdict is Verdict.NOT_ASSESSED else VERDICT_COLOURS[verdict]
        return f'<font color="{hex_colour}">{para_text(verdict.label.get(self.lang))}</font>'

    def verdict(self, verdict: Verdict, style: str = "cell_bold") -> Paragraph:
        return TextParagraph(self.verdict_markup(verdict), self.styles[style])

    # ------------------------------------------------------------------ tables

    def data_table(
        self,
        heads: Sequence[str],
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        colours: Sequence[str | None],
        groups: Sequence[tuple[int, int]] = (),
    ) -> Flowable:
        """A table under a header row of `heads`, each row marked by a colour strip.

        `rows` and `widths` leave out the strip column; the header repeats on every page.
        `groups` are (first, last) row ranges kept on one page, counted with the header
        as row 0.
        """
        head: list[object] = ["", *(self.paragraph(h, "cell_head") for h in heads)]
        data = [head, *(["", *row] for row in rows)]
        return header_table(data, [STRIP, *widths], [None, *colours], groups)

    def verdict_table(self, entries: Sequence[tuple[list[Flowable], Verdict]]) -> Flowable:
        """Criteria with one verdict each, compactly: (criterion cell, verdict) pairs."""
        return self.data_table(
            [self.label("col_criterion"), self.label("col_verdict")],
            [[cell, self.verdict(verdict, "cell")] for cell, verdict in entries],
            [FRAME_WIDTH - STRIP - VERDICT_WIDTH, VERDICT_WIDTH],
            [VERDICT_COLOURS[verdict] for _cell, verdict in entries],
        )

    def counts_table(self, entries: Sequence[tuple[str, int, str]]) -> Table:
        """One row of counts under their labels, each with its colour mark above."""
        width = FRAME_WIDTH / len(entries)
        head = [self.paragraph(text, "cell_head") for text, _count, _colour in entries]
        values = [self.paragraph(str(count), "outcome_label") for _text, count, _colour in entries]
        table = Table([head, values], colWidths=[width] * len(entries), hAlign="LEFT")
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for i, (_text, _count, hex_colour) in enumerate(entries):
            commands.append(("LINEABOVE", (i, 0), (i, 0), 2.5, colour(hex_colour)))
        table.setStyle(table_style(commands))
        return table

    def warnings_box(self, warnings: Sequence[Text]) -> list[Flowable]:
        if not warnings:
            return []
        paras: list[Flowable] = [self.paragraph(self.label("warnings"), "cell_bold")]
        paras += [self.paragraph(w.get(self.lang), "cell") for w in warnings]
        box = strip_table(
            [["", paras]], [STRIP, FRAME_WIDTH - STRIP], [VERDICT_COLOURS[Verdict.PARTLY]]
        )
        box.setStyle(
            TableStyle([("BACKGROUND", (1, 0), (1, 0), tint(VERDICT_COLOURS[Verdict.PARTLY]))])
        )
        return [Spacer(1, 5 * mm), box]

    # ------------------------------------------------------------------ photos, drawings

    def photo_items(
        self, refs: Sequence[PhotoRef], photos: dict[str, Photo]
    ) -> list[tuple[Photo, str]]:
        """Photos with their captions for a photo grid, numbered on through the report; a
        photo that is missing or could not be read says so in its place."""
        items: list[tuple[Photo, str]] = []
        for ref in refs:
            self._photo_number += 1
            caption = self.label("photo", n=self._photo_number)
            if ref.caption.strip():
                caption = f"{caption}: {ref.caption.strip()}"
            photo = photos.get(ref.name) or Photo(name=ref.name, problem="missing")
            if photo.path is None:
                reason = self.label("photo_unreadable", name=ref.name, reason=photo.problem)
                photo = Photo(name=ref.name, problem=reason)
            items.append((photo, caption))
        return items

    def drawings_start(self, intro: str) -> list[Flowable]:
        """The start of the drawings part, on a page of its own."""
        return [
            PageBreak(),
            self.heading(self.label("drawings"), "h1", "drawings", 0),
            self.paragraph(intro, "intro"),
        ]

    def sheet_section(
        self, review: Review, sheet: Sheet, image: DrawingImage | None, title: str, key: str
    ) -> list[Flowable]:
        """One sheet under its heading: the drawing with the review's pins, its legend."""
        heading = self.heading(title, "h2", key, 1)
        return [heading, *sheet_page(review, sheet, image, self.lang, self.styles)]

    # ------------------------------------------------------------------ render

    def render_pdf(
        self,
        story: list[Flowable],
        *,
        header_left: str,
        header_right: str,
        footer_left: str,
        title: str,
        author: str,
        subject: str = "",
        first_page_header: bool = True,
    ) -> bytes:
        """The story laid out on the report's pages, as PDF bytes. `subject` (the PDF's
        metadata) is the kind of report unless given. Without `first_page_header` the
        first page has no running header (a letter's letterhead takes its place)."""
        buffer = io.BytesIO()
        doc = ReportTemplate(
            buffer,
            header_left=header_left,
            header_right=header_right,
            footer_left=footer_left,
            first_page_header=first_page_header,
            title=title,
            author=author,
            subject=subject or self.label("kicker"),
            creator=f"Safety & Cohesion Reviewer {__version__}",
            lang=self.lang,
            initialFontName=REGULAR,  # else every page would name Helvetica, not embedded
            initialFontSize=9,
        )
        with plain_streams():
            doc.build(story, canvasmaker=partial(NumberedCanvas, page_text=self._page_text))
        return buffer.getvalue()

    def _page_text(self, page: int, total: int) -> str:
        return self.label("page", page=page, total=total)
