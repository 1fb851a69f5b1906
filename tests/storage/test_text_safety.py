"""Text that cannot be written as UTF-8 (lone surrogates) never gets into a document.

A JSON escape like \\ud800 or a YAML "\\ud800" decodes to a lone surrogate, which loads and
displays but makes every save fail. Such text is repaired where it enters: each lone
surrogate becomes U+FFFD (the replacement character) and the rest of the text survives.
"""

from __future__ import annotations

import copy
import json
import zipfile
from typing import Any

import pytest
from pydantic import ValidationError

from reviewer.domain.text import repair_text
from reviewer.domain.workshop import new_workshop
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import (
    ReviewDocument,
    document_to_bytes,
    load_review,
    review_from_payload,
    review_payload,
    save_review,
)
from reviewer.storage.workshop_file import (
    WorkshopDocument,
    load_workshop,
    save_workshop,
    workshop_from_payload,
    workshop_payload,
    workshop_to_bytes,
)
from reviewer.storage.yamlfile import load_checklist, load_plan

REPLACEMENT = "\ufffd"


def test_repair_text_replaces_lone_surrogates_and_joins_pairs():
    assert repair_text("plain ascii") == "plain ascii"
    assert repair_text("Merelhof 1–74 😀") == "Merelhof 1–74 😀"
    assert repair_text("a\ud83db") == f"a{REPLACEMENT}b"
    assert repair_text("\ud800") == REPLACEMENT
    assert repair_text("x\udc80y") == f"x{REPLACEMENT}y"  # a surrogate-escaped byte
    # a high and low surrogate in a row (as YAML's "\ud83d\ude00" gives) are one character
    assert repair_text("\ud83d\ude00!") == "😀!"
    assert repair_text("\ude00\ud83d") == REPLACEMENT * 2  # the wrong order is no pair


def _write_json_zip(path, name: str, text: str) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(name, text)


def test_a_review_file_with_lone_surrogates_opens_and_saves(tmp_path, review):
    payload = review_payload(review)
    payload["review"]["plan"]["identity"]["address"] = "Merelhof <ADDR>"
    payload["review"]["assessments"]["OR-HOF-01"]["notes"] = "Poort <NOTE> dicht"
    text = json.dumps(payload, ensure_ascii=True)
    # JSON escapes that decode to lone surrogates, as a hand-edited or foreign file has
    text = text.replace("<ADDR>", "\\ud800").replace("<NOTE>", "\\ud83d")
    path = tmp_path / "surrogates.review"
    _write_json_zip(path, "review.json", text)

    doc = load_review(path)
    assert doc.review.plan.identity.address == f"Merelhof {REPLACEMENT}"
    assert doc.review.assessments["OR-HOF-01"].notes == f"Poort {REPLACEMENT} dicht"
    saved = tmp_path / "saved.review"
    save_review(doc, saved)  # raised UnicodeEncodeError before
    assert load_review(saved).review == doc.review


def test_a_workshop_file_with_lone_surrogates_opens_and_saves(tmp_path, plan, checklist):
    from reviewer.domain.review import new_review

    workshop = new_workshop(
        new_review(plan, checklist, "safety"), new_review(plan, checklist, "cohesion")
    )
    payload = workshop_payload(workshop)
    payload["workshop"]["participants"] = "Ans <P>"
    payload["workshop"]["conclusions"] = {
        "GEB-ENTREE-01": {"criterion_id": "GEB-ENTREE-01", "verdict": "fails", "note": "<N>"}
    }
    text = json.dumps(payload).replace("<P>", "\\udfff").replace("<N>", "\\ud800 ok")
    path = tmp_path / "surrogates.workshop"
    _write_json_zip(path, "workshop.json", text)

    doc = load_workshop(path)
    assert doc.workshop.participants == f"Ans {REPLACEMENT}"
    assert doc.workshop.conclusions["GEB-ENTREE-01"].note == f"{REPLACEMENT} ok"
    saved = tmp_path / "saved.workshop"
    save_workshop(doc, saved)
    assert load_workshop(saved).workshop == doc.workshop


def test_a_plan_yaml_with_lone_surrogates_gives_a_savable_review(tmp_path, checklist):
    from reviewer.domain.review import new_review

    path = tmp_path / "plan.yaml"
    path.write_text(
        'identity:\n  name: "Plan \\ud83d\\ude00"\n  address: "\\ud800 Merelhof"\n'
        'entrances:\n  - id: A\n    note: "deur \\udc00"\n',
        encoding="utf-8",
    )
    plan = load_plan(path)
    assert plan.identity.name == "Plan 😀"
    assert plan.identity.address == f"{REPLACEMENT} Merelhof"
    assert plan.entrances[0].note == f"deur {REPLACEMENT}"
    save_review(ReviewDocument(new_review(plan, checklist, "safety")), tmp_path / "x.review")


def test_a_checklist_yaml_with_lone_surrogates_gives_a_savable_review(
    tmp_path, checklist_data, plan
):
    import yaml

    from reviewer.domain.review import new_review

    data = copy.deepcopy(checklist_data)
    data["title"]["nl"] = "Checklist TITLE"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert "nl: Checklist TITLE\n" in text
    path = tmp_path / "checklist.yaml"
    path.write_text(text.replace("nl: Checklist TITLE", 'nl: "Checklist \\ud800"'), "utf-8")
    checklist = load_checklist(path)
    assert checklist.title.nl == f"Checklist {REPLACEMENT}"
    document_to_bytes(ReviewDocument(new_review(plan, checklist, "safety")))


# ---------------------------------------------------------------- every string field


def _string_leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every string (and None) value in plain JSON data."""
    out: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _string_leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _string_leaves(value, (*path, index))
    elif data is None or isinstance(data, str):
        out.append(path)
    return out


def _shape(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A path with list positions and assessment keys left out: one per kind of field."""
    return tuple(
        "*" if isinstance(p, int) or (isinstance(p, str) and p.isupper() and "-" in p) else p
        for p in path
    )


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _each_field_with_a_surrogate(payload: dict[str, Any]):
    seen: set[tuple[Any, ...]] = set()
    document = next(k for k in payload if k not in ("schema_version", "app"))
    for path in _string_leaves(payload):
        if _shape(path) in seen or path[0] != document:
            continue
        seen.add(_shape(path))
        broken = copy.deepcopy(payload)
        _set(broken, path, "x\ud800")
        yield path, broken


def _rich_review(review):
    """The test review with a text in every kind of string field."""
    from reviewer.domain import plan as p
    from reviewer.domain.drawing import FactTarget, Measurement, Pin, Sheet
    from reviewer.domain.review import PhotoRef, set_verdict
    from reviewer.domain.verdict import Verdict

    set_verdict(review, "GEB-ENTREE-01", Verdict.MEETS, override_reason="reden")
    a = review.assessments["OR-HOF-01"]
    review.assessments["OR-HOF-01"] = a.model_copy(
        update={"notes": "n", "measure": "m", "photos": [PhotoRef(name="hof.jpg", caption="c")]}
    )
    review.reviewer.name = "Ans"
    review.plan.outdoor_spaces[0].owner = "gemeente"
    review.plan.buildings = [p.Building(id="B", name="n")]
    review.plan.stairwells = [p.Stairwell(id="T", entrance="A")]
    review.plan.storage = [p.StorageUnit(id="St")]
    review.plan.boundaries = [p.Boundary(id="Bo", along="a")]
    review.plan.planting = [p.Planting(id="P", location="l")]
    review.plan.meeting_places = [p.MeetingPlace(id="M", name="n")]
    review.plan.measures = [p.ManagementMeasure(id="Me", description="d", party="p")]
    target = FactTarget(collection="galleries", element="G1", fact="length_m")
    review.sheets = [
        Sheet(
            id="S1",
            name="Begane grond",
            attachment="bg.png",
            width=100,
            height=100,
            measurements=[
                Measurement(id="M1", kind="length", points=[(0, 0), (1, 1)], assigned=target)
            ],
            pins=[Pin(number=1, criterion_id="OR-HOF-01", element="H1", position=(1, 1))],
        )
    ]
    return review


def test_every_text_field_of_a_review_is_repaired_or_refused(review):
    """Whatever string field of a review holds a lone surrogate, the model either repairs
    it or refuses the file: what it accepts can always be written as UTF-8."""
    payload = json.loads(json.dumps(review_payload(_rich_review(review))))
    checked = 0
    for path, broken in _each_field_with_a_surrogate(payload):
        try:
            loaded = review_from_payload(broken)
        except (DocumentFileError, ValidationError):
            continue  # refused with a message: fine
        text = json.dumps(review_payload(loaded), ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            pytest.fail(f"{'.'.join(map(str, path))}: a lone surrogate was accepted as is")
        checked += 1
    assert checked > 60  # plan facts, assessment texts, evidence, checklist texts, sheets


def test_every_text_field_of_a_workshop_is_repaired_or_refused(plan, checklist):
    from reviewer.domain.review import Participant, new_review
    from reviewer.domain.workshop import JointConclusion

    workshop = new_workshop(
        new_review(plan, checklist, "safety"), new_review(plan, checklist, "cohesion")
    )
    workshop.title = "t"
    workshop.participants = "p"
    workshop.chair = "c"
    workshop.place = "z"
    workshop.attendees = [Participant(name="n", role="r", organisation="o")]
    workshop.conclusions["GEB-ENTREE-01"] = JointConclusion(
        criterion_id="GEB-ENTREE-01", measure="m", actor="a", note="n"
    )
    payload = json.loads(json.dumps(workshop_payload(workshop)))
    checked = 0
    for path, broken in _each_field_with_a_surrogate(payload):
        if path[1] in ("review_a", "review_b"):
            continue  # the review test covers those
        try:
            loaded = workshop_from_payload(broken)
        except (DocumentFileError, ValidationError):
            continue
        doc = WorkshopDocument(loaded)
        try:
            workshop_to_bytes(doc)
        except UnicodeEncodeError:
            pytest.fail(f"{'.'.join(map(str, path))}: a lone surrogate was accepted as is")
        checked += 1
    # title, participants (remarks), chair, place, an attendee's name, role and
    # organisation, measure, actor, note
    assert checked == 10
