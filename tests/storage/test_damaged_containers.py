"""Damaged and unusual containers: every one is refused with a DocumentFileError that says
what is wrong, whichever step of reading meets the problem (zip directory, member
decompression, JSON parsing, model validation), for .review and .workshop files alike."""

from __future__ import annotations

import io
import json
import struct
import zipfile

import pytest

from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import load_review, review_payload
from reviewer.storage.workshop_file import load_workshop


def _member_bytes(name: str, content: bytes, method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, content, compress_type=method)
    return buf.getvalue()


def _set_u16(data: bytes, local: int, central: int, value: int) -> bytes:
    """Set a 16-bit field of the first member in both its local and central header."""
    out = bytearray(data)
    struct.pack_into("<H", out, local, value)
    struct.pack_into("<H", out, out.rfind(b"PK\x01\x02") + central, value)
    return bytes(out)


def _flip_in_data(data: bytes, at: float = 0.5) -> bytes:
    """Damage the compressed data of the first member (after its local header)."""
    out = bytearray(data)
    n, m = struct.unpack_from("<HH", out, 26)
    size = struct.unpack_from("<I", out, 18)[0]
    start = 30 + n + m
    for i in range(start + int(size * at), start + int(size * at) + 8):
        out[i] ^= 0x5A
    return bytes(out)


KINDS = [("x.review", "review.json", load_review), ("x.workshop", "workshop.json", load_workshop)]


@pytest.fixture(params=KINDS, ids=["review", "workshop"])
def kind(request):
    return request.param


def _write(tmp_path, kind, data: bytes):
    filename, _json_name, load = kind
    path = tmp_path / filename
    path.write_bytes(data)
    return lambda: load(path)


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=str)
def test_damaged_compressed_member(tmp_path, kind, method):
    text = json.dumps({"schema_version": 1, "notes": [f"regel {i}" for i in range(4000)]})
    data = _flip_in_data(_member_bytes(kind[1], text.encode(), method))
    load = _write(tmp_path, kind, data)
    with pytest.raises(DocumentFileError, match=rf"Cannot open {kind[0]}: .*{kind[1]}.*damaged"):
        load()


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=str)
@pytest.mark.parametrize("damaged", [False, True])
def test_bzip2_and_lzma_members_are_refused_before_decompressing(
    tmp_path, kind, method, damaged, monkeypatch
):
    # zipfile decompresses these without an output bound, so a small bzip2 bomb would
    # expand to gigabytes before any size check: they are refused, intact or damaged
    import bz2
    import lzma

    def never(*args, **kwargs):
        raise AssertionError("decompressed")

    monkeypatch.setattr(bz2, "BZ2Decompressor", never)
    monkeypatch.setattr(lzma, "LZMADecompressor", never)
    data = _member_bytes(kind[1], b'{"schema_version": 1}' * 500, method)
    load = _write(tmp_path, kind, _flip_in_data(data) if damaged else data)
    with pytest.raises(DocumentFileError, match=r"compressed with a method this app does not read"):
        load()


@pytest.mark.parametrize("method", [99, 12, 14, 6, 9, 0x4242])
def test_member_with_unsupported_or_wrong_compression_method(tmp_path, kind, method):
    data = _member_bytes(kind[1], b'{"schema_version": 1}' * 50, zipfile.ZIP_DEFLATED)
    data = _set_u16(data, 8, 10, method)  # the method field, local and central header
    load = _write(tmp_path, kind, data)
    with pytest.raises(DocumentFileError, match=rf"a method this app does not read \({method}: "):
        load()


def test_compression_method_changed_in_the_local_header_only(tmp_path, kind):
    data = bytearray(_member_bytes(kind[1], b'{"schema_version": 1}' * 50, zipfile.ZIP_STORED))
    struct.pack_into("<H", data, 8, 14)  # zipfile trusts the central directory
    load = _write(tmp_path, kind, bytes(data))
    with pytest.raises(DocumentFileError, match="not valid JSON"):
        load()


def test_encrypted_member(tmp_path, kind):
    data = _member_bytes(kind[1], b'{"schema_version": 1}', zipfile.ZIP_STORED)
    data = _set_u16(data, 6, 8, 1)  # flag bit 0: encrypted
    load = _write(tmp_path, kind, data)
    with pytest.raises(DocumentFileError, match="encrypted"):
        load()


def test_zip_version_needed_that_python_cannot_read(tmp_path, kind):
    data = _member_bytes(kind[1], b'{"schema_version": 1}', zipfile.ZIP_DEFLATED)
    data = _set_u16(data, 4, 6, 64)  # "version needed to extract": 6.4
    load = _write(tmp_path, kind, data)
    with pytest.raises(DocumentFileError, match=r"newer zip format \(version 6\.4\)"):
        load()


@pytest.mark.parametrize("digits", [4301, 100_000])
def test_integer_with_thousands_of_digits(tmp_path, kind, digits):
    text = '{"schema_version": ' + "7" * digits + "}"
    load = _write(tmp_path, kind, _member_bytes(kind[1], text.encode(), zipfile.ZIP_DEFLATED))
    with pytest.raises(DocumentFileError, match=r"number with more than \d+ digits"):
        load()


def test_long_integer_inside_the_model(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["plan"]["entrances"][0]["dwellings_served"] = "@@"
    text = json.dumps(payload).replace('"@@"', "9" * 4000)
    path = tmp_path / "x.review"
    path.write_bytes(_member_bytes("review.json", text.encode(), zipfile.ZIP_DEFLATED))
    with pytest.raises(DocumentFileError, match=r"number with more than \d+ digits"):
        load_review(path)


def test_float_that_overflows_is_refused_by_the_model(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["plan"]["entrances"][0]["dwellings_served"] = "@@"
    text = json.dumps(payload).replace('"@@"', "1e999")
    path = tmp_path / "x.review"
    path.write_bytes(_member_bytes("review.json", text.encode(), zipfile.ZIP_DEFLATED))
    with pytest.raises(DocumentFileError, match="not valid"):
        load_review(path)


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting(tmp_path, kind, opening):
    text = '{"schema_version": 1, "x": ' + opening * 200_000
    load = _write(tmp_path, kind, _member_bytes(kind[1], text.encode(), zipfile.ZIP_DEFLATED))
    with pytest.raises(DocumentFileError, match="nested too deeply|not valid JSON"):
        load()
