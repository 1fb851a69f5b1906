"""The advice letter, read back with pypdf: the first page a municipality reads, the
numbered conditions and recommendations, the signature block's place for a signer, the
organisation profile, and the bundled examples."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.dossier import Addressee, Contact, Dossier, ReviewedDocument
from reviewer.domain.organisation import Organisation
from reviewer.domain.review import MeasureKind, OutcomeChoice
from reviewer.paths import EXAMPLES
from reviewer.report import ReportError, export_report
from reviewer.report.review_report import ReviewReport
from reviewer.storage.organisation import (
    BUNDLED,
    FILE_NAME,
    OrganisationProfile,
    load_organisation_file,
)
from reviewer.storage.review_file import load_review
from tests.report.conftest import pdf_pages, pdf_text

POLICE = BUNDLED / "politie-voorbeeld.yaml"


@pytest.fixture
def police():
    return load_organisation_file(POLICE)


def dossier(**changes) -> Dossier:
    data = {
        "reference": "PMN/BPA/2026-0042",
        "place": "Utrecht",
        "dispatch_date": date(2026, 11, 20),
        "addressee": Addressee(
            name="mevrouw A. Jansen",
            organisation="Gemeente Utrecht",
            address="Postbus 16200\n3500 CE Utrecht",
        ),
        "subject": "Advies sociale veiligheid Merelhof (VO-1)",
        "request": "Naar aanleiding van uw verzoek van 3 november 2026.",
        "documents": [ReviewedDocument(number="A-101", title="Begane grond", revision="VO-1")],
        "contact": Contact(name="J. de Vries", phone="0900-8844"),
        "distribution": ["Woonstichting De Linie"],
        "next_step": "Wij ontvangen graag het definitief ontwerp.",
    }
    return Dossier(**(data | changes))


def first_page(out) -> str:
    return " ".join(pdf_pages(out)[0].split())


def test_first_page_shows_addressee_reference_date_subject_and_outcome(tmp_path, document, police):
    document.review.dossier = dossier()
    out = export_report(document, tmp_path / "brief.pdf", organisation=police)
    page = first_page(out)
    for expected in (
        "Politie Oost-Nederland",
        "Team bouwplanadvisering Zwolle",
        "mevrouw A. Jansen Gemeente Utrecht Postbus 16200 3500 CE Utrecht",
        "Ons kenmerk PMN/BPA/2026-0042",
        "Datum Utrecht, 20 november 2026",
        "Onderwerp Advies sociale veiligheid Merelhof (VO-1)",
        "Behandeld door J. de Vries, telefoon 0900-8844",
        "Geachte mevrouw A. Jansen,",
        "Naar aanleiding van uw verzoek van 3 november 2026.",
        "Negatief advies",
    ):
        assert expected in page, expected
    text = pdf_text(out)
    assert "Wij ontvangen graag het definitief ontwerp." in text
    assert "A-101 Begane grond VO-1" in text
    assert "Dit advies geldt alleen voor de hieronder genoemde stukken." in text
    assert "Afschrift aan Woonstichting De Linie" in text
    assert "Dit advies is niet bindend." in text
    assert "Met vriendelijke groet," in text
    assert "Bouwplanadviseur politie" in text  # the profile's role for safety


def test_conditions_and_recommendations_are_numbered_separately(tmp_path, document, police):
    review = document.review
    entree = review.assessments["GEB-ENTREE-01"]
    review.assessments["GEB-ENTREE-01"] = entree.changed(
        measure_kind=MeasureKind.CONDITION, actor="architect", due_stage="final_design"
    )
    out = export_report(document, tmp_path / "brief.pdf", organisation=police)
    text = pdf_text(out)
    assert "Voorwaarden" in text and "Aanbevelingen" in text
    assert (
        "V1 Splits de entree in twee portieken. uit te voeren door architect · uiterlijk "
        "in het definitief ontwerp · GEB-ENTREE-01 in bijlage 1"
    ) in text
    assert "V2 " not in text
    assert "A1 " in text  # the recommendations start at 1 again
    assert "Voorwaarde V1 in de brief" in text  # appendix 1 says what it became


def test_an_outcome_the_adviser_chose_prints_the_reason(tmp_path, document, police):
    document.review.outcome_choice = OutcomeChoice(
        result=OutcomeResult.POSITIVE, reason="De gemeente <b>regelt</b> entree B apart & snel."
    )
    out = export_report(document, tmp_path / "brief.pdf", organisation=police)
    page = first_page(out)
    assert "Volgens de regels van de toetslijst zou de uitkomst ‘Negatief advies’ zijn." in page
    assert "De gemeente <b>regelt</b> entree B apart & snel." in page


def test_hostile_dossier_text_is_printed_literally(tmp_path, document, police):
    document.review.dossier = dossier(
        addressee=Addressee(name="<b>& Zn", organisation='<font size="40">Gemeente'),
        subject="Onderwerp <b>vet</b> & <i>schuin",
        distribution=["<img src='/etc/passwd'/>"],
    )
    out = export_report(document, tmp_path / "brief.pdf", organisation=police)
    page = first_page(out)
    assert "<b>& Zn" in page
    assert '<font size="40">Gemeente' in page
    assert "Onderwerp <b>vet</b> & <i>schuin" in page
    assert "<img src='/etc/passwd'/>" in pdf_text(out)


def test_letter_without_dossier_details_or_profile_still_renders(tmp_path, document):
    out = export_report(
        document, tmp_path / "kaal.pdf", organisation=OrganisationProfile(Organisation(), tmp_path)
    )
    page = first_page(out)
    assert "Geachte heer, mevrouw," in page
    assert "Onderwerp Advies sociale veiligheid bouwplan Testplan Merelhof" in page
    text = pdf_text(out)
    for absent in ("Ons kenmerk", "Afschrift aan", "Beoordeelde stukken", "Vervolg"):
        assert absent not in text, absent
    assert "J. de Vries" in text  # the reviewer signs when the profile names nobody


def test_english_letter(tmp_path, document, police):
    document.review.dossier = dossier()
    out = export_report(document, tmp_path / "letter.pdf", lang="en", organisation=police)
    page = first_page(out)
    for expected in (
        "Our reference PMN/BPA/2026-0042",
        "Date Utrecht, 20 November 2026",
        "Dear mevrouw A. Jansen,",
        "Conclusion",
        "Negative advice",
    ):
        assert expected in page, expected
    text = pdf_text(out)
    assert "Yours sincerely," in text
    assert "Copy to Woonstichting De Linie" in text
    assert "This advice is not binding." in text


def test_the_signature_box_lies_on_the_letters_last_page(tmp_path, document, police):
    document.review.dossier = dossier()
    boxes = []

    def sign(pdf: bytes, box):
        boxes.append(box)
        return pdf + b"%signed\n"

    out = export_report(document, tmp_path / "brief.pdf", organisation=police, sign=sign)
    assert out.read_bytes().endswith(b"%signed\n")  # what the signer returns is written
    (box,) = boxes
    pages = pdf_pages(out)
    last = next(i for i, text in enumerate(pages) if "Met vriendelijke groet," in text)
    assert "Bijlage 1 — Bevindingen" in pages[last + 1]
    assert box.page == last
    width, height = (float(v) for v in PdfReader(out).pages[last].mediabox[2:])
    x1, y1, x2, y2 = box.box
    assert 0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height
    assert x2 - x1 > 100 and y2 - y1 > 30  # room for a visible signature


def test_a_failing_signer_leaves_no_file(tmp_path, document, police):
    out = tmp_path / "brief.pdf"

    def broken(pdf, box):
        raise ValueError("wrong passphrase")

    with pytest.raises(ReportError, match="wrong passphrase"):
        export_report(document, out, organisation=police, sign=broken)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_users_profile_is_used_and_a_broken_one_is_ignored(tmp_path, document, monkeypatch):
    import reviewer.storage.organisation as storage

    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setattr(storage, "config_dir", lambda: folder)
    storage.save_organisation(Organisation(name="Gemeente Voorbeeldstad"), folder=folder)
    assert "Gemeente Voorbeeldstad" in first_page(export_report(document, tmp_path / "a.pdf"))
    (folder / FILE_NAME).write_text("name: [not, a, name]\n", encoding="utf-8")
    assert "Gemeente Voorbeeldstad" not in first_page(export_report(document, tmp_path / "b.pdf"))


def test_signature_box_is_exposed_on_the_story(document, police):
    story = ReviewReport(
        document.review, {}, lang="nl", include_guidance=False, only_findings=False,
        organisation=police,
    )  # fmt: skip
    assert story.signature_box is None
    story.render()
    assert story.signature_box is not None and story.signature_box.page == 0


@pytest.mark.parametrize("name", ["galerijflat-veiligheid", "hofblok-veiligheid"])
def test_bundled_examples_give_a_letter(tmp_path, name, police):
    doc = load_review(EXAMPLES / f"{name}.review")
    out = export_report(doc, tmp_path / f"{name}.pdf", organisation=police)
    page = first_page(out)
    dossier = doc.review.dossier
    for expected in (
        dossier.addressee.name,
        dossier.reference,
        dossier.subject,
        f"{dossier.place}, ",
        "advies",
    ):
        assert expected in page, expected
    text = pdf_text(out)
    if name == "hofblok-veiligheid":
        assert "Positief advies onder voorwaarden" in page
        assert "V1 De pui van E4 naar voren brengen" in text
        assert "Studio Hofland architecten · uiterlijk in het bestek / technisch ontwerp" in text
    assert "A1 " in text
    # the letter is one to three pages: appendix 1 starts on page 4 at the latest
    pages = pdf_pages(out)
    starts = next(i for i, p in enumerate(pages) if "Bijlage 1 — Bevindingen" in p)
    assert starts <= 3, f"the letter runs to {starts} pages"
    if name == "galerijflat-veiligheid":  # 47 recommendations: the rest by number
        assert "Daarnaast doen wij nog" in text and "bijlage 1" in text


def test_number_ranges_read_as_runs():
    from reviewer.report.labels import number_ranges

    assert number_ranges("A", [7, 2, 3, 4, 9, 10]) == "A2–A4, A7, A9–A10"
    assert number_ranges("R", [5]) == "R5"


def test_their_reference_and_the_addressees_department_are_in_both_letters(
    tmp_path, document, police
):
    from reviewer.report import export_docx

    document.review.dossier = dossier()
    document.review.dossier.their_reference = "Z/26/118"
    document.review.dossier.addressee.department = "afdeling Vergunningen"
    page = first_page(export_report(document, tmp_path / "brief.pdf", organisation=police))
    assert "Uw kenmerk Z/26/118" in page
    assert "Gemeente Utrecht afdeling Vergunningen Postbus 16200" in page
    import docx

    word = docx.Document(str(export_docx(document, tmp_path / "b.docx", organisation=police)))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "afdeling Vergunningen" in text and "Z/26/118" in cells
