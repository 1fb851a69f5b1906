"""The plan's identity as a form: name, address, municipality, client, architect, plan type,
stage and revision. The new-review dialog collects them; the plan panel turns each edit
into an undoable change of the open review. One form, so both ask the same way.

Plan type and stage are chosen from a list whose first item is "not given": then every
criterion applies. The free-text `phase` of earlier files is not in the form; the plan
keeps it as it is.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from reviewer.domain.plan import PlanIdentity, PlanType, Stage
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.widgets.choice_combo import ChoiceCombo, fill_choices
from reviewer.ui.widgets.text_style import HINT_STYLE

FIELDS = ("name", "address", "municipality", "client", "architect", "revision")
CHOICES: dict[str, type[StrEnum]] = {"plan_type": PlanType, "stage": Stage}
# the order of the rows (and of the tab chain)
ROWS = ("name", "address", "municipality", "client", "architect", "plan_type", "stage", "revision")


class IdentityForm(QWidget):
    """A labelled row per identity field, in ROWS order (also the tab order): a line edit
    held to what the plan holds (a paste is cut at the limit) or, for plan type and stage,
    a combo box. Follows the interface language.

    `object_prefix` names the widgets `<prefix>_<field>` (for tests and style sheets).
    """

    edited = Signal(str, str)  # field, text: typed by the person, not set by the program
    finished = Signal(str)  # field: the person left it or pressed Enter
    chosen = Signal(str, object)  # field, value (str or None): picked by the person

    def __init__(self, object_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self._labels: dict[str, QLabel] = {}
        for field in ROWS:
            label = QLabel(self)
            widget: QWidget
            if field in CHOICES:
                combo = ChoiceCombo(self)
                combo.setObjectName(f"{object_prefix}_{field}")
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                combo.activated.connect(lambda _i, f=field: self._on_chosen(f))
                self.combos[field] = combo
                widget = combo
            else:
                edit = QLineEdit(self)
                edit.setObjectName(f"{object_prefix}_{field}")
                edit.setMaxLength(MAX_NAME_CHARS)
                edit.textEdited.connect(lambda text, f=field: self.edited.emit(f, text))
                edit.editingFinished.connect(lambda f=field: self.finished.emit(f))
                self.edits[field] = edit
                widget = edit
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels[field] = label
            if field == "stage":
                self._scope_hint = QLabel(self)
                self._scope_hint.setObjectName(f"{object_prefix}_scope_hint")
                self._scope_hint.setWordWrap(True)
                self._scope_hint.setStyleSheet(HINT_STYLE)
                form.addRow("", self._scope_hint)
        notifier.changed.connect(self.retranslate)
        self.retranslate()

    def edit(self, field: str) -> QLineEdit:
        return self.edits[field]

    def combo(self, field: str) -> QComboBox:
        return self.combos[field]

    def values(self) -> dict[str, str]:
        """What each text field holds, as typed."""
        return {field: edit.text() for field, edit in self.edits.items()}

    def choices(self) -> dict[str, str | None]:
        """The plan type and stage chosen (None: not given)."""
        return {field: combo.currentData() or None for field, combo in self.combos.items()}

    def set_values(self, identity: PlanIdentity) -> None:
        """Show `identity` (the program's doing: `edited` and `chosen` are not emitted)."""
        for field, edit in self.edits.items():
            edit.setText(getattr(identity, field))
        for field in self.combos:
            value = getattr(identity, field)
            self.set_choice(field, value.value if value is not None else None)

    def set_choice(self, field: str, value: str | None) -> None:
        """Show a plan type or stage (the program's doing: `chosen` is not emitted)."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(value or "")))
        self._update_hint()

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        self._update_hint()

    def _on_chosen(self, field: str) -> None:
        self._update_hint()
        self.chosen.emit(field, self.combos[field].currentData() or None)

    def _update_hint(self) -> None:
        unknown = [f for f, combo in self.combos.items() if not combo.currentData()]
        self._scope_hint.setVisible(bool(unknown))

    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        lang = current_lang()
        labels = {
            "name": self.tr("Name"),
            "address": self.tr("Address"),
            "municipality": self.tr("Municipality"),
            "client": self.tr("Client"),
            "architect": self.tr("Architect"),
            "plan_type": self.tr("Plan type"),
            "stage": self.tr("Stage"),
            "revision": self.tr("Revision"),
        }
        for field, label in self._labels.items():
            label.setText(labels[field] + ":")
        self.edits["name"].setPlaceholderText(self.tr("required"))
        self.edits["revision"].setPlaceholderText(self.tr("e.g. VO-2"))
        for field, enum in CHOICES.items():
            fill_choices(self.combos[field], enum, lang, self.tr("not given"), "")
        self.combos["plan_type"].setToolTip(
            self.tr("New build, renovation or transformation: decides which criteria apply")
        )
        self.combos["stage"].setToolTip(
            self.tr("The design stage the plan is reviewed at: decides which criteria apply")
        )
        self._scope_hint.setText(
            self.tr(
                "Plan type or stage not given: every criterion applies, also those meant "
                "only for other types or stages."
            )
        )
        self._update_hint()
