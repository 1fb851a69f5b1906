"""The Dossier page (Ctrl+5) edits the letter's details: each change one undo step,
typing in one field one step, saved in the file; documents from the drawings; the
organisation's default contact and validity statement."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from reviewer.domain.dossier import Contact
from reviewer.domain.organisation import Organisation
from reviewer.storage.organisation import save_organisation
from reviewer.storage.review_file import load_review
from reviewer.ui.organisation import organisation_notifier
from reviewer.ui.review.dossier_page import NO_DATE, DossierPage
from reviewer.ui.review.pages import DOSSIER
from tests.ui.test_drawing_view import png_drawing


def dossier_page(window) -> DossierPage:  # type: ignore[no-untyped-def]
    window.show_view(DOSSIER)
    page = window.dossier_page.widget()
    assert isinstance(page, DossierPage)
    return page


def test_ctrl_5_shows_the_dossier(opened, qtbot):
    window = opened
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == DOSSIER
    assert window.view_actions[DOSSIER].isChecked()
    assert window.tabs.tabText(DOSSIER) == "Dossier"
    assert isinstance(window.dossier_page.widget(), DossierPage)


def test_typing_is_one_undo_step_per_field_and_is_saved(opened, qtbot):
    window = opened
    session = window.session
    page = dossier_page(window)
    qtbot.keyClicks(page.lines["reference"], "2026-0413")
    qtbot.keyClicks(page.lines["addressee.name"], "Gemeente Zwolle")
    page.texts["addressee.address"].setPlainText("Postbus 10007\n8000 GA Zwolle")
    page.texts["distribution"].setPlainText("Woonstichting De Linie\n\nArchitect  Rietvink\n")
    dossier = session.review.dossier
    assert dossier.reference == "2026-0413"
    assert dossier.addressee.name == "Gemeente Zwolle"
    assert dossier.addressee.address == "Postbus 10007\n8000 GA Zwolle"
    assert dossier.distribution == ["Woonstichting De Linie", "Architect Rietvink"]
    # the list keeps what was typed (the empty line) while it means the same
    assert page.texts["distribution"].toPlainText().startswith("Woonstichting De Linie\n\n")

    assert session.undo_stack.count() == 4
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.review.dossier.addressee.name == ""
    assert page.lines["addressee.name"].text() == ""
    assert session.review.dossier.reference == "2026-0413"
    session.undo_stack.redo()
    assert page.lines["addressee.name"].text() == "Gemeente Zwolle"

    assert window.save()
    saved = load_review(session.path).review.dossier
    assert saved.reference == "2026-0413" and saved.addressee.name == "Gemeente Zwolle"


def test_dispatch_date_can_be_set_and_unset(opened):
    window = opened
    session = window.session
    page = dossier_page(window)
    assert page.date_edit.date() == NO_DATE
    assert page.date_edit.text() == "not set"
    assert not page.clear_date_button.isEnabled()
    page.date_edit.setDate(QDate(2026, 12, 3))
    assert session.review.dossier.dispatch_date == date(2026, 12, 3)
    assert page.clear_date_button.isEnabled()
    page.clear_date_button.click()
    assert session.review.dossier.dispatch_date is None
    session.undo_stack.undo()  # stepping the date and clearing it: one step
    assert session.review.dossier.dispatch_date is None
    page.today_button.click()
    assert session.review.dossier.dispatch_date == date.today()


def test_documents_table_add_edit_remove_and_take_from_the_drawings(opened, fake_dialogs):
    window = opened
    session = window.session
    session.add_drawing("Begane grond.png", png_drawing())
    session.add_drawing("Eerste verdieping.png", png_drawing())
    page = dossier_page(window)
    assert page.from_drawings_button.isEnabled()

    page.add_document_button.click()
    page.documents.item(0, 0).setText("A-101")
    page.documents.item(0, 1).setText("Begane grond")
    assert [d.number for d in session.review.dossier.documents] == ["A-101"]

    page.from_drawings_button.click()  # only the sheet not yet listed
    titles = [d.title for d in session.review.dossier.documents]
    assert titles == ["Begane grond", "Eerste verdieping"]
    assert page.documents.rowCount() == 2
    assert page.documents.item(1, 1).text() == "Eerste verdieping"
    assert page.take_from_drawings() == 0
    assert "listed already" in page._documents_hint.text()

    session.undo_stack.undo()  # taking from the drawings is one step
    assert len(session.review.dossier.documents) == 1
    session.undo_stack.redo()

    page.documents.selectRow(0)
    page.remove_document_button.click()
    assert [d.title for d in session.review.dossier.documents] == ["Eerste verdieping"]
    assert page.documents.rowCount() == 1


def test_default_contact_and_validity_come_from_the_organisation(opened):
    window = opened
    session = window.session
    page = dossier_page(window)
    assert not page.default_contact_button.isEnabled()  # no profile yet
    save_organisation(
        Organisation(
            name="Politie Oost-Nederland",
            contact=Contact(name="Marieke Hofstra", phone="0900-8844", email="m@example.nl"),
        )
    )
    organisation_notifier.changed.emit()
    assert page.lines["contact.name"].placeholderText() == "Marieke Hofstra"
    assert "holds only for the documents" in page.texts["validity"].placeholderText()
    assert page.default_contact_button.isEnabled()
    page.default_contact_button.click()
    assert session.review.dossier.contact == Contact(
        name="Marieke Hofstra", phone="0900-8844", email="m@example.nl"
    )
    assert page.lines["contact.phone"].text() == "0900-8844"
    session.undo_stack.undo()  # the whole contact is one step
    assert session.review.dossier.contact == Contact()


def test_too_long_text_is_refused_and_said(opened):
    window = opened
    page = dossier_page(window)
    page.texts["request"].setPlainText("x" * 50_000)
    assert page.texts["request"].limit_label.isVisibleTo(page)
    assert window.session.review.dossier.request == ""


def test_every_line_on_the_page_can_be_typed_into_undone_and_saved(opened, qtbot, fake_dialogs):
    # found by hand: a field on the page that the session did not know raised on typing
    from reviewer.ui.review.dossier_page import LINE_FIELDS, dossier_value

    window = opened
    session = window.session
    page = dossier_page(window)
    for n, field in enumerate(LINE_FIELDS):
        qtbot.keyClicks(page.lines[field], f"waarde {n}")
        assert dossier_value(session.review.dossier, field) == f"waarde {n}", field
    assert session.undo_stack.count() == len(LINE_FIELDS)
    session.undo_stack.undo()
    assert dossier_value(session.review.dossier, LINE_FIELDS[-1]) == ""
    assert window.save()
    saved = load_review(session.path).review.dossier
    assert (
        dossier_value(saved, "their_reference") == f"waarde {LINE_FIELDS.index('their_reference')}"
    )
    assert not fake_dialogs.called("show_error")
