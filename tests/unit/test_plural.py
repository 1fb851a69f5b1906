"""Number agreement: one helper for every sentence that counts something."""

from reviewer.domain.text import plural, plural_text, t


def test_plural_agrees_with_the_count():
    assert plural(1, "{n} criterium is", "{n} criteria zijn") == "1 criterium is"
    assert plural(3, "{n} criterium is", "{n} criteria zijn") == "3 criteria zijn"
    assert plural(0, "{n} criterium is", "{n} criteria zijn") == "0 criteria zijn"


def test_plural_text_in_both_languages():
    text = plural_text(
        1, t("{n} voorwaarde", "{n} condition"), t("{n} voorwaarden", "{n} conditions")
    )
    assert (text.nl, text.en) == ("1 voorwaarde", "1 condition")
