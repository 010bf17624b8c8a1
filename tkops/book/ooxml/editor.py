"""An existing workbook edited at the package level (docs/ooxml.md): values read fast, and a save that rewrites only
the parts a run changed (and only the changed rows inside them), copying every other part byte for byte.

:class:`OoxmlWorkbook` has the interface of the openpyxl-based editor it replaces (``read_rows``, ``write_table``,
``write_block``, ``write_grid``, ``save``) and lays sheets out the same way: what a team sees is the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
import python_calamine

from tkops.book.cells import NUMBER_FORMATS, column_values, same
from tkops.book.layout import STANDARD_SHEETS, SheetSpec
from tkops.book.ooxml import carry, features
from tkops.book.ooxml.ahead import ReadsAhead
from tkops.book.ooxml.column_reads import columns_read
from tkops.book.ooxml.columns import as_grid, project
from tkops.book.ooxml.edits import HEADER_LOOK, KEEP, Edit, Look, put, style_of
from tkops.book.ooxml.package import REL_STYLES, Package, UnreadablePart, q
from tkops.book.ooxml.reach import book_limit
from tkops.book.ooxml.reader import overlay, plain, sheet_cells
from tkops.book.ooxml.sheet import SheetPart
from tkops.book.ooxml.styles import Styles
from tkops.book.ooxml.workbook import NEW_SHEET, Workbook
from tkops.book.ooxml.zipcopy import deflate
from tkops.book.rows import freeze_column, outline_runs, row_heights
from tkops.cells.arrow_values import SheetColumns
from tkops.errors import BadWorkbook, DataError
from tkops.settings import DEFAULT
from tkops.schema import Kind


def _readable(method):
    """Turn a part that cannot be read into the refusal naming it (nothing is saved)."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UnreadablePart as err:
            raise carry.unreadable(self.path, err) from None
    return wrapper


class OoxmlWorkbook:
    """An existing .xlsx/.xlsm workbook opened for editing; refuses, by name, what it cannot carry."""

    def __init__(self, path: Path, max_cells: int | None = None) -> None:
        self.path = Path(path)
        #: how far a sheet may reach before calamine reads it (:func:`tkops.book.ooxml.reach.book_limit`)
        self.max_cells = int(max_cells if max_cells is not None else book_limit(DEFAULT.max_sheet_cells))
        carry.refuse_container(self.path)
        try:
            self.package = Package(self.path)
            self.workbook = Workbook(self.package)
        except UnreadablePart as err:
            raise carry.unreadable(self.path, err) from None
        carry.refuse_package(self.path, self.package, self.workbook)
        pr = self.workbook.root.find(q("workbookPr"))
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        self._styles: Styles | None = None
        self._grids: dict[str, list[list[Any]]] = {}
        self._formulas: dict[str, set[tuple[int, int]]] = {}
        self._sheets: dict[str, SheetPart] = {}
        self._calamine = None
        self._ahead = ReadsAhead()
        try:  # read now: every save may rewrite it, and a command refuses before it takes the book's lock
            self.styles
        except UnreadablePart as err:
            raise carry.unreadable(self.path, err) from None

    @property
    def sheetnames(self) -> list[str]:
        return [s.name for s in self.workbook.sheets]

    @property
    def styles(self) -> Styles:
        if self._styles is None:
            found = self.package.rels(self.workbook.part).of_type(REL_STYLES)
            self._styles = Styles(self.package, found[0][1] if found else None)
        return self._styles

    # --- reading ---------------------------------------------------------------------------------------------------
    @_readable
    def read_rows(self, name: str) -> list[list[Any]] | None:
        """Every row of a sheet as values (see :mod:`tkops.book.ooxml.reader`), or None without the sheet."""
        sheet = self.workbook.sheet(name)  # sheet names are case-insensitive in Excel
        if sheet is None:
            return None
        return [list(row) for row in self._grid(sheet.name)]

    @_readable
    def read_columns_only(self, name: str, headers: Sequence[str]) -> list[list[Any]] | None:
        """For a step that only reads: the sheet's rows (header first) holding only the columns whose row-1 text
        (stripped) is in ``headers``, and every column whose header is given twice (the caller still sees the
        duplicate), as :meth:`read_rows` gives them; None without the sheet. Only those columns are converted, the
        grid is not kept (:meth:`read_columns_grid`: one two-dimensional object array)."""
        grid = self.read_columns_grid(name, headers)
        return None if grid is None else grid.tolist()

    @_readable
    def read_columns_grid(self, name: str, headers: Sequence[str], arrow: bool = False
                          ) -> np.ndarray | SheetColumns | None:
        """:meth:`read_columns_only` as a two-dimensional object array (row 0: the headers); ``arrow``: as Arrow
        arrays when fastexcel read them (:func:`.column_reads.columns_read`)."""
        sheet = self.workbook.sheet(name)
        if sheet is None:
            return None
        if name in self._grids or sheet.name in self._grids or not sheet.is_worksheet:
            self._ahead.drop(sheet.name)
            return as_grid(project(self._grid(sheet.name), headers))
        found = self._ahead.take(sheet.name, headers)
        if found is None:  # a sheet only read needs its bytes (edits wait in its grid, read above), not a SheetPart
            found = columns_read(self._shared_reader, self.package.data, self.path.name, sheet.name, sheet.part,
                                 self.package.read(sheet.part), self.max_cells, headers)
        return found.grid() if isinstance(found, SheetColumns) and not arrow else found

    def read_columns_ahead(self, name: str, headers: Sequence[str]) -> bool:
        """Start :meth:`read_columns_grid` of ``name`` and ``headers`` in the background (:mod:`.ahead`); False when
        it reads when asked (no such worksheet, or its cells already read or changed)."""
        sheet = self.workbook.sheet(name)
        if sheet is None or not sheet.is_worksheet or sheet.name in self._grids or sheet.name in self._sheets:
            return False

        def read() -> np.ndarray | SheetColumns:  # its own calamine reader: nothing the step may use meanwhile
            return columns_read(self._reader, self.package.data, self.path.name, sheet.name, sheet.part,
                                self.package.read(sheet.part, own_reader=True), self.max_cells, headers)
        return self._ahead.start(sheet.name, headers, read)

    def _reader(self) -> python_calamine.CalamineWorkbook:
        try:
            return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(self.package.data))
        except python_calamine.CalamineError as err:
            raise BadWorkbook(file=self.path.name, detail=f"cannot be read ({err})") from None

    def _shared_reader(self) -> python_calamine.CalamineWorkbook:
        """The calamine reader of the step's own thread (made once)."""
        self._calamine = self._reader() if self._calamine is None else self._calamine
        return self._calamine

    def _cells(self, name: str) -> tuple[list[list[Any]], dict[tuple[int, int], str]]:
        """calamine's grid (from A1) and formula and error cells of a sheet, opened for writes too."""
        part, xml = self._sheet(name).part, self._sheet(name).xml
        return sheet_cells(self._shared_reader(), self.path.name, name, part, xml, self.max_cells)

    def _grid(self, name: str) -> list[list[Any]]:
        if name in self._grids:
            return self._grids[name]
        self._ahead.drop(name)
        sheet = self.workbook.sheet(name)
        rows: list[list[Any]] = []
        if sheet.is_worksheet:
            raw, special = self._cells(name)
            self._formulas[name] = {rc for rc, v in special.items() if v.startswith("=")}
            rows = overlay(plain(raw), special)
        self._grids[name] = rows
        return rows

    def _sheet(self, name: str) -> SheetPart:
        if name not in self._sheets:
            self._ahead.drop(name)
            sheet = self.workbook.sheet(name)
            if not sheet.is_worksheet:
                raise BadWorkbook(file=self.path.name, detail=f'"{name}" is not a worksheet (a chart or dialog '
                                  "sheet); rename it so that tkops can add its own sheet")
            self._sheets[name] = SheetPart(self.package, sheet.part)
        return self._sheets[name]

    def _set(self, name: str, row: int, col: int, edit: Edit) -> None:
        """Record an edit of one cell (1-based) and show it in the sheet's values."""
        grid = self._grids[name]
        while len(grid) < row:
            grid.append([None] * (len(grid[0]) if grid else 0))
        line = grid[row - 1]
        if len(line) < col:
            line.extend([None] * (col - len(line)))
        value = edit.value
        if value is not KEEP:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                value = dt.datetime(value.year, value.month, value.day)
            line[col - 1] = value
        self._sheets[name].patch.edits.setdefault(row, {})[col] = edit

    # --- writing ---------------------------------------------------------------------------------------------------
    @_readable
    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet's table hold ``frame`` (row i of the frame is sheet row i + 2)."""
        self._refuse_table_elsewhere(spec)
        name = self._existing(spec.name) or self._new_sheet(spec)
        grid, part = self._grid(name), self._sheet(name)
        table = features.find_table(self.package, part, spec.table)
        old_last_row = table.last_row() if table is not None else 0
        existing = list(grid[0]) if grid else []
        while existing and existing[-1] in (None, ""):
            existing.pop()
        positions = {str(h): i + 1 for i, h in enumerate(existing) if h not in (None, "")}
        next_col = len(existing) + 1
        added = [col.header for col in spec.columns if col.header not in positions]
        for col in spec.columns:
            if col.header not in positions:
                self._set(name, 1, next_col, Edit(col.header, None, HEADER_LOOK))
                part.set_column(next_col, width=col.width)
                positions[col.header] = next_col
                next_col += 1
        columns = list(itertools.zip_longest(*grid[1:len(frame) + 1]))  # the table's cells, column by column
        rewrapped: set[int] = set()  # rows whose multi-line text this run writes: their height follows it
        for col in spec.columns:
            c = positions[col.header]
            values = column_values(frame[col.header], col.kind) if col.header in frame.columns else []
            old = list(columns[c - 1]) if c <= len(columns) else []
            old += [None] * (len(values) - len(old))
            if old == values:  # equal values are the same for a person: nothing to write in this column
                continue
            fmt = NUMBER_FORMATS[col.kind]
            formulas = self._formulas.get(name, set())
            wrapped = col.header in spec.wrap
            for r, (current, value) in enumerate(zip(old, values), start=2):
                if current == value or same(current, value):
                    continue
                if value is None and (r, c) in formulas:  # a formula in a number column reads as no number:
                    continue  # the team's formula is kept, not cleared
                edit = put(value, col.kind, fmt)
                if wrapped:
                    edit = edit._replace(look=Look(wrap=True))
                    rewrapped.add(r)
                self._set(name, r, c, edit)
        for r in range(len(frame) + 2, min(old_last_row, len(grid)) + 1):  # rows the table no longer has
            for col in spec.columns:
                c = positions[col.header]
                if c <= len(grid[r - 1]) and grid[r - 1][c - 1] is not None:
                    self._set(name, r, c, Edit(None))
        last_col = max(positions[col.header] for col in spec.columns)  # cells beyond (a summary) are not the table's
        last_row = max(len(frame) + 1, 2)
        features.table(self, name, spec, last_col, last_row)
        features.lists(part, spec, positions)
        for header in spec.hidden:
            if header in positions:
                part.set_column(positions[header], hidden=True)
        if spec.highlights is not None and spec.highlights.flags_header in positions:
            features.highlights(self, name, spec, positions[spec.highlights.flags_header])
        if spec.printed:
            features.print_setup(self, name, last_row, last_col)
        state = getattr(spec, "state", None)
        if state:
            self.workbook.set_state(name, state)
        self._lay_out_for_reading(part, spec, frame, positions, added, rewrapped)

    def _lay_out_for_reading(self, part: SheetPart, spec: SheetSpec, frame: pd.DataFrame, positions: dict[str, int],
                  added: list[str], rewrapped: set[int]) -> None:
        """What SheetSpec asks for reading (tkops.book.rows): panes frozen on the header row and the ``freeze``
        column; rows whose wrapped text this run wrote as tall as that text; the outline, collapsed the first time
        and for columns this run added (a group the team opened stays open)."""
        headers: list[str | None] = [None] * max(positions.values(), default=0)
        for header, c in positions.items():
            headers[c - 1] = header
        part.freeze(freeze_column(spec, headers))
        if rewrapped:
            widths = {h: part.column_width(positions[h]) or 13 for h in spec.wrap if h in positions}
            for r, height in enumerate(row_heights(spec, frame, widths), start=2):
                if r in rewrapped:
                    part.patch.heights[r] = height
        runs = outline_runs(spec, headers)
        if part.has_outline():
            runs = [(first, last) for first, last in runs if all(headers[i] in added for i in range(first, last + 1))]
        for first, last in runs:
            for c in range(first + 1, last + 2):
                part.set_column(c, hidden=True, outline_level=1)
            part.set_column(last + 2, collapsed=True)

    def _refuse_table_elsewhere(self, spec: SheetSpec) -> None:
        """Table names are the workbook's: a sheet renamed by the team still holds its table (Orders on a sheet now
        called "Bestellungen"). Say so, instead of adding a second table and sheet beside the team's."""
        if self._existing(spec.name):
            return
        for sheet in self.workbook.sheets:
            if not sheet.is_worksheet:
                continue
            if features.find_table(self.package, self._sheet(sheet.name), spec.table) is not None:
                raise DataError("table_elsewhere", file=self.path.name, table=spec.table, sheet=sheet.name)

    def _existing(self, name: str) -> str | None:
        """The name of the sheet called ``name`` in any case, as the workbook spells it."""
        sheet = self.workbook.sheet(name)
        return sheet.name if sheet is not None else None

    def _new_sheet(self, spec: SheetSpec) -> str:
        order = [s.name for s in STANDARD_SHEETS]
        names = self.sheetnames
        index = len(names)
        if spec.name in order:
            later = [n for n in order[order.index(spec.name) + 1:] if n in names]
            if later:
                index = names.index(later[0])
        sheet = self.workbook.add_sheet(spec.name, index)
        part = SheetPart(self.package, sheet.part, xml=NEW_SHEET)
        part.changed = True
        self._sheets[spec.name] = part
        self._grids[spec.name] = []
        self._formulas[spec.name] = set()
        for i, col in enumerate(spec.columns, start=1):
            part.set_column(i, width=col.width)
        return spec.name

    @_readable
    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text (a summary, a legend) at row 1, column ``first_col`` (1-based), replacing the
        block written there before; ``fills`` maps (row, col) offsets in the block to colours."""
        sheet = self._existing(sheet) or sheet
        grid, part = self._grid(sheet), self._sheet(sheet)
        width = max((len(r) for r in rows), default=1)
        last = first_col + width - 1
        band = part.patch.band
        part.patch.band = (min(band[0], first_col), max(band[1], last)) if band else (first_col, last)
        for line in grid:
            for c in range(first_col - 1, min(last, len(line))):
                line[c] = None
        for row_edits in part.patch.edits.values():  # a block written earlier in this run goes too
            for c in range(first_col, last + 1):
                row_edits.pop(c, None)
        fills = fills or {}
        cells = {(r, c): value for r, row in enumerate(rows) for c, value in enumerate(row) if value is not None}
        for r, c in sorted(set(cells) | set(fills)):
            value = cells.get((r, c))
            edit = put(value, Kind.TEXT, "General") if value is not None else Edit(None)
            look = Look(fill=fills.get((r, c), "none"))
            self._set(sheet, r + 1, first_col + c, edit._replace(look=look))
        part.set_column(first_col, width=60)

    @_readable
    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None, fills: dict | None = None) -> None:
        """Replace every cell of the sheet (a report tkops owns) with ``rows`` from A1: text stays text, numbers
        numbers, datetimes dates; ``bold_rows`` (0-based) are headings; ``widths`` maps 1-based columns to widths;
        ``fills`` maps 0-based (row, column) to a colour ("#RRGGBB")."""
        name = self._existing(spec.name) or self._new_sheet(spec)
        self._grid(name)
        part = self._sheet(name)
        part.patch.edits.clear()
        part.patch.band = None
        part.patch.replace_all = True
        self._grids[name] = []
        fills = fills or {}
        cells = {(r, c): value for r, row in enumerate(rows) for c, value in enumerate(row) if value is not None}
        for r, c in sorted(set(cells) | set(fills)):
            value = cells.get((r, c))
            if value is None:
                edit = Edit(None)
            else:
                kind = Kind.NUMBER if isinstance(value, (int, float)) and not isinstance(value, bool) else Kind.TEXT
                edit = put(value, kind, "General" if isinstance(value, int) else "#,##0.00")
            if r in bold_rows or (r, c) in fills:
                edit = edit._replace(look=Look(bold=r in bold_rows, fill=fills.get((r, c), "none")))
            self._set(name, r + 1, c + 1, edit)
        for col, width in (widths or {}).items():
            part.set_column(col, width=width)

    # --- saving ----------------------------------------------------------------------------------------------------
    @_readable
    def save(self, path: Path) -> None:
        """Write the workbook to ``path``: the changed sheets streamed, every other part copied as it is."""
        edited = [(name, part) for name, part in self._sheets.items() if part.has_edits() or part.changed]
        if any(self._removes_formula(name, part) for name, part in edited):
            self.workbook.drop_calc_chain()
        for name, part in edited:
            part.unmerge_where_written()
            features.dimension(part, self._grids.get(name, []))
            styles = self.styles if part.has_edits() else None
            chunks, _patcher = part.chunks({
                "col_styles": part.col_styles(),
                "style": (lambda base, edit, s=styles: style_of(s, base, edit)),
                "has_fill": (lambda xf, s=styles: s.has_fill(xf) if s else False), "date1904": self.date1904})
            # Big sheets are deflated fast (level 1: about three times faster, a quarter larger) until Excel saves
            # them again; small parts as usual (level 6).
            self.package.put(part.part, deflate(chunks, 1 if len(part.xml) > (4 << 20) else 6))
        self.package.save(Path(path))

    def changed_parts(self) -> list[str]:
        """The parts the last :meth:`save` rewrote, added (and removed, prefixed ``-``)."""
        return self.package.changed_parts()

    def _removes_formula(self, name: str, part: SheetPart) -> bool:
        patch = part.patch
        if patch.replace_all:
            from tkops.book.ooxml.reader import _FORMULA

            return bool(_FORMULA.search(part.xml, part.bounds.data_start, part.bounds.data_end))
        formulas = self._formulas.get(name) or set()
        if not formulas:
            return False
        if patch.band and any(patch.band[0] <= c <= patch.band[1] for _r, c in formulas):
            return True
        return any(c in patch.edits.get(r, ()) for r, c in formulas)
