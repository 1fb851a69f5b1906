"""The tools of the sheet view: small objects that turn clicks into signals.

The sheet view hands the active tool its left-button presses, moves, releases and
double-clicks, as points in scene coordinates (sheet units), and its key presses. A
handler returns whether it used the event; what it did not use goes to Qt's own handling
of the view (dragging to pan, dragging pins). A tool changes nothing itself: it emits what
was drawn (two points, a line, a place) and the Drawings tab makes that an edit of the
review, so the tools know nothing of the session and every edit can be undone.

Each tool also says how the view behaves while it is active: its cursor, Qt's drag mode
and whether pins can be dragged.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView

from reviewer.domain.drawing import MeasurementKind
from reviewer.ui.drawings.items import draft_item

if TYPE_CHECKING:
    from reviewer.ui.drawings.sheet_view import SheetView

Point = tuple[float, float]


class Tool(StrEnum):
    SELECT = "select"
    CALIBRATE = "calibrate"
    LENGTH = "length"
    AREA = "area"
    PIN = "pin"
    ASSIGN = "assign"


class SheetTool(QObject):
    """A tool of the sheet view. The handlers get scene points and return whether they
    used the event; by default a tool uses none."""

    cursor: Qt.CursorShape | None = Qt.CursorShape.CrossCursor  # None: the drag mode's
    drag_mode = QGraphicsView.DragMode.NoDrag
    moves_pins = False

    def __init__(self, view: SheetView) -> None:
        super().__init__(view)
        self.view = view

    def press(self, point: QPointF) -> bool:
        return False

    def move(self, point: QPointF) -> bool:
        return False

    def release(self, point: QPointF) -> bool:
        return False

    def double_click(self, point: QPointF) -> bool:
        return False

    def key(self, event: QKeyEvent) -> bool:
        return False

    def cancel(self) -> None:
        """Forget what was started (another tool, another sheet)."""

    def sheet_shown(self) -> None:
        """The view has drawn its sheet anew (every item of the scene is new)."""


class SelectTool(SheetTool):
    """Uses no clicks: Qt pans by dragging and moves the pins, which say where they went."""

    cursor = None
    drag_mode = QGraphicsView.DragMode.ScrollHandDrag
    moves_pins = True


class PinTool(SheetTool):
    """A click on the sheet places a pin there."""

    pinPlaced = Signal(object)  # (x, y)

    def press(self, point: QPointF) -> bool:
        place = self.view.sheet_point(point)
        if place is not None:
            self.pinPlaced.emit(place)
        return True


class AssignTool(SheetTool):
    """A click on a measurement chooses it, to write its value into a plan fact."""

    cursor = Qt.CursorShape.ArrowCursor
    measurementChosen = Signal(str)  # its id

    def press(self, point: QPointF) -> bool:
        measurement = self.view.measurement_at(self.view.mapFromScene(point))
        if measurement is not None:
            self.measurementChosen.emit(measurement.id)
        return True


class PointsTool(SheetTool):
    """Clicks points on the sheet, shown as a dashed draft line; Enter finishes them and
    Esc cancels them."""

    def __init__(self, view: SheetView) -> None:
        super().__init__(view)
        self.points: list[Point] = []
        self._draft: QGraphicsPathItem | None = None

    def finish(self) -> None:
        """Emit what the points make, if they make something, and start again."""
        self.cancel()

    def cancel(self) -> None:
        self.points = []
        self._redraw()

    def sheet_shown(self) -> None:
        self._draft = None  # went with the scene's other items
        self._redraw()

    def key(self, event: QKeyEvent) -> bool:
        if not self.points:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def take_points(self) -> list[Point]:
        points = self.points
        self.cancel()
        return points

    def _redraw(self) -> None:
        if self._draft is not None:
            self.view.scene().removeItem(self._draft)
            self._draft = None
        if self.points and self.view.sheet is not None:
            self._draft = draft_item(self.points)
            self.view.scene().addItem(self._draft)


class CalibrateTool(PointsTool):
    """Two clicks: two points whose real distance the user knows."""

    calibrated = Signal(object, object)  # the two points

    def press(self, point: QPointF) -> bool:
        place = self.view.sheet_point(point)
        if place is not None:
            self.points.append(place)
            if len(self.points) == 2:
                p1, p2 = self.take_points()
                self.calibrated.emit(p1, p2)
            else:
                self._redraw()
        return True


class MeasureTool(PointsTool):
    """Clicks the points of a line or the corners of an area; a double-click, like
    Enter, ends it."""

    measured = Signal(list)  # the points: two or more for a line, three or more for an area

    def __init__(self, view: SheetView, kind: MeasurementKind) -> None:
        super().__init__(view)
        self.kind = kind

    def press(self, point: QPointF) -> bool:
        self._add(point)
        return True

    def double_click(self, point: QPointF) -> bool:
        self._add(point)
        self.finish()
        return True

    def finish(self) -> None:
        points = self.take_points()
        if len(points) >= (3 if self.kind is MeasurementKind.AREA else 2):
            self.measured.emit(points)

    def _add(self, point: QPointF) -> None:
        place = self.view.sheet_point(point)
        if place is not None and (not self.points or self.points[-1] != place):
            self.points.append(place)
            self._redraw()
