"""The header reader used when a review is opened agrees with Pillow on every image Pillow
writes, leaves to Pillow whatever it does not recognise, and keeps Pillow out of a start."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys

import pytest
from PIL import Image

from reviewer.paths import ROOT
from reviewer.storage.container import DocumentFileError, check_image
from reviewer.storage.image_header import image_header


def encoded(fmt: str, size: tuple[int, int], mode: str = "RGB", **options: object) -> bytes:
    image = Image.linear_gradient("L").resize(size).convert(mode)
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def pillow_header(data: bytes) -> tuple[str, int, int]:
    with Image.open(io.BytesIO(data)) as img:
        return img.format, img.width, img.height


EXIF = Image.Exif()
EXIF[0x010F] = "camera maker " * 40  # a long APP1 segment before the frame header
IMAGES = [
    encoded("PNG", (1, 1)),
    encoded("PNG", (640, 480), "RGBA"),
    encoded("PNG", (3, 70_000), "1"),
    encoded("PNG", (257, 129), "P"),
    encoded("JPEG", (1, 1)),
    encoded("JPEG", (640, 480)),
    encoded("JPEG", (4032, 3024), quality=40),
    encoded("JPEG", (321, 123), "L"),
    encoded("JPEG", (65_000, 2), "L"),
    encoded("JPEG", (300, 200), "CMYK"),
    encoded("JPEG", (300, 200), progressive=True),
    encoded("JPEG", (300, 200), exif=EXIF.tobytes()),
    encoded("JPEG", (300, 200), icc_profile=b"\x00" * 5000, comment=b"a comment"),
]


@pytest.mark.parametrize("data", IMAGES, ids=range(len(IMAGES)))
def test_the_header_reader_agrees_with_pillow(data):
    assert image_header(data) == pillow_header(data)


def test_fill_bytes_before_a_marker_are_skipped():
    data = encoded("JPEG", (300, 200))
    padded = data[:2] + b"\xff\xff\xff" + data[2:]  # T.81 B.1.1.2: fill bytes are allowed
    assert image_header(padded) == ("JPEG", 300, 200) == pillow_header(padded)


def test_a_huge_header_is_read_without_decoding():
    # width and height as a 90+ MP photo would have them; nothing after the header
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", 20_000, 20_000)
    assert image_header(png) == ("PNG", 20_000, 20_000)
    with pytest.raises(DocumentFileError, match=r"'big\.png' has too many pixels \(20000×20000"):
        check_image("big.png", png, decode=False)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"GIF89a" + b"\x00" * 30,
        b"\x89PNG\r\n\x1a\n",  # no IHDR
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IDAT", 4, 4),  # IHDR not first
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", 0, 4),  # no width
        b"\xff\xd8\xff",  # SOI and nothing
        b"\xff\xd8\xff\xe0\x00",  # a segment cut in its length
        b"\xff\xd8\xff\xe0\x00\x10" + b"\x00" * 14 + b"\xff\xda\x00\x08",  # a scan, no frame
        b"\xff\xd8\xff\xe0\x00\x01",  # a length shorter than itself
        b"\xff\xd8\xff\xe0\x00\x04\x00\x00junk",  # no marker where one must be
        b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x00\x01\x00",  # height 0 (defined later: DNL)
        b"\xff\xd8" + b"\xff\xfe\x00\x02" * 1200,  # more segments than a header has
    ],
)
def test_what_it_does_not_recognise_is_left_to_pillow(data):
    assert image_header(data) is None


def test_a_renamed_image_is_still_refused_without_pillow():
    with pytest.raises(DocumentFileError, match="is not a JPEG image"):
        check_image("gevel.jpg", encoded("PNG", (40, 30)), decode=False)
    with pytest.raises(DocumentFileError, match="is not a readable image"):
        check_image("gevel.png", b"GIF89a" + b"\x00" * 30, decode=False)


def test_opening_the_example_review_does_not_load_pillow(tmp_path):
    """The bundled example has photos; opening it checks their headers without Pillow."""
    code = (
        "import sys\n"
        "from reviewer.paths import EXAMPLE_REVIEW\n"
        "from reviewer.storage.review_file import load_review\n"
        "doc = load_review(EXAMPLE_REVIEW)\n"
        "assert any(n.endswith(('.jpg', '.png')) for n in doc.attachments), 'no photos'\n"
        "print('PIL' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
