"""`reviewer register …` end to end: init, import (a bad file reported, the rest in),
search (text and JSON), stats (PDF read back), export; errors are one line."""

from __future__ import annotations

import json
import shutil

from pypdf import PdfReader

from reviewer.cli import main
from reviewer.storage.review_file import load_review
from tests.register.conftest import EXAMPLES


def test_the_register_commands(register_url, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("galerijflat-veiligheid.review", "hofblok-veiligheid.review"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "kapot.review").write_bytes(b"PK\x03\x04 broken")
    db = ["--db", register_url]
    assert main(["register", "init", *db]) == 0
    assert "register ready" in capsys.readouterr().out
    assert main(["register", "import", str(folder), *db]) == 1  # one file failed
    out, err = capsys.readouterr()
    assert "imported 2 of 3" in out and "kapot.review" in err
    assert main(["register", "search", "zwolle", "--json", *db]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["municipality"] for h in hits] == ["Zwolle"]
    assert main(["register", "search", "merelhof", "--stage", "handover", *db]) == 0
    assert capsys.readouterr().out == ""
    pdf = tmp_path / "stats.pdf"
    assert main(["register", "stats", "--from", "2026-01-01", "-o", str(pdf), *db]) == 0
    capsys.readouterr()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Overzicht van het register" in text and "Zwolle" in text and "Amersfoort" in text
    assert "2 beoordelingen" in text
    assert (
        main(["register", "export", hits[0]["dossier_id"], "-o", str(tmp_path / "out"), *db]) == 0
    )
    exported = capsys.readouterr().out.split()
    assert len(exported) == 1
    assert load_review(exported[0]).review.plan.identity.municipality == "Zwolle"


def test_register_errors_are_one_line(tmp_path, capsys):
    assert main(["register", "search", "x", "--db", "mysql://u@h/db"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "SQLite or PostgreSQL" in err
    db = ["--db", str(tmp_path / "r.sqlite")]
    assert main(["register", "export", "nothing", "-o", str(tmp_path), *db]) == 2
    assert "no dossier 'nothing'" in capsys.readouterr().err
    assert main(["register", "import", str(tmp_path / "missing"), *db]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_use_keeps_the_url_without_its_password(tmp_path, monkeypatch, capsys):
    from reviewer.storage.register import settings

    monkeypatch.setattr(settings, "config_dir", lambda: tmp_path)
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    assert main(["register", "use", url]) == 0
    assert settings.load_url() == url
    assert main(["register", "init"]) == 0
    assert "team.sqlite" in capsys.readouterr().out


def test_a_password_is_never_written_to_the_settings(tmp_path, monkeypatch):
    import pytest

    from reviewer.storage.register import settings

    monkeypatch.setattr(settings, "config_dir", lambda: tmp_path)
    stored, password = settings.save_url("postgresql://anna:geheim@db.example/register")
    assert password == "geheim" and "geheim" not in (tmp_path / "register.yaml").read_text()
    assert settings.load_url() == stored
    monkeypatch.setenv(settings.PASSWORD_ENV, "uit-de-omgeving")
    assert settings.find_password(stored) == "uit-de-omgeving"
    monkeypatch.delenv(settings.PASSWORD_ENV)
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: NoKeyring())
    assert settings.find_password(stored) is None  # the app asks
    with pytest.raises(settings.KeyringUnavailable, match="REVIEWER_DB_PASSWORD"):
        settings.store_password(stored, "geheim")
