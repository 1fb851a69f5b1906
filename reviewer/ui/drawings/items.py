"""What the sheet view draws over a drawing: paths, measurements with their labels, pins.

Everything is in sheet units; pins and labels keep their size in screen pixels at any
zoom. A pin is a movable item: Qt drags it, and on release it says where it was dropped
(or that it was clicked) through the `PinSignals` it was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from reviewer.domain.drawing import Measurement, MeasurementKind, Pin

PIN_RADIUS = 11  # screen pixels, at any zoom
CLICK_PIXELS = 3  # a pin let go nearer than this (screen pixels) to where it was taken is clicked
MEASUREMENT_COLOUR = "#00838f"
ASSIGNED_COLOUR = "#6a1b9a"  # a measurement written into a plan fact
CALIBRATION_COLOUR = "#1565c0"
DRAFT_COLOUR = "#ef6c00"  # the points of a tool, before they are finished


def path_item(
    points: Sequence[Sequence[float]],
    colour: str,
    *,
    closed: bool,
    dashed: bool = False,
) -> QGraphicsPathItem:
    """A line through `points` (a filled polygon when `closed`), 3 screen pixels wide."""
    path = QPainterPath()
    if closed:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    else:
        path.moveTo(*points[0])
        for x, y in points[1:]:
            path.lineTo(x, y)
    pen = QPen(QColor(colour), 3)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    item = QGraphicsPathItem(path)
    item.setPen(pen)
    if closed:
        fill = QColor(colour)
        fill.setAlpha(50)
        item.setBrush(fill)
    return item


def draft_item(points: Sequence[Sequence[float]]) -> QGraphicsPathItem:
    """The dashed line of a tool's points so far, above everything else."""
    shown = points if len(points) > 1 else [points[0], points[0]]
    item = path_item(shown, DRAFT_COLOUR, closed=False, dashed=True)
    item.setZValue(20)
    return item


def add_measurement(scene: QGraphicsScene, measurement: Measurement, text: str) -> None:
    """A measurement's line or area, and its label `text` beside it."""
    closed = measurement.kind is MeasurementKind.AREA
    colour = ASSIGNED_COLOUR if measurement.assigned else MEASUREMENT_COLOUR
    item = path_item(measurement.points, colour, closed=closed)
    item.setData(0, measurement.id)
    item.setZValue(5)
    item.setToolTip(text)
    scene.addItem(item)
    label = QGraphicsSimpleTextItem(text)
    label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    label.setBrush(QColor(colour))
    font = QFont()
    font.setBold(True)
    label.setFont(font)
    xs = [p[0] for p in measurement.points]
    ys = [p[1] for p in measurement.points]
    if closed:
        label.setPos(sum(xs) / len(xs), sum(ys) / len(ys))
    else:  # above the middle of the first segment, inside the sheet
        (x1, y1), (x2, y2) = measurement.points[0], measurement.points[1]
        label.setPos((x1 + x2) / 2, (y1 + y2) / 2)
    label.setZValue(6)
    scene.addItem(label)


class PinSignals(QObject):
    """What the pins of a sheet tell: one object for them all (items are no QObjects)."""

    moved = Signal(int, object)  # pin number, its new (x, y) on the sheet
    clicked = Signal(str)  # the criterion of the pin


class PinItem(QGraphicsEllipseItem):
    """A numbered circle in its criterion's verdict colour; the same size at any zoom.

    Movable while the view's tool lets pins move: dropped on the sheet it emits its new
    position, dropped off the sheet it goes back; let go where it was taken, it is a
    click on the pin.
    """

    def __init__(self, pin: Pin, sheet_area: QRectF, signals: PinSignals) -> None:
        r = PIN_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.pin = pin
        self.sheet_area = sheet_area
        self.signals = signals
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(QPointF(*pin.position))  # as stored, before itemChange rounds
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(10)
        self.setPen(QPen(QColor("white"), 2))
        self.label = QGraphicsSimpleTextItem(str(pin.number), self)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(11)
        self.label.setFont(font)
        rect = self.label.boundingRect()
        self.label.setPos(-rect.width() / 2, -rect.height() / 2)

    def set_colour(self, colour: str) -> None:
        fill = QColor(colour)
        self.setBrush(QBrush(fill))
        self.label.setBrush(QColor("black" if fill.lightness() > 160 else "white"))
        self.setToolTip(self.pin.criterion_id)

    def set_movable(self, movable: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        """While dragged, the pin stands where the document can keep it: on hundredths
        of a sheet unit, as every point on a sheet is stored."""
        if change is QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            return QPointF(round(value.x(), 2), round(value.y(), 2))
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        taken = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
        moved = (event.screenPos() - taken).manhattanLength() > CLICK_PIXELS
        if moved and self.sheet_area.contains(self.pos()):
            self.signals.moved.emit(self.pin.number, (self.pos().x(), self.pos().y()))
            return
        self.setPos(QPointF(*self.pin.position))
        if not moved:
            self.signals.clicked.emit(self.pin.criterion_id)
