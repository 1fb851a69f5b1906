"""The navigator: the checklist as a tree (sections → criteria), filters, and progress.

`ChecklistModel` adapts the review of a `ReviewSession` (domain objects stay plain
Python); `NavigatorFilter` filters it recursively by perspective, verdict, level and
free text; `Navigator` is the left-hand widget that holds both.

The criterion being worked on is *pinned*: it stays visible while it is current even
when an edit makes it fall outside the filter ("only not assessed" and a verdict is
given), so the list does not jump under the reviewer's hands. It leaves the list when
the reviewer moves on.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Criterion, Perspective, Section
from reviewer.domain.outcome import progress
from reviewer.domain.verdict import Verdict
from reviewer.ui import icons
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.stepping import step_target

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    LEVEL = 1
    PERSPECTIVE = 2
    EXTRAS = 3  # notes / photo icons; for a section: assessed / applicable


class Role(IntEnum):
    CRITERION_ID = Qt.ItemDataRole.UserRole + 1  # str; None for a section
    SECTION_ID = Qt.ItemDataRole.UserRole + 2
    VERDICT = Qt.ItemDataRole.UserRole + 3  # Verdict value; None for a section
    IN_SCOPE = Qt.ItemDataRole.UserRole + 4
    REQUIREMENT = Qt.ItemDataRole.UserRole + 5


SECTION_ID = 0  # internalId of section rows; criteria carry section row + 1
COLUMNS = len(Column)
TITLE, LEVEL, PERSPECTIVE, EXTRAS = (int(c) for c in Column)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
HANDLED_ROLES = frozenset(
    {DISPLAY, DECORATION, FOREGROUND, FONT, ALIGNMENT, TOOLTIP, ACCESSIBLE, *(int(r) for r in Role)}
)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
CENTRE = int(Qt.AlignmentFlag.AlignCenter.value)


class ChecklistModel(QAbstractItemModel):
    """Sections and their criteria, with verdict dot, level marker, perspective badge."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._sections: list[Section] = []
        self._where: dict[str, tuple[int, int]] = {}  # criterion id -> (section row, row)
        self._muted = QBrush(QColor("#7b8794"))
        self._bold = QFont()
        self._bold.setBold(True)
        notifier.changed.connect(self.retranslate)

    # ------------------------------------------------------------ session
    @property
    def session(self) -> ReviewSession | None:
        return self._session

    def set_session(self, session: ReviewSession | None) -> None:
        self.beginResetModel()
        if self._session is not None:
            self._session.assessmentChanged.disconnect(self.refresh)
        self._session = session
        self._sections = list(session.review.checklist.sections) if session else []
        self._where = {
            c.id: (s, r) for s, sec in enumerate(self._sections) for r, c in enumerate(sec.criteria)
        }
        if session is not None:
            session.assessmentChanged.connect(self.refresh)
        self.endResetModel()

    def refresh(self, criterion_id: str) -> None:
        """Repaint one criterion row and its section's tally."""
        where = self._where.get(criterion_id)
        if where is None:
            return
        section_row, row = where
        parent = self.createIndex(section_row, 0, SECTION_ID)
        self.dataChanged.emit(
            self.createIndex(row, 0, section_row + 1),
            self.createIndex(row, COLUMNS - 1, section_row + 1),
        )
        self.dataChanged.emit(parent, self.createIndex(section_row, COLUMNS - 1, SECTION_ID))

    def retranslate(self) -> None:
        if not self._sections:
            return
        last = COLUMNS - 1
        self.dataChanged.emit(
            self.createIndex(0, 0, SECTION_ID),
            self.createIndex(len(self._sections) - 1, last, SECTION_ID),
        )
        for s, section in enumerate(self._sections):
            self.dataChanged.emit(
                self.createIndex(0, 0, s + 1),
                self.createIndex(len(section.criteria) - 1, last, s + 1),
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    # ------------------------------------------------------------ lookups
    def criterion_index(self, criterion_id: str, column: int = 0) -> QModelIndex:
        where = self._where.get(criterion_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], column, where[0] + 1)

    def criterion_at(self, index: AnyIndex) -> Criterion | None:
        if not index.isValid() or index.internalId() == SECTION_ID:
            return None
        return self._sections[index.internalId() - 1].criteria[index.row()]

    def section_at(self, index: AnyIndex) -> Section | None:
        if not index.isValid():
            return None
        if index.internalId() == SECTION_ID:
            return self._sections[index.row()]
        return self._sections[index.internalId() - 1]

    def criterion(self, criterion_id: str) -> Criterion | None:
        where = self._where.get(criterion_id)
        return self._sections[where[0]].criteria[where[1]] if where else None

    def criterion_ids(self) -> list[str]:
        return list(self._where)

    # ------------------------------------------------------------ structure
    # These run thousands of times while the tree paints: plain ints, no hasIndex().
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._sections):
                return QModelIndex()
            return self.createIndex(row, column, SECTION_ID)
        if parent.internalId() != SECTION_ID or parent.column() != 0:
            return QModelIndex()
        section_row = parent.row()
        if row >= len(self._sections[section_row].criteria):
            return QModelIndex()
        return self.createIndex(row, column, section_row + 1)

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid() or index.internalId() == SECTION_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, SECTION_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() != SECTION_ID or parent.column() != 0:
            return 0
        return len(self._sections[parent.row()].criteria)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        if not 0 <= section < COLUMNS:
            return None
        return (
            self.tr("Criterion"),
            self.tr("Level"),
            self.tr("Perspective"),
            self.tr("Notes"),
        )[section]

    # ------------------------------------------------------------ data
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in HANDLED_ROLES or self._session is None or not index.isValid():
            return None
        internal = index.internalId()
        if internal == SECTION_ID:
            return self._section_data(self._sections[index.row()], index.column(), role)
        criterion = self._sections[internal - 1].criteria[index.row()]
        return self._criterion_data(criterion, index.column(), role)

    def _section_data(self, section: Section, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == TITLE:
                return section.title.get(current_lang())
            if column == EXTRAS:
                done, total = self._section_progress(section)
                return f"{done}/{total}"
            return None
        if role == FONT:
            return self._bold if column == TITLE else None
        if role == FOREGROUND:
            return self._muted if column == EXTRAS else None
        if role == ALIGNMENT:
            return RIGHT if column == EXTRAS else None
        if role == TOOLTIP:
            lang = current_lang()
            done, total = self._section_progress(section)
            text = section.title.get(lang)
            if section.description is not None:
                text += "\n" + section.description.get(lang)
            return (
                text + "\n" + self.tr("{0} of {1} applicable criteria assessed").format(done, total)
            )
        if role == Role.SECTION_ID:
            return section.id
        return None

    def _section_progress(self, section: Section) -> tuple[int, int]:
        assert self._session is not None
        review = self._session.review
        done = total = 0
        for criterion in section.criteria:
            if not review.in_scope(criterion):
                continue
            # as the progress bar counts: judged not applicable is assessed
            total += 1
            done += review.assessments[criterion.id].verdict.is_assessed
        return done, total

    def perspective_badge(self, criterion: Criterion) -> str:
        safety = Perspective.SAFETY in criterion.perspectives
        cohesion = Perspective.COHESION in criterion.perspectives
        if safety and cohesion:
            return self.tr("S+C", "perspective badge: safety and cohesion")
        if safety:
            return self.tr("S", "perspective badge: safety")
        return self.tr("C", "perspective badge: cohesion")

    def _criterion_data(self, criterion: Criterion, column: int, role: int) -> Any:
        assert self._session is not None
        review = self._session.review
        if role == DISPLAY:
            if column == TITLE:
                return criterion.title.get(current_lang())
            if column == PERSPECTIVE:
                return self.perspective_badge(criterion)
            return None
        if role == DECORATION:
            if column == TITLE:
                return icons.verdict_icon(review.assessments[criterion.id].verdict)
            if column == LEVEL:
                return icons.icon("requirement") if criterion.is_requirement else None
            if column == EXTRAS:
                assessment = review.assessments[criterion.id]
                names = []
                if assessment.notes.strip() or assessment.measure.strip():
                    names.append("notes")
                if assessment.photos:
                    names.append("photo")
                return icons.combined_icon(*names) if names else None
            return None
        if role == FOREGROUND:
            if column == PERSPECTIVE or not review.in_scope(criterion):
                return self._muted
            return None
        if role == ALIGNMENT:
            return CENTRE if column == PERSPECTIVE else None
        if role == FONT:
            return None
        if role == TOOLTIP:
            return self._criterion_tooltip(criterion, column)
        if role == ACCESSIBLE:
            if column != TITLE:
                return None
            lang = current_lang()
            verdict = review.assessments[criterion.id].verdict
            return f"{criterion.title.get(lang)}, {verdict.label.get(lang)}"
        if role == Role.CRITERION_ID:
            return criterion.id
        if role == Role.VERDICT:
            return review.assessments[criterion.id].verdict.value
        if role == Role.IN_SCOPE:
            return review.in_scope(criterion)
        if role == Role.REQUIREMENT:
            return criterion.is_requirement
        return None

    def _criterion_tooltip(self, criterion: Criterion, column: int) -> str:
        assert self._session is not None
        review = self._session.review
        lang = current_lang()
        assessment = review.assessments[criterion.id]
        if column == Column.LEVEL:
            return criterion.level.label.get(lang).capitalize()
        if column == Column.PERSPECTIVE:
            return " + ".join(p.label.get(lang) for p in criterion.perspectives)
        if column == Column.EXTRAS:
            parts = []
            if assessment.notes.strip() or assessment.measure.strip():
                parts.append(self.tr("Has notes"))
            if assessment.photos:
                parts.append(self.tr("%n photo(s)", "", len(assessment.photos)))
            return ", ".join(parts)
        lines = [
            f"{criterion.id} — {criterion.title.get(lang)}",
            self.tr("Verdict: {0}").format(assessment.verdict.label.get(lang)),
        ]
        excluded = review.scope_exclusion(criterion)
        if excluded is not None:
            lines.append(excluded.get(lang))  # "Niet van toepassing: alleen bij nieuwbouw"
        elif not review.in_scope(criterion):
            lines.append(self.tr("Outside the perspective of this review"))
        return "\n".join(lines)


# ---------------------------------------------------------------- filtering

VERDICT_FILTERS: dict[str, frozenset[Verdict] | None] = {
    "all": None,
    "not_assessed": frozenset({Verdict.NOT_ASSESSED}),
    "findings": frozenset({Verdict.FAILS, Verdict.PARTLY}),
    "fails": frozenset({Verdict.FAILS}),
    "partly": frozenset({Verdict.PARTLY}),
    "meets": frozenset({Verdict.MEETS}),
    "not_applicable": frozenset({Verdict.NOT_APPLICABLE}),
}


class NavigatorFilter(QSortFilterProxyModel):
    """Recursive filter over the checklist model: a section shows when a criterion does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.perspective: Perspective | None = None
        self.verdict = "all"
        self.requirements_only = False
        self.text = ""
        self.pinned: str | None = None
        self._search: dict[tuple[str, str], str] = {}

    def source(self) -> ChecklistModel:
        model = self.sourceModel()
        assert isinstance(model, ChecklistModel)
        return model

    @property
    def is_filtering(self) -> bool:
        return bool(
            self.perspective or self.verdict != "all" or self.requirements_only or self.text
        )

    def set_filters(
        self,
        *,
        perspective: Perspective | str | None = "keep",
        verdict: str | None = None,
        requirements_only: bool | None = None,
        text: str | None = None,
    ) -> None:
        """Change any of the filters; the others stay as they are."""
        if verdict is not None and verdict not in VERDICT_FILTERS:
            raise ValueError(verdict)
        self.beginFilterChange()
        if perspective != "keep":
            self.perspective = Perspective(perspective) if perspective else None
        if verdict is not None:
            self.verdict = verdict
        if requirements_only is not None:
            self.requirements_only = requirements_only
        if text is not None:
            self.text = " ".join(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pinned(self, criterion_id: str | None) -> None:
        """Keep `criterion_id` visible while it is current; let the previous one go."""
        previous, self.pinned = self.pinned, criterion_id
        if previous and previous != criterion_id and self.is_filtering:
            self.source().refresh(previous)  # re-filters just that row

    def _search_text(self, criterion: Criterion) -> str:
        lang = current_lang()
        key = (criterion.id, lang)
        text = self._search.get(key)
        if text is None:
            text = " ".join(
                (criterion.id, criterion.title.get(lang), criterion.guidance.get(lang))
            ).casefold()
            self._search[key] = text
        return text

    def accepts(self, criterion: Criterion) -> bool:
        """Whether a criterion passes the filters (ignoring the pin)."""
        model = self.source()
        if self.perspective is not None and self.perspective not in criterion.perspectives:
            return False
        if self.requirements_only and not criterion.is_requirement:
            return False
        wanted = VERDICT_FILTERS[self.verdict]
        if wanted is not None:
            session = model.session
            if session is None or session.review.assessments[criterion.id].verdict not in wanted:
                return False
        return self._matches_text(criterion)

    def _matches_text(self, criterion: Criterion) -> bool:
        """Whether every word of the search occurs in the criterion (True without one)."""
        if not self.text:
            return True
        haystack = self._search_text(criterion)
        return all(word in haystack for word in self.text.split())

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not source_parent.isValid():
            return False  # a section shows when one of its criteria does (recursive)
        criterion = self.source().criterion_at(self.source().index(source_row, 0, source_parent))
        if criterion is None:
            return False
        if criterion.id == self.pinned and self._matches_text(criterion):
            return True  # the one being worked on stays, unless the search says otherwise
        return self.accepts(criterion)


# ---------------------------------------------------------------- widget


class Navigator(QWidget):
    """Search and filters, the checklist tree, and the progress bar."""

    currentCriterionChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._jumped_to: str | None = None  # where next_unassessed went last
        self.model = ChecklistModel(self)
        self.proxy = NavigatorFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self._search_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._search_shortcut.activated.connect(self.focus_search)

        self.perspective_filter = QComboBox(self)
        self.perspective_filter.currentIndexChanged.connect(self._perspective_changed)
        self.verdict_filter = QComboBox(self)
        self.verdict_filter.currentIndexChanged.connect(self._verdict_changed)
        self.requirements_only = QCheckBox(self)
        self.requirements_only.toggled.connect(
            lambda on: self.proxy.set_filters(requirements_only=on)
        )

        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.LEVEL, Column.PERSPECTIVE, Column.EXTRAS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._size_columns()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._expand_new)
        self.proxy.modelReset.connect(self._after_reset)
        self.proxy.layoutChanged.connect(self._update_empty)
        self.proxy.rowsRemoved.connect(self._update_empty)
        self.proxy.rowsInserted.connect(self._update_empty)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.perspective_filter, 1)
        filters.addWidget(self.verdict_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.requirements_only)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.progress)

        self.retranslate()
        notifier.changed.connect(self.retranslate)
        self.setEnabled(False)

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        self.tree.setIconSize(icons.combined_size(1))
        self.tree.setColumnWidth(Column.LEVEL, 22)
        self.tree.setColumnWidth(Column.PERSPECTIVE, max(metrics.horizontalAdvance("S+C"), 24) + 14)
        self.tree.setColumnWidth(
            Column.EXTRAS,
            max(icons.combined_size(2).width(), metrics.horizontalAdvance("88/88")) + 12,
        )

    # ------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search titles and guidance  (Ctrl+F)"))
        self.search.setToolTip(self.tr("Search the criteria's titles and guidance"))
        self._fill_combo(
            self.perspective_filter,
            [
                ("", self.tr("All perspectives")),
                (Perspective.SAFETY.value, Perspective.SAFETY.label.get(current_lang())),
                (Perspective.COHESION.value, Perspective.COHESION.label.get(current_lang())),
            ],
        )
        self.perspective_filter.setToolTip(self.tr("Show criteria of one perspective"))
        self._fill_combo(
            self.verdict_filter,
            [
                ("all", self.tr("All verdicts")),
                ("not_assessed", self.tr("Only not assessed")),
                ("findings", self.tr("Only findings (fails or partly)")),
                ("fails", self.tr("Only fails")),
                ("partly", self.tr("Only partly")),
                ("meets", self.tr("Only meets")),
                ("not_applicable", self.tr("Only not applicable")),
            ],
        )
        self.verdict_filter.setToolTip(self.tr("Show criteria with a verdict"))
        self.requirements_only.setText(self.tr("Requirements only"))
        self.requirements_only.setToolTip(self.tr("Hide the recommendations"))
        self.empty.setText(self.tr("No criteria match the search and filters."))
        self.tree.setAccessibleName(self.tr("Checklist"))
        self._update_progress()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _perspective_changed(self) -> None:
        value = self.perspective_filter.currentData()
        self.proxy.set_filters(perspective=value or None)

    def _verdict_changed(self) -> None:
        self.proxy.set_filters(verdict=self.verdict_filter.currentData() or "all")

    def set_verdict_filter(self, value: str) -> None:
        self.verdict_filter.setCurrentIndex(self.verdict_filter.findData(value))

    def set_perspective_filter(self, value: str) -> None:
        self.perspective_filter.setCurrentIndex(self.perspective_filter.findData(value))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.assessmentChanged.disconnect(self._update_progress)
        self._session = session
        self.proxy.set_pinned(None)
        self.model.set_session(session)
        if session is not None:
            session.assessmentChanged.connect(self._update_progress)
        self.setEnabled(session is not None)
        self._update_progress()

    def _after_reset(self) -> None:
        self.tree.expandAll()
        self._update_empty()

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.proxy.index(row, 0))

    def _update_empty(self) -> None:
        empty = self._session is not None and self.proxy.rowCount() == 0
        self.empty.setVisible(empty)

    def _update_progress(self, *_: object) -> None:
        if self._session is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("No review open"))
            return
        done, total = progress(self._session.review)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} of {1} assessed").format(done, total))
        self.progress.setToolTip(
            self.tr("Applicable criteria of this review's perspective that have a verdict")
        )

    # ------------------------------------------------------------ current criterion
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        criterion = self.model.criterion_at(self.proxy.mapToSource(current))
        if criterion is None:
            return
        self.proxy.set_pinned(criterion.id)
        if criterion.id != self._jumped_to:
            self._jumped_to = None
        self.currentCriterionChanged.emit(criterion.id)

    def current_id(self) -> str | None:
        criterion = self.model.criterion_at(self.proxy.mapToSource(self.tree.currentIndex()))
        return criterion.id if criterion else None

    def select(self, criterion_id: str) -> bool:
        """Make a criterion current; clears the filters when they hide it."""
        source = self.model.criterion_index(criterion_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        for widget in (self.search, self.perspective_filter, self.verdict_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.perspective_filter.setCurrentIndex(0)
        self.verdict_filter.setCurrentIndex(0)
        for widget in (self.search, self.perspective_filter, self.verdict_filter):
            widget.blockSignals(False)
        self.requirements_only.blockSignals(True)
        self.requirements_only.setChecked(False)
        self.requirements_only.blockSignals(False)
        self.proxy.set_filters(perspective=None, verdict="all", requirements_only=False, text="")

    def visible_ids(self) -> list[str]:
        """The criteria the list shows, in order."""
        ids: list[str] = []
        for s in range(self.proxy.rowCount()):
            section = self.proxy.index(s, 0)
            for r in range(self.proxy.rowCount(section)):
                criterion = self.model.criterion_at(
                    self.proxy.mapToSource(self.proxy.index(r, 0, section))
                )
                if criterion is not None:
                    ids.append(criterion.id)
        return ids

    def step(self, delta: int) -> bool:
        """Go to the next (+1) or previous (-1) visible criterion; False at either end."""
        target = step_target(self.visible_ids(), self.current_id(), delta)
        return target is not None and self.select(target)

    def next_unassessed(self) -> str | None:
        """Select the next in-scope criterion without a verdict (wrapping); its id or None.

        The current criterion counts when it has no verdict yet, unless this is where the
        previous call went: asked again without a verdict, it is skipped for now."""
        if self._session is None:
            return None
        review = self._session.review
        ids = self.visible_ids()
        current = self.current_id()
        skip = current if current == self._jumped_to else None
        start = ids.index(current) if current in ids else 0
        for cid in ids[start:] + ids[:start]:
            if cid == skip:
                continue
            criterion = self.model.criterion(cid)
            if (
                criterion is not None
                and review.in_scope(criterion)
                and not review.assessments[cid].verdict.is_assessed
            ):
                self.select(cid)
                self._jumped_to = cid
                return cid
        return None
