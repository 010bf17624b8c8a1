"""The Orders sheet a step works on, or a message saying why there is none: the sheet was renamed or deleted (tkops
finds sheets by name), or it holds no order lines yet (import first)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops.book import read_columns
from tkops.book.layout import ORDERS
from tkops.errors import DataError
from tkops.merge import sheet_frame


def orders_frame(book, columns: Sequence[str] | None = None) -> pd.DataFrame:
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
