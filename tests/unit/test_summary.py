"""The plain-data summary (`reviewer summary --json`): the keys checklist 2.0 adds."""

from __future__ import annotations

import json
from datetime import date

from reviewer.domain.plan import Plan
from reviewer.domain.review import Participant, Procedure, new_review
from reviewer.domain.summary import summary_data
from tests.scoped import scoped_checklist


def test_new_keys_without_type_stage_profile_or_procedure(review):
    data = summary_data(review, "en")
    assert data["plan_type"] is None
    assert data["stage"] is None
    assert data["profile"] is None
    assert data["procedure"] == {
        "participants": [],
        "cohesion_included": None,
        "joint_session": None,
        "joint_session_date": None,
        "notes": "",
    }
    assert data["out_of_scope"] == []


def test_type_stage_profile_procedure_and_out_of_scope(checklist_data, plan_data):
    plan_data["identity"] |= {"plan_type": "renovation", "stage": "sketch"}
    review = new_review(Plan.model_validate(plan_data), scoped_checklist(checklist_data), "safety")
    review.procedure = Procedure(
        participants=[Participant(name="<b>& Zn", organisation="Gemeente", role="opbouwwerker")],
        cohesion_included=False,
        joint_session=True,
        joint_session_date=date(2026, 3, 12),
    )
    data = summary_data(review, "nl")
    assert data["plan_type"] == "renovation"
    assert data["stage"] == "sketch"
    assert data["profile"] == {
        "id": "keurmerk",
        "version": "1.0",
        "title": "Keurmerk Veiligheid en Cohesie",
    }
    procedure = data["procedure"]
    assert procedure["participants"] == [
        {"name": "<b>& Zn", "organisation": "Gemeente", "role": "opbouwwerker"}
    ]
    assert procedure["cohesion_included"] is False
    assert procedure["joint_session"] is True
    assert procedure["joint_session_date"] == "2026-03-12"
    assert data["out_of_scope"] == [
        {
            "criterion": "GEB-PLINT-01",
            "reason": "Niet van toepassing: alleen in de fase definitief ontwerp, "
            "bestek / technisch ontwerp",
        },
        {"criterion": "OR-LICHT-01", "reason": "Niet van toepassing: alleen bij nieuwbouw"},
    ]
    # never counted: the in-scope verdicts and the progress leave them out
    assert sum(data["in_scope_verdicts"].values()) == data["progress"]["applicable"]
    json.dumps(data)  # plain data, for scripts


def test_existing_keys_stay(review):
    data = summary_data(review, "en")
    for key in ("plan", "perspective", "reviewer", "checklist", "verdicts", "in_scope_verdicts"):
        assert key in data
    assert {"progress", "rules", "outcome"} <= set(data)
