"""KPIs of a period on a small case computed by hand; multi-line orders count once."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.clocks.conftest import T, frame, line
from tkops.clocks import KPI_KEYS, SlaTable, kpi_rows, kpis
from tkops.clocks.kpi import exclusion_lines
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
        "reviewed": 3, "reviewed_on_time": 2, "review_missed": 0, "review_share": pytest.approx(2 / 3),  # A F of A B F
        "to_dispatch": 4, "dispatched": 3, "dispatched_on_time": 2, "late_dispatched": 1, "late_open": 1,
        "dispatch_share": 0.5, "ldr": pytest.approx(1 / 3), "cancelled": 1,
    }
    assert k["dispatched_untimed"] == 0
    # C and G were reviewed without a time (Review Status Ready), D's review has no time either
    assert (k["review_untimed"], k["review_not_due"], k["review_missed"]) == (3, 0, 0)
    assert exclusion_lines(k, "en") == [
        "Left out of the review share: 3 (3 reviewed without a Reviewed At time)",
        "Left out of the dispatch share: 2 (1 not dispatched, deadline not passed yet, 1 cancelled before dispatch)"]


def test_orders_nobody_reviewed_are_misses_once_their_review_is_due():
    """Mon 2 Nov 2026, review within 2 h of payment. P: reviewed on time; Q: never reviewed, 3 h after payment (a
    miss); R: never reviewed, paid 1 h ago (not due yet: left out); S: reviewed late; T: Review Status Done without
    a time (left out); U: cancelled unreviewed 1 h after payment (left out), V: cancelled unreviewed 5 h after
    payment (a miss); W: fulfilled by TikTok (left out)."""
    paid = T(2026, 11, 2, 9, 0)
    rows = [line("P", paid_time=paid), line("Q", paid_time=paid), line("R", paid_time=T(2026, 11, 2, 11, 0)),
            line("S", paid_time=paid), line("T", paid_time=paid),
            line("U", paid_time=paid, order_status="Cancelled", cancelled_time=T(2026, 11, 2, 10, 0)),
            line("V", paid_time=paid, order_status="Cancelled", cancelled_time=T(2026, 11, 2, 14, 0)),
            line("W", paid_time=paid, fulfillment_type="Fulfilled by TikTok"),
            line("X", paid_time=paid, order_status="Cancelled")]  # no Cancelled Time: left out
    team = pd.DataFrame({"Review Status": [None, None, None, None, "Done", None, None, None, None],
                         "Reviewed At": [T(2026, 11, 2, 10, 0), None, None, T(2026, 11, 2, 11, 30), None, None, None,
                                         None, None]})
    k = kpis(frame(*rows), team, dt.date(2026, 11, 2), dt.date(2026, 11, 3), settings=US, now=T(2026, 11, 2, 12, 0))
    assert (k["reviewed"], k["reviewed_on_time"], k["review_missed"]) == (2, 1, 2)
    assert k["review_share"] == pytest.approx(1 / 4)
    assert (k["review_untimed"], k["review_not_due"], k["review_cancelled"], k["review_fbt"]) == (1, 1, 2, 1)
    assert (k["dispatch_fbt"], k["dispatch_not_due"], k["cancelled"]) == (1, 5, 3)
    assert exclusion_lines(k, "en")[0] == ("Left out of the review share: 5 (1 reviewed without a Reviewed At time, "
                                           "1 not reviewed, review not due yet, 2 cancelled before the review was "
                                           "due, 1 fulfilled by TikTok)")
    assert exclusion_lines(k, "zh")[0].startswith("未计入按时审单比例：5（1 个已审单但无审单时间，")
    later = kpis(frame(*rows), team, dt.date(2026, 11, 2), dt.date(2026, 11, 3), settings=US)  # judged at the end
    assert (later["review_missed"], later["review_not_due"]) == (3, 0)


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
    rows = kpi_rows(kpis(lines, team, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US), "en")
    assert rows[0] == ["Paid orders", 6] and rows[2] == ["Reviewed within 2 h of payment", 2]
    zh = kpi_rows(kpis(lines, team, dt.date(2026, 11, 1), dt.date(2026, 12, 1), settings=US), "zh")
    assert zh[11][0] == "预估延迟发货率（LDR）" and len(zh) == len(KPI_KEYS)
    assert rows[3] == ["Never reviewed, review overdue (missed)", 0]


def test_kpi_rows_without_the_review_hours_say_two():
    rows = kpi_rows({key: 0 for key in KPI_KEYS}, "en")
    assert rows[2] == ["Reviewed within 2 h of payment", 0] and len(rows) == len(KPI_KEYS)
    assert kpi_rows({**{key: 1 for key in KPI_KEYS}, "review_hours": 3.5}, "zh")[2] == ["付款后 3.5 小时内审单", 1]
    assert exclusion_lines({key: 0 for key in KPI_KEYS}, "en") == []
    assert exclusion_lines({"cancelled": 2}, "zh") == ["未计入按时发货比例：2（2 个发货前取消）"]


def test_kpi_boundaries_are_inclusive_where_tiktok_is():
    """Paid exactly at the period's start counts, exactly at its end does not; reviewed exactly at the due time is
    on time; dispatched exactly at the deadline is not late; a deadline exactly at ``now`` is not passed yet, nor is
    a review due exactly then; cancelled exactly when the review was due is not a miss."""
    sla = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["US", "Dispatch Done When", "tracking"]])
    start, end = T(2026, 11, 2, 9, 0), T(2026, 11, 2, 17, 0)
    rows = [line("A", paid_time=start, rts_time=T(2026, 11, 4, 23, 59, 59), order_status="Awaiting Collection",
                 tracking_id="1Z"),
            line("B", paid_time=end),
            line("C", paid_time=T(2026, 11, 2, 10, 0)),
            line("D", paid_time=T(2026, 11, 2, 9, 30), order_status="Cancelled", cancelled_time=T(2026, 11, 2, 11, 30)),
            line("E", created_time=T(2026, 10, 29, 9, 0), paid_time=T(2026, 11, 2, 9, 0))]
    team = pd.DataFrame({"Reviewed At": [T(2026, 11, 2, 11, 0), None, None, None, None]})
    k = kpis(frame(*rows), team, start, end, sla=sla, settings=US, now=T(2026, 11, 2, 12, 0))
    assert k["orders"] == 4  # A C D E; B was paid at the end
    assert (k["reviewed"], k["reviewed_on_time"], k["review_missed"], k["review_not_due"]) == (1, 1, 1, 1)
    assert k["review_cancelled"] == 1  # D: cancelled at 11:30, exactly when its review was due
    assert (k["dispatched"], k["late_dispatched"]) == (1, 0)  # A: RTS at 23:59:59 on the deadline
    # E was created on Thursday 29 October: its deadline (Monday 2 November 23:59) is the order's, not the payment's
    at_deadline = kpis(frame(*rows), team, start, end, sla=sla, settings=US, now=T(2026, 11, 2, 23, 59, 59))
    assert (at_deadline["late_open"], at_deadline["dispatch_not_due"]) == (0, 2)
    after = kpis(frame(*rows), team, start, end, sla=sla, settings=US, now=T(2026, 11, 3, 0, 0))
    assert (after["late_open"], after["dispatch_not_due"]) == (1, 1)
    assert k["review_hours"] == 2 and kpis(frame(*rows), team, start, end, sla=SlaTable.from_sheet_rows(
        [["Market", "Setting", "Value"], ["*", "Review Hours", 3]]), settings=US)["review_hours"] == 3


def test_kpis_read_a_naive_now_in_the_books_shop_time():
    rows = [line("A", paid_time=T(2026, 11, 2, 9, 0))]
    for settings in (None, Settings(), US):
        k = kpis(frame(*rows), None, dt.date(2026, 11, 2), dt.date(2026, 11, 3), settings=settings,
                 now=T(2026, 11, 2, 11, 30))  # 11:30 in Los Angeles: the review was due at 11:00
        assert k["review_missed"] == 1, settings


def test_the_kpis_preparation_equals_the_full_one_in_every_column_it_keeps():
    from tkops.clocks.evidence import prepare

    lines, team = case()
    extra = frame(
        line("H", country="Malaysia", paid_time=T(2026, 11, 3, 9), rts_sla_time=T(2026, 11, 5, 9),
             pick_up_cut_off_time=T(2026, 11, 4, 18), tts_sla_time=T(2026, 11, 6, 9)),
        line("I", country="United Kingdom", paid_time=T(2026, 11, 7, 23), shipping_due_time=T(2026, 11, 12, 9),
             delivery_due_time=T(2026, 11, 20, 9), order_status="Awaiting Collection", rts_time=T(2026, 11, 8, 9)),
        line("J", country="Indonesia", created_time=T(2026, 11, 8, 1), order_status="Unpaid",
             request_cancel_time=T(2026, 11, 8, 2)))
    lines = pd.concat([lines, extra], ignore_index=True)
    team = team.reindex(lines.index)
    full = prepare(lines, team, SlaTable(), US)
    kept = prepare(lines, team, SlaTable(), US, dispatch_only=True)
    assert set(kept.columns) < set(full.columns) and "cancel_due" not in kept and "deliver_due" not in kept
    pd.testing.assert_frame_equal(kept, full[kept.columns])
    assert kept["dispatch_due"].notna().sum() >= 8 and (kept["dispatch_src"] == "platform").sum() == 1
