"""Quantity rule: a line the team typed or changed on Orders with an impossible quantity (empty, 0, negative, not a
whole number, above the Quantity Limit setting) is an error that holds the line; cancelled and shipped lines are
not looked at; the sheet's numbers as Excel gives them (2.0) are whole numbers."""

from __future__ import annotations

import pytest

from tests.review.conftest import frame, line, problem, run, tuples
from tkops.settings import Settings


@pytest.mark.parametrize("typed", [None, "", 0, -1, "0", "-3", 1.5, "1.5", "two", 1000, "1e3", "1,5"])
def test_impossible_quantities_hold_the_line(typed):
    result = run(frame(line(n=1), line(n=2, quantity=typed)))
    assert tuples(result, "quantity") == {(3, "quantity", "quantity.invalid")}
    assert (result.statuses[2], result.statuses[3]) == ("Ready", "Hold")


@pytest.mark.parametrize("typed", [1, 2.0, "3", " 4 ", "999", 999.0])
def test_possible_quantities_pass(typed):
    assert tuples(run(frame(line(n=1, quantity=typed))), "quantity") == set()


def test_the_limit_comes_from_the_settings_sheet():
    lines = frame(line(n=1, quantity=5), line(n=2, quantity=6))
    assert tuples(run(lines, settings=Settings(quantity_limit="5")), "quantity") == {(3, "quantity",
                                                                                     "quantity.invalid")}
    assert problem(run(lines, settings=Settings(quantity_limit="5")), "quantity.invalid")["explanation"] == (
        'quantity "6" is not possible: a line has 1 to 5 units (Quantity Limit on the Settings sheet); correct the '
        "cell")


def test_empty_quantity_says_so_in_both_languages():
    result = run(frame(line(n=1, quantity=None)))
    assert problem(result, "quantity.invalid")["explanation"] == (
        "quantity is empty: every line needs its number of units (1 to 999)")
    assert problem(run(frame(line(n=1, quantity=None)), settings=Settings(language="zh")),
                   "quantity.invalid")["explanation"].startswith("数量为空")


def test_cancelled_and_shipped_lines_are_not_checked():
    lines = frame(line(n=1, quantity=0, order_status="Cancelled"), line(n=2, quantity=0, order_status="Shipped"),
                  line(n=3, quantity=0))
    assert tuples(run(lines), "quantity") == {(4, "quantity", "quantity.invalid")}


def test_a_sheet_without_a_quantity_column_is_not_flagged():
    lines = frame(line(n=1)).drop(columns=["quantity"])
    assert tuples(run(lines), "quantity") == set()
