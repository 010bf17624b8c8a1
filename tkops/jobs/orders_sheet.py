"""The Orders sheet a step works on, or a message saying why there is none: the sheet was renamed or deleted (tkops
finds sheets by name), or it holds no order lines yet (import first); and the sheet's layout for writing it back."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops.book import read_columns
from tkops.book.layout import ORDERS, SheetSpec, orders_columns
from tkops.book.protocol import ReadBook
from tkops.errors import DataError
from tkops.merge import sheet_frame, typed
from tkops.schema import BY_KEY, ORDER_COLUMNS, line_keys

#: The columns an order line's key is made of (:func:`tkops.schema.line_keys`).
KEY_COLUMNS = tuple(BY_KEY[k] for k in ("order_id", "sku_id", "seller_sku"))


def orders_frame(book: ReadBook, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The book's Orders sheet as a frame (headers as columns, rows in place); DataError ``no_sheet`` when the
    workbook has no sheet of that name, ``no_orders`` when it has no order line. ``columns``: the headers a step
    needs (a backend that can, the live one, reads only those; others read the whole sheet)."""
    name = Path(getattr(book, "path", "workbook")).name
    rows = book.read_rows(ORDERS.name) if columns is None else read_columns(book, ORDERS.name, columns)
    if rows is None and getattr(book, "exists", True):
        raise DataError("no_sheet", book=name, sheet=ORDERS.name, fix="fix_orders")
    sheet = sheet_frame(rows, ORDERS.name, name)
    if sheet.empty:
        raise DataError("no_orders", book=name)
    return sheet


def orders_sheet(book: ReadBook) -> pd.DataFrame:
    """The book's Orders sheet as a frame, as :func:`orders_frame` reads it; empty when there is no sheet or no
    line (for the steps that have something to do without one)."""
    return sheet_frame(book.read_rows(ORDERS.name), ORDERS.name, Path(getattr(book, "path", "workbook")).name)


def sheet_line_keys(sheet: pd.DataFrame) -> pd.Series:
    """The line key (Order ID|SKU|occurrence) of each row of an Orders sheet frame, indexed like it."""
    return line_keys(typed(sheet, KEY_COLUMNS))


def orders_spec(headers: Sequence[str], frame: pd.DataFrame | None = None) -> SheetSpec:
    """The Orders sheet's layout for writing back a sheet whose columns are ``headers``: those in their order, then
    the columns it lacks (:func:`tkops.book.layout.orders_columns`), optional platform columns only where ``frame``
    holds a value in them (None: none of them)."""
    present = set() if frame is None else {c.key for c in ORDER_COLUMNS
                                           if c.name in frame.columns and frame[c.name].notna().any()}
    return ORDERS.with_columns(orders_columns([str(h) for h in headers], present))
