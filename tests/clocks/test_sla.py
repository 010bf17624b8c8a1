"""The SLA and Holidays sheets: defaults, the team's edits, and errors that name the row and say what to write."""

from __future__ import annotations

import datetime as dt

import pytest

from tkops.clocks import SLA_SHEET_HEADERS, SlaConfigError, SlaTable, holiday_sheet_rows, sla_sheet_rows
from tkops.markets import MARKETS

HEAD = ["Market", "Setting", "Value"]


def test_default_sheet_layout():
    rows = sla_sheet_rows()
    assert rows[0] == SLA_SHEET_HEADERS
    assert [r[:3] for r in rows[1:7]] == [
        ["*", "Review Hours", 2], ["*", "Print Hours", 1], ["*", "Pack Hours", 1], ["*", "Due Soon", "25%"],
        ["*", "Unscanned Hours", 24], ["*", "Working Days", "Mon-Fri"]]
    us = {r[1]: r[2] for r in rows if r[0] == "US"}
    assert us == {"Time Zone": "America/Los_Angeles; UTC-8", "Dispatch Days": 2, "Dispatch Done When": "scan",
                  "Auto-cancel Days": 7, "Auto-cancel Done When": "tracking", "Collection Cancel Days": "off",
                  "Deliver Days": 6, "Cancel Request Hours": 24, "Order Time": "created", "Day Zero": "order date",
                  "Cut-off": "23:59:59", "Holidays": "US", "Observed Days": "no"}
    th = {r[1]: r[2] for r in rows if r[0] == "TH"}
    assert th == {"Time Zone": "", "Dispatch Days": 2, "Dispatch Done When": "tracking", "Auto-cancel Days": 2,
                  "Auto-cancel Done When": "tracking", "Collection Cancel Days": 3, "Deliver Days": "off",
                  "Cancel Request Hours": 24, "Order Time": "created", "Day Zero": "order date", "Cut-off": "23:59:59",
                  "Holidays": "none", "Observed Days": "no"}
    uk = {r[1]: r[2] for r in rows if r[0] == "UK"}
    assert (uk["Dispatch Days"], uk["Dispatch Done When"], uk["Auto-cancel Days"]) == (2, "tracking", "off")
    assert {r[0] for r in rows[7:]} == set(MARKETS)
    assert all(r[3] and r[4] for r in rows[1:])  # every row explains itself in both languages
    assert "not verified" in next(r[3] for r in rows if r[:2] == ["DE", "Dispatch Days"])
    assert "not verified" not in next(r[3] for r in rows if r[:2] == ["US", "Auto-cancel Days"])
    assert "not verified" not in next(r[3] for r in rows if r[:2] == ["TH", "Collection Cancel Days"])


def test_the_default_sheet_reads_back_as_the_defaults():
    table = SlaTable.from_sheet_rows(sla_sheet_rows())
    for code in MARKETS:
        assert table.for_market(code) == SlaTable().for_market(code)
    assert sla_sheet_rows(table) == sla_sheet_rows()


def test_market_rows_win_over_star_rows_and_deleted_rows_fall_back():
    rows = [HEAD, ["*", "Review Hours", 3], ["US", "Review Hours", "1.5"], ["TH", "Dispatch Days", 3],
            ["*", "Cut-off", dt.time(18, 0)], ["US", "Auto-cancel Days", "off"], ["", "Pack Hours", ""]]
    table = SlaTable.from_sheet_rows(rows)
    us, th, vn = table.for_market("US"), table.for_market("TH"), table.for_market("VN")
    assert (us.review_hours, th.review_hours, vn.review_hours) == (1.5, 3, 3)
    assert (us.dispatch_days, th.dispatch_days, vn.dispatch_days) == (2, 3, 2)
    assert us.cutoff == dt.time(18, 0) and us.auto_cancel_days is None and th.auto_cancel_days == 2
    assert us.pack_hours == 1  # a blank value means the default
    assert us.time_zone == "America/Los_Angeles" and th.time_zone == "Asia/Bangkok"
    assert us.time_zones == ("America/Los_Angeles", "Etc/GMT+8") and th.time_zones == ("Asia/Bangkok",)


@pytest.mark.parametrize("setting, raw, parsed", [
    ("Due Soon", "25%", ("share", 0.25)), ("Due Soon", 0.1, ("share", 0.1)), ("Due Soon", "4h", ("hours", 4.0)),
    ("Due Soon", 6, ("hours", 6.0)), ("Cut-off", "14:00", dt.time(14, 0)), ("Cut-off", 0.5, dt.time(12, 0)),
    ("Cut-off", dt.datetime(1899, 12, 30, 23, 59), dt.time(23, 59)), ("Dispatch Done When", "In Transit", "scan"),
    ("Dispatch Done When", "RTS", "tracking"), ("Working Days", "Mon-Sat", "1111110"),
    ("Working Days", "mon tue wed thu fri", "1111100"), ("Time Zone", "Etc/GMT+8", ("Etc/GMT+8",)),
    ("Time Zone", "utc - 8; America/Los_Angeles", ("UTC-8", "America/Los_Angeles")),
    ("Time Zone", "GMT+7:00", ("UTC+7",)), ("Cut-off", "23:59:59", dt.time(23, 59, 59)),
    ("Cut-off", 0.999988425925926, dt.time(23, 59, 59)), ("Cut-off", dt.time(23, 59, 30), dt.time(23, 59, 30)),
    ("Cancel Request Hours", "off", None), ("Cancel Request Hours", "48h", 48.0), ("Observed Days", "Yes", True),
    ("Observed Days", "否", False), ("Deliver Days", "off", None), ("Collection Cancel Days", 4, 4),
    ("Order Time", "Paid", "paid"), ("Order Time", "下单时间", "created"), ("Day Zero", "Next  Business Day",
                                                                           "next business day"),
    ("Holidays", "gb-sct", "GB-SCT"), ("Holidays", "none", ""), ("Dispatch Days", 3.0, 3),
])
def test_values_as_people_type_them_or_excel_stores_them(setting, raw, parsed):
    assert SlaTable.from_sheet_rows([HEAD, ["US", setting, raw]]).get("US", setting) == parsed


def test_a_blank_time_zone_is_the_markets_own():
    table = SlaTable.from_sheet_rows([HEAD, ["US", "Time Zone", ""], ["TH", "Time Zone", " "]])
    assert table.for_market("US").time_zones == ("America/Los_Angeles", "Etc/GMT+8")  # blank: the default
    assert table.for_market("TH").time_zones == ("Asia/Bangkok",) and table.for_market("").time_zones == ()


@pytest.mark.parametrize("row, code, words", [
    (["XX", "Review Hours", 2], "clock.sla.bad_market", ["row 2", "\"XX\"", "US, UK"]),
    (["US", "Ship Hours", 2], "clock.sla.bad_setting", ["row 2", "\"Ship Hours\"", "Review Hours"]),
    (["US", "Dispatch Days", "two"], "clock.sla.bad_value", ["row 2, US / Dispatch Days", "\"two\"", "whole number"]),
    (["US", "Dispatch Days", 1.5], "clock.sla.bad_value", ["\"1.5\""]),
    (["US", "Due Soon", "soon"], "clock.sla.bad_value", ["25%"]),
    (["US", "Cut-off", "25:00"], "clock.sla.bad_value", ["23:59"]),
    (["US", "Time Zone", "PST8"], "clock.sla.bad_value", ["America/Los_Angeles"]),
    (["US", "Time Zone", "UTC+15"], "clock.sla.bad_value", ["UTC-8"]),
    (["US", "Time Zone", "America/Los_Angeles; Mars/Base"], "clock.sla.bad_value", ["\"America/Los_Angeles"]),
    (["US", "Cut-off", "23:59:60"], "clock.sla.bad_value", ["23:59"]),
    (["US", "Observed Days", "maybe"], "clock.sla.bad_value", ["yes or no"]),
    (["US", "Cancel Request Hours", "soon"], "clock.sla.bad_value", ["24, or off"]),
    (["US", "Order Time", "shipped"], "clock.sla.bad_value", ["created or paid"]),
    (["US", "Day Zero", "monday"], "clock.sla.bad_value", ["order date or next business day"]),
    (["US", "Holidays", "Atlantis"], "clock.sla.bad_value", ["GB-ENG"]),
    (["US", "Dispatch Done When", "maybe"], "clock.sla.bad_value", ["tracking", "scan"]),
    (["US", "Working Days", "Funday"], "clock.sla.bad_value", ["Mon-Fri"]),
])
def test_bad_rows_name_the_row_and_what_to_write(row, code, words):
    with pytest.raises(SlaConfigError) as caught:
        SlaTable.from_sheet_rows([HEAD, row])
    assert caught.value.code == code and caught.value.exit_code == 1
    text = caught.value.render("en")
    assert all(w in text for w in words), text
    assert "SLA 工作表第 2 行" in caught.value.render("zh")


@pytest.mark.parametrize("row, words", [
    (["XX", "2026-11-27", "x"], ["row 2", "\"XX\""]),
    (["US", "27/11/2026", "x"], ["row 2", "YYYY-MM-DD"]),
    (["US", "2026-11-27", "x", "maybe"], ["yes or no"]),
])
def test_bad_holiday_rows(row, words):
    with pytest.raises(SlaConfigError) as caught:
        SlaTable.from_sheet_rows(None, [["Market", "Date", "Name", "Day Off"], row])
    assert all(w in caught.value.render("en") for w in words), caught.value.render("en")
    assert "Holidays 工作表第 2 行" in caught.value.render("zh")


def test_holiday_sheet_starting_rows_are_valid():
    rows = holiday_sheet_rows()
    assert rows == [["Market", "Date", "Name", "Day Off"]]
    assert SlaTable.from_sheet_rows(None, rows).team_holidays("US") == ({}, set())


def test_headers_are_found_by_name_and_blank_rows_skipped():
    rows = [["Value", "Setting", "Market", "Note"], [None, None, None, None], [5, "review hours", "us", "x"]]
    assert SlaTable.from_sheet_rows(rows).for_market("US").review_hours == 5


def test_earlier_defaults_are_found_and_replaced():
    """An SLA sheet an older tkops wrote holds TH auto-cancel after 3 days without a scan and Thai holidays: defaults
    that promised more than TikTok gives. They are reported with today's value; the team's own choices are not."""
    rows = [HEAD, ["TH", "Auto-cancel Days", 3], ["TH", "Auto-cancel Done When", "scan"], ["TH", "Holidays", "TH"],
            ["UK", "Auto-cancel Days", 7], ["US", "Auto-cancel Days", 7], ["US", "Dispatch Days", 3],
            ["VN", "Auto-cancel Days", 4], ["US", "Cut-off", "23:59"], ["TH", "Cut-off", "18:00"]]
    table = SlaTable.from_sheet_rows(rows)
    assert table.superseded() == {("TH", "Auto-cancel Days"): (3, 2),
                                  ("TH", "Auto-cancel Done When"): ("scan", "tracking"),
                                  ("TH", "Holidays"): ("TH", ""), ("UK", "Auto-cancel Days"): (7, None),
                                  ("US", "Cut-off"): (dt.time(23, 59), dt.time(23, 59, 59))}
    assert table.lacks_settings() == ("Collection Cancel Days", "Deliver Days", "Cancel Request Hours", "Order Time",
                                      "Day Zero", "Observed Days")
    fresh = table.without(table.superseded())
    assert fresh.for_market("TH").auto_cancel_days == 2 and fresh.for_market("VN").auto_cancel_days == 4
    assert fresh.for_market("US").dispatch_days == 3 and fresh.superseded() == {}
    assert fresh.for_market("TH").cutoff == dt.time(18, 0) and fresh.for_market("US").cutoff == dt.time(23, 59, 59)
    assert SlaTable.from_sheet_rows(sla_sheet_rows(fresh)).lacks_settings() == ()
    assert SlaTable().lacks_settings() == () and SlaTable().superseded() == {}
