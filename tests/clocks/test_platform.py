"""The platform's own deadlines win, the source of each is shown, closed orders get no due times, the
deliver-by and cancellation-request clocks, the auto-cancel rules of SEA, and ``now`` in the book's shop time."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.clocks.conftest import T, frame, line, ts
from tkops.clocks import CLOCK_COLUMNS, SlaTable, clocks, notes
from tkops.clocks.evidence import shop_zone
from tkops.settings import Settings

US = Settings(market="US")
PAID = T(2026, 11, 23, 10, 0)  # a Monday


def run(lines, now, settings=US, **kw):
    return clocks(lines, None, None, now, settings=settings, **kw)


def test_api_deadlines_win_and_say_so():
    lines = frame(line("1", paid_time=PAID),
                  line("2", paid_time=PAID, tts_sla_time=T(2026, 11, 24, 18, 0), rts_sla_time=T(2026, 11, 24, 12, 0),
                       shipping_due_time=T(2026, 12, 8, 9, 0), delivery_sla_time=T(2026, 12, 10, 20, 0)),
                  line("3", paid_time=PAID, rts_sla_time=T(2026, 11, 26, 1, 0)))
    out = run(lines, PAID)
    # US dispatch counts on the carrier's scan: the TTS (collection) SLA time; else the RTS one, never a later guess
    assert out["Dispatch Deadline"].tolist() == [ts("2026-11-25 23:59:59"), ts("2026-11-24 18:00"),
                                                 ts("2026-11-26 01:00")]
    assert out["Auto-cancel At"].tolist() == [ts("2026-12-03 23:59:59"), ts("2026-12-08 09:00"), ts("2026-12-03 23:59:59")]
    assert out["Deliver By"].tolist() == [ts("2026-12-02 23:59:59"), ts("2026-12-10 20:00"), ts("2026-12-02 23:59:59")]
    assert out["Deadline Source"].tolist() == [
        "computed", "platform", "platform: Dispatch Deadline; computed: Auto-cancel At, Deliver By"]
    assert list(out.columns) == CLOCK_COLUMNS
    assert all(out[c].dtype == object for c in CLOCK_COLUMNS if "State" in c or c in ("Deadline Source", "Next Clock"))
    shifted = run(lines.set_axis([30, 10, 20]), PAID)
    assert shifted["Deadline Source"].to_dict() == {30: "computed", 10: "platform", 20: out["Deadline Source"][2]}


def test_tracking_markets_use_the_rts_sla_time_and_the_sea_pick_up_cut_off():
    lines = frame(line("1", country="TH", paid_time=PAID, rts_sla_time=T(2026, 11, 25, 12, 0),
                       tts_sla_time=T(2026, 11, 24, 8, 0)),
                  line("2", country="TH", paid_time=PAID, rts_sla_time=T(2026, 11, 25, 12, 0),
                       pick_up_cut_off_time=T(2026, 11, 24, 14, 0)),
                  line("3", country="TH", paid_time=PAID, pick_up_cut_off_time=T(2026, 11, 23, 14, 0)))
    out = run(lines, PAID, Settings(market="TH"))
    assert out["Dispatch Deadline"].tolist() == [ts("2026-11-25 12:00"), ts("2026-11-24 14:00"),
                                                 ts("2026-11-23 14:00")]


def test_sea_auto_cancel_is_the_earliest_rule_not_yet_met():
    """TH: cancelled 2 working days after the order without Awaiting Collection, or 3 without the carrier's
    collection. The platform's Shipping Due and Collection Due Times replace each rule's computed time."""
    th = Settings(market="TH")
    lines = frame(line("1", country="TH", paid_time=PAID),
                  line("2", country="TH", paid_time=PAID, tracking_id="TH1", order_status="Awaiting Collection"),
                  line("3", country="TH", paid_time=PAID, tracking_id="TH1", order_status="In Transit",
                       shipped_time=T(2026, 11, 24, 9, 0)),
                  line("4", country="TH", paid_time=PAID, shipping_due_time=T(2026, 11, 24, 20, 0),
                       collection_due_time=T(2026, 11, 27, 20, 0)),
                  line("5", country="TH", paid_time=PAID, tracking_id="TH1", order_status="Awaiting Collection",
                       shipping_due_time=T(2026, 11, 24, 20, 0), collection_due_time=T(2026, 11, 27, 20, 0)))
    out = run(lines, T(2026, 11, 25, 12, 0), th)
    assert out["Auto-cancel At"].tolist() == [ts("2026-11-25 23:59:59"), ts("2026-11-26 23:59:59"), ts("2026-11-25 23:59:59"),
                                              ts("2026-11-24 20:00"), ts("2026-11-27 20:00")]
    assert out["Auto-cancel State"].tolist() == ["due soon", "ok", "done", "late", "ok"]
    assert out["Dispatch State"].tolist() == ["due soon", "done", "done", "due soon", "done"]


def test_delivery_due_time_keeps_auto_cancel_running_until_delivered():
    lines = frame(line("1", paid_time=PAID, order_status="In Transit", shipped_time=T(2026, 11, 24, 9, 0),
                       tracking_id="1Z", delivery_due_time=T(2026, 12, 20, 0, 0)),
                  line("2", paid_time=PAID, order_status="In Transit", shipped_time=T(2026, 11, 24, 9, 0),
                       tracking_id="1Z"))
    out = run(lines, T(2026, 11, 25, 12, 0))
    assert out["Auto-cancel At"].tolist() == [ts("2026-12-20 00:00"), ts("2026-12-03 23:59:59")]
    assert out["Auto-cancel State"].tolist() == ["ok", "done"]


def test_cancel_order_sla_time_is_an_auto_cancel_time():
    lines = frame(line("1", paid_time=PAID, cancel_order_sla_time=T(2026, 11, 27, 8, 0)))
    out = run(lines, T(2026, 11, 27, 9, 0))
    assert out["Auto-cancel At"].iloc[0] == ts("2026-11-27 08:00") and out["Auto-cancel State"].iloc[0] == "late"
    assert out["Deadline Source"].iloc[0] == "platform: Auto-cancel At; computed: Dispatch Deadline, Deliver By"


@pytest.mark.parametrize("status, extra", [
    ("Cancelled", {}), ("Delivered", {}), ("Completed", {}),
    ("Shipped", {"order_substatus": "Delivered"}), ("In Transit", {"delivered_time": T(2026, 11, 26, 9, 0)}),
])
def test_closed_orders_get_no_due_times(status, extra):
    lines = frame(line("1", paid_time=PAID, order_status=status, rts_sla_time=T(2026, 11, 24, 12, 0), **extra))
    out = run(lines, T(2026, 11, 26, 10, 0), requests=pd.DataFrame({"Order ID": ["1"], "Opened": [PAID]}))
    due = [c for c in out.columns if c.endswith(("Due", "Deadline", "At", "By"))]
    assert out[due].isna().all(axis=None), out[due].iloc[0].to_dict()
    assert (out.iloc[0][[c for c in out.columns if "State" in c]] == "").all()
    assert out["Deadline Source"].iloc[0] == "" and notes(out, PAID, "en").iloc[0] == ""


def test_tiktok_fulfilled_and_unpaid_orders_show_no_due_time_either():
    lines = frame(line("1", paid_time=PAID, fulfillment_type="Fulfilled by TikTok"),
                  line("2", order_status="Unpaid", created_time=PAID))
    out = run(lines, PAID)
    assert out[["Review Due", "Dispatch Deadline", "Deliver By"]].isna().all(axis=None)


def test_cancellation_requests_from_the_sheet_or_the_api():
    """A pending request (the AfterSales sheet's, or the order's Request Cancel Time) is answered within the
    market's Cancel Request Hours (24), or by the case's own earlier Due (the platform's, from the API)."""
    packed = {"paid_time": PAID, "review_status": "Done", "packed": "Yes"}
    lines = frame(line("1", **packed), line("2", **packed),
                  line("3", request_cancel_time=T(2026, 11, 23, 20, 0), **packed), line("4", **packed))
    requests = pd.DataFrame({"Order ID": ["1", "2"], "Opened": [T(2026, 11, 23, 11, 0), T(2026, 11, 23, 11, 0)],
                             "Due": [None, T(2026, 11, 23, 23, 0)]})
    out = run(lines, T(2026, 11, 24, 10, 30), requests=requests)
    assert out["Cancel Request Due"].tolist()[:3] == [ts("2026-11-24 11:00"), ts("2026-11-23 23:00"),
                                                      ts("2026-11-24 20:00")]
    assert pd.isna(out["Cancel Request Due"].iloc[3]) and out["Cancel Request State"].iloc[3] == ""
    assert out["Cancel Request State"].tolist()[:3] == ["due soon", "late", "ok"]
    assert out["Deadline Source"].tolist()[1] == "platform: Cancel Request Due; computed: Dispatch Deadline, " \
                                                 "Auto-cancel At, Deliver By"
    assert out["Next Clock"].tolist()[:2] == ["Cancel Request Due", "Cancel Request Due"]
    assert notes(out, T(2026, 11, 24, 10, 30), "en").iloc[0] == ("answer the cancellation request by 2026-11-24 11:00 "
                                                         "(0.5 h left), or TikTok settles it")
    answered = pd.concat([requests.assign(Settled=False),
                          pd.DataFrame({"Order ID": ["3"], "Opened": [T(2026, 11, 23, 20, 0)], "Settled": [True]})])
    settled = run(lines, T(2026, 11, 24, 10, 30), requests=answered)  # order 3's request was answered
    assert settled["Cancel Request Due"].isna().tolist() == [False, False, True, True]
    none_pending = run(lines, T(2026, 11, 24, 10, 30), requests=answered.assign(Settled=True))
    assert none_pending["Cancel Request Due"].isna().all()
    off = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["US", "Cancel Request Hours", "off"]])
    quiet = clocks(lines, None, off, T(2026, 11, 24, 10, 30), settings=US, requests=requests)
    assert quiet["Cancel Request Due"].isna().tolist() == [True, False, True, True]  # only the case's own Due


def test_now_is_the_books_shop_time_however_the_market_was_given():
    """The same naive --now is the same instant whether the market comes from the Settings sheet, the command line
    or only from the lines' Country; with a Time Zone setting, from that zone."""
    lines = frame(line("1", paid_time=PAID), line("2", paid_time=PAID))
    now = T(2026, 11, 23, 11, 45)  # 1 h 45 min after payment, in Los Angeles
    for settings in (US, Settings(), Settings().with_overrides(market="us")):
        out = run(lines, now, settings)
        assert out["Review State"].tolist() == ["due soon", "due soon"], settings
        assert out["Review Due"].iloc[0] == ts("2026-11-23 12:00")
    assert shop_zone(Settings(), frame(line(), line(country="TH"), line(country="TH"))["country"].map(
        {"United States": "US", "TH": "TH"})) == "Asia/Bangkok"
    assert shop_zone(Settings(time_zone="Asia/Shanghai")) == "Asia/Shanghai" and shop_zone(Settings()) == "UTC"
    assert shop_zone(US, pd.Series(["TH", "TH"])) == "America/Los_Angeles"  # the Market setting before the lines'
    aware = dt.datetime(2026, 11, 23, 19, 45, tzinfo=dt.timezone.utc)
    assert run(lines, aware, Settings())["Review State"].tolist() == ["due soon", "due soon"]


def test_day_zero_of_an_order_placed_on_a_day_off_is_a_setting():
    """Placed on a Saturday, 2 business days: Tuesday by default (the order date is day 0), Wednesday when the SLA
    sheet's Day Zero is "next business day" (docs/sla.md#the-readings-chosen); a Monday order is the same either way."""
    saturday, monday = T(2026, 11, 21, 10, 0), T(2026, 11, 16, 10, 0)
    lines = frame(line("1", created_time=saturday, paid_time=saturday),
                  line("2", created_time=monday, paid_time=monday))
    rows = [["Market", "Setting", "Value"], ["US", "Time Zone", "America/Los_Angeles"]]
    default = clocks(lines, None, SlaTable.from_sheet_rows(rows), saturday, settings=US)
    assert default["Dispatch Deadline"].tolist() == [ts("2026-11-24 23:59:59"), ts("2026-11-18 23:59:59")]
    rolled = clocks(lines, None, SlaTable.from_sheet_rows(rows + [["US", "Day Zero", "next business day"]]),
                    saturday, settings=US)
    assert rolled["Dispatch Deadline"].tolist() == [ts("2026-11-25 23:59:59"), ts("2026-11-18 23:59:59")]
