"""The sheet view of the Drawings tab: one sheet with its drawing, measurements and pins.

The scene is in *sheet units* (pixels of an image, points of a PDF page), so everything
placed on a sheet keeps its position at any zoom or window size. The drawing itself is
rendered at the size it is shown (re-rendered, debounced, when the zoom changes), never
at full resolution up front, and never on the GUI thread: a `RenderQueue` has it rendered
by a worker process with a memory and a time limit and delivers the image by a signal,
dropping results that a later zoom has made stale. A drawing that cannot be rendered, or
exceeds a limit, shows a message on the sheet instead of the drawing.

Zoom: the wheel (with or without Ctrl), a trackpad pinch (a native zoom gesture) or a
touch-screen pinch, each anchored under the pointer or the pinch centre.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QPinchGesture,
)

from reviewer.domain.drawing import (
    Measurement,
    MeasurementKind,
    Pin,
    Sheet,
    measured_value,
)
from reviewer.domain.verdict import VERDICT_COLOURS
from reviewer.storage.container import MAX_IMAGE_PIXELS, DocumentFileError
from reviewer.storage.render_process import RenderRefused
from reviewer.ui.drawings.render_queue import RenderQueue, RenderRequest

if TYPE_CHECKING:
    from reviewer.ui.drawings.view import DrawingView

PIN_RADIUS = 11  # screen pixels, at any zoom
HIT_PIXELS = 7  # how near (screen pixels) a click must be to a measurement line
MAX_RENDER_PIXELS = 24_000_000
RENDER_DELAY_MS = 120
MIN_ZOOM, MAX_ZOOM = 0.01, 40.0
ZOOM_STEP = 1.25


class Tool(StrEnum):
    SELECT = "select"
    CALIBRATE = "calibrate"
    LENGTH = "length"
    AREA = "area"
    PIN = "pin"
    ASSIGN = "assign"


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))


class PinItem(QGraphicsEllipseItem):
    """A numbered circle in its criterion's verdict colour; the same size at any zoom."""

    def __init__(self, pin: Pin) -> None:
        r = PIN_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.pin = pin
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(QPointF(*pin.position))
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


class SheetView(QGraphicsView):
    """Shows one sheet; turns clicks into measurements, calibrations and pins."""

    zoomChanged = Signal(float)

    def __init__(self, owner: DrawingView) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setScene(QGraphicsScene(self))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#9aa0a6"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # touch-screen pinch; gestures (and trackpad native gestures) reach the viewport
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.sheet: Sheet | None = None
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.pin_items: dict[int, PinItem] = {}
        self.rendered_pixels = 0  # pixels of the drawing as last rendered
        self.points: list[tuple[float, float]] = []  # the tool's clicks so far
        self._draft: QGraphicsPathItem | None = None
        self._drag_pin: PinItem | None = None
        self._drag_start = QPoint()
        self._pan_from: QPoint | None = None
        self._fitted = True
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self.render_drawing)
        # rendering: off the GUI thread, in a worker process with limits
        self.renders = RenderQueue()
        self.renders.done.connect(self._rendered)
        self.destroyed.connect(self.renders.close)  # the queue outlives this object
        self._generation = 0  # of the newest render request; older results are stale
        self._requested_pixels = 0  # size of the render asked for and not yet shown
        # drawings that could not be rendered: (attachment, page) -> (its bytes, message)
        self._refused: dict[tuple[str, int | None], tuple[bytes, str]] = {}
        self.message = QLabel(self.viewport())  # shown on the sheet instead of a drawing
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(
            "QLabel { background: #fff8e1; color: #3c2f00; border: 1px solid #c8a600;"
            " border-radius: 4px; padding: 10px; }"
        )
        self.message.hide()

    # ------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._fitted = False
        factor = zoom / self.zoom
        self.scale(factor, factor)
        self._zoom_changed()

    def zoom_at(self, zoom: float, pos: QPointF) -> None:
        """Zoom to `zoom`, keeping the sheet point under viewport position `pos` there."""
        to_scene, _ok = self.viewportTransform().inverted()
        anchor = to_scene.map(QPointF(pos))
        previous = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        try:
            self.set_zoom(zoom)
        finally:
            self.setTransformationAnchor(previous)
        shift = self.viewportTransform().map(anchor) - QPointF(pos)
        bar_x, bar_y = self.horizontalScrollBar(), self.verticalScrollBar()
        bar_x.setValue(bar_x.value() + round(shift.x()))
        bar_y.setValue(bar_y.value() + round(shift.y()))

    def fit(self) -> None:
        if self.sheet is None:
            return
        self._fitted = True
        self.fitInView(
            QRectF(0, 0, self.sheet.width, self.sheet.height), Qt.AspectRatioMode.KeepAspectRatio
        )
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        self.zoomChanged.emit(self.zoom)
        self._render_timer.start()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms, with or without Ctrl (scroll bars and dragging pan)."""
        steps = event.angleDelta().y() / 120
        if steps and self.sheet is not None:
            self.zoom_at(self.zoom * ZOOM_STEP**steps, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        """Pinch zoom: a trackpad's native zoom gesture, or a touch-screen pinch."""
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                if self.sheet is not None:  # value() is the change: 0.1 is 10 % larger
                    self.zoom_at(self.zoom * (1 + event.value()), event.position())
                event.accept()
                return True
        elif event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                changed = pinch.changeFlags() & QPinchGesture.ChangeFlag.ScaleFactorChanged
                if changed and self.sheet is not None and pinch.scaleFactor() > 0:
                    centre = self.viewport().mapFromGlobal(pinch.centerPoint())
                    self.zoom_at(self.zoom * pinch.scaleFactor(), centre)
                event.accept(pinch)
                return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
        self._place_message()

    def wanted_pixels(self) -> int:
        if self.sheet is None:
            return 0
        dpr = self.devicePixelRatioF()
        shown = self.sheet.width * self.sheet.height * (self.zoom * dpr) ** 2
        return int(max(1, min(MAX_RENDER_PIXELS, shown)))

    def render_drawing(self) -> None:
        """Ask for the drawing at the size shown, unless the current one (or the one on
        its way) will do. The image arrives later, through `_rendered`."""
        session = self.owner.session
        if self.sheet is None or self.pixmap_item is None or session is None:
            return
        sheet = self.sheet
        data = session.document.attachments.get(sheet.attachment)
        if data is None:
            self.show_message(self.tr("The drawing of this sheet is missing from the file."))
            return
        refused = self._refused.get((sheet.attachment, sheet.page))
        if refused is not None and refused[0] is data:
            self.show_message(refused[1])
            return
        wanted = self.wanted_pixels()
        have = self._requested_pixels or self.rendered_pixels
        if have and 0.7 <= wanted / have <= 1.3:
            return
        self._generation += 1
        self._requested_pixels = wanted
        budget = max(1, min(wanted, MAX_IMAGE_PIXELS))
        self.renders.request(RenderRequest(self._generation, data, sheet.page, budget, sheet.name))

    @property
    def rendering(self) -> bool:
        """Whether a render the view waits for is on its way."""
        return self._requested_pixels > 0

    def wait_for_render(self, seconds: float) -> bool:
        """Handle events until the render on its way has arrived (for a screenshot);
        returns whether it did within `seconds`."""
        deadline = time.monotonic() + seconds
        while self.rendering and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return not self.rendering

    def forget_renders(self) -> None:
        """Another document: drop the render on its way and what was refused before."""
        self._generation += 1
        self._requested_pixels = 0
        self._refused.clear()
        self.message.hide()

    def _rendered(self, generation: int, result: object) -> None:
        """A render is done: show it, unless a newer request has made it stale."""
        if generation != self._generation or self.sheet is None or self.pixmap_item is None:
            return
        self._requested_pixels = 0
        if isinstance(result, DocumentFileError):
            self._refuse(result)
            return
        assert isinstance(result, QImage)
        self.message.hide()
        self.rendered_pixels = result.width() * result.height()
        self.pixmap_item.setPixmap(QPixmap.fromImage(result))
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        sx = self.sheet.width / result.width()
        sy = self.sheet.height / result.height()
        self.pixmap_item.setTransform(QTransform.fromScale(sx, sy))

    def _refuse(self, problem: DocumentFileError) -> None:
        """Show why the sheet cannot be drawn, and do not try it again at other zooms."""
        assert self.sheet is not None and self.pixmap_item is not None
        renderer = self.renders.renderer
        if isinstance(problem, RenderRefused) and problem.limit == "memory":
            text = self.tr(
                "This drawing is not shown: rendering it needs more than {0} MB of memory, "
                "so it was stopped. The PDF may be damaged or made to exhaust memory."
            ).format(renderer.memory // 2**20)
        elif isinstance(problem, RenderRefused):
            text = self.tr(
                "This drawing is not shown: rendering it takes longer than {0} seconds, "
                "so it was stopped. The PDF may be damaged or made to exhaust the computer."
            ).format(f"{renderer.seconds:g}")
        else:
            text = self.tr("This drawing cannot be shown: {0}").format(problem)
        text += "\n" + self.tr("Pins and measurements on this sheet stay as they are.")
        session = self.owner.session
        data = session.document.attachments.get(self.sheet.attachment) if session else None
        if data is not None:
            self._refused[(self.sheet.attachment, self.sheet.page)] = (data, text)
        self.pixmap_item.setPixmap(QPixmap())
        self.rendered_pixels = 0
        self.show_message(text)

    def show_message(self, text: str) -> None:
        """A message on the sheet, in place of the drawing."""
        self.message.setText(text)
        self.message.show()
        self._place_message()

    def _place_message(self) -> None:
        area = self.viewport().rect()
        width = min(460, max(120, area.width() - 40))
        height = self.message.heightForWidth(width)
        self.message.setGeometry(
            area.center().x() - width // 2, area.center().y() - height // 2, width, height
        )

    # ------------------------------------------------------------ content
    def show_sheet(self, sheet: Sheet | None) -> None:
        """Show `sheet` (a fresh copy after every change); keeps zoom and scroll position
        when it is the same sheet as before."""
        same = sheet is not None and self.sheet is not None and sheet.id == self.sheet.id
        same = same and sheet.attachment == self.sheet.attachment  # type: ignore[union-attr]
        scene = self.scene()
        old_pixmap = self.pixmap_item.pixmap() if same and self.pixmap_item else None
        scene.clear()
        self.pin_items = {}
        self._draft = None
        self.pixmap_item = None
        self.sheet = sheet
        if not same:  # a render on its way is for another sheet: it is stale
            self._generation += 1
            self._requested_pixels = 0
            self.message.hide()
        if sheet is None:
            self.rendered_pixels = 0
            return
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setZValue(-1)
        scene.addItem(self.pixmap_item)
        margin = max(sheet.width, sheet.height) * 0.05
        scene.setSceneRect(
            QRectF(-margin, -margin, sheet.width + 2 * margin, sheet.height + 2 * margin)
        )
        paper = scene.addRect(
            QRectF(0, 0, sheet.width, sheet.height),
            QPen(Qt.PenStyle.NoPen),
            QBrush(QColor("white")),
        )
        paper.setZValue(-2)
        if old_pixmap is not None and not old_pixmap.isNull():
            self.pixmap_item.setPixmap(old_pixmap)
            self.pixmap_item.setTransform(
                QTransform.fromScale(
                    sheet.width / old_pixmap.width(), sheet.height / old_pixmap.height()
                )
            )
        else:
            self.rendered_pixels = 0
        for measurement in sheet.measurements:
            self._add_measurement(sheet, measurement)
        if sheet.calibration is not None and sheet.calibration.points is not None:
            self._add_path(
                list(sheet.calibration.points), QColor("#1565c0"), closed=False, dashed=True
            )
        for pin in sheet.pins:
            item = PinItem(pin)
            scene.addItem(item)
            self.pin_items[pin.number] = item
        self.update_pin_colours()
        self._update_draft()
        if not same:
            self.fit()
        else:
            self.render_drawing()

    def _add_path(
        self,
        points: Sequence[Sequence[float]],
        colour: QColor,
        *,
        closed: bool,
        dashed: bool = False,
    ) -> QGraphicsPathItem:
        path = QPainterPath()
        if closed:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
            path.closeSubpath()
        else:
            path.moveTo(*points[0])
            for x, y in points[1:]:
                path.lineTo(x, y)
        pen = QPen(colour, 3)
        pen.setCosmetic(True)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        item = self.scene().addPath(path, pen)
        if closed:
            fill = QColor(colour)
            fill.setAlpha(50)
            item.setBrush(fill)
        return item

    def _add_measurement(self, sheet: Sheet, measurement: Measurement) -> None:
        closed = measurement.kind is MeasurementKind.AREA
        colour = QColor("#6a1b9a" if measurement.assigned else "#00838f")
        item = self._add_path(measurement.points, colour, closed=closed)
        item.setData(0, measurement.id)
        item.setZValue(5)
        value = measured_value(sheet, measurement)
        text = self.owner.measurement_label(measurement, value)
        label = QGraphicsSimpleTextItem(text)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setBrush(colour)
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
        item.setToolTip(text)
        self.scene().addItem(label)

    def update_pin_colours(self) -> None:
        session = self.owner.session
        if session is None:
            return
        for item in self.pin_items.values():
            assessment = session.review.assessments.get(item.pin.criterion_id)
            if assessment is not None:
                item.set_colour(VERDICT_COLOURS[assessment.verdict])

    def _update_draft(self) -> None:
        if self._draft is not None:
            self.scene().removeItem(self._draft)
            self._draft = None
        if self.points:
            pts = self.points if len(self.points) > 1 else [self.points[0], self.points[0]]
            self._draft = self._add_path(pts, QColor("#ef6c00"), closed=False, dashed=True)
            self._draft.setZValue(20)

    def cancel_points(self) -> None:
        self.points = []
        self._update_draft()

    # ------------------------------------------------------------ hit tests
    def pin_at(self, pos: QPoint) -> PinItem | None:
        for item in reversed(list(self.pin_items.values())):
            centre = self.mapFromScene(item.pos())
            if math.hypot(centre.x() - pos.x(), centre.y() - pos.y()) <= PIN_RADIUS:
                return item
        return None

    def measurement_at(self, pos: QPoint) -> Measurement | None:
        if self.sheet is None:
            return None
        p = QPointF(pos)
        for m in reversed(self.sheet.measurements):
            pts = [QPointF(self.mapFromScene(QPointF(x, y))) for x, y in m.points]
            if m.kind is MeasurementKind.AREA:
                if QPolygonF(pts).containsPoint(p, Qt.FillRule.OddEvenFill):
                    return m
                pts = [*pts, pts[0]]
            if any(_segment_distance(p, a, b) <= HIT_PIXELS for a, b in itertools.pairwise(pts)):
                return m
        return None

    def sheet_point(self, pos: QPoint) -> tuple[float, float] | None:
        """The sheet position under a viewport position, or None off the sheet."""
        if self.sheet is None:
            return None
        p = self.mapToScene(pos)
        if not (0 <= p.x() <= self.sheet.width and 0 <= p.y() <= self.sheet.height):
            return None
        return (round(p.x(), 2), round(p.y(), 2))

    # ------------------------------------------------------------ mouse and keys
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.sheet is None:
            super().mousePressEvent(event)
            return
        pos = event.position().toPoint()
        tool = self.owner.tool
        if tool is Tool.SELECT:
            self._drag_pin = self.pin_at(pos)
            self._drag_start = pos
            if self._drag_pin is None:
                self._pan_from = pos
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if tool is Tool.ASSIGN:
            measurement = self.measurement_at(pos)
            if measurement is not None:
                self.owner.assign(measurement.id)
            event.accept()
            return
        point = self.sheet_point(pos)
        if point is None:
            event.accept()
            return
        if tool is Tool.PIN:
            self.owner.place_pin(point)
        elif tool is Tool.CALIBRATE:
            self.points.append(point)
            if len(self.points) == 2:
                p1, p2 = self.points
                self.cancel_points()
                self.owner.calibrate(p1, p2)
            else:
                self._update_draft()
        elif tool in (Tool.LENGTH, Tool.AREA):
            if not self.points or self.points[-1] != point:
                self.points.append(point)
            self._update_draft()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            self._fitted = False
        elif self._drag_pin is not None:
            self._drag_pin.setPos(self.mapToScene(pos))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
        elif self._drag_pin is not None:
            item, self._drag_pin = self._drag_pin, None
            moved = (pos - self._drag_start).manhattanLength() > 3
            point = self.sheet_point(pos) if moved else None
            if point is not None:
                self.owner.move_pin(item.pin.number, point)
            else:
                item.setPos(QPointF(*item.pin.position))
                if not moved:
                    self.owner.criterionSelected.emit(item.pin.criterion_id)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.owner.tool in (Tool.LENGTH, Tool.AREA):
            point = self.sheet_point(event.position().toPoint())
            if point is not None and (not self.points or self.points[-1] != point):
                self.points.append(point)
            self.owner.finish_measurement()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self.owner.finish_measurement()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.points:
            self.cancel_points()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pin = self.pin_at(event.pos())
        measurement = None if pin else self.measurement_at(event.pos())
        if pin is None and measurement is None:
            return
        menu = QMenu(self)
        if pin is not None:
            number = pin.pin.number
            menu.addAction(
                self.tr("Delete pin {0}").format(number),
                lambda: self.owner.delete_pin(number),
            )
        elif measurement is not None:
            mid = measurement.id
            menu.addAction(self.tr("Assign to a plan fact…"), lambda: self.owner.assign(mid))
            menu.addAction(
                self.tr("Delete measurement"), lambda: self.owner.delete_measurement(mid)
            )
        menu.exec(event.globalPos())
