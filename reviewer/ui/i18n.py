"""Interface language: Qt translations for UI strings, checklist texts from the YAML.

UI strings are written in English in the code (`self.tr("Save")`) and translated to
Dutch by `resources/translations/reviewer_nl.ts`. Qt's own dialogs use Qt's translation
(qtbase_nl) and, for the Qt 6 texts it lacks, `resources/translations/qt_extra_nl.ts`.
Each `.qm` is compiled from its `.ts` with PySide6's lrelease when it is missing or older
than its source (at setup or at start). Dutch is the default language.

Widgets that show text listen to `notifier.changed` (or handle QEvent.LanguageChange)
and re-read their strings; checklist and plan texts use `current_lang()`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal

from reviewer.domain.text import Lang
from reviewer.paths import TRANSLATIONS

DEFAULT_LANG: Lang = "nl"
LANG_NAMES: dict[str, str] = {"nl": "Nederlands", "en": "English"}


class _Notifier(QObject):
    changed = Signal(str)


notifier = _Notifier()
_state: dict[str, object] = {
    "lang": DEFAULT_LANG,
    "translator": None,
    "qt_translator": None,
    "qt_extra_translator": None,
}


def current_lang() -> Lang:
    return _state["lang"]  # type: ignore[return-value]


def _lrelease() -> list[str] | None:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def build_translations(folder: Path = TRANSLATIONS, force: bool = False) -> list[Path]:
    """Compile every .ts in `folder` to .qm when missing or stale; returns the .qm files."""
    built: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool = _lrelease()
            if tool is None:
                continue
            try:
                subprocess.run(
                    [*tool, "-silent", str(ts), "-qm", str(qm)],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
            except (OSError, subprocess.SubprocessError):
                continue  # the app still runs, in English
        if qm.exists():
            built.append(qm)
    return built


def set_language(lang: str) -> Lang:
    """Switch the interface language; installs the Dutch translator for 'nl'."""
    lang = lang if lang in LANG_NAMES else DEFAULT_LANG
    app = QCoreApplication.instance()
    for key in ("translator", "qt_translator", "qt_extra_translator"):
        old = _state.get(key)
        if app is not None and isinstance(old, QTranslator):
            app.removeTranslator(old)
        _state[key] = None
    if lang == "nl" and app is not None:
        build_translations()
        translator = QTranslator(app)
        if translator.load(str(TRANSLATIONS / "reviewer_nl.qm")):
            app.installTranslator(translator)
            _state["translator"] = translator
        # Qt's own texts: the standard buttons (Save, Discard, Cancel, OK) in dialogs
        qt_translator = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load("qtbase_nl", qt_folder):
            app.installTranslator(qt_translator)
            _state["qt_translator"] = qt_translator
        # what qtbase_nl lacks of Qt 6 (the file dialog's "&Look in:", "Files of &type:");
        # installed last, so it is asked first
        extra = QTranslator(app)
        if extra.load(str(TRANSLATIONS / "qt_extra_nl.qm")):
            app.installTranslator(extra)
            _state["qt_extra_translator"] = extra
    _state["lang"] = lang
    notifier.changed.emit(lang)
    return lang  # type: ignore[return-value]
