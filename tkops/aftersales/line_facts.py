"""What the pivots and the month-end take from every order line, grouped by Arrow: each order's first line, each
order's facts (carrier, currency, month) and the catalogue (SKU ID -> Seller SKU, SKU -> Product Name).

A year of a shop's history is a million lines. Grouped here, in Arrow's C++ and outside Python's lock, they never
become a million Python objects; only one value per order or per SKU does. A *line table* is an Arrow table of
order lines under canonical keys whose text columns hold text as :func:`tkops.cells.text.text_or_none` gives it
(stripped, null where blank): the history store keeps its text so (:mod:`tkops.history.columns`), and
:func:`lines_table` makes one from a frame. Rows are in the lines' order: "first" means the lowest row.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops.cells.arrow_values import text_objects
from tkops.cells.text import text_column
from tkops.merge import typed_numbers
from tkops.schema import Kind

#: The text columns the facts and the catalogue group by or take.
TEXT_KEYS = ("order_id", "shipping_provider", "currency", "sku_id", "seller_sku", "product_name")
#: The times an order's month is taken from.
TIME_KEYS = ("paid_time", "created_time")
_ROW = "__row"


def lines_table(lines: pd.DataFrame, text_keys: Sequence[str] = TEXT_KEYS, time_keys: Sequence[str] = TIME_KEYS,
                number_keys: Sequence[str] = ()) -> pa.Table:
    """The text columns ``text_keys``, times ``time_keys`` and numbers ``number_keys`` (float64, null where blank or
    not a number) of canonical ``lines`` as a line table (a column ``lines`` lacks is null throughout)."""
    arrays = {}
    for key in text_keys:
        text = text_column(lines[key] if key in lines else None, lines.index).to_numpy(dtype=object)
        arrays[key] = pa.array(text, type=pa.string(), mask=text == "")
    for key in time_keys:
        times = pd.to_datetime(lines[key], errors="coerce") if key in lines else pd.Series(pd.NaT, index=lines.index)
        arrays[key] = pa.array(times.to_numpy(dtype="datetime64[us]"), type=pa.timestamp("us"),
                               mask=times.isna().to_numpy())
    for key in number_keys:
        arrays[key] = number_array(lines[key] if key in lines else pd.Series(np.nan, index=lines.index))
    return pa.table(arrays)


def number_array(values: pd.Series) -> pa.Array:
    """Values as a line table holds a number: float64, null where blank or not a number (read as
    :func:`tkops.merge.typed_numbers` reads a sheet's amounts)."""
    numbers = typed_numbers(values, Kind.MONEY).to_numpy(dtype=float, na_value=np.nan)
    return pa.array(numbers, type=pa.float64(), mask=np.isnan(numbers))


def first_rows(table: pa.Table, key: str = "order_id", where: pa.ChunkedArray | None = None) -> np.ndarray:
    """The row of each distinct ``key`` value's first line (blank: one value of its own), lowest row first;
    ``where``: among the rows where it is true only."""
    rows = pa.table({key: table.column(key), _ROW: pa.array(np.arange(table.num_rows, dtype=np.int64))})
    if where is not None:
        rows = rows.filter(where)
    found = rows.group_by(key).aggregate([(_ROW, "min")]).column(f"{_ROW}_min")
    return np.sort(found.to_numpy())


def order_facts_of(table: pa.Table, first: np.ndarray | None = None) -> pd.DataFrame:
    """One row per Order ID (index: Arrow's text, "" for blank IDs; in the order of each order's first line):
    ``carrier`` (the first Shipping Provider Name given on its lines, "" when none is), ``currency`` and ``month``
    (months since 1970-01, -1 without a time) of its first line. ``first``: :func:`first_rows` of ``table``, when
    known."""
    from tkops.aftersales.pivot_inputs import month_numbers  # here: pivot_inputs imports this module

    first = first_rows(table) if first is None else first
    ids = table.column("order_id").take(first)
    # the IDs stay Arrow's text (a year holds 600,000 orders): they are looked up by Arrow (facts_of)
    index = pd.Index(pd.array(pc.fill_null(ids, ""), dtype=pd.StringDtype("pyarrow", na_value=np.nan)),
                     name="order_id")
    named = first_rows(table, where=pc.is_valid(table.column("shipping_provider")))
    carrier = np.full(len(first), "", dtype=object)
    at = pc.index_in(table.column("order_id").take(named), value_set=ids).to_numpy(zero_copy_only=False)
    carrier[at.astype(np.int64)] = text_objects(table.column("shipping_provider").take(named))
    when = pc.coalesce(table.column("paid_time").take(first), table.column("created_time").take(first))
    months = month_numbers(pd.Series(when.to_numpy(zero_copy_only=False), dtype="datetime64[us]"))
    return pd.DataFrame({"carrier": pd.Series(carrier, index=index, dtype=object),
                         "currency": pd.Series(text_objects(table.column("currency").take(first), ""), index=index,
                                               dtype=object),
                         "month": months.to_numpy()}, index=index)


def facts_of(facts: pd.DataFrame, ids: np.ndarray) -> pd.DataFrame:
    """``facts`` (:func:`order_facts_of`) of each Order ID of ``ids`` (text, "" for blank), as
    ``facts.reindex(ids)`` gives them with the blanks filled: ``carrier`` and ``currency`` "" and ``month`` -1 for
    an ID no line has. The IDs are looked up by Arrow's hashing, outside Python's lock: a year of cases names
    150,000 of a year's 600,000 orders."""
    known = facts.index
    known = pa.array(known.array) if isinstance(known.dtype, pd.StringDtype) and known.dtype.storage == "pyarrow" \
        else pa.array(known.to_numpy(dtype=object), pa.string())
    at = pc.index_in(pa.array(ids, pa.string()), value_set=known)
    rows = pc.fill_null(at, -1).to_numpy(zero_copy_only=False)

    def column(name: str, missing) -> np.ndarray:  # row -1 takes the missing value appended at the end
        values = facts[name].to_numpy()
        return np.append(values, np.array([missing], dtype=values.dtype))[rows]

    return pd.DataFrame({"carrier": pd.Series(column("carrier", ""), dtype=object),
                         "currency": pd.Series(column("currency", ""), dtype=object), "month": column("month", -1)})


def catalogue_of(table: pa.Table) -> tuple[pd.Series, pd.Series]:
    """(SKU ID -> Seller SKU, SKU -> Product Name) as the lines first give them. A line's SKU is its Seller SKU,
    else its SKU ID ("" when it has neither)."""
    sku_id, seller = table.column("sku_id"), table.column("seller_sku")
    both = first_rows(table, "sku_id", pc.and_(pc.is_valid(sku_id), pc.is_valid(seller)))
    seller_of_id = pd.Series(text_objects(seller.take(both)), name="seller_sku",
                             index=pd.Index(text_objects(sku_id.take(both)), dtype=object, name="sku_id"), dtype=object)
    skus = pa.table({"sku": pc.coalesce(seller, sku_id)})
    name = table.column("product_name")
    named = first_rows(skus, "sku", pc.is_valid(name))
    names = pd.Series(text_objects(name.take(named)), name="product_name", dtype=object,
                      index=pd.Index(text_objects(skus.column("sku").take(named), ""), dtype=object, name="sku"))
    return seller_of_id, names
