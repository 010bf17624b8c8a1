"""Combinable orders: several open orders of one buyer to one address can go out as one parcel."""

from __future__ import annotations

import pandas as pd

from tkops.review import problems as P
from tkops.review import text as T
from tkops.review.context import ADDRESS_KEYS, ReviewContext
from tkops.review.rules.base import Rule


def address_keys(ctx: ReviewContext, o: pd.DataFrame) -> pd.Series:
    """A comparable form of each address of ``o`` (rows of ``ctx.w``): country and every part, folded, without
    spaces and punctuation; "" when the address is empty. Computed once per review for all first lines."""
    if "address_keys" not in ctx.cache:
        ctx.cache["address_keys"] = address_key_of(ctx.w[ctx.w["first"]])
    return ctx.cache["address_keys"].reindex(o.index)


def address_key_of(o: pd.DataFrame) -> pd.Series:
    """The comparable address of each row of ``o`` (text columns :data:`ADDRESS_KEYS` and ``cc``, the country
    code): "" when the address is empty. Shared with the pick list, which keeps such orders together."""
    parts = [T.alnum_key(o[k]) for k in ADDRESS_KEYS]
    street = parts[0]
    for part in parts[1:]:
        street = street + "|" + part
    empty = (o[list(ADDRESS_KEYS)] == "").all(axis=1)
    return (o["cc"] + "|" + street).where(~empty, "").astype(object)


def buyer_keys(o: pd.DataFrame) -> pd.Series:
    """The buyer of each order (Buyer Username, folded); "" when unknown."""
    return T.fold(o["buyer_username"]).str.strip().astype(object)


def check_combinable(ctx: ReviewContext) -> pd.DataFrame:
    """order.combinable: on each such order's first line, the other order IDs to pack with it."""
    o = ctx.orders(ctx.w["open"])
    if o.empty:
        return P.none()
    frame = pd.DataFrame({"buyer": buyer_keys(o), "address": address_keys(ctx, o), "order": o["order_id"]},
                         index=o.index)
    frame = frame[(frame["buyer"] != "") & (frame["address"] != "") & (frame["order"] != "")]
    size = frame.groupby(["buyer", "address"], sort=False)["order"].transform("nunique")
    frame = frame[size >= 2]
    if frame.empty:
        return P.none()
    groups = frame.groupby(["buyer", "address"], sort=False)["order"].agg(lambda s: list(dict.fromkeys(s)))
    members = frame.join(groups.rename("members"), on=["buyer", "address"])
    params = [{"others": [m for m in members_ if m != order]} for order, members_ in
              zip(members["order"], members["members"])]
    return P.emit(members.index, "order.combinable", None, params)


COMBINABLE = Rule("combinable", ("order.combinable",), check_combinable)
RULES = (COMBINABLE,)
