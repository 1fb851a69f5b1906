"""The workshop report (two reviews of one plan side by side) and the revision report.

Workshop report: a cover (the plan, the workshop, side A and side B, the agreement
statistics, any warnings), then what needs discussing, most pressing first: conflicts,
tensions, differences, one-sided findings; then the agreements as a compact table. Each
item shows both verdicts side by side in their colours, both sides' notes and measures,
and the joint conclusion when the workshop recorded one.

Revision report: two reviews of successive revisions of one plan, compact: what was
resolved, what is new, what is still open, what changed.

Both are stories on the base every report shares (`ReportStory` in story.py: page
furniture, stylesheet, escaping with `para_text` for every piece of user text, numbered
photos, drawing pages) and follow the export rules of export.py: written atomically, and
every failure is a ReportError with a message a person can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer.domain.compare import (
    Comparison,
    ComparisonError,
    ComparisonItem,
    ItemStatus,
    RevisionItem,
    RevisionStatus,
    TensionComparison,
    compare_reviews,
    compare_revisions,
)
from reviewer.domain.plan import PlanIdentity
from reviewer.domain.review import Assessment, MeasureKind, Review
from reviewer.domain.statuses import (
    ONE_SIDED_COLOUR,
    REVISION_COLOURS,
    REVISION_ORDER,
    STATUS_COLOURS,
    STATUS_ORDER,
)
from reviewer.domain.text import Lang, Text
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.domain.workshop import (
    DEADLINE_LABELS,
    MEASURE_KIND_LABELS,
    JointConclusion,
    Workshop,
)
from reviewer.report.drawings import (
    DrawingImage,
    pin_refs,
    prepare_drawings,
    printed_sheets,
)
from reviewer.report.errors import ReportError
from reviewer.report.escape import para_text
from reviewer.report.export import (
    Progress,
    export_pdf,
    open_document,
    open_review,
    photo_attachments,
    prepare_target,
)
from reviewer.report.flowables import (
    STRIP,
    ProgressMark,
    key_value_table,
    labelled,
    paragraphs,
    photo_grid,
    strip_table,
    table_style,
)
from reviewer.report.labels import (
    count_label,
    format_date,
    format_decimal,
    format_percent,
)
from reviewer.report.photos import Photo, prepare_photos
from reviewer.report.story import (
    KEEP_GROUP_CHARS,
    MUTED_HEX,
    TABLE_START,
    VERDICT_WIDTH,
    ReportStory,
)
from reviewer.report.styles import (
    FRAME_WIDTH,
    PAGE_SIZE,
    colour,
    tint,
)
from reviewer.storage.container import validation_message
from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.workshop_file import WorkshopDocument, load_workshop

SIDES = ("A", "B")
CARD_START = 45 * mm  # room a card needs: its title, and the first lines of both sides
KEEP_CARD_END = 70 * mm  # both sides shorter than this stay with the conclusion below
GAP = 4 * mm  # between the two sides of an item

# a plan fact the two reviews give differently: amber, its text darker to be read
DIFFERING_FACTS_COLOUR = VERDICT_COLOURS[Verdict.PARTLY]
DIFFERING_FACTS_TEXT = "#8a5a00"

# statuses (order, colours and labels) come from reviewer.domain.compare, shared with the app
TO_DISCUSS = (ItemStatus.CONFLICT, ItemStatus.DIFFER, ItemStatus.ONLY_A, ItemStatus.ONLY_B)


# ---------------------------------------------------------------------------- export


def export_workshop_report(
    a: str | Path | ReviewDocument,
    b: str | Path | ReviewDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    conclusions: dict[str, JointConclusion] | None = None,
    title: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the workshop report of review A against review B as a PDF; return its path.

    `conclusions` are the joint conclusions per criterion id, if the workshop reached
    any. Written atomically; every failure (reviews of different plans, an unknown
    criterion in a conclusion, a file that cannot be written) raises ReportError.
    """
    target = prepare_target(output, lang)
    doc_a, doc_b = open_review(a), open_review(b)
    workshop_comparison(doc_a.review, doc_b.review)  # different plans: say so plainly
    try:
        workshop = Workshop(
            title=title.strip() or doc_a.review.plan.identity.name,
            review_a=doc_a.review,
            review_b=doc_b.review,
            conclusions=dict(conclusions or {}),
        )
    except ValidationError as exc:
        raise ReportError(validation_message(exc, "the workshop")) from None
    return _export_workshop(workshop, doc_a, doc_b, target, lang, progress)


def export_workshop_file_report(
    source: str | Path | WorkshopDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the workshop report of a .workshop file (or an open WorkshopDocument), with
    its joint conclusions, as a PDF; see `export_workshop_report`."""
    target = prepare_target(output, lang)
    doc = open_document(source, WorkshopDocument, load_workshop)
    doc_a, doc_b = doc.review_documents()
    return _export_workshop(doc.workshop, doc_a, doc_b, target, lang, progress)


def export_revision_report(
    old: str | Path | ReviewDocument,
    new: str | Path | ReviewDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the comparison of two revisions of one plan (old review, new review) as a
    PDF: what was resolved, what is new, still open or changed. Atomic; ReportError."""
    target = prepare_target(output, lang)
    doc_old, doc_new = open_review(old), open_review(new)
    try:
        items, warnings = compare_revisions(doc_old.review, doc_new.review)
    except ComparisonError as exc:
        raise ReportError(str(exc)) from None
    tracker = Progress(progress, 1 + len(REVISION_ORDER) + 1)

    def make(folder: Path) -> bytes:
        report = RevisionReport(
            doc_old.review, doc_new.review, items, warnings, lang=lang, step=tracker.step
        )
        return report.render()

    return export_pdf(target, tracker, make)


def workshop_comparison(a: Review, b: Review, *, same_plan_confirmed: bool = False) -> Comparison:
    """The comparison of the two reviews, or ReportError saying why there is none."""
    try:
        return compare_reviews(a, b, same_plan_confirmed=same_plan_confirmed)
    except ComparisonError as exc:
        raise ReportError(str(exc)) from None


def _export_workshop(
    workshop: Workshop,
    doc_a: ReviewDocument,
    doc_b: ReviewDocument,
    target: Path,
    lang: Lang,
    progress: Callable[[int, int], None] | None,
) -> Path:
    comparison = workshop_comparison(
        workshop.review_a, workshop.review_b, same_plan_confirmed=workshop.same_plan_confirmed
    )
    attachments = (photo_attachments(doc_a), photo_attachments(doc_b))
    photo_count = sum(len(x) for x in attachments)
    sheet_count = sum(len(printed_sheets(d.review)) for d in (doc_a, doc_b))
    # steps: read, each photo, each drawing, cover, each part of the story, write
    steps = 1 + photo_count + sheet_count + 1 + len(WorkshopReport.PARTS) + 1
    tracker = Progress(progress, steps)

    def make(folder: Path) -> bytes:
        photos: list[dict[str, Photo]] = []
        drawings: list[dict[str, DrawingImage]] = []
        for side, side_attachments, doc in zip(SIDES, attachments, (doc_a, doc_b), strict=True):
            side_folder = folder / side  # both sides may have a photo called hof.jpg
            side_folder.mkdir()
            photos.append(prepare_photos(side_attachments, side_folder, tracker.step))
            drawings.append(prepare_drawings(doc, side_folder, tracker.step))
        report = WorkshopReport(
            workshop, comparison, photos, drawings=drawings, lang=lang, step=tracker.step
        )
        return report.render()

    return export_pdf(target, tracker, make)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _revisions(a: Review, b: Review) -> str:
    """The plan revision of both reviews: `VO-1`, or `VO-1 / VO-2` when they differ."""
    revisions = (r.plan.identity.revision.strip() for r in (a, b))
    return " / ".join(dict.fromkeys(r for r in revisions if r))


def _plan_title(a: Review, b: Review) -> str:
    """The plan's name with its revision(s), for the page header."""
    shown = _revisions(a, b)
    name = a.plan.identity.name
    return f"{name} ({shown})" if shown else name


# ---------------------------------------------------------------------------- workshop


class WorkshopReport(ReportStory):
    """The story of a workshop report, and its rendering to PDF bytes."""

    PARTS = (
        "plan_differences",
        "conflicts",
        "tensions",
        "differences",
        "one_sided",
        "agreements",
        "drawing_pages",
        "statistics_appendix",
    )

    def __init__(
        self,
        workshop: Workshop,
        comparison: Comparison,
        photos: Sequence[dict[str, Photo]],
        *,
        lang: Lang,
        step: Callable[[], None] = lambda: None,
        drawings: Sequence[dict[str, DrawingImage]] = ({}, {}),
    ) -> None:
        super().__init__(lang, step)
        self.workshop = workshop
        self.comparison = comparison
        self.reviews = (workshop.review_a, workshop.review_b)
        self.photos = tuple(photos)
        self.drawings = tuple(drawings)
        self.checklist = workshop.review_a.checklist
        self.date = format_date(workshop.date, lang)
        # a part of the report starts with some room below what came before it
        self.part_style = ParagraphStyle("part", parent=self.styles["h1"], spaceBefore=7 * mm)

    def side_name(self, index: int) -> str:
        perspective = self.reviews[index].perspective.label.get(self.lang)
        return self.label("side", side=SIDES[index], perspective=perspective)

    def items(self, *statuses: ItemStatus) -> list[ComparisonItem]:
        return [i for i in self.comparison.items if i.status in statuses]

    def conclusion(self, criterion_id: str) -> JointConclusion | None:
        found = self.workshop.conclusions.get(criterion_id)
        if found is None:
            return None
        if found.verdict is Verdict.NOT_ASSESSED and not (
            found.measure.strip() or found.actor.strip() or found.note.strip() or found.due_stage
        ):
            return None  # an empty conclusion says nothing
        return found

    def section_start(
        self, title: str, key: str, intro: str = "", *, keep_with_next: bool = True
    ) -> list[Flowable]:
        """A part of the report: room for a table below its heading, and its intro."""
        heading = self.heading(title, self.part_style, key, 0, keep_with_next=keep_with_next)
        story: list[Flowable] = [CondPageBreak(TABLE_START), heading]
        if intro:
            intro_para = self.paragraph(intro, "intro")
            intro_para.keepWithNext = keep_with_next
            story.append(intro_para)
        return story

    # ------------------------------------------------------------------ render

    def render(self) -> bytes:
        a, b = self.reviews
        names = " · ".join(dict.fromkeys(r.reviewer.name for r in self.reviews if r.reviewer.name))
        return self.render_pdf(
            self.story(),
            header_left=_plan_title(a, b),
            header_right=self.label("ws_header", date=self.date),
            footer_left=self.footer(self.checklist),
            title=f"{self.label('ws_title')}: {a.plan.identity.name}",
            author=names,
        )

    def story(self) -> list[Flowable]:
        story = self.cover()
        story.append(ProgressMark(self.step))
        for part in self.PARTS:
            story += getattr(self, part)()
            story.append(ProgressMark(self.step))
        return story

    # ------------------------------------------------------------------ cover

    def cover(self) -> list[Flowable]:
        """The first page, for a municipal reader: the plan, when, where and who (the chair
        and the attendance list), the agreement in words, the joint decisions. The
        statistics are in the appendix (`statistics_appendix`)."""
        workshop = self.workshop
        a = self.reviews[0]
        story: list[Flowable] = [*self.cover_start(a, self.label("ws_title")), Spacer(1, 4 * mm)]
        when = self.date
        if workshop.place.strip():
            when = f"{when}, {workshop.place.strip()}"
        title = workshop.title.strip()
        rows = [
            (self.label("ws_name"), title if title != a.plan.identity.name.strip() else ""),
            (self.label("ws_date_place" if workshop.place.strip() else "date"), when),
            (self.label("ws_chair"), workshop.chair),
            (self.label("plan_type"), self._once(self.plan_type_text)),
            (self.label("ws_revision_stage"), self._revision_and_stage()),
            (self.label("checklist"), self._checklists()),
            (self.label("ws_advices"), "\n".join(self._side_line(i) for i in (0, 1))),
        ]
        story.append(key_value_table([r for r in rows if r[1].strip()], FRAME_WIDTH, 38 * mm))
        story += self.attendance()
        story += self.agreement_in_words()
        story += self.warnings_box(self.comparison.warnings)
        story += self.decisions()
        story.append(PageBreak())
        return story

    def _revision_and_stage(self) -> str:
        """ "VO-2, voorlopig ontwerp": the plan's revision(s) and stage on one line."""
        stage = self._once(self.stage_text)
        parts = [_revisions(*self.reviews), stage[:1].lower() + stage[1:] if stage else ""]
        return ", ".join(p for p in parts if p)

    def _side_line(self, index: int) -> str:
        """One side on one line: "A · Veiligheid: Marieke Hofstra, Bouwplanadviseur"."""
        who = self.reviews[index].reviewer
        names = ", ".join(x.strip() for x in (who.name, who.role, who.organisation) if x.strip())
        return f"{self.side_name(index)}: {names}" if names else self.side_name(index)

    def _cover_heading(self, key: str) -> Paragraph:
        heading = self.heading(self.label(key), "h3", key, 0)
        heading.style = ParagraphStyle(f"{key}-h", parent=self.styles["h3"], spaceBefore=5 * mm)
        return heading

    def attendance(self) -> list[Flowable]:
        """Who attended (name, role, organisation), and any remarks on attendance."""
        workshop = self.workshop
        story: list[Flowable] = [self._cover_heading("ws_present")]
        attendees = [p for p in workshop.attendees if (p.name + p.role + p.organisation).strip()]
        if attendees:
            third = (FRAME_WIDTH - STRIP) / 3
            story.append(
                self.data_table(
                    [self.label("name"), self.label("col_role"), self.label("organisation")],
                    [
                        [
                            self.paragraph(p.name, "cell"),
                            self.paragraph(p.role, "cell"),
                            self.paragraph(p.organisation, "cell"),
                        ]
                        for p in attendees
                    ],
                    [third, third, third],
                    [None] * len(attendees),
                )
            )
        remarks = workshop.participants.strip()
        if remarks:
            if attendees:
                story.append(Spacer(1, 1.5 * mm))
                story += labelled(self.label("ws_remarks"), remarks, self.styles["body"])
            else:
                story.append(self.paragraph(remarks, "body"))
        elif not attendees:
            story.append(self.paragraph(self.label("ws_present_none"), "body"))
        return story

    def agreement_sentences(self) -> list[str]:
        """The comparison in words, with the numbers in agreement with their nouns."""
        comparison, lang = self.comparison, self.lang
        n, agree = comparison.agreement_n, comparison.count(ItemStatus.AGREE)
        verdicts = {
            "meets": Verdict.MEETS.label.get(lang),
            "partly": Verdict.PARTLY.label.get(lang),
            "fails": Verdict.FAILS.label.get(lang),
            "na": Verdict.NOT_APPLICABLE.label.get(lang),
        }
        if n == 0:
            sentences = [self.label("ws_agree_none")]
        elif n == 1:
            key = "ws_agree_single_same" if agree else "ws_agree_single_differ"
            sentences = [self.label(key)]
        elif agree == n:
            sentences = [self.label("ws_agree_all", n=n)]
        elif agree == 0:
            sentences = [self.label("ws_agree_nothing", n=n)]
        else:
            sentences = [self.label("ws_agree_some", agree=agree, n=n)]
        for key, status in (
            ("ws_conflicts", ItemStatus.CONFLICT),
            ("ws_differ", ItemStatus.DIFFER),
        ):
            count = comparison.count(status)
            if count and n > 1:
                sentences.append(count_label(key, count, lang, **verdicts))
        one_sided = comparison.count(ItemStatus.ONLY_A) + comparison.count(ItemStatus.ONLY_B)
        if one_sided:
            sentences.append(count_label("ws_one_sided", one_sided, lang))
        total = sum(comparison.count(s) for s in TO_DISCUSS)
        still_open = self.open_differences()
        if total and still_open == 0:
            sentences.append(self.label("ws_open_decided"))
        elif total and still_open == total:
            sentences.append(count_label("ws_open_all", total, lang))
        elif total:
            sentences.append(
                count_label(
                    "ws_open_some", still_open, lang, decided=total - still_open, total=total
                )
            )
        return sentences

    def open_differences(self) -> int:
        """Points of difference (conflicts, differences, one-sided verdicts) of this
        comparison without an agreed verdict."""
        conclusions = self.workshop.conclusions
        return sum(
            1
            for item in self.comparison.items
            if item.status in TO_DISCUSS
            and not (
                item.criterion_id in conclusions
                and conclusions[item.criterion_id].verdict.is_assessed
            )
        )

    def agreement_in_words(self) -> list[Flowable]:
        return [
            self._cover_heading("ws_in_words"),
            self.paragraph(" ".join(self.agreement_sentences()), "body"),
            self.paragraph(self.label("ws_in_figures"), "small"),
        ]

    def decisions(self) -> list[Flowable]:
        """The joint decisions, numbered: what, owner, deadline, condition or recommendation."""
        decisions = self.workshop.decisions()
        heading = self._cover_heading("ws_decisions")
        if not decisions:
            return [heading, self.paragraph(self.label("ws_decisions_none"), "body")]
        intro = self.paragraph(self.label("ws_decisions_intro"), "intro")
        # the heading and intro go where there is room for the table's first rows; the
        # table itself splits over pages (its header repeated) rather than moving whole
        rows: list[list[object]] = []
        colours: list[str | None] = []
        for number, decision in enumerate(decisions, start=1):
            criterion = self.checklist.criterion(decision.criterion_id)
            what: list[Flowable] = [
                Paragraph(
                    f"<b>{para_text(criterion.title.get(self.lang))}</b> "
                    f'<font color="{MUTED_HEX}">{para_text(criterion.id)}</font>',
                    self.styles["cell_small"],
                ),
                *paragraphs(decision.measure.strip(), self.styles["cell"]),
            ]
            deadline = (
                DEADLINE_LABELS[decision.due_stage].get(self.lang)
                if decision.due_stage is not None
                else self.label("deadline_none")
            )
            rows.append(
                [
                    self.paragraph(str(number), "cell_bold"),
                    what,
                    self.paragraph(decision.actor.strip() or self.label("owner_open"), "cell"),
                    self.paragraph(deadline, "cell"),
                    self.paragraph(
                        MEASURE_KIND_LABELS[decision.measure_kind].get(self.lang), "cell"
                    ),
                ]
            )
            condition = decision.measure_kind is MeasureKind.CONDITION
            colours.append(VERDICT_COLOURS[Verdict.FAILS] if condition else ONE_SIDED_COLOUR)
        widths = [28, 0, 84, 76, 80]
        widths[1] = FRAME_WIDTH - STRIP - sum(widths)
        table = self.data_table(
            [self.label(k) for k in ("col_no", "col_decision", "col_owner", "col_deadline")]
            + [self.label("col_becomes")],
            rows,
            widths,
            colours,
        )
        return [CondPageBreak(TABLE_START), heading, intro, table]

    def _once(self, shown: Callable[[PlanIdentity], str]) -> str:
        """A fact of the plan shown once; both sides' values (A / B) when they differ."""
        values = dict.fromkeys(shown(r.plan.identity).strip() for r in self.reviews)
        return " / ".join(v for v in values if v) if len(values) > 1 else next(iter(values))

    def _checklists(self) -> str:
        """The checklist once when both sides used the same one under the same profile;
        else each side's, so a difference in profile (levels, thresholds) is plain."""
        checklists = [r.checklist for r in self.reviews]
        texts = [self.checklist_text(c) for c in checklists]
        if texts[0] == texts[1]:
            return texts[0]
        if any(c.profile is not None for c in checklists):
            texts = [
                t if c.profile is not None else f"{t}, {self.label('no_profile')}"
                for t, c in zip(texts, checklists, strict=True)
            ]
        return "\n".join(f"{self.side_name(i)}: {t}" for i, t in enumerate(texts))

    def _status_label(self, status: ItemStatus) -> str:
        if status is ItemStatus.ONLY_A:
            return self.label(
                "only_side", side="A", perspective=self.reviews[0].perspective.label.get(self.lang)
            )
        if status is ItemStatus.ONLY_B:
            return self.label(
                "only_side", side="B", perspective=self.reviews[1].perspective.label.get(self.lang)
            )
        return status.label.get(self.lang)

    def _statistics(self) -> list[tuple[str, str]]:
        comparison, lang = self.comparison, self.lang
        undetermined = self.label("undetermined")
        if comparison.agreement is None:
            pct = undetermined
        else:
            pct = format_percent(comparison.count(ItemStatus.AGREE), comparison.agreement_n)
        agreement = count_label("ws_agreement_value", comparison.agreement_n, lang, pct=pct)
        kappa = undetermined if comparison.kappa is None else format_decimal(comparison.kappa, lang)
        kappa = count_label("ws_kappa_value", comparison.kappa_n, lang, kappa=kappa)
        nothing = self.label("ws_nothing_to_compare", value=undetermined)
        if comparison.agreement_n == 0:
            agreement = nothing
        if comparison.kappa_n == 0:
            kappa = nothing
        to_discuss = sum(comparison.count(s) for s in TO_DISCUSS)
        return [
            (self.label("agreement"), agreement),
            (self.label("kappa"), kappa),
            (
                self.label("open_differences"),
                self.label("open_value", open=self.open_differences(), total=to_discuss),
            ),
        ]

    def statistics_appendix(self) -> list[Flowable]:
        """The agreement in figures: share of agreement and weighted kappa, each with the
        number of criteria it rests on, the count per status, and what kappa means."""
        lang = self.lang
        story: list[Flowable] = [
            PageBreak(),
            self.heading(self.label("ws_appendix"), "h1", "appendix-statistics", 0),
            key_value_table(self._statistics(), FRAME_WIDTH, 38 * mm),
            Spacer(1, 5 * mm),
            self.paragraph(self.label("ws_counts"), "h3"),
        ]
        entries = [
            (_capitalised(self._status_label(s)), self.comparison.count(s), STATUS_COLOURS[s])
            for s in STATUS_ORDER
        ]
        story.append(self.counts_table(entries))
        story.append(Spacer(1, 5 * mm))
        explained = self.label(
            "ws_kappa_explained",
            meets=Verdict.MEETS.label.get(lang),
            partly=Verdict.PARTLY.label.get(lang),
            fails=Verdict.FAILS.label.get(lang),
            na=Verdict.NOT_APPLICABLE.label.get(lang),
        )
        story.append(self.paragraph(explained, "body"))
        return story

    # ------------------------------------------------------------------ parts

    def plan_differences(self) -> list[Flowable]:
        """The facts the two reviews give the plan differently, each with the criteria
        whose rule reads it; nothing when the reviews agree on every fact."""
        differences = self.comparison.plan_differences
        if not differences:
            return []
        lang = self.lang
        story = self.section_start(
            self.label("plan_differences"),
            "plan_differences",
            self.label("plan_differences_intro"),
        )
        resting = self.comparison.on_differing_facts
        rows: list[list[object]] = []
        for difference in differences:
            criteria = [cid for cid, found in resting.items() if difference in found]
            rows.append(
                [
                    self.paragraph(difference.element_label.get(lang), "cell_bold"),
                    self.paragraph(
                        difference.fact_label.get(lang) if difference.fact_label else "", "cell"
                    ),
                    self.paragraph(difference.a.get(lang), "cell"),
                    self.paragraph(difference.b.get(lang), "cell"),
                    self.paragraph(", ".join(criteria), "cell_small"),
                ]
            )
        widths = [108, 96, 0, 0, 78]
        widths[2] = widths[3] = (FRAME_WIDTH - STRIP - sum(widths)) / 2
        table = self.data_table(
            [
                self.label("col_element"),
                self.label("col_plan_fact"),
                self.side_name(0),
                self.side_name(1),
                self.label("col_resting"),
            ],
            rows,
            widths,
            [DIFFERING_FACTS_COLOUR] * len(rows),
        )
        return [*story, table]

    def differing_facts_note(self, criterion_id: str) -> list[Flowable]:
        """A card's note that the criterion's rule reads facts the reviews give
        differently, naming them with both values."""
        differing = self.comparison.rests_on_differences(criterion_id)
        if not differing:
            return []
        lang = self.lang
        facts = "; ".join(
            f"{d.subject(lang)} (A {d.a.get(lang)}, B {d.b.get(lang)})" for d in differing
        )
        text = para_text(self.label("rests_on_differences", facts=facts))
        return [
            Paragraph(f'<font color="{DIFFERING_FACTS_TEXT}">{text}</font>', self.styles["meta"])
        ]

    def conflicts(self) -> list[Flowable]:
        return self._cards_part("conflicts", self.items(ItemStatus.CONFLICT))

    def differences(self) -> list[Flowable]:
        return self._cards_part("differences", self.items(ItemStatus.DIFFER))

    def _cards_part(self, key: str, items: list[ComparisonItem]) -> list[Flowable]:
        story = self.section_start(self.label(key), key, self.label(f"{key}_intro"))
        if not items:
            return [*story, self.paragraph(self.label(f"{key}_none"), "body")]
        return self._cards(items, lead=story)

    def _cards(self, items: list[ComparisonItem], lead: list[Flowable]) -> list[Flowable]:
        """Cards, the first of them kept on one page with the headings in `lead`."""
        story: list[Flowable] = []
        for item in items:
            story += self.card(item, lead)
            lead = []
        return story

    def one_sided(self) -> list[Flowable]:
        story = self.section_start(
            self.label("one_sided"), "one_sided", self.label("one_sided_intro")
        )
        findings = (self.comparison.only_a_findings, self.comparison.only_b_findings)
        if not any(findings):
            story.append(self.paragraph(self.label("one_sided_none"), "body"))
        for index, ids in enumerate(findings):
            if not ids:
                continue
            perspective = self.reviews[index].perspective.label.get(self.lang)
            title = self.label("only_side", side=SIDES[index], perspective=perspective)
            heading = self.heading(f"{title} ({len(ids)})", "h2", f"only-{SIDES[index]}", 1)
            items = [self.comparison.item(criterion_id) for criterion_id in ids]
            story += self._cards(items, lead=[heading])
        shown = set(findings[0]) | set(findings[1])
        rest = [
            i
            for i in self.items(ItemStatus.ONLY_A, ItemStatus.ONLY_B)
            if i.criterion_id not in shown
        ]
        if rest:
            story += self.table_heading(self.label("one_sided_other"), "h2", "only-other", 1)
            story.append(self._one_sided_table(rest))
        return story

    def _one_sided_table(self, items: list[ComparisonItem]) -> Flowable:
        rows: list[list[object]] = []
        colours: list[str | None] = []
        for item in items:
            index = 0 if item.status is ItemStatus.ONLY_A else 1
            verdict = (item.a, item.b)[index]
            rows.append(
                [
                    self._criterion_with_conclusion(item.criterion_id),
                    self.paragraph(self.side_name(index), "cell"),
                    self.verdict(verdict, "cell"),
                ]
            )
            colours.append(VERDICT_COLOURS[verdict])
        side_width = 110
        return self.data_table(
            [self.label("col_criterion"), self.label("col_side"), self.label("col_verdict")],
            rows,
            [FRAME_WIDTH - STRIP - side_width - VERDICT_WIDTH, side_width, VERDICT_WIDTH],
            colours,
        )

    def agreements(self) -> list[Flowable]:
        story = self.section_start(self.label("agreements"), "agreements", keep_with_next=False)
        items = self.items(ItemStatus.AGREE)
        if items:
            entries = [(self._criterion_with_conclusion(i.criterion_id), i.a) for i in items]
            story.append(self.verdict_table(entries))
        else:
            story.append(self.paragraph(self.label("agreements_none"), "body"))
        neither = self.comparison.count(ItemStatus.NEITHER)
        if neither:
            story.append(Spacer(1, 2 * mm))
            story.append(self.paragraph(self.label("neither", n=neither), "small"))
        return story

    # ------------------------------------------------------------------ drawings

    def drawing_pages(self) -> list[Flowable]:
        """Each side's sheets with pins or measurements, the side's pins on them."""
        sheets = [printed_sheets(review) for review in self.reviews]
        if not any(sheets):
            return []
        story = self.drawings_start(self.label("ws_drawings_intro"))
        first = True
        for index, side_sheets in enumerate(sheets):
            if not side_sheets:
                story.append(
                    self.paragraph(self.label("ws_no_drawings", side=self.side_name(index)), "body")
                )
            for sheet in side_sheets:
                if not first:
                    story.append(PageBreak())
                first = False
                title = self.label("ws_sheet", side=self.side_name(index), sheet=sheet.name)
                image = self.drawings[index].get(sheet.id)
                key = f"sheet-{SIDES[index]}-{sheet.id}"
                story += self.sheet_section(self.reviews[index], sheet, image, title, key)
        return story

    def _criterion_with_conclusion(self, criterion_id: str) -> list[Flowable]:
        """A compact table's criterion cell: id, title, both sides' pins, the conclusion."""
        cell = self.criterion_cell(self.checklist.criterion(criterion_id))
        refs = [
            f"{side}: {ref}"
            for side, review in zip(SIDES, self.reviews, strict=True)
            for ref in pin_refs(review, criterion_id, self.lang)
        ]
        if refs:
            cell += labelled(self.label("pins_label"), "; ".join(refs), self.styles["cell_small"])
        conclusion = self.conclusion(criterion_id)
        if conclusion is not None:
            cell.append(Spacer(1, 2))
            cell += self.joint_paragraphs(conclusion, "cell_small")
        return cell

    # ------------------------------------------------------------------ tensions

    def tensions(self) -> list[Flowable]:
        story = self.section_start(self.label("tensions"), "tensions", self.label("tensions_intro"))
        if not self.comparison.tensions:
            story.append(self.paragraph(self.label("tensions_none"), "body"))
        for tension in self.comparison.tensions:
            story += self._tension(tension)
        return story

    def _tension(self, tension: TensionComparison) -> list[Flowable]:
        rows: list[list[object]] = []
        colours: list[str | None] = []
        for criterion_id in (tension.first, tension.second):
            cells: list[object] = [self.criterion_cell(self.checklist.criterion(criterion_id))]
            for verdict, measure in zip(
                tension.verdicts[criterion_id], tension.measures[criterion_id], strict=True
            ):
                cell: list[Flowable] = [self.verdict(verdict, "cell_bold")]
                if measure.strip():
                    cell += labelled(self.label("measure"), measure, self.styles["cell"])
                cells.append(cell)
            rows.append(cells)
            colours.append(STATUS_COLOURS[self.comparison.item(criterion_id).status])
        size = sum(len(m) for pair in tension.measures.values() for m in pair)
        criterion_width = 130
        side_width = (FRAME_WIDTH - STRIP - criterion_width) / 2
        table = self.data_table(
            [self.label("col_criterion"), self.side_name(0), self.side_name(1)],
            rows,
            [criterion_width, side_width, side_width],
            colours,
            # the pair on one page, unless its measures are too long to be sure they fit
            groups=[(1, 2)] if size <= KEEP_GROUP_CHARS else [],
        )
        title = f"{tension.first} ↔ {tension.second}"
        story: list[Flowable] = [
            Spacer(1, 2 * mm),
            self.heading(title, "h3", f"tension-{tension.first}-{tension.second}", 1),
            table,
        ]
        for criterion_id in (tension.first, tension.second):
            story += self.joint_box(criterion_id, show_id=True)
        return story

    # ------------------------------------------------------------------ one item

    def card(self, item: ComparisonItem, lead: Sequence[Flowable] = ()) -> list[Flowable]:
        """One criterion: its title and status, both sides side by side, the conclusion.

        `lead` (headings above the card) stays on the same page as the card's start.
        """
        criterion = self.checklist.criterion(item.criterion_id)
        assessments = [r.assessments[item.criterion_id] for r in self.reviews]
        status_colour = STATUS_COLOURS[item.status]
        status = Paragraph(
            f'<font color="{status_colour}">{para_text(self._status_label(item.status))}</font>',
            self.styles["verdict"],
        )
        header = self.criterion_header(criterion, status, 110, status_colour)
        section = self.checklist.section_of(criterion.id).title.get(self.lang)
        card: list[Flowable] = [
            header,
            *self._card_meta(item.criterion_id, section),
            *self.differing_facts_note(item.criterion_id),
        ]
        same_evidence = assessments[0].evidence == assessments[1].evidence
        if same_evidence:
            card += self.evidence(assessments[0], "evidence")
        sides = self._sides(assessments, with_evidence=not same_evidence)
        card.append(sides)
        card += self.joint_box(item.criterion_id, show_id=False, say_when_missing=True)
        # a short card stays whole on one page; a long one starts where there is room
        # for its title and first lines, and splits where the page ends
        breaks = [f for f in lead if isinstance(f, CondPageBreak)]
        lead = [f for f in lead if not isinstance(f, CondPageBreak)]
        if sides.wrap(FRAME_WIDTH, PAGE_SIZE[1])[1] < KEEP_CARD_END:
            return [*breaks, KeepTogether([*lead, Spacer(1, 3 * mm), *card])]
        room = CARD_START + sum(f.wrap(FRAME_WIDTH, PAGE_SIZE[1])[1] for f in lead)
        return [CondPageBreak(room), *lead, Spacer(1, 3 * mm), *card]

    def _card_meta(self, criterion_id: str, section: str) -> list[Flowable]:
        """The line under a card's header, and the profile notes: once when both sides'
        criterion reads the same, else each side's level and note."""
        criteria = [r.checklist.criterion(criterion_id) for r in self.reviews]
        first = criteria[0]
        if criteria[0].level is criteria[1].level and (
            criteria[0].profile_note == criteria[1].profile_note
        ):
            meta = self.paragraph(self.criterion_meta(first, section), "meta")
            return [meta, *self.profile_note(first)]
        levels = " · ".join(
            f"{SIDES[i]}: {c.level.label.get(self.lang)}" for i, c in enumerate(criteria)
        )
        perspectives = ", ".join(p.label.get(self.lang) for p in first.perspectives)
        meta = [self.paragraph(" · ".join((levels, perspectives, section)), "meta")]
        for index, criterion in enumerate(criteria):
            if criterion.profile_note is not None:
                note = f"{SIDES[index]}: {criterion.profile_note.get(self.lang)}"
                meta.append(self.paragraph(note, "meta"))
        return meta

    def _sides(self, assessments: list[Assessment], *, with_evidence: bool) -> Table:
        half = (FRAME_WIDTH - GAP) / 2
        cells = [
            self._side_cell(index, assessment, half - STRIP - 10, with_evidence)
            for index, assessment in enumerate(assessments)
        ]
        table = Table(
            [["", cells[0], "", "", cells[1]]],
            colWidths=[STRIP, half - STRIP, GAP, STRIP, half - STRIP],
            splitInRow=1,  # long notes split over pages instead of failing the layout
            hAlign="LEFT",
        )
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (1, 0), 6),
            ("LEFTPADDING", (4, 0), (4, 0), 6),
            ("RIGHTPADDING", (1, 0), (1, 0), 4),
            ("RIGHTPADDING", (4, 0), (4, 0), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        for column, assessment in ((0, assessments[0]), (3, assessments[1])):
            commands.append(
                (
                    "BACKGROUND",
                    (column, 0),
                    (column, 0),
                    colour(VERDICT_COLOURS[assessment.verdict]),
                )
            )
        table.setStyle(table_style(commands))
        return table

    def _side_cell(
        self, index: int, assessment: Assessment, width: float, with_evidence: bool
    ) -> list[Flowable]:
        style = self.styles["cell"]
        cell: list[Flowable] = [
            self.paragraph(self.side_name(index), "cell_head"),
            self.verdict(assessment.verdict, "criterion"),
        ]
        if with_evidence:
            cell += self.evidence(assessment, "cell_small")
        texts = (
            ("override_reason", assessment.override_reason if assessment.is_override else ""),
            ("justification", assessment.justification),
            ("notes", assessment.notes),
            ("measure", assessment.measure),
        )
        for key, text in texts:
            if text.strip():
                cell.append(Spacer(1, 2))
                cell += labelled(self.label(key), text, style)
        refs = pin_refs(self.reviews[index], assessment.criterion_id, self.lang)
        if refs:
            cell.append(Spacer(1, 2))
            cell += labelled(self.label("pins_label"), "; ".join(refs), style)
        if assessment.photos:
            items = self.photo_items(assessment.photos, self.photos[index])
            columns = 1 if len(items) == 1 else 2  # one photo (a sketch) as large as it fits
            cell.append(Spacer(1, 2 * mm))
            cell.append(photo_grid(items, width, columns=columns, max_height=55 * mm))
        return cell

    # ------------------------------------------------------------------ conclusions

    def joint_paragraphs(
        self, conclusion: JointConclusion, style_name: str, prefix: str = ""
    ) -> list[Flowable]:
        """The joint conclusion: agreed verdict, measure, who acts, note (all escaped)."""
        style = self.styles[style_name]
        head = para_text(f"{self.label('joint')} {prefix}".strip())
        first = f"<b>{head}</b>"
        if conclusion.verdict.is_assessed:
            first += f" <b>{self.verdict_markup(conclusion.verdict)}</b>"
        paras: list[Flowable] = [Paragraph(first, style)]
        deadline = conclusion.due_stage
        becomes = conclusion.measure_kind if conclusion.is_decision else None
        for key, text in (
            ("joint_measure", conclusion.measure),
            ("actor", conclusion.actor),
            ("joint_deadline", DEADLINE_LABELS[deadline].get(self.lang) if deadline else ""),
            ("joint_becomes", MEASURE_KIND_LABELS[becomes].get(self.lang) if becomes else ""),
            ("joint_note", conclusion.note),
        ):
            if text.strip():
                paras += labelled(self.label(key), text, style)
        return paras

    def joint_box(
        self, criterion_id: str, *, show_id: bool, say_when_missing: bool = False
    ) -> list[Flowable]:
        conclusion = self.conclusion(criterion_id)
        if conclusion is None:
            return [self.paragraph(self.label("joint_none"), "meta")] if say_when_missing else []
        hex_colour = (
            VERDICT_COLOURS[conclusion.verdict] if conclusion.verdict.is_assessed else MUTED_HEX
        )
        content = self.joint_paragraphs(conclusion, "cell", criterion_id if show_id else "")
        box = strip_table([["", content]], [STRIP, FRAME_WIDTH - STRIP], [hex_colour])
        box.setStyle(TableStyle([("BACKGROUND", (1, 0), (1, 0), tint(hex_colour, 0.9))]))
        return [Spacer(1, 1.5 * mm), box]


# ---------------------------------------------------------------------------- revisions


class RevisionReport(ReportStory):
    """Two reviews of successive revisions of one plan, compared."""

    def __init__(
        self,
        old: Review,
        new: Review,
        items: list[RevisionItem],
        warnings: list[Text],
        *,
        lang: Lang,
        step: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(lang, step)
        self.old = old
        self.new = new
        self.items = items
        self.warnings = warnings

    def render(self) -> bytes:
        return self.render_pdf(
            self.story(),
            header_left=_plan_title(self.old, self.new),
            header_right=f"{self.label('rev_title')} · {format_date(self.new.modified, self.lang)}",
            footer_left=self.footer(self.new.checklist),
            title=f"{self.label('rev_title')}: {self.new.plan.identity.name}",
            author=self.new.reviewer.name,
        )

    def _revision(self, review: Review) -> str:
        parts = [
            review.plan.identity.revision.strip() or self.label("rev_unnamed"),
            review.reviewer.name.strip(),
            format_date(review.modified, self.lang),
        ]
        return " · ".join(p for p in parts if p)

    def story(self) -> list[Flowable]:
        new = self.new
        story: list[Flowable] = self.cover_start(new, self.label("rev_title"))
        story.append(Spacer(1, 5 * mm))
        perspectives = dict.fromkeys(r.perspective.label.get(self.lang) for r in (self.old, new))
        rows = [
            (self.label("perspective"), " / ".join(perspectives)),
            (self.label("rev_old"), self._revision(self.old)),
            (self.label("rev_new"), self._revision(new)),
        ]
        story.append(key_value_table(rows, FRAME_WIDTH, 38 * mm))
        story += self.warnings_box(self.warnings)
        story.append(self.heading(self.label("rev_counts"), "h2", "counts", 0))
        entries = [
            (
                s.label.get(self.lang),
                sum(1 for i in self.items if i.status is s),
                REVISION_COLOURS[s],
            )
            for s in REVISION_ORDER
        ]
        story.append(self.counts_table(entries))
        for status in REVISION_ORDER:
            story += self._status_part(status)
            story.append(ProgressMark(self.step))
        return story

    def _status_part(self, status: RevisionStatus) -> list[Flowable]:
        items = [i for i in self.items if i.status is status]
        if not items:
            return []
        title = f"{_capitalised(status.label.get(self.lang))} ({len(items)})"
        story = self.table_heading(title, "h2", f"status-{status.value}", 0)
        if status is RevisionStatus.UNCHANGED:
            # the same verdict with other edits (notes, measure…) is shown in full
            edited = [i for i in items if i.edits]
            if edited:
                story.append(self._changes_table(status, edited))
            return story + self._unchanged([i for i in items if not i.edits])
        story.append(self._changes_table(status, items))
        return story

    def _changes_table(self, status: RevisionStatus, items: list[RevisionItem]) -> Flowable:
        """Criterion, both verdicts, and the new notes and measure with what else changed."""
        verdict_width = 78
        rows: list[list[object]] = []
        style = self.styles["cell"]
        for item in items:
            assessment = self.new.assessments[item.criterion_id]
            remarks: list[Flowable] = []
            for key, text in (("notes", assessment.notes), ("measure", assessment.measure)):
                if text.strip():
                    remarks += labelled(self.label(key), text, style)
            if item.edits:
                remarks += labelled(self.label("rev_edits"), item.edits_label(self.lang), style)
            rows.append(
                [
                    self.criterion_cell(self.new.checklist.criterion(item.criterion_id)),
                    self.verdict(item.old, "cell"),
                    self.verdict(item.new, "cell"),
                    remarks,
                ]
            )
        criterion_width = 130
        remarks_width = FRAME_WIDTH - STRIP - criterion_width - 2 * verdict_width
        heads = ("col_criterion", "col_old", "col_new", "col_remarks")
        return self.data_table(
            [self.label(h) for h in heads],
            rows,
            [criterion_width, verdict_width, verdict_width, remarks_width],
            [REVISION_COLOURS[status]] * len(items),
        )

    def _unchanged(self, items: list[RevisionItem]) -> list[Flowable]:
        """Unchanged verdicts, compactly; criteria assessed in neither revision counted."""
        assessed = [i for i in items if i.new.is_assessed]
        story: list[Flowable] = []
        if assessed:
            entries = [
                (self.criterion_cell(self.new.checklist.criterion(i.criterion_id)), i.new)
                for i in assessed
            ]
            story.append(self.verdict_table(entries))
        if len(assessed) < len(items):
            story.append(Spacer(1, 2 * mm))
            story.append(
                self.paragraph(self.label("rev_neither", n=len(items) - len(assessed)), "small")
            )
        return story
