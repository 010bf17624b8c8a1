"""The Orders sheet a step works on, or a message saying why there is none: the sheet was renamed or deleted (tkops
finds sheets by name), or it holds no order lines yet (import first)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tkops.book.layout import ORDERS
from tkops.errors import DataError
from tkops.merge import sheet_frame


def orders_frame(book) -> pd.DataFrame:
    """The book's Orders sheet as a frame (headers as columns, rows in place); DataError ``no_sheet`` when the
    workbook has no sheet of that name, ``no_orders`` when it has no order line."""
    name = Path(getattr(book, "path", "workbook")).name
    rows = book.read_rows(ORDERS.name)
    if rows is None and getattr(book, "exists", True):
        raise DataError("no_sheet", book=name, sheet=ORDERS.name, fix="fix_orders")
    sheet = sheet_frame(rows, ORDERS.name, name)
    if sheet.empty:
        raise DataError("no_orders", book=name)
    return sheet
