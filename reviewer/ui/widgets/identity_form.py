"""The plan's identity as a form: name, address, municipality, client, architect, phase and
revision, one line each. The new-review dialog collects them; the plan panel turns each
edit into an undoable change of the open review. One form, so both ask the same way."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from reviewer.domain.plan import PlanIdentity
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.ui.i18n import notifier

FIELDS = ("name", "address", "municipality", "client", "architect", "phase", "revision")


class IdentityForm(QWidget):
    """A labelled line per identity field, in FIELDS order (also the tab order), each held
    to what the plan holds (a paste is cut at the limit). Follows the interface language.

    `object_prefix` names the line edits `<prefix>_<field>` (for tests and style sheets).
    """

    edited = Signal(str, str)  # field, text: typed by the person, not set by the program
    finished = Signal(str)  # field: the person left it or pressed Enter

    def __init__(self, object_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self._labels: dict[str, QLabel] = {}
        for field in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"{object_prefix}_{field}")
            edit.setMaxLength(MAX_NAME_CHARS)
            edit.textEdited.connect(lambda text, f=field: self.edited.emit(f, text))
            edit.editingFinished.connect(lambda f=field: self.finished.emit(f))
            label = QLabel(self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[field] = edit
            self._labels[field] = label
        notifier.changed.connect(self.retranslate)
        self.retranslate()

    def edit(self, field: str) -> QLineEdit:
        return self.edits[field]

    def values(self) -> dict[str, str]:
        """What each field holds, as typed."""
        return {field: edit.text() for field, edit in self.edits.items()}

    def set_values(self, identity: PlanIdentity) -> None:
        """Show `identity` (the program's doing: `edited` is not emitted)."""
        for field, edit in self.edits.items():
            edit.setText(getattr(identity, field))

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()

    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        labels = {
            "name": self.tr("Name"),
            "address": self.tr("Address"),
            "municipality": self.tr("Municipality"),
            "client": self.tr("Client"),
            "architect": self.tr("Architect"),
            "phase": self.tr("Phase"),
            "revision": self.tr("Revision"),
        }
        for field, label in self._labels.items():
            label.setText(labels[field] + ":")
        self.edits["name"].setPlaceholderText(self.tr("required"))
        self.edits["phase"].setPlaceholderText(
            self.tr("e.g. sketch design, preliminary design, final design")
        )
        self.edits["revision"].setPlaceholderText(self.tr("e.g. VO-2"))
