"""Stock rule: each open line that first-paid-first-served allocation cannot fill completely, with how many units
of which stock SKU are missing and, where the same product has another variant in stock, that alternative."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tkops.review import allocation
from tkops.review import problems as P
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(float(x), 3)


def check_stock(ctx: ReviewContext) -> pd.DataFrame:
    """stock.short: the line's need of a stock SKU is not covered after earlier paid lines took theirs."""
    stock = allocation.plan(ctx)
    short = stock.needs[stock.needs["missing"] > 0]
    if short.empty:
        return P.none()
    alt = allocation.alternatives(stock, short)
    plain = short["bundle"] == ""
    alt = alt.where(plain, "")
    units = np.ceil(short["missing"] / short["per"])
    on_hand = short["key"].map(stock.inventory["on_hand"])
    params = [{"sku": s, "needed": _whole(n), "missing": _whole(m), "on_hand": _whole(h), "bundle": b,
               "short_units": _whole(u), "alternative": a}
              for s, n, m, h, b, u, a in zip(short["sku"], short["need"], short["missing"], on_hand, short["bundle"],
                                             units, alt)]
    return P.emit(short["pos"].to_numpy(), "stock.short", "quantity", params,
                  variant=plain.map({True: "", False: "bundle"}))


def check_unchecked(ctx: ReviewContext) -> pd.DataFrame:
    """stock.unchecked: lines before shipping whose stock nobody can check. With an empty Inventory sheet every such
    line with a Seller SKU (the team has not loaded its stock); otherwise the lines of SKUs listed without any On Hand
    number.
    Switched off on the Rules sheet by a team that does not keep stock in tkops."""
    w = ctx.w
    stock = allocation.plan(ctx)
    if stock.inventory.empty:
        lines = w[w["scope"] & (w["sku_key"] != "")]
        return P.emit(lines.index, "stock.unchecked", "seller_sku", [{"sku": s} for s in lines["seller_sku"]],
                      variant="empty")
    blank = stock.uncounted.drop_duplicates(["pos", "key"])
    return P.emit(blank["pos"].to_numpy(), "stock.unchecked", "seller_sku",
                  [{"sku": s, "bundle": b} for s, b in zip(blank["sku"], blank["bundle"])], variant="blank")


STOCK = Rule("stock", ("stock.short",), check_stock)
UNCHECKED = Rule("stock.unchecked", ("stock.unchecked",), check_unchecked)
RULES = (STOCK, UNCHECKED)
