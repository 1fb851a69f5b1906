"""The search hits as a table model (sortable through a proxy)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.plan import Stage, value_label
from reviewer.storage.register import Hit

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("date", "plan", "address", "municipality", "stage", "kind", "outcome", "adviser")


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("RegisterModel", "Date"),
        QCoreApplication.translate("RegisterModel", "Plan"),
        QCoreApplication.translate("RegisterModel", "Address"),
        QCoreApplication.translate("RegisterModel", "Municipality"),
        QCoreApplication.translate("RegisterModel", "Stage"),
        QCoreApplication.translate("RegisterModel", "Kind"),
        QCoreApplication.translate("RegisterModel", "Outcome"),
        QCoreApplication.translate("RegisterModel", "Adviser"),
    ]


class HitsModel(QAbstractTableModel):
    """One row per search hit; SortRole gives values that sort right (dates, stage order)."""

    def __init__(self, lang: str = "nl", parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.lang = lang

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def _text(self, hit: Hit, column: str) -> str:
        lang = self.lang
        if column == "date":
            return hit.doc_date.isoformat() if hit.doc_date else ""
        if column == "plan":
            return hit.plan_name
        if column == "address":
            return hit.address
        if column == "municipality":
            return hit.municipality
        if column == "stage":
            return value_label(Stage(hit.stage), lang) if hit.stage else ""
        if column == "kind":
            return (
                QCoreApplication.translate("RegisterModel", "Workshop")
                if hit.kind == "workshop"
                else QCoreApplication.translate("RegisterModel", "Review")
            )
        if column == "outcome":
            try:
                return OutcomeResult(hit.outcome).label.get(lang)  # type: ignore[arg-type]
            except ValueError:
                return ""
        return hit.adviser

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hit, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if column == "date":
                return (hit.doc_date or date.min).isoformat()
            if column == "stage":
                return list(Stage).index(Stage(hit.stage)) if hit.stage else -1
            return self._text(hit, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "RegisterModel", "Version {0}, saved by {1} on {2}"
            ).format(hit.version, hit.saved_by or "?", f"{hit.saved_at:%Y-%m-%d %H:%M}")
        return None
