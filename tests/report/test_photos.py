"""Photos are made fit for print: smaller, upright, flattened, and never a reason to crash."""

from __future__ import annotations

import io
import struct
import threading
import zlib

from PIL import Image

from reviewer.report.photos import MAX_SIDE, prepare_photos
from tests.report.conftest import jpeg


def _png(mode: str, size=(1600, 1200), colour=(10, 120, 200, 128)) -> bytes:
    img = Image.new(mode, size, colour if mode == "RGBA" else 3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def test_large_photo_is_downscaled_to_a_jpeg(tmp_path):
    photos = prepare_photos({"a.jpg": jpeg(4000, 3000)}, tmp_path)
    photo = photos["a.jpg"]
    assert photo.problem == ""
    assert max(photo.width, photo.height) <= MAX_SIDE
    with Image.open(photo.path) as img:
        assert img.format == "JPEG"
        assert img.size == (photo.width, photo.height)
    assert photo.path.stat().st_size < 400_000


def test_small_upright_jpeg_is_kept_as_it_is(tmp_path):
    data = jpeg(800, 600)
    photo = prepare_photos({"s.jpg": data}, tmp_path)["s.jpg"]
    assert photo.path.read_bytes() == data


def test_transparent_png_is_laid_on_white(tmp_path):
    photo = prepare_photos({"t.png": _png("RGBA")}, tmp_path)["t.png"]
    with Image.open(photo.path) as img:
        assert img.mode == "RGB"
        r, g, _b = img.getpixel((10, 10))
        assert r > 100 and g > 150  # blended with white, not with black


def test_drawing_with_few_colours_stays_png(tmp_path):
    photo = prepare_photos({"d.png": _png("P", size=(2400, 1800))}, tmp_path)["d.png"]
    assert photo.path.suffix == ".png"
    assert max(photo.width, photo.height) <= MAX_SIDE


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    out = io.BytesIO()
    Image.new("CMYK", (400, 300), (0, 255, 255, 0)).save(out, "JPEG")
    photo = prepare_photos({"c.jpg": out.getvalue()}, tmp_path)["c.jpg"]
    with Image.open(photo.path) as img:
        assert img.mode == "RGB"


def test_broken_images_give_a_problem_not_an_exception(tmp_path):
    truncated = jpeg(1600, 1200)[:3000]
    done = []
    photos = prepare_photos(
        {"junk.jpg": b"not an image", "cut.jpg": truncated, "good.jpg": jpeg(100, 80)},
        tmp_path,
        on_done=lambda: done.append(1),
    )
    assert photos["junk.jpg"].problem == "the file is not a readable image"
    assert photos["cut.jpg"].path is None and photos["cut.jpg"].problem
    assert photos["good.jpg"].problem == ""
    assert len(done) == 3


def test_too_many_pixels_is_refused_before_decoding(tmp_path, monkeypatch):
    from reviewer.report import photos as module

    monkeypatch.setattr(module, "MAX_IMAGE_PIXELS", 1000)
    photo = prepare_photos({"huge.jpg": jpeg(100, 80)}, tmp_path)["huge.jpg"]
    assert "too large" in photo.problem


def _header_only_png(width: int, height: int, colour_type: int) -> bytes:
    """A PNG that claims width × height (the header is all `peak_bytes` reads)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def _planned_peak(data: bytes) -> int:
    from reviewer.report.photos import _plan

    return _plan(0, "x", data).peak


def test_the_peak_estimate_covers_a_full_decode_where_one_cannot_be_avoided():
    mp = 8000 * 6000
    # a PNG is decoded in full: Pillow keeps RGB in 4 bytes a pixel, RGBA twice (premultiplied)
    assert mp * 4 <= _planned_peak(_header_only_png(8000, 6000, 2)) < mp * 5
    assert mp * 8 <= _planned_peak(_header_only_png(8000, 6000, 6)) < mp * 9
    # a baseline JPEG is decoded at 1/4 here (a third of a full decode, with the shrunk
    # image); a progressive one also holds libjpeg's coefficients of the whole image
    # (4:2:0: 1.5 samples of 2 bytes a pixel)
    baseline = _planned_peak(jpeg(4000, 3000))
    progressive = _planned_peak(jpeg(4000, 3000, progressive=True))
    assert baseline < 4000 * 3000 * 4 / 3
    assert progressive - baseline == 4000 * 3000 * 3


def test_photos_are_prepared_only_as_many_at_once_as_fit_in_the_memory_budget(
    tmp_path, monkeypatch
):
    from reviewer.report import photos as module

    running, most = [0], [0]
    lock = threading.Lock()
    downscale = module.downscale

    def counting(job):  # type: ignore[no-untyped-def]
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return downscale(job)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(module, "downscale", counting)
    monkeypatch.setattr(module.os, "cpu_count", lambda: 4)  # four threads, whatever the CPU
    pngs = {f"p{i}.png": _png("RGB", size=(2000, 1500), colour=(i, 90, 160)) for i in range(6)}
    each = _planned_peak(pngs["p0.png"])
    photos = prepare_photos(pngs, tmp_path, memory_budget=each + each // 2)
    assert most[0] == 1  # two would not fit
    assert all(p.problem == "" and max(p.width, p.height) == MAX_SIDE for p in photos.values())
    # one larger than the whole budget is still prepared (alone)
    photos = prepare_photos(pngs, tmp_path, memory_budget=each // 10)
    assert most[0] == 1 and all(p.path is not None for p in photos.values())
