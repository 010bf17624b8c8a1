"""The cell parsers on small columns: money in every style, dates and their day/month order, IDs, numbers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops import values as V
from tkops.errors import AmbiguousDates, BadValue, MangledIds


def where(n: int) -> V.Where:
    return V.Where("f.csv", "Col", pd.Series(range(2, n + 2)))


@pytest.mark.parametrize("text, amount, currency", [
    ("12.50", 12.5, ""), ("BRL 35,91", 35.91, "BRL"), ("R$ 62,90", 62.9, "BRL"), ("234.9", 234.9, ""),
    ("1.234,56", 1234.56, ""), ("1,234.56", 1234.56, ""), ("$1,234", 1234.0, "USD"), ("£7.99", 7.99, "GBP"),
    ("฿1,200.00", 1200.0, "THB"), ("Rp 150.000", 150000.0, "IDR"), ("150.000 ₫", 150000.0, "VND"),
    ("USD 12.50", 12.5, "USD"), ("-3,50", -3.5, ""), ("€ 9", 9.0, "EUR"), ("1.234.567", 1234567.0, ""),
])
def test_money_styles(text, amount, currency):
    amounts, currencies = V.money(pd.Series([text]), where(1))
    assert amounts[0] == pytest.approx(amount)
    assert currencies[0] == currency


def test_money_with_a_fixed_decimal_setting():
    amounts, _ = V.money(pd.Series(["1.234", "12,5"]), where(2), decimal=",")
    assert list(amounts) == [1234.0, 12.5]


def test_money_keeps_numbers_from_xlsx_and_blanks():
    amounts, _ = V.money(pd.Series([12.5, None, "", "3"], dtype=object), where(4))
    assert amounts[0] == 12.5 and pd.isna(amounts[1]) and pd.isna(amounts[2]) and amounts[3] == 3


def test_money_refuses_text_with_row_and_column():
    with pytest.raises(BadValue) as err:
        V.money(pd.Series(["1", "about ten"]), where(2))
    assert err.value.params["row"] == 3 and err.value.params["column"] == "Col"
    assert "a number" in err.value.render()


def test_integers():
    assert list(V.integers(pd.Series([" 2 ", "2.0", 3.0, None], dtype=object), where(4))[:3]) == [2, 2, 3]
    with pytest.raises(BadValue) as err:
        V.integers(pd.Series(["1", "1.5"]), where(2))
    assert err.value.params["row"] == 3 and "whole number" in err.value.render()


@pytest.mark.parametrize("cell", ["5.77123E+17", "5.77123456789012e+17", "577123456789012345.0", 5.77123456789012e17])
def test_mangled_ids_are_refused(cell):
    with pytest.raises(MangledIds) as err:
        V.ids(pd.Series(["577123456789012345", cell], dtype=object), where(2))
    assert err.value.params["row"] == 3
    assert "Seller Center" in err.value.render() and "Text" in err.value.render()


def test_ids_stay_text_and_small_numbers_are_fine():
    got = V.ids(pd.Series(["\t577123456789012345\t", 1234567.0, None, "  "], dtype=object), where(4))
    assert list(got) == ["577123456789012345", "1234567", None, None]


def test_clean_text_drops_control_characters_only():
    got = V.clean_text(pd.Series(["  a\x0bb\n c\t", "=1+1", "", None], dtype=object))
    assert list(got) == ["ab\n c", "=1+1", None, None]


def test_date_format_is_chosen_for_the_whole_file():
    texts = pd.Series(["11/25/2026 9:30:33 AM", "11/24/2026 10:00:00 PM"])
    assert V.choose_date_format(texts, where(2)) == "%m/%d/%Y %I:%M:%S %p"
    assert V.choose_date_format(pd.Series(["25/11/2026 09:30:33", "03/04/2026 10:00:00"]), where(2)) \
        == "%d/%m/%Y %H:%M:%S"
    assert V.choose_date_format(pd.Series(["2026/03/04 10:00:00"]), where(1)) == "%Y/%m/%d %H:%M:%S"


def test_ambiguous_dates_need_a_market():
    texts = pd.Series(["03/04/2026 10:00:00", "05/06/2026 11:00:00"])
    with pytest.raises(AmbiguousDates) as err:
        V.choose_date_format(texts, where(2))
    assert "Market" in err.value.render() and "03/04/2026" in err.value.render()
    assert V.choose_date_format(texts, where(2), "DMY") == "%d/%m/%Y %H:%M:%S"
    assert V.choose_date_format(texts, where(2), "MDY") == "%m/%d/%Y %H:%M:%S"


def test_unreadable_date_names_row():
    with pytest.raises(BadValue) as err:
        V.choose_date_format(pd.Series(["25/11/2026 09:30:33", "yesterday"]), where(2))
    assert err.value.code == "bad_date" and err.value.params["row"] == 3


def test_datetimes_from_text_xlsx_and_serials():
    col = pd.Series(["25/11/2026 09:30:33", dt.datetime(2026, 11, 25, 9, 30), 46351.5, None], dtype=object)
    got = V.datetimes(col, where(4), "%d/%m/%Y %H:%M:%S")
    assert got[0] == pd.Timestamp("2026-11-25 09:30:33")
    assert got[1] == pd.Timestamp("2026-11-25 09:30")
    assert got[2] == pd.Timestamp("1899-12-30") + pd.Timedelta(days=46351.5)
    assert pd.isna(got[3])
