"""Suggested facts: what a BIM model says, waiting for a person to confirm it.

A plan element read from an IFC model carries the GlobalId of the model element
(`ifc_guid`) and the names of its facts that are still suggestions (`suggested`; the
name `id` stands for the element itself). Until a person confirms them, the rules see
them as unknown: an element whose existence is a suggestion is left out, a suggested
fact is `None`. So a suggestion is never counted as met; the criterion is "not
assessed" and its evidence says which suggestion to confirm.

Typing a fact confirms it (the person gave it); `confirm` confirms an element at once.
`merge_update` brings the suggestions of a newer model into a plan without touching what
a person typed or confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from reviewer.domain.plan import COLLECTIONS, ELEMENT_LABELS, FACTS, SUGGESTED_ELEMENT, Plan
from reviewer.domain.text import Text, t

__all__ = [
    "FROM_IFC",
    "FactChange",
    "confirm",
    "confirmed_view",
    "has_suggestions",
    "merge_update",
    "pending",
    "suggestion_evidence",
]

FROM_IFC = t("uit IFC — bevestigen", "from IFC — confirm")


def _is_pending(element: BaseModel) -> bool:
    return bool(getattr(element, "suggested", None))


def has_suggestions(plan: Plan) -> bool:
    """Anything in the plan still waiting for a person's confirmation."""
    if plan.identity.suggested:
        return True
    return any(_is_pending(e) for name in COLLECTIONS for e in getattr(plan, name))


def pending(plan: Plan, collection: str) -> list[Any]:
    """The elements of a collection with a suggestion waiting (the element or a fact)."""
    return [e for e in getattr(plan, collection) if _is_pending(e)]


def confirmed_view(plan: Plan) -> Plan:
    """The plan as the rules see it: suggested elements left out, suggested facts unknown.

    Returns `plan` itself when nothing is suggested (the common case costs nothing).
    """
    if not any(_is_pending(e) for name in COLLECTIONS for e in getattr(plan, name)):
        return plan
    update: dict[str, list[Any]] = {}
    for name in COLLECTIONS:
        elements = getattr(plan, name)
        if not any(_is_pending(e) for e in elements):
            continue
        kept = []
        for element in elements:
            if SUGGESTED_ELEMENT in element.suggested:
                continue
            if element.suggested:
                element = element.model_copy(update=dict.fromkeys(element.suggested))
            kept.append(element)
        update[name] = kept
    return plan.model_copy(update=update)


def suggestion_evidence(
    plan: Plan, collections: set[str], read: set[tuple[str, str]] | None = None
) -> list[tuple[str, Text, Any]]:
    """(element id, text, element) per element of `collections` awaiting confirmation:
    "Entree E1: uit IFC — bevestigen (GlobalId 2OBr…)", naming the suggested facts (of
    those in `read`, when given)."""
    out = []
    for name in COLLECTIONS:
        if name not in collections:
            continue
        label = ELEMENT_LABELS[name]
        for element in pending(plan, name):
            facts = [
                f
                for f in element.suggested
                if f in FACTS[name] and (read is None or (name, f) in read)
            ]
            what_nl = ", ".join(FACTS[name][f].label.nl for f in facts)
            what_en = ", ".join(FACTS[name][f].label.en for f in facts)
            guid = f" (GlobalId {element.ifc_guid})" if element.ifc_guid else ""
            nl = f"{label.nl} {element.id}: {FROM_IFC.nl}"
            en = f"{label.en} {element.id}: {FROM_IFC.en}"
            if what_nl:
                nl += f" ({what_nl})"
                en += f" ({what_en})"
            out.append((element.id, Text(nl=nl + guid, en=en + guid), element))
    return out


def confirm(plan: Plan, collection: str, element_id: str, facts: list[str] | None = None) -> Plan:
    """A copy of `plan` with the element's suggestions (or only `facts`) confirmed."""
    data = plan.model_dump()
    if collection == "identity":
        data["identity"]["suggested"] = [
            f for f in data["identity"]["suggested"] if facts is not None and f not in facts
        ]
        return Plan.model_validate(data)
    for element in data[collection]:
        if element["id"] == element_id:
            element["suggested"] = [
                f for f in element["suggested"] if facts is not None and f not in facts
            ]
            break
    else:
        raise KeyError(f"there is no {collection} element {element_id!r}")
    return Plan.model_validate(data)


@dataclass(frozen=True)
class FactChange:
    """One suggested fact a newer model changes: `old` and `new` as stored (None: absent)."""

    collection: str  # "identity" or a collection name
    element: str  # element id ("" for the identity)
    fact: str  # a fact name, or "id" when the element appears or disappears
    old: Any
    new: Any
    kept: bool = False  # a person typed or confirmed it: the plan keeps its own value


def _element_key(element: dict[str, Any]) -> str:
    return element.get("ifc_guid") or f"id:{element['id']}"


def merge_update(plan: Plan, newer: Plan) -> tuple[Plan, list[FactChange]]:
    """`plan` with the suggestions of `newer` (a plan read from a newer model) brought in.

    Elements are matched by GlobalId. A fact that is still a suggestion takes the newer
    value; a fact a person typed or confirmed keeps its value (the change is listed with
    `kept=True`). An element the newer model adds comes in as a suggestion; one it no
    longer has is removed only while it is still wholly a suggestion. Returns the merged
    plan and the changes.
    """
    data = plan.model_dump()
    new_data = newer.model_dump()
    changes: list[FactChange] = []

    identity, new_identity = data["identity"], new_data["identity"]
    for fact in new_identity["suggested"]:
        if identity.get(fact) == new_identity.get(fact):
            continue
        kept = fact not in identity["suggested"] and bool(identity.get(fact))
        changes.append(
            FactChange("identity", "", fact, identity.get(fact), new_identity.get(fact), kept)
        )
        if not kept:
            identity[fact] = new_identity[fact]
            identity["suggested"] = [*identity["suggested"], fact]

    for name in COLLECTIONS:
        old_list: list[dict[str, Any]] = data[name]
        new_list: list[dict[str, Any]] = new_data[name]
        by_key = {_element_key(e): e for e in old_list if e.get("ifc_guid")}
        seen = {_element_key(e) for e in new_list}
        # first what the model no longer has: an element still wholly a suggestion goes
        for element in [e for e in old_list if e.get("ifc_guid") and _element_key(e) not in seen]:
            kept = SUGGESTED_ELEMENT not in element["suggested"]
            if not kept:
                old_list.remove(element)
            changes.append(
                FactChange(name, element["id"], SUGGESTED_ELEMENT, element["id"], None, kept)
            )
        taken_ids = {e["id"] for e in old_list}
        for new_el in new_list:
            old_el = by_key.get(_element_key(new_el))
            if old_el is None:
                element_id = new_el["id"]
                n = 2
                while element_id in taken_ids:
                    element_id = f"{new_el['id']}-{n}"
                    n += 1
                taken_ids.add(element_id)
                old_list.append({**new_el, "id": element_id})
                changes.append(FactChange(name, element_id, SUGGESTED_ELEMENT, None, element_id))
                continue
            for fact in new_el["suggested"]:
                if fact == SUGGESTED_ELEMENT or old_el.get(fact) == new_el.get(fact):
                    continue
                kept = fact not in old_el["suggested"]
                changes.append(
                    FactChange(name, old_el["id"], fact, old_el.get(fact), new_el.get(fact), kept)
                )
                if not kept:
                    old_el[fact] = new_el[fact]
        if old_list:
            data["confirmed_none"] = [c for c in data["confirmed_none"] if c != name]
    return Plan.model_validate(data), changes
