"""Waves: which released orders are picked together.

A single-item order is an order with exactly one unit to pick, counted after bundles are expanded: one line of
quantity 1 whose SKU is not a bundle, or a bundle made of one unit of one component. Such orders are packed
straight from the cart, without sorting, so they go into waves of their own when ``separate_single`` is on.
Everything else (two lines, a quantity of 2, a bundle of two parts) is a multi-item order.

Orders are taken in the order they were paid (Paid Time, then Order ID; orders without a paid time last). With a
cap, each kind is cut into waves of at most ``max_orders`` orders in that order. Waves are numbered 1, 2, ... by
their first order, so the oldest orders are picked first whatever their kind. Every line of an order is in the
same wave, and so are the orders that ship together (one buyer, one address: :mod:`tkops.picking.together`): they
count as one multi-item parcel, placed where its first-paid order would be.
"""

from __future__ import annotations

import pandas as pd

from tkops.picking.lines import prepared, stock_rows
from tkops.picking.together import together_groups

SINGLE, MULTI, ALL = "single", "multi", "all"


def order_table(lines: pd.DataFrame, bundles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per order of ``lines``, in pick order (Paid Time, Order ID): ``okey``, ``order_id``, ``paid``,
    ``units`` (units to pick, bundles expanded), ``kind`` ("single" or "multi")."""
    return _orders(prepared(lines), bundles)


def _orders(w: pd.DataFrame, bundles: pd.DataFrame | None) -> pd.DataFrame:
    rows = stock_rows(w, bundles)
    units = rows.groupby("pos", sort=False)["need"].sum().reindex(w.index).fillna(0)
    per_line = w.assign(units=units)
    orders = per_line.groupby("okey", sort=False).agg(order_id=("order_id", "first"), paid=("paid", "min"),
                                                      units=("units", "sum"))
    orders["kind"] = (orders["units"] == 1).map({True: SINGLE, False: MULTI})
    orders = orders.reset_index()
    return orders.sort_values(["paid", "order_id", "okey"], na_position="last", kind="mergesort").reset_index(
        drop=True)


def waves(lines: pd.DataFrame, separate_single: bool = True, max_orders: int | None = None,
          bundles: pd.DataFrame | None = None) -> pd.Series:
    """The wave number (1, 2, ...) of every line of ``lines`` (normally :func:`released` lines), indexed like it.

    ``separate_single``: single-item and multi-item orders in different waves; ``max_orders``: at most that many
    orders per wave (None or 0: no cap); ``bundles``: the Bundles sheet, so a bundle counts as the units of its
    components (without it every line counts its quantity as ordered).
    """
    if max_orders is not None and max_orders < 0:
        raise ValueError(f"max_orders must be a positive number of orders, not {max_orders}")
    out = pd.Series(pd.array([pd.NA] * len(lines), dtype="Int64"), index=lines.index, name="wave")
    if lines.empty:
        return out
    w = prepared(lines)
    orders = _orders(w, bundles)
    parcels = _parcels(orders, w, together_groups(lines))
    parcels["group"] = parcels["kind"] if separate_single else ALL
    seq = parcels.groupby("group", sort=False).cumcount()
    parcels["chunk"] = seq // max_orders if max_orders else 0
    first = parcels.reset_index().groupby(["group", "chunk"], sort=False)["index"].min()
    numbers = first.rank(method="first").astype("int64")
    parcels["wave"] = [numbers[(g, c)] for g, c in zip(parcels["group"], parcels["chunk"])]
    orders["wave"] = orders["parcel"].map(parcels.set_index("parcel")["wave"])
    out[:] = w["okey"].map(orders.set_index("okey")["wave"]).to_numpy(dtype="int64")
    return out


def _parcels(orders: pd.DataFrame, w: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """One row per parcel in pick order: an order alone, or the orders of one buyer to one address that ship
    together (:mod:`tkops.picking.together`), which are picked in the same wave. A parcel of several orders is a
    multi-item parcel; it comes where its first-paid order would. Adds ``parcel`` to ``orders``."""
    group_of = pd.Series(groups.to_numpy(), index=w.index).groupby(w["okey"]).first()
    together = orders["okey"].map(group_of).fillna("").astype(str)  # str even when nothing is left to pick
    orders["parcel"] = ("together:" + together).where(together != "", orders["okey"])
    parcels = orders.groupby("parcel", sort=False).agg(paid=("paid", "min"), order_id=("order_id", "min"),
                                                       units=("units", "sum"), orders=("okey", "size"))
    parcels["kind"] = ((parcels["units"] == 1) & (parcels["orders"] == 1)).map({True: SINGLE, False: MULTI})
    parcels = parcels.reset_index()
    return parcels.sort_values(["paid", "order_id", "parcel"], na_position="last", kind="mergesort").reset_index(
        drop=True)


def wave_summary(lines: pd.DataFrame, waves: pd.Series, bundles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per wave: ``wave``, ``kind`` ("single", "multi" or "mixed"), ``orders``, ``units``: the heading of
    each wave on the printed pick list. ``waves`` as returned by :func:`waves` for the same ``lines``."""
    w = prepared(lines)
    orders = _orders(w, bundles)
    parcels = _parcels(orders, w, together_groups(lines))  # orders shipping together pack as one multi parcel
    orders["kind"] = orders["parcel"].map(parcels.set_index("parcel")["kind"])
    wave_of = pd.Series(waves.reindex(lines.index).to_numpy(), index=w.index).groupby(w["okey"]).first()
    orders["wave"] = orders["okey"].map(wave_of)
    orders = orders[orders["wave"].notna()]
    out = orders.groupby("wave").agg(orders=("okey", "size"), units=("units", "sum"),
                                     singles=("kind", lambda k: (k == SINGLE).sum()))
    out["kind"] = [SINGLE if s == n else MULTI if s == 0 else "mixed" for s, n in zip(out["singles"], out["orders"])]
    out = out.reset_index()
    out["wave"] = out["wave"].astype("int64")
    out["units"] = out["units"].round().astype("int64")
    return out[["wave", "kind", "orders", "units"]]
