"""One cleaning of a tracking number, whether it came from a carrier's file or a cell of the Orders sheet."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tkops.cells.tracking import EXCEL_DIGITS, clean_tracking


@pytest.mark.parametrize("cell, expected", [
    ("1z 5r8 939 0357567127", ("1Z5R89390357567127", "")),  # spaces out, upper case
    ("'1Z5R89390357567127", ("1Z5R89390357567127", "")),  # Excel's text apostrophe
    ("\u200b9400\t1000\n0000 0000 0000", ("94001000000000000000", "")),  # zero-width, tab, line break
    ("ＬＸ１２３４５６７８９ＣＮ", ("LX123456789CN", "")),  # full-width letters and digits
    (None, ("", "empty")), (pd.NA, ("", "empty")), (pd.NaT, ("", "empty")), (math.nan, ("", "empty")),
    ("   ", ("", "empty")), ("'", ("", "empty")),
    (123456789012, ("123456789012", "")), (123456789012.0, ("123456789012", "")),
    (10 ** EXCEL_DIGITS - 1, (str(10 ** EXCEL_DIGITS - 1), "")),
    (10 ** EXCEL_DIGITS, (str(10 ** EXCEL_DIGITS), "mangled")),  # a whole number Excel cannot hold exactly
    (-(10 ** EXCEL_DIGITS), (str(-(10 ** EXCEL_DIGITS)), "mangled")),
    (9.40011e21, ("9.40011E+21", "mangled")),  # a float Excel made of a long number
    (math.inf, ("inf", "mangled")),
    (True, ("TRUE", "")),  # a yes/no cell is text, never 1
    ("9.40011E+21", ("9.40011E+21", "mangled")), ("9,4E+21", ("9,4E+21", "mangled")),
    ("-1.5e-3", ("-1.5E-3", "mangled")),
    ("123456789.0", ("123456789", "")), ("123456789,00", ("123456789", "")),  # a number read as text
    ("1" * EXCEL_DIGITS + ".0", ("1" * EXCEL_DIGITS, "")),
    ("1" * (EXCEL_DIGITS + 1) + ".0", ("1" * (EXCEL_DIGITS + 1) + ".0", "mangled")),
    ("AB.0", ("AB.0", "")), ("XX12345678X'", ("XX12345678X'", "")),  # only a leading apostrophe goes
])
def test_a_cell_as_a_tracking_number(cell, expected):
    assert clean_tracking(cell) == expected


def test_the_shipping_core_cleans_numbers_the_same_way():
    from tkops.shipping import tracking

    assert tracking.clean_tracking is clean_tracking
