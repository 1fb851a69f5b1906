"""Profiles: a named selection over a checklist that may raise levels and set thresholds.

A profile is data next to the checklist (`checklists/profiles/*.yaml`): the label
"Veiligheid en Cohesie" that makes a package of cohesion recommendations requirements
(the essay's seventh thesis), or a municipality's own thresholds. Applying one gives a
checklist snapshot of its own: the excluded criteria left out, levels raised, thresholds
set, each changed criterion carrying a `profile_note` that says what changed and why, and
the snapshot naming the profile (`Checklist.profile`). A review made under a profile
embeds that snapshot, so it records the profile and reads the same when the files change.

A profile may raise a recommendation to a requirement, never lower a requirement: a
requirement in the checklist stands on law or on the police label, and a local selection
cannot waive it (it can leave a criterion out, which the report then does not claim).

Threshold keys, per rule kind:
- `each` / `exists`: a fact named by a condition in `all_of` or `any_of` (every such
  condition on that fact gets the value);
- `share` / `ratio`: `value`;
- `distribution`: `<category>.<stat>`, e.g. `price_class.max_share`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from reviewer.domain.checklist import (
    Checklist,
    Criterion,
    CriterionId,
    Level,
    ProfileRef,
)
from reviewer.domain.numbers import format_number
from reviewer.domain.rules import NUMERIC_OPS, Scalar
from reviewer.domain.text import Repaired, Text


class CriterionChange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level | None = None
    thresholds: dict[str, Scalar] = Field(default_factory=dict)
    note: Text | None = None  # why the profile asks this


class ChecklistRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1), Repaired]
    version: Annotated[str, Field(min_length=1), Repaired]


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
    version: Annotated[str, Field(min_length=1, max_length=40), Repaired]
    title: Text
    description: Text | None = None
    checklist: ChecklistRef
    exclude: list[CriterionId] = Field(default_factory=list)
    criteria: dict[CriterionId, CriterionChange] = Field(default_factory=dict)

    @property
    def ref(self) -> ProfileRef:
        return ProfileRef(id=self.id, version=self.version, title=self.title)


class ProfileError(Exception):
    """A profile that cannot be applied to a checklist; `problems` lists every problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _threshold_slots(rule: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Threshold key -> the places in the dumped rule that hold its value."""
    slots: dict[str, list[tuple[Any, ...]]] = {}
    kind = rule.kind
    if kind in ("each", "exists"):
        for i, cond in enumerate(rule.all_of):
            slots.setdefault(cond.fact, []).append(("all_of", i, "value"))
        for j, alternative in enumerate(getattr(rule, "any_of", [])):
            for i, cond in enumerate(alternative):
                slots.setdefault(cond.fact, []).append(("any_of", j, i, "value"))
    elif kind in ("share", "ratio"):
        slots["value"] = [("value",)]
    elif kind == "distribution":
        for i, check in enumerate(rule.checks):
            slots.setdefault(f"{check.category}.{check.stat}", []).append(("checks", i, "value"))
    return slots


def _numeric_slot(rule: Any, path: tuple[Any, ...]) -> bool:
    """Whether the threshold at `path` is compared as a number."""
    if path == ("value",):
        return True
    node: Any = rule
    for part in path[:-1]:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node.op in NUMERIC_OPS


def profile_problems(profile: Profile, checklist: Checklist, source: str = "profile") -> list[str]:
    """Every reason the profile cannot be applied to `checklist`, one per line."""
    problems: list[str] = []
    if profile.checklist.id != checklist.id:
        problems.append(
            f"{source}: made for checklist {profile.checklist.id!r}, not {checklist.id!r}"
        )
        return problems
    if profile.checklist.version.split(".")[0] != checklist.version.split(".")[0]:
        problems.append(
            f"{source}: made for version {profile.checklist.version} of the checklist, "
            f"not {checklist.version}"
        )
    known = {c.id: c for c in checklist.criteria()}
    for cid in profile.exclude:
        if cid not in known:
            problems.append(f"{source}: exclude: {cid} is not a criterion of the checklist")
        if cid in profile.criteria:
            problems.append(f"{source}: {cid} is both excluded and changed")
    for cid, change in profile.criteria.items():
        criterion = known.get(cid)
        if criterion is None:
            problems.append(f"{source}: criteria: {cid} is not a criterion of the checklist")
            continue
        if change.level is Level.RECOMMENDATION and criterion.is_requirement:
            problems.append(
                f"{source}: criterion {cid}: a profile cannot lower a requirement to a "
                "recommendation"
            )
        if change.thresholds and criterion.rule is None:
            problems.append(f"{source}: criterion {cid}: sets thresholds, but has no rule")
            continue
        slots = _threshold_slots(criterion.rule) if criterion.rule else {}
        for key, value in change.thresholds.items():
            if key not in slots:
                known_keys = ", ".join(sorted(slots)) or "none"
                problems.append(
                    f"{source}: criterion {cid}: threshold {key!r} is not in its rule "
                    f"(thresholds: {known_keys})"
                )
                continue
            numeric = any(_numeric_slot(criterion.rule, path) for path in slots[key])
            if numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
                problems.append(
                    f"{source}: criterion {cid}: threshold {key!r} must be a number, not {value!r}"
                )
    return problems


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return {"nl": "ja", "en": "yes"}[lang] if value else {"nl": "nee", "en": "no"}[lang]
    if isinstance(value, int | float):
        return format_number(value, lang)
    return str(value)


def _changed_criterion(criterion: Criterion, change: CriterionChange, profile: Profile) -> Any:
    data = criterion.model_dump(mode="json", exclude_none=True)
    parts: dict[str, list[str]] = {"nl": [], "en": []}
    if change.level is Level.REQUIREMENT and not criterion.is_requirement:
        data["level"] = Level.REQUIREMENT.value
        parts["nl"].append("eis in dit profiel (in de toetslijst een aanbeveling)")
        parts["en"].append("a requirement in this profile (a recommendation in the checklist)")
    if change.thresholds and criterion.rule is not None:
        slots = _threshold_slots(criterion.rule)
        for key, value in change.thresholds.items():
            old = None
            for path in slots[key]:
                node: Any = data["rule"]
                for part in path[:-1]:
                    node = node[part]
                old = node[path[-1]]
                _set(data["rule"], path, value)
            for lang in ("nl", "en"):
                was = "toetslijst" if lang == "nl" else "checklist"
                parts[lang].append(f"{key}: {_shown(value, lang)} ({was}: {_shown(old, lang)})")
    title = profile.title
    note = Text(
        nl=f"Profiel {title.nl}: " + "; ".join(parts["nl"])
        if parts["nl"]
        else f"Profiel {title.nl}",
        en=f"Profile {title.en}: " + "; ".join(parts["en"])
        if parts["en"]
        else f"Profile {title.en}",
    )
    if change.note is not None:
        note = Text(nl=f"{note.nl}. {change.note.nl}", en=f"{note.en}. {change.note.en}")
    data["profile_note"] = note.model_dump()
    return data


def apply_profile(checklist: Checklist, profile: Profile, source: str = "profile") -> Checklist:
    """The checklist as the profile selects and sharpens it; raises ProfileError."""
    problems = profile_problems(profile, checklist, source)
    if problems:
        raise ProfileError(source, problems)
    excluded = set(profile.exclude)
    data = checklist.model_dump(mode="json", exclude_none=True)
    sections = []
    for section, raw_section in zip(checklist.sections, data["sections"], strict=True):
        criteria = []
        for criterion, raw in zip(section.criteria, raw_section["criteria"], strict=True):
            if criterion.id in excluded:
                continue
            if criterion.id in profile.criteria:
                raw = _changed_criterion(criterion, profile.criteria[criterion.id], profile)
            raw["tension_with"] = [t for t in raw.get("tension_with", []) if t not in excluded]
            criteria.append(raw)
        if criteria:
            sections.append({**raw_section, "criteria": criteria})
    data["sections"] = sections
    data["profile"] = profile.ref.model_dump(mode="json")
    return Checklist.model_validate(data)


def profile_json_schema() -> dict[str, Any]:
    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Safety & Cohesion checklist profile"
    return schema
