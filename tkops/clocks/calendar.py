"""Business days: weekends, each market's public holidays (the ``holidays`` library) and the team's own Holidays
sheet, and deadlines "N business days from the order date, at the cut-off", computed for a whole column at once.

How a deadline is counted (docs/sla.md has the sources and the readings chosen): the order date is the calendar
date the order was placed, in the platform's time zone, whatever the time of day (an order placed at 23:59:30 is
still that day's). It is day 0, business day or not; day 1 is the first business day after it, and the deadline
is at the cut-off time of day N (to the second: the SLA sheet's 23:59:59 is the end of 11:59 PM). Placed Monday
10:00 with 2 days: Wednesday 23:59:59; placed Friday, Saturday or Sunday: Tuesday. With 0 days the deadline is the
order date itself when it is a business day, else the next business day. These are the readings that give the
earlier deadline where TikTok's words allow two (docs/sla.md#the-readings-chosen), so a clock never promises a day
TikTok does not give; the other day-0 reading (a day off counts from the next business day) is ``roll_first``.
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
def library_holidays(calendar: str, year: int, observed: bool = False) -> tuple[tuple[dt.date, str], ...]:
    """The public holidays of ``calendar`` in ``year`` (with ``observed``: also the weekdays they are observed on
    when they fall on a weekend); none for an empty calendar."""
    if not calendar:
        return ()
    country, subdiv = _split(calendar)
    found = holidays_lib.country_holidays(country, subdiv=subdiv, years=year, observed=observed)
    return tuple(sorted(found.items()))


def days_off(calendar: str, years, added: dict[dt.date, str] | None = None,
             removed: set[dt.date] | None = None, observed: bool = False) -> dict[dt.date, str]:
    """Date -> name of every holiday in ``years``: the library's ``calendar`` (observed days only with
    ``observed``), plus ``added``, less ``removed``."""
    out = {day: name for year in years for day, name in library_holidays(calendar, int(year), observed)}
    out.update(added or {})
    for day in removed or ():
        out.pop(day, None)
    return out


def _off(holidays) -> np.ndarray:
    return np.array(sorted(holidays), dtype="datetime64[D]")


def _nth_business_day(days: np.ndarray, n: int, weekmask: str, off: np.ndarray, roll_first: bool = False
                      ) -> np.ndarray:
    """The ``n``-th business day after each date (day 0 need not be a business day); for ``n`` = 0 the date itself
    when it is a business day, else the next one. ``roll_first``: the other reading, where a date that is not a
    business day first moves to the next business day, which is day 0 (one day later). NaT stays NaT."""
    # backward: a day off is counted from the business day before it, so the next business day is day 1
    roll = "forward" if n == 0 or roll_first else "backward"
    return np.busday_offset(days, n, roll=roll, weekmask=weekmask, holidays=off)


def business_deadline(start: pd.Series, days: int, cutoff: dt.time, weekmask: str = "1111100",
                      holidays=(), roll_first: bool = False) -> pd.Series:
    """The deadline ``days`` business days after the date of each naive ``start`` (same zone in and out), at the
    time of day ``cutoff``. ``holidays``: dates that are not business days; ``roll_first``: see
    :func:`_nth_business_day`. NaT stays NaT."""
    start = pd.to_datetime(start).astype("datetime64[ns]")
    order_day = start.dt.normalize().to_numpy().astype("datetime64[D]")
    due = _nth_business_day(order_day, days, weekmask, _off(holidays), roll_first)
    cut = pd.Timedelta(hours=cutoff.hour, minutes=cutoff.minute, seconds=cutoff.second)
    return pd.Series(due.astype("datetime64[ns]"), index=start.index) + cut


def add_business_days(day: dt.date, days: int, weekmask: str = "1111100", holidays=()) -> dt.date:
    """The ``days``-th business day after ``day`` (``day`` itself is day 0, a business day or not)."""
    found = _nth_business_day(np.array([np.datetime64(day, "D")]), days, weekmask, _off(holidays))
    return found[0].astype(dt.date)


def is_business_day(day: dt.date, weekmask: str = "1111100", holidays=()) -> bool:
    """True when ``day`` is a business day."""
    return bool(np.is_busday(np.datetime64(day, "D"), weekmask=weekmask, holidays=_off(holidays)))
