"""The register's statistics in the app: outcomes per period (stacked bars) and the
criteria that fail most often (bars of their share), drawn with QPainter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.outcome import OUTCOME_COLOURS
from reviewer.domain.statistics import Statistics
from reviewer.storage.register import Register, RegisterError

OUTCOMES = (
    OutcomeResult.POSITIVE,
    OutcomeResult.CONDITIONAL,
    OutcomeResult.NEGATIVE,
    OutcomeResult.INCOMPLETE,
)
FAIL_COLOUR = "#c62828"
ROW = 22


class BarChart(QWidget):
    """Horizontal bars: stacked outcome counts per row, or one share (0..1) per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Mapping[str, int]]] = []
        self.shares: list[tuple[str, float, str]] = []
        self.lang = "nl"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_outcomes(self, rows: Sequence[tuple[str, Mapping[str, int]]], lang: str) -> None:
        self.rows, self.shares, self.lang = list(rows), [], lang
        self.setFixedHeight(max(1, len(self.rows)) * ROW + ROW + 8)
        self.update()

    def set_shares(self, rows: Sequence[tuple[str, float, str]]) -> None:
        self.rows, self.shares = [], list(rows)
        self.setFixedHeight(max(1, len(self.shares)) * ROW + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        width = self.width()
        labels = [r[0] for r in self.rows] or [r[0] for r in self.shares]
        label_w = min(
            max((metrics.horizontalAdvance(t) for t in labels), default=0) + 12,
            int(width * (0.55 if self.shares else 0.3)),
        )
        figure_w = 56
        bar_w = max(10, width - label_w - figure_w)
        text = self.palette().windowText().color()
        if self.rows:
            top = max((sum(c.values()) for _, c in self.rows), default=0) or 1
            for i, (label, counts) in enumerate(self.rows):
                y = i * ROW + 4
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, y, label_w - 8, ROW - 4),
                    Qt.AlignmentFlag.AlignVCenter,
                    metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8),
                )
                x = float(label_w)
                for outcome in OUTCOMES:
                    n = counts.get(outcome.value, 0)
                    if not n:
                        continue
                    w = bar_w * n / top
                    painter.fillRect(QRectF(x, y + 3, w, ROW - 8), QColor(OUTCOME_COLOURS[outcome]))
                    x += w
                painter.drawText(
                    QRectF(width - figure_w, y, figure_w, ROW - 4),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    str(sum(counts.values())),
                )
            x, y = 0.0, len(self.rows) * ROW + 6
            for outcome in OUTCOMES:
                name = outcome.label.get(self.lang)  # type: ignore[arg-type]
                painter.fillRect(QRectF(x, y + 5, 10, 10), QColor(OUTCOME_COLOURS[outcome]))
                painter.setPen(text)
                painter.drawText(
                    QRectF(x + 14, y, 400, ROW - 2), Qt.AlignmentFlag.AlignVCenter, name
                )
                x += 14 + metrics.horizontalAdvance(name) + 18
        for i, (label, share, figure) in enumerate(self.shares):
            y = i * ROW + 4
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_w - 8, ROW - 4),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8),
            )
            painter.setPen(QColor("#d5d8dc"))
            painter.drawRect(QRectF(label_w, y + 3, bar_w, ROW - 8))
            painter.fillRect(
                QRectF(label_w, y + 3, bar_w * max(0.0, min(share, 1.0)), ROW - 8),
                QColor(FAIL_COLOUR),
            )
            painter.setPen(text)
            painter.drawText(
                QRectF(width - figure_w, y, figure_w, ROW - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                figure,
            )
        painter.end()


class StatisticsView(QWidget):
    """Period choice, outcomes per period, outcomes per municipality, failing criteria."""

    def __init__(self, register: Register, lang: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.lang = lang
        self.stats: Statistics | None = None
        self.period = QComboBox(self)
        for key, text in (
            ("month", self.tr("Per month")),
            ("quarter", self.tr("Per quarter")),
            ("year", self.tr("Per year")),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.periods_title = QLabel(self)
        self.per_period = BarChart(self)
        self.municipalities_title = QLabel(self)
        self.per_municipality = BarChart(self)
        self.failing_title = QLabel(self)
        self.failing = BarChart(self)
        for title in (self.periods_title, self.municipalities_title, self.failing_title):
            title.setStyleSheet("font-weight: bold; margin-top: 10px;")
            title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        top.addWidget(self.summary, 1)
        body = QWidget(self)
        column = QVBoxLayout(body)
        for widget in (
            self.periods_title,
            self.per_period,
            self.municipalities_title,
            self.per_municipality,
            self.failing_title,
            self.failing,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.period.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)

    def refresh(self) -> None:
        try:
            stats = self.register.statistics(period=str(self.period.currentData()), top=15)
        except RegisterError as exc:
            self.summary.setText(self.tr("The statistics cannot be read: {0}").format(str(exc)))
            return
        self.stats = stats
        self.summary.setText(self.tr("%n review(s)", "", stats.reviews))
        self.periods_title.setText(self.tr("Outcomes per period"))
        self.per_period.set_outcomes(list(stats.by_period().items()), self.lang)
        self.municipalities_title.setText(self.tr("Outcomes per municipality"))
        unknown = self.tr("(unknown)")
        self.per_municipality.set_outcomes(
            [(m or unknown, c) for m, c in list(stats.by_municipality().items())[:20]], self.lang
        )
        self.failing_title.setText(
            self.tr("Criteria failed most often (share of the reviews that judged them)")
        )
        self.failing.set_shares(
            [
                (
                    f"{f.criterion_id}  {f.title_nl if self.lang == 'nl' else f.title_en}",
                    f.share,
                    f"{f.fails}/{f.assessed}",
                )
                for f in stats.failing
            ]
        )
