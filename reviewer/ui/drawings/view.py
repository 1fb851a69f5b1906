"""The Drawings tab: plan drawings with a scale, measurements and numbered pins.

The scene is in *sheet units* (pixels of an image, points of a PDF page), so everything
placed on a sheet keeps its position at any zoom or window size. The drawing itself is
rendered at the size it is shown (re-rendered, debounced, when the zoom changes), never
at full resolution up front, and never on the GUI thread: a `RenderQueue` has it rendered
by a worker process with a memory and a time limit and delivers the image by a signal,
dropping results that a later zoom has made stale. A drawing that cannot be rendered, or
exceeds a limit, shows a message on the sheet instead of the drawing.

Zoom: the wheel (with or without Ctrl), a trackpad pinch (a native zoom gesture) or a
touch-screen pinch, each anchored under the pointer or the pinch centre; or the toolbar.

Tools: select/pan (drag a pin to move it, click it to select its criterion), calibrate
(two clicks and the real distance, or the known scale 1:n of a PDF page), measure a length
or an area (clicks; double-click or Enter ends, Esc cancels), place a pin for the current
criterion, and assign a measurement to a plan fact. Recalibrating re-writes the facts
measured on the sheet in the same step. Every change goes through the `ReviewSession`, so
it can be undone.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from enum import StrEnum

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
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShortcut,
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
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPinchGesture,
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
    FactTarget,
    Measurement,
    MeasurementKind,
    Pin,
    Sheet,
    calibration_from_points,
    calibration_from_scale,
    measured_value,
)
from reviewer.domain.measuring import AssignmentError
from reviewer.domain.numbers import format_number
from reviewer.domain.plan import ELEMENT_LABELS, FACTS, RULE_COLLECTIONS, Plan
from reviewer.domain.verdict import VERDICT_COLOURS
from reviewer.storage.container import MAX_IMAGE_PIXELS, MAX_MEMBER_BYTES, DocumentFileError
from reviewer.storage.files import FileTooLargeError, read_regular_file
from reviewer.storage.render_process import RenderRefused
from reviewer.ui import dialogs
from reviewer.ui.drawings.render_queue import RenderQueue, RenderRequest
from reviewer.ui.i18n import current_lang, notifier
from reviewer.ui.review.session import ReviewSession

PIN_RADIUS = 11  # screen pixels, at any zoom
HIT_PIXELS = 7  # how near (screen pixels) a click must be to a measurement line
MAX_RENDER_PIXELS = 24_000_000
RENDER_DELAY_MS = 120
MIN_ZOOM, MAX_ZOOM = 0.01, 40.0
ZOOM_STEP = 1.25
DEFAULT_SCALE = 100  # 1:100, offered when a PDF page has no scale yet
MAX_SCALE = 100_000


class Tool(StrEnum):
    SELECT = "select"
    CALIBRATE = "calibrate"
    LENGTH = "length"
    AREA = "area"
    PIN = "pin"
    ASSIGN = "assign"


def fact_choices(plan: Plan, kind: MeasurementKind, lang: str) -> list[tuple[str, FactTarget]]:
    """The plan facts a measurement of `kind` can be assigned to, with a label each."""
    unit = UNITS[kind]
    choices = []
    for collection in RULE_COLLECTIONS:
        facts = [f for f, info in FACTS.get(collection, {}).items() if info.unit == unit]
        if not facts:
            continue
        for element in plan.elements(collection):
            element_id = "" if collection == "site" else element.id
            name = ELEMENT_LABELS[collection].get(lang)  # type: ignore[arg-type]
            for fact in facts:
                label = f"{name} {element_id}".strip()
                label += f": {FACTS[collection][fact].label.get(lang)} ({unit})"  # type: ignore[arg-type]
                choices.append(
                    (label, FactTarget(collection=collection, element=element_id, fact=fact))
                )
    return choices


def _decimal(value: float, decimals: int) -> str:
    """A number in the interface language: 70,00 / 70.00."""
    return format_number(value, current_lang(), decimals=decimals)


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


class DrawingView(QWidget):
    """The Drawings tab: a list of sheets and the selected sheet with its tools."""

    criterionSelected = Signal(str)  # a pin was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.criterion_id = ""  # the current criterion (pins are placed for it)
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
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
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
        self.view.update_pin_colours()

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
        self.view.show_sheet(self.current_sheet)
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
                    self.view.centerOn(QPointF(*pin.position))
                    self.view._fitted = False
                    return True
        return False

    def _sheet_chosen(self, *_: object) -> None:
        self.view.cancel_points()
        self.view.show_sheet(self.current_sheet)
        self._update_enabled()

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
        self._update_scale_action()
        self._update_hint()

    def _update_scale_action(self) -> None:
        sheet = self.current_sheet
        self.scale_action.setEnabled(sheet is not None and sheet.is_pdf)
        if sheet is not None and not sheet.is_pdf:
            tip = self.tr(
                "A drawing scale needs a PDF page; calibrate an image with two points (Calibrate)."
            )
        else:
            tip = self.tr("Set the known scale of this PDF page, such as 1:100")
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
    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        self.tool_actions[tool].setChecked(True)
        self.view.cancel_points()
        cursor = (
            Qt.CursorShape.ArrowCursor
            if tool in (Tool.SELECT, Tool.ASSIGN)
            else Qt.CursorShape.CrossCursor
        )
        self.view.viewport().setCursor(cursor)
        self._update_hint()

    def _update_hint(self) -> None:
        hints = {
            Tool.SELECT: self.tr(
                "Drag to pan, wheel to zoom. Click a pin to go to its criterion; drag it to "
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
        scale = self.scale_text(self.current_sheet)
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
            target = measurement.assigned
            fact = FACTS[target.collection][target.fact].label.get(lang)
            text += f" → {target.element or target.collection} {fact}"
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

    def finish_measurement(self) -> None:
        sheet = self.current_sheet
        points, self.view.points = list(self.view.points), []
        self.view.cancel_points()
        if sheet is None or self.session is None:
            return
        kind = MeasurementKind.AREA if self.tool is Tool.AREA else MeasurementKind.LENGTH
        need = 3 if kind is MeasurementKind.AREA else 2
        if len(points) < need:
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
        choices = fact_choices(self.session.review.plan, measurement.kind, current_lang())
        if not choices:
            self.report_error(
                self.tr("The plan has no element with a fact in {0}.").format(
                    UNITS[measurement.kind]
                )
            )
            return
        value = measured_value(sheet, measurement)
        index = dialogs.ask_choice(
            self,
            self.tr("Assign measurement"),
            self.tr("Write {0} {1} into:").format(f"{value:.2f}", UNITS[measurement.kind]),
            [label for label, _target in choices],
        )
        if index is None:
            return
        try:
            self.session.assign_measurement(sheet.id, measurement_id, choices[index][1])
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
        self.scale_action.setText(self.tr("Scale 1:…"))
        self._update_scale_action()
        self.fit_action.setText(self.tr("Fit"))
        self.actual_action.setText(self.tr("100 %"))
        self.zoom_in_action.setToolTip(self.tr("Zoom in"))
        self.zoom_out_action.setToolTip(self.tr("Zoom out"))
        self._update_hint()
        if self.view.sheet is not None:
            self.view.show_sheet(self.current_sheet)
