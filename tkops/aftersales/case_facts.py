"""What the resolution rules ask about each case: where its parcel is, whether the buyer insists, what its item cost,
and when the platform acts on its own. Vectorised over the case table; every function keeps the cases' index (which
must be unique: :func:`tkops.aftersales.resolutions.suggest` sees to it).

Tracking comes from the order lines: the case's own line (Order ID + SKU ID), else its order. A parcel is *lost*
when any status or reason says so (Package lost, 丢失, ...) or when it has had no carrier scan for the Tracking Lost
Days (a Last Scan column in the cases or the lines, else the Shipped Time); *delivered* with a Delivered Time or a
Delivered/Completed status; *moving* when shipped otherwise; *not shipped* when the order has no tracking yet;
*unknown* when the order is not in the lines.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from tkops.cells.text import text_column as text
from tkops.clocks import times
from tkops.statuses import canonical_statuses

LOST, MOVING, DELIVERED, NOT_SHIPPED, UNKNOWN = "lost", "moving", "delivered", "not shipped", "unknown"
_LOST_WORDS = re.compile(r"\blost\b|package_lost|丢失|遗失|丢件|\bhilang\b|สูญหาย|thất lạc|\bperdid[oa]\b|\bverloren\b|"
                         r"\bperdu\b|\bsmarrit[oa]\b|紛失", re.IGNORECASE)
_SHIPPED = frozenset({"Shipped", "In Transit", "Delivered", "Completed", "Awaiting Collection"})
_DONE = frozenset({"Delivered", "Completed"})
_CLOSED = frozenset({"completed", "closed", "cancelled", "canceled", "refund rejected", "rejected", "done",
                     "已完成", "已关闭", "已取消", "已拒绝", "完成"})
_FACTS = ["shipped", "delivered", "lost", "scan", "seller_sku", "quantity"]
_INSISTS = frozenset({"buyer insists", "insists", "买家坚持", "坚持"})
#: Headers of the optional columns the team (or an API step) may add.
LAST_SCAN_HEADERS = ("Last Scan", "Last Scan Time", "Last Tracking Update")
INSISTS_HEADERS = ("Buyer Insists", "买家坚持")


def utc(local: pd.Series, zone: str, back: bool = False) -> pd.Series:
    """Naive local times in ``zone`` as naive UTC (``back``: the other way), converting only the cells that hold a
    time: most cases have no Due of their own."""
    out = local.astype(times.NS)
    has = out.notna()
    if has.any() and zone not in ("", "UTC"):
        out[has] = (times.from_utc if back else times.to_utc)(out[has], zone)
    return out


def _folded_in(col: pd.Series, words: frozenset[str]) -> pd.Series:
    return col.isin([v for v in col.unique() if v.casefold() in words])


def _lost_in(*cols: pd.Series) -> pd.Series:
    """True where any of ``cols`` (text) says the parcel is lost; each distinct value is searched once."""
    found = pd.Series(False, index=cols[0].index)
    for col in cols:
        found |= col.isin([v for v in col.unique() if v and _LOST_WORDS.search(v)]).to_numpy()
    return found


def _line_facts(lines: pd.DataFrame) -> pd.DataFrame:
    """Per order line: keys, whether shipped / delivered / reported lost, the last scan (local), SKU and quantity."""
    idx = lines.index
    status = canonical_statuses(text(lines.get("order_status"), idx))
    shipped_at = times.times(lines.get("shipped_time"), idx)
    delivered_at = times.times(lines.get("delivered_time"), idx)
    substatus = text(lines.get("order_substatus"), idx)
    return pd.DataFrame({
        "order_id": text(lines.get("order_id"), idx), "sku_id": text(lines.get("sku_id"), idx),
        "shipped": shipped_at.notna() | status.isin(_SHIPPED) | (text(lines.get("tracking_id"), idx) != ""),
        "delivered": delivered_at.notna() | status.isin(_DONE),
        "lost": _lost_in(status.astype(object).fillna(""), substatus),
        "scan": times.times(times.find([lines], *LAST_SCAN_HEADERS), idx).fillna(shipped_at),
        "seller_sku": text(lines.get("seller_sku"), idx),
        "quantity": pd.to_numeric(lines.get("quantity", pd.Series(np.nan, index=idx)), errors="coerce"),
    })


def _by(facts: pd.DataFrame, key: pd.Series, wanted: pd.Series) -> pd.DataFrame:
    """The facts of each ``wanted`` key (aligned to ``wanted``): its lines' facts combined, NaN where none."""
    if key.is_unique:  # one line per key, the usual case: no grouping needed
        found = facts[_FACTS].set_axis(key.to_numpy())
    else:
        found = facts.groupby(key.to_numpy(), sort=False).agg(
            shipped=("shipped", "any"), delivered=("delivered", "all"), lost=("lost", "any"), scan=("scan", "max"),
            seller_sku=("seller_sku", "first"), quantity=("quantity", "sum"))
    return found.reindex(wanted.to_numpy()).set_axis(wanted.index)


def case_lines(cases: pd.DataFrame, lines: pd.DataFrame | None) -> pd.DataFrame:
    """Each case's order facts (shipped, delivered, lost, scan, seller_sku, quantity, found): from its own line
    (Order ID + SKU ID), else from its whole order; ``found`` is False when the order is not in ``lines``."""
    idx = cases.index
    order = text(cases.get("order_id"), idx)
    sku = text(cases.get("sku_id"), idx)
    out = pd.DataFrame({"shipped": False, "delivered": False, "lost": False, "scan": pd.NaT,
                        "seller_sku": "", "quantity": np.nan, "found": False}, index=idx)
    if lines is None or lines.empty:
        return out.astype({"scan": times.NS})
    if "order_id" in lines:  # the canonical lines' IDs are clean text: keep the month's other orders out early
        lines = lines[lines["order_id"].isin(order.unique())]
    facts = _line_facts(lines)
    found = _by(facts, facts["order_id"] + "\x1f" + facts["sku_id"], order + "\x1f" + sku)
    miss = found["shipped"].isna()
    if miss.any():
        # rebuilt, not assigned through the mask: pandas 3 aligns a frame set through a boolean mask by position
        found = pd.concat([found[~miss], _by(facts, facts["order_id"], order[miss])]).reindex(idx)
    out["found"] = found["shipped"].notna()
    for col in ("shipped", "delivered", "lost"):
        out[col] = found[col].fillna(False).astype(bool)
    out["scan"] = found["scan"].astype(times.NS)
    out["seller_sku"] = found["seller_sku"].fillna("").astype(object)
    out["quantity"] = found["quantity"].astype("float64")
    return out


def tracking_state(cases: pd.DataFrame, facts: pd.DataFrame, lost_days: float, now: dt.datetime,
                   zone: str = "UTC") -> tuple[pd.Series, pd.Series]:
    """Each case's tracking state (lost, moving, delivered, not shipped, unknown) and whole days since the last
    scan (NaN when unknown). ``facts``: :func:`case_lines`; ``now``: aware, or naive in ``zone`` (the shop's)."""
    idx = cases.index
    said = _lost_in(*(text(cases.get(k), idx) for k in
                      ("reason_key", "reason", "return_sub_status", "order_substatus", "status")),
                    text(times.find([cases], "Tracking Status"), idx))
    scan = times.times(times.find([cases], *LAST_SCAN_HEADERS), idx).fillna(facts["scan"])
    days = (times.instant(now, zone) - utc(scan, zone)) / pd.Timedelta(days=1)
    days = np.floor(days.astype("float64"))
    moving = facts["shipped"] & ~facts["delivered"]
    state = np.select([said | facts["lost"], facts["delivered"], moving & (days >= lost_days), moving,
                       facts["found"]], [LOST, DELIVERED, LOST, MOVING, NOT_SHIPPED], UNKNOWN)
    return pd.Series(state, index=idx, dtype=object), days.where(moving)


def buyer_insists(cases: pd.DataFrame) -> pd.Series:
    """True where a Buyer Insists column is ticked (Yes, x, ✓, a date) or the Status says "Buyer insists"."""
    idx = cases.index
    ticked = times.flags(times.find([cases], *INSISTS_HEADERS), idx)
    return ticked | _folded_in(text(cases.get("status"), idx), _INSISTS)


def closed(cases: pd.DataFrame) -> pd.Series:
    """True for cases that are over: a Closed time, a final Return Status, or the team's Status Done."""
    idx = cases.index
    final = pd.Series(False, index=idx)
    for key in ("return_status", "status"):
        final |= _folded_in(text(cases.get(key), idx), _CLOSED)
    return final | times.times(cases.get("closed"), idx).notna()


def unit_costs(inventory: pd.DataFrame | None) -> pd.DataFrame:
    """The Inventory sheet's Unit Cost and Currency by folded Seller SKU (first row with a cost wins)."""
    from tkops.review.allocation import (
        column_by_header,  # here: tkops.review is slow to import
    )

    inv = inventory if inventory is not None else pd.DataFrame()
    idx = inv.index
    t = pd.DataFrame({"key": text(column_by_header(inv, "seller sku"), idx).str.casefold(),
                      "unit_cost": pd.to_numeric(column_by_header(inv, "unit cost"), errors="coerce")
                      if column_by_header(inv, "unit cost") is not None else np.nan,
                      "currency": text(column_by_header(inv, "currency"), idx).str.upper()})
    t = t[t["key"] != ""].sort_values("unit_cost", key=lambda s: s.isna(), kind="mergesort")
    return t.drop_duplicates("key").set_index("key")
