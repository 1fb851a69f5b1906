"""para_text: the one way user text enters paragraph markup; text_chunks: long text in pieces."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from reviewer.report.escape import para_text
from reviewer.report.flowables import text_chunks
from reviewer.report.styles import stylesheet


@pytest.mark.parametrize(
    ("raw", "markup"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("<b>bold", "&lt;b&gt;bold"),
        ("&amp; stays literal", "&amp;amp; stays literal"),  # escaped once, not decoded
        ('say "hi"', 'say "hi"'),
        ("one\ntwo\r\nthree\rfour", "one<br/>two<br/>three<br/>four"),
        ("tab\there", "tab    here"),
        ("nul\x00bell\x07del\x7f", "nulbelldel"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("line\u2028separator", "line<br/>separator"),
        ("Zoë, Ærø, Łódź, €", "Zoë, Ærø, Łódź, €"),
    ],
)
def test_para_text(raw, markup):
    assert para_text(raw) == markup


@pytest.mark.parametrize(
    "hostile",
    [
        '<font color="red">red</font>',
        '<img src="/etc/passwd"/>',
        '<a href="x">link',
        "<para>",
        "&#1234567890;",
        "&nosuchentity;",
        "]]><!--",
    ],
)
def test_paragraph_shows_hostile_text_as_written(hostile):
    para = Paragraph(para_text(hostile), stylesheet()["body"])
    para.wrap(400, 1000)
    shown = "".join(word for line in para.blPara.lines for word in _words(line))
    assert shown.replace(" ", "") == hostile.replace(" ", "")


def _words(line):
    # simple paragraphs give (width, [words]); others give line objects with fragments
    if isinstance(line, tuple):
        return line[1]
    return [getattr(frag, "text", "") for frag in line.words]


def test_chunks_keep_every_character_in_order():
    text = ("Een zin over de entree. " * 600) + "\n\nTweede alinea.\n" + "x" * 9000
    pieces = text_chunks(text, size=4000)
    assert all(len(p) <= 4000 for p in pieces)
    assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())
    assert pieces[0].endswith(".")  # cut after a sentence where there is one


def test_chunks_of_short_and_empty_text():
    assert text_chunks("kort") == ["kort"]
    assert text_chunks("") == []
    assert text_chunks("een\n\n\n  \ntwee") == ["een", "twee"]
    assert text_chunks("regel een\nregel twee") == ["regel een\nregel twee"]
