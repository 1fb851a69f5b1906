"""Photos are made fit for print: smaller, upright, flattened, and never a reason to crash."""

from __future__ import annotations

import io

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
