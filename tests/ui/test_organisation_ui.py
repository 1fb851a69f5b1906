"""The organisation settings dialog and the role that follows the review's perspective.

Every test keeps the profile in its temporary folder (conftest patches config_dir)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QDialog

from reviewer.domain.checklist import Perspective
from reviewer.domain.organisation import Organisation
from reviewer.storage import organisation as storage
from reviewer.storage.organisation import FILE_NAME, load_organisation, save_organisation
from reviewer.ui.i18n import set_language
from reviewer.ui.organisation_dialog import OrganisationDialog
from reviewer.ui.review.new_review_dialog import NewReviewDialog


def make_dialog(qtbot) -> OrganisationDialog:  # type: ignore[no-untyped-def]
    dialog = OrganisationDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_profiles_stay_in_the_test_folder(tmp_path):
    assert storage.config_dir() == tmp_path / "config"


def test_edit_and_save_the_profile(qtbot, tmp_path):
    dialog = make_dialog(qtbot)
    assert dialog.error_text == ""
    dialog.lines["name"].setText("Politie Oost-Nederland")
    dialog.lines["unit"].setText("Team bouwplanadvisering   Zwolle")
    dialog.texts["postal_address"].setPlainText("Postbus 10000\n8000 AA Zwolle")
    dialog.lines["contact.name"].setText("Marieke Hofstra")
    dialog.lines["signatory"].setText("Marieke Hofstra")
    dialog.lines["role_cohesion"].setText("Wijkagent")
    dialog.texts["validity.nl"].setPlainText("")  # emptied: the standard text again
    assert dialog.save()
    profile = load_organisation()
    organisation = profile.organisation
    assert profile.folder == tmp_path / "config"
    assert organisation.name == "Politie Oost-Nederland"
    assert organisation.unit == "Team bouwplanadvisering Zwolle"
    assert organisation.postal_address == "Postbus 10000\n8000 AA Zwolle"
    assert organisation.contact.name == "Marieke Hofstra"
    assert organisation.role(Perspective.COHESION, "nl") == "Wijkagent"
    assert organisation.validity.get("nl") == Organisation().validity.get("nl")

    again = make_dialog(qtbot)  # the saved profile fills the form
    assert again.lines["name"].text() == "Politie Oost-Nederland"
    assert again.lines["role_cohesion"].text() == "Wijkagent"


def test_a_broken_profile_is_said_in_the_dialog_and_saving_replaces_it(qtbot, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / FILE_NAME).write_text("name: [unclosed\n", encoding="utf-8")
    dialog = make_dialog(qtbot)
    assert "cannot be read" in dialog.error_text
    assert "not valid YAML" in dialog.error_text
    assert dialog.lines["name"].text() == ""
    dialog.lines["name"].setText("Atelier Rietvink")
    assert dialog.save()
    assert load_organisation().organisation.name == "Atelier Rietvink"


def test_a_profile_with_a_wrong_field_is_said_too(qtbot, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / FILE_NAME).write_text("name: X\nlogo: ../../etc/passwd\n", encoding="utf-8")
    dialog = make_dialog(qtbot)
    assert "logo" in dialog.error_text


def test_logo_is_checked_previewed_and_saved_next_to_the_profile(qtbot, tmp_path, fake_dialogs):
    good = tmp_path / "logo-in.png"
    Image.new("RGB", (300, 100), "#1e3a8a").save(good)
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"not a png at all")
    huge = tmp_path / "huge.png"
    Image.new("1", (5000, 10)).save(huge)
    dialog = make_dialog(qtbot)

    fake_dialogs.reply("ask_image_path", fake, huge)
    assert not dialog.choose_image("logo")
    assert "not a PNG or JPEG" in dialog.error_text
    assert not dialog.choose_image("logo")
    assert "4000 pixels" in dialog.error_text
    assert dialog.previews["logo"].pixmap().isNull()

    fake_dialogs.reply("ask_image_path", good)
    assert dialog.choose_image("logo")
    assert dialog.error_text == ""
    assert not dialog.previews["logo"].pixmap().isNull()
    dialog.lines["name"].setText("Gemeente")
    assert dialog.save()
    profile = load_organisation()
    assert profile.organisation.logo == "logo.png"
    assert profile.logo == good.read_bytes()

    dialog.remove_image("logo")
    assert dialog.save()
    assert load_organisation().organisation.logo == ""


def test_start_from_an_example_fills_the_form_and_saves_its_logo(qtbot, fake_dialogs):
    dialog = make_dialog(qtbot)
    names = list(storage.bundled_organisations())
    fake_dialogs.reply("ask_choice", names.index("politie-voorbeeld"))
    assert dialog.start_from_example()
    assert dialog.lines["name"].text() == "Politie Oost-Nederland"
    assert not dialog.previews["logo"].pixmap().isNull()
    assert not Path(storage.config_dir(), FILE_NAME).exists()  # nothing saved yet
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = load_organisation()
    assert profile.organisation.unit == "Team bouwplanadvisering Zwolle"
    assert profile.logo is not None


def test_the_menu_opens_the_settings(opened, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "reviewer.ui.organisation_dialog.edit_organisation", lambda parent: calls.append(1)
    )
    assert opened.organisation_action in opened.edit_menu.actions()
    opened.organisation_action.trigger()
    assert calls == [1]


# ------------------------------------------------------------ the role follows the perspective
def new_review_dialog(qtbot, checklist) -> NewReviewDialog:  # type: ignore[no-untyped-def]
    dialog = NewReviewDialog(checklist=checklist, profiles={})
    qtbot.addWidget(dialog)
    return dialog


def test_role_follows_the_perspective_without_a_profile(qtbot, checklist):
    dialog = new_review_dialog(qtbot, checklist)
    role = dialog.reviewer_role_combo
    assert role.currentText() == "Building-plan adviser"
    dialog.perspective_button("cohesion").setChecked(True)
    assert role.currentText() == "Social cohesion adviser"
    assert "police" not in role.currentText().lower()
    set_language("nl")
    assert role.currentText() == "Adviseur sociale cohesie"
    dialog.perspective_button("safety").setChecked(True)
    assert role.currentText() == "Bouwplanadviseur"


def test_role_and_signatory_come_from_the_profile(qtbot, checklist):
    save_organisation(
        Organisation(
            name="Politie Oost-Nederland",
            signatory="Marieke Hofstra",
            role_safety="Bouwplanadviseur politie",
        )
    )
    dialog = new_review_dialog(qtbot, checklist)
    assert dialog.reviewer_name_edit.text() == "Marieke Hofstra"
    assert dialog.reviewer_role_combo.currentText() == "Bouwplanadviseur politie"
    dialog.perspective_button("cohesion").setChecked(True)
    assert dialog.reviewer_role_combo.currentText() == "Social cohesion adviser"
    dialog.identity_edit("name").setText("Merelhof")
    review = dialog.build_review()
    assert review is not None
    # the default role is stored empty: each view and letter says it in its language
    assert review.reviewer.role == ""
    assert review.reviewer.organisation == "Politie Oost-Nederland"


def test_a_typed_role_is_kept_when_the_perspective_changes(qtbot, checklist):
    dialog = new_review_dialog(qtbot, checklist)
    dialog.reviewer_role_combo.setCurrentText("Wijkagent")
    dialog.perspective_button("cohesion").setChecked(True)
    assert dialog.reviewer_role_combo.currentText() == "Wijkagent"
