"""The workshop report (two reviews side by side) and the revision report, read back with
pypdf: what they say and in which order, hostile text, failures, and the command line."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from reviewer.cli import main
from reviewer.domain.compare import ItemStatus, compare_reviews
from reviewer.domain.plan import PlanIdentity
from reviewer.domain.review import PhotoRef, Reviewer, new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.domain.workshop import JointConclusion, new_workshop
from reviewer.report import (
    ReportError,
    export_revision_report,
    export_workshop_file_report,
    export_workshop_report,
)
from reviewer.report.labels import format_decimal
from reviewer.storage.review_file import ReviewDocument, save_review
from reviewer.storage.workshop_file import WorkshopDocument, save_workshop
from tests.report.conftest import HOSTILE, body_text, jpeg, pdf_pages, pdf_text, squeezed

REASON = "Beoordeeld op de tekening."


def assess(review, criterion_id, verdict, **texts):
    """Set a verdict (with a reason, in case it overrides the rule) and notes/measures."""
    set_verdict(review, criterion_id, verdict, override_reason=REASON)
    if texts:
        assessment = review.assessments[criterion_id]
        review.assessments[criterion_id] = assessment.model_copy(update=texts)


@pytest.fixture
def sides(plan, checklist):
    """Safety review A and cohesion review B of one plan, with every kind of item:

    OR-HOF-01 conflict (and in tension with OR-SPEEL-01), STR-PART-01 a difference,
    OR-LICHT-01 a finding of A only, GEB-ENTREE-01 / GEB-PLINT-01 / OR-SPEEL-01
    agreements, GEB-GALERIJ-01 and STR-MIX-01 assessed by neither.
    """
    a = new_review(plan, checklist, "safety", Reviewer(name="J. de Vries", role="politie"))
    b = new_review(plan.model_copy(deep=True), checklist, "cohesion", Reviewer(name="P. Jansen"))
    for review in (a, b):
        for criterion_id in ("GEB-ENTREE-01", "GEB-PLINT-01"):
            assess(review, criterion_id, Verdict.FAILS)
        for criterion_id in ("GEB-GALERIJ-01", "STR-MIX-01"):
            assess(review, criterion_id, Verdict.NOT_ASSESSED)
    assess(a, "OR-HOF-01", Verdict.MEETS, notes="\n".join(HOSTILE), measure="Hek met sluitplan")
    assess(b, "OR-HOF-01", Verdict.FAILS, measure="Poort overdag open & speelplek in de hof")
    assess(a, "OR-SPEEL-01", Verdict.FAILS, measure="Speelplek aan de straat")
    assess(b, "OR-SPEEL-01", Verdict.FAILS, measure="Speelplek vergroten tot 300 m²")
    assess(a, "STR-PART-01", Verdict.MEETS, notes="Bewonersavond gepland.")
    assess(b, "STR-PART-01", Verdict.PARTLY, justification="Nog geen bewoners bekend.")
    assess(a, "OR-LICHT-01", Verdict.PARTLY, measure="Extra mast bij het achterpad")
    assess(b, "OR-LICHT-01", Verdict.NOT_ASSESSED)
    return ReviewDocument(a), ReviewDocument(b)


CONCLUSION = JointConclusion(
    criterion_id="OR-HOF-01",
    verdict=Verdict.PARTLY,
    measure="Hof overdag open, 's nachts dicht",
    actor="Woonstichting De Linie",
    note="Afgesproken <b>in</b> de werksessie & vastgelegd",
)


@pytest.fixture
def pdf(tmp_path, sides):
    a, b = sides
    out = export_workshop_report(
        a, b, tmp_path / "werksessie.pdf", conclusions={"OR-HOF-01": CONCLUSION}
    )
    assert out == tmp_path / "werksessie.pdf"
    return out


# ----------------------------------------------------------------- workshop content


def test_cover_has_plan_both_sides_and_the_agreement_in_words(pdf, sides):
    a, b = sides
    pages = [" ".join(p.split()) for p in pdf_pages(pdf)]
    cover = pages[0]
    for expected in (
        "Gezamenlijke werksessie",
        "Testplan Merelhof",
        "Merelhof 1",
        "A · Veiligheid",
        "B · Cohesie",
        "J. de Vries",
        "P. Jansen",
    ):
        assert expected in cover, expected
    comparison = compare_reviews(a.review, b.review)
    assert comparison.agreement_n == 5 and comparison.count(ItemStatus.AGREE) == 3
    assert (
        "Op 3 van de 5 criteria die beide invalshoeken beoordeelden, kwamen zij tot hetzelfde "
        "oordeel. Bij 1 criterium staan de oordelen lijnrecht tegenover elkaar" in cover
    )
    assert "Bij 1 criterium liggen de oordelen dichter bij elkaar" in cover
    # conflict, difference and the one-sided verdict are to discuss; OR-HOF-01 is decided
    assert "Daarnaast is 1 criterium vanuit maar één van beide invalshoeken beoordeeld." in cover
    assert (
        "Over 1 van de 3 punten van verschil is een gezamenlijk oordeel bereikt; 2 punten "
        "staan nog open." in cover
    )
    # the statistics are in the appendix, and only there
    assert comparison.kappa is not None
    kappa = format_decimal(comparison.kappa, "nl")
    assert "kappa" not in " ".join(pages[:-1]).replace("gewogen kappa, staan in de bijlage", "")
    appendix = pages[-1]
    assert "Bijlage: overeenstemming in cijfers" in appendix
    assert f"Gewogen kappa {kappa} (lineair gewogen), berekend over 5 criteria" in appendix
    assert "Overeenstemming 60 %, berekend over 5 criteria" in appendix
    assert "Open verschillen 2 van 3 nog zonder gezamenlijk oordeel" in appendix
    assert "corrigeert dat aandeel voor de overeenstemming die ook bij toeval" in appendix


def test_conflicts_and_tensions_come_before_differences_and_agreements(pdf):
    text = pdf_text(pdf)
    order = [
        text.index("Conflicten"),
        text.index("OR-HOF-01 Afsluitbare binnentuin"),
        text.index("Spanningen"),
        text.index("OR-SPEEL-01 ↔ OR-HOF-01"),
        text.index("Verschillen"),
        text.index("STR-PART-01 Bewoners betrekken"),
        text.index("Eenzijdige bevindingen"),
        text.index("OR-LICHT-01 Openbare verlichting"),
        text.index("Overeenstemming per criterium"),
    ]
    assert order == sorted(order)
    agreements = text[text.index("Overeenstemming per criterium") :]
    for criterion_id in ("GEB-ENTREE-01", "GEB-PLINT-01", "OR-SPEEL-01"):
        assert criterion_id in agreements
    assert "2 criteria zijn door geen van beide kanten beoordeeld." in agreements


def test_each_item_shows_both_sides_and_the_joint_conclusion(pdf):
    text = pdf_text(pdf)
    conflict = text[text.index("Conflicten") : text.index("Spanningen")]
    assert "A · Veiligheid voldoet" in conflict
    assert "B · Cohesie voldoet niet" in conflict
    assert "Aanbevolen maatregel: Hek met sluitplan" in conflict
    assert "Aanbevolen maatregel: Poort overdag open & speelplek in de hof" in conflict
    assert "Gezamenlijke conclusie: voldoet gedeeltelijk" in conflict
    assert "Maatregel: Hof overdag open, 's nachts dicht" in conflict
    assert "Wie: Woonstichting De Linie" in conflict
    assert "Toelichting: Afgesproken <b>in</b> de werksessie & vastgelegd" in conflict
    difference = text[text.index("Verschillen") : text.index("Eenzijdige bevindingen")]
    assert "Lokale beperking: Nog geen bewoners bekend." in difference
    assert "Nog geen gezamenlijke conclusie." in difference


def test_tension_pair_shows_both_criteria_with_both_verdicts_and_measures(pdf):
    text = pdf_text(pdf)
    tension = text[text.index("OR-SPEEL-01 ↔ OR-HOF-01") : text.index("Verschillen")]
    for expected in (
        "Drie procent speelruimte",
        "Afsluitbare binnentuin",
        "Speelplek aan de straat",
        "Speelplek vergroten tot 300 m²",
        "Hek met sluitplan",
        "Gezamenlijke conclusie: OR-HOF-01 voldoet gedeeltelijk",
    ):
        assert expected in tension, expected


def test_hostile_text_appears_literally(pdf):
    text = pdf_text(pdf)
    for line in HOSTILE:
        assert line in text, line
    reader = PdfReader(pdf)
    assert not any("/Annots" in page for page in reader.pages)  # no link from <a href>
    for page in reader.pages:  # nothing read from <img src="/etc/passwd"/>
        assert not (page["/Resources"].get("/XObject") or {})


def test_every_page_numbered_and_only_the_report_font(pdf):
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page
    fonts = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts


def test_english_and_kappa_that_cannot_be_determined(tmp_path, plan, checklist):
    a = new_review(plan, checklist, "safety")
    b = new_review(plan.model_copy(deep=True), checklist, "cohesion")
    for review in (a, b):
        for criterion in checklist.criteria():
            assess(review, criterion.id, Verdict.NOT_ASSESSED)
    out = export_workshop_report(
        ReviewDocument(a), ReviewDocument(b), tmp_path / "en.pdf", lang="en"
    )
    text = pdf_text(out)
    assert "Joint workshop" in text
    assert "Weighted kappa cannot be determined: no criteria to compare" in text
    assert "No criterion was assessed from both perspectives" in text
    assert "No conflicts." in text and "page 1 of" in text

    out = export_workshop_report(ReviewDocument(a), ReviewDocument(b), tmp_path / "nl.pdf")
    assert "Gewogen kappa niet te bepalen: geen criteria om te vergelijken" in pdf_text(out)


def test_long_notes_and_photos_on_both_sides(tmp_path, sides):
    a, b = sides
    note = " ".join(f"woord{i}" for i in range(6000)) + " EINDE-A"
    assess(a.review, "STR-PART-01", Verdict.MEETS, notes=note)
    assess(b.review, "STR-PART-01", Verdict.PARTLY, measure="Kort.")
    for doc, colour in ((a, "red"), (b, "blue")):
        assessment = doc.review.assessments["OR-HOF-01"]
        doc.review.assessments["OR-HOF-01"] = assessment.model_copy(
            update={"photos": [PhotoRef(name="hof.jpg", caption=f"Hof {colour}")]}
        )
        doc.attachments["hof.jpg"] = jpeg(2400, 1800, colour=colour)
    steps = []
    out = export_workshop_report(
        a, b, tmp_path / "lang.pdf", progress=lambda done, total: steps.append((done, total))
    )
    text = body_text(out)
    # beside the other side's text the lines interleave: check every word, in order
    assert re.findall(r"woord\d+", text) == [f"woord{i}" for i in range(6000)]
    assert "EINDE-A" in text
    text = squeezed(text)
    assert "Foto1:Hofred" in text and "Foto2:Hofblue" in text
    assert steps[-1][0] == steps[-1][1] and len(steps) > 5
    sizes = []
    for page in PdfReader(out).pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            sizes.append(max(int(ref.get_object()["/Width"]), int(ref.get_object()["/Height"])))
    assert len(sizes) == 2 and max(sizes) <= 1200  # both sides' photos, downscaled


def test_a_long_unbroken_word_is_laid_out_once_not_once_per_page(tmp_path, sides, monkeypatch):
    """A table cell split over pages must not lay out the rest of its text again at
    every page end: for one long word that made the report quadratic in its length
    (200,000 characters: 72 s). Counted, not timed: how many of the word's characters
    reportlab breaks into lines (tests/benchmarks has the time)."""
    from reportlab.platypus.paragraph import Paragraph

    a, b = sides
    word = "ж" * 19_900  # a letter no other text in the report has; notes stop at 20,000
    assess(a.review, "STR-PART-01", Verdict.MEETS, notes=f"begin {word} einde")
    assess(b.review, "STR-PART-01", Verdict.PARTLY, measure="Kort.")
    conclusion = JointConclusion(criterion_id="STR-PART-01", note=f"samen {word} klaar")
    laid_out = [0]
    break_lines = Paragraph.breakLines

    def counting(self, widths):  # type: ignore[no-untyped-def]
        laid_out[0] += sum(getattr(f, "text", "").count("ж") for f in self.frags)
        return break_lines(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    out = export_workshop_report(
        a, b, tmp_path / "woord.pdf", conclusions={"STR-PART-01": conclusion}
    )
    text = squeezed(body_text(out))
    assert text.count("ж") == 2 * len(word)  # nothing lost (side B's lines interleave
    assert "жeinde" in text and f"samen{word}klaar" in text  # on the first page)
    assert laid_out[0] <= 3 * 2 * len(word)  # before: 25 times, growing with the pages


def test_different_checklist_versions_are_a_warning_on_the_cover(tmp_path, sides):
    a, b = sides
    b.review.checklist = b.review.checklist.model_copy(update={"version": "0.2"})
    out = export_workshop_report(a, b, tmp_path / "w.pdf")
    cover = " ".join(pdf_pages(out)[0].split())
    assert (
        "Let op De beoordelingen gebruiken verschillende versies van het toetskader "
        "(0.1 en 0.2)" in cover
    )


def test_a_tension_pair_taller_than_a_page_splits(tmp_path, sides):
    a, b = sides
    measure = "Een lange maatregel voor de hof. " * 200 + "EINDEMAATREGEL"
    assess(a.review, "OR-SPEEL-01", Verdict.FAILS, measure=measure)
    assess(b.review, "OR-HOF-01", Verdict.FAILS, measure=measure)
    out = export_workshop_report(a, b, tmp_path / "tall.pdf")
    assert "EINDEMAATREGEL" in pdf_text(out)


# ----------------------------------------------------------------- failures


def test_a_failing_progress_callback_stops_the_export_unchanged(tmp_path, sides):
    class Stop(Exception):
        pass

    def progress(done, total):
        if done == 2:
            raise Stop

    out = tmp_path / "x.pdf"
    with pytest.raises(Stop):
        export_workshop_report(*sides, out, progress=progress)
    assert not out.exists()


def test_reviews_of_different_plans_are_a_report_error(tmp_path, sides):
    a, b = sides
    identity = b.review.plan.identity.model_dump() | {"name": "Ander plan"}
    b.review.plan = b.review.plan.model_copy(update={"identity": PlanIdentity(**identity)})
    out = tmp_path / "x.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ReportError, match="different plans"):
        export_workshop_report(a, b, out)
    assert out.read_bytes() == b"old"  # left as it was


def test_conclusion_on_unknown_criterion_is_a_report_error(tmp_path, sides):
    a, b = sides
    wrong = JointConclusion(criterion_id="XX-01", verdict=Verdict.MEETS)
    with pytest.raises(ReportError, match="unknown criterion"):
        export_workshop_report(a, b, tmp_path / "x.pdf", conclusions={"XX-01": wrong})


# ----------------------------------------------------------------- .workshop and CLI


def test_workshop_file_round_trip_through_reviewer_report(tmp_path, sides, capsys):
    a, b = sides
    workshop = new_workshop(a.review, b.review, title="Werksessie <Merelhof>")
    workshop.participants = "Politie & gemeente"
    workshop.conclusions = {"OR-HOF-01": CONCLUSION}
    path = tmp_path / "merelhof.workshop"
    save_workshop(WorkshopDocument.from_reviews(a, b, workshop), path)

    out = tmp_path / "werksessie.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: workshop report written"
    text = pdf_text(out)
    assert "Werksessie <Merelhof>" in text and "Politie & gemeente" in text
    assert "Wie: Woonstichting De Linie" in text

    renamed = tmp_path / "werksessie.zip"  # recognised by its content, not its name
    renamed.write_bytes(path.read_bytes())
    assert main(["report", str(renamed), "-o", str(out), "--lang", "en"]) == 0
    assert "Who acts: Woonstichting De Linie" in pdf_text(out)

    assert main(["report", str(path), "-o", str(out), "--only-findings"]) == 2
    assert "not for a workshop" in capsys.readouterr().err

    direct = export_workshop_file_report(path, tmp_path / "direct.pdf")
    assert "Gezamenlijke conclusie" in pdf_text(direct)


def test_compare_writes_the_workshop_report(tmp_path, sides, capsys):
    paths = [tmp_path / "a.review", tmp_path / "b.review"]
    for doc, path in zip(sides, paths, strict=True):
        save_review(doc, path)
    out = tmp_path / "compare.pdf"
    assert main(["compare", *map(str, paths), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: workshop report written"
    assert "OR-SPEEL-01 ↔ OR-HOF-01" in pdf_text(out)


# ----------------------------------------------------------------- revisions


@pytest.fixture
def revisions(tmp_path, plan, checklist):
    old = new_review(plan, checklist, "safety", Reviewer(name="J. de Vries"))
    assess(old, "OR-HOF-01", Verdict.FAILS, measure="Poort plaatsen")
    assess(old, "STR-PART-01", Verdict.MEETS)
    assess(old, "GEB-ENTREE-01", Verdict.FAILS)
    identity = plan.identity.model_dump() | {"revision": "DO-1"}
    new_plan = plan.model_copy(update={"identity": PlanIdentity(**identity)})
    new = new_review(new_plan, checklist, "safety", Reviewer(name="J. de Vries"))
    assess(new, "OR-HOF-01", Verdict.MEETS, notes="Poort <b>geplaatst</b> & verlicht")
    assess(new, "STR-PART-01", Verdict.FAILS, measure="Bewonersavond organiseren")
    assess(new, "GEB-ENTREE-01", Verdict.FAILS, measure="Entree B splitsen")
    return ReviewDocument(old), ReviewDocument(new)


def test_revision_report_lists_what_was_resolved(tmp_path, revisions):
    old, new = revisions
    out = export_revision_report(old, new, tmp_path / "rev.pdf")
    text = pdf_text(out)
    assert "Vergelijking van revisies" in text
    assert "VO-1 · J. de Vries" in text and "DO-1 · J. de Vries" in text
    resolved = text[text.index("Opgelost (1)") : text.index("Nieuw (1)")]
    assert "OR-HOF-01" in resolved
    assert "voldoet niet voldoet" in resolved  # was, now
    assert "Toelichting: Poort <b>geplaatst</b> & verlicht" in resolved
    assert "Aanbevolen maatregel: Bewonersavond organiseren" in text
    still_open = text[text.index("Nog open (") :]
    assert "GEB-ENTREE-01" in still_open and "Entree B splitsen" in still_open
    assert "pagina 1 van" in text


def test_an_unchanged_verdict_with_other_edits_is_shown_in_full(tmp_path, revisions, capsys):
    old, new = revisions
    assess(old.review, "OR-LICHT-01", Verdict.MEETS, notes="Lantaarns om de 20 m")
    assess(new.review, "OR-LICHT-01", Verdict.MEETS, notes="Lantaarns om de 12 m")
    assess(old.review, "OR-SPEEL-01", Verdict.MEETS, notes="Speelplek bij de hof")
    assess(new.review, "OR-SPEEL-01", Verdict.MEETS, notes="  Speelplek bij de hof ")  # spaces only
    text = pdf_text(export_revision_report(old, new, tmp_path / "rev.pdf", lang="en"))
    unchanged = text[text.index("Unchanged (") :]
    # in the full table, with the new notes and what else changed
    assert "OR-LICHT-01" in unchanged and "Lantaarns om de 12 m" in unchanged
    assert "Also changed: notes" in unchanged
    assert "Speelplek bij de hof" not in unchanged  # white space is no change: listed compactly
    paths = [tmp_path / "old.review", tmp_path / "new.review"]
    for doc, path in zip(revisions, paths, strict=True):
        save_review(doc, path)
    assert main(["compare", *map(str, paths), "--revisions", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("OR-LICHT-01" in line and "(+ notes)" in line for line in lines)
    assert not any("OR-SPEEL-01" in line for line in lines)


def test_compare_revisions_json_and_pdf(tmp_path, revisions, capsys):
    paths = [tmp_path / "old.review", tmp_path / "new.review"]
    for doc, path in zip(revisions, paths, strict=True):
        save_review(doc, path)
    assert main(["compare", *map(str, paths), "--revisions", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {item["criterion"]: item for item in data["items"]}
    assert by_id["OR-HOF-01"] == {
        "criterion": "OR-HOF-01",
        "old": "fails",
        "new": "meets",
        "status": "resolved",
        "edits": ["notes", "measure"],  # notes added, the measure gone
    }
    assert data["counts"]["resolved"] == 1 and data["counts"]["new"] == 1
    out = tmp_path / "rev.pdf"
    assert main(["compare", *map(str, paths), "--revisions", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: revision report written"
    assert "Opgelost (1)" in pdf_text(out)
    assert main(["compare", *map(str, paths), "--revisions", "--lang", "en"]) == 0
    assert "resolved     OR-HOF-01" in capsys.readouterr().out


# ----------------------------------------------------------------- for a municipal reader


def _workshop_file(sides, **details):
    from reviewer.domain.review import MeasureKind, Participant

    a, b = sides
    workshop = new_workshop(a.review, b.review)
    workshop.chair = "Ans de Vries"
    workshop.place = "Zwolle"
    workshop.attendees = [
        Participant(name="Ans <b>& de Vries", role="voorzitter", organisation="Gemeente"),
        Participant(name="J. de Vries", role="adviseur", organisation="Politie & Co"),
    ]
    workshop.participants = "Afgemeld: <i>architect</i>"
    workshop.conclusions["OR-HOF-01"] = CONCLUSION.changed(
        due_stage="final_design", measure_kind=MeasureKind.CONDITION
    )
    workshop.conclusions["STR-PART-01"] = JointConclusion(
        criterion_id="STR-PART-01", measure="Bewonersavond <organiseren>"
    )
    for key, value in details.items():
        setattr(workshop, key, value)
    return WorkshopDocument(workshop, a.attachments, b.attachments)


def test_first_page_has_chair_attendance_and_decisions_with_owner_and_deadline(tmp_path, sides):
    out = export_workshop_file_report(_workshop_file(sides), tmp_path / "ws.pdf")
    pages = [" ".join(p.split()) for p in pdf_pages(out)]
    cover = pages[0]
    assert "Datum en plaats" in cover and ", Zwolle Voorzitter Ans de Vries" in cover
    assert "Voorzitter Ans de Vries" in cover
    # the attendance list: name, role, organisation; user text printed literally
    assert "Aanwezig Naam Rol Organisatie Ans <b>& de Vries voorzitter Gemeente" in cover
    assert "J. de Vries adviseur Politie & Co" in cover
    assert "Opmerking: Afgemeld: <i>architect</i>" in cover
    # the joint decisions, numbered, with owner, deadline and what they become
    decisions = cover[cover.index("Gezamenlijke besluiten") :]
    assert "Nr. Besluit Eigenaar Termijn In beide adviezen als" in decisions
    assert "OR-HOF-01 Hof overdag open, 's nachts dicht Woonstichting" in decisions
    assert "vóór het definitief ontwerp voorwaarde" in decisions
    assert "Bewonersavond <organiseren> nog niet bepaald geen termijn aanbeveling" in decisions
    # the words, and no statistic before the appendix
    assert "Op 3 van de 5 criteria die beide invalshoeken beoordeelden" in cover
    body = " ".join(pages[:-1])
    assert "kappa" not in body.replace("met de gewogen kappa, staan in de bijlage", "")
    assert "lineair gewogen" in pages[-1] and "berekend over 5 criteria" in pages[-1]
    # the joint conclusion on the conflict's card says the deadline and what it becomes
    text = pdf_text(out)
    assert "Termijn: vóór het definitief ontwerp" in text
    assert "In beide adviezen als: voorwaarde" in text


def test_english_first_page_and_appendix(tmp_path, sides):
    out = export_workshop_file_report(_workshop_file(sides), tmp_path / "ws.pdf", lang="en")
    pages = [" ".join(p.split()) for p in pdf_pages(out)]
    assert "Date and place" in pages[0] and "Chair Ans de Vries" in pages[0]
    assert "Present Name Role Organisation Ans <b>& de Vries" in pages[0]
    assert (
        "On 3 of the 5 criteria assessed from both perspectives, the two reached the same "
        "verdict. On 1 criterion the verdicts are opposed" in pages[0]
    )
    assert "In both reviews as" in pages[0] and "before the final design" in pages[0]
    assert "Appendix: agreement in figures" in pages[-1]
    assert "(linear weights), over 5 criteria" in pages[-1]


@pytest.mark.parametrize(
    ("agree", "n", "nl", "en"),
    [
        (0, 0, "Geen enkel criterium is vanuit beide", "No criterion was assessed from both"),
        (
            1,
            1,
            "één criterium en kwamen daarop tot hetzelfde",
            "one criterion and reached the same",
        ),
        (
            0,
            1,
            "één criterium en kwamen daarop tot een ander",
            "one criterion and reached different",
        ),
        (2, 2, "Op alle 2 criteria", "On all 2 criteria"),
        (0, 2, "Op geen van de 2 criteria", "On none of the 2 criteria"),
        (1, 2, "Op 1 van de 2 criteria", "On 1 of the 2 criteria"),
    ],
)
def test_agreement_in_words_agrees_in_number(sides, agree, n, nl, en):
    from reviewer.domain.compare import Comparison, ComparisonItem
    from reviewer.report.workshop_report import WorkshopReport

    a, b = sides
    workshop = new_workshop(a.review, b.review)
    items = [
        ComparisonItem(f"C{i}", Verdict.MEETS, Verdict.MEETS, ItemStatus.AGREE, 0)
        for i in range(agree)
    ] + [
        ComparisonItem(f"D{i}", Verdict.MEETS, Verdict.PARTLY, ItemStatus.DIFFER, 1)
        for i in range(n - agree)
    ]
    comparison = Comparison(items, [], [], [], None, n, None, n)
    for lang, expected in (("nl", nl), ("en", en)):
        report = WorkshopReport(workshop, comparison, ({}, {}), lang=lang)
        words = " ".join(report.agreement_sentences())
        assert words.startswith(expected) or (n == 1 and expected in words), words
        if n - agree == 1 and n > 1:
            assert "Bij 1 criterium liggen" in words or "On 1 criterion the verdicts" in words


# ----------------------------------------------------------------- plan differences


def _differing_workshop(plan_data, checklist) -> WorkshopDocument:
    """Two reviews whose facts differ (entrance B's dwellings, gallery G1's length on A
    only, a measuring point on B only, a location in hostile text) and whose addresses differ, made
    into a workshop after the person confirmed they are of one plan."""
    import copy

    from reviewer.domain.plan import Plan

    data_b = copy.deepcopy(plan_data)
    data_b["identity"]["address"] = "Merelhof 3"
    data_b["entrances"][1]["dwellings_served"] = 9
    del data_b["galleries"][0]["length_m"]
    data_b["lighting"][0]["location"] = "<b>Hof & steeg"
    data_b["lighting"].append({"id": "L2", "eh_avg_lx": 1})
    a = new_review(Plan.model_validate(plan_data), checklist, "safety")
    b = new_review(Plan.model_validate(data_b), checklist, "cohesion")
    workshop = new_workshop(a, b, same_plan_confirmed=True)
    return WorkshopDocument.from_reviews(ReviewDocument(a), ReviewDocument(b), workshop)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_plan_differences_section_and_the_cards_that_rest_on_them(
    tmp_path, plan_data, checklist, lang
):
    document = _differing_workshop(plan_data, checklist)
    comparison = document.workshop.comparison()
    # entrance B: 14 dwellings on A fails, 9 on B meets: a conflict from the facts
    assert comparison.item("GEB-ENTREE-01").status is ItemStatus.CONFLICT
    out = export_workshop_file_report(document, tmp_path / f"ws-{lang}.pdf", lang=lang)
    text = pdf_text(out)
    words = {
        "en": {
            "heading": "Plan differences",
            "rows": ["Entrance B dwellings 14 9", "Gallery G1 length 70 m not given"],
            "present": "Measuring point L2 not in the plan in the plan",
            "address": "address Merelhof 1 Merelhof 3",
            "note": "Rests on differing plan facts: Entrance B: dwellings (A 14, B 9).",
            "warning": "name the plan differently (address ‘Merelhof 1’ and ‘Merelhof 3’)",
        },
        "nl": {
            "heading": "Planverschillen",
            "rows": ["Entree B woningen 14 9", "Galerij G1 lengte 70 m niet ingevuld"],
            "present": "Meetpunt L2 niet in het plan in het plan",
            "address": "adres Merelhof 1 Merelhof 3",
            "note": "Rust op plangegevens die verschillen: Entree B: woningen (A 14, B 9).",
            "warning": "noemen het plan verschillend (adres ‘Merelhof 1’ en ‘Merelhof 3’)",
        },
    }[lang]
    assert words["heading"] in text
    for row in words["rows"]:
        assert row in text, row
    assert words["present"] in text and words["address"] in text
    assert words["warning"] in text
    # the conflict's card says it rests on facts that differ
    assert words["note"] in text
    # the section comes before the conflicts: settle the facts first
    assert text.index(words["heading"] + " ") < text.index("GEB-ENTREE-01")
    # a plan's text goes through the escaping like any other: shown, not obeyed
    assert "Achterpad <b>Hof & steeg" in text
