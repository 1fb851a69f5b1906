"""Stepping through the rows a list shows (Alt+Down / Alt+Up), by id: the same in the
navigator and in the workshop's list of criteria."""

from __future__ import annotations


def step_target(ids: list[str], current: str | None, delta: int) -> str | None:
    """The id `delta` (+1 or -1) places from `current` in `ids`: the first (or last) when
    `current` is not among them, None past either end or when there are none."""
    if not ids:
        return None
    if current not in ids:
        return ids[0] if delta > 0 else ids[-1]
    pos = ids.index(current) + delta
    return ids[pos] if 0 <= pos < len(ids) else None
