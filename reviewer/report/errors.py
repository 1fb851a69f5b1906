"""The one exception the report raises. Imports nothing heavy, so the CLI can catch it cheaply."""

from __future__ import annotations


class ReportError(Exception):
    """The report could not be made or written; the message says why, on one line."""
