"""Checklist 2.0 in the review report, read back with pypdf: the plan's type and stage,
the profile and its notes, criteria that do not apply to the plan listed once with the
reason (never among the findings, never counted), and the procedure record."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.domain.plan import Plan
from reviewer.domain.review import Participant, Procedure, Reviewer, new_review, set_verdict
from reviewer.domain.verdict import Verdict
from reviewer.report import export_report
from reviewer.storage.review_file import ReviewDocument
from tests.report.conftest import body_text, pdf_pages, pdf_text, squeezed
from tests.scoped import scoped_checklist

APPENDIX_1 = "Bijlage 1 — Bevindingen"
APPENDIX_2 = "Bijlage 2 — Plangegevens en toetsing"


def the_plan(out, lang="nl"):
    """Appendix 2's first part: the plan and how the review was made."""
    start, end = (
        (APPENDIX_2, "Plangegevens en toetsing")
        if lang == "nl"
        else ("Appendix 2 — Plan facts and rule results", "Plan facts and rule results")
    )
    return pdf_text(out).split(start, 1)[1].split(end, 1)[0]


def findings_of(out):
    """Appendix 1, without page furniture."""
    return body_text(out).split(APPENDIX_1, 1)[1].split(APPENDIX_2, 1)[0]


HOSTILE_NAME = "Jansen <b>& Zn</b>"


@pytest.fixture
def scoped(checklist_data, plan_data):
    """A renovation at sketch stage, under the label profile, with a procedure record."""
    plan_data["identity"] |= {"plan_type": "renovation", "stage": "sketch"}
    review = new_review(
        Plan.model_validate(plan_data),
        scoped_checklist(checklist_data),
        "safety",
        Reviewer(name="J. de Vries"),
    )
    set_verdict(review, "STR-PART-01", Verdict.FAILS)
    review.procedure = Procedure(
        participants=[
            Participant(name=HOSTILE_NAME, organisation="Gemeente Utrecht", role="opbouwwerker"),
            Participant(name="K. Bakker", organisation="Politie", role="bouwplanadviseur"),
        ],
        cohesion_included=True,
        joint_session=True,
        joint_session_date=date(2026, 3, 12),
        notes="Sessie in het buurthuis.",
    )
    return review


def export(tmp_path, review, **kwargs):
    return export_report(ReviewDocument(review, {}), tmp_path / "advies.pdf", **kwargs)


def test_the_plan_shows_plan_type_stage_and_profile(tmp_path, scoped):
    cover = the_plan(export(tmp_path, scoped))
    assert "Soort plan Renovatie bestaande woningen" in cover
    assert "Fase Schetsontwerp" in cover
    assert "profiel Keurmerk Veiligheid en Cohesie (versie 1.0)" in cover


def test_english_plan(tmp_path, scoped):
    cover = the_plan(export(tmp_path, scoped, lang="en"), "en")
    assert "Plan type Renovation of existing housing" in cover
    assert "Phase Sketch design" in cover
    assert "profile Label Safety and Cohesion (version 1.0)" in cover


@pytest.mark.parametrize(
    ("phase", "shown"),
    [
        ("Schetsontwerp", "Fase Schetsontwerp Revisie"),  # says nothing more than the stage
        ("SO", "Fase Schetsontwerp Revisie"),
        ("SO-2, na overleg welstand", "Fase Schetsontwerp (SO-2, na overleg welstand) Revisie"),
    ],
)
def test_phase_only_when_it_adds_to_the_stage(tmp_path, scoped, phase, shown):
    identity = scoped.plan.identity.model_copy(update={"phase": phase})
    scoped.plan = scoped.plan.model_copy(update={"identity": identity})
    assert shown in the_plan(export(tmp_path, scoped))


def test_criteria_outside_type_or_stage_listed_once_with_the_reason(tmp_path, scoped):
    out = export(tmp_path, scoped)
    text = pdf_text(out)
    assert "Niet van toepassing op dit plan" in text
    assert "Alleen bij nieuwbouw" in text
    assert "Alleen in de fase definitief ontwerp, bestek / technisch ontwerp" in text
    assert (
        "2 criteria gelden niet voor een plan van deze soort of in deze fase (renovatie "
        "bestaande woningen, schetsontwerp)" in text
    )
    # not among the findings: each title appears once, in the list
    findings = findings_of(out)
    assert "Openbare verlichting" not in findings
    assert "Geen blinde plint" not in findings
    assert text.count("Openbare verlichting") == 1
    # and no rule table row for them either
    assert "Achterpad" not in text


def test_criteria_outside_scope_are_not_counted(tmp_path, scoped):
    from reviewer.domain.outcome import compute_outcome

    outcome = compute_outcome(scoped)
    in_scope = sum(outcome.counts.values())
    assert in_scope == outcome.applicable
    out = export(tmp_path, scoped)
    letter = " ".join(pdf_pages(out)[0].split())
    assert f"van de {outcome.applicable} criteria die op dit plan van toepassing zijn" in letter
    # five of the eight criteria are tagged safety; only those that apply are counted
    assert "5 van de 8 criteria" in the_plan(out)
    assert outcome.applicable == 3


def test_a_verdict_given_anyway_is_shown_but_not_counted(tmp_path, scoped):
    set_verdict(scoped, "OR-LICHT-01", Verdict.FAILS, override_reason="Toch te donker.")
    text = pdf_text(export(tmp_path, scoped))
    assert "toch beoordeeld als ‘voldoet niet’; telt niet mee" in text


def test_profile_note_under_the_criterion_level(tmp_path, scoped):
    out = export(tmp_path, scoped)
    findings = " ".join(findings_of(out).split())
    assert (
        "Profiel Keurmerk Veiligheid en Cohesie: eis in dit profiel (in de toetslijst een "
        "aanbeveling). Bewoners praten mee." in findings
    )
    assert findings.count("Profiel Keurmerk") == 1  # only the criterion it changed


def test_procedure_section(tmp_path, scoped):
    text = pdf_text(export(tmp_path, scoped))
    procedure = text.split(APPENDIX_2, 1)[1].split("Plangegevens en toetsing", 1)[0]
    assert "Sociale cohesie meegenomen ja" in procedure
    assert "Gezamenlijke sessie ja, op 12 maart 2026" in procedure
    assert "Deelnemers" in procedure
    assert "K. Bakker Politie bouwplanadviseur" in procedure
    assert "Gemeente Utrecht" in procedure
    assert "Sessie in het buurthuis." in procedure


def test_participant_markup_is_shown_literally(tmp_path, scoped):
    out = export(tmp_path, scoped)
    assert squeezed(HOSTILE_NAME) in squeezed(pdf_text(out))


def test_empty_procedure_says_not_recorded_and_leaves_out_the_rest(tmp_path, review):
    text = pdf_text(export(tmp_path, review, lang="en"))
    procedure = text.split("Appendix 2 — Plan facts and rule results", 1)[1]
    procedure = procedure.split("Plan facts and rule results", 1)[0]
    assert "Social cohesion included not recorded" in procedure
    assert "Joint session not recorded" in procedure
    assert "Participants" not in procedure
    assert "Not applicable to this plan" not in text  # no type or stage: all apply
    assert "Plan type" not in procedure


@pytest.mark.parametrize(
    ("held", "day", "shown"),
    [
        (False, None, "Gezamenlijke sessie nee"),
        (True, None, "Gezamenlijke sessie ja (datum niet vastgelegd)"),
        (None, None, "Gezamenlijke sessie niet vastgelegd"),
    ],
)
def test_joint_session_states(tmp_path, review, held, day, shown):
    review.procedure = Procedure(joint_session=held, joint_session_date=day)
    assert shown in pdf_text(export(tmp_path, review))
