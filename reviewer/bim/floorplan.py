"""A storey drawn as a floor plan: a PNG with its scale known.

The section is taken at the storey's level + `CUT_HEIGHT` through walls, columns, doors
and windows; rooms (IfcSpace) are filled, with their name and area; stairs show their
steps. White background, black cut walls, about 1:100 at 127 dpi (`PIXELS_PER_M`), with
a 5 m scale bar whose two ends are the sheet's calibration points.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from reviewer.bim.geometry import Mesh, footprint, polygons_of, section, treads
from reviewer.paths import FONTS

CUT_HEIGHT = 1.2  # m above the storey's level
PIXELS_PER_M = 50  # 0.02 m a pixel: 1:100 printed at 127 dpi
MAX_SIDE = 4000  # pixels; a larger building is drawn at a coarser scale
MARGIN = 70  # pixels around the building
TITLE = 60  # pixels above it for the storey's name
SCALE_BAR_M = 5.0

WALL = (40, 40, 40)
ROOM = (246, 243, 235)
ROOM_LINE = (170, 160, 140)
DOOR = (196, 112, 40)
WINDOW = (70, 140, 210)
STAIR = (110, 110, 110)
TEXT = (30, 30, 30)


@dataclass
class Frame:
    """The model rectangle every sheet of one import shows (so they lie on top of each
    other), and the scale."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float
    metres_per_pixel: float

    @property
    def width(self) -> int:
        return math.ceil((self.xmax - self.xmin) / self.metres_per_pixel) + 2 * MARGIN

    @property
    def height(self) -> int:
        return math.ceil((self.ymax - self.ymin) / self.metres_per_pixel) + 2 * MARGIN + TITLE

    @property
    def origin_x(self) -> float:
        """Model x at the image's left edge."""
        return self.xmin - MARGIN * self.metres_per_pixel

    @property
    def origin_y(self) -> float:
        """Model y at the image's top edge."""
        return self.ymax + (MARGIN + TITLE) * self.metres_per_pixel

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        mpp = self.metres_per_pixel
        return ((x - self.origin_x) / mpp, (self.origin_y - y) / mpp)

    def scale_bar(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The two ends of the scale bar, in pixels: SCALE_BAR_M apart."""
        y = self.height - MARGIN / 2
        length = SCALE_BAR_M / self.metres_per_pixel
        return (MARGIN, y), (MARGIN + length, y)


def frame_for(bounds: Sequence[float]) -> Frame:
    xmin, ymin, xmax, ymax = bounds
    span = max(xmax - xmin, ymax - ymin, 1.0)
    mpp = max(1 / PIXELS_PER_M, span / (MAX_SIDE - 2 * MARGIN - TITLE))
    width = max(xmax - xmin, SCALE_BAR_M + 2)  # the scale bar and title fit
    return Frame(xmin, ymin, xmin + width, ymax, mpp)


@dataclass
class RoomLabel:
    name: str  # "Living Room (A102)"
    area_m2: float | None
    short: str = ""  # the room number, for a narrow room


@dataclass
class StoreyDrawing:
    title: str
    walls: list[Mesh] = field(default_factory=list)
    doors: list[Mesh] = field(default_factory=list)
    windows: list[Mesh] = field(default_factory=list)
    stairs: list[Mesh] = field(default_factory=list)
    rooms: list[tuple[Mesh, RoomLabel]] = field(default_factory=list)


def _font(size: int, bold: bool = False) -> Any:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONTS / name), size)
    except OSError:
        return ImageFont.load_default()


def _ring(frame: Frame, coords: Any) -> list[tuple[float, float]]:
    return [frame.pixel(x, y) for x, y, *_ in coords]


def _fill(
    draw: ImageDraw.ImageDraw,
    frame: Frame,
    polygon: Any,
    fill: Any,
    outline: Any = None,
    width: int = 1,
) -> None:
    exterior = _ring(frame, polygon.exterior.coords)
    if len(exterior) < 3:
        return
    draw.polygon(exterior, fill=fill, outline=outline, width=width)
    for interior in polygon.interiors:
        draw.polygon(_ring(frame, interior.coords), fill=(255, 255, 255), outline=outline)


def render_storey(drawing: StoreyDrawing, frame: Frame, level: float) -> bytes:
    """The storey as PNG bytes of frame.width × frame.height pixels."""
    image = Image.new("RGB", (frame.width, frame.height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    cut = level + CUT_HEIGHT
    labels: list[tuple[Any, RoomLabel]] = []
    for mesh, label in drawing.rooms:
        shapes = section(mesh, min(max(cut, mesh.zmin + 0.05), mesh.zmax - 0.05)) or polygons_of(
            footprint(mesh)
        )
        for polygon in shapes:
            _fill(draw, frame, polygon, ROOM, ROOM_LINE, 2)
        if shapes:
            labels.append((max(shapes, key=lambda p: p.area), label))
    for mesh in drawing.stairs:
        for step in treads(mesh):
            _fill(draw, frame, step, None, STAIR, 2)
    for mesh in drawing.walls:
        for polygon in section(mesh, cut):
            _fill(draw, frame, polygon, WALL, WALL)
    for mesh in drawing.windows:
        for polygon in polygons_of(footprint(mesh, cut - 1.0, cut + 1.0)):
            _fill(draw, frame, polygon, (205, 228, 250), WINDOW, 2)
    for mesh in drawing.doors:
        for polygon in polygons_of(footprint(mesh, level - 0.1, cut)):
            _fill(draw, frame, polygon, (250, 226, 200), DOOR, 2)
    _labels(draw, frame, labels)
    _title_and_scale(draw, frame, drawing.title)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _labels(draw: ImageDraw.ImageDraw, frame: Frame, labels: list[tuple[Any, RoomLabel]]) -> None:
    """Room name and area at the middle of each room, in a smaller font or shortened to the
    room number when the room is narrow; a label that would cover another moves down."""
    placed: list[tuple[float, float, float, float]] = []
    for polygon, label in sorted(labels, key=lambda pl: -pl[0].area):
        point = polygon.representative_point()
        px, py = frame.pixel(point.x, point.y)
        xmin, _, xmax, _ = polygon.bounds
        room_width = (xmax - xmin) / frame.metres_per_pixel - 6
        lines = _fitted(draw, label, room_width)
        heights = [draw.textbbox((0, 0), text, font=font)[3] + 3 for text, font in lines]
        widths = [draw.textlength(text, font=font) for text, font in lines]
        width, height = max(widths, default=0), sum(heights)
        box = (px - width / 2, py - height / 2, px + width / 2, py + height / 2)
        for _ in range(6):
            if not any(_overlap(box, other) for other in placed):
                break
            box = (box[0], box[1] + height, box[2], box[3] + height)
        placed.append(box)
        y = box[1]
        for (text, font), w, h in zip(lines, widths, heights, strict=True):
            draw.text((px - w / 2, y), text, fill=TEXT, font=font)
            y += h


def _fitted(draw: ImageDraw.ImageDraw, label: RoomLabel, room_width: float) -> list[Any]:
    area = f"{label.area_m2:.1f} m²".replace(".", ",") if label.area_m2 is not None else ""
    for size, name in ((15, label.name), (12, label.name), (12, label.short)):
        name_font, area_font = _font(size, bold=True), _font(size - 1)
        lines = [(name, name_font)] if name else []
        if area:
            lines.append((area, area_font))
        if all(draw.textlength(text, font=font) <= room_width for text, font in lines):
            return lines
    return [(label.short, _font(11, bold=True))] if label.short else []


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _title_and_scale(draw: ImageDraw.ImageDraw, frame: Frame, title: str) -> None:
    draw.text((MARGIN, 18), title, fill=TEXT, font=_font(24, bold=True))
    (x1, y), (x2, _) = frame.scale_bar()
    font = _font(14)
    step = (x2 - x1) / 5
    for i in range(5):
        fill = TEXT if i % 2 == 0 else (255, 255, 255)
        draw.rectangle((x1 + i * step, y - 5, x1 + (i + 1) * step, y + 5), fill=fill, outline=TEXT)
    draw.text((x1, y + 8), "0", fill=TEXT, font=font)
    label = f"{SCALE_BAR_M:g} m"
    draw.text((x2 - draw.textlength(label, font=font) / 2, y + 8), label, fill=TEXT, font=font)
