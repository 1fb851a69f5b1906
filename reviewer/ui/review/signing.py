"""Sign and export: the advice as a PDF with a PAdES signature from the user's certificate.

The certificate and its passphrase are asked for and checked before the report is made
(reviewer.report.signing.make_signer opens the certificate at once), so a wrong
passphrase or a certificate without its key is said straight away and nothing is
written. The last certificate used is remembered (its path only, never the passphrase).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from reviewer.ui import dialogs, export
from reviewer.ui.i18n import current_lang
from reviewer.ui.review.session import ReviewSession

CERTIFICATE_KEY = "signing/certificate"


def signed_export_job(parent: QWidget, session: ReviewSession) -> export.ReportJob | None:
    """A report job that signs the PDF; None when the user cancels or the certificate
    cannot sign (the reason is shown)."""
    settings = QSettings()
    last = settings.value(CERTIFICATE_KEY, "", str)
    certificate = dialogs.ask_certificate(parent, str(Path(last).parent) if last else "")
    if certificate is None:
        return None
    passphrase = dialogs.ask_passphrase(parent, certificate.name)
    if passphrase is None:
        return None
    lang = current_lang()
    review = session.review
    from reviewer.report.errors import ReportError

    try:
        from reviewer.report.signing import make_signer

        signer = make_signer(
            certificate,
            passphrase.encode("utf-8") or None,
            name=review.reviewer.name or None,
            reason=QCoreApplication.translate("signing", "Advice on the building plan"),
            location=review.dossier.place or None,
            lang=lang,  # type: ignore[arg-type]
        )
    except ReportError as exc:
        dialogs.show_error(parent, QCoreApplication.translate("signing", "Cannot sign"), str(exc))
        return None
    settings.setValue(CERTIFICATE_KEY, str(certificate))
    if session.path is not None:
        suggested = session.path.with_suffix(".pdf")
    else:
        suggested = Path.home() / f"{session.suggested_stem()}.pdf"
    out = dialogs.ask_export_path(parent, str(suggested))
    if out is None:
        return None
    return export.review_job(parent, session.document, out, lang, sign=signer)
