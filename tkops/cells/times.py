"""One reading of times in cells: what the team typed or a step wrote (datetime cells, Excel serial numbers, ISO or
day/month text) as naive shop-local datetimes, and the shop's "now".
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

import numpy as np
import pandas as pd

from tkops.cells.text import is_blank

NS = "datetime64[ns]"
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
#: Excel serial numbers read as dates: 1990-01-01 up to 2100-01-01. Other numbers in a time cell are not times.
SERIAL_RANGE = (32874.0, 73051.0)


def shop_now(zone: str) -> dt.datetime:
    """The current time in the shop's time zone ``zone``, without the zone and to the second (as sheet times are)."""
    return dt.datetime.now(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None, microsecond=0)


def month_days(month: str) -> tuple[dt.date, dt.date] | None:
    """The first day of the month ``YYYY-MM`` (spaces around allowed, ``2026-1`` too) and of the month after; None
    for anything else (each caller says why in its own words)."""
    found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(month))
    if not found or not 1 <= int(found.group(2)) <= 12:
        return None
    start = dt.date(int(found.group(1)), int(found.group(2)), 1)
    return start, (start + dt.timedelta(days=32)).replace(day=1)


def as_datetime(value: Any, dayfirst: bool = False) -> dt.datetime | None:
    """A cell as a naive datetime, or None when blank or not a time: datetime and date cells as they are (an aware
    one loses its zone), Excel serial numbers in :data:`SERIAL_RANGE`, ISO text, and other date text read with
    ``dayfirst`` (from the market's day/month order)."""
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, (int, float)):
        if SERIAL_RANGE[0] <= value < SERIAL_RANGE[1]:
            return (EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)
        return None
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(text, dayfirst=dayfirst).replace(tzinfo=None)
    except (ValueError, OverflowError, TypeError):
        return None


def datetime_column(col: pd.Series | None, index: pd.Index, dayfirst: bool = False) -> pd.Series:
    """A column of time cells as naive datetimes (NaT where blank or not a time), aligned to ``index``. Datetime
    cells are converted together; every other distinct value is read once with :func:`as_datetime`."""
    if col is None:
        return pd.Series(pd.NaT, index=index, dtype=NS)
    col = col.reindex(index)
    if pd.api.types.is_datetime64_any_dtype(col):
        return col.dt.tz_localize(None).astype(NS) if getattr(col.dt, "tz", None) else col.astype(NS)
    values = col.to_numpy(dtype=object)
    is_time = np.fromiter((isinstance(v, dt.datetime) and v.tzinfo is None for v in values), bool, len(values))
    out = pd.Series(pd.NaT, index=index, dtype=NS)
    if is_time.any():
        out[is_time] = pd.to_datetime(pd.Series(values[is_time], dtype=object), errors="coerce").to_numpy()
    rest = ~is_time
    if rest.any():
        others = pd.Series(values[rest], dtype=object)
        read = {v: as_datetime(v, dayfirst) for v in others.dropna().unique()}
        parsed = others.map(read, na_action="ignore")
        out[rest] = pd.to_datetime(parsed, errors="coerce").to_numpy()
    return out.astype(NS)
