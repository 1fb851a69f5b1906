"""Error details in the Dutch interface are Dutch: the storage layer's messages (English,
shared with the command line) are translated where the window shows them."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from PySide6.QtCore import Qt

from reviewer.ui.error_text import error_text
from reviewer.ui.i18n import set_language
from reviewer.ui.review.pages import DRAWINGS


def shown_errors(fake_dialogs) -> str:
    return "\n".join(f"{args[1]}\n{args[2]}" for args in fake_dialogs.called("show_error"))


def test_a_file_that_is_not_a_drawing(opened, tmp_path, fake_dialogs, qtbot):
    set_language("nl")
    text = tmp_path / "notities.txt"
    text.write_text("geen tekening")
    fake_pdf = tmp_path / "plattegrond.pdf"
    fake_pdf.write_bytes(b"this is not a PDF at all")
    opened.show_view(DRAWINGS)
    view = opened.drawing_page.widget()
    fake_dialogs.reply("ask_drawing_paths", [text, fake_pdf])
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    message = shown_errors(fake_dialogs)
    assert "notities.txt is geen tekening: gebruik een PNG-, JPEG- of PDF-bestand" in message
    assert "plattegrond.pdf kan niet worden toegevoegd: plattegrond.pdf is geen PDF" in message
    assert "not a" not in message and "Cannot" not in message


def test_a_file_that_is_not_a_review(opened, tmp_path, fake_dialogs):
    set_language("nl")
    bad = tmp_path / "boodschappen.review"
    bad.write_text("melk, brood")
    assert not opened.open_file(bad)
    message = shown_errors(fake_dialogs)
    assert "boodschappen.review kan niet worden geopend" in message
    assert "geen beoordelingsbestand" in message
    assert "Cannot open" not in message


def test_a_zip_without_a_review_in_it(opened, tmp_path, fake_dialogs):
    set_language("nl")
    path = tmp_path / "archief.review"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("attachments/", b"")
    assert not opened.open_file(path)
    message = shown_errors(fake_dialogs)
    assert "review.json ontbreekt: dit is geen beoordelingsbestand" in message


def test_a_review_made_by_a_newer_version(opened, review_path, tmp_path, fake_dialogs):
    set_language("nl")
    newer = tmp_path / "nieuwer.review"
    buffer = io.BytesIO()
    with zipfile.ZipFile(review_path) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "review.json":
                payload = json.loads(data)
                payload["schema_version"] = 99
                data = json.dumps(payload).encode()
            target.writestr(info, data)
    newer.write_bytes(buffer.getvalue())
    assert not opened.open_file(newer)
    message = shown_errors(fake_dialogs)
    assert "gemaakt met een nieuwere versie van de app" in message
    assert "bestandsformaat 99" in message
    assert "newer version" not in message


def test_a_plan_file_with_errors(qtbot, checklist, tmp_path):
    from reviewer.ui.review.new_review_dialog import NewReviewDialog

    set_language("nl")
    dialog = NewReviewDialog(None, checklist=checklist)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = tmp_path / "fout.plan.yaml"
    bad.write_text(
        "identity:\n  name: X\nentrances:\n  - id: A\n    dwellings_served: 0\n"
        "  - id: A\n    dwellings_served: 4\n",
        encoding="utf-8",
    )
    dialog.choose_plan_file = lambda: str(bad)
    qtbot.mouseClick(dialog._load_button, Qt.MouseButton.LeftButton)
    text = dialog.error_text
    assert "fout.plan.yaml: ongeldige plangegevens" in text
    assert "entrances.1.id" in text  # the field as the file names it
    assert "aanduiding 'A' komt twee keer voor" in text
    assert "(regel 6)" in text
    assert "invalid" not in text and "line" not in text

    bad.write_text("identity:\n  name: X\nentrances:\n  - id: A\n    dwellings_served: 0\n")
    dialog.load_plan_file(bad)
    assert "moet groter zijn dan 0" in dialog.error_text
    bad.write_text("identity: [unclosed\n")
    dialog.load_plan_file(bad)
    assert "geen geldige YAML op regel" in dialog.error_text


@pytest.mark.parametrize(
    "message",
    [
        "Cannot open x.review: it is not a review file (not a zip container)",
        "plan.txt is not a drawing: use a PNG, JPEG or PDF file",
        "something the app does not know yet",
    ],
)
def test_english_stays_as_it_is(message):
    set_language("en")
    assert error_text(message) == message


def test_an_unknown_detail_keeps_its_translated_frame():
    set_language("nl")
    assert error_text("Cannot open a.review: the moon is green") == (
        "a.review kan niet worden geopend: the moon is green"
    )
