"""Asking for a number (a real distance, a drawing scale) the way the tables show one.

QInputDialog.getDouble follows the locale (here: "1.00" in the Dutch interface, where the
tables say "1" and "44,95") and takes only its own decimal separator. This dialog shows
the number with `format_number` in the interface language and reads it back with
`parse_number`, which takes a comma or a point; a wrong number or one out of range is
said under the field and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.numbers import format_number, parse_number
from reviewer.ui.i18n import current_lang
from reviewer.ui.widgets.text_style import MESSAGE_STYLE


class NumberDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        value: float,
        minimum: float,
        maximum: float,
        decimals: int,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._minimum, self._maximum, self._decimals = minimum, maximum, decimals
        self.value: float | None = None
        lang = current_lang()
        self.edit = QLineEdit(format_number(round(value, decimals), lang, grouped=False))
        self.edit.setObjectName("numberEdit")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.selectAll()
        self.edit.textEdited.connect(lambda _text: self.message.hide())
        prompt = QLabel(label)
        prompt.setBuddy(self.edit)
        prompt.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("numberMessage")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(320, self.fontMetrics().horizontalAdvance(title) + 120))

    def accept(self) -> None:
        lang = current_lang()
        try:
            number = parse_number(self.edit.text(), lang)
        except ValueError:
            self._refuse(
                self.tr("“{0}” is not a number; write it like {1}.").format(
                    self.edit.text().strip(), format_number(12.5, lang)
                )
            )
            return
        number = round(number, self._decimals)
        if not self._minimum <= number <= self._maximum:
            self._refuse(
                self.tr("Enter a number from {0} to {1}.").format(
                    format_number(self._minimum, lang), format_number(self._maximum, lang)
                )
            )
            return
        self.value = number
        super().accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.edit.setFocus()
        self.edit.selectAll()


def ask_number(
    parent: QWidget | None,
    title: str,
    label: str,
    value: float,
    minimum: float,
    maximum: float,
    decimals: int,
) -> float | None:
    dialog = NumberDialog(parent, title, label, value, minimum, maximum, decimals)
    return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
