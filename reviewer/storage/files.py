"""Reading a file from disk only when it is a regular file, and never more than a limit.

A named pipe would block the reader until something writes to it, /dev/zero would be
read until memory runs out, and a socket or a folder cannot be read at all. So the path
is checked with `os.stat` before it is opened; it is opened with O_NONBLOCK, so that a
pipe swapped in after that check does not block the open; `os.fstat` on the open
descriptor checks again what was really opened; and the read stops one byte past the
limit, whatever size the file claimed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FileTooLargeError", "NotAFileError", "read_regular_file"]

_CHUNK = 1024 * 1024


class NotAFileError(OSError):
    """The path exists but is not a regular file; `what` says what it is ("a folder")."""

    def __init__(self, what: str) -> None:
        super().__init__(f"it is {what}, not a file")
        self.what = what


class FileTooLargeError(OSError):
    """The file holds more than the reader's limit; `size` is at least `limit` + 1."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file is too large ({size} bytes; at most {limit})")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str | None:
    """None for a regular file, otherwise what it is, in words."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check(mode: int) -> None:
    what = _kind(mode)
    if what is not None:
        raise NotAFileError(what)


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` of them.

    Raises NotAFileError for anything else (nothing is read from it), FileTooLargeError
    when the file holds more than `limit` bytes, and OSError (FileNotFoundError,
    PermissionError, ...) as `os.open` does.
    """
    _check(os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as fh:  # closes fd, also on errors below
        info = os.fstat(fd)
        _check(info.st_mode)
        if info.st_size > limit:
            raise FileTooLargeError(info.st_size, limit)
        # one read as large as the file says it is; more only if it grew meanwhile
        data = fh.read(info.st_size + 1)
        while data is not None and len(data) <= limit:
            more = fh.read(min(limit + 1 - len(data), _CHUNK))
            if not more:
                break
            data += more
    if data is None:  # pragma: no cover - only a non-blocking non-regular file
        raise NotAFileError("not a regular file")
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data
