"""A faithful in-memory fake of the small xlwings surface tkops uses, counting every Excel call.

It behaves like Excel where it matters to tkops: a value written to a cell is parsed as typed input (``=1+1``
becomes a formula, ``0123`` and long IDs become numbers, ``2026-11-25`` a date) unless the cell's number format
is Text ("@") or the text starts with an apostrophe. Each property read or write and each method call on a book,
sheet, range, table or app object counts as one call (``FakeBook.calls``); the cells a range's value carries between
Excel and Python are counted too (``FakeBook.cells_read`` and ``cells_written``: what a COM transfer costs grows
with them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|\d{1,3}(,\d{3})+(\.\d*)?)([eE][+-]?\d+)?%?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Cell:
    value: Any = None
    formula: str | None = None
    number_format: str = "General"
    color: tuple | None = None
    bold: bool = False
    wrap: bool = False


def excel_input(text: str, number_format: str) -> Cell:
    """What Excel stores when ``text`` is written to a cell (COM Range.Value = text)."""
    if number_format == "@":
        return Cell(text, None, number_format)
    if text.startswith("'"):
        return Cell(text[1:], None, number_format)
    if text[:1] == "=" or (text[:1] in "+-@" and len(text) > 1 and not _NUMBER.match(text)):
        return Cell(None, text, number_format)
    stripped = text.strip()
    if _NUMBER.match(stripped):
        number = float(stripped.replace(",", "").rstrip("%"))
        return Cell(number / 100 if stripped.endswith("%") else number, None, number_format)  # Excel: 25% is 0.25
    if _DATE.match(stripped):
        return Cell(dt.datetime.fromisoformat(stripped), None, number_format)
    return Cell(text, None, number_format)


class _Counted:
    def __init__(self, book: "FakeBook"):
        object.__setattr__(self, "_book", book)

    def _tick(self, what: str) -> None:
        self._book.calls += 1
        self._book.log.append(what)


class FakeRange(_Counted):
    def __init__(self, sheet: "FakeSheet", first: tuple[int, int], last: tuple[int, int], ndim: int | None = None):
        super().__init__(sheet.book)
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "ndim", ndim)

    def select(self) -> None:
        """Select the range (xlwings' Range.select): the person's cursor moves there."""
        self._tick(f"select {self.first}")
        self._book._selection = self

    def options(self, ndim: int | None = None, **_):
        return FakeRange(self.sheet, self.first, self.last, ndim)

    def _coords(self):
        (r1, c1), (r2, c2) = self.first, self.last
        return [[(r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    @property
    def row(self) -> int:
        """The first row of the range (1-based), as xlwings' Range.row."""
        return self.first[0]

    @property
    def shape(self):
        return (self.last[0] - self.first[0] + 1, self.last[1] - self.first[1] + 1)

    @property
    def value(self):
        self._tick(f"get value {self.first}:{self.last}")
        self._book.cells_read += self.shape[0] * self.shape[1]
        self._book.read_by_sheet[self.sheet.name] = self._book.read_by_sheet.get(self.sheet.name, 0) + \
            self.shape[0] * self.shape[1]
        if self.last[0] >= 2:  # a transfer of cells below the header row: which columns it carried
            self._book.columns_read.setdefault(self.sheet.name, set()).update(range(self.first[1], self.last[1] + 1))
        grid = [[self.sheet._get(rc).value for rc in row] for row in self._coords()]
        if self.ndim == 2:
            return grid
        if self.shape == (1, 1):
            return grid[0][0]
        if self.shape[0] == 1:
            return grid[0]
        if self.shape[1] == 1:
            return [r[0] for r in grid]
        return grid

    @value.setter
    def value(self, data):
        self._tick(f"set value {self.first}:{self.last}")
        if not isinstance(data, (list, tuple)):
            data = [[data]]
        elif data and not isinstance(data[0], (list, tuple)):
            data = [list(data)]
        r0, c0 = self.first
        written = sum(len(row) if isinstance(row, (list, tuple)) else 1 for row in data)
        self._book.cells_written += written
        self._book.written_by_sheet[self.sheet.name] = self._book.written_by_sheet.get(self.sheet.name, 0) + written
        for i, row in enumerate(data):
            for j, v in enumerate(row):
                self.sheet._put((r0 + i, c0 + j), v)

    @property
    def number_format(self):
        self._tick("get number_format")
        return self.sheet._get(self.first).number_format

    @number_format.setter
    def number_format(self, fmt: str):
        self._tick(f"set number_format {self.first}:{self.last}")
        for row in self._coords():
            for rc in row:
                self.sheet._cell(rc).number_format = fmt

    @property
    def color(self):
        self._tick("get color")
        return self.sheet._get(self.first).color

    @color.setter
    def color(self, rgb):
        self._tick(f"set color {self.first}:{self.last}")
        for row in self._coords():
            for rc in row:
                self.sheet._cell(rc).color = rgb

    @property
    def wrap_text(self):
        self._tick("get wrap_text")
        return all(self.sheet._cell(rc).wrap for row in self._coords() for rc in row)

    @wrap_text.setter
    def wrap_text(self, value: bool):
        self._tick(f"set wrap_text {self.first}:{self.last}")
        for row in self._coords():
            for rc in row:
                self.sheet._cell(rc).wrap = bool(value)

    @property
    def rows(self) -> "FakeRows":
        return FakeRows(self)

    def clear_contents(self):
        self._tick("clear_contents")
        for row in self._coords():
            for rc in row:
                cell = self.sheet._cell(rc)
                cell.value, cell.formula = None, None

    def clear(self):
        self._tick("clear")
        for row in self._coords():
            for rc in row:
                self.sheet.cells.pop(rc, None)

    @property
    def font(self) -> "FakeFont":
        self._tick("font")
        return FakeFont(self)

    @property
    def column_width(self):
        self._tick("get column_width")
        return self.sheet.widths.get(self.first[1])

    @column_width.setter
    def column_width(self, width: float) -> None:
        self._tick("set column_width")
        for c in range(self.first[1], self.last[1] + 1):
            self.sheet.widths[c] = width

    @property
    def last_cell(self):
        return FakeRange(self.sheet, self.last, self.last)


class FakeFont(_Counted):
    """Range.font: only bold is used."""

    def __init__(self, rng: FakeRange):
        super().__init__(rng.sheet.book)
        object.__setattr__(self, "rng", rng)

    @property
    def bold(self):
        self._tick("get bold")
        return self.rng.sheet._get(self.rng.first).bold

    @bold.setter
    def bold(self, value: bool) -> None:
        self._tick("set bold")
        for row in self.rng._coords():
            for rc in row:
                self.rng.sheet._cell(rc).bold = bool(value)


class FakeTable(_Counted):
    def __init__(self, sheet: "FakeSheet", name: str, source: FakeRange, style: str):
        super().__init__(sheet.book)
        self.sheet, self.name, self.ref, self.style = sheet, name, (source.first, source.last), style

    def resize(self, target: FakeRange):
        self._tick("table resize")
        self.ref = (target.first, target.last)


class FakeTables(_Counted):
    def __init__(self, sheet: "FakeSheet"):
        super().__init__(sheet.book)
        self.sheet = sheet
        self.items: list[FakeTable] = []

    def __iter__(self):
        self._tick("list tables")
        return iter(list(self.items))

    def __getitem__(self, name: str) -> FakeTable:
        self._tick("get table")
        return next(t for t in self.items if t.name == name)

    def add(self, source: FakeRange, name: str, table_style_name: str = "TableStyleMedium2", **_):
        self._tick("add table")
        table = FakeTable(self.sheet, name, source, table_style_name)
        self.items.append(table)
        return table


class FakeSheet(_Counted):
    def __init__(self, book: "FakeBook", name: str):
        super().__init__(book)
        self.book, self.name = book, name
        self.cells: dict[tuple[int, int], Cell] = {}
        self.widths: dict[int, float] = {}
        self.tables = FakeTables(self)
        self._page_setup = FakePageSetup(book)
        self.autofitted: list[tuple[int, int]] = []  # row spans Excel fitted to their wrapped text

    def activate(self) -> None:
        """Sheet.activate(): the sheet comes to the front."""
        self._tick(f"activate {self.name}")
        self.book.active = self.name

    def clear(self) -> None:
        """Sheet.clear(): contents and formats of every cell."""
        self._tick("sheet clear")
        self.cells.clear()

    @property
    def page_setup(self) -> "FakePageSetup":
        self._tick("page_setup")
        return self._page_setup

    def _cell(self, rc) -> Cell:
        return self.cells.setdefault(rc, Cell())

    def _get(self, rc) -> Cell:
        return self.cells.get(rc, Cell())

    def _put(self, rc, v) -> None:
        cell = self._cell(rc)
        if isinstance(v, str):
            parsed = excel_input(v, cell.number_format) if v != "" else Cell(None, None, cell.number_format)
            cell.value, cell.formula = parsed.value, parsed.formula
        elif isinstance(v, (dt.datetime, dt.date)):
            cell.value, cell.formula = v, None
        elif isinstance(v, bool) or v is None:
            cell.value, cell.formula = v, None
        elif isinstance(v, (int, float)):
            cell.value, cell.formula = float(v), None
        else:
            raise TypeError(f"xlwings cannot write {type(v).__name__}")

    def range(self, first, last=None) -> FakeRange:
        self._tick("range")
        if isinstance(first, str):
            first = _a1(first)
        if isinstance(last, str):
            last = _a1(last)
        return FakeRange(self, first, last or first)

    @property
    def used_range(self) -> FakeRange:
        self._tick("used_range")
        filled = [rc for rc, c in self.cells.items() if c.value is not None or c.formula is not None]
        if not filled:
            return FakeRange(self, (1, 1), (1, 1))
        return FakeRange(self, (1, 1), (max(r for r, _ in filled), max(c for _, c in filled)))

    def value_at(self, row: int, col: int):
        """Test helper (not counted): the stored value of a cell."""
        return self._get((row, col)).value

    def rows(self) -> list[list[Any]]:
        """Test helper (not counted): every row up to the last filled cell."""
        used = [rc for rc, c in self.cells.items() if c.value is not None or c.formula is not None]
        if not used:
            return []
        last_r, last_c = max(r for r, _ in used), max(c for _, c in used)
        return [[self._get((r, c)).value for c in range(1, last_c + 1)] for r in range(1, last_r + 1)]


def _a1(ref: str) -> tuple[int, int]:
    m = re.match(r"^\$?([A-Z]+)\$?(\d+)$", ref.upper())
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class FakeRows(_Counted):
    """xlwings' Range.rows: only autofit() is used (Excel fits each row to its wrapped text)."""

    def __init__(self, rng: "FakeRange"):
        super().__init__(rng.sheet.book)
        object.__setattr__(self, "range", rng)

    def autofit(self):
        self._tick(f"autofit rows {self.range.first}:{self.range.last}")
        self.range.sheet.autofitted.append((self.range.first[0], self.range.last[0]))


class FakePageSetup(_Counted):
    """xlwings' Sheet.page_setup: only the print area is used."""

    def __init__(self, book: "FakeBook"):
        super().__init__(book)
        self._print_area = None

    @property
    def print_area(self):
        self._tick("print_area")
        return self._print_area

    @print_area.setter
    def print_area(self, value: str) -> None:
        self._tick("print_area")
        self._print_area = value


class FakeSheets(_Counted):
    def __init__(self, book: "FakeBook"):
        super().__init__(book)
        self.items: list[FakeSheet] = []

    def __iter__(self):
        self._tick("list sheets")
        return iter(list(self.items))

    def __getitem__(self, key) -> FakeSheet:
        self._tick("get sheet")
        if isinstance(key, int):
            return self.items[key]
        return next(s for s in self.items if s.name == key)

    def add(self, name: str, before=None, after=None) -> FakeSheet:
        self._tick("add sheet")
        sheet = FakeSheet(self._book, name)
        index = self.items.index(after) + 1 if after is not None else len(self.items)
        self.items.insert(index, sheet)
        return sheet


@dataclass
class FakeName:
    refers_to_range: FakeRange


class FakeNames(_Counted):
    def __init__(self, book):
        super().__init__(book)
        self.items: dict[str, FakeName] = {}

    def __getitem__(self, name: str) -> FakeName:
        self._tick("get name")
        return self.items[name]

    def add(self, name: str, refers_to: str) -> FakeName:
        self._tick("add name")
        sheet, ref = refers_to.lstrip("=").rsplit("!", 1)
        target = next(s for s in self._book.sheets.items if s.name == sheet.strip("'"))
        column = ref.split(":")[0].strip("$")
        first = _a1(f"{column}1")
        self.items[name] = FakeName(FakeRange(target, first, (1048576, first[1])))
        return self.items[name]


class FakeApi:
    def __init__(self):
        self.picked: list[str] | None = None

    def GetOpenFilename(self, *args):  # noqa: N802 - Excel's own name
        return self.picked or False


class FakeApp(_Counted):
    def __init__(self, book):
        super().__init__(book)
        object.__setattr__(self, "alerts", [])
        object.__setattr__(self, "status_history", [])
        object.__setattr__(self, "api", FakeApi())

    @property
    def status_bar(self):
        self._tick("get status_bar")
        return self.status_history[-1] if self.status_history else False

    @status_bar.setter
    def status_bar(self, value):
        self._tick("set status_bar")
        self.status_history.append(value)

    def alert(self, prompt: str, title: str | None = None, **_):
        self._tick("alert")
        self.alerts.append((title, prompt))


class FakeBook:
    """A workbook open in a fake Excel."""

    def __init__(self, fullname: str, sheets: dict[str, list[list[Any]]] | None = None):
        self.calls = 0
        self.cells_read = 0
        self.cells_written = 0
        self.read_by_sheet: dict[str, int] = {}  # cells read and written, per sheet
        self.columns_read: dict[str, set[int]] = {}  # 1-based columns whose cells below row 1 were read, per sheet
        self.written_by_sheet: dict[str, int] = {}
        self.log: list[str] = []
        self.fullname = fullname
        self.sheets = FakeSheets(self)
        self.names = FakeNames(self)
        self.app = FakeApp(self)
        for name, rows in (sheets or {}).items():
            sheet = FakeSheet(self, name)
            self.sheets.items.append(sheet)
            for r, row in enumerate(rows, start=1):
                for c, v in enumerate(row, start=1):
                    if v is not None:
                        sheet._put((r, c), v)
        self._selection = None
        self.calls = 0
        self.cells_read = self.cells_written = 0
        self.read_by_sheet, self.written_by_sheet = {}, {}
        self.columns_read = {}
        self.log.clear()

    @property
    def selection(self) -> "FakeRange | None":
        """The selected cell of the active sheet (xlwings' Book.selection), as a test put it with select()."""
        self.calls += 1
        self.log.append("get selection")
        return self._selection

    def select(self, sheet: str, ref: str) -> None:
        """Test helper (not counted): the person clicks cell ``ref`` of ``sheet``."""
        target = next(s for s in self.sheets.items if s.name == sheet)
        first = _a1(ref)
        self._selection = FakeRange(target, first, first)

    def add_name(self, name: str, sheet: str, ref: str) -> None:
        target = next(s for s in self.sheets.items if s.name == sheet)
        first = _a1(ref)
        self.names.items[name] = FakeName(FakeRange(target, first, first))

    def sheet(self, name: str) -> FakeSheet:
        """Test helper (not counted)."""
        return next(s for s in self.sheets.items if s.name == name)
