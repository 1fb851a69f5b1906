"""The questions a workshop and a revision comparison ask, as small functions tests replace.

Like `reviewer.ui.dialogs`: the rest of the UI calls them through the module
(`workshop_dialogs.ask_review_pair(...)`), so a test does
`monkeypatch.setattr(workshop_dialogs, "ask_review_pair", ...)` and never sees a modal
dialog. No logic here beyond building the dialog and reading the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.review import Participant
from reviewer.domain.text import MAX_NAME_CHARS, MAX_TEXT_CHARS
from reviewer.ui import dialogs

if TYPE_CHECKING:  # the workshop's domain and file are imported when a workshop is made
    from reviewer.domain.compare import IdentityDifference
    from reviewer.storage.workshop_file import WorkshopDocument


def _pick_review(parent: QWidget | None, title: str, directory: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, directory, dialogs.review_filter())
    return Path(name) if name else None


class NewWorkshopDialog(QDialog):
    """Two .review files of the same plan: the safety review and the cohesion review."""

    def __init__(
        self,
        parent: QWidget | None = None,
        directory: str = "",
        *,
        current: Path | None = None,
        perspective: str = "",
    ) -> None:
        """`current`: the review that is open, filled in as A, or as B when its
        `perspective` is cohesion (the side the safety review does not take)."""
        super().__init__(parent)
        self._directory = directory
        self.setWindowTitle(self.tr("New workshop"))
        intro = QLabel(
            self.tr(
                "A workshop puts two reviews of the same plan side by side, usually the "
                "safety review and the cohesion review, to compare them and agree on "
                "what the plan should change."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edits: list[QLineEdit] = []
        grid = QGridLayout()
        for row, caption in enumerate((self.tr("Review &A:"), self.tr("Review &B:"))):
            label = QLabel(caption, self)
            edit = QLineEdit(self)
            edit.setMinimumWidth(420)
            edit.setPlaceholderText(self.tr("a .review file"))
            edit.textChanged.connect(self._update)
            label.setBuddy(edit)
            browse = QPushButton(self.tr("Choose…"), self)
            browse.clicked.connect(lambda _c=False, e=edit: self._browse(e))
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(browse, row, 2)
            self.edits.append(edit)
        hint = QLabel(
            self.tr("The safety review becomes A, whichever order you choose them in."),
            self,
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        if current is not None:
            side = 1 if perspective == "cohesion" else 0
            self.edits[side].setText(str(current))
            self.edits[1 - side].setFocus(Qt.FocusReason.OtherFocusReason)  # the other one
        self._update()

    def _browse(self, edit: QLineEdit) -> None:
        start = str(Path(edit.text()).parent) if edit.text() else self._directory
        path = _pick_review(self, self.tr("Choose a review"), start)
        if path is not None:
            edit.setText(str(path))
            self._directory = str(path.parent)

    def paths(self) -> tuple[Path, Path] | None:
        a, b = (Path(e.text().strip()) for e in self.edits)
        if not all(e.text().strip() for e in self.edits) or not a.is_file() or not b.is_file():
            return None
        return a, b

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.paths() is not None)


ATTENDEE_FIELDS = ("name", "role", "organisation")


class AttendanceDialog(QDialog):
    """Who attended the workshop (name, role, organisation), and remarks on attendance."""

    def __init__(
        self, parent: QWidget | None, attendees: list[Participant], remarks: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance"))
        intro = QLabel(
            self.tr(
                "Who attended the workshop. The report lists them on its first page, with "
                "the chair."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(ATTENDEE_FIELDS), self)
        self.table.setObjectName("attendees")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Organisation")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumSize(560, 220)
        for attendee in attendees:
            self.add_row(attendee)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(lambda: self.add_row(Participant(), edit=True))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        remarks_label = QLabel(self.tr("R&emarks:"), self)
        self.remarks = QLineEdit(remarks, self)
        self.remarks.setMaxLength(MAX_TEXT_CHARS)
        self.remarks.setPlaceholderText(self.tr("e.g. sent apologies: …"))
        remarks_label.setBuddy(self.remarks)
        remarks_row = QHBoxLayout()
        remarks_row.addWidget(remarks_label)
        remarks_row.addWidget(self.remarks, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(remarks_row)
        layout.addWidget(self.buttons)

    def add_row(self, attendee: Participant, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(ATTENDEE_FIELDS):
            self.table.setItem(row, column, QTableWidgetItem(getattr(attendee, field)))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def attendees(self) -> list[Participant]:
        """The rows with anything in them, each text cut to what a name may hold."""
        out = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, field in enumerate(ATTENDEE_FIELDS):
                item = self.table.item(row, column)
                values[field] = " ".join((item.text() if item else "").split())[:MAX_NAME_CHARS]
            if any(values.values()):
                out.append(Participant(**values))
        return out


def ask_attendance(
    parent: QWidget | None, attendees: list[Participant], remarks: str = ""
) -> tuple[list[Participant], str] | None:
    """The attendance list and the remarks on it; None when cancelled."""
    dialog = AttendanceDialog(parent, attendees, remarks)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.attendees(), dialog.remarks.text()


def ask_review_pair(
    parent: QWidget | None,
    directory: str = "",
    *,
    current: Path | None = None,
    perspective: str = "",
) -> tuple[Path, Path] | None:
    """Two .review files to compare in a new workshop, starting from `current` (the open
    review, of `perspective`) when given; None when cancelled."""
    dialog = NewWorkshopDialog(parent, directory, current=current, perspective=perspective)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.paths()


def ask_workshop_save_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    title = QCoreApplication.translate("workshop_dialogs", "Save workshop as")
    workshops = (
        QCoreApplication.translate("workshop_dialogs", "Workshops (*.workshop)")
        + ";;"
        + QCoreApplication.translate("workshop_dialogs", "All files (*)")
    )
    return dialogs.ask_save_file(parent, title, suggested, workshops, ".workshop")


def ask_earlier_revision(parent: QWidget | None, directory: str = "") -> Path | None:
    """The review of an earlier revision of the open plan; None when cancelled."""
    title = QCoreApplication.translate("workshop_dialogs", "Compare with an earlier revision")
    return _pick_review(parent, title, directory)


def _identity_question(a: Path, b: Path, differences: tuple[IdentityDifference, ...]) -> str:
    """Which of name, address and municipality differ, with both values, in the
    interface's language."""
    fields = {
        "name": QCoreApplication.translate("workshop_dialogs", "name"),
        "address": QCoreApplication.translate("workshop_dialogs", "address"),
        "municipality": QCoreApplication.translate("workshop_dialogs", "municipality"),
    }
    empty = QCoreApplication.translate("workshop_dialogs", "(empty)")
    lines = [
        "• "
        + QCoreApplication.translate("workshop_dialogs", "{0}: “{1}” and “{2}”").format(
            fields[d.field], d.a.strip() or empty, d.b.strip() or empty
        )
        for d in differences
    ]
    return (
        QCoreApplication.translate(
            "workshop_dialogs", "{0} and {1} name the plan differently:"
        ).format(a.name, b.name)
        + "\n"
        + "\n".join(lines)
    )


def workshop_from_pair(
    parent: QWidget, a: Path, b: Path, cannot_open: Callable[[Exception, Path], None]
) -> WorkshopDocument | None:
    """Two reviews put side by side; says why not (a bad file), or what to check
    (different checklist versions). Reviews that name the plan differently (name,
    address, municipality) are compared when the person confirms they are of one plan."""
    from reviewer.domain.compare import ComparisonError, DifferentPlansError, identity_warning
    from reviewer.ui.i18n import current_lang
    from reviewer.ui.workshop.session import workshop_from_files

    try:
        try:
            document, warnings = workshop_from_files(a, b)
        except DifferentPlansError as exc:
            if not dialogs.ask_confirm(
                parent,
                QCoreApplication.translate(
                    "workshop_dialogs", "The reviews name the plan differently"
                ),
                _identity_question(a, b, exc.differences),
                QCoreApplication.translate(
                    "workshop_dialogs",
                    "A workshop compares two reviews of the same plan. Compare them anyway "
                    "only if they are of the same plan, for instance when one of them has "
                    "a typing error; the workshop and its report then say how the plan is "
                    "named on each side.",
                ),
                QCoreApplication.translate("workshop_dialogs", "Compare Anyway"),
            ):
                return None
            document, warnings = workshop_from_files(a, b, same_plan_confirmed=True)
            # what the person just confirmed needs no second dialog
            confirmed = identity_warning(exc.differences)
            warnings = [w for w in warnings if w != confirmed]
    except ComparisonError as exc:  # pragma: no cover - only different plans refuse today
        dialogs.show_error(
            parent,
            QCoreApplication.translate("MainWindow", "These reviews cannot be compared"),
            QCoreApplication.translate(
                "workshop_dialogs", "A workshop compares two reviews of the same plan."
            ),
            str(exc),
        )
        return None
    except Exception as exc:  # DocumentFileError, OSError, a defect in a loader
        cannot_open(exc, a)
        return None
    if warnings:
        dialogs.show_info(
            parent,
            QCoreApplication.translate("MainWindow", "Check before comparing"),
            QCoreApplication.translate(
                "MainWindow",
                "The two reviews can be compared, but note:\n\n{0}\n\nThe workshop "
                "view shows this warning too.",
            ).format("\n".join(f"• {w.get(current_lang())}" for w in warnings)),
        )
    return document
