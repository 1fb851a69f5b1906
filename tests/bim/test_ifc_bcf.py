"""The architect's loop on a real model: the duplex imported from IFC, reviewed, exported
as BCF 2.1 that validates against buildingSMART's schemas, and read back."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from reviewer.domain.findings import topic_guid
from reviewer.domain.review import set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.paths import DEFAULT_CHECKLIST
from reviewer.storage.bcf import bcf_bytes, read_bcf
from reviewer.storage.review_file import ReviewDocument, load_review, save_review
from reviewer.storage.yamlfile import load_checklist
from tests.storage.test_bcf import assert_valid

pytest.importorskip("ifcopenshell")


def test_the_imported_duplex_exports_bcf_that_validates_and_reads_back(duplex, tmp_path):
    from reviewer.bim.ifc_import import entrance_criterion, new_review_from_ifc

    checklist = load_checklist(DEFAULT_CHECKLIST)
    review, attachments = new_review_from_ifc(duplex, checklist, "safety")
    entrance = entrance_criterion(checklist)
    assert entrance is not None
    # the adviser finds the entrances wanting, with a measure: a finding with pins
    set_verdict(review, entrance, Verdict.FAILS, override_reason="deuren niet in het zicht")
    assessment = review.assessments[entrance].model_copy(
        update={"measure": "Entrees aan de straatzijde, in het zicht van woningen."}
    )
    review.assessments[entrance] = assessment
    path = tmp_path / "duplex.review"
    save_review(ReviewDocument(review, attachments), path)
    doc = load_review(path)  # as the adviser has it: saved and opened again

    data = bcf_bytes(doc, "nl")
    counts = assert_valid(data)
    assert counts["markup"] >= 1 and counts["visinfo"] >= 1
    assert counts["version"] == 1 and counts["project"] == 1

    content = read_bcf(data)
    guid = str(topic_guid(doc.review, entrance))
    by_guid = {t.guid: t for t in content.topics}
    assert guid in by_guid
    # exported again: the same topics, so a BIM tool updates rather than duplicates
    assert [t.guid for t in read_bcf(bcf_bytes(doc, "nl")).topics] == [
        t.guid for t in content.topics
    ]

    # the entrance pins on the ground floor give a camera above them and the doors selected
    pins = [p for s in doc.review.sheets for p in s.pins if p.criterion_id == entrance]
    assert pins and all(p.ifc_guid for p in pins)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        views = [n for n in zf.namelist() if n.startswith(f"{guid}/") and n.endswith(".bcfv")]
        assert views
        view = etree.fromstring(zf.read(views[0]))
    assert view.find("OrthogonalCamera") is not None
    selected = {c.get("IfcGuid") for c in view.iter("Component")}
    assert selected == {p.ifc_guid for p in pins}
