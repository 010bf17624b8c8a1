"""Time zones and team columns: naive sheet times to UTC and back, the team's check marks and typed times.

The Orders sheet holds naive shop-local times. Clocks run on real elapsed time, so a 2-hour clock across a DST
change is still two hours: times go to UTC, the arithmetic happens there, and due times come back as naive local
times for the sheet. A local time that does not exist (the spring-forward gap) moves forward; one that happens twice
(the autumn fall-back) is taken as the first, which puts a deadline earlier rather than later.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pandas as pd

from tkops.cells.text import text_column
from tkops.cells.times import datetime_column
from tkops.cells.yes_no import ticks
from tkops.schema import header_key

NS = "datetime64[ns]"


def to_utc(local: pd.Series, zones: pd.Series | str) -> pd.Series:
    """Naive local times (each in its row's zone) as naive UTC times."""
    return _convert(local, zones, _localized)


def from_utc(utc: pd.Series, zones: pd.Series | str) -> pd.Series:
    """Naive UTC times as naive local times in each row's zone."""
    return _convert(utc, zones, _local)


def _localized(part: pd.Series, zone: str) -> pd.Series:
    return part.dt.tz_localize(zone, ambiguous=True, nonexistent="shift_forward").dt.tz_convert(None)


def _local(part: pd.Series, zone: str) -> pd.Series:
    return part.dt.tz_localize(dt.timezone.utc).dt.tz_convert(zone).dt.tz_localize(None)


def _convert(times: pd.Series, zones, shift) -> pd.Series:
    """``times`` shifted zone by zone (``shift(part, zone)``); a blank zone leaves its rows as they are."""
    times = pd.to_datetime(times).astype(NS)
    if times.isna().all():  # a column the sheet does not have: nothing to convert
        return times
    if not isinstance(zones, str):
        values = zones.to_numpy(dtype=object)
        if len(values) and isinstance(values[0], str) and (values == values[0]).all():
            zones = values[0]  # one zone for every row (a shop of one market): no grouping
    if isinstance(zones, str):
        return shift(times, zones) if zones else times
    parts = [shift(times.loc[rows], zone) if zone else times.loc[rows]
             for zone, rows in zones.groupby(zones).groups.items()]
    return pd.concat(parts).reindex(times.index)


def instant(moment: dt.datetime, zone: str) -> pd.Timestamp:
    """``moment`` as a naive UTC timestamp: an aware datetime as it is, a naive one read in ``zone`` (as it is
    when ``zone`` is blank)."""
    ts = pd.Timestamp(moment).as_unit("ns")
    if ts.tzinfo is None:
        if not zone:
            return ts
        ts = ts.tz_localize(zoneinfo.ZoneInfo(zone), ambiguous=True, nonexistent="shift_forward")
    return ts.tz_convert(None)


def find(frames, *names: str) -> pd.Series | None:
    """The first column of ``frames`` (searched in order) whose header folds like one of ``names``.

    "Reviewed At", "reviewed at" and "reviewed_at" are one header.
    """
    wanted = {_fold(n) for n in names}
    for frame in frames:
        if frame is None:
            continue
        for column in frame.columns:
            if _fold(column) in wanted:
                return frame[column]
    return None


def _fold(name) -> str:
    return header_key(str(name).replace("_", " "))


#: Team columns are read through the shared cell helpers, so a cell means the same here as in every other step.
times = datetime_column
flags = ticks
text = text_column
