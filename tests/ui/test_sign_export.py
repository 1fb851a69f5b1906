"""File → Sign and Export PDF: the certificate is checked first, the PDF comes out signed."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import rsa

from reviewer.report.signing import verify_pdf
from tests.report.test_signing import PASSPHRASE, SIGNER, _certificate, _p12


def make_p12(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _p12(tmp_path / "adviseur.p12", key, _certificate(key, SIGNER), PASSPHRASE)


def test_sign_and_export_writes_a_signed_pdf(opened, qtbot, tmp_path, fake_dialogs):
    certificate = make_p12(tmp_path)
    out = tmp_path / "advies.pdf"
    fake_dialogs.reply("ask_certificate", certificate)
    fake_dialogs.reply("ask_passphrase", PASSPHRASE.decode())
    fake_dialogs.reply("ask_export_path", out)
    opened.sign_export_action.trigger()
    qtbot.waitUntil(lambda: opened._export_job is None, timeout=30_000)
    assert not fake_dialogs.called("show_error")
    result = verify_pdf(out)
    assert result.intact and result.signer == SIGNER


def test_a_wrong_passphrase_is_said_at_once_and_nothing_is_written(opened, tmp_path, fake_dialogs):
    certificate = make_p12(tmp_path)
    fake_dialogs.reply("ask_certificate", certificate)
    fake_dialogs.reply("ask_passphrase", "wrong")
    opened.sign_export_action.trigger()
    (_title, message), *_ = [args[1:3] for args in fake_dialogs.called("show_error")]
    assert "the passphrase does not open" in message and "adviseur.p12" in message
    assert not fake_dialogs.called("ask_export_path")  # no report work was started
    assert opened._export_job is None
    assert not list(tmp_path.glob("*.pdf"))
