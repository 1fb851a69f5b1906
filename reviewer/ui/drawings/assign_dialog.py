"""Choosing the plan fact a measurement is written into.

The facts that fit the measurement (see `reviewer.domain.measuring.propose_targets`) in a
list, grouped by why they are where they are: the fact it is assigned to, the element a
pin on the line names, the element last selected in the plan, the facts of criteria
pinned near it, the facts drawings usually measure, the rest. Each shows the value the
plan holds now. Nothing is chosen unless the choice is certain, and *Assign* stays off
until a fact is chosen, so Enter never writes a length into a fact nobody picked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.measuring import Proposal, Reason
from reviewer.domain.numbers import format_number
from reviewer.domain.plan import ELEMENT_LABELS, FACTS

INDEX_ROLE = Qt.ItemDataRole.UserRole  # the proposal's index; None on a heading
MIN_WIDTH = 460
VISIBLE_ROWS = 14


class FactList(QListWidget):
    """The list of facts. With nothing chosen yet, the first arrow key chooses the fact
    the cursor is on (the first one) rather than skipping past it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        first_keys = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Space)
        if not self.selectedItems() and event.key() in first_keys:
            current = self.currentItem()
            if current is None or not current.flags() & Qt.ItemFlag.ItemIsSelectable:
                current = next(
                    (
                        self.item(row)
                        for row in range(self.count())
                        if self.item(row).flags() & Qt.ItemFlag.ItemIsSelectable
                    ),
                    None,
                )
            if current is not None:
                self.setCurrentItem(current)
                current.setSelected(True)
                event.accept()
                return
        super().keyPressEvent(event)


class AssignDialog(QDialog):
    """The facts a measurement can be written into; `chosen()` is the index of the one
    picked in `proposals`, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        value: float,
        unit: str,
        where: str,
        proposals: Sequence[Proposal],
        lang: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.proposals = list(proposals)
        self.setWindowTitle(self.tr("Assign measurement to a plan fact"))
        self.prompt = QLabel(
            self.tr("Write {0} {1} ({2}) into:").format(
                format_number(value, lang, decimals=2), unit, where
            ),
            self,
        )
        self.prompt.setWordWrap(True)
        self.list = FactList(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(False)
        headings = self._headings(unit)
        bold = QFont(self.list.font())
        bold.setBold(True)
        reason: Reason | None = None
        preselected: QListWidgetItem | None = None
        for index, proposal in enumerate(self.proposals):
            if proposal.reason is not reason:
                reason = proposal.reason
                heading = QListWidgetItem(headings[reason])
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setFont(bold)
                heading.setForeground(self.palette().color(QPalette.ColorRole.WindowText))
                heading.setData(INDEX_ROLE, None)
                self.list.addItem(heading)
            item = QListWidgetItem("    " + self._text(proposal, lang))
            item.setData(INDEX_ROLE, index)
            self.list.addItem(item)
            if proposal.preselect and preselected is None:
                preselected = item
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.assign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.assign_button.setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_button)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        if preselected is not None:
            self.list.setCurrentItem(preselected)
        self._update_button()
        self.list.setFocus()
        # wide enough for the title (with the window's buttons) and the longest fact
        metrics = self.fontMetrics()
        title = metrics.horizontalAdvance(self.windowTitle()) + 160
        rows = [self.list.item(i).text() for i in range(self.list.count())]
        longest = max((metrics.horizontalAdvance(t) for t in rows), default=0) + 60
        self.resize(max(MIN_WIDTH, title, min(longest, 760)), self.sizeHint().height())
        shown = min(self.list.count(), VISIBLE_ROWS)
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * shown + 8)

    def _headings(self, unit: str) -> dict[Reason, str]:
        return {
            Reason.ASSIGNED: self.tr("Assigned now"),
            Reason.ON_ELEMENT: self.tr("The element a pin on this measurement names"),
            Reason.SELECTED: self.tr("Selected in the plan"),
            Reason.NEAR_PIN: self.tr("Used by a criterion pinned near this measurement"),
            Reason.TYPICAL: self.tr("Usually measured on a drawing"),
            Reason.OTHER: self.tr("Other facts in {0}").format(unit),
        }

    def _text(self, proposal: Proposal, lang: str) -> str:
        """ "Galerij G1: lengte — nu 70,00 m"."""
        target = proposal.target
        name = f"{ELEMENT_LABELS[target.collection].get(lang)} {target.element}".strip()  # type: ignore[arg-type]
        fact = FACTS[target.collection][target.fact].label.get(lang)  # type: ignore[arg-type]
        if proposal.current is None:
            now = self.tr("empty now")
        else:
            value = format_number(float(proposal.current), lang, decimals=2)
            now = self.tr("now {0} {1}").format(value, target.unit)
        return f"{name}: {fact} — {now}"

    def _update_button(self) -> None:
        self.assign_button.setEnabled(self.chosen() is not None)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        if item.data(INDEX_ROLE) is not None:
            self.list.setCurrentItem(item)
            self.accept()

    def accept(self) -> None:
        if self.chosen() is None:  # Enter with nothing chosen does nothing
            return
        super().accept()

    def chosen(self) -> int | None:
        """The index of the chosen proposal, or None when none is chosen."""
        selected = self.list.selectedItems()
        if not selected:
            return None
        index = selected[0].data(INDEX_ROLE)
        return index if isinstance(index, int) else None
