"""A checklist 2.0 shape built in the tests: criteria limited by plan type and stage, and
the test checklist narrowed by a label profile (report and summary tests share it)."""

from __future__ import annotations

from typing import Any

from reviewer.domain.checklist import Checklist, checklist_from_data
from reviewer.domain.profile import Profile, apply_profile

PROFILE: dict[str, Any] = {
    "id": "keurmerk",
    "version": "1.0",
    "title": {"nl": "Keurmerk Veiligheid en Cohesie", "en": "Label Safety and Cohesion"},
    "criteria": {
        "STR-PART-01": {
            "level": "requirement",
            "note": {"nl": "Bewoners praten mee.", "en": "Residents have a say."},
        }
    },
}


def scoped_checklist(checklist_data: dict[str, Any]) -> Checklist:
    """The test checklist with public lighting for new build only and the blind plinth
    from the final design on, narrowed by a profile that makes STR-PART-01 a requirement."""
    criteria = {c["id"]: c for s in checklist_data["sections"] for c in s["criteria"]}
    criteria["OR-LICHT-01"]["applies"] = {"plan_types": ["new_build"]}
    criteria["GEB-PLINT-01"]["applies"] = {"stages": ["final_design", "specification"]}
    checklist = checklist_from_data(checklist_data, source="test.yaml")
    profile = Profile.model_validate(
        {**PROFILE, "checklist": {"id": checklist.id, "version": checklist.version}}
    )
    return apply_profile(checklist, profile)
