"""The live backend: the open workbook in Excel, through the small part of xlwings tkops uses.

Same interface as :class:`tkops.book.FileBook` (``read_rows``, ``write_table``, ``save``). Multi-line columns
(SheetSpec.wrap) are wrapped and their rows fitted by Excel itself; frozen panes and the column outline come with
tkops.xlsm (built by the file writer) and are the team's to change in Excel. Excel calls are few and large: a sheet is read in one call, and written in one call per run of adjacent changed columns, never per cell or
per row, so the number of calls does not grow with the number of order lines. Text and ID columns get the Text
number format before they are written, so Excel stores buyer text as typed (``=1+1`` stays text).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from tkops.book.cells import NUMBER_FORMATS, column_values, same
from tkops.book.layout import STANDARD_SHEETS, SheetSpec
from tkops.book.ooxml.cellxml import column_letter
from tkops.errors import DataError
from tkops.schema import Kind

if TYPE_CHECKING:  # xlwings is imported when Excel calls, never at import time
    from xlwings import Book as ExcelBook

TEXT = "@"


class LiveBook:
    """An xlwings ``Book`` (or a faithful fake of it) behind the book interface."""

    def __init__(self, book: ExcelBook) -> None:
        self.book = book
        self._rows: dict[str, list[list[Any]]] = {}
        # sheets read column by column: header row, number of data rows, the values of the columns read
        self._known: dict[str, tuple[list[Any], int, dict[int, list[Any]]]] = {}
        self._names = [s.name for s in book.sheets]

    @property
    def path(self) -> Path:
        """Where Excel has the workbook (for messages and the log file)."""
        return Path(self.book.fullname)

    def read_rows(self, sheet: str) -> list[list[Any]] | None:
        """A sheet's rows (header first), read in one call; None when there is no such sheet."""
        if sheet not in self._names:
            return None
        value = self.book.sheets[sheet].used_range.options(ndim=2).value
        rows = [list(r) for r in (value or [])]
        if rows and all(v is None for v in rows[0]):
            rows = []
        self._rows[sheet] = rows
        self._known.pop(sheet, None)
        return rows

    def read_columns(self, sheet: str, headers) -> list[list[Any]] | None:
        """The sheet's rows (header first) with only the columns named in ``headers`` (in the sheet's order): one
        call for the header row and one per run of adjacent wanted columns, so a button transfers the cells its
        step reads and no others; None when there is no such sheet."""
        if sheet not in self._names:
            return None
        target = self.book.sheets[sheet]
        height, width = target.used_range.shape
        header = list((target.range((1, 1), (1, width)).options(ndim=2).value or [[]])[0])
        if all(v is None for v in header):
            return []
        wanted = {str(h).strip() for h in headers}
        at = [i for i, h in enumerate(header) if h is not None and str(h).strip() in wanted]
        columns: dict[int, list[Any]] = {}
        for start, stop in _runs(at):
            block = target.range((2, start + 1), (height, stop + 1)).options(ndim=2).value if height > 1 else []
            for j, c in enumerate(range(start, stop + 1)):
                columns[c] = [list(r)[j] for r in (block or [])]
        self._known[sheet] = (header, max(height - 1, 0), columns)
        self._rows.pop(sheet, None)
        return [[header[i] for i in at]] + [[columns[i][r] for i in at] for r in range(max(height - 1, 0))]

    def rows_read(self, sheet: str) -> list[list[Any]] | None:
        """The rows :meth:`read_rows` last read from ``sheet`` (read now if it was not read yet)."""
        rows = self._rows.get(sheet)
        return rows if rows else self.read_rows(sheet)

    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet's table hold ``frame``: changed columns written as blocks, the table resized."""
        if spec.name not in self._names:
            self._refuse_table_elsewhere(spec)
            self.book.sheets.add(spec.name, after=self.book.sheets[self._names[-1]])
            self._names.append(spec.name)
            self._rows[spec.name] = []
            if spec.state == "hidden":
                self.book.sheets[spec.name].visible = False
        sheet = self.book.sheets[spec.name]
        rows = self._rows.get(spec.name)
        known = self._known.pop(spec.name, None) if rows is None else None
        if rows is None and known is None:
            rows = self.read_rows(spec.name) or []
        header, old_n, read = known if known else (list(rows[0]) if rows else [], max(len(rows) - 1, 0), None)
        header = list(header)
        while header and header[-1] in (None, ""):
            header.pop()
        positions = {str(h): i for i, h in enumerate(header) if h not in (None, "")}
        added = [c.header for c in spec.columns if c.header not in positions]
        if added:
            start = len(header)
            sheet.range((1, start + 1), (1, start + len(added))).value = [added]
            for i, name in enumerate(added):
                positions[name] = start + i
        n = len(frame)
        changed: dict[int, tuple[Kind, list[Any]]] = {}
        given: dict[int, list[Any]] = {}  # every column of the frame, as Excel holds it after the write
        for col in spec.columns:
            if col.header not in frame.columns:
                continue
            values = column_values(frame[col.header], col.kind)
            at = positions[col.header]
            given[at] = values
            if read is None:
                current = [r[at] if at < len(r) else None for r in rows[1:n + 1]]
            else:  # read column by column: a column not read is written as the step gives it
                current = list(read.get(at, [])[:n]) if at in read else None
            if current is not None:
                current += [None] * (n - len(current))
            if col.header in added or current is None or not all(same(a, b) for a, b in zip(current, values)):
                changed[at] = (col.kind, values)
        for start, stop in _runs(sorted(changed)):
            block = sheet.range((2, start + 1), (n + 1, stop + 1))
            for fmt_start, fmt_stop, fmt in _format_runs(start, stop, changed):
                sheet.range((2, fmt_start + 1), (n + 1, fmt_stop + 1)).number_format = fmt
            block.value = [list(r) for r in zip(*(changed[c][1] for c in range(start, stop + 1)))]
        last_col = max(positions[c.header] for c in spec.columns) + 1  # cells beyond (a summary) are not the table's
        n_table = n
        if read is not None:  # rows below the last one read may hold the team's cells in columns not read: kept
            n_table = max(n, old_n)
        elif old_n > n:  # rows the table no longer has: one call clears them
            sheet.range((n + 2, 1), (old_n + 1, last_col)).clear_contents()
        self._resize_table(sheet, spec, last_col, max(n_table, 1) + 1)
        if spec.printed:  # the rest of the print setup is the sheet's own (tkops.xlsm sets it up once)
            sheet.page_setup.print_area = f"$A$1:${column_letter(last_col)}${max(n_table, 1) + 1}"
        wrapped = [positions[h] for h in spec.wrap if h in positions and h in frame.columns]
        for c in wrapped:  # one call a multi-line column, then one to fit the rows to their text
            sheet.range((2, c + 1), (max(n, 1) + 1, c + 1)).wrap_text = True
        if wrapped and n:
            sheet.range((2, 1), (n + 1, 1)).rows.autofit()
        marks = spec.highlights
        if marks is not None and marks.flags_header in added:  # a workbook made before the flags column existed
            letter = column_letter(positions[marks.flags_header] + 1)
            self.book.names.add(marks.name, f"='{spec.name}'!${letter}:${letter}")
        named = [None] * (max(positions.values(), default=-1) + 1)
        for name, at in positions.items():
            named[at] = name
        if read is None:
            self._rows[spec.name] = _rows_after(rows, named, given, n, old_n, last_col)
            self._known.pop(spec.name, None)
        else:
            columns = {at: list(v) for at, v in read.items()}
            for at, values in given.items():
                below = columns.get(at, [])[n:n_table]  # rows below the frame's are kept, not cleared
                columns[at] = list(values) + below + [None] * (n_table - n - len(below))
            self._known[spec.name] = (named, n_table, columns)
            self._rows.pop(spec.name, None)

    def _refuse_table_elsewhere(self, spec: SheetSpec) -> None:
        """A sheet the team renamed still holds tkops' table (table names are the workbook's): say so before adding
        a sheet of the old name. Only when a sheet is missing, and only on sheets not named as tkops names its own
        (those hold their own tables): no call on a normal run."""
        own = {s.name.casefold() for s in STANDARD_SHEETS}
        for sheet in self.book.sheets:
            if sheet.name.casefold() in own:
                continue
            if spec.table in [t.name for t in sheet.tables]:
                raise DataError("table_elsewhere", file=self.path.name, table=spec.table, sheet=sheet.name)

    def _resize_table(self, sheet, spec: SheetSpec, last_col: int, last_row: int) -> None:
        target = sheet.range((1, 1), (last_row, last_col))
        tables = sheet.tables
        if spec.table in [t.name for t in tables]:
            tables[spec.table].resize(target)
        else:
            tables.add(source=target, name=spec.table, table_style_name=spec.style.replace(" ", ""))

    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text at row 1, column ``first_col`` (1-based), replacing the previous one: one call
        to clear, one to write, one per coloured cell."""
        target = self.book.sheets[sheet]
        width = max((len(r) for r in rows), default=1)
        before = self._rows.get(sheet) or self.read_rows(sheet) or []
        height = max(len(before), len(rows), 1)
        area = target.range((1, first_col), (height, first_col + width - 1))
        area.clear()
        area.number_format = TEXT
        grid = [list(r) + [None] * (width - len(r)) for r in rows]
        target.range((1, first_col), (len(grid), first_col + width - 1)).value = grid
        for (r, c), colour in (fills or {}).items():
            target.range((r + 1, first_col + c)).color = colour

    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None, fills: dict | None = None) -> None:
        """Replace a report sheet's cells with ``rows`` from A1: one call to clear, one to write, one per heading
        row and one per filled cell (``fills``: 0-based (row, column) -> "#RRGGBB"). Text that Excel would read as a
        formula or a number is written with a leading apostrophe (kept as typed)."""
        if spec.name not in self._names:
            self.book.sheets.add(spec.name, after=self.book.sheets[self._names[-1]])
            self._names.append(spec.name)
        sheet = self.book.sheets[spec.name]
        sheet.clear()
        width = max((len(r) for r in rows), default=0)
        if not width:
            return
        grid = [[_literal(v) for v in r] + [None] * (width - len(r)) for r in rows]
        sheet.range((1, 1), (len(grid), width)).value = grid
        for r in sorted(bold_rows):
            sheet.range((r + 1, 1), (r + 1, width)).font.bold = True
        for col, size in (widths or {}).items():
            sheet.range((1, col)).column_width = size
        for (r, c), colour in (fills or {}).items():
            sheet.range((r + 1, c + 1)).color = colour
        self._rows[spec.name] = []

    def save(self):
        """Nothing to save: Excel holds the workbook; the team saves it (Excel keeps its own undo and backup)."""
        return None


def _rows_after(rows: list[list[Any]], header: list[Any], given: dict[int, list[Any]], n: int, old_n: int,
                last_col: int) -> list[list[Any]]:
    """What the sheet holds after :meth:`LiveBook.write_table` wrote ``given`` (0-based column -> its ``n``
    values) over ``rows`` (as read, header first) and cleared the table's rows below ``n``: the book's cache, so a
    second write or read in the same run sees the sheet as it is without asking Excel again."""
    width = max([len(header), *(len(r) for r in rows)])
    top = list(rows[0]) if rows else []
    top += [None] * (width - len(top))
    top[:len(header)] = [h if h is not None else top[i] for i, h in enumerate(header)]
    out = [top]
    for i in range(max(n, old_n)):
        line = list(rows[i + 1]) if i + 1 < len(rows) else []
        line += [None] * (width - len(line))
        if i < n:
            for at, values in given.items():
                line[at] = values[i]
        else:
            line[:last_col] = [None] * last_col
        out.append(line)
    while len(out) > 1 and all(v is None for v in out[-1]):
        out.pop()
    return out


def _literal(value: Any) -> Any:
    """A value Excel stores as given: text that would parse as a formula, number or date gets an apostrophe."""
    if isinstance(value, str) and (value[:1] in ("=", "+", "-", "@", "'") or _looks_parsed(value)):
        return "'" + value
    return value


def _looks_parsed(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    try:
        float(stripped.replace(",", "").rstrip("%"))
        return True
    except ValueError:
        return stripped[:4].isdigit() and stripped[4:5] in ("-", "/")


def _runs(columns: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for c in columns:
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def _format_of(kind: Kind) -> str:
    return TEXT if kind in (Kind.TEXT, Kind.ID) else NUMBER_FORMATS[kind]


def _format_runs(start: int, stop: int, changed: dict) -> list[tuple[int, int, str]]:
    runs: list[tuple[int, int, str]] = []
    for c in range(start, stop + 1):
        fmt = _format_of(changed[c][0])
        if runs and runs[-1][2] == fmt:
            runs[-1] = (runs[-1][0], c, fmt)
        else:
            runs.append((c, c, fmt))
    return runs
