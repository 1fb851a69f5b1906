"""The sheet view: one sheet of a drawing, zoomed and panned, with its active tool.

The scene is in *sheet units* (pixels of an image, points of a PDF page), so everything
placed on a sheet keeps its position at any zoom or window size. The drawing itself is
rendered at the size it is shown (re-rendered, debounced, when the zoom changes), never
at full resolution up front, and never on the GUI thread: a `RenderQueue` has it rendered
by a worker process with a memory and a time limit and delivers the image by a signal,
dropping results that a later zoom has made stale. A drawing that cannot be rendered, or
exceeds a limit, shows a message on the sheet instead of the drawing.

Zoom: the wheel (with or without Ctrl), a trackpad pinch (a native zoom gesture) or a
touch-screen pinch, each anchored under the pointer or the pinch centre.

The view changes nothing of the review: clicks go to the active tool (see `tools`),
dragged pins and the context menu's choices leave as signals, and whoever shows the view
makes them edits.
"""

from __future__ import annotations

import itertools
import math
import time

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
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMenu,
    QPinchGesture,
    QWidget,
)

from reviewer.domain.drawing import Measurement, MeasurementKind, Sheet
from reviewer.storage.container import MAX_IMAGE_PIXELS, DocumentFileError
from reviewer.storage.render_process import RenderRefused
from reviewer.ui.drawings.items import (
    CALIBRATION_COLOUR,
    PinItem,
    PinSignals,
    add_measurement,
    path_item,
)
from reviewer.ui.drawings.render_queue import RenderQueue, RenderRequest
from reviewer.ui.drawings.tools import SheetTool

HIT_PIXELS = 7  # how near (screen pixels) a click must be to a measurement line
MAX_RENDER_PIXELS = 24_000_000
RENDER_DELAY_MS = 120
MIN_ZOOM, MAX_ZOOM = 0.01, 40.0
ZOOM_STEP = 1.25


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))


class SheetView(QGraphicsView):
    """Shows one sheet with its measurements and pins; its tool turns clicks into signals."""

    zoomChanged = Signal(float)
    pinMoved = Signal(int, object)  # pin number, its new (x, y): dropped on the sheet
    pinClicked = Signal(str)  # the criterion of the pin
    assignRequested = Signal(str)  # a measurement's id (its context menu)
    deleteMeasurementRequested = Signal(str)  # a measurement's id
    deletePinRequested = Signal(int)  # a pin's number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.drawing: bytes | None = None  # the sheet's drawing file, None when missing
        self.tool: SheetTool | None = None
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.pin_items: dict[int, PinItem] = {}
        self.pin_signals = PinSignals(self)
        self.pin_signals.moved.connect(self.pinMoved)
        self.pin_signals.clicked.connect(self.pinClicked)
        self.rendered_pixels = 0  # pixels of the drawing as last rendered
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
        # what to do when there is no sheet to show (an empty Drawings tab)
        self.placeholder = QLabel(self.viewport())
        self.placeholder.setObjectName("emptyDrawingsHint")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(
            "QLabel { background: #f1f3f4; color: #202124; border-radius: 4px; padding: 10px; }"
        )
        self.placeholder.hide()

    def set_placeholder(self, text: str) -> None:
        """The one line shown on the empty view, while there is no sheet."""
        self.placeholder.setText(text)
        self.placeholder.setVisible(self.sheet is None and bool(text))
        self._place_message()

    # ------------------------------------------------------------ tool
    def set_tool(self, tool: SheetTool) -> None:
        """Make `tool` the one that gets the clicks; the one before forgets its points."""
        if self.tool is not None:
            self.tool.cancel()
        self.tool = tool
        self.setDragMode(tool.drag_mode)  # before the cursor: a drag mode sets its own
        if tool.cursor is not None:
            self.viewport().setCursor(tool.cursor)
        for item in self.pin_items.values():
            item.set_movable(tool.moves_pins)

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
        if self.sheet is None or self.pixmap_item is None:
            return
        sheet, data = self.sheet, self.drawing
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
        if self.drawing is not None:
            self._refused[(self.sheet.attachment, self.sheet.page)] = (self.drawing, text)
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
        for label, most in ((self.message, 460), (self.placeholder, 620)):
            width = min(most, max(120, area.width() - 40))
            height = label.heightForWidth(width)
            label.setGeometry(
                area.center().x() - width // 2, area.center().y() - height // 2, width, height
            )

    # ------------------------------------------------------------ content
    def show_sheet(
        self,
        sheet: Sheet | None,
        drawing: bytes | None = None,
        labels: dict[str, str] | None = None,
    ) -> None:
        """Show `sheet` (a fresh copy after every change) with its `drawing` (the file's
        bytes, None when it is missing) and each measurement's label by its id; keeps
        zoom and scroll position when it is the same sheet as before."""
        same = sheet is not None and self.sheet is not None and sheet.id == self.sheet.id
        same = same and sheet.attachment == self.sheet.attachment  # type: ignore[union-attr]
        scene = self.scene()
        old_pixmap = self.pixmap_item.pixmap() if same and self.pixmap_item else None
        scene.clear()
        self.pin_items = {}
        self.pixmap_item = None
        self.sheet = sheet
        self.drawing = drawing
        if not same:  # a render on its way is for another sheet: it is stale
            self._generation += 1
            self._requested_pixels = 0
            self.message.hide()
        self.placeholder.setVisible(sheet is None and bool(self.placeholder.text()))
        if sheet is None:
            self.rendered_pixels = 0
            scene.setSceneRect(QRectF(0, 0, 1, 1))  # no scroll bars around nothing
            if self.tool is not None:
                self.tool.sheet_shown()
            return
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setZValue(-1)
        scene.addItem(self.pixmap_item)
        margin = max(sheet.width, sheet.height) * 0.05
        scene.setSceneRect(
            QRectF(-margin, -margin, sheet.width + 2 * margin, sheet.height + 2 * margin)
        )
        area = QRectF(0, 0, sheet.width, sheet.height)
        paper = scene.addRect(area, QPen(Qt.PenStyle.NoPen), QBrush(QColor("white")))
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
            add_measurement(scene, measurement, (labels or {}).get(measurement.id, ""))
        if sheet.calibration is not None and sheet.calibration.points is not None:
            scene.addItem(
                path_item(
                    list(sheet.calibration.points), CALIBRATION_COLOUR, closed=False, dashed=True
                )
            )
        moves_pins = self.tool is not None and self.tool.moves_pins
        for pin in sheet.pins:
            item = PinItem(pin, area, self.pin_signals)
            item.set_movable(moves_pins)
            scene.addItem(item)
            self.pin_items[pin.number] = item
        if self.tool is not None:
            self.tool.sheet_shown()
        if not same:
            self.fit()
        else:
            self.render_drawing()

    def colour_pins(self, colours: dict[str, str]) -> None:
        """Fill each pin with the colour of its criterion, from `colours` by criterion id."""
        for item in self.pin_items.values():
            colour = colours.get(item.pin.criterion_id)
            if colour is not None:
                item.set_colour(colour)

    def centre_on(self, point: QPointF) -> None:
        """Centre the view on a sheet point; it stays there when the window is resized."""
        self.centerOn(point)
        self._fitted = False

    # ------------------------------------------------------------ hit tests
    def pin_at(self, pos: QPoint) -> PinItem | None:
        """The pin under a viewport position, the topmost if pins overlap."""
        for item in self.items(pos):
            pin = item if isinstance(item, PinItem) else item.parentItem()
            if isinstance(pin, PinItem):
                return pin
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

    def sheet_point(self, point: QPointF) -> tuple[float, float] | None:
        """A scene point as a point on the sheet (to hundredths), or None off the sheet."""
        if self.sheet is None:
            return None
        if not (0 <= point.x() <= self.sheet.width and 0 <= point.y() <= self.sheet.height):
            return None
        return (round(point.x(), 2), round(point.y(), 2))

    # ------------------------------------------------------------ mouse and keys
    def _offer(self, event: QMouseEvent, handler: str) -> bool:
        """Offer a mouse event on a sheet, of the left button (or of none: a move), to
        the tool's `handler` at its scene point; whether the tool used it (and then the
        event is accepted)."""
        if self.tool is None or self.sheet is None:
            return False
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton):
            return False
        used: bool = getattr(self.tool, handler)(self.mapToScene(event.position().toPoint()))
        if used:
            event.accept()
        return used

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._offer(event, "press"):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._offer(event, "move"):
            return
        bars = self.horizontalScrollBar(), self.verticalScrollBar()
        before = [bar.value() for bar in bars]
        super().mouseMoveEvent(event)  # drags a pin, or pans (ScrollHandDrag)
        if [bar.value() for bar in bars] != before:
            self._fitted = False  # panned: a resize keeps this place, it does not fit

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._offer(event, "release"):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._offer(event, "double_click"):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.tool is not None and self.tool.key(event):
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
                lambda: self.deletePinRequested.emit(number),
            )
        elif measurement is not None:
            mid = measurement.id
            menu.addAction(
                self.tr("Assign to a plan fact…"), lambda: self.assignRequested.emit(mid)
            )
            menu.addAction(
                self.tr("Delete measurement"),
                lambda: self.deleteMeasurementRequested.emit(mid),
            )
        menu.exec(event.globalPos())
