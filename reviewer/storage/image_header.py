"""The format and pixel size of a PNG or JPEG, read from its header without Pillow.

Opening a review checks every photo's header (`container.check_image` with
`decode=False`). Pillow's first `Image.open` imports its plugins, which cost ~25 ms of
every start with a photo in the review; reading the two header layouts below is a few
microseconds. Whatever these functions do not recognise goes to Pillow as before, so a
file that opened before still opens: they can only make the check faster, never stricter.

- PNG (ISO/IEC 15948, section 5.2-5.3): the 8-byte signature, then the IHDR chunk first,
  its width and height as big-endian 32-bit numbers.
- JPEG (ITU-T T.81, annex B): SOI, then marker segments; a start-of-frame segment
  (SOF0-SOF15 except DHT, JPG and DAC) holds precision, height and width.
"""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# SOF0..SOF15 are 0xC0..0xCF; 0xC4 (DHT), 0xC8 (JPG) and 0xCC (DAC) are not frames
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# markers that stand alone, without a length: TEM, RST0..RST7, SOI
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8), 0xD8})
_MAX_SEGMENTS = 1000  # a real header has a few dozen; more is not worth scanning


def image_header(data: bytes) -> tuple[str, int, int] | None:
    """("PNG" or "JPEG", width, height) from the header, or None when the header is not
    one of those read here (let Pillow judge it)."""
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    return None


def _png(data: bytes) -> tuple[str, int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR" or data[8:12] != b"\x00\x00\x00\x0d":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ("PNG", width, height) if width and height else None


def _jpeg(data: bytes) -> tuple[str, int, int] | None:
    pos = 2
    end = len(data)
    for _ in range(_MAX_SEGMENTS):
        if pos + 1 >= end or data[pos] != 0xFF:
            return None  # not a marker where one must be: Pillow decides
        marker = data[pos + 1]
        if marker == 0xFF:  # a fill byte before the marker
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker in (0xD9, 0xDA) or pos + 4 > end:
            return None  # end of image or the scan before any frame header
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            if length < 7 or pos + 9 > end:
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return ("JPEG", width, height) if width and height else None
        pos += 2 + length
    return None
