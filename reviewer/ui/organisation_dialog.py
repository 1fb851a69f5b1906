"""The organisation settings: who the advice comes from (letterhead, logo, default contact,
signatory and role per perspective, disclaimer and validity statement in both languages,
an optional scanned signature).

The profile is the user's, not the review's: it is saved with
`reviewer.storage.organisation.save_organisation` in the user's configuration folder when
the dialog is accepted (Cancel keeps the file as it was). "Start from example…" fills the
form from a bundled example (a police unit, an architect's office), its images included;
saving then makes it the user's profile, as `adopt_bundled` would. A profile file that
cannot be read is said in the dialog, and saving replaces it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.checklist import Perspective
from reviewer.domain.organisation import DEFAULT_ROLES, Organisation
from reviewer.domain.text import MAX_NAME_CHARS
from reviewer.storage import organisation as storage
from reviewer.storage.files import FileTooLargeError, NotAFileError, read_regular_file
from reviewer.storage.organisation import OrganisationError, load_organisation_file
from reviewer.ui import dialogs
from reviewer.ui.checked import validation_text
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.organisation import organisation_notifier
from reviewer.ui.widgets.text_style import HINT_STYLE, MESSAGE_STYLE

MAX_IMAGE_BYTES = 2 << 20  # a logo or a scanned signature: 2 MiB is plenty
MAX_IMAGE_SIDE = 4000  # pixels
PREVIEW_HEIGHT = 56
LINES = (
    "name",
    "unit",
    "contact.name",
    "contact.phone",
    "contact.email",
    "signatory",
    "role_safety",
    "role_cohesion",
)
TEXTS = (
    "postal_address",
    "disclaimer.nl",
    "disclaimer.en",
    "validity.nl",
    "validity.en",
)
IMAGES = ("logo", "signature_image")


class ImageError(ValueError):
    """An image file that cannot be used as a logo or signature; the message says why."""


def checked_image(path: Path) -> tuple[str, bytes]:
    """(suffix, bytes) of a PNG or JPEG file that decodes and is not too large."""
    from PIL import Image

    try:
        data = read_regular_file(path, MAX_IMAGE_BYTES)
    except FileTooLargeError:
        raise ImageError(
            QCoreApplication.translate(
                "OrganisationDialog", "{0}: the file is larger than 2 MB"
            ).format(path.name)
        ) from None
    except (OSError, NotAFileError) as exc:
        raise ImageError(f"{path.name}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            width, height = image.size
            image.load()
    except Exception:  # Pillow raises many types for a broken file
        fmt, width, height = None, 0, 0
    if fmt not in ("PNG", "JPEG"):
        raise ImageError(
            QCoreApplication.translate(
                "OrganisationDialog", "{0}: not a PNG or JPEG image that can be read"
            ).format(path.name)
        )
    if max(width, height) > MAX_IMAGE_SIDE:
        raise ImageError(
            QCoreApplication.translate(
                "OrganisationDialog", "{0}: the image is larger than {1} pixels on a side"
            ).format(path.name, MAX_IMAGE_SIDE)
        )
    return (".png" if fmt == "PNG" else ".jpg"), data


class OrganisationDialog(QDialog):
    """Edit the user's organisation profile; `save()` writes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        # images chosen here (file name -> bytes), written next to the profile on save
        self._images: dict[str, bytes] = {}
        self._image_names: dict[str, str] = dict.fromkeys(IMAGES, "")
        self._folder: Path = storage.config_dir()

        self.lines: dict[str, QLineEdit] = {}
        for field in LINES:
            edit = QLineEdit()
            edit.setObjectName(f"organisation_{field}")
            edit.setMaxLength(MAX_NAME_CHARS)
            self.lines[field] = edit
        self.texts: dict[str, QPlainTextEdit] = {}
        for field in TEXTS:
            text = QPlainTextEdit()
            text.setObjectName(f"organisation_{field}")
            text.setTabChangesFocus(True)
            lines = 5 if field.startswith("disclaimer") else 3
            text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 14)
            text.setMinimumWidth(text.fontMetrics().averageCharWidth() * 40)
            self.texts[field] = text

        self.previews: dict[str, QLabel] = {}
        self.choose_buttons: dict[str, QPushButton] = {}
        self.remove_buttons: dict[str, QPushButton] = {}
        image_rows: dict[str, QHBoxLayout] = {}
        for field in IMAGES:
            preview = QLabel()
            preview.setObjectName(f"preview_{field}")
            preview.setFixedSize(PREVIEW_HEIGHT * 3, PREVIEW_HEIGHT)
            preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            preview.setStyleSheet("QLabel { border: 1px solid #c8ccd2; background: white; }")
            choose = QPushButton()
            choose.setObjectName(f"choose_{field}")
            choose.clicked.connect(lambda _c=False, f=field: self.choose_image(f))
            remove = QPushButton()
            remove.setObjectName(f"remove_{field}")
            remove.clicked.connect(lambda _c=False, f=field: self.remove_image(f))
            row = QHBoxLayout()
            row.addWidget(preview)
            row.addWidget(choose)
            row.addWidget(remove)
            row.addStretch(1)
            self.previews[field], self.choose_buttons[field] = preview, choose
            self.remove_buttons[field] = remove
            image_rows[field] = row

        self.error_label = QLabel()
        self.error_label.setObjectName("organisationError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(MESSAGE_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(HINT_STYLE)
        self.example_button = QPushButton()
        self.example_button.setObjectName("startFromExample")
        self.example_button.clicked.connect(self.start_from_example)

        self.letterhead_box = QGroupBox()
        self._labels: dict[str, QLabel] = {}

        def form(box: QGroupBox, rows: list[tuple[str, Any]], *, wrap: bool = False) -> None:
            layout = QFormLayout(box)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            if wrap:  # long texts: the label above its field, the field the whole width
                layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for key, widget in rows:
                label = QLabel()
                self._labels[key] = label
                if isinstance(widget, QWidget):
                    label.setBuddy(widget)
                layout.addRow(label, widget)

        form(
            self.letterhead_box,
            [
                ("name", self.lines["name"]),
                ("unit", self.lines["unit"]),
                ("postal_address", self.texts["postal_address"]),
                ("logo", image_rows["logo"]),
            ],
        )
        self.people_box = QGroupBox()
        form(
            self.people_box,
            [
                ("contact.name", self.lines["contact.name"]),
                ("contact.phone", self.lines["contact.phone"]),
                ("contact.email", self.lines["contact.email"]),
                ("signatory", self.lines["signatory"]),
                ("role_safety", self.lines["role_safety"]),
                ("role_cohesion", self.lines["role_cohesion"]),
                ("signature_image", image_rows["signature_image"]),
            ],
        )
        self.texts_box = QGroupBox()
        form(
            self.texts_box,
            [
                ("disclaimer.nl", self.texts["disclaimer.nl"]),
                ("disclaimer.en", self.texts["disclaimer.en"]),
                ("validity.nl", self.texts["validity.nl"]),
                ("validity.en", self.texts["validity.en"]),
            ],
            wrap=True,
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self._hint, 1)
        top.addWidget(self.example_button, 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.letterhead_box, 0, 0)
        grid.addWidget(self.people_box, 1, 0)
        grid.addWidget(self.texts_box, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)

        notifier.changed.connect(self.retranslate)
        self.retranslate()
        self._load()
        self.resize(1000, 10)

    # ------------------------------------------------------------ the profile
    @property
    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _load(self) -> None:
        """Fill the form from the user's profile; a broken one is said, the form empty."""
        try:
            profile = storage.load_organisation()
        except OrganisationError as exc:
            self._show_error(
                self.tr("The organisation profile cannot be read; saving replaces it.")
                + "\n"
                + str(exc)
            )
            self.fill(Organisation())
            return
        self._folder = profile.folder
        self.fill(profile.organisation)
        for field in IMAGES:
            name = getattr(profile.organisation, field)
            data = profile.image(name)
            self._show_image(field, data)

    def fill(self, organisation: Organisation) -> None:
        """Show `organisation` in the form (images by name; their previews separately)."""
        data = organisation.model_dump()
        for field, edit in self.lines.items():
            edit.setText(str(_value(data, field)))
        for field, text in self.texts.items():
            text.setPlainText(str(_value(data, field)))
        for field in IMAGES:
            self._image_names[field] = data[field]
            self._update_image_buttons(field)

    def organisation(self) -> Organisation:
        """The profile as the form holds it; raises ValidationError when it is refused."""
        data: dict[str, Any] = {"contact": {}, "disclaimer": {}, "validity": {}}
        for field, edit in self.lines.items():
            _put(data, field, " ".join(edit.text().split()))
        for field, text in self.texts.items():
            _put(data, field, text.toPlainText().strip())
        for lang_field in ("disclaimer", "validity"):
            default = Organisation.model_fields[lang_field].default
            for lang in ("nl", "en"):  # an emptied text falls back to the standard one
                if not data[lang_field][lang]:
                    data[lang_field][lang] = default.get(lang)
        data.update(self._image_names)
        return Organisation.model_validate(data)

    def save(self) -> bool:
        """Write the profile (and any new images); False, with the reason shown, when
        it cannot be."""
        try:
            organisation = self.organisation()
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            self._show_error(self.tr("Not saved: {0}: {1}").format(where, validation_text(exc)))
            return False
        used = {name for name in self._image_names.values() if name}
        images = {name: data for name, data in self._images.items() if name in used}
        try:
            storage.save_organisation(organisation, images, self._folder)
        except (OrganisationError, OSError) as exc:
            message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._show_error(self.tr("Not saved: {0}").format(message))
            return False
        self._show_error("")
        organisation_notifier.changed.emit()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    # ------------------------------------------------------------ images
    def _show_image(self, field: str, data: bytes | None) -> None:
        preview = self.previews[field]
        pixmap = QPixmap()
        if data:
            pixmap.loadFromData(QByteArray(data))
        if pixmap.isNull():
            preview.clear()
            preview.setText(self.tr("none") if not self._image_names[field] else "?")
        else:
            preview.setPixmap(
                pixmap.scaled(
                    preview.width() - 8,
                    preview.height() - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self._update_image_buttons(field)

    def _update_image_buttons(self, field: str) -> None:
        self.remove_buttons[field].setEnabled(bool(self._image_names[field]))

    @Slot()
    def choose_image(self, field: str) -> bool:
        """Ask for a PNG or JPEG file, check it and show it; refused files are said."""
        title = self.tr("Choose the logo") if field == "logo" else self.tr("Choose the signature")
        path = dialogs.ask_image_path(self, title)
        if path is None:
            return False
        try:
            suffix, data = checked_image(path)
        except ImageError as exc:
            self._show_error(str(exc))
            return False
        stem = "logo" if field == "logo" else "signature"
        name = f"{stem}{suffix}"
        self._images[name] = data
        self._image_names[field] = name
        self._show_error("")
        self._show_image(field, data)
        return True

    @Slot()
    def remove_image(self, field: str) -> None:
        self._image_names[field] = ""
        self._show_image(field, None)

    # ------------------------------------------------------------ examples
    @Slot()
    def start_from_example(self) -> bool:
        """Fill the form from a bundled example profile (saved only with Save)."""
        examples = storage.bundled_organisations()
        if not examples:
            return False
        names = list(examples)
        index = dialogs.ask_choice(
            self,
            self.tr("Start from an example"),
            self.tr("Which example profile? Its details replace what the form holds."),
            [_example_title(name) for name in names],
        )
        if index is None:
            return False
        path = examples[names[index]]
        try:
            profile = load_organisation_file(path)
        except OrganisationError as exc:
            self._show_error(str(exc))
            return False
        self.fill(profile.organisation)
        for field in IMAGES:
            name = getattr(profile.organisation, field)
            data = profile.image(name)
            if data is not None:
                self._images[name] = data
            self._show_image(field, data)
        self._show_error("")
        return True

    # ------------------------------------------------------------ language
    @Slot()
    def retranslate(self, _lang: str = "") -> None:
        lang = current_lang()
        self.setWindowTitle(self.tr("Organisation"))
        self._hint.setText(
            self.tr(
                "Who your advice comes from: the letterhead, the default contact and "
                "signatory, and the standard texts of the letter. Kept for you on this "
                "computer, for every review."
            )
        )
        self.example_button.setText(self.tr("Start from example…"))
        self.letterhead_box.setTitle(self.tr("Letterhead"))
        self.people_box.setTitle(self.tr("Contact and signature"))
        self.texts_box.setTitle(self.tr("Standard texts"))
        labels = {
            "name": self.tr("Organisation:"),
            "unit": self.tr("Unit:"),
            "postal_address": self.tr("Postal address:"),
            "logo": self.tr("Logo:"),
            "contact.name": self.tr("Default contact:"),
            "contact.phone": self.tr("Phone:"),
            "contact.email": self.tr("E-mail:"),
            "signatory": self.tr("Signatory:"),
            "role_safety": self.tr("Role, safety review:"),
            "role_cohesion": self.tr("Role, cohesion review:"),
            "signature_image": self.tr("Scanned signature:"),
            "disclaimer.nl": self.tr("Disclaimer (Dutch):"),
            "disclaimer.en": self.tr("Disclaimer (English):"),
            "validity.nl": self.tr("Validity (Dutch):"),
            "validity.en": self.tr("Validity (English):"),
        }
        for key, text in labels.items():
            self._labels[key].setText(text)
        for field, perspective in (
            ("role_safety", Perspective.SAFETY),
            ("role_cohesion", Perspective.COHESION),
        ):
            self.lines[field].setPlaceholderText(
                self.tr("empty: “{0}”").format(DEFAULT_ROLES[perspective].get(lang))
            )
        self.lines["contact.name"].setPlaceholderText(self.tr("shown in every new dossier"))
        for field in IMAGES:
            self.choose_buttons[field].setText(self.tr("Choose…"))
            self.remove_buttons[field].setText(self.tr("Remove"))
            self.choose_buttons[field].setToolTip(
                self.tr("A PNG or JPEG image, at most 2 MB and 4000 pixels on a side")
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


def _value(data: dict[str, Any], field: str) -> Any:
    for part in field.split("."):
        data = data[part]
    return data


def _put(data: dict[str, Any], field: str, value: Any) -> None:
    *parents, name = field.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[name] = value


def _example_title(stem: str) -> str:
    """A bundled example's name for the list ("politie-voorbeeld" → "Politie voorbeeld")."""
    words = stem.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def edit_organisation(parent: QWidget | None) -> bool:
    """The organisation settings dialog; True when a profile was saved."""
    dialog = OrganisationDialog(parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
