"""The PDF assessment report, read back with pypdf: what it says, in which language, how
it treats hostile and enormous text, its fonts and photos, and how it fails."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from reviewer.domain.plan import PlanIdentity
from reviewer.domain.review import PhotoRef
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.domain.verdict import Verdict
from reviewer.report import ReportError, export_report
from reviewer.report.labels import format_date
from reviewer.report.photos import MAX_SIDE
from reviewer.storage.review_file import ReviewDocument, save_review
from tests.report.conftest import HOSTILE, body_text, jpeg, pdf_pages, pdf_text, squeezed


@pytest.fixture
def pdf(tmp_path, document):
    out = export_report(document, tmp_path / "advies.pdf")
    assert out == tmp_path / "advies.pdf"
    return out


def images(path):
    """(width, height) of every image XObject on every page."""
    found = []
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append((int(obj["/Width"]), int(obj["/Height"])))
    return found


def with_identity(document, **fields):
    plan = document.review.plan
    identity = plan.identity.model_dump() | fields
    document.review.plan = plan.model_copy(update={"identity": PlanIdentity(**identity)})
    return document


# ----------------------------------------------------------------- content


def test_letter_names_plan_reviewer_date_and_outcome(tmp_path, document):
    with_identity(
        document,
        client="Woonstichting De Linie",
        architect="Atelier Noord",
        phase="Voorlopig ontwerp",
    )
    document.review.reviewer.organisation = "Politie Midden-Nederland"
    out = export_report(document, tmp_path / "a.pdf")
    letter = " ".join(pdf_pages(out)[0].split())
    for expected in (
        "Testplan Merelhof (Merelhof 1, Utrecht)",
        "Voorlopig ontwerp",
        format_date(document.review.modified, "nl"),  # no dispatch date: the review's
        "Negatief advies.",  # the checklist's outcome sentence
    ):
        assert expected in letter, expected
    text = pdf_text(out)
    for expected in ("Woonstichting De Linie", "Atelier Noord", "J. de Vries", "bouwplanadviseur"):
        assert expected in text, expected


def test_every_criterion_and_rule_evidence_appears_once(tmp_path, document):
    out = export_report(document, tmp_path / "all.pdf", all_criteria=True)
    text = pdf_text(out)
    review = document.review
    for criterion in review.criteria():
        if review.in_scope(criterion) or review.assessments[criterion.id].verdict.is_assessed:
            assert criterion.title.nl in text, criterion.id
            assert criterion.id in text
    shown = [
        e.text.nl
        for c in review.criteria()
        if review.in_scope(c) or review.assessments[c.id].verdict.is_assessed
        for e in review.assessments[c.id].evidence
    ]
    for evidence in set(shown):
        assert text.count(evidence) == shown.count(evidence), evidence
    assert text.count("Entree B: 14 woningen; norm: ten hoogste 10") == 1
    assert text.count("Merelstraat: 30 van 100 m blinde plint (30 %); norm: ten hoogste 25 %") == 1


def test_conclusion_counts_failing_requirements_and_progress(pdf, document):
    from reviewer.domain.outcome import compute_outcome

    outcome = compute_outcome(document.review)
    letter = " ".join(pdf_pages(pdf)[0].split())
    assert "Conclusie" in letter
    n = len(outcome.failing_requirements)
    assert n == 1
    assert "Het plan voldoet niet aan 1 eis van de toetslijst." in letter
    assert f"Beoordeeld: {outcome.assessed} van de {outcome.applicable} criteria" in letter


def test_findings_carry_notes_measure_reason_and_justification(pdf):
    text = pdf_text(pdf)
    assert "Entree B bedient veertien woningen." in text
    assert "Maatregel: Splits de entree in twee portieken." in text
    assert "prioriteit hoog" in text
    assert "De bergingen krijgen een glazen pui." in text
    assert "Motivering: Het bestemmingsplan schrijft bergingen aan de straat voor." in text
    assert "voldoet gedeeltelijk" in text


def test_english_report(tmp_path, document):
    out = export_report(document, tmp_path / "en.pdf", lang="en")
    pages = pdf_pages(out)
    text = " ".join(" ".join(pages).split())
    assert "Advice on social safety: building plan Testplan Merelhof" in text
    assert "Negative advice." in text
    assert "Entrance B: 14 dwellings; norm: at most 10" in text
    assert "Measure:" in text
    assert "Yours sincerely," in text
    assert "Appendix 1 — Findings" in text
    assert "Toelichting" not in text
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page


def test_every_page_but_the_letters_first_has_header_and_page_x_of_y(pdf):
    pages = pdf_pages(pdf)
    assert len(pages) == len(PdfReader(pdf).pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page
        assert ("Testplan Merelhof (VO-1)" in page) is (number > 1)  # page 1: the letterhead


def test_outline_has_the_parts_of_the_report(pdf):
    titles = [item.title for item in PdfReader(pdf).outline if not isinstance(item, list)]
    assert titles == ["Adviesbrief", "Bijlage 1 — Bevindingen",
                      "Bijlage 2 — Plangegevens en toetsing"]  # fmt: skip


def test_only_findings_leaves_out_what_meets(tmp_path, document):
    review = document.review
    out = export_report(document, tmp_path / "f.pdf", only_findings=True)
    text = pdf_text(out)
    for criterion in review.criteria():
        verdict = review.assessments[criterion.id].verdict
        if verdict in (Verdict.PARTLY, Verdict.FAILS):
            assert criterion.title.nl in text, criterion.id
        elif verdict is Verdict.MEETS:
            assert criterion.title.nl not in text, criterion.id
    assert "Meetpunt L1" not in text  # the lighting rule is met: not in the facts either
    full = pdf_text(export_report(document, tmp_path / "all.pdf"))
    assert "Openbare verlichting" in full and "Meetpunt L1" in full


def test_guidance_and_source_only_on_request(tmp_path, document):
    plain = pdf_text(export_report(document, tmp_path / "plain.pdf"))
    guided = pdf_text(
        export_report(document, tmp_path / "guided.pdf", include_guidance=True, all_criteria=True)
    )
    assert "Weinig woningen per entree." not in plain
    assert "Leidraad: Weinig woningen per entree." in guided
    assert "Bron: Essay" in guided
    # OR-HOF-01 (safety) pulls against the cohesion-only OR-SPEEL-01
    assert "Staat op gespannen voet met: OR-SPEEL-01" in guided


# ----------------------------------------------------------------- hostile text


def test_markup_in_user_text_is_printed_literally(tmp_path, document):
    with_identity(document, name="Plan <b>Noord</b> & Zuid", architect='<font size="40">A')
    document.review.reviewer.name = "<i>J. de Vries"
    out = export_report(document, tmp_path / "h.pdf")
    text = pdf_text(out)
    for line in HOSTILE:
        assert line in text, line
    assert "Foto 2: Portiek <b>boven</b> & onder" in text
    assert "Plan <b>Noord</b> & Zuid" in text
    assert '<font size="40">A' in text
    assert "<i>J. de Vries" in text
    reader = PdfReader(out)
    assert not any("/Annots" in page for page in reader.pages)  # no link from <a href>
    assert len(images(out)) == 2  # only the two photos, nothing from <img src>


def test_control_characters_and_lone_surrogates_do_not_break_the_report(tmp_path, document):
    assessment = document.review.assessments["OR-HOF-01"]
    document.review.assessments["OR-HOF-01"] = assessment.model_copy(
        update={"notes": "nul\x00 bel\x07 tab\there \ud800 form\x0cfeed\r\nnext line \u2028 end"}
    )
    text = pdf_text(export_report(document, tmp_path / "c.pdf"))
    assert "nul bel tab here \ufffd formfeed next line end" in text


def test_enormous_note_and_unbroken_word_wrap_without_loss(tmp_path, document):
    sentence = "Dit is een lange zin over de entree en het zicht op straat. "
    note = (sentence * 900)[:50_000] + " EINDE-VAN-DE-NOTITIE"
    word = "x" * 3000
    a = document.review.assessments["STR-PART-01"]
    document.review.assessments["STR-PART-01"] = a.model_copy(
        update={"notes": note, "measure": f"begin {word} einde"}
    )
    caption_word = "y" * 3000
    b = document.review.assessments["OR-HOF-01"]
    document.review.assessments["OR-HOF-01"] = b.model_copy(
        update={
            "override_reason": "",
            "justification": word,
            "photos": [PhotoRef(name="p1.jpg", caption=caption_word)],
        }
    )
    with_identity(document, name="Plan " + "z" * (MAX_NAME_CHARS - 5))  # the longest allowed
    out = export_report(document, tmp_path / "long.pdf")
    pages = pdf_pages(out)
    assert len(pages) > 12
    text = squeezed(body_text(out))
    assert "EINDE-VAN-DE-NOTITIE" in text
    assert squeezed(note) in text  # all 50,000 characters, in order
    assert f"begin{word}einde" in text
    assert caption_word in text
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page


def test_cells_taller_than_a_page_split_instead_of_failing(tmp_path, checklist_data, plan_data):
    """Text that ends up in table cells (evidence naming an owner, a criterion title, the
    reviewer on the cover and signature block) may be longer than a page: a checklist's
    title can, names and owners only up to the model's limit, the longest tried here."""
    from reviewer.domain.checklist import checklist_from_data
    from reviewer.domain.plan import Plan
    from reviewer.domain.review import Reviewer, new_review

    owner = ("Woonstichting " + "Vogelbuurt " * 800)[:MAX_NAME_CHARS].strip()
    plan_data["outdoor_spaces"] = [{"id": "S1", "type": "play_area", "area_m2": 200}] + [
        {"id": f"T{i}", "type": "green", "owner": owner, "area_m2": 10} for i in range(3)
    ]
    plan_data["identity"]["client"] = owner
    criteria = checklist_data["sections"][1]["criteria"]
    criteria.append(
        {
            "id": "OR-EIGEN-01",
            "title": {"nl": "Eigenaar " + "benoemd " * 900, "en": "Owner named"},
            "guidance": {"nl": "Iemand.", "en": "Someone."},
            "perspectives": ["safety"],
            "level": "requirement",
            "source": {"nl": "SBD", "en": "SBD"},
            "rule": {
                "kind": "each",
                "applies_to": "outdoor_spaces",
                "all_of": [{"fact": "owner", "op": "set"}],
            },
        }
    )
    checklist_data["sections"][1]["title"] = {"nl": "Openbare " * 300, "en": "Public"}
    review = new_review(
        Plan.model_validate(plan_data),
        checklist_from_data(checklist_data),
        "safety",
        Reviewer(name=("J. " + "de Vries " * 900)[:MAX_NAME_CHARS], role="adviseur"),
    )
    out = export_report(ReviewDocument(review), tmp_path / "tall.pdf", include_guidance=True)
    text = squeezed(body_text(out))
    assert squeezed(owner) in text
    assert len(pdf_pages(out)) > 6


def test_tiny_layout_error_is_a_report_error(tmp_path, document, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from reviewer.report import review_report

    def explode(self):
        raise LayoutError("Flowable too large on page 3")

    monkeypatch.setattr(review_report.ReviewReport, "story", explode)
    with pytest.raises(ReportError, match="could not be laid out: Flowable too large"):
        export_report(document, tmp_path / "x.pdf")


# ----------------------------------------------------------------- fonts and photos


def test_only_embedded_dejavu_fonts(pdf):
    for page in PdfReader(pdf).pages:
        fonts = [ref.get_object() for ref in page["/Resources"]["/Font"].values()]
        assert fonts
        for font in fonts:
            assert "DejaVuSans" in font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # the TrueType program is in the file


def test_photos_are_embedded_downscaled_with_captions(pdf, document):
    sizes = images(pdf)
    assert len(sizes) == 2
    big = next(size for size in sizes if size[0] > size[1])
    assert max(big) <= MAX_SIDE
    assert big[0] / big[1] == pytest.approx(4000 / 3000, rel=0.01)
    assert (900, 1200) in sizes  # small enough already: embedded as it was
    assert PdfReader(pdf).stream.seek(0, io.SEEK_END) < 1_000_000
    text = pdf_text(pdf)
    assert "Foto 1: Entree B vanaf de straat" in text


def test_photo_upright_from_exif_orientation(tmp_path, document):
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90° clockwise to view
    document.attachments["p1.jpg"] = jpeg(4000, 3000, exif=exif.tobytes())
    out = export_report(document, tmp_path / "exif.pdf")
    assert any(w < h and max(w, h) <= MAX_SIDE for w, h in images(out) if (w, h) != (900, 1200))


def test_unreadable_photo_is_reported_in_its_place(tmp_path, document):
    document.attachments["p2.jpg"] = b"\xff\xd8 this is not really a jpeg"
    out = export_report(document, tmp_path / "bad.pdf")
    text = pdf_text(out)
    assert "Foto p2.jpg kan niet worden getoond" in text
    assert "Foto 2: Portiek" in text
    assert len(images(out)) == 1


def test_missing_photo_bytes_are_a_report_error(tmp_path, document):
    del document.attachments["p2.jpg"]
    with pytest.raises(ReportError, match="p2.jpg"):
        export_report(document, tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


# ----------------------------------------------------------------- export contract


def test_reads_a_review_file(tmp_path, document):
    path = tmp_path / "plan.review"
    save_review(document, path)
    out = export_report(str(path), str(tmp_path / "from-file.pdf"), lang="en")
    assert "Entrance B: 14 dwellings; norm: at most 10" in pdf_text(out)


def test_progress_is_reported_until_done(tmp_path, document):
    calls: list[tuple[int, int]] = []
    export_report(document, tmp_path / "p.pdf", progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    total = calls[-1][1]
    assert {t for _, t in calls} == {total}
    assert done == sorted(done) and calls[-1] == (total, total)
    sections = len(document.review.checklist.sections)
    assert len(calls) >= len(document.attachments) + sections


def test_failed_export_leaves_the_old_file(tmp_path, document, monkeypatch):
    from reviewer.report import review_report

    out = tmp_path / "advies.pdf"
    out.write_bytes(b"old advice")

    def broken(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(review_report.ReviewReport, "render", broken)
    with pytest.raises(ReportError, match="disk on fire"):
        export_report(document, out)
    assert out.read_bytes() == b"old advice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advies.pdf"]  # no temp left


def test_exception_from_progress_callback_propagates_and_keeps_old_file(tmp_path, document):
    out = tmp_path / "advies.pdf"
    out.write_bytes(b"old advice")

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done > 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_report(document, out, progress=cancel)
    assert out.read_bytes() == b"old advice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advies.pdf"]


def test_replaces_an_existing_report(tmp_path, document):
    out = tmp_path / "advies.pdf"
    out.write_bytes(b"old advice")
    export_report(document, out)
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("source", "output", "kwargs", "message"),
    [
        ("doc", "missing-folder/out.pdf", {}, "does not exist"),
        ("doc", ".", {}, "it is a folder"),
        ("nothing.review", "out.pdf", {}, "nothing.review"),
        ("doc", "out.pdf", {"lang": "de"}, "unknown report language 'de'"),
    ],
)
def test_clear_errors(tmp_path, document, source, output, kwargs, message):
    src = document if source == "doc" else tmp_path / source
    with pytest.raises(ReportError, match=re.escape(message)):
        export_report(src, tmp_path / output, **kwargs)


def test_importing_the_package_does_not_load_reportlab():
    import subprocess
    import sys

    probe = (
        "import sys, reviewer.report; print(any(m.startswith('reportlab') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_review_without_photos_or_reviewer_details(tmp_path, review):
    review.reviewer.name = ""
    review.reviewer.role = ""
    out = export_report(ReviewDocument(review), tmp_path / "bare.pdf", lang="en")
    text = pdf_text(out)
    assert "Yours sincerely," in text
    assert "Building-plan adviser" in text  # no role anywhere: the default for safety
    assert images(out) == []
