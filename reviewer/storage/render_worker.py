"""The drawing renderer's worker process: rasterises a sheet under a memory and CPU limit.

pdfium cannot be bounded inside a process: a PDF whose compressed content stream inflates
to hundreds of megabytes of drawing operators takes gigabytes and tens of seconds to
load, and a Python thread cannot stop it. So sheets are rendered here, in a separate
process started by `reviewer.storage.render_process.SheetRenderer` (never a fork of the
app: a fresh interpreter), which limits its own address space (`RLIMIT_AS`) before it
loads pdfium and its CPU time before every render. The parent kills it when a render
takes longer than the wall-clock limit; either way the sheet is refused, and the next
render starts a fresh worker.

Protocol (binary, on stdin and a private copy of stdout; fd 1 itself is pointed at
stderr so that nothing a library prints can corrupt it). A request is a 4-byte length,
a JSON header (`kind`, `page`, `budget`, `max_pixels`, `data_len`) and then `data_len`
bytes of the drawing (0 when the worker still holds the drawing of the previous
request). A reply is a 4-byte length, a JSON header and, when it says `"ok": true`,
`width * height * 3` bytes of RGB pixels. Errors are codes the parent turns into
messages: `unreadable`, `no_page`, `too_many_pixels`.

This module imports only the standard library at the top, so that the worker starts
fast and its memory limit is set before Pillow and pdfium are loaded.
"""

from __future__ import annotations

import io
import json
import math
import os
import resource
import struct
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from PIL import Image

HEADER = struct.Struct(">I")
MAX_HEADER = 1 << 16
EXIT_MEMORY = 3  # the exit status after a MemoryError
# In the PyInstaller bundle the executable is the app, which takes no `-m`: started with
# this as its first argument, the app runs `main` instead (see reviewer/__main__.py).
FROZEN_ARGUMENT = "--render-worker"


class RenderError(Exception):
    """A drawing that cannot be rendered; `code` tells the parent which message to show."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


# ---------------------------------------------------------------------------- rendering


def render_pdf_page(pdf: Any, page_index: int, budget: int) -> Image.Image:
    """Page `page_index` of an open pypdfium2 document as an RGB image of at most
    `budget` pixels, on white paper."""
    import pypdfium2 as pdfium

    try:
        if not 0 <= page_index < len(pdf):
            raise RenderError("no_page")
        page = pdf[page_index]
        try:
            width, height = page.get_size()
            scale = math.sqrt(budget / (width * height))
            # pdfium rounds the bitmap size; stay within the budget
            while math.ceil(width * scale) * math.ceil(height * scale) > budget and scale > 0:
                scale *= 0.995
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
            try:
                image = bitmap.to_pil().convert("RGB")
            finally:
                bitmap.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise RenderError("unreadable", str(exc)) from None
    return image


def render_image(data: bytes, budget: int, max_pixels: int) -> Image.Image:
    """A PNG or JPEG as an RGB image of at most `budget` pixels, upright (EXIF) and on
    white; one of more than `max_pixels` pixels is refused before it is decoded. A JPEG
    is decoded at a reduced size where the format allows (`draft`); an image is shrunk
    before its transparency is laid on white, so the full-size image is the only large
    buffer."""
    from PIL import Image, ImageOps

    try:
        img = Image.open(io.BytesIO(data))
        width, height = img.size
        if width * height > max_pixels:
            raise RenderError("too_many_pixels")
        factor = min(1.0, math.sqrt(budget / (width * height)))
        target = (max(1, math.floor(width * factor)), max(1, math.floor(height * factor)))
        if img.format == "JPEG" and factor < 1:
            img.draft("RGB", target)  # decode at 1/2, 1/4 or 1/8 size: far less work
        img = _resizable(img)
        w, h = img.size  # draft decoding may already have shrunk it
        if w * h > budget:
            shrink = math.sqrt(budget / (w * h))
            size = (max(1, math.floor(w * shrink)), max(1, math.floor(h * shrink)))
            img.thumbnail(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        img = ImageOps.exif_transpose(img) or img
        return _on_white(img)
    except RenderError:
        raise
    except Exception:  # Pillow raises many types for damaged data
        raise RenderError("unreadable") from None


def _resizable(img: Image.Image) -> Image.Image:
    """The image in a mode Pillow resamples well: RGB, RGBA, L or LA (a palette image
    would be resized with nearest neighbour, 16-bit grey not at all)."""
    if img.mode == "1" or img.mode.startswith(("I", "F")):
        return img.convert("L")
    if img.mode == "PA" or (img.mode in ("P", "L", "RGB") and "transparency" in img.info):
        return img.convert("RGBA")
    if img.mode not in ("RGB", "RGBA", "L", "LA"):  # P, CMYK, YCbCr, ...
        return img.convert("RGB")
    return img


def _on_white(img: Image.Image) -> Image.Image:
    from PIL import Image

    if img.mode in ("RGBA", "LA"):
        img = img.convert("RGBA")
        white = Image.new("RGB", img.size, (255, 255, 255))
        white.paste(img, mask=img.getchannel("A"))
        return white
    return img if img.mode == "RGB" else img.convert("RGB")


# ---------------------------------------------------------------------------- the loop


def _read_exact(stream: BinaryIO, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _reply(out: BinaryIO, header: dict[str, Any], payload: bytes = b"") -> None:
    raw = json.dumps(header).encode()
    out.write(HEADER.pack(len(raw)) + raw)
    if payload:
        out.write(payload)
    out.flush()


def _limit_cpu(seconds: float) -> None:
    """Let this render use `seconds` more CPU time (SIGXCPU ends the process after):
    a backstop for when the parent cannot kill the worker itself."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
    _hard_soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def serve(inp: BinaryIO, out: BinaryIO, cpu_seconds: float) -> None:
    """Answer render requests until the parent closes the pipe."""
    held: tuple[str, bytes, Any] | None = None  # (kind, data, open pdf) of the last drawing
    while True:
        raw = _read_exact(inp, HEADER.size)
        if raw is None:
            return
        (length,) = HEADER.unpack(raw)
        if length > MAX_HEADER:
            return
        header_raw = _read_exact(inp, length)
        if header_raw is None:
            return
        request = json.loads(header_raw)
        data_len = int(request["data_len"])
        if data_len:
            data = _read_exact(inp, data_len)
            if data is None:
                return
            if held is not None and held[2] is not None:
                held[2].close()
            held = (request["kind"], data, None)
        if held is None:
            _reply(out, {"ok": False, "code": "unreadable", "detail": "no drawing sent"})
            continue
        _limit_cpu(cpu_seconds)
        try:
            if held[0] == "pdf":
                if held[2] is None:
                    held = (held[0], held[1], _open_pdf(held[1]))
                image = render_pdf_page(held[2], int(request["page"]), int(request["budget"]))
            else:
                image = render_image(held[1], int(request["budget"]), int(request["max_pixels"]))
        except RenderError as exc:
            _reply(out, {"ok": False, "code": exc.code, "detail": exc.detail})
            continue
        except MemoryError:  # an allocation on the Python side hit the limit: start afresh
            os._exit(EXIT_MEMORY)
        pixels = image.tobytes()
        _reply(out, {"ok": True, "width": image.width, "height": image.height}, pixels)
        del image, pixels


def _open_pdf(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise RenderError("unreadable", str(exc)) from None


def main(argv: list[str] | None = None) -> None:
    """`python -m reviewer.storage.render_worker MEMORY_BYTES CPU_SECONDS`, or in the
    bundle `reviewer --render-worker MEMORY_BYTES CPU_SECONDS`."""
    args = sys.argv[1:] if argv is None else argv
    memory, cpu_seconds = int(args[0]), float(args[1])
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the replies
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, out, cpu_seconds)


if __name__ == "__main__":
    main()
