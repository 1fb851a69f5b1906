"""Start a new review: the plan (typed in, or facts loaded from a YAML file), the perspective,
and who reviews. `ask_new_review` is the function the main window calls (tests replace it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Checklist, ChecklistError, Perspective
from reviewer.domain.organisation import DEFAULT_ROLES
from reviewer.domain.plan import COLLECTION_LABELS, COLLECTIONS, Plan, PlanIdentity
from reviewer.domain.profile import Profile, ProfileError, apply_profile
from reviewer.domain.review import Review, Reviewer, new_review
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.paths import DEFAULT_CHECKLIST, EXAMPLES
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import load_review
from reviewer.storage.yamlfile import (
    PlanFileError,
    bundled_profiles,
    load_checklist,
    load_plan,
    load_profile,
)
from reviewer.ui import dialogs
from reviewer.ui.error_text import error_text
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.organisation import current_organisation
from reviewer.ui.widgets.identity_form import IdentityForm
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE


def stored_role(role: str, perspective: Perspective) -> str:
    """The role to store in a new review: the app's default role for the perspective (in
    either language) is stored as "" so that every view and letter says it in its own
    language; a role a person typed or took from the organisation settings as it is."""
    role = role.strip()
    default = DEFAULT_ROLES[perspective]
    return "" if role in (default.nl, default.en) else role


class NewReviewDialog(QDialog):
    """Asks for the plan, the perspective and the reviewer; `review` holds the result."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        checklist: Checklist | None = None,
        checklist_path: Path = DEFAULT_CHECKLIST,
        profiles: dict[str, Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newReviewDialog")
        self._checklist = checklist
        self._checklist_path = checklist_path
        self._loaded_plan: Plan | None = None
        self._loaded_path: Path | None = None
        self.review: Review | None = None
        # replaced by tests; returns the chosen path or None
        self.choose_plan_file: Callable[[], str | None] = self._ask_plan_file
        self.choose_review_file: Callable[[], str | None] = self._ask_review_file

        # ------------------------------------------------ plan
        self._plan_box = QGroupBox()
        self._load_button = QPushButton()
        self._load_button.setObjectName("loadPlan")
        self._load_button.clicked.connect(self._on_load_clicked)
        self._from_review_button = QPushButton()
        self._from_review_button.setObjectName("planFromReview")
        self._from_review_button.clicked.connect(self._on_from_review_clicked)
        self._clear_button = QPushButton()
        self._clear_button.setObjectName("clearPlan")
        self._clear_button.clicked.connect(self.clear_loaded_plan)
        self._clear_button.hide()
        self._plan_status = QLabel()
        self._plan_status.setObjectName("planStatus")
        self._plan_status.setWordWrap(True)
        self._plan_status.setStyleSheet(HINT_STYLE)
        self._plan_status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        load_row = QHBoxLayout()
        load_row.addWidget(self._load_button)
        load_row.addWidget(self._from_review_button)
        load_row.addWidget(self._clear_button)
        load_row.addStretch(1)

        self._identity = IdentityForm("plan")
        self._identity.edit("name").textChanged.connect(self._update_ok)
        plan_layout = QVBoxLayout(self._plan_box)
        plan_layout.addLayout(load_row)
        plan_layout.addWidget(self._plan_status)
        plan_layout.addSpacing(6)
        plan_layout.addWidget(self._identity)
        plan_layout.addStretch(1)

        # ------------------------------------------------ perspective
        self._perspective_box = QGroupBox()
        self._perspective_group = QButtonGroup(self)
        self._perspective_buttons: dict[Perspective, QRadioButton] = {}
        self._perspective_hints: dict[Perspective, QLabel] = {}
        perspective_layout = QVBoxLayout(self._perspective_box)
        for perspective in Perspective:
            button = QRadioButton()
            button.setObjectName(f"perspective_{perspective.value}")
            hint = QLabel()
            hint.setStyleSheet(HINT_STYLE)
            hint.setWordWrap(True)
            hint.setContentsMargins(22, 0, 0, 4)
            self._perspective_group.addButton(button)
            perspective_layout.addWidget(button)
            perspective_layout.addWidget(hint)
            self._perspective_buttons[perspective] = button
            self._perspective_hints[perspective] = hint
        self._perspective_buttons[Perspective.SAFETY].setChecked(True)
        # the suggested role follows the perspective (from the organisation settings)
        self._perspective_group.buttonToggled.connect(self._perspective_toggled)

        # ------------------------------------------------ profile
        self._profile_box = QGroupBox()
        self._profile_combo = QComboBox()
        self._profile_combo.setObjectName("profile")
        self._profile_combo.currentIndexChanged.connect(self._describe_profile)
        self._profile_hint = QLabel()
        self._profile_hint.setObjectName("profileHint")
        self._profile_hint.setWordWrap(True)
        self._profile_hint.setStyleSheet(HINT_STYLE)
        profile_layout = QVBoxLayout(self._profile_box)
        profile_layout.addWidget(self._profile_combo)
        profile_layout.addWidget(self._profile_hint)
        # id -> (file, the profile or None when it cannot be read)
        self._profiles: dict[str, tuple[Path, Profile | None]] = {}
        for profile_id, path in (bundled_profiles() if profiles is None else profiles).items():
            try:
                self._profiles[profile_id] = (path, load_profile(path))
            except ProfileError:
                self._profiles[profile_id] = (path, None)  # listed; the error shows on use

        # ------------------------------------------------ reviewer
        self._reviewer_box = QGroupBox()
        reviewer_form = QFormLayout(self._reviewer_box)
        self._reviewer_name = QLineEdit()
        self._reviewer_name.setObjectName("reviewer_name")
        self._reviewer_name.textChanged.connect(self._update_ok)
        self._reviewer_role = QComboBox()
        self._reviewer_role.setObjectName("reviewer_role")
        self._reviewer_role.setEditable(True)
        self._reviewer_role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._reviewer_organisation = QLineEdit()
        self._reviewer_organisation.setObjectName("reviewer_organisation")
        for edit in (
            self._reviewer_name,
            self._reviewer_role.lineEdit(),
            self._reviewer_organisation,
        ):
            edit.setMaxLength(MAX_NAME_CHARS)
        self._reviewer_labels = [QLabel(), QLabel(), QLabel()]
        reviewer_form.addRow(self._reviewer_labels[0], self._reviewer_name)
        reviewer_form.addRow(self._reviewer_labels[1], self._reviewer_role)
        reviewer_form.addRow(self._reviewer_labels[2], self._reviewer_organisation)
        self._organisation = current_organisation()

        # ------------------------------------------------ bottom
        self._error = QLabel()
        self._error.setObjectName("errorLabel")
        self._error.setWordWrap(True)
        self._error.setStyleSheet(MESSAGE_STYLE)
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error.hide()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self._perspective_box)
        right.addWidget(self._profile_box)
        right.addWidget(self._reviewer_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self._plan_box, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self._error)
        layout.addWidget(self._buttons)

        # who signs by default, from the organisation settings
        self._reviewer_name.setText(self._organisation.signatory)
        self._reviewer_organisation.setText(self._organisation.name)
        notifier.changed.connect(self.retranslate)
        self.retranslate()
        self._update_ok()
        self.resize(880, 10)
        self._grow_to_fit()

    # ------------------------------------------------------------ widgets for tests
    @property
    def ok_button(self) -> QPushButton:
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def error_text(self) -> str:
        """The error shown in the dialog, or "" when none is shown."""
        return "" if self._error.isHidden() else self._error.text()

    def identity_edit(self, name: str) -> QLineEdit:
        return self._identity.edit(name)

    @property
    def reviewer_name_edit(self) -> QLineEdit:
        return self._reviewer_name

    @property
    def reviewer_role_combo(self) -> QComboBox:
        return self._reviewer_role

    def perspective_button(self, perspective: Perspective | str) -> QRadioButton:
        return self._perspective_buttons[Perspective(perspective)]

    @property
    def profile_combo(self) -> QComboBox:
        return self._profile_combo

    def identity_combo(self, name: str) -> QComboBox:
        return self._identity.combo(name)

    @property
    def loaded_plan(self) -> Plan | None:
        return self._loaded_plan

    # ------------------------------------------------------------ plan file
    def _ask_plan_file(self) -> str | None:
        start = str(EXAMPLES) if EXAMPLES.is_dir() else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load plan facts"),
            start,
            self.tr("Plan facts (*.plan.yaml *.yaml *.yml);;All files (*)"),
        )
        return path or None

    @Slot()
    def _on_load_clicked(self) -> None:
        path = self.choose_plan_file()
        if path:
            self.load_plan_file(Path(path))

    def load_plan_file(self, path: Path) -> bool:
        """Read plan facts from YAML and fill in the plan's identity; on a bad file show
        why (the dialog stays open, earlier input is kept). Returns whether it worked."""
        try:
            plan = load_plan(path)
        except PlanFileError as exc:
            self._show_error(
                self.tr("This plan file cannot be used.") + "\n" + error_text(str(exc))
            )
            return False
        self._use_plan(plan, Path(path))
        return True

    def _use_plan(self, plan: Plan, path: Path) -> None:
        """The plan read from `path` (a plan file or a review) becomes the new review's."""
        self._loaded_plan = plan
        self._loaded_path = path
        self._identity.set_values(plan.identity)
        self._clear_button.show()
        self._show_error("")
        self._describe_loaded()

    def _ask_review_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Take the plan from a review"), "", dialogs.review_filter()
        )
        return path or None

    @Slot()
    def _on_from_review_clicked(self) -> None:
        path = self.choose_review_file()
        if path:
            self.load_plan_from_review(Path(path))

    def load_plan_from_review(self, path: Path) -> bool:
        """Take the plan facts (identity and every element) of an existing review, checked
        as opening it would check it; on a bad file say why and keep earlier input."""
        try:
            plan = load_review(path).review.plan
        except DocumentFileError as exc:
            self._show_error(
                self.tr("The plan cannot be taken from this review.") + "\n" + error_text(str(exc))
            )
            return False
        self._use_plan(plan, Path(path))
        return True

    @Slot()
    def clear_loaded_plan(self) -> None:
        """Forget the loaded facts (the typed identity stays)."""
        self._loaded_plan = None
        self._loaded_path = None
        self._clear_button.hide()
        self._describe_loaded()

    def _describe_loaded(self) -> None:
        lang = current_lang()
        if self._loaded_plan is None or self._loaded_path is None:
            self._plan_status.setText(
                self.tr(
                    "Type the plan's details, or load its facts (entrances, galleries, …) from "
                    "a plan file. Facts can also be entered later in the plan panel."
                )
            )
            return
        parts = []
        for collection in COLLECTIONS:
            n = len(getattr(self._loaded_plan, collection))
            if n:
                parts.append(f"{COLLECTION_LABELS[collection].get(lang)}: {n}")
        facts = ", ".join(parts) if parts else self.tr("no elements")
        self._plan_status.setText(
            self.tr("Loaded from {0} ({1}).").format(self._loaded_path.name, facts)
        )
        self._grow_to_fit()

    # ------------------------------------------------------------ result
    def selected_perspective(self) -> Perspective:
        for perspective, button in self._perspective_buttons.items():
            if button.isChecked():
                return perspective
        return Perspective.SAFETY

    def _update_ok(self) -> None:
        ready = bool(self._identity.edit("name").text().strip()) and bool(
            self._reviewer_name.text().strip()
        )
        self.ok_button.setEnabled(ready)

    def _show_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Grow taller when wrapped texts (an error, hints in another language) need room."""
        layout = self.layout()
        layout.activate()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
        else:
            need = layout.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    # ------------------------------------------------------------ profile
    def _fill_profiles(self) -> None:
        lang = current_lang()
        current = self._profile_combo.currentData()
        self._profile_combo.blockSignals(True)
        self._profile_combo.clear()
        self._profile_combo.addItem(self.tr("No profile (the full checklist)"), "")
        for profile_id, (_path, profile) in self._profiles.items():
            title = profile.title.get(lang) if profile is not None else profile_id  # type: ignore[arg-type]
            self._profile_combo.addItem(title, profile_id)
        self._profile_combo.setCurrentIndex(max(0, self._profile_combo.findData(current or "")))
        self._profile_combo.blockSignals(False)
        self._describe_profile()

    @Slot()
    def _describe_profile(self) -> None:
        lang = current_lang()
        profile_id = self._profile_combo.currentData()
        entry = self._profiles.get(profile_id) if profile_id else None
        if entry is None:
            text = self.tr("Every criterion of the checklist, at the level the checklist gives it.")
        elif entry[1] is None:
            text = self.tr("This profile cannot be read: {0}").format(entry[0].name)
        else:
            description = entry[1].description
            text = (
                description.get(lang)  # type: ignore[arg-type]
                if description is not None
                else self.tr("A selection of the checklist that may raise its levels.")
            )
        self._profile_hint.setText(text)
        self._profile_hint.setToolTip(str(entry[0]) if entry is not None else "")

    def selected_profile_id(self) -> str | None:
        return self._profile_combo.currentData() or None

    def _profiled(self, checklist: Checklist) -> Checklist | None:
        """The checklist under the chosen profile, or None (with the reason shown)."""
        profile_id = self.selected_profile_id()
        if profile_id is None:
            return checklist
        path, _profile = self._profiles[profile_id]
        try:
            profile = load_profile(path)  # read again: the file may have been fixed
            return apply_profile(checklist, profile, source=path.name)
        except ProfileError as exc:
            problems = "\n".join(f"• {p}" for p in exc.problems[:8])
            self._show_error(
                self.tr("The profile “{0}” cannot be applied to this checklist.").format(
                    self._profile_combo.currentText()
                )
                + "\n"
                + problems
            )
            return None

    def _checklist_or_error(self) -> Checklist | None:
        if self._checklist is None:
            try:
                self._checklist = load_checklist(self._checklist_path)
            except ChecklistError as exc:
                self._show_error(self.tr("The checklist cannot be loaded.") + "\n" + str(exc))
                return None
        return self._checklist

    def build_review(self) -> Review | None:
        """The review for what was entered, or None (with the reason shown)."""
        identity = {name: text.strip() for name, text in self._identity.values().items()}
        if not identity["name"]:
            self._show_error(self.tr("Give the plan a name."))
            return None
        if not self._reviewer_name.text().strip():
            self._show_error(self.tr("Fill in the reviewer's name."))
            return None
        checklist = self._checklist_or_error()
        if checklist is None:
            return None
        checklist = self._profiled(checklist)
        if checklist is None:
            return None
        base = self._loaded_plan or Plan(identity=PlanIdentity(name=identity["name"]))
        # the form's fields; what it does not show (an old file's phase) stays as loaded
        fields = {**base.identity.model_dump(), **identity, **self._identity.choices()}
        plan = base.model_copy(update={"identity": PlanIdentity.model_validate(fields)})
        reviewer = Reviewer(
            name=self._reviewer_name.text().strip(),
            role=stored_role(self._reviewer_role.currentText(), self.selected_perspective()),
            organisation=self._reviewer_organisation.text().strip(),
        )
        return new_review(plan, checklist, self.selected_perspective(), reviewer)

    def accept(self) -> None:
        review = self.build_review()
        if review is None:
            return
        self.review = review
        super().accept()

    # ------------------------------------------------------------ role
    def suggested_roles(self) -> list[str]:
        """The roles offered: first the one for the chosen perspective, as the
        organisation settings give it (in the interface language where it is the
        default), then other common ones."""
        first = self._organisation.role(self.selected_perspective(), current_lang())
        roles = [first]
        for role in (
            self.tr("Architect"),
            self.tr("Municipal planner"),
            self.tr("Housing corporation"),
        ):
            if role not in roles:
                roles.append(role)
        return roles

    def _fill_roles(self) -> None:
        """Offer the suggested roles again; a suggested role chosen stays chosen (in the
        new language or perspective), a typed one stays as typed."""
        combo = self._reviewer_role
        role = combo.currentText()
        known = combo.findText(role) if role else 0
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(self.suggested_roles())
        if known >= 0:
            combo.setCurrentIndex(known)
        else:
            combo.setCurrentText(role)
        combo.blockSignals(False)

    def _perspective_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._fill_roles()

    # ------------------------------------------------------------ language
    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        lang = current_lang()
        self.setWindowTitle(self.tr("New review"))
        self._plan_box.setTitle(self.tr("Plan"))
        self._load_button.setText(self.tr("Load plan facts from file…"))
        self._from_review_button.setText(self.tr("Take the plan from a review…"))
        self._from_review_button.setToolTip(
            self.tr("Use the plan facts of an existing review (.review) of this plan")
        )
        self._clear_button.setText(self.tr("Forget loaded facts"))
        self._perspective_box.setTitle(self.tr("Perspective"))
        hints = {
            Perspective.SAFETY: self.tr(
                "The police view: surveillance, access control, target hardening, lighting."
            ),
            Perspective.COHESION: self.tr(
                "The residents' view: contact, involvement, meeting places, ownership, mix."
            ),
        }
        for perspective, button in self._perspective_buttons.items():
            button.setText(perspective.label.get(lang))
            self._perspective_hints[perspective].setText(hints[perspective])
        self._profile_box.setTitle(self.tr("Profile"))
        self._profile_combo.setToolTip(
            self.tr(
                "A profile selects criteria and may raise recommendations to requirements, "
                "for instance for the label Safety and Cohesion"
            )
        )
        self._fill_profiles()
        self._reviewer_box.setTitle(self.tr("Reviewer"))
        for label, text in zip(
            self._reviewer_labels,
            (self.tr("Name"), self.tr("Role"), self.tr("Organisation")),
            strict=True,
        ):
            label.setText(text + ":")
        self._reviewer_name.setPlaceholderText(self.tr("required"))
        self._fill_roles()
        self.ok_button.setText(self.tr("Start review"))
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._describe_loaded()
        self._grow_to_fit()


def ask_new_review(parent: QWidget | None) -> Review | None:
    """Ask for a new review; None when cancelled."""
    dialog = NewReviewDialog(parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.review
        return None
    finally:
        dialog.deleteLater()
