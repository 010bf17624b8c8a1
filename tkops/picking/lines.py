"""The order lines a pick list starts from: which are released for picking, and each line's SKU key, quantity and
order, prepared once for the wave and pick-list functions.

Lines come as canonical frames (schema keys: ``order_id``, ``seller_sku``, ``quantity``, ...). The team's columns
are found by key or by their Orders-sheet header: ``review_status`` / "Review Status", ``picked`` / "Picked".
"""

from __future__ import annotations

import pandas as pd

from tkops.cells.yes_no import ticks
from tkops.review import text as T
from tkops.review.allocation import bundle_table, expand
from tkops.review.context import datetimes_of
from tkops.statuses import OPEN, canonical_statuses

#: Key prefix of lines without a Seller SKU: such a line is still picked, by its SKU ID or its product name.
NO_SKU = "\x00"


def team_column(lines: pd.DataFrame, key: str, header: str) -> pd.Series | None:
    """The column ``key`` (canonical) or ``header`` (as on the Orders sheet) of ``lines``; None if neither."""
    for name in (key, header):
        if name in lines.columns:
            return lines[name]
    return None


def released(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines released for picking (a subset of ``lines``, same index, so waves can be written back).

    Released: Review Status is "Ready" (any case), the line is not picked yet (Picked not ticked: see
    :func:`tkops.cells.yes_no.tick`),
    its order is open (Order Status one of :data:`tkops.statuses.OPEN`, in any spelling an export uses, or blank)
    and its quantity is above 0 (a line with nothing to pick is left out).
    """
    idx = lines.index
    status = T.as_text(team_column(lines, "review_status", "Review Status"), idx).str.casefold()
    is_picked = ticks(team_column(lines, "picked", "Picked"), idx)
    order_status = canonical_statuses(T.as_text(lines.get("order_status"), idx))
    is_open = order_status.isin(OPEN) | (order_status == "")
    qty = pd.to_numeric(lines["quantity"], errors="coerce").fillna(0) if "quantity" in lines else 0
    return lines[(status == "ready") & ~is_picked & is_open & (qty > 0)]


def prepared(lines: pd.DataFrame) -> pd.DataFrame:
    """``lines`` by position: order key (``okey``, the Order ID or one of its own), paid time, SKU key and
    quantity, the text a pick list shows."""
    index = pd.RangeIndex(len(lines))
    src = lines.reset_index(drop=True)
    w = pd.DataFrame(index=index)
    for key in ("order_id", "seller_sku", "sku_id", "product_name", "variation"):
        w[key] = T.as_text(src[key] if key in src.columns else None, index)
    w["okey"] = w["order_id"].where(w["order_id"] != "", "#" + pd.Series(index.astype(str), index=index))
    qty = src["quantity"] if "quantity" in src.columns else pd.Series(0, index=index)
    w["qty"] = pd.to_numeric(qty, errors="coerce").fillna(0).astype("float64").clip(lower=0)
    w["paid"] = datetimes_of(src["paid_time"] if "paid_time" in src.columns else None, index)
    own = w["seller_sku"].str.casefold()
    by_id = NO_SKU + "id:" + w["sku_id"]
    by_name = NO_SKU + "name:" + w["product_name"].str.casefold() + "|" + w["variation"].str.casefold()
    w["sku_key"] = own.where(own != "", by_id.where(w["sku_id"] != "", by_name))
    w["shown_sku"] = w["seller_sku"].where(w["seller_sku"] != "", w["sku_id"])
    return w


def stock_rows(w: pd.DataFrame, bundles: pd.DataFrame | None) -> pd.DataFrame:
    """One row per (line, stock SKU) with ``need`` units: bundles from the Bundles sheet expanded into their
    components by the review's own expansion (:func:`tkops.review.allocation.expand`)."""
    table = bundle_table(bundles if bundles is not None else pd.DataFrame())
    return expand(w.assign(seller_sku=w["shown_sku"]), table)
