"""Work around a reference-count bug in PySide6 6.12.0: `SignalInstance.emit` returns
`True` without owning a reference to it, so every emit from Python takes one reference
from `True`; after a few thousand emits Python aborts ("bool_dealloc: deallocating True or
False"). PySide6 6.11 does not have the bug.

The fix is applied only when a probe shows the bug: the patched `emit` adds the missing
reference to the value it returns. Imported by `reviewer.ui` before anything else.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_drops_a_reference() -> bool:
    """Whether `emit` returns a borrowed `True` (the PySide6 6.12.0 bug)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return sys.getrefcount(True) - before <= -16


def apply() -> bool:
    """Patch `SignalInstance.emit` when needed; returns whether it was patched."""
    if getattr(SignalInstance.emit, "_reviewer_fix", False) or not emit_drops_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # the reference PySide forgot to give us
        return result

    emit._reviewer_fix = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


PATCHED = apply()
