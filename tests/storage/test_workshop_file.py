"""The .workshop file: round trip, photos of both sides kept apart, hostile content refused."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from PIL import Image

from reviewer.domain.compare import ComparisonError
from reviewer.domain.review import PhotoRef, new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.domain.workshop import JointConclusion, new_workshop
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import ReviewDocument
from reviewer.storage.workshop_file import (
    SCHEMA_VERSION,
    WorkshopDocument,
    load_workshop,
    save_workshop,
    workshop_payload,
)


def jpeg(colour) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def workshop_doc(plan, checklist) -> WorkshopDocument:
    a = new_review(plan, checklist, "safety")
    b = new_review(plan.model_copy(deep=True), checklist, "cohesion")
    set_verdict(a, "OR-HOF-01", Verdict.MEETS)
    set_verdict(b, "OR-HOF-01", Verdict.FAILS)
    for review in (a, b):
        review.assessments["OR-HOF-01"] = review.assessments["OR-HOF-01"].model_copy(
            update={"photos": [PhotoRef(name="hof.jpg")]}
        )
    workshop = new_workshop(a, b, "Werkatelier Merelhof")
    workshop.conclusions["OR-HOF-01"] = JointConclusion(
        criterion_id="OR-HOF-01",
        verdict=Verdict.PARTLY,
        measure="Poort overdag open, 's nachts dicht",
        actor="Woonstichting",
        note="Beide kanten eens over dagopenstelling",
    )
    return WorkshopDocument.from_reviews(
        ReviewDocument(a, {"hof.jpg": jpeg((255, 0, 0))}),
        ReviewDocument(b, {"hof.jpg": jpeg((0, 0, 255))}),
        workshop,
    )


def test_round_trip(tmp_path, workshop_doc):
    path = tmp_path / "w.workshop"
    save_workshop(workshop_doc, path)
    loaded = load_workshop(path)
    assert loaded.workshop == workshop_doc.workshop
    assert loaded.attachments_a["hof.jpg"] == workshop_doc.attachments_a["hof.jpg"]
    assert loaded.attachments_b["hof.jpg"] == workshop_doc.attachments_b["hof.jpg"]
    assert loaded.attachments_a["hof.jpg"] != loaded.attachments_b["hof.jpg"]
    assert loaded.workshop.conclusions["OR-HOF-01"].actor == "Woonstichting"
    assert loaded.workshop.open_differences() == workshop_doc.workshop.open_differences()


def test_open_differences_count_undecided_items(workshop_doc):
    workshop = workshop_doc.workshop
    # one-sided items: the cohesion-only rules (3) and the lighting rule (safety only)
    assert workshop.open_differences() == 4
    workshop.conclusions.clear()
    assert workshop.open_differences() == 5  # the courtyard conflict is open again


def test_different_plans_cannot_form_a_workshop(plan, checklist):
    a = new_review(plan, checklist, "safety")
    other = plan.model_copy(deep=True)
    other.identity.name = "Ander plan"
    b = new_review(other, checklist, "cohesion")
    with pytest.raises(ComparisonError, match="different plans"):
        new_workshop(a, b)


def _write(path, payload):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("workshop.json", json.dumps(payload))


def test_hostile_workshop_files(tmp_path, workshop_doc):
    path = tmp_path / "w.workshop"
    payload = workshop_payload(workshop_doc.workshop)
    payload["schema_version"] = SCHEMA_VERSION + 1
    _write(path, payload)
    with pytest.raises(DocumentFileError, match="newer version"):
        load_workshop(path)
    payload = workshop_payload(workshop_doc.workshop)
    payload["workshop"]["review_b"]["plan"]["identity"]["name"] = "Iets anders"
    _write(path, payload)
    with pytest.raises(DocumentFileError, match="same plan"):
        load_workshop(path)
    payload = workshop_payload(workshop_doc.workshop)  # photos referenced but missing
    _write(path, payload)
    with pytest.raises(DocumentFileError, match="hof.jpg"):
        load_workshop(path)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("attachments/a-x.jpg", jpeg((0, 0, 0)))
    with pytest.raises(DocumentFileError, match="workshop.json is missing"):
        load_workshop(path)
