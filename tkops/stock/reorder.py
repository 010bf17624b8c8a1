"""Low stock and reorder suggestions per SKU (pure: frames in, a frame out; the job is :mod:`tkops.jobs.reorder`).

Definitions (also in the README, "Reorder"):

- Units sold: order lines (the Orders sheet and history) created in the 7 and the 30 days up to ``now`` (Created
  Time, else Paid Time; a line with neither is not counted), cancelled and unpaid lines left out, bundles counted
  as their components (the Bundles sheet, through the review's expansion :func:`tkops.review.allocation.expand`).
- Velocity per day: the higher of the 7-day rate (sold 7d / 7) and the 30-day rate (sold 30d / 30), so a SKU whose
  sales are rising is not under-ordered, and one that sold a burst a month ago still counts.
- Days of cover: On Hand / velocity (blank when the SKU sold nothing).
- Lead Time Days, Cover Days: the SKU's own cell on Inventory, else its supplier's row on the Suppliers sheet, else
  the Settings. Safety Stock: the SKU's cell, else 0. On Order: the SKU's cell, else 0.
- Below the reorder point: On Hand + On Order - Safety Stock < velocity x Lead Time Days (what sells before a new
  order arrives).
- Suggested quantity: ceil(velocity x (Lead Time Days + Cover Days) + Safety Stock - On Hand - On Order), at least
  0: enough to last the lead time and the cover days with the safety stock kept back (with no safety stock, exactly
  velocity x (lead time + cover days) - on hand - on order). A SKU with no sales gets no suggestion and is never
  below the reorder point.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops.errors import DataError
from tkops.review import text as T
from tkops.review.allocation import bundle_table, column_by_header, expand, inventory_table
from tkops.statuses import canonical_statuses

WINDOWS = (7, 30)
#: Statuses whose lines are not sales.
NOT_SOLD = frozenset({"Cancelled", "Unpaid"})
#: The frame :func:`reorder` returns, in the Reorder sheet's order.
COLUMNS = ("sku", "product_name", "supplier", "on_hand", "on_order", "sold_7d", "sold_30d", "velocity",
           "days_of_cover", "lead_time_days", "cover_days", "safety_stock", "suggested_qty", "status", "below")
STATUSES = ("reorder", "ok", "no_sales")  # in the sheet's order: what to act on first
LARGEST = 10**9  # a day count or a quantity this large is a typing slip ("inf", a barcode in the wrong column)


@dataclass(frozen=True)
class Defaults:
    """The last fallbacks: the Settings' Lead Time Days and Cover Days."""

    lead_time_days: int = 14
    cover_days: int = 30


def units_sold(lines: pd.DataFrame, bundles: pd.DataFrame | None, now: dt.datetime) -> pd.DataFrame:
    """Units sold per stock SKU key (trimmed, casefolded) in the last 7 and 30 days up to ``now``: columns sold_7d,
    sold_30d. ``lines``: canonical order lines (seller_sku, quantity, order_status, created_time, paid_time)."""
    if lines is None or lines.empty:
        return pd.DataFrame(columns=["sold_7d", "sold_30d"], dtype="float64")
    status = canonical_statuses(T.as_text(lines.get("order_status"), lines.index))
    when = _times(lines, "created_time").fillna(_times(lines, "paid_time"))
    age = ((pd.Timestamp(now) - when).dt.total_seconds() / 86400).to_numpy()
    sku = T.as_text(lines.get("seller_sku"), lines.index)
    qty = pd.to_numeric(lines.get("quantity", sku), errors="coerce")  # a blank or a word: no units
    # lines older than the longest window are dropped before the bundles are expanded (history can be long)
    keep = (~status.isin(NOT_SOLD)).to_numpy() & (age >= 0) & (age < WINDOWS[-1])
    frame = pd.DataFrame({"sku_key": sku.str.casefold().to_numpy()[keep], "seller_sku": sku.to_numpy()[keep],
                          "qty": qty.to_numpy()[keep]})
    rows = expand(frame, bundle_table(bundles if bundles is not None else pd.DataFrame()))
    days = age[keep][rows["pos"].to_numpy()]
    out = pd.DataFrame({f"sold_{n}d": np.where(days < n, rows["need"], 0.0) for n in WINDOWS})
    return out.groupby(rows["key"].to_numpy()).sum()


def _times(lines: pd.DataFrame, key: str) -> pd.Series:
    if key not in lines:
        return pd.Series(pd.NaT, index=lines.index)
    return pd.to_datetime(lines[key], errors="coerce", format="mixed")


def whole_numbers(frame: pd.DataFrame, header: str, where: tuple[str, str], hint: str) -> pd.Series:
    """Column ``header`` as whole numbers of 0 or more (NaN where blank or missing). ``where``: (file, sheet) for
    the message; a cell that is not such a number is a :class:`DataError` naming the row (``frame``'s index label:
    the sheet row), the column and ``hint`` (what a blank cell means)."""
    text = T.as_text(column_by_header(frame, header.casefold()), frame.index)  # no such column: all blank
    numbers = pd.to_numeric(text.str.replace(",", ""), errors="coerce")
    bad = text.ne("") & ~(numbers.ge(0) & numbers.lt(LARGEST) & numbers.eq(numbers.round()))
    if bad.any():
        row = bad.idxmax()
        raise DataError("reorder.bad_number", file=where[0], sheet=where[1], row=row, column=header,
                        value=text[row], hint=hint)
    return numbers


def supplier_table(suppliers: pd.DataFrame | None, file: str) -> pd.DataFrame:
    """The Suppliers sheet by supplier key (trimmed, casefolded): lead_time_days, cover_days (NaN: not given); the
    first row of a supplier named twice wins."""
    suppliers = pd.DataFrame() if suppliers is None else suppliers
    where = (file, "Suppliers")
    name = T.as_text(column_by_header(suppliers, "supplier"), suppliers.index)
    table = pd.DataFrame({
        "key": name.str.casefold(),
        "lead_time_days": whole_numbers(suppliers, "Lead Time Days", where, "reorder.fallback.setting"),
        "cover_days": whole_numbers(suppliers, "Cover Days", where, "reorder.fallback.setting"),
    })
    table = table[table["key"] != ""]
    return table.drop_duplicates("key").set_index("key")


def _per_sku(inventory: pd.DataFrame, file: str) -> pd.DataFrame:
    """Per SKU key, the first non-blank Supplier, Lead Time Days, Cover Days, On Order and Safety Stock of its
    Inventory rows (a SKU kept in several bins is one SKU)."""
    where = (file, "Inventory")
    idx = inventory.index
    supplier = T.as_text(column_by_header(inventory, "supplier"), idx)
    frame = pd.DataFrame({
        "key": T.as_text(column_by_header(inventory, "seller sku"), idx).str.casefold(),
        "supplier": supplier.where(supplier.ne("")),
        "lead_time_days": whole_numbers(inventory, "Lead Time Days", where, "reorder.fallback.supplier"),
        "cover_days": whole_numbers(inventory, "Cover Days", where, "reorder.fallback.supplier"),
        "on_order": whole_numbers(inventory, "On Order", where, "reorder.fallback.zero"),
        "safety_stock": whole_numbers(inventory, "Safety Stock", where, "reorder.fallback.zero"),
    })
    return frame.groupby("key").first()


def reorder(lines: pd.DataFrame, inventory: pd.DataFrame, bundles: pd.DataFrame | None,
            suppliers: pd.DataFrame | None, now: dt.datetime, defaults: Defaults = Defaults(), *,
            file: str) -> pd.DataFrame:
    """One row per SKU of the Inventory sheet (bundle SKUs left out: their components are the stock), columns
    :data:`COLUMNS`: the reorder point check (``below``), the suggested quantity and the status key
    (:data:`STATUSES`), most urgent first (below the point, then fewest days of cover, then SKU). ``inventory``,
    ``bundles`` and ``suppliers``: the sheets as frames with their own headers, indexed by sheet row (for the
    messages, with ``file``)."""
    inv = inventory_table(inventory)
    if inv.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    bundle_keys = set(bundle_table(bundles)["bundle_key"]) if bundles is not None and len(bundles) else set()
    inv = inv[~inv.index.isin(bundle_keys)]
    own = _per_sku(inventory, file)
    by_supplier = supplier_table(suppliers, file)
    supplier_key = T.as_text(own["supplier"], own.index).str.casefold()
    sold = units_sold(lines, bundles, now).reindex(inv.index).fillna(0.0)
    out = pd.DataFrame({"sku": inv["sku"], "product_name": inv["product_name"], "supplier": own["supplier"],
                        "on_hand": inv["on_hand"], "on_order": own["on_order"].fillna(0.0),
                        "sold_7d": sold["sold_7d"], "sold_30d": sold["sold_30d"]})
    for column, fallback in (("lead_time_days", defaults.lead_time_days), ("cover_days", defaults.cover_days)):
        out[column] = own[column].fillna(supplier_key.map(by_supplier[column])).fillna(fallback)
    out["safety_stock"] = own["safety_stock"].fillna(0.0)
    out["velocity"] = np.maximum(out["sold_7d"] / WINDOWS[0], out["sold_30d"] / WINDOWS[1])
    selling = out["velocity"] > 0
    out["days_of_cover"] = (out["on_hand"] / out["velocity"]).where(selling)
    available = out["on_hand"] + out["on_order"] - out["safety_stock"]
    out["below"] = selling & (available < out["velocity"] * out["lead_time_days"])
    target = out["velocity"] * (out["lead_time_days"] + out["cover_days"]) + out["safety_stock"]
    # rounded before the ceiling: 3/7 x 7 is 3.0000000000000004 in floating point, and must suggest 3, not 4
    out["suggested_qty"] = np.ceil((target - out["on_hand"] - out["on_order"]).round(6)).clip(lower=0).where(selling)
    out["status"] = np.where(out["below"], "reorder", np.where(selling, "ok", "no_sales"))
    rank = out["status"].map({s: i for i, s in enumerate(STATUSES)})
    return out.assign(_rank=rank).sort_values(["_rank", "days_of_cover", "sku"], ignore_index=True)[list(COLUMNS)]


def to_reorder(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`reorder` table below the reorder point, grouped by supplier (by name, no supplier last),
    then SKU."""
    rows = table[table["below"].astype(bool)]
    key = T.as_text(rows["supplier"], rows.index).str.casefold()
    return rows.assign(_none=key.eq(""), _key=key).sort_values(["_none", "_key", "sku"], ignore_index=True)[
        list(COLUMNS)]


def units(value: float) -> int:
    """A suggested quantity (a whole number of units as a float, NaN for none) as an int (0 for none)."""
    return 0 if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
