"""The next review of the open plan: at a later stage ("Next Stage…"), or from the other
perspective at the same stage ("New Review of This Plan…").

The dialog offers only later stages (an earlier or equal one cannot be chosen; a review
at handover, or without a stage, gets a message instead), the perspective, and whether to
adopt every verdict of this review. The result opens as a new, unsaved review; the open
file is not changed. `ask_next_stage` is what the window calls (tests replace it or drive
the dialog).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Perspective
from reviewer.domain.next_stage import NoStage, StageNotLater, next_review
from reviewer.domain.plan import Stage
from reviewer.domain.review import Review
from reviewer.domain.stages import STAGE_LABELS, STAGE_ORDER, stage_index
from reviewer.storage.review_file import document_with
from reviewer.ui import dialogs
from reviewer.ui.i18n import current_lang
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.text_style import HINT_STYLE


@dataclass(frozen=True)
class NextChoice:
    stage: Stage | None  # None: the same stage
    perspective: Perspective
    adopt_verdicts: bool


def later_stages(review: Review) -> list[Stage]:
    current = review.plan.identity.stage
    if current is None:
        return []
    return [s for s in STAGE_ORDER if stage_index(s) > stage_index(current)]


class NextStageDialog(QDialog):
    """Choose the stage (later ones only, or none for the same stage), the perspective, and
    whether to adopt the verdicts; `choice()` is the answer."""

    def __init__(self, review: Review, same_stage: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextStageDialog")
        lang = current_lang()
        self.same_stage = same_stage
        current = review.plan.identity.stage
        self.setWindowTitle(
            self.tr("New Review of This Plan") if same_stage else self.tr("Next Stage")
        )
        intro = QLabel(
            self.tr(
                "A new review of “{0}” carries over the plan facts, the drawings with their "
                "calibration and markers, the dossier details, the participants, the profile "
                "and the open and processed measures. The verdicts start fresh: the rules run "
                "again, and you can adopt a previous verdict per criterion."
            ).format(review.plan.identity.name)
        )
        intro.setWordWrap(True)
        self.stage = QComboBox()
        self.stage.setObjectName("nextStage")
        if same_stage:
            label = STAGE_LABELS[current].get(lang) if current else self.tr("not given")
            self.stage.addItem(label, None)
            self.stage.setEnabled(False)
        else:
            for stage in later_stages(review):
                self.stage.addItem(STAGE_LABELS[stage].get(lang), stage)
        self.perspective = QComboBox()
        self.perspective.setObjectName("nextPerspective")
        for perspective in Perspective:
            self.perspective.addItem(perspective.label.get(lang), perspective)
        own = list(Perspective).index(review.perspective)
        other = (own + 1) % len(Perspective)
        self.perspective.setCurrentIndex(other if same_stage else own)
        self.adopt = QCheckBox(self.tr("Adopt every verdict of this review"))
        self.adopt.setObjectName("adoptVerdicts")
        self.adopt.setToolTip(
            self.tr("Otherwise the rules decide, and you adopt verdicts one by one")
        )
        now = QLabel(
            self.tr("This review: {0}, {1}").format(
                STAGE_LABELS[current].get(lang) if current else self.tr("no stage"),
                review.perspective.label.get(lang),
            )
        )
        now.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Perspective:"), self.perspective)
        form.addRow("", self.adopt)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Make the New Review")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(now)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def choice(self) -> NextChoice:
        return NextChoice(
            stage=self.stage.currentData(),
            perspective=self.perspective.currentData(),
            adopt_verdicts=self.adopt.isChecked(),
        )


def ask_next_stage(parent: QWidget | None, review: Review, same_stage: bool) -> NextChoice | None:
    """The dialog, modal; None when cancelled."""
    dialog = NextStageDialog(review, same_stage, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def next_stage_session(
    parent: QWidget | None, session: ReviewSession, *, same_stage: bool
) -> tuple[ReviewSession, str] | None:
    """The next review of the open plan as a new unsaved session with the drawing files it
    uses, and a status message; None when there is no later stage (said in a message) or
    the user cancels."""
    review = session.review
    if not same_stage:
        if review.plan.identity.stage is None:
            dialogs.show_error(
                parent,
                QCoreApplication.translate("NextStageDialog", "No next stage"),
                QCoreApplication.translate(
                    "NextStageDialog",
                    "The plan has no stage. Set its stage on the Plan page first.",
                ),
            )
            return None
        if not later_stages(review):
            dialogs.show_error(
                parent,
                QCoreApplication.translate("NextStageDialog", "No next stage"),
                QCoreApplication.translate(
                    "NextStageDialog",
                    "The plan is at handover, the last stage: there is no later stage.",
                ),
            )
            return None
    choice = ask_next_stage(parent, review, same_stage)
    if choice is None:
        return None
    file_name = session.path.name if session.path else ""
    try:
        result = next_review(
            review,
            stage=None if same_stage else choice.stage,
            perspective=choice.perspective,
            file_name=file_name,
            adopt_verdicts=choice.adopt_verdicts,
        )
    except (StageNotLater, NoStage):
        current = review.plan.identity.stage
        dialogs.show_error(
            parent,
            QCoreApplication.translate("NextStageDialog", "No next stage"),
            QCoreApplication.translate(
                "NextStageDialog", "The next review must be at a later stage than this one ({0})."
            ).format(STAGE_LABELS[current].get(current_lang()) if current else "–"),
        )
        return None
    new = ReviewSession(document_with(result.review, session.document.attachments), None)
    new.undo_stack.resetClean()  # never saved: closing asks
    message = QCoreApplication.translate(
        "NextStageDialog",
        "New review made: {measures} measures carried, {adopted} verdicts adopted. "
        "Save it under a new name.",
    ).format(measures=len(result.carried_measures), adopted=len(result.adopted))
    return new, message
