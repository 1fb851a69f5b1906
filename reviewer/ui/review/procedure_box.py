"""The review's procedure record: who took part, whether cohesion was part of the review,
whether a joint session on safety and cohesion was held (and when), and notes.

It scores how the review was made, not the plan, so it is no criterion. Every change goes
through the ReviewSession: undoable, saved in the file.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.review import Procedure
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.ui.i18n import notifier
from reviewer.ui.review.session import PARTICIPANT_FIELDS, FactError, ReviewSession
from reviewer.ui.widgets.text_fields import DocumentUndoFilter, NoteEdit
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "no date"
TRI_STATE = (None, True, False)  # the items of the yes/no combo boxes: not recorded, yes, no


class ProcedureBox(QGroupBox):
    """An editable procedure record of the open review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureBox")
        self._session: ReviewSession | None = None
        self._filling = False

        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(HINT_STYLE)

        self.participants = QTableWidget(0, len(PARTICIPANT_FIELDS))
        self.participants.setObjectName("participants")
        self.participants.verticalHeader().setVisible(False)
        self.participants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.participants.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.participants.setMinimumHeight(110)
        self.participants.setMaximumHeight(170)
        self.participants.itemChanged.connect(self._on_item_changed)
        self.participants.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addParticipant")
        self.add_button.clicked.connect(self.add_participant)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeParticipant")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)

        self.cohesion = QComboBox()
        self.cohesion.setObjectName("cohesionIncluded")
        self.cohesion.activated.connect(lambda i: self._set("cohesion_included", TRI_STATE[i]))
        self.joint = QComboBox()
        self.joint.setObjectName("jointSession")
        self.joint.activated.connect(lambda i: self._set("joint_session", TRI_STATE[i]))
        self.joint_date = QDateEdit()
        self.joint_date.setObjectName("jointSessionDate")
        self.joint_date.setCalendarPopup(True)
        self.joint_date.setMinimumDate(NO_DATE)
        self.joint_date.setDisplayFormat("yyyy-MM-dd")
        self.joint_date.dateChanged.connect(self._on_date_changed)
        joint_row = QHBoxLayout()
        joint_row.addWidget(self.joint)
        self._date_label = QLabel()
        self._date_label.setBuddy(self.joint_date)
        joint_row.addWidget(self._date_label)
        joint_row.addWidget(self.joint_date)
        joint_row.addStretch(1)

        self.notes = NoteEdit(3)
        self.notes.setObjectName("procedureNotes")
        self.notes.textChanged.connect(self._on_notes_changed)
        undo_filter = DocumentUndoFilter(self)
        self.notes.installEventFilter(undo_filter)

        self.message = QLabel()
        self.message.setObjectName("procedureMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()

        self._labels = [QLabel(), QLabel(), QLabel()]
        self._labels[0].setBuddy(self.cohesion)
        self._labels[1].setBuddy(self.joint)
        self._labels[2].setBuddy(self.notes)
        form = QFormLayout()
        cohesion_row = QHBoxLayout()
        cohesion_row.addWidget(self.cohesion)
        cohesion_row.addStretch(1)
        form.addRow(self._labels[0], cohesion_row)
        form.addRow(self._labels[1], joint_row)
        form.addRow(self._labels[2], self.notes)
        self._participants_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self._participants_label)
        layout.addWidget(self.participants)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.notes.limit_label)
        layout.addWidget(self.message)
        notifier.changed.connect(self.retranslate)
        self.retranslate()
        self.set_session(None)

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.procedureChanged.disconnect(self.refresh)
        self._session = session
        if session is not None:
            session.procedureChanged.connect(self.refresh)
        self.setEnabled(session is not None)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Show the procedure as the document holds it."""
        procedure = self._session.review.procedure if self._session else Procedure()
        self._filling = True
        try:
            table = self.participants
            if table.rowCount() != len(procedure.participants):
                table.setRowCount(len(procedure.participants))
            for row, participant in enumerate(procedure.participants):
                for col, field in enumerate(PARTICIPANT_FIELDS):
                    value = getattr(participant, field)
                    item = table.item(row, col)
                    if item is None:
                        table.setItem(row, col, QTableWidgetItem(value))
                    elif item.text() != value:
                        item.setText(value)
            for combo, value in (
                (self.cohesion, procedure.cohesion_included),
                (self.joint, procedure.joint_session),
            ):
                combo.setCurrentIndex(TRI_STATE.index(value))
            self.joint_date.blockSignals(True)
            when = procedure.joint_session_date
            self.joint_date.setDate(QDate(when.year, when.month, when.day) if when else NO_DATE)
            self.joint_date.blockSignals(False)
            self.joint_date.setEnabled(procedure.joint_session is not False)
            self.notes.set_text_keeping_cursor(procedure.notes)
        finally:
            self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._session is not None
        self.add_button.setEnabled(has)
        self.remove_button.setEnabled(has and bool(self.participants.selectedIndexes()))

    # ------------------------------------------------------------ edits
    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set(self, field: str, value: object) -> None:
        if self._session is None or self._filling:
            return
        try:
            self._session.set_procedure(field, value)
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
            self.refresh()
            return
        self._show("")

    @Slot(QDate)
    def _on_date_changed(self, value: QDate) -> None:
        chosen = None if value == NO_DATE else date(value.year(), value.month(), value.day())
        self._set("joint_session_date", chosen)

    @Slot()
    def _on_notes_changed(self) -> None:
        if self._session is None or self._filling:
            return
        try:
            self._session.set_procedure("notes", self.notes.toPlainText())
        except FactError as exc:
            self.notes.show_too_long(exc.ctx.get("max_length"))
            return
        self.notes.hide_too_long()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._session is None or self._filling:
            return
        field = PARTICIPANT_FIELDS[item.column()]
        text = " ".join(item.text().split())[:MAX_NAME_CHARS]
        try:
            self._session.set_participant(item.row(), field, text)
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
        self.refresh()

    @Slot()
    def add_participant(self) -> None:
        if self._session is None:
            return
        try:
            row = self._session.add_participant()
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
            return
        item = self.participants.item(row, 0)
        self.participants.setCurrentItem(item)
        self.participants.setFocus()
        self.participants.editItem(item)

    @Slot()
    def remove_selected(self) -> None:
        if self._session is None:
            return
        rows = sorted({i.row() for i in self.participants.selectedIndexes()}, reverse=True)
        if not rows:
            return
        stack = self._session.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Remove {0} participants").format(len(rows)))
        try:
            for row in rows:
                self._session.remove_participant(row)
        finally:
            if len(rows) > 1:
                stack.endMacro()

    # ------------------------------------------------------------ language
    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        self.setTitle(self.tr("Review procedure"))
        self._hint.setText(
            self.tr(
                "How this review was made. It is not a criterion: it says who took part and "
                "whether safety and cohesion were looked at together."
            )
        )
        self._participants_label.setText(self.tr("Participants:"))
        self.participants.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Role")]
        )
        self.add_button.setText(self.tr("Add participant"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected participants"))
        self._labels[0].setText(self.tr("Cohesion included in this review:"))
        self._labels[1].setText(self.tr("Joint session held:"))
        self._labels[2].setText(self.tr("Notes:"))
        self._date_label.setText(self.tr("on"))
        self.joint_date.setSpecialValueText(self.tr("no date"))
        for combo in (self.cohesion, self.joint):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([self.tr("not recorded"), self.tr("yes"), self.tr("no")])
            combo.setCurrentIndex(max(0, current))
            combo.blockSignals(False)
        self.cohesion.setToolTip(
            self.tr("Whether social cohesion was part of this review, next to safety")
        )
        self.joint.setToolTip(
            self.tr("Whether a joint session on safety and cohesion was held, and when")
        )
