"""KPIs of a period on a small case computed by hand; multi-line orders count once."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.clocks.conftest import T, frame, line
from tkops.clocks import KPI_KEYS, SlaTable, kpi_rows, kpis
from tkops.settings import Settings

US = Settings(market="US")


def case():
    """Seven orders (US shop, November 2026); deadlines are 2 business days at 23:59, Thanksgiving 26th off.

    A (2 lines) paid Mon 2nd 10:00, reviewed 11:00, shipped Tue 3rd: on time twice.
    B (3 lines) paid Thu 5th 09:00, reviewed 12:00 (late), lines shipped Mon 9th and Tue 10th: deadline Mon 9th
      23:59, the order left with its last line: late.
    C paid Fri 6th, reviewed without a time, never shipped: past its deadline (Tue 10th) by 1 December.
    D (2 lines) cancelled before shipping.
    E paid 30 October: outside the period.
    F paid Tue 24th 22:00, reviewed 23:30, shipped Fri 27th 09:00: on time (Thursday is Thanksgiving).
    G (2 lines) paid Mon 30th 20:00, not shipped: its deadline (Wed 2 December) is still ahead on 1 December.
    """
    shipped = {"order_status": "In Transit"}
    rows = [
        line("A", paid_time=T(2026, 11, 2, 10), shipped_time=T(2026, 11, 3, 15), **shipped),
        line("A", paid_time=T(2026, 11, 2, 10), shipped_time=T(2026, 11, 3, 15), **shipped),
        line("B", paid_time=T(2026, 11, 5, 9), shipped_time=T(2026, 11, 9, 20), **shipped),
        line("B", paid_time=T(2026, 11, 5, 9), shipped_time=T(2026, 11, 10, 10), **shipped),
        line("B", paid_time=T(2026, 11, 5, 9), shipped_time=T(2026, 11, 9, 20), **shipped),
        line("C", paid_time=T(2026, 11, 6, 10)),
        line("D", paid_time=T(2026, 11, 20, 10), order_status="Cancelled"),
        line("D", paid_time=T(2026, 11, 20, 10), order_status="Cancelled"),
        line("E", paid_time=T(2026, 10, 30, 10), shipped_time=T(2026, 11, 2, 10), **shipped),
        line("F", paid_time=T(2026, 11, 24, 22), shipped_time=T(2026, 11, 27, 9), **shipped),
        line("G", paid_time=T(2026, 11, 30, 20)),
        line("G", paid_time=T(2026, 11, 30, 20)),
    ]
    reviewed = [T(2026, 11, 2, 11)] * 2 + [T(2026, 11, 5, 12)] * 3 + [None] * 4 + [T(2026, 11, 24, 23, 30)] + [None] * 2
    team = pd.DataFrame({"Review Status": ["Ready"] * 12, "Reviewed At": reviewed})
    return frame(*rows), team


def test_kpis_of_a_month_by_hand():
    lines, team = case()
    k = kpis(lines, team, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US)
    assert {key: k[key] for key in KPI_KEYS} == {
        "orders": 6,  # A B C D F G
        "reviewed": 3, "reviewed_on_time": 2, "review_share": pytest.approx(2 / 3),  # A F of A B F
        "to_dispatch": 4, "dispatched": 3, "dispatched_on_time": 2, "late_dispatched": 1, "late_open": 1,
        "dispatch_share": 0.5, "ldr": pytest.approx(1 / 3), "cancelled": 1,
    }
    assert k["dispatched_untimed"] == 0


def test_kpis_judged_earlier_and_on_a_shorter_period():
    lines, team = case()
    k = kpis(lines, team, dt.datetime(2026, 11, 5), dt.datetime(2026, 11, 7), settings=US,
             now=T(2026, 11, 9, 12, 0))
    # B (late) as the sheet shows it; C's deadline (Tue 10th) is still ahead on the 9th: not counted yet
    assert (k["orders"], k["dispatched"], k["late_open"], k["to_dispatch"]) == (2, 1, 0, 1)
    assert (k["ldr"], k["dispatch_share"], k["review_share"]) == (1.0, 0.0, 0.0)
    nothing = kpis(lines, team, dt.date(2026, 12, 1), dt.date(2027, 1, 1), settings=US)
    assert (nothing["orders"], nothing["ldr"], nothing["review_share"]) == (0, None, None)


def test_tracking_uploaded_is_dispatch_where_the_sheet_says_so():
    sla = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["US", "Dispatch Done When", "tracking"]])
    lines = frame(line("H", paid_time=T(2026, 11, 2, 10), tracking_id="1Z1", rts_time=T(2026, 11, 4, 20),
                       order_status="Awaiting Collection"),
                  line("I", paid_time=T(2026, 11, 2, 10), tracking_id="1Z2", order_status="Awaiting Collection"))
    k = kpis(lines, None, dt.date(2026, 11, 1), dt.date(2026, 12, 1), sla=sla, settings=US)
    assert (k["dispatched"], k["late_dispatched"], k["dispatched_untimed"]) == (1, 0, 1)
    strict = kpis(lines, None, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US)
    assert (strict["dispatched"], strict["late_open"]) == (0, 2)  # US default: not scanned yet


def test_orders_fulfilled_by_tiktok_count_as_dispatched_never_late():
    lines = frame(line("J", paid_time=T(2026, 11, 2, 10), fulfillment_type="Fulfilled by TikTok",
                       order_status="Delivered", shipped_time=T(2026, 11, 9, 10)),
                  line("K", paid_time=T(2026, 11, 2, 10), order_status="Delivered", shipped_time=T(2026, 11, 9, 10)))
    k = kpis(lines, None, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US)
    assert (k["dispatched"], k["late_dispatched"], k["ldr"]) == (2, 1, 0.5)


def test_kpi_rows_for_a_report():
    lines, team = case()
    rows = kpi_rows(kpis(lines, team, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US))
    assert rows[0] == ["Paid orders", 6] and rows[2] == ["Reviewed within 2 h of payment", 2]
    zh = kpi_rows(kpis(lines, team, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US), "zh")
    assert zh[10][0] == "预估延迟发货率（LDR）" and len(zh) == len(KPI_KEYS)
