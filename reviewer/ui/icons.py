"""Icons: simple SVGs from resources/icons, and verdict dots painted in the traffic-light colours.

Every icon is made once and cached; the navigator asks for the same few icons thousands
of times, so this has to be a dictionary lookup. `verdict_icon` is the one verdict dot of
the interface: the navigator, the plan and summary views, the workshop all show it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.paths import ICONS

DOT_SIZES = (16, 24)  # QIcon scales from the nearest; more sizes cost startup time
DOT_SIZE = QSize(16, 16)  # as the navigator shows verdict dots; a list view's own is larger


@cache
def icon(name: str) -> QIcon:
    """The bundled icon `name` (resources/icons/<name>.svg); an empty icon if missing."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def _dot_pixmap(
    verdict: Verdict | None, size: int, ratio: float, on_colour: bool = False
) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if verdict is None:
        return pixmap
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(VERDICT_COLOURS[verdict])
    radius = size * 0.34
    centre = QPointF(size / 2, size / 2)
    if on_colour:
        # a white dot for a button filled with the verdict colour
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(centre, radius * 0.8, radius * 0.8)
    elif verdict is Verdict.NOT_ASSESSED:
        # an empty ring: nothing decided yet
        pen = QPen(QColor("#8a8f98"), max(1.2, size / 12))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius - 0.5, radius - 0.5)
    else:
        painter.setPen(QPen(colour.darker(125), 1))
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
        if verdict is Verdict.NOT_APPLICABLE:
            # a bar through the grey dot, so it does not read as a faint "meets"
            painter.setPen(QPen(QColor("#ffffff"), max(1.2, size / 10)))
            painter.drawLine(
                QPointF(centre.x() - radius * 0.55, centre.y()),
                QPointF(centre.x() + radius * 0.55, centre.y()),
            )
    painter.end()
    return pixmap


@cache
def verdict_icon(verdict: Verdict | None) -> QIcon:
    """A round dot in the verdict's colour; an empty ring for 'not assessed', a barred grey
    dot for 'not applicable'; a transparent one for None (no verdict to show: it keeps the
    text of a list aligned with its neighbours)."""
    result = QIcon()
    for size in DOT_SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(_dot_pixmap(verdict, size, ratio))
    return result


@cache
def verdict_button_icon(verdict: Verdict) -> QIcon:
    """The verdict dot, with a white dot for the checked state (the button is coloured)."""
    result = QIcon()
    for size in DOT_SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(_dot_pixmap(verdict, size, ratio), QIcon.Mode.Normal, QIcon.State.Off)
            result.addPixmap(
                _dot_pixmap(verdict, size, ratio, on_colour=True),
                QIcon.Mode.Normal,
                QIcon.State.On,
            )
    return result


@cache
def combined_icon(*names: str) -> QIcon:
    """Several small icons side by side in one (e.g. notes + photo in the navigator)."""
    if len(names) == 1:
        return icon(names[0])
    height = 16
    width = height * len(names) + 2 * (len(names) - 1)
    result = QIcon()
    for ratio in (1.0, 2.0):
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        for i, name in enumerate(names):
            icon(name).paint(painter, QRectF(i * (height + 2), 0, height, height).toRect())
        painter.end()
        result.addPixmap(pixmap)
    return result


def combined_size(count: int, height: int = 16) -> QSize:
    return QSize(height * count + 2 * (count - 1), height)


@cache
def workshop_icon() -> QIcon:
    """Two overlapping rings: safety and cohesion looking at one plan."""
    result = QIcon()
    for size in (16, 24):
        for ratio in (1.0, 2.0):
            pixmap = QPixmap(round(size * ratio), round(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            radius = size * 0.28
            for x, colour in ((size * 0.36, "#1e6bb8"), (size * 0.64, "#2e7d32")):
                painter.setPen(QPen(QColor(colour), max(1.4, size / 11)))
                painter.drawEllipse(QPointF(x, size / 2), radius, radius)
            painter.end()
            result.addPixmap(pixmap)
    return result
