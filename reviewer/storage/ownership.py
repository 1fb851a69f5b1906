"""Who has a document open, and whether the file on disk is still the one that was loaded.

Two safeguards keep two people (or two windows) from silently overwriting each other:

- **A lock file beside the document**, in the manner of office suites: opening
  `plan.review` writes `.~lock.plan.review#` naming the user, the host, the process and
  the time. A second opener is told who has the file open and may open it read-only. A
  lock left by a crashed app on this host (its process is gone) is stale and taken over
  without asking; a lock from another host cannot be checked from here, so the person
  may take it over after being told whose it is.
- **A fingerprint of the file as loaded** (size, modification time, SHA-256 of the
  bytes). Before every save over the same path the file on disk is compared with it:
  when somebody else saved in between, the save is refused instead of overwriting their
  work. A file whose time changed but whose bytes did not (copied back, touched) is not a
  conflict.

Neither needs Qt; the window decides what to ask.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
import stat
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
MAX_LOCK_BYTES = 4096
_CHUNK = 1 << 20


# ---------------------------------------------------------------- fingerprints


@dataclass(frozen=True)
class Fingerprint:
    """One version of a file: its size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, mtime_ns: int) -> Fingerprint:
        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def of_file(cls, path: str | Path) -> Fingerprint | None:
        """The fingerprint of the file at `path`; None when there is no regular file (a
        pipe or a device is never opened for reading: it could block or never end)."""
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return None
            digest = hashlib.sha256()
            while chunk := os.read(fd, _CHUNK):
                digest.update(chunk)
        except OSError:
            return None
        finally:
            os.close(fd)
        return cls(info.st_size, info.st_mtime_ns, digest.hexdigest())

    @property
    def modified(self) -> datetime:
        return datetime.fromtimestamp(self.mtime_ns / 1e9, UTC)

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_json(cls, raw: Any) -> Fingerprint | None:
        """Read back `to_json`; None for anything that is not a fingerprint."""
        if not isinstance(raw, dict):
            return None
        size, mtime, sha = raw.get("size"), raw.get("mtime_ns"), raw.get("sha256")
        if (
            not isinstance(size, int)
            or not isinstance(mtime, int)
            or isinstance(size, bool)
            or isinstance(mtime, bool)
            or not isinstance(sha, str)
            or len(sha) != 64
        ):
            return None
        return cls(size, mtime, sha)


def changed_on_disk(path: str | Path, known: Fingerprint | None) -> Fingerprint | None:
    """The fingerprint of the file at `path` when its content is no longer `known`;
    None when it is unchanged (or when nothing was known, or the file is gone: then
    there is nobody's work to overwrite)."""
    if known is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_size == known.size and info.st_mtime_ns == known.mtime_ns:
        return None  # the cheap check: same size and time
    now = Fingerprint.of_file(path)
    if now is None or now.sha256 == known.sha256:
        return None
    return now


# ---------------------------------------------------------------- lock files


@dataclass(frozen=True)
class LockOwner:
    """Who holds a document open, as written in its lock file."""

    user: str
    host: str
    pid: int
    since: datetime
    token: str = ""  # tells two locks of one process apart

    @classmethod
    def me(cls) -> LockOwner:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in a container, for instance
            user = str(os.getuid()) if hasattr(os, "getuid") else "?"
        now = datetime.now(UTC).replace(microsecond=0)
        return cls(user, socket.gethostname(), os.getpid(), now, uuid.uuid4().hex)

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "host": self.host,
            "pid": self.pid,
            "since": self.since.isoformat(timespec="seconds"),
            "token": self.token,
            "app": "safety-cohesion-reviewer",
        }

    @classmethod
    def from_json(cls, raw: Any) -> LockOwner | None:
        if not isinstance(raw, dict):
            return None
        user, host, pid = raw.get("user"), raw.get("host"), raw.get("pid")
        if not isinstance(user, str) or not isinstance(host, str):
            return None
        if not isinstance(pid, int) or isinstance(pid, bool):
            return None
        try:
            since = datetime.fromisoformat(str(raw.get("since")))
        except ValueError:
            since = datetime.fromtimestamp(0, UTC)
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        token = raw.get("token")
        return cls(user[:200], host[:200], pid, since, token if isinstance(token, str) else "")

    @property
    def this_process(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()

    @property
    def is_stale(self) -> bool:
        """Certainly left behind: written on this host by a process that is gone."""
        return self.on_this_host and not _process_alive(self.pid)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    except OSError:
        return False
    return True


def lock_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


def read_owner(path: str | Path) -> LockOwner | None:
    """Who holds the document at `path` open; None when nobody does (or the lock is
    unreadable: an unreadable lock protects nothing and is replaced)."""
    target = lock_path(path)
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, MAX_LOCK_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return LockOwner.from_json(json.loads(raw.decode("utf-8")))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


class LockedError(Exception):
    """The document is open elsewhere; `owner` says by whom."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        super().__init__(f"{path.name} is open by {owner.user} on {owner.host}")
        self.path = path
        self.owner = owner


@dataclass
class DocumentLock:
    """The lock this app holds on one document file; `release` removes it."""

    path: Path
    owner: LockOwner
    took_over: LockOwner | None = None  # the stale or forsaken lock it replaced

    def release(self) -> None:
        """Remove the lock file, unless somebody has taken it over since."""
        current = read_owner(self.path)
        if current is not None and current != self.owner:
            return
        with contextlib.suppress(OSError):
            lock_path(self.path).unlink()

    def still_mine(self) -> bool:
        return read_owner(self.path) == self.owner


def acquire_lock(path: str | Path, *, take_over: bool = False) -> DocumentLock | None:
    """Lock the document at `path` for this process.

    Raises LockedError when another live app holds it (unless `take_over`). A lock of
    this process (the file opened again) or a stale one is replaced. Returns None when
    no lock can be written (a read-only folder, for instance): the document then opens
    without one, and the fingerprint check still guards every save.
    """
    path = Path(path)
    target = lock_path(path)
    me = LockOwner.me()
    payload = json.dumps(me.to_json()).encode("utf-8")
    replaced: LockOwner | None = None
    for _attempt in range(3):
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_owner(path)
            if (
                holder is not None
                and not holder.this_process
                and not holder.is_stale
                and not take_over
            ):
                raise LockedError(path, holder) from None
            replaced = holder if holder is not None and not holder.this_process else replaced
            with contextlib.suppress(OSError):
                target.unlink()
            continue
        except OSError:
            return None
        try:
            os.write(fd, payload)
        except OSError:
            with contextlib.suppress(OSError):
                target.unlink()
            return None
        finally:
            os.close(fd)
        return DocumentLock(path, me, replaced)
    return None


# ---------------------------------------------------------------- an open document's claim


@dataclass
class FileClaim:
    """What an open document holds on its file: the lock beside it (None when it is open
    read-only, or no lock could be written) and the fingerprint of the version it was
    loaded from or last saved as."""

    path: Path
    lock: DocumentLock | None
    fingerprint: Fingerprint | None
    read_only: bool = False

    def conflict(self) -> Fingerprint | None:
        """The file on disk when somebody else saved it after this document was loaded."""
        return changed_on_disk(self.path, self.fingerprint)

    def saved(self, data: bytes) -> None:
        """The document was just written to `path` as `data`."""
        try:
            mtime = os.stat(self.path).st_mtime_ns
        except OSError:
            mtime = 0
        self.fingerprint = Fingerprint.of_bytes(data, mtime)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file (through links, or as written when missing)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(os.path.abspath(a)) == Path(os.path.abspath(b))
