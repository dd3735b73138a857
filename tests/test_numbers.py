"""Whole numbers as staff type them (inputs/numbers.py): thousands commas every three digits, full-width
digits, △ ▲ and every minus sign, a unit after the number, a workbook's 1953.0; anything else refused
with the value and, where the table says it, what to type."""

from __future__ import annotations

import pytest

from packetgen.inputs import numbers
from packetgen.inputs.numbers import parse_integer


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("1,234,567", 1234567),
        ("△394", -394),
        ("▲394", -394),
        ("-394", -394),
        ("－394", -394),
        ("−394", -394),
        ("‐394", -394),
        ("ー394", -394),
        ("+394", 394),
        ("- 394", -394),
        ("  12  ", 12),
        ("1234.0", 1234),
        ("1,234.00", 1234),
        ("0", 0),
        ("144896", 144896),
        ("144,896", 144896),
        ("１４４，８９６", 144896),
        ("123,611,167", 123611167),
        ("△1,327", -1327),
        ("▲1327", -1327),
        ("−1327", -1327),
        ("－１，３２７", -1327),
        ("+5", 5),
        ("1953.0", 1953),  # a number cell read from a workbook
    ],
)
def test_integers_as_staff_type_them(text: str, value: int) -> None:
    assert numbers.parse_integer(text) == value


def test_an_integer_may_carry_its_unit() -> None:
    assert numbers.parse_integer("100,000千円", unit="千円") == 100000
    assert numbers.parse_integer("100,000 千円", unit="千円") == 100000
    assert numbers.parse_integer("△5千円", unit="千円") == -5


@pytest.mark.parametrize("text", ["14,4896", "1,5", "1,23", "1,234,5", "12,34.5", "1,"])
def test_commas_not_every_three_digits_are_refused_naming_what_to_type(text: str) -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer(text, "千円単位の整数")
    assert (
        str(info.value)
        == f"桁区切りの「,」は3桁ごとに入れてください（入力値：「{text}」）。千円単位の整数で入力してください"
    )


@pytest.mark.parametrize("text", ["14,4896", "1,5", "50,00", "1,23,456", "1234,567"])
def test_thousands_commas_not_every_three_digits_are_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_integer(text)
    assert str(info.value) == f"桁区切りの「,」は3桁ごとに入れてください（入力値：「{text}」）。整数で入力してください"


@pytest.mark.parametrize("text", ["abc", "1.5", "", "12a", "1 234", "--3", "1234.", "100,000千円", ",123"])
def test_text_that_is_not_an_integer_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer(text)
    assert str(info.value) == f"整数で入力してください（入力値：「{text}」）"


def test_letters_after_a_number_are_refused_with_them() -> None:
    with pytest.raises(ValueError) as info:
        numbers.parse_integer("12XXXX")
    assert str(info.value) == "整数で入力してください（入力値：「12XXXX」）"


def test_a_cell_becomes_an_integer_or_none() -> None:
    assert numbers.clean_int("1,234") == 1234
    assert numbers.clean_int(5) == 5
    assert numbers.clean_int(None) is None
