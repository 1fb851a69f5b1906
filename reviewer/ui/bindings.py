"""Refuse to start on Qt bindings with a known reference-count defect.

PySide6 6.12.0 (with Python 3.11, where `None`, `True` and `False` are counted like any
other object) takes a reference from `None` at every call of a Qt method that returns
nothing (`QLabel.setText`, `QProgressBar.setValue`, …) and one from `True` at every
`Signal.emit`. After a few hundred edits the count reaches zero and Python aborts with
"Fatal Python error: none_dealloc", taking unsaved work with it. pyproject.toml excludes
that version; this probe catches it (and any later version with the same defect) when
the app is installed by other means, before a window opens.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, Signal

PROBE_CALLS = 64
KNOWN_BAD = ("6.12.0",)


class _Probe(QObject):
    ping = Signal()


def refcount_drift(calls: int = PROBE_CALLS) -> dict[str, int]:
    """How far the counts of None, True and False moved over `calls` void Qt calls and
    signal emits; a sound binding leaves all three where they were."""
    probe = _Probe()
    singletons = {"None": None, "True": True, "False": False}
    before = {name: sys.getrefcount(obj) for name, obj in singletons.items()}
    for _ in range(calls):
        probe.setObjectName("probe")  # a method that returns nothing
        probe.ping.emit()
        probe.signalsBlocked()  # a method that returns a bool
    after = {name: sys.getrefcount(obj) for name, obj in singletons.items()}
    drift = {name: after[name] - before[name] for name in singletons}
    for name, moved in drift.items():
        # give back what the probe's own calls took, so that a refusing app exits cleanly
        # instead of aborting while Python shuts down
        for _ in range(-moved):
            _incref(singletons[name])
    return drift


def _incref(obj: object) -> None:
    import ctypes

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def defect_message(drift: dict[str, int] | None = None, calls: int = PROBE_CALLS) -> str | None:
    """A message for the person starting the app when the bindings lose references."""
    drift = refcount_drift(calls) if drift is None else drift
    lost = [name for name, moved in drift.items() if moved <= -calls // 2]
    if not lost:
        return None
    return (
        f"PySide6 {PYSIDE_VERSION} loses references to {' and '.join(lost)} at every Qt "
        "call, which makes the app abort after a few hundred edits and lose unsaved work. "
        f"Install a version without this defect (not {', '.join(KNOWN_BAD)}), for example: "
        "pip install 'PySide6-Essentials==6.11.3'"
    )
