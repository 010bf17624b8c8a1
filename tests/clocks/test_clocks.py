"""The clocks of each order line: due times, states from ok to due soon to late to done, time zones and DST."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pandas as pd
import pytest

from tests.clocks.conftest import T, frame, line, ts
from tkops.clocks import CLOCK_COLUMNS, CLOCKS, SlaTable, clock_counts, clocks, notes
from tkops.settings import Settings

US = Settings(market="US")
PAID = T(2026, 11, 23, 10, 0)  # a Monday


def run(lines, now, team=None, sla=None, settings=US):
    return clocks(lines, team, sla, now, settings=settings)


def states(out, column):
    return out[column].tolist()


def test_columns_and_index_are_kept():
    lines = frame(line(paid_time=PAID), line(paid_time=PAID)).set_axis([7, 9])
    out = run(lines, PAID)
    assert list(out.columns) == CLOCK_COLUMNS and out.index.tolist() == [7, 9]
    assert out.loc[7, "Review Due"] == ts("2026-11-23 12:00") and out.loc[7, "Print Due"] == ts("2026-11-23 13:00")
    assert pd.isna(out.loc[7, "Pack Due"]) and out.loc[7, "Pack State"] == ""
    assert out.loc[7, "Dispatch Deadline"] == ts("2026-11-25 23:59:59")
    assert out.loc[7, "Auto-cancel At"] == ts("2026-12-03 23:59:59")  # 7 business days, Thanksgiving skipped


@pytest.mark.parametrize("now, state", [
    (T(2026, 11, 23, 11, 0), "ok"), (T(2026, 11, 23, 11, 29), "ok"), (T(2026, 11, 23, 11, 30), "due soon"),
    (T(2026, 11, 23, 12, 0), "due soon"), (T(2026, 11, 23, 12, 1), "late"),
])
def test_review_clock_from_ok_to_late(now, state):
    out = run(frame(line(paid_time=PAID)), now)
    assert out["Review State"].iloc[0] == state and out["Clock State"].iloc[0] == state


def test_review_is_done_with_a_review_status_or_time():
    lines = frame(*(line(str(n), paid_time=PAID) for n in range(5)))
    team = pd.DataFrame({"Review Status": ["Ready", "Done", "Hold", "New", None],
                         "Reviewed At": [None, None, None, None, T(2026, 11, 23, 10, 30)]})
    out = run(lines, T(2026, 11, 23, 13, 0), team)
    assert states(out, "Review State") == ["done", "done", "late", "late", "done"]
    # print and pick counts from the review time the team recorded, else from the review due time
    assert out["Print Due"].tolist() == [ts("2026-11-23 13:00")] * 4 + [ts("2026-11-23 11:30")]
    assert states(out, "Print State") == ["due soon", "due soon", "due soon", "due soon", "late"]


def test_print_and_pack_clocks():
    team = pd.DataFrame({"Reviewed At": [T(2026, 11, 23, 10, 20)] * 5,
                         "Picked": [None, "x", "yes", "✓", "x"],
                         "Picked At": [None, T(2026, 11, 23, 11, 0), T(2026, 11, 23, 11, 0), None, None],
                         "Packed": [None, None, None, None, "Yes"]})
    lines = frame(*(line(str(n), paid_time=PAID) for n in range(5)))
    out = run(lines, T(2026, 11, 23, 11, 50), team)
    assert states(out, "Print State") == ["late", "done", "done", "done", "done"]
    # pack: no clock before picking; Picked At + 1 h; Picked without a time: from the print due time
    assert out["Pack Due"].tolist()[1:] == [ts("2026-11-23 12:00"), ts("2026-11-23 12:00"),
                                            ts("2026-11-23 12:20"), ts("2026-11-23 12:20")]
    assert states(out, "Pack State") == ["", "due soon", "due soon", "ok", "done"]
    later = run(lines, T(2026, 11, 23, 12, 30), team)
    assert states(later, "Pack State") == ["", "late", "late", "late", "done"]


def test_team_columns_found_by_key_or_name_and_inside_lines():
    lines = frame(line(paid_time=PAID, review_status="Ready", picked_at=T(2026, 11, 23, 11, 0)))
    out = run(lines, T(2026, 11, 23, 11, 50))
    assert out["Review State"].iloc[0] == "done" and out["Print State"].iloc[0] == "done"
    assert out["Pack State"].iloc[0] == "due soon"


def test_dispatch_and_auto_cancel_in_the_us():
    lines = frame(line("1", paid_time=PAID), line("2", paid_time=PAID, tracking_id="1Z999AA10123456784"),
                  line("3", paid_time=PAID, tracking_id="1Z999AA10123456784", order_status="In Transit",
                       shipped_time=T(2026, 11, 24, 9, 0)))
    team = pd.DataFrame({"Review Status": ["Ready"] * 3})
    tue = run(lines, T(2026, 11, 24, 12, 0), team)
    assert states(tue, "Dispatch State") == ["ok", "ok", "done"]
    assert states(tue, "Auto-cancel State") == ["ok", "done", "done"]  # US: uploaded tracking stops auto-cancel
    assert states(tue, "Pack State") == ["", "done", "done"]  # tracking means it was packed
    # 25% of Monday 10:00 -> Wednesday 23:59 is the last 15.5 hours
    wed = run(lines, T(2026, 11, 25, 8, 30), team)
    assert states(wed, "Dispatch State") == ["due soon", "due soon", "done"]
    thu = run(lines, T(2026, 11, 26, 0, 0), team)
    assert states(thu, "Dispatch State") == ["late", "late", "done"]  # US: only the carrier's scan counts
    assert states(thu, "Clock State") == ["late", "late", "ok"]  # in transit: the deliver-by clock still runs
    assert thu["Deliver By"].tolist()[2] == ts("2026-12-02 23:59:59")  # 6 business days, Thanksgiving skipped
    assert states(thu, "Deliver State") == ["ok", "ok", "ok"]


def test_dispatch_done_when_tracking_is_uploaded_when_the_sheet_says_so():
    sla = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["US", "Dispatch Done When", "tracking"]])
    lines = frame(line(paid_time=PAID, tracking_id="1Z999AA10123456784", review_status="Ready"))
    assert run(lines, T(2026, 11, 26, 0, 0), sla=sla)["Dispatch State"].iloc[0] == "done"


def test_due_soon_as_hours():
    sla = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["*", "Due Soon", "4h"]])
    lines = frame(line(paid_time=PAID, review_status="Ready"))
    assert run(lines, T(2026, 11, 25, 19, 59, 58), sla=sla)["Dispatch State"].iloc[0] == "ok"
    assert run(lines, T(2026, 11, 25, 19, 59, 59), sla=sla)["Dispatch State"].iloc[0] == "due soon"
    assert run(lines, T(2026, 11, 23, 10, 0), sla=sla)["Review State"].iloc[0] == "done"


def test_no_clock_for_unpaid_cancelled_or_tiktok_fulfilled_orders():
    lines = frame(line("1", order_status="Unpaid", created_time=PAID),
                  line("2", order_status="Cancelled", paid_time=PAID),
                  line("3", paid_time=PAID, fulfillment_type="Fulfilled by TikTok Shop"),
                  line("4", order_status="Awaiting Shipment", created_time=PAID))  # cash on delivery: no Paid Time
    out = run(lines, T(2026, 11, 30, 0, 0))
    assert states(out, "Clock State") == ["", "", "", "late"]
    assert out["Review Due"].tolist()[3] == ts("2026-11-23 12:00")
    assert out["Next Deadline"].isna().tolist() == [True, True, True, False]


def test_next_deadline_is_the_earliest_running_clock():
    team = pd.DataFrame({"Review Status": ["Ready", None]})
    lines = frame(line("1", paid_time=PAID), line("2", paid_time=PAID))
    out = run(lines, T(2026, 11, 23, 10, 30), team)
    assert out["Next Clock"].tolist() == ["Print Due", "Review Due"]
    assert out["Next Deadline"].tolist() == [ts("2026-11-23 13:00"), ts("2026-11-23 12:00")]
    texts = notes(out, T(2026, 11, 23, 10, 30), "en")
    assert texts.tolist() == ["print and pick by 2026-11-23 13:00", "review by 2026-11-23 12:00"]
    assert notes(out, T(2026, 11, 23, 10, 30), "zh").iloc[1] == "请在 2026-11-23 12:00 前审单"


def test_market_from_country_names_codes_or_the_setting():
    lines = frame(line("1", country="United States", paid_time=PAID), line("2", country="UK", paid_time=PAID),
                  line("3", country="ประเทศไทย", paid_time=PAID), line("4", country=None, paid_time=PAID),
                  line("5", country="Canada", paid_time=PAID), line("6", country="Viet Nam", paid_time=PAID))
    assert run(lines, PAID)["Market"].tolist() == ["US", "UK", "TH", "US", "US", "VN"]
    assert run(lines, PAID, settings=Settings())["Market"].tolist() == ["US", "UK", "TH", "", "", "VN"]


def test_a_line_without_a_market_gets_no_platform_deadline():
    """Its time zone and days off are unknown: any guess could promise a day TikTok does not give."""
    lines = frame(line(country=None, paid_time=T(2026, 11, 25, 10, 0)))
    out = run(lines, T(2026, 11, 25, 10, 0), settings=Settings())
    assert out["Market"].iloc[0] == "" and out["Review Due"].iloc[0] == ts("2026-11-25 12:00")
    assert out[["Dispatch Deadline", "Auto-cancel At", "Deliver By"]].isna().all(axis=None)
    assert out["Deadline Source"].iloc[0] == ""


def test_a_line_without_a_country_takes_the_books_one_market():
    lines = frame(line("1", country=None, paid_time=T(2026, 11, 25, 10, 0)),
                  line("2", country="United States", paid_time=T(2026, 11, 25, 10, 0)))
    out = run(lines, T(2026, 11, 25, 10, 0), settings=Settings())
    assert out["Market"].tolist() == ["US", "US"]
    assert out["Dispatch Deadline"].tolist() == [ts("2026-11-30 23:59:59")] * 2
    mixed = frame(line("1", country=None, paid_time=T(2026, 11, 25, 10, 0)), line("2", country="TH"),
                  line("3", country="US"))
    assert run(mixed, T(2026, 11, 25, 10, 0), settings=Settings())["Market"].tolist() == ["", "TH", "US"]


def test_us_shop_and_thai_shop_on_one_sheet():
    """Each line's times are its own shop's local time; an aware ``now`` is one instant for both."""
    paid = T(2026, 11, 25, 10, 0)
    lines = frame(line("1", country="US", paid_time=paid), line("2", country="TH", paid_time=paid))
    now = dt.datetime(2026, 11, 25, 11, 45, tzinfo=zoneinfo.ZoneInfo("Asia/Bangkok"))  # 2026-11-24 20:45 in LA
    out = run(lines, now, settings=Settings())
    assert states(out, "Review State") == ["ok", "due soon"]
    assert out["Dispatch Deadline"].tolist() == [ts("2026-11-30 23:59:59"), ts("2026-11-27 23:59:59")]
    # TH: cancelled after 2 working days without tracking (3 without the carrier's collection): the earlier
    assert out["Auto-cancel At"].tolist()[1] == ts("2026-11-27 23:59:59")
    late = run(lines, dt.datetime(2026, 11, 25, 20, 5, tzinfo=dt.timezone.utc), settings=Settings())
    assert states(late, "Review State") == ["late", "late"]  # 12:05 in LA, 03:05 next day in Bangkok


def test_shop_times_in_another_zone_than_the_market():
    """A seller whose sheet runs on Beijing time, selling in the US: the deadline follows US Pacific days."""
    shop = Settings(market="US", time_zone="Asia/Shanghai")
    lines = frame(line("1", paid_time=T(2026, 11, 26, 14, 0)),  # Wed 22:00 in LA: (Thu off) Fri, Mon
                  line("2", paid_time=T(2026, 11, 26, 16, 30)))  # Thu 00:30 in LA, Thanksgiving: Fri, Mon too
    out = run(lines, T(2026, 11, 26, 17, 0), settings=shop)
    assert out["Dispatch Deadline"].tolist() == [ts("2026-12-01 15:59:59"), ts("2026-12-01 15:59:59")]
    assert out["Review Due"].tolist() == [ts("2026-11-26 16:00"), ts("2026-11-26 18:30")]
    assert states(out, "Review State") == ["late", "ok"]  # a naive now is read in the shop's zone


def test_dst_starts_in_march():
    """2026-03-08 02:00 in Los Angeles jumps to 03:00: two real hours after 01:30 are 04:30 on the clock."""
    lines = frame(line(paid_time=T(2026, 3, 8, 1, 30)), line(paid_time=T(2026, 3, 6, 10, 0)),
                  line(paid_time=T(2026, 3, 8, 2, 30)))  # a time the clock skipped: taken as 03:00
    out = run(lines, T(2026, 3, 8, 4, 0))
    assert out["Review Due"].tolist() == [ts("2026-03-08 04:30"), ts("2026-03-06 12:00"), ts("2026-03-08 05:00")]
    # Sunday's orders: Monday is day 1, Tuesday day 2, like Friday's
    assert out["Dispatch Deadline"].tolist() == [ts("2026-03-10 23:59:59")] * 3
    assert out["Review State"].iloc[0] == "due soon"  # 30 real minutes left
    assert run(lines, T(2026, 3, 8, 4, 31))["Review State"].iloc[0] == "late"


def test_dst_ends_in_november():
    """2026-11-01 02:00 in Los Angeles goes back to 01:00: two real hours after 00:30 are 01:30 (again)."""
    lines = frame(line(paid_time=T(2026, 11, 1, 0, 30)), line(paid_time=T(2026, 10, 30, 22, 0)))
    out = run(lines, T(2026, 11, 1, 0, 45))
    assert out["Review Due"].tolist() == [ts("2026-11-01 01:30"), ts("2026-10-31 00:00")]
    assert out["Dispatch Deadline"].tolist() == [ts("2026-11-03 23:59:59"), ts("2026-11-03 23:59:59")]
    utc = dt.timezone.utc
    assert run(lines, dt.datetime(2026, 11, 1, 9, 0, tzinfo=utc))["Review State"].iloc[0] == "due soon"  # 01:00 PST
    assert run(lines, dt.datetime(2026, 11, 1, 9, 31, tzinfo=utc))["Review State"].iloc[0] == "late"


def test_counts_per_line_and_per_order():
    team = pd.DataFrame({"Review Status": ["Ready", None, None, "Ready"]})
    lines = frame(line("A", paid_time=PAID), line("A", paid_time=PAID), line("B", paid_time=PAID),
                  line("C", paid_time=PAID, order_status="Delivered", shipped_time=T(2026, 11, 24, 9, 0)))
    out = run(lines, T(2026, 11, 23, 12, 30), team)
    per_line = clock_counts(out)
    assert per_line["review"] == {"late": 2, "due soon": 0, "ok": 0, "done": 1}  # C is delivered: no clock
    per_order = clock_counts(out, lines["order_id"])
    assert per_order["review"] == {"late": 2, "due soon": 0, "ok": 0, "done": 0}
    assert per_order["all"] == {"late": 2, "due soon": 0, "ok": 0, "done": 0}
    assert per_order["dispatch"] == {"late": 0, "due soon": 0, "ok": 2, "done": 0}
    assert set(per_order) == {"review", "print", "pack", "dispatch", "auto_cancel", "deliver", "cancel_request",
                              "all"}


def test_empty_lines():
    out = run(frame(line(paid_time=PAID)).iloc[0:0], PAID)
    assert list(out.columns) == CLOCK_COLUMNS and out.empty
    assert clock_counts(out)["all"] == {"late": 0, "due soon": 0, "ok": 0, "done": 0}


def test_counts_of_a_frame_without_some_columns_and_ids_in_another_order():
    out = run(frame(line("A", paid_time=PAID), line("B", paid_time=PAID)).set_axis([5, 6]), T(2026, 11, 23, 12, 30))
    ids = pd.Series(["B", "A"], index=[6, 5])
    counts = clock_counts(out.drop(columns=["Deliver State"]), ids)
    assert counts["deliver"] == {"late": 0, "due soon": 0, "ok": 0, "done": 0}
    assert counts["review"] == {"late": 2, "due soon": 0, "ok": 0, "done": 0}
    assert list(counts) == [*CLOCKS, "all"] and counts["all"] == counts["review"]
    one = clock_counts(out, pd.Series(["A", "A"], index=[6, 5]))
    assert one["review"] == {"late": 1, "due soon": 0, "ok": 0, "done": 0}


def test_notes_for_every_state():
    team = pd.DataFrame({"Review Status": [None, None, "Done"], "Packed": [None, None, "Yes"]})
    lines = frame(line("1", paid_time=PAID), line("2", paid_time=T(2026, 11, 23, 8, 0)), line("3", paid_time=PAID))
    out = run(lines, T(2026, 11, 23, 11, 45), team)
    assert notes(out, T(2026, 11, 23, 11, 45), "en").tolist() == [
        "review due at 2026-11-23 12:00 (0.2 h left)", "review was due at 2026-11-23 10:00 (1.8 h late)",
        "dispatch by 2026-11-25 23:59"]
    assert notes(out.iloc[0:0], PAID, "en").tolist() == [] and notes(out, PAID, "en").dtype == object
    # 1 h 58 min left: rounded to 2 h (a tenth of an hour)
    assert notes(out, T(2026, 11, 23, 10, 2), "en").iloc[0] == "review due at 2026-11-23 12:00 (2 h left)"
    assert notes(out.set_axis([7, 8, 9]), T(2026, 11, 23, 9, 32), "zh").tolist()[1] == \
        "审单已于 2026-11-23 10:00 到期（超时 0.5 小时）"
