"""One way to write numbers in Dutch and English."""

from __future__ import annotations

import pytest

from reviewer.domain.numbers import format_number


@pytest.mark.parametrize(
    ("value", "lang", "kwargs", "shown"),
    [
        (10000, "nl", {}, "10.000"),
        (10000, "en", {}, "10,000"),
        (2.5, "nl", {}, "2,5"),
        (1234.567, "nl", {}, "1.234,57"),
        (1234.567, "en", {}, "1,234.57"),
        (70, "nl", {"decimals": 2}, "70,00"),
        (0.6612, "en", {"decimals": 2}, "0.66"),
        (-0.25, "nl", {"decimals": 2}, "−0,25"),
        (66.6, "nl", {"decimals": 0}, "67"),
        (12345.678, "nl", {"grouped": False}, "12345,678"),
        (12, "en", {"grouped": False}, "12"),
    ],
)
def test_numbers_read_as_in_each_language(value, lang, kwargs, shown):
    assert format_number(value, lang, **kwargs) == shown


def test_an_editor_gets_back_every_digit_and_a_plain_minus():
    assert format_number(5.960464477539063e-08, "nl", grouped=False) == "5,960464477539063e-08"
    assert format_number(-3.5, "en", grouped=False) == "-3.5"
