"""Some columns of a sheet, for a step that only reads (:meth:`OoxmlWorkbook.read_columns_only`): the month-end
reads 28 of the AfterSales sheet's 50-odd columns, and converting a year of cases cell by cell is most of its cost.

A column is kept when its header (row 1, as text, stripped) is asked for, or when its header is given twice, so
that the caller's check for duplicated headers (:func:`tkops.merge.sheet_frame`) still sees it. When no asked-for
header is there at all, every column is kept: the caller then refuses the sheet, or finds it empty, exactly as
with the whole sheet.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Any, Sequence

import numpy as np

from tkops.book.ooxml.reader import overlay, plain, plain_grid


def kept(header: Sequence[Any], headers: Sequence[str]) -> list[int] | None:
    """The 0-based columns to keep, in sheet order; None: keep every column (no asked-for header is there)."""
    wanted = {str(h).strip() for h in headers}
    names = ["" if h is None else str(h).strip() for h in header]
    if not wanted & set(names):
        return None
    twice = {n for n, count in Counter(names).items() if n and count > 1}
    return [i for i, n in enumerate(names) if n and (n in wanted or n in twice)]


def _take(rows: list[list[Any]], keep: list[int]) -> list[list[Any]]:
    if all(len(r) > keep[-1] for r in rows):
        if len(keep) == 1:
            return [[r[keep[0]]] for r in rows]
        get = itemgetter(*keep)
        return [list(get(r)) for r in rows]
    return [[r[i] if i < len(r) else None for i in keep] for r in rows]


def project(grid: list[list[Any]], headers: Sequence[str]) -> list[list[Any]]:
    """A grid already read whole (values as :func:`plain` gives them), cut to the kept columns (a copy)."""
    if not grid:
        return []
    keep = kept(grid[0], headers)
    if keep is None:
        return [list(r) for r in grid]
    return _take(grid, keep)


def projected_grid(raw: list[list[Any]], special: dict[tuple[int, int], str], headers: Sequence[str]
                   ) -> np.ndarray:
    """calamine's grid ``raw`` (from A1) and its formula and error cells ``special`` ((row, column), 1-based) as
    ``overlay(plain(raw), special)`` gives them, as a two-dimensional object array, converting only the kept
    columns."""
    head = overlay(plain([list(raw[0])]) if raw else [], {rc: v for rc, v in special.items() if rc[0] == 1})
    keep = kept(head[0], headers) if head and raw else None
    if keep is None:
        return as_grid(overlay(plain(raw), special))
    grid = plain_grid(raw, keep) if keep[-1] < len(raw[0]) else plain_grid(_take(raw, keep))
    grid[0] = [head[0][i] for i in keep]
    return with_special(grid, special, keep)


def with_special(grid: np.ndarray, special: dict[tuple[int, int], str], keep: list[int]) -> np.ndarray:
    """The kept columns ``keep`` of a sheet (``grid``, row 0 the headers) with the sheet's formula and error cells
    ``special`` put in: as tall as the whole sheet with them, whichever column they are in."""
    new = {old: n for n, old in enumerate(keep)}
    height = max((r for r, _c in special), default=0)
    if height > len(grid):
        grid = np.concatenate([grid, np.full((height - len(grid), len(keep)), None, dtype=object)])
    for (r, c), v in special.items():
        if c - 1 in new:
            grid[r - 1, new[c - 1]] = v
    return grid


def as_grid(rows: list[list[Any]]) -> np.ndarray:
    """Rows (of any lengths) as a two-dimensional object array, short rows filled with None."""
    width = max((len(r) for r in rows), default=0)
    grid = np.full((len(rows), width), None, dtype=object)
    for i, row in enumerate(rows):
        grid[i, :len(row)] = row
    return grid
