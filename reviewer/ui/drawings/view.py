"""The Drawings tab: plan drawings with a scale, measurements and numbered pins.

A list of the review's sheets beside the chosen sheet in a `SheetView`, with a toolbar of
tools and zoom. Zoom: the wheel (with or without Ctrl), a trackpad or touch-screen pinch,
or the toolbar.

Tools: select/pan (drag a pin to move it, click it to open its criterion), calibrate
(two clicks and the real distance, or the known scale 1:n of a PDF page), measure a length
or an area (clicks; double-click or Enter ends, Esc cancels), place a pin for the current
criterion, and assign a measurement to a plan fact (chosen in `AssignDialog` from the
facts that fit it, the likely ones first). Each tool is a small object that emits
what was drawn (see `tools`); this tab connects those signals to edits of the
`ReviewSession`, so every change can be undone. Recalibrating re-writes the facts measured
on the sheet in the same step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.drawing import (
    PDF_POINT_M,
    UNITS,
    Measurement,
    MeasurementKind,
    Sheet,
    calibration_from_points,
    calibration_from_scale,
    measured_value,
    target_label,
)
from reviewer.domain.measuring import AssignmentError, propose_targets
from reviewer.domain.numbers import format_number
from reviewer.domain.verdict import VERDICT_COLOURS
from reviewer.storage.container import MAX_MEMBER_BYTES, DocumentFileError
from reviewer.storage.files import FileTooLargeError, read_regular_file
from reviewer.ui import dialogs
from reviewer.ui.drawings.sheet_view import ZOOM_STEP, SheetView
from reviewer.ui.drawings.tools import (
    AssignTool,
    CalibrateTool,
    MeasureTool,
    PinTool,
    SelectTool,
    SheetTool,
    Tool,
)
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.session import ReviewSession
from reviewer.ui.widgets.fixed_lines import FixedLinesLabel

DEFAULT_SCALE = 100  # 1:100, offered when a PDF page has no scale yet
MAX_SCALE = 100_000


def _decimal(value: float, decimals: int) -> str:
    """A number in the interface language: 70,00 / 70.00."""
    return format_number(value, current_lang(), decimals=decimals)


class DrawingView(QWidget):
    """The Drawings tab: a list of sheets and the selected sheet with its tools."""

    criterionSelected = Signal(str)  # a pin was clicked: show its criterion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.criterion_id = ""  # the current criterion (pins are placed for it)
        # the element last selected in the plan view, (collection, id), if any: its facts
        # are proposed first when a measurement is assigned (set by whoever shows the tab)
        self.selected_element: Callable[[], tuple[str, str] | None] = lambda: None
        self.tool = Tool.SELECT

        self.sheet_list = QListWidget(self)
        self.sheet_list.currentItemChanged.connect(self._sheet_chosen)
        self.sheet_list.itemDoubleClicked.connect(lambda _item: self.rename_current())
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_from_dialog)
        self.rename_button = QPushButton(self)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_current)
        self.sheets_label = QLabel(self)
        # reorder: arrow buttons beside the label, Ctrl+Shift+Up/Down in the list
        self.up_button = QToolButton(self)
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QToolButton(self)
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for key, offset in (("Ctrl+Shift+Up", -1), ("Ctrl+Shift+Down", 1)):
            shortcut = QShortcut(QKeySequence(key), self.sheet_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda o=offset: self.move_current(o))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.sheets_label, 1)
        head.addWidget(self.up_button)
        head.addWidget(self.down_button)
        left_layout.addLayout(head)
        left_layout.addWidget(self.sheet_list, 1)
        # two rows, so the sheet list can stay narrow and the drawing gets the room
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.rename_button, 1, 0)
        buttons.addWidget(self.remove_button, 1, 1)
        left_layout.addLayout(buttons)

        self.view = SheetView(self)
        self.view.zoomChanged.connect(self._show_zoom)
        # moving a pin rebuilds the scene: queued, so the pin is not deleted while it
        # is still handling its own mouse release
        self.view.pinMoved.connect(self.move_pin, Qt.ConnectionType.QueuedConnection)
        self.view.pinClicked.connect(self.criterionSelected)
        self.view.assignRequested.connect(self.assign)
        self.view.deleteMeasurementRequested.connect(self.delete_measurement)
        self.view.deletePinRequested.connect(self.delete_pin)
        self.tools = self._make_tools()
        self.view.set_tool(self.tools[self.tool])
        self.toolbar = QToolBar(self)
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool in Tool:
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, t=tool: self.set_tool(t))
            self.tool_group.addAction(action)
            self.toolbar.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.SELECT].setChecked(True)
        self.scale_action = self.toolbar.addAction("", self.set_scale_from_dialog)
        self.zoom_bar = QToolBar(self)
        self.zoom_out_action = self.zoom_bar.addAction(
            "−", lambda: self.view.set_zoom(self.view.zoom / ZOOM_STEP)
        )
        self.zoom_in_action = self.zoom_bar.addAction(
            "+", lambda: self.view.set_zoom(self.view.zoom * ZOOM_STEP)
        )
        self.fit_action = self.zoom_bar.addAction("", self.view.fit)
        self.actual_action = self.zoom_bar.addAction("", lambda: self.view.set_zoom(1.0))
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zoom_bar.addWidget(self.zoom_label)
        # three lines, whatever the tool (the longest hint, in Dutch at 1280 pixels, needs
        # three): a hint of another length would move the sheet
        # under the pointer when the tool changes
        self.hint = FixedLinesLabel(3, self)
        self.hint.setObjectName("drawingHint")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toolbar)
        right_layout.addWidget(self.view, 1)
        # the tools on top, the hint and the zoom below the sheet (as in most viewers), so
        # the tools fit at 1280 pixels wide
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.zoom_bar, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([160, 1000])
        left.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.retranslate()
        notifier.changed.connect(self.retranslate)
        self._update_enabled()

    # ------------------------------------------------------------ session
    def set_session(self, session: ReviewSession | None) -> None:
        if self.session is not None:
            self.session.sheetsChanged.disconnect(self.refresh)
            self.session.assessmentChanged.disconnect(self._assessment_changed)
        self.session = session
        if session is not None:
            session.sheetsChanged.connect(self.refresh)
            session.assessmentChanged.connect(self._assessment_changed)
        self.view.sheet = None
        self.view.forget_renders()
        self.refresh()

    def set_criterion(self, criterion_id: str) -> None:
        self.criterion_id = criterion_id
        self._update_hint()

    def _assessment_changed(self, _criterion_id: str) -> None:
        self._colour_pins()

    @property
    def current_sheet(self) -> Sheet | None:
        item = self.sheet_list.currentItem()
        if item is None or self.session is None:
            return None
        try:
            return self.session.review.sheet(item.data(Qt.ItemDataRole.UserRole))
        except KeyError:
            return None

    def refresh(self) -> None:
        """Re-read the sheets (after any change, undo or redo)."""
        current = self.current_sheet.id if self.current_sheet else None
        sheets = self.session.review.sheets if self.session else []
        self.sheet_list.blockSignals(True)
        self.sheet_list.clear()
        for sheet in sheets:
            item = QListWidgetItem(sheet.name)
            item.setData(Qt.ItemDataRole.UserRole, sheet.id)
            self.sheet_list.addItem(item)
            if sheet.id == current:
                self.sheet_list.setCurrentItem(item)
        if self.sheet_list.currentItem() is None and self.sheet_list.count():
            self.sheet_list.setCurrentRow(0)
        self.sheet_list.blockSignals(False)
        self._show_sheet()
        self._update_enabled()

    def select_sheet(self, sheet_id: str) -> bool:
        for row in range(self.sheet_list.count()):
            if self.sheet_list.item(row).data(Qt.ItemDataRole.UserRole) == sheet_id:
                self.sheet_list.setCurrentRow(row)
                return True
        return False

    def show_pin(self, number: int) -> bool:
        """Show the sheet with pin `number` and centre the view on it."""
        if self.session is None:
            return False
        for sheet in self.session.review.sheets:
            for pin in sheet.pins:
                if pin.number == number:
                    self.select_sheet(sheet.id)
                    self.view.centre_on(QPointF(*pin.position))
                    return True
        return False

    def _sheet_chosen(self, *_: object) -> None:
        self.tools[self.tool].cancel()
        self._show_sheet()
        self._update_enabled()

    def _show_sheet(self) -> None:
        """Show the current sheet in the view, with its drawing, labels and pin colours."""
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            self.view.show_sheet(None)
            return
        labels = {
            m.id: self.measurement_label(m, measured_value(sheet, m)) for m in sheet.measurements
        }
        self.view.show_sheet(sheet, self.session.document.attachments.get(sheet.attachment), labels)
        self._colour_pins()

    def _colour_pins(self) -> None:
        """Each pin in the colour of its criterion's verdict."""
        if self.session is None:
            return
        assessments = self.session.review.assessments
        self.view.colour_pins(
            {cid: VERDICT_COLOURS[assessment.verdict] for cid, assessment in assessments.items()}
        )

    def _update_enabled(self) -> None:
        has_session = self.session is not None
        has_sheet = self.current_sheet is not None
        self.add_button.setEnabled(has_session)
        self.rename_button.setEnabled(has_sheet)
        self.remove_button.setEnabled(has_sheet)
        row, count = self.sheet_list.currentRow(), self.sheet_list.count()
        self.up_button.setEnabled(has_sheet and row > 0)
        self.down_button.setEnabled(has_sheet and 0 <= row < count - 1)
        for action in [
            *self.tool_actions.values(),
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.actual_action,
        ]:
            action.setEnabled(has_sheet)
        if not has_sheet:
            self.zoom_label.setText("")
        self._update_scale_action()
        self._update_hint()

    def _update_scale_action(self) -> None:
        sheet = self.current_sheet
        self.scale_action.setEnabled(sheet is not None and sheet.is_pdf)
        if sheet is None:
            tip = self.tr("Add a PDF drawing first: its pages can be given their scale 1:n.")
        elif not sheet.is_pdf:
            tip = self.tr(
                "A drawing scale needs a PDF page; calibrate an image with two points (Calibrate)."
            )
        else:
            tip = self.tr(
                "Set the known scale of this PDF page, such as 1:100, so that lengths and "
                "areas can be measured on it"
            )
        self.scale_action.setToolTip(tip)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f" {zoom * 100:.0f} %")

    # ------------------------------------------------------------ sheets
    def report_error(self, message: str) -> None:
        dialogs.show_error(self, self.tr("Drawings"), message)

    def add_from_dialog(self) -> None:
        if self.session is None:
            return
        problems = []
        for path in dialogs.ask_drawing_paths(self):
            try:  # a regular file only: a named pipe would block, /dev/zero never end
                sheets = self.session.add_drawing(
                    path.name, read_regular_file(path, MAX_MEMBER_BYTES)
                )
            except FileTooLargeError:
                problems.append(self.tr("{0}: the file is too large").format(path.name))
                continue
            except OSError as exc:
                problems.append(f"{path.name}: {exc.strerror or exc}")
                continue
            except DocumentFileError as exc:
                problems.append(str(exc))
                continue
            if sheets:
                self.select_sheet(sheets[0].id)
        if problems:
            dialogs.show_error(self, self.tr("Drawings not added"), "\n".join(problems))

    def rename_current(self) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        name = dialogs.ask_text(
            self,
            self.tr("Rename sheet"),
            self.tr("Name of the sheet:"),
            sheet.name,
            multiline=False,
        )
        if name is None or not name.strip():
            return
        try:
            self.session.rename_sheet(sheet.id, name)
        except ValueError as exc:
            self.report_error(str(exc))

    def move_current(self, offset: int) -> None:
        """Move the current sheet up (-1) or down (1) in the order of the sheets."""
        sheet = self.current_sheet
        if sheet is not None and self.session is not None:
            self.session.move_sheet(sheet.id, offset)

    def remove_current(self) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        question = self.tr("Remove the sheet “{0}” with its pins and measurements?").format(
            sheet.name
        )
        if dialogs.ask_yes_no(self, self.tr("Remove sheet"), question):
            self.session.remove_sheet(sheet.id)

    # ------------------------------------------------------------ tools
    def _make_tools(self) -> dict[Tool, SheetTool]:
        """The view's tools, each with its signals connected to the edit it makes."""
        calibrate = CalibrateTool(self.view)
        calibrate.calibrated.connect(self.calibrate)
        length = MeasureTool(self.view, MeasurementKind.LENGTH)
        area = MeasureTool(self.view, MeasurementKind.AREA)
        for measure in (length, area):
            measure.measured.connect(partial(self.add_measurement, measure.kind))
        pin = PinTool(self.view)
        pin.pinPlaced.connect(self.place_pin)
        assign = AssignTool(self.view)
        assign.measurementChosen.connect(self.assign)
        return {
            Tool.SELECT: SelectTool(self.view),
            Tool.CALIBRATE: calibrate,
            Tool.LENGTH: length,
            Tool.AREA: area,
            Tool.PIN: pin,
            Tool.ASSIGN: assign,
        }

    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        self.tool_actions[tool].setChecked(True)
        self.view.set_tool(self.tools[tool])
        self._update_hint()

    def _update_hint(self) -> None:
        hints = {
            Tool.SELECT: self.tr(
                "Drag to pan, wheel to zoom. Click a pin to open its criterion; drag it to "
                "move it. Right-click a pin or a measurement for more."
            ),
            Tool.CALIBRATE: self.tr("Click two points whose real distance you know."),
            Tool.LENGTH: self.tr(
                "Click the points of the line; double-click or Enter ends, Esc cancels."
            ),
            Tool.AREA: self.tr(
                "Click the corners of the area; double-click or Enter ends, Esc cancels."
            ),
            Tool.PIN: self.tr("Click to place a pin for criterion {0}.").format(
                self.criterion_id or "–"
            ),
            Tool.ASSIGN: self.tr("Click a measurement to write its value into a plan fact."),
        }
        sheet = self.current_sheet
        if sheet is None:  # the empty view says what to do (its placeholder)
            self.hint.setText("")
            return
        scale = self.scale_text(sheet)
        self.hint.setText(f"{scale} {hints[self.tool]}" if scale else hints[self.tool])

    @staticmethod
    def current_scale(sheet: Sheet) -> float | None:
        """The drawing scale n of a calibrated PDF page (1:n), also when it was calibrated
        by two points; None for an image or an uncalibrated page."""
        if not sheet.is_pdf or sheet.calibration is None:
            return None
        if sheet.calibration.scale is not None:
            return sheet.calibration.scale
        return sheet.calibration.metres_per_unit / PDF_POINT_M

    def scale_text(self, sheet: Sheet | None) -> str:
        """The sheet's scale for the hint line, "Scale 1:100."; empty without a sheet."""
        if sheet is None:
            return ""
        calibration = sheet.calibration
        if calibration is None:
            return self.tr("No scale yet.")
        scale = self.current_scale(sheet)
        if scale is None:  # an image, calibrated by two points
            pixels = 1 / calibration.metres_per_unit
            return self.tr("Scale: 1 m is {0} pixels.").format(_decimal(pixels, 1))
        if calibration.scale is not None:
            return self.tr("Scale 1:{0}.").format(f"{scale:g}")
        return self.tr("Scale about 1:{0} (from two points).").format(f"{scale:.0f}")

    def measurement_label(self, measurement: Measurement, value: float | None) -> str:
        lang = current_lang()
        unit = UNITS[measurement.kind]
        shown = self.tr("no scale") if value is None else f"{_decimal(value, 2)} {unit}"
        text = f"{measurement.id}: {shown}"
        if measurement.assigned is not None:
            text += f" → {target_label(measurement.assigned).get(lang)}"  # type: ignore[arg-type]
        return text

    def calibrate(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        if p1 == p2:
            self.report_error(
                self.tr("The two points are the same point; click two different points.")
            )
            return
        distance = dialogs.ask_number(
            self,
            self.tr("Calibrate"),
            self.tr("Real distance between the two points (m):"),
            1.0,
            0.01,
            100000.0,
            2,
        )
        if distance is None or distance <= 0:
            return
        try:
            self.session.set_calibration(sheet.id, calibration_from_points(p1, p2, distance))
        except ValueError as exc:
            self.report_error(str(exc))
        self.set_tool(Tool.SELECT)

    def set_scale_from_dialog(self) -> None:
        """Ask the known drawing scale (1:n) of the current PDF page and set it."""
        sheet = self.current_sheet
        if sheet is None or self.session is None or not sheet.is_pdf:
            return
        current = self.current_scale(sheet)
        if current is not None and sheet.calibration.scale is None:  # type: ignore[union-attr]
            current = round(current)  # from two points: offer the nearest whole scale
        value = current if current is not None else DEFAULT_SCALE
        scale = dialogs.ask_number(
            self,
            self.tr("Drawing scale"),
            self.tr("Scale of this PDF page, 1:"),
            value,
            1,
            MAX_SCALE,
            0 if float(value).is_integer() else 2,
        )
        if scale is None or scale <= 0:
            return
        try:
            self.session.set_calibration(sheet.id, calibration_from_scale(scale))
        except ValueError as exc:
            self.report_error(str(exc))

    def add_measurement(self, kind: MeasurementKind, points: list[tuple[float, float]]) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        try:
            self.session.add_measurement(sheet.id, kind, points)
        except ValueError as exc:
            self.report_error(str(exc))

    def place_pin(self, point: tuple[float, float]) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        if not self.criterion_id:
            self.report_error(self.tr("Choose a criterion in the list first; the pin is for it."))
            return
        try:
            self.session.add_pin(sheet.id, self.criterion_id, point)
        except ValueError as exc:
            self.report_error(str(exc))

    def move_pin(self, number: int, point: tuple[float, float]) -> None:
        if self.session is not None:
            self.session.move_pin(number, point)

    def delete_pin(self, number: int) -> None:
        if self.session is not None:
            self.session.delete_pin(number)

    def delete_measurement(self, measurement_id: str) -> None:
        sheet = self.current_sheet
        if sheet is not None and self.session is not None:
            self.session.delete_measurement(sheet.id, measurement_id)

    def assign(self, measurement_id: str) -> None:
        sheet = self.current_sheet
        if sheet is None or self.session is None:
            return
        measurement = sheet.measurement(measurement_id)
        if sheet.calibration is None:
            self.report_error(self.tr("Calibrate the sheet first: it has no scale yet."))
            return
        value = measured_value(sheet, measurement)
        assert value is not None  # calibrated
        proposals = propose_targets(
            self.session.review, sheet, measurement, self.selected_element()
        )
        if not proposals:
            self.report_error(
                self.tr("The plan has no element with a fact in {0}.").format(
                    UNITS[measurement.kind]
                )
            )
            return
        where = self.tr("{0} on {1}").format(measurement.id, sheet.name)
        index = dialogs.ask_assignment(
            self, value, UNITS[measurement.kind], where, proposals, current_lang()
        )
        if index is None:
            return
        try:
            self.session.assign_measurement(sheet.id, measurement_id, proposals[index].target)
        except AssignmentError as exc:
            self.report_error(str(exc))

    # ------------------------------------------------------------ language
    def retranslate(self, *_: object) -> None:
        self.sheets_label.setText(self.tr("Sheets"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(
            self.tr("Add a drawing (PDF, PNG or JPEG); every PDF page becomes a sheet")
        )
        self.rename_button.setText(self.tr("Rename…"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move the sheet up (Ctrl+Shift+Up)"))
        self.down_button.setToolTip(self.tr("Move the sheet down (Ctrl+Shift+Down)"))
        names = {
            Tool.SELECT: self.tr("Select"),
            Tool.CALIBRATE: self.tr("Calibrate"),
            Tool.LENGTH: self.tr("Length"),
            Tool.AREA: self.tr("Area"),
            Tool.PIN: self.tr("Pin"),
            Tool.ASSIGN: self.tr("Assign to fact"),
        }
        for tool, action in self.tool_actions.items():
            action.setText(names[tool])
        # the tool button shows the icon text, which Qt takes from the text without a
        # trailing ellipsis ("Scale 1:" looked like a label missing its field): set it
        scale = self.tr("Set scale 1:n…")
        self.scale_action.setText(scale)
        self.scale_action.setIconText(scale)
        self.view.set_placeholder(
            self.tr("Add a drawing (PDF, PNG or JPEG) to measure on it and place pins.")
        )
        self._update_scale_action()
        self.fit_action.setText(self.tr("Fit"))
        self.actual_action.setText(self.tr("100 %"))
        self.zoom_in_action.setToolTip(self.tr("Zoom in"))
        self.zoom_out_action.setToolTip(self.tr("Zoom out"))
        self._update_hint()
        if self.view.sheet is not None:
            self._show_sheet()
