"""Photos made fit for print before they go into the PDF.

A phone photo is 12 megapixels and several megabytes; in the report it is printed about
eight centimetres wide. Each photo is decoded at a reduced size where the JPEG format
allows it (Pillow's `draft`, which skips most of the decoding work), turned upright
according to its EXIF orientation, scaled to at most `MAX_SIDE` pixels on its long side
and stored as a JPEG at quality `JPEG_QUALITY` (a drawing with few colours stays PNG).
The results are written as files, because reportlab embeds a JPEG file's bytes as they
are, without decoding them again. Photos are prepared on a few threads: Pillow releases
the interpreter lock while it decodes, scales and encodes.
"""

from __future__ import annotations

import io
import math
import os
import warnings
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from reviewer.storage.container import MAX_IMAGE_PIXELS

MAX_SIDE = 1200  # pixels on the long side: about 380 dpi at 8 cm, plenty for print
MIN_DRAFT_SIDE = 1000  # JPEG draft decoding may stop at this size (then no resampling)
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Photo:
    """A photo ready to embed (`path`), or why it cannot be shown (`problem`)."""

    name: str
    path: Path | None = None
    width: int = 0  # pixels, after downscaling
    height: int = 0
    problem: str = ""


class _Unusable(Exception):
    pass


def _flatten(img: Image.Image) -> Image.Image:
    """RGB or greyscale, with any transparency laid on white."""
    if img.mode in ("RGB", "L"):
        return img
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
        img = img.convert("RGBA")
        white = Image.new("RGB", img.size, (255, 255, 255))
        white.paste(img, mask=img.getchannel("A"))
        return white
    if img.mode in ("1", "I", "I;16", "F"):
        return img.convert("L")
    return img.convert("RGB")  # CMYK, YCbCr, LAB, ...


def _open(data: bytes) -> Image.Image:
    """Open the image header and check its size (the header only; no pixels decoded)."""
    try:
        with warnings.catch_warnings():
            # the pixel limit is checked below with the same limit as the .review file
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise _Unusable("the image has too many pixels") from None
    except Exception:  # Pillow raises many types for unreadable data
        raise _Unusable("the file is not a readable image") from None
    if img.format not in ("JPEG", "PNG", "MPO"):
        raise _Unusable(f"images of type {img.format or 'unknown'} are not supported")
    width, height = img.size
    if width * height > MAX_IMAGE_PIXELS:
        raise _Unusable(f"the image is {width}×{height} pixels, too large")
    return img


def downscale(img: Image.Image, data: bytes) -> tuple[bytes, str, tuple[int, int]]:
    """Encode an opened image for the report; returns (bytes, suffix, (width, height))."""
    fmt = img.format
    width, height = img.size
    long_side = max(width, height)
    orientation = img.getexif().get(0x0112, 1) if fmt in ("JPEG", "MPO") else 1
    if (
        fmt == "JPEG"
        and long_side <= MAX_SIDE
        and img.mode in ("RGB", "L")
        and orientation in (1, None)
    ):
        return data, ".jpg", (width, height)  # already small and upright: keep it as it is
    if fmt in ("JPEG", "MPO") and long_side > MAX_SIDE:
        scale = MIN_DRAFT_SIDE / long_side
        img.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    img = ImageOps.exif_transpose(img) or img
    img = _flatten(img)
    if max(img.size) > MAX_SIDE:
        img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if fmt == "PNG" and img.getcolors(256) is not None:  # a drawing or diagram
        img.save(out, "PNG", optimize=False)
        suffix = ".png"
    else:
        img.save(out, "JPEG", quality=JPEG_QUALITY)
        suffix = ".jpg"
    return out.getvalue(), suffix, img.size


def _prepare_one(index: int, name: str, img: Image.Image, data: bytes, folder: Path) -> Photo:
    try:
        encoded, suffix, (width, height) = downscale(img, data)
    except Exception as exc:  # a truncated or corrupt file fails only while decoding
        reason = "the image data is damaged" if isinstance(exc, OSError) else str(exc)
        return Photo(name=name, problem=reason)
    finally:
        img.close()
    path = folder / f"photo-{index:04d}{suffix}"
    path.write_bytes(encoded)
    return Photo(name=name, path=path, width=width, height=height)


def prepare_photos(
    attachments: Mapping[str, bytes],
    folder: Path,
    on_done: Callable[[], None] | None = None,
) -> dict[str, Photo]:
    """Downscale every attachment into `folder`; call `on_done()` after each one.

    A photo that cannot be read does not stop the report: it is returned with a
    `problem`, and the report shows that in its place.
    """
    photos: dict[str, Photo] = {}
    jobs: list[tuple[int, str, Image.Image, bytes]] = []
    for index, (name, data) in enumerate(sorted(attachments.items())):
        try:
            jobs.append((index, name, _open(data), data))
        except _Unusable as exc:
            photos[name] = Photo(name=name, problem=str(exc))
            if on_done:
                on_done()
    workers = max(1, min(4, os.cpu_count() or 1, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-photo") as pool:
        futures = [pool.submit(_prepare_one, *job, folder) for job in jobs]
        try:
            for future in as_completed(futures):
                photo = future.result()
                photos[photo.name] = photo
                if on_done:
                    on_done()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return photos
