"""Dutch is complete: every interface string has a translation, and it is used at run time."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from reviewer.paths import ROOT, TRANSLATIONS
from reviewer.ui import i18n

TS_FILE = TRANSLATIONS / "reviewer_nl.ts"


def messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.fixture
def dutch():
    i18n.set_language("nl")
    yield
    i18n.set_language("en")


def test_known_strings_translate_after_switching_to_dutch(dutch):
    translate = QCoreApplication.translate
    assert translate("PlanPanel", "Add") == "Toevoegen"
    assert translate("PlanModels", "cannot be negative.") == "kan niet negatief zijn."
    assert translate("SummaryView", "Per section") == "Per onderdeel"
    assert translate("NewReviewDialog", "Start review") == "Beoordeling starten"
    i18n.set_language("en")
    assert translate("PlanPanel", "Add") == "Add"


def test_no_unfinished_or_empty_translations():
    unfinished = []
    for context, message in messages():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        text = (translation.text or "").strip() or "".join(f.text or "" for f in translation)
        if translation.get("type") == "unfinished" or not text.strip():
            unfinished.append(f"[{context}] {message.findtext('source')}")
    assert unfinished == [], "run scripts/update_translations.py and translate:\n" + "\n".join(
        unfinished
    )


def test_placeholders_survive_translation():
    for context, message in messages():
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [translation.text or ""] if len(translation) == 0 else [f.text for f in translation]
        for form in forms:
            assert sorted(re.findall(r"\{\d+\}|%n", source)) == sorted(
                re.findall(r"\{\d+\}|%n", form or "")
            ), f"[{context}] {source!r} -> {form!r}"


def test_every_ui_module_string_is_in_the_ts(tmp_path):
    """The committed .ts is current: lupdate over reviewer/ui finds no new strings."""
    lupdate = shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin")) or shutil.which(
        "pyside6-lupdate"
    )
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    import subprocess

    copy = tmp_path / "reviewer_nl.ts"
    shutil.copy(TS_FILE, copy)
    sources = sorted(str(p) for p in (ROOT / "reviewer" / "ui").glob("*.py"))
    out = subprocess.run(
        [lupdate, *sources, "-ts", str(copy), "-locations", "none", "-no-obsolete"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"\((\d+) new and", out.stdout)
    assert found is not None, out.stdout
    assert found.group(1) == "0", "new strings: run scripts/update_translations.py"


def test_build_translations_produces_a_loadable_qm(tmp_path):
    shutil.copy(TS_FILE, tmp_path / TS_FILE.name)
    built = i18n.build_translations(tmp_path, force=True)
    qm = tmp_path / "reviewer_nl.qm"
    assert built == [qm]
    assert qm.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("SummaryView", "Total") == "Totaal"


def test_update_script_reports_unfinished(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.unfinished(TS_FILE) == []
    broken = tmp_path / "x.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="nl"><context>'
        "<name>PlanPanel</name><message><source>New</source>"
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8",
    )
    assert module.unfinished(broken) == [("PlanPanel", "New")]


def test_every_string_has_a_class_context():
    """lupdate files `tr` calls it cannot tie to a class (an alias like `tr = self.tr`, or a
    call outside a class) under an empty context; at run time Qt looks them up under the
    class name, so they would stay English."""
    orphans = [m.findtext("source") for context, m in messages() if not context]
    assert orphans == [], "call self.tr(...) directly for: " + ", ".join(orphans[:8])
