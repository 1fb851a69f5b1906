"""Collect the interface strings into the Dutch translation source.

    .venv/bin/python scripts/update_translations.py [--keep-obsolete] [--check]

Runs PySide6's lupdate over every module under reviewer/ui/ into
resources/translations/reviewer_nl.ts.
Existing translations are kept (lupdate merges); new strings arrive as "unfinished" and
are listed at the end, so a translator knows what to fill in. Strings that disappeared
from the code are dropped unless --keep-obsolete is given. Source locations are not
stored, so the .ts changes only when strings change.

--check reports unfinished strings and exits 1 when there are any (for CI).
The .qm is built from the .ts by reviewer.ui.i18n.build_translations (at setup/start).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "reviewer" / "ui"
TS_FILE = ROOT / "reviewer" / "resources" / "translations" / "reviewer_nl.ts"


def lupdate_command() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lupdate")
    if found:
        return [found]
    raise SystemExit("pyside6-lupdate not found: install PySide6 into the virtual environment")


def _text(translation: ET.Element) -> str:
    """The translation, or its plural forms joined (numerus messages)."""
    forms = translation.findall("numerusform")
    if forms:
        return (
            ""
            if any(not (f.text or "").strip() for f in forms)
            else "|".join(f.text or "" for f in forms)
        )
    return (translation.text or "").strip()


def unfinished(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of every message whose translation is missing or unfinished."""
    if not ts_file.exists():
        return []
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if kind == "unfinished" or translation is None or not _text(translation):
                out.append((name, message.findtext("source", "")))
    return out


def without_context(ts_file: Path = TS_FILE) -> list[str]:
    """Strings lupdate could not give a class context: `tr` called through an alias
    (`tr = self.tr; tr("...")`) or outside a class. They do not translate at run time,
    where the context is the class name; call `self.tr("...")` directly instead."""
    if not ts_file.exists():
        return []
    return [
        message.findtext("source", "")
        for context in ET.parse(ts_file).getroot().iter("context")
        if not context.findtext("name", "")
        for message in context.iter("message")
    ]


def update(keep_obsolete: bool = False) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    command = [
        *lupdate_command(),
        *sources,
        "-ts",
        str(TS_FILE.relative_to(ROOT)),
        "-source-language",
        "en",
        "-target-language",
        "nl",
        "-locations",
        "none",
    ]
    if not keep_obsolete:
        command.append("-no-obsolete")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(result.returncode)
    print(result.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-obsolete", action="store_true", help="keep removed strings")
    parser.add_argument("--check", action="store_true", help="only report unfinished strings")
    args = parser.parse_args(argv)
    if not args.check:
        update(keep_obsolete=args.keep_obsolete)
    orphans = without_context()
    if orphans:
        print(
            f"warning: {len(orphans)} strings have no context and will not translate at run "
            "time (tr through an alias or outside a class; use self.tr directly), e.g. "
            + ", ".join(repr(o) for o in orphans[:5])
        )
    missing = unfinished()
    if missing:
        print(f"{len(missing)} strings still need a Dutch translation:")
        for context, source in missing:
            print(f"  [{context}] {source}")
    else:
        print("every string has a Dutch translation")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
