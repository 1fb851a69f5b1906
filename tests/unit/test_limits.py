"""Size limits, checked before the work: elements per plan element type and in total,
and the length of texts. A plan of 100,000 entrances took 88 s and 3.9 GB to start a
review; now it is refused at once, from a file, YAML, the command line or the app."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reviewer.cli import main
from reviewer.domain.plan import MAX_ELEMENTS, MAX_ELEMENTS_PER_TYPE, Plan
from reviewer.domain.review import Assessment, PhotoRef, Reviewer
from reviewer.domain.text import MAX_NAME_CHARS, MAX_TEXT_CHARS
from reviewer.domain.workshop import JointConclusion
from reviewer.storage.yamlfile import PlanFileError, load_plan


def entrances(n: int, prefix: str = "E") -> list[dict]:
    return [{"id": f"{prefix}{i}", "dwellings_served": 4} for i in range(n)]


def test_the_limits_leave_room_for_large_plans():
    assert MAX_ELEMENTS_PER_TYPE >= 10_000  # benchmarks go up to 4,000 elements
    assert MAX_ELEMENTS >= 2 * MAX_ELEMENTS_PER_TYPE


def test_as_many_elements_as_allowed_are_accepted():
    plan = Plan.model_validate(
        {"identity": {"name": "x"}, "entrances": entrances(MAX_ELEMENTS_PER_TYPE)}
    )
    assert len(plan.entrances) == MAX_ELEMENTS_PER_TYPE


def test_too_many_elements_of_one_type_are_refused():
    data = {"identity": {"name": "x"}, "entrances": entrances(MAX_ELEMENTS_PER_TYPE + 1)}
    with pytest.raises(ValidationError) as info:
        Plan.model_validate(data)
    errors = info.value.errors()
    assert [e["loc"] for e in errors] == [("entrances",)]
    assert f"at most {MAX_ELEMENTS_PER_TYPE} items" in errors[0]["msg"]


def test_a_plan_of_100000_entrances_is_refused_before_the_work():
    # the items are not even entrances: had any been validated, each would be an error
    data = {"identity": {"name": "x"}, "entrances": [object()] * 100_000}
    with pytest.raises(ValidationError, match="100,000 elements; at most") as info:
        Plan.model_validate(data)
    assert info.value.error_count() == 1  # the count alone: no item was looked at


def test_too_many_elements_in_total_are_refused():
    per_type = MAX_ELEMENTS // 3 + 1
    data = {
        "identity": {"name": "x"},
        "entrances": entrances(per_type, "E"),
        "galleries": [{"id": f"G{i}"} for i in range(per_type)],
        "storage": [{"id": f"S{i}"} for i in range(per_type)],
    }
    with pytest.raises(ValidationError, match=f"at most {MAX_ELEMENTS:,} elements"):
        Plan.model_validate(data)


@pytest.mark.parametrize(
    ("build", "limit"),
    [
        (lambda text: Plan(identity={"name": text}), MAX_NAME_CHARS),
        (lambda text: Plan(identity={"name": "x", "address": text}), MAX_NAME_CHARS),
        (
            lambda text: Plan(identity={"name": "x"}, buildings=[{"id": "B", "name": text}]),
            MAX_NAME_CHARS,
        ),
        (
            lambda text: Plan(identity={"name": "x"}, entrances=[{"id": "A", "note": text}]),
            MAX_TEXT_CHARS,
        ),
        (
            lambda text: Plan(identity={"name": "x"}, measures=[{"id": "M", "description": text}]),
            MAX_TEXT_CHARS,
        ),
        (lambda text: Assessment(criterion_id="X-1", notes=text), MAX_TEXT_CHARS),
        (lambda text: Assessment(criterion_id="X-1", override_reason=text), MAX_TEXT_CHARS),
        (lambda text: PhotoRef(name="a.jpg", caption=text), MAX_TEXT_CHARS),
        (lambda text: Reviewer(name=text), MAX_NAME_CHARS),
        (lambda text: JointConclusion(criterion_id="X-1", note=text), MAX_TEXT_CHARS),
        (lambda text: JointConclusion(criterion_id="X-1", actor=text), MAX_NAME_CHARS),
    ],
)
def test_texts_have_a_length_limit(build, limit):
    build("x" * limit)
    with pytest.raises(ValidationError, match=f"at most {limit} characters"):
        build("x" * (limit + 1))


def test_a_plan_yaml_with_100000_entrances_is_refused_at_the_first_item_too_many(tmp_path):
    path = tmp_path / "huge.plan.yaml"
    rows = "".join(f"  - {{id: E{i}, dwellings_served: 4}}\n" for i in range(100_000))
    # a syntax error after the last row: a loader that read the whole file would stop there
    path.write_text("identity: {name: x}\nentrances:\n" + rows + "  - [unclosed\n", "utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    message = str(info.value)
    assert str(path) in message
    assert f"{MAX_ELEMENTS_PER_TYPE:,}" in message
    assert f"line {MAX_ELEMENTS_PER_TYPE + 3}" in message  # the first item too many


def test_the_cli_refuses_a_too_long_reviewer_name_on_one_line(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    plan.write_text("identity: {name: x}\n", encoding="utf-8")
    out = tmp_path / "out.review"
    argv = ["new", "--plan", str(plan), "--perspective", "safety", "-o", str(out)]
    assert main([*argv, "--reviewer", "x" * (MAX_NAME_CHARS + 1)]) == 2
    err = capsys.readouterr().err
    assert "reviewer" in err and f"at most {MAX_NAME_CHARS} characters" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert not out.exists()
