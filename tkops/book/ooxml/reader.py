"""Reading a sheet's values fast (docs/ooxml.md#reading-values): python-calamine reads the cells, then the few cells
calamine reports differently from what the jobs have always been given are laid over its grid.

What a row holds, cell by cell (the values openpyxl's ``iter_rows(values_only=True)`` gave before):

- text as ``str`` (rich text as its plain characters); an empty cell as ``None`` (also an empty string);
- numbers as ``int`` when they are whole (below 2**53), else ``float``;
- dates and times as ``datetime`` / ``time`` / ``timedelta`` when the cell's number format is a date format;
- booleans as ``bool``;
- a formula as its text, ``=`` first (a shared formula translated to its own cell), not its last value: the jobs
  keep a team's formula by writing back what they read;
- an error value as its text (``#N/A``).

Grids start at A1 whatever the first used cell is (calamine's own grid starts at the first used cell).
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

import numpy as np
import python_calamine
from openpyxl.formula.translate import Translator, TranslatorError

from tkops.book.ooxml.cellxml import split_ref
from tkops.book.ooxml.package import UnreadablePart
from tkops.book.ooxml.prescan import vouched_and_absent
from tkops.book.ooxml.reach import refuse_far_reach
from tkops.cells.extent import XML_PREFIX
from tkops.errors import BadWorkbook

# a tag's namespace prefix is any XML name (letters beyond ASCII too): calamine compares local names only
_FORMULA = re.compile(rb"<" + XML_PREFIX + rb"f[\s>/]")
_BARE_CELL = re.compile(rb"<" + XML_PREFIX + rb"c>")
_CELL = re.compile(rb"<" + XML_PREFIX + rb"c\b([^>]*?)(/>|>(.*?)</" + XML_PREFIX + rb"c>)", re.S)
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_F = re.compile(rb"<" + XML_PREFIX + rb"f\b([^>]*?)(?:/>|>(.*?)</" + XML_PREFIX + rb"f>)", re.S)
_V = re.compile(rb"<" + XML_PREFIX + rb"v>(.*?)</" + XML_PREFIX + rb"v>", re.S)


def plain(rows: list[list[Any]], columns: list[int] | None = None) -> list[list[Any]]:
    """calamine's rows (all of one length) with the cell values the jobs expect (see the module's docstring);
    ``columns``: only those (0-based, each below the rows' length), in that order."""
    return plain_grid(rows, columns).tolist() if rows else []


def plain_grid(rows: list[list[Any]], columns: list[int] | None = None) -> np.ndarray:
    """:func:`plain` as a two-dimensional object array (no row lists made)."""
    if not rows:
        return np.empty((0, 0), dtype=object)
    grid = np.empty((len(rows), len(rows[0])), dtype=object)
    grid[:] = rows
    if columns is not None:
        grid = grid[:, columns]
    kinds = _type_of(grid)
    grid[grid == ""] = None
    floats = kinds == float
    if floats.any():
        numbers = grid[floats].astype(float)
        whole = (numbers == np.floor(numbers)) & (np.abs(numbers) < 2**53)
        where = np.flatnonzero(floats)[whole]
        cells = np.empty(len(where), dtype=object)
        cells[:] = numbers[whole].astype(np.int64).tolist()
        grid.flat[where] = cells
    dates = kinds == dt.date
    for i in np.flatnonzero(dates):
        v = grid.flat[i]
        grid.flat[i] = dt.datetime(v.year, v.month, v.day)
    return grid


_type_of = np.frompyfunc(type, 1, 1)


def sheet_cells(calamine, file: str, name: str, part: str, xml: bytes, max_cells: int
                ) -> tuple[list[list[Any]], dict[tuple[int, int], str]]:
    """The worksheet ``name`` (part ``part``, bytes ``xml``) of the workbook ``file`` as calamine's grid (from A1)
    and its formula and error cells (:func:`special_cells`), once its reach is within ``max_cells``
    (:func:`tkops.book.ooxml.reach.refuse_far_reach`)."""
    # the formula scan is a byte search that holds Python's lock; calamine's parse does not: they overlap
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tkops-formulas") as pool:
        scan, _absent = checked_part(pool, file, name, xml, max_cells)
        rows = calamine_rows(calamine, file, name)
        return rows, scanned(scan, part)


def checked_part(pool: Executor, file: str, name: str, xml: bytes, max_cells: int, also: str = ""
                 ) -> tuple[Future, bool]:
    """Refuse the sheet ``name`` of ``file`` when its part ``xml`` reaches beyond ``max_cells``
    (:func:`tkops.book.ooxml.reach.refuse_far_reach`) and start its formula and error scan in ``pool``: the future of
    :func:`special_cells`' answer, given at once when one pass vouches for the part (:mod:`.prescan`); and whether
    that pass also found nothing the RE2 pattern ``also`` matches (False when it was not searched)."""
    vouch, absent = vouched_and_absent(xml, max_cells, also)
    if vouch:
        done: Future = Future()
        done.set_result({})
        return done, absent
    refuse_far_reach(file, name, xml, max_cells)
    return pool.submit(special_cells, xml), False


def calamine_rows(calamine, file: str, name: str) -> list[list[Any]]:
    """calamine's grid of the sheet ``name`` (from A1), its failure as the refusal naming ``file``."""
    try:
        return calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except python_calamine.CalamineError as err:
        raise BadWorkbook(file=file, detail=f'the sheet "{name}" cannot be read ({err})') from None


def scanned(scan: Future, part: str) -> dict[tuple[int, int], str]:
    """What :func:`special_cells` of the part ``part`` found in another thread (a part it cannot read refused)."""
    try:
        return scan.result()
    except ValueError as err:
        raise UnreadablePart(part, str(err)) from None


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace(
        "&amp;", "&")


def special_cells(xml: bytes) -> dict[tuple[int, int], str]:
    """(row, column) -> value of every formula cell (``=`` + its text) and error cell (``#N/A``) of a sheet part.

    Found by searching for ``<f`` and ``t="e"`` and parsing only the cells around them; a cell without an ``r``
    reference is placed by counting (see :func:`_positions`)."""
    hits = sorted(set(_positions(xml, b"<f", b" >/")) | set(_positions(xml, b":f", b" >/"))
                  | set(_positions(xml, b' t="e"', b"")))
    if not hits:
        return {}
    if _BARE_CELL.search(xml):
        return _positions_slow(xml)
    shared: dict[bytes, tuple[str, str]] = {}
    found: dict[tuple[int, int], str] = {}
    starts = set()
    for at in hits:
        start = max(xml.rfind(b"<c ", 0, at + 1), xml.rfind(b":c ", 0, at + 1))
        if start < 0:
            continue
        if xml[start:start + 1] == b":":
            start = xml.rfind(b"<", 0, start)
        starts.add(start)
    for start in sorted(starts):
        m = _CELL.match(xml, start)
        if not m:
            continue
        attrs = dict(_ATTR.findall(m.group(1)))
        if b"r" not in attrs:
            return _positions_slow(xml)
        ref = attrs[b"r"].decode()
        value = cell_special(attrs, m.group(3) or b"", ref, shared)
        if value is not None:
            found[split_ref(ref)] = value
    return found


def _positions(xml: bytes, needle: bytes, followed_by: bytes) -> list[int]:
    """Where ``needle`` occurs (followed by one of ``followed_by``, when given): a plain byte search, far faster
    than a regular expression over a sheet of tens of megabytes."""
    found, at = [], xml.find(needle)
    while at >= 0:
        after = xml[at + len(needle):at + len(needle) + 1]
        if not followed_by or (after and after in followed_by):
            found.append(at)
        at = xml.find(needle, at + 1)
    return found


def cell_special(attrs: dict, body: bytes, ref: str, shared: dict) -> str | None:
    """The formula text (or error text) of one cell, or None when it has neither."""
    f = _F.search(body)
    if f:
        f_attrs = dict(_ATTR.findall(f.group(1)))
        text = unescape((f.group(2) or b"").decode("utf-8"))
        si = f_attrs.get(b"si")
        if f_attrs.get(b"t") == b"shared" and si is not None:
            if text:
                shared[si] = (text, ref)
            elif si in shared:
                master_text, master_ref = shared[si]
                try:
                    text = Translator("=" + master_text, origin=master_ref).translate_formula(ref)[1:]
                except TranslatorError:
                    text = master_text
        if text:
            return "=" + text
    if attrs.get(b"t") == b"e":
        v = _V.search(body)
        return unescape(v.group(1).decode("utf-8")) if v else None
    return None


def _positions_slow(xml: bytes) -> dict[tuple[int, int], str]:
    """Formula and error cells of a sheet whose rows or cells leave out their ``r`` (counted as Excel does)."""
    from tkops.book.ooxml.rows import iter_rows, parse_cells

    found: dict[tuple[int, int], str] = {}
    shared: dict[bytes, tuple[str, str]] = {}
    for row in iter_rows(xml):
        for cell in parse_cells(row.body(xml)):
            value = cell_special(cell.attrs, cell.body, cell.ref(row.index), shared)
            if value is not None:
                found[(row.index, cell.column)] = value
    return found


def overlay(rows: list[list[Any]], cells: dict[tuple[int, int], str]) -> list[list[Any]]:
    """``rows`` (a grid from A1) with ``cells`` put in, growing the grid where they lie beyond it."""
    if not cells:
        return rows
    height = max(r for r, _ in cells)
    width = max(c for _, c in cells)
    current = len(rows[0]) if rows else 0
    if width > current:
        for row in rows:
            row.extend([None] * (width - current))
    while len(rows) < height:
        rows.append([None] * max(width, current))
    for (r, c), value in cells.items():
        rows[r - 1][c - 1] = value
    return rows
