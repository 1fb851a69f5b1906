"""The advice of one review as the letter an adviser signs and sends, with its appendices.

Order: **the letter** (letterhead, addressee, reference line, the request and the basis
of the review, the conclusion in one sentence, the numbered conditions, the numbered
recommendations, the next step, the documents reviewed with the validity statement, the
closing and signature block, the disclaimer and the distribution list), then **appendix
1** (the findings per criterion: verdict, what was seen, the adviser's notes and measure,
the condition or recommendation it became, photos and drawing markers), **appendix 2**
(the plan, how the review was made, the rule results of the criteria without a finding,
the criteria that do not apply to this plan) and **appendix 3** (the drawings with their
markers). A criterion's evidence is printed once: with its finding in appendix 1, or in
appendix 2.

The content of the letter comes from `reviewer.domain.advice.build_advice`, so that every
format prints the same; the letterhead and signature from the organisation profile.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Indenter,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from reviewer.domain.advice import FINDINGS, Advice, AdviceItem, build_advice
from reviewer.domain.checklist import Criterion, Perspective, Section
from reviewer.domain.organisation import Organisation
from reviewer.domain.outcome import OUTCOME_COLOURS
from reviewer.domain.plan import COLLECTION_LABELS, COLLECTIONS, VALUE_LABELS
from reviewer.domain.review import Assessment, Review
from reviewer.domain.stages import STAGE_LABELS, MeasureStatus
from reviewer.domain.text import Lang, Text, t
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.report.drawings import (
    DrawingImage,
    pin_refs,
    prepare_drawings,
    printed_sheets,
)
from reviewer.report.escape import para_text
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
    TextParagraph,
    key_value_table,
    labelled,
    paragraphs,
    photo_grid,
    table_style,
    text_chunks,
)
from reviewer.report.labels import (
    PRIORITY_LABELS,
    count_label,
    format_date,
    number_ranges,
    place_text,
)
from reviewer.report.photos import Photo, prepare_photos
from reviewer.report.signature_box import SignatureBox, Signer
from reviewer.report.story import KEEP_GROUP_CHARS, VERDICT_WIDTH, ReportStory
from reviewer.report.styles import FRAME_WIDTH, MUTED, colour, tint
from reviewer.storage.organisation import OrganisationProfile
from reviewer.storage.review_file import ReviewDocument

INDENT = 10  # points: photos sit under the criterion text (styles.py indents the text)
LOGO_HEIGHT = 16 * mm
LOGO_MAX_WIDTH = 50 * mm
SIGNATURE_SIZE = (70 * mm, 20 * mm)  # the signature field: wide enough for a visible stamp
# the domain's reason starts by saying what the heading above the table already says
_REASON_PREFIXES = ("Niet van toepassing: ", "Not applicable: ")

# what the advice is about, per point of view, in a sentence ("advies sociale veiligheid")
TOPICS: dict[Perspective, Text] = {
    Perspective.SAFETY: t("sociale veiligheid", "social safety"),
    Perspective.COHESION: t("sociale cohesie", "social cohesion"),
}
# 'partly' as Dutch advice practice names it
PARTLY = t("voldoet gedeeltelijk", "partly meets")


# a measure's status as the colour strip of its row: open red, processed amber,
# verified green, withdrawn grey
MEASURE_STATUS_COLOURS: dict[MeasureStatus, str] = {
    MeasureStatus.OPEN: VERDICT_COLOURS[Verdict.FAILS],
    MeasureStatus.PROCESSED: VERDICT_COLOURS[Verdict.PARTLY],
    MeasureStatus.VERIFIED: VERDICT_COLOURS[Verdict.MEETS],
    MeasureStatus.WITHDRAWN: VERDICT_COLOURS[Verdict.NOT_APPLICABLE],
}


def _reason(text: str) -> str:
    """Why a criterion does not apply, without the "not applicable" its table says."""
    for prefix in _REASON_PREFIXES:
        if text.startswith(prefix):
            rest = text.removeprefix(prefix)
            return rest[:1].upper() + rest[1:]
    return text


def _user_organisation() -> OrganisationProfile:
    """The user's organisation profile; an empty one when it cannot be read: a broken
    profile never stops a report (the settings dialog says what is wrong with it)."""
    from reviewer.storage import organisation as storage

    try:
        return storage.load_organisation()
    except storage.OrganisationError:
        return OrganisationProfile(Organisation(), Path("."))


# ---------------------------------------------------------------------------- export


def export_report(
    source: str | Path | ReviewDocument,
    output: str | Path,
    *,
    lang: Lang = "nl",
    include_guidance: bool = False,
    only_findings: bool = False,
    all_criteria: bool = False,
    organisation: OrganisationProfile | None = None,
    sign: Signer | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the advice of a review (the letter and its appendices) as a PDF; return its path.

    `source` is a .review file or an open ReviewDocument. `organisation` gives the
    letterhead and signature (None: the user's own profile). `all_criteria` lists every
    criterion in appendix 1, not only those with a finding. `sign(pdf, box)` signs the PDF
    in the letter's signature block before it is written. The PDF is written atomically:
    on any failure, the signer's included, the file at `output` is left as it was. Every
    failure raises ReportError with a message a person can act on. `progress(done,
    total)` is called as work proceeds; an exception raised by it stops the export and
    propagates unchanged.
    """
    target = prepare_target(output, lang)
    doc = open_review(source)
    attachments = photo_attachments(doc)
    profile = organisation if organisation is not None else _user_organisation()
    sections = len(doc.review.checklist.sections)
    sheets = len(printed_sheets(doc.review))
    # steps: read, each photo, each drawing, the letter, each section of appendix 1,
    # appendix 2, the end, write
    tracker = Progress(progress, 1 + len(attachments) + sheets + 1 + sections + 2 + 1)

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
            all_criteria=all_criteria,
            organisation=profile,
            step=tracker.step,
        )
        pdf = story.render()
        if sign is not None:
            pdf = sign(pdf, story.signature_box)
        return pdf

    return export_pdf(target, tracker, make)


# ---------------------------------------------------------------------------- flowables


class SignatureField(Flowable):
    """The place to sign in the letter: empty (for a digital signature's visible field)
    or holding the scanned signature. When drawn it records where it is on the page, in
    PDF points from the page's bottom-left corner, for the signer."""

    def __init__(
        self, record: Callable[[SignatureBox], None], image: ImageReader | None = None
    ) -> None:
        super().__init__()
        self.record = record
        self.image = image
        self.width, self.height = SIGNATURE_SIZE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(SIGNATURE_SIZE[0], avail_width)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        if self.image is not None:
            canv.drawImage(
                self.image,
                0,
                0,
                width=self.width,
                height=self.height,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
        x1, y1 = canv.absolutePosition(0, 0)
        x2, y2 = canv.absolutePosition(self.width, self.height)
        self.record(SignatureBox(page=canv.getPageNumber() - 1, box=(x1, y1, x2, y2)))


def _image_reader(data: bytes | None) -> ImageReader | None:
    """An image from the profile, or None when there is none or it cannot be read."""
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
    except Exception:  # a broken image leaves the letterhead without a logo, no more
        return None
    return reader if width > 0 and height > 0 else None


# ---------------------------------------------------------------------------- story


class ReviewReport(ReportStory):
    """The story of one review's advice, and its rendering to PDF bytes."""

    def __init__(
        self,
        review: Review,
        photos: dict[str, Photo],
        *,
        lang: Lang,
        include_guidance: bool,
        only_findings: bool,
        all_criteria: bool = False,
        organisation: OrganisationProfile | None = None,
        step: Callable[[], None] = lambda: None,
        drawings: dict[str, DrawingImage] | None = None,
    ) -> None:
        super().__init__(lang, step)
        self.review = review
        self.photos = photos
        self.drawings = drawings or {}
        self.include_guidance = include_guidance
        self.only_findings = only_findings
        self.advice: Advice = build_advice(review, all_criteria=all_criteria)
        self.outcome = self.advice.outcome
        self.profile = organisation
        self.organisation = organisation.organisation if organisation else Organisation()
        self.logo_bytes = organisation.logo if organisation else None
        self.logo = _image_reader(self.logo_bytes)
        self.signature_image = _image_reader(organisation.signature_image if organisation else None)
        self.signature_box: SignatureBox | None = None  # where the signature block was drawn
        # criteria outside the plan's type or stage, with the reason: never judged
        self.excluded: dict[str, Text] = {
            c.id: reason
            for c in review.criteria()
            if (reason := review.scope_exclusion(c)) is not None
        }
        dossier = review.dossier
        self.date = format_date(dossier.dispatch_date or review.modified, lang)
        self.numbers: dict[str, str] = {}  # criterion id -> "V1" / "A3"
        for item in self.advice.conditions:
            self.numbers[item.criterion.id] = self._number("V", "C", item)
        for item in self.advice.recommendations:
            self.numbers.setdefault(item.criterion.id, self._number("A", "R", item))
        self.in_findings = {c.id for c, a in self._findings()}

    def _number(self, nl: str, en: str, item: AdviceItem) -> str:
        return f"{nl if self.lang == 'nl' else en}{item.number}"

    def verdict_label(self, verdict: Verdict) -> str:
        if verdict is Verdict.PARTLY:
            return PARTLY.get(self.lang)
        return verdict.label.get(self.lang)

    def _plan_title(self) -> str:
        identity = self.review.plan.identity
        return f"{identity.name} ({identity.revision})" if identity.revision else identity.name

    @property
    def topic(self) -> str:
        return TOPICS[self.review.perspective].get(self.lang)

    def subject(self) -> str:
        subject = self.review.dossier.subject.strip()
        if subject:
            return subject
        name = self.review.plan.identity.name.strip()
        return self.label("subject_default", topic=self.topic, plan=name)

    # ------------------------------------------------------------------ render

    def render(self) -> bytes:
        review = self.review
        reference = review.dossier.reference.strip()
        right = " · ".join(x for x in (reference, self.date) if x)
        return self.render_pdf(
            self.story(),
            header_left=self._plan_title(),
            header_right=right,
            footer_left=self.footer(review.checklist),
            title=self.subject(),
            author=self._signatory(),
            subject=f"{self.label('kicker')} ({review.perspective.label.get(self.lang)})",
            first_page_header=False,
        )

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.letter()
        story.append(ProgressMark(self.step))
        story += self.appendix_findings()
        story += self.appendix_facts()
        story.append(ProgressMark(self.step))
        story += self.appendix_drawings()
        story.append(ProgressMark(self.step))
        return story

    # ------------------------------------------------------------------ the letter

    def letter(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.letterhead()
        story += self.addressee()
        story += self.reference_line()
        story += self.opening()
        story += self.conclusion()
        story += self.items(
            self.advice.conditions,
            "conditions",
            "conditions_intro",
            "V" if self.lang == "nl" else "C",
        )
        shown, rest = self.advice.letter_recommendations()
        prefix = "A" if self.lang == "nl" else "R"
        story += self.items(shown, "recommendations", "recommendations_intro", prefix)
        if rest:
            story.append(
                self.paragraph(
                    count_label(
                        "recommendations_rest",
                        len(rest),
                        self.lang,
                        numbers=number_ranges(prefix, [i.number for i in rest]),
                    ),
                    "letter",
                )
            )
        story += self.earlier_stages()
        story += self.next_step()
        story += self.documents()
        story += self.closing()
        return story

    def letterhead(self) -> list[Flowable]:
        """Organisation, unit and postal address at the left, the logo at the right."""
        org = self.organisation
        lines: list[Flowable] = []
        if org.name.strip():
            lines.append(self.paragraph(org.name, "letterhead_name"))
        if org.unit.strip():
            lines.append(self.paragraph(org.unit, "letterhead"))
        if org.postal_address.strip():
            lines.append(self.paragraph(org.postal_address, "letterhead_small"))
        logo: Flowable | str = ""
        if self.logo is not None:
            width, height = self.logo.getSize()
            scale = min(LOGO_HEIGHT / height, LOGO_MAX_WIDTH / width)
            image = Image(io.BytesIO(self.logo_bytes or b""), width * scale, height * scale)
            image.hAlign = "RIGHT"
            logo = image
        if not lines and logo == "":
            head: Flowable = Spacer(1, 1)
        else:
            table = Table(
                [[lines or "", logo]],
                colWidths=[FRAME_WIDTH - LOGO_MAX_WIDTH, LOGO_MAX_WIDTH],
                hAlign="LEFT",
            )
            table.setStyle(
                table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ]
                )
            )
            head = table
        head.outline = ("letter", self.label("letter"), 0)  # type: ignore[attr-defined]
        return [head, Spacer(1, 12 * mm)]

    def addressee(self) -> list[Flowable]:
        """Name, organisation and address lines; nothing when there is no addressee."""
        to = self.review.dossier.addressee
        lines = [
            x.strip() for x in (to.name, to.organisation, to.department, to.address) if x.strip()
        ]
        if not lines:
            return []
        return [self.paragraph("\n".join(lines), "address"), Spacer(1, 9 * mm)]

    def _contact(self) -> str:
        contact = self.review.dossier.contact
        if not (contact.name.strip() or contact.phone.strip() or contact.email.strip()):
            contact = self.organisation.contact
        parts = [contact.name.strip()]
        if contact.phone.strip():
            parts.append(self.label("ref_phone", phone=contact.phone.strip()))
        parts.append(contact.email.strip())
        return ", ".join(p for p in parts if p)

    def _place_and_date(self) -> str:
        place = self.review.dossier.place.strip()
        return f"{place}, {self.date}" if place else self.date

    def reference_line(self) -> list[Flowable]:
        """Date (with the place), our reference, who handles it, the subject."""
        rows = [
            (self.label("ref_date"), self._place_and_date()),
            (self.label("ref_ours"), self.review.dossier.reference),
            (self.label("ref_theirs"), self.review.dossier.their_reference),
            (self.label("ref_handled"), self._contact()),
            (self.label("ref_subject"), self.subject()),
        ]
        rows = [(k, v) for k, v in rows if v.strip()]
        return [key_value_table(rows, FRAME_WIDTH, 32 * mm), Spacer(1, 8 * mm)]

    def opening(self) -> list[Flowable]:
        """The salutation, the request that led to the advice, and what was reviewed how."""
        name = self.review.dossier.addressee.name.strip()
        salutation = self.label("salutation_named", name=name) if name else self.label("salutation")
        story: list[Flowable] = [self.paragraph(salutation, "letter"), Spacer(1, 2 * mm)]
        request = self.review.dossier.request.strip()
        if request:
            story += paragraphs(request, self.styles["letter"])
        identity = self.review.plan.identity
        plan = identity.name.strip()
        where = place_text(identity.address, identity.municipality)
        if where:
            plan = f"{plan} ({where})"
        stage = self.stage_text(identity)
        if stage:
            plan += " " + self.label(
                "basis_stage", stage=stage.lower() if identity.stage else stage
            )
        basis = self.label(
            "basis",
            plan=plan,
            topic=self.topic,
            checklist=self.checklist_text(self.review.checklist),
        )
        story.append(self.paragraph(basis, "letter"))
        return story

    def conclusion(self) -> list[Flowable]:
        outcome = self.outcome
        story: list[Flowable] = [self.heading(self.label("conclusion"), "h2", "conclusion", 1)]
        story.append(self._outcome_box())
        story.append(Spacer(1, 3 * mm))
        why: list[str] = []
        failing = len(outcome.failing_requirements)
        if failing:
            why.append(self.label("n_failing", n=failing))
        if outcome.applicable:
            why.append(self.label("assessed", n=outcome.applicable, done=outcome.assessed))
        if why:
            story.append(self.paragraph(" ".join(why), "letter"))
        if outcome.is_chosen and outcome.proposed is not None:
            chosen = self.label(
                "chosen",
                proposed=outcome.proposed.label.get(self.lang),
                result=outcome.result.label.get(self.lang),
            )
            story.append(self.paragraph(chosen, "letter"))
            story += paragraphs(outcome.reason, self.styles["quote"])
        return story

    def _outcome_box(self) -> Table:
        hex_colour = OUTCOME_COLOURS[self.outcome.result]
        title_style = ParagraphStyle(
            "outcome_title", parent=self.styles["outcome_label"], textColor=colour(hex_colour)
        )
        title = self.outcome.result.label.get(self.lang)
        sentence = self.outcome.text.get(self.lang)
        content = [self.paragraph(sentence, "outcome")]
        if not sentence.lower().startswith(title.lower()):  # the sentence names it already
            content.insert(0, self.paragraph(title, title_style))
        box = Table([["", content]], colWidths=[5, FRAME_WIDTH - 5], hAlign="LEFT", splitInRow=1)
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (0, 0), colour(hex_colour)),
                    ("BACKGROUND", (1, 0), (1, 0), tint(hex_colour, 0.9)),
                    ("LEFTPADDING", (1, 0), (1, 0), 10),
                    ("RIGHTPADDING", (1, 0), (1, 0), 10),
                    ("TOPPADDING", (1, 0), (1, 0), 6),
                    ("BOTTOMPADDING", (1, 0), (1, 0), 7),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), 0),
                ]
            )
        )
        return box

    def items(self, items: list[AdviceItem], title: str, intro: str, prefix: str) -> list[Flowable]:
        """Numbered conditions or recommendations: the measure, then who acts, by which
        stage, and where the finding is in appendix 1."""
        if not items:
            return []
        story: list[Flowable] = [
            self.heading(self.label(title), "h2", title, 1),
            self.paragraph(self.label(intro), "letter_intro"),
        ]
        text_style, meta_style = self.styles["item"], self.styles["item_meta"]
        for item in items:
            meta: list[str] = []
            if item.actor:
                meta.append(self.label("item_actor", actor=item.actor))
            if item.due_stage is not None:
                stage = VALUE_LABELS[item.due_stage.value].get(self.lang)
                meta.append(self.label("item_due", stage=stage))
            meta += self._status_meta(item.assessment)
            meta.append(self.label("item_ref", id=item.criterion.id))
            # the number hangs in the margin of the text (a bullet, not a table: a letter
            # with hundreds of recommendations stays quick to lay out)
            first, *rest = text_chunks(item.text(self.lang)) or [""]
            number = f"{prefix}{item.number}"
            story.append(TextParagraph(para_text(first), text_style, bulletText=number))
            story += [TextParagraph(para_text(piece), text_style) for piece in rest]
            story.append(self.paragraph(" · ".join(meta), meta_style))
        return story

    def _status_meta(self, assessment: Assessment) -> list[str]:
        """The measure's status when it has moved or was carried from an earlier stage:
        "status: gecontroleerd bij oplevering (12 mei 2027, J. de Vries)"."""
        if not assessment.measure_history and assessment.measure_carried_from is None:
            return []
        status = assessment.measure_status.label.get(self.lang)
        change = assessment.last_status_change
        meta = [
            self.label(
                "item_status_change",
                status=status,
                date=format_date(change.on, self.lang),
                by=change.by,
            )
            if change is not None
            else self.label("item_status", status=status)
        ]
        if assessment.measure_carried_from is not None:
            stage = STAGE_LABELS[assessment.measure_carried_from].get(self.lang)
            meta.append(self.label("item_carried", stage=stage))
        return meta

    def earlier_stages(self) -> list[Flowable]:
        """The reviews of this plan before this one (the dossier's timeline)."""
        previous = self.review.previous
        if not previous:
            return []
        story: list[Flowable] = [
            self.heading(self.label("earlier_stages"), "h2", "earlier-stages", 1)
        ]
        for prev in previous:
            line = self.label(
                "earlier_stage",
                stage=prev.stage_label(self.lang),
                date=format_date(prev.made_on, self.lang),
                perspective=prev.perspective.label.get(self.lang).lower(),
                outcome=prev.outcome.label.get(self.lang).lower(),
                file=prev.file_name or "–",
            )
            story.append(self.paragraph(line[:1].upper() + line[1:], "letter"))
        return story

    def measures_status(self) -> list[Flowable]:
        """Every measure with its status and the history of its changes (appendix 1), when
        the plan has earlier stages or a measure has moved."""
        review = self.review
        measures = [a for a in review.assessments.values() if a.has_measure]
        followed = bool(review.previous) or any(
            a.measure_history or a.measure_carried_from for a in measures
        )
        if not measures or not followed:
            return []
        numbers = {
            i.criterion.id: ("V" if self.lang == "nl" else "C") + str(i.number)
            for i in self.advice.conditions
        }
        prefix = "A" if self.lang == "nl" else "R"
        numbers |= {i.criterion.id: f"{prefix}{i.number}" for i in self.advice.recommendations}
        rows: list[list[object]] = []
        colours: list[str | None] = []
        for a in measures:
            criterion = review.checklist.criterion(a.criterion_id)
            head = f"{numbers.get(a.criterion_id, '–')} · {criterion.id}"
            what: list[Flowable] = [
                self.paragraph(head, "cell_bold"),
                self.paragraph(a.measure.strip(), "cell"),
            ]
            status: list[Flowable] = [
                self.paragraph(a.measure_status.label.get(self.lang), "cell_bold")
            ]
            if a.measure_agreed_at is not None:
                status.append(
                    self.paragraph(
                        self.label(
                            "measure_agreed",
                            stage=STAGE_LABELS[a.measure_agreed_at].get(self.lang),
                        ),
                        "cell_small",
                    )
                )
            for change in a.measure_history:
                line = self.label(
                    "measure_change",
                    status=change.status.label.get(self.lang),
                    date=format_date(change.on, self.lang),
                    by=change.by,
                )
                if change.reason.strip():
                    line += f" — {change.reason.strip()}"
                status.append(self.paragraph(line, "cell_small"))
            rows.append([what, status])
            colours.append(MEASURE_STATUS_COLOURS[a.measure_status])
        return [
            self.heading(self.label("measures_title"), "h2", "measures-status", 1),
            self.paragraph(self.label("measures_intro"), "intro"),
            self.data_table(
                [self.label("col_measure"), self.label("col_status")],
                rows,
                [FRAME_WIDTH - STRIP - 200, 200],
                colours,
            ),
        ]

    def next_step(self) -> list[Flowable]:
        text = self.review.dossier.next_step.strip()
        if not text:
            return []
        return [
            self.heading(self.label("next_step"), "h2", "next-step", 1),
            *paragraphs(text, self.styles["letter"]),
        ]

    def documents(self) -> list[Flowable]:
        """The documents reviewed, and that the advice holds only for them."""
        dossier = self.review.dossier
        documents = [
            d
            for d in dossier.documents
            if d.number.strip() or d.title.strip() or d.date.strip() or d.revision.strip()
        ]
        validity = dossier.validity.strip() or self.organisation.validity.get(self.lang)
        if not documents:
            own = dossier.validity.strip()  # the organisation's names "the documents listed"
            return [Spacer(1, 2 * mm), self.paragraph(own, "letter")] if own else []
        story: list[Flowable] = [
            CondPageBreak(40 * mm),
            self.heading(self.label("documents"), "h2", "documents", 1, keep_with_next=True),
            self.paragraph(validity, "letter"),
        ]
        heads = [
            self.label("col_number"),
            self.label("col_title"),
            self.label("col_revision"),
            self.label("col_date"),
        ]
        widths = [(FRAME_WIDTH - STRIP) * f for f in (0.2, 0.46, 0.1, 0.24)]
        rows = [
            [
                self.paragraph(d.number, "cell"),
                self.paragraph(d.title, "cell"),
                self.paragraph(d.revision, "cell"),
                self.paragraph(d.date, "cell"),
            ]
            for d in documents
        ]
        story.append(self.data_table(heads, rows, widths, [None] * len(rows)))
        return story

    def _signatory(self) -> str:
        return self.organisation.signatory.strip() or self.review.reviewer.name.strip()

    def _role(self) -> str:
        """The profile's role for this point of view, else the reviewer's own, else the
        default role for the point of view."""
        org = self.organisation
        perspective = self.review.perspective
        own = org.role_safety if perspective is Perspective.SAFETY else org.role_cohesion
        return own.strip() or self.review.reviewer.role.strip() or org.role(perspective, self.lang)

    def closing(self) -> list[Flowable]:
        """The greeting and signature block, the disclaimer, the distribution list and the
        appendices, kept together so that the signature is on the letter's last page."""
        org = self.organisation
        unit = org.unit.strip() or org.name.strip() or self.review.reviewer.organisation.strip()
        block: list[Flowable] = [
            self.paragraph(self.label("greeting"), "letter"),
            Spacer(1, 2 * mm),
            SignatureField(self._record_signature, self.signature_image),
            Spacer(1, 1 * mm),
        ]
        for text, style in (
            (self._signatory(), "signature_name"),
            (self._role(), "signature"),
            (unit, "signature"),
            (self._place_and_date(), "signature"),
        ):
            if text.strip():
                block.append(self.paragraph(text, style))
        block.append(Spacer(1, 6 * mm))
        disclaimer = org.disclaimer.get(self.lang)
        block += paragraphs(disclaimer, self.styles["small_print"])
        cc = [x.strip() for x in self.review.dossier.distribution if x.strip()]
        if cc:
            block.append(Spacer(1, 2 * mm))
            block.append(self.paragraph(self.label("cc"), "small_print_bold"))
            block += [self.paragraph(x, "small_print") for x in cc]
        block.append(Spacer(1, 2 * mm))
        block.append(self.paragraph(self.label("appendices"), "small_print_bold"))
        appendices = ["appendix1_short", "appendix2_short"]
        if printed_sheets(self.review):
            appendices.append("appendix3_short")
        for n, key in enumerate(appendices, start=1):
            block.append(self.paragraph(f"{n}. {self.label(key)}", "small_print"))
        return [Spacer(1, 6 * mm), KeepTogether(block)]

    def _record_signature(self, box: SignatureBox) -> None:
        self.signature_box = box

    # ------------------------------------------------------------------ appendix 1

    def _findings(self) -> list[tuple[Criterion, Assessment]]:
        findings = self.advice.findings
        if self.only_findings:
            findings = [(c, a) for c, a in findings if a.verdict in FINDINGS]
        return findings

    def appendix_findings(self) -> list[Flowable]:
        story: list[Flowable] = [
            PageBreak(),
            self.heading(self.label("appendix1"), "h1", "appendix-1", 0),
            self.paragraph(self.label("appendix1_intro"), "intro"),
        ]
        if self.only_findings:
            story.append(self.paragraph(self.label("findings_only"), "intro"))
        elif self.advice.findings and len(self.advice.findings) > len(
            [1 for _c, a in self.advice.findings if a.verdict in FINDINGS or a.has_content]
        ):
            story.append(self.paragraph(self.label("appendix1_all"), "intro"))
        findings = self._findings()
        if not findings:
            story.append(self.paragraph(self.label("appendix1_none"), "body"))
        by_id = {c.id: a for c, a in findings}
        for section in self.review.checklist.sections:
            entries = [c for c in section.criteria if c.id in by_id]
            if entries:
                story += self._section(section, entries)
            story.append(ProgressMark(self.step))
        story += self.measures_status()
        return story

    def _section(self, section: Section, entries: list[Criterion]) -> list[Flowable]:
        lang = self.lang
        story: list[Flowable] = [
            self.heading(section.title.get(lang), "h2", f"section-{section.id}", 1)
        ]
        if self.include_guidance and section.description is not None:
            story.append(self.paragraph(section.description.get(lang), "intro"))
        for criterion in entries:
            story += self._criterion(criterion)
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
            self.paragraph(self.verdict_label(verdict), verdict_style),
            VERDICT_WIDTH,
            VERDICT_COLOURS[verdict],
        )

        body: list[Flowable] = [self.paragraph(self._meta(criterion, assessment), "meta")]
        body += self.profile_note(criterion)
        number = self.numbers.get(criterion.id)
        if number is not None:
            key = "as_condition" if number[0] in "VC" else "as_recommendation"
            body.append(self.paragraph(self.label(key, ref=number), "tag"))
        body += self.evidence(assessment, "evidence")
        refs = pin_refs(review, criterion.id, lang)
        if refs:
            body += labelled(self.label("see"), "; ".join(refs), self.field)
        if assessment.is_override and assessment.override_reason.strip():
            body += labelled(self.label("override_reason"), assessment.override_reason, self.field)
        if assessment.justification.strip():
            body += labelled(self.label("motivation"), assessment.justification, self.field)
        if assessment.notes.strip():
            body += labelled(self.label("notes"), assessment.notes, self.field)
        if assessment.measure.strip():
            body += labelled(self.label("adviser_measure"), assessment.measure, self.field)
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
        if assessment.auto_verdict is not None and criterion.id not in self.excluded:
            parts.append(
                self.label("automatic", verdict=self.verdict_label(assessment.auto_verdict))
            )
        if assessment.priority is not None:
            parts.append(
                self.label("priority", priority=PRIORITY_LABELS[assessment.priority].get(lang))
            )
        if not self.review.in_scope(criterion):
            parts.append(self.label("out_of_scope"))
        return self.criterion_meta(criterion, *parts)

    def _photos(self, assessment: Assessment) -> Table:
        return photo_grid(self.photo_items(assessment.photos, self.photos), FRAME_WIDTH - INDENT)

    # ------------------------------------------------------------------ appendix 2

    def appendix_facts(self) -> list[Flowable]:
        """The plan, how the review was made, the rule results of the criteria without a
        finding, and the criteria that do not apply to this plan."""
        story: list[Flowable] = [
            PageBreak(),
            self.heading(self.label("appendix2"), "h1", "appendix-2", 0),
        ]
        story += self.plan_and_procedure()
        story += self.plan_facts()
        if self.excluded:
            story += self.table_heading(self.label("not_applicable_here"), "h2", "excluded", 1)
            story.append(self.paragraph(self.label("not_applicable_intro"), "intro"))
            story.append(self._excluded_table())
        return story

    def plan_and_procedure(self) -> list[Flowable]:
        review = self.review
        identity = review.plan.identity
        reviewer = review.reviewer
        procedure = review.procedure
        rows = [
            (self.label("address"), place_text(identity.address, identity.municipality)),
            (self.label("client"), identity.client),
            (self.label("architect"), identity.architect),
            (self.label("plan_type"), self.plan_type_text(identity)),
            (self.label("phase"), self.stage_text(identity)),
            (self.label("revision"), identity.revision),
            (self.label("perspective"), review.perspective.label.get(self.lang)),
            (self.label("reviewer"), reviewer.name),
            (self.label("organisation"), reviewer.organisation),
            (self.label("checklist"), self.checklist_text(review.checklist)),
            (self.label("cohesion_included"), self._yes_no(procedure.cohesion_included)),
            (self.label("joint_session"), self._joint_session()),
        ]
        story: list[Flowable] = [
            self.heading(self.label("the_plan"), "h2", "the-plan", 1),
            key_value_table([r for r in rows if r[1].strip()], FRAME_WIDTH, 56 * mm),
            Spacer(1, 3 * mm),
        ]
        own = sum(1 for c in review.criteria() if review.perspective in c.perspectives)
        scope = self.label(
            "scope",
            perspective=review.perspective.label.get(self.lang).lower(),
            n=own,
            total=len(review.criteria()),
        )
        if self.excluded:
            kinds = (identity.plan_type, identity.stage)
            plan = ", ".join(VALUE_LABELS[v.value].get(self.lang) for v in kinds if v is not None)
            heading = self.label("not_applicable_here")
            scope += " " + self.label(
                "scope_plan", n=len(self.excluded), plan=plan, heading=heading
            )
        story.append(self.paragraph(scope, "body"))
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

    def _excluded_table(self) -> Flowable:
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
                note = self.label("excluded_verdict", verdict=self.verdict_label(verdict))
                why.append(self.paragraph(note, "cell_small"))
            rows.append([self.criterion_cell(criterion), why])
        heads = [self.label("col_criterion"), self.label("col_reason")]
        widths = [FRAME_WIDTH - STRIP - 190, 190]
        return self.data_table(
            heads, rows, widths, [VERDICT_COLOURS[Verdict.NOT_APPLICABLE]] * len(rows)
        )

    def plan_facts(self) -> list[Flowable]:
        """The rule results per element type, of the criteria that are not in appendix 1
        (there each finding carries its own)."""
        review = self.review
        story: list[Flowable] = [
            CondPageBreak(50 * mm),
            self.heading(self.label("appendix2_short"), "h2", "facts", 1),
            self.paragraph(self.label("appendix2_intro"), "intro"),
        ]
        if self.only_findings:
            story.append(self.paragraph(self.label("facts_only_findings"), "intro"))
        ruled = [c for c in review.criteria() if c.rule is not None]
        if not ruled:
            story.append(self.paragraph(self.label("facts_none"), "body"))
            return story
        for collection in ("site", *COLLECTIONS):
            criteria = [c for c in ruled if c.rule is not None and c.rule.applies_to == collection]
            table = self._facts_table(criteria)
            if table is None:
                continue
            title = COLLECTION_LABELS[collection].get(self.lang)
            story += self.table_heading(title, "h3", f"facts-{collection}", 2)
            story.append(table)
        return story

    def _facts_table(self, criteria: list[Criterion]) -> Flowable | None:
        lang = self.lang
        rows: list[list[object]] = []
        colours: list[str | None] = []
        groups: list[tuple[int, int]] = []
        for criterion in criteria:
            if criterion.id in self.excluded or criterion.id in self.in_findings:
                continue  # listed once: with the reason, or with its finding in appendix 1
            assessment = self.review.assessments[criterion.id]
            if self.only_findings:
                continue  # the findings carry their rule results in appendix 1
            if not self.review.in_scope(criterion) and not assessment.verdict.is_assessed:
                continue  # another point of view's criterion nobody judged here
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
                            "changed_to", verdict=self.verdict_label(assessment.verdict)
                        )
                        name.append(self.paragraph(changed, "cell_small"))
                rows.append(
                    [
                        name,
                        self.paragraph(text, "cell"),
                        self.paragraph(self.verdict_label(verdict), "cell"),
                    ]
                )
                colours.append(VERDICT_COLOURS[verdict])
        if not rows:
            return None
        heads = [self.label("col_criterion"), self.label("col_finding"), self.label("col_verdict")]
        widths = [150, FRAME_WIDTH - STRIP - 150 - 82, 82]
        return self.data_table(heads, rows, widths, colours, groups)

    # ------------------------------------------------------------------ appendix 3

    def appendix_drawings(self) -> list[Flowable]:
        """One page per sheet with markers or measurements: the drawing and its legend."""
        sheets = printed_sheets(self.review)
        if not sheets:
            return []
        story: list[Flowable] = [
            PageBreak(),
            self.heading(self.label("appendix3"), "h1", "drawings", 0),
            self.paragraph(self.label("drawings_intro"), "intro"),
        ]
        for index, sheet in enumerate(sheets):
            if index:
                story.append(PageBreak())
            image = self.drawings.get(sheet.id)
            story += self.sheet_section(self.review, sheet, image, sheet.name, f"sheet-{sheet.id}")
        return story
