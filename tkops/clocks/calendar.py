"""Business days: weekends, each market's public holidays (the ``holidays`` library) and the team's own Holidays
sheet, and deadlines "N business days after payment, at the cut-off", computed for a whole column at once.

A deadline is counted like this (TikTok US: "within 2 business days from order date, cut-off 11:59 PM PST"; the
same rule with other numbers elsewhere): an order paid after the cut-off time of day counts from the next day; a
day that is not a business day counts from the next business day; the deadline is N business days later, at the
cut-off. Paid Monday 10:00 with 2 days -> Wednesday 23:59; paid Saturday -> Wednesday 23:59 too.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays as holidays_lib
import numpy as np
import pandas as pd

_ALIASES = {"UK": "GB"}


def _split(calendar: str) -> tuple[str, str | None]:
    country, _, subdiv = calendar.upper().partition("-")
    return _ALIASES.get(country, country), subdiv or None


@lru_cache(maxsize=None)
def known_calendar(calendar: str) -> bool:
    """True when the holidays library has ``calendar`` ("US", "TH", "GB-ENG": country, optionally a region)."""
    country, subdiv = _split(calendar)
    supported = holidays_lib.list_supported_countries()
    if country not in supported:
        return False
    return subdiv is None or subdiv in supported[country]


@lru_cache(maxsize=512)
def library_holidays(calendar: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    """The public holidays (observed days included) of ``calendar`` in ``year``; none for an empty calendar."""
    if not calendar:
        return ()
    country, subdiv = _split(calendar)
    found = holidays_lib.country_holidays(country, subdiv=subdiv, years=year)
    return tuple(sorted(found.items()))


def days_off(calendar: str, years, added: dict[dt.date, str] | None = None,
             removed: set[dt.date] | None = None) -> dict[dt.date, str]:
    """Date -> name of every holiday in ``years``: the library's ``calendar``, plus ``added``, less ``removed``."""
    out = {day: name for year in years for day, name in library_holidays(calendar, int(year))}
    out.update(added or {})
    for day in removed or ():
        out.pop(day, None)
    return out


def business_deadline(start: pd.Series, days: int, cutoff: dt.time, weekmask: str = "1111100",
                      holidays=()) -> pd.Series:
    """The deadline ``days`` business days after each naive ``start`` (same zone in and out), at ``cutoff``.

    A start after the cut-off time of day counts from the next day; a start on a day off counts from the next
    business day. ``holidays``: dates that are not business days. NaT stays NaT.
    """
    start = pd.to_datetime(start).astype("datetime64[ns]")
    cut = pd.Timedelta(hours=cutoff.hour, minutes=cutoff.minute)
    day = start.dt.normalize()
    after_cutoff = (start - day) > cut
    first = (day + pd.to_timedelta(after_cutoff.astype(int), unit="D")).to_numpy().astype("datetime64[D]")
    off = np.array(sorted(holidays), dtype="datetime64[D]")
    due = np.busday_offset(first, days, roll="forward", weekmask=weekmask, holidays=off)
    return pd.Series(due.astype("datetime64[ns]"), index=start.index) + cut


def add_business_days(day: dt.date, days: int, weekmask: str = "1111100", holidays=()) -> dt.date:
    """The business day ``days`` after ``day`` (``day`` itself rolled forward to a business day first)."""
    off = np.array(sorted(holidays), dtype="datetime64[D]")
    return np.busday_offset(np.datetime64(day, "D"), days, roll="forward", weekmask=weekmask,
                            holidays=off).astype(dt.date)


def is_business_day(day: dt.date, weekmask: str = "1111100", holidays=()) -> bool:
    """True when ``day`` is a business day."""
    off = np.array(sorted(holidays), dtype="datetime64[D]")
    return bool(np.is_busday(np.datetime64(day, "D"), weekmask=weekmask, holidays=off))
