"""The register's schema: migrations upgrade an empty database and one at the previous
revision; a newer schema, a wrong URL and an unreachable server are one clear error."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from reviewer.storage.register import NewerRegisterError, Register, RegisterError
from reviewer.storage.register.database import (
    create_engine,
    head_revision,
    parse_url,
    prepare_schema,
)
from reviewer.storage.review_file import load_review
from tests.register.conftest import EXAMPLES


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_an_empty_database_is_brought_to_the_newest_schema(register_url):
    with Register.open(register_url):
        pass
    assert {"dossiers", "documents", "revisions", "blobs", "verdicts", "criteria"} <= _tables(
        register_url
    )
    engine = create_engine(parse_url(register_url))
    try:
        assert prepare_schema(engine, parse_url(register_url)) == head_revision()
    finally:
        engine.dispose()


def test_a_register_of_the_previous_migration_is_upgraded_with_its_data(register_url):
    url = parse_url(register_url)
    engine = create_engine(url)
    try:
        assert prepare_schema(engine, url, to="0001") == "0001"
        assert "verdicts" not in _tables(register_url)
        now = datetime.now(UTC)
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO dossiers (id, plan_name, address, municipality, reference, "
                    "plan_key, created_at) VALUES ('d1', 'Oud plan', 'Oudstraat 1', 'Delft', "
                    "'X-1', 'oud plan|oudstraat 1|delft', :now)"
                ),
                {"now": now},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO documents (id, dossier_id, kind, title, perspective, stage, "
                    "outcome, adviser, version, saved_by, saved_at, search_text) VALUES "
                    "('doc1', 'd1', 'review', 'Oud plan', 'safety', 'sketch', 'positive', "
                    "'Els', 1, 'els', :now, 'oud plan oudstraat 1 delft')"
                ),
                {"now": now},
            )
    finally:
        engine.dispose()
    with Register.open(register_url) as register:
        assert [h.plan_name for h in register.search("oudstraat")] == ["Oud plan"]
        assert register.statistics().reviews == 1
        stored = register.add(load_review(EXAMPLES / "hofblok-veiligheid.review"))
        assert register.open_document(stored.document_id).stored.version == 1


def test_a_register_of_a_newer_app_is_refused(register_url):
    with Register.open(register_url) as register, register.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(NewerRegisterError, match="newer version of the app"):
        Register.open(register_url)


def test_opening_without_upgrading_an_empty_database_says_to_init(tmp_path):
    with pytest.raises(RegisterError, match="register init"):
        Register.open(f"sqlite:///{tmp_path / 'x.sqlite'}", upgrade=False)


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://u@h/db", "must be SQLite or PostgreSQL"),
        ("postgresql://", "cannot reach|failed"),
        ("post gres://x", "not a register URL"),
        ("postgresql://u@host.invalid/db", "cannot reach"),
    ],
)
def test_wrong_urls_are_one_clear_error(url, message):
    with pytest.raises(RegisterError, match=message):
        Register.open(url)


def test_a_refused_connection_names_the_server_but_not_the_password():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(RegisterError) as caught:
        Register.open(f"postgresql://anna:geheim123@127.0.0.1:{port}/register")
    text = str(caught.value)
    assert "cannot reach" in text and f"127.0.0.1:{port}" in text
    assert "geheim123" not in text


def test_a_file_that_is_no_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(RegisterError, match="not a register"):
        Register.open(str(path))


def test_a_server_that_dropped_the_connection_is_reconnected(pg_database):
    """A restart or failover of the server between two saves: the pool notices the dead
    connection (pre-ping) and the save goes through on a new one."""
    from tests.register.conftest import pg_server_url

    doc = load_review(EXAMPLES / "hofblok-veiligheid.review")
    name = sa.make_url(pg_database).database
    with Register.open(pg_database) as register:
        stored = register.add(doc)
        admin = sa.create_engine(pg_server_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            killed = conn.execute(
                sa.text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar()
        admin.dispose()
        assert killed >= 1
        assert register.save(stored.document_id, doc, base_version=1).version == 2
