"""The reviewer's role the app suggests follows the language wherever it is shown: a
default role accepted in the New Review dialog is not frozen in the language the review
was made in. A role a person typed (in the dialog or the organisation settings, or the
example reviews' "Bouwplanadviseur politie") is data and stays as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.storage.review_file import ReviewDocument
from reviewer.ui.i18n import set_language
from reviewer.ui.review.new_review_dialog import NewReviewDialog
from reviewer.ui.review.pages import SUMMARY
from reviewer.ui.review.session import ReviewSession


def made_in_dutch(qtbot, checklist, role: str | None = None):
    set_language("nl")
    dialog = NewReviewDialog(checklist=checklist, profiles={})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.identity_edit("name").setText("Merelhof")
    dialog.reviewer_name_edit.setText("J. de Vries")
    if role is not None:
        dialog.reviewer_role_combo.setCurrentText(role)
    assert dialog.reviewer_role_combo.currentText() == (role or "Bouwplanadviseur")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.review is not None
    return dialog.review


def summary_meta(window, qtbot) -> str:
    window.show_view(SUMMARY)
    view = window.summary_page.widget()
    qtbot.waitUntil(view.isVisible)
    return view._meta_label.text()


def test_the_default_role_follows_the_language(window, qtbot, checklist):
    review = made_in_dutch(qtbot, checklist)
    window.set_document(ReviewSession(ReviewDocument(review), None))
    assert "J. de Vries (Bouwplanadviseur)" in summary_meta(window, qtbot)
    set_language("en")
    meta = summary_meta(window, qtbot)
    assert "J. de Vries (Building-plan adviser)" in meta
    assert "Bouwplanadviseur" not in meta


def test_a_typed_role_stays_as_typed(window, qtbot, checklist):
    review = made_in_dutch(qtbot, checklist, role="Bouwplanadviseur politie")
    assert review.reviewer.role == "Bouwplanadviseur politie"
    window.set_document(ReviewSession(ReviewDocument(review), None))
    set_language("en")
    assert "(Bouwplanadviseur politie)" in summary_meta(window, qtbot)
