"""The checklist: sections (scale levels) of criteria, with rules and outcome rules as data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from reviewer.domain.plan import VALUE_LABELS, PlanType, Stage
from reviewer.domain.rules import Rule, rule_problems
from reviewer.domain.text import Repaired, Text
from reviewer.domain.verdict import Verdict

CriterionId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", max_length=40)]


class Perspective(StrEnum):
    SAFETY = "safety"
    COHESION = "cohesion"

    @property
    def label(self) -> Text:
        return PERSPECTIVE_LABELS[self]


PERSPECTIVE_LABELS = {
    Perspective.SAFETY: Text(nl="Veiligheid", en="Safety"),
    Perspective.COHESION: Text(nl="Cohesie", en="Cohesion"),
}


class Level(StrEnum):
    REQUIREMENT = "requirement"
    RECOMMENDATION = "recommendation"

    @property
    def label(self) -> Text:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.REQUIREMENT: Text(nl="eis", en="requirement"),
    Level.RECOMMENDATION: Text(nl="aanbeveling", en="recommendation"),
}


class Applies(BaseModel):
    """For which plan types and stages a criterion applies; an empty list means all.

    Outside them the criterion is not applicable *by scope*: shown as such, never counted
    as met, so that a renovation is not failed on new-build law and a sketch is not judged
    on lock classes. A plan whose type or stage is not given gets every criterion.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan_types: list[PlanType] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)

    def excludes(self, plan_type: PlanType | None, stage: Stage | None) -> Text | None:
        """Why a plan of this type and stage is outside, or None when it is inside."""
        if plan_type is not None and self.plan_types and plan_type not in self.plan_types:
            return _scope_text("alleen bij", "only for", self.plan_types)
        if stage is not None and self.stages and stage not in self.stages:
            order = list(Stage)
            first = min(self.stages, key=order.index)
            if set(self.stages) == set(order[order.index(first) :]):  # from a stage on
                label = VALUE_LABELS[first.value]
                return Text(
                    nl=f"Niet van toepassing: pas vanaf de fase {label.nl}",
                    en=f"Not applicable: only from the {label.en} stage on",
                )
            return _scope_text("alleen in de fase", "only at", self.stages)
        return None


def _scope_text(nl: str, en: str, values: list[PlanType] | list[Stage]) -> Text:
    return Text(
        nl=f"Niet van toepassing: {nl} " + ", ".join(VALUE_LABELS[v.value].nl for v in values),
        en=f"Not applicable: {en} " + ", ".join(VALUE_LABELS[v.value].en for v in values),
    )


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: CriterionId
    title: Text
    guidance: Text
    perspectives: Annotated[list[Perspective], Field(min_length=1, max_length=2)]
    level: Level
    source: Text
    rule: Rule | None = None
    tension_with: list[CriterionId] = Field(default_factory=list)
    applies: Applies = Field(default_factory=Applies)
    # set by a profile (see domain/profile.py): what it changed here, and why
    profile_note: Text | None = None

    @property
    def is_requirement(self) -> bool:
        return self.level is Level.REQUIREMENT


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*$", max_length=12)]
    title: Text
    description: Text | None = None
    criteria: Annotated[list[Criterion], Field(min_length=1)]


class OutcomeResult(StrEnum):
    POSITIVE = "positive"
    CONDITIONAL = "conditional"  # positief, mits…
    NEGATIVE = "negative"
    INCOMPLETE = "incomplete"

    @property
    def label(self) -> Text:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    OutcomeResult.POSITIVE: Text(nl="Positief advies", en="Positive advice"),
    OutcomeResult.CONDITIONAL: Text(
        nl="Positief advies onder voorwaarden", en="Positive advice on conditions"
    ),
    OutcomeResult.NEGATIVE: Text(nl="Negatief advies", en="Negative advice"),
    OutcomeResult.INCOMPLETE: Text(nl="Nog geen advies", en="No advice yet"),
}


class OutcomeCondition(BaseModel):
    """Matches when at least `min_count` in-scope criteria of `level` (any, when not given)
    have one of `verdicts` (any, when not given) and, with `condition`, do (true) or do not
    (false) carry a condition that answers them (a measure of kind "condition")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level | None = None
    verdicts: Annotated[list[Verdict], Field(min_length=1)] | None = None
    condition: bool | None = None
    min_count: Annotated[int, Field(ge=1)] = 1


class OutcomeRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    result: OutcomeResult
    when: OutcomeCondition
    text: Text


class OutcomeSpec(BaseModel):
    """Rules tried in order; the first that matches gives the outcome, else `default`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[OutcomeRule] = Field(default_factory=list)
    default: OutcomeResult = OutcomeResult.POSITIVE
    default_text: Text
    tally: list[Verdict] = Field(
        default_factory=lambda: [Verdict.MEETS, Verdict.PARTLY, Verdict.FAILS],
        description="verdicts counted per section (BHL-like traffic-light tally)",
    )


class ProfileRef(BaseModel):
    """Which profile a checklist snapshot was made under: a review records it this way."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1, max_length=80), Repaired]
    version: Annotated[str, Field(min_length=1, max_length=40), Repaired]
    title: Text


class Checklist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1), Repaired]
    version: Annotated[str, Field(min_length=1), Repaired]
    title: Text
    description: Text | None = None
    languages: list[str] = Field(default_factory=lambda: ["nl", "en"])
    sections: Annotated[list[Section], Field(min_length=1)]
    outcome: OutcomeSpec
    # the profile this checklist was narrowed by (see domain/profile.py), if any
    profile: ProfileRef | None = None

    def criteria(self) -> list[Criterion]:
        return [c for s in self.sections for c in s.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria():
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def section_of(self, criterion_id: str) -> Section:
        for s in self.sections:
            if any(c.id == criterion_id for c in s.criteria):
                return s
        raise KeyError(criterion_id)

    def tension_pairs(self) -> list[tuple[str, str]]:
        """Each tension once, as an ordered pair in checklist order."""
        order = {c.id: i for i, c in enumerate(self.criteria())}
        pairs: set[tuple[str, str]] = set()
        for c in self.criteria():
            for other in c.tension_with:
                if other in order:
                    pairs.add(tuple(sorted((c.id, other), key=order.__getitem__)))  # type: ignore[arg-type]
        return sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))


class ChecklistError(Exception):
    """A checklist that cannot be used; `problems` lists every problem found, one per line."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _criterion_id_at(raw: Any, loc: tuple[Any, ...]) -> tuple[str | None, int]:
    """The criterion id for a validation error location, and where in `loc` it was found."""
    node = raw
    found: tuple[str | None, int] = (None, 0)
    for depth, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if (
            isinstance(node, dict)
            and "criteria" not in node
            and isinstance(node.get("id"), str)
            and "title" in node
            and ("guidance" in node or "perspectives" in node)
        ):
            found = (node["id"], depth + 1)
    return found


def _loc_text(loc: tuple[Any, ...]) -> str:
    # drop the discriminator tags pydantic adds for unions ("each", "share", ...)
    parts = [str(p) for p in loc if p not in ("each", "share", "ratio", "distribution")]
    return ".".join(parts)


Loc = tuple[Any, ...]


def _raw_criteria(raw: dict[str, Any]) -> list[tuple[Loc, dict[str, Any]]]:
    """Every criterion in the raw data with its location."""
    out: list[tuple[Loc, dict[str, Any]]] = []
    sections = raw.get("sections")
    if not isinstance(sections, list):
        return out
    for i, section in enumerate(sections):
        if isinstance(section, dict) and isinstance(section.get("criteria"), list):
            out.extend(
                (("sections", i, "criteria", j), c)
                for j, c in enumerate(section["criteria"])
                if isinstance(c, dict)
            )
    return out


@functools.cache
def _rule_adapter() -> TypeAdapter[Any]:
    return TypeAdapter(Rule)  # built once: building it costs milliseconds


def _semantic_problems(raw: dict[str, Any], source: str) -> list[tuple[Loc, str]]:
    """Cross-reference checks on the raw data, so they run even when fields are invalid.
    Each problem comes with the location it is about."""
    problems: list[tuple[Loc, str]] = []
    criteria = _raw_criteria(raw)
    ids: dict[str, list[Loc]] = {}
    for loc, c in criteria:
        cid = c.get("id")
        if isinstance(cid, str):
            ids.setdefault(cid, []).append(loc)
    for cid, locs in ids.items():
        if len(locs) > 1:
            problems.append(
                (
                    (*locs[1], "id"),
                    f"{source}: criterion {cid}: id: duplicate id (used {len(locs)} times)",
                )
            )
    sections = raw.get("sections")
    section_ids: dict[str, list[int]] = {}
    for i, s in enumerate(sections if isinstance(sections, list) else []):
        if isinstance(s, dict) and isinstance(s.get("id"), str):
            section_ids.setdefault(s["id"], []).append(i)
    for sid in sorted(sid for sid, where in section_ids.items() if len(where) > 1):
        problems.append(
            (
                ("sections", section_ids[sid][1], "id"),
                f"{source}: section {sid}: id: duplicate section id",
            )
        )
    rule_adapter = _rule_adapter()
    for loc, c in criteria:
        cid = c.get("id") if isinstance(c.get("id"), str) else "?"
        tensions = c.get("tension_with") or []
        for k, other in enumerate(tensions if isinstance(tensions, list) else []):
            if not isinstance(other, str):
                continue  # reported by the model validation
            where = (*loc, "tension_with", k)
            if other == cid:
                problems.append(
                    (where, f"{source}: criterion {cid}: tension_with: points to itself")
                )
            elif other not in ids:
                problems.append(
                    (
                        where,
                        f"{source}: criterion {cid}: tension_with: {other!r} is not a criterion "
                        "in this checklist",
                    )
                )
        if c.get("rule") is not None:
            try:
                rule = rule_adapter.validate_python(c["rule"])
            except ValidationError:
                continue  # reported by the model validation
            for problem in rule_problems(rule):
                problems.append(((*loc, "rule"), f"{source}: criterion {cid}: rule: {problem}"))
    languages = raw.get("languages")
    for k, lang in enumerate(languages if isinstance(languages, list) else []):
        if lang not in ("nl", "en"):
            problems.append(
                (("languages", k), f"{source}: languages: unsupported language {lang!r}")
            )
    return problems


def checklist_from_data(
    raw: Any,
    source: str = "<checklist>",
    line_of: Callable[[Loc], int | None] | None = None,
) -> Checklist:
    """Validate raw (YAML-loaded) data into a Checklist, or raise ChecklistError with all problems.

    Every problem names the file (`source`), the criterion id where there is one, and the
    field; with `line_of` (location -> line in the file) also the line: "... (line 12)".
    """
    if not isinstance(raw, dict):
        raise ChecklistError(source, ["the file does not contain a checklist (expected a mapping)"])
    found: list[tuple[Loc, str]] = []
    checklist: Checklist | None = None
    try:
        checklist = Checklist.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            cid, depth = _criterion_id_at(raw, loc)
            where = f"criterion {cid}: " if cid else ""
            field = _loc_text(loc[depth:] if cid else loc) or "criterion"
            message = err["msg"]
            if err["type"] == "missing" and loc and loc[-1] in ("nl", "en"):
                message = f"missing language {loc[-1]!r}"
            found.append((loc, f"{source}: {where}{field}: {message}"))
    except RecursionError:
        found.append(((), f"{source}: the checklist is nested too deeply"))
    found.extend(_semantic_problems(raw, source))
    problems = []
    for loc, problem in found:
        line = line_of(loc) if line_of is not None and loc else None
        problems.append(f"{problem} (line {line})" if line else problem)
    if problems or checklist is None:
        raise ChecklistError(source, problems)
    return checklist


def checklist_json_schema() -> dict[str, Any]:
    schema = Checklist.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Safety & Cohesion checklist"
    return schema
