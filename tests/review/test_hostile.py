"""Hostile buyer text (HTML, formulas, 32,767-character strings, emoji, RTL, control characters, None/NaN) never
crashes a rule and stays inert: it is shown as written, never evaluated or escaped."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.review.conftest import frame, line, problem, run
from tkops.review.context import TEXT_KEYS
from tkops.review.problems import PROBLEM_COLUMNS

HOSTILE = [
    "<script>alert(1)</script>", "<b>bold</b> &amp; more", '=HYPERLINK("http://evil.example","click")', "=1+1",
    "+SUM(A1:A9)", "@cmd", "-2+3", "{{ 7*7 }}", "{% for x in range(9) %}x{% endfor %}", "%(name)s {0} {x}",
    "😀" * 50, "\u202eevil\u202c", "مرحبا بالعالم", "\x00\x01\x07\x1b[31m", "\t\n\r", "N/A", "*" * 20, " ",
    "x" * 32767, "黒 ブラック 黑色 size XL talla G", "\ufeffBOM", "null", "NaN", "1e308", "None",
]
SPECIALS = st.sampled_from([None, math.nan, pd.NA, 0, -1.5, True, *HOSTILE])
TEXT = st.one_of(st.text(max_size=40), SPECIALS)


@st.composite
def hostile_lines(draw) -> pd.DataFrame:
    n = draw(st.integers(min_value=1, max_value=4))
    rows = []
    for i in range(n):
        row = line(n=draw(st.integers(min_value=1, max_value=3)))
        for key in draw(st.lists(st.sampled_from(TEXT_KEYS), unique=True, max_size=len(TEXT_KEYS))):
            row[key] = draw(TEXT)
        row["quantity"] = draw(st.sampled_from([1, 0, -3, None, 10**9]))
        rows.append(row)
    return frame(*rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_lines())
def test_arbitrary_text_in_every_text_column_never_crashes(lines):
    result = run(lines)
    p = result.problems
    assert list(p.columns) == PROBLEM_COLUMNS
    assert set(p["row"]) <= set(lines.index)
    assert set(p["severity"]) <= {"error", "warning", "info"}
    assert list(result.statuses.index) == list(lines.index)
    for message in p["buyer_message"].dropna():
        assert "{{" not in message or any("{{" in str(v) for v in lines.to_numpy().ravel())


def test_markup_and_formulas_stay_as_written():
    lines = frame(line(recipient='=HYPERLINK("http://evil.example","x") <b>Bob</b>', zipcode="X",
                       buyer_message="{{ 7*7 }} <script>alert(1)</script> =1+1"))
    result = run(lines)
    message = problem(result, "address.zip_format")["buyer_message"]
    assert message.startswith('Hi =HYPERLINK("http://evil.example","x"),')
    other = problem(result, "message.other")["explanation"]
    assert other == 'buyer message: "{{ 7*7 }} <script>alert(1)</script> =1+1"'
    assert "49" not in other and "&lt;" not in message


def test_a_32767_character_message_is_shortened_in_the_explanation():
    result = run(frame(line(buyer_message="y" * 32767)))
    assert len(problem(result, "message.other")["explanation"]) < 120


def test_all_columns_missing_but_the_required_ones():
    result = run(pd.DataFrame({"order_id": ["577000000000000001"], "quantity": [1]}))
    assert {c for c in result.problems["code"]} == {"sku.empty"}


def test_empty_lines():
    result = run(frame(line()).iloc[0:0])
    assert result.problems.empty and result.summary["lines"] == 0 and result.shortfall.empty
