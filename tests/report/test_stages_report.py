"""The report of a later stage, read back: each measure with its status (who, when) and
where it was carried from, the earlier reviews of the plan, and every measure's history."""

from __future__ import annotations

from datetime import date

from reviewer.domain.next_stage import next_review
from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind
from reviewer.domain.stages import MeasureStatus
from reviewer.paths import EXAMPLE_REVIEW
from reviewer.report import export_report
from reviewer.storage.review_file import document_with, load_review
from tests.report.conftest import pdf_text

CID = "SB-ZICHT-01"


def _handover():
    doc = load_review(EXAMPLE_REVIEW)
    review = doc.review
    review.assessments[CID] = review.assessments[CID].changed(
        measure="Keukenraam <b>aan</b> de galerij & zicht op straat.",
        measure_kind=MeasureKind.CONDITION,
        actor="architect",
        due_stage=Stage.FINAL_DESIGN,
    )
    do = next_review(review, stage=Stage.FINAL_DESIGN, file_name="merelhof-vo.review").review
    do.assessments[CID] = do.assessments[CID].with_status(
        MeasureStatus.PROCESSED, by="M. Hofstra", on=date(2027, 3, 12)
    )
    ho = next_review(do, stage=Stage.HANDOVER, file_name="merelhof-do.review").review
    ho.assessments[CID] = ho.assessments[CID].with_status(
        MeasureStatus.VERIFIED, by="J. de Vries", on=date(2027, 9, 1)
    )
    return document_with(ho, doc.attachments)


def test_handover_report_lists_the_carried_condition_as_verified(tmp_path):
    out = export_report(_handover(), tmp_path / "oplevering.pdf")
    text = pdf_text(out)
    assert (
        "V1 Keukenraam <b>aan</b> de galerij & zicht op straat. uit te voeren door architect · "
        "uiterlijk in het definitief ontwerp · status: gecontroleerd bij oplevering "
        "(1 september 2027, J. de Vries) · overgenomen uit het definitief ontwerp"
    ) in text
    assert "Eerdere beoordelingen van dit plan" in text
    assert "Voorlopig ontwerp: " in text and "Definitief ontwerp: " in text
    assert "(merelhof-vo.review)" in text and "(merelhof-do.review)" in text
    history = text[text.index("Maatregelen en hun status") :]
    assert "V1 · SB-ZICHT-01" in history
    assert "afgesproken in het voorlopig ontwerp" in history
    assert "verwerkt in de tekeningen: 12 maart 2027, M. Hofstra" in history
    assert "gecontroleerd bij oplevering: 1 september 2027, J. de Vries" in history


def test_english_report_and_a_withdrawn_measure_with_its_reason(tmp_path):
    doc = _handover()
    a = doc.review.assessments["SB-ENTREE-01"]
    doc.review.assessments["SB-ENTREE-01"] = a.with_status(
        MeasureStatus.WITHDRAWN, by="J. de Vries", on=date(2027, 9, 2), reason="Entree C vervalt"
    )
    out = export_report(doc, tmp_path / "handover.pdf", lang="en")
    text = pdf_text(out)
    assert "status: verified at handover (1 September 2027, J. de Vries)" in text
    history = text[text.index("Measures and their status") :]
    assert "withdrawn: 2 September 2027, J. de Vries — Entree C vervalt" in history


def test_a_first_review_has_no_stage_sections(tmp_path):
    out = export_report(load_review(EXAMPLE_REVIEW), tmp_path / "vo.pdf")
    text = pdf_text(out)
    assert "Eerdere beoordelingen" not in text and "Maatregelen en hun status" not in text
    assert "status:" not in text


def test_the_word_letter_says_the_status_too(tmp_path, monkeypatch):
    import docx

    from reviewer.report import export_docx
    from reviewer.storage import organisation as organisation_storage

    monkeypatch.setattr(organisation_storage, "config_dir", lambda: tmp_path / "config")
    out = export_docx(_handover(), tmp_path / "oplevering.docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert (
        "Status: gecontroleerd bij oplevering (1 september 2027, J. de Vries); "
        "overgenomen uit het definitief ontwerp"
    ) in text
