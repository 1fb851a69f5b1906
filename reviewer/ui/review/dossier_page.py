"""The Dossier page: the details the advice letter needs besides the findings.

Reference (kenmerk), place and date of dispatch, the addressee, subject and request, the
documents reviewed (the advice holds only for them; taken from the drawing sheets with
one button), the contact person (the organisation's default contact shows as the
placeholder, and "Use the default contact" copies it in), the distribution list, the
next step and the validity statement (empty: the organisation's standard text, shown as
the placeholder). Every change goes through the ReviewSession: undoable (typing in one
field is one step), saved in the file.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.dossier import Dossier
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.organisation import current_organisation, organisation_notifier
from reviewer.ui.review.session import DOCUMENT_FIELDS, FactError, ReviewSession
from reviewer.ui.review.stages_box import StagesBox
from reviewer.ui.widgets.text_fields import DocumentUndoFilter, NoteEdit
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "not set"
LINE_FIELDS = (
    "reference",
    "their_reference",
    "place",
    "subject",
    "addressee.name",
    "addressee.organisation",
    "addressee.department",
    "contact.name",
    "contact.phone",
    "contact.email",
)
TEXT_FIELDS = ("request", "addressee.address", "distribution", "next_step", "validity")


def dossier_value(dossier: Dossier, field: str) -> object:
    """The value of a dotted dossier field ("addressee.name")."""
    value: object = dossier
    for part in field.split("."):
        value = getattr(value, part)
    return value


def lines(text: str) -> list[str]:
    """A distribution list typed one per line."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class DossierPage(QScrollArea):
    """The open review's dossier details, editable; below them the plan's stages and
    measures (`StagesBox`)."""

    criterionActivated = Signal(str)
    compareRequested = Signal(object)  # the previous review's file, or None: ask

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._session: ReviewSession | None = None
        self._filling = False
        undo_filter = DocumentUndoFilter(self)

        self.lines: dict[str, QLineEdit] = {}
        for field in LINE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"dossier_{field}")
            edit.setMaxLength(MAX_NAME_CHARS)
            edit.textEdited.connect(lambda text, f=field: self._set(f, text))
            edit.installEventFilter(undo_filter)
            self.lines[field] = edit
        self.texts: dict[str, NoteEdit] = {}
        for field, height in zip(TEXT_FIELDS, (3, 3, 3, 2, 2), strict=True):
            note = NoteEdit(height)
            note.setObjectName(f"dossier_{field}")
            note.textChanged.connect(lambda f=field: self._text_changed(f))
            note.installEventFilter(undo_filter)
            self.texts[field] = note

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("dossier_dispatch_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._date_changed)
        self.today_button = QPushButton()
        self.today_button.setObjectName("dispatchToday")
        self.today_button.clicked.connect(self.set_today)
        self.clear_date_button = QPushButton()
        self.clear_date_button.setObjectName("dispatchClear")
        self.clear_date_button.clicked.connect(self.clear_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.today_button)
        date_row.addWidget(self.clear_date_button)
        date_row.addStretch(1)

        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(HINT_STYLE)
        self.message = QLabel()
        self.message.setObjectName("dossierMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()

        # ------------------------------------------------ the letter
        self.letter_box = QGroupBox()
        self._letter_labels = [QLabel() for _ in range(6)]
        letter = QFormLayout(self.letter_box)
        letter.addRow(self._letter_labels[0], self.lines["reference"])
        letter.addRow(self._letter_labels[5], self.lines["their_reference"])
        letter.addRow(self._letter_labels[1], self.lines["place"])
        letter.addRow(self._letter_labels[2], date_row)
        letter.addRow(self._letter_labels[3], self.lines["subject"])
        letter.addRow(self._letter_labels[4], self.texts["request"])

        # ------------------------------------------------ addressee
        self.addressee_box = QGroupBox()
        self._addressee_labels = [QLabel() for _ in range(4)]
        addressee = QFormLayout(self.addressee_box)
        addressee.addRow(self._addressee_labels[0], self.lines["addressee.name"])
        addressee.addRow(self._addressee_labels[1], self.lines["addressee.organisation"])
        addressee.addRow(self._addressee_labels[3], self.lines["addressee.department"])
        addressee.addRow(self._addressee_labels[2], self.texts["addressee.address"])

        # ------------------------------------------------ contact
        self.contact_box = QGroupBox()
        self._contact_labels = [QLabel() for _ in range(3)]
        self.default_contact_button = QPushButton()
        self.default_contact_button.setObjectName("useDefaultContact")
        self.default_contact_button.clicked.connect(self.use_default_contact)
        contact = QFormLayout(self.contact_box)
        contact.addRow(self._contact_labels[0], self.lines["contact.name"])
        contact.addRow(self._contact_labels[1], self.lines["contact.phone"])
        contact.addRow(self._contact_labels[2], self.lines["contact.email"])
        contact_buttons = QHBoxLayout()
        contact_buttons.addStretch(1)
        contact_buttons.addWidget(self.default_contact_button)
        contact.addRow(contact_buttons)

        # ------------------------------------------------ documents reviewed
        self.documents_box = QGroupBox()
        self._documents_hint = QLabel()
        self._documents_hint.setWordWrap(True)
        self._documents_hint.setStyleSheet(HINT_STYLE)
        self.documents = QTableWidget(0, len(DOCUMENT_FIELDS))
        self.documents.setObjectName("reviewedDocuments")
        self.documents.verticalHeader().setVisible(False)
        header = self.documents.horizontalHeader()
        # number, date and revision as wide as their header or contents; the title the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setMinimumHeight(120)
        self.documents.itemChanged.connect(self._document_edited)
        self.documents.itemSelectionChanged.connect(self._update_buttons)
        self.add_document_button = QPushButton()
        self.add_document_button.setObjectName("addDocument")
        self.add_document_button.clicked.connect(self.add_document)
        self.remove_document_button = QPushButton()
        self.remove_document_button.setObjectName("removeDocuments")
        self.remove_document_button.clicked.connect(self.remove_selected_documents)
        self.from_drawings_button = QPushButton()
        self.from_drawings_button.setObjectName("documentsFromDrawings")
        self.from_drawings_button.clicked.connect(self.take_from_drawings)
        document_buttons = QHBoxLayout()
        document_buttons.addWidget(self.from_drawings_button)
        document_buttons.addStretch(1)
        document_buttons.addWidget(self.add_document_button)
        document_buttons.addWidget(self.remove_document_button)
        documents = QVBoxLayout(self.documents_box)
        documents.addWidget(self._documents_hint)
        documents.addWidget(self.documents)
        documents.addLayout(document_buttons)

        # ------------------------------------------------ after the advice
        self.after_box = QGroupBox()
        self._after_labels = [QLabel() for _ in range(3)]
        after = QFormLayout(self.after_box)
        after.addRow(self._after_labels[0], self.texts["distribution"])
        after.addRow(self._after_labels[1], self.texts["next_step"])
        after.addRow(self._after_labels[2], self.texts["validity"])

        for form in (letter, addressee, contact, after):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(16, 12, 16, 16)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        # ------------------------------------------------ stages and measures, first
        self.stages = StagesBox()
        self.stages.criterionActivated.connect(self.criterionActivated)
        self.stages.compareRequested.connect(self.compareRequested)
        grid.addWidget(self.stages, 0, 0, 1, 2)
        grid.addWidget(self._hint, 1, 0, 1, 2)
        grid.addWidget(self.letter_box, 2, 0)
        grid.addWidget(self.addressee_box, 2, 1)
        grid.addWidget(self.documents_box, 3, 0, 1, 2)
        grid.addWidget(self.contact_box, 4, 0)
        grid.addWidget(self.after_box, 4, 1)
        grid.addWidget(self.message, 5, 0, 1, 2)
        limits = QVBoxLayout()
        for field in TEXT_FIELDS:
            limits.addWidget(self.texts[field].limit_label)
        grid.addLayout(limits, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)
        self.setWidget(content)

        notifier.changed.connect(self.retranslate)
        organisation_notifier.changed.connect(self._organisation_changed)
        self.retranslate()
        self.set_session(None)

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.dossierChanged.disconnect(self.refresh)
            self._session.sheetsChanged.disconnect(self._update_buttons)
        self._session = session
        if session is not None:
            session.dossierChanged.connect(self.refresh)
            session.sheetsChanged.connect(self._update_buttons)
        self.stages.set_session(session)
        self.widget().setEnabled(session is not None)
        self._show("")
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Show the dossier as the document holds it (fields being typed in keep their
        cursor: only a field whose value differs is set)."""
        dossier = self._session.review.dossier if self._session else Dossier()
        self._filling = True
        try:
            for field, edit in self.lines.items():
                value = str(dossier_value(dossier, field))
                if edit.text() != value:
                    edit.setText(value)
            for field, note in self.texts.items():
                if field == "distribution":
                    if lines(note.toPlainText()) != dossier.distribution:
                        note.set_text_keeping_cursor("\n".join(dossier.distribution))
                else:
                    note.set_text_keeping_cursor(str(dossier_value(dossier, field)))
            when = dossier.dispatch_date
            self.date_edit.setDate(QDate(when.year, when.month, when.day) if when else NO_DATE)
            table = self.documents
            if table.rowCount() != len(dossier.documents):
                table.setRowCount(len(dossier.documents))
            for row, document in enumerate(dossier.documents):
                for col, field in enumerate(DOCUMENT_FIELDS):
                    value = getattr(document, field)
                    item = table.item(row, col)
                    if item is None:
                        table.setItem(row, col, QTableWidgetItem(value))
                    elif item.text() != value:
                        item.setText(value)
        finally:
            self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._session is not None
        self.remove_document_button.setEnabled(has and bool(self.documents.selectedIndexes()))
        self.from_drawings_button.setEnabled(has and bool(self._session.review.sheets))  # type: ignore[union-attr]
        self.clear_date_button.setEnabled(has and self.date_edit.date() != NO_DATE)
        organisation = current_organisation()
        self.default_contact_button.setEnabled(has and bool(organisation.contact.name))

    # ------------------------------------------------------------ edits
    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set(self, field: str, value: object) -> bool:
        if self._session is None or self._filling:
            return False
        try:
            self._session.set_dossier(field, value)
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
            return False
        self._show("")
        return True

    def _text_changed(self, field: str) -> None:
        if self._session is None or self._filling:
            return
        note = self.texts[field]
        text = note.toPlainText()
        value: object = lines(text) if field == "distribution" else text
        try:
            self._session.set_dossier(field, value)
        except FactError as exc:
            limit = exc.ctx.get("max_length")
            if limit is not None and field != "distribution":
                note.show_too_long(limit)
            else:
                self._show(self.tr("This value is not allowed ({0}).").format(exc))
            return
        note.hide_too_long()
        self._show("")

    @Slot(QDate)
    def _date_changed(self, value: QDate) -> None:
        chosen = None if value == NO_DATE else date(value.year(), value.month(), value.day())
        self._set("dispatch_date", chosen)
        self._update_buttons()

    @Slot()
    def set_today(self) -> None:
        self.date_edit.setDate(QDate.currentDate())

    @Slot()
    def clear_date(self) -> None:
        self.date_edit.setDate(NO_DATE)

    @Slot()
    def use_default_contact(self) -> None:
        """Copy the organisation profile's default contact into this dossier."""
        if self._session is None:
            return
        contact = current_organisation().contact
        try:
            self._session.set_contact(contact.name, contact.phone, contact.email)
        except FactError as exc:  # pragma: no cover - the profile holds the same limits
            self._show(self.tr("This value is not allowed ({0}).").format(exc))

    def _document_edited(self, item: QTableWidgetItem) -> None:
        if self._session is None or self._filling:
            return
        field = DOCUMENT_FIELDS[item.column()]
        text = " ".join(item.text().split())[:MAX_NAME_CHARS]
        try:
            self._session.set_reviewed_document(item.row(), field, text)
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
        self.refresh()

    @Slot()
    def add_document(self) -> None:
        if self._session is None:
            return
        try:
            row = self._session.add_reviewed_document()
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
            return
        item = self.documents.item(row, 0)
        self.documents.setCurrentItem(item)
        self.documents.setFocus()
        self.documents.editItem(item)

    @Slot()
    def remove_selected_documents(self) -> None:
        if self._session is None:
            return
        rows = sorted({i.row() for i in self.documents.selectedIndexes()})
        if rows:
            self._session.remove_reviewed_documents(rows)

    @Slot()
    def take_from_drawings(self) -> int:
        """A row per drawing sheet not yet listed; says how many were added."""
        if self._session is None:
            return 0
        try:
            added = self._session.take_documents_from_sheets()
        except FactError as exc:
            self._show(self.tr("This value is not allowed ({0}).").format(exc))
            return 0
        if added:
            self._show("")
            self._documents_hint.setText(
                self.tr("Drawing sheets added: {0}. Fill in number, date and revision.").format(
                    added
                )
            )
        else:
            self._documents_hint.setText(self.tr("Every drawing sheet is listed already."))
        return added

    # ------------------------------------------------------------ organisation, language
    def _organisation_changed(self) -> None:
        self._fill_placeholders()
        self._update_buttons()

    def _fill_placeholders(self) -> None:
        organisation = current_organisation()
        lang = current_lang()
        contact = organisation.contact
        for field, value in (
            ("contact.name", contact.name),
            ("contact.phone", contact.phone),
            ("contact.email", contact.email),
        ):
            self.lines[field].setPlaceholderText(value)
        standard = organisation.validity.get(lang) or ""
        self.texts["validity"].setPlaceholderText(
            self.tr("Empty: the standard text, “{0}”").format(standard) if standard else ""
        )
        tip = (
            self.tr("Copy the default contact of the organisation settings: {0}").format(
                ", ".join(v for v in (contact.name, contact.phone, contact.email) if v)
            )
            if contact.name
            else self.tr("No default contact in the organisation settings (Edit → Organisation…)")
        )
        self.default_contact_button.setToolTip(tip)

    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        self._hint.setText(
            self.tr(
                "The details of the advice letter. The advice holds only for the documents "
                "reviewed; list them all."
            )
        )
        self.letter_box.setTitle(self.tr("Letter"))
        for label, text in zip(
            self._letter_labels,
            (
                self.tr("Reference:"),
                self.tr("Place:"),
                self.tr("Dispatch date:"),
                self.tr("Subject:"),
                self.tr("Request:"),
                self.tr("Their reference:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.lines["reference"].setPlaceholderText(self.tr("kenmerk, e.g. 2026-0413"))
        self.lines["their_reference"].setPlaceholderText(
            self.tr("the reference of the request, if it gave one")
        )
        self.texts["request"].setPlaceholderText(
            self.tr("The request that led to this advice (who asked what, and when)…")
        )
        self.date_edit.setSpecialValueText(self.tr("not set"))
        self.today_button.setText(self.tr("Today"))
        self.clear_date_button.setText(self.tr("Clear"))
        self.clear_date_button.setToolTip(self.tr("No dispatch date yet"))
        self.addressee_box.setTitle(self.tr("Addressee"))
        for label, text in zip(
            self._addressee_labels,
            (
                self.tr("Name:"),
                self.tr("Organisation:"),
                self.tr("Address:"),
                self.tr("Department:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.texts["addressee.address"].setPlaceholderText(
            self.tr("Street and number, postcode and place, one per line")
        )
        self.documents_box.setTitle(self.tr("Documents reviewed"))
        self._documents_hint.setText(self.tr("The drawings and documents this advice is based on."))
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Drawing number"), self.tr("Title"), self.tr("Date"), self.tr("Revision")]
        )
        self.add_document_button.setText(self.tr("Add document"))
        self.remove_document_button.setText(self.tr("Remove"))
        self.remove_document_button.setToolTip(self.tr("Remove the selected documents"))
        self.from_drawings_button.setText(self.tr("Take from the drawings"))
        self.from_drawings_button.setToolTip(
            self.tr("Add a row for every drawing sheet of this review that is not listed yet")
        )
        self.contact_box.setTitle(self.tr("Contact person"))
        for label, text in zip(
            self._contact_labels,
            (self.tr("Name:"), self.tr("Phone:"), self.tr("E-mail:")),
            strict=True,
        ):
            label.setText(text)
        self.default_contact_button.setText(self.tr("Use the default contact"))
        self.after_box.setTitle(self.tr("Distribution and next step"))
        for label, text in zip(
            self._after_labels,
            (self.tr("Copy to:"), self.tr("Next step:"), self.tr("Validity:")),
            strict=True,
        ):
            label.setText(text)
        self.texts["distribution"].setPlaceholderText(self.tr("One recipient per line"))
        self.texts["next_step"].setPlaceholderText(self.tr("What happens next in the procedure…"))
        self._fill_placeholders()
