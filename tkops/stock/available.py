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

from tkops.cells.text import text_column
from tkops.review.allocation import bundle_table, column_by_header, expand, inventory_table
from tkops.statuses import CANONICAL, OPEN, canonical_statuses

#: Statuses whose units have left the shelf or never will. Every other status keeps its units: open ones, Unpaid (an
#: unpaid order holds its units on TikTok too), Awaiting Collection, blank, and a word tkops does not know (never
#: oversell).
GONE = frozenset(set(CANONICAL) - OPEN - {"Unpaid", "Awaiting Collection"})
COLUMNS = ["seller_sku", "on_hand", "allocated", "safety", "available", "problem", "detail"]
#: Problem codes (tkops.api.stock_catalogue): no On Hand number; Safety Stock not a whole number >= 0; a bundle
#: component without a count.
NO_ON_HAND, BAD_SAFETY, BUNDLE_UNCOUNTED = "stock.push.no_on_hand", "stock.push.bad_safety", "stock.push.bundle_uncounted"


def open_lines(orders: pd.DataFrame, exported: frozenset[tuple[str, str]] = frozenset()) -> pd.DataFrame:
    """The order lines that allocate stock: sku_key, seller_sku, qty (blank quantity = 1), indexed like ``orders``.
    ``exported``: (Order ID, SKU ID) of the lines already handed over for upload (ShipLog): they left the shelf."""
    idx = orders.index
    sku = text_column(column_by_header(orders, "seller sku"), idx)
    status = canonical_statuses(text_column(column_by_header(orders, "order status"), idx))
    shipped = text_column(column_by_header(orders, "shipped time"), idx) != ""
    if exported:
        pairs = zip(text_column(column_by_header(orders, "order id"), idx),
                    text_column(column_by_header(orders, "sku id"), idx))
        shipped |= np.array([p[0] != "" and p in exported for p in pairs], dtype=bool)
    qty_col = column_by_header(orders, "quantity")
    qty = pd.to_numeric(qty_col, errors="coerce").fillna(1).clip(lower=0) if qty_col is not None else 1.0
    keep = ~status.isin(GONE) & ~shipped & (sku != "")
    return pd.DataFrame({"sku_key": sku.str.casefold(), "seller_sku": sku, "qty": qty}, index=idx)[keep]


def allocated(orders: pd.DataFrame, bundles: pd.DataFrame, exported: frozenset[tuple[str, str]] = frozenset()
              ) -> pd.Series:
    """Units allocated per stock SKU key (casefolded Seller SKU), bundles expanded into their components."""
    rows = expand(open_lines(orders, exported), bundle_table(bundles))
    return rows.groupby("key")["need"].sum()


def _safety(inventory: pd.DataFrame) -> pd.DataFrame:
    """Safety Stock per SKU key: the largest over the SKU's rows (bins); ``bad`` the first value that is not a
    whole number >= 0, as typed."""
    idx = inventory.index
    typed = text_column(column_by_header(inventory, "safety stock"), idx)
    number = pd.to_numeric(typed, errors="coerce")
    bad = (typed != "") & ~((number >= 0) & (number == np.floor(number)))
    table = pd.DataFrame({"key": text_column(column_by_header(inventory, "seller sku"), idx).str.casefold(),
                          "safety": number.where(~bad, 0), "bad": typed.where(bad, "")})
    return table.groupby("key").agg(safety=("safety", "max"), bad=("bad", "max"))


def available(inventory: pd.DataFrame, orders: pd.DataFrame, bundles: pd.DataFrame | None = None,
              exported: frozenset[tuple[str, str]] = frozenset()) -> pd.DataFrame:
    """Per SKU (index: casefolded Seller SKU; the Inventory's SKUs, then the bundles not on it): seller_sku, on_hand,
    allocated, safety, available (whole units, at least 0), problem (a code, "" when the SKU can be pushed) and
    detail (what the problem is about). ``exported``: see :func:`open_lines`."""
    bundles = bundles if bundles is not None else pd.DataFrame()
    inv = inventory_table(inventory)
    safety = _safety(inventory).reindex(inv.index)  # the same keys: both read Seller SKU with text_column
    out = pd.DataFrame({"seller_sku": inv["sku"], "on_hand": inv["on_hand"],
                        "allocated": allocated(orders, bundles, exported).reindex(inv.index).fillna(0),
                        "safety": safety["safety"].fillna(0)})
    out["available"] = np.floor(out["on_hand"] - out["allocated"] - out["safety"]).clip(lower=0)
    out["problem"] = np.where(~inv["tracked"], NO_ON_HAND, np.where(safety["bad"] != "", BAD_SAFETY, ""))
    out["detail"] = safety["bad"].where(out["problem"] == BAD_SAFETY, "")
    out = pd.concat([out, _bundles(out, bundles)])
    numbers = ["on_hand", "allocated", "safety", "available"]
    out[numbers] = out[numbers].astype("int64")
    return out[COLUMNS]


def _bundles(stock: pd.DataFrame, bundles: pd.DataFrame) -> pd.DataFrame:
    """Bundles not on the Inventory sheet: as many as the scarcest component allows (components' own available)."""
    table = bundle_table(bundles)
    written = text_column(column_by_header(bundles, "bundle sku"), bundles.index)
    names = dict(zip(written.str.casefold(), written))
    keys = [k for k in dict.fromkeys(table["bundle_key"]) if k not in stock.index]
    parts = expand(pd.DataFrame({"sku_key": keys, "seller_sku": keys, "qty": 1}), table)
    parts["bundle_key"] = np.asarray(keys)[parts["pos"]] if keys else ""
    parts["can"] = np.floor(parts["key"].map(stock["available"]).fillna(0) / parts["need"])
    can = parts.groupby("bundle_key")["can"].min()
    missing = parts[parts["key"].map(stock["problem"]).ne("")].groupby("bundle_key")["sku"].first()
    return pd.DataFrame({"seller_sku": [names[k] for k in keys], "on_hand": 0, "allocated": 0, "safety": 0,
                         "available": can.reindex(keys).to_numpy(),
                         "problem": [BUNDLE_UNCOUNTED if k in missing.index else "" for k in keys],
                         "detail": [missing.get(k, "") for k in keys]}, index=keys)
