"""The SLA sheet: the team's SOP hours and each market's platform deadlines, as data the team edits.

Layout (one table, header in row 1)::

    Market | Setting | Value | Description | 说明

``*`` in Market means every market without a row of its own; a market row wins over the ``*`` row; a row the team
deletes falls back to the default. Platform policies change often (docs/sla.md names each default's source page and
the reading chosen where TikTok's words allow two): every number and reading here is a setting.
The Holidays sheet (Market, Date, Name, Day Off) adds days off to, or with Day Off = no removes them from, the
``holidays`` library's calendar of each market (see :mod:`tkops.clocks.calendar`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from tkops.cells.yes_no import yes_no
from tkops.clocks.catalogue import SlaConfigError
from tkops.clocks.values import parse, show, zone_name
from tkops.markets import MARKETS, market

SLA_SHEET_HEADERS = ["Market", "Setting", "Value", "Description", "说明"]
HOLIDAY_SHEET_HEADERS = ["Market", "Date", "Name", "Day Off"]
ALL = "*"

_SEA = ("ID", "MY", "PH", "SG", "TH", "VN")
_CALENDARS = {code: code for code in MARKETS} | {"UK": "GB-ENG"}  # the Holidays defaults of tkops up to 0.x
_UNVERIFIED = " (default not verified for this market: check Seller University)"

#: (setting, kind, default: one value for all markets or {market: value}, English, Chinese). The first block is the
#: team's own SOP (one * row each); the second the platform's rules (one row per market). docs/sla.md names the
#: source page of every platform default and the reading chosen where TikTok's words allow two: always the one that
#: gives the earlier deadline, so a clock never promises a day TikTok does not give.
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
    ("Time Zone", "zone", {"US": "America/Los_Angeles; UTC-8", ALL: ""}, "Time zone of the platform's order dates "
     "and deadlines; blank = the market's own. Several (a; b) = each is a reading and the earliest deadline wins "
     "(US: the policy says PST, read both as Pacific time and as a fixed UTC-8)", "平台订单日期和截止时间所用时区；留空则按站点。"
     "填多个（a; b）时逐一计算，取最早的截止时间（US：政策写 PST，按太平洋时间和固定 UTC-8 两种读法计算）"),
    ("Dispatch Days", "days", 2, "Dispatch within this many business days from the order date (the date the order "
     "was placed, day 0; an order placed on a day off has its first day on the next business day)",
     "下单日期（第 0 天）起多少个工作日内发货（非工作日下单的订单，第 1 天为下一个工作日）"),
    ("Dispatch Done When", "evidence", {"US": "scan", ALL: "tracking"}, "What meets the dispatch deadline: "
     "tracking = tracking uploaded (Awaiting Collection); scan = carrier scan (In Transit)", "满足发货时效的条件：tracking = "
     "已上传单号（待揽收）；scan = 承运商已扫描（运输中）"),
    ("Auto-cancel Days", "days", {"US": 7, **{m: 2 for m in _SEA}, ALL: None}, "TikTok cancels the order when this "
     "many business days from the order date pass without it (off = no such rule)",
     "下单日期起超过此工作日数仍未满足条件，TikTok 自动取消订单（off = 无此规则）"),
    ("Auto-cancel Done When", "evidence", "tracking", "What stops that auto-cancel rule: tracking = tracking "
     "uploaded (Awaiting Collection); scan = collected by the carrier", "停止该自动取消规则的条件：tracking = 已上传单号（待揽收）；"
     "scan = 承运商已揽收"),
    ("Collection Cancel Days", "days", {**{m: 3 for m in _SEA}, ALL: None}, "TikTok also cancels an order the "
     "carrier has not collected (scanned) within this many business days from the order date (off = no such rule)",
     "下单日期起超过此工作日数承运商仍未揽收（扫描），TikTok 也会自动取消订单（off = 无此规则）"),
    ("Deliver Days", "days", {"US": 6, ALL: None}, "Deliver-by: the buyer has the parcel within this many business "
     "days from the order date (off = no clock)", "送达时效：下单日期起多少个工作日内送达买家（off = 不计时）"),
    ("Cancel Request Hours", "hours_off", 24, "Answer a buyer's cancellation request within this many hours of "
     "the request, or TikTok settles it without you (off = no clock)", "买家取消申请须在多少小时内处理，否则由 TikTok 自动处理"
     "（off = 不计时）"),
    ("Order Time", "order_time", "created", "Which time of the order is its order date, day 0: created = when "
     "it was placed (the earlier); paid = when it was paid", "以哪个时间为下单日期（第 0 天）：created = 下单时间（较早）；"
     "paid = 付款时间"),
    ("Day Zero", "day_zero", "order date", "order date = the order date is day 0 whatever day it is (placed Saturday, "
     "2 days: Tuesday); next business day = an order placed on a day off counts from the next business day "
     "(Wednesday: one day later)", "order date = 下单日期即第 0 天，无论是否工作日（周六下单、2 天：周二）；next business day = "
     "非工作日下单的订单从下一个工作日起算（周三：晚一天）"),
    ("Cut-off", "time", "23:59:59", "Time of day of every platform deadline, to the second; 23:59:59 = to the "
     "end of 11:59 PM (23:59 = its first second). The time of day an order was placed never moves its order date",
     "平台截止时间的时刻（精确到秒）；23:59:59 = 晚上 11:59 这一分钟结束（23:59 = 这一分钟开始）。下单时刻不改变下单日期"),
    ("Holidays", "calendar", {"US": "US", ALL: "none"}, "Public holidays that are not business days (holidays "
     "library: country or country-region; none = only the Holidays sheet). Only the US policy names its holidays "
     "(federal); elsewhere add the days TikTok announces to the Holidays sheet", "非工作日的公共假日（holidays 库国家代码或"
     "国家-地区代码；none = 仅用 Holidays 工作表）。只有美国政策写明假日（联邦假日）；其他站点请把 TikTok 公布的假日填入 Holidays 工作表"),
    ("Observed Days", "yesno", "no", "yes = when a holiday falls on a weekend, the weekday it is observed on is a "
     "day off too (US: 4 July on a Saturday, Friday 3 July); no = only the holiday itself",
     "yes = 假日逢周末时，补休的工作日也不算工作日（例如美国 7 月 4 日逢周六，7 月 3 日周五补休）；no = 只算假日当天"),
)
_SOP_SETTINGS = 6
_KIND = {name.casefold(): (name, kind) for name, kind, *_ in SPEC}
_VERIFIED = {"Time Zone": ("US",), "Dispatch Days": ("US", "UK", "TH", "VN"),
             "Dispatch Done When": ("US", "UK", "TH", "VN"), "Auto-cancel Days": ("US", "TH", "VN"),
             "Auto-cancel Done When": ("US", "TH", "VN"), "Collection Cancel Days": ("US", "TH", "VN"),
             "Deliver Days": ("US",), "Cancel Request Hours": ("TH",), "Cut-off": ("US", "VN"),
             "Order Time": ("US", "TH", "VN", "UK"), "Day Zero": ("US", "TH", "VN", "UK"),
             "Holidays": ("US",), "Observed Days": ()}
#: Settings added since the first SLA sheet: a sheet without any of them was written by an older tkops.
_ADDED = ("Collection Cancel Days", "Deliver Days", "Cancel Request Hours", "Order Time", "Day Zero",
          "Observed Days")
_NOTHING = object()
#: Defaults of earlier tkops versions that promised more than TikTok gives, as an SLA sheet written then holds them:
#: (setting, market) -> the old value. :func:`upgrade` replaces them with today's default.
SUPERSEDED: dict[tuple[str, str], Any] = {
    **{("Auto-cancel Days", m): 3 for m in _SEA}, **{("Auto-cancel Done When", m): "scan" for m in _SEA},
    **{("Auto-cancel Days", m): 7 for m in MARKETS if m != "US" and m not in _SEA},
    **{("Holidays", m): _CALENDARS[m] for m in MARKETS if m != "US"},
    **{("Cut-off", m): dt.time(23, 59) for m in MARKETS},
}


@dataclass(frozen=True)
class MarketSla:
    """The SLA settings of one market, validated (``market`` "" = a line whose market tkops cannot tell: it gets the
    * values and no platform deadline, since its time zone and calendar are unknown)."""

    market: str
    review_hours: float
    print_hours: float
    pack_hours: float
    due_soon: tuple[str, float]  # ("share", 0.25) or ("hours", 4.0)
    unscanned_hours: float
    working_days: str  # numpy weekmask, "1111100" = Mon-Fri
    time_zones: tuple[str, ...]  # IANA zones of the order dates and deadlines, each a reading; () = unknown market
    dispatch_days: int | None
    dispatch_done_when: str  # "tracking" or "scan"
    auto_cancel_days: int | None
    auto_cancel_done_when: str
    collection_cancel_days: int | None  # auto-cancel without the carrier's scan
    deliver_days: int | None
    cancel_request_hours: float | None
    order_time: str  # "created" or "paid": the time whose date is day 0
    roll_first: bool  # Day Zero = next business day: an order placed on a day off counts from the next business day
    cutoff: dt.time
    holidays: str  # holidays-library calendar such as "US" or "GB-ENG"; "" = none
    observed: bool  # the observed weekday of a weekend holiday is a day off too

    @property
    def time_zone(self) -> str:
        """The first zone (the one due times are shown in when the sheet's times follow the market)."""
        return self.time_zones[0] if self.time_zones else ""


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
        """Every setting of market ``code`` ("" or an unknown code: the * values, no zone, no holiday calendar)."""
        code = _market_code(code)
        v = {name: self.get(code or ALL, name) for name, *_ in SPEC}
        zones = tuple(zone_name(z) for z in v["Time Zone"]) or ((MARKETS[code].time_zone,) if code else ())
        return MarketSla(code, v["Review Hours"], v["Print Hours"], v["Pack Hours"], v["Due Soon"],
                         v["Unscanned Hours"], v["Working Days"], zones if code else (), v["Dispatch Days"],
                         v["Dispatch Done When"], v["Auto-cancel Days"], v["Auto-cancel Done When"],
                         v["Collection Cancel Days"], v["Deliver Days"], v["Cancel Request Hours"], v["Order Time"],
                         v["Day Zero"] == "next business day", v["Cut-off"], v["Holidays"] if code else "",
                         v["Observed Days"])

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

    def superseded(self) -> dict[tuple[str, str], tuple[Any, Any]]:
        """(market, setting) -> (value, today's default) of the sheet's values that are earlier tkops defaults
        (:data:`SUPERSEDED`), in a sheet an older tkops wrote (one that lacks the settings added since): there they
        are not the team's choice. Once the sheet is up to date, the same values are the team's and stay."""
        if not self.lacks_settings():
            return {}
        return {(code, name): (value, self.without([(code, name)]).get(code, name))
                for (code, name), value in self.values.items() if SUPERSEDED.get((name, code), _NOTHING) == value}

    def lacks_settings(self) -> tuple[str, ...]:
        """The settings this table has no row for in any market while it has others (a sheet of an older tkops)."""
        if not self.values:
            return ()
        named = {name for _code, name in self.values}
        return tuple(name for name in _ADDED if name not in named)

    def without(self, keys) -> "SlaTable":
        """This table without the values of ``keys`` ((market, setting) pairs): those fall back to the defaults."""
        drop = set(keys)
        return SlaTable({k: v for k, v in self.values.items() if k not in drop}, self.holidays)

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
