"""Photos made fit for print before they go into the PDF.

A phone photo is 12 megapixels and several megabytes; in the report it is printed about
eight centimetres wide. Each photo is decoded at a reduced size where the JPEG format
allows it (Pillow's `draft`, which skips most of the decoding work), turned upright
according to its EXIF orientation, scaled to at most `MAX_SIDE` pixels on its long side
and stored as a JPEG at quality `JPEG_QUALITY` (a drawing with few colours stays PNG).
The results are written as files, because reportlab embeds a JPEG file's bytes as they
are, without decoding them again. Photos are prepared on a few threads: Pillow releases
the interpreter lock while it decodes, scales and encodes.

Memory: everything after decoding works on the shrunk image, so the decoded photo is the
only large buffer; a PNG cannot be decoded smaller, and a progressive JPEG makes libjpeg
hold the whole image's coefficients however small it is decoded. So the threads are
also bounded by memory: each photo's peak is estimated from its header (`peak_bytes`)
and only as many are prepared at once as fit in `MEMORY_BUDGET`. Eight 88-megapixel
PNGs are then prepared one after another instead of four at once.
"""

from __future__ import annotations

import ctypes
import io
import math
import os
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageOps

from reviewer.storage.container import MAX_IMAGE_PIXELS

MAX_SIDE = 1200  # pixels on the long side: about 380 dpi at 8 cm, plenty for print
MIN_DRAFT_SIDE = 1000  # JPEG draft decoding may stop at this size (then no resampling)
JPEG_QUALITY = 80
MEMORY_BUDGET = 512 * 2**20  # bytes the photos being prepared at once may take together
TRIM_FROM = 64 * 2**20  # after a photo this large, freed memory goes back to the system


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


@dataclass
class _Job:
    """An opened photo (header only), set to decode at the size the report needs."""

    index: int
    name: str
    img: Image.Image
    data: bytes
    keep: bool  # a small upright JPEG: embedded as it is, never decoded
    peak: int  # about how many bytes preparing it takes at most


def _plan(index: int, name: str, data: bytes) -> _Job:
    """Open a photo and set it to decode downscaled where the format allows: a JPEG is
    decoded by libjpeg at 1/2, 1/4 or 1/8 of its size (`draft`), never in full."""
    img = _open(data)
    width, height = img.size
    long_side = max(width, height)
    orientation = img.getexif().get(0x0112, 1) if img.format in ("JPEG", "MPO") else 1
    keep = (
        img.format == "JPEG"
        and long_side <= MAX_SIDE
        and img.mode in ("RGB", "L")
        and orientation in (1, None)
    )
    if not keep and img.format in ("JPEG", "MPO") and long_side > MAX_SIDE:
        scale = MIN_DRAFT_SIDE / long_side
        img.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    return _Job(index, name, img, data, keep, 0 if keep else peak_bytes(img, (width, height)))


def peak_bytes(img: Image.Image, full_size: tuple[int, int]) -> int:
    """About how much memory preparing an opened photo takes at its peak, once `draft`
    has set the size it decodes at (`img.size`); `full_size` is its size in the file.

    Pillow keeps 4 bytes a pixel for RGB and every mode with more than one band; an
    image with transparency is also copied once premultiplied while it is shrunk, and a
    palette image is converted to RGB(A) first. A progressive JPEG keeps libjpeg's DCT
    coefficients of the whole image (2 bytes a sample, at full size however small it
    is decoded); a PNG is always decoded in full: Pillow cannot decode it smaller.
    """
    width, height = img.size
    mode = img.mode
    if mode in ("1", "L"):
        per_pixel = 1
    elif mode.startswith("I;16"):
        per_pixel = 2 + 1
    elif mode == "P":
        per_pixel = 1 + 4 + (4 if "transparency" in img.info else 0)
    elif mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info:
        per_pixel = 4 + 4
    elif mode in ("RGB", "RGBX"):
        per_pixel = 4
    else:  # CMYK, YCbCr, I, F, ...: converted at full size
        per_pixel = 4 + 4
    peak = width * height * per_pixel
    if img.format in ("JPEG", "MPO") and img.info.get("progressive"):
        layers = getattr(img, "layer", None) or [(0, 1, 1, 0)] * len(img.getbands())
        h_max = max(h for _id, h, _v, _q in layers)
        v_max = max(v for _id, _h, v, _q in layers)
        samples = sum(h * v for _id, h, v, _q in layers) / (h_max * v_max)
        peak += int(full_size[0] * full_size[1] * samples * 2)
    return peak + 2 * MAX_SIDE * MAX_SIDE * 4  # the shrunk image and its encoding


def downscale(job: _Job) -> tuple[bytes, str, tuple[int, int]]:
    """Decode a planned photo (at its draft size), shrink it to `MAX_SIDE`, turn it
    upright and lay any transparency on white, and encode it for the report; returns
    (bytes, suffix, (width, height)). Everything after the decoding works on the small
    image: the full-size one is the only large buffer."""
    img = job.img
    if job.keep:
        return job.data, ".jpg", img.size
    fmt = img.format
    img = _resizable(img)
    if max(img.size) > MAX_SIDE:
        img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
    img = ImageOps.exif_transpose(img) or img
    img = _flatten(img)
    out = io.BytesIO()
    if fmt == "PNG" and img.getcolors(256) is not None:  # a drawing or diagram
        img.save(out, "PNG", optimize=False)
        suffix = ".png"
    else:
        img.save(out, "JPEG", quality=JPEG_QUALITY)
        suffix = ".jpg"
    return out.getvalue(), suffix, img.size


def _resizable(img: Image.Image) -> Image.Image:
    """The image in a mode Pillow shrinks well, converted at full size only when it must
    be: a palette would be shrunk by nearest neighbour, 16-bit grey not at all."""
    if img.mode in ("RGB", "RGBA", "L", "LA"):
        return img
    if img.mode == "P":
        return img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode == "PA":
        return img.convert("RGBA")
    if img.mode in ("1", "I", "I;16", "I;16B", "I;16L", "F"):
        return img.convert("L")
    return img.convert("RGB")  # CMYK, YCbCr, LAB, ...


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc
        return None


def _give_back_freed_memory() -> None:
    """Return the memory of a large decoded photo to the system. glibc keeps freed
    blocks of Pillow's size in the arena of the thread that used them, so photos
    prepared one after another on different threads would add up as if at once."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class _MemoryBudget:
    """Bytes the photo threads may use at once: a photo waits until its estimate fits
    beside those being prepared (one larger than the whole budget is prepared alone)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._condition = threading.Condition()

    @contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        amount = min(amount, self.total)
        with self._condition:
            while self.used and self.used + amount > self.total:
                self._condition.wait()
            self.used += amount
        try:
            yield
        finally:
            with self._condition:
                self.used -= amount
                self._condition.notify_all()


def _prepare_one(job: _Job, folder: Path, budget: _MemoryBudget) -> Photo:
    try:
        with budget.reserve(job.peak):
            try:
                encoded, suffix, (width, height) = downscale(job)
            finally:
                job.img.close()
                if job.peak >= TRIM_FROM:
                    _give_back_freed_memory()
    except Exception as exc:  # a truncated or corrupt file fails only while decoding
        reason = "the image data is damaged" if isinstance(exc, OSError) else str(exc)
        return Photo(name=job.name, problem=reason)
    path = folder / f"photo-{job.index:04d}{suffix}"
    path.write_bytes(encoded)
    return Photo(name=job.name, path=path, width=width, height=height)


def prepare_photos(
    attachments: Mapping[str, bytes],
    folder: Path,
    on_done: Callable[[], None] | None = None,
    *,
    memory_budget: int | None = None,
) -> dict[str, Photo]:
    """Downscale every attachment into `folder`; call `on_done()` after each one.

    Photos are prepared on up to four threads, as many as there are cores, and only as
    many at once as fit in `memory_budget` bytes (`MEMORY_BUDGET` by default) by their
    `peak_bytes`. A photo that cannot be read does not stop the report: it is returned
    with a `problem`, and the report shows that in its place.
    """
    photos: dict[str, Photo] = {}
    jobs: list[_Job] = []
    for index, (name, data) in enumerate(sorted(attachments.items())):
        try:
            jobs.append(_plan(index, name, data))
        except _Unusable as exc:
            photos[name] = Photo(name=name, problem=str(exc))
            if on_done:
                on_done()
    budget = _MemoryBudget(MEMORY_BUDGET if memory_budget is None else memory_budget)
    workers = max(1, min(4, os.cpu_count() or 1, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-photo") as pool:
        futures = [pool.submit(_prepare_one, job, folder, budget) for job in jobs]
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
