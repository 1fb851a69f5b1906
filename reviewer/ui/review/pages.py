"""The review's pages: the navigator on the left; the criterion, plan, summary, drawings
and dossier views on the right. All but the criterion view are made the first time they
are shown, so the window opens faster."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.plan import COLLECTIONS
from reviewer.domain.verdict import Verdict
from reviewer.ui.i18n import notifier
from reviewer.ui.review.criterion_panel import CriterionPanel
from reviewer.ui.review.navigator import Navigator
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.lazy_page import LazyPage

CRITERION, PLAN, SUMMARY, DRAWINGS, DOSSIER = range(5)


def make_plan_panel(parent: QWidget) -> QWidget:
    from reviewer.ui.review.plan_panel import PlanPanel

    return PlanPanel(parent)


def make_summary_view(parent: QWidget) -> QWidget:
    from reviewer.ui.review.summary_view import SummaryView

    return SummaryView(parent)


def make_dossier_page(parent: QWidget) -> QWidget:
    from reviewer.ui.review.dossier_page import DossierPage

    return DossierPage(parent)


def make_drawing_view(parent: QWidget) -> QWidget:
    from reviewer.ui.drawings.view import DrawingView

    return DrawingView(parent)


class ExampleBanner(QFrame):
    """Above the views of a bundled example: that it is one, and a way to start one's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exampleBanner")
        self.setStyleSheet(
            "QFrame#exampleBanner { background: #e8f0fe; border-bottom: 1px solid #9bb7e8; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("startOwnReview")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.retranslate()
        notifier.changed.connect(self.retranslate)

    def text(self) -> str:
        return self.label.text()

    def retranslate(self, *_: object) -> None:
        self.label.setText(
            self.tr("This is an example review, to look around in and try things out.")
        )
        self.button.setText(self.tr("Start your own review…"))
        self.button.setToolTip(self.tr("File → New Review (Ctrl+N)"))


class ReviewPages(QSplitter):
    """Everything that shows one review, and moving through its criteria."""

    viewChanged = Signal(int)  # the tab shown
    newReviewRequested = Signal()  # "start your own review" on an example's banner
    verdictTargetChanged = Signal()  # the criterion or the view changed
    message = Signal(str, int)  # for the status bar: text, milliseconds
    compareRequested = Signal(object)  # the Dossier page: compare with the previous stage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("mainSplitter")
        self._session: ReviewSession | None = None
        self.navigator = Navigator(self)
        self.navigator.currentCriterionChanged.connect(self._criterion_changed)
        # a criterion clicked (or Enter) in the list while another view is shown opens it
        self.navigator.tree.clicked.connect(self._criterion_chosen)
        self.navigator.tree.activated.connect(self._criterion_chosen)
        self.criterion_panel = CriterionPanel(self)
        self.criterion_panel.pinActivated.connect(self.show_pin)
        self.criterion_panel.message.connect(self.message)
        self.plan_page = LazyPage(make_plan_panel, self)
        self.summary_page = LazyPage(make_summary_view, self)
        self.drawing_page = LazyPage(make_drawing_view, self)
        self.dossier_page = LazyPage(make_dossier_page, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.criterion_panel, "")
        for page in (self.plan_page, self.summary_page, self.drawing_page, self.dossier_page):
            page.created.connect(self._page_created)
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.example_banner = ExampleBanner(self)
        self.example_banner.button.clicked.connect(self.newReviewRequested)
        self.example_banner.hide()
        views = QWidget(self)
        column = QVBoxLayout(views)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.example_banner)
        column.addWidget(self.tabs, 1)
        self.addWidget(self.navigator)
        self.addWidget(views)
        self.setChildrenCollapsible(False)
        # extra width goes one third to the list, two thirds to the views
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 2)
        self.navigator.setMinimumWidth(260)

    def set_session(self, session: ReviewSession | None) -> None:
        self._session = session
        for view in (
            self.navigator,
            self.criterion_panel,
            self.plan_page,
            self.summary_page,
            self.drawing_page,
            self.dossier_page,
        ):
            view.set_session(session)
        if session is not None:
            self._select_start_criterion()
            self.navigator.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_example(self, example: bool) -> None:
        """Mark the open review as a bundled example (a banner above the views)."""
        self.example_banner.setVisible(example)

    def _select_start_criterion(self) -> None:
        assert self._session is not None
        review = self._session.review
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
        compare = getattr(widget, "compareRequested", None)
        if compare is not None:
            compare.connect(self.compareRequested)
        selected = getattr(widget, "criterionSelected", None)
        if selected is not None:  # the Drawings tab: a clicked pin opens its criterion
            selected.connect(self.show_criterion)
            widget.set_criterion(self.navigator.current_id() or "")  # type: ignore[attr-defined]
            widget.selected_element = self.selected_plan_element  # type: ignore[attr-defined]

    def _criterion_changed(self, criterion_id: str) -> None:
        self.criterion_panel.set_criterion(criterion_id)
        if self.drawing_page.is_created:
            self.drawing_page.widget().set_criterion(criterion_id)  # type: ignore[attr-defined]
        self.verdictTargetChanged.emit()

    def _criterion_chosen(self, index: QModelIndex) -> None:
        """A criterion chosen in the list is shown in the criterion view; the summary,
        which marks the current criterion itself, stays."""
        proxy = self.navigator.proxy
        criterion = self.navigator.model.criterion_at(proxy.mapToSource(index))
        if criterion is not None and self.tabs.currentIndex() in (PLAN, DRAWINGS, DOSSIER):
            self.show_view(CRITERION)

    def _tab_changed(self, index: int) -> None:
        self.viewChanged.emit(index)
        self.verdictTargetChanged.emit()

    # ------------------------------------------------------------ moving around
    def show_view(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def show_criterion(self, criterion_id: str) -> None:
        """Go to a criterion (from the plan or the summary): criterion view, list, panel."""
        if self._session is None:
            return
        self.show_view(CRITERION)
        if self.navigator.select(criterion_id):
            self.navigator.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_plan_element(self) -> tuple[str, str] | None:
        """The element last selected in the Plan view, (collection, id), or None: a
        measurement is most likely of it."""
        if not self.plan_page.is_created or self._session is None:
            return None
        panel = self.plan_page.widget()
        collection = panel.current_collection()  # type: ignore[attr-defined]
        if collection not in COLLECTIONS:
            return None
        row = panel.table(collection).currentIndex().row()  # type: ignore[attr-defined]
        elements = self._session.review.plan.elements(collection)
        if not 0 <= row < len(elements):
            return None
        return collection, elements[row].id

    def show_pin(self, number: int) -> None:
        """Show a pin on its drawing, in the Drawings tab."""
        self.show_view(DRAWINGS)
        self.drawing_page.widget().show_pin(number)  # type: ignore[attr-defined]

    def go_next_unassessed(self) -> None:
        if self._session is None:
            return
        self.show_view(CRITERION)
        if self.navigator.next_unassessed() is None:
            self.message.emit(
                self.tr("Every applicable criterion in the list has a verdict."), 6000
            )
        self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_step(self, delta: int) -> None:
        if self._session is None:
            return
        self.show_view(CRITERION)
        self.navigator.step(delta)
        self.navigator.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def verdicts_enabled(self) -> bool:
        """Verdict keys act on the criterion view's criterion only."""
        return (
            self._session is not None
            and self.tabs.currentIndex() == CRITERION
            and self.criterion_panel.criterion_id is not None
        )

    def give_verdict(self, verdict: Verdict) -> None:
        if self._session is None or self.tabs.currentIndex() != CRITERION:
            return
        self.criterion_panel.choose_verdict(verdict)

    def focus_notes(self) -> None:
        self.show_view(CRITERION)
        self.criterion_panel.focus_notes()
