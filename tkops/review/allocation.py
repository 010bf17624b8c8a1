"""Stock allocation: bundles expanded into their stock SKUs, then on-hand stock given to open order lines first
paid, first served (Paid Time, then Created Time, then sheet order), and the shortfall per stock SKU.

Pure pandas: merges, a stable sort and a grouped cumulative sum, no loop over lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops.review import text as T
from tkops.review.context import ReviewContext

MAX_BUNDLE_DEPTH = 5
SHORTFALL_COLUMNS = ["seller_sku", "product_name", "variation", "needed", "on_hand", "short"]


@dataclass
class StockPlan:
    """What allocation found: the inventory by SKU key, each line's stock needs, and unknown bundle components."""

    inventory: pd.DataFrame  # index: sku key; columns: sku, on_hand, product_name, variation
    bundle_keys: frozenset[str]
    needs: pd.DataFrame  # pos, key, sku, bundle, per, need, filled, missing
    unknown: pd.DataFrame  # pos, bundle, sku: components not in the Inventory sheet
    uncounted: pd.DataFrame  # pos, key, sku, bundle: needs of SKUs listed without any On Hand number


def column_by_header(frame: pd.DataFrame, name: str) -> pd.Series | None:
    """The column whose header, folded (case, spaces), is ``name``; None when the sheet has none."""
    for col in frame.columns:
        if " ".join(str(col).split()).casefold() == name:
            return frame[col]
    return None


def inventory_table(inventory: pd.DataFrame) -> pd.DataFrame:
    """The Inventory sheet by SKU key (trimmed, case-insensitive): On Hand summed over bins; ``tracked`` is False
    for a SKU none of whose rows has an On Hand number (its stock cannot be checked)."""
    idx = inventory.index
    sku = T.as_text(column_by_header(inventory, "seller sku"), idx)
    hand = column_by_header(inventory, "on hand")
    counted = pd.to_numeric(hand, errors="coerce") if hand is not None else pd.Series(np.nan, index=idx)
    table = pd.DataFrame({"key": sku.str.casefold(), "sku": sku,
                          "on_hand": counted.fillna(0).clip(lower=0).astype("float64"),
                          "tracked": counted.notna().to_numpy(),
                          "product_name": T.as_text(column_by_header(inventory, "product name"), idx),
                          "variation": T.as_text(column_by_header(inventory, "variation"), idx)})
    table = table[table["key"] != ""]
    return table.groupby("key", sort=False).agg(sku=("sku", "first"), on_hand=("on_hand", "sum"),
                                                 tracked=("tracked", "any"), product_name=("product_name", "first"),
                                                 variation=("variation", "first"))


def bundle_table(bundles: pd.DataFrame) -> pd.DataFrame:
    """The Bundles sheet: bundle key, component as written and its key, quantity per bundle (blank = 1)."""
    idx = bundles.index
    bundle = T.as_text(column_by_header(bundles, "bundle sku"), idx)
    component = T.as_text(column_by_header(bundles, "component sku"), idx)
    qty_col = column_by_header(bundles, "quantity")
    qty = pd.to_numeric(qty_col, errors="coerce").fillna(1) if qty_col is not None else pd.Series(1.0, index=idx)
    table = pd.DataFrame({"bundle_key": bundle.str.casefold(), "component": component,
                          "component_key": component.str.casefold(), "qty": qty.astype("float64")})
    return table[(table["bundle_key"] != "") & (table["component_key"] != "") & (table["qty"] > 0)]


def expand(lines: pd.DataFrame, bundles: pd.DataFrame) -> pd.DataFrame:
    """One row per (line, stock SKU): ``lines`` has pos, sku_key, seller_sku, qty; bundles become components."""
    cur = pd.DataFrame({"pos": lines.index.to_numpy(), "key": lines["sku_key"].to_numpy(),
                        "sku": lines["seller_sku"].to_numpy(), "bundle": "", "per": 1.0,
                        "qty": lines["qty"].to_numpy(dtype="float64")})
    keys = set(bundles["bundle_key"])
    for _ in range(MAX_BUNDLE_DEPTH):
        is_bundle = cur["key"].isin(keys)
        if not is_bundle.any():
            break
        parts = cur[is_bundle].merge(bundles, left_on="key", right_on="bundle_key", how="inner")
        parts["bundle"] = parts["bundle"].where(parts["bundle"] != "", parts["sku"])
        parts["per"] = parts["per"] * parts["qty_y"]
        parts = parts.rename(columns={"qty_x": "qty"})
        parts["key"], parts["sku"] = parts["component_key"], parts["component"]
        cur = pd.concat([cur[~is_bundle], parts[cur.columns]], ignore_index=True)
    cur["need"] = cur["qty"] * cur["per"]
    return cur


def plan(ctx: ReviewContext) -> StockPlan:
    """The stock plan of the review (computed once, shared by the SKU and stock rules and the shortfall)."""
    if "stock" in ctx.cache:
        return ctx.cache["stock"]
    inv = inventory_table(ctx.inventory)
    bt = bundle_table(ctx.bundles)
    w = ctx.w
    lines = w[w["scope"] & (w["sku_key"] != "")]
    rows = expand(lines, bt)
    stocked = rows["key"].isin(inv.index)
    # A plain SKU missing from the Inventory is sku.unknown's business; a bundle's missing component is listed here.
    unknown = rows[~stocked & rows["bundle"].ne("")][["pos", "bundle", "sku"]]
    is_open = w["open"].to_numpy()[rows["pos"].to_numpy(dtype="int64")]
    # A SKU without any On Hand number has no stock to allocate: stock.unchecked says so, not a shortage.
    counted = rows["key"].map(inv["tracked"]).eq(True) if len(inv) else stocked
    uncounted = rows[stocked & ~counted & (rows["need"] > 0)][["pos", "key", "sku", "bundle"]]
    demand = rows[stocked & counted & is_open & (rows["need"] > 0)].copy()
    demand["paid"] = w["paid_time"].to_numpy()[demand["pos"].to_numpy()]
    demand["created"] = w["created_time"].to_numpy()[demand["pos"].to_numpy()]
    demand = demand.sort_values(["paid", "created", "pos"], na_position="last", kind="mergesort")
    on_hand = demand["key"].map(inv["on_hand"]).astype("float64")
    before = demand.groupby("key", sort=False)["need"].cumsum() - demand["need"]
    demand["filled"] = np.minimum((on_hand - before).clip(lower=0), demand["need"])
    demand["missing"] = demand["need"] - demand["filled"]
    result = StockPlan(inv, frozenset(bt["bundle_key"]), demand.drop(columns=["paid", "created"]), unknown,
                       uncounted)
    ctx.cache["stock"] = result
    return result


def shortfall(stock: StockPlan) -> pd.DataFrame:
    """Per stock SKU with open demand: needed, on hand, short (needed - on hand, at least 0); most short first."""
    d = stock.needs
    if d.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("needed", "on_hand", "short") else object)
                             for c in SHORTFALL_COLUMNS})
    needed = d.groupby("key", sort=False)["need"].sum()
    inv = stock.inventory.loc[needed.index]
    out = pd.DataFrame({"seller_sku": inv["sku"], "product_name": inv["product_name"], "variation": inv["variation"],
                        "needed": needed, "on_hand": inv["on_hand"]})
    out["short"] = (out["needed"] - out["on_hand"]).clip(lower=0)
    for col in ("needed", "on_hand", "short"):
        out[col] = np.ceil(out[col]).astype("int64")
    return out.sort_values(["short", "seller_sku"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def alternatives(stock: StockPlan, short: pd.DataFrame) -> pd.Series:
    """For short lines (pos, key, need): another SKU of the same product with enough stock left, as its
    Variation (or SKU); "" when there is none. Indexed like ``short``."""
    inv = stock.inventory
    if short.empty or inv.empty:
        return pd.Series("", index=short.index, dtype=object)
    used = stock.needs.groupby("key")["filled"].sum()
    left = inv[["product_name", "variation", "sku"]].copy()
    left["left"] = inv["on_hand"] - used.reindex(inv.index).fillna(0)
    left["product"] = inv["product_name"].str.casefold()
    left = left[(left["product"] != "") & (left["left"] > 0)].rename_axis("alt_key").reset_index()
    wanted = short[["key", "need"]].copy()
    wanted["product"] = wanted["key"].map(inv["product_name"]).fillna("").str.casefold()
    wanted["row"] = short.index
    pairs = wanted.merge(left, on="product", how="inner")
    pairs = pairs[(pairs["alt_key"] != pairs["key"]) & (pairs["left"] >= pairs["need"])]
    pairs = pairs.sort_values("left", ascending=False, kind="mergesort").drop_duplicates("row")
    label = pairs["variation"].where(pairs["variation"] != "", pairs["sku"])
    return pd.Series(label.to_numpy(), index=pairs["row"].to_numpy(), dtype=object).reindex(short.index).fillna("")
