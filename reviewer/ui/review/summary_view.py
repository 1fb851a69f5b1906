"""The summary: outcome, progress, a traffic-light tally per section, failing requirements,
and the numbered conditions and recommendations as the advice letter will print them.

Everything is computed by `reviewer.domain.outcome.compute_outcome` and
`reviewer.domain.advice.build_advice` and redrawn when the session says a verdict, the
plan or the adviser's outcome changed (several signals in a row are drawn once). The
adviser may choose another outcome than the proposed one, only with a written reason.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.advice import Advice, AdviceItem, build_advice
from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.outcome import OUTCOME_COLOURS, Outcome
from reviewer.domain.plan import VALUE_LABELS
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.ui import dialogs, icons
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.organisation import current_organisation
from reviewer.ui.review.plan_models import wrap_header
from reviewer.ui.review.session import FactError, ReviewSession
from reviewer.ui.widgets.text_style import HINT_STYLE, MUTED
from reviewer.ui.widgets.verdict_style import tint

Index = QModelIndex | QPersistentModelIndex

TALLY_VERDICTS: tuple[Verdict, ...] = (
    Verdict.MEETS,
    Verdict.PARTLY,
    Verdict.FAILS,
    Verdict.NOT_ASSESSED,
    Verdict.NOT_APPLICABLE,
)
BAR_ROLE = Qt.ItemDataRole.UserRole + 1  # [(verdict, count), ...] for the painted bar


translate = QCoreApplication.translate


# the outcomes an adviser can choose (not "incomplete": that is no advice)
CHOOSABLE = (OutcomeResult.POSITIVE, OutcomeResult.CONDITIONAL, OutcomeResult.NEGATIVE)


def outcome_label(result: OutcomeResult) -> str:
    """The outcome in full ("Positief advies onder voorwaarden")."""
    return result.label.get(current_lang())  # type: ignore[return-value]


def outcome_word(result: OutcomeResult) -> str:
    return {
        OutcomeResult.POSITIVE: translate("SummaryView", "Positive"),
        OutcomeResult.CONDITIONAL: translate("SummaryView", "Conditional"),
        OutcomeResult.NEGATIVE: translate("SummaryView", "Negative"),
        OutcomeResult.INCOMPLETE: translate("SummaryView", "Incomplete"),
    }[result]


class TallyModel(QAbstractTableModel):
    """Sections as rows (plus a total row); verdict counts as columns; a bar column last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outcome: Outcome | None = None

    def set_outcome(self, outcome: Outcome | None) -> None:
        old_rows = self.rowCount()
        new_rows = len(outcome.tallies) + 1 if outcome else 0
        if old_rows != new_rows or (
            self._outcome
            and outcome
            and [t.section_id for t in self._outcome.tallies]
            != [t.section_id for t in outcome.tallies]
        ):
            self.beginResetModel()
            self._outcome = outcome
            self.endResetModel()
            return
        self._outcome = outcome
        if new_rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(new_rows - 1, self.columnCount() - 1)
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._outcome is None:
            return 0
        return len(self._outcome.tallies) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TALLY_VERDICTS) + 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _row(self, row: int) -> tuple[str, dict[Verdict, int], int, bool]:
        """(title, counts, in scope, is total) of a row."""
        assert self._outcome is not None
        lang = current_lang()
        tallies = self._outcome.tallies
        if row < len(tallies):
            tally = tallies[row]
            return tally.title.get(lang), tally.counts, tally.in_scope, False  # type: ignore[arg-type]
        total = sum(t.in_scope for t in tallies)
        return translate("SummaryView", "Total"), self._outcome.counts, total, True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        lang = current_lang()
        last = self.columnCount() - 1
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("SummaryView", "Section")
            if section == 1:
                return translate("SummaryView", "Criteria")
            if section == last:
                return translate("SummaryView", "Overview")
            label = TALLY_VERDICTS[section - 2].label.get(lang).split(" / ")[0]  # type: ignore[arg-type]
            return wrap_header(label[:1].upper() + label[1:], width=12)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == 1:
                return translate("SummaryView", "Criteria of this review's perspective")
            if 2 <= section < last:
                return TALLY_VERDICTS[section - 2].label.get(lang)  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.DecorationRole and 2 <= section < last:
            return icons.verdict_icon(TALLY_VERDICTS[section - 2])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index) or self._outcome is None:
            return None
        title, counts, in_scope, is_total = self._row(index.row())
        col = index.column()
        last = self.columnCount() - 1
        verdict = TALLY_VERDICTS[col - 2] if 2 <= col < last else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return title
            if col == 1:
                return str(in_scope)
            if verdict is not None:
                return str(counts[verdict])
            return None
        if role == BAR_ROLE and col == last:
            return [(v, counts[v]) for v in TALLY_VERDICTS]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and verdict in (Verdict.MEETS, Verdict.PARTLY, Verdict.FAILS)
            and counts[verdict]
        ):
            return QBrush(tint(VERDICT_COLOURS[verdict]))
        if role == Qt.ItemDataRole.ForegroundRole and verdict is not None and not counts[verdict]:
            return QBrush(QColor("#a0a6ae"))
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and verdict is not None:
            return f"{title}: {counts[verdict]} × {verdict.label.get(current_lang())}"
        return None


class _BarDelegate(QStyledItemDelegate):
    """Paints a stacked traffic-light bar of the verdict counts."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = index.data(BAR_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        total = sum(n for _, n in parts)
        rect = option.rect.adjusted(6, 7, -6, -7)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        if total == 0:
            painter.setBrush(QColor("#eceef1"))
            painter.drawRect(rect)
        else:
            x = rect.left()
            for i, (verdict, n) in enumerate(parts):
                if not n:
                    continue
                width = round(rect.width() * n / total)
                if i == len(parts) - 1 or x + width > rect.right():
                    width = rect.right() - x + 1
                painter.setBrush(QColor(VERDICT_COLOURS[verdict]))
                painter.drawRect(QRect(x, rect.top(), width, rect.height()))
                x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(80, 26)


class SummaryView(QWidget):
    """The outcome of the open review, live."""

    criterionActivated = Signal(str)  # a failing requirement was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._outcome: Outcome | None = None
        self._advice: Advice | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

        self._plan_label = QLabel()
        font = self._plan_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._plan_label.setFont(font)
        self._meta_label = QLabel()
        self._meta_label.setStyleSheet(HINT_STYLE)
        self._meta_label.setWordWrap(True)

        self._badge = QLabel()
        self._badge.setObjectName("outcomeBadge")
        self._badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._badge.setMinimumWidth(130)
        self._outcome_text = QLabel()
        self._outcome_text.setObjectName("outcomeText")
        self._outcome_text.setWordWrap(True)
        text_font = self._outcome_text.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 1.1)
        self._outcome_text.setFont(text_font)
        # the proposal, when the adviser chose another outcome, and the reason
        self._choice_text = QLabel()
        self._choice_text.setObjectName("outcomeChoice")
        self._choice_text.setWordWrap(True)
        self._choice_text.setTextFormat(Qt.TextFormat.RichText)
        self._choice_text.hide()
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseOutcome")
        self.choose_button.clicked.connect(self.choose_outcome)
        self.proposal_button = QPushButton()
        self.proposal_button.setObjectName("useProposal")
        self.proposal_button.clicked.connect(self.use_proposal)
        self._outcome_frame = QFrame()
        self._outcome_frame.setObjectName("outcomeFrame")
        frame_layout = QHBoxLayout(self._outcome_frame)
        frame_layout.setContentsMargins(10, 10, 10, 10)
        frame_layout.setSpacing(14)
        frame_layout.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addWidget(self._outcome_text)
        texts.addWidget(self._choice_text)
        frame_layout.addLayout(texts, 1)
        outcome_buttons = QVBoxLayout()
        outcome_buttons.addWidget(self.choose_button)
        outcome_buttons.addWidget(self.proposal_button)
        outcome_buttons.addStretch(1)
        frame_layout.addLayout(outcome_buttons)

        self._progress_label = QLabel()
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(10)
        self._progress.setMaximumWidth(420)

        self._tally_label = QLabel()
        self._tally_model = TallyModel(self)
        self._tally = QTableView()
        self._tally.setObjectName("tallyTable")
        self._tally.setModel(self._tally_model)
        bar_column = self._tally_model.columnCount() - 1
        self._tally.setItemDelegateForColumn(bar_column, _BarDelegate(self))
        self._tally.verticalHeader().setVisible(False)
        self._tally.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._tally.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tally.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._tally.setShowGrid(False)
        self._tally.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._tally.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._tally.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self._tally.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(bar_column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._tally.setWordWrap(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._tally.verticalHeader().setDefaultSectionSize(28)
        self._tally_model.modelReset.connect(self._fit_tally)

        self._failing_label = QLabel()
        self._failing = QListWidget()
        self._failing.setIconSize(icons.DOT_SIZE)
        self._failing.setObjectName("failingList")
        self._failing.itemActivated.connect(self._on_failing_item)
        self._failing.itemClicked.connect(self._on_failing_item)

        # the conditions and recommendations, numbered as the letter prints them
        self._advice_label = QLabel()
        self.advice_text = QTextBrowser()
        self.advice_text.setObjectName("adviceText")
        self.advice_text.setOpenLinks(False)
        self.advice_text.anchorClicked.connect(self._on_advice_link)
        self.advice_text.setMinimumHeight(120)

        for label in (self._tally_label, self._failing_label, self._advice_label):
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self._plan_label)
        layout.addWidget(self._meta_label)
        layout.addSpacing(4)
        layout.addWidget(self._outcome_frame)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self._progress_label)
        progress_row.addWidget(self._progress, 1)
        progress_row.addStretch(0)
        layout.addLayout(progress_row)
        layout.addSpacing(6)
        layout.addWidget(self._tally_label)
        layout.addWidget(self._tally)
        layout.addSpacing(6)
        lists = QHBoxLayout()
        lists.setSpacing(16)
        failing_column = QVBoxLayout()
        failing_column.addWidget(self._failing_label)
        failing_column.addWidget(self._failing, 1)
        advice_column = QVBoxLayout()
        advice_column.addWidget(self._advice_label)
        advice_column.addWidget(self.advice_text, 1)
        lists.addLayout(failing_column, 2)
        lists.addLayout(advice_column, 3)
        layout.addLayout(lists, 1)

        notifier.changed.connect(self.retranslate)
        self.retranslate()
        self.set_session(None)

    # ------------------------------------------------------------ public API
    @property
    def session(self) -> ReviewSession | None:
        return self._session

    @property
    def outcome(self) -> Outcome | None:
        """The outcome currently shown."""
        return self._outcome

    @property
    def advice(self) -> Advice | None:
        """The letter's conditions and recommendations currently shown."""
        return self._advice

    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.planChanged.disconnect(self._schedule)
            self._session.assessmentChanged.disconnect(self._schedule)
            self._session.outcomeChoiceChanged.disconnect(self._schedule)
        self._session = session
        if session is not None:
            session.planChanged.connect(self._schedule)
            session.assessmentChanged.connect(self._schedule)
            session.outcomeChoiceChanged.connect(self._schedule)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Recompute and redraw now (otherwise done once after a burst of changes)."""
        self._timer.stop()
        session = self._session
        self._advice = build_advice(session.review) if session is not None else None
        self._outcome = self._advice.outcome if self._advice is not None else None
        self._tally_model.set_outcome(self._outcome)
        self._draw()

    def _schedule(self, _criterion_id: str = "") -> None:
        self._timer.start()

    # ------------------------------------------------------------ drawing
    def _draw(self) -> None:
        lang = current_lang()
        outcome = self._outcome
        session = self._session
        self._tally_label.setText(self.tr("Per section"))
        if session is None or outcome is None:
            self._plan_label.setText(self.tr("No review open"))
            self._meta_label.setText("")
            self._outcome_frame.hide()
            self._progress_label.setText("")
            self._progress.setRange(0, 1)
            self._progress.setValue(0)
            self._failing_label.setText("")
            self._failing.clear()
            self._failing.hide()
            self._advice_label.setText("")
            self.advice_text.clear()
            self.advice_text.hide()
            self._fit_tally()
            return
        review = session.review
        self._plan_label.setText(review.plan.identity.name)
        meta = [self.tr("Perspective: {0}").format(review.perspective.label.get(lang))]
        if review.reviewer.name:
            who = review.reviewer.name
            # an empty role is the default one, said in the interface language
            role = review.reviewer.role or current_organisation().role(review.perspective, lang)
            if role:
                who += f" ({role})"
            meta.append(self.tr("Reviewer: {0}").format(who))
        meta.append(
            self.tr("Checklist: {0}, version {1}").format(
                review.checklist.title.get(lang), review.checklist.version
            )
        )
        if review.checklist.profile is not None:
            meta.append(self.tr("Profile: {0}").format(review.checklist.profile.title.get(lang)))
        self._meta_label.setText("   ·   ".join(meta))

        colour = OUTCOME_COLOURS[outcome.result]
        self._outcome_frame.show()
        background = tint(colour, 22).name(QColor.NameFormat.HexArgb)
        self._outcome_frame.setStyleSheet(
            f"QFrame#outcomeFrame {{ border: 1px solid {colour}; border-left: 6px solid {colour};"
            f" border-radius: 4px; background: {background}; }}"
        )
        self._badge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; font-weight: bold;"
            " border-radius: 3px; padding: 4px 10px; }"
        )
        self._badge.setText(outcome_word(outcome.result))
        self._outcome_text.setText(outcome.text.get(lang))
        self._draw_choice(outcome)

        self._progress_label.setText(
            self.tr("{0} of {1} applicable criteria assessed").format(
                outcome.assessed, outcome.applicable
            )
        )
        self._progress.setRange(0, max(outcome.applicable, 1))
        self._progress.setValue(outcome.assessed)

        failing = outcome.failing_requirements
        self._failing_label.setText(self.tr("Requirements not met ({0})").format(len(failing)))
        self._failing.show()
        self._failing.clear()
        for criterion in failing:
            item = QListWidgetItem(
                icons.verdict_icon(Verdict.FAILS), f"{criterion.id}   {criterion.title.get(lang)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            evidence = review.assessments[criterion.id].evidence
            failing_evidence = [e.text.get(lang) for e in evidence if e.verdict is Verdict.FAILS]
            tip = "\n".join(failing_evidence) or criterion.guidance.get(lang)
            item.setToolTip(tip + "\n\n" + self.tr("Click to open this criterion."))
            self._failing.addItem(item)
        if not failing:
            item = QListWidgetItem(self.tr("None: every requirement is met or not yet assessed."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QColor(MUTED))
            self._failing.addItem(item)
        self._draw_advice()
        self._fit_tally()

    def _draw_choice(self, outcome: Outcome) -> None:
        """The proposal and the adviser's choice with its reason, when they differ."""
        chosen = outcome.is_chosen and outcome.proposed is not None
        self._choice_text.setVisible(chosen)
        self.proposal_button.setVisible(chosen)
        self.choose_button.setText(
            self.tr("Choose another outcome…") if not chosen else self.tr("Change the choice…")
        )
        if chosen:
            assert outcome.proposed is not None
            self._choice_text.setText(
                self.tr("Proposed by the checklist: <b>{0}</b>").format(
                    escape(outcome_label(outcome.proposed))
                )
                + "<br>"
                + self.tr("Chosen by the adviser: <b>{0}</b>, because: {1}").format(
                    escape(outcome_label(outcome.result)),
                    escape(outcome.reason).replace("\n", "<br>"),
                )
            )

    def _item_html(self, item: AdviceItem, condition: bool) -> str:
        lang = current_lang()
        text = escape(item.text(lang)).replace("\n", "<br>")
        details = []
        if item.actor:
            details.append(self.tr("who: {0}").format(escape(item.actor)))
        if item.due_stage is not None:
            stage = VALUE_LABELS[item.due_stage.value].get(lang)
            details.append(self.tr("by stage: {0}").format(escape(stage)))  # type: ignore[arg-type]
        cid = item.criterion.id
        link = f'<a href="criterion:{escape(cid)}">{escape(cid)}</a>'
        detail = f" — {'; '.join(details)}" if details else ""
        if condition and not details:
            detail = " — " + escape(self.tr("who acts and by which stage not given"))
        return f"<li>{text}{detail} <span style='color:{MUTED}'>({link})</span></li>"

    def _draw_advice(self) -> None:
        advice = self._advice
        if advice is None:
            return
        self.advice_text.show()
        self._advice_label.setText(
            self.tr("In the letter — conditions: {0}, recommendations: {1}").format(
                len(advice.conditions), len(advice.recommendations)
            )
        )
        parts = []
        for title, items, condition in (
            (self.tr("Conditions"), advice.conditions, True),
            (self.tr("Recommendations"), advice.recommendations, False),
        ):
            parts.append(f"<h4>{escape(title)}</h4>")
            if items:
                rows = "".join(self._item_html(item, condition) for item in items)
                parts.append(f"<ol>{rows}</ol>")
            else:
                parts.append(f"<p style='color:{MUTED}'>{escape(self.tr('None.'))}</p>")
        position = self.advice_text.verticalScrollBar().value()
        self.advice_text.setHtml("".join(parts))
        self.advice_text.verticalScrollBar().setValue(position)

    def _on_advice_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("criterion:"):
            self.criterionActivated.emit(target.removeprefix("criterion:"))

    # ------------------------------------------------------------ the adviser's outcome
    @Slot()
    def choose_outcome(self) -> bool:
        """Ask which outcome instead of the proposed one, and why; an empty reason is
        refused with a message and nothing changes."""
        session, outcome = self._session, self._outcome
        if session is None or outcome is None:
            return False
        choices = [r for r in CHOOSABLE if r is not outcome.result]
        index = dialogs.ask_choice(
            self,
            self.tr("Choose another outcome"),
            self.tr("Proposed by the checklist: {0}. Which outcome do you advise?").format(
                outcome_label(outcome.proposed or outcome.result)
            ),
            [outcome_label(r) for r in choices],
        )
        if index is None:
            return False
        result = choices[index]
        if result is outcome.proposed:
            session.use_proposed_outcome()
            return True
        reason = dialogs.ask_text(
            self,
            self.tr("Reason for another outcome"),
            self.tr(
                "Why do you advise “{0}” instead of “{1}”? The letter prints the reason."
            ).format(outcome_label(result), outcome_label(outcome.proposed or outcome.result)),
            outcome.reason,
        )
        if reason is None:
            return False
        if not reason.strip():
            dialogs.show_error(
                self,
                self.tr("Outcome not changed"),
                self.tr("Another outcome than the proposed one needs a written reason."),
            )
            return False
        try:
            session.choose_outcome(result, reason.strip())
        except FactError as exc:
            dialogs.show_error(self, self.tr("Outcome not changed"), str(exc))
            return False
        return True

    @Slot()
    def use_proposal(self) -> None:
        if self._session is not None:
            self._session.use_proposed_outcome()

    def _fit_tally(self) -> None:
        """Columns as wide as their contents, the bar takes the rest; no scrolling."""
        header = self._tally.horizontalHeader()
        last = self._tally_model.columnCount() - 1
        for col in range(last):
            self._tally.resizeColumnToContents(col)
            low = 120 if col == 0 else 56
            header.resizeSection(col, max(header.sectionSize(col) + 10, low))
        rows = self._tally_model.rowCount()
        height = max(header.height(), header.sizeHint().height())
        for row in range(rows):
            height += self._tally.rowHeight(row)
        self._tally.setFixedHeight(height + 2 * self._tally.frameWidth() + 2)

    def _on_failing_item(self, item: QListWidgetItem) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid:
            self.criterionActivated.emit(cid)

    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        self._tally_model.retranslate()
        self.proposal_button.setText(self.tr("Back to the proposal"))
        self.proposal_button.setToolTip(
            self.tr("Use the outcome the checklist's rules propose again")
        )
        self._draw()
