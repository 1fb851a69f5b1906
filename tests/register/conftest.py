"""The register tests run on SQLite always and on PostgreSQL when a server is given.

PostgreSQL comes from REVIEWER_TEST_PG_URL (`scripts/pg-test-server start` makes a
throw-away one; `scripts/dev test` does so by itself). Each test gets a database of its
own on that server, dropped afterwards. Without the URL the PostgreSQL tests skip on a
workstation and FAIL in CI (CI=true): a CI run that silently tested only SQLite would
claim more than it showed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.paths import RESOURCES

PG_ENV = "REVIEWER_TEST_PG_URL"
EXAMPLES = RESOURCES / "examples"


def pg_server_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            f"{PG_ENV} is not set in CI: the PostgreSQL register tests must run there "
            "(scripts/dev test starts a server with scripts/pg-test-server)"
        )
    pytest.skip(f"no PostgreSQL server ({PG_ENV} not set; scripts/pg-test-server start)")


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty database on the test server; its URL."""
    import sqlalchemy as sa

    server = sa.make_url(pg_server_url())
    name = f"reviewer_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def register_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty register's URL, on each database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture
def register(register_url: str) -> Iterator[object]:
    from reviewer.storage.register import Register

    with Register.open(register_url) as reg:
        yield reg
