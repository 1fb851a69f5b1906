"""A tab page whose widget is made the first time it is shown: the app starts faster
when the plan, summary and drawings views are built only when somebody looks at them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """A tab page whose widget is made the first time it is shown (or asked for)."""

    created = Signal(QWidget)

    def __init__(
        self, factory: Callable[[QWidget], QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._widget: QWidget | None = None
        self._session: object = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_created(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._factory(self)
            self.layout().addWidget(self._widget)
            self._widget.set_session(self._session)  # type: ignore[attr-defined]
            self.created.emit(self._widget)
        return self._widget

    def set_session(self, session: object) -> None:
        self._session = session
        if self._widget is not None:
            self._widget.set_session(session)  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        self.widget()
        super().showEvent(event)
