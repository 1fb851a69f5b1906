"""Verdicts on a criterion and their order."""

from __future__ import annotations

from enum import StrEnum

from reviewer.domain.text import Text, t


class Verdict(StrEnum):
    MEETS = "meets"
    PARTLY = "partly"
    FAILS = "fails"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"

    @property
    def label(self) -> Text:
        return VERDICT_LABELS[self]

    @property
    def is_assessed(self) -> bool:
        return self is not Verdict.NOT_ASSESSED

    @property
    def rank(self) -> int | None:
        """Position on the ordered scale meets > partly > fails (0, 1, 2); None otherwise."""
        return ORDERED.index(self) if self in ORDERED else None


ORDERED: tuple[Verdict, ...] = (Verdict.MEETS, Verdict.PARTLY, Verdict.FAILS)

VERDICT_LABELS: dict[Verdict, Text] = {
    Verdict.MEETS: t("voldoet", "meets"),
    Verdict.PARTLY: t("voldoet gedeeltelijk", "partly meets"),
    Verdict.FAILS: t("voldoet niet", "does not meet"),
    Verdict.NOT_APPLICABLE: t("niet van toepassing", "not applicable"),
    Verdict.NOT_ASSESSED: t("niet beoordeeld", "not assessed"),
}

# Traffic-light colours shared by the UI and the report (hex, no Qt or reportlab types).
VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.MEETS: "#2e7d32",
    Verdict.PARTLY: "#e69500",
    Verdict.FAILS: "#c62828",
    Verdict.NOT_APPLICABLE: "#8a8f98",
    Verdict.NOT_ASSESSED: "#d5d8dc",
}
