"""Some columns of a large sheet straight into Arrow (fastexcel), for a step that only reads them: the month-end's
28 columns of a year of cases (docs/ooxml.md#reading-values).

python-calamine hands every cell of the sheet to Python, one object each, and :func:`.reader.plain_grid` then
converts the columns asked for; both hold Python's lock, so on a year of cases (11 million cells) they cost more
than the parse itself. fastexcel parses with the same calamine without the lock and gives only the columns asked
for, one typed Arrow array each. This module turns those arrays into exactly the values the calamine path gives
(:func:`.columns.projected_grid`), and declines (None) whenever it cannot be sure of that, so the caller reads the
sheet the calamine way:

- fastexcel is not installed, or fails on the file;
- row 1 is not a row of text headers, or column A holds no value (fastexcel numbers rows and columns from the first
  row and column holding a value, and names columns by their header text);
- a header cell of row 1 holds a formula or an error, or two headers are the same (kept both, for the caller's
  check of duplicated headers), or none of the headers asked for is there;
- a column holds values of two kinds (fastexcel's strict reading refuses it, or reports the cells it could not
  convert: numbers a person typed into a text column keep their kind only on the calamine path), or a kind other
  than text, numbers, dates and times, or true/false, or a time of day or a duration.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pyarrow as pa

from tkops.book.ooxml.columns import kept, with_special
from tkops.cells.arrow_values import SheetColumns, convertible, grid_values

try:
    import fastexcel
except ImportError:  # optional: the calamine path reads every sheet without it
    fastexcel = None
else:
    # its column-type inference warns on every column without a value; tkops decides kinds itself
    logging.getLogger("fastexcel").setLevel(logging.ERROR)

_ROW_ONE = re.compile(rb"<(?:\w+:)?sheetData>\s*<(?:\w+:)?row r=\"1\"[^>]*>(.*?)</(?:\w+:)?row>", re.S)
_HEADER_CELL = re.compile(rb'<(?:\w+:)?c r="[A-Z]+1"((?:\s+[\w:]+="[^"]*")*)\s*(/?)>')
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)>")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_TEXT_TYPE = re.compile(rb'\st="(?:s|inlineStr)"')
_RENAMED = re.compile(r"(.*)_\d+")


def text_header_row(xml: bytes) -> bool:
    """True when the worksheet part ``xml`` starts with row 1, every cell of row 1 is text (a shared or inline
    string) or empty, and one at least holds a value. calamine's grid starts at the first row and the first column
    holding a value, each on its own: then its first row is row 1, and the header names fastexcel gives are the
    cells' text (whether its first column is A, fastexcel tells: :func:`arrow_batch`)."""
    row = _ROW_ONE.search(xml, 0, 1 << 20)
    if row is None:
        return False
    cells = _HEADER_CELL.findall(row.group(1))
    if len(_CELL_TAG.findall(row.group(1))) != len(cells) or not _VALUE.search(row.group(1)):
        return False
    return all(empty or _TEXT_TYPE.search(attrs) for attrs, empty in cells)


@dataclass
class ArrowColumns:
    """The columns fastexcel read: the kept columns' Arrow arrays, in sheet order, and which they are."""

    batch: pa.RecordBatch
    header: list[str]  # row 1 of every column (an empty one named __UNNAMED__ and its column, as fastexcel names it)
    keep: list[int]  # the 0-based columns of the batch's arrays
    unread: set[tuple[int, int]]  # (row, column), 1-based: cells their column's kind could not take (read as blank)


def arrow_batch(data: bytes, sheet: str, xml: bytes, headers: Sequence[str], text_columns: Sequence[int] = ()
                ) -> ArrowColumns | None:
    """The columns of ``sheet`` (workbook bytes ``data``, worksheet part ``xml``) whose header is in ``headers``,
    read by fastexcel (without Python's lock); None when this reading cannot be sure to give what the calamine
    path gives (see the module's text). ``text_columns``: the 0-based columns proven to hold only text below the
    header row (:mod:`.text_kinds`), read as text without fastexcel looking at every cell's kind."""
    if fastexcel is None or not text_header_row(xml):
        return None
    wanted = {str(h).strip() for h in headers}
    names: dict[int, str] = {}

    def pick(column) -> bool:  # asked for every column of the grid, in order
        names[column.index] = column.name
        # absolute_index: the column of the sheet; they differ when no value is in column A (the grid starts later)
        return column.absolute_index == column.index and column.name.strip() in wanted

    try:
        batch, failed = fastexcel.read_excel(data).load_sheet(
            sheet, header_row=0, use_columns=pick, schema_sample_rows=None, dtype_coercion="strict",
            dtypes={i: "string" for i in text_columns} or None).to_arrow_with_errors()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # any refusal of fastexcel's (a Rust panic is not an Exception): the calamine path reads
        return None  # the sheet, and reports what it finds
    header = [names[i] for i in range(len(names))]
    keep = kept(header, headers)
    if keep is None or not _distinct(header) or len(keep) != batch.num_columns:
        return None
    unread = {(e.position[0] + 1, e.position[1] + 1) for e in failed.errors} if failed is not None else set()
    return ArrowColumns(batch, header, keep, unread)


def arrow_grid(columns: ArrowColumns, special: dict[tuple[int, int], str]) -> np.ndarray | None:
    """The columns as :func:`.columns.projected_grid` gives them, with the sheet's formula and error cells
    ``special`` ((row, column), 1-based); None when a header cell is one of them, when a cell fastexcel could not
    convert is not one of them (an error value in a column of numbers is), or when a column holds a kind of value
    this reading does not convert."""
    if any(r == 1 for r, _c in special) or not columns.unread <= special.keys():
        return None  # a header that is a formula, or a value read as blank that no formula or error cell replaces
    batch, keep = columns.batch, columns.keep
    grid = np.empty((batch.num_rows + 1, len(keep)), dtype=object)
    grid[0] = [columns.header[i] for i in keep]
    for j, column in enumerate(batch.columns):
        values = grid_values(column)
        if values is None:
            return None
        grid[1:, j] = values
    return with_special(grid, special, keep)


def arrow_only(columns: ArrowColumns, special: dict[tuple[int, int], str]) -> SheetColumns | None:
    """The columns as Arrow arrays (:class:`tkops.cells.arrow_values.SheetColumns`), standing for exactly what
    :func:`arrow_grid` gives, when no value of theirs must come from elsewhere: no cell fastexcel could not convert,
    no formula or error cell in row 1, in these columns or below their last row, and every column of a kind
    :func:`~tkops.cells.arrow_values.grid_values` converts; else None."""
    keep, rows = set(columns.keep), columns.batch.num_rows + 1
    if columns.unread or any(r == 1 or c - 1 in keep or r > rows for r, c in special):
        return None
    arrays = list(columns.batch.columns)
    if not all(convertible(a) for a in arrays):
        return None
    return SheetColumns([columns.header[i] for i in columns.keep], arrays)


def _distinct(header: list[str]) -> bool:
    """No two headers the same once stripped, and none that fastexcel renamed for being a duplicate (``Cost_1``
    beside ``Cost``)."""
    named = [h.strip() for h in header if h.strip()]
    if len(set(named)) != len(named):
        return False
    given = set(header)
    return not any((m := _RENAMED.fullmatch(h)) and m.group(1) in given for h in header)
