"""The PySide6 desktop app. Reads the domain; files go through reviewer.storage."""
