"""A flat, read-only table of items, one row each: the model base and the view's setup
shared by the workshop list and the revision comparison."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reviewer.ui.i18n import notifier

AnyIndex = QModelIndex | QPersistentModelIndex
Item = TypeVar("Item")


class RowTableModel(QAbstractTableModel, Generic[Item]):
    """`columns` columns over `self._items`; repaints (texts and headers) when the
    interface language changes. Subclasses fill `_items` and answer `data`."""

    def __init__(self, columns: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._items: list[Item] = []
        notifier.changed.connect(self.retranslate)

    def retranslate(self) -> None:
        last = self._columns - 1
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, last))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def row_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    """A table view that selects whole rows, one at a time, without editing or grid."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
    table.setIconSize(QSize(14, 14))
    return table
