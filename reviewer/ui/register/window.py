"""The register window: a search field that filters as you type (debounced, the query
off the GUI thread) into a sortable table; Enter or a double-click opens a hit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.storage.register import Hit, Register, RegisterError
from reviewer.ui.register.model import HitsModel
from reviewer.ui.register.stats_view import StatisticsView

DEBOUNCE_MS = 150


class _Signals(QObject):
    done = Signal(int, object)  # request number, list[Hit] or an error message (str)


class _Search(QRunnable):
    def __init__(self, register: Register, text: str, number: int, signals: _Signals) -> None:
        super().__init__()
        self.register, self.text, self.number, self.signals = register, text, number, signals

    def run(self) -> None:
        try:
            result: Any = self.register.search(self.text)
        except RegisterError as exc:
            result = str(exc)
        except Exception as exc:  # a defect must not kill the worker thread silently
            result = f"{type(exc).__name__}: {exc}"
        self.signals.done.emit(self.number, result)


class RegisterWindow(QWidget):
    """Search the register; `openRequested(document_id)` when a hit is chosen."""

    openRequested = Signal(str)

    def __init__(self, register: Register, lang: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.register = register
        self.setObjectName("registerWindow")
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.model = HitsModel(lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter on a row
        search_page = QWidget(self)
        layout = QVBoxLayout(search_page)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.stats_view = StatisticsView(register, lang, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(search_page, "")
        self.tabs.addTab(self.stats_view, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(self._timer.start)
        self.search_field.returnPressed.connect(self._open_first)
        self._signals = _Signals(self)
        self._signals.done.connect(self._searched)
        self._number = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.searching = False
        # Ctrl+F finds, Ctrl+W closes; Escape clears the search, or closes when it is empty
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)
        close = QShortcut(QKeySequence.StandardKey.Close, self)
        close.activated.connect(self.close)
        self.retranslate()
        self.resize(1240, 560)
        self.run_search()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_field.setFocus()
        self.search_field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.search_field.text():
                self.search_field.clear()
                self.search_field.setFocus()
            else:
                self.close()
            return
        super().keyPressEvent(event)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.stats_view:
            self.stats_view.refresh()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Search"))
        self.tabs.setTabText(1, self.tr("Statistics"))
        self.setWindowTitle(self.tr("Register – {0}").format(self.register.shown_url))
        self.search_field.setPlaceholderText(
            self.tr(
                "Search by address, municipality, reference, plan, stage, outcome, adviser or date"
            )
        )

    def run_search(self) -> None:
        """Query for the field's text in a worker; only the newest answer is shown."""
        self._number += 1
        self.searching = True
        self._pool.start(
            _Search(self.register, self.search_field.text(), self._number, self._signals)
        )

    def _searched(self, number: int, result: object) -> None:
        if number != self._number:
            return  # an older query; a newer one is on its way
        self.searching = False
        if isinstance(result, str):
            self.status.setText(self.tr("The register cannot be searched: {0}").format(result))
            return
        hits: list[Hit] = result  # type: ignore[assignment]
        self.model.set_hits(hits)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("%n document(s) found", "", len(hits)))

    def selected_hit(self) -> Hit | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.hits[self.proxy.mapToSource(rows[0]).row()]

    def _open_index(self, index: Any) -> None:
        if index.isValid():
            self.openRequested.emit(
                self.model.hits[self.proxy.mapToSource(index).row()].document_id
            )

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            self._open_index(self.proxy.index(0, 0))

    def closeEvent(self, event: Any) -> None:
        self._pool.waitForDone(5000)
        super().closeEvent(event)
