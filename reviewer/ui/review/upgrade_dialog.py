"""Update a review to the bundled checklist: pick plan type, stage and profile, see every
change the update brings, and open the result as a new, unsaved review.

The original file is never changed: the updated review has no path until it is saved
(the main window asks where). `ask_upgrade` is what the window calls (tests replace it).
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Checklist, ChecklistError
from reviewer.domain.plan import PlanType, Stage
from reviewer.domain.profile import Profile, ProfileError, apply_profile
from reviewer.domain.review import Review
from reviewer.domain.upgrade import Upgrade, upgrade_review
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.yamlfile import bundled_profiles, load_checklist, load_profile
from reviewer.ui import dialogs
from reviewer.ui.i18n import current_lang
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.choice_combo import fill_choices
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

KIND_MARKS = {
    "added": "+",
    "removed": "−",
    "level": "↕",
    "perspectives": "⇄",
    "scope": "◐",
    "rule": "≠",
}


@functools.cache
def bundled_checklist() -> Checklist:
    """The checklist shipped with the app (read once)."""
    return load_checklist(DEFAULT_CHECKLIST)


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def is_outdated(review: Review, checklist: Checklist) -> bool:
    """The review was made with an earlier version of this checklist."""
    own = review.checklist
    return own.id == checklist.id and _version(own.version) < _version(checklist.version)


class UpgradeDialog(QDialog):
    """Shows what updating `review` to `checklist` changes; `result` holds the update."""

    def __init__(
        self,
        review: Review,
        checklist: Checklist,
        profiles: dict[str, Path] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeDialog")
        self.review = review
        self.checklist = checklist
        self.result: Upgrade | None = None
        self._profiles: dict[str, Profile] = {}
        problems: list[str] = []
        for pid, path in (bundled_profiles() if profiles is None else profiles).items():
            try:
                self._profiles[pid] = load_profile(path)
            except ProfileError as exc:
                problems.extend(exc.problems)
        lang = current_lang()
        self.setWindowTitle(
            self.tr("Update to checklist {version}").format(version=checklist.version)
        )
        intro = QLabel(
            self.tr(
                "This review was made with checklist {old}. Updating carries the verdicts, "
                "notes, photos and pins over to checklist {new} by criterion, runs the rules "
                "again, and opens the result as a new review. The original file stays as it is."
            ).format(old=review.checklist.version, new=checklist.version)
        )
        intro.setWordWrap(True)

        identity = review.plan.identity
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("upgradeType")
        fill_choices(
            self.type_combo, PlanType, lang, self.tr("Not given (every criterion applies)")
        )
        if identity.plan_type is not None:
            self.type_combo.setCurrentIndex(self.type_combo.findData(identity.plan_type.value))
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("upgradeStage")
        fill_choices(self.stage_combo, Stage, lang, self.tr("Not given (every criterion applies)"))
        if identity.stage is not None:
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(identity.stage.value))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("upgradeProfile")
        self.profile_combo.addItem(self.tr("No profile (the whole checklist)"), None)
        for pid, profile in self._profiles.items():
            self.profile_combo.addItem(profile.title.get(lang), pid)
        own = review.checklist.profile
        if own is not None:
            self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(own.id)))
        form = QFormLayout()
        form.addRow(self.tr("Plan type"), self.type_combo)
        form.addRow(self.tr("Stage"), self.stage_combo)
        form.addRow(self.tr("Profile"), self.profile_combo)

        self.summary = QLabel()
        self.summary.setObjectName("upgradeSummary")
        self.summary.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setObjectName("upgradeChanges")
        self.changes.setMinimumHeight(220)
        self.changes.setWordWrap(True)  # a long change reads whole, without scrolling sideways
        self.changes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = QLabel("\n".join(problems))
        self.message.setObjectName("upgradeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setVisible(bool(problems))
        hint = QLabel(
            self.tr(
                "Check the criteria marked ≠ (threshold or check changed) and ↕ (level "
                "changed) again; new criteria (+) start unassessed or with their rule's verdict."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open as New Review"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 560)

        for combo in (self.type_combo, self.stage_combo, self.profile_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Compute the update for the current choices and list what it changes."""
        lang = current_lang()
        self.changes.clear()
        checklist = self.checklist
        pid = self.profile_combo.currentData()
        try:
            if pid is not None:
                checklist = apply_profile(checklist, self._profiles[pid], pid)
        except ProfileError as exc:
            self.result = None
            self.message.setText("\n".join(exc.problems))
            self.message.show()
            self.ok_button.setEnabled(False)
            return
        kind, stage = self.type_combo.currentData(), self.stage_combo.currentData()
        self.result = upgrade_review(
            self.review,
            checklist,
            plan_type=PlanType(kind) if kind else None,
            stage=Stage(stage) if stage else None,
        )
        counts: dict[str, int] = {}
        for change in self.result.changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
            item = QListWidgetItem(
                f"{KIND_MARKS.get(change.kind, '•')}  {change.criterion_id}  "
                f"{change.text.get(lang)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, change.criterion_id)
            self.changes.addItem(item)
        for text in self.result.not_carried:
            item = QListWidgetItem(
                "⚠  " + self.tr("Not carried over: {what}").format(what=text.get(lang))
            )
            self.changes.addItem(item)
        self.summary.setText(
            self.tr(
                "{added} added, {removed} removed, {changed} changed in level, scope or check"
            ).format(
                added=counts.get("added", 0),
                removed=counts.get("removed", 0),
                changed=sum(n for k, n in counts.items() if k not in ("added", "removed")),
            )
        )
        self.ok_button.setEnabled(True)


def ask_upgrade(parent: QWidget | None, review: Review) -> Upgrade | None:
    """Ask how to update `review` to the bundled checklist; None when cancelled or when
    there is nothing to update (the caller says so)."""
    try:
        checklist = bundled_checklist()
    except ChecklistError:  # pragma: no cover - the bundled checklist is tested
        return None
    dialog = UpgradeDialog(review, checklist, parent=parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.result if accepted else None


def upgraded_session(
    parent: QWidget | None, session: ReviewSession
) -> tuple[ReviewSession, str] | None:
    """The open review carried over to the bundled checklist, as a new unsaved session with
    the attachments it still uses, and a status message; None when there is nothing to
    update (said in a message) or the user cancels."""
    review = session.review
    checklist = bundled_checklist()
    if not is_outdated(review, checklist):
        dialogs.show_info(
            parent,
            QCoreApplication.translate("UpgradeDialog", "Checklist is current"),
            QCoreApplication.translate(
                "UpgradeDialog", "This review already uses checklist {id} {version}."
            ).format(id=review.checklist.id, version=review.checklist.version),
        )
        return None
    result = ask_upgrade(parent, review)
    if result is None:
        return None
    new = result.review
    keep = {p.name for a in new.assessments.values() for p in a.photos}
    keep |= {s.attachment for s in new.sheets}
    attachments = {n: d for n, d in session.document.attachments.items() if n in keep}
    upgraded = ReviewSession(ReviewDocument(new, attachments), None)
    upgraded.undo_stack.resetClean()  # never saved: closing asks
    message = QCoreApplication.translate(
        "UpgradeDialog", "Updated to checklist {version}: {n} changes. Save it under a new name."
    )
    return upgraded, message.format(version=new.checklist.version, n=len(result.changes))
