"""Images are decoded to the end when they are added (photos and drawings), with bounded
work: a truncated or damaged JPEG or PNG is refused there, not when it fails to render.
Opening a file checks headers only, so a file with one damaged photo still opens."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib

import pytest
from PIL import Image, JpegImagePlugin

from reviewer.domain.review import PhotoRef
from reviewer.storage.container import DocumentFileError, check_image
from reviewer.storage.drawings import add_drawing
from reviewer.storage.review_file import ReviewDocument, load_review, review_payload


def encoded(fmt: str, size=(400, 300), mode: str = "RGB", **options) -> bytes:
    image = Image.linear_gradient("L").resize(size)
    image = image.convert(mode) if mode != "I;16" else image.convert("I").convert("I;16")
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_with_idat(idat: bytes, width: int = 4, height: int = 4) -> bytes:
    """A PNG whose chunks are all intact (right CRCs) around the given IDAT data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


GOOD = [
    ("a.jpg", encoded("JPEG")),
    ("a.jpg", encoded("JPEG", progressive=True)),
    ("a.jpg", encoded("JPEG", mode="L")),
    ("a.jpg", encoded("JPEG", mode="CMYK")),
    ("a.png", encoded("PNG")),
    ("a.png", encoded("PNG", mode="RGBA")),
    ("a.png", encoded("PNG", mode="P")),
    ("a.png", encoded("PNG", mode="1")),
    ("a.png", encoded("PNG", mode="I;16")),
    ("a.png", png_with_idat(zlib.compress(b"\x00\x10\x20\x30\x40" * 4))),
]


def ids(cases):
    return [f"{name}-{i}" for i, (name, _data) in enumerate(cases)]


@pytest.mark.parametrize(("name", "data"), GOOD, ids=ids(GOOD))
def test_intact_images_pass_the_full_check(name, data):
    check_image(name, data)


def _cuts():
    for name, data in GOOD[:2] + GOOD[4:6]:
        for keep in (0.5, 0.9):
            yield name, data[: int(len(data) * keep)]
    yield "a.jpg", GOOD[0][1][:-2]  # the end-of-image marker is missing
    yield "a.png", GOOD[4][1][:-12]  # the IEND chunk is missing


TRUNCATED = list(_cuts())
DAMAGED = [
    # chunk CRCs intact, but the compressed pixel data is not deflate
    ("a.png", png_with_idat(b"\x78\x9c" + b"\xff" * 30)),
    # a row filter type that does not exist (5)
    ("a.png", png_with_idat(zlib.compress(b"\x05\x10\x20\x30\x40" * 4))),
]


@pytest.mark.parametrize(("name", "data"), TRUNCATED + DAMAGED, ids=ids(TRUNCATED + DAMAGED))
def test_truncated_or_damaged_images_are_refused(name, data):
    with pytest.raises(DocumentFileError, match=r"'a\.(jpg|png)' is damaged or incomplete"):
        check_image(name, data)


@pytest.mark.parametrize(
    ("name", "data"), TRUNCATED[:1] + TRUNCATED[-2:] + DAMAGED[:1], ids=["jpg", "jpg", "png", "png"]
)
def test_a_truncated_drawing_is_not_added(review, name, data):
    doc = ReviewDocument(review, {})
    shown = "plan" + name[1:]
    with pytest.raises(DocumentFileError, match=rf"Cannot add {shown}: .*damaged or incomplete"):
        add_drawing(doc, shown, data)
    assert doc.attachments == {} and doc.review.sheets == []


def test_a_jpeg_is_checked_at_reduced_size(monkeypatch):
    decoded = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def spy(self):
        decoded.append(self.size)
        return real_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    check_image("big.jpg", encoded("JPEG", size=(4000, 3000)))
    assert decoded == [(500, 375)]  # 1/8 of each side: 1/64 of the pixels


def test_opening_a_file_with_a_truncated_photo_keeps_the_review(tmp_path, review):
    # decoding every photo on open would cost seconds for a large review, and refusing
    # the whole file would lose its work: the damaged photo is reported when shown
    truncated = TRUNCATED[1][1]
    a = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = a.model_copy(update={"photos": [PhotoRef(name="hof.jpg")]})
    path = tmp_path / "x.review"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("review.json", json.dumps(review_payload(review)))
        zf.writestr("attachments/hof.jpg", truncated)
    assert load_review(path).attachments == {"hof.jpg": truncated}
