"""The SLA sheet: the team's SOP hours and each market's platform deadlines, as data the team edits.

Layout (one table, header in row 1)::

    Market | Setting | Value | Description | 说明

``*`` in Market means every market without a row of its own; a market row wins over the ``*`` row; a row the team
deletes falls back to the default. Platform policies change often (docs/sla.md): every number here is a setting.
The Holidays sheet (Market, Date, Name, Day Off) adds days off to, or with Day Off = no removes them from, the
``holidays`` library's calendar of each market (see :mod:`tkops.clocks.calendar`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from tkops.cells.yes_no import yes_no
from tkops.clocks.catalogue import SlaConfigError
from tkops.clocks.values import parse, show
from tkops.markets import MARKETS, market

SLA_SHEET_HEADERS = ["Market", "Setting", "Value", "Description", "说明"]
HOLIDAY_SHEET_HEADERS = ["Market", "Date", "Name", "Day Off"]
ALL = "*"

_SEA = ("ID", "MY", "PH", "SG", "TH", "VN")
_CALENDARS = {code: code for code in MARKETS} | {"UK": "GB-ENG", "*": "none"}
_UNVERIFIED = " (default not verified for this market: check Seller University)"

#: (setting, kind, default: one value for all markets or {market: value}, English, Chinese). The first block is the
#: team's own SOP (one * row each); the second the platform's rules (one row per market).
SPEC: tuple[tuple[str, str, Any, str, str], ...] = (
    ("Review Hours", "hours", 2, "Review each order within this many hours of payment", "付款后多少小时内完成审单"),
    ("Print Hours", "hours", 1, "Print and pick within this many hours of the review", "审单后多少小时内完成打单拣货"),
    ("Pack Hours", "hours", 1, "QC and pack within this many hours of picking", "拣货后多少小时内完成质检打包"),
    ("Due Soon", "window", "25%", "When a clock turns \"due soon\": 25% = in the last quarter of the time allowed, "
     "4h = in the last 4 hours", "何时显示“即将到期”：25% = 剩余最后四分之一时间；4h = 最后 4 小时"),
    ("Unscanned Hours", "hours", 24, "List tracking uploaded more than this many hours ago that the carrier has "
     "not scanned yet", "单号上传超过此小时数仍未被承运商扫描时列出"),
    ("Working Days", "weekdays", "Mon-Fri", "The platform's business days (weekends excluded)",
     "平台的工作日（不含周末）"),
    ("Time Zone", "zone", "", "Time zone of the platform's deadlines and cut-off; blank = the market's own "
     "(US: America/Los_Angeles, i.e. PST/PDT)", "平台截止时间所用时区；留空则按站点（US：America/Los_Angeles）"),
    ("Dispatch Days", "days", 2, "Dispatch within this many business days of payment (orders paid after the "
     "cut-off or on a day off count from the next business day)", "付款后多少个工作日内发货（截单时间后或非工作日付款的订单从下一个工作日起算）"),
    ("Dispatch Done When", "evidence", {"US": "scan", "*": "tracking"}, "What meets the dispatch deadline: "
     "tracking = tracking uploaded (Awaiting Collection); scan = carrier scan (In Transit)", "满足发货时效的条件：tracking = 已上传单号（待揽收）；"
     "scan = 承运商已扫描（运输中）"),
    ("Auto-cancel Days", "days", {**{m: 3 for m in _SEA}, "*": 7}, "TikTok cancels the order after this "
     "many business days without it (off = no auto-cancel clock)", "超过此工作日数仍未满足条件，TikTok 自动取消订单（off = 不计时）"),
    ("Auto-cancel Done When", "evidence", {**{m: "scan" for m in _SEA}, "*": "tracking"}, "What stops the "
     "auto-cancel clock: tracking = tracking uploaded; scan = collected by the carrier", "停止自动取消计时的条件："
     "tracking = 已上传单号；scan = 承运商已揽收"),
    ("Cut-off", "time", "23:59", "Orders paid after this time of day count from the next business day; the "
     "deadline is at this time", "此时刻之后付款的订单从下一个工作日起算；截止时间也在此时刻"),
    ("Holidays", "calendar", _CALENDARS, "Public-holiday calendar (holidays library: country or country-region, "
     "none = only the Holidays sheet)", "公共假日日历（holidays 库国家代码或国家-地区代码；none = 仅用 Holidays 工作表）"),
)
_SOP_SETTINGS = 7
_KIND = {name.casefold(): (name, kind) for name, kind, *_ in SPEC}
_VERIFIED = {"Dispatch Days": ("US", "UK", *_SEA), "Dispatch Done When": ("US", "UK", *_SEA),
             "Auto-cancel Days": ("US", *_SEA), "Auto-cancel Done When": ("US", *_SEA), "Cut-off": ("US",)}


@dataclass(frozen=True)
class MarketSla:
    """The SLA settings of one market, validated (``market`` "" = a line whose market tkops cannot tell)."""

    market: str
    review_hours: float
    print_hours: float
    pack_hours: float
    due_soon: tuple[str, float]  # ("share", 0.25) or ("hours", 4.0)
    unscanned_hours: float
    working_days: str  # numpy weekmask, "1111100" = Mon-Fri
    time_zone: str  # the zone of the deadlines: the setting, else the market's own ("" = the line's own)
    dispatch_days: int | None
    dispatch_done_when: str  # "tracking" or "scan"
    auto_cancel_days: int | None
    auto_cancel_done_when: str
    cutoff: dt.time
    holidays: str  # holidays-library calendar such as "US" or "GB-ENG"; "" = none


@dataclass(frozen=True)
class SlaTable:
    """The SLA sheet (market, setting) -> value and the Holidays sheet's rows, validated."""

    values: Mapping[tuple[str, str], Any] = field(default_factory=dict)
    holidays: tuple[tuple[str, dt.date, str, bool], ...] = ()  # (market or *, date, name, day off)

    def get(self, code: str, setting: str) -> Any:
        """The value of ``setting`` for market ``code`` (market row, else * row, else the default)."""
        name, kind = _KIND[setting.casefold()]
        code = _market_code(code) or ALL
        for key in ((code, name), (ALL, name)):
            if key in self.values:
                return self.values[key]
        return parse(kind, default_value(name, code), code, name)

    def for_market(self, code: str) -> MarketSla:
        """Every setting of market ``code`` ("" or an unknown code: the * values, no holiday calendar)."""
        code = _market_code(code)
        v = {name: self.get(code or ALL, name) for name, *_ in SPEC}
        zone = v["Time Zone"] or (MARKETS[code].time_zone if code else "")
        return MarketSla(code, v["Review Hours"], v["Print Hours"], v["Pack Hours"], v["Due Soon"],
                         v["Unscanned Hours"], v["Working Days"], zone, v["Dispatch Days"], v["Dispatch Done When"],
                         v["Auto-cancel Days"], v["Auto-cancel Done When"], v["Cut-off"],
                         v["Holidays"] if code else "")

    def team_holidays(self, code: str) -> tuple[dict[dt.date, str], set[dt.date]]:
        """The Holidays sheet for market ``code``: days off added (date -> name) and library days off removed."""
        added, removed = {}, set()
        for where, day, name, off in self.holidays:
            if where in (ALL, code):
                if off:
                    added[day] = name
                    removed.discard(day)
                else:
                    removed.add(day)
                    added.pop(day, None)
        return added, removed

    @staticmethod
    def from_sheet_rows(rows: list[list[Any]] | None, holiday_rows: list[list[Any]] | None = None) -> "SlaTable":
        """The table from the SLA sheet's rows and the Holidays sheet's rows (header first; columns by header name).

        Raises :class:`SlaConfigError` naming the row, market, setting and value when a row is not valid.
        """
        values = {}
        for n, row in _records(rows):
            where = str(row.get("market") or "").strip()
            setting = str(row.get("setting") or "").strip()
            if not where and not setting:
                continue
            code = ALL if where in ("", ALL) or where.casefold() in ("all", "全部") else _market_code(where)
            if not code:
                raise SlaConfigError("clock.sla.bad_market", row=n, value=where, known=", ".join(MARKETS))
            if setting.casefold() not in _KIND:
                raise SlaConfigError("clock.sla.bad_setting", row=n, value=setting,
                                     known=", ".join(name for name, *_ in SPEC))
            name, kind = _KIND[setting.casefold()]
            raw = row.get("value")
            if raw in (None, ""):
                continue  # a blank value means the default
            values[(code, name)] = parse(kind, raw, code, name, n)
        return SlaTable(values, _holidays(holiday_rows))


def default_value(setting: str, code: str = ALL) -> Any:
    """The built-in default of ``setting`` for market ``code`` (or * ), as the sheet shows it."""
    default = next(d for name, _k, d, *_ in SPEC if name == setting)
    return default.get(code, default[ALL]) if isinstance(default, dict) else default


def sla_sheet_rows(table: SlaTable | None = None) -> list[list[Any]]:
    """The SLA sheet's rows: header, the SOP settings (Market *), then each market's platform settings."""
    table = table or SlaTable()
    rows = [list(SLA_SHEET_HEADERS)]
    for name, kind, _d, en, zh in SPEC[:_SOP_SETTINGS]:
        rows.append([ALL, name, show(kind, table.get(ALL, name)), en, zh])
    for code in MARKETS:
        for name, kind, _d, en, zh in SPEC[_SOP_SETTINGS:]:
            note = "" if code in _VERIFIED.get(name, (code,)) else _UNVERIFIED
            rows.append([code, name, show(kind, table.get(code, name)), en + note, zh + ("（未核实）" if note else "")])
    return rows


def holiday_sheet_rows() -> list[list[Any]]:
    """The Holidays sheet's starting rows: the header only (the holidays library already knows public holidays;
    the team adds its own days off, or a row with Day Off = no for a public holiday the platform works on)."""
    return [list(HOLIDAY_SHEET_HEADERS)]


def _market_code(value: str) -> str:
    if not value or value == ALL:
        return ""
    m = market(value)
    return m.code if m else ""


def _records(rows):
    if not rows:
        return
    header = [str(h).strip().casefold() if h is not None else "" for h in rows[0]]
    for n, row in enumerate(rows[1:], start=2):
        yield n, {h: (row[i] if i < len(row) else None) for i, h in enumerate(header) if h}


def _holidays(rows) -> tuple[tuple[str, dt.date, str, bool], ...]:
    out = []
    for n, row in _records(rows):
        where, day = str(row.get("market") or "").strip(), row.get("date")
        if not where and day in (None, ""):
            continue
        code = ALL if where in ("", ALL) or where.casefold() in ("all", "全部") else _market_code(where)
        if not code:
            raise SlaConfigError("clock.sla.bad_holiday", row=n, problem="holiday_market", value=where,
                                 known=", ".join(MARKETS))
        date = _date(day)
        if date is None:
            raise SlaConfigError("clock.sla.bad_holiday", row=n, problem="holiday_date", value=day)
        off = yes_no(row.get("day off"), blank=True, extra_no=("working", "工作日"))
        if off is None:
            raise SlaConfigError("clock.sla.bad_holiday", row=n, problem="holiday_off", value=row.get("day off"))
        out.append((code, date, str(row.get("name") or "").strip(), off))
    return tuple(out)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
