"""A sheet's columns read as Arrow arrays (:class:`tkops.cells.arrow_values.SheetColumns`) typed under schema keys
without a grid of Python objects between: exactly what :func:`tkops.merge.typed` makes of
:func:`tkops.merge.sheet_frame` of their grid, the same refusals included.

A year of cases is 28 columns of 200,000 rows. Made into a grid first, each cell becomes a Python object and each
text column is hashed to strip its distinct values once; here text is stripped only where it starts or ends with a
space, numbers and times are taken as they are, and only the rest goes through the grid's values
(:func:`tkops.cells.arrow_values.grid_values`).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops import schema
from tkops.cells.arrow_values import SheetColumns, grid_values, text_objects
from tkops.cells.text import mangled_id
from tkops.merge import mangled_id_error, sheet_frame, typed_column, typed_numbers
from tkops.schema import Kind

#: Every character ``str.strip()`` removes (``str.isspace``): Arrow trims these, so its own idea of a space never
#: decides.
STRIPPED = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
           "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
#: Only text holding one of these can be an ID a spreadsheet has damaged (tkops.cells.text.mangled_id).
_MAYBE_MANGLED = "[.eE]"
_NUMBERS = (Kind.INT, Kind.MONEY, Kind.NUMBER)


def typed_columns(columns: SheetColumns, kinds: Sequence[schema.Column], sheet: str, file: str = "",
                  id_header: str = "Order ID") -> pd.DataFrame:
    """The schema columns ``kinds`` the sheet has, typed under their keys, one row per sheet row down to the last
    one holding a value (index: the sheet row minus 2), as ``typed(sheet_frame(columns.grid(), sheet, file,
    id_header), kinds, sheet)``; raises what those raise (a header missing or given twice, an ID Excel rounded)."""
    sheet_frame(np.array([columns.header], dtype=object), sheet, file, id_header)  # the header's own checks
    names = [str(h).strip() for h in columns.header]
    end = columns.used_rows()
    out = pd.DataFrame(index=pd.RangeIndex(end))
    for column in kinds:
        if column.name in names:
            out[column.key] = _typed(columns.arrays[names.index(column.name)].slice(0, end), column, sheet)
    return out


def _typed(array: pa.Array, column: schema.Column, sheet: str) -> pd.Series:
    kind = array.type
    if column.kind in (Kind.TEXT, Kind.ID) and (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return _texts(array, column, sheet)
    if column.kind in _NUMBERS and pa.types.is_floating(kind):
        # + 0.0: a negative zero is the grid's whole number 0
        return typed_numbers(pd.Series(array.to_numpy(zero_copy_only=False).astype(float) + 0.0), column.kind)
    if column.kind is Kind.DATETIME and pa.types.is_timestamp(kind):
        return typed_numbers(pd.Series(array.to_numpy(zero_copy_only=False)), column.kind)
    return typed_column(pd.Series(grid_values(array), dtype=object), column, sheet)


def _texts(array: pa.Array, column: schema.Column, sheet: str) -> pd.Series:
    """A text column: stripped, None where blank; an ID column's cell Excel rounded is refused (first row first)."""
    if column.kind is Kind.ID:
        for i in _where(pc.match_substring_regex(array, _MAYBE_MANGLED)):
            if mangled_id(value := array[int(i)].as_py()):
                raise mangled_id_error(sheet, int(i), column.name, value)
    stripped = pc.utf8_trim(array, characters=STRIPPED)  # str.strip(): the same characters, from both ends
    stripped = pc.if_else(pc.equal(stripped, ""), pa.scalar(None, stripped.type), stripped)
    return pd.Series(text_objects(stripped), dtype=object)


def _where(found: pa.Array) -> np.ndarray:
    return np.flatnonzero(pc.fill_null(found, False).to_numpy(zero_copy_only=False))
