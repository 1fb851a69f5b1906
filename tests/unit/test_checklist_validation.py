"""Checklist validation: every problem is reported with file, criterion id and field."""

from __future__ import annotations

import pytest
import yaml

from reviewer.cli import main
from reviewer.domain.checklist import ChecklistError, checklist_from_data
from reviewer.storage.yamlfile import load_checklist


def problems(data) -> list[str]:
    with pytest.raises(ChecklistError) as info:
        checklist_from_data(data, source="list.yaml")
    return info.value.problems


def criterion(data, cid):
    return next(c for s in data["sections"] for c in s["criteria"] if c["id"] == cid)


def test_valid_checklist_loads(checklist):
    assert len(checklist.criteria()) == 8
    assert checklist.tension_pairs() == [("OR-SPEEL-01", "OR-HOF-01")]
    assert checklist.section_of("OR-HOF-01").id == "OR"


def test_unknown_perspective(checklist_data):
    criterion(checklist_data, "GEB-GALERIJ-01")["perspectives"] = ["comfort"]
    (problem,) = problems(checklist_data)
    assert problem.startswith("list.yaml: criterion GEB-GALERIJ-01: ")
    assert "perspectives" in problem
    assert "safety" in problem  # says what is allowed


def test_duplicate_id(checklist_data):
    criterion(checklist_data, "OR-HOF-01")["id"] = "GEB-ENTREE-01"
    found = problems(checklist_data)
    assert any("criterion GEB-ENTREE-01: id: duplicate id" in p for p in found)


def test_tension_pointing_nowhere(checklist_data):
    criterion(checklist_data, "OR-HOF-01")["tension_with"] = ["OR-NOPE-01"]
    (problem,) = problems(checklist_data)
    assert "criterion OR-HOF-01: tension_with: 'OR-NOPE-01' is not a criterion" in problem


def test_rule_on_unknown_fact(checklist_data):
    criterion(checklist_data, "GEB-ENTREE-01")["rule"]["all_of"][0]["fact"] = "floors_served"
    (problem,) = problems(checklist_data)
    assert "criterion GEB-ENTREE-01: rule:" in problem
    assert "unknown fact 'floors_served'" in problem


def test_missing_language(checklist_data):
    del criterion(checklist_data, "OR-LICHT-01")["guidance"]["en"]
    (problem,) = problems(checklist_data)
    assert "criterion OR-LICHT-01: " in problem
    assert "guidance.en" in problem
    assert "missing language 'en'" in problem


def test_every_problem_is_reported_not_just_the_first(checklist_data):
    criterion(checklist_data, "OR-LICHT-01")["level"] = "must"
    criterion(checklist_data, "STR-MIX-01")["perspectives"] = ["safety", "beauty"]
    found = problems(checklist_data)
    assert any("OR-LICHT-01" in p and "level" in p for p in found)
    assert any("STR-MIX-01" in p and "perspectives" in p for p in found)


def test_not_a_mapping():
    assert "expected a mapping" in problems(["a", "b"])[0]


def test_yaml_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sections: [unclosed\n", encoding="utf-8")
    with pytest.raises(ChecklistError) as info:
        load_checklist(bad)
    assert str(bad) in str(info.value)
    assert "not valid YAML" in str(info.value)
    with pytest.raises(ChecklistError, match="file not found"):
        load_checklist(tmp_path / "missing.yaml")


def test_yaml_tags_that_would_construct_objects_are_refused(tmp_path):
    evil = tmp_path / "evil.yaml"
    evil.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="not valid YAML"):
        load_checklist(evil)


def test_cli_validate(tmp_path, checklist_data, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(checklist_data), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert "valid" in capsys.readouterr().out
    criterion(checklist_data, "OR-HOF-01")["tension_with"] = ["X-Y"]
    criterion(checklist_data, "OR-LICHT-01")["perspectives"] = ["police"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(checklist_data), encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: criterion OR-HOF-01: tension_with" in err
    assert f"{bad}: criterion OR-LICHT-01: perspectives" in err
    assert "Traceback" not in err


def test_malformed_structures_are_reported_not_crashed_on(checklist_data):
    criterion(checklist_data, "OR-HOF-01")["tension_with"] = [["OR-SPEEL-01"], {"a": 1}]
    criterion(checklist_data, "OR-LICHT-01")["id"] = ["not", "a", "string"]
    checklist_data["sections"][0]["id"] = {"x": 1}
    checklist_data["languages"] = "nl"
    found = problems(checklist_data)
    assert any("tension_with" in p for p in found)
    assert any("id" in p for p in found)
    assert problems({"sections": "nope"})
