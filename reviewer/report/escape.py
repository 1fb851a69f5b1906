"""The one door through which user text enters reportlab's paragraph markup.

reportlab's `Paragraph` parses its text as markup: a note containing `<b>` or
`<font color="red">` would change the report, a lone `&` breaks the parser and
`<img src="…"/>` would make it read a file. So every piece of text a person typed (plan
identity, notes, measures, reasons, captions) and every checklist text passes through
`para_text` exactly once before it reaches a Paragraph. Report code may wrap the result
in its own constant markup (a bold label), never the other way round.

Long unbroken words: reportlab 5 does not treat U+200B (zero-width space) as a break
opportunity (it splits words on ASCII whitespace only), so inserting one would change
nothing on the page and would only pollute copied and searched text. Words wider than a
line are split at the line edge by reportlab itself (`splitLongWords`, set on every
style in `styles.py`) and URLs at their slashes (`uriWasteReduce`); very long text is
cut into several paragraphs by `flowables.text_chunks` before it gets here, and those
paragraphs (`flowables.paragraphs`, `flowables.labelled`) are `TextParagraph`s, which a
table cell split over many pages does not lay out again at every page end.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

__all__ = ["para_text"]

# What XML 1.0 forbids or has no glyph and no meaning in print: C0 controls except tab
# and newline, DEL and the C1 controls (NEL becomes a newline), noncharacters.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # cannot be encoded in the PDF
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")


def para_text(s: str) -> str:
    """User text as safe Paragraph markup: cleaned, escaped once, newlines as `<br/>`."""
    s = _NEWLINES.sub("\n", str(s))
    s = _INVISIBLE.sub("", s)
    s = _SURROGATE.sub("\ufffd", s).replace("\t", "    ")
    return escape(s).replace("\n", "<br/>")
