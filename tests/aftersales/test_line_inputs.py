"""What the pivots take from the order lines (order facts, SKU keys, catalogue, units shipped) is the same made at once
or made of the first lines and then the later ones added (the month-end adds the history of old cases' orders after
the AfterSales sheet is read)."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.aftersales.pivot_inputs import line_inputs, order_facts, with_more_lines
from tkops.aftersales.pivots import month_number

from line_samples import year_of_lines

NOVEMBER = month_number("2026-11")


def assert_same(a, b) -> None:
    pd.testing.assert_frame_equal(a.facts, b.facts, check_exact=True)
    pd.testing.assert_series_equal(a.skus, b.skus, check_exact=True)
    for x, y in ((a.seller_of_id, b.seller_of_id), (a.names, b.names)):
        pd.testing.assert_series_equal(x, y, check_exact=True)
    pd.testing.assert_frame_equal(a.shipped, b.shipped, check_exact=True)
    assert (a.month, a.size) == (b.month, b.size)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_old_orders_added_later_give_what_all_the_lines_give_at_once(seed):
    recent = year_of_lines(seed)
    old = year_of_lines(seed + 50, orders=80, start="2023-01-01", days=200)
    # an old line of a recent order without a carrier gives that order its carrier, as if read with it
    blank = recent["order_id"].iloc[-1]
    recent.loc[recent["order_id"] == blank, "shipping_provider"] = ""
    old.loc[0, ["order_id", "shipping_provider"]] = [blank, "DHL"]
    old.loc[0, "order_status"] = "Awaiting Shipment"
    old.loc[0, ["shipped_time", "paid_time", "created_time"]] = pd.NaT
    lines = pd.concat([recent, old], ignore_index=True)
    made = with_more_lines(line_inputs(recent, NOVEMBER), lines)
    assert made is not None
    assert_same(made, line_inputs(lines, NOVEMBER))
    assert made.facts.loc[blank, "carrier"] == "DHL"
    assert len(made.shipped) and made.shipped["units_shipped"].sum() > 0


def test_nothing_added_is_the_same_and_a_later_line_shipped_in_the_month_makes_them_again():
    lines = year_of_lines(4)
    first = line_inputs(lines.iloc[:200], NOVEMBER)
    assert with_more_lines(line_inputs(lines, NOVEMBER), lines) is not None
    shipped = lines.iloc[200:]
    in_month = pd.to_datetime(shipped["shipped_time"]).dt.to_period("M").astype(str).eq("2026-11")
    assert in_month.any()  # the later lines ship in November: the units shipped would change
    assert with_more_lines(first, lines) is None
    before = lines.iloc[200:].assign(shipped_time=pd.Timestamp("2024-01-05"), paid_time=pd.Timestamp("2024-01-02"))
    assert with_more_lines(first, pd.concat([lines.iloc[:200], before], ignore_index=True)) is not None


def test_order_facts_first_line_currency_and_month_first_carrier_given():
    lines = pd.DataFrame({
        "order_id": ["1", None, "2", "1", " 2", 3, ""],
        "shipping_provider": [None, "X", "", "UPS", "DHL", None, "Y"],
        "currency": ["USD", "GBP", None, "EUR", "USD", "USD", "JPY"],
        "paid_time": pd.to_datetime([None, "2026-01-02", "2026-02-03", "2026-05-01", None, "2026-03-01", None]),
        "created_time": pd.to_datetime(["2025-12-30", None, None, None, None, None, "2026-04-04"])})
    facts = order_facts(lines)
    assert facts.index.tolist() == ["1", "", "2", "3"]  # blank IDs are one order, " 2" is "2"
    assert facts["carrier"].tolist() == ["UPS", "X", "DHL", ""]
    assert facts["currency"].tolist() == ["USD", "GBP", "", "USD"]
    assert facts["month"].tolist() == [month_number("2025-12"), month_number("2026-01"), month_number("2026-02"),
                                       month_number("2026-03")]
    assert order_facts(lines.iloc[:0]).empty
