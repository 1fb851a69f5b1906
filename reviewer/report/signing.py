"""Signing the advice (PAdES, with pyHanko) and checking a signed advice.

`make_signer` opens the adviser's PKCS#12 certificate (.p12/.pfx) at once, so a wrong
passphrase or a certificate without its private key fails before any report work, and
returns the `Signer` of the contract in signature_box: PDF bytes and the letter's
signature box in, signed bytes out (an incremental update with a visible signature field
on the box, or an invisible one without a box). `verify_pdf` says who signed, when, and
whether the document is still exactly what was signed.

The only module that imports pyHanko; it is imported only when a signature is asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import math
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.general import load_certs_from_pemder
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from reviewer.domain.text import Lang
from reviewer.report.errors import SigningError
from reviewer.report.signature_box import FIELD_NAME, SignatureBox, Signer

__all__ = ["SigningError", "Verification", "load_signer", "make_signer", "verify_pdf"]

_SIGNED_BY = {"nl": "Digitaal ondertekend door", "en": "Digitally signed by"}
_REASON = {"nl": "Reden", "en": "Reason"}
_LOCATION = {"nl": "Plaats", "en": "Place"}
# the stamp's standard font (Courier) knows only the Windows-1252 characters; for the
# few letters of European names outside it, the nearest plain letter
_PLAIN = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"})


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# ----------------------------------------------------------------------- the certificate


def _open_pkcs12(certificate: Path, data: bytes, passphrase: bytes | None):
    """Key and certificate of the PKCS#12 data and the passphrase that opened it (None
    and b"" differ for some files), or SigningError saying what a person got wrong."""
    try:  # the outer structure is readable without the passphrase
        asn1_pkcs12.Pfx.load(data, strict=True).native  # noqa: B018 - parses it fully
    except Exception:
        raise SigningError(
            f"{certificate} is not a PKCS#12 certificate file (.p12 or .pfx)"
        ) from None
    attempts = [passphrase] if passphrase else [None, b""]  # no passphrase: either form
    for attempt in attempts:
        try:
            key, cert, _ = pkcs12.load_key_and_certificates(data, attempt)
        except ValueError:
            continue
        except Exception as exc:  # an unsupported algorithm, say
            raise SigningError(f"{certificate} cannot be opened: {_first_line(exc)}") from None
        return key, cert, attempt
    if passphrase:
        raise SigningError(f"the passphrase does not open {certificate}")
    raise SigningError(f"{certificate} is protected by a passphrase, and none was given")


def load_signer(certificate: str | Path, passphrase: bytes | None) -> signers.SimpleSigner:
    """The signer of a PKCS#12 file (.p12/.pfx), checked: it opens with `passphrase`,
    holds a private key that belongs to its certificate, and the certificate is valid
    today. Anything else raises SigningError with a one-line message."""
    certificate = Path(certificate)
    try:
        data = certificate.read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read {certificate}: {exc.strerror or exc}") from None
    key, cert, opening = _open_pkcs12(certificate, data, passphrase)
    if key is None:
        raise SigningError(f"{certificate} holds no private key, so it cannot sign")
    if cert is None:
        raise SigningError(f"{certificate} holds no certificate for its private key")
    if _public(key.public_key()) != _public(cert.public_key()):
        raise SigningError(f"the private key in {certificate} does not belong to its certificate")
    now = dt.datetime.now(dt.UTC)
    if now < cert.not_valid_before_utc:
        raise SigningError(
            f"the certificate in {certificate} is valid only from "
            f"{cert.not_valid_before_utc:%Y-%m-%d}"
        )
    if now > cert.not_valid_after_utc:
        raise SigningError(
            f"the certificate in {certificate} expired on {cert.not_valid_after_utc:%Y-%m-%d}"
        )
    try:
        return signers.SimpleSigner.load_pkcs12_data(data, [], passphrase=opening)
    except Exception as exc:  # a key type pyHanko cannot sign with
        raise SigningError(f"{certificate} cannot be used to sign: {_first_line(exc)}") from None


def _public(key) -> bytes:
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def _common_name(cert) -> str:
    """The subject's common name of an asn1crypto certificate, else the whole subject."""
    subject = cert.subject.native
    return str(subject.get("common_name") or cert.subject.human_friendly)


# ----------------------------------------------------------------------- signing


def _stamp_text(text: str) -> str:
    """`text` as the stamp's font can show it, and with % kept literal."""
    text = " ".join(text.split()).translate(_PLAIN)
    out = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            char = plain or "?"
        out.append(char)
    return "".join(out).replace("%", "%%")


def _stamp_style(name: str, reason: str | None, location: str | None, lang: Lang) -> TextStampStyle:
    lines = [f"{_SIGNED_BY[lang]} {_stamp_text(name)}", "%(ts)s"]
    if reason:
        lines.append(f"{_REASON[lang]}: {_stamp_text(reason)}")
    if location:
        lines.append(f"{_LOCATION[lang]}: {_stamp_text(location)}")
    return TextStampStyle(
        stamp_text="\n".join(lines), border_width=1, timestamp_format="%Y-%m-%d %H:%M:%S %Z"
    )


def make_signer(
    certificate: str | Path,
    passphrase: bytes | None,
    *,
    name: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    lang: Lang = "nl",
) -> Signer:
    """The `Signer` for the report: the certificate is opened and checked now (SigningError
    when it cannot sign), the signing happens when the report calls it.

    The signature is PAdES (CMS, SubFilter ETSI.CAdES.detached) with the signing time in
    the signature dictionary, added as an incremental update in the field FIELD_NAME:
    visible on the box the report hands over, invisible when it hands over None. `name`
    (default: the certificate's common name), `reason` and `location` go into the
    signature and its visible stamp.
    """
    signer = load_signer(certificate, passphrase)
    shown = name or _common_name(signer.signing_cert)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=shown,
        reason=reason or None,
        location=location or None,
    )
    style = _stamp_style(shown, reason, location, lang)

    def sign(pdf: bytes, box: SignatureBox | None) -> bytes:
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            if box is None:
                spec = SigFieldSpec(FIELD_NAME)
            else:
                _check_box(box, writer)
                spec = SigFieldSpec(FIELD_NAME, on_page=box.page, box=_int_box(box))
            pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec)
            return pdf_signer.sign_pdf(writer, output=io.BytesIO()).getvalue()
        except SigningError:
            raise
        except (PdfError, PyHankoSigningError, ValueError, KeyError) as exc:
            raise SigningError(f"the report could not be signed: {_first_line(exc)}") from exc

    return sign


def _check_box(box: SignatureBox, writer: IncrementalPdfFileWriter) -> None:
    pages = int(writer.root["/Pages"]["/Count"])
    x1, y1, x2, y2 = box.box
    if not 0 <= box.page < pages:
        raise SigningError(
            f"the signature box is on page {box.page + 1}, but the report has {pages} pages"
        )
    if x2 <= x1 or y2 <= y1:
        raise SigningError(f"the signature box {box.box} has no area")


def _int_box(box: SignatureBox) -> tuple[int, int, int, int]:
    """pyHanko wants whole points: the box rounded outwards."""
    x1, y1, x2, y2 = box.box
    return math.floor(x1), math.floor(y1), math.ceil(x2), math.ceil(y2)


# ----------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class Verification:
    """What `reviewer verify` reports of a signed PDF."""

    path: Path
    signer: str  # the common name of the signer's certificate
    signing_time: dt.datetime | None  # as the signer's system stated it
    intact: bool  # exactly the bytes that were signed: hash matches, covers the whole file
    trusted: bool  # the certificate chains to a trust root that was given
    problem: str | None  # why not intact, in words
    trust_note: str | None  # why not trusted, in words
    reason: str | None = None
    location: str | None = None
    signatures: int = 1  # how many signatures the file holds; the last is reported


@contextlib.contextmanager
def _quiet_validation() -> Iterator[None]:
    """pyHanko logs a traceback for every certificate it cannot trust (a self-signed one
    always); the result says so already, so its log stays quiet meanwhile."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    levels = [log.level for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for log, level in zip(loggers, levels, strict=True):
            log.setLevel(level)


def _trust_roots(trust: Sequence[str | Path]) -> list:
    roots = []
    for path in trust:
        try:
            roots.extend(load_certs_from_pemder([str(path)]))
        except OSError as exc:
            raise SigningError(f"cannot read {path}: {exc.strerror or exc}") from None
        except Exception:
            raise SigningError(f"{path} is not a certificate (PEM or DER)") from None
    return roots


def verify_pdf(path: str | Path, trust: Sequence[str | Path] = ()) -> Verification:
    """Check the signature of a signed PDF. `trust`: certificate files (PEM/DER) of the
    roots to trust; without them no certificate is trusted, but whether the document is
    unchanged is still told. No signature, or a file that is not a readable PDF, raises
    SigningError."""
    path = Path(path)
    roots = _trust_roots(trust)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = reader.embedded_signatures
    except Exception as exc:
        raise SigningError(f"{path} cannot be read as a PDF: {_first_line(exc)}") from None
    if not embedded:
        raise SigningError(f"{path} carries no signature")
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    statuses = []
    try:
        with _quiet_validation():
            for sig in embedded:
                statuses.append(validate_pdf_signature(sig, context))
    except Exception as exc:
        raise SigningError(
            f"the signature in {path} cannot be checked: {_first_line(exc)}"
        ) from None
    last, status = embedded[-1], statuses[-1]
    problem = None
    if not status.intact:
        problem = "the signed content was changed after signing"
    elif not status.valid:
        problem = "the signature does not match the signer's certificate"
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problem = "content was added after signing; the signature does not cover all of it"
    elif not all(s.intact and s.valid for s in statuses[:-1]):
        problem = "an earlier signature in the file is broken"
    cert = status.signing_cert
    trust_note = None
    if not status.trusted:
        if cert.self_signed:
            trust_note = "the certificate is self-signed"
        elif not roots:
            trust_note = "no trusted root certificate was given"
        else:
            trust_note = "the certificate does not chain to a trusted root"
    sig_object = last.sig_object
    return Verification(
        path=path,
        signer=_common_name(cert),
        signing_time=status.signer_reported_dt or last.self_reported_timestamp,
        intact=problem is None,
        trusted=status.trusted and problem is None,
        problem=problem,
        trust_note=trust_note,
        reason=_text(sig_object.get("/Reason")),
        location=_text(sig_object.get("/Location")),
        signatures=len(embedded),
    )


def _text(value) -> str | None:
    return None if value is None else str(value)
