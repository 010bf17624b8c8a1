"""The quantity each Seller SKU can still be sold on the shop: On Hand - units allocated to open order lines - Safety
Stock, floored at 0 (what TikTok calls available, committed orders excluded: docs/open-api.md#inventory).

Pure pandas on the sheets' frames (headers as columns). A line allocates while its units are still on the shelf:
not cancelled, not shipped (no Shipped Time, not exported for upload, a status before handover); a bundle line allocates its components
through the review's own expansion (:func:`tkops.review.allocation.expand`). A bundle sold as its own SKU can be
sold as often as its scarcest component allows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tkops.review.allocation import bundle_table, column_by_header, expand, inventory_table
from tkops.statuses import OPEN, canonical_statuses

#: Statuses whose units are still on the shelf (paid or not: an unpaid order holds its units on TikTok too).
ALLOCATING = frozenset(OPEN | {"Unpaid", "Awaiting Collection"})
COLUMNS = ["seller_sku", "on_hand", "allocated", "safety", "available", "problem", "detail"]
#: Problem codes (tkops.api.stock_catalogue): no On Hand number; Safety Stock not a whole number >= 0; a bundle
#: component without a count.
NO_ON_HAND, BAD_SAFETY, BUNDLE_UNCOUNTED = "stock.push.no_on_hand", "stock.push.bad_safety", "stock.push.bundle_uncounted"


def _text(col: pd.Series | None, index: pd.Index) -> pd.Series:
    if col is None:
        return pd.Series("", index=index, dtype=object)
    return col.astype(object).where(col.notna(), "").map(lambda v: str(v).strip())


def open_lines(orders: pd.DataFrame, exported: frozenset[tuple[str, str]] = frozenset()) -> pd.DataFrame:
    """The order lines that allocate stock: pos (sheet order), sku_key, seller_sku, qty (blank quantity = 1).
    ``exported``: (Order ID, SKU ID) of the lines already handed over for upload (ShipLog): they left the shelf."""
    idx = pd.RangeIndex(len(orders))
    src = orders.reset_index(drop=True)
    sku = _text(column_by_header(src, "seller sku"), idx)
    status = canonical_statuses(_text(column_by_header(src, "order status"), idx)).fillna("")
    shipped = _text(column_by_header(src, "shipped time"), idx) != ""
    if exported:
        pairs = zip(_text(column_by_header(src, "order id"), idx), _text(column_by_header(src, "sku id"), idx))
        shipped |= pd.Series([p in exported for p in pairs], index=idx, dtype=bool)
    qty_col = column_by_header(src, "quantity")
    qty = pd.to_numeric(qty_col, errors="coerce") if qty_col is not None else pd.Series(np.nan, index=idx)
    keep = (status.isin(ALLOCATING) | (status == "")) & ~shipped & (sku != "")
    lines = pd.DataFrame({"sku_key": sku.str.casefold(), "seller_sku": sku,
                          "qty": qty.fillna(1).clip(lower=0).astype("float64")}, index=idx)
    return lines[keep]


def allocated(orders: pd.DataFrame, bundles: pd.DataFrame, exported: frozenset[tuple[str, str]] = frozenset()
              ) -> pd.Series:
    """Units allocated per stock SKU key (casefolded Seller SKU), bundles expanded into their components."""
    rows = expand(open_lines(orders, exported), bundle_table(bundles))
    return rows.groupby("key", sort=False)["need"].sum()


def _safety(inventory: pd.DataFrame) -> pd.DataFrame:
    """Safety Stock per SKU key: the largest over the SKU's rows (bins); ``bad`` the first value that is not a
    whole number >= 0, as typed."""
    idx = inventory.index
    key = _text(column_by_header(inventory, "seller sku"), idx).str.casefold()
    typed = _text(column_by_header(inventory, "safety stock"), idx)
    number = pd.to_numeric(typed, errors="coerce")
    bad = (typed != "") & ~((number >= 0) & (number == np.floor(number)))
    table = pd.DataFrame({"key": key, "safety": number.where(~bad).fillna(0),
                          "bad": typed.where(bad, "")})
    table = table[table["key"] != ""]
    return table.groupby("key", sort=False).agg(safety=("safety", "max"),
                                                bad=("bad", lambda s: next((v for v in s if v), "")))


def available(inventory: pd.DataFrame, orders: pd.DataFrame, bundles: pd.DataFrame | None = None,
              exported: frozenset[tuple[str, str]] = frozenset()) -> pd.DataFrame:
    """Per SKU (index: casefolded Seller SKU; the Inventory's SKUs, then the bundles not on it): seller_sku, on_hand,
    allocated, safety, available (whole units, at least 0), problem (a code, "" when the SKU can be pushed) and
    detail (what the problem is about). ``exported``: see :func:`open_lines`."""
    bundles = bundles if bundles is not None else pd.DataFrame()
    inv = inventory_table(inventory)
    used = allocated(orders, bundles, exported)
    safety = _safety(inventory).reindex(inv.index)
    out = pd.DataFrame({"seller_sku": inv["sku"], "on_hand": inv["on_hand"],
                        "allocated": used.reindex(inv.index).fillna(0),
                        "safety": safety["safety"].fillna(0)}, index=inv.index)
    out["available"] = np.floor(out["on_hand"] - out["allocated"] - out["safety"]).clip(lower=0)
    out["problem"] = np.where(~inv["tracked"], NO_ON_HAND, np.where(safety["bad"].fillna("") != "", BAD_SAFETY, ""))
    out["detail"] = safety["bad"].fillna("").where(out["problem"] == BAD_SAFETY, "")
    out = pd.concat([out, _bundles(out, bundles)])
    for col in ("on_hand", "allocated", "safety", "available"):
        out[col] = np.ceil(out[col]).astype("int64") if col != "available" else out[col].astype("int64")
    return out[COLUMNS]


def _bundles(stock: pd.DataFrame, bundles: pd.DataFrame) -> pd.DataFrame:
    """Bundles not on the Inventory sheet: as many as the scarcest component allows (components' own available)."""
    table = bundle_table(bundles)
    written = _text(column_by_header(bundles, "bundle sku"), bundles.index)
    names = dict(zip(written.str.casefold(), written))
    keys = [k for k in dict.fromkeys(table["bundle_key"]) if k not in stock.index]
    if not keys:
        return pd.DataFrame(columns=COLUMNS)
    parts = expand(pd.DataFrame({"sku_key": keys, "seller_sku": keys, "qty": 1.0}), table)
    parts["bundle_key"] = np.asarray(keys, dtype=object)[parts["pos"].to_numpy(dtype="int64")]
    parts["can"] = np.floor(parts["key"].map(stock["available"]).fillna(0) / parts["per"])
    can = parts.groupby("bundle_key", sort=False)["can"].min()
    missing = parts[parts["key"].map(stock["problem"]).ne("")].groupby("bundle_key", sort=False)["sku"].first()
    out = pd.DataFrame({"seller_sku": [names[k] for k in keys], "on_hand": 0.0, "allocated": 0.0, "safety": 0.0,
                        "available": can.reindex(keys).to_numpy()}, index=keys)
    out["problem"] = [BUNDLE_UNCOUNTED if k in missing.index else "" for k in keys]
    out["detail"] = [str(missing.get(k, "")) for k in keys]
    return out
