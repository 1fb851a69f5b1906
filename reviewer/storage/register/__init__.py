"""The team register (SQLAlchemy + Alembic): SQLite in the user's data folder by default,
PostgreSQL for a team. See `register.py` for what is stored and how saves are guarded."""

from reviewer.storage.register.database import (
    NewerRegisterError,
    RegisterError,
    default_url,
    parse_url,
    shown_url,
)
from reviewer.storage.register.register import (
    DocumentGone,
    Hit,
    ImportResult,
    Opened,
    Register,
    RegisterConflict,
    Statistics,
    Stored,
    default_user,
    document_files,
    fold,
    import_files,
    load_document_file,
)

__all__ = [
    "DocumentGone",
    "Hit",
    "ImportResult",
    "NewerRegisterError",
    "Opened",
    "Register",
    "RegisterConflict",
    "RegisterError",
    "Statistics",
    "Stored",
    "default_url",
    "default_user",
    "document_files",
    "fold",
    "import_files",
    "load_document_file",
    "parse_url",
    "shown_url",
]
