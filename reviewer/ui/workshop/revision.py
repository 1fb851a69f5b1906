"""Compare the open review with the review of an earlier revision of the plan.

Part of the workshop cycle: after a workshop the plan comes back revised and is reviewed
again; this lists per criterion what was resolved, what is new, what is still open and
what changed, with both verdicts, and which other parts of each assessment (notes,
measure, photos…) differ: two copies of one revision that differ only there are not
"unchanged" to the person choosing between them. Double-clicking a row goes to that
criterion in the open review. The comparison is `reviewer.domain.compare.compare_revisions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.compare import RevisionItem, RevisionStatus
from reviewer.domain.review import Review
from reviewer.domain.statuses import REVISION_ORDER
from reviewer.domain.text import Text
from reviewer.ui import icons
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.widgets.row_table import RowTableModel, row_table
from reviewer.ui.widgets.verdict_style import revision_text_colour, revision_tint

AnyIndex = QModelIndex | QPersistentModelIndex

ID, TITLE, OLD, NEW, STATUS, EDITS = range(6)
COLUMNS = 6
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class RevisionModel(RowTableModel[RevisionItem]):
    """One row per criterion: id, title, old verdict, new verdict, status, other edits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._review: Review | None = None

    def set_items(self, review: Review | None, items: list[RevisionItem]) -> None:
        """Grouped resolved, new, still open, changed, unchanged; checklist order within."""
        self.beginResetModel()
        self._review = review
        # within a status, the rows with other edits first: they are what is read
        ranked = sorted(
            enumerate(items),
            key=lambda pair: (REVISION_ORDER.index(pair[1].status), not pair[1].edits, pair[0]),
        )
        self._items = [item for _i, item in ranked] if review is not None else []
        self.endResetModel()

    def status_label(self, status: RevisionStatus) -> str:
        return status.label.get(current_lang())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < COLUMNS
        ):
            return None
        return (
            self.tr("Id"),
            self.tr("Criterion"),
            self.tr("Earlier"),
            self.tr("Now"),
            self.tr("Status"),
            self.tr("Also changed"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._review is None:
            return None
        item = self.item_at(index.row())
        column = index.column()
        if item is None or not 0 <= column < COLUMNS:
            return None
        lang = current_lang()
        if role == CRITERION_ROLE:
            return item.criterion_id
        if role == STATUS_ROLE:
            return item.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID:
                return item.criterion_id
            if column == TITLE:
                return self._review.checklist.criterion(item.criterion_id).title.get(lang)
            if column == OLD:
                return item.old.label.get(lang)
            if column == NEW:
                return item.new.label.get(lang)
            if column == EDITS:
                return item.edits_label(lang)
            return self.status_label(item.status)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == OLD:
                return icons.verdict_icon(item.old)
            if column == NEW:
                return icons.verdict_icon(item.new)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QBrush(revision_text_colour(item.status))
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return QBrush(revision_tint(item.status))
        if role == Qt.ItemDataRole.ToolTipRole and column == EDITS and item.edits:
            return self.tr("Besides the verdict, these differ: {0}").format(item.edits_label(lang))
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return self._review.checklist.criterion(item.criterion_id).title.get(lang)
        return None


class RevisionFilter(QSortFilterProxyModel):
    """Hides the criteria without any change unless asked to show them; an unchanged
    verdict with other edits (notes, measure…) is a change. Two copies of one revision
    (`only_differences`) hide "still open" too: the same finding on both sides is no
    difference between them."""

    def __init__(self, parent: QObject | None = None, *, only_differences: bool = False) -> None:
        super().__init__(parent)
        self.show_unchanged = False
        self.only_differences = only_differences

    def set_show_unchanged(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_unchanged = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RevisionModel)
        item = model.item_at(source_row)
        if item is None or source_parent.isValid():
            return False
        if self.show_unchanged or item.edits:
            return True
        if self.only_differences:
            return item.old is not item.new
        return item.status is not RevisionStatus.UNCHANGED


class RevisionDialog(QDialog):
    """What changed between an earlier revision's review and the open one (not modal)."""

    criterionActivated = Signal(str)
    exportRequested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        old: Review,
        new: Review,
        items: list[RevisionItem],
        warnings: list[Text],
        old_path: Path,
    ) -> None:
        super().__init__(parent)
        self.old = old
        self.new = new
        self.items = items
        self.warnings = warnings
        self.old_path = old_path
        self.model = RevisionModel(self)
        self.model.set_items(new, items)
        self.proxy = RevisionFilter(self, only_differences=self.same_revision)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel(self)
        bold = self.heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.heading.setFont(bold)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "QLabel { background: #fff4dc; color: #8a5a00; border: 1px solid #e6b450;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        self.warning_label.setVisible(bool(warnings))
        self.show_unchanged = QCheckBox(self)
        self.show_unchanged.toggled.connect(self.proxy.set_show_unchanged)

        self.table = row_table(self, self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self.export_button = QPushButton(icons.icon("export-pdf"), "", self)
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)

        options = QHBoxLayout()
        options.addWidget(self.counts, 1)
        options.addWidget(self.show_unchanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning_label)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 560)
        self.retranslate()
        notifier.changed.connect(self.retranslate)

    @property
    def same_revision(self) -> bool:
        """Two copies of one revision (a colleague's save of it), not two revisions."""
        revision = self.old.plan.identity.revision
        return bool(revision) and revision == self.new.plan.identity.revision

    def retranslate(self) -> None:
        old_rev = self.old.plan.identity.revision or self.old_path.name
        new_rev = self.new.plan.identity.revision or "?"
        self.setWindowTitle(self.tr("Compared with an earlier revision"))
        if self.same_revision:
            # the same revision twice (a colleague's version of it): name where it came from
            heading = self.tr("{0}: this version compared with {1}").format(
                self.new.plan.identity.name, self.old_path.name
            )
        else:
            heading = self.tr("{0}: revision {1} compared with {2}").format(
                self.new.plan.identity.name, new_rev, old_rev
            )
        self.heading.setText(heading)
        counts = {status: 0 for status in REVISION_ORDER}
        for item in self.items:
            counts[item.status] += 1
        if self.same_revision:
            differ = [i for i in self.items if i.old is not i.new or i.edits]
            verdicts = sum(1 for i in differ if i.old is not i.new)
            text = self.tr("%n criteria differ", "", len(differ))
            if differ:
                text += "; " + self.tr("%n of them in the verdict", "", verdicts)
            self.counts.setText(text)
        else:
            parts = [f"{counts[s]} {self.model.status_label(s)}" for s in REVISION_ORDER]
            edited = sum(1 for i in self.items if i.status is RevisionStatus.UNCHANGED and i.edits)
            if edited:
                parts[-1] += " " + self.tr("(%n with other changes)", "", edited)
            self.counts.setText("   ·   ".join(parts))
        self.show_unchanged.setText(
            self.tr("Show all criteria") if self.same_revision else self.tr("Show unchanged")
        )
        lang = current_lang()
        self.warning_label.setText("\n".join(f"⚠ {w.get(lang)}" for w in self.warnings))
        self.export_button.setText(self.tr("Export PDF…"))
        self.table.setAccessibleName(self.tr("Changes per criterion"))

    def set_export_available(self, available: bool) -> None:
        self.export_button.setEnabled(available)
        self.export_button.setToolTip(
            self.tr("Export this comparison as a PDF report")
            if available
            else self.tr("The revision report is not available in this version.")
        )

    def visible_ids(self) -> list[str]:
        return [
            self.proxy.index(row, 0).data(CRITERION_ROLE) for row in range(self.proxy.rowCount())
        ]

    def _activated(self, index: QModelIndex) -> None:
        cid = index.data(CRITERION_ROLE)
        if cid:
            self.criterionActivated.emit(cid)


def revision_dialog(parent: QWidget, old: Review, new: Review, path: Path) -> RevisionDialog | None:
    """The comparison of `new` with the review of an earlier revision (`old`, read from
    `path`); None, and a message, when they are not reviews of one plan."""
    from reviewer.domain.compare import ComparisonError, compare_revisions
    from reviewer.ui import dialogs

    try:
        items, warnings = compare_revisions(old, new)
    except ComparisonError as exc:
        dialogs.show_error(
            parent,
            QCoreApplication.translate("MainWindow", "These reviews cannot be compared"),
            QCoreApplication.translate(
                "MainWindow", "A revision comparison needs two reviews of the same plan.\n\n{0}"
            ).format(str(exc)[:1].upper() + str(exc)[1:] + "."),
        )
        return None
    dialog = RevisionDialog(parent, old, new, items, warnings, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
