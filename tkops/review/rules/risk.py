"""Risk rules: high order value (per currency, thresholds on the Rules sheet), an unusual quantity of one SKU in
one order, and many different buyers shipping open orders to one address."""

from __future__ import annotations

import pandas as pd

from tkops.review import problems as P
from tkops.review import text as T
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule
from tkops.review.rules.combinable import address_keys, buyer_keys


def _amount(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def check_high_value(ctx: ReviewContext) -> pd.DataFrame:
    """risk.high_value: Order Amount above the currency's threshold (or the general one)."""
    o = ctx.orders(ctx.w["amount"].notna())
    if o.empty:
        return P.none()
    default_currency = ctx.settings.effective_currency()
    currency = o["currency"].str.upper().where(o["currency"] != "", default_currency)
    general = ctx.config.get("risk.high_value", "Max Order Amount")
    limits = {}
    for cur in currency.unique():
        try:
            limits[cur] = ctx.config.get("risk.high_value", f"Max Order Amount {cur}")
        except KeyError:
            limits[cur] = general
    limit = currency.map(limits).astype("float64")
    hit = o[limit.notna() & (o["amount"] > limit)]
    params = [{"amount": _amount(a), "currency": currency[i], "limit": _amount(limit[i])}
              for i, a in zip(hit.index, hit["amount"])]
    return P.emit(hit.index, "risk.high_value", "order_amount", params)


def check_quantity(ctx: ReviewContext) -> pd.DataFrame:
    """risk.unusual_quantity: more units of one SKU in one order than the Rules sheet allows."""
    limit = ctx.config.get("risk.unusual_quantity", "Max Quantity")
    w = ctx.w
    lines = w[w["scope"]]
    if lines.empty or limit is None:
        return P.none()
    sku = lines["sku_key"].where(lines["sku_key"] != "", "#" + lines["sku_id"])
    total = lines.groupby([lines["okey"], sku], sort=False)["qty"].transform("sum")
    hit = lines[total > limit]
    params = [{"quantity": int(t) if float(t).is_integer() else t, "sku": s or i, "limit": limit}
              for t, s, i in zip(total[total > limit], hit["seller_sku"], hit["sku_id"])]
    return P.emit(hit.index, "risk.unusual_quantity", "quantity", params)


def check_shared_address(ctx: ReviewContext) -> pd.DataFrame:
    """risk.shared_address: more different buyers than allowed send open orders to one (unmasked) address."""
    limit = ctx.config.get("risk.shared_address", "Max Buyers")
    o = ctx.orders(ctx.w["open"])
    if o.empty or limit is None:
        return P.none()
    frame = pd.DataFrame({"buyer": buyer_keys(o), "address": address_keys(ctx, o)}, index=o.index)
    unmasked = ~T.masked(o["address_line_1"]) & ~T.masked(o["zipcode"])
    frame = frame[(frame["address"] != "") & (frame["buyer"] != "") & unmasked]
    buyers = frame.groupby("address", sort=False)["buyer"].transform("nunique")
    orders = frame.groupby("address", sort=False)["buyer"].transform("size")
    hit = frame[buyers > limit]
    params = [{"buyers": int(b), "orders": int(n), "limit": limit} for b, n in zip(buyers[buyers > limit],
                                                                                 orders[buyers > limit])]
    return P.emit(hit.index, "risk.shared_address", "address_line_1", params)


HIGH_VALUE = Rule("risk.high_value", ("risk.high_value",), check_high_value)
UNUSUAL_QUANTITY = Rule("risk.unusual_quantity", ("risk.unusual_quantity",), check_quantity)
SHARED_ADDRESS = Rule("risk.shared_address", ("risk.shared_address",), check_shared_address)
RULES = (HIGH_VALUE, UNUSUAL_QUANTITY, SHARED_ADDRESS)
