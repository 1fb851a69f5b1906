"""The workshop view: two reviews of one plan side by side, and the joint conclusions.

The essay's joint workshop reviews the same plan twice, for safety and for cohesion,
and compares the two to steer the plan. This view shows that comparison:

- a header with the agreement statistics (share of agreement and weighted kappa, each
  with the number of criteria it rests on), the count per status, the differences
  still open, and any warnings;
- the criteria side by side (`WorkshopModel`), filtered to the differences, the open
  ones, the conflicts, the tensions or all; F3 walks to the next open difference,
  Alt+Down / Alt+Up step through the list;
- a detail pane with both sides' verdict, reasons, notes, measure and rule evidence, the
  tension partner, and the joint conclusion editor (agreed verdict 1–4, agreed measure,
  who acts, note). Every edit goes through the `WorkshopSession` onto its undo stack.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.compare import ItemStatus, PlanDifference
from reviewer.domain.numbers import format_number
from reviewer.domain.plan import Stage
from reviewer.domain.review import MeasureKind, Review
from reviewer.domain.statuses import STATUS_COLOURS, STATUS_ORDER
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.domain.verdict import Verdict
from reviewer.domain.workshop import DEADLINE_LABELS, MEASURE_KIND_LABELS, CarryStatus
from reviewer.ui import icons
from reviewer.ui.checked import TextError
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.widgets.evidence_list import EvidenceList
from reviewer.ui.widgets.row_table import row_table
from reviewer.ui.widgets.stepping import step_target
from reviewer.ui.widgets.text_fields import DocumentUndoFilter, NoteEdit
from reviewer.ui.widgets.text_style import muted_palette
from reviewer.ui.widgets.verdict_style import (
    VERDICT_KEYS,
    set_text_colour,
    show_verdict,
    status_text_colour,
    status_tint,
    text_colour,
    verdict_row,
)
from reviewer.ui.workshop.models import (
    DEFAULT_FILTER,
    FACTS_MARK,
    FILTERS,
    Column,
    WorkshopFilter,
    WorkshopModel,
    difference_text,
)
from reviewer.ui.workshop.session import WorkshopSession

WARNING = "#8a5a00"
WARNING_STYLE = (
    "background: #fff4dc; color: #8a5a00; border: 1px solid #e6b450; border-radius: 4px;"
    " padding: 4px 8px;"
)


def _plain_label(parent: QWidget, *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _chip_style(status: ItemStatus) -> str:
    tint = status_tint(status).name(QColor.NameFormat.HexArgb)
    colour = status_text_colour(status).name()
    return (
        f"QLabel {{ background: {tint}; color: {colour}; border: 1px solid "
        f"{QColor(STATUS_COLOURS[status]).name()}; border-radius: 9px; padding: 1px 8px; }}"
    )


class _Field(NoteEdit):
    """A NoteEdit exactly `lines` high: a scroll area's own minimum (room for its scroll
    bar's arrows) would make a two-line field as tall as a four-line one."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())


# ---------------------------------------------------------------- header


class _Stat(QFrame):
    """A figure with a caption under it (agreement, kappa, open differences)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopStat")
        self.setStyleSheet(
            "QFrame#workshopStat { border: 1px solid #d5d8dc; border-radius: 4px;"
            " background: palette(base); }"
        )
        self.value = QLabel(self)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(self)
        self.caption.setPalette(muted_palette(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 5)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str, tooltip: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setToolTip(tooltip)


class WorkshopHeader(QWidget):
    """Plan, the two sides, title, chair and attendance, and the agreement statistics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: WorkshopSession | None = None
        self._undo_filter = DocumentUndoFilter(self)
        self.plan_label = _plain_label(self, wrap=False)
        font = QFont(self.plan_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.plan_label.setFont(font)
        self.sides_label = _plain_label(self, wrap=True)
        self.sides_label.setPalette(muted_palette(self))

        self.title_caption = QLabel(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_NAME_CHARS)  # what the workshop file holds
        self.title_edit.textEdited.connect(lambda text: self._edit("title", text))
        self.title_caption.setBuddy(self.title_edit)
        self.place_caption = QLabel(self)
        self.place_edit = QLineEdit(self)
        self.place_edit.setMaxLength(MAX_NAME_CHARS)
        self.place_edit.textEdited.connect(lambda text: self._edit("place", text))
        self.place_caption.setBuddy(self.place_edit)
        self.chair_caption = QLabel(self)
        self.chair_edit = QLineEdit(self)
        self.chair_edit.setMaxLength(MAX_NAME_CHARS)
        self.chair_edit.textEdited.connect(lambda text: self._edit("chair", text))
        self.chair_caption.setBuddy(self.chair_edit)
        for edit in (self.title_edit, self.place_edit, self.chair_edit):
            edit.installEventFilter(self._undo_filter)
        # the attendance list (name, role, organisation) is edited in a dialog
        self.attendance_button = QToolButton(self)
        self.attendance_button.setObjectName("attendance")
        self.attendance_button.clicked.connect(self.edit_attendance)
        details = QHBoxLayout()
        details.setSpacing(6)
        details.addWidget(self.title_caption)
        details.addWidget(self.title_edit, 3)
        details.addSpacing(10)
        details.addWidget(self.place_caption)
        details.addWidget(self.place_edit, 1)
        details.addSpacing(10)
        details.addWidget(self.chair_caption)
        details.addWidget(self.chair_edit, 2)
        details.addSpacing(10)
        details.addWidget(self.attendance_button)

        self.agreement = _Stat(self)
        self.kappa = _Stat(self)
        self.open = _Stat(self)
        self.chips: dict[ItemStatus, QLabel] = {}
        chips = QGridLayout()
        chips.setHorizontalSpacing(6)
        chips.setVerticalSpacing(4)
        for i, status in enumerate(STATUS_ORDER):
            chip = QLabel(self)
            chip.setStyleSheet(_chip_style(status))
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.chips[status] = chip
            chips.addWidget(chip, i // 3, i % 3)
        stats = QHBoxLayout()
        stats.setSpacing(8)
        stats.addWidget(self.agreement)
        stats.addWidget(self.kappa)
        stats.addWidget(self.open)
        stats.addSpacing(6)
        stats.addLayout(chips)
        stats.addStretch(1)

        self.warnings = _plain_label(self)
        self.warnings.setObjectName("workshopWarnings")
        self.warnings.setStyleSheet(f"QLabel#workshopWarnings {{ {WARNING_STYLE} }}")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.setSpacing(6)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.sides_label)
        layout.addLayout(details)
        layout.addLayout(stats)
        layout.addWidget(self.warnings)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_session(self, session: WorkshopSession | None) -> None:
        if self._session is not None:
            self._session.conclusionChanged.disconnect(self.refresh)
            self._session.detailsChanged.disconnect(self.refresh)
        self._session = session
        if session is not None:
            session.conclusionChanged.connect(self.refresh)
            session.detailsChanged.connect(self.refresh)
        self.refresh()

    def _edit(self, field: str, text: str) -> None:
        if self._session is not None:
            self._session.set_detail(field, text)

    def edit_attendance(self) -> bool:
        """Ask for the attendance list and record it as one undo step; False if cancelled."""
        session = self._session
        if session is None:
            return False
        from reviewer.ui.workshop import dialogs as workshop_dialogs

        workshop = session.workshop
        answer = workshop_dialogs.ask_attendance(
            self, list(workshop.attendees), workshop.participants
        )
        if answer is None:
            return False
        session.set_attendance(*answer)
        return True

    @staticmethod
    def _side(letter: str, review: Review, lang: str) -> str:
        who = review.reviewer.name or "?"
        if review.reviewer.role:
            who += f" ({review.reviewer.role})"
        return f"{letter}: {review.perspective.label.get(lang)} — {who}"

    def refresh(self, *_: object) -> None:
        session = self._session
        lang = current_lang()
        self.title_caption.setText(self.tr("&Title:"))
        self.chair_caption.setText(self.tr("Cha&ir:"))
        self.place_caption.setText(self.tr("Pla&ce:"))
        self.place_edit.setPlaceholderText(self.tr("Where"))
        self.title_edit.setPlaceholderText(self.tr("Workshop title"))
        self.chair_edit.setPlaceholderText(self.tr("Who chaired the workshop"))
        count = len(session.workshop.attendees) if session is not None else 0
        self.attendance_button.setText(self.tr("&Attendance ({0})…").format(count))
        self.attendance_button.setToolTip(
            self.tr("Who attended: name, role and organisation, for the report")
        )
        if session is None:
            self.plan_label.setText(self.tr("No workshop open"))
            self.sides_label.setText("")
            self.warnings.hide()
            return
        workshop = session.workshop
        plan = workshop.review_a.plan.identity
        revision = f" — {plan.revision}" if plan.revision else ""
        self.plan_label.setText(self.tr("Workshop: {0}").format(plan.name + revision))
        checklist = workshop.review_a.checklist
        self.sides_label.setText(
            "     ·     ".join(
                (
                    self._side("A", workshop.review_a, lang),
                    self._side("B", workshop.review_b, lang),
                    self.tr("Checklist {0}").format(checklist.version),
                    workshop.date.astimezone().strftime("%d-%m-%Y"),
                )
            )
        )
        for edit, value in (
            (self.title_edit, workshop.title),
            (self.place_edit, workshop.place),
            (self.chair_edit, workshop.chair),
        ):
            if edit.text() != value:
                edit.setText(value)

        comparison = session.comparison
        undefined = self.tr("undefined")
        if comparison.agreement is None:
            share = undefined
        else:
            share = format_number(comparison.agreement * 100, lang, decimals=0) + " %"
        self.agreement.set(
            share,
            self.tr("agreement (n = {0})").format(comparison.agreement_n),
            self.tr(
                "Share of the criteria both reviews assessed on which they give the same verdict"
            ),
        )
        kappa = (
            undefined
            if comparison.kappa is None
            else format_number(comparison.kappa, lang, decimals=2)
        )
        self.kappa.set(
            kappa,
            self.tr("weighted kappa (n = {0})").format(comparison.kappa_n),
            self.tr(
                "Cohen's kappa, linearly weighted over meets > partly > fails: agreement "
                "beyond chance. Undefined when there is nothing to compare or both reviews "
                "put every criterion in one and the same category."
            ),
        )
        open_count = session.open_differences()
        self.open.set(
            str(open_count),
            self.tr("open: no joint conclusion yet"),
            self.tr("Differences, conflicts and one-sided verdicts without an agreed verdict"),
        )
        palette = self.open.value.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            QColor(STATUS_COLOURS[ItemStatus.CONFLICT if open_count else ItemStatus.AGREE]),
        )
        self.open.value.setPalette(palette)
        for status, chip in self.chips.items():
            count = comparison.count(status)
            chip.setText(f"{count}  {status.label.get(lang)}")
            chip.setVisible(status is not ItemStatus.NEITHER or count > 0)
        self.warnings.setVisible(bool(comparison.warnings))
        self.warnings.setText("\n".join(f"⚠ {w.get(lang)}" for w in comparison.warnings))


# ---------------------------------------------------------------- plan differences


class PlanDifferencesBox(QGroupBox):
    """The facts the two reviews give the plan differently: element, fact, A's value and
    B's. Choosing one selects the first criterion whose rule reads it."""

    differenceChosen = Signal(int)  # the row: an index into the comparison's differences
    VISIBLE_ROWS = 4  # rows shown before the list scrolls

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDifferences")
        self._differences: list[PlanDifference] = []
        self.hint = _plain_label(self)
        self.hint.setPalette(muted_palette(self))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("planDifferencesTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)
        # compact rows, as in the list of criteria below it
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self.differenceChosen.emit(row) if row >= 0 else None
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        self.setStyleSheet(
            "QGroupBox#planDifferences { border: 1px solid #e6b450; border-radius: 4px;"
            " margin-top: 1.2em; background: #fffaf0; }"
            " QGroupBox#planDifferences::title { subcontrol-origin: margin; left: 8px;"
            f" color: {WARNING}; font-weight: bold; }}"
        )

    def set_differences(
        self, differences: list[PlanDifference], review_a: Review | None, review_b: Review | None
    ) -> None:
        lang = current_lang()
        self._differences = list(differences)
        self.setTitle(self.tr("Plan differences ({0})").format(len(differences)))
        self.hint.setText(
            self.tr(
                "The reviews give these facts of the plan differently. Criteria marked {0} "
                "rest on them: their verdicts may differ because the facts do, so settle "
                "the facts first."
            ).format(FACTS_MARK)
        )
        sides = [
            f"{letter}: {review.perspective.label.get(lang)}" if review is not None else letter
            for letter, review in (("A", review_a), ("B", review_b))
        ]
        self.table.setHorizontalHeaderLabels([self.tr("Element"), self.tr("Fact"), *sides])
        self.table.blockSignals(True)
        self.table.setRowCount(len(differences))
        for row, difference in enumerate(differences):
            texts = (
                difference.element_label.get(lang),
                difference.fact_label.get(lang) if difference.fact_label else "",
                difference.a.get(lang),
                difference.b.get(lang),
            )
            tip = difference_text(difference, lang)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(False)
        rows = min(len(differences), self.VISIBLE_ROWS)
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(height)
        self.setVisible(bool(differences))

    def difference(self, row: int) -> PlanDifference | None:
        return self._differences[row] if 0 <= row < len(self._differences) else None


# ---------------------------------------------------------------- detail pane


class SideBox(QGroupBox):
    """What one review says about the criterion: verdict, reasons, notes, measure, evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = QLabel(self)
        self.verdict = _plain_label(self, wrap=True)
        bold = QFont(self.verdict.font())
        bold.setBold(True)
        self.verdict.setFont(bold)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.verdict, 1)
        self.auto = _plain_label(self)
        self.auto.setPalette(muted_palette(self))
        self._fields: dict[str, tuple[QLabel, QLabel]] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.auto)
        for name in ("override", "justification", "notes", "measure", "priority"):
            caption = QLabel(self)
            small = QFont(caption.font())
            small.setBold(True)
            caption.setFont(small)
            caption.setPalette(muted_palette(self))
            text = _plain_label(self)
            layout.addSpacing(2)
            layout.addWidget(caption)
            layout.addWidget(text)
            self._fields[name] = (caption, text)
        self.evidence_caption = QLabel(self)
        self.evidence_caption.setFont(self._fields["notes"][0].font())
        self.evidence_caption.setPalette(muted_palette(self))
        self.evidence = EvidenceList(self)
        layout.addSpacing(2)
        layout.addWidget(self.evidence_caption)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_side(self, title: str, review: Review, criterion_id: str, lang: str) -> None:
        self.setTitle(title)
        assessment = review.assessments[criterion_id]
        size = self.verdict.fontMetrics().height()
        self.dot.setPixmap(icons.verdict_icon(assessment.verdict).pixmap(QSize(size, size)))
        label = assessment.verdict.label.get(lang)
        self.verdict.setText(label[:1].upper() + label[1:])
        set_text_colour(self.verdict, text_colour(assessment.verdict))
        auto = assessment.auto_verdict
        if auto is not None:
            text = self.tr("Automatic verdict: {0}").format(auto.label.get(lang))
            if assessment.is_override:
                text += "  " + self.tr("(overridden)")
            self.auto.setText(text)
        self.auto.setVisible(auto is not None)
        priority = {
            "high": self.tr("High"),
            "medium": self.tr("Medium"),
            "low": self.tr("Low"),
        }.get(assessment.priority.value if assessment.priority else "", "")
        values = {
            "override": (self.tr("Reason for the override"), assessment.override_reason),
            "justification": (self.tr("Local constraint"), assessment.justification),
            "notes": (self.tr("Notes"), assessment.notes),
            "measure": (self.tr("Recommended measure"), assessment.measure),
            "priority": (self.tr("Priority"), priority),
        }
        for name, (caption, text) in self._fields.items():
            heading, value = values[name]
            value = value.strip()
            caption.setText(heading)
            text.setText(value)
            caption.setVisible(bool(value))
            text.setVisible(bool(value))
        self.evidence_caption.setText(self.tr("Measured against the plan"))
        self.evidence.set_evidence(assessment, lang)
        has_evidence = bool(assessment.evidence)
        self.evidence_caption.setVisible(has_evidence)
        self.evidence.setVisible(has_evidence)


class WorkshopDetail(QWidget):
    """One criterion: both sides, the tension partner, and the joint conclusion editor."""

    partnerActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: WorkshopSession | None = None
        self._criterion_id: str | None = None
        self._undo_filter = DocumentUndoFilter(self)
        self._build()
        self.retranslate()
        self.set_criterion(None)

    def _build(self) -> None:
        self.id_label = _plain_label(self, wrap=False)
        self.id_label.setPalette(muted_palette(self))
        self.status_chip = QLabel(self)
        self.status_chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = _plain_label(self)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = _plain_label(self)
        self.meta_label.setPalette(muted_palette(self))
        self.guidance_label = _plain_label(self)
        # the criterion's rule reads plan facts the reviews give differently
        self.facts_note = _plain_label(self)
        self.facts_note.setObjectName("factsNote")
        self.facts_note.setStyleSheet(f"QLabel#factsNote {{ {WARNING_STYLE} }}")

        top = QHBoxLayout()
        top.addWidget(self.id_label, 1)
        top.addWidget(self.status_chip)

        self.side_a = SideBox(self)
        self.side_b = SideBox(self)
        sides = QHBoxLayout()
        sides.setSpacing(10)
        sides.addWidget(self.side_a, 1)
        sides.addWidget(self.side_b, 1)

        self.tension_box = QGroupBox(self)
        self.tension_label = QLabel(self.tension_box)
        self.tension_label.setTextFormat(Qt.TextFormat.RichText)
        self.tension_label.setWordWrap(True)
        self.tension_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.tension_label.setOpenExternalLinks(False)
        self.tension_label.linkActivated.connect(self.partnerActivated.emit)
        QVBoxLayout(self.tension_box).addWidget(self.tension_label)

        # the joint conclusion
        self.conclusion_box = QGroupBox(self)
        self.verdict_group = QButtonGroup(self)
        buttons, self.verdict_buttons, self.clear_button = verdict_row(
            self.conclusion_box, self.verdict_group, "agreed", (4, 10), self.choose_verdict
        )
        self.clear_button.clicked.connect(self.clear)

        self.measure_caption = QLabel(self.conclusion_box)
        self.measure_edit = _Field(3, self.conclusion_box)
        self.measure_edit.textChanged.connect(
            lambda: self._edited("measure", self.measure_edit.toPlainText())
        )
        self.measure_caption.setBuddy(self.measure_edit)
        self.take_a = QToolButton(self.conclusion_box)
        self.take_a.clicked.connect(lambda: self.take_measure("a"))
        self.take_b = QToolButton(self.conclusion_box)
        self.take_b.clicked.connect(lambda: self.take_measure("b"))
        self.actor_caption = QLabel(self.conclusion_box)
        self.actor_edit = QLineEdit(self.conclusion_box)
        self.actor_edit.setMaxLength(MAX_NAME_CHARS)
        self.actor_edit.textEdited.connect(lambda text: self._edited("actor", text))
        self.actor_caption.setBuddy(self.actor_edit)
        # the decision: its deadline (a stage) and what it becomes in both reviews
        self.deadline_caption = QLabel(self.conclusion_box)
        self.deadline_combo = QComboBox(self.conclusion_box)
        self.deadline_combo.setObjectName("decisionDeadline")
        self.deadline_combo.activated.connect(self._deadline_chosen)
        self.deadline_caption.setBuddy(self.deadline_combo)
        self.kind_caption = QLabel(self.conclusion_box)
        self.kind_combo = QComboBox(self.conclusion_box)
        self.kind_combo.setObjectName("decisionKind")
        self.kind_combo.activated.connect(self._kind_chosen)
        self.kind_caption.setBuddy(self.kind_combo)
        decision_row = QHBoxLayout()
        decision_row.setSpacing(6)
        decision_row.addWidget(self.deadline_combo, 1)
        decision_row.addSpacing(8)
        decision_row.addWidget(self.kind_caption)
        decision_row.addWidget(self.kind_combo, 1)
        self.note_caption = QLabel(self.conclusion_box)
        self.note_edit = _Field(2, self.conclusion_box)
        self.note_edit.textChanged.connect(
            lambda: self._edited("note", self.note_edit.toPlainText())
        )
        self.note_caption.setBuddy(self.note_edit)
        for edit in (self.measure_edit, self.actor_edit, self.note_edit):
            edit.installEventFilter(self._undo_filter)
        for edit in (self.measure_edit, self.note_edit):
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # captions on the left, the fields on the right: the editor stays low enough to
        # sit under the scrolling sides without hiding them
        take = QHBoxLayout()
        take.setSpacing(2)
        take.addWidget(self.take_a)
        take.addWidget(self.take_b)
        take.addStretch(1)
        measure_column = QVBoxLayout()
        measure_column.setSpacing(2)
        measure_column.addWidget(self.measure_caption)
        measure_column.addLayout(take)
        measure_column.addStretch(1)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        grid = QGridLayout(self.conclusion_box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        grid.addLayout(buttons, 0, 0, 1, 2)
        grid.addLayout(measure_column, 1, 0)
        grid.addWidget(self.measure_edit, 1, 1)
        grid.addWidget(self.measure_edit.limit_label, 2, 1)
        grid.addWidget(self.actor_caption, 3, 0)
        grid.addWidget(self.actor_edit, 3, 1)
        grid.addWidget(self.deadline_caption, 4, 0)
        grid.addLayout(decision_row, 4, 1)
        grid.addWidget(self.note_caption, 5, 0, top_left)
        grid.addWidget(self.note_edit, 5, 1)
        grid.addWidget(self.note_edit.limit_label, 6, 1)
        grid.setColumnStretch(1, 1)

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setPalette(muted_palette(self))

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.title_label)
        column.addWidget(self.meta_label)
        column.addWidget(self.guidance_label)
        column.addWidget(self.facts_note)
        column.addSpacing(4)
        column.addLayout(sides)
        column.addWidget(self.tension_box)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.placeholder, 1)
        editor = QVBoxLayout()
        editor.setContentsMargins(12, 4, 12, 6)
        editor.addWidget(self.conclusion_box)
        outer.addLayout(editor)

    def retranslate(self) -> None:
        lang = current_lang()
        self.conclusion_box.setTitle(self.tr("Joint conclusion: agreed verdict (keys 1–4)"))
        short = {
            Verdict.MEETS: self.tr("Meets"),
            Verdict.PARTLY: self.tr("Partly"),
            Verdict.FAILS: self.tr("Does not meet"),
            Verdict.NOT_APPLICABLE: self.tr("Not applicable"),
        }
        for verdict, key in VERDICT_KEYS.items():
            button = self.verdict_buttons[verdict]
            button.setText(short[verdict])
            label = verdict.label.get(lang)
            button.setToolTip(self.tr("Agree on “{0}” (key {1})").format(label, key))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the joint conclusion (key 0)"))
        self.measure_caption.setText(self.tr("Agreed &measure:"))
        self.measure_edit.setPlaceholderText(self.tr("What the plan should change…"))
        self.take_a.setText("← A")
        self.take_a.setToolTip(self.tr("Take the measure review A recommends"))
        self.take_b.setText("← B")
        self.take_b.setToolTip(self.tr("Take the measure review B recommends"))
        self.actor_caption.setText(self.tr("&Who acts (owner):"))
        self.deadline_caption.setText(self.tr("&Deadline:"))
        self.deadline_combo.setToolTip(self.tr("The stage of the design by which it is done"))
        self.kind_caption.setText(self.tr("In both reviews a&s:"))
        self.kind_combo.setToolTip(
            self.tr(
                "A condition must be met for the advice to hold; a recommendation does not "
                "decide the outcome. Workshop → Carry Decisions into Both Reviews writes it "
                "into both reviews."
            )
        )
        self.deadline_combo.clear()
        self.deadline_combo.addItem(self.tr("no deadline"), "")
        for stage, text in DEADLINE_LABELS.items():
            self.deadline_combo.addItem(text.get(lang), stage.value)
        self.kind_combo.clear()
        for kind, text in MEASURE_KIND_LABELS.items():
            self.kind_combo.addItem(text.get(lang).capitalize(), kind.value)
        if self._session is not None and self._criterion_id is not None:
            self._refresh_conclusion()
        self.actor_edit.setPlaceholderText(
            self.tr("e.g. architect, municipality, housing association")
        )
        self.note_caption.setText(self.tr("N&ote:"))
        self.note_edit.setPlaceholderText(self.tr("What was discussed, what remains…"))
        self.tension_box.setTitle(self.tr("Tension"))
        self.placeholder.setText(self.tr("Choose a criterion in the list."))

    # ------------------------------------------------------------ session and criterion
    @property
    def criterion_id(self) -> str | None:
        return self._criterion_id

    def set_session(self, session: WorkshopSession | None) -> None:
        if self._session is not None:
            self._session.conclusionChanged.disconnect(self._conclusion_changed)
            self._session.reviewsChanged.disconnect(self.refresh)
        self._session = session
        if session is not None:
            session.conclusionChanged.connect(self._conclusion_changed)
            session.reviewsChanged.connect(self.refresh)
        self.set_criterion(None)

    def set_criterion(self, criterion_id: str | None) -> None:
        if self._session is None or (
            criterion_id is not None and self._session.item(criterion_id) is None
        ):
            criterion_id = None
        self._criterion_id = criterion_id
        self.scroll.setVisible(criterion_id is not None)
        self.conclusion_box.setVisible(criterion_id is not None)
        self.placeholder.setVisible(criterion_id is None)
        if criterion_id is not None:
            self.scroll.verticalScrollBar().setValue(0)
            self.refresh()

    def _conclusion_changed(self, criterion_id: str) -> None:
        if criterion_id == self._criterion_id:
            self._refresh_conclusion()

    def refresh(self) -> None:
        session, cid = self._session, self._criterion_id
        if session is None or cid is None:
            return
        item = session.item(cid)
        assert item is not None
        lang = current_lang()
        workshop = session.workshop
        checklist = workshop.review_a.checklist
        criterion = checklist.criterion(cid)
        section = checklist.section_of(cid)
        self.id_label.setText(f"{cid}  ·  {section.title.get(lang)}")
        self.status_chip.setText(item.status.label.get(lang))
        self.status_chip.setStyleSheet(_chip_style(item.status))
        self.title_label.setText(criterion.title.get(lang))
        self.meta_label.setText(
            "  ·  ".join(
                (
                    criterion.level.label.get(lang).capitalize(),
                    " + ".join(p.label.get(lang) for p in criterion.perspectives),
                    self.tr("Source: {0}").format(criterion.source.get(lang)),
                )
            )
        )
        self.guidance_label.setText(criterion.guidance.get(lang))
        differing = session.comparison.rests_on_differences(cid)
        self.facts_note.setVisible(bool(differing))
        self.facts_note.setText(
            "\n".join(
                [
                    self.tr(
                        "{0} Rests on differing plan facts: the verdicts may differ because "
                        "the facts do."
                    ).format(FACTS_MARK),
                    *(f"• {difference_text(d, lang)}" for d in differing),
                ]
            )
        )
        for box, letter, review in (
            (self.side_a, "A", workshop.review_a),
            (self.side_b, "B", workshop.review_b),
        ):
            who = f" · {review.reviewer.name}" if review.reviewer.name else ""
            box.show_side(
                f"{letter} — {review.perspective.label.get(lang)}{who}", review, cid, lang
            )
        self._refresh_tension()
        self._refresh_conclusion()

    def _refresh_tension(self) -> None:
        assert self._session is not None and self._criterion_id is not None
        session = self._session
        partners = session.tension_partners(self._criterion_id)
        self.tension_box.setVisible(bool(partners))
        if not partners:
            return
        lang = current_lang()
        workshop = session.workshop
        checklist = workshop.review_a.checklist
        parts = []
        for partner in partners:
            title = html.escape(checklist.criterion(partner).title.get(lang))
            a = workshop.review_a.assessments[partner]
            b = workshop.review_b.assessments[partner]
            lines = [
                self.tr("In tension with {0}: {1}").format(
                    f'<a href="{html.escape(partner)}">{html.escape(partner)}</a>', title
                ),
                "A: "
                + html.escape(a.verdict.label.get(lang))
                + "  ·  B: "
                + html.escape(b.verdict.label.get(lang)),
            ]
            for letter, assessment in (("A", a), ("B", b)):
                if assessment.measure.strip():
                    lines.append(
                        self.tr("Measure {0}: {1}").format(
                            letter, html.escape(assessment.measure.strip())
                        )
                    )
            conclusion = session.conclusion(partner)
            if conclusion is not None and conclusion.verdict.is_assessed:
                lines.append(
                    self.tr("Agreed: {0}").format(html.escape(conclusion.verdict.label.get(lang)))
                )
            parts.append("<br/>".join(lines))
        self.tension_label.setText("<p>" + "</p><p>".join(parts) + "</p>")

    def _refresh_conclusion(self) -> None:
        assert self._session is not None and self._criterion_id is not None
        conclusion = self._session.conclusion(self._criterion_id)
        verdict = conclusion.verdict if conclusion else Verdict.NOT_ASSESSED
        show_verdict(self.verdict_group, self.verdict_buttons, verdict)
        self.clear_button.setEnabled(conclusion is not None)
        self.measure_edit.set_text_keeping_cursor(conclusion.measure if conclusion else "")
        actor = conclusion.actor if conclusion else ""
        if self.actor_edit.text() != actor:
            self.actor_edit.setText(actor)
        self.note_edit.set_text_keeping_cursor(conclusion.note if conclusion else "")
        stage = conclusion.due_stage.value if conclusion and conclusion.due_stage else ""
        self.deadline_combo.setCurrentIndex(max(0, self.deadline_combo.findData(stage)))
        kind = (conclusion.measure_kind if conclusion else MeasureKind.RECOMMENDATION).value
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        workshop = self._session.workshop
        for button, review in ((self.take_a, workshop.review_a), (self.take_b, workshop.review_b)):
            button.setEnabled(bool(review.assessments[self._criterion_id].measure.strip()))

    # ------------------------------------------------------------ edits
    def choose_verdict(self, verdict: Verdict) -> bool:
        """Record the agreed verdict; focus then goes to the agreed measure."""
        if self._session is None or self._criterion_id is None:
            return False
        self._session.set_conclusion(self._criterion_id, verdict=verdict)
        self._refresh_conclusion()
        if verdict.is_assessed:
            self.focus_measure()
        return True

    def clear(self) -> None:
        if self._session is not None and self._criterion_id is not None:
            self._session.clear_conclusion(self._criterion_id)

    def take_measure(self, side: str) -> None:
        if self._session is None or self._criterion_id is None:
            return
        workshop = self._session.workshop
        review = workshop.review_a if side == "a" else workshop.review_b
        measure = review.assessments[self._criterion_id].measure.strip()
        if measure:
            self._session.set_conclusion(self._criterion_id, measure=measure)
            self._refresh_conclusion()

    def set_deadline(self, stage: Stage | None) -> None:
        """The decision's deadline: the stage by which it is done (None: no deadline)."""
        if self._session is not None and self._criterion_id is not None:
            self._session.set_conclusion(self._criterion_id, due_stage=stage or "")
            self._refresh_conclusion()

    def set_kind(self, kind: MeasureKind) -> None:
        """Whether the agreed measure becomes a condition or a recommendation."""
        if self._session is not None and self._criterion_id is not None:
            self._session.set_conclusion(self._criterion_id, measure_kind=kind)
            self._refresh_conclusion()

    def _deadline_chosen(self, index: int) -> None:
        value = self.deadline_combo.itemData(index)
        self.set_deadline(Stage(value) if value else None)

    def _kind_chosen(self, index: int) -> None:
        self.set_kind(MeasureKind(self.kind_combo.itemData(index)))

    def focus_measure(self) -> None:
        self.measure_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self, field: str, text: str) -> None:
        if self._session is None or self._criterion_id is None:
            return
        edit = {"measure": self.measure_edit, "note": self.note_edit}.get(field)
        try:
            self._session.set_conclusion(self._criterion_id, **{field: text})
        except TextError as exc:
            if edit is not None:
                edit.show_too_long(exc.limit)
            return
        if edit is not None:
            edit.hide_too_long()


# ---------------------------------------------------------------- the view


class WorkshopView(QWidget):
    """Header, filter buttons, the side-by-side list and the detail pane."""

    currentCriterionChanged = Signal(str)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: WorkshopSession | None = None
        self.header = WorkshopHeader(self)
        self.model = WorkshopModel(self)
        self.proxy = WorkshopFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        for mode in FILTERS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setObjectName(f"filter_{mode}")
            button.clicked.connect(lambda _c=False, m=mode: self.set_filter(m))
            self.filter_group.addButton(button)
            self.filter_buttons[mode] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[DEFAULT_FILTER].setChecked(True)

        self.table = row_table(self, self.proxy)
        self.table.setObjectName("workshopTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        self._size_columns()
        self.table.selectionModel().currentChanged.connect(self._current_changed)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()
        self.proxy.rowsRemoved.connect(self._update_empty)
        self.proxy.rowsInserted.connect(self._update_empty)
        self.proxy.modelReset.connect(self._update_empty)
        self.proxy.layoutChanged.connect(self._update_empty)

        self.plan_differences = PlanDifferencesBox(self)
        self.plan_differences.differenceChosen.connect(self._difference_chosen)
        self.plan_differences.hide()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 0, 0, 8)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.plan_differences)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)

        self.detail = WorkshopDetail(self)
        self.detail.partnerActivated.connect(self.select)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workshopSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        # the list gets a little more than half: its verdict columns and titles need it
        self.splitter.setStretchFactor(0, 6)
        self.splitter.setStretchFactor(1, 5)
        left.setMinimumWidth(420)
        self.detail.setMinimumWidth(480)
        self.splitter.setSizes([700, 580])

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(line)
        layout.addWidget(self.splitter, 1)

        self._create_actions()
        self.retranslate()
        notifier.changed.connect(self._language_changed)
        self.set_session(None)

    # ------------------------------------------------------------ actions
    def _action(self, slot, shortcuts: list[str]) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.next_open_action = self._action(lambda: self.go_next_open(1), ["F3", "Ctrl+Return"])
        self.next_open_action.setIcon(icons.icon("next-unassessed"))
        self.previous_open_action = self._action(lambda: self.go_next_open(-1), ["Shift+F3"])
        self.next_action = self._action(lambda: self.go_step(1), ["Alt+Down", "Ctrl+PgDown"])
        self.next_action.setIcon(icons.icon("next"))
        self.previous_action = self._action(lambda: self.go_step(-1), ["Alt+Up", "Ctrl+PgUp"])
        self.previous_action.setIcon(icons.icon("previous"))
        self.verdict_actions: dict[Verdict, QAction] = {}
        for verdict, key in VERDICT_KEYS.items():
            action = self._action(lambda v=verdict: self.choose_verdict(v), [key])
            action.setIcon(icons.verdict_icon(verdict))
            self.verdict_actions[verdict] = action
        self.clear_action = self._action(self.clear_conclusion, ["0"])
        self.measure_action = self._action(self.detail.focus_measure, ["Ctrl+Shift+N"])
        self.carry_action = self._action(self.carry_decisions, [])
        self.filter_actions: dict[str, QAction] = {}
        self.filter_action_group = QActionGroup(self)
        for number, mode in enumerate(FILTERS, start=1):
            action = self._action(lambda m=mode: self.set_filter(m), [f"Ctrl+{number}"])
            action.setCheckable(True)
            self.filter_action_group.addAction(action)
            self.filter_actions[mode] = action
        self.filter_actions[DEFAULT_FILTER].setChecked(True)

    def actions_for_menu(self) -> list[QAction | None]:
        """The workshop menu, None for a separator."""
        return [
            self.next_open_action,
            self.previous_open_action,
            self.next_action,
            self.previous_action,
            None,
            *self.verdict_actions.values(),
            self.clear_action,
            self.measure_action,
            None,
            self.carry_action,
            None,
            *self.filter_actions.values(),
        ]

    def _update_actions(self) -> None:
        has = self._session is not None
        has_item = has and self.detail.criterion_id is not None
        for action in (
            self.next_open_action,
            self.previous_open_action,
            self.next_action,
            self.previous_action,
            self.carry_action,
            *self.filter_actions.values(),
        ):
            action.setEnabled(has)
        for action in (*self.verdict_actions.values(), self.clear_action, self.measure_action):
            action.setEnabled(has_item)

    # ------------------------------------------------------------ text
    def filter_label(self, mode: str) -> str:
        return {
            "differences": self.tr("Differences"),
            "open": self.tr("Open"),
            "conflicts": self.tr("Conflicts"),
            "tensions": self.tr("Tensions"),
            "all": self.tr("All"),
        }[mode]

    def retranslate(self) -> None:
        lang = current_lang()
        self.next_open_action.setText(self.tr("&Next Open Difference"))
        self.next_open_action.setIconText(self.tr("Next open"))
        self.next_open_action.setToolTip(
            self.tr("Go to the next difference without a joint conclusion (F3)")
        )
        self.previous_open_action.setText(self.tr("Previous Open Difference"))
        self.next_action.setText(self.tr("Ne&xt Criterion"))
        self.previous_action.setText(self.tr("&Previous Criterion"))
        for verdict, action in self.verdict_actions.items():
            action.setText(self.tr("Agreed Verdict: {0}").format(verdict.label.get(lang)))
        self.clear_action.setText(self.tr("Clear Joint Conclusion"))
        self.measure_action.setText(self.tr("Go to Agreed &Measure"))
        self.carry_action.setText(self.tr("&Carry Decisions into Both Reviews"))
        self.carry_action.setToolTip(
            self.tr(
                "Write every agreed measure into both reviews as a condition or "
                "recommendation, with its owner and deadline (one undo step)"
            )
        )
        tips = {
            "differences": self.tr("Differences, conflicts and one-sided verdicts"),
            "open": self.tr("Differences without an agreed verdict yet"),
            "conflicts": self.tr("One review says it meets, the other that it fails"),
            "tensions": self.tr("Criteria in a tension pair"),
            "all": self.tr("Every criterion"),
        }
        for number, mode in enumerate(FILTERS, start=1):
            self.filter_actions[mode].setText(self.tr("Show: {0}").format(self.filter_label(mode)))
            self.filter_buttons[mode].setToolTip(f"{tips[mode]} (Ctrl+{number})")
        self._update_filter_counts()
        self.empty.setText(self.tr("Nothing to show under this filter."))
        self.table.setAccessibleName(self.tr("Criteria side by side"))
        self.header.refresh()
        self._refresh_plan_differences()
        self.detail.retranslate()

    def _refresh_plan_differences(self) -> None:
        session = self._session
        workshop = session.workshop if session is not None else None
        self.plan_differences.set_differences(
            session.comparison.plan_differences if session is not None else [],
            workshop.review_a if workshop is not None else None,
            workshop.review_b if workshop is not None else None,
        )

    def _difference_chosen(self, row: int) -> None:
        """The first criterion in the list whose rule reads the chosen difference."""
        difference = self.plan_differences.difference(row)
        if self._session is None or difference is None:
            return
        resting = self._session.comparison.on_differing_facts
        for cid in self.model.criterion_ids():
            if difference in resting.get(cid, []):
                self.select(cid)
                return
        self.message.emit(self.tr("No criterion's rule reads this fact."))

    def _language_changed(self) -> None:
        self.retranslate()
        self.detail.refresh()
        self._size_columns()

    def _update_filter_counts(self, *_: object) -> None:
        for mode, button in self.filter_buttons.items():
            label = self.filter_label(mode)
            if self._session is not None:
                label = f"{label} ({self.proxy.count(mode)})"
            button.setText(label)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        widest_id = max(
            (metrics.horizontalAdvance(cid) for cid in self.model.criterion_ids()),
            default=metrics.horizontalAdvance("GEB-ENTREE-01"),
        )
        verdict_width = max(
            metrics.horizontalAdvance(self.model.short_label(v)) for v in VERDICT_KEYS
        )
        shown = {i.status for i in self._session.comparison.items} if self._session else set()
        status_width = max(
            (metrics.horizontalAdvance(s.label.get(current_lang())) for s in shown),
            default=metrics.horizontalAdvance("conflict"),
        )
        self.table.setColumnWidth(Column.ID, widest_id + 14)
        self.table.setColumnWidth(Column.A, verdict_width + 36)
        self.table.setColumnWidth(Column.B, verdict_width + 36)
        self.table.setColumnWidth(Column.STATUS, status_width + 16)
        self.table.setColumnWidth(Column.FACTS, 28)
        self.table.setColumnWidth(Column.TENSION, 28)
        self.table.setColumnWidth(Column.CONCLUSION, 40)

    # ------------------------------------------------------------ session
    @property
    def session(self) -> WorkshopSession | None:
        return self._session

    def set_session(self, session: WorkshopSession | None) -> None:
        if self._session is not None:
            self._session.conclusionChanged.disconnect(self._update_filter_counts)
        self._session = session
        self.proxy.set_pinned(None)
        self.model.set_session(session)
        self.header.set_session(session)
        self.detail.set_session(session)
        self._refresh_plan_differences()
        if session is not None:
            session.conclusionChanged.connect(self._update_filter_counts)
        self._size_columns()
        self._update_filter_counts()
        self.setEnabled(session is not None)
        if session is not None:
            mode = DEFAULT_FILTER if self.proxy.count(DEFAULT_FILTER) else "all"
            self.set_filter(mode)
            first_open = next((cid for cid in self.visible_ids() if session.is_open(cid)), None)
            target = first_open or next(iter(self.visible_ids()), None)
            if target:
                self.select(target)
        self._update_empty()
        self._update_actions()

    def _update_empty(self, *_: object) -> None:
        self.empty.setVisible(self._session is not None and self.proxy.rowCount() == 0)

    # ------------------------------------------------------------ filter
    @property
    def filter_mode(self) -> str:
        return self.proxy.mode

    def set_filter(self, mode: str) -> None:
        """Show one filter's rows; the current criterion stays current if it is among them,
        else the first row becomes current."""
        current = self.current_id()
        self.proxy.set_mode(mode)
        self.filter_buttons[mode].setChecked(True)
        self.filter_actions[mode].setChecked(True)
        index = self._proxy_index(current) if current is not None else None
        if index is not None and index.isValid():
            self.table.scrollTo(index)
        else:
            ids = self.visible_ids()
            if ids:
                self.select(ids[0])
            else:
                self.detail.set_criterion(None)
                self._update_actions()
        self._update_empty()

    # ------------------------------------------------------------ current criterion
    def _proxy_index(self, criterion_id: str):  # type: ignore[no-untyped-def]
        row = self.model.row_of(criterion_id)
        if row is None:
            return self.proxy.index(-1, 0)
        return self.proxy.mapFromSource(self.model.index(row, Column.TITLE))

    def _current_changed(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        source = self.proxy.mapToSource(current)
        item = self.model.item_at(source.row()) if source.isValid() else None
        if item is None:
            return
        self.proxy.set_pinned(item.criterion_id)
        if item.criterion_id != self.detail.criterion_id:
            self.detail.set_criterion(item.criterion_id)
            self.currentCriterionChanged.emit(item.criterion_id)
        self._update_actions()

    def current_id(self) -> str | None:
        return self.detail.criterion_id

    def visible_ids(self) -> list[str]:
        """The criteria the list shows, in order."""
        ids = []
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            item = self.model.item_at(source.row())
            if item is not None:
                ids.append(item.criterion_id)
        return ids

    def select(self, criterion_id: str) -> bool:
        """Make a criterion current; shows all rows when the filter hides it."""
        index = self._proxy_index(criterion_id)
        if not index.isValid():
            if self.model.row_of(criterion_id) is None:
                return False
            self.set_filter("all")
            index = self._proxy_index(criterion_id)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> bool:
        """The next (+1) or previous (-1) row in the list; False at either end."""
        target = step_target(self.visible_ids(), self.current_id(), delta)
        return target is not None and self.select(target)

    def next_open(self, delta: int = 1) -> str | None:
        """Select the next (or previous) open difference in the list, wrapping; None if none."""
        if self._session is None:
            return None
        ids = self.visible_ids()
        if delta < 0:
            ids.reverse()
        current = self.current_id()
        start = ids.index(current) + 1 if current in ids else 0
        for cid in ids[start:] + ids[:start]:
            if cid != current and self._session.is_open(cid):
                self.select(cid)
                return cid
        return None

    # ------------------------------------------------------------ keyboard flow
    def go_next_open(self, delta: int = 1) -> None:
        if self.next_open(delta) is None:
            self.message.emit(self.tr("Every difference in the list has a joint conclusion."))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_step(self, delta: int) -> None:
        self.step(delta)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def choose_verdict(self, verdict: Verdict) -> bool:
        return self.detail.choose_verdict(verdict)

    def clear_conclusion(self) -> None:
        self.detail.clear()

    def carry_decisions(self) -> str:
        """Carry the joint decisions into both reviews (one undo step) and say in the
        status bar how many; returns that message."""
        session = self._session
        if session is None:
            return ""
        report = session.carry_decisions()
        decisions = {r.criterion_id for r in report}
        carried = {r.criterion_id for r in report if r.status.changed}
        problems = [r for r in report if r.status in (CarryStatus.MISSING, CarryStatus.REFUSED)]
        appended = sum(1 for r in report if r.status is CarryStatus.APPENDED)
        if not decisions:
            text = self.tr(
                "There are no joint decisions to carry: agree on a measure for a criterion first."
            )
        elif not carried:
            text = self.tr("Both reviews hold every joint decision already.")
        else:
            text = self.tr("Joint decisions carried into both reviews: {0}.").format(len(carried))
            if appended:
                text += " " + self.tr(
                    "Measures of an adviser's own kept, the decision after them: {0}."
                ).format(appended)
        if problems:
            names = ", ".join(f"{r.criterion_id} ({r.side})" for r in problems)
            text += " " + self.tr("Not carried: {0}.").format(names)
        self.message.emit(text)
        return text
