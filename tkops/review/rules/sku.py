"""SKU rules: every line names a Seller SKU, and every SKU (or each component of a bundle) is on the Inventory
sheet. When the Inventory sheet is empty the team does not keep one here, and unknown SKUs are not reported."""

from __future__ import annotations

import pandas as pd

from tkops.review import allocation
from tkops.review import problems as P
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule


def check_sku(ctx: ReviewContext) -> pd.DataFrame:
    """sku.empty (no Seller SKU on the line) and sku.unknown (not in Inventory, nor a bundle of known SKUs)."""
    w = ctx.w
    empty = w.index[w["scope"] & (w["seller_sku"] == "")]
    out = [P.emit(empty, "sku.empty", "seller_sku")]
    stock = allocation.plan(ctx)
    if not stock.inventory.empty:
        named = w[w["scope"] & (w["sku_key"] != "")]
        unknown = named[~named["sku_key"].isin(stock.inventory.index) & ~named["sku_key"].isin(stock.bundle_keys)]
        out.append(P.emit(unknown.index, "sku.unknown", "seller_sku", [{"sku": s} for s in unknown["seller_sku"]]))
        parts = stock.unknown.drop_duplicates(["pos", "sku"])
        out.append(P.emit(parts["pos"].to_numpy(), "sku.unknown", "seller_sku",
                          [{"sku": s, "bundle": b} for s, b in zip(parts["sku"], parts["bundle"])],
                          variant="component"))
    return P.concat(out)


SKU = Rule("sku", ("sku.empty", "sku.unknown"), check_sku)
RULES = (SKU,)
