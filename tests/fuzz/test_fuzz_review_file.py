"""Arbitrary bytes, arbitrary mutations of a valid review.json, and damaged zip containers
load or raise one error type (DocumentFileError) with a message a person can read.

Besides random values, the generators produce what a reliability probe found crashing
the loader: integers with thousands of digits, deep nesting, flipped bytes inside
compressed members (deflate, bzip2, lzma), and compression methods, flags and "version
needed to extract" fields changed in the local and central headers.
"""

from __future__ import annotations

import copy
import io
import json
import os
import struct
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import document_from_bytes, review_payload
from tests.conftest import SMALL_CHECKLIST, SMALL_PLAN


def _valid_payload() -> dict:
    from reviewer.domain.checklist import checklist_from_data
    from reviewer.domain.plan import Plan
    from reviewer.domain.review import new_review

    review = new_review(
        Plan.model_validate(SMALL_PLAN), checklist_from_data(SMALL_CHECKLIST), "cohesion"
    )
    return review_payload(review)


VALID = _valid_payload()
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _zip(review_json: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("review.json", review_json)
    return buf.getvalue()


def _load_or_clear_error(data: bytes) -> None:
    try:
        doc = document_from_bytes(data)
    except DocumentFileError as exc:
        assert str(exc)  # a message a person can read
        assert "Traceback" not in str(exc)
    else:
        assert doc.review.checklist.criteria()


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data):
    _load_or_clear_error(data)


@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_inside_a_zip(data):
    _load_or_clear_error(_zip(data))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)

# JSON text that json.dumps cannot make from Python values: integers longer than Python's
# int() accepts (4300 digits), very long floats, and nesting deeper than the recursion limit
RAW_JSON = st.one_of(
    st.integers(1, 12_000).map(lambda n: "9" * n),
    st.integers(1, 12_000).map(lambda n: "-1" + "0" * n),
    st.integers(1, 5_000).map(lambda n: "1" * n + "." + "5" * n + "e" + "9" * (n % 9 + 1)),
    st.integers(1, 60_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 60_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


ALL_PATHS = [p for p in _paths(VALID) if p]


@st.composite
def mutated_review_json(draw) -> bytes:
    """A valid payload with 1-3 values replaced or deleted, as JSON text."""
    payload = copy.deepcopy(VALID)
    raw: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = payload
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["replace", "delete", "raw"]))
        if action == "raw":
            placeholder = f"\x00raw{len(raw)}\x00"
            raw[json.dumps(placeholder)] = draw(RAW_JSON)
            value = placeholder
        else:
            value = draw(JSON_VALUES)
        try:
            if action == "delete" and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(payload, allow_nan=True)
    for placeholder, replacement in raw.items():
        text = text.replace(placeholder, replacement)
    return text.encode()


@FUZZ
@given(mutated_review_json())
def test_mutated_review_json(review_json):
    _load_or_clear_error(_zip(review_json))


def test_the_unmutated_payload_loads():
    doc = document_from_bytes(_zip(json.dumps(VALID).encode()))
    assert doc.review.perspective.value == "cohesion"


# ---------------------------------------------------------------- damaged containers


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.linear_gradient("L").resize((40, 30)).convert("RGB").save(buf, fmt)
    return buf.getvalue()


def _container(compression: int) -> bytes:
    """A valid review with a photo and a drawing, every member compressed with `compression`."""
    payload = copy.deepcopy(VALID)
    criterion = next(iter(payload["review"]["assessments"]))
    payload["review"]["assessments"][criterion]["photos"] = [{"name": "a.jpg", "caption": ""}]
    members = {
        "review.json": json.dumps(payload).encode(),
        "attachments/a.jpg": _image("JPEG"),
        "attachments/b.png": _image("PNG"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


CONTAINERS = {
    method: _container(method)
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
}


def _headers(data: bytes) -> list[tuple[int, int, int, int]]:
    """(local header offset, central header offset, data offset, compressed size) per member."""
    end = data.rfind(b"PK\x05\x06")
    count = struct.unpack_from("<H", data, end + 10)[0]
    central = struct.unpack_from("<I", data, end + 16)[0]
    out = []
    for _ in range(count):
        compressed, _size, n, m, k = struct.unpack_from("<IIHHH", data, central + 20)
        local = struct.unpack_from("<I", data, central + 42)[0]
        ln, lm = struct.unpack_from("<HH", data, local + 26)
        out.append((local, central, local + 30 + ln + lm, compressed))
        central += 46 + n + m + k
    return out


# Fields of a local header (offset in it) and of the central header (offset in it).
FIELDS = {
    "version needed": (4, 6),
    "flags": (6, 8),
    "method": (8, 10),
}
METHODS = st.sampled_from([0, 1, 6, 8, 9, 12, 14, 93, 95, 97, 98, 99]) | st.integers(0, 0xFFFF)
VERSIONS = st.sampled_from([10, 20, 45, 46, 63, 64, 0x3F3F]) | st.integers(0, 0xFFFF)
FLAGS = st.sampled_from([0, 1, 1 << 3, 1 << 5, 1 << 6, 1 << 11, 1 << 13]) | st.integers(0, 0xFFFF)


@st.composite
def damaged_container(draw) -> bytes:
    """A valid container with header fields changed and bytes flipped in compressed data."""
    method = draw(st.sampled_from(sorted(CONTAINERS)))
    data = bytearray(CONTAINERS[method])
    headers = _headers(bytes(data))
    for _ in range(draw(st.integers(1, 4))):
        local, central, start, size = draw(st.sampled_from(headers))
        action = draw(st.sampled_from(["flip", "flip", "version needed", "flags", "method"]))
        if action == "flip" and size:
            for _ in range(draw(st.integers(1, 3))):
                at = start + draw(st.integers(0, size - 1))
                data[at] ^= draw(st.integers(1, 255))
            continue
        if action == "flip":
            continue
        value = draw({"version needed": VERSIONS, "flags": FLAGS, "method": METHODS}[action])
        local_at, central_at = FIELDS[action]
        where = draw(st.sampled_from(["local", "central", "both"]))
        if where in ("local", "both"):
            struct.pack_into("<H", data, local + local_at, value)
        if where in ("central", "both"):
            struct.pack_into("<H", data, central + central_at, value)
    return bytes(data)


def test_the_undamaged_containers_load_or_name_their_compression():
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        assert document_from_bytes(CONTAINERS[method]).attachments.keys() == {"a.jpg", "b.png"}
    for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        with pytest.raises(DocumentFileError, match="compressed with a method"):
            document_from_bytes(CONTAINERS[method])


@FUZZ
@given(damaged_container())
def test_damaged_container(data):
    _load_or_clear_error(data)
