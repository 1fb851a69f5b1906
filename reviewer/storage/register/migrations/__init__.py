"""Alembic migrations of the register, shipped in the package and run from code."""
