"""The plan panel: the plan's identity and site, and an editable table per element type.

On the left the element types with their counts (and a traffic-light dot for what the
rules found); on the right either the plan details form or the table of one type, with
add/remove buttons, a line for refused input, and the rules that read these facts.
Every edit goes through the ReviewSession, so it is undoable and re-evaluates the rules.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.numbers import format_number
from reviewer.domain.plan import COLLECTION_LABELS, COLLECTIONS
from reviewer.ui import icons
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.plan_models import (
    COLUMN_ROLE,
    COUNT_ROLE,
    IDENTITY,
    KEY_ROLE,
    CollectionListModel,
    Column,
    ElementTableModel,
    Refused,
    columns_for,
    friendly_fact_error,
    parse_cell,
)
from reviewer.ui.review.procedure_box import ProcedureBox
from reviewer.ui.review.session import FactError, ReviewSession
from reviewer.ui.widgets.choice_combo import ChoiceCombo, keep_editor_keys
from reviewer.ui.widgets.identity_form import IdentityForm
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

Index = QModelIndex | QPersistentModelIndex

INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fdecea; }"
TIP_LINES = 25  # evidence lines in a rule's tooltip
FIT_ROWS = 200  # rows measured to fit a column (the rest scroll; Qt measures 1,000 by default)


def next_id(existing: list[str]) -> str | None:
    """A new element id that continues the pattern of the existing ones (B after A, G2 after
    G1); None when there is no clear pattern (the session then numbers it)."""
    if not existing:
        return None
    if all(len(i) == 1 and i.isalpha() and i.isupper() for i in existing):
        for code in range(ord("A"), ord("Z") + 1):
            if chr(code) not in existing:
                return chr(code)
        return None
    matches = [re.fullmatch(r"([^\d]*)(\d+)", i) for i in existing]
    if all(matches):
        prefixes = {m.group(1) for m in matches if m}
        if len(prefixes) == 1:
            prefix = prefixes.pop()
            number = max(int(m.group(2)) for m in matches if m) + 1
            while f"{prefix}{number}" in existing:
                number += 1
            return f"{prefix}{number}"
    return None


def _title_font(label: QLabel) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)


# ---------------------------------------------------------------- delegates


class FactDelegate(QStyledItemDelegate):
    """Editors for plan facts: yes/no/unknown and enumerations as combo boxes, the rest as
    line edits (numbers parsed and checked by the model, which refuses bad input)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column: Column = index.data(COLUMN_ROLE)
        if column.kind in ("bool", "enum"):
            combo = ChoiceCombo(parent, activate_on_typing=False)
            for value, label in column.choices(current_lang()):
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        editor = QLineEdit(parent)
        keep_editor_keys(editor)
        editor.setFrame(False)
        if column.max_chars is not None:
            editor.setMaxLength(column.max_chars)
        if column.numeric:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setPlaceholderText(self.tr("unknown"))
        elif column.kind == "opt_text":
            editor.setPlaceholderText(self.tr("unknown; “-” for nobody"))
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)


class _CountDelegate(QStyledItemDelegate):
    """Collection list items with the element count right-aligned in grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else QColor("#6b7280"))
        rect = option.rect.adjusted(0, 0, -10, 0)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(count)
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 36, max(size.height(), 26))


# ---------------------------------------------------------------- panel


class PlanPanel(QWidget):
    """Identity, site and element tables of the open review's plan."""

    criterionActivated = Signal(str)  # a rule in the "rules on these facts" list was chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._models = {c: ElementTableModel(c, self) for c in COLLECTIONS}
        self._tables: dict[str, QTableView] = {}
        self._fitted: set[str] = set()
        self._current = IDENTITY

        self._list_model = CollectionListModel(self)
        self._list = QListView()
        self._list.setIconSize(icons.DOT_SIZE)
        self._list.setModel(self._list_model)
        self._list.setItemDelegate(_CountDelegate(self._list))
        self._list.setUniformItemSizes(True)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setMaximumWidth(320)
        self._list.selectionModel().currentChanged.connect(self._on_list_current)

        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_identity_page())
        self._stack.addWidget(self._build_table_page())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        splitter.setChildrenCollapsible(False)
        # an empty plan: where to begin
        self.empty_plan_hint = QLabel()
        self.empty_plan_hint.setObjectName("emptyPlanHint")
        self.empty_plan_hint.setWordWrap(True)
        self.empty_plan_hint.setStyleSheet(
            "QLabel#emptyPlanHint { background: #fff8e1; border: 1px solid #d4a017;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        self.empty_plan_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.empty_plan_hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_plan_hint)
        layout.addWidget(splitter, 1)

        for model in self._models.values():
            model.message.connect(self._on_model_message)
        notifier.changed.connect(self.retranslate)
        self._list.setCurrentIndex(self._list_model.index(0))
        self.retranslate()
        self.set_session(None)

    # ------------------------------------------------------------ building
    def _build_identity_page(self) -> QWidget:
        page = QWidget()
        self._identity_title = QLabel()
        _title_font(self._identity_title)
        self._identity_box = QGroupBox()
        self._identity_form = IdentityForm("identity")
        self._identity_form.edited.connect(self._on_identity_edited)
        self._identity_form.finished.connect(self._on_identity_finished)
        self._identity_form.chosen.connect(self._on_identity_chosen)
        self._identity_edits = self._identity_form.edits
        QVBoxLayout(self._identity_box).addWidget(self._identity_form)

        self._site_box = QGroupBox()
        site_form = QFormLayout(self._site_box)
        self._site_column = columns_for("site")[0]
        self._site_edit = QLineEdit()
        self._site_edit.setObjectName("site_residential_area_m2")
        self._site_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._site_edit.setMaximumWidth(160)
        self._site_edit.editingFinished.connect(self._on_site_finished)
        self._site_label = QLabel()
        self._site_label.setBuddy(self._site_edit)
        self._site_hint = QLabel()
        self._site_hint.setStyleSheet(HINT_STYLE)
        self._site_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self._site_edit)
        row.addWidget(QLabel(self._site_column.unit))
        row.addStretch(1)
        site_form.addRow(self._site_label, row)
        site_form.addRow("", self._site_hint)
        # the other site facts (play-space basis, crime analysis, repair times, ...)
        self._site_columns = {c.key: c for c in columns_for("site")[1:]}
        self._site_widgets: dict[str, QLineEdit | QComboBox] = {}
        self._site_labels: dict[str, QLabel] = {}
        for key, column in self._site_columns.items():
            widget: QLineEdit | QComboBox
            if column.kind in ("bool", "enum"):
                widget = ChoiceCombo()
                widget.activated.connect(lambda _i, k=key: self._on_site_choice(k))
                field: QWidget = widget
            else:
                widget = QLineEdit()
                widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                widget.setMaximumWidth(160)
                widget.editingFinished.connect(lambda k=key: self._on_site_text(k))
                field = QWidget()
                line = QHBoxLayout(field)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(widget)
                line.addWidget(QLabel(column.unit))
                line.addStretch(1)
            widget.setObjectName(f"site_{key}")
            label = QLabel()
            label.setBuddy(widget)
            site_form.addRow(label, field)
            self._site_widgets[key] = widget
            self._site_labels[key] = label

        self._identity_message = QLabel()
        self._identity_message.setObjectName("identityMessage")
        self._identity_message.setStyleSheet(MESSAGE_STYLE)
        self._identity_message.setWordWrap(True)
        self._identity_message.hide()

        self._site_rules_label = QLabel()
        self._site_rules = self._make_rules_list()

        inner = QWidget()
        inner.setMaximumWidth(720)
        col = QVBoxLayout(inner)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self._identity_title)
        self._identity_suggested = QLabel()
        self._identity_suggested.setObjectName("identitySuggested")
        self._identity_suggested.setWordWrap(True)
        self._identity_confirm = QPushButton()
        self._identity_confirm.setObjectName("confirmIdentity")
        self._identity_confirm.clicked.connect(self._confirm_identity)
        suggested_row = QHBoxLayout()
        suggested_row.addWidget(self._identity_suggested, 1)
        suggested_row.addWidget(self._identity_confirm)
        self._identity_suggested_box = QFrame()
        self._identity_suggested_box.setStyleSheet(
            "QFrame#identitySuggestedBox { background: #fff3d6; border-radius: 4px; }"
        )
        self._identity_suggested_box.setObjectName("identitySuggestedBox")
        self._identity_suggested_box.setLayout(suggested_row)
        col.addWidget(self._identity_suggested_box)
        col.addWidget(self._identity_box)
        col.addWidget(self._site_box)
        col.addWidget(self._identity_message)
        col.addWidget(self._site_rules_label)
        col.addWidget(self._site_rules)
        self.procedure_box = ProcedureBox()
        col.addSpacing(8)
        col.addWidget(self.procedure_box)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.addWidget(scroll)
        return page

    def _make_rules_list(self) -> QListWidget:
        rules = QListWidget()
        rules.setIconSize(icons.DOT_SIZE)
        rules.setMaximumHeight(130)
        rules.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        # sized to its rows (see _refresh_rules): a horizontal scroll bar would hide one,
        # so a long title is elided; the tooltip has the evidence, the title is in the row
        rules.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rules.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rules.itemActivated.connect(self._on_rule_item)
        rules.itemDoubleClicked.connect(self._on_rule_item)
        return rules

    def _build_table_page(self) -> QWidget:
        page = QWidget()
        self._table_title = QLabel()
        _title_font(self._table_title)
        self._table_hint = QLabel()
        self._table_hint.setStyleSheet(HINT_STYLE)
        self._table_hint.setWordWrap(True)

        self._add_button = QPushButton()
        self._add_button.setObjectName("addRow")
        self._add_button.clicked.connect(self.add_row)
        self._remove_button = QPushButton()
        self._remove_button.setObjectName("removeRow")
        self._remove_button.clicked.connect(self.remove_selected_rows)
        # what an IFC model suggested counts once a person confirms it
        self._confirm_button = QPushButton()
        self._confirm_button.setObjectName("confirmSuggestion")
        self._confirm_button.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self._confirm_button.clicked.connect(self.confirm_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self._table_title)
        buttons.addStretch(1)
        buttons.addWidget(self._confirm_button)
        buttons.addWidget(self._add_button)
        buttons.addWidget(self._remove_button)

        # an empty list: "not filled in yet", or confirmed "this plan has none"
        self._none_box = QFrame()
        self._none_box.setObjectName("noneBox")
        self._none_state = QLabel()
        self._none_state.setObjectName("noneState")
        self._none_state.setWordWrap(True)
        self._none_check = QCheckBox()
        self._none_check.setObjectName("confirmNone")
        self._none_check.clicked.connect(self._on_none_clicked)
        none_layout = QVBoxLayout(self._none_box)
        none_layout.setContentsMargins(10, 6, 10, 6)
        none_layout.addWidget(self._none_state)
        none_layout.addWidget(self._none_check)

        self._table_stack = QStackedWidget()
        for collection, model in self._models.items():
            table = QTableView()
            table.setObjectName(f"table_{collection}")
            table.setModel(model)
            table.setItemDelegate(FactDelegate(table))  # one per view: commits go to it
            table.setAlternatingRowColors(True)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.SelectedClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(26)
            header = table.horizontalHeader()
            header.setStretchLastSection(True)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.setWordWrap(False)
            table.installEventFilter(self)  # Del removes the selected rows
            # a dropdown cell opens with its list on the first click
            table.clicked.connect(lambda index, t=table: self._on_cell_clicked(t, index))
            table.selectionModel().selectionChanged.connect(self._update_buttons)
            # columns fit the first FIT_ROWS rows, not thousands; a table not shown is
            # fitted when it is
            header.setResizeContentsPrecision(FIT_ROWS)
            model.modelReset.connect(lambda c=collection: self._refit(c))
            self._tables[collection] = table
            self._table_stack.addWidget(table)

        self._table_message = QLabel()
        self._table_message.setObjectName("tableMessage")
        self._table_message.setStyleSheet(MESSAGE_STYLE)
        self._table_message.setWordWrap(True)
        self._table_message.hide()

        self._rules_label = QLabel()
        self._rules = self._make_rules_list()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(buttons)
        layout.addWidget(self._table_hint)
        layout.addWidget(self._none_box)
        layout.addWidget(self._table_stack, 1)
        layout.addWidget(self._table_message)
        layout.addWidget(self._rules_label)
        layout.addWidget(self._rules)
        return page

    # ------------------------------------------------------------ public API
    @property
    def session(self) -> ReviewSession | None:
        return self._session

    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.planChanged.disconnect(self._on_plan_changed)
            self._session.assessmentChanged.disconnect(self._on_assessment_changed)
        self._session = session
        self._list_model.set_session(session)
        self.procedure_box.set_session(session)
        for model in self._models.values():
            model.set_session(session)
        self._fitted.clear()
        if session is not None:
            session.planChanged.connect(self._on_plan_changed)
            session.assessmentChanged.connect(self._on_assessment_changed)
        self.setEnabled(session is not None)
        self._show_message("")
        self._on_plan_changed()
        self.show_collection(self._current)

    def current_collection(self) -> str:
        """The key shown on the right: IDENTITY or a collection name."""
        return self._current

    def show_collection(self, key: str) -> None:
        """Show the plan details (IDENTITY) or the table of one element type."""
        row = self._list_model.keys.index(key)
        if self._list.currentIndex().row() != row:
            self._list.setCurrentIndex(self._list_model.index(row))
            return  # _on_list_current does the rest
        self._current = key
        if key == IDENTITY:
            self._stack.setCurrentIndex(0)
        else:
            self._stack.setCurrentIndex(1)
            self._table_stack.setCurrentWidget(self._tables[key])
            self._fit_columns(key)
            self._table_title.setText(COLLECTION_LABELS[key].get(current_lang()))
            self._show_message(self._models[key]._error[2] if self._models[key]._error else "")
        self._refresh_rules()
        self._update_buttons()
        self._update_none_box()

    def model(self, collection: str) -> ElementTableModel:
        return self._models[collection]

    def table(self, collection: str) -> QTableView:
        return self._tables[collection]

    def message_text(self) -> str:
        """The refusal message currently shown (empty when none)."""
        label = self._identity_message if self._current == IDENTITY else self._table_message
        return "" if label.isHidden() else label.text()

    # ------------------------------------------------------------ rows
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and watched is self._tables.get(self._current)
            and watched.state() != QAbstractItemView.State.EditingState  # type: ignore[attr-defined]
        ):
            self.remove_selected_rows()
            return True
        return super().eventFilter(watched, event)

    def _on_cell_clicked(self, table: QTableView, index: QModelIndex) -> None:
        """A plain click on a yes/no or choice cell opens its dropdown, list and all."""
        column = index.data(COLUMN_ROLE)
        if (
            not isinstance(column, Column)
            or column.kind not in ("bool", "enum")
            or QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
        ):
            return
        if table.state() != QAbstractItemView.State.EditingState:
            table.edit(index)
        editor = table.indexWidget(index)
        if isinstance(editor, QComboBox) and not editor.view().isVisible():
            editor.showPopup()

    @Slot()
    def add_row(self) -> None:
        if self._session is None or self._current == IDENTITY:
            return
        collection = self._current
        existing = [e.id for e in getattr(self._session.review.plan, collection)]
        ident = next_id(existing)
        try:
            row = self._session.add_element(collection, {"id": ident} if ident else None)
        except FactError as exc:
            self._show_message(friendly_fact_error(exc))
            return
        table = self._tables[collection]
        index = self._models[collection].index(row, 1)
        table.setCurrentIndex(index)
        table.scrollTo(index)
        table.setFocus()

    @Slot()
    def remove_selected_rows(self) -> None:
        if self._session is None or self._current == IDENTITY:
            return
        collection = self._current
        table = self._tables[collection]
        rows = {i.row() for i in table.selectionModel().selectedIndexes()}
        if not rows and table.currentIndex().isValid():
            rows = {table.currentIndex().row()}
        if not rows:
            return
        stack = self._session.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Remove {0} elements").format(len(rows)))
        try:
            for row in sorted(rows, reverse=True):
                self._session.remove_element(collection, row)
        finally:
            if len(rows) > 1:
                stack.endMacro()
        self._update_buttons()

    def _selected_rows(self) -> set[int]:
        table = self._tables.get(self._current)
        if table is None:
            return set()
        rows = {i.row() for i in table.selectionModel().selectedIndexes()}
        if not rows and table.currentIndex().isValid():
            rows = {table.currentIndex().row()}
        return rows

    @Slot()
    def confirm_selected(self) -> None:
        """Confirm the suggestions from IFC of the selected elements (all of the list's
        when none is selected): one undo step."""
        if self._session is None or self._current == IDENTITY:
            return
        rows = self._selected_rows()
        elements = getattr(self._session.review.plan, self._current)
        if not any(elements[r].suggested for r in rows if r < len(elements)):
            rows = set(range(len(elements)))
        self._session.confirm_suggestions(self._current, sorted(rows))
        self._update_buttons()

    # ------------------------------------------------------------ "this plan has none"
    def none_check(self) -> QCheckBox:
        """The "this plan has none" check box of the element type shown."""
        return self._none_check

    def none_state_text(self) -> str:
        """What the empty list's state line says ("" when the list is not empty)."""
        return "" if self._none_box.isHidden() else self._none_state.text()

    def _update_none_box(self) -> None:
        key = self._current
        if self._session is None or key == IDENTITY or getattr(self._session.review.plan, key):
            self._none_box.hide()
            return
        lang = current_lang()
        label = COLLECTION_LABELS[key].get(lang)
        lower = label[:1].lower() + label[1:]
        confirmed = key in self._session.review.plan.confirmed_none
        self._none_check.setText(self.tr("This plan has no {0}").format(lower))
        self._none_check.setChecked(confirmed)
        if confirmed:
            self._none_state.setText(
                self.tr(
                    "Confirmed: the plan has no {0}. The rules on them judge accordingly."
                ).format(lower)
            )
            colour, background = "#9ca3af", "#f3f4f6"
        else:
            self._none_state.setText(
                self.tr(
                    "Not filled in yet: the rules on {0} give “not assessed” until you add "
                    "them, or confirm that the plan has none."
                ).format(lower)
            )
            colour, background = "#d4a017", "#fff8e1"
        self._none_box.setStyleSheet(
            f"QFrame#noneBox {{ border: 1px solid {colour}; border-radius: 4px;"
            f" background: {background}; }}"
        )
        self._none_box.show()

    @Slot(bool)
    def _on_none_clicked(self, checked: bool) -> None:
        if self._session is None or self._current == IDENTITY:
            return
        with contextlib.suppress(ValueError):  # the list is not empty (any more)
            self._session.set_confirmed_none(self._current, checked)
        self._update_none_box()

    def _update_buttons(self) -> None:
        has_session = self._session is not None
        table = self._tables.get(self._current)
        self._add_button.setEnabled(has_session and table is not None)
        selected = bool(
            table is not None
            and (table.selectionModel().hasSelection() or table.currentIndex().isValid())
            and self._models[self._current].rowCount() > 0
        )
        self._remove_button.setEnabled(has_session and selected)
        pending = bool(
            has_session
            and table is not None
            and any(e.suggested for e in getattr(self._session.review.plan, self._current))
        )
        self._confirm_button.setVisible(pending)
        self._confirm_button.setEnabled(pending)

    # ------------------------------------------------------------ identity and site
    def _on_identity_edited(self, name: str, text: str) -> None:
        if self._session is None:
            return
        edit = self._identity_edits[name]
        try:
            self._session.set_identity(name, text)
        except FactError:
            edit.setStyleSheet(INVALID_STYLE)
            if name == "name":
                self._show_message(self.tr("The plan needs a name; the last name is kept."))
            else:
                self._show_message(self.tr("This value is not allowed."))
            return
        edit.setStyleSheet("")
        self._show_message("")

    def _on_identity_chosen(self, name: str, value: str | None) -> None:
        if self._session is None:
            return
        try:
            self._session.set_identity_choice(name, value)
        except FactError as exc:
            self._show_message(friendly_fact_error(exc))
        # show what the plan holds (a stage named by the old phase text comes back)
        current = getattr(self._session.review.plan.identity, name)
        self._identity_form.set_choice(name, current.value if current is not None else None)

    def _on_identity_finished(self, name: str) -> None:
        if self._session is None:
            return
        edit = self._identity_edits[name]
        value = getattr(self._session.review.plan.identity, name)
        if edit.text() != value:  # refused input: show what the plan holds
            edit.setText(value)
            edit.setStyleSheet("")

    @Slot()
    def _on_site_finished(self) -> None:
        if self._session is None:
            return
        lang = current_lang()
        try:
            value = parse_cell(self._site_column, self._site_edit.text(), lang)
            self._session.set_site_fact(self._site_column.key, value)
        except Refused as exc:
            self._site_edit.setStyleSheet(INVALID_STYLE)
            self._show_message(f"{self._site_column.title(lang)}: {exc}")
            return
        except FactError as exc:
            self._site_edit.setStyleSheet(INVALID_STYLE)
            self._show_message(friendly_fact_error(exc))
            return
        self._site_edit.setStyleSheet("")
        self._show_message("")
        self._update_site_field(force=True)

    def _on_site_choice(self, key: str) -> None:
        widget = self._site_widgets[key]
        if self._session is None or not isinstance(widget, QComboBox):
            return
        self._set_site(key, widget.currentData() or None)

    def _on_site_text(self, key: str) -> None:
        widget = self._site_widgets[key]
        if self._session is None or not isinstance(widget, QLineEdit):
            return
        self._set_site(key, widget.text())

    def _set_site(self, key: str, raw: Any) -> None:
        assert self._session is not None
        column = self._site_columns[key]
        widget = self._site_widgets[key]
        lang = current_lang()
        try:
            self._session.set_site_fact(key, parse_cell(column, raw, lang))
        except Refused as exc:
            widget.setStyleSheet(INVALID_STYLE)
            self._show_message(f"{column.title(lang)}: {exc}")
            return
        except FactError as exc:
            widget.setStyleSheet(INVALID_STYLE)
            self._show_message(friendly_fact_error(exc))
            return
        widget.setStyleSheet("")
        self._show_message("")
        self._update_site_field(force=True)

    def _update_site_extras(self, force: bool = False) -> None:
        site = self._session.review.plan.site if self._session is not None else None
        lang = current_lang()
        for key, widget in self._site_widgets.items():
            value = getattr(site, key) if site is not None else None
            if isinstance(widget, QComboBox):
                data = "" if value is None else ("true" if value is True else "false")
                if not isinstance(value, bool) and value is not None:
                    data = value.value
                widget.setCurrentIndex(max(0, widget.findData(data)))
            elif force or not widget.hasFocus():
                text = "" if value is None else format_number(value, lang)
                if widget.text() != text:
                    widget.setText(text)
                widget.setStyleSheet("")

    def _update_site_field(self, force: bool = False) -> None:
        self._update_site_extras(force)
        if self._session is None:
            self._site_edit.clear()
            return
        value = self._session.review.plan.site.residential_area_m2
        text = "" if value is None else format_number(value, current_lang())
        if force or not self._site_edit.hasFocus():
            if self._site_edit.text() != text:
                self._site_edit.setText(text)
            self._site_edit.setStyleSheet("")

    # ------------------------------------------------------------ session signals
    @Slot()
    def _on_plan_changed(self) -> None:
        if self._session is None:
            self._identity_form.clear()
            self._update_site_field()
            self._update_empty_plan_hint()
            return
        identity = self._session.review.plan.identity
        for name, edit in self._identity_edits.items():
            value = getattr(identity, name)
            if edit.text() != value and not (edit.hasFocus() and edit.styleSheet()):
                edit.setText(value)
                edit.setStyleSheet("")
        for name in self._identity_form.combos:
            value = getattr(identity, name)
            self._identity_form.set_choice(name, value.value if value is not None else None)
        self._update_site_field(force=True)
        self._update_none_box()
        self._refresh_rules()
        self._update_buttons()
        self._update_empty_plan_hint()
        self._update_identity_suggestions()

    def _update_identity_suggestions(self) -> None:
        suggested = self._session.review.plan.identity.suggested if self._session else []
        self._identity_suggested_box.setVisible(bool(suggested))
        if suggested:
            self._identity_suggested.setText(
                self.tr(
                    "The name, address and municipality come from the IFC model: "
                    "check them, then confirm."
                )
            )
            self._identity_confirm.setText(self.tr("Confirm"))

    @Slot()
    def _confirm_identity(self) -> None:
        if self._session is not None:
            self._session.confirm_identity()

    def _update_empty_plan_hint(self) -> None:
        """One line while no element type is filled in or confirmed absent."""
        plan = self._session.review.plan if self._session is not None else None
        empty = plan is not None and all(plan.is_unknown(key) for key in COLLECTIONS)
        self.empty_plan_hint.setVisible(empty)

    @Slot(str)
    def _on_assessment_changed(self, criterion_id: str) -> None:
        rules = self._rules if self._current != IDENTITY else self._site_rules
        for i in range(rules.count()):
            if rules.item(i).data(Qt.ItemDataRole.UserRole) == criterion_id:
                self._refresh_rules()
                return

    @Slot(str)
    def _on_model_message(self, text: str) -> None:
        model = self.sender()
        if isinstance(model, ElementTableModel) and model.collection == self._current:
            self._show_message(text)

    def _show_message(self, text: str) -> None:
        label = self._identity_message if self._current == IDENTITY else self._table_message
        other = self._table_message if label is self._identity_message else self._identity_message
        other.hide()
        label.setText(text)
        label.setVisible(bool(text))

    def _on_list_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current = current.data(KEY_ROLE)
            self.show_collection(self._current)

    # ------------------------------------------------------------ the rules on these facts
    def _rule_criteria(self, key: str) -> list[Any]:
        if self._session is None:
            return []
        out = []
        for criterion in self._session.review.criteria():
            rule = criterion.rule
            if rule is None:
                continue
            uses = {rule.applies_to}
            denominator = getattr(rule, "denominator", None)
            if denominator is not None:
                uses.add(denominator.collection)
            if key in uses or (key == IDENTITY and "site" in uses):
                out.append(criterion)
        return out

    def _refresh_rules(self) -> None:
        rules = self._site_rules if self._current == IDENTITY else self._rules
        label = self._site_rules_label if self._current == IDENTITY else self._rules_label
        rules.clear()
        lang = current_lang()
        criteria = self._rule_criteria(self._current)
        for criterion in criteria:
            assessment = self._session.review.assessments[criterion.id]  # type: ignore[union-attr]
            verdict = assessment.verdict
            text = f"{criterion.id}   {criterion.title.get(lang)} — {verdict.label.get(lang)}"
            item = QListWidgetItem(icons.verdict_icon(verdict), text)
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            evidence = assessment.evidence
            tip = [e.text.get(lang) for e in evidence[:TIP_LINES]]
            if len(evidence) > TIP_LINES:  # thousands of elements: not all in a tooltip
                tip.append("…")
            if not self._session.review.in_scope(criterion):  # type: ignore[union-attr]
                item.setForeground(QColor("#8a8f98"))
                tip.insert(0, self.tr("Outside the perspective of this review."))
            item.setToolTip("\n".join(tip) if tip else criterion.title.get(lang))
            rules.addItem(item)
        label.setVisible(bool(criteria))
        rules.setVisible(bool(criteria))
        if criteria:
            row_height = max(rules.sizeHintForRow(0), 18)
            rules.setFixedHeight(min(len(criteria), 5) * row_height + 2 * rules.frameWidth() + 4)

    def _on_rule_item(self, item: QListWidgetItem) -> None:
        self.criterionActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------ look
    def _refit(self, collection: str) -> None:
        """The rows changed wholesale: fit the columns again, now if the table is shown."""
        self._fitted.discard(collection)
        if collection == self._current and self.isVisible():
            self._fit_columns(collection)

    def _fit_columns(self, collection: str, force: bool = False) -> None:
        if collection in self._fitted and not force:
            return
        table = self._tables[collection]
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        columns = self._models[collection].columns
        for col, column in enumerate(columns[:-1]):  # the last column stretches
            width = header.sectionSize(col)
            low = 64 if column.kind != "id" else 90
            high = 260 if column.kind in ("text", "opt_text") else 200
            # at least as wide as its (wrapped) header, so that no title is cut off
            title = min(header.sectionSizeFromContents(col).width(), 280)
            header.resizeSection(col, max(low, title, min(width + 4, high)))
        self._fitted.add(collection)

    def _fit_list(self) -> None:
        """The element-type list as wide as its longest label and count."""
        width = self._list.sizeHintForColumn(0) + 2 * self._list.frameWidth() + 4
        scrollbar = self._list.verticalScrollBar().sizeHint().width()
        self._list.setMinimumWidth(min(width + scrollbar, 320))

    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        lang = current_lang()
        self._identity_title.setText(self.tr("Plan details"))
        self._identity_box.setTitle(self.tr("Plan"))
        self._site_box.setTitle(COLLECTION_LABELS["site"].get(lang))
        self._site_label.setText(self._site_column.name(lang) + ":")
        self._site_edit.setPlaceholderText(self.tr("unknown"))
        for key, column in self._site_columns.items():
            self._site_labels[key].setText(column.name(lang) + ":")
            widget = self._site_widgets[key]
            if isinstance(widget, QComboBox):
                widget.blockSignals(True)
                widget.clear()
                for value, text in column.choices(lang):
                    widget.addItem(text, value)
                widget.blockSignals(False)
            else:
                widget.setPlaceholderText(self.tr("unknown"))
        self._site_hint.setText(
            self.tr(
                "The 3 % play-space guideline is meant for the built-up area of the district; "
                "where only the plan area is known, enter that and say so below. Play areas "
                "and green that is fit for play count towards the 3 %."
            )
        )
        self._site_rules_label.setText(self.tr("Rules that use the site:"))
        self._rules_label.setText(self.tr("Rules on these facts:"))
        self._table_hint.setText(
            self.tr(
                "Double-click or start typing to edit a cell; a click opens a list of choices. "
                "An empty cell means unknown: its rules then give “not assessed”. Del removes "
                "the selected rows."
            )
        )
        self.empty_plan_hint.setText(
            self.tr(
                "No elements yet: choose a kind on the left (entrances, galleries, …) and "
                "add them with Add, or confirm that the plan has none."
            )
        )
        self._add_button.setText(self.tr("Add"))
        self._add_button.setToolTip(self.tr("Add an element to this list"))
        self._remove_button.setText(self.tr("Remove"))
        self._remove_button.setToolTip(self.tr("Remove the selected elements (Del)"))
        self._confirm_button.setText(self.tr("Confirm"))
        self._confirm_button.setToolTip(
            self.tr(
                "Confirm what the IFC model suggests for the selected elements (all of this "
                "list when none is selected): only then do the rules count it (Ctrl+Shift+K)"
            )
        )
        if self._current != IDENTITY:
            self._table_title.setText(COLLECTION_LABELS[self._current].get(lang))
        self._list_model.retranslate()
        self._fit_list()
        for model in self._models.values():
            model.retranslate()
        self._fitted.clear()
        if self._current != IDENTITY:
            self._fit_columns(self._current)
        self._update_site_field()
        self._refresh_rules()
        self._update_none_box()
