"""Some columns of a sheet, for a step that only reads them (:meth:`OoxmlWorkbook.read_columns_grid`): the reach
check first (with the proof of which columns hold only text, :mod:`.text_kinds`), then fastexcel's Arrow columns
(:mod:`.arrow_columns`) while the formula scan runs beside it, else calamine's grid cut to the columns
(:func:`.columns.projected_grid`). Both give the same values; the first holds Python's lock for a fraction of the
time on a large sheet, and a step that types the columns itself may take them as Arrow arrays (:func:`columns_read`),
never made into a grid of Python objects.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence

import numpy as np

from tkops.book.ooxml.arrow_columns import arrow_batch, arrow_grid, arrow_only
from tkops.book.ooxml.columns import projected_grid
from tkops.book.ooxml.reader import calamine_rows, checked_part, scanned
from tkops.book.ooxml.text_kinds import non_text_pattern, sampled_text_columns
from tkops.cells.arrow_values import SheetColumns


def columns_grid(calamine: Callable[[], object], data: bytes, file: str, name: str, part: str, xml: bytes,
                 max_cells: int, headers: Sequence[str]) -> np.ndarray:
    """The columns of the sheet ``name`` (worksheet part ``part``, bytes ``xml``) of the workbook ``file`` (bytes
    ``data``) whose header is in ``headers``, as a two-dimensional object array, row 0 the headers;
    ``calamine()`` gives the calamine reader when fastexcel cannot be used. Refuses a sheet reaching beyond
    ``max_cells`` before either parses it."""
    found = columns_read(calamine, data, file, name, part, xml, max_cells, headers)
    return found.grid() if isinstance(found, SheetColumns) else found


def columns_read(calamine: Callable[[], object], data: bytes, file: str, name: str, part: str, xml: bytes,
                 max_cells: int, headers: Sequence[str]) -> np.ndarray | SheetColumns:
    """:func:`columns_grid`, or the same columns as Arrow arrays (:func:`.arrow_columns.arrow_only`) when fastexcel
    read them and no formula or error cell changes them."""
    # the formula scan holds Python's lock; the parse does not: they overlap
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tkops-formulas") as pool:
        texts = sampled_text_columns(xml)  # proven text in the same pass as the reach: fastexcel need not look
        scan, proven = checked_part(pool, file, name, xml, max_cells, non_text_pattern(texts))
        batch = arrow_batch(data, name, xml, headers, texts if proven else ())
        if batch is None:
            raw = calamine_rows(calamine(), file, name)
        special = scanned(scan, part)
    arrays = arrow_only(batch, special) if batch is not None else None
    if arrays is not None:
        return arrays
    grid = arrow_grid(batch, special) if batch is not None else None
    if grid is None:
        raw = raw if batch is None else calamine_rows(calamine(), file, name)
        grid = projected_grid(raw, special, headers)
    return grid
