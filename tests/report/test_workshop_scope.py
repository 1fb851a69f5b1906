"""Checklist 2.0 in the workshop report: the plan's type and stage once, each side's
profile when they differ, and a criterion's level and profile note per side."""

from __future__ import annotations

import copy

import pytest

from reviewer.domain.checklist import checklist_from_data
from reviewer.domain.plan import Plan
from reviewer.domain.review import Reviewer, new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.report import export_workshop_report
from reviewer.storage.review_file import ReviewDocument
from tests.report.conftest import pdf_pages, pdf_text
from tests.scoped import scoped_checklist


def scoped_plan(plan_data):
    plan_data["identity"] |= {"plan_type": "renovation", "stage": "sketch"}
    return Plan.model_validate(plan_data)


@pytest.fixture
def sides(checklist_data, plan_data):
    """Safety review A under the label profile, cohesion review B without one; they
    differ on STR-PART-01, the criterion the profile makes a requirement."""
    plain = copy.deepcopy(checklist_data)
    profiled = scoped_checklist(checklist_data)
    criteria = {c["id"]: c for s in plain["sections"] for c in s["criteria"]}
    criteria["OR-LICHT-01"]["applies"] = {"plan_types": ["new_build"]}
    criteria["GEB-PLINT-01"]["applies"] = {"stages": ["final_design", "specification"]}
    a = new_review(scoped_plan(copy.deepcopy(plan_data)), profiled, "safety", Reviewer(name="A"))
    b = new_review(
        scoped_plan(plan_data),
        checklist_from_data(plain, source="test.yaml"),
        "cohesion",
        Reviewer(name="B"),
    )
    set_verdict(a, "STR-PART-01", Verdict.FAILS)
    set_verdict(b, "STR-PART-01", Verdict.PARTLY, justification="Nog geen bewoners.")
    return a, b


def export(tmp_path, a, b, **kwargs):
    out = tmp_path / "werksessie.pdf"
    return export_workshop_report(ReviewDocument(a), ReviewDocument(b), out, **kwargs)


def test_cover_shows_type_and_stage_once_and_each_sides_profile(tmp_path, sides):
    cover = " ".join(pdf_pages(export(tmp_path, *sides))[0].split())
    assert "Soort plan Renovatie bestaande woningen Revisie en fase VO-1, schetsontwerp" in cover
    assert cover.count("Renovatie bestaande woningen") == 1
    assert (
        "A · Veiligheid: Testlijst, versie 0.1, profiel Keurmerk Veiligheid en Cohesie "
        "(versie 1.0)" in cover
    )
    assert "B · Cohesie: Testlijst, versie 0.1, zonder profiel" in cover


def test_same_profile_is_shown_once(tmp_path, checklist_data, plan_data):
    checklist = scoped_checklist(checklist_data)
    a = new_review(scoped_plan(copy.deepcopy(plan_data)), checklist, "safety")
    b = new_review(scoped_plan(plan_data), checklist, "cohesion")
    cover = " ".join(pdf_pages(export(tmp_path, a, b, lang="en"))[0].split())
    assert "Checklist Test list, version 0.1, profile Label Safety and Cohesion" in cover
    assert cover.count("profile Label Safety and Cohesion") == 1
    assert "Plan type Renovation of existing housing Revision and stage VO-1, sketch design" in (
        cover
    )


def test_card_shows_each_sides_level_and_profile_note(tmp_path, sides):
    text = pdf_text(export(tmp_path, *sides))
    card = text.split("STR-PART-01 Bewoners betrekken", 1)[1]
    assert card.startswith(" verschil A: eis · B: aanbeveling · ")
    assert (
        "A: Profiel Keurmerk Veiligheid en Cohesie: eis in dit profiel (in de toetslijst een "
        "aanbeveling). Bewoners praten mee." in card
    )
