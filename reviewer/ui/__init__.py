"""The PySide6 desktop app. Reads the domain; files go through reviewer.storage."""

from reviewer.ui import _pyside_fix  # noqa: F401  (PySide6 6.12.0 emit bug; see the module)
