"""A dropdown that keeps its own keys and finds what is typed in its labels.

Two things a plain QComboBox gets wrong in this app:

- The window's shortcuts Alt+Up / Alt+Down (previous / next criterion) are window-wide,
  so in a dropdown they fired instead of opening the list. `keep_editor_keys` accepts the
  ShortcutOverride for the keys an editor uses itself, so they reach the editor.
- Typing picked the first item that starts with the last letter typed (and, in a table,
  committed it at once: "blinde" chose "bergingen"). `ChoiceCombo` collects what is typed
  and picks the first label that starts with it, else the first that contains it; the
  choice is made with Enter, a click, or by leaving the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QElapsedTimer, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from reviewer.domain.plan import VALUE_LABELS

TYPING_PAUSE_MS = 1000  # a longer pause starts a new search

# keys an editor uses itself; the window's shortcuts on them wait while it has the focus
_ALT = Qt.KeyboardModifier.AltModifier
_NONE = Qt.KeyboardModifier.NoModifier
EDITOR_KEYS = {
    (Qt.Key.Key_Up, _ALT),
    (Qt.Key.Key_Down, _ALT),
    (Qt.Key.Key_Up, _NONE),
    (Qt.Key.Key_Down, _NONE),
    (Qt.Key.Key_F4, _NONE),
    (Qt.Key.Key_Home, _NONE),
    (Qt.Key.Key_End, _NONE),
    (Qt.Key.Key_PageUp, _NONE),
    (Qt.Key.Key_PageDown, _NONE),
}


def _modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class _EditorKeys(QObject):
    """Event filter: the editor's own keys and typed text are the editor's."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key = (Qt.Key(event.key()), _modifiers(event))
            text = event.text()
            if key in EDITOR_KEYS or (
                text
                and text.isprintable()
                and not _modifiers(event) & ~Qt.KeyboardModifier.ShiftModifier
            ):
                event.accept()  # delivered as a key press to the editor
                return True
        return False


_editor_keys = _EditorKeys()


def keep_editor_keys(widget: QWidget) -> QWidget:
    """Let `widget` keep Alt+Up/Down, arrows, F4 and typed text while it has the focus."""
    widget.installEventFilter(_editor_keys)
    return widget


def find_label(labels: list[str], typed: str, start: int = 0) -> int:
    """The first label (from `start`, wrapping) that starts with `typed`, else the first
    that contains it; case and accents as typed are ignored as far as casefold goes.
    -1 when none does."""
    wanted = typed.casefold().strip()
    if not wanted:
        return -1
    order = list(range(start, len(labels))) + list(range(start))
    folded = [label.casefold() for label in labels]
    for i in order:
        if folded[i].startswith(wanted):
            return i
    for i in order:
        if any(word.startswith(wanted) for word in folded[i].replace("/", " ").split()):
            return i
    for i in order:
        if wanted in folded[i]:
            return i
    return -1


class ChoiceCombo(QComboBox):
    """A QComboBox whose typed search matches by prefix, then by substring, and that
    keeps its keys from the window's shortcuts.

    In a form, typing chooses (emits `activated`, as a QComboBox does). As a table cell's
    editor (`activate_on_typing=False`) typing only moves the current item: the choice is
    written with Enter, a click in the list, or by leaving the cell."""

    def __init__(self, parent: QWidget | None = None, *, activate_on_typing: bool = True) -> None:
        super().__init__(parent)
        self._activate_on_typing = activate_on_typing
        self._typed = ""
        self._clock = QElapsedTimer()
        keep_editor_keys(self)
        self._list = self.view()
        self._list.installEventFilter(self)  # typing in the open list too

    def labels(self) -> list[str]:
        return [self.itemText(i) for i in range(self.count())]

    def _search(self, text: str) -> int:
        if not self._clock.isValid() or self._clock.elapsed() > TYPING_PAUSE_MS:
            self._typed = ""
        self._clock.restart()
        self._typed += text
        found = find_label(self.labels(), self._typed)
        if found < 0 and len(self._typed) > len(text):  # a new word: start again
            self._typed = text
            found = find_label(self.labels(), self._typed)
        return found

    @staticmethod
    def _is_typing(event: QKeyEvent) -> bool:
        text = event.text()
        return bool(
            text
            and text.isprintable()
            and not _modifiers(event) & ~Qt.KeyboardModifier.ShiftModifier
            and not (text == " " and not event.modifiers())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_typing(event):
            found = self._search(event.text())
            if found >= 0 and found != self.currentIndex():
                self.setCurrentIndex(found)
                if self._activate_on_typing:
                    self.activated.emit(found)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._is_typing(event)
        ):
            view = self._list
            found = self._search(event.text())
            if found >= 0:
                view.setCurrentIndex(view.model().index(found, self.modelColumn(), QModelIndex()))
            return True
        return super().eventFilter(watched, event)


def fill_choices(
    combo: QComboBox,
    members: Iterable[StrEnum],
    lang: str,
    none_text: str,
    none_data: object = None,
) -> None:
    """`none_text` first (with `none_data`), then each member by its label in `lang`
    (reviewer.domain.plan.VALUE_LABELS), keeping the current choice; no signals fire."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, none_data)
    for member in members:
        combo.addItem(VALUE_LABELS[member.value].get(lang), member.value)  # type: ignore[arg-type]
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
