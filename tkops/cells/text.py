"""One text coercion for cells read from a workbook: what a person sees in the cell, as a string.

Both backends hand back numbers where a person typed digits (xlwings gives 12.0 for a cell showing 12): an ID or a
SKU must come back as "12", never "12.0". An ID that a spreadsheet has already turned into a float it cannot hold
exactly (5.77E+17) is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Floats hold every integer below 2**53 exactly; TikTok's 18-digit IDs are far above it.
EXACT_INTEGER_LIMIT = 2**53
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_DOT_ZERO = re.compile(r"^\d+\.0+$")


def is_blank(value: Any) -> bool:
    """None, NaN, NA, NaT, or text of only spaces."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(value))
    return isinstance(value, str) and not value.strip()


def scalar_text(value: Any) -> str:
    """A cell as the text a person sees, stripped: "" for blank; 12.0 -> "12"; True -> "TRUE"; a datetime in ISO
    form ("2026-11-25 09:30:00"), a date as "2026-11-25"."""
    if is_blank(value):
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (float, np.floating)):
        if value.is_integer() and abs(value) < EXACT_INTEGER_LIMIT:
            return str(int(value))
        return repr(float(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def text_or_none(value: Any) -> str | None:
    """:func:`scalar_text`, with None for blank."""
    return scalar_text(value) or None


def mangled_id(value: Any) -> bool:
    """True for an ID a spreadsheet has damaged: a float it cannot hold exactly (5.77E+17, 1.5), or text in
    scientific notation or with a ".0" tail ("5.77E+17", "577000000000000000.0")."""
    if value.__class__ is str:  # most cells: no regular expression unless a "." or an exponent could match
        text = value.strip()
        return ("." in text or "e" in text or "E" in text) and bool(_SCIENTIFIC.match(text) or _DOT_ZERO.match(text))
    if isinstance(value, (bool, np.bool_)) or is_blank(value):
        return False
    if isinstance(value, (float, np.floating)):
        return not (value.is_integer() and abs(value) < EXACT_INTEGER_LIMIT)
    if isinstance(value, str):
        text = value.strip()
        return bool(_SCIENTIFIC.match(text) or _DOT_ZERO.match(text))
    return False


#: Columns shorter than this are converted cell by cell: finding their distinct values would cost more.
_DISTINCT_FROM = 2_000


def _all_text(col: pd.Series) -> bool:
    """A long column whose present cells are all text (a short one is converted cell by cell)."""
    if len(col) < _DISTINCT_FROM:
        return False
    return isinstance(col.dtype, pd.StringDtype) or pd.api.types.infer_dtype(col, skipna=True) == "string"


def _mostly_distinct(col: pd.Series) -> bool:
    """True when most of the first cells differ (a column of IDs): finding the distinct values would cost more than
    it saves."""
    head = col.iloc[:_DISTINCT_FROM].to_numpy(dtype=object)
    return len(pd.unique(head)) * 2 > len(head)


def _distinct_texts(col: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """(codes, distinct values) of a column whose present cells are all text (blanks: code -1), or None. Only text
    columns: among other values equal cells can differ in what a person sees (1, 1.0 and True are one dict key)."""
    if not _all_text(col):
        return None
    codes, uniques = pd.factorize(col)
    return codes, np.asarray(uniques, dtype=object)


def map_text(col: pd.Series, convert) -> pd.Series:
    """``col.map(convert, na_action="ignore")`` as objects, computing ``convert`` once per distinct value of a long
    text column (an Order ID repeats on each line of its order, a status on thousands of lines)."""
    found = _distinct_texts(col)
    if found is None:
        return col.map(convert, na_action="ignore").astype(object)
    codes, uniques = found
    return _spread(col, codes, [convert(v) for v in uniques])


def _spread(col: pd.Series, codes: np.ndarray, values: list) -> pd.Series:
    """The converted distinct ``values`` put on each cell of ``col`` by its code; blank cells (code -1) as they were."""
    done = np.empty(len(values) + 1, dtype=object)
    done[:-1] = values
    out = done[codes]
    blank = codes < 0
    if blank.any():
        out[blank] = col.to_numpy(dtype=object)[blank]
    return pd.Series(out, index=col.index, dtype=object)


def texts_or_none(col: pd.Series) -> pd.Series:
    """``map_text(col, text_or_none)``: each cell as :func:`text_or_none` gives it, blanks kept as they were. A long
    text column is stripped once per distinct value without a call per value (a column of IDs is all distinct)."""
    found = _distinct_texts(col)
    if found is None:
        return map_text(col, text_or_none)
    codes, uniques = found
    return _spread(col, codes, [v.strip() or None for v in uniques])  # text_or_none of a str


def id_texts(col: pd.Series) -> tuple[pd.Series, Any]:
    """An ID column as :func:`texts_or_none` gives it, and the index label of its first :func:`mangled_id` cell
    (None when none is). A long text column is tested and stripped once per distinct value, in one pass."""
    found = _distinct_texts(col)
    if found is None:
        bad = map_text(col, mangled_id).eq(True).to_numpy()  # a blank cell (NaN) is not a mangled ID
        return texts_or_none(col), (col.index[bad.argmax()] if bad.any() else None)
    codes, uniques = found
    mangled = np.zeros(len(uniques), dtype=bool)
    # only text with a "." or an exponent can be a damaged ID: Arrow finds those among a year of distinct IDs
    maybe = pc.match_substring_regex(pa.array(uniques, type=pa.string()), "[.eE]").to_numpy(zero_copy_only=False)
    for i in np.flatnonzero(maybe):
        mangled[i] = mangled_id(uniques[i])
    if mangled.any():
        hit = np.append(mangled, False)[codes]  # code -1 (blank) takes the False at the end
        return texts_or_none(col), col.index[hit.argmax()]
    return _spread(col, codes, [v.strip() or None for v in uniques]), None


def text_column(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """A column as stripped text ("" for blanks), aligned to ``index``, object dtype; cells that are already text
    take a fast path."""
    if col is None:
        return pd.Series("", index=index, dtype=object)
    if not col.index.equals(index):
        col = col.reindex(index)
    if _all_text(col):
        if _mostly_distinct(col):  # IDs: each stripped, no hashing
            out = np.empty(len(col), dtype=object)
            out[:] = [v.strip() if isinstance(v, str) else "" for v in col.to_numpy(dtype=object)]
            return pd.Series(out, index=index, dtype=object)
        codes, uniques = pd.factorize(col)
        done = np.empty(len(uniques) + 1, dtype=object)
        done[:-1] = [v.strip() for v in uniques]
        done[-1] = ""  # code -1: a blank cell
        return pd.Series(done[codes], index=index, dtype=object)
    values = col.to_numpy(dtype=object)
    out = np.full(len(values), "", dtype=object)
    for i in np.flatnonzero(~pd.isna(values)):  # blank cells (None, NaN, NaT) are "" already
        v = values[i]
        out[i] = v.strip() if v.__class__ is str else scalar_text(v)
    return pd.Series(out, index=index, dtype=object)
