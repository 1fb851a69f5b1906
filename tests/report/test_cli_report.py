"""`reviewer report` end to end, through reviewer.cli.main."""

from __future__ import annotations

from reviewer.cli import main
from reviewer.storage.review_file import save_review
from tests.report.conftest import pdf_text


def test_report_command_writes_the_pdf(tmp_path, document, capsys):
    review = tmp_path / "merelhof.review"
    save_review(document, review)
    out = tmp_path / "merelhof.pdf"
    argv = ["report", str(review), "-o", str(out), "--lang", "en", "--include-guidance"]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == f"{out}: report written"
    text = pdf_text(out)
    assert "Guidance: Few dwellings." in text
    assert "Entrance B: 14 dwellings; norm: at most 10" in text

    assert main(["report", str(review), "-o", str(out), "--only-findings"]) == 0
    text = pdf_text(out)
    assert "Bijlage 1 — Bevindingen" in text
    assert "Openbare verlichting" not in text

    assert main(["report", str(review), "-o", str(out), "--all-criteria"]) == 0
    assert "Openbare verlichting" in pdf_text(out)


def test_report_errors_are_one_line_with_status_2(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["report", str(tmp_path / "missing.review"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: ") and "missing.review" in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_report_into_missing_folder(tmp_path, document, capsys):
    review = tmp_path / "a.review"
    save_review(document, review)
    assert main(["report", str(review), "-o", str(tmp_path / "no" / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and err.count("\n") == 1
