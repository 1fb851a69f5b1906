"""Connecting to the register of the settings, asking for a server's password when the
keyring has none; every failure one message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from reviewer.storage.register import Register, RegisterError
from reviewer.ui import dialogs


def ask_password(parent: QWidget | None, where: str) -> str | None:
    """Replaceable in tests."""
    value, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("RegisterConnect", "Register password"),
        QCoreApplication.translate("RegisterConnect", "Password for {0}:").format(where),
        QLineEdit.EchoMode.Password,
    )
    return value if ok else None


def register_key(url: str | None) -> str | None:
    """The key a connection is kept under: the URL without password (None: unreadable)."""
    from reviewer.storage.register.database import parse_url, without_password
    from reviewer.storage.register.settings import load_url

    try:
        parsed = without_password(parse_url(url or load_url()))
    except RegisterError:
        return None
    return parsed.render_as_string(hide_password=False)


def connect_register(parent: QWidget | None, url: str | None = None) -> Register | None:
    """The register (of the settings unless `url`), or None after telling the user why."""
    from reviewer.storage.register.database import needs_password, parse_url, shown_url
    from reviewer.storage.register.settings import find_password, load_url

    try:
        parsed = parse_url(url or load_url())
        password = find_password(parsed)
        if password is None and needs_password(parsed):
            password = ask_password(parent, shown_url(parsed))
            if password is None:
                return None
        if parent is None:
            return Register.open(parsed, password=password)
        from reviewer.ui.background import wait_for

        # a server that does not answer takes its connect timeout: the window repaints
        return wait_for(
            parent,
            lambda: Register.open(parsed, password=password),
            title=QCoreApplication.translate("RegisterConnect", "Register"),
            label=QCoreApplication.translate(
                "RegisterConnect", "Connecting to the register {0}…"
            ).format(shown_url(parsed)),
        )
    except RegisterError as exc:
        dialogs.show_error(
            parent,
            QCoreApplication.translate("RegisterConnect", "The register cannot be opened"),
            str(exc),
        )
        return None
