"""How verdicts and comparison statuses look in the interface: text colours, tints and the
checkable verdict buttons, shared by the criterion panel, the workshop view, its list and
the revision comparison. The colours themselves are the domain's (hex strings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reviewer.domain.statuses import REVISION_COLOURS, STATUS_COLOURS, ItemStatus, RevisionStatus
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.ui import icons

# the verdicts a reviewer can give, each with its keyboard shortcut
VERDICT_KEYS: dict[Verdict, str] = {
    Verdict.MEETS: "1",
    Verdict.PARTLY: "2",
    Verdict.FAILS: "3",
    Verdict.NOT_APPLICABLE: "4",
}


def tint(hex_colour: str, alpha: int = 60) -> QColor:
    """A colour made translucent, for a background behind text."""
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def text_colour(verdict: Verdict) -> QColor:
    """The verdict colour, darkened where needed so it reads as text on a light background."""
    colour = QColor(VERDICT_COLOURS[verdict])
    if verdict in (Verdict.PARTLY, Verdict.NOT_ASSESSED):
        colour = colour.darker(150 if verdict is Verdict.PARTLY else 200)
    return colour


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Give a label its own text colour (through its palette, so styles stay intact)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)


def status_text_colour(status: ItemStatus) -> QColor:
    """The status colour, dark enough to read as text on its own light tint."""
    colour = QColor(STATUS_COLOURS[status])
    return colour.darker(150) if status is ItemStatus.DIFFER else colour.darker(110)


def status_tint(status: ItemStatus) -> QColor:
    return tint(STATUS_COLOURS[status], 38 if status is ItemStatus.AGREE else 56)


def revision_text_colour(status: RevisionStatus) -> QColor:
    return QColor(REVISION_COLOURS[status]).darker(120)


def revision_tint(status: RevisionStatus) -> QColor:
    return tint(REVISION_COLOURS[status], 45)


def verdict_button_style(verdict: Verdict, padding: tuple[int, int]) -> str:
    """A checkable verdict button: neutral, filled with the verdict colour when checked.

    `padding` is (vertical, horizontal) in pixels; the focus frame takes one of each.
    """
    colour = QColor(VERDICT_COLOURS[verdict])
    v, h = padding
    return (
        f"QPushButton {{ padding: {v}px {h}px; border: 1px solid #b4bcc5; border-radius: 4px;"
        " background: palette(button); }"
        "QPushButton:hover { border-color: #7d8894; }"
        "QPushButton:focus { border: 2px solid palette(highlight);"
        f" padding: {v - 1}px {h - 1}px; }}"
        f"QPushButton:checked {{ background: {colour.name()}; color: white;"
        f" border: 1px solid {colour.darker(130).name()}; }}"
    )


def verdict_row(
    parent: QWidget,
    group: QButtonGroup,
    name: str,
    padding: tuple[int, int],
    choose: Callable[[Verdict], object],
) -> tuple[QHBoxLayout, dict[Verdict, QPushButton], QToolButton]:
    """A row of checkable buttons, one per verdict of VERDICT_KEYS, exclusive in `group`,
    then a flat button to clear the verdict. A click on a verdict button calls
    `choose(verdict)`. Each verdict button is named `<name>_<verdict>` (for tests and
    style sheets). Returns the row, the buttons and the clear button (its text and
    action are the caller's)."""
    group.setExclusive(True)
    layout = QHBoxLayout()
    layout.setSpacing(6)
    buttons: dict[Verdict, QPushButton] = {}
    for number, verdict in enumerate(VERDICT_KEYS):
        button = QPushButton(parent)
        button.setCheckable(True)
        button.setObjectName(f"{name}_{verdict.value}")
        button.setIcon(icons.verdict_button_icon(verdict))
        button.setStyleSheet(verdict_button_style(verdict, padding))
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        group.addButton(button, number)
        buttons[verdict] = button
        layout.addWidget(button)
    verdicts = list(VERDICT_KEYS)
    group.idClicked.connect(lambda number: choose(verdicts[number]))
    clear = QToolButton(parent)
    clear.setAutoRaise(True)
    layout.addWidget(clear)
    layout.addStretch(1)
    return layout, buttons, clear


def show_verdict(
    group: QButtonGroup, buttons: dict[Verdict, QPushButton], verdict: Verdict
) -> None:
    """Check the button of `verdict` in a verdict row; none for a verdict without one
    (not assessed), which an exclusive group does not allow by itself."""
    checked = buttons.get(verdict)
    group.setExclusive(False)
    for button in buttons.values():
        button.setChecked(button is checked)
    group.setExclusive(True)
