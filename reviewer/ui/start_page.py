"""The start page: shown when nothing is open. Start or open a review or a workshop,
try an example, or open a recent file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import icons
from reviewer.ui.icons import workshop_icon

APP_NAME = "Safety & Cohesion Reviewer"


class StartPage(QWidget):
    """Shown when nothing is open: start or open a review or a workshop, or an example."""

    openRecent = Signal(Path)

    newReview = Signal()
    openReview = Signal()
    openExample = Signal()
    newWorkshop = Signal()
    openExampleWorkshop = Signal()
    openRegister = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(APP_NAME, self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.new_button = QPushButton(icons.icon("new"), "", self)
        self.open_button = QPushButton(icons.icon("open"), "", self)
        self.example_button = QPushButton(icons.icon("example"), "", self)
        self.workshop_label = QLabel(self)
        self.workshop_label.setWordWrap(True)
        self.new_workshop_button = QPushButton(workshop_icon(), "", self)
        self.example_workshop_button = QPushButton(icons.icon("example"), "", self)
        self.register_button = QPushButton(icons.icon("open"), "", self)
        for button in (
            self.new_button,
            self.open_button,
            self.example_button,
            self.new_workshop_button,
            self.example_workshop_button,
            self.register_button,
        ):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(38)
        self.new_button.clicked.connect(self.newReview)
        self.open_button.clicked.connect(self.openReview)
        self.example_button.clicked.connect(self.openExample)
        self.new_workshop_button.clicked.connect(self.newWorkshop)
        self.example_workshop_button.clicked.connect(self.openExampleWorkshop)
        self.register_button.clicked.connect(self.openRegister)
        self.examples = (True, True)  # the example review, the example workshop: installed
        self.recent_label = QLabel(self)
        self.recent = QListWidget(self)
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.itemActivated.connect(
            lambda item: self.openRecent.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.register_button)  # the unit's reviews: opened like a file
        buttons.addStretch(1)
        workshop_buttons = QHBoxLayout()
        workshop_buttons.addWidget(self.new_workshop_button)
        workshop_buttons.addWidget(self.example_workshop_button)
        workshop_buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(self.workshop_label)
        column.addSpacing(4)
        column.addLayout(workshop_buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(1)
        box = QWidget(self)
        box.setLayout(column)
        box.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)

    def retranslate(self) -> None:
        self.subtitle.setText(
            self.tr(
                "Review a building plan against the combined Safety & Cohesion checklist: "
                "give each criterion a verdict, note what you see and what should change, "
                "and export the assessment as a PDF report."
            )
        )
        self.new_button.setText(self.tr("New review…"))
        self.open_button.setText(self.tr("Open review…"))
        self.example_button.setText(self.tr("Open the example"))
        review_example, workshop_example = self.examples
        self.example_button.setEnabled(review_example)
        self.workshop_label.setText(
            self.tr(
                "Joint workshop: put the safety review and the cohesion review of one plan "
                "side by side, discuss where they differ and record what you agree on."
            )
        )
        self.new_workshop_button.setText(self.tr("New workshop…"))
        self.example_workshop_button.setText(self.tr("Try the example workshop"))
        self.example_workshop_button.setEnabled(workshop_example)
        self.example_workshop_button.setToolTip(
            ""
            if workshop_example
            else self.tr("The example reviews for the workshop are not installed.")
        )
        self.recent_label.setText(self.tr("Recent reviews"))
        self.register_button.setText(self.tr("Register…"))
        self.register_button.setToolTip(
            self.tr("Search the reviews of your unit in the register (Ctrl+R)")
        )

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            icon = workshop_icon() if path.suffix == ".workshop" else icons.icon("open")
            item = QListWidgetItem(icon, f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
        if paths:  # as tall as its rows: no empty box below them
            rows = self.recent.sizeHintForRow(0) * len(paths)
            self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)
