"""The one exception the report raises. Imports nothing heavy, so the CLI can catch it cheaply."""

from __future__ import annotations


class ReportError(Exception):
    """The report could not be made or written; the message says why, on one line."""


class SigningError(ReportError):
    """The advice could not be signed, or a signature could not be checked: the
    certificate cannot be opened, holds no private key, or the PDF cannot be read. Here,
    not in reviewer.report.signing, so that catching it does not load pyHanko."""
