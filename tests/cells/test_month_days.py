"""One reading of a ``YYYY-MM`` month (month-end's month, history export's month), each command with its own
message for a month it cannot read."""

from __future__ import annotations

import datetime as dt

import pytest

from tkops.cells.times import month_days
from tkops.errors import ConfigError
from tkops.jobs.history import month_bounds
from tkops.jobs.month_end import parse_month
from tkops.aftersales.month_end_catalogue import MonthEndError


@pytest.mark.parametrize("text, first, after", [
    ("2026-11", dt.date(2026, 11, 1), dt.date(2026, 12, 1)),
    (" 2026-12 ", dt.date(2026, 12, 1), dt.date(2027, 1, 1)),
    ("2026-1", dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 3, 1)),
])
def test_a_month_is_its_first_day_and_the_next_months(text, first, after):
    assert month_days(text) == (first, after)
    assert parse_month(text) == (first, after)
    assert month_bounds(text) == (dt.datetime.combine(first, dt.time()), dt.datetime.combine(after, dt.time()))


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026/11", "11-2026", "2026-11-01", "", "26-11", None])
def test_anything_else_is_no_month_and_each_command_says_so(text):
    assert month_days(text) is None
    with pytest.raises(MonthEndError):
        parse_month(text)
    with pytest.raises(ConfigError):
        month_bounds(text)
