"""The advice letter as a Word document, read back with python-docx: the same conclusion,
conditions and recommendations as the advice model (and so as the PDF), in Word's own
headings and numbered lists, with the logo, and unbroken by hostile text."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from docx.oxml.ns import qn
from PIL import Image

from reviewer.cli import main
from reviewer.domain.advice import build_advice
from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.dossier import Addressee, Contact, Dossier, ReviewedDocument
from reviewer.domain.organisation import Organisation
from reviewer.domain.review import MeasureKind, OutcomeChoice
from reviewer.paths import RESOURCES
from reviewer.report import ReportError, export_docx
from reviewer.storage import organisation as organisation_storage
from reviewer.storage.organisation import OrganisationProfile
from reviewer.storage.review_file import ReviewDocument, load_review, save_review

EXAMPLE = RESOURCES / "examples" / "hofblok-veiligheid.review"
CONDITIONS = ["Entree B splitsen in twee portieken van zeven woningen", "Etalage in de bergingen"]
RECOMMENDATIONS = ["Poort overdag <b>open</b> & dicht bij nacht", "Bewoners betrekken bij de hof"]


def png(width: int = 300, height: int = 100) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def advised(review):
    """The conftest review with two conditions and two recommendations."""
    updates = {
        "GEB-ENTREE-01": dict(
            measure=CONDITIONS[0],
            measure_kind=MeasureKind.CONDITION,
            actor="architect",
            due_stage="final_design",
        ),
        "GEB-PLINT-01": dict(
            measure=CONDITIONS[1], measure_kind=MeasureKind.CONDITION, actor="corporatie"
        ),
        "OR-HOF-01": dict(measure=RECOMMENDATIONS[0], measure_kind=MeasureKind.RECOMMENDATION),
        "STR-PART-01": dict(measure=RECOMMENDATIONS[1]),
    }
    for cid, update in updates.items():
        review.assessments[cid] = review.assessments[cid].changed(**update)
    return review


@pytest.fixture
def profile(tmp_path):
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "logo.png").write_bytes(png())
    organisation = Organisation(
        name="Politie Oost-Nederland",
        unit="Team bouwplanadvisering Zwolle",
        postal_address="Postbus 10000\n8000 AA Zwolle",
        logo="logo.png",
        signatory="Marieke Hofstra",
    )
    return OrganisationProfile(organisation, folder)


@pytest.fixture(autouse=True)
def no_user_profile(tmp_path, monkeypatch):
    """Never the real configuration folder: an empty one unless a test writes a profile."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setattr(organisation_storage, "config_dir", lambda: folder)
    return folder


def export(review, tmp_path, name="letter.docx", **kwargs):
    out = export_docx(ReviewDocument(review), tmp_path / name, **kwargs)
    return docx.Document(str(out))


def num_id(paragraph) -> int | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return ppr.numPr.numId.val


def numbered(document) -> list[tuple[int, str]]:
    """(Word numbering instance, first line) of every List Number paragraph, in order."""
    return [
        (num_id(p), p.text.split("\n")[0])
        for p in document.paragraphs
        if p.style.name == "List Number"
    ]


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def all_text(document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_holds_the_advice_conclusion_conditions_and_recommendations(
    tmp_path, advised, profile, lang
):
    advice = build_advice(advised)
    assert [i.measure for i in advice.conditions] == CONDITIONS
    assert [i.measure for i in advice.recommendations] == RECOMMENDATIONS
    document = export(advised, tmp_path, lang=lang, organisation=profile)

    texts = [p.text for p in document.paragraphs]
    assert advice.conclusion.get(lang) in texts

    items = numbered(document)
    assert [text for _n, text in items] == CONDITIONS + RECOMMENDATIONS
    condition_ids = {n for n, _t in items[:2]}
    recommendation_ids = {n for n, _t in items[2:]}
    # two lists, each one Word numbering instance, each restarting at 1
    assert len(condition_ids) == 1 and len(recommendation_ids) == 1
    assert condition_ids != recommendation_ids and None not in condition_ids | recommendation_ids
    numbering = document.part.numbering_part.element
    for n in condition_ids | recommendation_ids:
        start = numbering.num_having_numId(n).find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"

    # who acts and by which stage, in words
    first = next(p.text for p in document.paragraphs if p.text.startswith(CONDITIONS[0]))
    stage = "definitief ontwerp" if lang == "nl" else "final design"
    assert "architect" in first and stage in first and "GEB-ENTREE-01" in first


def test_headings_are_word_headings(tmp_path, advised, profile):
    document = export(advised, tmp_path, organisation=profile)
    level1 = headings(document, 1)
    for title in (
        "Aanleiding",
        "Conclusie",
        "Voorwaarden",
        "Aanbevelingen",
        "Bijlage 1 – Bevindingen",
    ):
        assert title in level1
    for p in document.paragraphs:
        if p.style.name.startswith("Heading"):
            assert p.style.builtin  # Word's own style: it shows in the navigation pane
    assert "GEB-ENTREE-01 Maximaal tien woningen per entree" in headings(document, 2)


def test_the_logo_is_an_inline_picture_and_the_letterhead_names_the_unit(
    tmp_path, advised, profile
):
    document = export(advised, tmp_path, organisation=profile)
    shapes = document.inline_shapes
    assert len(shapes) == 1 and shapes[0].type == WD_INLINE_SHAPE.PICTURE
    head = document.paragraphs[1].text.split("\n")
    assert head == [
        "Politie Oost-Nederland",
        "Team bouwplanadvisering Zwolle",
        "Postbus 10000",
        "8000 AA Zwolle",
    ]
    text = all_text(document)
    # the review's adviser signs; the profile's disclaimer is printed
    assert "J. de Vries\nbouwplanadviseur\nTeam bouwplanadvisering Zwolle" in text
    assert profile.organisation.disclaimer.nl in text


def test_without_a_logo_or_with_a_broken_one_the_letter_is_still_made(tmp_path, advised, profile):
    for broken in (b"not an image", png()[:30]):
        (profile.folder / "logo.png").write_bytes(broken)
        document = export(advised, tmp_path, organisation=profile)
        assert len(document.inline_shapes) == 0
        assert document.paragraphs[0].text.startswith("Politie Oost-Nederland")
    bare = OrganisationProfile(Organisation(), tmp_path)
    assert len(export(advised, tmp_path, organisation=bare).inline_shapes) == 0


def test_hostile_text_is_printed_as_typed_and_breaks_nothing(tmp_path, advised, profile):
    long_note = "lang " * 3999 + "eind"
    assert len(long_note) <= 20_000
    entree = advised.assessments["GEB-ENTREE-01"]
    advised.assessments["GEB-ENTREE-01"] = entree.changed(
        notes="Entree <b>B</b> & C\x00 met een \x07bel\x1b[31m\r\nnieuwe regel",
        justification="",
    )
    hof = advised.assessments["OR-HOF-01"]
    advised.assessments["OR-HOF-01"] = hof.changed(notes=long_note)
    advised.dossier = Dossier(
        reference="<kenmerk>&\x01",
        subject="Plan ]]> <w:p/> &amp;",
        distribution=["Smit & Zn <architecten>"],
    )
    document = export(advised, tmp_path, organisation=profile)
    text = all_text(document)
    assert "Entree <b>B</b> & C met een bel[31m\nnieuwe regel" in text
    assert "<kenmerk>&" in text and "Plan ]]> <w:p/> &amp;" in text
    assert "Smit & Zn <architecten>" in text
    assert long_note in text
    assert RECOMMENDATIONS[0] in text  # a measure with markup, as typed


def test_english(tmp_path, advised, profile):
    document = export(advised, tmp_path, lang="en", organisation=profile)
    level1 = headings(document, 1)
    assert "Conditions" in level1 and "Recommendations" in level1
    assert "Appendix 1 – Findings" in level1
    text = all_text(document)
    assert "Our reference" not in text  # no reference in this review's dossier
    assert "Yours sincerely," in text and "To be done by: architect" in text
    assert document.core_properties.language == "en-GB"


def test_appendix_1_lists_the_findings_with_their_numbers(tmp_path, advised, profile):
    advice = build_advice(advised)
    document = export(advised, tmp_path, organisation=profile)
    appendix = headings(document, 2)
    assert [h.split(" ")[0] for h in appendix] == [c.id for c, _a in advice.findings]
    text = all_text(document)
    assert "Oordeel: voldoet niet" in text
    seen = "\n".join(e.text.nl for e in advised.assessments["GEB-ENTREE-01"].evidence)
    assert (
        seen
        == "Entree A: 8 woningen; norm: ten hoogste 10\nEntree B: 14 woningen; norm: ten hoogste 10"
    )
    assert f"Wat is gezien:\n{seen}" in text
    assert f"Maatregel (voorwaarde 1): {CONDITIONS[0]}" in text
    assert f"Maatregel (aanbeveling 2): {RECOMMENDATIONS[1]}" in text

    every = export(advised, tmp_path, "all.docx", all_criteria=True, organisation=profile)
    assert len(headings(every, 2)) == len(build_advice(advised, all_criteria=True).findings)
    assert len(headings(every, 2)) > len(appendix)


def test_dossier_details_and_the_advisers_chosen_outcome(tmp_path, advised, profile):
    advised.dossier = Dossier(
        reference="BPA-2026-117",
        place="Zwolle",
        dispatch_date=date(2026, 11, 3),
        addressee=Addressee(
            name="Mw. A. Jansen",
            organisation="Gemeente Zwolle",
            address="Postbus 1\n8000 GA Zwolle",
        ),
        subject="Advies sociale veiligheid Merelhof",
        request="Uw verzoek van 1 november 2026.",
        documents=[
            ReviewedDocument(number="A-101", title="Begane grond", date="1-10-2026", revision="B")
        ],
        contact=Contact(name="J. de Vries", phone="0900-8844", email="jdv@example.nl"),
        distribution=["Woonstichting De Hof", "Architectenbureau Rietvink"],
        next_step="Wij ontvangen graag het definitief ontwerp ter toetsing van de voorwaarden.",
    )
    advised.outcome_choice = OutcomeChoice(
        result=OutcomeResult.POSITIVE, reason="De corporatie heeft de splitsing toegezegd."
    )
    advice = build_advice(advised)
    assert advice.outcome.is_chosen
    document = export(advised, tmp_path, organisation=profile)
    text = all_text(document)
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert rows["Ons kenmerk"] == "BPA-2026-117"
    assert rows["Datum"] == "3 november 2026"
    assert rows["Onderwerp"] == "Advies sociale veiligheid Merelhof"
    assert rows["Behandeld door"] == "J. de Vries, 0900-8844, jdv@example.nl"
    assert "Mw. A. Jansen\nGemeente Zwolle\nPostbus 1\n8000 GA Zwolle" in text
    assert "Uw verzoek van 1 november 2026." in text
    assert advice.conclusion.nl in text
    assert "De corporatie heeft de splitsing toegezegd." in text
    assert "Vervolg" in headings(document, 1)
    assert ["A-101", "Begane grond", "1-10-2026", "B"] in [
        [c.text for c in r.cells] for r in document.tables[1].rows
    ]
    assert "Zwolle, 3 november 2026" in text
    assert "Woonstichting De Hof" in text and "Afschrift aan:" in text


def test_a_review_without_dossier_details_or_adviser_still_exports(tmp_path, review):
    review.reviewer.name = ""
    review.reviewer.role = ""
    document = export(review, tmp_path)  # the (empty) user profile from the config folder
    rows = {r.cells[0].text for r in document.tables[0].rows}
    assert rows == {"Datum", "Onderwerp"}
    assert build_advice(review).conclusion.nl in all_text(document)
    assert len(document.inline_shapes) == 0


def test_the_users_profile_is_read_and_a_broken_one_is_left_out(tmp_path, advised, no_user_profile):
    organisation_storage.save_organisation(
        Organisation(name="Gemeente Deventer", logo="l.png"),
        {"l.png": png()},
        folder=no_user_profile,
    )
    document = export(advised, tmp_path)
    assert "Gemeente Deventer" in all_text(document)
    assert len(document.inline_shapes) == 1
    (no_user_profile / "organisation.yaml").write_text("name: [unclosed\n")
    document = export(advised, tmp_path)
    assert "Gemeente Deventer" not in all_text(document)


def test_the_bundled_example_exports_with_the_same_advice(tmp_path):
    doc = load_review(EXAMPLE)
    advice = build_advice(doc.review)
    out = export_docx(doc, tmp_path / "hofblok.docx")
    document = docx.Document(str(out))
    items = numbered(document)
    expected = [i.text("nl") for i in advice.conditions + advice.recommendations]
    assert [text for _n, text in items] == [e.split("\n")[0] for e in expected]
    assert advice.conclusion.nl in [p.text for p in document.paragraphs]
    assert len(headings(document, 2)) == len(advice.findings)


def test_failures_are_one_line_and_leave_the_old_file(tmp_path, advised, monkeypatch):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    from reviewer.report import docx_letter

    def broken(self):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(docx_letter.LetterWriter, "render", broken)
    with pytest.raises(ReportError, match=r"^the Word document could not be made: boom$"):
        export_docx(ReviewDocument(advised), target)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.glob(".letter.docx*")) == []
    with pytest.raises(ReportError, match="does not exist"):
        export_docx(ReviewDocument(advised), tmp_path / "no" / "x.docx")
    with pytest.raises(ReportError, match="unknown report language 'de'"):
        export_docx(ReviewDocument(advised), target, lang="de")
    with pytest.raises(ReportError, match="missing.review"):
        export_docx(tmp_path / "missing.review", target)


def test_report_command_writes_the_word_letter(tmp_path, advised, capsys):
    review = tmp_path / "merelhof.review"
    save_review(ReviewDocument(advised), review)
    out = tmp_path / "merelhof.docx"
    assert main(["report", str(review), "-o", str(out), "--lang", "en", "--all-criteria"]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: Word document written"
    document = docx.Document(str(out))
    assert [t for _n, t in numbered(document)] == CONDITIONS + RECOMMENDATIONS
    assert "Appendix 1 – Findings" in headings(document, 1)

    workshop = tmp_path / "session.workshop"
    workshop.write_bytes(b"")
    assert main(["report", str(workshop), "-o", str(tmp_path / "w.docx")]) == 2
    err = capsys.readouterr().err
    assert "Word export is for reviews" in err and err.count("\n") == 1
    assert not (tmp_path / "w.docx").exists()


def test_python_docx_is_not_loaded_at_start_up():
    probe = (
        "import sys, reviewer.report, reviewer.cli; "
        "print(any(m == 'docx' or m.startswith('docx.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_letter_is_a_valid_zip_with_the_document_part(tmp_path, advised):
    import zipfile

    out = export_docx(ReviewDocument(advised), tmp_path / "x.docx")
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)
    assert Path(out).suffix == ".docx"


def test_word_and_pdf_hold_the_same_conclusion_conditions_and_recommendations(tmp_path, profile):
    """The bundled courtyard-block advice, exported both ways and read back."""
    from reviewer.report import export_report
    from tests.report.conftest import pdf_text

    doc = load_review(RESOURCES / "examples" / "hofblok-veiligheid.review")
    word = docx.Document(str(export_docx(doc, tmp_path / "a.docx", organisation=profile)))
    pdf = " ".join(pdf_text(export_report(doc, tmp_path / "a.pdf", organisation=profile)).split())
    advice = build_advice(doc.review)
    listed = [text for _num, text in numbered(word)]
    expected = [i.text("nl") for i in advice.conditions + advice.recommendations]
    assert advice.conditions and listed == expected
    assert " ".join(advice.conclusion.nl.split()) in pdf
    assert advice.conclusion.nl in "\n".join(p.text for p in word.paragraphs)
    for text in expected:  # the PDF letter wraps lines: compare with spaces normalised
        assert " ".join(text.split()) in pdf, text
