"""Phone numbers: valid for the destination (phonenumbers); TikTok's masked phones are accepted as masked."""

from __future__ import annotations

import pytest

from tests.review.conftest import frame, line, problem, run, tuples
from tkops.review.rules.phone import phone_verdict


@pytest.mark.parametrize("market, phone", [
    ("US", "(213) 555-1234"), ("US", "+1 213 555 1234"), ("US", "(+1)2135551234"), ("GB", "07911 123456"),
    ("DE", "0151 23456789"), ("TH", "0812345678"), ("TH", "66812345678"), ("VN", "0912 345 678"),
    ("JP", "090-1234-5678"), ("BR", "(11) 91234-5678"), ("MX", "55 1234 5678"), ("ID", "0812-3456-7890"),
    ("PH", "09171234567"), ("SG", "81234567"), ("MY", "0123456789"), ("FR", "06 12 34 56 78"),
])
def test_valid_numbers(market, phone):
    assert tuples(run(frame(line(market, phone=phone)))) == set()


@pytest.mark.parametrize("market, phone", [
    ("US", "(+1)213*****45"), ("TH", "(+66)8*******12"), ("US", "(+1)213-***-1234"), ("GB", "+44*******56"),
    ("VN", "(+84)9*******78"),
])
def test_masked_numbers_are_accepted(market, phone):
    assert tuples(run(frame(line(market, phone=phone)))) == set()


@pytest.mark.parametrize("market, phone", [("US", "123"), ("US", "+1-555-555-5555"), ("TH", "12345"),
                                           ("GB", "abc"), ("US", "1+2135551234")])
def test_invalid_numbers(market, phone):
    result = run(frame(line(market, phone=phone)))
    assert tuples(result) == {(2, "phone", "phone.invalid")}
    assert problem(result, "phone.invalid")["severity"] == "error"


def test_a_number_of_another_country_says_which():
    result = run(frame(line("US", phone="+44 7911 123456")))
    assert problem(result, "phone.invalid")["explanation"] == \
        'phone "+44 7911 123456" is a +44 number, but the parcel goes to US'


def test_missing_phone_is_a_warning_and_only_when_the_column_exists():
    result = run(frame(line(phone="")))
    assert tuples(result) == {(2, "phone", "phone.missing")}
    assert problem(result, "phone.missing")["severity"] == "warning"
    assert tuples(run(frame(line()).drop(columns=["phone"]))) == set()


def test_phone_verdicts():
    assert phone_verdict("2135551234", "US") == ""
    assert phone_verdict("0044 7911 123456", "GB") == ""
    assert phone_verdict("12", "US") == "invalid"
    assert phone_verdict("5551234", "") == ""  # no destination, no country code: nothing to check
    assert phone_verdict("+81 90-1234-5678", "US") == "+81"
