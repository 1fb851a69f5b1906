"""Plan drawings stored in a .review file: adding, removing and rendering sheets.

A drawing is an attachment (PNG, JPEG or PDF) under `attachments/`, checked with the same
limits as photos (bytes per member, pixels per image, and room left in the file: count
and bytes of all attachments), decoded to the end when it is an image and, for a PDF,
opened with pdfium to check that it has pages of a sane size. Every page of a PDF
becomes its own `Sheet`; an image is one sheet. Sheet units are pixels for an image
(after its EXIF orientation is applied) and PDF points for a PDF page.

`render_sheet` turns a sheet into a Pillow image of at most `max_pixels` pixels: a PDF
page is rasterised at exactly the scale needed, so an A0 drawing is never rendered at
full resolution up front; a JPEG is decoded at a reduced size where the format allows
(`Image.draft`). The view asks for the size it shows, and the report for print size.
Rendering happens in a worker process with a memory and a time limit
(`reviewer.storage.render_process`): a PDF whose content inflates to gigabytes is
refused with `RenderRefused` instead of taking the app down. Adding a drawing reads only
the PDF's structure (page count and sizes), never a page's content, so it stays cheap
and safe; a hostile page is refused when it is first shown or printed.
"""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.domain.drawing import Sheet
from reviewer.domain.review import apply_rules
from reviewer.storage.container import (
    MAX_IMAGE_PIXELS,
    DocumentFileError,
    check_image,
    pdf_page_sizes,
)
from reviewer.storage.review_file import ReviewDocument

if TYPE_CHECKING:
    from PIL import Image

    from reviewer.storage.render_process import SheetRenderer

__all__ = [
    "DRAWING_SUFFIXES",
    "add_drawing",
    "remove_sheet",
    "render_sheet",
]


DRAWING_SUFFIXES = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg", ".pdf": ".pdf"}
MAX_NAME = 80


def _sheet_name(filename: str) -> str:
    stem = re.sub(r"\s+", " ", Path(filename).stem).strip()
    return stem[:MAX_NAME] or "Tekening"


def _free_name(taken: set[str], prefix: str, suffix: str = "") -> str:
    n = 1
    while f"{prefix}{n}{suffix}" in taken:
        n += 1
    return f"{prefix}{n}{suffix}"


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height as shown: EXIF orientations 5 to 8 swap the sides."""
    from PIL import Image  # imported here: opening a review needs no Pillow

    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
        orientation = img.getexif().get(0x0112, 1) if img.format == "JPEG" else 1
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def add_drawing(doc: ReviewDocument, filename: str, data: bytes) -> list[Sheet]:
    """Check a drawing, store it as an attachment and add its sheets to the review.

    Every page of a PDF becomes a sheet named after the file (with the page number when
    there are several); an image becomes one sheet. Returns the new sheets. Raises
    DocumentFileError, with a message naming the file, when it is not a usable drawing;
    the document is then unchanged.
    """
    suffix = DRAWING_SUFFIXES.get(Path(filename).suffix.lower())
    shown = Path(filename).name
    if suffix is None:
        raise DocumentFileError(f"{shown} is not a drawing: use a PNG, JPEG or PDF file")
    attachment = _free_name(set(doc.attachments), "drawing-", suffix)
    try:
        doc.check_room(data)  # the file must open again with it: size, count, total
        check_image(attachment, data)
        if suffix == ".pdf":
            pages: list[tuple[int | None, float, float]] = [
                (i, w, h) for i, (w, h) in enumerate(pdf_page_sizes(attachment, data))
            ]
        else:
            pages = [(None, *map(float, _image_size(data)))]
    except DocumentFileError as exc:
        message = str(exc).replace(repr(attachment), shown)
        raise DocumentFileError(f"Cannot add {shown}: {message}") from None
    name = _sheet_name(filename)
    taken = {s.id for s in doc.review.sheets}
    sheets = []
    for page, width, height in pages:
        sheet_id = _free_name(taken, "S")
        taken.add(sheet_id)
        label = f"{name} ({page + 1}/{len(pages)})" if len(pages) > 1 and page is not None else name
        sheets.append(
            Sheet(
                id=sheet_id,
                name=label,
                attachment=attachment,
                page=page,
                width=width,
                height=height,
            )
        )
    doc.attachments[attachment] = data
    doc.review.sheets = [*doc.review.sheets, *sheets]
    return sheets


def remove_sheet(doc: ReviewDocument, sheet_id: str) -> Sheet:
    """Remove a sheet (with its pins and measurements); drop its attachment when no other
    sheet uses it, and re-evaluate the rules so no evidence still cites the sheet.
    Returns the removed sheet (the facts measured on it keep their values)."""
    sheet = doc.review.sheet(sheet_id)
    doc.review.sheets = [s for s in doc.review.sheets if s.id != sheet_id]
    if all(s.attachment != sheet.attachment for s in doc.review.sheets):
        doc.attachments.pop(sheet.attachment, None)
    if sheet.measurements:
        apply_rules(doc.review)
    return sheet


def render_sheet(
    doc: ReviewDocument,
    sheet: Sheet,
    max_pixels: int,
    renderer: SheetRenderer | None = None,
) -> Image.Image:
    """The sheet as an RGB image of at most `max_pixels` pixels (never more than the
    photo limit), keeping its aspect ratio. A point (x, y) in sheet units is at
    (x * image.width / sheet.width, y * image.height / sheet.height) in the image.

    The sheet is rendered by `renderer` (a worker process with a memory and a time
    limit; by default one shared by this process), so this blocks until it is done but
    a hostile drawing cannot take the caller down: it raises RenderRefused (a
    DocumentFileError). Raises DocumentFileError when the attachment is missing or
    cannot be rendered.
    """
    data = doc.attachments.get(sheet.attachment)
    if data is None:
        raise DocumentFileError(f"the drawing of sheet {sheet.name!r} is missing")
    budget = max(1, min(max_pixels, MAX_IMAGE_PIXELS))
    renderer = renderer or _shared_renderer()
    return renderer.render(data, page=sheet.page, budget=budget, name=sheet.name)


_shared: list[SheetRenderer] = []
_shared_lock = threading.Lock()


def _shared_renderer() -> SheetRenderer:
    with _shared_lock:
        if not _shared:
            from reviewer.storage.render_process import SheetRenderer

            _shared.append(SheetRenderer())
        return _shared[0]
