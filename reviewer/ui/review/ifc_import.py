"""File → Import IFC… and Review → Update from IFC…: the model read off the GUI thread.

`IfcImportJob` runs `reviewer.bim.ifc_import.read_model` in a worker thread with a
progress dialog whose Cancel stops it between steps. `reviewer.bim` (and ifcopenshell
with it) is imported only here, only when a model is read: without the `bim` extra the
app starts as before and the actions say how to add it (`extra_missing_text`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

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


class _Worker(QObject):
    progressed = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: Path, stop: threading.Event) -> None:
        super().__init__()
        self._path = path
        self._stop = stop

    @Slot()
    def run(self) -> None:
        from reviewer.bim.ifc_import import IfcImportError, ImportCancelled, read_model

        try:
            result = read_model(
                self._path,
                progress=lambda percent, text: self.progressed.emit(percent, text),
                cancelled=self._stop.is_set,
            )
        except ImportCancelled:
            self.cancelled.emit()
            return
        except IfcImportError as exc:
            self.failed.emit(str(exc))
            return
        except MemoryError:
            self.failed.emit(f"{self._path.name} is too large to import on this computer")
            return
        except Exception as exc:  # a model ifcopenshell chokes on: said, never a traceback
            self.failed.emit(f"{self._path.name} could not be read ({type(exc).__name__}: {exc})")
            return
        self.finished.emit(result)


class IfcImportJob(QObject):
    """One model read in a worker thread, with a progress dialog and Cancel."""

    finished = Signal(object)  # reviewer.bim.ifc_import.IfcImport
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, path: Path) -> None:
        super().__init__(parent)
        self.path = path
        self._stop = threading.Event()
        self.thread = QThread(self)
        self.worker = _Worker(path, self._stop)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog = QProgressDialog(parent)
        self.dialog.setObjectName("ifcProgress")
        self.dialog.setWindowTitle(self.tr("Import IFC model"))
        self.dialog.setLabelText(self.tr("Reading {0}…").format(path.name))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, 100)
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def cancel(self) -> None:
        """Stop at the next step; `cancelled` is emitted when the worker has stopped."""
        self._stop.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def wait(self) -> None:
        self._stop.set()
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait()

    def _progressed(self, percent: int, _text: str) -> None:
        self.dialog.setValue(max(0, min(percent, 100)))

    def _stop_thread(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)
        self.deleteLater()

    def _cancelled(self) -> None:
        self._stop_thread()
        self.cancelled.emit()
        self.deleteLater()
