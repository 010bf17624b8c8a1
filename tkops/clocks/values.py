"""The values of the SLA sheet: each kind of setting read from what a person types (or Excel stores) and shown
back as the sheet writes it. ``parse`` raises :class:`SlaConfigError` naming the row, market and setting.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from tkops.cells.yes_no import yes_no
from tkops.clocks.catalogue import SlaConfigError

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse(kind: str, raw: Any, code: str = "*", setting: str = "", row: int | None = None) -> Any:
    """A sheet value of ``kind`` as tkops uses it; SlaConfigError naming the row, market and setting if invalid."""
    value = _PARSERS[kind](raw)
    if value is _BAD:
        raise SlaConfigError("clock.sla.bad_value", row=row or "-", market=code, setting=setting, value=raw,
                             hint=kind)
    return value


def show(kind: str, value: Any) -> Any:
    """A parsed value as the sheet shows it (the inverse of :func:`parse`)."""
    if kind == "window":
        return f"{value[1] * 100:g}%" if value[0] == "share" else f"{value[1]:g}h"
    if kind == "time":
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if kind == "zone":
        return "; ".join(value)
    if kind == "yesno":
        return "yes" if value else "no"
    if kind == "days":
        return "off" if value is None else value
    if kind == "weekdays":
        days = [d.capitalize() for d, on in zip(_DAYS, value) if on == "1"]
        return f"{days[0]}-{days[-1]}" if value == "1" * len(days) + "0" * (7 - len(days)) else " ".join(days)
    if kind == "calendar":
        return value or "none"
    if kind == "hours_off" and value is None:
        return "off"
    if kind in ("hours", "hours_off") and float(value).is_integer():
        return int(value)
    return value


_BAD = object()


def _hours(raw):
    try:
        value = float(str(raw).strip().lower().removesuffix("h"))
    except ValueError:
        return _BAD
    return value if value >= 0 else _BAD


def _hours_off(raw):
    if str(raw).strip().casefold() in ("off", "none", "-", "关"):
        return None
    return _hours(raw)


def _days(raw):
    text = str(raw).strip().casefold()
    if text in ("off", "none", "-", "关"):
        return None
    try:
        value = float(text)
    except ValueError:
        return _BAD
    return int(value) if value.is_integer() and value >= 0 else _BAD


def _window(raw):
    if isinstance(raw, (int, float)) and 0 < raw < 1:  # an Excel percentage cell holds 0.25
        return ("share", float(raw))
    text = str(raw).strip().lower()
    if text.endswith("%"):
        try:
            share = float(text[:-1]) / 100
        except ValueError:
            return _BAD
        return ("share", share) if 0 <= share <= 1 else _BAD
    hours = _hours(text)
    return _BAD if hours is _BAD else ("hours", hours)


def _evidence(raw):
    text = " ".join(str(raw).split()).casefold()
    if text in ("tracking", "rts", "awaiting collection", "tracking uploaded", "上传单号", "已上传单号"):
        return "tracking"
    if text in ("scan", "in transit", "collection", "collected", "shipped", "揽收", "扫描", "已揽收"):
        return "scan"
    return _BAD


def _time(raw):
    """A time of day, to the second (23:59 is 23:59:00: a minute is never stretched to its last second)."""
    if isinstance(raw, dt.datetime):
        return raw.time().replace(microsecond=0)
    if isinstance(raw, dt.time):
        return raw.replace(microsecond=0)
    if isinstance(raw, (int, float)) and 0 <= raw < 1:  # Excel stores a time of day as a fraction of a day
        seconds = min(round(raw * 24 * 3600), 24 * 3600 - 1)
        return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?", str(raw).strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return _BAD
    return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))


def _zone(raw):
    """One time zone or several separated by ; or , ("America/Los_Angeles; UTC-8": the deadline is the earliest
    of the readings): IANA names, or UTC+7 / UTC-8 (a fixed offset, whole hours). A tuple of the names as written
    (UTC offsets normalised); :func:`zone_name` gives the IANA name of each."""
    zones = []
    for part in re.split(r"[;,]", str(raw)):
        text = part.strip()
        if not text:
            continue
        offset = re.fullmatch(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::00)?", text, flags=re.IGNORECASE)
        if offset:
            if int(offset[2]) > 14:
                return _BAD
            text = f"UTC{offset[1]}{int(offset[2])}"
        try:
            zoneinfo.ZoneInfo(zone_name(text))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return _BAD
        zones.append(text)
    return tuple(dict.fromkeys(zones))


def zone_name(text: str) -> str:
    """The IANA name of a zone as the SLA sheet writes it: "UTC-8" is Etc/GMT+8 (POSIX signs are inverted)."""
    match = re.fullmatch(r"UTC([+-])(\d{1,2})", text)
    if not match:
        return text
    return "UTC" if int(match[2]) == 0 else f"Etc/GMT{'-' if match[1] == '+' else '+'}{int(match[2])}"


def _order_time(raw):
    text = " ".join(str(raw).split()).casefold()
    return {"created": "created", "created time": "created", "placed": "created", "下单时间": "created",
            "paid": "paid", "paid time": "paid", "付款时间": "paid"}.get(text, _BAD)


def _day_zero(raw):
    text = " ".join(str(raw).split()).casefold()
    return {"order date": "order date", "next business day": "next business day",
            "下单日期": "order date", "下一个工作日": "next business day"}.get(text, _BAD)


def _yesno(raw):
    answer = yes_no(raw)
    return _BAD if answer is None else answer


def _calendar(raw):
    from tkops.clocks.calendar import known_calendar

    text = str(raw).strip().upper().replace("/", "-").replace(" ", "")
    if text in ("NONE", "-", "OFF", "无"):
        return ""
    return text if known_calendar(text) else _BAD


def _weekdays(raw):
    text = str(raw).strip().casefold()
    if re.fullmatch(r"[01]{7}", text):
        return text if "1" in text else _BAD
    days = set()
    for token in re.split(r"[\s,;/]+", text):
        ends = token.split("-")
        if not token or len(ends) > 2 or any(e[:3] not in _DAYS for e in ends):
            return _BAD
        first, last = _DAYS.index(ends[0][:3]), _DAYS.index(ends[-1][:3])
        days.update(range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)])
    return "".join("1" if i in days else "0" for i in range(7)) if days else _BAD


_PARSERS = {"hours": _hours, "hours_off": _hours_off, "days": _days, "window": _window, "evidence": _evidence,
            "time": _time, "zone": _zone, "calendar": _calendar, "weekdays": _weekdays, "yesno": _yesno,
            "order_time": _order_time, "day_zero": _day_zero}
