"""Arbitrary bytes, and arbitrary mutations of a valid review.json, load or raise one error type."""

from __future__ import annotations

import copy
import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "150")),
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
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
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
def mutated_payload(draw):
    payload = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = payload
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["replace", "delete"]))
        try:
            if action == "delete" and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return payload


@FUZZ
@given(mutated_payload())
def test_mutated_review_json(payload):
    _load_or_clear_error(_zip(json.dumps(payload, allow_nan=True).encode()))


def test_the_unmutated_payload_loads():
    doc = document_from_bytes(_zip(json.dumps(VALID).encode()))
    assert doc.review.perspective.value == "cohesion"
