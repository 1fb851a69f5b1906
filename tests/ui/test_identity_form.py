"""One plan identity form, in the new-review dialog and in the plan panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from reviewer.domain.plan import PlanIdentity
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui import i18n
from reviewer.ui.review.new_review_dialog import NewReviewDialog
from reviewer.ui.review.plan_panel import PlanPanel
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.identity_form import FIELDS, IdentityForm


def test_fields_in_order_with_labels_limits_and_tab_order(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    for row, field in enumerate(FIELDS):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        edit = layout.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert edit is form.edit(field)
        assert isinstance(label, QLabel) and label.buddy() is edit
        assert edit.objectName() == f"plan_{field}"
        assert edit.maxLength() == MAX_NAME_CHARS
    chain, widget = [], form.edit(FIELDS[0])
    for _ in FIELDS:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget is not form:
            widget = widget.nextInFocusChain()
    assert chain == [form.edit(f) for f in FIELDS]


def test_typing_is_reported_and_setting_is_not(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    seen: list[tuple[str, str]] = []
    form.edited.connect(lambda field, text: seen.append((field, text)))
    form.set_values(PlanIdentity(name="Merelhof", revision="VO-1"))
    assert seen == []
    assert form.values()["revision"] == "VO-1"
    form.edit("revision").setFocus()
    qtbot.keyClick(form.edit("revision"), Qt.Key.Key_Backspace)
    assert seen == [("revision", "VO-")]
    with qtbot.waitSignal(form.finished) as blocker:
        form.edit("revision").editingFinished.emit()
    assert blocker.args == ["revision"]
    form.clear()
    assert set(form.values().values()) == {""}


def test_labels_follow_the_language(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    label = form.layout().itemAt(4, QFormLayout.ItemRole.LabelRole).widget()
    try:
        i18n.set_language("en")
        assert label.text() == "Architect:"
        assert form.edit("revision").placeholderText() == "e.g. VO-2"
        i18n.set_language("nl")
        assert form.layout().itemAt(3, QFormLayout.ItemRole.LabelRole).widget().text() == (
            "Opdrachtgever:"
        )
        assert form.edit("name").placeholderText() == "verplicht"
    finally:
        i18n.set_language("nl")


def test_the_dialog_and_the_panel_share_it(qtbot, review, checklist):
    dialog = NewReviewDialog(None, checklist=checklist)
    qtbot.addWidget(dialog)
    panel = PlanPanel()
    qtbot.addWidget(panel)
    panel.set_session(ReviewSession(ReviewDocument(review)))
    for edit, prefix in (
        (dialog.identity_edit("client"), "plan"),
        (panel._identity_edits["client"], "identity"),
    ):
        assert isinstance(edit.parent(), IdentityForm)
        assert edit.objectName() == f"{prefix}_client"
