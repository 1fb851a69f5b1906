"""Plan drawings in the report: sheets rendered to print size, with pins and measurements.

Only sheets with pins or measurements are printed. Each is rendered once through
`reviewer.storage.drawings.render_sheet` at `MAX_PIXELS` (about 250 dpi over the width of
the page frame), in a worker process with the same memory and time limits as the drawing
view (a sheet over a limit is printed as a note saying why), saved as PNG when it has
few colours (a line drawing) and JPEG otherwise, and drawn by `SheetDrawing`, which lays
the pins (numbered circles in their verdict colour) and measurements (blue lines and
polygons with their value) over it in sheet coordinates, so they sit where the reviewer
put them. `sheet_page` is what both the review report and the workshop report (once per
side) print under a sheet's heading: the scale, the drawing, the pin legend and the
measurements.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from reviewer.domain.drawing import (
    Measurement,
    MeasurementKind,
    Sheet,
    measured_value,
    target_label,
)
from reviewer.domain.review import Review
from reviewer.domain.text import Lang
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict
from reviewer.report.escape import para_text
from reviewer.report.flowables import STRIP, header_table
from reviewer.report.fonts import BOLD, REGULAR
from reviewer.report.labels import format_decimal, label
from reviewer.report.styles import FRAME_WIDTH, colour
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument

if TYPE_CHECKING:
    from PIL import Image

    from reviewer.storage.render_process import SheetRenderer

MAX_PIXELS = 3_000_000  # ~2000 × 1400 px: 250-300 dpi over an A4 frame
MEASURE_COLOUR = "#1565c0"
PIN_RADIUS = 6.0  # points on paper, whatever the sheet's scale
LEGEND_HEADS = ("col_pin", "col_criterion", "col_verdict")
MEASUREMENT_HEADS = ("col_measurement", "col_value", "col_fact")


@dataclass(frozen=True)
class DrawingImage:
    """A sheet rendered for print (`path`), or why it could not be (`problem`)."""

    sheet_id: str
    path: Path | None = None
    problem: str = ""


def printed_sheets(review: Review) -> list[Sheet]:
    """The sheets the report shows: those with pins or measurements."""
    return [s for s in review.sheets if s.pins or s.measurements]


def prepare_drawings(
    doc: ReviewDocument, folder: Path, on_done: Callable[[], None] | None = None
) -> dict[str, DrawingImage]:
    """Render every printed sheet into `folder`; a sheet that cannot be rendered gets a
    `problem` and does not stop the report."""
    sheets = printed_sheets(doc.review)
    out: dict[str, DrawingImage] = {}
    if not sheets:
        return out
    from reviewer.storage.render_process import SheetRenderer  # a worker only when needed

    with SheetRenderer() as renderer:  # one worker for all of this report's sheets
        for index, sheet in enumerate(sheets):
            try:
                image = _render(doc, sheet, renderer)
            except DocumentFileError as exc:  # RenderRefused too: over a limit
                out[sheet.id] = DrawingImage(sheet.id, problem=str(exc))
            else:
                few_colours = image.getcolors(256) is not None
                path = folder / f"sheet-{index:03d}{'.png' if few_colours else '.jpg'}"
                if few_colours:
                    image.save(path, "PNG")
                else:
                    image.save(path, "JPEG", quality=85)
                out[sheet.id] = DrawingImage(sheet.id, path=path)
            if on_done:
                on_done()
    return out


def _render(doc: ReviewDocument, sheet: Sheet, renderer: SheetRenderer) -> Image.Image:
    """The sheet at print size, rendered by the worker process with its limits."""
    from reviewer.storage.drawings import render_sheet

    return render_sheet(doc, sheet, MAX_PIXELS, renderer)


def measurement_text(sheet: Sheet, measurement: Measurement, lang: Lang) -> str:
    """ "12,40 m" / "310,00 m²", or "" without a scale."""
    value = measured_value(sheet, measurement)
    if value is None:
        return ""
    unit = "m" if measurement.kind is MeasurementKind.LENGTH else "m²"
    return f"{format_decimal(value, lang)} {unit}"


class SheetDrawing(Flowable):
    """A sheet's image scaled to fit `width` × `max_height`, with pins and measurements."""

    def __init__(
        self,
        sheet: Sheet,
        image: Path,
        pin_colours: dict[int, str],
        lang: Lang,
        width: float,
        max_height: float,
    ) -> None:
        super().__init__()
        self.sheet = sheet
        self.image = image
        self.pin_colours = pin_colours
        self.lang: Lang = lang
        self.scale = min(width / sheet.width, max_height / sheet.height)
        self.width = sheet.width * self.scale
        self.height = sheet.height * self.scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _xy(self, point: Sequence[float]) -> tuple[float, float]:
        """Sheet units (origin top left, y down) to this flowable (origin bottom left)."""
        return point[0] * self.scale, self.height - point[1] * self.scale

    def draw(self) -> None:
        canv = self.canv
        canv.drawImage(str(self.image), 0, 0, self.width, self.height)
        canv.setStrokeColor(colour("#8a8f98"))
        canv.setLineWidth(0.4)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        for measurement in self.sheet.measurements:
            self._measurement(measurement)
        for pin in sorted(self.sheet.pins, key=lambda p: p.number):
            self._pin(pin.number, pin.position)

    def _measurement(self, measurement: Measurement) -> None:
        canv = self.canv
        blue = colour(MEASURE_COLOUR)
        points = [self._xy(p) for p in measurement.points]
        path = canv.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        area = measurement.kind is MeasurementKind.AREA
        if area:
            path.close()
        canv.saveState()
        canv.setStrokeColor(blue)
        canv.setLineWidth(1.4)
        canv.setFillColor(Color(blue.red, blue.green, blue.blue, alpha=0.15))
        canv.drawPath(path, stroke=1, fill=1 if area else 0)
        text = measurement_text(self.sheet, measurement, self.lang)
        if text:
            if area:
                x = sum(p[0] for p in points) / len(points)
                y = sum(p[1] for p in points) / len(points)
            else:
                (x0, y0), (x1, y1) = points[0], points[1]
                x, y = (x0 + x1) / 2, (y0 + y1) / 2 + 3
            self._label(text, x, y, blue)
        canv.restoreState()

    def _label(self, text: str, x: float, y: float, ink: Color) -> None:
        canv = self.canv
        size = 7
        width = canv.stringWidth(text, BOLD, size)
        canv.setFillColor(white)
        canv.rect(x - width / 2 - 1.5, y - 2, width + 3, size + 2, stroke=0, fill=1)
        canv.setFillColor(ink)
        canv.setFont(BOLD, size)
        canv.drawCentredString(x, y, text)

    def _pin(self, number: int, position: Sequence[float]) -> None:
        canv = self.canv
        x, y = self._xy(position)
        canv.saveState()
        fill = self.pin_colours.get(number, VERDICT_COLOURS[Verdict.NOT_ASSESSED])
        canv.setFillColor(colour(fill))
        canv.setStrokeColor(white)
        canv.setLineWidth(1.2)
        canv.circle(x, y, PIN_RADIUS, stroke=1, fill=1)
        pale = fill == VERDICT_COLOURS[Verdict.NOT_ASSESSED]
        canv.setFillColor(colour("#202124") if pale else white)
        text = str(number)
        size = 7 if len(text) < 3 else 5.5
        canv.setFont(BOLD if len(text) < 3 else REGULAR, size)
        canv.drawCentredString(x, y - size * 0.35, text)
        canv.restoreState()


# ---------------------------------------------------------------------------- pages


def pin_refs(review: Review, criterion_id: str, lang: Lang) -> list[str]:
    """Where a criterion is pinned: "Pin 2 op Begane grond", in pin-number order."""
    return [
        label("pin_ref", lang, n=pin.number, sheet=sheet.name)
        for sheet, pin in review.pins_for(criterion_id)
    ]


def scale_text(sheet: Sheet, lang: Lang) -> str:
    """How the sheet was put to scale, in words ("Schaal 1:100", ...)."""
    calibration = sheet.calibration
    if calibration is None:
        return label("scale_none", lang)
    if calibration.scale is not None:
        return label("scale_ratio", lang, scale=f"{calibration.scale:g}")
    distance = format_decimal(calibration.distance_m or 0, lang)
    return label("scale_points", lang, distance=distance)


def sheet_page(
    review: Review,
    sheet: Sheet,
    image: DrawingImage | None,
    lang: Lang,
    styles: StyleSheet1,
) -> list[Flowable]:
    """What goes under a sheet's heading in a report: its scale, the drawing with its pins
    and measurements (or why it cannot be shown), a legend of the pins (number,
    criterion, verdict) and a table of the measurements (value, the fact it was used for).
    Every piece of user text is escaped."""

    def paragraph(text: str, style: str) -> Paragraph:
        return Paragraph(para_text(text), styles[style])

    story: list[Flowable] = [paragraph(scale_text(sheet, lang), "small")]
    if image is not None and image.path is not None:
        verdicts = {
            pin.number: VERDICT_COLOURS[review.assessments[pin.criterion_id].verdict]
            for pin in sheet.pins
        }
        story.append(SheetDrawing(sheet, image.path, verdicts, lang, FRAME_WIDTH, 125 * mm))
    else:
        reason = image.problem if image is not None else "missing"
        story.append(
            paragraph(label("drawing_unreadable", lang, name=sheet.name, reason=reason), "body")
        )
    story.append(Spacer(1, 4 * mm))
    if sheet.pins:
        story.append(_pin_legend(review, sheet, lang, styles))
    if sheet.measurements:
        story.append(Spacer(1, 3 * mm))
        story.append(_measurement_table(sheet, lang, styles))
    return story


def _pin_legend(review: Review, sheet: Sheet, lang: Lang, styles: StyleSheet1) -> Flowable:
    cell, head = styles["cell"], styles["cell_head"]
    rows: list[list[object]] = [
        ["", *(Paragraph(para_text(label(k, lang)), head) for k in LEGEND_HEADS)]
    ]
    strips: list[str | None] = [None]
    for pin in sorted(sheet.pins, key=lambda p: p.number):
        criterion = review.checklist.criterion(pin.criterion_id)
        verdict = review.assessments[pin.criterion_id].verdict
        element = f" · {pin.element}" if pin.element else ""
        rows.append(
            [
                "",
                Paragraph(f"<b>{pin.number}</b>", cell),
                Paragraph(
                    f"<b>{para_text(criterion.id)}</b> "
                    f"{para_text(criterion.title.get(lang) + element)}",
                    cell,
                ),
                Paragraph(para_text(verdict.label.get(lang)), cell),
            ]
        )
        strips.append(VERDICT_COLOURS[verdict])
    widths = [STRIP, 12 * mm, FRAME_WIDTH - STRIP - 12 * mm - 40 * mm, 40 * mm]
    return header_table(rows, widths, strips)


def _measurement_table(sheet: Sheet, lang: Lang, styles: StyleSheet1) -> Flowable:
    cell, head = styles["cell"], styles["cell_head"]
    rows: list[list[object]] = [
        ["", *(Paragraph(para_text(label(k, lang)), head) for k in MEASUREMENT_HEADS)]
    ]
    for m in sheet.measurements:
        value = measurement_text(sheet, m, lang) or label("not_calibrated", lang)
        used = ""
        if m.assigned is not None:  # "Galerij G1 lengte", as on the sheet in the app
            used = target_label(m.assigned).get(lang)
        rows.append(
            [
                "",
                Paragraph(para_text(m.id), cell),
                Paragraph(para_text(value), cell),
                Paragraph(para_text(used), cell),
            ]
        )
    widths = [STRIP, 30 * mm, 35 * mm, FRAME_WIDTH - STRIP - 65 * mm]
    strips: list[str | None] = [None] + [MEASURE_COLOUR] * len(sheet.measurements)
    return header_table(rows, widths, strips)
