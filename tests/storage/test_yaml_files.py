"""Plan and checklist YAML files: what is wrong is refused with the file and the line.

PyYAML on its own keeps the last of two equal keys, lets `true` pass as the number 1,
accepts .inf and .nan, and overflows the stack on deep nesting; the loader refuses each.
"""

from __future__ import annotations

import re

import pytest
import yaml

from reviewer.cli import main
from reviewer.domain.checklist import ChecklistError
from reviewer.storage.yamlfile import PlanFileError, load_checklist, load_plan

PLAN = """\
identity:
  name: Merelhof
buildings:
  - id: M
    storeys: 4
entrances:
  - id: A
    building: M
    dwellings_served: 8
galleries:
  - id: G1
    building: M
    length_m: 50
stairwells:
  - id: T1
    entrance: A
"""


def write(tmp_path, text: str, name: str = "plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def plan_error(tmp_path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_the_example_plan_loads(tmp_path):
    plan = load_plan(write(tmp_path, PLAN))
    assert plan.stairwells[0].entrance == "A"


def test_a_duplicate_key_is_refused_with_its_line(tmp_path):
    text = PLAN.replace("    storeys: 4\n", "    storeys: 4\n    storeys: 9\n")
    message = plan_error(tmp_path, text)
    assert "line 6" in message
    assert "'storeys'" in message
    assert "first on line 5" in message


def test_a_duplicate_top_level_key_is_refused(tmp_path):
    message = plan_error(tmp_path, PLAN + "entrances:\n  - id: B\n")
    assert "'entrances'" in message
    assert "line 17" in message


@pytest.mark.parametrize("value", ["true", "false", "yes"])
def test_a_yes_no_value_is_not_a_number(tmp_path, value):
    message = plan_error(tmp_path, PLAN.replace("storeys: 4", f"storeys: {value}"))
    assert "buildings.0.storeys" in message
    assert "line 5" in message


def test_a_yes_no_value_is_not_a_length_either(tmp_path):
    message = plan_error(tmp_path, PLAN.replace("length_m: 50", "length_m: true"))
    assert "galleries.0.length_m" in message
    assert "line 13" in message


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN", "1e400"])
def test_infinite_or_nan_lengths_are_refused(tmp_path, value):
    message = plan_error(tmp_path, PLAN.replace("length_m: 50", f"length_m: {value}"))
    assert "galleries.0.length_m" in message
    assert "line 13" in message
    assert "finite" in message


def test_infinite_area_is_refused(tmp_path):
    text = PLAN + "outdoor_spaces:\n  - id: S1\n    area_m2: .inf\n"
    message = plan_error(tmp_path, text)
    assert "outdoor_spaces.0.area_m2" in message
    assert "line 19" in message


@pytest.mark.parametrize(
    ("old", "new", "where", "line"),
    [
        (
            "    building: M\n    dwellings",
            "    building: X\n    dwellings",
            "entrances.0.building",
            8,
        ),
        ("    entrance: A\n", "    entrance: Z\n", "stairwells.0.entrance", 16),
        (
            "    building: M\n    length_m",
            "    building: Q\n    length_m",
            "galleries.0.building",
            12,
        ),
    ],
)
def test_a_reference_to_an_element_that_does_not_exist_is_refused(tmp_path, old, new, where, line):
    message = plan_error(tmp_path, PLAN.replace(old, new))
    assert where in message
    assert f"line {line}" in message
    assert re.search(r"no (building|entrance) '[XZQ]'", message)


def test_a_duplicate_element_id_names_the_line_of_the_second(tmp_path):
    text = PLAN.replace(
        "entrances:\n  - id: A\n", "entrances:\n  - id: A\n    lit: true\n  - id: A\n"
    )
    message = plan_error(tmp_path, text)
    assert "'A'" in message and "twice" in message
    assert "line 9" in message


def test_an_ordinary_field_error_names_its_line(tmp_path):
    message = plan_error(tmp_path, PLAN.replace("dwellings_served: 8", "dwellings_served: 0"))
    assert "entrances.0.dwellings_served" in message
    assert "line 9" in message


def test_a_plan_nested_a_thousand_levels_deep_is_a_clear_error(tmp_path):
    deep = "identity:\n  name: x\nsite:\n" + "".join(
        "  " * (i + 1) + f"k{i}:\n" for i in range(1000)
    )
    message = plan_error(tmp_path, deep)
    assert "nested" in message and "deep" in message
    assert re.search(r"line \d+", message)
    flow = "identity: {name: x}\nsite: " + "[" * 1000 + "]" * 1000 + "\n"
    assert "nested" in plan_error(tmp_path, flow)


def test_a_number_too_long_to_read_is_a_clear_error(tmp_path):
    message = plan_error(tmp_path, PLAN.replace("storeys: 4", "storeys: 1" + "0" * 5000))
    assert "line 5" in message


def test_an_alias_is_refused_so_no_alias_bomb_can_expand(tmp_path):
    bomb = "identity: {name: x}\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
        for i in range(8)
    )
    message = plan_error(tmp_path, bomb)
    assert "alias" in message
    assert "line 3" in message


def test_the_cli_reports_a_duplicate_key_on_one_line(tmp_path, capsys):
    path = write(tmp_path, PLAN.replace("    storeys: 4\n", "    storeys: 4\n    storeys: 9\n"))
    out = tmp_path / "out.review"
    assert main(["new", "--plan", str(path), "--perspective", "safety", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path}" in err and "line 6" in err
    assert err.count("\n") == 1
    assert not out.exists()


# ---------------------------------------------------------------- checklists


def checklist_problems(tmp_path, text: str) -> list[str]:
    path = write(tmp_path, text, "checklist.yaml")
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    return info.value.problems


def test_a_duplicate_key_in_a_checklist_is_refused_with_its_line(tmp_path, checklist_data):
    text = yaml.safe_dump(checklist_data, allow_unicode=True, sort_keys=False)
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("level:"))
    lines.insert(index + 1, lines[index])  # the same key again, one line lower
    problems = checklist_problems(tmp_path, "".join(lines))
    assert len(problems) == 1
    assert f"line {index + 2}" in problems[0]
    assert "'level'" in problems[0]


def test_a_checklist_field_error_names_its_line(tmp_path, checklist_data):
    text = yaml.safe_dump(checklist_data, allow_unicode=True, sort_keys=False)
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip() == "level: requirement")
    lines[index] = lines[index].replace("requirement", "must")
    problems = checklist_problems(tmp_path, "".join(lines))
    assert len(problems) == 1
    assert "level" in problems[0]
    assert problems[0].endswith(f"(line {index + 1})")


def test_a_checklist_nested_too_deeply_is_a_clear_error(tmp_path):
    problems = checklist_problems(tmp_path, "sections: " + "[" * 1000 + "]" * 1000 + "\n")
    assert len(problems) == 1
    assert "nested" in problems[0]


def test_a_checklist_threshold_cannot_be_infinite(tmp_path, checklist_data):
    text = yaml.safe_dump(checklist_data, allow_unicode=True, sort_keys=False)
    assert "value: 10\n" in text
    problems = checklist_problems(tmp_path, text.replace("value: 10\n", "value: .nan\n", 1))
    assert any("value" in p and "line" in p for p in problems)
