"""Item models of the workshop view: the criteria side by side, and the filter over them.

`WorkshopModel` is a flat table over the comparison of a `WorkshopSession` (one row per
criterion both reviews have, in checklist order): id, title, A's verdict, B's verdict,
status, tension marker, joint conclusion. `WorkshopFilter` shows all rows, the open
ones, the conflicts, the differences or the tensions; the row being discussed stays
visible while it is current (as in the navigator), so recording a conclusion does not
pull it from under the participants' hands.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.domain.compare import ComparisonItem, ItemStatus, PlanDifference
from reviewer.domain.verdict import Verdict
from reviewer.ui import icons
from reviewer.ui.i18n import current_lang
from reviewer.ui.widgets.row_table import RowTableModel
from reviewer.ui.widgets.verdict_style import status_text_colour, status_tint
from reviewer.ui.workshop.session import TO_DISCUSS, WorkshopSession, is_decided

AnyIndex = QModelIndex | QPersistentModelIndex

TENSION_MARK = "⇄"
FACTS_MARK = "≠"  # the rule reads plan facts the two reviews give differently
DECIDED_MARK = "✓"
DRAFT_MARK = "…"


class Column(IntEnum):
    ID = 0
    TITLE = 1
    A = 2
    B = 3
    STATUS = 4
    FACTS = 5
    TENSION = 6
    CONCLUSION = 7


class Role(IntEnum):
    CRITERION_ID = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2  # ItemStatus value
    OPEN = Qt.ItemDataRole.UserRole + 3  # a difference without an agreed verdict
    TENSION = Qt.ItemDataRole.UserRole + 4  # part of a tension pair
    DECIDED = Qt.ItemDataRole.UserRole + 5  # a joint conclusion with an agreed verdict
    DIFFERING_FACTS = Qt.ItemDataRole.UserRole + 6  # the rule reads facts that differ


COLUMNS = len(Column)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
CENTRE = int(Qt.AlignmentFlag.AlignCenter.value)


class WorkshopModel(RowTableModel[ComparisonItem]):
    """The criteria of a workshop side by side: both verdicts, status, tension, conclusion."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._session: WorkshopSession | None = None
        self._rows: dict[str, int] = {}
        self._tensions: set[str] = set()
        self._muted = QBrush(QColor("#6b7683"))
        self._warning = QBrush(QColor("#8a5a00"))
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------ session
    @property
    def session(self) -> WorkshopSession | None:
        return self._session

    def set_session(self, session: WorkshopSession | None) -> None:
        self.beginResetModel()
        if self._session is not None:
            self._session.conclusionChanged.disconnect(self.refresh)
        self._session = session
        self._items = list(session.comparison.items) if session else []
        self._rows = {item.criterion_id: row for row, item in enumerate(self._items)}
        self._tensions = set()
        if session is not None:
            for tension in session.comparison.tensions:
                self._tensions.update((tension.first, tension.second))
            session.conclusionChanged.connect(self.refresh)
        self.endResetModel()

    def refresh(self, criterion_id: str) -> None:
        row = self._rows.get(criterion_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    # ------------------------------------------------------------ lookups
    def row_of(self, criterion_id: str) -> int | None:
        return self._rows.get(criterion_id)

    def criterion_ids(self) -> list[str]:
        return [item.criterion_id for item in self._items]

    def in_tension(self, criterion_id: str) -> bool:
        return criterion_id in self._tensions

    # ------------------------------------------------------------ structure
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == TOOLTIP:
            return self._header_tooltip(section)
        if role != DISPLAY:
            return None
        return (
            self.tr("Id"),
            self.tr("Criterion"),
            self.tr("A"),
            self.tr("B"),
            self.tr("Status"),
            FACTS_MARK,
            TENSION_MARK,
            DECIDED_MARK,
        )[section]

    def _header_tooltip(self, section: int) -> str | None:
        session = self._session
        lang = current_lang()
        if section == Column.A and session is not None:
            review = session.workshop.review_a
            return self.tr("Review A: {0}").format(review.perspective.label.get(lang))
        if section == Column.B and session is not None:
            review = session.workshop.review_b
            return self.tr("Review B: {0}").format(review.perspective.label.get(lang))
        if section == Column.FACTS:
            return self.tr("Rests on plan facts the two reviews give differently")
        if section == Column.TENSION:
            return self.tr("In tension with another criterion")
        if section == Column.CONCLUSION:
            return self.tr("Joint conclusion recorded")
        return None

    # ------------------------------------------------------------ data
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._session is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._items) or not 0 <= column < COLUMNS:
            return None
        item = self._items[row]
        session = self._session
        cid = item.criterion_id
        if role == Role.CRITERION_ID:
            return cid
        if role == Role.STATUS:
            return item.status.value
        if role == Role.OPEN:
            return session.is_open(cid)
        if role == Role.TENSION:
            return cid in self._tensions
        if role == Role.DECIDED:
            return is_decided(session.conclusion(cid))
        if role == Role.DIFFERING_FACTS:
            return bool(session.comparison.rests_on_differences(cid))
        lang = current_lang()
        if role == DISPLAY:
            return self._display(item, column, lang)
        if role == DECORATION:
            if column == Column.A:
                return icons.verdict_icon(item.a)
            if column == Column.B:
                return icons.verdict_icon(item.b)
            if column == Column.CONCLUSION:
                conclusion = session.conclusion(cid)
                if is_decided(conclusion):
                    assert conclusion is not None
                    return icons.verdict_icon(conclusion.verdict)
            return None
        if role == BACKGROUND:
            return QBrush(status_tint(item.status)) if column == Column.STATUS else None
        if role == FOREGROUND:
            if column == Column.STATUS:
                return QBrush(status_text_colour(item.status))
            if column == Column.FACTS:
                return self._warning
            if column in (Column.ID, Column.TENSION):
                return self._muted
            if column in (Column.A, Column.B):
                verdict = item.a if column == Column.A else item.b
                return None if verdict.is_assessed else self._muted
            return None
        if role == FONT:
            if column == Column.STATUS and item.status is ItemStatus.CONFLICT:
                return self._bold
            return None
        if role == ALIGNMENT:
            return CENTRE if column in (Column.FACTS, Column.TENSION, Column.CONCLUSION) else None
        if role == TOOLTIP:
            return self._tooltip(item, column, lang)
        if role == ACCESSIBLE:
            if column != Column.TITLE:
                return None
            return self.tr("{0}: A {1}, B {2}, {3}").format(
                self._title(cid, lang),
                item.a.label.get(lang),
                item.b.label.get(lang),
                item.status.label.get(lang),
            )
        return None

    def short_label(self, verdict: Verdict) -> str:
        """A verdict in one or two words, for the narrow A and B columns."""
        return {
            Verdict.MEETS: self.tr("meets"),
            Verdict.PARTLY: self.tr("partly"),
            Verdict.FAILS: self.tr("fails"),
            Verdict.NOT_APPLICABLE: self.tr("n/a"),
            Verdict.NOT_ASSESSED: "—",
        }[verdict]

    def _title(self, criterion_id: str, lang: str) -> str:
        assert self._session is not None
        return self._session.workshop.review_a.checklist.criterion(criterion_id).title.get(lang)  # type: ignore[arg-type]

    def _display(self, item: ComparisonItem, column: int, lang: str) -> str | None:
        assert self._session is not None
        if column == Column.ID:
            return item.criterion_id
        if column == Column.TITLE:
            return self._title(item.criterion_id, lang)
        if column == Column.A:
            return self.short_label(item.a)
        if column == Column.B:
            return self.short_label(item.b)
        if column == Column.STATUS:
            return item.status.label.get(lang)  # type: ignore[arg-type]
        if column == Column.FACTS:
            differing = self._session.comparison.rests_on_differences(item.criterion_id)
            return FACTS_MARK if differing else None
        if column == Column.TENSION:
            return TENSION_MARK if item.criterion_id in self._tensions else None
        if column == Column.CONCLUSION:
            conclusion = self._session.conclusion(item.criterion_id)
            if is_decided(conclusion):
                return DECIDED_MARK
            return DRAFT_MARK if conclusion is not None else None
        return None

    def _tooltip(self, item: ComparisonItem, column: int, lang: str) -> str | None:
        assert self._session is not None
        session = self._session
        cid = item.criterion_id
        if column == Column.FACTS:
            return differing_facts_text(session.comparison.rests_on_differences(cid), lang)
        if column == Column.TENSION:
            partners = session.tension_partners(cid)
            if not partners:
                return None
            checklist = session.workshop.review_a.checklist
            names = [f"{p} {checklist.criterion(p).title.get(lang)}" for p in partners]  # type: ignore[arg-type]
            return self.tr("In tension with: {0}").format("; ".join(names))
        if column == Column.CONCLUSION:
            conclusion = session.conclusion(cid)
            if conclusion is None:
                if item.status in TO_DISCUSS:
                    return self.tr("No joint conclusion yet")
                return None
            lines = [self.tr("Agreed verdict: {0}").format(conclusion.verdict.label.get(lang))]
            if conclusion.measure.strip():
                lines.append(self.tr("Agreed measure: {0}").format(conclusion.measure.strip()))
            if conclusion.actor.strip():
                lines.append(self.tr("Who acts: {0}").format(conclusion.actor.strip()))
            return "\n".join(lines)
        if column in (Column.A, Column.B):
            review = session.workshop.review_a if column == Column.A else session.workshop.review_b
            assessment = review.assessments[cid]
            lines = [f"{review.perspective.label.get(lang)}: {assessment.verdict.label.get(lang)}"]
            if assessment.measure.strip():
                lines.append(self.tr("Measure: {0}").format(assessment.measure.strip()))
            return "\n".join(lines)
        if column == Column.STATUS:
            return {
                ItemStatus.AGREE: self.tr("Both reviews give the same verdict"),
                ItemStatus.DIFFER: self.tr("The verdicts are one step apart"),
                ItemStatus.CONFLICT: self.tr("One review says it meets, the other that it fails"),
                ItemStatus.ONLY_A: self.tr("Only review A gave a verdict"),
                ItemStatus.ONLY_B: self.tr("Only review B gave a verdict"),
                ItemStatus.NEITHER: self.tr("Neither review gave a verdict"),
            }[item.status]
        return f"{cid} — {self._title(cid, lang)}"


def difference_text(difference: PlanDifference, lang: str) -> str:
    """ "Entrance B: dwellings (A 14, B 9)": what differs, and both values."""
    return QCoreApplication.translate("WorkshopModel", "{0} (A {1}, B {2})").format(
        difference.subject(lang),
        difference.a.get(lang),  # type: ignore[arg-type]
        difference.b.get(lang),  # type: ignore[arg-type]
    )


def differing_facts_text(differences: list[PlanDifference], lang: str) -> str | None:
    """What a criterion's rule reads that the reviews give differently, one per line;
    None when nothing."""
    if not differences:
        return None
    heading = QCoreApplication.translate(
        "WorkshopModel",
        "Rests on differing plan facts: the verdicts may differ because the facts do.",
    )
    return "\n".join([heading, *(f"• {difference_text(d, lang)}" for d in differences)])


# ---------------------------------------------------------------- filtering

FILTERS = ("differences", "open", "conflicts", "tensions", "all")
DIFFERENCES = TO_DISCUSS
DEFAULT_FILTER = "differences"


class WorkshopFilter(QSortFilterProxyModel):
    """Shows the rows of one filter; the current row stays visible while it is current."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(True)
        self.mode = DEFAULT_FILTER
        self.pinned: str | None = None

    def source(self) -> WorkshopModel:
        model = self.sourceModel()
        assert isinstance(model, WorkshopModel)
        return model

    def set_mode(self, mode: str) -> None:
        """Show exactly the rows of `mode`; the current row stays only if it is one of them."""
        if mode not in FILTERS:
            raise ValueError(mode)
        self.beginFilterChange()
        self.mode = mode
        if self.pinned is not None and not self.accepts(self.pinned):
            self.pinned = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pinned(self, criterion_id: str | None) -> None:
        previous, self.pinned = self.pinned, criterion_id
        if previous and previous != criterion_id and self.mode != "all":
            self.source().refresh(previous)  # re-filters just that row

    def accepts(self, criterion_id: str) -> bool:
        """Whether a criterion passes the filter (ignoring the pin)."""
        model = self.source()
        session = model.session
        if session is None:
            return False
        item = session.item(criterion_id)
        if item is None:
            return False
        if self.mode == "all":
            return True
        if self.mode == "open":
            return session.is_open(criterion_id)
        if self.mode == "conflicts":
            return item.status is ItemStatus.CONFLICT
        if self.mode == "differences":
            return item.status in DIFFERENCES
        return model.in_tension(criterion_id)  # tensions

    def count(self, mode: str) -> int:
        """How many rows a filter would show (for the filter buttons)."""
        saved = self.mode
        self.mode = mode
        try:
            return sum(1 for cid in self.source().criterion_ids() if self.accepts(cid))
        finally:
            self.mode = saved

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if source_parent.isValid():
            return False
        item = self.source().item_at(source_row)
        if item is None:
            return False
        if item.criterion_id == self.pinned:
            return True
        return self.accepts(item.criterion_id)
