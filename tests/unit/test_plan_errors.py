"""The plan's own rules refuse with typed errors: a stable type and its context, so the
app can say what is wrong in the interface language instead of matching English text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reviewer.domain.plan import (
    DUPLICATE_ID,
    GLAZING_ORDER,
    MAX_ELEMENTS,
    TOO_MANY_ELEMENTS,
    Plan,
)


def error_of(data: dict) -> dict:
    with pytest.raises(ValidationError) as info:
        Plan.model_validate({"identity": {"name": "x"}, **data})
    (error,) = info.value.errors()
    return error


def test_glass_that_starts_above_where_it_ends():
    error = error_of({"entrances": [{"id": "A", "glazing_from_mm": 1900, "glazing_to_mm": 1000}]})
    assert error["type"] == GLAZING_ORDER
    assert error["loc"] == ("entrances", 0)
    assert error["ctx"] == {"glazing_from_mm": 1900, "glazing_to_mm": 1000}
    assert error["msg"] == "glazing_from_mm must not be above glazing_to_mm"


def test_an_id_used_twice():
    error = error_of({"galleries": [{"id": "G{collection}"}, {"id": "G{collection}"}]})
    assert error["type"] == DUPLICATE_ID
    assert error["ctx"] == {"collection": "galleries", "element_id": "G{collection}"}
    assert error["msg"] == "galleries: element id 'G{collection}' is used twice"


def test_too_many_elements_in_all():
    per_type = MAX_ELEMENTS // 2 + 1
    error = error_of(
        {
            "galleries": [{"id": f"G{i}"} for i in range(per_type)],
            "storage": [{"id": f"S{i}"} for i in range(per_type)],
        }
    )
    assert error["type"] == TOO_MANY_ELEMENTS
    assert error["ctx"] == {"elements": 2 * per_type, "max_elements": MAX_ELEMENTS}
