"""Every question the app asks a person, as one small function.

The rest of the UI calls these through the module (`dialogs.ask_text(...)`), so tests
replace them with `monkeypatch.setattr(dialogs, "ask_text", ...)` and never see a modal
dialog. Keep them thin: no logic here beyond building the dialog and reading the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:
    from reviewer.domain.measuring import Proposal

SaveChoice = Literal["save", "discard", "cancel"]
RecoverChoice = Literal["recover", "discard", "later"]
LockedChoice = Literal["read_only", "take_over", "cancel"]
ConflictChoice = Literal["save_as", "compare", "cancel"]


def review_filter() -> str:
    return (
        QCoreApplication.translate("dialogs", "Reviews (*.review)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)")
    )


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    """Unsaved changes: save, discard them, or cancel what was about to happen."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Unsaved changes"))
    box.setText(QCoreApplication.translate("dialogs", "Save the changes to “{0}”?").format(name))
    box.setInformativeText(
        QCoreApplication.translate("dialogs", "Your changes are lost if you don't save them.")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_text(
    parent: QWidget | None, title: str, label: str, text: str = "", *, multiline: bool = True
) -> str | None:
    """A short text (override reason, local constraint); None when cancelled."""
    if multiline:
        value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    else:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_open_path(parent: QWidget | None, directory: str = "") -> Path | None:
    """A .review or .workshop file to open."""
    documents = ";;".join(
        (
            QCoreApplication.translate("dialogs", "Reviews and workshops (*.review *.workshop)"),
            QCoreApplication.translate("dialogs", "Reviews (*.review)"),
            QCoreApplication.translate("dialogs", "Workshops (*.workshop)"),
            QCoreApplication.translate("dialogs", "All files (*)"),
        )
    )
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("dialogs", "Open review"), directory, documents
    )
    return Path(name) if name else None


def ask_save_file(
    parent: QWidget | None, title: str, suggested: str, file_filter: str, suffix: str
) -> Path | None:
    """A file to write, with `suffix` (e.g. ".pdf") added when the name lacks it."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_save_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    title = QCoreApplication.translate("dialogs", "Save review as")
    return ask_save_file(parent, title, suggested, review_filter(), ".review")


def ask_export_path(parent: QWidget | None, suggested: str = "") -> Path | None:
    title = QCoreApplication.translate("dialogs", "Export PDF report")
    pdf = QCoreApplication.translate("dialogs", "PDF documents (*.pdf)")
    return ask_save_file(parent, title, suggested, pdf, ".pdf")


def ask_photo_paths(parent: QWidget | None, directory: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("dialogs", "Add photos"),
        directory,
        QCoreApplication.translate("dialogs", "Photos (*.jpg *.jpeg *.png)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)"),
    )
    return [Path(n) for n in names]


def ask_image_path(parent: QWidget | None, title: str, directory: str = "") -> Path | None:
    """An image file (a logo, a scanned signature): PNG or JPEG."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        directory,
        QCoreApplication.translate("dialogs", "Images (*.png *.jpg *.jpeg)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)"),
    )
    return Path(name) if name else None


def ask_ifc_path(parent: QWidget | None, directory: str = "") -> Path | None:
    """An IFC model to import: .ifc or .ifczip."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Import IFC model"),
        directory,
        QCoreApplication.translate("dialogs", "IFC models (*.ifc *.ifczip)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)"),
    )
    return Path(name) if name else None


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


Choice = tuple[str, str, QMessageBox.ButtonRole]  # the answer, the button's text, its role


def _choose(box: QMessageBox, choices: list[Choice], fallback: str, *, cancel: bool) -> str:
    """Add a button per choice (the first is the default), show the box, and return the
    chosen answer; `fallback` when the box was closed otherwise (or Cancel pressed)."""
    buttons = {}
    for answer, text, role in choices:
        buttons[answer] = box.addButton(text, role)
    if cancel:
        box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[choices[0][0]])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, button in buttons.items() if button is clicked), fallback)


def _warning_box(parent: QWidget | None, title: str, text: str, info: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(info)
    return box


def ask_confirm(parent: QWidget | None, title: str, text: str, info: str, action: str) -> bool:
    """A warning that lets the person go on all the same: True when they chose `action`
    (the button's text), False when they cancelled (Cancel is the default)."""
    box = _warning_box(parent, title, text, info)
    box.setIcon(QMessageBox.Icon.Question)
    go_on = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go_on


def ask_recover(
    parent: QWidget | None, name: str, original: str, when: str, file_note: str = ""
) -> RecoverChoice:
    """A recovery file was left behind: recover it, discard it, or ask again next time.
    `file_note` says how the copy relates to the file on disk (dates, which is newer)."""
    where = original or QCoreApplication.translate("dialogs", "(never saved)")
    info = QCoreApplication.translate("dialogs", "Autosaved {0}.\nOriginal file: {1}").format(
        when, where
    )
    box = _warning_box(
        parent,
        QCoreApplication.translate("dialogs", "Recover unsaved changes"),
        QCoreApplication.translate(
            "dialogs", "The app was not closed properly. Recover the unsaved changes to “{0}”?"
        ).format(name),
        f"{info}\n\n{file_note}" if file_note else info,
    )
    if not file_note:
        box.setIcon(QMessageBox.Icon.Question)
    role = QMessageBox.ButtonRole
    choices: list[Choice] = [
        ("recover", QCoreApplication.translate("dialogs", "Recover"), role.AcceptRole),
        ("discard", QCoreApplication.translate("dialogs", "Discard"), role.DestructiveRole),
        ("later", QCoreApplication.translate("dialogs", "Later"), role.RejectRole),
    ]
    return _choose(box, choices, "later", cancel=False)  # type: ignore[return-value]


def ask_locked(
    parent: QWidget | None, name: str, owner: str, since: str, can_take_over: bool
) -> LockedChoice:
    """The file is open elsewhere: open it read-only, take the lock over, or cancel."""
    text = QCoreApplication.translate(
        "dialogs",
        "Open it read-only to look at it or save a copy under another name. Saving over it "
        "while the other person works on it would lose their changes or yours.",
    )
    if can_take_over:
        text += "\n\n" + QCoreApplication.translate(
            "dialogs",
            "Take over only when you are sure the file is no longer open there (for "
            "instance, that computer crashed).",
        )
    box = _warning_box(
        parent,
        QCoreApplication.translate("dialogs", "File in use"),
        QCoreApplication.translate("dialogs", "“{0}” is open by {1} since {2}.").format(
            name, owner, since
        ),
        text,
    )
    role = QMessageBox.ButtonRole
    choices: list[Choice] = [
        ("read_only", QCoreApplication.translate("dialogs", "Open read-only"), role.AcceptRole)
    ]
    if can_take_over:
        take_over = QCoreApplication.translate("dialogs", "Take over")
        choices.append(("take_over", take_over, role.DestructiveRole))
    return _choose(box, choices, "cancel", cancel=True)  # type: ignore[return-value]


def ask_conflict(
    parent: QWidget | None, name: str, disk_time: str, can_compare: bool
) -> ConflictChoice:
    """The file changed on disk since it was opened: save under another name, compare
    the two, or cancel. Overwriting is not offered: it would lose the other changes."""
    box = _warning_box(
        parent,
        QCoreApplication.translate("dialogs", "File changed by someone else"),
        QCoreApplication.translate(
            "dialogs", "“{0}” was saved by someone else ({1}) after you opened it."
        ).format(name, disk_time),
        QCoreApplication.translate(
            "dialogs",
            "Saving over it would lose their changes, so it was not saved. Save your "
            "version under another name, then compare the two and merge what you need.",
        ),
    )
    role = QMessageBox.ButtonRole
    choices: list[Choice] = [
        ("save_as", QCoreApplication.translate("dialogs", "Save as…"), role.AcceptRole)
    ]
    if can_compare:
        compare = QCoreApplication.translate("dialogs", "Compare")
        choices.append(("compare", compare, role.ActionRole))
    return _choose(box, choices, "cancel", cancel=True)  # type: ignore[return-value]


def ask_register_conflict(
    parent: QWidget | None, name: str, who: str, when: str, *, can_compare: bool = False
) -> str:
    """A save to the register was refused: someone saved a newer version of the document
    since it was opened here. Compare the two (a review), reload theirs, save this one as
    a new document, or cancel."""
    box = _warning_box(
        parent,
        QCoreApplication.translate("dialogs", "Changed in the register by someone else"),
        QCoreApplication.translate(
            "dialogs", "“{0}” was saved in the register by {1} ({2}) after you opened it."
        ).format(name, who or "?", when),
        QCoreApplication.translate(
            "dialogs",
            "Saving over it would lose their changes, so it was not saved. Reload their "
            "version (your changes are lost), or save yours as a new document in the same "
            "dossier and compare the two.",
        ),
    )
    role = QMessageBox.ButtonRole
    choices: list[Choice] = [
        ("save_new", QCoreApplication.translate("dialogs", "Save as new"), role.AcceptRole),
        ("reload", QCoreApplication.translate("dialogs", "Reload theirs"), role.DestructiveRole),
    ]
    if can_compare:
        compare = QCoreApplication.translate("dialogs", "Compare")
        choices.append(("compare", compare, role.ActionRole))
    return _choose(box, choices, "cancel", cancel=True)


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def open_url(url: QUrl) -> bool:
    """Open a file or link with the system's default application."""
    return QDesktopServices.openUrl(url)


def ask_drawing_paths(parent: QWidget | None, directory: str = "") -> list[Path]:
    """Drawings to add: PNG, JPEG or PDF files."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("dialogs", "Add drawings"),
        directory,
        QCoreApplication.translate("dialogs", "Drawings (*.pdf *.png *.jpg *.jpeg)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)"),
    )
    return [Path(n) for n in names]


def ask_number(
    parent: QWidget | None,
    title: str,
    label: str,
    value: float = 0.0,
    minimum: float = 0.0,
    maximum: float = 1e6,
    decimals: int = 2,
) -> float | None:
    """A number (a real distance in metres, say); None when cancelled. Shown and read as
    the tables do ("2,5" in Dutch; a comma or a point accepted)."""
    from reviewer.ui.widgets.number_dialog import ask_number as ask

    return ask(parent, title, label, value, minimum, maximum, decimals)


def ask_certificate(parent: QWidget | None, directory: str = "") -> Path | None:
    """A PKCS#12 certificate (.p12 / .pfx) to sign with; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Certificate to sign with"),
        directory,
        QCoreApplication.translate("dialogs", "Certificates (*.p12 *.pfx)")
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)"),
    )
    return Path(name) if name else None


def ask_passphrase(parent: QWidget | None, certificate: str) -> str | None:
    """The certificate's passphrase, typed unseen ('' for none); None when cancelled."""
    value, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("dialogs", "Passphrase"),
        QCoreApplication.translate("dialogs", "Passphrase of {0} (empty if it has none):").format(
            certificate
        ),
        QLineEdit.EchoMode.Password,
    )
    return value if ok else None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """One of `items` (by index); None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def ask_assignment(
    parent: QWidget | None,
    value: float,
    unit: str,
    where: str,
    proposals: Sequence[Proposal],
    lang: str,
) -> int | None:
    """The plan fact (an index in `proposals`) to write a measured `value` into; None
    when cancelled. Nothing is chosen for the person unless the proposal says it is safe."""
    from reviewer.ui.drawings.assign_dialog import AssignDialog

    dialog = AssignDialog(parent, value, unit, where, proposals, lang)
    try:
        return dialog.chosen() if dialog.exec() == AssignDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
