"""Multi-line text fields of a document: the criterion panel's notes and the workshop's
joint conclusion. They keep no undo stack of their own (the session merges typing into
one step on the document's stack), and say when a text is too long for the document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

from reviewer.domain.numbers import format_number
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.ui.i18n import current_lang


class DocumentUndoFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z in a text field reach the document's Undo/Redo actions."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return False


def too_long_message(limit: int | None) -> str:
    """What a person reads when a text is longer than the document can hold."""
    count = format_number(limit or 0, current_lang())
    return QCoreApplication.translate(
        "NoteEdit",
        "Too long: at most {0} characters. Until it is shorter, the last text that fitted is kept.",
    ).format(count)


class NoteEdit(QPlainTextEdit):
    """A plain-text field without its own undo stack; `lines` sets its height.

    `limit_label` (place it under the field) says when the text is too long for the
    document: see `show_too_long`."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._lines = lines
        metrics = self.fontMetrics()
        frame = 2 * self.frameWidth() + int(self.document().documentMargin() * 2)
        self.setMinimumHeight(metrics.lineSpacing() * lines + frame + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.limit_label = QLabel(parent)
        self.limit_label.setWordWrap(True)
        warn = QPalette(self.limit_label.palette())
        warn.setColor(QPalette.ColorRole.WindowText, QColor(VERDICT_COLOURS[Verdict.FAILS]))
        self.limit_label.setPalette(warn)
        self.limit_label.hide()

    def show_too_long(self, limit: int | None) -> None:
        self.limit_label.setText(too_long_message(limit))
        self.limit_label.show()

    def hide_too_long(self) -> None:
        self.limit_label.hide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight())

    def set_text_keeping_cursor(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self.hide_too_long()  # the field shows the document's text again
        self.blockSignals(True)
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)
        self.blockSignals(False)
