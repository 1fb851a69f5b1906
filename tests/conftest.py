"""Shared fixtures: a small checklist and plan built in code, independent of the bundled data."""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _text(nl: str, en: str | None = None) -> dict[str, str]:
    return {"nl": nl, "en": en or nl + " (en)"}


SMALL_CHECKLIST: dict[str, Any] = {
    "id": "test-checklist",
    "version": "0.1",
    "title": _text("Testlijst", "Test list"),
    "languages": ["nl", "en"],
    "sections": [
        {
            "id": "GEB",
            "title": _text("Gebouw", "Building"),
            "criteria": [
                {
                    "id": "GEB-ENTREE-01",
                    "title": _text("Maximaal tien woningen per entree", "At most ten per entrance"),
                    "guidance": _text("Weinig woningen per entree.", "Few dwellings."),
                    "perspectives": ["safety", "cohesion"],
                    "level": "requirement",
                    "source": _text("Essay", "Essay"),
                    "rule": {
                        "kind": "each",
                        "applies_to": "entrances",
                        "all_of": [{"fact": "dwellings_served", "op": "le", "value": 10}],
                    },
                },
                {
                    "id": "GEB-GALERIJ-01",
                    "title": _text("Korte galerijen", "Short galleries"),
                    "guidance": _text("Kort.", "Short."),
                    "perspectives": ["cohesion"],
                    "level": "recommendation",
                    "source": _text("Essay", "Essay"),
                    "rule": {
                        "kind": "each",
                        "applies_to": "galleries",
                        "all_of": [
                            {"fact": "dwellings", "op": "le", "value": 10},
                            {"fact": "length_m", "op": "le", "value": 50},
                        ],
                    },
                },
                {
                    "id": "GEB-PLINT-01",
                    "title": _text("Geen blinde plint", "No blind plinth"),
                    "guidance": _text("Levendig.", "Lively."),
                    "perspectives": ["safety", "cohesion"],
                    "level": "requirement",
                    "source": _text("Essay", "Essay"),
                    "rule": {
                        "kind": "share",
                        "applies_to": "plinth_segments",
                        "measure": "length_m",
                        "part": [
                            {
                                "fact": "function",
                                "op": "in",
                                "value": ["storage", "parking", "blank", "services"],
                            }
                        ],
                        "part_label": _text("blinde plint", "blind plinth"),
                        "group_by": "street",
                        "op": "le",
                        "value": 0.25,
                    },
                },
            ],
        },
        {
            "id": "OR",
            "title": _text("Openbare ruimte", "Public space"),
            "criteria": [
                {
                    "id": "OR-LICHT-01",
                    "title": _text("Openbare verlichting", "Public lighting"),
                    "guidance": _text("Licht.", "Light."),
                    "perspectives": ["safety"],
                    "level": "requirement",
                    "source": _text("PKVW", "PKVW"),
                    "rule": {
                        "kind": "each",
                        "applies_to": "lighting",
                        "any_of": [
                            [
                                {"fact": "eh_avg_lx", "op": "ge", "value": 3},
                                {"fact": "uniformity", "op": "ge", "value": 0.3},
                                {"fact": "ra", "op": "ge", "value": 25},
                            ],
                            [
                                {"fact": "eh_avg_lx", "op": "ge", "value": 2},
                                {"fact": "uniformity", "op": "ge", "value": 0.3},
                                {"fact": "ra", "op": "ge", "value": 60},
                            ],
                            [
                                {"fact": "eh_avg_lx", "op": "ge", "value": 3},
                                {"fact": "uniformity", "op": "ge", "value": 0.2},
                                {"fact": "ra", "op": "ge", "value": 60},
                            ],
                        ],
                    },
                },
                {
                    "id": "OR-SPEEL-01",
                    "title": _text("Drie procent speelruimte", "Three percent play space"),
                    "guidance": _text("Spelen.", "Play."),
                    "perspectives": ["cohesion"],
                    "level": "requirement",
                    "source": _text("3%-norm", "3% norm"),
                    "rule": {
                        "kind": "ratio",
                        "applies_to": "outdoor_spaces",
                        "where": [{"fact": "type", "op": "eq", "value": "play_area"}],
                        "measure": "area_m2",
                        "denominator": {"collection": "site", "fact": "residential_area_m2"},
                        "op": "ge",
                        "value": 0.03,
                        "if_none": "fails",
                    },
                    "tension_with": ["OR-HOF-01"],
                },
                {
                    "id": "OR-HOF-01",
                    "title": _text("Afsluitbare binnentuin", "Gated courtyard"),
                    "guidance": _text("Dicht.", "Closed."),
                    "perspectives": ["safety"],
                    "level": "recommendation",
                    "source": _text("SBD", "SBD"),
                    "tension_with": ["OR-SPEEL-01"],
                },
            ],
        },
        {
            "id": "STR",
            "title": _text("Structuur", "Structure"),
            "criteria": [
                {
                    "id": "STR-MIX-01",
                    "title": _text("Gemengd woningprogramma", "Mixed housing"),
                    "guidance": _text("Mix.", "Mix."),
                    "perspectives": ["cohesion"],
                    "level": "recommendation",
                    "source": _text("Essay", "Essay"),
                    "rule": {
                        "kind": "distribution",
                        "applies_to": "housing",
                        "weight": "dwellings",
                        "checks": [
                            {"category": "price_class", "stat": "distinct", "op": "ge", "value": 3},
                            {
                                "category": "price_class",
                                "stat": "max_share",
                                "op": "le",
                                "value": 0.5,
                            },
                            {"category": "tenure", "stat": "distinct", "op": "ge", "value": 2},
                        ],
                    },
                },
                {
                    "id": "STR-PART-01",
                    "title": _text("Bewoners betrekken", "Involve residents"),
                    "guidance": _text("Samen.", "Together."),
                    "perspectives": ["cohesion", "safety"],
                    "level": "recommendation",
                    "source": _text("Essay", "Essay"),
                },
            ],
        },
    ],
    "outcome": {
        "rules": [
            {
                "result": "negative",
                "when": {"level": "requirement", "verdicts": ["fails"]},
                "text": _text("Negatief advies.", "Negative advice."),
            },
            {
                "result": "incomplete",
                "when": {"level": "requirement", "verdicts": ["not_assessed"]},
                "text": _text("Nog niet compleet.", "Not complete yet."),
            },
            {
                "result": "conditional",
                "when": {"level": "requirement", "verdicts": ["partly"]},
                "text": _text("Positief onder voorwaarden.", "Positive with conditions."),
            },
        ],
        "default": "positive",
        "default_text": _text("Positief advies.", "Positive advice."),
    },
}

SMALL_PLAN: dict[str, Any] = {
    "identity": {
        "name": "Testplan Merelhof",
        "address": "Merelhof 1",
        "municipality": "Utrecht",
        "revision": "VO-1",
    },
    "site": {"residential_area_m2": 10000},
    "entrances": [
        {"id": "A", "dwellings_served": 8},
        {"id": "B", "dwellings_served": 14},
    ],
    "galleries": [{"id": "G1", "length_m": 70, "dwellings": 18}],
    "plinth_segments": [
        {"id": "P1", "street": "Merelstraat", "length_m": 30, "function": "storage"},
        {"id": "P2", "street": "Merelstraat", "length_m": 70, "function": "dwelling"},
    ],
    "lighting": [
        {"id": "L1", "location": "Achterpad", "eh_avg_lx": 4, "uniformity": 0.35, "ra": 30}
    ],
    "outdoor_spaces": [{"id": "S1", "type": "play_area", "area_m2": 200}],
    "housing": [
        {"id": "H1", "price_class": "social", "tenure": "rent", "dwellings": 60},
        {"id": "H2", "price_class": "mid", "tenure": "owner", "dwellings": 40},
    ],
}


@pytest.fixture
def checklist_data() -> dict[str, Any]:
    return copy.deepcopy(SMALL_CHECKLIST)


@pytest.fixture
def checklist(checklist_data):
    from reviewer.domain.checklist import checklist_from_data

    return checklist_from_data(checklist_data, source="test.yaml")


@pytest.fixture
def plan_data() -> dict[str, Any]:
    return copy.deepcopy(SMALL_PLAN)


@pytest.fixture
def plan(plan_data):
    from reviewer.domain.plan import Plan

    return Plan.model_validate(plan_data)


@pytest.fixture
def review(plan, checklist):
    from reviewer.domain.review import Reviewer, new_review

    return new_review(
        plan, checklist, "safety", Reviewer(name="J. de Vries", role="bouwplanadviseur")
    )


@pytest.fixture(autouse=True)
def _no_user_organisation(tmp_path_factory, monkeypatch):
    """Reports made in tests never read the developer's own organisation profile: the
    configuration folder is an empty folder of the test's own."""
    import reviewer.storage.organisation as storage

    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setattr(storage, "config_dir", lambda: folder)
