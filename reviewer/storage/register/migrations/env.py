"""Alembic's environment for the register: always run from code (`reviewer.storage.register.
schema.upgrade`), with the connection handed over in the config's attributes."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
