"""Merging imported rows into a sheet: the upsert that never loses what the team typed.

Pure functions on DataFrames. The sheet frame's columns are its headers as written; platform columns are
recognised by their display names, every other column belongs to the team and is never written by an import.
The Orders sheet (order lines, :mod:`tkops.schema`) is the default table; the AfterSales sheet (cases,
:mod:`tkops.aftersales.schema`) merges the same way with its own columns and key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops import schema
from tkops.cells.text import mangled_id, scalar_text, text_or_none
from tkops.errors import BadWorkbook, DataError
from tkops.schema import Kind


@dataclass
class MergeCounts:
    """How one file's lines landed."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


def sheet_frame(rows: list[list] | None, sheet: str = "Orders", file: str = "", id_header: str = "Order ID"
                ) -> pd.DataFrame:
    """A sheet's rows (header first) as a frame with the headers as columns, every row kept in place."""
    if not rows:
        return pd.DataFrame()
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    while header and header[-1] == "":
        header.pop()
    if id_header not in header:
        raise BadWorkbook(file=file, detail="no_order_id_header" if id_header == "Order ID"
                          else f'sheet "{sheet}" has no "{id_header}" header in row 1.')
    seen = set()
    for h in header:
        if h and h in seen:
            raise BadWorkbook(file=file, detail=f'sheet "{sheet}" has the header "{h}" twice; rename or delete one.')
        seen.add(h)
    width = len(header)
    body = [list(r[:width]) + [None] * (width - len(r[:width])) for r in rows[1:]]
    while body and all(v in (None, "") for v in body[-1]):
        body.pop()
    frame = pd.DataFrame(body, columns=header, dtype=object)
    return frame.loc[:, [h for h in header if h]]


def rows_frame(rows: list[list] | None, headers: list[str] | None = None) -> pd.DataFrame:
    """A settings-like sheet's rows (header first) as a frame: the headers as columns, blank rows and unnamed
    columns dropped; with ``headers``, exactly those columns (missing ones empty)."""
    if not rows:
        return pd.DataFrame(columns=headers or [])
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    width = len(header)
    body = [list(r[:width]) + [None] * (width - len(r[:width])) for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object).dropna(how="all")
    frame = frame.loc[:, [h for h in header if h]]
    return frame.reindex(columns=headers) if headers else frame


def is_blank(column: pd.Series) -> pd.Series:
    """Cells with nothing in them: None, NaN or only spaces."""
    return column.isna() | column.astype(str).str.strip().eq("")


def fill_blank(frame: pd.DataFrame, header: str, values: pd.Series, where: pd.Series | None = None) -> pd.Series:
    """Column ``header`` of ``frame`` with its blank cells (those ``where`` allows) taken from ``values``: what a
    person typed is never replaced."""
    current = frame[header] if header in frame else pd.Series(None, index=frame.index, dtype=object)
    take = is_blank(current) if where is None else is_blank(current) & where
    return current.astype(object).where(~take, values.reindex(frame.index))


def typed(frame: pd.DataFrame, columns: tuple[schema.Column, ...] = schema.ORDER_COLUMNS, sheet: str = "Orders"
          ) -> pd.DataFrame:
    """The platform ``columns`` of a sheet frame under canonical keys, typed like an import's (for comparing).

    Text cells come back as the text a person sees (12.0 -> "12"); an ID cell Excel has rounded is refused (the
    frame's index is the sheet row minus 2, as :func:`sheet_frame` makes it)."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        if column.name not in frame.columns:
            continue
        col = frame[column.name]
        if column.kind is Kind.DATETIME:
            out[column.key] = pd.to_datetime(col, errors="coerce").astype("datetime64[ns]")
        elif column.kind is Kind.INT:
            out[column.key] = pd.to_numeric(col, errors="coerce").astype("Float64").round().astype("Int64")
        elif column.kind in (Kind.MONEY, Kind.NUMBER):
            out[column.key] = pd.to_numeric(col, errors="coerce").astype("Float64")
        else:
            if column.kind is Kind.ID:
                _refuse_mangled_ids(col, column.name, sheet)
            out[column.key] = col.map(text_or_none, na_action="ignore").astype(object)
    return out


def _refuse_mangled_ids(col: pd.Series, header: str, sheet: str) -> None:
    """An ID cell Excel has rounded (5.77E+17) is refused naming its row: its real digits cannot be known."""
    bad = col.map(mangled_id, na_action="ignore").fillna(False).astype(bool)
    if bad.any():
        at = bad[bad].index[0]
        row = at + 2 if isinstance(at, (int, np.integer)) else at
        raise DataError("sheet_mangled_id", sheet=sheet, row=row, column=header, value=scalar_text(col.loc[at]))


def _differs(old: pd.Series, new: pd.Series, kind: Kind) -> np.ndarray:
    old_na, new_na = old.isna().to_numpy(), new.isna().to_numpy()
    both = ~old_na & ~new_na
    diff = old_na != new_na
    if not both.any():
        return diff
    if kind is Kind.DATETIME:
        delta = (old[both] - new[both]).abs() >= pd.Timedelta(seconds=0.5)
        diff[both] = delta.to_numpy()
    elif kind in (Kind.MONEY, Kind.NUMBER, Kind.INT):
        a = old[both].astype(float).to_numpy()
        b = new[both].astype(float).to_numpy()
        diff[both] = ~np.isclose(a, b, rtol=1e-12, atol=1e-9)
    else:
        diff[both] = (old[both].astype(str).to_numpy() != new[both].astype(str).to_numpy())
    return diff


def merge_lines(sheet: pd.DataFrame, incoming: pd.DataFrame, columns: tuple[schema.Column, ...] = schema.ORDER_COLUMNS,
                keys=schema.line_keys) -> tuple[pd.DataFrame, MergeCounts]:
    """Upsert ``incoming`` canonical lines into the sheet frame.

    Lines are matched by Order ID + SKU + occurrence (:func:`tkops.schema.line_keys`; another table passes its
    platform ``columns`` and its ``keys`` function, e.g. the cases'). A matched line gets the
    incoming platform values for the columns the file has (a column the file lacks keeps its value); team columns
    are never touched; new lines are appended in file order; nothing is deleted. Returns the new sheet frame (display
    headers as columns, the sheet's rows first, in place) and the counts.
    """
    counts = MergeCounts()
    if incoming.empty:
        return sheet, counts
    sheet = sheet.copy() if not sheet.empty else pd.DataFrame()
    current = typed(sheet, columns) if not sheet.empty else pd.DataFrame()
    by_key = {c.key: c for c in columns}
    keys_in = keys(incoming)
    position = pd.Series(np.arange(len(current)), index=keys(current).to_numpy()) if len(current) \
        else pd.Series([], dtype=int)
    position = position[~position.index.duplicated(keep="first")]
    matched = keys_in.isin(position.index).to_numpy()
    rows_at = position.reindex(keys_in[matched].to_numpy()).to_numpy()
    changed = np.zeros(int(matched.sum()), dtype=bool)
    for key in incoming.columns:
        column = by_key[key]
        name = column.name
        new_values = incoming.loc[matched, key].reset_index(drop=True)
        if name not in sheet.columns:
            sheet[name] = pd.Series([None] * len(sheet), index=sheet.index, dtype=object)
            has_new = new_values.notna().to_numpy()
            changed |= has_new
            sheet.iloc[rows_at[has_new], sheet.columns.get_loc(name)] = new_values[has_new].to_numpy()
            continue
        old_values = current[key].iloc[rows_at].reset_index(drop=True)
        diff = _differs(old_values, new_values, column.kind)
        if diff.any():
            changed |= diff
            col_loc = sheet.columns.get_loc(name)
            if sheet[name].dtype != object:
                sheet[name] = sheet[name].astype(object)
            sheet.iloc[rows_at[diff], col_loc] = new_values[diff].astype(object).to_numpy()
    counts.updated = int(changed.sum())
    counts.unchanged = int(matched.sum()) - counts.updated
    added = incoming.loc[~matched]
    counts.new = len(added)
    if counts.new:
        rename = {k: by_key[k].name for k in added.columns}
        appended = added.rename(columns=rename).reset_index(drop=True)
        sheet = pd.concat([sheet, appended.astype(object)], ignore_index=True) if len(sheet.columns) else appended
    return sheet, counts
