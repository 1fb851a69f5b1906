"""The dossier through its stages, on the Dossier page: the timeline, the measures with
their status, and what changed since the previous stage.

- **Timeline**: the reviews of this plan before this one (carried by "Next stage"), with
  stage, date, perspective, outcome and file, and this review last.
- **Measures**: every condition and recommendation with who acts, by which stage and its
  status; filtered to all, open, or overdue (open, and due by a stage the plan has
  reached). Each row has buttons to mark it processed (in the drawings), verified (at
  handover) or withdrawn (with a reason); each asks the name of who makes the change
  (default: the reviewer). Every change goes through the ReviewSession: undoable.
- **Changes since the previous stage**: the revision comparison of this review with the
  previous one, when its file is at hand (beside this one, or chosen).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.advice import build_advice
from reviewer.domain.compare import ComparisonError, RevisionStatus, compare_revisions
from reviewer.domain.next_stage import is_overdue
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.review import Assessment, NoMeasure, Review
from reviewer.domain.stages import (
    STAGE_LABELS,
    MeasureStatus,
    StatusUnchanged,
    StatusWithoutName,
    WithdrawnWithoutReason,
)
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import load_review
from reviewer.ui import dialogs
from reviewer.ui.checked import TextError
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

# the measures table's columns
NUMBER, CRITERION, MEASURE, WHO, STATUS, ACTIONS = range(6)
FILTERS = ("all", "open", "overdue")
STATUS_COLOURS = {
    MeasureStatus.OPEN: "#9b1c1c",
    MeasureStatus.PROCESSED: "#8a5a00",
    MeasureStatus.VERIFIED: "#2e7d32",
    MeasureStatus.WITHDRAWN: "#5f6b7a",
}


def _short(text: str, limit: int = 150) -> str:
    """A measure on at most two lines of the table: the whole text is in the tooltip."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _stage(stage: object) -> str:
    return STAGE_LABELS[stage].get(current_lang()) if stage is not None else "–"  # type: ignore[index]


class StagesBox(QWidget):
    """The open review's stages and measures."""

    compareRequested = Signal(object)  # Path | None: the previous review's file
    criterionActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._ids: list[str] = []  # the criterion of each table row
        self._previous_cache: tuple[tuple[Path, int], Review] | None = None
        self._stale = False  # assessments changed while the page was hidden
        self.buttons: dict[tuple[str, MeasureStatus], QToolButton] = {}

        # ------------------------------------------------ timeline
        self.timeline_box = QGroupBox()
        self.timeline = QTableWidget(0, 5)
        self.timeline.setObjectName("stagesTimeline")
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        timeline = QVBoxLayout(self.timeline_box)
        timeline.addWidget(self.timeline)

        # ------------------------------------------------ measures
        self.measures_box = QGroupBox()
        self._measures_hint = QLabel()
        self._measures_hint.setWordWrap(True)
        self._measures_hint.setStyleSheet(HINT_STYLE)
        self.filter = QComboBox()
        self.filter.setObjectName("measureFilter")
        for key in FILTERS:
            self.filter.addItem("", key)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self._filter_label = QLabel()
        self._filter_label.setBuddy(self.filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("measureCount")
        self.count_label.setStyleSheet(HINT_STYLE)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self._filter_label)
        filter_row.addWidget(self.filter)
        filter_row.addWidget(self.count_label)
        filter_row.addStretch(1)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("measuresTable")
        self.table.verticalHeader().setVisible(False)
        # rows as high as their wrapped text, again whenever a column's width changes
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(360)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEASURE, QHeaderView.ResizeMode.Stretch)
        actions_width = self._actions("", MeasureStatus.OPEN).sizeHint().width() + 8
        self.buttons.clear()
        for col, width in ((WHO, 120), (STATUS, 130), (ACTIONS, actions_width)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        header.setStretchLastSection(False)
        self.table.cellDoubleClicked.connect(self._activated)
        self.message = QLabel()
        self.message.setObjectName("measureMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()
        measures = QVBoxLayout(self.measures_box)
        measures.addWidget(self._measures_hint)
        measures.addLayout(filter_row)
        measures.addWidget(self.table)
        measures.addWidget(self.message)

        # ------------------------------------------------ changes since the previous stage
        self.changes_box = QGroupBox()
        self.changes_label = QLabel()
        self.changes_label.setObjectName("changesSincePrevious")
        self.changes_label.setWordWrap(True)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareWithPrevious")
        self.compare_button.clicked.connect(self.compare_with_previous)
        changes = QHBoxLayout(self.changes_box)
        changes.addWidget(self.changes_label, 1)
        changes.addWidget(self.compare_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timeline_box)
        layout.addWidget(self.measures_box)
        layout.addWidget(self.changes_box)

        notifier.changed.connect(self.retranslate)
        self.retranslate()

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.assessmentChanged.disconnect(self._assessment_changed)
            self._session.planChanged.disconnect(self.refresh)
            self._session.dossierChanged.disconnect(self._fill_timeline)
            self._session.pathChanged.disconnect(self._fill_changes)
        self._session = session
        self._previous_cache = None
        if session is not None:
            session.assessmentChanged.connect(self._assessment_changed)
            session.planChanged.connect(self.refresh)
            session.dossierChanged.connect(self._fill_timeline)
            session.pathChanged.connect(self._fill_changes)
        self._show("")
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        self._stale = False
        self._fill_timeline()
        self._fill_table()
        self._fill_changes()

    def _measures(self) -> list[Assessment]:
        if self._session is None:
            return []
        return [a for a in self._session.review.assessments.values() if a.has_measure]

    @Slot(str)
    def _assessment_changed(self, criterion_id: str) -> None:
        if self._session is None:
            return
        if not self.isVisible():  # typing on the criterion page: catch up when shown
            self._stale = True
            return
        self._fill_timeline()  # this review's outcome
        if self._previous_cache is not None:
            self._fill_changes()  # the findings resolved since then
        ids = [a.criterion_id for a in self._measures()]
        if ids != self._ids:
            self._fill_table()
            return
        # the letter's numbers follow the verdicts (a finding is a recommendation) and
        # the status (a withdrawn condition is no longer numbered)
        self._number_of = self._numbers()
        for row in range(len(self._ids)):
            self.table.item(row, NUMBER).setText(self._number_of.get(self._ids[row], "–"))
        if criterion_id in self._ids:
            self._fill_row(self._ids.index(criterion_id))
            self._apply_filter()

    # ------------------------------------------------------------ timeline
    @Slot()
    def _fill_timeline(self) -> None:
        table = self.timeline
        if self._session is None:
            table.setRowCount(0)
            return
        lang = current_lang()
        review = self._session.review
        rows: list[tuple[str, ...]] = []
        for prev in review.previous:
            rows.append(
                (
                    prev.stage_label(lang),
                    prev.made_on.isoformat(),
                    prev.perspective.label.get(lang),
                    prev.outcome.label.get(lang),
                    prev.file_name,
                )
            )
        when = review.dossier.dispatch_date or review.modified.date()
        rows.append(
            (
                _stage(review.plan.identity.stage),
                when.isoformat(),
                review.perspective.label.get(lang),
                compute_outcome(review).result.label.get(lang),
                self.tr("this review"),
            )
        )
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, values in enumerate(rows):
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row == len(rows) - 1:
                    item.setFont(bold)
                table.setItem(row, col, item)
        height = table.horizontalHeader().height() + sum(
            table.rowHeight(r) for r in range(table.rowCount())
        )
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    # ------------------------------------------------------------ measures
    def _numbers(self) -> dict[str, str]:
        """The letter's numbers: V1, V2 … for conditions, A1, A2 … for recommendations."""
        if self._session is None:
            return {}
        nl = current_lang() == "nl"
        advice = build_advice(self._session.review)
        numbers = {i.criterion.id: f"{'V' if nl else 'C'}{i.number}" for i in advice.conditions}
        for item in advice.recommendations:
            numbers[item.criterion.id] = f"{'A' if nl else 'R'}{item.number}"
        return numbers

    def _fill_table(self) -> None:
        measures = self._measures()
        self._ids = [a.criterion_id for a in measures]
        self.buttons = {key: button for key, button in self.buttons.items() if key[0] in self._ids}
        self.table.setRowCount(len(measures))
        self._number_of = self._numbers()
        for row in range(len(measures)):
            self._fill_row(row)
        self._apply_filter()

    def _fill_row(self, row: int) -> None:
        assert self._session is not None
        review = self._session.review
        cid = self._ids[row]
        a = review.assessments[cid]
        lang = current_lang()
        title = review.checklist.criterion(cid).title.get(lang)
        status = a.measure_status
        carried = (
            self.tr("carried from the {0}").format(_stage(a.measure_carried_from))
            if a.measure_carried_from
            else ""
        )
        status_text = status.label.get(lang)
        if is_overdue(a, review.plan.identity.stage):
            status_text = self.tr("{0} – overdue").format(status_text)
        change = a.last_status_change
        if change is not None:
            status_text += f"\n{change.on.isoformat()} · {change.by}"
            if change.reason:
                status_text += f"\n{_short(change.reason, 80)}"
        who = [a.actor] if a.actor else []
        if a.due_stage is not None:
            who.append(self.tr("by the {0}").format(_stage(a.due_stage)))
        values = {
            NUMBER: self._number_of.get(cid, "–"),
            CRITERION: cid,
            MEASURE: _short(a.measure) + (f"\n({carried})" if carried else ""),
            WHO: "\n".join(who),
            STATUS: status_text,
        }
        for col, value in values.items():
            item = self.table.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, col, item)
            item.setText(value)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            if col == STATUS:
                item.setForeground(QColor(STATUS_COLOURS[status]))
            if col == MEASURE:
                item.setToolTip(a.measure)
            if col == CRITERION:
                item.setToolTip(title)
        self.table.setCellWidget(row, ACTIONS, self._actions(cid, status))

    def _actions(self, cid: str, status: MeasureStatus) -> QWidget:
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        for target, text, tip in (
            (
                MeasureStatus.PROCESSED,
                self.tr("Processed"),
                self.tr("The measure is processed in the drawings"),
            ),
            (MeasureStatus.VERIFIED, self.tr("Verified"), self.tr("Verified at handover")),
            (
                MeasureStatus.WITHDRAWN,
                self.tr("Withdraw…"),
                self.tr("Withdraw the measure, with a reason"),
            ),
            (MeasureStatus.OPEN, self.tr("Reopen"), self.tr("Set the measure back to open")),
        ):
            button = QToolButton()
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"measure_{target.value}_{cid}")
            button.setText(text)
            button.setToolTip(tip)
            button.setEnabled(status is not target)
            # "Reopen" only where there is something to reopen
            button.setVisible(target is not MeasureStatus.OPEN or status is not target)
            button.clicked.connect(lambda _c=False, s=target, c=cid: self.change_status(c, s))
            layout.addWidget(button)
            self.buttons[(cid, target)] = button
        return cell

    @Slot()
    def _apply_filter(self) -> None:
        key = self.filter.currentData()
        stage = self._session.review.plan.identity.stage if self._session else None
        shown = 0
        for row, cid in enumerate(self._ids):
            a = self._session.review.assessments[cid]  # type: ignore[union-attr]
            visible = (
                key == "all"
                or (key == "open" and a.measure_status is MeasureStatus.OPEN)
                or (key == "overdue" and is_overdue(a, stage))
            )
            self.table.setRowHidden(row, not visible)
            shown += visible
        self.count_label.setText(self.tr("{0} of {1} shown").format(shown, len(self._ids)))

    def set_filter(self, key: str) -> None:
        self.filter.setCurrentIndex(FILTERS.index(key))

    def visible_ids(self) -> list[str]:
        return [cid for row, cid in enumerate(self._ids) if not self.table.isRowHidden(row)]

    @Slot(int, int)
    def _activated(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._ids):
            self.criterionActivated.emit(self._ids[row])

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def change_status(self, criterion_id: str, status: MeasureStatus) -> bool:
        """Ask who makes the change (and why, for a withdrawal), then record it."""
        session = self._session
        if session is None:
            return False
        label = status.label.get(current_lang())
        name = dialogs.ask_text(
            self,
            self.tr("Measure {0}: {1}").format(criterion_id, label),
            self.tr("Your name (recorded with the date):"),
            session.review.reviewer.name,
            multiline=False,
        )
        if name is None:
            return False
        reason = ""
        if status is MeasureStatus.WITHDRAWN:
            answer = dialogs.ask_text(
                self,
                self.tr("Withdraw measure {0}").format(criterion_id),
                self.tr("Why is the measure withdrawn?"),
            )
            if answer is None:
                return False
            reason = answer
        return self._record(criterion_id, status, name, reason)

    def _record(self, criterion_id: str, status: MeasureStatus, name: str, reason: str) -> bool:
        assert self._session is not None
        messages: dict[type[Exception], Callable[[], str]] = {
            WithdrawnWithoutReason: lambda: self.tr("A measure is withdrawn only with a reason."),
            StatusWithoutName: lambda: self.tr(
                "The change was not recorded: give the name of who makes it."
            ),
            StatusUnchanged: lambda: self.tr("The measure has this status already."),
            NoMeasure: lambda: self.tr("This criterion has no measure."),
        }
        try:
            self._session.set_measure_status(criterion_id, status, name, reason)
        except TextError as exc:
            self._show(str(exc))
            return False
        except (WithdrawnWithoutReason, StatusWithoutName, StatusUnchanged, NoMeasure) as exc:
            self._show(messages[type(exc)]())
            return False
        self._show("")
        return True

    # ------------------------------------------------------------ changes
    def previous_path(self) -> Path | None:
        """The previous review's file, when it lies beside this one."""
        session = self._session
        if session is None or not session.review.previous or session.path is None:
            return None
        name = session.review.previous[-1].file_name
        if not name:
            return None
        path = session.path.parent / Path(name).name
        return path if path.is_file() and path != session.path else None

    @Slot()
    def _fill_changes(self) -> None:
        session = self._session
        has_previous = session is not None and bool(session.review.previous)
        self.changes_box.setVisible(has_previous)
        self.compare_button.setEnabled(has_previous)
        if not has_previous:
            return
        assert session is not None
        prev = session.review.previous[-1]
        path = self.previous_path()
        if path is not None:
            text = self.tr("Compare this review with the review of the {0} ({1}).").format(
                prev.stage_label(current_lang()), path.name
            )
            counts = self._revision_counts(path)
            if counts:
                text += " " + self.tr(
                    "Since then: {resolved} resolved, {new} new, {open} still open."
                ).format(**counts)
        elif session.path is None:
            text = self.tr(
                "Compare with the review of the {0} ({1}): choose its file, or save this "
                "review beside it."
            ).format(prev.stage_label(current_lang()), prev.file_name or "–")
        else:
            text = self.tr(
                "The review of the {0} ({1}) is not beside this file: choose it to compare."
            ).format(prev.stage_label(current_lang()), prev.file_name or "–")
        self.changes_label.setText(text)

    def _revision_counts(self, path: Path) -> dict[str, int] | None:
        """Resolved, new and still-open findings since the previous review (read once per
        file version); None when it cannot be read or compared."""
        assert self._session is not None
        try:
            key = (path, path.stat().st_mtime_ns)
            if self._previous_cache is None or self._previous_cache[0] != key:
                self._previous_cache = (key, load_review(path).review)
            items, _warnings = compare_revisions(self._previous_cache[1], self._session.review)
        except (OSError, DocumentFileError, ComparisonError):
            return None
        count = Counter(item.status for item in items)
        return {
            "resolved": count[RevisionStatus.RESOLVED],
            "new": count[RevisionStatus.NEW],
            "open": count[RevisionStatus.STILL_OPEN],
        }

    @Slot()
    def compare_with_previous(self) -> None:
        self.compareRequested.emit(self.previous_path())

    # ------------------------------------------------------------ language
    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        self.timeline_box.setTitle(self.tr("Stages of this plan"))
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Date"),
                self.tr("Perspective"),
                self.tr("Outcome"),
                self.tr("File"),
            ]
        )
        self.measures_box.setTitle(self.tr("Measures"))
        self._measures_hint.setText(
            self.tr(
                "Every condition and recommendation: open, processed in the drawings, "
                "verified at handover, or withdrawn with a reason. Each change is recorded "
                "with the date and the name of who made it. Double-click a row to go to its "
                "criterion."
            )
        )
        self._filter_label.setText(self.tr("Show:"))
        for index, text in enumerate(
            (self.tr("All"), self.tr("Open"), self.tr("Overdue by stage"))
        ):
            self.filter.setItemText(index, text)
        self.filter.setToolTip(
            self.tr("Overdue: still open, and due by the plan's current stage or an earlier one")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Criterion"),
                self.tr("Measure"),
                self.tr("Who acts, by when"),
                self.tr("Status"),
                "",
            ]
        )
        self.changes_box.setTitle(self.tr("Changes since the previous stage"))
        self.compare_button.setText(self.tr("Compare with the Previous Stage…"))
        if self._session is not None:
            self.refresh()
