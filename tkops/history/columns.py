"""Sheet values <-> typed Arrow columns.

An Orders line is archived with every column the sheet had, under the sheet's own headers. Columns tkops knows
(:data:`tkops.schema.BY_NAME`) are stored with their kind's type (IDs and text as strings, whole numbers as int64,
money and numbers as float64, times as timestamps), so readers get them back typed without parsing. A column the
team added is stored as it was: numbers as float64, dates as timestamps, anything else (or a mix) as text.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa

from tkops import schema
from tkops.cells.text import text_or_none
from tkops.merge import NUMERIC_KINDS, typed_numbers
from tkops.schema import Kind

_ARROW = {Kind.ID: pa.string(), Kind.TEXT: pa.string(), Kind.INT: pa.int64(), Kind.MONEY: pa.float64(),
          Kind.NUMBER: pa.float64(), Kind.DATETIME: pa.timestamp("us")}


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT or (
        isinstance(value, str) and not value.strip())


def _texts(values: list) -> pa.Array:
    return pa.array([None if _blank(v) else text_or_none(v) for v in values], type=pa.string())


def _times(values: list) -> pa.Array:
    stamps = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce", format="mixed")
    return pa.array(stamps.astype("datetime64[us]"), type=pa.timestamp("us"), from_pandas=True)


def _numbers(values: list, kind: Kind) -> pa.Array:
    numbers = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
    if kind is Kind.INT:
        return pa.array(numbers.round().astype("Int64"), type=pa.int64(), from_pandas=True)
    return pa.array(numbers.astype("float64"), type=pa.float64(), from_pandas=True)


def column_array(header: str, values: list) -> pa.Array:
    """One sheet column as an Arrow array: typed by tkops' schema when tkops knows the header, else as it was."""
    known = schema.BY_NAME.get(header)
    if known is not None:
        if known.kind in (Kind.ID, Kind.TEXT):
            return _texts(values)
        if known.kind is Kind.DATETIME:
            return _times(values)
        return _numbers(values, known.kind)
    present = [v for v in values if not _blank(v)]
    if present and all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in present):
        return _numbers(values, Kind.NUMBER)
    if present and all(isinstance(v, (dt.datetime, dt.date, pd.Timestamp)) for v in present):
        return _times(values)
    return _texts(values)


def sheet_table(frame: pd.DataFrame, extra: dict[str, list]) -> pa.Table:
    """A sheet frame (display headers, values as read) as an Arrow table, with ``extra`` columns (text) first."""
    arrays = {name: pa.array(values, type=pa.string()) for name, values in extra.items()}
    for header in frame.columns:
        arrays[str(header)] = column_array(str(header), frame[header].astype(object).tolist())
    return pa.table(arrays)


def to_sheet_values(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows as a sheet shows them: blanks as None, whole numbers of INT columns as int, times as datetime."""
    out = frame.astype(object).where(frame.notna(), None)
    return out


def canonical(frame: pd.DataFrame, keys: list[str] | None = None) -> pd.DataFrame:
    """History rows (display headers, typed by Arrow) as canonical order lines: platform columns under their keys
    with the dtypes :func:`tkops.merge.typed` gives (text as objects with None, Int64, Float64, datetime64[ns])."""
    out = pd.DataFrame(index=frame.index)
    for column in schema.ORDER_COLUMNS:
        if (keys is not None and column.key not in keys) or column.name not in frame.columns:
            continue
        col = frame[column.name]
        if column.kind in NUMERIC_KINDS:
            out[column.key] = typed_numbers(col, column.kind)
        else:  # the store's text comes as objects with None where blank (HistoryStore.read): nothing to change
            out[column.key] = col if col.dtype == object else as_objects(col)
    return out


def as_objects(col: pd.Series) -> pd.Series:
    """A column as objects with None where blank; the store's text columns are that already and are not copied."""
    missing = col.isna().to_numpy()
    if col.dtype == object:
        try:
            if bool((col.to_numpy()[missing] == None).all()):  # noqa: E711 - elementwise: None, not NaN or NaT
                return col
        except TypeError:  # pd.NA compares as NA, which has no truth value
            pass
    return col.astype(object).where(~missing, None)
