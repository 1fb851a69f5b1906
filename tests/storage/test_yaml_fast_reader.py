"""Plan and checklist files are read with libyaml's events where PyYAML has it (issue 17);
the data, and the answer to a text libyaml refuses, are those of PyYAML's own reader."""

from __future__ import annotations

import pytest
import yaml

from reviewer.paths import DEFAULT_CHECKLIST, EXAMPLES
from reviewer.storage import yamlfile
from tests.benchmarks.scaled import scaled_plan

pytestmark = pytest.mark.skipif(
    yamlfile._FastEvents is yamlfile._PythonEvents, reason="PyYAML without libyaml"
)


def _read(loader_class, text: str):
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return loader.construct_document(root), root.start_mark.line
    finally:
        loader.dispose()


@pytest.mark.parametrize(
    "text",
    [
        (EXAMPLES / "hofblok.plan.yaml").read_text(encoding="utf-8"),
        (EXAMPLES / "galerijflat.plan.yaml").read_text(encoding="utf-8"),
        DEFAULT_CHECKLIST.read_text(encoding="utf-8"),
        yaml.safe_dump(scaled_plan(500), allow_unicode=True),
        'a: "tab\\there"\nb: |\n  two\n  lines\nc: 2026-11-30\nd: 0x1F\ne: ~\nf: [1, 2.5, yes]\n',
    ],
)
def test_both_readers_give_the_same_data(text):
    assert _read(yamlfile._FastLoader, text) == _read(yamlfile._Loader, text)


def test_the_checks_hold_on_the_fast_reader_too(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("identity: &a {name: x}\nsite: *a\n", encoding="utf-8")
    with pytest.raises(yamlfile.PlanFileError, match="aliases"):
        yamlfile.load_plan(path)
    path.write_text("identity: {name: x}\nidentity: {name: y}\n", encoding="utf-8")
    with pytest.raises(yamlfile.PlanFileError, match="appears twice"):
        yamlfile.load_plan(path)


def test_a_text_libyaml_refuses_is_read_as_before(tmp_path):
    text = 'identity:\n  name: "Plan \\ud83d\\ude00"\n'
    with pytest.raises(yaml.YAMLError):
        _read(yamlfile._FastLoader, text)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert yamlfile.load_plan(path).identity.name.startswith("Plan ")
