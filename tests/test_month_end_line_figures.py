"""Month-end makes the figures of its order lines while the AfterSales sheet is still being read, then adds the
history of the cases' old orders read after the sheet: the report is the one made from all the lines at once."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.jobs.month_end.line_figures import line_figures, trend_start, with_more_lines
from tkops.jobs.month_end.run import classify, month_end_figures
from tkops.settings import Settings

from line_samples import year_of_lines

MONTH = "2026-11"
NOW = pd.Timestamp("2026-12-02 10:00").to_pydatetime()
SETTINGS = Settings(market="US")


def old_orders(seed: int = 77, orders: int = 60) -> pd.DataFrame:
    """Orders of 2023, before the trend's twelve months (as month-end reads them for old cases)."""
    return year_of_lines(seed, orders=orders, start="2023-02-01", days=300)


def cases_of(lines: pd.DataFrame, n: int = 40) -> pd.DataFrame:
    """Returns of some of the lines, opened in the month, each with the line's SKU ID only (the SKU and carrier
    come from the lines)."""
    orders = lines.drop_duplicates("order_id")
    some = orders.iloc[::max(len(orders) // n, 1)].head(n)
    reasons = ["Item doesn't fit", "Damaged item or packaging", "Missing item or parts", "No longer needed"]
    return pd.DataFrame({
        "case_id": [f"R-{i}" for i in range(len(some))], "order_id": some["order_id"].to_numpy(),
        "sku_id": some["sku_id"].to_numpy(), "reason": [reasons[i % 4] for i in range(len(some))],
        "amount": 12.5, "currency": None, "quantity": 1, "return_type": "Return and refund",
        "return_status": "Completed", "opened": pd.Timestamp("2026-11-20 09:00"),
        "closed": pd.Timestamp("2026-11-23 15:00")})


def assert_same_figures(a, b) -> None:
    pd.testing.assert_frame_equal(a.orders, b.orders, check_exact=True)
    pd.testing.assert_frame_equal(a.month_lines, b.month_lines, check_exact=True)
    assert a.fulfilment == b.fulfilment and a.size == b.size
    pd.testing.assert_frame_equal(a.pivots.facts, b.pivots.facts, check_exact=True)
    pd.testing.assert_frame_equal(a.pivots.shipped, b.pivots.shipped, check_exact=True)
    pd.testing.assert_series_equal(a.pivots.names, b.pivots.names, check_exact=True)


def test_old_orders_added_after_the_sheet_give_the_figures_of_all_the_lines():
    recent = year_of_lines(5)
    lines = pd.concat([recent, old_orders()], ignore_index=True)
    early = line_figures(MONTH, recent, SETTINGS, now=NOW)
    made = with_more_lines(early, lines)
    assert made is not None and made.fulfilment is early.fulfilment  # the month's KPIs are not made again
    assert_same_figures(made, line_figures(MONTH, lines, SETTINGS, now=NOW))
    assert made.fulfilment["orders"] > 0 and len(made.month_lines) > 0


@pytest.mark.parametrize("case", ["line of a known order", "order of the trend", "no paid time before",
                                  "fewer lines"])
def test_lines_that_could_change_a_figure_make_them_again(case):
    recent = year_of_lines(6)
    more = old_orders(orders=10)
    if case == "line of a known order":
        more.loc[0, "order_id"] = recent["order_id"].iloc[0]
    elif case == "order of the trend":
        last = more["order_id"] == more["order_id"].iloc[-1]
        more.loc[last, ["paid_time", "created_time"]] = pd.Timestamp(trend_start(MONTH))
    elif case == "no paid time before":
        recent = recent.assign(paid_time=pd.NaT)
    early = line_figures(MONTH, recent, SETTINGS, now=NOW)
    lines = recent.iloc[:10] if case == "fewer lines" else pd.concat([recent, more], ignore_index=True)
    assert with_more_lines(early, lines) is None
    # month-end then makes them again from all the lines: the same report as without the early figures
    cases = classify(cases_of(lines))
    with_early = month_end_figures(MONTH, lines, cases, SETTINGS, now=NOW, early=early)
    without = month_end_figures(MONTH, lines, cases, SETTINGS, now=NOW)
    assert with_early.figures == without.figures


def test_the_report_made_with_early_figures_is_the_report_made_at_once():
    recent = year_of_lines(8, orders=400)
    lines = pd.concat([recent, old_orders(orders=30)], ignore_index=True)
    # cases of recent orders and of old ones (an old order's return finds its SKU and carrier in the old lines)
    cases = classify(pd.concat([cases_of(recent, 30), cases_of(lines.iloc[len(recent):], 8).assign(
        case_id=lambda f: "OLD-" + f["case_id"])], ignore_index=True))
    early = line_figures(MONTH, recent, SETTINGS, now=NOW)
    a = month_end_figures(MONTH, lines, cases, SETTINGS, now=NOW, early=early)
    b = month_end_figures(MONTH, lines, cases, SETTINGS, now=NOW)
    assert a.figures == b.figures and a.figures["cases"] == 38
    for name in ("by_currency", "cancellations", "causes", "response", "trend"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    for name in ("cause_by_sku", "cause_by_month", "type_by_carrier", "sku_health", "top_pairs"):
        pd.testing.assert_frame_equal(getattr(a.pivots, name), getattr(b.pivots, name), check_exact=True)
    assert set(a.pivots.type_by_carrier["carrier"]) - {""}  # the old orders' carriers were found
