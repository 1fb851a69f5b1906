"""The main window: navigator on the left; criterion, plan and summary views on the right.

One document at a time: a review, or a workshop (two reviews of one plan side by side,
shown by the workshop view instead of the review views). Menus and shortcuts make a
whole checklist doable from the keyboard: F3 / Ctrl+Return goes to the next criterion
without a verdict, 1–4 give a verdict (focus then lands in the notes), Alt+Up / Alt+Down
step through the list. In a workshop the same keys walk the open differences and give
the agreed verdict.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPalette,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.domain.compare import ComparisonError, compare_revisions
from reviewer.domain.review import Review
from reviewer.domain.verdict import Verdict
from reviewer.paths import EXAMPLE_REVIEW, EXAMPLES
from reviewer.storage.container import DocumentFileError
from reviewer.storage.ownership import (
    FileClaim,
    Fingerprint,
    LockedError,
    acquire_lock,
    read_owner,
    same_file,
)
from reviewer.storage.review_file import ReviewDocument, load_review
from reviewer.storage.workshop_file import WorkshopDocument, load_workshop
from reviewer.ui import dialogs, export, icons
from reviewer.ui.autosave import AutosaveManager, Recovery, leftover_recoveries, local_time
from reviewer.ui.i18n import LANG_NAMES, current_lang, notifier, set_language
from reviewer.ui.review.criterion_panel import CriterionPanel
from reviewer.ui.review.navigator import Navigator
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.verdict_style import VERDICT_KEYS
from reviewer.ui.workshop import dialogs as workshop_dialogs
from reviewer.ui.workshop import export as workshop_export
from reviewer.ui.workshop.session import WorkshopSession, workshop_from_files
from reviewer.ui.workshop.view import WorkshopView, workshop_icon

APP_NAME = "Safety & Cohesion Reviewer"
# the example workshop: the bundled safety and cohesion reviews of one plan
EXAMPLE_WORKSHOP = (
    EXAMPLES / "galerijflat-veiligheid.review",
    EXAMPLES / "galerijflat-cohesie.review",
)
MAX_RECENT = 8
DOCUMENT_SUFFIXES = (".review", ".workshop")
DEFAULT_SIZE = QSize(1280, 800)
NAVIGATOR_SHARE = 0.32


# ---------------------------------------------------------------- the other engineer's parts
# Imported when first needed: the app starts faster, and a missing module shows a
# placeholder instead of stopping the app.


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def free_name(path: Path) -> Path:
    """`plan.review` → `plan (2).review` (or the first number not taken)."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def ask_new_review(parent: QWidget | None) -> Review | None:
    """The New Review dialog (reviewer.ui.review.new_review_dialog); tests replace this."""
    if not _module_exists("reviewer.ui.review.new_review_dialog"):
        dialogs.show_error(
            parent,
            QCoreApplication.translate("MainWindow", "New review"),
            QCoreApplication.translate(
                "MainWindow", "Starting a new review is not available in this version."
            ),
        )
        return None
    module = importlib.import_module("reviewer.ui.review.new_review_dialog")
    return module.ask_new_review(parent)


class Placeholder(QWidget):
    """Stands in for a view whose module is not there (yet)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def set_session(self, session: ReviewSession | None) -> None:
        pass


def make_plan_panel(parent: QWidget) -> QWidget:
    if not _module_exists("reviewer.ui.review.plan_panel"):
        return Placeholder(
            QCoreApplication.translate("MainWindow", "The plan view is not available yet."),
            parent,
        )
    module = importlib.import_module("reviewer.ui.review.plan_panel")
    return module.PlanPanel(parent)


def make_summary_view(parent: QWidget) -> QWidget:
    if not _module_exists("reviewer.ui.review.summary_view"):
        return Placeholder(
            QCoreApplication.translate("MainWindow", "The summary is not available yet."),
            parent,
        )
    module = importlib.import_module("reviewer.ui.review.summary_view")
    return module.SummaryView(parent)


def make_drawing_view(parent: QWidget) -> QWidget:
    module = importlib.import_module("reviewer.ui.drawings.view")
    return module.DrawingView(parent)


class LazyPage(QWidget):
    """A tab page whose widget is made the first time it is shown (or asked for)."""

    created = Signal(QWidget)

    def __init__(
        self, factory: Callable[[QWidget], QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._widget: QWidget | None = None
        self._session: ReviewSession | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_created(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._factory(self)
            self.layout().addWidget(self._widget)
            self._widget.set_session(self._session)  # type: ignore[attr-defined]
            self.created.emit(self._widget)
        return self._widget

    def set_session(self, session: ReviewSession | None) -> None:
        self._session = session
        if self._widget is not None:
            self._widget.set_session(session)  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        self.widget()
        super().showEvent(event)


# ---------------------------------------------------------------- start page


class StartPage(QWidget):
    """Shown when nothing is open: start or open a review or a workshop, or an example."""

    openRecent = Signal(Path)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
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
        for button in (
            self.new_button,
            self.open_button,
            self.example_button,
            self.new_workshop_button,
            self.example_workshop_button,
        ):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(38)
        self.new_button.clicked.connect(window.new_review)
        self.open_button.clicked.connect(window.open_dialog)
        self.example_button.clicked.connect(window.open_example)
        self.new_workshop_button.clicked.connect(window.new_workshop)
        self.example_workshop_button.clicked.connect(window.open_example_workshop)
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
        self.example_button.setEnabled(EXAMPLE_REVIEW.exists())
        self.workshop_label.setText(
            self.tr(
                "Joint workshop: put the safety review and the cohesion review of one plan "
                "side by side, discuss where they differ and record what you agree on."
            )
        )
        self.new_workshop_button.setText(self.tr("New workshop…"))
        self.example_workshop_button.setText(self.tr("Try the example workshop"))
        available = all(p.exists() for p in EXAMPLE_WORKSHOP)
        self.example_workshop_button.setEnabled(available)
        self.example_workshop_button.setToolTip(
            "" if available else self.tr("The example reviews for the workshop are not installed.")
        )
        self.recent_label.setText(self.tr("Recent reviews"))

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


# ---------------------------------------------------------------- main window


class MainWindow(QMainWindow):
    """The application window; holds at most one open document: a review (a
    `ReviewSession`) or a workshop (a `WorkshopSession`)."""

    sessionChanged = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        remember: bool = True,
        autosave: bool = True,
    ) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.workshop: WorkshopSession | None = None
        self._workshop_view: WorkshopView | None = None  # made when first needed
        self.revision_dialog: QWidget | None = None
        self._remember = remember
        self._export_job: export.ReportJob | None = None
        self.setWindowIcon(icons.icon("app"))
        self.setAcceptDrops(True)

        self.undo_group = QUndoGroup(self)
        self.autosave = AutosaveManager(self)
        self.autosave.failed.connect(self._autosave_failed)
        self._autosave_enabled = autosave

        self.navigator = Navigator(self)
        self.navigator.currentCriterionChanged.connect(self._criterion_changed)
        self.criterion_panel = CriterionPanel(self)
        self.criterion_panel.pinActivated.connect(self.show_pin)
        self.plan_page = LazyPage(make_plan_panel, self)
        self.summary_page = LazyPage(make_summary_view, self)
        self.plan_page.created.connect(self._page_created)
        self.summary_page.created.connect(self._page_created)
        self.drawing_page = LazyPage(make_drawing_view, self)
        self.drawing_page.created.connect(self._page_created)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.criterion_panel, "")
        self.tabs.addTab(self.plan_page, "")
        self.tabs.addTab(self.summary_page, "")
        self.tabs.addTab(self.drawing_page, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        # extra width goes one third to the list, two thirds to the views
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.navigator.setMinimumWidth(260)

        self.start_page = StartPage(self)
        self.start_page.openRecent.connect(self.open_file)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)

        self._create_actions()
        self._create_menus()
        self.retranslate()
        notifier.changed.connect(self.retranslate)

        self.resize(DEFAULT_SIZE)
        self.splitter.setSizes(
            [
                int(DEFAULT_SIZE.width() * NAVIGATOR_SHARE),
                int(DEFAULT_SIZE.width() * (1 - NAVIGATOR_SHARE)),
            ]
        )
        if remember:
            self._restore_settings()
        self._update_state()

    # ------------------------------------------------------------ actions and menus
    def _action(
        self,
        icon: str | None,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence | str] | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(self)
        if icon:
            action.setIcon(icons.icon(icon))
        if isinstance(shortcuts, QKeySequence.StandardKey):
            action.setShortcuts(shortcuts)
        elif shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("new", self.new_review, key.New)
        self.new_workshop_action = self._action(None, self.new_workshop, ["Ctrl+Shift+W"])
        self.new_workshop_action.setIcon(workshop_icon())
        self.open_action = self._action("open", self.open_dialog, key.Open)
        self.save_action = self._action("save", self.save, key.Save)
        self.save_as_action = self._action(None, self.save_as, key.SaveAs)
        self.export_action = self._action("export-pdf", self.export_pdf, ["Ctrl+E"])
        self.close_action = self._action(None, self.close_document, key.Close)
        self.quit_action = self._action(None, self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action, self.redo_action = self._make_undo_actions()

        self.next_unassessed_action = self._action(
            "next-unassessed", self.go_next_unassessed, ["F3", "Ctrl+Return"]
        )
        self.previous_action = self._action(
            "previous", lambda: self.go_step(-1), ["Alt+Up", "Ctrl+PgUp"]
        )
        self.next_action = self._action(
            "next", lambda: self.go_step(1), ["Alt+Down", "Ctrl+PgDown"]
        )
        self.verdict_actions: dict[Verdict, QAction] = {}
        for verdict, shortcut in VERDICT_KEYS.items():
            action = self._action(None, lambda v=verdict: self.give_verdict(v), [shortcut])
            action.setIcon(icons.verdict_icon(verdict))
            self.verdict_actions[verdict] = action
        self.clear_verdict_action = self._action(
            None, lambda: self.give_verdict(Verdict.NOT_ASSESSED), ["0"]
        )
        self.notes_action = self._action(None, self._focus_notes, ["Ctrl+Shift+N"])
        self.add_photos_action = self._action(
            "add-photo", self.criterion_panel.add_photos_from_dialog, ["Ctrl+Shift+P"]
        )
        self.find_action = self._action("search", self.navigator.focus_search, None)
        self.find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))

        self.view_group = QActionGroup(self)
        self.view_actions: list[QAction] = []
        for index in range(4):
            action = self._action(None, lambda i=index: self.show_view(i), [f"Ctrl+{index + 1}"])
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.view_actions.append(action)
        self.view_actions[0].setChecked(True)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANG_NAMES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, code=lang: self.set_ui_language(code))
            self.language_group.addAction(action)
            self.language_actions[lang] = action

        self.example_action = self._action("example", self.open_example, None)
        self.example_workshop_action = self._action("example", self.open_example_workshop, None)
        self.compare_revision_action = self._action(None, self.compare_revision, None)
        self.about_action = self._action("about", self.show_about, None)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_undo_actions(self) -> tuple[QAction, QAction]:
        """Undo/Redo from the undo group, labelled in the current language."""
        undo = self.undo_group.createUndoAction(self, self.tr("Undo"))
        undo.setIcon(icons.icon("undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.setIconText(self.tr("Undo"))
        redo = self.undo_group.createRedoAction(self, self.tr("Redo"))
        redo.setIcon(icons.icon("redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        redo.setIconText(self.tr("Redo"))
        return undo, redo

    def _retranslate_undo_actions(self) -> None:
        old = (self.undo_action, self.redo_action)
        new = self._make_undo_actions()
        for before, after in zip(old, new, strict=True):
            for widget in (self.edit_menu, self.toolbar):
                widget.insertAction(before, after)
                widget.removeAction(before)
            before.deleteLater()
        self.undo_action, self.redo_action = new

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for item in (self.new_action, self.new_workshop_action, self.open_action):
            self.file_menu.addAction(item)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        for item in (self.save_action, self.save_as_action):
            self.file_menu.addAction(item)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.review_menu = bar.addMenu("")
        self.review_menu.addAction(self.next_unassessed_action)
        self.review_menu.addAction(self.previous_action)
        self.review_menu.addAction(self.next_action)
        self.review_menu.addSeparator()
        for action in self.verdict_actions.values():
            self.review_menu.addAction(action)
        self.review_menu.addAction(self.clear_verdict_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.notes_action)
        self.review_menu.addAction(self.add_photos_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.compare_revision_action)

        # filled with the workshop view's actions when it is made; shown with a workshop
        self.workshop_menu = bar.addMenu("")
        self.workshop_menu.menuAction().setVisible(False)

        self.view_menu = bar.addMenu("")
        for action in self.view_actions:
            self.view_menu.addAction(action)

        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.example_action)
        self.help_menu.addAction(self.example_workshop_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (self.new_action, self.open_action, self.save_action):
            self.toolbar.addAction(item)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.next_unassessed_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_action)
        self.addToolBar(self.toolbar)

    def retranslate(self, *_: object) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.review_menu.setTitle(self.tr("&Review"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.new_action.setText(self.tr("&New Review…"))
        self.new_action.setToolTip(self.tr("Start a review of a plan (Ctrl+N)"))
        self.new_action.setIconText(self.tr("New"))
        self.new_workshop_action.setText(self.tr("New &Workshop…"))
        self.new_workshop_action.setToolTip(
            self.tr("Compare two reviews of one plan in a joint workshop (Ctrl+Shift+W)")
        )
        self.open_action.setText(self.tr("&Open…"))
        self.open_action.setIconText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Open a review or a workshop (Ctrl+O)"))
        self.save_action.setText(self.tr("&Save"))
        self.save_action.setIconText(self.tr("Save"))
        self.save_action.setToolTip(self.tr("Save the review (Ctrl+S)"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.export_action.setText(self.tr("&Export PDF Report…"))
        self.export_action.setIconText(self.tr("Export PDF"))
        self.close_action.setText(
            self.tr("&Close Workshop") if self.workshop else self.tr("&Close Review")
        )
        self.quit_action.setText(self.tr("&Quit"))
        self._retranslate_undo_actions()
        self.find_action.setText(self.tr("&Find Criterion"))
        self.next_unassessed_action.setText(self.tr("&Next Unassessed"))
        self.next_unassessed_action.setIconText(self.tr("Next unassessed"))
        self.next_unassessed_action.setToolTip(
            self.tr("Go to the next criterion without a verdict (F3 or Ctrl+Return)")
        )
        self.previous_action.setText(self.tr("&Previous Criterion"))
        self.next_action.setText(self.tr("Ne&xt Criterion"))
        lang = current_lang()
        for verdict, action in self.verdict_actions.items():
            label = verdict.label.get(lang)
            action.setText(self.tr("Verdict: {0}").format(label))
        self.clear_verdict_action.setText(self.tr("Clear Verdict"))
        self.notes_action.setText(self.tr("Go to &Notes"))
        self.add_photos_action.setText(self.tr("Add &Photos…"))
        for action, text in zip(
            self.view_actions,
            (self.tr("&Criterion"), self.tr("&Plan"), self.tr("&Summary"), self.tr("&Drawings")),
            strict=True,
        ):
            action.setText(text)
        self.tabs.setTabText(0, self.tr("Criterion"))
        self.tabs.setTabText(1, self.tr("Plan"))
        self.tabs.setTabText(2, self.tr("Summary"))
        self.tabs.setTabText(3, self.tr("Drawings"))
        self.example_action.setText(self.tr("Open the &Example"))
        self.example_workshop_action.setText(self.tr("Open the Example &Workshop"))
        self.compare_revision_action.setText(self.tr("Compare with an Earlier &Revision…"))
        self.compare_revision_action.setToolTip(
            self.tr("What was resolved, what is new and what is still open since a revision")
        )
        self.workshop_menu.setTitle(self.tr("&Workshop"))
        self.about_action.setText(self.tr("&About"))
        for code, action in self.language_actions.items():
            action.setChecked(code == current_lang())
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.start_page.retranslate()
        self._update_export_action()
        self._update_title()
        self._update_status()

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        if not self._remember:
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())

    def recent_files(self) -> list[Path]:
        value = QSettings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value or [] if v]

    def add_recent(self, path: Path) -> None:
        if self._is_bundled(path):
            return
        path = path.resolve()
        paths = [p for p in self.recent_files() if p != path]
        paths.insert(0, path)
        QSettings().setValue("recentFiles", [str(p) for p in paths[:MAX_RECENT]])
        self.start_page.set_recent(self.recent_files())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("No recent reviews"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the List"))
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        QSettings().setValue("recentFiles", [])
        self.start_page.set_recent([])

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None, recovery: Recovery | None = None) -> None:
        """Show `session` (None: the start page). The caller has dealt with unsaved changes.

        Whatever was open (a review or a workshop) is let go of.
        """
        self._release_workshop()
        self._close_revision_dialog()
        old = self.session
        if old is not None:
            old.modifiedChanged.disconnect(self._update_state)
            old.pathChanged.disconnect(self._update_state)
            old.assessmentChanged.disconnect(self._update_status)
            self.undo_group.removeStack(old.undo_stack)
            self._release_claim(old)
        self.session = session
        if session is not None:
            session.setParent(self)
            self.undo_group.addStack(session.undo_stack)
            self.undo_group.setActiveStack(session.undo_stack)
            session.modifiedChanged.connect(self._update_state)
            session.pathChanged.connect(self._update_state)
            session.assessmentChanged.connect(self._update_status)
        self.navigator.set_session(session)
        self.criterion_panel.set_session(session)
        self.plan_page.set_session(session)
        self.summary_page.set_session(session)
        self.drawing_page.set_session(session)
        if self._autosave_enabled:
            self.autosave.track(session, recovery)
        elif recovery is not None:
            recovery.release()
        if old is not None:
            old.setParent(None)
            old.deleteLater()
        self.stack.setCurrentWidget(self.splitter if session else self.start_page)
        if session is not None:
            self._select_start_criterion()
            self.navigator.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_state()
        self.sessionChanged.emit()

    # ------------------------------------------------------------ workshop
    @property
    def document(self) -> ReviewSession | WorkshopSession | None:
        """The open document: a review or a workshop (or None)."""
        return self.session if self.session is not None else self.workshop

    @property
    def workshop_view(self) -> WorkshopView:
        """The workshop view, made the first time it is needed (the app starts faster)."""
        if self._workshop_view is None:
            view = WorkshopView(self)
            view.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            for action in view.actions_for_menu():
                if action is None:
                    self.workshop_menu.addSeparator()
                else:
                    self.workshop_menu.addAction(action)
            self.toolbar.insertAction(self.next_unassessed_action, view.next_open_action)
            self.stack.addWidget(view)
            self._workshop_view = view
        return self._workshop_view

    def set_workshop(
        self, workshop: WorkshopSession | None, recovery: Recovery | None = None
    ) -> None:
        """Show `workshop` in the workshop view (None: the start page). The caller has dealt
        with unsaved changes; whatever was open is let go of."""
        self.set_session(None)
        self.workshop = workshop
        view = self.workshop_view
        if workshop is not None:
            workshop.setParent(self)
            self.undo_group.addStack(workshop.undo_stack)
            self.undo_group.setActiveStack(workshop.undo_stack)
            workshop.modifiedChanged.connect(self._update_state)
            workshop.pathChanged.connect(self._update_state)
            workshop.detailsChanged.connect(self._update_title)
        view.set_session(workshop)
        if self._autosave_enabled:
            self.autosave.track(workshop, recovery)
        elif recovery is not None:
            recovery.release()
        self.stack.setCurrentWidget(view if workshop is not None else self.start_page)
        if workshop is not None:
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_state()
        self.sessionChanged.emit()

    def _release_workshop(self) -> None:
        old = self.workshop
        if old is None:
            return
        old.modifiedChanged.disconnect(self._update_state)
        old.pathChanged.disconnect(self._update_state)
        old.detailsChanged.disconnect(self._update_title)
        self.undo_group.removeStack(old.undo_stack)
        self._release_claim(old)
        self.workshop = None
        if self._workshop_view is not None:
            self._workshop_view.set_session(None)
        old.setParent(None)
        old.deleteLater()

    def _select_start_criterion(self) -> None:
        assert self.session is not None
        review = self.session.review
        for criterion in review.criteria():
            if (
                review.in_scope(criterion)
                and not review.assessments[criterion.id].verdict.is_assessed
            ):
                self.navigator.select(criterion.id)
                return
        criteria = review.criteria()
        if criteria:
            self.navigator.select(criteria[0].id)

    def _page_created(self, widget: QWidget) -> None:
        signal = getattr(widget, "criterionActivated", None)
        if signal is not None:
            signal.connect(self.show_criterion)
        selected = getattr(widget, "criterionSelected", None)
        if selected is not None:
            selected.connect(self.navigator.select)
            widget.set_criterion(self.navigator.current_id() or "")  # type: ignore[attr-defined]

    def show_criterion(self, criterion_id: str) -> None:
        """Go to a criterion (from the plan or the summary): criterion view, list, panel."""
        if self.session is None:
            return
        self.show_view(0)
        if self.navigator.select(criterion_id):
            self.navigator.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_pin(self, number: int) -> None:
        """Show a pin on its drawing, in the Drawings tab."""
        self.show_view(3)
        self.drawing_page.widget().show_pin(number)  # type: ignore[attr-defined]

    def _criterion_changed(self, criterion_id: str) -> None:
        self.criterion_panel.set_criterion(criterion_id)
        if self.drawing_page.is_created:
            self.drawing_page.widget().set_criterion(criterion_id)  # type: ignore[attr-defined]
        self._update_verdict_actions()

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.view_actions):
            self.view_actions[index].setChecked(True)
        self._update_verdict_actions()

    def show_view(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def _update_state(self, *_: object) -> None:
        review = self.session is not None
        workshop = self.workshop is not None
        for action in (self.save_action, self.save_as_action, self.close_action):
            action.setEnabled(review or workshop)
        for action in (
            self.next_unassessed_action,
            self.previous_action,
            self.next_action,
            self.find_action,
            self.compare_revision_action,
            *self.view_actions,
        ):
            action.setEnabled(review)
        # a workshop has its own menu and keys; the review's are out of the way meanwhile
        self.review_menu.menuAction().setVisible(not workshop)
        self.view_menu.menuAction().setVisible(not workshop)
        self.workshop_menu.menuAction().setVisible(workshop)
        self.next_unassessed_action.setVisible(not workshop)
        if self._workshop_view is not None:
            self._workshop_view.next_open_action.setVisible(workshop)
        self.close_action.setText(
            self.tr("&Close Workshop") if workshop else self.tr("&Close Review")
        )
        self.example_workshop_action.setEnabled(all(p.exists() for p in EXAMPLE_WORKSHOP))
        self._update_export_action()
        self._update_verdict_actions()
        self._update_title()
        self._update_status()
        if not review and not workshop:
            self.start_page.set_recent(self.recent_files())

    def _update_verdict_actions(self) -> None:
        enabled = (
            self.session is not None
            and self.tabs.currentIndex() == 0
            and self.criterion_panel.criterion_id is not None
        )
        for action in (
            *self.verdict_actions.values(),
            self.clear_verdict_action,
            self.notes_action,
            self.add_photos_action,
        ):
            action.setEnabled(enabled)

    def _update_export_action(self) -> None:
        if self.workshop is not None:
            available = export.report_function(workshop_export.WORKSHOP_FUNCTION)
            self.export_action.setEnabled(available is not None)
            self.export_action.setToolTip(
                self.tr("Export the workshop report as a PDF (Ctrl+E)")
                if available is not None
                else self.tr("The workshop report is not available in this version.")
            )
            return
        available = export.report_available()
        self.export_action.setEnabled(available and self.session is not None)
        if available:
            self.export_action.setToolTip(self.tr("Export the assessment as a PDF report (Ctrl+E)"))
        else:
            self.export_action.setToolTip(
                self.tr("The PDF report is not available: the report module is not installed.")
            )

    def _update_title(self, *_: object) -> None:
        document = self.document
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        name = document.display_name()
        if document.claim is not None and document.claim.read_only:
            name = self.tr("{0} (read-only)").format(name)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(document.is_modified)

    def _update_status(self, *_: object) -> None:
        lang = current_lang()
        if self.workshop is not None:
            workshop = self.workshop.workshop
            parts = [self.tr("Workshop")]
            for letter, review in (("A", workshop.review_a), ("B", workshop.review_b)):
                side = f"{letter}: {review.perspective.label.get(lang)}"
                if review.reviewer.name:
                    side += f" ({review.reviewer.name})"
                parts.append(side)
            checklist = workshop.review_a.checklist
            parts.append(f"{checklist.title.get(lang)} {checklist.version}")
            self.status_label.setText("  ·  ".join(parts))
            return
        if self.session is None:
            self.status_label.setText("")
            return
        review = self.session.review
        parts = [self.tr("{0} review").format(review.perspective.label.get(lang))]
        if review.reviewer.name:
            parts.append(review.reviewer.name)
        parts.append(f"{review.checklist.title.get(lang)} {review.checklist.version}")
        self.status_label.setText("  ·  ".join(parts))

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {0}").format(message), 10_000)

    # ------------------------------------------------------------ guided flow
    def go_next_unassessed(self) -> None:
        if self.session is None:
            return
        self.show_view(0)
        if self.navigator.next_unassessed() is None:
            self.statusBar().showMessage(
                self.tr("Every applicable criterion in the list has a verdict."), 6000
            )
        self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_step(self, delta: int) -> None:
        if self.session is None:
            return
        self.show_view(0)
        self.navigator.step(delta)
        self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def give_verdict(self, verdict: Verdict) -> None:
        if self.session is None or self.tabs.currentIndex() != 0:
            return
        self.criterion_panel.choose_verdict(verdict)

    def _focus_notes(self) -> None:
        self.show_view(0)
        self.criterion_panel.focus_notes()

    # ------------------------------------------------------------ documents
    @staticmethod
    def _is_bundled(path: Path) -> bool:
        try:
            return path.resolve().is_relative_to(EXAMPLES.resolve())
        except OSError:
            return False

    def maybe_save(self) -> bool:
        """Deal with unsaved changes before they would be lost; False: the user cancelled."""
        document = self.document
        if document is None or not document.is_modified:
            return True
        choice = dialogs.ask_save_changes(self, document.display_name())
        if choice == "cancel":
            return False
        if choice == "save":
            return self.save()
        return True

    def _load(self, path: Path) -> ReviewDocument | None:
        try:
            return load_review(path)
        except Exception as exc:  # DocumentFileError, OSError, or a defect in a loader
            self._open_error(self.tr("The review cannot be opened"), exc, path)
        return None

    def _open_error(self, title: str, exc: Exception, path: Path) -> None:
        """Say why a file did not open; a defect in a loader is a message too, never an
        exit (a damaged last-opened file must not stop the app at every start)."""
        if isinstance(exc, DocumentFileError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = self.tr("Cannot open {0}: {1}").format(path.name, exc.strerror or exc)
        else:
            message = self.tr("Cannot open {0}: it is damaged or not a file of this app ({1}).")
            message = message.format(path.name, type(exc).__name__)
        dialogs.show_error(self, title, message)

    # ------------------------------------------------------------ who owns the file
    def _ask_lock(self, path: Path) -> str | None:
        """Before opening `path`: "lock" it, open it "read_only", "take_over" somebody's
        lock, or None when the person cancels."""
        owner = read_owner(path)
        if owner is None or owner.this_process or owner.is_stale:
            return "lock"
        who = self.tr("{0} on {1}").format(owner.user, owner.host)
        choice = dialogs.ask_locked(
            self, path.name, who, local_time(owner.since), not owner.on_this_host
        )
        return None if choice == "cancel" else choice

    def _claim(self, path: Path, fingerprint: Fingerprint | None, how: str) -> FileClaim:
        """Lock `path` for the document opened from it (as `_ask_lock` decided)."""
        if how == "read_only":
            return FileClaim(path, None, fingerprint, read_only=True)
        try:
            lock = acquire_lock(path, take_over=how == "take_over")
        except LockedError as exc:  # somebody opened it in the meantime
            self.statusBar().showMessage(
                self.tr("{0} was opened read-only: {1} has just opened it.").format(
                    path.name, exc.owner.user
                ),
                10_000,
            )
            return FileClaim(path, None, fingerprint, read_only=True)
        return FileClaim(path, lock, fingerprint)

    def _opened_message(self, path: Path, claim: FileClaim | None) -> None:
        message = self.tr("Opened {0}").format(path.name)
        if claim is not None and claim.lock is not None and claim.lock.took_over is not None:
            took = self.tr("Took over the lock {0} left on {1}.")
            message += " — " + took.format(claim.lock.took_over.user, path.name)
        self.statusBar().showMessage(message, 8000)

    @staticmethod
    def _release_claim(document: ReviewSession | WorkshopSession) -> None:
        if document.claim is not None:
            document.claim.release()

    def _recovery_for(self, path: Path) -> Recovery | None:
        """A recovery a crash left of the file at `path`, locked for this window."""
        found = None
        for recovery in leftover_recoveries(self.autosave.folder):
            if found is None and recovery.original and same_file(recovery.original, path):
                found = recovery
            else:
                recovery.release()
        return found

    def _recovery_note(self, recovery: Recovery) -> str:
        """How a recovery copy relates to its file on disk: which is newer, with dates."""
        if recovery.original is None:
            return ""
        disk = Fingerprint.of_file(recovery.original)
        if disk is None:
            return ""
        if self._recovery_base(recovery, recovery.original) != disk:
            return self.tr(
                "The file on disk is newer: it was saved {0}, after this copy. Recovering "
                "brings back the older work; save it under another name to keep both."
            ).format(local_time(disk.modified))
        return self.tr("The file on disk was last saved {0}, before this copy.").format(
            local_time(disk.modified)
        )

    def _offer(self, recovery: Recovery) -> str:
        return dialogs.ask_recover(
            self,
            recovery.name,
            str(recovery.original or ""),
            recovery.when(),
            self._recovery_note(recovery),
        )

    def _discard_older_recoveries(self, path: Path) -> None:
        """`path` was just saved: a crash's copy of it from before then is superseded."""
        for recovery in leftover_recoveries(self.autosave.folder):
            if recovery.original and same_file(recovery.original, path):
                recovery.discard()
            else:
                recovery.release()

    def open_file(self, path: Path | str) -> bool:
        """Open a .review or .workshop file; on any problem say why and keep what was open.

        A crash's recovery copy of the file is offered first, whichever way the file is
        opened; a file open elsewhere can be opened read-only."""
        path = Path(path)
        recovery = None if self._is_bundled(path) else self._recovery_for(path)
        if recovery is not None:
            choice = self._offer(recovery)
            if choice == "recover":
                if not self.maybe_save():
                    recovery.release()
                    return False
                return self.recover(recovery)
            if choice == "discard":
                recovery.discard()
            else:
                recovery.release()
        if path.suffix.lower() == ".workshop":
            return self.open_workshop_file(path)
        fingerprint = Fingerprint.of_file(path)  # before loading: a later change is caught
        document = self._load(path)
        if document is None:
            return False
        how = "copy" if self._is_bundled(path) else self._ask_lock(path)
        if how is None or not self.maybe_save():
            return False
        if how == "copy":
            session = ReviewSession(document, None)  # a bundled example opens as a copy
        else:
            session = ReviewSession(document, path)
            session.claim = self._claim(path, fingerprint, how)
            self.add_recent(path)
        self.set_session(session)
        self._opened_message(path, session.claim)
        return True

    def open_dialog(self) -> None:
        document = self.document
        start = str(document.path.parent) if document and document.path else ""
        if not start and self.recent_files():
            start = str(self.recent_files()[0].parent)
        path = dialogs.ask_open_path(self, start)
        if path is not None:
            self.open_file(path)

    def open_example(self) -> bool:
        if not EXAMPLE_REVIEW.exists():
            dialogs.show_error(
                self,
                self.tr("No example"),
                self.tr("The example review is not installed ({0}).").format(EXAMPLE_REVIEW),
            )
            return False
        return self.open_file(EXAMPLE_REVIEW)

    def new_review(self) -> bool:
        if not self.maybe_save():
            return False
        review = ask_new_review(self)
        if review is None:
            return False
        session = ReviewSession(ReviewDocument(review), None)
        session.undo_stack.resetClean()  # never saved: closing asks
        self.set_session(session)
        return True

    # ------------------------------------------------------------ workshops
    def _workshop_error(self, title: str, exc: Exception, path: Path | None = None) -> None:
        if isinstance(exc, OSError):
            name = path.name if path else ""
            message = self.tr("Cannot open {0}: {1}").format(name, exc.strerror or exc)
        else:
            message = str(exc)
        dialogs.show_error(self, title, message)

    def open_workshop_file(self, path: Path) -> bool:
        """Open a .workshop file; on any problem say why and keep what was open."""
        fingerprint = Fingerprint.of_file(path)
        try:
            document = load_workshop(path)
        except Exception as exc:
            self._open_error(self.tr("The workshop cannot be opened"), exc, path)
            return False
        how = "copy" if self._is_bundled(path) else self._ask_lock(path)
        if how is None or not self.maybe_save():
            return False
        if how == "copy":
            workshop = WorkshopSession(document, None)
        else:
            workshop = WorkshopSession(document, path)
            workshop.claim = self._claim(path, fingerprint, how)
            self.add_recent(path)
        self.set_workshop(workshop)
        self._opened_message(path, workshop.claim)
        return True

    def _workshop_from(self, a: Path, b: Path) -> WorkshopDocument | None:
        """Two reviews put side by side; says why not (different plans, a bad file)."""
        try:
            document, warnings = workshop_from_files(a, b)
        except ComparisonError as exc:
            dialogs.show_error(
                self,
                self.tr("These reviews cannot be compared"),
                self.tr(
                    "A workshop compares two reviews of the same plan, and {0} and {1} are "
                    "reviews of different plans.\n\n{2}"
                ).format(a.name, b.name, str(exc)[:1].upper() + str(exc)[1:] + "."),
            )
            return None
        except (DocumentFileError, OSError) as exc:
            self._workshop_error(self.tr("The review cannot be opened"), exc, a)
            return None
        if warnings:
            dialogs.show_info(
                self,
                self.tr("Check the checklists"),
                self.tr(
                    "The two reviews can be compared, but note:\n\n{0}\n\nThe workshop "
                    "view shows this warning too."
                ).format("\n".join(f"• {w.get(current_lang())}" for w in warnings)),
            )
        return document

    def new_workshop(self) -> bool:
        """Ask for two .review files of one plan and put them side by side."""
        start = ""
        if self.document is not None and self.document.path is not None:
            start = str(self.document.path.parent)
        elif self.recent_files():
            start = str(self.recent_files()[0].parent)
        pair = workshop_dialogs.ask_review_pair(self, start)
        if pair is None:
            return False
        document = self._workshop_from(*pair)
        if document is None or not self.maybe_save():
            return False
        workshop = WorkshopSession(document, None)
        workshop.undo_stack.resetClean()  # never saved: closing asks
        self.set_workshop(workshop)
        return True

    def open_example_workshop(self) -> bool:
        """The bundled safety and cohesion reviews of one plan, as an unsaved workshop."""
        missing = [p for p in EXAMPLE_WORKSHOP if not p.exists()]
        if missing:
            dialogs.show_error(
                self,
                self.tr("No example"),
                self.tr("The example review is not installed ({0}).").format(missing[0]),
            )
            return False
        document = self._workshop_from(*EXAMPLE_WORKSHOP)
        if document is None or not self.maybe_save():
            return False
        self.set_workshop(WorkshopSession(document, None))
        self.statusBar().showMessage(
            self.tr("The example workshop: press F3 for the next open difference."), 8000
        )
        return True

    # ------------------------------------------------------------ revisions
    def compare_revision(self, path: Path | None = None) -> bool:
        """Compare the open review with the review of an earlier revision of the plan
        (or with `path`: the version somebody else saved of the same file)."""
        if self.session is None:
            return False
        start = str(self.session.path.parent) if self.session.path else ""
        path = path or workshop_dialogs.ask_earlier_revision(self, start)
        if path is None:
            return False
        old = self._load(path)
        if old is None:
            return False
        try:
            items, warnings = compare_revisions(old.review, self.session.review)
        except ComparisonError as exc:
            dialogs.show_error(
                self,
                self.tr("These reviews cannot be compared"),
                self.tr("A revision comparison needs two reviews of the same plan.\n\n{0}").format(
                    str(exc)[:1].upper() + str(exc)[1:] + "."
                ),
            )
            return False
        from reviewer.ui.workshop.revision import RevisionDialog

        self._close_revision_dialog()
        dialog = RevisionDialog(self, old.review, self.session.review, items, warnings, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.criterionActivated.connect(self.show_criterion)
        old_document = export.snapshot(old)
        dialog.exportRequested.connect(lambda: self._export_revision(old_document))
        dialog.set_export_available(
            export.report_function(workshop_export.REVISION_FUNCTION) is not None
        )
        self.revision_dialog = dialog
        dialog.destroyed.connect(self._revision_dialog_gone)
        dialog.show()
        return True

    def _revision_dialog_gone(self) -> None:
        self.revision_dialog = None

    def _close_revision_dialog(self) -> None:
        dialog, self.revision_dialog = self.revision_dialog, None
        if dialog is not None:
            dialog.close()

    def _export_revision(self, old: ReviewDocument) -> None:
        function = export.report_function(workshop_export.REVISION_FUNCTION)
        if function is None or self.session is None or self._export_job is not None:
            return
        new = export.snapshot(self.session.document)
        stem = self._file_stem(new.review.plan.identity.name, "review")
        folder = self.session.path.parent if self.session.path else Path.home()
        out = dialogs.ask_export_path(self, str(folder / f"{stem} revisions.pdf"))
        if out is None:
            return
        lang = current_lang()

        def make(progress: export.Progress) -> object:
            return function(old, new, out, lang=lang, progress=progress)

        self._start_report(export.ReportJob(self, make, out))

    def recover(self, recovery: Recovery) -> bool:
        """Open an autosaved copy; it stays unsaved, and Save writes to the original file."""
        try:
            document = recovery.load()
        except DocumentFileError as exc:
            dialogs.show_error(self, self.tr("The changes cannot be recovered"), str(exc))
            recovery.discard()
            return False
        original = recovery.original
        if original is not None and self._is_bundled(original):
            original = None
        claim = None
        if original is not None:
            how = self._ask_lock(original)
            if how is None:
                recovery.release()
                return False
            claim = self._claim(original, self._recovery_base(recovery, original), how)
        if isinstance(document, WorkshopDocument):
            workshop = WorkshopSession(document, original)
            workshop.claim = claim
            workshop.undo_stack.resetClean()
            self.set_workshop(workshop, recovery)
            return True
        session = ReviewSession(document, original)
        session.claim = claim
        session.undo_stack.resetClean()
        self.set_session(session, recovery)
        return True

    @staticmethod
    def _recovery_base(recovery: Recovery, original: Path) -> Fingerprint | None:
        """The version of `original` the recovered work started from, so that saving
        over a newer version is refused. An old recovery that did not record it counts
        the file as changed when it was saved after the copy was made."""
        if recovery.base is not None:
            return recovery.base
        disk = Fingerprint.of_file(original)
        if (
            disk is not None
            and recovery.saved is not None
            and disk.modified > recovery.saved + timedelta(seconds=1)  # saved to the second
        ):
            return Fingerprint(-1, -1, "0" * 64)  # matches no file: any save conflicts
        return disk

    def offer_recovery(self) -> bool:
        """Offer every recovery file a crash left behind; True if one was opened."""
        opened = False
        for recovery in leftover_recoveries(self.autosave.folder):
            if opened:
                recovery.release()
                continue
            choice = self._offer(recovery)
            if choice == "recover":
                opened = self.recover(recovery)
            elif choice == "discard":
                recovery.discard()
            else:
                recovery.release()
        return opened

    def save(self) -> bool:
        document = self.document
        if document is None:
            return False
        if document.path is None or self._is_bundled(document.path):
            return self.save_as()
        if document.claim is not None and document.claim.read_only:
            self.statusBar().showMessage(
                self.tr("{0} is open read-only: save your version under another name.").format(
                    document.path.name
                ),
                8000,
            )
            return self.save_as()
        return self._save_to(document.path)

    @staticmethod
    def _file_stem(name: str, fallback: str) -> str:
        return (
            "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip() or fallback
        )

    def save_as(self, *, suggest_new_name: bool = False) -> bool:
        if self.workshop is not None:
            return self._save_workshop_as(suggest_new_name=suggest_new_name)
        if self.session is None:
            return False
        if self.session.path is not None and not self._is_bundled(self.session.path):
            suggested = str(free_name(self.session.path) if suggest_new_name else self.session.path)
        else:
            folder = self.recent_files()[0].parent if self.recent_files() else Path.home()
            stem = (
                "".join(
                    ch if ch.isalnum() or ch in " -_" else "-"
                    for ch in self.session.review.plan.identity.name
                ).strip()
                or "review"
            )
            suggested = str(folder / f"{stem}.review")
        path = dialogs.ask_save_path(self, suggested)
        if path is None:
            return False
        return self._save_to(path)

    def _save_workshop_as(self, *, suggest_new_name: bool = False) -> bool:
        assert self.workshop is not None
        path = self.workshop.path
        if path is not None and not self._is_bundled(path):
            suggested = str(free_name(path) if suggest_new_name else path)
        else:
            folder = self.recent_files()[0].parent if self.recent_files() else Path.home()
            stem = self._file_stem(self.workshop.workshop.title, "workshop")
            suggested = str(folder / f"{stem}.workshop")
        target = workshop_dialogs.ask_workshop_save_path(self, suggested)
        if target is None:
            return False
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        """Write the document to `path`, never over somebody else's work: a file that
        changed on disk since it was opened, or that another app has open, is refused."""
        document = self.document
        assert document is not None
        title = (
            self.tr("The workshop was not saved")
            if self.workshop is not None
            else self.tr("The review was not saved")
        )
        claim = document.claim
        same = claim is not None and same_file(path, claim.path)
        if same and claim is not None and claim.read_only:
            dialogs.show_error(
                self,
                title,
                self.tr(
                    "{0} is open read-only because someone else has it open. Save your "
                    "version under another name."
                ).format(path.name),
            )
            return False
        if same and claim is not None:
            changed = claim.conflict()
            if changed is not None:
                return self._save_conflict(path, changed)
        owner = None if same else read_owner(path)
        if owner is not None and not owner.this_process and not owner.is_stale:
            dialogs.show_error(
                self,
                title,
                self.tr(
                    "{0} is open by {1} on {2}; saving over it would lose their changes. "
                    "Choose another name."
                ).format(path.name, owner.user, owner.host),
            )
            return False
        try:
            data = document.save(path)
        except (DocumentFileError, OSError) as exc:
            message = str(exc) if isinstance(exc, DocumentFileError) else (exc.strerror or str(exc))
            dialogs.show_error(self, title, message)
            return False
        if not same:  # a new name: lock it, let go of the old one
            if claim is not None:
                claim.release()
            claim = document.claim = self._claim(path, None, "lock")
            self._update_title()
        assert claim is not None
        claim.saved(data)
        self._discard_older_recoveries(path)
        self.add_recent(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 4000)
        return True

    def _save_conflict(self, path: Path, changed: Fingerprint) -> bool:
        """The file was saved by someone else after it was opened here: not over it."""
        choice = dialogs.ask_conflict(
            self, path.name, local_time(changed.modified), self.session is not None
        )
        if choice == "save_as":
            return self.save_as(suggest_new_name=True)
        if choice == "compare":
            self.compare_revision(path)
        return False

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_session(None)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self._export_job is not None:
            self._export_job.wait()
        self.save_settings()
        self.autosave.discard()
        if self.document is not None:
            self._release_claim(self.document)
        event.accept()

    # ------------------------------------------------------------ export
    def export_pdf(self) -> None:
        if self._export_job is not None:
            return
        if self.workshop is not None:
            self._export_workshop()
            return
        if self.session is None or not export.report_available():
            return
        if self.session.path is not None and not self._is_bundled(self.session.path):
            suggested = self.session.path.with_suffix(".pdf")
        else:
            suggested = Path.home() / f"{self.session.review.plan.identity.name}.pdf"
        out = dialogs.ask_export_path(self, str(suggested))
        if out is None:
            return
        self._start_report(export.review_job(self, self.session.document, out, current_lang()))

    def _export_done(self) -> None:
        self._export_job = None

    def _start_report(self, job: export.ReportJob) -> None:
        job.destroyed.connect(self._export_done)
        job.finished.connect(
            lambda path: self.statusBar().showMessage(self.tr("Exported {0}").format(path.name))
        )
        self._export_job = job
        job.start()

    def _export_workshop(self) -> None:
        assert self.workshop is not None
        if export.report_function(workshop_export.WORKSHOP_FUNCTION) is None:
            return
        path = self.workshop.path
        if path is not None and not self._is_bundled(path):
            suggested = path.with_suffix(".pdf")
        else:
            stem = self._file_stem(self.workshop.workshop.title, "workshop")
            suggested = Path.home() / f"{stem}.pdf"
        out = dialogs.ask_export_path(self, str(suggested))
        if out is None:
            return
        self._start_report(
            workshop_export.workshop_job(self, self.workshop.document, out, current_lang())
        )

    # ------------------------------------------------------------ language, help
    def set_ui_language(self, lang: str) -> None:
        set_language(lang)
        if self._remember:
            QSettings().setValue("language", lang)

    def show_about(self) -> None:
        dialogs.show_about(
            self,
            self.tr("About {0}").format(APP_NAME),
            self.tr(
                "<h3>{0}</h3><p>Version {1}</p>"
                "<p>Review a building plan against the combined Safety &amp; Cohesion "
                "checklist, from the safety or the cohesion perspective, and export the "
                "assessment as a PDF report.</p>"
                "<p>For police building-plan advisers, architects and planners.</p>"
            ).format(APP_NAME.replace("&", "&amp;"), __version__),
        )

    # ------------------------------------------------------------ drop a review file
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and u.toLocalFile().endswith(DOCUMENT_SUFFIXES) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().endswith(DOCUMENT_SUFFIXES):
                event.acceptProposedAction()
                self.open_file(Path(url.toLocalFile()))
                return
        event.ignore()

    def open_url(self, url: QUrl) -> None:  # pragma: no cover - convenience
        dialogs.open_url(url)
