"""Which register the app uses, and the password of a server register.

The URL lives in `register.yaml` in the user's configuration folder (beside the
organisation profile), always without a password. The password of a PostgreSQL URL is
kept in the system keyring; where there is no keyring (a bare server, a container), the
environment variable REVIEWER_DB_PASSWORD gives it, or the app asks. It is never written
to a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from sqlalchemy.engine import URL

from reviewer.storage.container import atomic_write
from reviewer.storage.organisation import config_dir
from reviewer.storage.register.database import (
    RegisterError,
    default_url,
    needs_password,
    parse_url,
    shown_url,
    without_password,
)

FILE_NAME = "register.yaml"
PASSWORD_ENV = "REVIEWER_DB_PASSWORD"
KEYRING_SERVICE = "safety-cohesion-reviewer register"


class KeyringUnavailable(RegisterError):
    """No system keyring to keep the password in."""


def load_url(folder: Path | None = None) -> str:
    """The register URL of the settings; the SQLite default when none is set."""
    path = (folder or config_dir()) / FILE_NAME
    try:
        data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RegisterError(f"{path}: cannot be read ({exc})") from None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.strip() else default_url()


def save_url(url: str, folder: Path | None = None) -> tuple[str, str | None]:
    """Keep `url` as the register (its password taken out); returns the URL as stored
    and the password it carried, for the caller to put in the keyring."""
    parsed = parse_url(url)
    password = parsed.password
    if password is not None:
        parsed = without_password(parsed)
    text = parsed.render_as_string(hide_password=False)
    folder = folder or config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / FILE_NAME, yaml.safe_dump({"url": text}).encode("utf-8"))
    return text, password


def _account(url: URL) -> str:
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _keyring():  # the keyring module, or KeyringUnavailable
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
    except ImportError:  # pragma: no cover - a dependency of the app
        raise KeyringUnavailable("the keyring package is not installed") from None
    if isinstance(keyring.get_keyring(), NoKeyring):
        raise KeyringUnavailable(
            "there is no system keyring to keep the register password in (on Linux: "
            f"GNOME Keyring or KWallet); set {PASSWORD_ENV} or type the password when asked"
        )
    return keyring


def store_password(url: str | URL, password: str) -> None:
    """Keep the password of a server URL in the system keyring."""
    parsed = url if isinstance(url, URL) else parse_url(url)
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, _account(parsed), password)
    except Exception as exc:  # keyring backends raise their own errors
        raise KeyringUnavailable(f"the keyring refused the password: {exc}") from None


def find_password(url: str | URL) -> str | None:
    """The password for a server URL: from the URL, REVIEWER_DB_PASSWORD, or the keyring
    (None when none of them has one: the caller asks)."""
    parsed = url if isinstance(url, URL) else parse_url(url)
    if not needs_password(parsed):
        return parsed.password
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    try:
        keyring = _keyring()
        return keyring.get_password(KEYRING_SERVICE, _account(parsed))
    except KeyringUnavailable:
        return None
    except Exception:  # a locked or broken keyring: ask instead
        return None


def describe(url: str) -> str:
    return shown_url(url)
