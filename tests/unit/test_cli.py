"""The command line: new, summary (text and JSON), and one-line errors with exit status 2."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reviewer.cli import main
from reviewer.storage.review_file import load_review


@pytest.fixture
def files(tmp_path, checklist_data, plan_data):
    checklist = tmp_path / "list.yaml"
    checklist.write_text(yaml.safe_dump(checklist_data, allow_unicode=True), encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(plan_data, allow_unicode=True), encoding="utf-8")
    return checklist, plan, tmp_path / "out.review"


def test_new_then_summary_json(files, capsys):
    checklist, plan, out = files
    argv = ["new", "--plan", str(plan), "--perspective", "safety", "-o", str(out)]
    assert main([*argv, "--checklist", str(checklist), "--reviewer", "J. de Vries"]) == 0
    doc = load_review(out)
    assert doc.review.assessments["GEB-ENTREE-01"].auto_verdict.value == "fails"
    assert doc.review.reviewer.name == "J. de Vries"
    capsys.readouterr()
    assert main(["summary", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["perspective"] == "safety"
    assert data["plan"]["name"] == "Testplan Merelhof"
    # in scope for safety: entrances and plinth fail; the cohesion-only rules (gallery,
    # play space, mix) are evaluated but left for the reviewer to adopt
    assert data["verdicts"]["fails"] == 2
    assert doc.review.assessments["GEB-GALERIJ-01"].auto_verdict.value == "fails"
    assert doc.review.assessments["GEB-GALERIJ-01"].verdict.value == "not_assessed"
    assert {"criterion": "GEB-ENTREE-01", "element": "B", "verdict": "fails"}.items() <= next(
        r for r in data["rules"] if r["element"] == "B"
    ).items()
    assert data["outcome"]["result"] == "negative"


def test_summary_text_lists_evidence_and_outcome(files, capsys):
    checklist, plan, out = files
    main(["new", "--plan", str(plan), "--perspective", "cohesion", "-o", str(out),
          "--checklist", str(checklist)])  # fmt: skip
    capsys.readouterr()
    assert main(["summary", str(out), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Perspective: Cohesion" in text
    assert "Entrance B: 14 dwellings; norm: at most 10" in text
    assert "Gallery G1: 18 dwellings; norm: at most 10. Length 70 m; norm: at most 50 m" in text
    assert "Outcome: Negative advice." in text
    assert main(["summary", str(out)]) == 0  # Dutch by default
    assert "Entree B: 14 woningen; norm: ten hoogste 10" in capsys.readouterr().out


def test_new_refuses_to_overwrite_without_force(files, capsys):
    checklist, plan, out = files
    out.write_bytes(b"keep me")
    argv = ["new", "--plan", str(plan), "--perspective", "safety", "-o", str(out),
            "--checklist", str(checklist)]  # fmt: skip
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert main([*argv, "--force"]) == 0


def test_new_with_invalid_plan_names_the_field(tmp_path, files, capsys):
    out = files[2]
    bad = tmp_path / "bad-plan.yaml"
    bad.write_text(
        "identity: {name: X}\nentrances:\n  - {id: A, dwellings_served: 0}\n", encoding="utf-8"
    )
    assert main(["new", "--plan", str(bad), "--perspective", "safety", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "entrances.0.dwellings_served" in err
    assert err.count("\n") == 1  # one line
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summary", "/nonexistent/x.review"], "does not exist"),
        (["validate", "/nonexistent/list.yaml"], "file not found"),
        (["new", "--plan", "p.yaml", "--perspective", "both", "-o", "x"], "invalid choice"),
        (["summary"], "required"),
    ],
)
def test_errors_are_one_line_with_status_2(argv, message, capsys):
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse usage errors exit through SystemExit
        status = exc.code
    assert status == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0


def test_corrupt_review_through_the_real_process(tmp_path):
    bad = tmp_path / "bad.review"
    bad.write_bytes(b"\x00" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer", "summary", str(bad)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "bad.review" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture
def safety_and_cohesion(files, capsys):
    """A safety review and a cohesion review of the same plan: their two paths."""
    checklist, plan, out = files
    b_path = out.with_name("b.review")
    for perspective, path in (("safety", out), ("cohesion", b_path)):
        assert main(["new", "--plan", str(plan), "--perspective", perspective, "-o", str(path),
                     "--checklist", str(checklist)]) == 0  # fmt: skip
    capsys.readouterr()
    return out, b_path


def test_compare_json(safety_and_cohesion, capsys):
    out, b_path = safety_and_cohesion
    assert main(["compare", str(out), str(b_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agreement"] == 1.0
    assert data["n"] == 2  # entrances and plinth: the rules both perspectives share
    assert {"criterion": "GEB-ENTREE-01", "a": "fails", "b": "fails", "status": "agree"} in data[
        "items"
    ]
    assert {
        "criterion": "GEB-GALERIJ-01",
        "a": "not_assessed",
        "b": "fails",
        "status": "only_b",
    } in (data["items"])
    assert main(["compare", str(out), str(b_path)]) == 0
    assert "Gewogen kappa" in capsys.readouterr().out


def test_compare_revisions_warns_in_the_chosen_language(safety_and_cohesion, capsys):
    out, b_path = safety_and_cohesion
    assert main(["compare", str(out), str(b_path), "--revisions", "--json"]) == 0
    captured = capsys.readouterr()
    assert "verschillende perspectieven" in captured.err  # --lang nl is the default
    assert json.loads(captured.out)["warnings"] == [
        "The revisions were reviewed from different perspectives (Safety and Cohesion)."
    ]
    assert main(["compare", str(out), str(b_path), "--revisions", "--lang", "en"]) == 0
    assert "different perspectives (Safety and Cohesion)" in capsys.readouterr().err


def test_compare_refuses_different_plans(files, tmp_path, plan_data, capsys):
    checklist, plan, out = files
    plan_data["identity"]["name"] = "Ander plan"
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(plan_data), encoding="utf-8")
    b_path = tmp_path / "b.review"
    main(["new", "--plan", str(plan), "--perspective", "safety", "-o", str(out),
          "--checklist", str(checklist)])  # fmt: skip
    main(["new", "--plan", str(other), "--perspective", "cohesion", "-o", str(b_path),
          "--checklist", str(checklist)])  # fmt: skip
    capsys.readouterr()
    assert main(["compare", str(out), str(b_path)]) == 2
    err = capsys.readouterr().err
    assert "different plans" in err
    assert err.count("\n") == 1


# Text from a plan or review that a terminal would act on: clear the screen, move the
# cursor (ESC and the one-byte CSI), ring the bell, reverse the text's direction, break
# the line.
HOSTILE = {
    "name": "Plan\x1b[2J\x1b[H weg",
    "address": "Straat\u202e1\x07",
    "municipality": "Zwolle\nFAKE: line",
    "revision": "VO\x9b31m",
}


def hostile_review(tmp_path, review):
    from reviewer.domain.plan import Entrance
    from reviewer.storage.review_file import ReviewDocument, save_review

    for field, value in HOSTILE.items():
        setattr(review.plan.identity, field, value)
    review.plan.entrances.append(Entrance(id="C\x1b[1m", dwellings_served=30))
    review.reviewer.name = "Ans\x1b]0;title\x07"
    from reviewer.domain.review import apply_rules

    apply_rules(review)
    path = tmp_path / "hostile.review"
    save_review(ReviewDocument(review), path)
    return path


def test_summary_escapes_control_characters_from_the_document(tmp_path, review, capsys):
    path = hostile_review(tmp_path, review)
    assert main(["summary", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    assert "Plan\\x1b[2J\\x1b[H weg" in out
    assert "Straat\\u202e1\\x07" in out
    assert "Zwolle\\nFAKE: line" in out and "\nFAKE" not in out
    assert "Entrance C\\x1b[1m: 30 dwellings" in out
    assert "Ans\\x1b]0;title\\x07" in out


def test_summary_json_stays_valid_and_escapes_what_a_terminal_would_act_on(
    tmp_path, review, capsys
):
    path = hostile_review(tmp_path, review)
    assert main(["summary", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    data = json.loads(out)
    assert {k: data["plan"][k] for k in HOSTILE} == HOSTILE  # the text itself is kept


def test_compare_escapes_control_characters_too(tmp_path, review, plan, checklist, capsys):
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.storage.review_file import ReviewDocument, save_review

    a = new_review(plan, checklist, "safety", Reviewer(name="A\x1b[2J"))
    b = new_review(plan, checklist, "cohesion", Reviewer(name="B\u202e"))
    paths = []
    for name, r in (("a", a), ("b", b)):
        paths.append(tmp_path / f"{name}.review")
        save_review(ReviewDocument(r), paths[-1])
    assert main(["compare", *map(str, paths)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "A\\x1b[2J" in out and "B\\u202e" in out


PROFILE = {
    "id": "label-test",
    "version": "1",
    "title": {"nl": "Testlabel", "en": "Test label"},
    "checklist": {"id": "test-checklist", "version": "0.1"},
    "criteria": {"GEB-GALERIJ-01": {"level": "requirement"}},
}


def test_new_with_type_stage_and_profile(files, capsys):
    checklist, plan, out = files
    profile = out.parent / "label-test.yaml"
    profile.write_text(yaml.safe_dump(PROFILE), encoding="utf-8")
    argv = ["new", "--plan", str(plan), "--perspective", "cohesion", "-o", str(out)]
    argv += ["--checklist", str(checklist), "--type", "renovation", "--stage", "final_design"]
    assert main([*argv, "--profile", str(profile)]) == 0
    review = load_review(out).review
    assert review.plan.identity.plan_type.value == "renovation"
    assert review.plan.identity.stage.value == "final_design"
    assert review.checklist.profile.id == "label-test"
    assert review.checklist.criterion("GEB-GALERIJ-01").level.value == "requirement"
    capsys.readouterr()
    assert main([*argv, "--force", "--profile", "nope"]) == 2
    assert "no profile 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--force", "--type", "castle"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err  # argparse quotes the choices in some Python versions
    assert "--type: invalid choice: 'castle' (choose from " in err
    assert all(name in err for name in ("new_build", "renovation", "transformation"))


def test_validate_checks_profiles_against_the_checklist(files, capsys):
    checklist, _plan, out = files
    good = out.parent / "good.yaml"
    good.write_text(yaml.safe_dump(PROFILE), encoding="utf-8")
    bad = out.parent / "bad.yaml"
    bad.write_text(
        yaml.safe_dump({**PROFILE, "criteria": {"GEB-ENTREE-01": {"level": "recommendation"}}}),
        encoding="utf-8",
    )
    assert main(["validate", str(checklist), "--profile", str(good)]) == 0
    out_text = capsys.readouterr().out
    assert f"{good}: valid profile — label-test 1, 8 criteria, 1 changed, 0 left out" in out_text
    assert main(["validate", str(checklist), "--profile", str(bad)]) == 2
    assert "cannot lower a requirement to a recommendation" in capsys.readouterr().err


def test_validate_without_arguments_checks_the_bundled_checklist_and_profiles(capsys):
    from reviewer.storage.yamlfile import bundled_profiles

    assert main(["validate"]) == 0
    text = capsys.readouterr().out
    assert "safety-cohesion.yaml: valid" in text
    assert text.count("valid profile") == len(bundled_profiles())


def test_upgrade_writes_a_new_review_and_lists_the_changes(files, capsys, checklist_data):
    checklist, plan, out = files
    main(["new", "--plan", str(plan), "--perspective", "safety", "-o", str(out),
          "--checklist", str(checklist)])  # fmt: skip
    newer = copy.deepcopy(checklist_data)
    newer["version"] = "0.2"
    newer["sections"][0]["criteria"][1]["level"] = "requirement"
    newer_file = out.parent / "newer.yaml"
    newer_file.write_text(yaml.safe_dump(newer, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    target = out.parent / "new.review"
    argv = ["upgrade", str(out), "-o", str(target), "--checklist", str(newer_file)]
    assert main([*argv, "--lang", "en", "--stage", "handover"]) == 0
    text = capsys.readouterr().out
    assert "test-checklist 0.1 → 0.2; 1 changes" in text
    assert "level        GEB-GALERIJ-01" in text
    upgraded = load_review(target).review
    assert upgraded.checklist.version == "0.2"
    assert upgraded.plan.identity.stage.value == "handover"
    assert load_review(out).review.checklist.version == "0.1"  # the old file is kept
    assert main(["upgrade", str(out), "-o", str(out), "--force"]) == 2
    assert "write the updated review to a new file" in capsys.readouterr().err


def test_next_stage_makes_a_later_review_and_refuses_an_earlier_stage(tmp_path, capsys):
    from reviewer.domain.stages import MeasureStatus
    from reviewer.paths import EXAMPLE_REVIEW

    do = tmp_path / "do.review"
    argv = ["next-stage", str(EXAMPLE_REVIEW), "--stage", "final-design", "-o", str(do)]
    assert main(argv) == 0
    assert "measures carried" in capsys.readouterr().out
    old = load_review(EXAMPLE_REVIEW)
    new = load_review(do)
    assert new.review.plan.identity.stage.value == "final_design"
    assert new.attachments == {
        s.attachment: old.attachments[s.attachment] for s in old.review.sheets
    }
    assert new.review.previous[-1].file_name == Path(EXAMPLE_REVIEW).name
    carried = [a for a in new.review.assessments.values() if a.has_measure]
    assert carried and all(a.measure_status is MeasureStatus.OPEN for a in carried)
    assert main([*argv, "--force", "--adopt-verdicts"]) == 0
    adopted = load_review(do).review
    for cid, prev in adopted.previous[-1].verdicts.items():
        assert adopted.assessments[cid].verdict is prev.verdict
    capsys.readouterr()
    back = ["next-stage", str(do), "--stage", "preliminary_design", "-o", str(tmp_path / "x")]
    assert main(back) == 2
    err = capsys.readouterr().err
    assert "final design stage" in err and "later stage" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()
    assert main(["next-stage", str(do), "-o", str(tmp_path / "x")]) == 2
    assert main(["next-stage", str(do), "--stage", "final-design", "-o", str(do)]) == 2
