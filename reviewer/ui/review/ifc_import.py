"""File → Import IFC… and Review → Update from IFC…: the model read off the GUI thread.

`ifc_import_job` runs `reviewer.bim.ifc_import.read_model` in a worker thread with a
progress dialog whose Cancel stops it between steps. `reviewer.bim` (and ifcopenshell
with it) is imported only here, only when a model is read: without the `bim` extra the
app starts as before and the actions say how to add it (`extra_missing_text`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reviewer.ui.background import BackgroundJob

translate = QCoreApplication.translate


def extra_missing_text() -> str | None:
    """None when IFC import can run; otherwise what to install, in the interface language."""
    from reviewer.bim import INSTALL_HINT, missing_extra

    missing = missing_extra()
    if missing is None:
        return None
    return translate(
        "IfcImport",
        "Importing IFC models needs the optional BIM packages ({0}), which are not "
        "installed.\n\nInstall them with:\n{1}\n\nor, in a checkout, run: scripts/dev setup --bim",
    ).format(missing, INSTALL_HINT)


def change_lines(changes: list[Any], lang: str) -> list[str]:
    """The changes of an update from IFC, one line each, as a person reads them."""
    from reviewer.domain.plan import ELEMENT_LABELS, FACTS, SUGGESTED_ELEMENT, value_label

    lines = []
    for change in changes:
        if change.collection == "identity":
            what = translate("IfcImport", "plan {0}").format(change.fact)
        else:
            kind = ELEMENT_LABELS[change.collection].get(lang)
            what = f"{kind} {change.element}"
            if change.fact != SUGGESTED_ELEMENT:
                what += " " + FACTS[change.collection][change.fact].label.get(lang)
        if change.fact == SUGGESTED_ELEMENT:
            if change.old is None:
                line = translate("IfcImport", "{0}: new in the model").format(what)
            elif change.kept:
                line = translate(
                    "IfcImport", "{0}: no longer in the model, kept (it was confirmed)"
                ).format(what)
            else:
                line = translate("IfcImport", "{0}: no longer in the model, removed").format(what)
        else:
            old = value_label(change.old, lang) if change.old not in (None, "") else "–"
            new = value_label(change.new, lang) if change.new not in (None, "") else "–"
            if change.kept:
                line = translate(
                    "IfcImport", "{0}: the model now says {1}; kept {2} (typed or confirmed)"
                ).format(what, new, old)
            else:
                line = translate("IfcImport", "{0}: {1} → {2}").format(what, old, new)
        lines.append(line)
    return lines


def _describe(path: Path) -> Any:
    def describe(exc: BaseException) -> str:
        from reviewer.bim.ifc_import import IfcImportError

        if isinstance(exc, IfcImportError):
            return str(exc)
        if isinstance(exc, MemoryError):
            return f"{path.name} is too large to import on this computer"
        # a model ifcopenshell chokes on: said, never a traceback
        return f"{path.name} could not be read ({type(exc).__name__}: {exc})"

    return describe


def ifc_import_job(parent: QWidget, path: Path) -> BackgroundJob:
    """The model at `path` read in a worker thread, with a progress dialog and Cancel;
    `finished` carries the `reviewer.bim.ifc_import.IfcImport`."""
    from reviewer.bim.ifc_import import ImportCancelled, read_model

    def work(progress: Any, cancelled: Any) -> Any:
        return read_model(
            path, progress=lambda percent, _text: progress(percent, 100), cancelled=cancelled
        )

    return BackgroundJob(
        parent,
        work,
        title=translate("IfcImport", "Import IFC model"),
        label=translate("IfcImport", "Reading {0}…").format(path.name),
        cancelled_by=(ImportCancelled,),
        describe=_describe(path),
    )
