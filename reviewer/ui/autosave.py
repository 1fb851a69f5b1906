"""Autosave to a recovery folder, and recovery of what a crash left behind.

While a document has unsaved changes, a copy is written every minute and whenever the
application loses focus, to `<AppDataLocation>/recovery/<id>.review` (or `<id>.workshop`
for a workshop), next to `<id>.json` that remembers the original path and the kind. A
clean save, discarding the changes, or closing the document removes both. A lock file
(`<id>.lock`, QLockFile) marks a recovery file whose app is still running, so a second
running instance never offers it; the lock of a crashed process is stale, and its
recovery file is offered at the next start.

The folder can be overridden with the REVIEWER_RECOVERY_DIR environment variable (tests).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from reviewer.storage.container import DocumentFileError, atomic_write
from reviewer.storage.files import read_regular_file
from reviewer.storage.ownership import Fingerprint
from reviewer.ui.document import DocumentSession
from reviewer.ui.kinds import kind_named

INTERVAL_MS = 60_000
ENV_FOLDER = "REVIEWER_RECOVERY_DIR"
SUFFIXES = {"review": ".review", "workshop": ".workshop"}
MAX_META_BYTES = 64 * 1024


def recovery_dir() -> Path:
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _lock(folder: Path, ident: str) -> QLockFile | None:
    """Take the lock of a recovery file; None when a running app holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    lock = QLockFile(str(folder / f"{ident}.lock"))
    lock.setStaleLockTime(0)  # held for as long as the document is open
    return lock if lock.tryLock(0) else None


def local_time(moment: datetime) -> str:
    """A moment as a person reads it here: local date and time to the minute."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass
class Recovery:
    """A recovery file left by an app that did not close properly."""

    ident: str
    path: Path
    original: Path | None
    name: str
    saved: datetime | None
    lock: QLockFile
    kind: str = "review"  # or "workshop"
    base: Fingerprint | None = None  # the version of `original` the work started from
    register: dict[str, Any] | None = None  # RegisterLocation.to_json() of a register document
    example: bool = False  # changes to a bundled example: recovered as the example

    def when(self) -> str:
        return "?" if self.saved is None else local_time(self.saved)

    def load(self) -> Any:
        """The recovered document (a ReviewDocument, a WorkshopDocument, …)."""
        return kind_named(self.kind).load(self.path)

    def discard(self) -> None:
        _remove_files(self.path.parent, self.ident)
        self.lock.unlock()

    def release(self) -> None:
        """Keep the files for later; let go of the lock."""
        self.lock.unlock()


def _remove_files(folder: Path, ident: str) -> None:
    for suffix in (*SUFFIXES.values(), ".json"):
        with contextlib.suppress(OSError):
            (folder / f"{ident}{suffix}").unlink()


def leftover_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery files whose app is no longer running, newest first (each one locked)."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for meta_path in sorted(folder.glob("*.json")):
        ident = meta_path.stem
        lock = _lock(folder, ident)
        if lock is None:
            continue  # another running app owns it
        try:
            meta = json.loads(read_regular_file(meta_path, MAX_META_BYTES).decode("utf-8"))
            if not isinstance(meta, dict):
                raise ValueError("incomplete")
            kind = meta.get("kind", "review")
            if kind not in SUFFIXES:
                raise ValueError("unknown kind")
            document_path = folder / f"{ident}{SUFFIXES[kind]}"
            if not document_path.is_file():
                raise ValueError("incomplete")
        except (OSError, ValueError):
            _remove_files(folder, ident)
            lock.unlock()
            continue
        original = meta.get("original") or None
        try:
            saved = datetime.fromisoformat(str(meta.get("saved")))
        except ValueError:
            saved = None
        if saved is not None and saved.tzinfo is None:
            saved = saved.replace(tzinfo=UTC)
        found.append(
            Recovery(
                ident=ident,
                path=document_path,
                original=Path(original) if original else None,
                name=str(meta.get("name") or ident),
                saved=saved,
                lock=lock,
                kind=kind,
                base=Fingerprint.from_json(meta.get("base")),
                register=meta.get("register") if isinstance(meta.get("register"), dict) else None,
                example=meta.get("example") is True,
            )
        )
    found.sort(key=lambda r: r.saved or datetime.min.replace(tzinfo=UTC), reverse=True)
    return found


class AutosaveManager(QObject):
    """Keeps a recovery copy of the open document while it has unsaved changes."""

    saved = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._session: DocumentSession | None = None
        self._ident: str | None = None
        self._lock: QLockFile | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    @property
    def folder(self) -> Path:
        return self._folder or recovery_dir()

    @property
    def path(self) -> Path | None:
        """The recovery file of the open document (it may not be written yet)."""
        if self._ident is None or self._session is None:
            return None
        return self.folder / f"{self._ident}{SUFFIXES[self._session.kind]}"

    def track(self, session: DocumentSession | None, recovery: Recovery | None = None) -> None:
        """Follow `session` from now on; the previous document's recovery file goes."""
        self.discard()
        self._session = session
        if session is None:
            self.timer.stop()
            return
        if recovery is not None:
            self._ident, self._lock = recovery.ident, recovery.lock
        else:
            self._ident, self._lock = uuid.uuid4().hex, None
        session.modifiedChanged.connect(self._modified_changed)
        self.timer.start()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # saved (or undone back to the saved state)
            self._remove()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.save_now()

    def save_now(self) -> Path | None:
        """Write the recovery copy if the document has unsaved changes."""
        session, ident = self._session, self._ident
        if session is None or ident is None or not session.is_modified:
            return None
        folder = self.folder
        if self._lock is None:
            self._lock = _lock(folder, ident)
        meta = {
            "original": str(session.path) if session.path else "",
            "name": session.display_name(),
            "saved": datetime.now(UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "kind": session.kind,
        }
        claim = session.claim
        if claim is not None and claim.fingerprint is not None:
            meta["base"] = claim.fingerprint.to_json()
        if session.register_ref is not None:
            meta["register"] = session.register_ref.to_json()
        if session.example:
            meta["example"] = True
        target = folder / f"{ident}{SUFFIXES[session.kind]}"
        try:
            atomic_write(target, session.to_bytes())
            atomic_write(
                folder / f"{ident}.json",
                json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"),
            )
        except (DocumentFileError, OSError) as exc:
            self.failed.emit(str(exc))
            return None
        self.saved.emit(target)
        return target

    def _remove(self) -> None:
        if self._ident is not None:
            _remove_files(self.folder, self._ident)

    def discard(self) -> None:
        """The document was saved, its changes discarded, or it was closed."""
        if self._session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._session.modifiedChanged.disconnect(self._modified_changed)
        self._remove()
        if self._lock is not None:
            self._lock.unlock()
            with contextlib.suppress(OSError):
                (self.folder / f"{self._ident}.lock").unlink(missing_ok=True)
        self._session = None
        self._ident = None
        self._lock = None
        self.timer.stop()
