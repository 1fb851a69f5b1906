"""Signing the advice and checking it: a throw-away self-signed certificate made here,
signatures checked with pyHanko (reviewer.report.signing.verify_pdf) and with poppler's
pdfsig, tampering found by both, and the command line's errors one line with no PDF
left behind."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from reviewer.cli import main
from reviewer.report.errors import ReportError, SigningError
from reviewer.report.signature_box import FIELD_NAME, SignatureBox
from reviewer.report.signing import load_signer, make_signer, verify_pdf
from reviewer.storage.review_file import save_review

SIGNER = "Anna de Vries"
PASSPHRASE = b"correct horse"
PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed")


# ----------------------------------------------------------------------- fixtures


def _certificate(key, common_name: str, *, days: int = 30, start_days: int = -1):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # non-repudiation: what a signature on a document needs
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=start_days))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )


def _p12(path: Path, key, cert, passphrase: bytes | None) -> Path:
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"test", key, cert, None, encryption))
    return path


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def cert(key):
    return _certificate(key, SIGNER)


@pytest.fixture
def p12(tmp_path, key, cert) -> Path:
    """A throw-away certificate with its key, protected by PASSPHRASE."""
    return _p12(tmp_path / "adviseur.p12", key, cert, PASSPHRASE)


@pytest.fixture
def passphrase_file(tmp_path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_bytes(PASSPHRASE + b"\n")  # as an editor saves it: one newline at the end
    return path


def small_pdf(pages: int = 2) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=0)
    for number in range(1, pages + 1):
        pdf.drawString(72, 720, f"Advies, pagina {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def signed(tmp_path, p12) -> Path:
    sign = make_signer(p12, PASSPHRASE, reason="Advies over het bouwplan", location="Zwolle")
    out = tmp_path / "signed.pdf"
    out.write_bytes(sign(small_pdf(), SignatureBox(page=1, box=(320, 90, 520, 150))))
    return out


def pdfsig(path: Path) -> str:
    result = subprocess.run(
        [PDFSIG, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return result.stdout + result.stderr


def flip_signed_byte(path: Path) -> None:
    """Change one digit of the creation date: inside the signed range, still a readable PDF."""
    data = bytearray(path.read_bytes())
    at = data.index(b"/CreationDate (D:") + len(b"/CreationDate (D:") + 3
    data[at] = ord("1") if data[at] != ord("1") else ord("2")
    path.write_bytes(bytes(data))


# ----------------------------------------------------------------------- signing


def test_a_signed_pdf_verifies_with_pyhanko(signed):
    result = verify_pdf(signed)
    assert result.signer == SIGNER
    assert result.intact and result.problem is None
    assert not result.trusted and result.trust_note == "the certificate is self-signed"
    assert result.signing_time is not None
    assert abs(dt.datetime.now(dt.UTC) - result.signing_time) < dt.timedelta(minutes=5)
    assert result.reason == "Advies over het bouwplan"
    assert result.location == "Zwolle"
    assert result.signatures == 1


def test_the_signature_is_trusted_when_its_root_is_given(tmp_path, signed, cert):
    root = tmp_path / "root.pem"
    root.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    result = verify_pdf(signed, trust=[root])
    assert result.intact and result.trusted and result.trust_note is None


@needs_pdfsig
def test_pdfsig_finds_the_signature_valid_and_covering_the_document(signed):
    out = pdfsig(signed)
    assert f"Signature Field Name: {FIELD_NAME}" in out
    assert f"Signer Certificate Common Name: {SIGNER}" in out
    assert "Signature Type: ETSI.CAdES.detached" in out  # PAdES
    assert "Signature Validation: Signature is Valid." in out
    assert "- Total document signed" in out


def test_the_signature_field_is_visible_on_the_box(signed):
    from pypdf import PdfReader

    reader = PdfReader(signed)
    widgets = [
        annot.get_object()
        for number, page in enumerate(reader.pages)
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/T") == FIELD_NAME and number == 1
    ]
    assert len(widgets) == 1
    widget = widgets[0]
    assert widget["/Subtype"] == "/Widget" and widget["/FT"] == "/Sig"
    assert [float(v) for v in widget["/Rect"]] == [320, 90, 520, 150]
    assert "/AP" in widget  # it has an appearance: the stamp with the signer's name
    assert not reader.pages[0].get("/Annots")


def test_without_a_box_the_signature_is_invisible(tmp_path, p12):
    from pypdf import PdfReader

    out = tmp_path / "invisible.pdf"
    out.write_bytes(make_signer(p12, PASSPHRASE)(small_pdf(), None))
    fields = PdfReader(out).get_fields()
    assert FIELD_NAME in fields
    widget = next(
        a.get_object()
        for page in PdfReader(out).pages
        for a in page.get("/Annots", [])
        if a.get_object().get("/T") == FIELD_NAME
    )
    rect = [float(v) for v in widget["/Rect"]]
    assert rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0
    assert verify_pdf(out).intact


def test_signing_is_an_incremental_update(p12):
    pdf = small_pdf()
    signed = make_signer(p12, PASSPHRASE)(pdf, None)
    assert signed.startswith(pdf)  # the report's own bytes are untouched


def test_a_certificate_without_passphrase_and_an_ec_key(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    p12 = _p12(tmp_path / "open.p12", key, _certificate(key, "Bram Łukasz"), None)
    out = tmp_path / "ec.pdf"
    out.write_bytes(make_signer(p12, None)(small_pdf(1), SignatureBox(0, (72, 72, 272, 132))))
    result = verify_pdf(out)
    assert result.intact and result.signer == "Bram Łukasz"


def test_a_box_outside_the_report_is_refused(p12):
    sign = make_signer(p12, PASSPHRASE)
    with pytest.raises(SigningError, match="on page 5, but the report has 2 pages"):
        sign(small_pdf(), SignatureBox(4, (0, 0, 10, 10)))


# ----------------------------------------------------------------------- tampering


def test_one_changed_byte_is_found_by_both(signed):
    flip_signed_byte(signed)
    result = verify_pdf(signed)
    assert not result.intact
    assert result.problem == "the signed content was changed after signing"
    assert result.signer == SIGNER
    if PDFSIG:
        out = pdfsig(signed)
        assert "Signature Validation: Digest Mismatch." in out
        assert "Signature is Valid." not in out


def test_bytes_added_after_signing_are_found_by_both(signed):
    signed.write_bytes(signed.read_bytes() + b"\n% added after signing\n")
    result = verify_pdf(signed)
    assert not result.intact
    assert result.problem.startswith("content was added after signing")
    if PDFSIG:
        out = pdfsig(signed)
        assert "- Not total document signed" in out
        assert "- Total document signed" not in out


def test_an_incremental_update_after_signing_is_a_change(signed):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    signed.write_bytes(out.getvalue())
    result = verify_pdf(signed)
    assert not result.intact and "added after signing" in result.problem


# ----------------------------------------------------------------------- certificates


def test_wrong_passphrase(p12):
    with pytest.raises(SigningError, match=f"^the passphrase does not open {p12}$"):
        load_signer(p12, b"wrong")
    with pytest.raises(SigningError, match="is protected by a passphrase, and none was given"):
        load_signer(p12, None)


def test_a_certificate_without_its_key(tmp_path, cert):
    p12 = _p12(tmp_path / "only-cert.p12", None, cert, None)
    with pytest.raises(SigningError, match="only-cert.p12 holds no private key"):
        load_signer(p12, None)


def test_a_file_that_is_not_pkcs12(tmp_path):
    fake = tmp_path / "fake.p12"
    fake.write_bytes(small_pdf(1))
    with pytest.raises(SigningError, match="fake.p12 is not a PKCS#12 certificate file"):
        load_signer(fake, None)
    with pytest.raises(SigningError, match="cannot read"):
        load_signer(tmp_path / "missing.p12", None)


def test_an_expired_certificate(tmp_path, key):
    old = _certificate(key, SIGNER, start_days=-60, days=-1)
    p12 = _p12(tmp_path / "old.p12", key, old, None)
    with pytest.raises(SigningError, match="old.p12 expired on"):
        load_signer(p12, None)


def test_signing_error_is_a_report_error():
    assert issubclass(SigningError, ReportError)


# ----------------------------------------------------------------------- verifying


def test_an_unsigned_or_damaged_file(tmp_path):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(small_pdf(1))
    with pytest.raises(SigningError, match=f"^{plain} carries no signature$"):
        verify_pdf(plain)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    with pytest.raises(SigningError, match="cannot be read as a PDF"):
        verify_pdf(broken)
    with pytest.raises(SigningError, match="cannot read"):
        verify_pdf(tmp_path / "missing.pdf")


# ----------------------------------------------------------------------- command line


@pytest.fixture
def review_file(tmp_path, document) -> Path:
    path = tmp_path / "merelhof.review"
    save_review(document, path)
    return path


def test_report_sign_and_verify_end_to_end(tmp_path, review_file, p12, passphrase_file, capsys):
    out = tmp_path / "advies.pdf"
    argv = ["report", str(review_file), "-o", str(out), "--sign", str(p12)]
    assert main([*argv, "--passphrase-file", str(passphrase_file)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: report written and signed"

    assert main(["verify", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{out}: signed by {SIGNER}"
    assert lines[1].startswith("  signing time: ") and lines[1].endswith(" UTC")
    assert lines[2] == "  unchanged:    yes, exactly as signed"
    assert lines[3] == "  trusted:      no (the certificate is self-signed)"

    assert main(["verify", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["signer"] == SIGNER and data["unchanged"] is True and data["trusted"] is False
    assert data["reason"] == "Advies over het bouwplan"
    dt.datetime.fromisoformat(data["signing_time"])

    if PDFSIG:
        report = pdfsig(out)
        assert "Signature Validation: Signature is Valid." in report
        assert "- Total document signed" in report

    flip_signed_byte(out)
    assert main(["verify", str(out)]) == 1
    assert "unchanged:    NO: the signed content was changed" in capsys.readouterr().out
    if PDFSIG:
        assert "Signature Validation: Digest Mismatch." in pdfsig(out)


def _left_behind(folder: Path, before: set[str]) -> set[str]:
    return {p.name for p in folder.iterdir()} - before


@pytest.mark.parametrize("case", ["wrong passphrase", "no key", "no passphrase", "not pkcs12"])
def test_report_sign_errors_are_one_line_and_leave_nothing(
    tmp_path, review_file, p12, cert, case, capsys, monkeypatch
):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: nobody to ask
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    certificate, extra = p12, ["--passphrase-file", str(wrong)]
    expected = f"reviewer: the passphrase does not open {p12}"
    if case == "no key":
        certificate, extra = _p12(tmp_path / "only-cert.p12", None, cert, None), []
        expected = f"reviewer: {certificate} holds no private key, so it cannot sign"
    elif case == "no passphrase":
        extra = []
        expected = f"reviewer: {p12} is protected by a passphrase, and none was given"
    elif case == "not pkcs12":
        certificate, extra = review_file, []
        expected = f"reviewer: {review_file} is not a PKCS#12 certificate file (.p12 or .pfx)"
    before = {p.name for p in tmp_path.iterdir()}
    out = tmp_path / "advies.pdf"
    argv = ["report", str(review_file), "-o", str(out), "--sign", str(certificate), *extra]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == expected + "\n"
    assert captured.out == ""
    assert _left_behind(tmp_path, before) == set()  # no PDF, no temporary file


def test_a_failing_signature_leaves_the_old_pdf_as_it_was(tmp_path, review_file, capsys):
    from reviewer.report import export_report

    out = tmp_path / "advies.pdf"
    out.write_bytes(b"the previous advice")
    before = {p.name for p in tmp_path.iterdir()}

    def failing(data: bytes, box: SignatureBox | None) -> bytes:
        raise SigningError("the card was pulled out")

    with pytest.raises(SigningError, match="the card was pulled out"):
        export_report(review_file, out, sign=failing)
    assert out.read_bytes() == b"the previous advice"
    assert _left_behind(tmp_path, before) == set()


def test_the_signer_gets_the_finished_pdf(tmp_path, review_file):
    from reviewer.report import export_report

    seen = []

    def spy(data: bytes, box: SignatureBox | None) -> bytes:
        seen.append((data, box))
        return data + b"% signed\n"

    out = export_report(review_file, tmp_path / "advies.pdf", sign=spy)
    (data, _box), *rest = seen  # the box: None until the letter lays one out
    assert not rest and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert out.read_bytes() == data + b"% signed\n"


def test_passphrase_file_keeps_all_but_one_trailing_newline(
    tmp_path, key, cert, review_file, capsys
):
    p12 = _p12(tmp_path / "spaces.p12", key, cert, b" two words \n")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b" two words \n\n")
    out = tmp_path / "advies.pdf"
    argv = ["report", str(review_file), "-o", str(out), "--sign", str(p12)]
    assert main([*argv, "--passphrase-file", str(secret)]) == 0
    assert verify_pdf(out).intact


def test_verify_errors_are_one_line_with_status_2(tmp_path, capsys):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(small_pdf(1))
    assert main(["verify", str(plain)]) == 2
    assert capsys.readouterr().err == f"reviewer: {plain} carries no signature\n"
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: cannot read") and err.count("\n") == 1


def test_verify_reports_appended_bytes_with_status_1(signed, capsys):
    signed.write_bytes(signed.read_bytes() + b"\n% added\n")
    assert main(["verify", str(signed), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["unchanged"] is False and "added after signing" in data["problem"]


def test_sign_is_for_one_review_not_a_workshop(tmp_path, p12, capsys):
    workshop = tmp_path / "a.workshop"
    workshop.write_bytes(b"")
    assert main(["report", str(workshop), "-o", str(tmp_path / "w.pdf"), "--sign", str(p12)]) == 2
    assert "--sign are for the report of one review" in capsys.readouterr().err


def test_starting_the_app_or_the_report_package_does_not_load_pyhanko():
    probe = (
        "import sys, reviewer.cli, reviewer.report, reviewer.report.errors\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyhanko', 'pyhanko_certvalidator', 'asn1crypto')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
