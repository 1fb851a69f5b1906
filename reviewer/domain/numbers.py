"""Numbers as a person reads them in Dutch or English: one function for every view.

Dutch writes a decimal comma and groups thousands with a point (10.000,5); English the
other way round (10,000.5). A number shown (not edited) gets a real minus sign (−).
"""

from __future__ import annotations

import math
import re

__all__ = ["format_number", "parse_number"]


def format_number(
    value: float, lang: str, *, decimals: int | None = None, grouped: bool = True
) -> str:
    """`value` in `lang`'s notation.

    decimals: a fixed number of decimals (`70,00`); None gives a whole number without
    decimals and otherwise at most two, trailing zeros dropped (`2,5`).
    grouped: thousands grouped (`10.000`); False gives every digit the value has, for an
    editor to show back (`12345,678`).
    """
    if not grouped:
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
    elif decimals is not None:
        text = f"{value:,.{decimals}f}"
    elif float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if grouped and text.startswith("-"):
        text = "−" + text[1:]  # shown, not edited: a real minus sign
    if lang == "nl":  # swap the separators: 10,000.5 → 10.000,5
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def parse_number(text: str, lang: str = "nl") -> float:
    """A number typed by a person: '12', '12,5', '12.5', '1.250,5', '1,250.5', '50 m'.

    Digits grouped by three with the language's thousands separator ('10.000' in Dutch,
    '10,000' in English) are read as thousands, as the cells display them; otherwise a
    lone comma or point is the decimal separator, whichever the person is used to.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("−", "-")
    raw = raw.rstrip("m²lxLX%").rstrip()  # a unit typed after the number
    thousands = "." if lang == "nl" else ","
    grouped = re.fullmatch(r"-?[1-9]\d{0,2}(" + re.escape(thousands) + r"\d{3})+", raw)
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        other = "." if decimal == "," else ","
        raw = raw.replace(other, "").replace(decimal, ".")
    elif grouped:
        raw = raw.replace(thousands, "")
    else:
        raw = raw.replace(",", ".")
    value = float(raw)  # ValueError for anything else
    if not math.isfinite(value):
        raise ValueError(text)
    return value
