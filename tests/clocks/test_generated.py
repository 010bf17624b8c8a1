"""A year of generated orders against an independent reading of TikTok's words: no clock is ever later.

Several thousand order lines over 2027 (every day, weekends, every US federal holiday and the weekdays they are
observed on, Thai public holidays, England and Wales bank holidays, both DST changes of Los Angeles and London,
orders in the last seconds before midnight and the first after it, orders created and paid on either side of
midnight) for the markets whose rules are documented (docs/sla.md): US, TH, VN and UK. Each Dispatch Deadline,
Auto-cancel At and Deliver By tkops computes is compared with every reading of the documented wording, computed here
without tkops, without numpy's business days and without the holidays library (the US federal holidays come from
5 U.S.C. 6103, the Thai and UK ones are listed by hand): none may be later than any reading, and each is the
earliest of them (so the clocks are not early without a reason either). The readings where the words allow two are
the ones docs/sla.md lists as deliberate disagreements; the test checks the generated set has cases of each.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from functools import lru_cache

import pandas as pd
import pytest

from tkops.clocks import SlaTable, clocks
from tkops.settings import Settings

D = dt.date
YEAR = 2027
UTC = dt.timezone.utc
FIXED_PST = dt.timezone(dt.timedelta(hours=-8), "UTC-8")
END_OF_CUT_OFF = dt.time(23, 59, 59)  # "11:59 PM" / "by 23:59H": to the end of that minute
TIMES = (dt.time(0, 0, 0), dt.time(0, 0, 1), dt.time(0, 30), dt.time(1, 30), dt.time(2, 30), dt.time(9, 15),
         dt.time(16, 59, 59), dt.time(23, 0), dt.time(23, 59, 0), dt.time(23, 59, 30), dt.time(23, 59, 59))
PAID_AFTER = (0, 45, 120, 600)  # seconds from the order's creation to its payment (some cross midnight)


# --- the calendars, from their own sources --------------------------------------------------------------------------

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ``weekday`` (0 = Monday) of a month; n = -1 the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def federal_holidays(year: int) -> set[dt.date]:
    """The eleven legal public holidays of 5 U.S.C. 6103(a), on their own dates."""
    return {D(year, 1, 1), _nth_weekday(year, 1, 0, 3), _nth_weekday(year, 2, 0, 3), _nth_weekday(year, 5, 0, -1),
            D(year, 6, 19), D(year, 7, 4), _nth_weekday(year, 9, 0, 1), _nth_weekday(year, 10, 0, 2),
            D(year, 11, 11), _nth_weekday(year, 11, 3, 4), D(year, 12, 25)}


def observed_days(days: set[dt.date]) -> set[dt.date]:
    """5 U.S.C. 6103(b) and the executive order: a Saturday holiday is observed the Friday before, a Sunday one the
    Monday after."""
    out = set()
    for day in days:
        if day.weekday() == 5:
            out.add(day - dt.timedelta(days=1))
        elif day.weekday() == 6:
            out.add(day + dt.timedelta(days=1))
    return out


US_FEDERAL = set().union(*(federal_holidays(y) for y in (YEAR - 1, YEAR, YEAR + 1)))
US_OBSERVED = observed_days(US_FEDERAL)
#: Thai public holidays of 2027 as the government's calendar sets them (substitution days included).
THAI = {D(YEAR, m, d) for m, d in ((1, 1), (2, 22), (4, 6), (4, 13), (4, 14), (4, 15), (5, 3), (5, 4), (5, 20),
                                     (6, 3), (7, 19), (7, 20), (7, 28), (8, 12), (10, 13), (10, 25), (12, 6),
                                     (12, 10), (12, 31))} | {D(YEAR + 1, 1, 1)}
#: Bank holidays of England and Wales in 2027 (Christmas and Boxing Day fall on a weekend: 27 and 28 December).
UK_BANK = {D(YEAR, m, d) for m, d in ((1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28))}


# --- the rules, read from the documented wording ----------------------------------------------------------------------

@lru_cache(maxsize=None)
def nth_business_day(order_date: dt.date, n: int, days_off: frozenset, roll_first: bool) -> dt.date:
    """The n-th business day (Mon-Fri, not in ``days_off``) after ``order_date``. ``roll_first``: the other reading,
    where an order placed on a day off counts from the next business day as its day 0."""
    def business(day: dt.date) -> bool:
        return day.weekday() < 5 and day not in days_off

    day = order_date
    if roll_first or n == 0:
        while not business(day):
            day += dt.timedelta(days=1)
    counted = 0
    while counted < n:
        day += dt.timedelta(days=1)
        counted += business(day)
    return day


def deadline(placed_utc: dt.datetime, n: int, zone: dt.tzinfo, days_off: frozenset, roll_first: bool,
             cut_off: dt.time) -> dt.datetime:
    """"Within n business days from the order date, cut-off at ``cut_off``" in one reading, as a UTC instant."""
    order_date = placed_utc.astimezone(zone).date()
    day = nth_business_day(order_date, n, days_off, roll_first)
    return dt.datetime.combine(day, cut_off, tzinfo=zone).astimezone(UTC)


MARKETS = {
    # market: (time zones read, holiday sets read, shop zone of the sheet)
    "US": ((zoneinfo.ZoneInfo("America/Los_Angeles"), FIXED_PST),
           {"federal": frozenset(US_FEDERAL), "federal+observed": frozenset(US_FEDERAL | US_OBSERVED)},
           "America/Los_Angeles"),
    "TH": ((zoneinfo.ZoneInfo("Asia/Bangkok"),), {"none": frozenset(), "thai": frozenset(THAI)}, "Asia/Bangkok"),
    "VN": ((zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"),), {"none": frozenset()}, "Asia/Ho_Chi_Minh"),
    "UK": ((zoneinfo.ZoneInfo("Europe/London"),), {"none": frozenset(), "bank": frozenset(UK_BANK)},
           "Europe/London"),
}
#: (clock, market) -> the rule per line: (business days, which lines it applies to) from the policy pages.
RULES = {
    "Dispatch Deadline": {"US": 2, "TH": 2, "VN": 2, "UK": 2},
    "Deliver By": {"US": 6},
}


def auto_cancel_days(market: str, tracked: bool) -> int | None:
    """US: 7 business days without tracking (Awaiting Collection). TH/VN: 2 working days without Awaiting
    Collection, or 3 without the carrier's collection; the earlier rule not yet met. UK: none documented."""
    if market == "US":
        return 7
    if market in ("TH", "VN"):
        return 3 if tracked else 2
    return None


def readings(market: str, created_utc: dt.datetime, paid_utc: dt.datetime, n: int) -> dict[tuple, dt.datetime]:
    """Every reading of the rule for one order: (zone, holidays, which time is the order's, day-0 rule), each with
    the deadline at the end of the cut-off minute."""
    zones, holiday_sets, _shop = MARKETS[market]
    out = {}
    for zone, (name, off), (which, placed), roll in itertools.product(
            zones, holiday_sets.items(), (("created", created_utc), ("paid", paid_utc)), (False, True)):
        out[(str(zone), name, which, roll)] = deadline(placed, n, zone, off, roll, END_OF_CUT_OFF)
    return out


# --- the generated set ----------------------------------------------------------------------------------------------

def generated(market: str, sheet_zone: str) -> tuple[pd.DataFrame, list[tuple[dt.datetime, dt.datetime, bool]]]:
    """Order lines for every day of the year at every time of :data:`TIMES` (in the market's civil time), created
    and paid some seconds apart, every third one tracked; with (created UTC, paid UTC, tracked) per line."""
    civil = zoneinfo.ZoneInfo(MARKETS[market][2])
    sheet = zoneinfo.ZoneInfo(sheet_zone)
    rows, facts = [], []
    day = D(YEAR, 1, 1)
    n = 0
    while day.year == YEAR:
        for at in TIMES:
            created = dt.datetime.combine(day, at, tzinfo=civil).astimezone(UTC)
            created = created.astimezone(civil).astimezone(UTC)  # a time the clock skipped moves forward
            paid = created + dt.timedelta(seconds=PAID_AFTER[n % len(PAID_AFTER)])
            tracked = n % 3 == 0
            rows.append({"order_id": f"{market}{n:06d}", "order_status": "Awaiting Collection" if tracked
                         else "Awaiting Shipment", "tracking_id": "TRACK" if tracked else None,
                         "country": market,
                         "created_time": created.astimezone(sheet).replace(tzinfo=None),
                         "paid_time": paid.astimezone(sheet).replace(tzinfo=None)})
            facts.append((created, paid, tracked))
            n += 1
        day += dt.timedelta(days=1)
    lines = pd.DataFrame(rows)
    for key in ("created_time", "paid_time"):
        lines[key] = pd.to_datetime(lines[key]).astype("datetime64[ns]")
    return lines, facts


def as_utc(local: pd.Series, zone: str) -> list[dt.datetime | None]:
    stamps = local.dt.tz_localize(zone, ambiguous="raise", nonexistent="raise").dt.tz_convert("UTC")
    return [None if pd.isna(t) else t.to_pydatetime() for t in stamps]


CASES = [("US", "America/Los_Angeles"), ("US", "Asia/Shanghai"), ("TH", "Asia/Bangkok"), ("VN", "Asia/Ho_Chi_Minh"),
         ("UK", "Europe/London")]


@pytest.fixture(scope="module")
def results():
    out = {}
    for market, sheet_zone in CASES:
        lines, facts = generated(market, sheet_zone)
        settings = Settings(market=market, time_zone="" if sheet_zone == MARKETS[market][2] else sheet_zone)
        frame = clocks(lines, None, None, dt.datetime(YEAR, 1, 1, tzinfo=UTC), settings=settings)
        out[(market, sheet_zone)] = (lines, facts, frame)
    return out


@pytest.mark.parametrize("market, sheet_zone", CASES)
def test_no_platform_clock_is_later_than_any_reading(results, market, sheet_zone):
    lines, facts, frame = results[(market, sheet_zone)]
    assert len(lines) >= 4000
    checked = 0
    for column in ("Dispatch Deadline", "Auto-cancel At", "Deliver By"):
        ours = as_utc(frame[column], sheet_zone)
        for pos, ((created, paid, tracked), mine) in enumerate(zip(facts, ours)):
            days = auto_cancel_days(market, tracked) if column == "Auto-cancel At" else RULES[column].get(market)
            if days is None:
                assert mine is None, (column, lines.iloc[pos].to_dict())  # no documented rule: no promise
                continue
            found = readings(market, created, paid, days)
            later = {k: v for k, v in found.items() if mine > v}
            assert not later, (column, lines.iloc[pos].to_dict(), mine, later)
            assert mine == min(found.values()), (column, lines.iloc[pos].to_dict(), mine, min(found.values()))
            checked += 1
    assert checked >= 4000


def test_the_set_covers_every_case_the_rules_turn_on(results):
    """Every federal holiday and observed day, Thai and UK holidays, both DST days and the last seconds of a day are
    order dates of the set; and each documented disagreement (docs/sla.md) happens in it."""
    lines, facts, _ = results[("US", "America/Los_Angeles")]
    la = zoneinfo.ZoneInfo("America/Los_Angeles")
    dates = {created.astimezone(la).date() for created, _paid, _t in facts}
    year = {d for d in US_FEDERAL | US_OBSERVED if d.year == YEAR}
    assert year <= dates and len(year) == 15  # 11 holidays, 4 of them observed on another day in 2027
    assert {D(YEAR, 3, 14), D(YEAR, 11, 7)} <= dates  # Los Angeles' DST changes
    assert {t.time() for t in lines["created_time"]} >= {dt.time(23, 59, 59), dt.time(0, 0, 0)}

    def disagreements(market, key_of, n=2):
        """How many orders one reading gives a later deadline than tkops for."""
        lines, facts, frame = results[(market, MARKETS[market][2])]
        ours = as_utc(frame["Dispatch Deadline"], MARKETS[market][2])
        return sum(1 for (c, p, _t), mine in zip(facts, ours) if readings(market, c, p, n)[key_of] > mine)

    la_key = ("America/Los_Angeles", "federal", "created", False)
    assert disagreements("US", ("UTC-8", "federal", "created", False)) > 0  # "PST" as UTC-8
    assert disagreements("US", la_key) > 0  # Pacific time, orders placed 00:00-00:59 PDT
    assert disagreements("US", ("America/Los_Angeles", "federal+observed", "created", False)) > 0
    assert disagreements("US", ("America/Los_Angeles", "federal", "paid", False)) > 0
    assert disagreements("US", ("America/Los_Angeles", "federal", "created", True)) > 0
    assert disagreements("TH", ("Asia/Bangkok", "thai", "created", False)) > 0
    assert disagreements("UK", ("Europe/London", "bank", "created", False)) > 0


def test_every_other_reading_is_a_setting_of_the_sla_sheet():
    """The later readings stay available: Pacific time only, observed days off, the payment's date, a day off
    counting from the next business day, and a cut-off at the minute's first second give exactly that reading."""
    lines, facts = generated("US", "America/Los_Angeles")
    lines, facts = lines.iloc[::5], facts[::5]
    rows = [["Market", "Setting", "Value"], ["US", "Time Zone", "America/Los_Angeles"], ["US", "Observed Days", "yes"],
            ["US", "Order Time", "paid"], ["US", "Day Zero", "next business day"], ["US", "Cut-off", "23:59"]]
    frame = clocks(lines, None, SlaTable.from_sheet_rows(rows), dt.datetime(YEAR, 1, 1, tzinfo=UTC),
                   settings=Settings(market="US"))
    la = zoneinfo.ZoneInfo("America/Los_Angeles")
    off = frozenset(US_FEDERAL | US_OBSERVED)
    for column, days in (("Dispatch Deadline", 2), ("Deliver By", 6)):
        ours = as_utc(frame[column], "America/Los_Angeles")
        want = [deadline(paid, days, la, off, True, dt.time(23, 59)) for _created, paid, _t in facts]
        assert ours == want, column
