"""Stock rows from a file into the Inventory sheet, upserted by Seller SKU (and Bin, when the file gives bins).

Pure functions on DataFrames. The sheet frame has the sheet's headers as columns and its rows in place; what the
team typed is kept:

- only the columns the file gives are written, and a blank file cell never erases a value;
- the team's own columns and rows are never touched; SKUs the file does not list stay as they are;
- a SKU kept in several bins on the sheet gets one On Hand per bin only from a file with a Bin column: a file with
  one total for it changes its other columns, and its On Hand is left alone and reported (the team splits the
  count by bin, or exports per bin);
- new SKUs are appended in file order.

Several file rows of one SKU (and bin) are added up: ERPs list a SKU once per warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tkops.cells.text import is_blank, scalar_text
from tkops.schema import STOCK_HEADERS

KEYS = list(STOCK_HEADERS)
NUMERIC = ("on_hand", "unit_cost")


@dataclass
class StockCounts:
    """How a file's rows landed: rows added, changed, already equal; SKUs whose On Hand was left alone because the
    sheet keeps them in several bins and the file gives one total (sku, bins, total)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    multi_bin: list[tuple[str, list[str], int]] = field(default_factory=list)


def combine(incoming: pd.DataFrame) -> pd.DataFrame:
    """One row per SKU (and bin): On Hand added up over rows (blank when no row gives one), other columns from the
    first row that gives them. Key order is the file's."""
    if incoming.empty:
        return incoming.reindex(columns=KEYS)
    frame = incoming.reindex(columns=KEYS)
    sku = frame["seller_sku"].map(scalar_text)
    frame = frame[sku != ""]
    key = sku[sku != ""].str.casefold() + "\x00" + frame["bin"].map(scalar_text).str.casefold()
    grouped = frame.groupby(key.to_numpy(), sort=False)
    out = grouped.first()
    if frame["on_hand"].notna().any():
        out["on_hand"] = grouped["on_hand"].sum(min_count=1)
    return out.reset_index(drop=True)[KEYS]


def upsert_stock(sheet: pd.DataFrame, incoming: pd.DataFrame) -> tuple[pd.DataFrame, StockCounts]:
    """The Inventory sheet frame with ``incoming`` stock rows (stock keys as columns) upserted; see the module."""
    counts = StockCounts()
    rows = combine(incoming)
    given = [k for k in KEYS if k != "seller_sku" and rows[k].notna().any()]
    out = sheet.copy() if len(sheet.columns) else pd.DataFrame(columns=["Seller SKU"])
    for key in ["seller_sku", *given]:
        header = STOCK_HEADERS[key]
        if header not in out.columns:
            out[header] = pd.Series(None, index=out.index, dtype=object)
        out[header] = out[header].astype(object)
    sku_keys = out["Seller SKU"].map(scalar_text).str.casefold()
    bin_keys = out["Bin"].map(scalar_text).str.casefold() if "Bin" in out.columns else pd.Series("", index=out.index)
    where: dict[str, list] = {}
    for label, key in zip(out.index, sku_keys):
        if key:
            where.setdefault(key, []).append(label)
    by_bin = "bin" in given
    added = []
    for row in rows.to_dict("records"):
        sku = scalar_text(row["seller_sku"])
        found = where.get(sku.casefold(), [])
        wanted_bin = scalar_text(row["bin"]).casefold() if by_bin else ""
        if wanted_bin:
            same_bin = [r for r in found if bin_keys.at[r] == wanted_bin]
            found = same_bin or ([r for r in found if bin_keys.at[r] == ""] if len(found) == 1 else [])
        if not found:
            added.append({STOCK_HEADERS[k]: row[k] for k in ["seller_sku", *given] if not _blank(row[k])})
            counts.new += 1
            continue
        columns = given
        if len(found) > 1 and "on_hand" in given:
            columns = [k for k in given if k != "on_hand"]
            total = pd.to_numeric(out.loc[found, "On Hand"], errors="coerce").sum()
            if not _blank(row["on_hand"]) and not _same(total, row["on_hand"], numeric=True):
                bins = [scalar_text(out.at[r, "Bin"]) if "Bin" in out.columns else "" for r in found]
                counts.multi_bin.append((sku, bins, int(row["on_hand"])))
        changed = False
        for key in columns:
            value = row[key]
            if _blank(value):
                continue
            header = STOCK_HEADERS[key]
            for r in found:
                if not _same(out.at[r, header], value, numeric=key in NUMERIC):
                    out.at[r, header] = _plain(value)
                    changed = True
        counts.updated += changed
        counts.unchanged += not changed
    if added:  # positions stay: row i of the frame is sheet row i + 2, new rows below the last
        out = pd.concat([out.reset_index(drop=True), pd.DataFrame(added, dtype=object)], ignore_index=True)
    out = out.astype(object)
    return out.where(out.notna(), None), counts


def _blank(value) -> bool:
    return is_blank(value) or (isinstance(value, str) and not value.strip())


def _plain(value):
    """A cell value without pandas/numpy scalar types (writers take Python values)."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


def _same(a, b, numeric: bool = False) -> bool:
    """Two cells say the same for a person: numbers by value (4 == 4.0), text as shown ("12" == 12), blanks
    equal."""
    if _blank(a) or _blank(b):
        return _blank(a) and _blank(b)
    if numeric:
        try:
            return float(a) == float(b)
        except (TypeError, ValueError):
            pass
    return scalar_text(a) == scalar_text(b)
