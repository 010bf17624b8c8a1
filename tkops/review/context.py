"""What every rule reads: the order lines prepared once (text as plain strings, canonical statuses, destination
country codes, order keys) plus the Inventory and Bundles sheets, the Rules and Keywords configuration and the
clock.

Lines are addressed by position (``pos``) inside the review; :func:`tkops.review.review` maps positions back to the
caller's row labels, so duplicate or odd index labels cannot confuse a rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from tkops import schema
from tkops.review import text as T
from tkops.review.config import RuleConfig
from tkops.review.countries import country_code, market_country
from tkops.review.keywords import Keywords
from tkops.settings import Settings
from tkops.statuses import OPEN, canonical_statuses

#: Text columns the rules read (schema keys, plus the optional per-row ``buyer_language`` override).
TEXT_KEYS = ("order_id", "order_status", "cancel_return_type", "sku_id", "seller_sku", "product_name", "variation",
             "currency", "buyer_message", "buyer_username", "recipient", "phone", "country", "state", "city",
             "districts", "zipcode", "address_line_1", "address_line_2", "house_name_or_number", "buyer_language")
#: Address parts, in label order.
ADDRESS_KEYS = ("house_name_or_number", "address_line_1", "address_line_2", "districts", "city", "state", "zipcode")
#: Statuses past the review (shipment arranged or done): no rule looks at these lines.
DONE = frozenset({"Awaiting Collection", "Shipped", "In Transit", "Delivered", "Completed"})


@dataclass
class ReviewContext:
    """The prepared lines (``w``, positional index) and everything else a rule may need."""

    w: pd.DataFrame
    present: frozenset[str]
    inventory: pd.DataFrame
    bundles: pd.DataFrame
    config: RuleConfig
    keywords: Keywords
    settings: Settings
    now: dt.datetime
    cache: dict[str, Any] = field(default_factory=dict)

    def has(self, key: str) -> bool:
        """True when the reviewed lines have column ``key`` at all."""
        return key in self.present

    def carried(self, key: str, rows: pd.DataFrame) -> pd.Series:
        """Per line of ``rows`` (reviewed lines, e.g. :meth:`orders`): False when the line's export had no column for
        ``key``. Lines record the address parts their file had no column for (:data:`tkops.schema.EXPORT_LACKS`); a
        line without that record (typed by hand, pulled from the API, imported before tkops kept it) carried every
        column the sheet has. Only meaningful for a ``key`` the sheet has (:meth:`has`)."""
        name = schema.BY_KEY[key].name
        return ~rows["lacks"].map(lambda v: name in _parts(v)).astype(bool)

    def orders(self, mask: pd.Series | None = None) -> pd.DataFrame:
        """First line of each in-scope order (optionally also where ``mask``): where order-level problems go."""
        keep = self.w["first"] & self.w["scope"]
        return self.w[keep if mask is None else keep & mask]


def prepare(lines: pd.DataFrame, inventory: pd.DataFrame | None, bundles: pd.DataFrame | None, config: RuleConfig,
            keywords: Keywords, settings: Settings, now: dt.datetime) -> ReviewContext:
    """The review context for ``lines`` (the caller's frame is not changed)."""
    index = pd.RangeIndex(len(lines))
    src = lines.reset_index(drop=True)
    w = pd.DataFrame(index=index)
    for key in TEXT_KEYS:
        w[key] = T.as_text(src[key] if key in src.columns else None, index)
    w["qty"] = _numbers(src.get("quantity"), index).fillna(0)
    w["qty_text"] = T.as_text(src["quantity"] if "quantity" in src.columns else None, index)  # as typed
    w["amount"] = _numbers(src.get("order_amount"), index)
    for key in ("paid_time", "created_time"):
        w[key] = datetimes_of(src.get(key), index)
    w["status"] = canonical_statuses(w["order_status"]).fillna("").astype(object)
    w["cancelled"] = w["status"] == "Cancelled"
    w["scope"] = ~w["status"].isin(DONE) & ~w["cancelled"]
    w["open"] = w["scope"] & (w["status"].isin(OPEN) | (w["status"] == ""))
    fallback = market_country(settings.market)
    codes = {v: country_code(v) for v in w["country"].unique()}
    w["cc"] = w["country"].map(codes).replace("", fallback).astype(object)
    w["okey"] = w["order_id"].where(w["order_id"] != "", "#" + pd.Series(index.astype(str), index=index))
    w["first"] = ~w["okey"].duplicated()
    w["sku_key"] = w["seller_sku"].str.casefold()
    w["lacks"] = T.as_text(src["export_lacks"] if "export_lacks" in src.columns else None, index)
    return ReviewContext(w, frozenset(src.columns), _frame(inventory), _frame(bundles), config, keywords, settings,
                         now)


@lru_cache(maxsize=256)
def _parts(value: str) -> frozenset[str]:
    """The display names in a line's record of the parts its export lacked ("Zipcode, City")."""
    return frozenset(p.strip() for p in value.split(",") if p.strip())


def _numbers(col: pd.Series | None, index: pd.Index) -> pd.Series:
    if col is None:
        return pd.Series(np.nan, index=index, dtype="float64")
    out = pd.to_numeric(col.astype(object).where(col.notna(), None), errors="coerce")
    values = np.asarray(out, dtype="float64")
    return pd.Series(np.where(np.isfinite(values), values, np.nan), index=index)


def datetimes_of(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """Datetimes from a typed column, a sheet's mixed cells or ISO text; anything else is NaT."""
    if col is None:
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        out = col
        if getattr(col.dt, "tz", None) is not None:
            out = col.dt.tz_localize(None)
    else:  # datetimes among other values (a sheet read back), or ISO text; anything else is no time
        values = col.astype(object)
        is_time = values.map(lambda v: isinstance(v, (dt.datetime, dt.date, pd.Timestamp)))
        out = pd.to_datetime(values.where(is_time, None), errors="coerce")
        is_text = values.map(lambda v: isinstance(v, str))
        if is_text.any():
            parsed = pd.to_datetime(values[is_text], format="ISO8601", errors="coerce")
            out = pd.Series(np.asarray(out, dtype="datetime64[ns]"), index=col.index)
            out[is_text] = np.asarray(parsed, dtype="datetime64[ns]")
    return pd.Series(np.asarray(out, dtype="datetime64[ns]"), index=index)


def _frame(frame: pd.DataFrame | None) -> pd.DataFrame:
    return frame.reset_index(drop=True) if frame is not None else pd.DataFrame()
