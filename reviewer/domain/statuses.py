"""The statuses of a comparison: of a criterion between two reviews of one plan (a
workshop) and between two revisions. Their labels, colours and order are shared by the
interface and the report; kept apart from `compare` so that what only shows a status
(verdict_style, at start-up) does not load the comparison itself."""

from __future__ import annotations

from enum import StrEnum

from reviewer.domain.text import Text, t
from reviewer.domain.verdict import VERDICT_COLOURS, Verdict

__all__ = [
    "ONE_SIDED_COLOUR",
    "REVISION_COLOURS",
    "REVISION_LABELS",
    "REVISION_ORDER",
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "STATUS_ORDER",
    "ItemStatus",
    "RevisionStatus",
]


class ItemStatus(StrEnum):
    AGREE = "agree"
    DIFFER = "differ"  # one step apart on meets > partly > fails, or n/a on one side only
    CONFLICT = "conflict"  # meets against fails
    ONLY_A = "only_a"  # assessed by side A only
    ONLY_B = "only_b"
    NEITHER = "neither"

    @property
    def label(self) -> Text:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[ItemStatus, Text] = {
    ItemStatus.AGREE: t("eens", "agree"),
    ItemStatus.DIFFER: t("verschil", "differ"),
    ItemStatus.CONFLICT: t("conflict", "conflict"),
    ItemStatus.ONLY_A: t("alleen A", "only A"),
    ItemStatus.ONLY_B: t("alleen B", "only B"),
    ItemStatus.NEITHER: t("geen van beide", "neither"),
}

# The colours shared by the UI and the report (hex, no Qt or reportlab types): conflict
# red, difference amber, one side only blue, agreement green, neither grey.
ONE_SIDED_COLOUR = "#1e6bb8"
STATUS_COLOURS: dict[ItemStatus, str] = {
    ItemStatus.CONFLICT: VERDICT_COLOURS[Verdict.FAILS],
    ItemStatus.DIFFER: VERDICT_COLOURS[Verdict.PARTLY],
    ItemStatus.ONLY_A: ONE_SIDED_COLOUR,
    ItemStatus.ONLY_B: ONE_SIDED_COLOUR,
    ItemStatus.AGREE: VERDICT_COLOURS[Verdict.MEETS],
    ItemStatus.NEITHER: VERDICT_COLOURS[Verdict.NOT_APPLICABLE],
}
# the order statuses are shown and discussed in: most pressing first
STATUS_ORDER: tuple[ItemStatus, ...] = (
    ItemStatus.CONFLICT,
    ItemStatus.DIFFER,
    ItemStatus.ONLY_A,
    ItemStatus.ONLY_B,
    ItemStatus.AGREE,
    ItemStatus.NEITHER,
)


class RevisionStatus(StrEnum):
    RESOLVED = "resolved"  # a finding (partly/fails) that the new revision no longer has
    NEW = "new"  # a finding the new revision has and the old one did not
    STILL_OPEN = "still_open"  # the same finding in both
    CHANGED = "changed"  # any other change of verdict (fails -> partly, meets -> n/a, ...)
    UNCHANGED = "unchanged"

    @property
    def label(self) -> Text:
        return REVISION_LABELS[self]


REVISION_LABELS: dict[RevisionStatus, Text] = {
    RevisionStatus.RESOLVED: t("opgelost", "resolved"),
    RevisionStatus.NEW: t("nieuw", "new"),
    RevisionStatus.STILL_OPEN: t("nog open", "still open"),
    RevisionStatus.CHANGED: t("gewijzigd", "changed"),
    RevisionStatus.UNCHANGED: t("ongewijzigd", "unchanged"),
}
# resolved green, new red, still open amber, changed blue, unchanged grey
REVISION_COLOURS: dict[RevisionStatus, str] = {
    RevisionStatus.RESOLVED: VERDICT_COLOURS[Verdict.MEETS],
    RevisionStatus.NEW: VERDICT_COLOURS[Verdict.FAILS],
    RevisionStatus.STILL_OPEN: VERDICT_COLOURS[Verdict.PARTLY],
    RevisionStatus.CHANGED: ONE_SIDED_COLOUR,
    RevisionStatus.UNCHANGED: VERDICT_COLOURS[Verdict.NOT_APPLICABLE],
}
# the order revision statuses are grouped in: resolved first
REVISION_ORDER: tuple[RevisionStatus, ...] = (
    RevisionStatus.RESOLVED,
    RevisionStatus.NEW,
    RevisionStatus.STILL_OPEN,
    RevisionStatus.CHANGED,
    RevisionStatus.UNCHANGED,
)
