"""Stalled shipments: shipped orders with no delivery after N days in their market, listed with a proactive message
to the buyer (``templates/replies/<lang>/followup.txt.j2``), to be sent before the buyer opens a case.

N per market is data the team edits: the FollowUpDays sheet (Market | Days | Note), ``*`` for every market without
a row of its own, laid over :data:`DEFAULT_FOLLOWUP_DAYS` (a deleted row falls back to the default). Days in transit
are whole calendar days from the earliest Shipped Time of the order to ``now``, both in the market's local time.
Delivered, completed and cancelled orders, and orders that already have a case, are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

import numpy as np
import pandas as pd

from tkops.aftersales.catalogue import AfterSalesConfigError, explain, sheet_records
from tkops.aftersales.replies import Renderer, greeting_name, item_text, reply_languages
from tkops.clocks import times
from tkops.clocks.evidence import line_markets
from tkops.markets import MARKETS, market
from tkops.review import text as T
from tkops.review.countries import country_code
from tkops.statuses import canonical_statuses

FOLLOWUP_SHEET = "FollowUp"
FOLLOWUP_DAYS_SHEET = "FollowUpDays"
FOLLOWUP_DAYS_HEADERS = ["Market", "Days", "Note"]
ALL = "*"
#: Days in transit after which a parcel counts as stalled, per market (cross-border parcels; a team shipping from a
#: local warehouse lowers them on the FollowUpDays sheet).
DEFAULT_FOLLOWUP_DAYS: dict[str, int] = {
    ALL: 10, "US": 10, "UK": 8, "IE": 10, "DE": 10, "FR": 10, "IT": 10, "ES": 10, "MX": 14, "BR": 20, "JP": 8,
    "ID": 7, "MY": 7, "PH": 7, "SG": 6, "TH": 6, "VN": 6,
}
#: Columns of the follow-up list (the FollowUp sheet), one row per order.
FOLLOWUP_HEADERS = ["Order ID", "Tracking ID", "Provider", "Shipped", "Days in Transit", "Market", "Buyer Language",
                    "Message", "Team Line"]
_DONE = frozenset({"Delivered", "Completed", "Cancelled"})
_TEXT = ("tracking_id", "shipping_provider", "country", "buyer_language", "buyer_username", "recipient",
         "product_name", "variation")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def followup_days(rows: list[list[Any]] | None = None, days: Mapping[str, Any] | None = None,
                  sheet: str = FOLLOWUP_DAYS_SHEET) -> dict[str, int]:
    """Days per market code (and ``*``): the defaults, then the FollowUpDays sheet's rows (header first), then
    ``days`` (market -> days). Raises :class:`AfterSalesConfigError` naming the sheet, row and column of a bad
    market or number."""
    table = dict(DEFAULT_FOLLOWUP_DAYS)
    for n, r in sheet_records(rows or [], sheet, ("Market", "Days")):
        table[_market(r["market"], sheet, n)] = _days(r["days"], sheet, n)
    for key, value in (days or {}).items():
        table[_market(str(key), sheet, "-")] = _days(value, sheet, "-")
    return table


def followup_days_sheet_rows(table: Mapping[str, int] | None = None) -> list[list[Any]]:
    """The FollowUpDays sheet (header first): the defaults, or ``table``."""
    table = table or DEFAULT_FOLLOWUP_DAYS
    note = "every market without a row of its own · 其他所有站点"
    return [list(FOLLOWUP_DAYS_HEADERS), *([m, d, note if m == ALL else ""] for m, d in table.items())]


def _market(value: str, sheet: str, row) -> str:
    code = value.strip()
    if code == ALL:
        return ALL
    found = market(code)
    if found is None:
        raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=row, column="Market",
                                    value=T.shorten(code or "(blank)"), allowed=", ".join([ALL, *MARKETS]))
    return found.code


def _days(value: Any, sheet: str, row) -> int:
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = np.nan
    if not np.isfinite(number) or number < 1 or not number.is_integer():
        raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=row, column="Days",
                                    value=T.shorten(str(value)), allowed="a whole number of days, e.g. 10")
    return int(number)


def shipped_text(when: pd.Timestamp, lang: str, market_code: str = "") -> str:
    """A shipping date as a buyer reading ``lang`` writes it ("Nov 3" in the US, "3 Nov", "3.11.2026", "2026年11月3日")."""
    if lang in ("ja", "zh"):
        return f"{when.year}年{when.month}月{when.day}日"
    if lang == "de":
        return f"{when.day}.{when.month}.{when.year}"
    if lang == "en":
        month = _MONTHS[when.month - 1]
        return f"{month} {when.day}" if market_code in ("US", "PH") else f"{when.day} {month}"
    return f"{when.day:02d}/{when.month:02d}/{when.year}"


def stalled_shipments(lines: pd.DataFrame, cases: pd.DataFrame | None = None, *,
                      days: Mapping[str, int] | None = None, now: dt.datetime | None = None, shop_market: str = "",
                      template_folder: str = "", team_lang: str = "en") -> pd.DataFrame:
    """The follow-up list: one row per stalled order (:data:`FOLLOWUP_HEADERS`), longest in transit first.

    ``lines``: canonical order lines (:mod:`tkops.schema` keys: order_id, order_status, shipped_time,
    delivered_time, tracking_id, shipping_provider, country, buyer_username, recipient, product_name, variation;
    optional buyer_language). ``cases``: the case table (its Order IDs are left out). ``days``: market code ->
    days, as :func:`followup_days` gives (None: the defaults). ``now``: aware, or naive in the sheet's local time
    (None: the current time). ``shop_market``: the market of lines whose Country says none. The Team Line is in
    ``team_lang`` (en or zh).
    """
    table = {**DEFAULT_FOLLOWUP_DAYS, **(days or {})}
    idx = lines.index
    w = pd.DataFrame({k: T.as_text(lines.get(k), idx) for k in ("order_id", *_TEXT)}, index=idx)
    w["market"] = line_markets(lines, shop_market) if len(idx) else ""
    w["shipped"] = times.times(lines.get("shipped_time"), idx)
    w["done"] = (canonical_statuses(T.as_text(lines.get("order_status"), idx)).isin(_DONE)
                 | times.times(lines.get("delivered_time"), idx).notna())
    w = w[w["order_id"] != ""]
    by_order = w.groupby("order_id", sort=False)
    orders = w[["market", *_TEXT]].replace("", np.nan).groupby(w["order_id"], sort=False).first().fillna("")
    orders["shipped"], orders["done"] = by_order["shipped"].min(), by_order["done"].any()
    orders["n"] = by_order.size()
    with_case = set(T.as_text(cases.get("order_id"), cases.index)) if cases is not None else set()
    orders = orders[orders["shipped"].notna() & ~orders["done"] & ~orders.index.isin(with_case)]
    if orders.empty:
        return pd.DataFrame({h: pd.Series(dtype=object) for h in FOLLOWUP_HEADERS})
    orders["days"] = _days_in_transit(orders, now)
    orders = orders[orders["days"] >= orders["market"].map(lambda m: table.get(m, table[ALL]))]
    orders = orders.sort_values(["days", "shipped"], ascending=[False, True], kind="stable")
    langs = reply_languages(orders["buyer_language"], orders["country"], orders.index)
    renderer, team_lang = Renderer(template_folder), "zh" if team_lang == "zh" else "en"
    rows = []
    for (order_id, o), lang in zip(orders.iterrows(), langs):
        item = item_text(o["product_name"], o["variation"]) + (f" +{o['n'] - 1}" if o["n"] > 1 else "")
        carrier = T.shorten(o["shipping_provider"], 40)
        ctx = {"buyer": greeting_name(o["buyer_username"], o["recipient"], lang), "order_id": order_id,
               "item": item if o["product_name"] else "", "tracking_id": T.shorten(o["tracking_id"], 40),
               "carrier": carrier, "shipped": shipped_text(o["shipped"], lang, o["market"]), "days": int(o["days"]),
               "country": country_code(o["country"]), "market": o["market"], "lang": lang}
        _path, message = renderer.render(["followup"], lang, ctx)
        shown = "" if not carrier else f"（{carrier}）" if team_lang == "zh" else f" with {carrier}"
        line = explain("aftersales.followup.team", team_lang, days=int(o["days"]), carrier=shown)
        rows.append([order_id, o["tracking_id"], o["shipping_provider"], o["shipped"], int(o["days"]), o["market"],
                     lang, message, line])
    return pd.DataFrame(rows, columns=FOLLOWUP_HEADERS)


def _days_in_transit(orders: pd.DataFrame, now: dt.datetime | None) -> pd.Series:
    """Whole days from Shipped to ``now``, in each order's market time (a naive ``now`` is taken as local)."""
    moment = pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now)
    if moment.tzinfo is None:
        local_now = pd.Series(moment, index=orders.index)
    else:
        zones = orders["market"].map(lambda m: MARKETS[m].time_zone if m in MARKETS else "UTC")
        local_now = zones.map({z: moment.tz_convert(z).tz_localize(None) for z in zones.unique()})
    elapsed = pd.to_datetime(local_now).astype(times.NS) - orders["shipped"].astype(times.NS)
    return (elapsed // pd.Timedelta(days=1)).astype("int64")
