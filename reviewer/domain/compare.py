"""Comparing two reviews of the same plan: pure functions, no Qt, no files.

Workshop comparison (safety review A against cohesion review B): per criterion both
verdicts and a status; the tension pairs with both sides' verdicts and measures; the
findings that only one side made; agreement statistics (share of agreement and Cohen's
kappa, linearly weighted over meets > partly > fails, with the count it rests on).

Plan differences: the facts the two reviews give the plan that differ (a value, a fact
given on one side only, an element on one side only, a confirmed "none", the plan's type
or stage), and per criterion the differences its rule reads: a conflict over such a
criterion may come from the facts, not from judgement.

Two reviews name one plan when name, address and municipality match; when they do not,
`DifferentPlansError` says which field differs, with both values, and a person may
confirm that they are of one plan all the same (`same_plan_confirmed`).

Revision comparison (two reviews of successive revisions, same perspective): per
criterion resolved / new / still open / changed / unchanged, and which other parts of the
assessment differ (reason, notes, measure, photos, the measure's status). The status
follows the verdicts only; the parts are what keeps two copies of one revision (a
colleague's save over mine) from reading "unchanged" when only the notes differ.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reviewer.domain.plan import (
    COLLECTION_LABELS,
    COLLECTIONS,
    ELEMENT_LABELS,
    FACTS,
    Plan,
    value_label,
)
from reviewer.domain.review import Assessment, Review
from reviewer.domain.statuses import (  # defined apart: the interface's colours need no comparison
    ItemStatus,
    RevisionStatus,
)
from reviewer.domain.text import Text, plural_text, t
from reviewer.domain.verdict import ORDERED, Verdict


class ComparisonError(ValueError):
    """Two reviews that cannot be compared; the message says why."""


# the fields that say which plan a review is of
IDENTITY_FIELDS = ("name", "address", "municipality")


@dataclass(frozen=True)
class IdentityDifference:
    """One field of the plan's identity that two reviews fill in differently."""

    field: str  # one of IDENTITY_FIELDS
    a: str
    b: str


class DifferentPlansError(ComparisonError):
    """The reviews name different plans: `differences` says which identity fields differ,
    with both values, for the UI to word in its own language. The message (English, for
    the command line) names them too."""

    def __init__(self, differences: list[IdentityDifference] | tuple[IdentityDifference, ...]):
        self.differences = tuple(differences)
        parts = "; ".join(f"the {d.field} differs ({d.a!r} and {d.b!r})" for d in self.differences)
        super().__init__(
            f"these reviews name different plans: {parts}; a comparison needs two reviews "
            "of the same plan"
        )


FINDINGS = (Verdict.PARTLY, Verdict.FAILS)


@dataclass(frozen=True)
class ComparisonItem:
    criterion_id: str
    a: Verdict
    b: Verdict
    status: ItemStatus
    distance: int | None  # steps apart on the ordered scale, when both are on it


@dataclass(frozen=True)
class TensionComparison:
    """A tension pair: both criteria, each with side A's and side B's verdict and measure."""

    first: str
    second: str
    verdicts: dict[str, tuple[Verdict, Verdict]]
    measures: dict[str, tuple[str, str]]


@dataclass
class Comparison:
    items: list[ComparisonItem]
    tensions: list[TensionComparison]
    only_a_findings: list[str]  # criterion ids that A found amber/red and B did not assess
    only_b_findings: list[str]
    agreement: float | None  # share of agreement on criteria both assessed
    agreement_n: int
    kappa: float | None  # weighted kappa; None when undefined (see weighted_kappa)
    kappa_n: int
    warnings: list[Text] = field(default_factory=list)  # in Dutch and English
    # the facts the reviews give the plan differently, and per criterion (by id) those of
    # them its rule reads
    plan_differences: list[PlanDifference] = field(default_factory=list)
    on_differing_facts: dict[str, list[PlanDifference]] = field(default_factory=dict)

    def item(self, criterion_id: str) -> ComparisonItem:
        return next(i for i in self.items if i.criterion_id == criterion_id)

    def rests_on_differences(self, criterion_id: str) -> list[PlanDifference]:
        """The plan differences the criterion's rule reads ([] for none)."""
        return self.on_differing_facts.get(criterion_id, [])

    def count(self, status: ItemStatus) -> int:
        return sum(1 for i in self.items if i.status is status)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def identity_differences(a: Review, b: Review) -> list[IdentityDifference]:
    """The fields of name, address and municipality that differ (case and spacing aside)."""
    ia, ib = a.plan.identity, b.plan.identity
    return [
        IdentityDifference(f, getattr(ia, f), getattr(ib, f))
        for f in IDENTITY_FIELDS
        if _norm(getattr(ia, f)) != _norm(getattr(ib, f))
    ]


def same_plan(a: Review, b: Review) -> bool:
    """Same plan: name, address and municipality match (case and spacing aside).

    The revision label may differ: that is what a revision comparison compares.
    """
    return not identity_differences(a, b)


def identity_warning(differing: list[IdentityDifference] | tuple[IdentityDifference, ...]) -> Text:
    """The warning of a comparison a person confirmed although the plan is named
    differently: which fields, with both values."""
    nl = "; ".join(f"{IDENTITY_LABELS[d.field].nl} ‘{d.a}’ en ‘{d.b}’" for d in differing)
    en = "; ".join(f"{IDENTITY_LABELS[d.field].en} ‘{d.a}’ and ‘{d.b}’" for d in differing)
    return t(
        f"De beoordelingen noemen het plan verschillend ({nl}); bevestigd is dat ze over "
        "hetzelfde plan gaan.",
        f"The reviews name the plan differently ({en}); it was confirmed that they are of "
        "the same plan.",
    )


def _check_comparable(a: Review, b: Review, same_plan_confirmed: bool = False) -> list[Text]:
    differing = identity_differences(a, b)
    if differing and not same_plan_confirmed:
        raise DifferentPlansError(differing)
    warnings: list[Text] = []
    if differing:
        warnings.append(identity_warning(differing))
    ca, cb = a.checklist, b.checklist
    if ca.id != cb.id:
        warnings.append(
            t(
                f"De beoordelingen gebruiken verschillende toetskaders ({ca.id} en {cb.id}); "
                "alleen de criteria die ze delen zijn vergeleken.",
                f"The reviews use different checklists ({ca.id} and {cb.id}); only the "
                "criteria they share are compared.",
            )
        )
    elif ca.version != cb.version:
        warnings.append(
            t(
                "De beoordelingen gebruiken verschillende versies van het toetskader "
                f"({ca.version} en {cb.version}); criteria kunnen tussentijds zijn gewijzigd.",
                "The reviews use different versions of the checklist "
                f"({ca.version} and {cb.version}); criteria may have changed between them.",
            )
        )
    pa, pb = ca.profile, cb.profile
    if (pa and pa.id) != (pb and pb.id):
        names = [p.title if p else t("geen profiel", "no profile") for p in (pa, pb)]
        warnings.append(
            t(
                f"De beoordelingen zijn gemaakt onder verschillende profielen ({names[0].nl} "
                f"en {names[1].nl}); eisen en drempels kunnen verschillen.",
                f"The reviews were made under different profiles ({names[0].en} and "
                f"{names[1].en}); requirements and thresholds may differ.",
            )
        )
    ia, ib = a.plan.identity, b.plan.identity
    if (ia.plan_type, ia.stage) != (ib.plan_type, ib.stage):
        warnings.append(
            t(
                "De beoordelingen geven het plan een ander type of een andere fase; criteria "
                "die maar aan één kant van toepassing zijn, tellen als verschil.",
                "The reviews give the plan a different type or stage; criteria that apply on "
                "one side only count as differences.",
            )
        )
    return warnings


# ---------------------------------------------------------------- plan differences

IDENTITY_LABELS: dict[str, Text] = {
    "name": t("naam", "name"),
    "address": t("adres", "address"),
    "municipality": t("gemeente", "municipality"),
    "plan_type": t("soort plan", "plan type"),
    "stage": t("fase", "stage"),
}
PLAN_LABEL = t("Plan", "Plan")
NOT_GIVEN = t("niet ingevuld", "not given")
IN_PLAN = t("in het plan", "in the plan")
NOT_IN_PLAN = t("niet in het plan", "not in the plan")
CONFIRMED_NONE = t("geen, bevestigd", "confirmed none")
NONE_IN_PLAN = t("geen in het plan", "none in the plan")
NOT_FILLED_IN = t("niet ingevuld", "not filled in")
MAX_VALUE_CHARS = 120  # a long text fact (a compensating measure) shown shortened


@dataclass(frozen=True)
class PlanDifference:
    """One fact the two reviews give the plan differently.

    `collection` is "identity" (the plan's name, address, municipality, type, stage),
    "site" or an element type ("entrances"); `element` the element's id ("" for the
    identity, the site and a confirmed "none"); `fact` the fact's name ("" for an element
    on one side only, "confirmed_none" for a "none" confirmed on one side only). The raw
    values are `value_a` and `value_b` (None: not given); `a` and `b` are the values as a
    person reads them, in Dutch and English, with their unit.
    """

    collection: str
    element: str
    fact: str
    value_a: object
    value_b: object
    a: Text
    b: Text
    element_label: Text  # "Entree B", "Plan", "Plangebied", "Camera's"
    fact_label: Text | None  # None for an element on one side only

    def subject(self, lang: str) -> str:
        """What differs, in `lang`: "Entrance B: dwellings", or "Measuring point L2"."""
        element = self.element_label.get(lang)  # type: ignore[arg-type]
        if self.fact_label is None:
            return element
        return f"{element}: {self.fact_label.get(lang)}"  # type: ignore[arg-type]

    def reads(self, rule_facts: set[tuple[str, str]], collections: list[str]) -> bool:
        """Whether a rule reading `rule_facts` in `collections` rests on this difference."""
        if self.collection == "identity":
            return False  # the plan's type and stage decide scope, not a rule's evidence
        if not self.fact or self.fact == "confirmed_none":
            return self.collection in collections
        return (self.collection, self.fact) in rule_facts


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _shown(value: object, unit: str = "") -> Text:
    """A fact value as a person reads it, in both languages."""
    if not _given(value):
        return NOT_GIVEN
    texts = []
    for lang in ("nl", "en"):
        text = " ".join(value_label(value, lang).split())
        if len(text) > MAX_VALUE_CHARS:
            text = text[: MAX_VALUE_CHARS - 1].rstrip() + "…"
        texts.append(f"{text} {unit}" if unit and isinstance(value, int | float) else text)
    return t(*texts)


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return _norm(a) == _norm(b)
    if not _given(a) and not _given(b):
        return True
    return a == b


def _element_label(collection: str, element_id: str) -> Text:
    label = ELEMENT_LABELS[collection]
    return t(f"{label.nl} {element_id}", f"{label.en} {element_id}")


def plan_differences(a: Plan, b: Plan) -> list[PlanDifference]:
    """The facts the two plans differ in, in the order the plan is shown: identity (type,
    stage, and name, address and municipality), site, then each element type's elements
    in side A's order with those of side B only after them."""
    found: list[PlanDifference] = []
    ia, ib = a.identity, b.identity
    for name in (*IDENTITY_FIELDS, "plan_type", "stage"):
        va, vb = getattr(ia, name), getattr(ib, name)
        if not _same(va, vb):
            found.append(
                PlanDifference(
                    "identity",
                    "",
                    name,
                    va,
                    vb,
                    _shown(va),
                    _shown(vb),
                    PLAN_LABEL,
                    IDENTITY_LABELS[name],
                )
            )
    found += _fact_differences("site", "", a.site, b.site, ELEMENT_LABELS["site"])
    for collection in COLLECTIONS:
        elements_a = {e.id: e for e in getattr(a, collection)}
        elements_b = {e.id: e for e in getattr(b, collection)}
        for element_id in dict.fromkeys([*elements_a, *elements_b]):
            ea, eb = elements_a.get(element_id), elements_b.get(element_id)
            label = _element_label(collection, element_id)
            if ea is None or eb is None:
                here, there = (IN_PLAN, NOT_IN_PLAN)
                found.append(
                    PlanDifference(
                        collection,
                        element_id,
                        "",
                        ea is not None,
                        eb is not None,
                        here if ea is not None else there,
                        here if eb is not None else there,
                        label,
                        None,
                    )
                )
                continue
            found += _fact_differences(collection, element_id, ea, eb, label)
        if (
            not elements_a
            and not elements_b
            and a.is_unknown(collection) != b.is_unknown(collection)
        ):
            none_a, none_b = not a.is_unknown(collection), not b.is_unknown(collection)
            found.append(
                PlanDifference(
                    collection,
                    "",
                    "confirmed_none",
                    none_a,
                    none_b,
                    NONE_IN_PLAN if none_a else NOT_FILLED_IN,
                    NONE_IN_PLAN if none_b else NOT_FILLED_IN,
                    COLLECTION_LABELS[collection],
                    CONFIRMED_NONE,
                )
            )
    return found


def _fact_differences(
    collection: str, element_id: str, ea: object, eb: object, label: Text
) -> list[PlanDifference]:
    found = []
    for fact, info in FACTS[collection].items():
        va, vb = getattr(ea, fact, None), getattr(eb, fact, None)
        if _same(va, vb):
            continue
        found.append(
            PlanDifference(
                collection,
                element_id,
                fact,
                va,
                vb,
                _shown(va, info.unit),
                _shown(vb, info.unit),
                label,
                info.label,
            )
        )
    return found


def criteria_on_differences(
    a: Review, b: Review, differences: list[PlanDifference]
) -> dict[str, list[PlanDifference]]:
    """Per criterion both reviews have, the plan differences its rule reads (on either
    side: two checklist versions may hold different rules); criteria without any are left
    out. A plan type or stage that differs counts for a criterion whose scope then
    differs: it applies on one side only."""
    if not differences:
        return {}
    scope = [
        d for d in differences if d.collection == "identity" and d.fact in ("plan_type", "stage")
    ]
    found: dict[str, list[PlanDifference]] = {}
    for criterion in a.criteria():
        if criterion.id not in b.assessments:
            continue
        other = b.checklist.criterion(criterion.id)
        read: list[PlanDifference] = []
        for rule in (criterion.rule, other.rule):
            if rule is None:
                continue
            facts, collections = rule.facts(), rule.collections()
            read += [d for d in differences if d not in read and d.reads(facts, collections)]
        if scope and (a.scope_exclusion(criterion) is None) != (b.scope_exclusion(other) is None):
            read = scope + read
        if read:
            found[criterion.id] = read
    return found


def item_status(a: Verdict, b: Verdict) -> tuple[ItemStatus, int | None]:
    if not a.is_assessed and not b.is_assessed:
        return ItemStatus.NEITHER, None
    if not b.is_assessed:
        return ItemStatus.ONLY_A, None
    if not a.is_assessed:
        return ItemStatus.ONLY_B, None
    if a == b:
        return ItemStatus.AGREE, 0
    if a.rank is None or b.rank is None:
        # not applicable on one side only: a difference to discuss, not an agreement
        return ItemStatus.DIFFER, None
    distance = abs(a.rank - b.rank)
    return (ItemStatus.DIFFER if distance == 1 else ItemStatus.CONFLICT), distance


def weighted_kappa(pairs: list[tuple[Verdict, Verdict]]) -> float | None:
    """Cohen's kappa with linear weights over meets > partly > fails.

    Pairs with a verdict off the ordered scale are ignored by the caller. Returns None
    when kappa is undefined: no pairs, or both sides put every criterion in one and the
    same category (expected agreement is then 1 and the formula would divide by zero).
    """
    n = len(pairs)
    if n == 0:
        return None
    k = len(ORDERED)
    weight = [[1 - abs(i - j) / (k - 1) for j in range(k)] for i in range(k)]
    counts = [[0] * k for _ in range(k)]
    for a, b in pairs:
        counts[a.rank][b.rank] += 1  # type: ignore[index]
    row = [sum(counts[i]) / n for i in range(k)]
    col = [sum(counts[i][j] for i in range(k)) / n for j in range(k)]
    observed = sum(weight[i][j] * counts[i][j] / n for i in range(k) for j in range(k))
    expected = sum(weight[i][j] * row[i] * col[j] for i in range(k) for j in range(k))
    if abs(1 - expected) < 1e-12:
        return None
    return (observed - expected) / (1 - expected)


def compare_reviews(a: Review, b: Review, *, same_plan_confirmed: bool = False) -> Comparison:
    """Compare two reviews of the same plan (typically safety A, cohesion B).

    Raises DifferentPlansError when name, address or municipality differ, unless a person
    confirmed that the reviews are of one plan all the same (`same_plan_confirmed`).
    """
    warnings = _check_comparable(a, b, same_plan_confirmed)
    differences = plan_differences(a.plan, b.plan)
    # the identity has warnings of its own (above); these are the plan's facts
    facts = [d for d in differences if d.collection != "identity"]
    if facts:
        warnings.append(
            plural_text(
                len(facts),
                t(
                    "De beoordelingen geven {n} plangegeven anders in; oordelen die op dat "
                    "gegeven rusten, kunnen daardoor verschillen (zie Planverschillen).",
                    "The reviews give {n} plan fact differently; verdicts that rest on it "
                    "may differ for that reason (see Plan differences).",
                ),
                t(
                    "De beoordelingen geven {n} plangegevens anders in; oordelen die op die "
                    "gegevens rusten, kunnen daardoor verschillen (zie Planverschillen).",
                    "The reviews give {n} plan facts differently; verdicts that rest on them "
                    "may differ for that reason (see Plan differences).",
                ),
            )
        )
    # criteria neither side applies to this plan's type or stage are not compared: two
    # "not applicable by scope" verdicts are no agreement of two judgements
    shared = [
        c
        for c in a.criteria()
        if c.id in b.assessments
        and not (
            a.scope_exclusion(c) is not None
            and b.scope_exclusion(b.checklist.criterion(c.id)) is not None
        )
    ]
    items: list[ComparisonItem] = []
    for criterion in shared:
        va = a.assessments[criterion.id].verdict
        vb = b.assessments[criterion.id].verdict
        status, distance = item_status(va, vb)
        items.append(ComparisonItem(criterion.id, va, vb, status, distance))
    both = [i for i in items if i.a.is_assessed and i.b.is_assessed]
    agreement = sum(1 for i in both if i.status is ItemStatus.AGREE) / len(both) if both else None
    ordinal = [(i.a, i.b) for i in both if i.a.rank is not None and i.b.rank is not None]
    tensions: list[TensionComparison] = []
    for first, second in a.checklist.tension_pairs():
        if first not in b.assessments or second not in b.assessments:
            continue
        tensions.append(
            TensionComparison(
                first=first,
                second=second,
                verdicts={
                    cid: (a.assessments[cid].verdict, b.assessments[cid].verdict)
                    for cid in (first, second)
                },
                measures={
                    cid: (a.assessments[cid].measure, b.assessments[cid].measure)
                    for cid in (first, second)
                },
            )
        )
    return Comparison(
        items=items,
        tensions=tensions,
        only_a_findings=[
            i.criterion_id for i in items if i.status is ItemStatus.ONLY_A and i.a in FINDINGS
        ],
        only_b_findings=[
            i.criterion_id for i in items if i.status is ItemStatus.ONLY_B and i.b in FINDINGS
        ],
        agreement=agreement,
        agreement_n=len(both),
        kappa=weighted_kappa(ordinal),
        kappa_n=len(ordinal),
        warnings=warnings,
        plan_differences=differences,
        on_differing_facts=criteria_on_differences(a, b, differences),
    )


# the parts of an assessment besides its verdict, in the order they are named
ASSESSMENT_PARTS: dict[str, Text] = {
    "reason": t("reden of motivering", "reason or justification"),
    "notes": t("notities", "notes"),
    "measure": t("maatregel", "measure"),
    "measure_status": t("status van de maatregel", "measure status"),
    "photos": t("foto's", "photos"),
}


def _parts(a: Assessment) -> dict[str, object]:
    return {
        "reason": (a.override_reason.strip(), a.justification.strip()),
        "notes": a.notes.strip(),
        "measure": (a.measure.strip(), a.measure_kind, a.actor.strip(), a.due_stage, a.priority),
        "measure_status": list(a.measure_history),
        "photos": [(p.name, p.caption.strip()) for p in a.photos],
    }


def assessment_edits(old: Assessment, new: Assessment) -> tuple[str, ...]:
    """The parts (keys of ASSESSMENT_PARTS) in which two assessments of one criterion
    differ besides the verdict; surrounding white space does not count."""
    before, after = _parts(old), _parts(new)
    return tuple(key for key in ASSESSMENT_PARTS if before[key] != after[key])


@dataclass(frozen=True)
class RevisionItem:
    criterion_id: str
    old: Verdict
    new: Verdict
    status: RevisionStatus
    edits: tuple[str, ...] = ()  # other parts that differ: keys of ASSESSMENT_PARTS

    def edits_label(self, lang: str) -> str:
        """The other parts that differ, named: "notes, measure"; "" when none do."""
        return ", ".join(ASSESSMENT_PARTS[key].get(lang) for key in self.edits)


def revision_status(old: Verdict, new: Verdict) -> RevisionStatus:
    if old in FINDINGS and new in FINDINGS:
        return RevisionStatus.STILL_OPEN if old == new else RevisionStatus.CHANGED
    if old in FINDINGS and new in (Verdict.MEETS, Verdict.NOT_APPLICABLE):
        return RevisionStatus.RESOLVED
    if new in FINDINGS:
        return RevisionStatus.NEW
    return RevisionStatus.UNCHANGED if old == new else RevisionStatus.CHANGED


def compare_revisions(old: Review, new: Review) -> tuple[list[RevisionItem], list[Text]]:
    """Compare reviews of two revisions of one plan; returns the items and any warnings
    (in Dutch and English)."""
    warnings = _check_comparable(old, new)
    if old.perspective != new.perspective:
        po, pn = old.perspective.label, new.perspective.label
        warnings.append(
            t(
                f"De revisies zijn vanuit verschillende perspectieven beoordeeld ({po.nl} en "
                f"{pn.nl}).",
                f"The revisions were reviewed from different perspectives ({po.en} and {pn.en}).",
            )
        )
    items = []
    for c in old.criteria():
        if c.id not in new.assessments:
            continue
        before, after = old.assessments[c.id], new.assessments[c.id]
        status = revision_status(before.verdict, after.verdict)
        items.append(
            RevisionItem(
                c.id, before.verdict, after.verdict, status, assessment_edits(before, after)
            )
        )
    return items, warnings


def comparison_data(comparison: Comparison) -> dict[str, object]:
    """Plain data for `reviewer compare --json`."""
    return {
        "agreement": comparison.agreement,
        "agreement_n": comparison.agreement_n,
        "kappa": comparison.kappa,
        "n": comparison.kappa_n,
        "counts": {s.value: comparison.count(s) for s in ItemStatus},
        "items": [
            {"criterion": i.criterion_id, "a": i.a.value, "b": i.b.value, "status": i.status.value}
            for i in comparison.items
        ],
        "tensions": [
            {
                "criteria": [tc.first, tc.second],
                "verdicts": {k: [v[0].value, v[1].value] for k, v in tc.verdicts.items()},
                "measures": {k: list(v) for k, v in tc.measures.items()},
            }
            for tc in comparison.tensions
        ],
        "only_a_findings": comparison.only_a_findings,
        "only_b_findings": comparison.only_b_findings,
        "warnings": [w.en for w in comparison.warnings],
    }
