"""Columns of a sheet as Arrow arrays (fastexcel's reading), and the cell values they stand for.

The workbook backend reads a large sheet's columns through fastexcel (docs/ooxml.md#reading-values): one typed
Arrow array per column, made without Python objects. :class:`SheetColumns` carries such columns from the backend to
the step that types them (:mod:`tkops.cells.typed_arrow`), and :func:`grid_values` says which cell values an array
stands for: exactly those the calamine path gives (:func:`tkops.book.ooxml.reader.plain_grid`), of the same Python
types. An array of a kind this does not convert has no values (None): the backend then reads the sheet the
calamine way. :func:`text_objects` turns any Arrow text column into Python strings for a frame (the history
store's, the month-end's orders, the typed cases).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: python-calamine gives a time of day, not a date and time, for a date cell below 1.0 (before 1900-01-01, or
#: 1904-01-02 in a book of the 1904 date system): fastexcel's dates from here on are read the same
FIRST_DAY = np.datetime64("1904-01-02", "us")


def _text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)


def convertible(column: pa.Array) -> bool:
    """Whether :func:`grid_values` converts ``column`` (without converting it)."""
    kind = column.type
    if _text(kind) or pa.types.is_floating(kind) or pa.types.is_boolean(kind):
        return True
    if pa.types.is_timestamp(kind) and kind.tz is None:
        first = pc.min(column).as_py() if column.null_count < len(column) else None
        return first is None or np.datetime64(first, "us") >= FIRST_DAY
    return False


def grid_values(column: pa.Array) -> np.ndarray | None:
    """One Arrow column as the cell values the calamine path gives: text (None for ""), whole numbers below 2**53
    as ``int`` and other numbers as ``float``, true/false, ``datetime`` (None where blank); None for a kind it does
    not convert."""
    kind = column.type
    if _text(kind):
        values = column.to_numpy(zero_copy_only=False).astype(object)
        values[values == ""] = None
        return values
    if pa.types.is_floating(kind):
        return _numbers(column.to_numpy(zero_copy_only=False))
    if pa.types.is_boolean(kind):
        return np.array(column.to_pylist(), dtype=object)
    if pa.types.is_timestamp(kind) and kind.tz is None:
        times = column.to_numpy(zero_copy_only=False).astype("datetime64[us]")
        if (times[~np.isnat(times)] < FIRST_DAY).any():
            return None
        return times.astype(object)  # datetime.datetime, None where NaT
    return None


#: A text column longer than this whose first :data:`SAMPLE` values hold fewer than a tenth distinct (a status, a
#: SKU, a carrier) is made from its distinct values: one string object each, shared by every row that has it.
SHARED_FROM, SAMPLE = 50_000, 10_000


def text_objects(column: pa.Array | pa.ChunkedArray, blank=None) -> np.ndarray:
    """A text column as an object array (``blank`` where null). A column of few distinct values gets one string per
    value, shared: faster to make, far smaller, and pandas hashes each string once when it groups or maps them."""
    sample = column.slice(0, SAMPLE)
    if len(column) < SHARED_FROM or pc.count_distinct(sample).as_py() * 10 >= len(sample):
        values = np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)
        if blank is not None and column.null_count:
            values = values.copy()
            values[pc.is_null(column).to_numpy(zero_copy_only=False)] = blank
        return values
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = pc.dictionary_encode(column)
    values = np.empty(len(encoded.dictionary) + 1, dtype=object)
    values[:-1] = encoded.dictionary.to_numpy(zero_copy_only=False)
    values[-1] = blank
    return values[encoded.indices.fill_null(len(encoded.dictionary)).to_numpy()]


def _numbers(numbers: np.ndarray) -> np.ndarray:
    """Floats as the calamine path gives them: whole ones (below 2**53) as ``int``, blanks as None."""
    values = np.empty(len(numbers), dtype=object)
    values[:] = numbers.tolist()
    with np.errstate(invalid="ignore"):
        whole = (numbers == np.floor(numbers)) & (np.abs(numbers) < 2**53)
    values[whole] = numbers[whole].astype(np.int64).tolist()
    values[np.isnan(numbers)] = None
    return values


@dataclass
class SheetColumns:
    """Some columns of a sheet, rows 2 onward: each column's row-1 text and its Arrow array (all of one length,
    every one :func:`convertible`). What the calamine path gives for them is :meth:`grid`."""

    header: list[str]
    arrays: list[pa.Array]

    def __len__(self) -> int:
        """The rows below the header."""
        return len(self.arrays[0]) if self.arrays else 0

    def used_rows(self) -> int:
        """The rows below the header down to the last one holding a value in one of these columns (a blank cell:
        none, or empty text; a trailing row of blanks is no row of the sheet's data)."""
        blank = np.ones(len(self), dtype=bool)
        for column in self.arrays:
            if pa.types.is_null(column.type):
                continue
            empty = pc.is_null(column, nan_is_null=True)
            if _text(column.type):
                empty = pc.or_(empty, pc.equal(column, ""))
            blank &= pc.fill_null(empty, True).to_numpy(zero_copy_only=False)
        used = np.flatnonzero(~blank)
        return int(used[-1]) + 1 if len(used) else 0

    def grid(self) -> np.ndarray:
        """The columns as a two-dimensional object array, row 0 the headers (:func:`grid_values` of each)."""
        grid = np.empty((len(self) + 1, len(self.arrays)), dtype=object)
        grid[0] = self.header
        for j, column in enumerate(self.arrays):
            grid[1:, j] = grid_values(column)
        return grid
