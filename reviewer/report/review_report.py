"""The assessment report of one review: the story, and the export around it.

Order of the report: cover (who, what, the outcome), summary (traffic lights per
section, failing requirements, progress), procedure (plan type and stage, checklist and
profile, who took part, the criteria that do not apply to this plan and why), plan facts
with the rule results per element type, findings per section (every criterion that
applies, with its verdict, profile note, notes, measure, photos), and a closing block to
sign.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from reviewer.domain.checklist import Criterion, Section
from reviewer.domain.outcome import OUTCOME_COLOURS, Outcome, compute_outcome
from reviewer.domain.plan import COLLECTION_LABELS, COLLECTIONS, VALUE_LABELS
from reviewer.domain.review import Assessment, Review
from reviewer.domain.text import Lang, Text
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.report.charts import ORDER, ChartRow, tally_chart
from reviewer.report.drawings import (
    DrawingImage,
    pin_refs,
    prepare_drawings,
    printed_sheets,
)
from reviewer.report.export import (
    Progress,
    export_pdf,
    open_review,
    photo_attachments,
    prepare_target,
)
from reviewer.report.flowables import (
    STRIP,
    ProgressMark,
    SignatureLine,
    key_value_table,
    labelled,
    paragraphs,
    photo_grid,
    strip_table,
    table_style,
)
from reviewer.report.labels import (
    OUTCOME_LABELS,
    PRIORITY_LABELS,
    format_date,
    format_percent,
)
from reviewer.report.photos import Photo, prepare_photos
from reviewer.report.signature_box import Signer
from reviewer.report.story import KEEP_GROUP_CHARS, VERDICT_WIDTH, ReportStory
from reviewer.report.styles import FRAME_WIDTH, MUTED, RULE, SHADE, colour, tint
from reviewer.storage.review_file import ReviewDocument

PROCEDURE_START = 70 * mm  # room the procedure needs to start below the summary
INDENT = 10  # points: photos sit under the criterion text (styles.py indents the text)
SHOWN_IN_FINDINGS_ONLY = (Verdict.PARTLY, Verdict.FAILS)
# the domain's reason starts by saying what the heading above the table already says
_REASON_PREFIXES = ("Niet van toepassing: ", "Not applicable: ")


def _reason(text: str) -> str:
    """Why a criterion does not apply, without the "not applicable" its table says."""
    for prefix in _REASON_PREFIXES:
        if text.startswith(prefix):
            rest = text.removeprefix(prefix)
            return rest[:1].upper() + rest[1:]
    return text


# ---------------------------------------------------------------------------- export


def export_report(
    source: str | Path | ReviewDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    include_guidance: bool = False,
    only_findings: bool = False,
    progress: Callable[[int, int], None] | None = None,
    sign: Signer | None = None,
) -> Path:
    """Write the assessment report of a review as a PDF and return its path.

    `source` is a .review file or an open ReviewDocument. The PDF is written atomically:
    on any failure the file at `output` is left as it was. Every failure raises
    ReportError with a message a person can act on. `progress(done, total)` is called as
    work proceeds; an exception raised by it stops the export and propagates unchanged.
    """
    target = prepare_target(output, lang)
    doc = open_review(source)
    attachments = photo_attachments(doc)
    sections = len(doc.review.checklist.sections)
    sheets = len(printed_sheets(doc.review))
    # steps: read, each photo, each drawing, cover and summary, plan facts, each section,
    # closing, write
    tracker = Progress(progress, 1 + len(attachments) + sheets + 2 + sections + 2)

    def make(folder: Path) -> bytes:
        photos = prepare_photos(attachments, folder, tracker.step)
        drawings = prepare_drawings(doc, folder, tracker.step)
        story = ReviewReport(
            doc.review,
            photos,
            drawings=drawings,
            lang=lang,
            include_guidance=include_guidance,
            only_findings=only_findings,
            step=tracker.step,
        )
        data = story.render()
        if sign:  # before the file is written: a failed signature leaves no PDF behind
            data = sign(data, None)  # the letter will hand over its signature box here
        return data

    return export_pdf(target, tracker, make)


# ---------------------------------------------------------------------------- story


class ReviewReport(ReportStory):
    """The story of one review's report, and its rendering to PDF bytes."""

    def __init__(
        self,
        review: Review,
        photos: dict[str, Photo],
        *,
        lang: Lang,
        include_guidance: bool,
        only_findings: bool,
        step: Callable[[], None] = lambda: None,
        drawings: dict[str, DrawingImage] | None = None,
    ) -> None:
        super().__init__(lang, step)
        self.review = review
        self.photos = photos
        self.drawings = drawings or {}
        self.include_guidance = include_guidance
        self.only_findings = only_findings
        self.outcome: Outcome = compute_outcome(review)
        # criteria outside the plan's type or stage, with the reason: never judged
        self.excluded: dict[str, Text] = {
            c.id: reason
            for c in review.criteria()
            if (reason := review.scope_exclusion(c)) is not None
        }
        self.date = format_date(review.modified, lang)

    def _plan_title(self) -> str:
        identity = self.review.plan.identity
        return f"{identity.name} ({identity.revision})" if identity.revision else identity.name

    # ------------------------------------------------------------------ render

    def render(self) -> bytes:
        review = self.review
        perspective = review.perspective.label.get(self.lang)
        return self.render_pdf(
            self.story(),
            header_left=self._plan_title(),
            header_right=f"{perspective} · {self.date}",
            footer_left=self.footer(review.checklist),
            title=f"{self.label('title')}: {review.plan.identity.name}",
            author=review.reviewer.name,
            subject=f"{self.label('kicker')} ({perspective})",
        )

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story += self.summary()
        story += self.procedure()
        story.append(ProgressMark(self.step))
        story += self.plan_facts()
        story.append(ProgressMark(self.step))
        story += self.findings()
        story += self.drawing_pages()
        story += self.closing()
        story.append(ProgressMark(self.step))
        return story

    # ------------------------------------------------------------------ cover

    def _outcome_box(self, big: bool) -> Table:
        hex_colour = OUTCOME_COLOURS[self.outcome.result]
        title_style = ParagraphStyle(
            "outcome_title",
            parent=self.styles["outcome_label"],
            textColor=colour(hex_colour),
            fontSize=12 if big else 10.5,
            leading=16 if big else 14,
        )
        content = [
            self.paragraph(OUTCOME_LABELS[self.outcome.result].get(self.lang), title_style),
            self.paragraph(self.outcome.text.get(self.lang), "outcome"),
        ]
        box = Table([["", content]], colWidths=[5, FRAME_WIDTH - 5], hAlign="LEFT", splitInRow=1)
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (0, 0), colour(hex_colour)),
                    ("BACKGROUND", (1, 0), (1, 0), tint(hex_colour, 0.9)),
                    ("LEFTPADDING", (1, 0), (1, 0), 10),
                    ("RIGHTPADDING", (1, 0), (1, 0), 10),
                    ("TOPPADDING", (1, 0), (1, 0), 8 if big else 6),
                    ("BOTTOMPADDING", (1, 0), (1, 0), 9 if big else 7),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), 0),
                ]
            )
        )
        return box

    def cover(self) -> list[Flowable]:
        review = self.review
        identity = review.plan.identity
        reviewer = review.reviewer
        story: list[Flowable] = [
            Spacer(1, 22 * mm),
            *self.cover_start(review, self.label("title")),
            Spacer(1, 12 * mm),
        ]
        rows = [
            (self.label("address"), identity.address),
            (self.label("municipality"), identity.municipality),
            (self.label("client"), identity.client),
            (self.label("architect"), identity.architect),
            (self.label("plan_type"), self.plan_type_text(identity)),
            (self.label("phase"), self.stage_text(identity)),
            (self.label("revision"), identity.revision),
            (self.label("perspective"), review.perspective.label.get(self.lang)),
            (self.label("reviewer"), reviewer.name),
            (self.label("role"), reviewer.role),
            (self.label("organisation"), reviewer.organisation),
            (self.label("date"), self.date),
            (self.label("checklist"), self.checklist_text(review.checklist)),
        ]
        story.append(key_value_table([r for r in rows if r[1].strip()], FRAME_WIDTH, 38 * mm))
        story.append(Spacer(1, 12 * mm))
        story.append(self.paragraph(self.label("outcome"), "h3"))
        story.append(self._outcome_box(big=True))
        story.append(PageBreak())
        return story

    # ------------------------------------------------------------------ summary

    def summary(self) -> list[Flowable]:
        review = self.review
        outcome = self.outcome
        lang = self.lang
        story: list[Flowable] = [self.heading(self.label("summary"), "h1", "summary", 0)]
        story.append(self._outcome_box(big=False))
        story.append(Spacer(1, 4 * mm))
        if outcome.applicable:
            story.append(
                self.paragraph(
                    self.label(
                        "progress",
                        done=outcome.assessed,
                        total=outcome.applicable,
                        pct=format_percent(outcome.assessed, outcome.applicable),
                    ),
                    "body",
                )
            )
        else:
            story.append(self.paragraph(self.label("progress_none"), "body"))
        own = sum(1 for c in review.criteria() if review.perspective in c.perspectives)
        story.append(
            self.paragraph(
                self.label(
                    "scope",
                    perspective=review.perspective.label.get(lang).lower(),
                    n=own,
                    total=len(review.criteria()),
                ),
                "body",
            )
        )
        if self.excluded:
            identity = review.plan.identity
            plan = ", ".join(
                VALUE_LABELS[v.value].get(lang)
                for v in (identity.plan_type, identity.stage)
                if v is not None
            )
            story.append(
                self.paragraph(
                    self.label(
                        "scope_plan",
                        n=len(self.excluded),
                        plan=plan,
                        heading=self.label("not_applicable_here"),
                    ),
                    "body",
                )
            )
        counts = " · ".join(f"{v.label.get(lang)} {outcome.counts.get(v, 0)}" for v in ORDER)
        story.append(self.paragraph(counts, "small"))

        story.append(self.heading(self.label("tally"), "h2", "tally", 1))
        story.append(self.paragraph(self.label("tally_intro"), "intro"))
        rows = [ChartRow(t.title.get(lang), t.counts, t.in_scope) for t in outcome.tallies]
        story.append(tally_chart(rows, FRAME_WIDTH, lang))
        story.append(Spacer(1, 4 * mm))
        story.append(self._tally_table(rows))

        story += self.table_heading(self.label("failing"), "h2", "failing", 1)
        if outcome.failing_requirements:
            story.append(self._failing_table())
        else:
            story.append(self.paragraph(self.label("failing_none"), "body"))
        return story  # the procedure follows on the same page when there is room

    def _tally_table(self, rows: list[ChartRow]) -> Table:
        lang = self.lang
        number_width = 60.0
        head = [self.paragraph(self.label("section"), "cell_head")]
        head += [self.paragraph(v.label.get(lang), "cell_head") for v in ORDER]
        head += [self.paragraph(self.label("total"), "cell_head")]
        data: list[list[object]] = [head]
        for row in rows:
            data.append(
                [self.paragraph(row.label, "cell")]
                + [self.paragraph(str(row.counts.get(v, 0) or "·"), "cell") for v in ORDER]
                + [self.paragraph(str(row.total), "cell_bold")]
            )
        totals = [self.paragraph(self.label("total"), "cell_bold")]
        totals += [self.paragraph(str(self.outcome.counts.get(v, 0)), "cell_bold") for v in ORDER]
        totals += [self.paragraph(str(sum(r.total for r in rows)), "cell_bold")]
        data.append(totals)
        widths = [FRAME_WIDTH - number_width * (len(ORDER) + 1)] + [number_width] * (len(ORDER) + 1)
        table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for i in range(1, len(data) - 1):
            commands.append(("LINEBELOW", (0, i), (-1, i), 0.4, RULE))
        for j, verdict in enumerate(ORDER, start=1):  # a colour mark over each verdict column
            commands.append(("LINEABOVE", (j, 0), (j, 0), 2.5, colour(VERDICT_COLOURS[verdict])))
        table.setStyle(table_style(commands))
        return table

    def _failing_table(self) -> Table:
        checklist = self.review.checklist
        lang = self.lang
        rows: list[list[object]] = []
        colours: list[str | None] = []
        for criterion in self.outcome.failing_requirements:
            rows.append(
                [
                    "",
                    self.paragraph(criterion.id, "cell_bold"),
                    self.paragraph(criterion.title.get(lang), "cell"),
                    self.paragraph(
                        checklist.section_of(criterion.id).title.get(lang), "cell_small"
                    ),
                ]
            )
            colours.append(VERDICT_COLOURS[Verdict.FAILS])
        widths = [STRIP, 112, FRAME_WIDTH - STRIP - 112 - 110, 110]
        return strip_table(rows, widths, colours)

    # ------------------------------------------------------------------ procedure

    def procedure(self) -> list[Flowable]:
        """How the review was made: the plan's type and stage, the checklist and profile,
        who took part, cohesion and the joint session, notes; then the criteria that do
        not apply to this plan, with the reason, in one compact table."""
        review = self.review
        procedure = review.procedure
        identity = review.plan.identity
        story: list[Flowable] = [
            CondPageBreak(PROCEDURE_START),
            Spacer(1, 6 * mm),
            self.heading(self.label("procedure"), "h1", "procedure", 0),
        ]
        story.append(self.paragraph(self.label("procedure_intro"), "intro"))
        rows = [
            (self.label("plan_type"), self.plan_type_text(identity)),
            (self.label("phase"), self.stage_text(identity)),
            (self.label("checklist"), self.checklist_text(review.checklist)),
            (self.label("cohesion_included"), self._yes_no(procedure.cohesion_included)),
            (self.label("joint_session"), self._joint_session()),
        ]
        story.append(key_value_table([r for r in rows if r[1].strip()], FRAME_WIDTH, 56 * mm))
        participants = [
            p
            for p in procedure.participants
            if p.name.strip() or p.organisation.strip() or p.role.strip()
        ]
        if participants:
            story += self.table_heading(self.label("participants"), "h2", "participants", 1)
            story.append(
                self.data_table(
                    [self.label("name"), self.label("organisation"), self.label("col_role")],
                    [
                        [
                            self.paragraph(p.name, "cell"),
                            self.paragraph(p.organisation, "cell"),
                            self.paragraph(p.role, "cell"),
                        ]
                        for p in participants
                    ],
                    [(FRAME_WIDTH - STRIP) * f for f in (0.34, 0.36, 0.30)],
                    [None] * len(participants),
                )
            )
        if procedure.notes.strip():
            story.append(self.heading(self.label("procedure_notes"), "h2", "procedure-notes", 1))
            story += paragraphs(procedure.notes, self.styles["body"])
        if self.excluded:
            story += self.table_heading(self.label("not_applicable_here"), "h2", "excluded", 1)
            story.append(self.paragraph(self.label("not_applicable_intro"), "intro"))
            story.append(self._excluded_table())
        story.append(PageBreak())
        return story

    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.label("not_recorded")
        return self.label("yes" if value else "no")

    def _joint_session(self) -> str:
        procedure = self.review.procedure
        if procedure.joint_session is False:
            return self.label("no")
        if procedure.joint_session_date is not None:
            date = format_date(procedure.joint_session_date, self.lang)
            return self.label("joint_session_held", date=date)
        if procedure.joint_session:
            return self.label("joint_session_undated")
        return self.label("not_recorded")

    def _excluded_table(self) -> Table:
        lang = self.lang
        rows: list[list[object]] = []
        for criterion in self.review.criteria():
            reason = self.excluded.get(criterion.id)
            if reason is None:
                continue
            why: list[Flowable] = [self.paragraph(_reason(reason.get(lang)), "cell")]
            verdict = self.review.assessments[criterion.id].verdict
            if verdict not in (Verdict.NOT_APPLICABLE, Verdict.NOT_ASSESSED):
                # the reviewer judged it anyway: said here, never counted
                note = self.label("excluded_verdict", verdict=verdict.label.get(lang))
                why.append(self.paragraph(note, "cell_small"))
            rows.append([self.criterion_cell(criterion), why])
        heads = [self.label("col_criterion"), self.label("col_reason")]
        widths = [FRAME_WIDTH - STRIP - 190, 190]
        return self.data_table(
            heads, rows, widths, [VERDICT_COLOURS[Verdict.NOT_APPLICABLE]] * len(rows)
        )

    # ------------------------------------------------------------------ plan facts

    def plan_facts(self) -> list[Flowable]:
        review = self.review
        story: list[Flowable] = [self.heading(self.label("facts"), "h1", "facts", 0)]
        story.append(self.paragraph(self.label("facts_intro"), "intro"))
        if self.only_findings:
            story.append(self.paragraph(self.label("facts_only_findings"), "intro"))
        ruled = [c for c in review.criteria() if c.rule is not None]
        if not ruled:
            story.append(self.paragraph(self.label("facts_none"), "body"))
            story.append(PageBreak())
            return story
        any_rows = False
        for collection in ("site", *COLLECTIONS):
            criteria = [c for c in ruled if c.rule is not None and c.rule.applies_to == collection]
            table = self._facts_table(criteria)
            if table is None:
                continue
            any_rows = True
            title = COLLECTION_LABELS[collection].get(self.lang)
            story += self.table_heading(title, "h2", f"facts-{collection}", 1)
            story.append(table)
        if not any_rows:
            story.append(self.paragraph(self.label("facts_no_findings"), "body"))
        story.append(PageBreak())
        return story

    def _facts_table(self, criteria: list[Criterion]) -> Table | None:
        lang = self.lang
        rows: list[list[object]] = []
        colours: list[str | None] = []
        groups: list[tuple[int, int]] = []
        for criterion in criteria:
            if criterion.id in self.excluded:
                continue  # listed once, with the reason, under "not applicable to this plan"
            assessment = self.review.assessments[criterion.id]
            if self.only_findings and assessment.verdict not in SHOWN_IN_FINDINGS_ONLY:
                continue  # the same criteria as in the findings, with all their evidence
            lines = [(e.text.get(lang), e.verdict) for e in assessment.evidence]
            if not lines:
                auto = assessment.auto_verdict or Verdict.NOT_ASSESSED
                lines = [(self.label("no_elements"), auto)]
            size = len(criterion.title.get(lang)) + sum(len(text) for text, _ in lines)
            if lines and size <= KEEP_GROUP_CHARS:
                first = len(rows) + 1  # the header row is row 0
                groups.append((first, first + len(lines) - 1))
            for i, (text, verdict) in enumerate(lines):
                name: list[Flowable] | str = ""
                if i == 0:
                    name = self.criterion_cell(criterion)
                    if assessment.is_override:
                        changed = self.label(
                            "changed_to", verdict=assessment.verdict.label.get(lang)
                        )
                        name.append(self.paragraph(changed, "cell_small"))
                rows.append(
                    [
                        name,
                        self.paragraph(text, "cell"),
                        self.paragraph(verdict.label.get(lang), "cell"),
                    ]
                )
                colours.append(VERDICT_COLOURS[verdict])
        if not rows:
            return None
        heads = [self.label("col_criterion"), self.label("col_finding"), self.label("col_verdict")]
        widths = [150, FRAME_WIDTH - STRIP - 150 - 82, 82]
        return self.data_table(heads, rows, widths, colours, groups)

    # ------------------------------------------------------------------ findings

    def _shown(self, criterion: Criterion) -> bool:
        if criterion.id in self.excluded:
            return False  # not judged: listed with the reason under the procedure
        assessment = self.review.assessments[criterion.id]
        if self.only_findings:
            return assessment.verdict in SHOWN_IN_FINDINGS_ONLY
        return (
            self.review.in_scope(criterion)
            or assessment.verdict is not Verdict.NOT_ASSESSED
            or assessment.has_content
            or bool(assessment.justification.strip())
        )

    def findings(self) -> list[Flowable]:
        story: list[Flowable] = [self.heading(self.label("findings"), "h1", "findings", 0)]
        if self.only_findings:
            story.append(self.paragraph(self.label("findings_only"), "intro"))
        shown_any = False
        for section in self.review.checklist.sections:
            entries = [c for c in section.criteria if self._shown(c)]
            excluded = sum(1 for c in section.criteria if c.id in self.excluded)
            hidden = 0 if self.only_findings else len(section.criteria) - len(entries) - excluded
            if entries or not self.only_findings:
                story += self._section(section, entries, hidden, excluded)
                shown_any = shown_any or bool(entries)
            story.append(ProgressMark(self.step))
        if self.only_findings and not shown_any:
            story.append(self.paragraph(self.label("findings_none"), "body"))
        return story

    def _section(
        self, section: Section, entries: list[Criterion], hidden: int, excluded: int
    ) -> list[Flowable]:
        lang = self.lang
        story: list[Flowable] = [
            self.heading(section.title.get(lang), "h2", f"section-{section.id}", 1)
        ]
        if self.include_guidance and section.description is not None:
            story.append(self.paragraph(section.description.get(lang), "intro"))
        for criterion in entries:
            story += self._criterion(criterion)
        if hidden:
            story.append(self.paragraph(self.label("hidden", n=hidden), "small"))
        if excluded and not self.only_findings:
            heading = self.label("not_applicable_here")
            story.append(
                self.paragraph(self.label("excluded_here", n=excluded, heading=heading), "small")
            )
        return story

    def _criterion(self, criterion: Criterion) -> list[Flowable]:
        lang = self.lang
        review = self.review
        assessment = review.assessments[criterion.id]
        verdict = assessment.verdict
        verdict_style = ParagraphStyle(
            f"verdict-{verdict.value}",
            parent=self.styles["verdict"],
            textColor=colour(VERDICT_COLOURS[verdict])
            if verdict is not Verdict.NOT_ASSESSED
            else MUTED,
        )
        header = self.criterion_header(
            criterion,
            self.paragraph(verdict.label.get(lang), verdict_style),
            VERDICT_WIDTH,
            VERDICT_COLOURS[verdict],
        )

        body: list[Flowable] = [self.paragraph(self._meta(criterion, assessment), "meta")]
        body += self.profile_note(criterion)
        refs = pin_refs(review, criterion.id, lang)
        if refs:
            body += labelled(self.label("pins_label"), "; ".join(refs), self.field)
        body += self.evidence(assessment, "evidence")
        if assessment.is_override and assessment.override_reason.strip():
            body += labelled(self.label("override_reason"), assessment.override_reason, self.field)
        if assessment.justification.strip():
            body += labelled(self.label("justification"), assessment.justification, self.field)
        if assessment.notes.strip():
            body += labelled(self.label("notes"), assessment.notes, self.field)
        if assessment.measure.strip():
            body += labelled(self.label("measure"), assessment.measure, self.field)
        if self.include_guidance:
            guidance = self.styles["guidance"]
            body += labelled(self.label("guidance"), criterion.guidance.get(lang), guidance)
            body += labelled(self.label("source"), criterion.source.get(lang), guidance)
            if criterion.tension_with:
                body += labelled(self.label("tension"), ", ".join(criterion.tension_with), guidance)
        if assessment.photos:
            body.append(Spacer(1, 2 * mm))
            body += [Indenter(left=INDENT), self._photos(assessment), Indenter(left=-INDENT)]
        return [Spacer(1, 2.5 * mm), header, *body]

    @property
    def field(self) -> ParagraphStyle:
        return self.styles["field"]

    def _meta(self, criterion: Criterion, assessment: Assessment) -> str:
        lang = self.lang
        parts: list[str] = []
        if assessment.auto_verdict is not None:
            parts.append(self.label("automatic", verdict=assessment.auto_verdict.label.get(lang)))
        if assessment.priority is not None:
            parts.append(
                self.label("priority", priority=PRIORITY_LABELS[assessment.priority].get(lang))
            )
        if not self.review.in_scope(criterion):
            parts.append(self.label("out_of_scope"))
        return self.criterion_meta(criterion, *parts)

    def _photos(self, assessment: Assessment) -> Table:
        return photo_grid(self.photo_items(assessment.photos, self.photos), FRAME_WIDTH - INDENT)

    # ------------------------------------------------------------------ drawings

    def drawing_pages(self) -> list[Flowable]:
        """One page per sheet with pins or measurements: the drawing and its legend."""
        sheets = printed_sheets(self.review)
        if not sheets:
            return []
        story = self.drawings_start(self.label("drawings_intro"))
        for index, sheet in enumerate(sheets):
            if index:
                story.append(PageBreak())
            image = self.drawings.get(sheet.id)
            story += self.sheet_section(self.review, sheet, image, sheet.name, f"sheet-{sheet.id}")
        return story

    # ------------------------------------------------------------------ closing

    def closing(self) -> list[Flowable]:
        reviewer = self.review.reviewer
        rows = [
            (self.label("name"), reviewer.name),
            (self.label("role"), reviewer.role),
            (self.label("organisation"), reviewer.organisation),
            (self.label("date"), self.date),
        ]
        block: list[Flowable] = [
            self.heading(self.label("closing"), "h2", "closing", 0),
            self.paragraph(self.label("closing_intro"), "body"),
            Spacer(1, 2 * mm),
            key_value_table([r for r in rows if r[1].strip()], FRAME_WIDTH * 0.75, 32 * mm),
            Spacer(1, 12 * mm),
            SignatureLine(75 * mm, self.label("signature")),
        ]
        return [Spacer(1, 8 * mm), KeepTogether(block)]
