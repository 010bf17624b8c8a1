"""The clocks' time helpers: sheet times to UTC and back (DST gaps and repeats), ``now`` as an instant, team columns
found by folded header, typed times, check marks and text."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import numpy as np
import pandas as pd
import pytest

from tkops.clocks import times

LA = "America/Los_Angeles"


def stamps(*texts):
    return pd.Series([pd.Timestamp(t) if t else pd.NaT for t in texts], dtype=times.NS)


def test_to_utc_and_back_per_row_zone():
    local = stamps("2026-07-01 12:00", "2026-07-01 12:00", "2026-07-01 12:00", None).set_axis([4, 2, 9, 7])
    zones = pd.Series([LA, "Asia/Bangkok", "", "UTC"], index=[4, 2, 9, 7])
    utc = times.to_utc(local, zones)
    assert utc.index.tolist() == [4, 2, 9, 7] and str(utc.dtype) == times.NS
    assert utc.tolist()[:3] == [pd.Timestamp("2026-07-01 19:00"), pd.Timestamp("2026-07-01 05:00"),
                                pd.Timestamp("2026-07-01 12:00")]
    assert pd.isna(utc.iloc[3])
    assert times.from_utc(utc, zones).tolist()[:3] == local.tolist()[:3]
    assert times.from_utc(stamps("2026-01-01 08:00"), LA).tolist() == [pd.Timestamp("2026-01-01 00:00")]
    assert times.to_utc(stamps("2026-01-01 00:00"), "UTC").tolist() == [pd.Timestamp("2026-01-01 00:00")]


def test_dst_gap_moves_forward_and_a_repeated_hour_is_the_first():
    utc = times.to_utc(stamps("2026-03-08 02:30", "2026-11-01 01:30", "2026-11-01 03:00"), LA)
    assert utc.tolist() == [pd.Timestamp("2026-03-08 10:00"),  # 02:30 does not exist: 03:00 PDT
                            pd.Timestamp("2026-11-01 08:30"),  # 01:30 happens twice: the first (PDT)
                            pd.Timestamp("2026-11-01 11:00")]


def test_missing_times_are_not_converted():
    out = times.to_utc(stamps(None, None).set_axis([3, 5]), LA)
    assert out.isna().all() and out.index.tolist() == [3, 5] and str(out.dtype) == times.NS
    assert times.from_utc(pd.Series([None, None], dtype=object), "").isna().all()


def test_instant_of_now():
    assert times.instant(dt.datetime(2026, 7, 1, 12, 0), LA) == pd.Timestamp("2026-07-01 19:00")
    aware = dt.datetime(2026, 7, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Bangkok"))
    assert times.instant(aware, LA) == pd.Timestamp("2026-07-01 05:00")
    assert times.instant(dt.datetime(2026, 7, 1, 12, 0), "") == pd.Timestamp("2026-07-01 12:00")
    assert times.instant(dt.datetime(2026, 7, 1, 12, 0), "UTC") == pd.Timestamp("2026-07-01 12:00")
    assert times.instant(dt.datetime(2026, 11, 1, 1, 30), LA) == pd.Timestamp("2026-11-01 08:30")  # the first
    assert times.instant(dt.datetime(2026, 3, 8, 2, 30), LA) == pd.Timestamp("2026-03-08 10:00")
    assert times.instant(dt.datetime(2026, 7, 1, 12, 0), "UTC").unit == "ns"
    assert times.instant(dt.datetime(2026, 7, 1, 12, 0), LA).tzinfo is None


def test_find_by_folded_header_in_order():
    a = pd.DataFrame({"reviewed_at": [1], "Picked": [2]})
    b = pd.DataFrame({"Reviewed  At": [3], "packed": [4]})
    assert times.find([None, a, b], "Reviewed At").tolist() == [1]
    assert times.find([b, a], "Reviewed At").tolist() == [3]
    assert times.find([a, b], "Packed", "Packed At").tolist() == [4]
    assert times.find([a, b], "Wave") is None and times.find([None], "Picked") is None


def test_times_of_a_team_column():
    idx = pd.Index([0, 1, 2, 3, 4])
    col = pd.Series([dt.datetime(2026, 7, 1, 9, 0), "2026-07-01 10:30", " 2026-07-01T11:00 ", "soon", None,
                     "07/01/2026 12:00"], dtype=object)
    idx = pd.Index([0, 1, 2, 3, 4, 5])
    got = times.times(col, idx)
    assert got.tolist()[:3] == [pd.Timestamp("2026-07-01 09:00"), pd.Timestamp("2026-07-01 10:30"),
                                pd.Timestamp("2026-07-01 11:00")]
    assert got.iloc[3:5].isna().all() and str(got.dtype) == times.NS
    assert got.iloc[5] == pd.Timestamp("2026-07-01 12:00")  # each text in its own format
    typed = pd.Series(pd.to_datetime(["2026-07-01 09:00", None]), index=[5, 6])
    assert times.times(typed, pd.Index([6, 5])).tolist()[1] == pd.Timestamp("2026-07-01 09:00")
    assert times.times(None, idx).isna().all() and len(times.times(None, idx)) == 6
    assert str(times.times(None, idx).dtype) == times.NS
    assert times.times(pd.Series([pd.Timestamp("2026-07-01")], dtype=object), pd.Index([0])).iloc[0] == \
        pd.Timestamp("2026-07-01")


@pytest.mark.parametrize("value, expected", [
    (True, True), (False, False), (np.bool_(True), True), (np.bool_(False), False), (1, True), (0, False),
    (2.0, True), (0.0, False), (float("nan"), False), ("Yes", True), ("x", True), ("✓", True), ("No", False),
    ("  no ", False), ("N", False), ("0", False), ("-", False), ("否", False), ("未", False), ("OFF", False),
    ("", False), ("none", False), ("2026-07-01", True), (dt.datetime(2026, 7, 1), True), (None, False),
])
def test_check_marks(value, expected):
    col = pd.Series([value], dtype=object)
    assert times.flags(col, pd.Index([0])).tolist() == [expected]


def test_check_marks_align_and_a_missing_column_is_false():
    col = pd.Series(["x", None], index=[3, 4], dtype=object)
    assert times.flags(col, pd.Index([4, 3, 9])).tolist() == [False, True, False]
    assert times.flags(None, pd.Index([1, 2])).tolist() == [False, False]
    assert times.flags(pd.Series([True, False]), pd.Index([0, 1])).dtype == bool


def test_text_of_a_column():
    col = pd.Series([" a ", None, 5, float("nan")], dtype=object)
    assert times.text(col, pd.Index([0, 1, 2, 3])).tolist() == ["a", "", "5", ""]
    assert times.text(None, pd.Index([0, 1])).tolist() == ["", ""]
    assert times.text(None, pd.Index([0, 1])).dtype == object
    assert times.text(pd.Series(["b"], index=[7]), pd.Index([8, 7])).tolist() == ["", "b"]


@pytest.mark.parametrize("zones", ["", pd.Series(["", ""], index=[5, 6])])
def test_times_without_a_zone_stay_as_they_are(zones):
    local = pd.Series(pd.to_datetime(["2026-11-25 09:00", "2026-11-26 10:30"]), index=[5, 6])
    assert times.to_utc(local, zones).tolist() == local.tolist()
    assert times.from_utc(local, zones).tolist() == local.tolist()


def test_one_zone_for_every_row_is_the_same_as_that_zone_given_once():
    local = pd.Series(pd.to_datetime(["2026-03-08 02:30", "2026-11-26 10:30", None]), index=[3, 1, 2])
    one = pd.Series(["America/Los_Angeles"] * 3, index=local.index)
    assert times.to_utc(local, one).equals(times.to_utc(local, "America/Los_Angeles"))
    # 02:30 on 8 March does not exist in Los Angeles: it moves forward to 03:00 PDT (10:00 UTC)
    assert times.to_utc(local, one).tolist()[:2] == [pd.Timestamp("2026-03-08 10:00"),
                                                      pd.Timestamp("2026-11-26 18:30")]
