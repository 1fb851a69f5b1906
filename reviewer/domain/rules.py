"""Measurable rules: structured data over plan facts, evaluated by plain code.

A rule never contains an expression to evaluate. It names a collection of plan
elements, optional filters, and comparisons against thresholds. Four kinds:

- `each`: every (filtered) element must satisfy `all_of`, and at least one of the
  alternatives in `any_of` when given (the lighting requirement's options).
- `share`: the part of a measure (e.g. plinth length) whose elements match `part`,
  as a share of the total, per group (e.g. per street).
- `ratio`: the sum of a measure over (filtered) elements divided by a fact of another
  collection (play space area / residential area, the 3 % norm).
- `distribution`: how a weight (dwellings) spreads over categories (price class,
  tenure): number of distinct categories, largest share.

An element whose fact is unknown gets `not_assessed`, with a message naming the fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from reviewer.domain.plan import (
    COLLECTION_LABELS,
    ELEMENT_LABELS,
    FACTS,
    RULE_COLLECTIONS,
    Plan,
    value_label,
)
from reviewer.domain.text import Str, Text, t
from reviewer.domain.verdict import Verdict

# a threshold is finite: .inf or .nan would make a comparison meaningless
Scalar = Annotated[float, Field(allow_inf_nan=False)] | int | bool | Str


class Op(StrEnum):
    LE = "le"
    LT = "lt"
    GE = "ge"
    GT = "gt"
    EQ = "eq"
    NE = "ne"
    IN = "in"
    NOT_IN = "not_in"
    SET = "set"  # the fact is filled in and not empty


NUMERIC_OPS = {Op.LE, Op.LT, Op.GE, Op.GT}


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fact: str
    op: Op
    value: Scalar | list[Scalar] | None = None


class _RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    applies_to: str
    where: list[Condition] = Field(default_factory=list)
    if_none: Verdict = Verdict.NOT_APPLICABLE


class EachRule(_RuleBase):
    kind: Literal["each"]
    all_of: list[Condition] = Field(default_factory=list)
    any_of: list[list[Condition]] = Field(default_factory=list)


class ExistsRule(_RuleBase):
    """At least `min_count` (filtered) elements satisfy `all_of` (e.g. one social function)."""

    kind: Literal["exists"]
    all_of: list[Condition] = Field(default_factory=list)
    min_count: Annotated[int, Field(ge=1)] = 1
    if_none: Verdict = Verdict.FAILS


class ShareRule(_RuleBase):
    kind: Literal["share"]
    measure: str
    part: list[Condition]
    part_label: Text | None = None
    group_by: str | None = None
    op: Op
    value: float


class FactRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    collection: str
    fact: str


class RatioRule(_RuleBase):
    kind: Literal["ratio"]
    measure: str
    denominator: FactRef
    label: Text | None = None
    op: Op
    value: float


class DistributionCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    stat: Literal["distinct", "max_share"]
    op: Op
    value: float


class DistributionRule(_RuleBase):
    kind: Literal["distribution"]
    weight: str
    checks: list[DistributionCheck] = Field(min_length=1)


Rule = Annotated[
    EachRule | ExistsRule | ShareRule | RatioRule | DistributionRule, Field(discriminator="kind")
]


# ---------------------------------------------------------------- static checks


def rule_problems(rule: Any) -> list[str]:
    """Problems with a rule's references (unknown collection or fact, wrong operator)."""
    problems: list[str] = []
    coll = rule.applies_to
    if coll not in RULE_COLLECTIONS:
        known = ", ".join(RULE_COLLECTIONS)
        return [f"rule applies to unknown element type {coll!r} (known: {known})"]

    def fact_ok(name: str, collection: str = coll) -> None:
        if name not in FACTS.get(collection, {}):
            known = ", ".join(FACTS.get(collection, {}))
            problems.append(f"rule uses unknown fact {name!r} of {collection} (known: {known})")

    def cond_ok(cond: Condition) -> None:
        fact_ok(cond.fact)
        if cond.op in NUMERIC_OPS and not isinstance(cond.value, int | float):
            problems.append(
                f"rule compares {cond.fact!r} with {cond.op} but {cond.value!r} is not a number"
            )
        if cond.op in (Op.IN, Op.NOT_IN) and not isinstance(cond.value, list):
            problems.append(f"rule operator {cond.op} on {cond.fact!r} needs a list of values")
        if cond.op in (Op.EQ, Op.NE) and cond.value is None:
            problems.append(f"rule operator {cond.op} on {cond.fact!r} needs a value")

    for cond in rule.where:
        cond_ok(cond)
    if isinstance(rule, EachRule):
        if not rule.all_of and not rule.any_of:
            problems.append("an 'each' rule needs all_of or any_of conditions")
        for cond in rule.all_of:
            cond_ok(cond)
        for alternative in rule.any_of:
            if not alternative:
                problems.append("an any_of alternative is empty")
            for cond in alternative:
                cond_ok(cond)
    elif isinstance(rule, ExistsRule):
        for cond in rule.all_of:
            cond_ok(cond)
    elif isinstance(rule, ShareRule):
        fact_ok(rule.measure)
        for cond in rule.part:
            cond_ok(cond)
        if rule.group_by:
            fact_ok(rule.group_by)
        if rule.op not in NUMERIC_OPS:
            problems.append("a share rule compares with le, lt, ge or gt")
    elif isinstance(rule, RatioRule):
        fact_ok(rule.measure)
        if rule.denominator.collection not in RULE_COLLECTIONS:
            problems.append(
                f"rule denominator uses unknown element type {rule.denominator.collection!r}"
            )
        else:
            fact_ok(rule.denominator.fact, rule.denominator.collection)
        if rule.op not in NUMERIC_OPS:
            problems.append("a ratio rule compares with le, lt, ge or gt")
    elif isinstance(rule, DistributionRule):
        fact_ok(rule.weight)
        for check in rule.checks:
            fact_ok(check.category)
            if check.op not in NUMERIC_OPS:
                problems.append("a distribution check compares with le, lt, ge or gt")
    return problems


# ---------------------------------------------------------------- evaluation


class Evidence(BaseModel):
    """What a rule found for one element (or group): its verdict and why, in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    element: Str
    verdict: Verdict
    text: Text
    measured: Str = ""  # the measured value, as shown (e.g. "14"), for tables
    threshold: Str = ""  # the threshold, as shown (e.g. "max. 10")


@dataclass
class RuleResult:
    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)


_OP_WORDS: dict[Op, Text] = {
    Op.LE: t("max. {v}", "max. {v}"),
    Op.LT: t("minder dan {v}", "less than {v}"),
    Op.GE: t("min. {v}", "min. {v}"),
    Op.GT: t("meer dan {v}", "more than {v}"),
    Op.EQ: t("vereist: {v}", "required: {v}"),
    Op.NE: t("niet: {v}", "must not be: {v}"),
    Op.IN: t("toegestaan: {v}", "allowed: {v}"),
    Op.NOT_IN: t("niet toegestaan: {v}", "not allowed: {v}"),
    Op.SET: t("moet ingevuld zijn", "must be filled in"),
}


def _num(value: float, lang: str) -> str:
    return value_label(float(value), lang)


def _fmt(value: Any, lang: str, fact: str, unit: str = "") -> str:
    if isinstance(value, list):
        return ", ".join(_fmt(v, lang, fact) for v in value)
    if isinstance(value, bool) or value is None:
        return value_label(value, lang, fact)
    if isinstance(value, int | float):
        text = _num(value, lang)
        return f"{text} {unit}" if unit else text
    if isinstance(value, str):
        # threshold strings name enum values: show them as the UI does
        from reviewer.domain.plan import PRICE_CLASS_LABELS, VALUE_LABELS

        if fact == "price_class" and value in PRICE_CLASS_LABELS:
            return PRICE_CLASS_LABELS[value].get(lang)  # type: ignore[arg-type]
        if value in VALUE_LABELS:
            return VALUE_LABELS[value].get(lang)  # type: ignore[arg-type]
        return value
    return value_label(value, lang, fact)


def _raw(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def compare(actual: Any, op: Op, expected: Any) -> bool:
    """Compare a known fact value with a threshold. `actual` must not be None."""
    a = _raw(actual)
    if op is Op.SET:
        return a is not None and (not isinstance(a, str) or bool(a.strip()))
    if op in NUMERIC_OPS:
        if isinstance(a, bool) or not isinstance(a, int | float):
            return False
        e = float(expected)
        return {Op.LE: a <= e, Op.LT: a < e, Op.GE: a >= e, Op.GT: a > e}[op]
    if op is Op.EQ:
        return a == expected
    if op is Op.NE:
        return a != expected
    if op is Op.IN:
        return a in expected
    if op is Op.NOT_IN:
        return a not in expected
    raise ValueError(f"unknown operator {op}")  # pragma: no cover


def _missing(value: Any, op: Op) -> bool:
    return value is None


@dataclass
class _CondOutcome:
    ok: bool | None  # None: the fact is unknown
    text: Text
    measured: str
    threshold: str


def _cond(collection: str, element: Any, cond: Condition) -> _CondOutcome:
    info = FACTS[collection][cond.fact]
    value = getattr(element, cond.fact, None)
    unit = info.unit
    parts: dict[str, str] = {}
    thresholds: dict[str, str] = {}
    measured = {lang: _fmt(value, lang, cond.fact, unit) for lang in ("nl", "en")}
    for lang in ("nl", "en"):
        label = info.label.get(lang)  # type: ignore[arg-type]
        threshold = (
            _OP_WORDS[cond.op]
            .get(lang)
            .format(  # type: ignore[arg-type]
                v=_fmt(cond.value, lang, cond.fact, unit)
            )
        )
        thresholds[lang] = threshold
        if value is None:
            parts[lang] = f"{label} " + ("onbekend" if lang == "nl" else "unknown")
        elif isinstance(value, bool) or cond.op not in NUMERIC_OPS:
            empty = isinstance(value, str) and not value.strip()
            shown = ("leeg" if lang == "nl" else "empty") if empty else measured[lang]
            parts[lang] = f"{label}: {shown} ({threshold})"
        elif not unit and isinstance(value, int):
            parts[lang] = f"{measured[lang]} {label}, {threshold}"
        else:
            parts[lang] = f"{label} {measured[lang]}, {threshold}"
    ok = None if _missing(value, cond.op) else compare(value, cond.op, cond.value)
    return _CondOutcome(
        ok=ok,
        text=Text(nl=parts["nl"], en=parts["en"]),
        measured=measured["en"] if value is not None else "",
        threshold=thresholds["en"],
    )


def _element_name(collection: str, element: Any) -> Text:
    label = ELEMENT_LABELS[collection]
    ident = getattr(element, "id", "")
    if not ident:
        return label
    return Text(nl=f"{label.nl} {ident}", en=f"{label.en} {ident}")


def _join(name: Text, parts: list[Text]) -> Text:
    return Text(
        nl=f"{name.nl}: " + "; ".join(p.nl for p in parts),
        en=f"{name.en}: " + "; ".join(p.en for p in parts),
    )


def _combine(verdicts: list[Verdict], if_none: Verdict) -> Verdict:
    if not verdicts:
        return if_none
    if Verdict.FAILS in verdicts:
        return Verdict.FAILS
    if Verdict.NOT_ASSESSED in verdicts:
        return Verdict.NOT_ASSESSED
    return Verdict.MEETS


def _filtered(rule: Any, plan: Plan) -> tuple[list[Any], list[Evidence]]:
    """Elements passing the `where` filter, and evidence for those whose filter fact is unknown."""
    kept: list[Any] = []
    unknown: list[Evidence] = []
    for element in plan.elements(rule.applies_to):
        outcomes = [_cond(rule.applies_to, element, c) for c in rule.where]
        if any(o.ok is False for o in outcomes):
            continue
        missing = [o for o in outcomes if o.ok is None]
        if missing:
            name = _element_name(rule.applies_to, element)
            unknown.append(
                Evidence(
                    element=getattr(element, "id", ""),
                    verdict=Verdict.NOT_ASSESSED,
                    text=_join(name, [o.text for o in missing]),
                )
            )
            continue
        kept.append(element)
    return kept, unknown


def _none_evidence(rule: Any) -> Evidence:
    """Why a rule found nothing to check, so a verdict from `if_none` is never unexplained."""
    label = COLLECTION_LABELS[rule.applies_to]
    texts = {}
    for lang in ("nl", "en"):
        conds = "; ".join(_describe(rule.applies_to, c, lang) for c in rule.where)
        which = f" ({conds})" if conds else ""
        none = "geen in het plan" if lang == "nl" else "none in the plan"
        texts[lang] = f"{label.get(lang)}{which}: {none}"  # type: ignore[arg-type]
    return Evidence(element="", verdict=rule.if_none, text=Text(nl=texts["nl"], en=texts["en"]))


def _describe(collection: str, cond: Condition, lang: str) -> str:
    info = FACTS[collection][cond.fact]
    value = _fmt(cond.value, lang, cond.fact, info.unit)
    label = info.label.get(lang)  # type: ignore[arg-type]
    if cond.op in (Op.EQ, Op.IN):
        return f"{label}: {value}"
    return f"{label} " + _OP_WORDS[cond.op].get(lang).format(v=value)  # type: ignore[arg-type]


def _evaluate_each(rule: EachRule, plan: Plan) -> RuleResult:
    elements, evidence = _filtered(rule, plan)
    for element in elements:
        name = _element_name(rule.applies_to, element)
        outcomes = [_cond(rule.applies_to, element, c) for c in rule.all_of]
        shown = list(outcomes)
        verdicts = [o.ok for o in outcomes]
        if rule.any_of:
            alternatives = [
                [_cond(rule.applies_to, element, c) for c in alt] for alt in rule.any_of
            ]
            alt_ok: list[bool | None] = []
            for alt in alternatives:
                if all(o.ok for o in alt):
                    alt_ok.append(True)
                elif any(o.ok is False for o in alt):
                    alt_ok.append(False)
                else:
                    alt_ok.append(None)
            if True in alt_ok:
                winner = alternatives[alt_ok.index(True)]
                shown.extend(winner)
                verdicts.append(True)
            else:
                # show the facts once, with every option's thresholds
                shown.extend(alternatives[0])
                verdicts.append(None if None in alt_ok else False)
                options = Text(
                    nl=f"geen van de {len(alternatives)} toegestane combinaties gehaald",
                    en=f"none of the {len(alternatives)} permitted combinations met",
                )
                if None in alt_ok:
                    options = Text(
                        nl="niet alle waarden bekend om de combinaties te toetsen",
                        en="not all values known to test the combinations",
                    )
                shown.append(_CondOutcome(ok=None, text=options, measured="", threshold=""))
        if False in verdicts:
            verdict = Verdict.FAILS
        elif None in verdicts:
            verdict = Verdict.NOT_ASSESSED
        else:
            verdict = Verdict.MEETS
        evidence.append(
            Evidence(
                element=getattr(element, "id", ""),
                verdict=verdict,
                text=_join(name, [o.text for o in shown]),
                measured=", ".join(o.measured for o in shown if o.measured),
                threshold=", ".join(o.threshold for o in shown if o.threshold),
            )
        )
    if not evidence:
        return RuleResult(rule.if_none, [_none_evidence(rule)])
    return RuleResult(_combine([e.verdict for e in evidence], rule.if_none), evidence)


def _evaluate_exists(rule: ExistsRule, plan: Plan) -> RuleResult:
    elements, evidence = _filtered(rule, plan)
    if not elements and not evidence:
        return RuleResult(rule.if_none, [_none_evidence(rule)])
    met = 0
    unknown = bool(evidence)
    for element in elements:
        outcomes = [_cond(rule.applies_to, element, c) for c in rule.all_of]
        if all(o.ok for o in outcomes):
            met += 1
            verdict = Verdict.MEETS
        elif any(o.ok is False for o in outcomes):
            verdict = Verdict.FAILS
        else:
            verdict = Verdict.NOT_ASSESSED
            unknown = True
        evidence.append(
            Evidence(
                element=getattr(element, "id", ""),
                verdict=verdict,
                text=_join(_element_name(rule.applies_to, element), [o.text for o in outcomes]),
            )
        )
    if met >= rule.min_count:
        overall = Verdict.MEETS
    elif unknown:
        overall = Verdict.NOT_ASSESSED
    else:
        overall = Verdict.FAILS
    label = COLLECTION_LABELS[rule.applies_to]
    summary = Text(
        nl=f"{label.nl}: {met} van {len(elements)} voldoen, min. {rule.min_count}",
        en=f"{label.en}: {met} of {len(elements)} qualify, min. {rule.min_count}",
    )
    evidence.insert(
        0,
        Evidence(
            element="",
            verdict=overall,
            text=summary,
            measured=str(met),
            threshold=f"min. {rule.min_count}",
        ),
    )
    return RuleResult(overall, evidence)


def _pct(share: float, lang: str) -> str:
    return _num(round(share * 100, 1), lang) + " %"


def _threshold_pct(op: Op, value: float, lang: str) -> str:
    return _OP_WORDS[op].get(lang).format(v=_pct(value, lang))  # type: ignore[arg-type]


def _evaluate_share(rule: ShareRule, plan: Plan) -> RuleResult:
    elements, evidence = _filtered(rule, plan)
    unit = FACTS[rule.applies_to][rule.measure].unit
    groups: dict[str, list[Any]] = {}
    for element in elements:
        key = str(getattr(element, rule.group_by, "") or "") if rule.group_by else ""
        groups.setdefault(key, []).append(element)
    part_label = rule.part_label or t("deel", "part")
    for key, members in groups.items():
        unknown_measure = [m.id for m in members if getattr(m, rule.measure) is None]
        unknown_part = []
        part_total = 0.0
        total = 0.0
        for m in members:
            amount = getattr(m, rule.measure)
            if amount is None:
                continue
            total += amount
            outcomes = [_cond(rule.applies_to, m, c) for c in rule.part]
            if any(o.ok is None for o in outcomes):
                unknown_part.append(m.id)
            elif all(o.ok for o in outcomes):
                part_total += amount
        group_name = Text(nl=key or "Totaal", en=key or "Total")
        if unknown_measure or unknown_part or total == 0:
            ids = ", ".join(unknown_measure + unknown_part)
            info = FACTS[rule.applies_to]
            missing_fact = rule.measure if unknown_measure else rule.part[0].fact
            label = info[missing_fact].label
            evidence.append(
                Evidence(
                    element=key,
                    verdict=Verdict.NOT_ASSESSED,
                    text=Text(
                        nl=f"{group_name.nl}: {label.nl} onbekend bij {ids or 'alle'}",
                        en=f"{group_name.en}: {label.en} unknown for {ids or 'all'}",
                    ),
                )
            )
            continue
        share = part_total / total
        ok = compare(share, rule.op, rule.value)
        texts = {
            lang: (
                f"{group_name.get(lang)}: {_num(part_total, lang)} "  # type: ignore[arg-type]
                f"{'van' if lang == 'nl' else 'of'} {_num(total, lang)} {unit} "
                f"{part_label.get(lang)} ({_pct(share, lang)}), "  # type: ignore[arg-type]
                f"{_threshold_pct(rule.op, rule.value, lang)}"
            )
            for lang in ("nl", "en")
        }
        evidence.append(
            Evidence(
                element=key,
                verdict=Verdict.MEETS if ok else Verdict.FAILS,
                text=Text(nl=texts["nl"], en=texts["en"]),
                measured=_pct(share, "en"),
                threshold=_threshold_pct(rule.op, rule.value, "en"),
            )
        )
    return RuleResult(_combine([e.verdict for e in evidence], rule.if_none), evidence)


def _evaluate_ratio(rule: RatioRule, plan: Plan) -> RuleResult:
    elements, evidence = _filtered(rule, plan)
    info = FACTS[rule.applies_to][rule.measure]
    den_info = FACTS[rule.denominator.collection][rule.denominator.fact]
    label = rule.label or COLLECTION_LABELS[rule.applies_to]
    den_values = [
        getattr(e, rule.denominator.fact) for e in plan.elements(rule.denominator.collection)
    ]
    unknown = [e.id for e in elements if getattr(e, rule.measure) is None]
    if evidence or unknown:
        ids = ", ".join(unknown)
        evidence.append(
            Evidence(
                element="",
                verdict=Verdict.NOT_ASSESSED,
                text=Text(
                    nl=f"{label.nl}: {info.label.nl} onbekend bij {ids}",
                    en=f"{label.en}: {info.label.en} unknown for {ids}",
                ),
            )
        )
        return RuleResult(Verdict.NOT_ASSESSED, evidence)
    if not den_values or any(v is None for v in den_values) or sum(den_values) == 0:
        evidence.append(
            Evidence(
                element="",
                verdict=Verdict.NOT_ASSESSED,
                text=Text(
                    nl=f"{label.nl}: {den_info.label.nl} onbekend",
                    en=f"{label.en}: {den_info.label.en} unknown",
                ),
            )
        )
        return RuleResult(Verdict.NOT_ASSESSED, evidence)
    numerator = sum(getattr(e, rule.measure) for e in elements)
    denominator = float(sum(den_values))
    share = numerator / denominator
    ok = compare(share, rule.op, rule.value)
    texts = {
        lang: " ".join(
            part
            for part in (
                f"{label.get(lang)}:",  # type: ignore[arg-type]
                _num(numerator, lang),
                info.unit,
                "van" if lang == "nl" else "of",
                _num(denominator, lang),
                den_info.unit,
                f"{den_info.label.get(lang)} ({_pct(share, lang)}),",  # type: ignore[arg-type]
                _threshold_pct(rule.op, rule.value, lang),
            )
            if part
        )
        for lang in ("nl", "en")
    }
    verdict = Verdict.MEETS if ok else Verdict.FAILS
    evidence.append(
        Evidence(
            element="",
            verdict=verdict,
            text=Text(nl=texts["nl"], en=texts["en"]),
            measured=_pct(share, "en"),
            threshold=_threshold_pct(rule.op, rule.value, "en"),
        )
    )
    return RuleResult(verdict, evidence)


def _evaluate_distribution(rule: DistributionRule, plan: Plan) -> RuleResult:
    elements, evidence = _filtered(rule, plan)
    facts = FACTS[rule.applies_to]
    if not elements and not evidence:
        return RuleResult(rule.if_none, [])
    for check in rule.checks:
        cat_label = facts[check.category].label
        unknown = [
            e.id
            for e in elements
            if getattr(e, check.category) is None or getattr(e, rule.weight) is None
        ]
        if unknown:
            evidence.append(
                Evidence(
                    element="",
                    verdict=Verdict.NOT_ASSESSED,
                    text=Text(
                        nl=f"{cat_label.nl}: onbekend bij {', '.join(unknown)}",
                        en=f"{cat_label.en}: unknown for {', '.join(unknown)}",
                    ),
                )
            )
            continue
        weights: dict[Any, float] = {}
        for e in elements:
            weights[getattr(e, check.category)] = weights.get(getattr(e, check.category), 0) + (
                getattr(e, rule.weight)
            )
        total = sum(weights.values())
        present = {k: w for k, w in weights.items() if w > 0}
        if total == 0:
            evidence.append(
                Evidence(
                    element="",
                    verdict=Verdict.NOT_ASSESSED,
                    text=Text(
                        nl=f"{cat_label.nl}: geen woningen", en=f"{cat_label.en}: no dwellings"
                    ),
                )
            )
            continue
        spread = {
            lang: ", ".join(
                f"{value_label(k, lang, check.category)} {_pct(w / total, lang)}"
                for k, w in sorted(present.items(), key=lambda kv: -kv[1])
            )
            for lang in ("nl", "en")
        }
        if check.stat == "distinct":
            measured = float(len(present))
            ok = compare(measured, check.op, check.value)
            texts = {
                lang: (
                    f"{cat_label.get(lang)}: {len(present)} "  # type: ignore[arg-type]
                    f"({spread[lang]}), "
                    + _OP_WORDS[check.op].get(lang).format(v=_num(check.value, lang))  # type: ignore[arg-type]
                )
                for lang in ("nl", "en")
            }
            shown, threshold = (
                str(len(present)),
                _OP_WORDS[check.op].en.format(v=_num(check.value, "en")),
            )
        else:
            largest_key, largest = max(present.items(), key=lambda kv: kv[1])
            share = largest / total
            ok = compare(share, check.op, check.value)
            texts = {
                lang: (
                    ("grootste " if lang == "nl" else "largest ")
                    + f"{cat_label.get(lang)}: "  # type: ignore[arg-type]
                    + f"{value_label(largest_key, lang, check.category)} {_pct(share, lang)}, "
                    + _threshold_pct(check.op, check.value, lang)
                )
                for lang in ("nl", "en")
            }
            shown, threshold = _pct(share, "en"), _threshold_pct(check.op, check.value, "en")
        evidence.append(
            Evidence(
                element="",
                verdict=Verdict.MEETS if ok else Verdict.FAILS,
                text=Text(nl=texts["nl"], en=texts["en"]),
                measured=shown,
                threshold=threshold,
            )
        )
    return RuleResult(_combine([e.verdict for e in evidence], rule.if_none), evidence)


def evaluate(rule: Any, plan: Plan) -> RuleResult:
    """Evaluate one rule against a plan: an overall verdict and evidence per element."""
    if isinstance(rule, EachRule):
        return _evaluate_each(rule, plan)
    if isinstance(rule, ExistsRule):
        return _evaluate_exists(rule, plan)
    if isinstance(rule, ShareRule):
        return _evaluate_share(rule, plan)
    if isinstance(rule, RatioRule):
        return _evaluate_ratio(rule, plan)
    if isinstance(rule, DistributionRule):
        return _evaluate_distribution(rule, plan)
    raise TypeError(f"not a rule: {rule!r}")
