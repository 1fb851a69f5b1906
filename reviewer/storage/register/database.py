"""Connecting to a register: the URL, the engine, and the schema (Alembic) check.

A register is a SQLite file (the default, in the user's data folder) or a PostgreSQL
database named by a URL. Opening one brings its schema up to this app's newest
migration; a register that a newer app has migrated is refused with a clear message, so
an older app never writes into a schema it does not know. Every failure is a
`RegisterError` whose message a person can act on; a URL's password never appears in it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

APP_DIR = "safety-cohesion-reviewer"
SQLITE_NAME = "register.sqlite"
MIGRATIONS = "reviewer.storage.register:migrations"
CONNECT_TIMEOUT_S = 10
SQLITE_BUSY_MS = 15_000


class RegisterError(Exception):
    """The register cannot be reached, read or written; the message says why."""


class NewerRegisterError(RegisterError):
    """The register's schema was made by a newer version of the app."""


def default_url() -> str:
    """The SQLite register in the user's data folder (created on first use)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_DIR, appauthor=False))
    return f"sqlite:///{folder / SQLITE_NAME}"


def parse_url(text: str) -> URL:
    """A register URL: `sqlite:///PATH`, a plain file path (SQLite), or
    `postgresql://user@host:port/db` (the psycopg driver is chosen for it)."""
    text = text.strip()
    if not text:
        raise RegisterError("no register URL given")
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).expanduser().absolute()}")
    try:
        url = make_url(text)
    except ArgumentError:
        raise RegisterError(
            f"not a register URL: {text!r} (expected sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DATABASE)"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgresql" and url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    elif backend not in ("sqlite", "postgresql"):
        raise RegisterError(
            f"the register must be SQLite or PostgreSQL, not {backend!r} ({shown_url(url)})"
        )
    return url


def shown_url(url: URL | str) -> str:
    """The URL for messages: never with its password."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "(invalid URL)"
    return url.render_as_string(hide_password=True)


def without_password(url: URL) -> URL:
    """The URL with its password taken out (`URL.set(password=None)` would keep it)."""
    return URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def needs_password(url: URL) -> bool:
    """A server URL with a user but no password: the password comes from the keyring."""
    return not is_sqlite(url) and bool(url.username) and url.password is None


def create_engine(url: URL, password: str | None = None) -> Engine:
    if password is not None and not is_sqlite(url):
        url = url.set(password=password)
    try:
        if is_sqlite(url):
            if url.database and url.database != ":memory:":
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
            _sqlite_setup(engine)
        else:
            engine = sa.create_engine(
                url,
                connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
                pool_pre_ping=True,
            )
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise RegisterError(f"cannot use the register {shown_url(url)}: {exc}") from None
    except OSError as exc:
        raise RegisterError(
            f"cannot create the register folder for {shown_url(url)}: {exc}"
        ) from None
    return engine


def _sqlite_setup(engine: Engine) -> None:
    """SQLite: foreign keys on, WAL (readers do not wait for a writer), and BEGIN IMMEDIATE
    for writes, so two processes saving at once queue up instead of failing."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions begin in _begin below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (on SQLite it takes the write lock at its start)."""
    with engine.connect() as conn:
        conn.info["write"] = True
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop("write", None)


def describe_error(exc: BaseException, url: URL) -> str:
    """One sentence for a database failure, naming the register but not its password."""
    where = shown_url(url)
    original = getattr(exc, "orig", None) or exc
    text = " ".join(str(original).split()) or type(original).__name__
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return f"the connection to the register {where} was lost: {text}"
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"the register {where} refused the user name or password"
    unreachable = (
        "connection refused",
        "could not connect",
        "timeout",
        "resolve host",
        "host name",
    )
    if any(word in lowered for word in unreachable) or "failed: no such file" in lowered:
        return f"cannot reach the register {where}: {text}"
    if "unable to open database file" in lowered:
        return f"cannot open the register file {where}: check the folder exists and is writable"
    if "file is not a database" in lowered:
        return f"{where} is not a register (not an SQLite database)"
    return f"the register {where} failed: {text}"


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = conn
    return config


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def prepare_schema(engine: Engine, url: URL, *, upgrade: bool = True, to: str = "head") -> str:
    """Check the register's schema and bring it up to `to` (the newest migration); return
    the revision it is at. A schema this app does not know is refused."""
    try:
        with writing(engine) as conn:
            current = current_revision(conn)
            if current is not None and current not in known_revisions():
                raise NewerRegisterError(
                    f"the register {shown_url(url)} was made by a newer version of the app "
                    f"(schema {current}); update Safety & Cohesion Reviewer to use it"
                )
            if upgrade and current != (head_revision() if to == "head" else to):
                from alembic import command

                command.upgrade(_alembic_config(conn), to)
                current = current_revision(conn)
            elif current is None:
                raise RegisterError(
                    f"{shown_url(url)} is not a register yet: run `reviewer register init`"
                )
    except SQLAlchemyError as exc:
        raise RegisterError(describe_error(exc, url)) from None
    return current or ""
