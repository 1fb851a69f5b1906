"""The criterion panel: what a criterion asks, what the rule found, and the reviewer's verdict.

Every edit goes through the `ReviewSession` (and so onto the undo stack); the panel
re-reads the assessment when the session says it changed, so undo and redo show up here
without special cases. Text fields merge typing into one undo step (the session does
that); their own little undo stacks are off, and Ctrl+Z goes to the document's stack.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QKeyEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Criterion
from reviewer.domain.next_stage import previous_verdict
from reviewer.domain.plan import VALUE_LABELS, Stage
from reviewer.domain.review import (
    Assessment,
    MeasureKind,
    OverrideWithoutReason,
    PartlyWithoutJustification,
    Priority,
    ReplyKind,
    is_override,
)
from reviewer.domain.stages import STAGE_LABELS
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.storage.container import IMAGE_SUFFIXES, MAX_MEMBER_BYTES, DocumentFileError
from reviewer.storage.files import FileTooLargeError, read_regular_file
from reviewer.ui import dialogs, icons
from reviewer.ui.checked import TextError
from reviewer.ui.error_text import error_text
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.choice_combo import fill_choices
from reviewer.ui.widgets.evidence_list import EvidenceList
from reviewer.ui.widgets.text_fields import DocumentUndoFilter, NoteEdit, too_long_message
from reviewer.ui.widgets.text_style import muted_palette
from reviewer.ui.widgets.verdict_style import (
    VERDICT_KEYS,
    show_verdict,
    verdict_row,
)

THUMB = QSize(112, 84)


PHOTO_FOLDER_KEY = "photos/folder"


def photo_folder() -> str:
    """Where the photo dialog starts: the folder of the last photos added, else the
    user's pictures folder, else the home folder (never the working directory)."""
    last = QSettings().value(PHOTO_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    if pictures and Path(pictures).is_dir():
        return pictures
    return str(Path.home())


class PhotoList(QListWidget):
    """Thumbnails of the photos attached to a criterion."""

    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(THUMB)
        self.setSpacing(6)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB.height() + self.fontMetrics().height() + 44)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAcceptDrops(False)  # the panel takes the drop

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


def thumbnail(data: bytes) -> QIcon:
    """A small icon from photo bytes, decoded at thumbnail size (large photos stay cheap)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image: QImage = reader.read()
    if image.isNull():
        return icons.icon("photo")
    return QIcon(QPixmap.fromImage(image))


class CriterionPanel(QWidget):
    """Shows one criterion of the session's review and edits its assessment."""

    photosAdded = Signal(int)
    pinActivated = Signal(int)  # pin number: show it on its drawing
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._criterion: Criterion | None = None
        self._thumbs: dict[str, QIcon] = {}
        self._undo_filter = DocumentUndoFilter(self)
        self.setAcceptDrops(True)
        self._build()
        self.retranslate()
        notifier.changed.connect(self._language_changed)
        self.set_criterion(None)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        muted = muted_palette(self)

        self.id_label = QLabel(self)
        self.id_label.setPalette(muted)
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setPalette(muted)
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        # not applicable by scope (plan type or stage): said prominently, above all else
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("scopeBanner")
        self.scope_label.setWordWrap(True)
        self.scope_label.setTextFormat(Qt.TextFormat.PlainText)
        self.scope_label.setStyleSheet(
            "QLabel#scopeBanner { border: 1px solid #9ca3af; border-left: 5px solid #6b7280;"
            " border-radius: 3px; background: #f3f4f6; padding: 6px 8px; font-weight: bold; }"
        )
        self.scope_label.hide()
        # what a profile changed here (level raised, threshold set), and why
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileNote")
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_label.setStyleSheet(
            "QLabel#profileNote { border-left: 3px solid #1e6fd9; padding: 2px 6px; }"
        )
        self.profile_label.hide()
        self.guidance_label = QLabel(self)
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setPalette(muted)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tension_label = QLabel(self)
        self.tension_label.setWordWrap(True)
        self.tension_label.setPalette(muted)
        self.tension_label.setTextFormat(Qt.TextFormat.PlainText)

        # rule result
        self.rule_box = QGroupBox(self)
        self.auto_label = QLabel(self.rule_box)
        self.auto_label.setTextFormat(Qt.TextFormat.PlainText)
        self.auto_dot = QLabel(self.rule_box)
        self.evidence = EvidenceList(self.rule_box)
        auto_row = QHBoxLayout()
        auto_row.setSpacing(6)
        auto_row.addWidget(self.auto_dot)
        auto_row.addWidget(self.auto_label, 1)
        rule_layout = QVBoxLayout(self.rule_box)
        rule_layout.addLayout(auto_row)
        rule_layout.addWidget(self.evidence)

        # verdict
        self.verdict_box = QGroupBox(self)
        self.verdict_group = QButtonGroup(self)
        buttons, self.verdict_buttons, self.clear_button = verdict_row(
            self.verdict_box, self.verdict_group, "verdict", (5, 12), self.choose_verdict
        )
        self.clear_button.clicked.connect(lambda: self.choose_verdict(Verdict.NOT_ASSESSED))

        self.override_label = QLabel(self.verdict_box)
        self.override_edit = NoteEdit(2, self.verdict_box)
        self.override_edit.textChanged.connect(self._override_edited)
        self.override_warning = QLabel(self.verdict_box)
        warn = QPalette(self.override_warning.palette())
        warn.setColor(QPalette.ColorRole.WindowText, QColor(VERDICT_COLOURS[Verdict.FAILS]))
        self.override_warning.setPalette(warn)
        self.justification_label = QLabel(self.verdict_box)
        self.justification_edit = NoteEdit(2, self.verdict_box)
        self.justification_edit.textChanged.connect(self._justification_edited)
        self.justification_warning = QLabel(self.verdict_box)
        self.justification_warning.setPalette(warn)
        self.justification_warning.setWordWrap(True)
        # why a verdict was not given (a refused "voldoet gedeeltelijk")
        self.verdict_message = QLabel(self.verdict_box)
        self.verdict_message.setObjectName("verdictMessage")
        self.verdict_message.setPalette(warn)
        self.verdict_message.setWordWrap(True)
        self.verdict_message.hide()
        # the verdict the review of the previous stage gave, to adopt with one click
        self.previous_label = QLabel(self.verdict_box)
        self.previous_label.setObjectName("previousVerdict")
        self.previous_label.setWordWrap(True)
        self.previous_label.setPalette(muted)
        self.adopt_button = QPushButton(self.verdict_box)
        self.adopt_button.setObjectName("adoptPreviousVerdict")
        self.adopt_button.clicked.connect(self.adopt_previous_verdict)
        self.previous_row = QWidget(self.verdict_box)
        previous_row = QHBoxLayout(self.previous_row)
        previous_row.setContentsMargins(0, 0, 0, 0)
        previous_row.addWidget(self.previous_label, 1)
        previous_row.addWidget(self.adopt_button)
        self.previous_row.hide()
        verdict_layout = QVBoxLayout(self.verdict_box)
        verdict_layout.addLayout(buttons)
        verdict_layout.addWidget(self.previous_row)
        verdict_layout.addWidget(self.override_label)
        verdict_layout.addWidget(self.override_edit)
        verdict_layout.addWidget(self.override_edit.limit_label)
        verdict_layout.addWidget(self.override_warning)
        verdict_layout.addWidget(self.justification_label)
        verdict_layout.addWidget(self.justification_edit)
        verdict_layout.addWidget(self.justification_edit.limit_label)
        verdict_layout.addWidget(self.justification_warning)
        verdict_layout.addWidget(self.verdict_message)

        # notes, measure, priority
        self.notes_box = QGroupBox(self)
        self.notes_label = QLabel(self.notes_box)
        self.notes_edit = NoteEdit(4, self.notes_box)
        self.notes_edit.textChanged.connect(lambda: self._text_edited("notes", self.notes_edit))
        self.notes_label.setBuddy(self.notes_edit)
        self.measure_label = QLabel(self.notes_box)
        self.measure_edit = NoteEdit(2, self.notes_box)
        self.measure_edit.textChanged.connect(
            lambda: self._text_edited("measure", self.measure_edit)
        )
        self.measure_label.setBuddy(self.measure_edit)
        self.priority_label = QLabel(self.notes_box)
        self.priority_combo = QComboBox(self.notes_box)
        self.priority_combo.currentIndexChanged.connect(self._priority_changed)
        self.priority_label.setBuddy(self.priority_combo)
        # the measure in the advice: a condition (who acts, by which stage) or a recommendation
        self.kind_label = QLabel(self.notes_box)
        self.kind_combo = QComboBox(self.notes_box)
        self.kind_combo.setObjectName("measureKind")
        self.kind_combo.activated.connect(self._kind_chosen)
        self.kind_label.setBuddy(self.kind_combo)
        self.actor_label = QLabel(self.notes_box)
        self.actor_edit = QLineEdit(self.notes_box)
        self.actor_edit.setObjectName("measureActor")
        self.actor_edit.setMaxLength(MAX_NAME_CHARS)
        self.actor_edit.textEdited.connect(self._actor_edited)
        self.actor_label.setBuddy(self.actor_edit)
        self.stage_label = QLabel(self.notes_box)
        self.stage_combo = QComboBox(self.notes_box)
        self.stage_combo.setObjectName("measureStage")
        self.stage_combo.activated.connect(self._stage_chosen)
        self.stage_label.setBuddy(self.stage_combo)
        # the measure's status through the stages (changed on the Dossier page)
        self.status_label = QLabel(self.notes_box)
        self.status_label.setObjectName("measureStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setPalette(muted)
        self.status_label.hide()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind_combo)
        kind_row.addSpacing(12)
        kind_row.addWidget(self.stage_label)
        kind_row.addWidget(self.stage_combo)
        kind_row.addStretch(1)
        actor_row = QHBoxLayout()
        actor_row.addWidget(self.actor_label)
        actor_row.addWidget(self.actor_edit, 1)
        priority_row = QHBoxLayout()
        priority_row.addWidget(self.priority_label)
        priority_row.addWidget(self.priority_combo)
        priority_row.addStretch(1)
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes_label)
        notes_layout.addWidget(self.notes_edit)
        notes_layout.addWidget(self.notes_edit.limit_label)
        notes_layout.addWidget(self.measure_label)
        notes_layout.addWidget(self.measure_edit)
        notes_layout.addWidget(self.measure_edit.limit_label)
        notes_layout.addLayout(kind_row)
        notes_layout.addLayout(actor_row)
        notes_layout.addLayout(priority_row)
        notes_layout.addWidget(self.status_label)

        # photos
        self.photos_box = QGroupBox(self)
        self.photo_list = PhotoList(self.photos_box)
        self.photo_list.removeRequested.connect(self.remove_selected_photo)
        self.photo_list.itemSelectionChanged.connect(self._update_photo_buttons)
        self.add_photo_button = QPushButton(icons.icon("add-photo"), "", self.photos_box)
        self.add_photo_button.clicked.connect(self.add_photos_from_dialog)
        self.remove_photo_button = QPushButton(icons.icon("remove"), "", self.photos_box)
        self.remove_photo_button.clicked.connect(self.remove_selected_photo)
        self.drop_hint = QLabel(self.photos_box)
        self.drop_hint.setPalette(muted)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addWidget(self.drop_hint, 1)
        photos_layout = QVBoxLayout(self.photos_box)
        photos_layout.addWidget(self.photo_list)
        photos_layout.addLayout(photo_buttons)

        # pins on the drawings
        self.pins_box = QGroupBox(self)
        self.pin_list = QListWidget(self.pins_box)
        self.pin_list.setMaximumHeight(96)
        self.pin_list.itemActivated.connect(self._pin_clicked)
        self.pin_list.itemClicked.connect(self._pin_clicked)
        pins_layout = QVBoxLayout(self.pins_box)
        pins_layout.addWidget(self.pin_list)

        # the architect's replies read from BCF: read-only history
        self.replies_box = QGroupBox(self)
        self.replies_label = QLabel(self.replies_box)
        self.replies_label.setWordWrap(True)
        self.replies_label.setTextFormat(Qt.TextFormat.RichText)
        self.replies_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        replies_layout = QVBoxLayout(self.replies_box)
        replies_layout.addWidget(self.replies_label)

        for edit in (
            self.notes_edit,
            self.measure_edit,
            self.override_edit,
            self.justification_edit,
            self.actor_edit,
        ):
            edit.installEventFilter(self._undo_filter)

        # placeholder when nothing is selected
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setPalette(muted)

        # two columns when there is room (what the criterion asks | the assessment),
        # one column otherwise; see _arrange()
        self.info_column = QWidget(self)
        info = QVBoxLayout(self.info_column)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(8)
        info.addWidget(self.id_label)
        info.addWidget(self.title_label)
        info.addWidget(self.meta_label)
        info.addWidget(self.scope_label)
        info.addWidget(self.profile_label)
        info.addSpacing(4)
        info.addWidget(self.guidance_label)
        info.addWidget(self.source_label)
        info.addWidget(self.tension_label)
        info.addSpacing(4)
        info.addWidget(self.rule_box)
        self._info_stretch = info.count()
        info.addStretch(0)
        self.work_column = QWidget(self)
        work = QVBoxLayout(self.work_column)
        work.setContentsMargins(0, 0, 0, 0)
        work.setSpacing(8)
        work.addWidget(self.verdict_box)
        work.addWidget(self.notes_box, 1)
        work.addWidget(self.photos_box)
        work.addWidget(self.pins_box)
        work.addWidget(self.replies_box)
        self.notes_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        content = QWidget(self)
        self._content = content
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, content)
        self._columns.setContentsMargins(16, 12, 16, 16)
        self._columns.setSpacing(8)
        self._columns.addWidget(self.info_column)
        self._columns.addWidget(self.work_column, 1)
        self._wide: bool | None = None

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        outer.addWidget(self.placeholder)

    def _arrange(self) -> None:
        """Side by side when the verdict buttons fit in the right-hand column."""
        buttons = self.verdict_box.layout().itemAt(0).layout()
        needed = buttons.sizeHint().width() + 48
        wide = self.width() >= 1100 and self.width() - 56 - needed >= 460
        if wide == self._wide:
            return
        self._wide = wide
        self.work_column.setMinimumWidth(needed if wide else 0)
        if wide:
            self._columns.setDirection(QBoxLayout.Direction.LeftToRight)
            self._columns.setSpacing(24)
            self._columns.setStretch(0, 1)
            self._columns.setStretch(1, 1)
            self.info_column.layout().setStretch(self._info_stretch, 1)
        else:
            self._columns.setDirection(QBoxLayout.Direction.TopToBottom)
            self._columns.setSpacing(8)
            self._columns.setStretch(0, 0)
            self._columns.setStretch(1, 1)
            self.info_column.layout().setStretch(self._info_stretch, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # ------------------------------------------------------------ text
    def retranslate(self) -> None:
        lang = current_lang()
        self.rule_box.setTitle(self.tr("Measured against the plan"))
        self.verdict_box.setTitle(self.tr("Verdict"))
        for verdict, key in VERDICT_KEYS.items():
            button = self.verdict_buttons[verdict]
            label = verdict.label.get(lang)
            button.setText(f"{label[:1].upper()}{label[1:]}")
            button.setToolTip(self.tr("{0} (key {1})").format(label, key))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Back to “not assessed” (key 0)"))
        self.override_label.setText(self.tr("Reason for overriding the automatic verdict:"))
        self.override_warning.setText(
            self.tr("An override needs a reason; the change is not kept.")
        )
        self.justification_label.setText(self.tr("Justification (why “partly meets”):"))
        self.justification_warning.setText(
            self.tr("“Partly meets” needs its justification; the change is not kept.")
        )
        self.notes_box.setTitle(self.tr("Notes and measure"))
        self.notes_label.setText(self.tr("&Notes:"))
        self.notes_edit.setPlaceholderText(self.tr("What you see in the plan…"))
        self.measure_label.setText(self.tr("Recommended &measure:"))
        self.measure_edit.setPlaceholderText(self.tr("What should change…"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("recommendation"), MeasureKind.RECOMMENDATION.value)
        self.kind_combo.addItem(self.tr("condition"), MeasureKind.CONDITION.value)
        self.kind_combo.blockSignals(False)
        self.kind_combo.setToolTip(
            self.tr(
                "A condition must be met for the advice to hold (numbered in the letter); "
                "a recommendation is advice only"
            )
        )
        self.actor_label.setText(self.tr("&Who acts:"))
        self.actor_edit.setPlaceholderText(self.tr("e.g. the architect, the housing corporation"))
        self.stage_label.setText(self.tr("&By stage:"))
        fill_choices(self.stage_combo, Stage, lang, self.tr("not given"))
        self.priority_label.setText(self.tr("&Priority:"))
        current = self.priority_combo.currentData()
        self.priority_combo.blockSignals(True)
        self.priority_combo.clear()
        self.priority_combo.addItem(self.tr("None"), None)
        self.priority_combo.addItem(self.tr("High"), Priority.HIGH.value)
        self.priority_combo.addItem(self.tr("Medium"), Priority.MEDIUM.value)
        self.priority_combo.addItem(self.tr("Low"), Priority.LOW.value)
        self.priority_combo.setCurrentIndex(max(self.priority_combo.findData(current), 0))
        self.priority_combo.blockSignals(False)
        self.photos_box.setTitle(self.tr("Photos"))
        self.pins_box.setTitle(self.tr("Pins on the drawings"))
        self.replies_box.setTitle(self.tr("Replies from the BIM model (BCF)"))
        self.replies_box.setToolTip(
            self.tr(
                "What the architect answered in a BIM tool; read in with File → Import BCF Replies"
            )
        )
        self.add_photo_button.setText(self.tr("Add photos…"))
        self.remove_photo_button.setText(self.tr("Remove"))
        self.drop_hint.setText(self.tr("or drop JPEG or PNG files here"))
        self.placeholder.setText(self.tr("Choose a criterion in the list on the left."))
        self.adopt_button.setText(self.tr("Adopt"))
        self.adopt_button.setToolTip(
            self.tr("Take over the previous stage's verdict, with its reason (Ctrl+Shift+A)")
        )

    def _language_changed(self) -> None:
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------ session and criterion
    @property
    def criterion_id(self) -> str | None:
        return self._criterion.id if self._criterion else None

    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.assessmentChanged.disconnect(self._assessment_changed)
            self._session.sheetsChanged.disconnect(self._refresh_pins)
        self._session = session
        self._thumbs.clear()
        if session is not None:
            session.assessmentChanged.connect(self._assessment_changed)
            session.sheetsChanged.connect(self._refresh_pins)
        self.set_criterion(None)

    def set_criterion(self, criterion_id: str | None) -> None:
        criterion = None
        if criterion_id is not None and self._session is not None:
            try:
                criterion = self._session.review.checklist.criterion(criterion_id)
            except KeyError:
                criterion = None
        self._criterion = criterion
        self.verdict_message.hide()
        self.scroll.setVisible(criterion is not None)
        self.placeholder.setVisible(criterion is None)
        if criterion is not None:
            self.scroll.verticalScrollBar().setValue(0)
            self.refresh()
        self._refresh_pins()

    def _refresh_pins(self) -> None:
        self.pin_list.clear()
        if self._session is None or self._criterion is None:
            self.pins_box.setVisible(False)
            return
        pins = self._session.review.pins_for(self._criterion.id)
        for sheet, pin in pins:
            item = QListWidgetItem(self.tr("Pin {0} on {1}").format(pin.number, sheet.name))
            item.setData(Qt.ItemDataRole.UserRole, pin.number)
            self.pin_list.addItem(item)
        self.pins_box.setVisible(bool(pins))

    def _pin_clicked(self, item: QListWidgetItem) -> None:
        self.pinActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _assessment_changed(self, criterion_id: str) -> None:
        if self._criterion is not None and criterion_id == self._criterion.id:
            self.refresh()

    def _assessment(self) -> Assessment | None:
        if self._session is None or self._criterion is None:
            return None
        return self._session.review.assessments[self._criterion.id]

    def refresh(self) -> None:
        """Show the current criterion and its assessment as they are in the document."""
        assessment = self._assessment()
        criterion = self._criterion
        if assessment is None or criterion is None or self._session is None:
            return
        review = self._session.review
        lang = current_lang()
        section = review.checklist.section_of(criterion.id)
        self.id_label.setText(f"{criterion.id}  ·  {section.title.get(lang)}")
        self.title_label.setText(criterion.title.get(lang))
        meta = [
            criterion.level.label.get(lang).capitalize(),
            " + ".join(p.label.get(lang) for p in criterion.perspectives),
        ]
        excluded = review.scope_exclusion(criterion)
        if excluded is None and not review.in_scope(criterion):
            meta.append(self.tr("outside the perspective of this review"))
        self.meta_label.setText("  ·  ".join(meta))
        self.scope_label.setVisible(excluded is not None)
        if excluded is not None:
            self.scope_label.setText(
                excluded.get(lang)
                + "\n"
                + self.tr("This plan: {0}.").format(self._plan_scope(lang))
            )
        note = criterion.profile_note
        self.profile_label.setVisible(note is not None)
        if note is not None and review.checklist.profile is not None:
            self.profile_label.setText(
                self.tr("Profile {0}: {1}").format(
                    review.checklist.profile.title.get(lang), note.get(lang)
                )
            )
        elif note is not None:
            self.profile_label.setText(note.get(lang))
        self.guidance_label.setText(criterion.guidance.get(lang))
        self.source_label.setText(self.tr("Source: {0}").format(criterion.source.get(lang)))
        tensions = []
        for other in criterion.tension_with:
            try:
                tensions.append(f"{other} {review.checklist.criterion(other).title.get(lang)}")
            except KeyError:
                tensions.append(other)
        self.tension_label.setVisible(bool(tensions))
        self.tension_label.setText(self.tr("In tension with: {0}").format("; ".join(tensions)))

        # rule result
        has_rule = criterion.rule is not None
        self.rule_box.setVisible(has_rule)
        if has_rule:
            auto = assessment.auto_verdict or Verdict.NOT_ASSESSED
            size = self.auto_label.fontMetrics().height()
            self.auto_dot.setPixmap(icons.verdict_icon(auto).pixmap(QSize(size, size)))
            text = self.tr("Automatic verdict: {0}").format(auto.label.get(lang))
            if not assessment.evidence:
                text += "  " + self.tr("(no plan elements to measure)")
            self.auto_label.setText(text)
            self.evidence.set_evidence(assessment, lang)

        # verdict
        show_verdict(self.verdict_group, self.verdict_buttons, assessment.verdict)
        self.clear_button.setEnabled(assessment.verdict.is_assessed)
        override = assessment.is_override
        for widget in (self.override_label, self.override_edit):
            widget.setVisible(override)
        self.override_edit.set_text_keeping_cursor(assessment.override_reason)
        self.override_warning.hide()
        partly = assessment.verdict is Verdict.PARTLY
        for widget in (self.justification_label, self.justification_edit):
            widget.setVisible(partly)
        self.justification_edit.set_text_keeping_cursor(assessment.justification)
        self.justification_warning.hide()

        # notes
        self.notes_edit.set_text_keeping_cursor(assessment.notes)
        self.measure_edit.set_text_keeping_cursor(assessment.measure)
        condition = assessment.measure_kind is MeasureKind.CONDITION
        self.kind_combo.setCurrentIndex(1 if condition else 0)
        if self.actor_edit.text() != assessment.actor:
            self.actor_edit.setText(assessment.actor)
        stage = assessment.due_stage.value if assessment.due_stage else None
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(stage), 0))
        self.priority_combo.blockSignals(True)
        value = assessment.priority.value if assessment.priority else None
        self.priority_combo.setCurrentIndex(max(self.priority_combo.findData(value), 0))
        self.priority_combo.blockSignals(False)

        self._refresh_previous(assessment, lang)
        self._refresh_status(assessment, lang)
        self._refresh_photos(assessment)
        self._refresh_replies(assessment)

    def _refresh_replies(self, assessment: Assessment) -> None:
        """The replies as a list, oldest first: when, who, and what was written or which
        status the topic got."""
        self.replies_box.setVisible(bool(assessment.replies))
        lines = []
        for reply in assessment.replies:
            # local date and time to the minute
            when = (
                reply.date.astimezone().strftime("%Y-%m-%d %H:%M")
                if reply.date is not None
                else self.tr("no date")
            )
            who = reply.author or self.tr("unknown")
            head = f"<b>{html.escape(when)} · {html.escape(who)}</b>"
            if reply.kind is ReplyKind.STATUS:
                body = html.escape(self.tr("set the status to “{0}”").format(reply.status))
                body = f"<i>{body}</i>"
            else:
                body = html.escape(reply.text).replace("\n", "<br>")
            lines.append(f"<p>{head}<br>{body}</p>")
        self.replies_label.setText("".join(lines))

    def _refresh_previous(self, assessment: Assessment, lang: str) -> None:
        assert self._session is not None
        review = self._session.review
        prev = previous_verdict(review, assessment.criterion_id)
        self.previous_row.setVisible(prev is not None)
        if prev is None:
            return
        where = review.previous[-1]
        text = self.tr("Previous stage ({0}): {1}").format(
            where.stage_label(lang), prev.verdict.label.get(lang)
        )
        reason = prev.justification.strip() or prev.override_reason.strip()
        if reason:
            text += f" — {reason}"
        self.previous_label.setText(text)
        self.adopt_button.setEnabled(prev.verdict != assessment.verdict)

    def _refresh_status(self, assessment: Assessment, lang: str) -> None:
        shown = assessment.has_measure and (
            bool(assessment.measure_history) or assessment.measure_carried_from is not None
        )
        self.status_label.setVisible(shown)
        if not shown:
            return
        text = self.tr("Status: {0}").format(assessment.measure_status.label.get(lang))
        change = assessment.last_status_change
        if change is not None:
            text += f" ({change.on.isoformat()}, {change.by})"
        if assessment.measure_carried_from is not None:
            text += "  ·  " + self.tr("carried from the {0}").format(
                STAGE_LABELS[assessment.measure_carried_from].get(lang)
            )
        self.status_label.setText(text)

    def adopt_previous_verdict(self) -> bool:
        """Take over the verdict the previous stage's review gave the current criterion."""
        if self._session is None or self._criterion is None:
            return False
        return self._session.adopt_previous_verdict(self._criterion.id)

    def _plan_scope(self, lang: str) -> str:
        """The plan's type and stage in words ("renovatie bestaande woningen, schetsontwerp")."""
        assert self._session is not None
        identity = self._session.review.plan.identity
        parts = [
            VALUE_LABELS[value.value].get(lang)  # type: ignore[arg-type]
            for value in (identity.plan_type, identity.stage)
            if value is not None
        ]
        return ", ".join(parts)

    def _refresh_photos(self, assessment: Assessment) -> None:
        assert self._session is not None
        names = [p.name for p in assessment.photos]
        current = [
            self.photo_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.photo_list.count())
        ]
        if names != current:
            selected = self.photo_list.currentItem()
            keep = selected.data(Qt.ItemDataRole.UserRole) if selected else None
            self.photo_list.clear()
            for photo in assessment.photos:
                icon = self._thumbs.get(photo.name)
                if icon is None:
                    data = self._session.document.attachments.get(photo.name, b"")
                    icon = thumbnail(data)
                    self._thumbs[photo.name] = icon
                item = QListWidgetItem(icon, photo.caption or photo.name)
                item.setData(Qt.ItemDataRole.UserRole, photo.name)
                item.setToolTip(photo.name)
                self.photo_list.addItem(item)
                if photo.name == keep:
                    self.photo_list.setCurrentItem(item)
        self.photo_list.setVisible(bool(names))
        self._update_photo_buttons()

    def _update_photo_buttons(self) -> None:
        self.remove_photo_button.setEnabled(self.photo_list.currentItem() is not None)

    # ------------------------------------------------------------ verdict
    def choose_verdict(self, verdict: Verdict) -> bool:
        """Give the current criterion a verdict, asking for a reason where one is needed.

        Overriding an automatic verdict asks why; "voldoet gedeeltelijk" asks for its
        justification (motivering). Cancelling either, or an empty answer, leaves everything
        as it was and says so. Focus then goes to the notes.
        """
        assessment = self._assessment()
        if assessment is None or self._session is None or self._criterion is None:
            return False
        lang = current_lang()
        reason: str | None = None
        justification: str | None = None
        done = verdict == assessment.verdict
        if not done and is_override(assessment.auto_verdict, verdict):
            auto = assessment.auto_verdict
            assert auto is not None
            reason = dialogs.ask_text(
                self,
                self.tr("Override the automatic verdict"),
                self.tr(
                    "The rule says “{0}” from the plan facts. Why is your verdict “{1}”?"
                ).format(auto.label.get(lang), verdict.label.get(lang)),
                assessment.override_reason,
                multiline=False,  # Enter confirms: the flow stays on the keyboard
            )
            if reason is None or not reason.strip():
                self.refresh()
                return False
        if not done and verdict is Verdict.PARTLY:
            justification = dialogs.ask_text(
                self,
                self.tr("Partly meets: justification"),
                self.tr(
                    "Why is the criterion only partly met? Give the justification (for "
                    "instance the local constraint); the letter prints it."
                ),
                assessment.justification,
                multiline=False,
            )
            if justification is None or not justification.strip():
                self._refuse_partly()
                return False
        self.verdict_message.hide()
        if not done:
            try:
                self._session.set_verdict(
                    self._criterion.id,
                    verdict,
                    override_reason=reason,
                    justification=justification,
                )
            except OverrideWithoutReason:  # pragma: no cover - asked above
                self.refresh()
                return False
            except PartlyWithoutJustification:  # pragma: no cover - asked above
                self._refuse_partly()
                return False
            except TextError as exc:  # a reason pasted into the dialog beyond the limit
                title = (
                    self.tr("Override the automatic verdict")
                    if reason is not None and len(reason) > (exc.limit or 0)
                    else self.tr("Partly meets: justification")
                )
                dialogs.show_error(self, title, too_long_message(exc.limit))
                self.refresh()
                return False
        self.refresh()
        if verdict.is_assessed:
            self.focus_notes()
        return True

    def _refuse_partly(self) -> None:
        """Say, in the panel and the status bar, why "voldoet gedeeltelijk" was not given."""
        text = self.tr("Not changed: “partly meets” is given only with its justification.")
        self.refresh()
        self.verdict_message.setText(text)
        self.verdict_message.show()
        self.message.emit(text, 8000)

    def focus_notes(self) -> None:
        self.scroll.ensureWidgetVisible(self.notes_edit)
        self.notes_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ text fields
    def _text_edited(self, field: str, edit: NoteEdit) -> None:
        if self._session is None or self._criterion is None:
            return
        try:
            self._session.set_text(self._criterion.id, field, edit.toPlainText())
        except TextError as exc:
            edit.show_too_long(exc.limit)
            return
        edit.hide_too_long()

    def _justification_edited(self) -> None:
        if self._session is None or self._criterion is None:
            return
        try:
            self._session.set_text(
                self._criterion.id, "justification", self.justification_edit.toPlainText()
            )
        except PartlyWithoutJustification:
            self.justification_warning.show()
            return
        except TextError as exc:
            self.justification_edit.show_too_long(exc.limit)
            return
        self.justification_edit.hide_too_long()
        self.justification_warning.hide()

    def _kind_chosen(self, index: int) -> None:
        if self._session is None or self._criterion is None:
            return
        self._session.set_measure_kind(
            self._criterion.id, MeasureKind(self.kind_combo.itemData(index))
        )

    def _actor_edited(self, text: str) -> None:
        if self._session is None or self._criterion is None:
            return
        try:
            self._session.set_actor(self._criterion.id, text)
        except TextError:  # pragma: no cover - the field's maximum length prevents it
            self.refresh()

    def _stage_chosen(self, index: int) -> None:
        if self._session is None or self._criterion is None:
            return
        value = self.stage_combo.itemData(index)
        self._session.set_due_stage(self._criterion.id, Stage(value) if value else None)

    def _override_edited(self) -> None:
        if self._session is None or self._criterion is None:
            return
        text = self.override_edit.toPlainText()
        try:
            self._session.set_text(self._criterion.id, "override_reason", text)
        except OverrideWithoutReason:
            self.override_warning.show()
            return
        except TextError as exc:
            self.override_edit.show_too_long(exc.limit)
            return
        self.override_edit.hide_too_long()
        self.override_warning.hide()

    def _priority_changed(self) -> None:
        if self._session is None or self._criterion is None:
            return
        value = self.priority_combo.currentData()
        self._session.set_priority(self._criterion.id, Priority(value) if value else None)

    # ------------------------------------------------------------ photos
    def add_photos_from_dialog(self) -> None:
        if self._criterion is None:
            return
        paths = dialogs.ask_photo_paths(self, photo_folder())
        if paths:
            QSettings().setValue(PHOTO_FOLDER_KEY, str(paths[0].parent))
            self.add_photo_files(paths)

    def add_photo_files(self, paths: list[Path]) -> int:
        """Attach photo files to the current criterion; shows one message for any refused."""
        if self._session is None or self._criterion is None:
            return 0
        problems: list[str] = []
        added = 0
        for path in paths:
            if path.suffix.lower() not in IMAGE_SUFFIXES:
                problems.append(self.tr("{0}: not a JPEG or PNG photo").format(path.name))
                continue
            try:  # a regular file only: a named pipe would block, /dev/zero never end
                data = read_regular_file(path, MAX_MEMBER_BYTES)
            except FileTooLargeError:
                problems.append(self.tr("{0}: the file is too large").format(path.name))
                continue
            except OSError as exc:
                problems.append(f"{path.name}: {exc.strerror or exc}")
                continue
            try:  # the session checks the image and the room left in the review
                self._session.add_photo(self._criterion.id, path.name, data)
            except DocumentFileError as exc:
                problems.append(f"{path.name}: {error_text(str(exc))}")
                continue
            added += 1
        if problems:
            dialogs.show_error(
                self,
                self.tr("Photos not added"),
                self.tr("These files were not added:") + "\n\n" + "\n".join(problems),
            )
        if added:
            self.photosAdded.emit(added)
        return added

    def remove_selected_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is None or self._session is None or self._criterion is None:
            return
        self._session.remove_photo(self._criterion.id, item.data(Qt.ItemDataRole.UserRole))

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        files = self._dropped_files(event)
        if self._criterion is not None and any(f.suffix.lower() in IMAGE_SUFFIXES for f in files):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if not files or self._criterion is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_photo_files(files)
