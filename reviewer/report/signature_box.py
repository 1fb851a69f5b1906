"""Where the letter's signature block is, so a digital signature can be put there.

The review report records the box while it lays out the letter (page and rectangle in
PDF points, origin bottom-left, as pyHanko expects) and hands it with the PDF bytes to a
signer (reviewer.report.signing). Kept apart so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

FIELD_NAME = "Handtekening"


@dataclass(frozen=True)
class SignatureBox:
    page: int  # 0-based page index
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points, origin bottom-left


# PDF bytes and the signature box (None: the layout has none) -> signed PDF bytes
Signer = Callable[[bytes, SignatureBox | None], bytes]
