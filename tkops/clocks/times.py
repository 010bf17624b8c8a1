"""Time zones and team columns: naive sheet times to UTC and back, the team's check marks and typed times.

The Orders sheet holds naive shop-local times. Clocks run on real elapsed time, so a 2-hour clock across a DST
change is still two hours: times go to UTC, the arithmetic happens there, and due times come back as naive local
times for the sheet. A local time that does not exist (the spring-forward gap) moves forward; one that happens twice
(the autumn fall-back) is taken as the first, which puts a deadline earlier rather than later.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import numpy as np
import pandas as pd

from tkops.schema import header_key

NS = "datetime64[ns]"
_NO = {"", "no", "n", "false", "0", "off", "否", "未", "-", "none", "nan"}


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
    if isinstance(zones, str):
        zones = pd.Series(zones, index=times.index)
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


def times(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """A team column of times (datetime cells, ISO text) as naive datetimes; anything else is NaT."""
    if col is None:
        return pd.Series(pd.NaT, index=index, dtype=NS)
    col = col.reindex(index)
    if pd.api.types.is_datetime64_any_dtype(col):
        return col.astype(NS)
    values = col.astype(object).where(col.notna(), None)
    values = values.map(lambda v: v if isinstance(v, (dt.datetime, pd.Timestamp)) or v is None else str(v).strip())
    return pd.to_datetime(values, errors="coerce", format="mixed").astype(NS)


def flags(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """A team check column (Picked, Packed) as booleans: Yes, x, ✓, a date, ... are True; blank, No, 0 are False."""
    if col is None:
        return pd.Series(False, index=index)
    col = col.reindex(index)
    uniques = {v: _flag(v) for v in col.dropna().unique()}
    return col.astype(object).map(uniques).astype(object).fillna(False).astype(bool)


def _flag(value) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.number)):
        return bool(value) and not pd.isna(value)
    return " ".join(str(value).split()).casefold() not in _NO


def text(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """A column as stripped text ("" for blanks), aligned to ``index``."""
    if col is None:
        return pd.Series("", index=index, dtype=object)
    col = col.reindex(index)
    return col.astype(object).where(col.notna(), "").astype(str).str.strip()
