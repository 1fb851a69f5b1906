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

from reviewer.domain.numbers import format_number
from reviewer.domain.plan import (
    COLLECTION_LABELS,
    ELEMENT_LABELS,
    FACTS,
    PRICE_CLASS_LABELS,
    RULE_COLLECTIONS,
    VALUE_LABELS,
    Plan,
    value_label,
)
from reviewer.domain.text import Str, Text, plural_text, t
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


# ---------------------------------------------------------------- evaluation


class Evidence(BaseModel):
    """What a rule found for one element (or group): its verdict and why, in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    element: Str
    verdict: Verdict
    text: Text
    measured: Str = ""  # the measured value, as shown (e.g. "14"), for tables
    threshold: Str = ""  # the threshold, as shown (e.g. "max. 10")

    # Compared by the thousand when the rules are evaluated again after an edit (is the
    # new evidence what the review holds?): the fields directly, not pydantic's general
    # comparison, which costs several times as much.
    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Evidence):
            return NotImplemented
        return (
            self.element == other.element
            and self.verdict == other.verdict
            and self.measured == other.measured
            and self.threshold == other.threshold
            and self.text.nl == other.text.nl
            and self.text.en == other.text.en
        )

    def __hash__(self) -> int:
        return hash((self.element, self.verdict, self.text.nl, self.text.en))


@dataclass
class RuleResult:
    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)


# The norm in words. Evidence states the norm as a norm, after what the plan gives:
# "hoogte 1,2 m; norm: lager dan 1,0 m", "toegangscontrole: sleutel; vereist: intercom of
# video-intercom". A requirement on a value that is not a number is printed only when it
# is not met: "verlicht: ja" needs no "(vereist: ja)" behind it.
_OP_WORDS: dict[Op, Text] = {
    Op.LE: t("ten hoogste {v}", "at most {v}"),
    Op.LT: t("lager dan {v}", "below {v}"),
    Op.GE: t("ten minste {v}", "at least {v}"),
    Op.GT: t("hoger dan {v}", "above {v}"),
    Op.EQ: t("{v}", "{v}"),
    Op.NE: t("{v}", "{v}"),
    Op.IN: t("{v}", "{v}"),
    Op.NOT_IN: t("{v}", "{v}"),
    Op.SET: t("ingevuld", "filled in"),
}
_NORM = t("norm: {norm}", "norm: {norm}")  # a number: the norm, met or not
_REQUIRED = t("vereist: {norm}", "required: {norm}")  # anything else, only when not met
_NOT_ALLOWED = t("niet toegestaan: {norm}", "not allowed: {norm}")
_OR = t(" of ", " or ")


def _num(value: float, lang: str) -> str:
    return value_label(float(value), lang)


def _decimals(value: float) -> int:
    """How many decimals a number shows (at most two, as `format_number` writes it)."""
    text = f"{float(value):.2f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _num_as(value: float, other: float, lang: str) -> str:
    """`value` with as many decimals as the more precise of `value` and `other`, so that
    a fact and its norm read alike: "1,2 m" against "1,0 m", not "1 m"."""
    decimals = max(_decimals(value), _decimals(other))
    return format_number(float(value), lang, decimals=decimals or None)


def _norm(op: Op, text: str, lang: str) -> str:
    """ "norm: ten hoogste 10" for a number, "vereist: ja" for anything else."""
    words = _OP_WORDS[op].get(lang).format(v=text)  # type: ignore[arg-type]
    if op in NUMERIC_OPS:
        frame = _NORM
    elif op in (Op.NE, Op.NOT_IN):
        frame = _NOT_ALLOWED
    else:
        frame = _REQUIRED
    return frame.get(lang).format(norm=words)  # type: ignore[arg-type]


def _fmt(value: Any, lang: str, fact: str, unit: str = "", join: str = ", ") -> str:
    if isinstance(value, list):
        return join.join(_fmt(v, lang, fact) for v in value)
    if isinstance(value, bool) or value is None:
        return value_label(value, lang, fact)
    if isinstance(value, int | float):
        text = _num(value, lang)
        return f"{text} {unit}" if unit else text
    if isinstance(value, str):
        # threshold strings name enum values: show them as the UI does
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
    ok = None if _missing(value, cond.op) else compare(value, cond.op, cond.value)
    numeric = (
        cond.op in NUMERIC_OPS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and isinstance(cond.value, int | float)
    )
    for lang in ("nl", "en"):
        label = info.label.get(lang)  # type: ignore[arg-type]
        join = _OR.get(lang)  # type: ignore[arg-type]
        if numeric:
            shown = _num_as(value, cond.value, lang)  # type: ignore[arg-type]
            norm_value = _num_as(cond.value, value, lang)  # type: ignore[arg-type]
            if unit:
                shown, norm_value = f"{shown} {unit}", f"{norm_value} {unit}"
        else:
            shown = measured[lang]
            norm_value = _fmt(cond.value, lang, cond.fact, unit, join)
        norm = _norm(cond.op, norm_value, lang)
        thresholds[lang] = _OP_WORDS[cond.op].get(lang).format(v=norm_value)  # type: ignore[arg-type]
        if value is None:
            parts[lang] = f"{label} " + ("onbekend" if lang == "nl" else "unknown")
        elif not numeric:
            empty = isinstance(value, str) and not value.strip()
            if empty:
                shown = "niet ingevuld" if lang == "nl" else "not filled in"
            # met, or "niet ingevuld" (which says what is missing): no norm behind it
            plain = ok or cond.op is Op.SET
            parts[lang] = f"{label}: {shown}" if plain else f"{label}: {shown}; {norm}"
        elif not unit and isinstance(value, int):
            parts[lang] = f"{shown} {label}; {norm}"
        else:
            parts[lang] = f"{label} {shown}; {norm}"
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
    """An element and what was found, one sentence per condition: "Galerij G1: 18
    woningen; norm: ten hoogste 10. Lengte 70 m; norm: ten hoogste 50 m"."""

    def sentences(texts: list[str]) -> str:
        return ". ".join(
            text if i == 0 else text[:1].upper() + text[1:] for i, text in enumerate(texts)
        )

    return Text(
        nl=f"{name.nl}: " + sentences([p.nl for p in parts]),
        en=f"{name.en}: " + sentences([p.en for p in parts]),
    )


def _combine(verdicts: list[Verdict], if_none: Verdict) -> Verdict:
    if not verdicts:
        return if_none
    for verdict in (Verdict.FAILS, Verdict.NOT_ASSESSED, Verdict.PARTLY):
        if verdict in verdicts:
            return verdict
    return Verdict.MEETS


def _describe(collection: str, cond: Condition, lang: str) -> str:
    info = FACTS[collection][cond.fact]
    value = _fmt(cond.value, lang, cond.fact, info.unit, _OR.get(lang))  # type: ignore[arg-type]
    label = info.label.get(lang)  # type: ignore[arg-type]
    if cond.op in (Op.EQ, Op.IN):
        return f"{label}: {value}"
    if cond.op in (Op.NE, Op.NOT_IN):
        return f"{label}: " + ("niet " if lang == "nl" else "not ") + value
    if cond.op is Op.SET:
        return f"{label}: " + _OP_WORDS[Op.SET].get(lang)  # type: ignore[arg-type]
    return f"{label} " + _OP_WORDS[cond.op].get(lang).format(v=value)  # type: ignore[arg-type]


def _pct(share: float, lang: str) -> str:
    return _num(round(share * 100, 1), lang) + " %"


def _threshold_pct(op: Op, value: float, lang: str) -> str:
    return _OP_WORDS[op].get(lang).format(v=_pct(value, lang))  # type: ignore[arg-type]


def _norm_pct(op: Op, value: float, lang: str) -> str:
    """ "norm: ten hoogste 25 %"."""
    return _norm(op, _pct(value, lang), lang)


# What one rule made of one element, by the element's values: a rule's verdict on an
# element depends on nothing else, so after an edit of one element the others are not
# worked out again (an edit in a plan of thousands of elements stays quick). Keyed by the
# rule's identity (the rule is kept with its entries, so the identity is not reused) and
# emptied whole when it grows past _CACHE_LIMIT entries.
_CACHE: dict[int, tuple[Any, dict[tuple[str, tuple[Any, ...]], Any]]] = {}
_CACHE_LIMIT = 200_000
_cache_size = 0


def _per_element(rule: Any, part: str, elements: list[Any], work: Any) -> list[Any]:
    """`work(element)` for each element, remembered for `rule` by the element's values."""
    global _cache_size
    entry = _CACHE.get(id(rule))
    if entry is None or entry[0] is not rule:
        if _cache_size > _CACHE_LIMIT:
            _CACHE.clear()
            _cache_size = 0
        entry = _CACHE[id(rule)] = (rule, {})
    memo = entry[1]
    out = []
    # Where the elements hold a list: an element's `suggested` (which facts a BIM model
    # suggested) is one, and no rule reads it (a suggested fact is already unknown in the
    # plan the rules see), so it is left out of the key; any other list becomes a tuple.
    lists: tuple[int, ...] | None = None
    for element in elements:
        values = tuple(element.__dict__.values())
        if lists is None:
            lists = tuple(i for i, v in enumerate(values) if isinstance(v, list))
            skip = lists[0] if lists == (_suggested_index(element),) else None
        if skip is not None:
            key = (part, values[:skip] + values[skip + 1 :])
        elif lists:
            key = (part, tuple(_hashable(v) for v in values))
        else:
            key = (part, values)
        try:
            found = memo.get(key, _NOT_FOUND)
        except TypeError:  # another unhashable value: worked out each time
            out.append(work(element))
            continue
        if found is _NOT_FOUND:
            found = memo[key] = work(element)
            _cache_size += 1
        out.append(found)
    return out


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _suggested_index(element: Any) -> int:
    """The position of `suggested` among an element's values; -1 when it has none."""
    names = list(type(element).model_fields) if hasattr(type(element), "model_fields") else []
    return names.index("suggested") if "suggested" in names else -1


_NOT_FOUND = object()
_KEPT = "kept"
_LEFT_OUT = "left out"


def _filtered(rule: _RuleBase, plan: Plan) -> tuple[list[Any], list[Evidence]]:
    """Elements passing the `where` filter, and evidence for those whose filter fact is unknown."""
    kept: list[Any] = []
    unknown: list[Evidence] = []
    if not rule.where and not rule.where_any:
        return plan.elements(rule.applies_to), unknown
    elements = plan.elements(rule.applies_to)
    found_all = _per_element(rule, "where", elements, lambda e: _filter_one(rule, e))
    for element, found in zip(elements, found_all, strict=True):
        if found is _KEPT:
            kept.append(element)
        elif found is not _LEFT_OUT:
            unknown.append(found)
    return kept, unknown


def _filter_one(rule: _RuleBase, element: Any) -> Any:
    """_KEPT, _LEFT_OUT, or the evidence that a filter fact of the element is unknown."""
    outcomes = [_cond(rule.applies_to, element, c) for c in rule.where]
    if rule.where_any:
        # one of the alternatives must hold: the first that does, else the unknown ones
        alternatives = [[_cond(rule.applies_to, element, c) for c in alt] for alt in rule.where_any]
        if not any(all(o.ok for o in alt) for alt in alternatives):
            if all(any(o.ok is False for o in alt) for alt in alternatives):
                return _LEFT_OUT
            outcomes += [o for alt in alternatives for o in alt if o.ok is None]
    if any(o.ok is False for o in outcomes):
        return _LEFT_OUT
    missing = [o for o in outcomes if o.ok is None]
    if missing:
        name = _element_name(rule.applies_to, element)
        return Evidence(
            element=getattr(element, "id", ""),
            verdict=Verdict.NOT_ASSESSED,
            text=_join(name, [o.text for o in missing]),
        )
    return _KEPT


def _none_evidence(rule: _RuleBase) -> Evidence:
    """Why a rule found nothing to check, so a verdict from `if_none` is never unexplained."""
    label = COLLECTION_LABELS[rule.applies_to]
    texts = {}
    for lang in ("nl", "en"):
        conds = "; ".join(_describe(rule.applies_to, c, lang) for c in rule.where)
        if rule.where_any:
            either = " of " if lang == "nl" else " or "
            conds = "; ".join(
                part
                for part in (
                    conds,
                    either.join(
                        ", ".join(_describe(rule.applies_to, c, lang) for c in alt)
                        for alt in rule.where_any
                    ),
                )
                if part
            )
        which = f" ({conds})" if conds else ""
        none = "geen in het plan" if lang == "nl" else "none in the plan"
        texts[lang] = f"{label.get(lang)}{which}: {none}"  # type: ignore[arg-type]
    return Evidence(element="", verdict=rule.if_none, text=Text(nl=texts["nl"], en=texts["en"]))


def _unknown_evidence(collection: str) -> Evidence:
    label = COLLECTION_LABELS[collection]
    return Evidence(
        element="",
        verdict=Verdict.NOT_ASSESSED,
        text=Text(
            nl=f"{label.nl}: nog niet ingevuld. Vul ze in, of bevestig in het planoverzicht "
            "dat het plan ze niet heeft.",
            en=f"{label.en}: not filled in yet. Enter them, or confirm in the plan view that "
            "the plan has none.",
        ),
    )


# ---------------------------------------------------------------- static checks


class _References:
    """Collects problems with the collection and facts a rule names (see `problems`)."""

    def __init__(self, collection: str) -> None:
        self.collection = collection
        self.problems: list[str] = []

    def fact(self, name: str, collection: str | None = None) -> None:
        collection = collection or self.collection
        if name not in FACTS.get(collection, {}):
            known = ", ".join(FACTS.get(collection, {}))
            self.problems.append(
                f"rule uses unknown fact {name!r} of {collection} (known: {known})"
            )

    def conditions(self, conditions: list[Condition]) -> None:
        for cond in conditions:
            self.fact(cond.fact)
            if cond.op in NUMERIC_OPS and not isinstance(cond.value, int | float):
                self.problems.append(
                    f"rule compares {cond.fact!r} with {cond.op} but {cond.value!r} is not a number"
                )
            if cond.op in (Op.IN, Op.NOT_IN) and not isinstance(cond.value, list):
                self.problems.append(
                    f"rule operator {cond.op} on {cond.fact!r} needs a list of values"
                )
            if cond.op in (Op.EQ, Op.NE) and cond.value is None:
                self.problems.append(f"rule operator {cond.op} on {cond.fact!r} needs a value")

    def numeric(self, op: Op, message: str) -> None:
        if op not in NUMERIC_OPS:
            self.problems.append(message)


def _facts(collection: str, conditions: list[Condition]) -> set[tuple[str, str]]:
    return {(collection, c.fact) for c in conditions}


# ---------------------------------------------------------------- the rule kinds
#
# Every kind answers three questions: `problems()` (are its references right, for
# `reviewer validate`), `facts()` (which plan facts it reads) and `evaluate(plan)`.
# Rule classes carry no docstrings of their own unless the checklist's JSON Schema
# should show them (pydantic copies a model's docstring into the schema).


class _RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    applies_to: str
    where: list[Condition] = Field(default_factory=list)
    # and, when given, at least one of these alternatives (play areas, or green fit for play)
    where_any: list[list[Condition]] = Field(default_factory=list)
    if_none: Verdict = Verdict.NOT_APPLICABLE

    def problems(self) -> list[str]:
        """Problems with the rule's references (unknown collection or fact, wrong operator)."""
        if self.applies_to not in RULE_COLLECTIONS:
            known = ", ".join(RULE_COLLECTIONS)
            return [f"rule applies to unknown element type {self.applies_to!r} (known: {known})"]
        check = _References(self.applies_to)
        check.conditions(self.where)
        for alternative in self.where_any:
            if not alternative:
                check.problems.append("a where_any alternative is empty")
            check.conditions(alternative)
        self._check(check)
        return check.problems

    def _check(self, check: _References) -> None:
        """The kind's own references, after the collection and the `where` filter."""
        raise NotImplementedError

    def facts(self) -> set[tuple[str, str]]:
        """The (collection, fact) pairs the rule reads: filters, conditions, measures."""
        read = _facts(self.applies_to, self.where)
        for alternative in self.where_any:
            read |= _facts(self.applies_to, alternative)
        return read

    def collections(self) -> list[str]:
        """The element types the rule reads."""
        return [self.applies_to]

    def evaluate(self, plan: Plan) -> RuleResult:
        """An overall verdict and evidence per element (or group).

        An element type nobody filled in (and nobody confirmed the plan has none of) is
        unknown: the rule is not assessed, and the evidence says what is missing.
        """
        unknown = [c for c in self.collections() if plan.is_unknown(c)]
        if unknown:
            return RuleResult(Verdict.NOT_ASSESSED, [_unknown_evidence(c) for c in unknown])
        return self._evaluate(plan)

    def _evaluate(self, plan: Plan) -> RuleResult:
        raise NotImplementedError


class EachRule(_RuleBase):
    kind: Literal["each"]
    all_of: list[Condition] = Field(default_factory=list)
    any_of: list[list[Condition]] = Field(default_factory=list)
    # a text fact of the element: an element that fails but names a compensating measure
    # there "partly meets" (voldoet gedeeltelijk), with the measure as its justification
    compensated_by: str | None = None

    def _check(self, check: _References) -> None:
        if not self.all_of and not self.any_of:
            check.problems.append("an 'each' rule needs all_of or any_of conditions")
        if self.compensated_by is not None:
            check.fact(self.compensated_by)
        check.conditions(self.all_of)
        for alternative in self.any_of:
            if not alternative:
                check.problems.append("an any_of alternative is empty")
            check.conditions(alternative)

    def facts(self) -> set[tuple[str, str]]:
        read = super().facts() | _facts(self.applies_to, self.all_of)
        for alternative in self.any_of:
            read |= _facts(self.applies_to, alternative)
        if self.compensated_by is not None:
            read.add((self.applies_to, self.compensated_by))
        return read

    def _evaluate(self, plan: Plan) -> RuleResult:
        elements, evidence = _filtered(self, plan)
        evidence += _per_element(self, "each", elements, self._one)
        if not evidence:
            return RuleResult(self.if_none, [_none_evidence(self)])
        return RuleResult(_combine([e.verdict for e in evidence], self.if_none), evidence)

    def _one(self, element: Any) -> Evidence:
        """The verdict on one element, with what was found."""
        name = _element_name(self.applies_to, element)
        outcomes = [_cond(self.applies_to, element, c) for c in self.all_of]
        shown = list(outcomes)
        verdicts = [o.ok for o in outcomes]
        if self.any_of:
            alternatives = [
                [_cond(self.applies_to, element, c) for c in alt] for alt in self.any_of
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
        compensation = (
            str(getattr(element, self.compensated_by, "") or "").strip()
            if self.compensated_by
            else ""
        )
        if False in verdicts and compensation:
            verdict = Verdict.PARTLY
            label = FACTS[self.applies_to][self.compensated_by or ""].label
            shown.append(
                _CondOutcome(
                    ok=None,
                    text=Text(nl=f"{label.nl}: {compensation}", en=f"{label.en}: {compensation}"),
                    measured="",
                    threshold="",
                )
            )
        elif False in verdicts:
            verdict = Verdict.FAILS
        elif None in verdicts:
            verdict = Verdict.NOT_ASSESSED
        else:
            verdict = Verdict.MEETS
        return Evidence(
            element=getattr(element, "id", ""),
            verdict=verdict,
            text=_join(name, [o.text for o in shown]),
            measured=", ".join(o.measured for o in shown if o.measured),
            threshold=", ".join(o.threshold for o in shown if o.threshold),
        )


class ExistsRule(_RuleBase):
    """At least `min_count` (filtered) elements satisfy `all_of` (e.g. one social function)."""

    kind: Literal["exists"]
    all_of: list[Condition] = Field(default_factory=list)
    min_count: Annotated[int, Field(ge=1)] = 1
    if_none: Verdict = Verdict.FAILS

    def _check(self, check: _References) -> None:
        check.conditions(self.all_of)

    def facts(self) -> set[tuple[str, str]]:
        return super().facts() | _facts(self.applies_to, self.all_of)

    def _one(self, element: Any) -> Evidence:
        """Whether one element qualifies, with what was found."""
        outcomes = [_cond(self.applies_to, element, c) for c in self.all_of]
        if all(o.ok for o in outcomes):
            verdict = Verdict.MEETS
        elif any(o.ok is False for o in outcomes):
            verdict = Verdict.FAILS
        else:
            verdict = Verdict.NOT_ASSESSED
        return Evidence(
            element=getattr(element, "id", ""),
            verdict=verdict,
            text=_join(_element_name(self.applies_to, element), [o.text for o in outcomes]),
        )

    def _evaluate(self, plan: Plan) -> RuleResult:
        elements, evidence = _filtered(self, plan)
        if not elements and not evidence:
            return RuleResult(self.if_none, [_none_evidence(self)])
        unknown = bool(evidence)
        found = _per_element(self, "exists", elements, self._one)
        met = sum(1 for e in found if e.verdict is Verdict.MEETS)
        unknown = unknown or any(e.verdict is Verdict.NOT_ASSESSED for e in found)
        evidence += found
        if met >= self.min_count:
            overall = Verdict.MEETS
        elif unknown:
            overall = Verdict.NOT_ASSESSED
        else:
            overall = Verdict.FAILS
        label = COLLECTION_LABELS[self.applies_to]
        qualify = plural_text(met, t("voldoet", "qualifies"), t("voldoen", "qualify"))
        summary = Text(
            nl=f"{label.nl}: {met} van de {len(elements)} {qualify.nl}; "
            + _norm(Op.GE, str(self.min_count), "nl"),
            en=f"{label.en}: {met} of {len(elements)} {qualify.en}; "
            + _norm(Op.GE, str(self.min_count), "en"),
        )
        evidence.insert(
            0,
            Evidence(
                element="",
                verdict=overall,
                text=summary,
                measured=str(met),
                threshold=f"at least {self.min_count}",
            ),
        )
        return RuleResult(overall, evidence)


class ShareRule(_RuleBase):
    kind: Literal["share"]
    measure: str
    part: list[Condition]
    part_label: Text | None = None
    group_by: str | None = None
    op: Op
    value: float

    def _check(self, check: _References) -> None:
        check.fact(self.measure)
        check.conditions(self.part)
        if self.group_by:
            check.fact(self.group_by)
        check.numeric(self.op, "a share rule compares with le, lt, ge or gt")

    def facts(self) -> set[tuple[str, str]]:
        read = super().facts() | _facts(self.applies_to, self.part)
        read.add((self.applies_to, self.measure))
        if self.group_by:
            read.add((self.applies_to, self.group_by))
        return read

    def _evaluate(self, plan: Plan) -> RuleResult:
        elements, evidence = _filtered(self, plan)
        unit = FACTS[self.applies_to][self.measure].unit
        groups: dict[str, list[Any]] = {}
        for element in elements:
            key = str(getattr(element, self.group_by, "") or "") if self.group_by else ""
            groups.setdefault(key, []).append(element)
        part_label = self.part_label or t("deel", "part")
        for key, members in groups.items():
            unknown_measure = [m.id for m in members if getattr(m, self.measure) is None]
            unknown_part = []
            part_total = 0.0
            total = 0.0
            for m in members:
                amount = getattr(m, self.measure)
                if amount is None:
                    continue
                total += amount
                outcomes = [_cond(self.applies_to, m, c) for c in self.part]
                if any(o.ok is None for o in outcomes):
                    unknown_part.append(m.id)
                elif all(o.ok for o in outcomes):
                    part_total += amount
            group_name = Text(nl=key or "Totaal", en=key or "Total")
            if unknown_measure or unknown_part or total == 0:
                ids = ", ".join(unknown_measure + unknown_part)
                info = FACTS[self.applies_to]
                missing_fact = self.measure if unknown_measure else self.part[0].fact
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
            ok = compare(share, self.op, self.value)
            texts = {
                lang: (
                    f"{group_name.get(lang)}: {_num(part_total, lang)} "  # type: ignore[arg-type]
                    f"{'van' if lang == 'nl' else 'of'} {_num(total, lang)} {unit} "
                    f"{part_label.get(lang)} ({_pct(share, lang)}); "  # type: ignore[arg-type]
                    f"{_norm_pct(self.op, self.value, lang)}"
                )
                for lang in ("nl", "en")
            }
            evidence.append(
                Evidence(
                    element=key,
                    verdict=Verdict.MEETS if ok else Verdict.FAILS,
                    text=Text(nl=texts["nl"], en=texts["en"]),
                    measured=_pct(share, "en"),
                    threshold=_threshold_pct(self.op, self.value, "en"),
                )
            )
        return RuleResult(_combine([e.verdict for e in evidence], self.if_none), evidence)


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

    def _check(self, check: _References) -> None:
        check.fact(self.measure)
        if self.denominator.collection not in RULE_COLLECTIONS:
            check.problems.append(
                f"rule denominator uses unknown element type {self.denominator.collection!r}"
            )
        else:
            check.fact(self.denominator.fact, self.denominator.collection)
        check.numeric(self.op, "a ratio rule compares with le, lt, ge or gt")

    def facts(self) -> set[tuple[str, str]]:
        return super().facts() | {
            (self.applies_to, self.measure),
            (self.denominator.collection, self.denominator.fact),
        }

    def collections(self) -> list[str]:
        return list(dict.fromkeys([self.applies_to, self.denominator.collection]))

    def _evaluate(self, plan: Plan) -> RuleResult:
        elements, evidence = _filtered(self, plan)
        info = FACTS[self.applies_to][self.measure]
        den_info = FACTS[self.denominator.collection][self.denominator.fact]
        label = self.label or COLLECTION_LABELS[self.applies_to]
        den_values = [
            getattr(e, self.denominator.fact) for e in plan.elements(self.denominator.collection)
        ]
        unknown = [e.id for e in elements if getattr(e, self.measure) is None]
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
        numerator = sum(getattr(e, self.measure) for e in elements)
        denominator = float(sum(den_values))
        share = numerator / denominator
        ok = compare(share, self.op, self.value)
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
                    f"{den_info.label.get(lang)} ({_pct(share, lang)});",  # type: ignore[arg-type]
                    _norm_pct(self.op, self.value, lang),
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
                threshold=_threshold_pct(self.op, self.value, "en"),
            )
        )
        return RuleResult(verdict, evidence)


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

    def _check(self, check: _References) -> None:
        check.fact(self.weight)
        for item in self.checks:
            check.fact(item.category)
            check.numeric(item.op, "a distribution check compares with le, lt, ge or gt")

    def facts(self) -> set[tuple[str, str]]:
        read = super().facts() | {(self.applies_to, self.weight)}
        return read | {(self.applies_to, item.category) for item in self.checks}

    def _evaluate(self, plan: Plan) -> RuleResult:
        elements, evidence = _filtered(self, plan)
        facts = FACTS[self.applies_to]
        if not elements and not evidence:
            return RuleResult(self.if_none, [])
        for check in self.checks:
            cat_label = facts[check.category].label
            unknown = [
                e.id
                for e in elements
                if getattr(e, check.category) is None or getattr(e, self.weight) is None
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
                    getattr(e, self.weight)
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
                        f"({spread[lang]}); " + _norm(check.op, _num(check.value, lang), lang)
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
                        + f"{value_label(largest_key, lang, check.category)} {_pct(share, lang)}; "
                        + _norm_pct(check.op, check.value, lang)
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
        return RuleResult(_combine([e.verdict for e in evidence], self.if_none), evidence)


Rule = Annotated[
    EachRule | ExistsRule | ShareRule | RatioRule | DistributionRule, Field(discriminator="kind")
]


def rule_problems(rule: Rule) -> list[str]:
    """Problems with a rule's references (unknown collection or fact, wrong operator)."""
    return rule.problems()


def evaluate(rule: Rule, plan: Plan) -> RuleResult:
    """Evaluate one rule against a plan: an overall verdict and evidence per element."""
    return rule.evaluate(plan)
