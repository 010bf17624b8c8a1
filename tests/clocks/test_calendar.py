"""Business days: weekends, public holidays of the holidays library, the team's own days off, the cut-off."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops.clocks import SlaTable, add_business_days, business_deadline, days_off, is_business_day

D = dt.date
CUT = dt.time(23, 59)


def deadline(paid: str, days: int = 2, cutoff: dt.time = CUT, weekmask: str = "1111100", holidays=()) -> str:
    due = business_deadline(pd.Series([pd.Timestamp(paid)]), days, cutoff, weekmask, holidays)
    return f"{due.iloc[0]:%Y-%m-%d %H:%M}"


def us(years=(2026,)):
    return days_off("US", years)


@pytest.mark.parametrize("paid, due", [
    ("2026-11-16 10:00", "2026-11-18 23:59"),  # Monday -> Wednesday
    ("2026-11-19 10:00", "2026-11-23 23:59"),  # Thursday -> over the weekend -> Monday
    ("2026-11-20 10:00", "2026-11-24 23:59"),  # Friday -> Tuesday
    ("2026-11-21 10:00", "2026-11-25 23:59"),  # Saturday counts from Monday
    ("2026-11-22 23:30", "2026-11-25 23:59"),  # Sunday too
])
def test_weekends_are_skipped(paid, due):
    assert deadline(paid) == due


def test_us_federal_holidays_are_not_business_days():
    off = us()
    assert off[D(2026, 11, 26)] == "Thanksgiving Day"
    assert D(2026, 11, 27) not in off  # the day after Thanksgiving is not a federal holiday
    assert deadline("2026-11-25 10:00", holidays=off) == "2026-11-30 23:59"  # Thu holiday, Fri, Mon
    assert deadline("2026-11-26 09:00", holidays=off) == "2026-12-01 23:59"  # paid on the holiday: from Friday
    assert deadline("2026-12-23 12:00", holidays=off) == "2026-12-28 23:59"  # Christmas Friday, weekend
    assert deadline("2026-07-02 12:00", holidays=off) == "2026-07-07 23:59"  # July 4th observed on Friday 3rd


def test_auto_cancel_over_thanksgiving_week():
    assert deadline("2026-11-25 10:00", days=7, holidays=us()) == "2026-12-07 23:59"


def test_a_deadline_can_cross_the_new_year():
    off = days_off("US", (2026, 2027))
    assert deadline("2026-12-31 10:00", holidays=off) == "2027-01-05 23:59"  # 1 January is a holiday


def test_thai_holidays():
    off = days_off("TH", (2026,))
    assert {D(2026, 4, 13), D(2026, 4, 14), D(2026, 4, 15)} <= set(off)  # Songkran
    assert deadline("2026-04-10 10:00", holidays=off) == "2026-04-17 23:59"
    assert deadline("2026-04-10 10:00", days=3, holidays=off) == "2026-04-20 23:59"


def test_uk_uses_the_england_and_wales_bank_holidays():
    sla = SlaTable().for_market("UK")
    off = days_off(sla.holidays, (2026,))
    assert D(2026, 8, 31) in off and D(2026, 4, 6) in off  # Late Summer Bank Holiday, Easter Monday


def test_a_day_off_added_by_the_team():
    rows = [["Market", "Date", "Name"], ["US", dt.datetime(2026, 11, 27), "Warehouse closed"],
            ["*", "2026-12-24", "Christmas Eve"]]
    table = SlaTable.from_sheet_rows(None, rows)
    added, removed = table.team_holidays("US")
    assert added == {D(2026, 11, 27): "Warehouse closed", D(2026, 12, 24): "Christmas Eve"} and not removed
    off = days_off("US", (2026,), added, removed)
    assert deadline("2026-11-25 10:00", holidays=off) == "2026-12-01 23:59"  # Thu and Fri off now
    assert table.team_holidays("TH") == ({D(2026, 12, 24): "Christmas Eve"}, set())


def test_the_team_can_remove_a_library_holiday():
    rows = [["Market", "Date", "Name", "Day Off"], ["US", "2026-10-12", "Carriers work on Columbus Day", "no"]]
    off = days_off("US", (2026,), *SlaTable.from_sheet_rows(None, rows).team_holidays("US"))
    assert D(2026, 10, 12) not in off and D(2026, 11, 26) in off
    assert deadline("2026-10-09 10:00", holidays=off) == "2026-10-13 23:59"
    assert deadline("2026-10-09 10:00", holidays=us()) == "2026-10-14 23:59"


@pytest.mark.parametrize("paid, due", [
    ("2026-11-16 23:58", "2026-11-18 23:59"),  # before the cut-off: Monday counts
    ("2026-11-16 23:59", "2026-11-18 23:59"),  # at the cut-off still counts
    ("2026-11-16 23:59:30", "2026-11-19 23:59"),  # after it: from Tuesday
    ("2026-11-17 00:01", "2026-11-19 23:59"),  # two minutes later, the next day
    ("2026-11-20 23:58", "2026-11-24 23:59"),  # Friday before the cut-off
    ("2026-11-21 00:01", "2026-11-25 23:59"),  # Saturday just after midnight: from Monday
])
def test_cut_off(paid, due):
    assert deadline(paid) == due


def test_an_earlier_cut_off_and_a_six_day_week():
    assert deadline("2026-11-16 13:59", cutoff=dt.time(14, 0)) == "2026-11-18 14:00"
    assert deadline("2026-11-16 14:01", cutoff=dt.time(14, 0)) == "2026-11-19 14:00"
    assert deadline("2026-11-20 10:00", weekmask="1111110") == "2026-11-23 23:59"  # Fri -> Sat -> Mon


def test_missing_times_stay_missing():
    due = business_deadline(pd.Series([pd.NaT, pd.Timestamp("2026-11-16 10:00")], index=[5, 7]), 2, CUT)
    assert due.index.tolist() == [5, 7] and pd.isna(due[5]) and due[7] == pd.Timestamp("2026-11-18 23:59")


def test_single_day_helpers():
    off = us()
    assert add_business_days(D(2026, 11, 25), 2, holidays=off) == D(2026, 11, 30)
    assert not is_business_day(D(2026, 11, 26), holidays=off) and is_business_day(D(2026, 11, 27), holidays=off)
    assert not is_business_day(D(2026, 11, 28))
