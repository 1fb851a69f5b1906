"""The rule's finding per plan element, as the criterion panel and the workshop show it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from reviewer.domain.review import Assessment
from reviewer.domain.verdict import Verdict
from reviewer.ui import icons
from reviewer.ui.widgets.verdict_style import set_text_colour, text_colour

MAX_ROWS = 60  # elements shown; a district plan's rule can have thousands
_FIRST = {Verdict.FAILS: 0, Verdict.PARTLY: 1, Verdict.NOT_ASSESSED: 2}


class EvidenceList(QWidget):
    """The rule's finding per plan element: a coloured dot, the element and the reason.

    At most MAX_ROWS elements, as labels (selectable, wrapped); beyond that the ones that
    fail come first and a line says how many more the Plan tab lists, so opening a
    criterion of a plan with thousands of elements makes no thousands of widgets.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(2, 1)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self._more = QLabel(self)
        self._more.setObjectName("evidenceMore")
        self._more.setWordWrap(True)
        self._more.hide()
        self._grid.addWidget(self._more, MAX_ROWS + 1, 0, 1, 3)

    def set_evidence(self, assessment: Assessment, lang: str) -> None:
        evidence = list(assessment.evidence)
        more = len(evidence) - MAX_ROWS
        if more > 0:  # the findings first (a stable sort: in plan order within each)
            evidence = sorted(evidence, key=lambda e: _FIRST.get(e.verdict, 3))[:MAX_ROWS]
            self._more.setText(
                self.tr("… and {0} more elements; the Plan tab lists them all.").format(more)
            )
        self._more.setVisible(more > 0)
        while len(self._rows) < len(evidence):
            dot, element, text = QLabel(self), QLabel(self), QLabel(self)
            for label in (element, text):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            bold = element.font()
            bold.setBold(True)
            element.setFont(bold)
            row = len(self._rows)
            self._grid.addWidget(dot, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(element, row, 1, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(text, row, 2)
            self._rows.append((dot, element, text))
        for i, (dot, element, text) in enumerate(self._rows):
            visible = i < len(evidence)
            for widget in (dot, element, text):
                widget.setVisible(visible)
            if not visible:
                continue
            ev = evidence[i]
            size = element.fontMetrics().height()
            dot.setPixmap(icons.verdict_icon(ev.verdict).pixmap(QSize(size, size)))
            dot.setToolTip(ev.verdict.label.get(lang))  # type: ignore[arg-type]
            element.setText(ev.element)
            set_text_colour(element, text_colour(ev.verdict))
            text.setText(ev.text.get(lang))  # type: ignore[arg-type]
