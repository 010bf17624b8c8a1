"""Business days: weekends, public holidays of the holidays library, the team's own days off, the cut-off; day 0 is
the order date whatever its time of day, and a day off is day 0 too (never a day TikTok does not give)."""

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
    ("2026-11-21 10:00", "2026-11-24 23:59"),  # Saturday: Monday is day 1, Tuesday day 2
    ("2026-11-22 23:30", "2026-11-24 23:59"),  # Sunday too
])
def test_weekends_are_skipped(paid, due):
    assert deadline(paid) == due


def us_observed(years=(2026,)):
    return days_off("US", years, observed=True)


def test_us_federal_holidays_are_not_business_days():
    off = us()
    assert off[D(2026, 11, 26)] == "Thanksgiving Day"
    assert D(2026, 11, 27) not in off  # the day after Thanksgiving is not a federal holiday
    assert deadline("2026-11-25 10:00", holidays=off) == "2026-11-30 23:59"  # Thu holiday, Fri, Mon
    assert deadline("2026-11-26 09:00", holidays=off) == "2026-11-30 23:59"  # on the holiday: Fri day 1, Mon day 2
    assert deadline("2026-12-23 12:00", holidays=off) == "2026-12-28 23:59"  # Christmas Friday, weekend


def test_observed_days_are_business_days_unless_the_sheet_says_otherwise():
    """4 July 2026 is a Saturday, observed on Friday 3rd: only the holiday itself is off by default (the earlier
    reading of "U.S. federal holidays"); Observed Days = yes makes the Friday off too."""
    assert days_off("US", (2026,)) == days_off("US", (2026,), observed=False)
    assert D(2026, 7, 3) not in us() and D(2026, 7, 3) in us_observed()
    assert deadline("2026-07-02 12:00", holidays=us()) == "2026-07-06 23:59"  # Fri 3rd, Mon 6th
    assert deadline("2026-07-02 12:00", holidays=us_observed()) == "2026-07-07 23:59"
    sunday = days_off("US", (2027,), observed=True)  # 4 July 2027 is a Sunday, observed Monday 5th
    assert D(2027, 7, 5) in sunday and D(2027, 7, 5) not in days_off("US", (2027,), observed=False)


def test_auto_cancel_over_thanksgiving_week():
    assert deadline("2026-11-25 10:00", days=7, holidays=us()) == "2026-12-07 23:59"


def test_a_deadline_can_cross_the_new_year():
    off = days_off("US", (2026, 2027))
    assert deadline("2026-12-31 10:00", holidays=off) == "2027-01-05 23:59"  # 1 January is a holiday


def test_thai_holidays_when_the_team_chooses_the_calendar():
    off = days_off("TH", (2026,))
    assert {D(2026, 4, 13), D(2026, 4, 14), D(2026, 4, 15)} <= set(off)  # Songkran
    assert deadline("2026-04-10 10:00", holidays=off) == "2026-04-17 23:59"
    assert deadline("2026-04-10 10:00", days=3, holidays=off) == "2026-04-20 23:59"
    assert SlaTable().for_market("TH").holidays == ""  # TikTok TH names no holidays: none by default
    assert deadline("2026-04-10 10:00") == "2026-04-14 23:59"


def test_uk_bank_holidays_when_the_team_chooses_them():
    assert SlaTable().for_market("UK").holidays == ""
    off = days_off("GB-ENG", (2026,))
    assert D(2026, 8, 31) in off and D(2026, 4, 6) in off  # Late Summer Bank Holiday, Easter Monday
    assert D(2026, 12, 28) not in off  # Boxing Day (a Saturday) is substituted on Monday 28th: with Observed Days
    assert D(2026, 12, 28) in days_off("GB-ENG", (2026,), observed=True)


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
    ("2026-11-16 00:00", "2026-11-18 23:59"),  # the first second of Monday is Monday's
    ("2026-11-16 23:58", "2026-11-18 23:59"),
    ("2026-11-16 23:59", "2026-11-18 23:59"),
    ("2026-11-16 23:59:30", "2026-11-18 23:59"),  # past the cut-off time but still Monday: no extra day
    ("2026-11-16 23:59:59", "2026-11-18 23:59"),
    ("2026-11-17 00:00:01", "2026-11-19 23:59"),  # Tuesday
    ("2026-11-20 23:59:59", "2026-11-24 23:59"),  # Friday's last second
    ("2026-11-21 00:01", "2026-11-24 23:59"),  # Saturday: still Tuesday
])
def test_the_time_of_day_never_moves_the_order_date(paid, due):
    assert deadline(paid) == due


def test_the_deadline_is_at_the_cut_off_to_the_second():
    due = business_deadline(pd.Series([pd.Timestamp("2026-11-16 10:00")]), 2, CUT)
    assert due.iloc[0] == pd.Timestamp("2026-11-18 23:59:00")  # 11:59 PM is 23:59:00, not 23:59:59
    late = business_deadline(pd.Series([pd.Timestamp("2026-11-16 10:00")]), 2, dt.time(23, 59, 59))
    assert late.iloc[0] == pd.Timestamp("2026-11-18 23:59:59")


def test_an_earlier_cut_off_and_a_six_day_week():
    assert deadline("2026-11-16 13:59", cutoff=dt.time(14, 0)) == "2026-11-18 14:00"
    assert deadline("2026-11-16 14:01", cutoff=dt.time(14, 0)) == "2026-11-18 14:00"
    assert deadline("2026-11-20 10:00", weekmask="1111110") == "2026-11-23 23:59"  # Fri -> Sat -> Mon


@pytest.mark.parametrize("paid, due", [
    ("2026-11-16 10:00", "2026-11-16 23:59"),  # a business day: that day
    ("2026-11-21 10:00", "2026-11-23 23:59"),  # Saturday: the next business day
    ("2026-11-26 10:00", "2026-11-27 23:59"),  # Thanksgiving: Friday
])
def test_zero_days_is_the_order_date_or_the_next_business_day(paid, due):
    assert deadline(paid, days=0, holidays=us()) == due


def test_one_day_after_a_run_of_days_off():
    off = us()
    assert deadline("2026-11-26 10:00", days=1, holidays=off) == "2026-11-27 23:59"
    assert deadline("2026-11-28 10:00", days=1, holidays=off) == "2026-11-30 23:59"  # Saturday after Thanksgiving


def test_missing_times_stay_missing():
    due = business_deadline(pd.Series([pd.NaT, pd.Timestamp("2026-11-16 10:00")], index=[5, 7]), 2, CUT)
    assert due.index.tolist() == [5, 7] and pd.isna(due[5]) and due[7] == pd.Timestamp("2026-11-18 23:59")


def test_single_day_helpers():
    off = us()
    assert add_business_days(D(2026, 11, 25), 2, holidays=off) == D(2026, 11, 30)
    assert add_business_days(D(2026, 11, 26), 2, holidays=off) == D(2026, 11, 30)  # from the holiday itself
    assert add_business_days(D(2026, 11, 28), 0, holidays=off) == D(2026, 11, 30)
    assert not is_business_day(D(2026, 11, 26), holidays=off) and is_business_day(D(2026, 11, 27), holidays=off)
    assert not is_business_day(D(2026, 11, 28))


def test_helpers_take_a_datetime_as_its_date_and_the_weekmask():
    off = us()
    assert add_business_days(dt.datetime(2026, 11, 25, 23, 59, 59), 2, holidays=off) == D(2026, 11, 30)
    assert is_business_day(dt.datetime(2026, 11, 27, 12, 0), holidays=off)
    assert is_business_day(D(2026, 11, 28), weekmask="1111110") and not is_business_day(D(2026, 11, 29), "1111110")
    assert add_business_days(D(2026, 11, 27), 1, weekmask="1111110") == D(2026, 11, 28)
    assert add_business_days(D(2026, 11, 27), 0) == D(2026, 11, 27)


def test_library_calendars_and_years():
    from tkops.clocks.calendar import known_calendar, library_holidays

    known_calendar.cache_clear(), library_holidays.cache_clear()  # the answers below are computed, not remembered
    assert known_calendar("US") and known_calendar("GB-ENG") and known_calendar("uk") and known_calendar("th")
    assert not known_calendar("XX") and not known_calendar("US-XX")
    assert library_holidays("", 2026) == ()
    assert library_holidays("UK-ENG", 2026) == library_holidays("GB-ENG", 2026)
    assert [d.year for d in days_off("US", (2026, 2027))] == [2026] * 11 + [2027] * 11
    assert days_off("", (2026,), {D(2026, 5, 1): "x"}) == {D(2026, 5, 1): "x"}


def test_deadlines_keep_the_index_and_the_type():
    start = pd.Series([pd.Timestamp("2026-11-16 10:00"), pd.NaT, pd.Timestamp("2026-11-21 10:00")], index=[9, 3, 5])
    due = business_deadline(start, 1, dt.time(17, 30, 15), "1111100", [D(2026, 11, 17)])
    assert due.index.tolist() == [9, 3, 5] and str(due.dtype) == "datetime64[ns]"
    assert due.tolist()[0] == pd.Timestamp("2026-11-18 17:30:15") and pd.isna(due.tolist()[1])
    assert due.tolist()[2] == pd.Timestamp("2026-11-23 17:30:15")
    zero = business_deadline(start, 0, CUT, "1111100", [D(2026, 11, 16)])
    assert zero.tolist()[0] == pd.Timestamp("2026-11-17 23:59") and zero.tolist()[2] == pd.Timestamp("2026-11-23 23:59")


def test_the_other_day_zero_reading_counts_a_day_off_from_the_next_business_day():
    start = pd.Series([pd.Timestamp("2026-11-21 10:00"), pd.Timestamp("2026-11-23 10:00"), pd.NaT])
    later = business_deadline(start, 2, CUT, "1111100", (), roll_first=True)
    assert later.tolist()[:2] == [pd.Timestamp("2026-11-25 23:59"), pd.Timestamp("2026-11-25 23:59")]
    assert pd.isna(later.iloc[2])
    assert business_deadline(start, 0, CUT, "1111100", (), roll_first=True).iloc[0] == pd.Timestamp("2026-11-23 23:59")


def test_removing_a_day_that_is_no_holiday_changes_nothing():
    rows = [["Market", "Date", "Name", "Day Off"], ["US", "2026-11-27", "Open as usual", "no"]]
    off = days_off("US", (2026,), *SlaTable.from_sheet_rows(None, rows).team_holidays("US"))
    assert off == us()
