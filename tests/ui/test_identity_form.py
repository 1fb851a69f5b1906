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
from reviewer.ui.widgets.identity_form import CHOICES, FIELDS, ROWS, IdentityForm


def test_fields_in_order_with_labels_limits_and_tab_order(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    widgets = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = label_item.widget() if label_item is not None else None
        if isinstance(label, QLabel) and label.buddy() is not None:
            assert label.buddy() is item.widget()
            widgets.append(item.widget())
    expected = [form.combo(f) if f in CHOICES else form.edit(f) for f in ROWS]
    assert widgets == expected
    for field in FIELDS:
        assert form.edit(field).objectName() == f"plan_{field}"
        assert form.edit(field).maxLength() == MAX_NAME_CHARS
    assert form.combo("stage").objectName() == "plan_stage"
    chain, widget = [], expected[0]
    for _ in ROWS:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget is not form:
            widget = widget.nextInFocusChain()
    assert chain == expected


def test_the_free_text_phase_is_replaced_by_the_stage(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    assert "phase" not in form.edits and "phase" not in ROWS
    combo = form.combo("stage")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [
        "not given",
        "sketch design",
        "preliminary design",
        "final design",
        "specification",
        "handover",
    ]
    types = form.combo("plan_type")
    assert [types.itemData(i) for i in range(types.count())] == [
        "",
        "new_build",
        "renovation",
        "transformation",
    ]
    # an old file's phase "VO" is read as the stage
    form.set_values(PlanIdentity(name="Merelhof", phase="VO"))
    assert form.choices() == {"plan_type": None, "stage": "preliminary_design"}


def test_choosing_is_reported_and_the_hint_shows_while_unknown(qtbot):
    form = IdentityForm("plan")
    qtbot.addWidget(form)
    form.show()
    seen: list[tuple[str, object]] = []
    form.chosen.connect(lambda field, value: seen.append((field, value)))
    hint = form.findChild(QLabel, "plan_scope_hint")
    assert hint.isVisible() and "every criterion applies" in hint.text()
    form.set_choice("plan_type", "renovation")
    assert seen == []  # the program's doing
    combo = form.combo("stage")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # a person picks the next item
    assert seen == [("stage", "sketch")]
    assert form.choices() == {"plan_type": "renovation", "stage": "sketch"}
    assert not hint.isVisible()
    i18n.set_language("nl")
    assert combo.currentText() == "schetsontwerp"  # the choice survives a language change
    assert form.combo("plan_type").itemText(0) == "niet opgegeven"


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
