"""Figures over many reviews (the register's statistics): outcomes per period and
municipality, and the criteria that fail most often. Plain data; the register fills it,
the app and the PDF overview show it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

PERIODS = ("month", "quarter", "year")


def period_of(day: date, period: str) -> str:
    """The label of the period `day` falls in: "2026-03", "2026-Q1" or "2026"."""
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "year":
        return str(day.year)
    raise ValueError(f"unknown period {period!r} (one of {', '.join(PERIODS)})")


@dataclass(frozen=True)
class OutcomeCount:
    period: str
    municipality: str
    outcome: str  # an OutcomeResult value
    count: int


@dataclass(frozen=True)
class FailingCriterion:
    criterion_id: str
    level: str
    title_nl: str
    title_en: str
    fails: int
    assessed: int  # reviews that gave it a verdict (meets, partly or fails)

    @property
    def share(self) -> float:
        return self.fails / self.assessed if self.assessed else 0.0


@dataclass
class Statistics:
    date_from: date | None
    date_to: date | None
    period: str
    reviews: int
    outcomes: list[OutcomeCount]
    failing: list[FailingCriterion]

    def outcome_totals(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for row in self.outcomes:
            totals[row.outcome] += row.count
        return dict(totals)

    def by_period(self) -> dict[str, dict[str, int]]:
        """period -> outcome -> count, periods in order."""
        out: dict[str, Counter[str]] = {}
        for row in sorted(self.outcomes, key=lambda r: r.period):
            out.setdefault(row.period, Counter())[row.outcome] += row.count
        return {p: dict(c) for p, c in out.items()}

    def by_municipality(self) -> dict[str, dict[str, int]]:
        """municipality -> outcome -> count, the busiest municipality first."""
        out: dict[str, Counter[str]] = {}
        for row in self.outcomes:
            out.setdefault(row.municipality, Counter())[row.outcome] += row.count
        ordered = sorted(out.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        return {m: dict(c) for m, c in ordered}

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "period": self.period,
            "reviews": self.reviews,
            "outcomes": [vars(r) for r in self.outcomes],
            "failing": [vars(r) for r in self.failing],
        }
