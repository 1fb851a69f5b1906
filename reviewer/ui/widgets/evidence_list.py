"""The rule's finding per plan element, as the criterion panel and the workshop show it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from reviewer.domain.review import Assessment
from reviewer.ui import icons
from reviewer.ui.widgets.verdict_style import set_text_colour, text_colour


class EvidenceList(QWidget):
    """The rule's finding per plan element: a coloured dot, the element and the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(2, 1)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []

    def set_evidence(self, assessment: Assessment, lang: str) -> None:
        evidence = assessment.evidence
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
