"""The pick list: one row per wave, SKU and bin, with the total quantity and the orders it serves, in walking
order (zone, then bin, both in natural order), bundles expanded into the components on the shelves.

Bins come from the Inventory sheet the team edits (Seller SKU, Zone, Bin, On Hand; one row per SKU and bin). A SKU
kept in several bins is taken from its bins in walking order, each bin giving at most its On Hand (earlier waves
first); what its bins do not hold is asked from its first bin and flagged ``short`` (only when the team keeps On
Hand for that SKU). Rows without a bin come after the binned rows of their wave, flagged ``no_bin``; SKUs the
Inventory does not list are flagged ``unknown_sku`` as well and come last.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tkops.picking.lines import prepared, stock_rows
from tkops.picking.natural import natural_rank
from tkops.review import text as T
from tkops.review.allocation import column_by_header

PICK_COLUMNS = ("wave", "zone", "bin", "seller_sku", "product_name", "variation", "quantity", "orders",
                "order_ids", "flags")
NO_BIN, UNKNOWN_SKU, SHORT = "no_bin", "unknown_sku", "short"
#: Separator of Order IDs in one cell, and of flag codes.
ID_SEPARATOR, FLAG_SEPARATOR = ", ", ","


def locations(inventory: pd.DataFrame | None) -> pd.DataFrame:
    """The Inventory sheet as pick locations: one row per SKU key, zone and bin, each SKU's locations in walking
    order (blank bins last); ``cap`` is On Hand (blank = 0), ``tracked`` says whether the SKU has any On Hand."""
    inv = inventory if inventory is not None else pd.DataFrame()
    idx = inv.index
    sku = T.as_text(column_by_header(inv, "seller sku"), idx)
    hand = column_by_header(inv, "on hand")
    t = pd.DataFrame({"key": sku.str.casefold(), "sku": sku, "zone": T.as_text(column_by_header(inv, "zone"), idx),
                      "bin": T.as_text(column_by_header(inv, "bin"), idx),
                      "on_hand": pd.to_numeric(hand, errors="coerce") if hand is not None else np.nan,
                      "product_name": T.as_text(column_by_header(inv, "product name"), idx).replace("", None),
                      "variation": T.as_text(column_by_header(inv, "variation"), idx).replace("", None)})
    t = t[t["key"] != ""]
    names = t.groupby("key", sort=False)[["product_name", "variation"]].first()
    loc = t.groupby(["key", "zone", "bin"], sort=False, as_index=False).agg(
        sku=("sku", "first"), on_hand=("on_hand", lambda s: s.sum(min_count=1)))
    loc["tracked"] = loc["on_hand"].notna().groupby(loc["key"]).transform("any").astype(bool)
    loc["cap"] = loc["on_hand"].fillna(0).clip(lower=0).astype("float64")
    loc["blank"] = loc["bin"] == ""
    loc["zr"], loc["br"] = natural_rank(loc["zone"]), natural_rank(loc["bin"])
    loc = loc.sort_values(["key", "blank", "zr", "br"], kind="mergesort").reset_index(drop=True)
    loc = loc.join(names, on="key")
    loc["loc"] = np.arange(len(loc))
    return loc.drop(columns=["zr", "br"])


def pick_list(lines: pd.DataFrame, inventory: pd.DataFrame | None, bundles: pd.DataFrame | None,
              waves: pd.Series) -> pd.DataFrame:
    """The pick list of ``lines`` (normally :func:`released` lines) in the ``waves`` given (a wave number per line,
    indexed like ``lines``; lines without one are left out).

    Columns (:data:`PICK_COLUMNS`): wave, zone, bin, seller_sku, product_name, variation, quantity (units to
    pick), orders (how many orders), order_ids (``", "``-joined, first paid first), flags (``","``-joined codes:
    no_bin, unknown_sku, short). Sorted by wave, then binned rows by zone and bin (natural order), then rows
    without a bin, then unknown SKUs.
    """
    w = prepared(lines)
    w["wave"] = pd.array(waves.reindex(lines.index).to_numpy(), dtype="Int64")
    rows = stock_rows(w, bundles)
    rows = rows[rows["need"] > 0].join(w[["wave", "okey", "order_id", "paid"]], on="pos")
    own = rows["bundle"] == ""  # a bundle's name is not its component's: names of components come from Inventory
    rows["line_name"] = w["product_name"].to_numpy()[rows["pos"]].astype(object)
    rows["line_variation"] = w["variation"].to_numpy()[rows["pos"]].astype(object)
    rows.loc[~own, ["line_name", "line_variation"]] = ""
    rows = rows[rows["wave"].notna()]
    if rows.empty:
        return _empty()
    rows = rows.sort_values(["wave", "paid", "order_id", "okey", "pos"], na_position="last", kind="mergesort")
    rows["seq"] = np.arange(len(rows))  # pick order of the demand, kept through the split over bins
    loc = locations(inventory)
    known = rows["key"].isin(loc["key"])
    picks = pd.concat([_allocate(rows[known], loc), rows[~known].assign(take=rows["need"], loc=-1, over=False)],
                      ignore_index=True).sort_values("seq", kind="mergesort")
    return _rows(picks, loc)


def _allocate(d: pd.DataFrame, loc: pd.DataFrame) -> pd.DataFrame:
    """Demand rows (in pick order) spread over their SKU's locations: ``take`` units from location ``loc``."""
    d = d.assign(end=d.groupby("key", sort=False)["need"].cumsum())
    d["start"] = d["end"] - d["need"]
    spans = loc[["key", "loc", "cap"]].assign(lend=loc.groupby("key", sort=False)["cap"].cumsum())
    spans["lstart"] = spans["lend"] - spans["cap"]
    m = d.merge(spans[["key", "loc", "lstart", "lend"]], on="key", how="inner")
    m["take"] = (np.minimum(m["end"], m["lend"]) - np.maximum(m["start"], m["lstart"])).clip(lower=0)
    taken = m[m["take"] > 0].assign(over=False)
    total = d["key"].map(spans.groupby("key")["cap"].sum())
    rest = (d["end"] - np.maximum(d["start"], total)).clip(lower=0)
    first = loc.drop_duplicates("key").set_index("key")["loc"]
    extra = d[rest > 0].assign(take=rest[rest > 0], over=True)
    extra["loc"] = extra["key"].map(first)
    return pd.concat([taken[extra.columns], extra], ignore_index=True)


def _rows(picks: pd.DataFrame, loc: pd.DataFrame) -> pd.DataFrame:
    """Pick rows grouped per wave x SKU x location, with names, flags and walking order."""
    by_loc = loc.set_index("loc")
    names = {"sku": "inv_sku", "product_name": "inv_name", "variation": "inv_var"}
    picks = picks.join(by_loc[["zone", "bin", "tracked", *names]].rename(columns=names), on="loc")
    picks[["line_name", "line_variation"]] = picks[["line_name", "line_variation"]].replace("", None)
    grouped = picks.groupby(["wave", "key", "loc"], sort=False)
    out = grouped.agg(shown=("sku", "first"), inv_sku=("inv_sku", "first"), zone=("zone", "first"),
                      bin=("bin", "first"), inv_name=("inv_name", "first"), inv_var=("inv_var", "first"),
                      line_name=("line_name", "first"), line_var=("line_variation", "first"),
                      quantity=("take", "sum"), orders=("okey", "nunique"),
                      over=("over", "any"), tracked=("tracked", "first")).reset_index()
    out["order_ids"] = _order_ids(picks, out)
    unknown = out["loc"] < 0
    out["seller_sku"] = out["inv_sku"].where(~unknown, out["shown"]).fillna("").astype(object)
    out["product_name"] = out["inv_name"].where(out["inv_name"].notna(), out["line_name"]).fillna("")
    out["variation"] = out["inv_var"].where(out["inv_var"].notna(), out["line_var"]).fillna("")
    out[["zone", "bin"]] = out[["zone", "bin"]].fillna("")
    no_bin = out["bin"] == ""
    short = out["over"] & out["tracked"].fillna(False).astype(bool)
    out["flags"] = [FLAG_SEPARATOR.join(code for code, on in ((NO_BIN, a), (UNKNOWN_SKU, b), (SHORT, c)) if on)
                    for a, b, c in zip(no_bin, unknown, short)]
    out["quantity"] = np.ceil(out["quantity"].to_numpy(dtype="float64") - 1e-9).astype("int64")
    out["cls"] = np.where(unknown, 2, np.where(no_bin, 1, 0))
    out["zr"], out["br"], out["sr"] = (natural_rank(out[c]) for c in ("zone", "bin", "seller_sku"))
    out = out.sort_values(["wave", "cls", "zr", "br", "sr"], kind="mergesort").reset_index(drop=True)
    out["wave"] = out["wave"].astype("int64")
    out["orders"] = out["orders"].astype("int64")
    return out[list(PICK_COLUMNS)]


def _order_ids(picks: pd.DataFrame, out: pd.DataFrame) -> list[str]:
    """The Order IDs of each ``out`` row, each once, in pick order (a dict pass: no Python call per group)."""
    served: dict[tuple, list[str]] = {}
    seen = picks[picks["order_id"] != ""].drop_duplicates(["wave", "key", "loc", "order_id"])
    for wave, key, loc, order in zip(seen["wave"], seen["key"], seen["loc"], seen["order_id"]):
        served.setdefault((wave, key, loc), []).append(order)
    return [ID_SEPARATOR.join(served.get(k, ())) for k in zip(out["wave"], out["key"], out["loc"])]


def _empty() -> pd.DataFrame:
    types = {"wave": "int64", "quantity": "int64", "orders": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=types.get(c, object)) for c in PICK_COLUMNS})
