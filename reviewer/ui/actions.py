"""The main window's actions, menus and toolbar, and their texts in both languages.

`WindowActions` builds them on the window (as `window.save_action`, `window.file_menu`,
…) with the window's methods as their slots, retranslates them when the language
changes, and enables and shows them for what the window has open (`update_state`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from reviewer.domain.verdict import Verdict
from reviewer.ui import export, icons
from reviewer.ui.i18n import LANG_NAMES, current_lang
from reviewer.ui.icons import workshop_icon
from reviewer.ui.widgets.verdict_style import VERDICT_KEYS

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow


class WindowActions(QObject):
    """Every action of the main window, its menus and its toolbar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._create_actions()
        self._create_menus()

    def _action(
        self,
        icon: str | None,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence | str] | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(self.window)  # the window's: its shortcuts work wherever focus is
        if icon:
            action.setIcon(icons.icon(icon))
        if isinstance(shortcuts, QKeySequence.StandardKey):
            action.setShortcuts(shortcuts)
        elif shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        w = self.window
        key = QKeySequence.StandardKey
        w.new_action = self._action("new", w.new_review, key.New)
        w.new_workshop_action = self._action(None, w.new_workshop, ["Ctrl+Shift+W"])
        w.new_workshop_action.setIcon(workshop_icon())
        w.open_action = self._action("open", w.open_dialog, key.Open)
        w.save_action = self._action("save", w.save, key.Save)
        w.save_as_action = self._action(None, w.save_as, key.SaveAs)
        w.export_action = self._action("export-pdf", w.export_pdf, ["Ctrl+E"])
        w.sign_export_action = self._action(None, w.sign_and_export, ["Ctrl+Shift+E"])
        w.export_bcf_action = self._action(None, w.export_bcf, ["Ctrl+Shift+B"])
        w.import_bcf_action = self._action(None, w.import_bcf_replies, ["Ctrl+Alt+B"])
        w.close_action = self._action(None, w.close_document, key.Close)
        w.quit_action = self._action(None, w.close, key.Quit)
        w.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        w.undo_action, w.redo_action = self._make_undo_actions()

        w.next_unassessed_action = self._action(
            "next-unassessed", w.review_pages.go_next_unassessed, ["F3", "Ctrl+Return"]
        )
        w.previous_action = self._action(
            "previous", lambda: w.review_pages.go_step(-1), ["Alt+Up", "Ctrl+PgUp"]
        )
        w.next_action = self._action(
            "next", lambda: w.review_pages.go_step(1), ["Alt+Down", "Ctrl+PgDown"]
        )
        w.verdict_actions: dict[Verdict, QAction] = {}
        for verdict, shortcut in VERDICT_KEYS.items():
            action = self._action(
                None, lambda v=verdict: w.review_pages.give_verdict(v), [shortcut]
            )
            action.setIcon(icons.verdict_icon(verdict))
            w.verdict_actions[verdict] = action
        w.clear_verdict_action = self._action(
            None, lambda: w.review_pages.give_verdict(Verdict.NOT_ASSESSED), ["0"]
        )
        w.notes_action = self._action(None, w.review_pages.focus_notes, ["Ctrl+Shift+N"])
        w.add_photos_action = self._action(
            "add-photo", w.criterion_panel.add_photos_from_dialog, ["Ctrl+Shift+P"]
        )
        w.find_action = self._action("search", w.navigator.focus_search, None)
        w.find_action.setShortcut(QKeySequence("Ctrl+Shift+F"))

        w.view_group = QActionGroup(w)
        w.view_actions: list[QAction] = []
        for index in range(5):
            action = self._action(
                None, lambda i=index: w.review_pages.show_view(i), [f"Ctrl+{index + 1}"]
            )
            action.setCheckable(True)
            w.view_group.addAction(action)
            w.view_actions.append(action)
        w.view_actions[0].setChecked(True)

        w.language_group = QActionGroup(w)
        w.language_actions: dict[str, QAction] = {}
        for lang, name in LANG_NAMES.items():
            action = QAction(name, w)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, code=lang: w.set_ui_language(code))
            w.language_group.addAction(action)
            w.language_actions[lang] = action

        w.example_action = self._action("example", w.open_example, None)
        w.example_workshop_action = self._action("example", w.open_example_workshop, None)
        w.compare_revision_action = self._action(None, w.compare_revision, None)
        w.upgrade_action = self._action(None, w.upgrade_checklist, None)
        w.next_stage_action = self._action(None, w.next_stage, ["Ctrl+Shift+T"])
        w.new_review_of_plan_action = self._action(None, w.new_review_of_plan, ["Ctrl+Shift+R"])
        w.adopt_verdict_action = self._action(
            None, w.criterion_panel.adopt_previous_verdict, ["Ctrl+Shift+A"]
        )
        w.import_ifc_action = self._action(None, w.import_ifc, ["Ctrl+Shift+I"])
        w.update_ifc_action = self._action(None, w.update_from_ifc, ["Ctrl+Shift+U"])
        w.organisation_action = self._action(None, w.edit_organisation, None)
        w.register_action = self._action(None, w.open_register, ["Ctrl+R"])
        w.save_register_action = self._action(None, w.save_to_register, ["Ctrl+Alt+S"])
        w.organisation_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        w.about_action = self._action("about", w.show_about, None)
        w.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_undo_actions(self) -> tuple[QAction, QAction]:
        """Undo/Redo from the undo group, labelled in the current language."""
        w = self.window
        undo = w.undo_group.createUndoAction(w, self.tr("Undo"))
        undo.setIcon(icons.icon("undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.setIconText(self.tr("Undo"))
        redo = w.undo_group.createRedoAction(w, self.tr("Redo"))
        redo.setIcon(icons.icon("redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        redo.setIconText(self.tr("Redo"))
        return undo, redo

    def _retranslate_undo_actions(self) -> None:
        w = self.window
        old = (w.undo_action, w.redo_action)
        new = self._make_undo_actions()
        for before, after in zip(old, new, strict=True):
            for widget in (w.edit_menu, w.toolbar):
                widget.insertAction(before, after)
                widget.removeAction(before)
            before.deleteLater()
        w.undo_action, w.redo_action = new

    def _create_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        w.file_menu = bar.addMenu("")
        w.recent_menu = QMenu(w)
        w.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        for item in (w.new_action, w.new_workshop_action, w.open_action):
            w.file_menu.addAction(item)
        w.file_menu.addMenu(w.recent_menu)
        w.file_menu.addAction(w.import_ifc_action)
        w.file_menu.addAction(w.register_action)
        w.file_menu.addSeparator()
        for item in (w.save_action, w.save_as_action, w.save_register_action):
            w.file_menu.addAction(item)
        w.file_menu.addSeparator()
        w.file_menu.addAction(w.export_action)
        w.file_menu.addAction(w.sign_export_action)
        w.file_menu.addSeparator()
        w.file_menu.addAction(w.export_bcf_action)
        w.file_menu.addAction(w.import_bcf_action)
        w.file_menu.addSeparator()
        w.file_menu.addAction(w.close_action)
        w.file_menu.addAction(w.quit_action)

        w.edit_menu = bar.addMenu("")
        w.edit_menu.addAction(w.undo_action)
        w.edit_menu.addAction(w.redo_action)
        w.edit_menu.addSeparator()
        w.edit_menu.addAction(w.find_action)
        w.edit_menu.addSeparator()
        w.edit_menu.addAction(w.organisation_action)

        w.review_menu = bar.addMenu("")
        w.review_menu.addAction(w.next_unassessed_action)
        w.review_menu.addAction(w.previous_action)
        w.review_menu.addAction(w.next_action)
        w.review_menu.addSeparator()
        for action in w.verdict_actions.values():
            w.review_menu.addAction(action)
        w.review_menu.addAction(w.clear_verdict_action)
        w.review_menu.addSeparator()
        w.review_menu.addAction(w.notes_action)
        w.review_menu.addAction(w.add_photos_action)
        w.review_menu.addSeparator()
        w.review_menu.addAction(w.adopt_verdict_action)
        w.review_menu.addSeparator()
        w.review_menu.addAction(w.next_stage_action)
        w.review_menu.addAction(w.new_review_of_plan_action)
        w.review_menu.addAction(w.compare_revision_action)
        w.review_menu.addAction(w.upgrade_action)
        w.review_menu.addAction(w.update_ifc_action)

        # filled with the workshop view's actions when it is made; shown with a workshop
        w.workshop_menu = bar.addMenu("")
        w.workshop_menu.menuAction().setVisible(False)

        w.view_menu = bar.addMenu("")
        for action in w.view_actions:
            w.view_menu.addAction(action)

        w.language_menu = bar.addMenu("")
        for action in w.language_actions.values():
            w.language_menu.addAction(action)

        w.help_menu = bar.addMenu("")
        w.help_menu.addAction(w.example_action)
        w.help_menu.addAction(w.example_workshop_action)
        w.help_menu.addSeparator()
        w.help_menu.addAction(w.about_action)

        w.toolbar = QToolBar(w)
        w.toolbar.setObjectName("mainToolbar")
        w.toolbar.setMovable(False)
        w.toolbar.setIconSize(QSize(20, 20))
        w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (w.new_action, w.open_action, w.save_action):
            w.toolbar.addAction(item)
        w.toolbar.addSeparator()
        w.toolbar.addAction(w.undo_action)
        w.toolbar.addAction(w.redo_action)
        w.toolbar.addSeparator()
        w.toolbar.addAction(w.next_unassessed_action)
        w.toolbar.addSeparator()
        w.toolbar.addAction(w.export_action)
        w.addToolBar(w.toolbar)

    def retranslate(self, *_: object) -> None:
        w = self.window
        w.file_menu.setTitle(self.tr("&File"))
        w.edit_menu.setTitle(self.tr("&Edit"))
        w.review_menu.setTitle(self.tr("&Review"))
        w.view_menu.setTitle(self.tr("&View"))
        w.language_menu.setTitle(self.tr("&Language"))
        w.help_menu.setTitle(self.tr("&Help"))
        w.recent_menu.setTitle(self.tr("Open &Recent"))
        w.new_action.setText(self.tr("&New Review…"))
        w.new_action.setToolTip(self.tr("Start a review of a plan (Ctrl+N)"))
        w.new_action.setIconText(self.tr("New"))
        w.new_workshop_action.setText(self.tr("New &Workshop…"))
        w.new_workshop_action.setToolTip(
            self.tr("Compare two reviews of one plan in a joint workshop (Ctrl+Shift+W)")
        )
        w.open_action.setText(self.tr("&Open…"))
        w.open_action.setIconText(self.tr("Open"))
        w.open_action.setToolTip(self.tr("Open a review or a workshop (Ctrl+O)"))
        w.save_action.setText(self.tr("&Save"))
        w.save_action.setIconText(self.tr("Save"))
        w.save_action.setToolTip(self.tr("Save the review (Ctrl+S)"))
        w.save_as_action.setText(self.tr("Save &As…"))
        w.export_action.setText(self.tr("&Export PDF Report…"))
        w.sign_export_action.setText(self.tr("&Sign and Export PDF…"))
        w.sign_export_action.setToolTip(
            self.tr("Export the advice with a digital signature (PAdES) from your certificate")
        )
        w.export_action.setIconText(self.tr("Export PDF"))
        w.export_bcf_action.setText(self.tr("Export &BCF…"))
        w.export_bcf_action.setToolTip(
            self.tr(
                "The findings as BCF 2.1 topics for a BIM tool (Revit, ArchiCAD, Solibri, "
                "BIMcollab) (Ctrl+Shift+B)"
            )
        )
        w.import_bcf_action.setText(self.tr("&Import BCF Replies…"))
        w.import_bcf_action.setToolTip(
            self.tr(
                "Read the architect's comments and status changes from a BCF file a BIM tool "
                "wrote back (Ctrl+Alt+B)"
            )
        )
        w.close_action.setText(
            self.tr("&Close Workshop") if w.workshop else self.tr("&Close Review")
        )
        w.quit_action.setText(self.tr("&Quit"))
        self._retranslate_undo_actions()
        w.find_action.setText(self.tr("&Find Criterion"))
        w.next_unassessed_action.setText(self.tr("&Next Unassessed"))
        w.next_unassessed_action.setIconText(self.tr("Next unassessed"))
        w.next_unassessed_action.setToolTip(
            self.tr("Go to the next criterion without a verdict (F3 or Ctrl+Return)")
        )
        w.previous_action.setText(self.tr("&Previous Criterion"))
        w.next_action.setText(self.tr("Ne&xt Criterion"))
        lang = current_lang()
        for verdict, action in w.verdict_actions.items():
            label = verdict.label.get(lang)
            action.setText(self.tr("Verdict: {0}").format(label))
        w.clear_verdict_action.setText(self.tr("Clear Verdict"))
        w.notes_action.setText(self.tr("Go to &Notes"))
        w.add_photos_action.setText(self.tr("Add &Photos…"))
        for action, text in zip(
            w.view_actions,
            (
                self.tr("&Criterion"),
                self.tr("&Plan"),
                self.tr("&Summary"),
                self.tr("&Drawings"),
                self.tr("D&ossier"),
            ),
            strict=True,
        ):
            action.setText(text)
        w.tabs.setTabText(0, self.tr("Criterion"))
        w.tabs.setTabText(1, self.tr("Plan"))
        w.tabs.setTabText(2, self.tr("Summary"))
        w.tabs.setTabText(3, self.tr("Drawings"))
        w.tabs.setTabText(4, self.tr("Dossier"))
        w.example_action.setText(self.tr("Open the &Example"))
        w.example_workshop_action.setText(self.tr("Open the Example &Workshop"))
        w.compare_revision_action.setText(self.tr("Compare with an Earlier &Revision…"))
        w.compare_revision_action.setToolTip(
            self.tr("What was resolved, what is new and what is still open since a revision")
        )
        w.next_stage_action.setText(self.tr("Next &Stage…"))
        w.next_stage_action.setToolTip(
            self.tr(
                "A new review of this plan at a later stage, with the plan, the drawings "
                "and the open measures carried over"
            )
        )
        w.new_review_of_plan_action.setText(self.tr("New Review of This &Plan…"))
        w.new_review_of_plan_action.setToolTip(
            self.tr("A new review of this plan at the same stage, from the other perspective")
        )
        w.adopt_verdict_action.setText(self.tr("&Adopt the Previous Verdict"))
        w.adopt_verdict_action.setToolTip(
            self.tr("Take over the verdict the review of the previous stage gave this criterion")
        )
        w.upgrade_action.setText(self.tr("&Update to the Current Checklist…"))
        w.upgrade_action.setToolTip(
            self.tr("Carry this review over to the checklist shipped with the app, as a new review")
        )
        w.import_ifc_action.setText(self.tr("&Import IFC Model…"))
        w.import_ifc_action.setToolTip(
            self.tr(
                "Start a review from an IFC model: a drawing per storey and plan facts as "
                "suggestions to confirm (Ctrl+Shift+I)"
            )
        )
        w.update_ifc_action.setText(self.tr("Update from &IFC…"))
        w.update_ifc_action.setToolTip(
            self.tr(
                "Read a newer IFC model into this review: its suggestions and drawings; what "
                "you typed or confirmed stays (Ctrl+Shift+U)"
            )
        )
        w.workshop_menu.setTitle(self.tr("&Workshop"))
        w.about_action.setText(self.tr("&About"))
        w.save_register_action.setText(self.tr("Save to Re&gister"))
        w.save_register_action.setToolTip(
            self.tr("Save the document in the register, where your team finds it (Ctrl+Alt+S)")
        )
        w.register_action.setText(self.tr("Re&gister…"))
        w.register_action.setToolTip(
            self.tr("Search the reviews of your unit in the register and open one (Ctrl+R)")
        )
        w.organisation_action.setText(self.tr("&Organisation…"))
        w.organisation_action.setToolTip(
            self.tr("Letterhead, default contact, signatory and standard texts of your advice")
        )
        for code, action in w.language_actions.items():
            action.setChecked(code == current_lang())
        w.toolbar.setWindowTitle(self.tr("Toolbar"))

    # ------------------------------------------------------------ state
    def update_state(self) -> None:
        """Enable and show the actions for the open document: a review, a workshop (its
        own menu and keys; the review's are out of the way meanwhile) or none."""
        from reviewer.ui.workshop_controller import example_workshop_installed

        w = self.window
        document = w.document
        review = w.session is not None
        workshop = w.workshop is not None
        for action in (w.save_action, w.save_as_action, w.save_register_action, w.close_action):
            action.setEnabled(document is not None)
        for action in (
            w.next_unassessed_action,
            w.previous_action,
            w.next_action,
            w.find_action,
            w.compare_revision_action,
            w.upgrade_action,
            w.next_stage_action,
            w.new_review_of_plan_action,
            w.adopt_verdict_action,
            w.update_ifc_action,
            w.sign_export_action,
            w.export_bcf_action,
            w.import_bcf_action,
            *w.view_actions,
        ):
            action.setEnabled(review)
        w.review_menu.menuAction().setVisible(not workshop)
        w.view_menu.menuAction().setVisible(not workshop)
        w.workshop_menu.menuAction().setVisible(workshop)
        w.next_unassessed_action.setVisible(not workshop)
        w.workshops.show_next_open_action(workshop)
        w.close_action.setText(
            QCoreApplication.translate("MainWindow", "&Close Workshop")
            if workshop
            else QCoreApplication.translate("MainWindow", "&Close Review")
        )
        w.example_workshop_action.setEnabled(example_workshop_installed())
        self.update_export_action()
        self.update_verdict_actions()

    def update_verdict_actions(self) -> None:
        enabled = self.window.review_pages.verdicts_enabled()
        w = self.window
        for action in (*w.verdict_actions.values(), w.clear_verdict_action):
            action.setEnabled(enabled)
        w.notes_action.setEnabled(enabled)
        w.add_photos_action.setEnabled(enabled)

    def update_export_action(self) -> None:
        document = self.window.document
        available = (
            document.report_available() if document is not None else export.report_available()
        )
        action = self.window.export_action
        action.setEnabled(available and document is not None)
        action.setToolTip(
            QCoreApplication.translate("MainWindow", "Export the report as a PDF (Ctrl+E)")
            if available
            else QCoreApplication.translate(
                "MainWindow", "The PDF report is not available in this version."
            )
        )

    def fill_recent_menu(self) -> None:
        w = self.window
        w.recent_menu.clear()
        paths = w.recent_files()
        for path in paths:
            action = w.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: w.open_file(p))
        if not paths:
            empty = w.recent_menu.addAction(self.tr("No recent reviews"))
            empty.setEnabled(False)
        else:
            w.recent_menu.addSeparator()
            clear = w.recent_menu.addAction(self.tr("Clear the List"))
            clear.triggered.connect(w.clear_recent)
