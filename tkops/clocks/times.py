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

from tkops.cells.text import text_column
from tkops.cells.times import datetime_column
from tkops.cells.yes_no import ticks
from tkops.schema import header_key

NS = "datetime64[ns]"


def to_utc(local: pd.Series, zones: pd.Series | str) -> pd.Series:
    """Naive local times (each in its row's zone) as naive UTC times."""
    return _convert(local, zones, to_utc=True)


def from_utc(utc: pd.Series, zones: pd.Series | str) -> pd.Series:
    """Naive UTC times as naive local times in each row's zone."""
    return _convert(utc, zones, to_utc=False)


def _convert(times: pd.Series, zones, to_utc: bool) -> pd.Series:
    times = pd.to_datetime(times).astype(NS)
    if isinstance(zones, str):
        zones = pd.Series(zones, index=times.index)
    out = pd.Series(pd.NaT, index=times.index, dtype=NS)
    for zone, rows in zones.groupby(zones, sort=False).groups.items():
        part = times.loc[rows]
        if zone in ("", "UTC"):
            out.loc[rows] = part
        elif to_utc:
            aware = part.dt.tz_localize(zone, ambiguous=np.ones(len(part), dtype=bool), nonexistent="shift_forward")
            out.loc[rows] = aware.dt.tz_convert("UTC").dt.tz_localize(None).astype(NS)
        else:
            out.loc[rows] = part.dt.tz_localize("UTC").dt.tz_convert(zone).dt.tz_localize(None).astype(NS)
    return out


def instant(moment: dt.datetime, zone: str) -> pd.Timestamp:
    """``moment`` as a naive UTC timestamp: an aware datetime as it is, a naive one read in ``zone``."""
    ts = pd.Timestamp(moment)
    if ts.tzinfo is None:
        if zone and zone != "UTC":
            ts = ts.tz_localize(zoneinfo.ZoneInfo(zone), ambiguous=True, nonexistent="shift_forward")
        else:
            return ts.as_unit("ns")
    return ts.tz_convert("UTC").tz_localize(None).as_unit("ns")


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
