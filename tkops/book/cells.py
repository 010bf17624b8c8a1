"""Turning a sheet's DataFrame into cell values a writer can put down, column by column, typed by the sheet spec.

Shared by both file writers so that text stays text, IDs stay text, dates become real dates and numbers numbers,
whichever library writes the file.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from tkops.schema import Kind
from tkops.values import CONTROL_CHARS, EXCEL_MAX_CHARS, excel_serial

DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"
TEXT_FORMAT = "@"

NUMBER_FORMATS = {
    Kind.DATETIME: DATE_FORMAT,
    Kind.MONEY: MONEY_FORMAT,
    Kind.NUMBER: "0.###",
    Kind.INT: INT_FORMAT,
    Kind.ID: TEXT_FORMAT,
    Kind.TEXT: "General",
}


def column_values(col: pd.Series, kind: Kind, serial_dates: bool = False) -> list[Any]:
    """Python values for one column: str for text and IDs, float/int for numbers, datetime for dates; None empty.

    With ``serial_dates`` dates come as Excel serial numbers (what the file stores; much faster to write).

    Text is stripped of characters XML cannot hold and cut to Excel's cell limit; a text column may hold numbers,
    dates or booleans a person typed, which keep their type.
    """
    if kind is Kind.DATETIME:
        stamps = pd.to_datetime(col, errors="coerce")
        if serial_dates:
            serials = excel_serial(stamps)
            return [None if math.isnan(v) else v for v in serials.tolist()]
        return [None if v is pd.NaT else v for v in stamps.dt.to_pydatetime().tolist()]
    if kind in (Kind.INT, Kind.MONEY, Kind.NUMBER):
        numbers = pd.to_numeric(col, errors="coerce").astype("Float64")
        out = numbers.to_numpy(dtype=object, na_value=None)
        if kind is Kind.INT:
            return [None if v is None else int(v) for v in out]
        return [None if v is None else float(v) for v in out]
    items = col.astype(object).tolist()
    strings = [v for v in items if type(v) is str]
    if strings and (CONTROL_CHARS.search("\n".join(strings)) or max(map(len, strings)) > EXCEL_MAX_CHARS):
        return [_text_cell(v) for v in items]
    # Clean text (the usual case) is kept as it is without a call per cell.
    return [v if (type(v) is str and v) else None if v is None else _text_cell(v) for v in items]


def _text_cell(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, str):
        if v == "":
            return None
        if CONTROL_CHARS.search(v):
            v = CONTROL_CHARS.sub("", v)
        return v[:EXCEL_MAX_CHARS]
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return float(v)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, (dt.datetime, dt.date)):
        return v
    return str(v)


def same(a: Any, b: Any) -> bool:
    """Whether two cell values are the same for a person: None == "", 2 == 2.0, datetimes to the second."""
    if _empty(a) and _empty(b):
        return True
    if _empty(a) or _empty(b):
        return False
    if isinstance(a, (dt.datetime, pd.Timestamp)) and isinstance(b, (dt.datetime, pd.Timestamp)):
        return abs(pd.Timestamp(a) - pd.Timestamp(b)) < pd.Timedelta(seconds=0.5)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        # the same to Excel's 15 significant digits: float noise (0.1 + 0.2 and 0.3) is the same number, while
        # 1099511627579 and 1099511627580 (13 digits) are not; a relative tolerance would have merged those
        return abs(float(a) - float(b)) <= 1e-9 or float(f"{float(a):.15g}") == float(f"{float(b):.15g}")
    return a == b


def _empty(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or v == "" or (isinstance(v, float) and math.isnan(v))
