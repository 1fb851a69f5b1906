"""What the window needs of any open document: one base for a review and a workshop.

`MainWindow` opens, saves, autosaves, recovers and exports every kind of document
through this interface, so a new kind (the plan dossier) adds a subclass and an entry in
`reviewer.ui.kinds`, not another branch in the window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from reviewer.storage.ownership import FileClaim

if TYPE_CHECKING:
    from reviewer.ui.export import ReportJob


def free_name(path: Path) -> Path:
    """`plan.review` → `plan (2).review` (or the first number not taken)."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def file_stem(name: str, fallback: str) -> str:
    """A file name made of a title: letters, digits, spaces, dashes."""
    return "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip() or fallback


@dataclass
class RegisterLocation:
    """Where a document from the register lives: the register (its URL, never with a
    password), the document and its dossier there, and the version this copy started
    from, which the next save names (a newer one in the register refuses the save)."""

    url: str
    document_id: str
    dossier_id: str
    version: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> RegisterLocation | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                str(data["url"]),
                str(data["document_id"]),
                str(data["dossier_id"]),
                int(data["version"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


class DocumentSession(QObject):
    """An open document: its file, the lock and fingerprint of that file, one undo stack
    for every edit, and what the window asks of it (save, bytes for autosave, export)."""

    pathChanged = Signal()
    modifiedChanged = Signal(bool)

    kind: ClassVar[str] = ""  # "review", "workshop": the recovery metadata names it
    file_suffix: ClassVar[str] = ""

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.claim: FileClaim | None = None  # the lock and fingerprint of `path`
        # a document of the register: Save goes there (with the version check), not to a file
        self.register_ref: RegisterLocation | None = None
        # a bundled example, opened as a copy: marked as such until saved as one's own
        self.example = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def read_only(self) -> bool:
        return self.claim is not None and self.claim.read_only

    # ------------------------------------------------------------ to implement
    def display_name(self) -> str:
        raise NotImplementedError

    def status_text(self, lang: str) -> str:
        """One line for the status bar about what is open."""
        raise NotImplementedError

    def suggested_stem(self) -> str:
        """A file name (without suffix) for a document that has none yet."""
        raise NotImplementedError

    def to_bytes(self) -> bytes:
        """The document as its file's bytes (autosave writes these)."""
        raise NotImplementedError

    def _write(self, target: Path) -> bytes:
        """Write the document to `target` atomically; returns the bytes written."""
        raise NotImplementedError

    def ask_save_path(self, parent: QWidget, suggested: str) -> Path | None:
        raise NotImplementedError

    def not_saved_title(self) -> str:
        raise NotImplementedError

    @classmethod
    def cannot_open_title(cls) -> str:
        raise NotImplementedError

    def report_available(self) -> bool:
        return False

    def export_job(self, parent: QWidget, output: Path, lang: str) -> ReportJob:
        raise NotImplementedError

    # ------------------------------------------------------------ shared
    def save(self, path: Path | None = None) -> bytes:
        """Save atomically to `path` (or the current path); raises DocumentFileError.

        On failure the document stays open and unchanged, and so does the file on disk.
        Returns the bytes written (their fingerprint guards the next save)."""
        target = path or self.path
        if target is None:
            raise ValueError("no path to save to")
        data = self._write(Path(target))
        if target != self.path:
            self.path = Path(target)
            self.example = False
            self.pathChanged.emit()
        self.undo_stack.setClean()
        return data
