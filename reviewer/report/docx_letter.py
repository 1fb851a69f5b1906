"""The advice letter and appendix 1 as a Word document, for those who finish letters in
their own templates.

The content is the PDF letter's (reviewer.domain.advice.build_advice): letterhead,
addressee, reference line, reason, conclusion, numbered conditions, numbered
recommendations, next step, documents reviewed, closing and signature, disclaimer and
distribution; then "Bijlage 1 – Bevindingen". The document uses Word's own structure, so
that it survives being pasted into another template: Heading 1/2 styles, the "List
Number" style with one Word numbering instance per list (conditions and recommendations
each start at 1), and the logo as an inline picture.

Text goes into Word as plain runs, never as markup, so `<b>` or `&` in a note is printed
as typed; only the characters XML 1.0 cannot hold are dropped (see `plain`).

python-docx is imported only when this module is (reviewer.report imports it lazily).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.image.image import Image as WordImage
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reviewer.domain.advice import Advice, AdviceItem, build_advice
from reviewer.domain.checklist import Criterion, Perspective
from reviewer.domain.organisation import Organisation
from reviewer.domain.plan import VALUE_LABELS
from reviewer.domain.review import Assessment, Review
from reviewer.domain.stages import STAGE_LABELS
from reviewer.domain.text import LANGUAGES, Lang, Text, t
from reviewer.report.errors import ReportError
from reviewer.report.labels import format_date
from reviewer.storage.container import DocumentFileError, atomic_write
from reviewer.storage.organisation import (
    OrganisationError,
    OrganisationProfile,
    load_organisation,
)
from reviewer.storage.review_file import ReviewDocument, load_review

__all__ = ["export_docx", "plain"]

LOGO_WIDTH = Cm(4)

# Every string the Word letter adds; checklist texts and domain labels come from the domain.
WORDS: dict[str, Text] = {
    "reference": t("Ons kenmerk", "Our reference"),
    "their_reference": t("Uw kenmerk", "Your reference"),
    "date": t("Datum", "Date"),
    "subject": t("Onderwerp", "Subject"),
    "handled_by": t("Behandeld door", "Contact"),
    "subject_default": t(
        "Advies {perspective} bouwplan {plan}", "Advice on {perspective}: building plan {plan}"
    ),
    "perspective_safety": t("sociale veiligheid", "social safety"),
    "perspective_cohesion": t("sociale cohesie", "social cohesion"),
    "reason": t("Aanleiding", "Reason for this advice"),
    "basis": t(
        "Wij hebben het bouwplan {plan} beoordeeld met de toetslijst {checklist}, versie "
        "{version}.",
        "We reviewed the building plan {plan} against the checklist {checklist}, version "
        "{version}.",
    ),
    "revision": t("revisie {revision}", "revision {revision}"),
    "conclusion": t("Conclusie", "Conclusion"),
    "chosen": t(
        "De adviseur wijkt af van de uitkomst die uit de toetsing volgt ({proposed}). Motivering:",
        "The adviser departs from the outcome the review's rules give ({proposed}). Reason:",
    ),
    "conditions": t("Voorwaarden", "Conditions"),
    "conditions_intro": t(
        "Dit advies geldt alleen als aan de volgende voorwaarden wordt voldaan.",
        "This advice holds only if the following conditions are met.",
    ),
    "no_conditions": t(
        "Aan dit advies zijn geen voorwaarden verbonden.", "There are no conditions."
    ),
    "recommendations": t("Aanbevelingen", "Recommendations"),
    "recommendations_intro": t(
        "De aanbevelingen zijn niet bepalend voor de uitkomst van het advies.",
        "The recommendations do not decide the outcome of the advice.",
    ),
    "no_recommendations": t("Er zijn geen aanbevelingen.", "There are no recommendations."),
    "actor": t("Uit te voeren door: {actor}", "To be done by: {actor}"),
    "due": t("uiterlijk in de fase {stage}", "no later than the {stage} stage"),
    "due_alone": t("Uiterlijk in de fase {stage}", "No later than the {stage} stage"),
    "see_appendix": t("zie bijlage 1, {id}", "see appendix 1, {id}"),
    "status": t("Status: {status}", "Status: {status}"),
    "status_change": t("Status: {status} ({date}, {by})", "Status: {status} ({date}, {by})"),
    "carried": t("overgenomen uit het {stage}", "carried from the {stage}"),
    "next_step": t("Vervolg", "Next step"),
    "documents": t("Beoordeelde stukken", "Documents reviewed"),
    "doc_number": t("Nummer", "Number"),
    "doc_title": t("Titel", "Title"),
    "doc_date": t("Datum", "Date"),
    "doc_revision": t("Revisie", "Revision"),
    "plan_as_document": t("Het bouwplan {plan}.", "The building plan {plan}."),
    "closing": t("Met vriendelijke groet,", "Yours sincerely,"),
    "distribution": t("Afschrift aan", "Copy to"),
    "appendix": t("Bijlage 1 – Bevindingen", "Appendix 1 – Findings"),
    "appendix_intro": t(
        "Per criterium: het oordeel, wat in het plan is gezien en de maatregel.",
        "For each criterion: the verdict, what was seen in the plan and the measure.",
    ),
    "no_findings": t("Er zijn geen bevindingen.", "There are no findings."),
    "verdict": t("Oordeel", "Verdict"),
    "seen": t("Wat is gezien", "What was seen"),
    "justification": t("Motivering", "Justification"),
    "override": t("Reden voor afwijking van de toetsing", "Reason for departing from the rule"),
    "notes": t("Toelichting", "Notes"),
    "measure": t("Maatregel", "Measure"),
    "condition_n": t("voorwaarde {n}", "condition {n}"),
    "recommendation_n": t("aanbeveling {n}", "recommendation {n}"),
}

# What XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, the two
# noncharacters) and carriage returns, which become newlines.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")


def plain(text: object) -> str:
    """Text as Word can hold it: newlines made plain, what XML 1.0 forbids removed."""
    return _NOT_XML.sub("", _NEWLINES.sub("\n", str(text)))


def _w(key: str, lang: Lang, **values: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**values) if values else text


def _stage(stage: object, lang: Lang) -> str:
    value = getattr(stage, "value", str(stage))
    label = VALUE_LABELS.get(value)
    return label.get(lang) if label is not None else value


def _readable_image(data: bytes) -> bool:
    """Whether Word can take `data` as a picture: a broken logo file costs the letter its
    logo, not the letter."""
    try:
        WordImage.from_blob(data)
    except Exception:  # python-docx's own errors, and struct's on a cut-off header
        return False
    return True


def export_docx(
    doc: ReviewDocument | str | Path,
    output: str | Path,
    *,
    lang: Lang = "nl",
    all_criteria: bool = False,
    organisation: OrganisationProfile | None = None,
) -> Path:
    """Write the advice letter and appendix 1 of a review as a .docx and return its path.

    `doc` is an open ReviewDocument or a .review file. `organisation` gives the
    letterhead, role, disclaimer and logo; None reads the user's profile (an unreadable
    one gives a letter without letterhead). Written atomically: on any failure the file at
    `output` is left as it was, and ReportError says why on one line.
    """
    if lang not in LANGUAGES:
        raise ReportError(f"unknown report language {lang!r}; use one of {', '.join(LANGUAGES)}")
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"Cannot write the Word document to {target}: it is a folder")
    if not folder.is_dir():
        raise ReportError(
            f"Cannot write the Word document to {target}: the folder {folder} does not exist"
        )
    document = _open(doc)
    if organisation is None:
        try:
            organisation = load_organisation()
        except OrganisationError:
            organisation = OrganisationProfile(Organisation(), Path())
    try:
        data = LetterWriter(document.review, organisation, lang, all_criteria).render()
        atomic_write(target, data)
    except ReportError:
        raise
    except DocumentFileError as exc:
        raise ReportError(str(exc)) from None
    except Exception as exc:
        lines = str(exc).strip().splitlines()
        why = lines[0] if lines else type(exc).__name__
        raise ReportError(f"the Word document could not be made: {why}") from exc
    return target


def _open(source: ReviewDocument | str | Path) -> ReviewDocument:
    if isinstance(source, ReviewDocument):
        return source
    try:
        return load_review(source)
    except DocumentFileError as exc:
        raise ReportError(str(exc)) from None
    except OSError as exc:
        raise ReportError(f"Cannot open {source}: {exc.strerror or exc}") from None


class LetterWriter:
    """Builds the Word document of one review's advice."""

    def __init__(
        self, review: Review, profile: OrganisationProfile, lang: Lang, all_criteria: bool
    ) -> None:
        self.review = review
        self.profile = profile
        self.org = profile.organisation
        self.lang = lang
        self.advice: Advice = build_advice(review, all_criteria=all_criteria)
        self.doc: WordDocument = Document()
        self._language()

    # --- the parts ---------------------------------------------------------------

    def render(self) -> bytes:
        self.letterhead()
        self.addressee()
        self.reference_line()
        self.reason()
        self.conclusion()
        self.conditions()
        self.recommendations()
        self.next_step()
        self.documents()
        self.signature()
        self.disclaimer()
        self.distribution()
        self.appendix()
        props = self.doc.core_properties
        props.title = plain(self.subject())[:255]
        props.author = plain(self.signatory())[:255]
        props.language = "nl-NL" if self.lang == "nl" else "en-GB"
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def letterhead(self) -> None:
        logo = self.profile.logo
        if logo and _readable_image(logo):
            self.doc.add_picture(io.BytesIO(logo), width=LOGO_WIDTH)
        lines = [self.org.name, self.org.unit, *self.org.postal_address.splitlines()]
        lines = [line for line in lines if line.strip()]
        if lines:
            p = self.doc.add_paragraph()
            p.add_run(plain(lines[0])).bold = True
            for line in lines[1:]:
                p.add_run().add_break()
                p.add_run(plain(line))

    def addressee(self) -> None:
        who = self.review.dossier.addressee
        lines = [who.name, who.organisation, who.department, *who.address.splitlines()]
        self._lines([line for line in lines if line.strip()])

    def reference_line(self) -> None:
        dossier = self.review.dossier
        contact = dossier.contact if dossier.contact.name.strip() else self.org.contact
        handled = ", ".join(
            part.strip() for part in (contact.name, contact.phone, contact.email) if part.strip()
        )
        rows = [
            (_w("reference", self.lang), dossier.reference),
            (_w("their_reference", self.lang), dossier.their_reference),
            (_w("date", self.lang), self.letter_date()),
            (_w("handled_by", self.lang), handled),
            (_w("subject", self.lang), self.subject()),
        ]
        rows = [(key, value) for key, value in rows if value.strip()]
        table = self.doc.add_table(rows=len(rows), cols=2)
        for row, (key, value) in zip(table.rows, rows, strict=True):
            row.cells[0].paragraphs[0].add_run(key).bold = True
            row.cells[1].paragraphs[0].add_run(plain(value))

    def reason(self) -> None:
        self.doc.add_heading(_w("reason", self.lang), level=1)
        request = self.review.dossier.request.strip()
        if request:
            self._text(request)
        checklist = self.review.checklist
        self.doc.add_paragraph(
            plain(
                _w(
                    "basis",
                    self.lang,
                    plan=self.plan_name(),
                    checklist=checklist.title.get(self.lang),
                    version=checklist.version,
                )
            )
        )

    def conclusion(self) -> None:
        self.doc.add_heading(_w("conclusion", self.lang), level=1)
        outcome = self.advice.outcome
        p = self.doc.add_paragraph()
        p.add_run(plain(self.advice.conclusion.get(self.lang))).bold = True
        if outcome.is_chosen and outcome.proposed is not None:
            proposed = outcome.proposed.label.get(self.lang).lower()
            self.doc.add_paragraph(plain(_w("chosen", self.lang, proposed=proposed)))
            self._text(outcome.reason)

    def conditions(self) -> None:
        self.doc.add_heading(_w("conditions", self.lang), level=1)
        if not self.advice.conditions:
            self.doc.add_paragraph(_w("no_conditions", self.lang))
            return
        self.doc.add_paragraph(_w("conditions_intro", self.lang))
        self._numbered(self.advice.conditions)

    def recommendations(self) -> None:
        self.doc.add_heading(_w("recommendations", self.lang), level=1)
        if not self.advice.recommendations:
            self.doc.add_paragraph(_w("no_recommendations", self.lang))
            return
        self.doc.add_paragraph(_w("recommendations_intro", self.lang))
        self._numbered(self.advice.recommendations)

    def next_step(self) -> None:
        text = self.review.dossier.next_step.strip()
        if text:
            self.doc.add_heading(_w("next_step", self.lang), level=1)
            self._text(text)

    def documents(self) -> None:
        self.doc.add_heading(_w("documents", self.lang), level=1)
        dossier = self.review.dossier
        validity = dossier.validity.strip() or self.org.validity.get(self.lang)
        self._text(validity)
        documents = [
            d
            for d in dossier.documents
            if any(v.strip() for v in (d.number, d.title, d.date, d.revision))
        ]
        if not documents:
            self.doc.add_paragraph(plain(_w("plan_as_document", self.lang, plan=self.plan_name())))
            return
        keys = ("doc_number", "doc_title", "doc_date", "doc_revision")
        table = self.doc.add_table(rows=1 + len(documents), cols=len(keys))
        table.style = self.doc.styles["Table Grid"]
        for cell, key in zip(table.rows[0].cells, keys, strict=True):
            cell.paragraphs[0].add_run(_w(key, self.lang)).bold = True
        for row, d in zip(table.rows[1:], documents, strict=True):
            for cell, value in zip(row.cells, (d.number, d.title, d.date, d.revision), strict=True):
                cell.paragraphs[0].add_run(plain(value))

    def signature(self) -> None:
        self.doc.add_paragraph(_w("closing", self.lang))
        place = self.review.dossier.place.strip()
        when = self.letter_date()
        lines = [
            self.signatory(),
            self.review.reviewer.role.strip() or self.org.role(self.review.perspective, self.lang),
            self.org.unit.strip() or self.org.name.strip(),
            f"{place}, {when}" if place else when,
        ]
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(36)  # room for a signature
        first = True
        for line in lines:
            if not line.strip():
                continue
            if not first:
                p.add_run().add_break()
            run = p.add_run(plain(line))
            run.bold = first
            first = False

    def disclaimer(self) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(18)
        run = p.add_run(plain(self.org.disclaimer.get(self.lang)))
        run.font.size = Pt(8)
        run.italic = True

    def distribution(self) -> None:
        names = [n.strip() for n in self.review.dossier.distribution if n.strip()]
        if not names:
            return
        p = self.doc.add_paragraph()
        p.add_run(_w("distribution", self.lang) + ":").bold = True
        for name in names:
            self.doc.add_paragraph(plain(name), style="List Bullet")

    def appendix(self) -> None:
        self.doc.add_page_break()
        self.doc.add_heading(_w("appendix", self.lang), level=1)
        if not self.advice.findings:
            self.doc.add_paragraph(_w("no_findings", self.lang))
            return
        self.doc.add_paragraph(_w("appendix_intro", self.lang))
        numbers: dict[str, str] = {}
        for item in self.advice.conditions:
            numbers[item.criterion.id] = _w("condition_n", self.lang, n=item.number)
        for item in self.advice.recommendations:
            numbers[item.criterion.id] = _w("recommendation_n", self.lang, n=item.number)
        for criterion, assessment in self.advice.findings:
            self.finding(criterion, assessment, numbers.get(criterion.id))

    def finding(self, criterion: Criterion, a: Assessment, number: str | None) -> None:
        lang = self.lang
        self.doc.add_heading(plain(f"{criterion.id} {criterion.title.get(lang)}"), level=2)
        self._labelled(_w("verdict", lang), a.verdict.label.get(lang))
        seen = [e.text.get(lang) for e in a.evidence]
        if seen:
            p = self.doc.add_paragraph()
            p.add_run(_w("seen", lang) + ":").bold = True
            for text in seen:
                self.doc.add_paragraph(plain(text), style="List Bullet")
        for key, text in (
            ("notes", a.notes),
            ("justification", a.justification),
            ("override", a.override_reason),
        ):
            if text.strip():
                self._labelled(_w(key, lang), text)
        if a.measure.strip() or number:
            heading = _w("measure", lang) + (f" ({number})" if number else "")
            self._labelled(heading, a.measure.strip() or criterion.title.get(lang))

    # --- helpers -----------------------------------------------------------------

    def _numbered(self, items: Iterable[AdviceItem]) -> None:
        """One numbered list that starts at 1, whatever list came before it."""
        num_id = self._restarted_list()
        for item in items:
            p = self.doc.add_paragraph(style="List Number")
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
            p.add_run(plain(item.text(self.lang)))
            details = self._item_details(item)
            if details:
                p.add_run().add_break(WD_BREAK.LINE)
                p.add_run(plain(details)).italic = True

    def _item_details(self, item: AdviceItem) -> str:
        """Who acts and by which stage (for a condition), and where the finding is."""
        lang = self.lang
        stage = _stage(item.due_stage, lang) if item.due_stage is not None else ""
        if item.actor and stage:
            who = f"{_w('actor', lang, actor=item.actor)}, {_w('due', lang, stage=stage)} "
        elif item.actor:
            who = _w("actor", lang, actor=item.actor) + " "
        elif stage:
            who = _w("due_alone", lang, stage=stage) + " "
        else:
            who = ""
        details = f"{who}({_w('see_appendix', lang, id=item.criterion.id)})"
        a = item.assessment
        if a.measure_history or a.measure_carried_from is not None:
            status = a.measure_status.label.get(lang)
            change = a.last_status_change
            line = (
                _w(
                    "status_change",
                    lang,
                    status=status,
                    date=format_date(change.on, lang),
                    by=change.by,
                )
                if change is not None
                else _w("status", lang, status=status)
            )
            if a.measure_carried_from is not None:
                stage = STAGE_LABELS[a.measure_carried_from].get(lang)
                line += "; " + _w("carried", lang, stage=stage)
            details += f". {line}"
        return details

    def _restarted_list(self) -> int:
        """A new Word numbering instance of the List Number style's list, restarting at 1:
        paragraphs that share the style's own instance would count on across lists."""
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _labelled(self, label: str, text: str) -> Paragraph:
        p = self.doc.add_paragraph()
        p.add_run(label + ": ").bold = True
        p.add_run(plain(text.strip()))
        return p

    def _text(self, text: str) -> None:
        """Text a person wrote: a paragraph per block separated by an empty line."""
        for block in re.split(r"\n\s*\n", plain(text).strip()):
            if block.strip():
                self.doc.add_paragraph(block.strip("\n"))

    def _lines(self, lines: list[str]) -> None:
        if not lines:
            return
        p = self.doc.add_paragraph()
        for i, line in enumerate(lines):
            if i:
                p.add_run().add_break()
            p.add_run(plain(line.strip()))

    def _language(self) -> None:
        """Word checks the spelling in the letter's language."""
        rpr = self.doc.styles["Normal"].element.get_or_add_rPr()
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang_el)
        lang_el.set(qn("w:val"), "nl-NL" if self.lang == "nl" else "en-GB")

    # --- values ------------------------------------------------------------------

    def letter_date(self) -> str:
        return format_date(self.review.dossier.dispatch_date or date.today(), self.lang)

    def signatory(self) -> str:
        return self.review.reviewer.name.strip() or self.org.signatory.strip()

    def plan_name(self) -> str:
        identity = self.review.plan.identity
        name = identity.name.strip()
        place = identity.municipality.strip()
        if place and place.lower() not in name.lower():
            name = f"{name}, {place}"
        if identity.revision.strip():
            name += f" ({_w('revision', self.lang, revision=identity.revision.strip())})"
        return name

    def subject(self) -> str:
        own = self.review.dossier.subject.strip()
        if own:
            return own
        key = (
            "perspective_safety"
            if self.review.perspective is Perspective.SAFETY
            else "perspective_cohesion"
        )
        return _w(
            "subject_default", self.lang, perspective=_w(key, self.lang), plan=self.plan_name()
        )
