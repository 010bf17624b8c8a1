"""Masked, hostile or odd cell values never crash the shipping checks or the upload, and stay inert text."""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shipping.conftest import UPS, frame, line, order_id
from tkops.shipping import (PROBLEM_COLUMNS, REJECTED_COLUMNS, UPLOAD_COLUMNS, carrier_of, explain,
                            export_log_rows, shipping_upload, validate_tracking)

HOSTILE = [
    "<script>alert(1)</script>", '=HYPERLINK("http://evil.example","click")', "=1+1", "+SUM(A1:A9)", "@cmd",
    "-2+3", "{tracking}", "{0}", "%s", "{{ 7*7 }}", "1Z***********127", "94001*********16", "****", "N/A",
    "😀" * 30, "\u202e1Z5R89390357567127", "\x00\x01\x07\x1b[31m", "\t\n\r", " ", "x" * 40_000, "9" * 200,
    "1e308", "NaN", "None", "null", "TRUE", "１Ｚ", "ｘ", "٣٣١٨٨١٠٠٢٥", "3318810025\u0663", "RB123456785G\u0411",
    "ǅ", "ß" * 20, "İ", "J&T", UPS, UPS.lower(),
]
SPECIALS = st.sampled_from([None, math.nan, pd.NA, pd.NaT, 0, -1, 1.5, 9.4e21, float("inf"), True, False,
                            dt.datetime(2026, 1, 1), *HOSTILE])
VALUE = st.one_of(st.text(max_size=30), SPECIALS)
PROVIDER = st.one_of(VALUE, st.sampled_from(["UPS", "USPS", "J&T Express", "TikTok Shipping", "Royal Mail", "SPX"]))
STATUS = st.one_of(VALUE, st.sampled_from(["Awaiting Shipment", "Awaiting Collection", "Cancelled", "Shipped"]))


@st.composite
def hostile_lines(draw) -> pd.DataFrame:
    rows = []
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        rows.append(line(draw(st.sampled_from([order_id(0), order_id(1), None, "=1+1", 5.77e17])),
                         sku_id=draw(VALUE), tracking_id=draw(VALUE), provider=draw(PROVIDER), status=draw(STATUS),
                         quantity=draw(VALUE), Packed=draw(VALUE), package_id=draw(VALUE)))
    return frame(*rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_lines())
def test_hostile_lines_never_crash(lines):
    problems = validate_tracking(lines)
    assert list(problems.columns) == PROBLEM_COLUMNS
    assert set(problems["row"]) <= set(lines.index)
    assert set(problems["severity"]) <= {"error", "warning"}
    for lang in ("en", "zh"):
        for text in explain(problems, lang):
            assert isinstance(text, str) and text
    upload, rejected = shipping_upload(lines, problems, set(), lang="zh")
    assert list(upload.columns) == UPLOAD_COLUMNS and list(rejected.columns) == REJECTED_COLUMNS
    for value in upload.values.ravel():
        assert isinstance(value, str) and len(value) <= 32_767
    for number in upload["Tracking ID"]:
        assert re.fullmatch(r"[0-9A-Z]+", number), number  # only checked numbers go out
    export_log_rows(upload, dt.datetime(2026, 1, 1), "x.xlsx")


@given(VALUE)
@settings(max_examples=300, deadline=None)
def test_carrier_of_never_crashes(value):
    assert isinstance(carrier_of(value), list)


def test_masked_numbers_are_format_problems_not_crashes():
    lines = frame(line(tracking_id="1Z***********127"), line(order_id(1), tracking_id="****", provider="USPS"))
    assert validate_tracking(lines)["code"].tolist() == ["tracking.format", "tracking.format"]


def test_placeholders_in_typed_text_are_shown_as_written():
    lines = frame(line(tracking_id="{provider}{0}", provider="{tracking}"))
    text = explain(validate_tracking(lines), "en").tolist()
    assert any("{PROVIDER}{0}" in t for t in text)
