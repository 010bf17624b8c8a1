"""Editing an existing workbook with openpyxl: only cells whose value changes are written.

Cells the run does not change keep their formulas, formats and comments; refusing workbooks with parts openpyxl
would drop is the caller's job (:func:`tkops.book.safety.refuse_if_unsafe`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from tkops.book.cells import NUMBER_FORMATS, column_values, same
from tkops.book.layout import STANDARD_SHEETS, SheetSpec
from tkops.book.printing import openpyxl_print_setup
from tkops.book.rows import freeze_column, outline_runs, row_heights
from tkops.errors import BadWorkbook, DataError
from tkops.schema import Kind


WRAPPED = Alignment(wrap_text=True, vertical="top")


class EditedWorkbook:
    """An existing workbook loaded with openpyxl (formulas kept as formulas)."""

    def __init__(self, path: Path) -> None:
        self.name = Path(path).name
        try:
            self.wb = openpyxl.load_workbook(path)
        except (InvalidFileException, KeyError, OSError, ValueError) as err:
            raise BadWorkbook(file=path.name, detail=f"cannot be opened ({type(err).__name__}: {err})") from None

    def read_rows(self, name: str) -> list[list[Any]] | None:
        """Every row of a sheet as values (formulas as their text), or None when there is no such sheet."""
        if name not in self.wb.sheetnames:
            return None
        return [list(row) for row in self.wb[name].iter_rows(values_only=True)]

    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet's table hold ``frame`` (row i of the frame is sheet row i + 2)."""
        self._refuse_table_elsewhere(spec)
        ws = self.wb[spec.name] if spec.name in self.wb.sheetnames else self._new_sheet(spec)
        old_last_row = _table_last_row(ws, spec.table)
        existing = [c.value for c in ws[1]] if ws.max_row >= 1 else []
        while existing and existing[-1] in (None, ""):
            existing.pop()
        positions: dict[str, int] = {str(h): i + 1 for i, h in enumerate(existing) if h not in (None, "")}
        next_col = len(existing) + 1
        added = [col.header for col in spec.columns if col.header not in positions]
        for col in spec.columns:
            if col.header not in positions:
                cell = ws.cell(row=1, column=next_col)
                cell.value = col.header
                cell.data_type = "s"
                _header_look(cell)
                column_dimension(ws, next_col).width = col.width
                positions[col.header] = next_col
                next_col += 1
        for col in spec.columns:
            c = positions[col.header]
            values = column_values(frame[col.header], col.kind) if col.header in frame.columns else []
            fmt = NUMBER_FORMATS[col.kind]
            for r, value in enumerate(values, start=2):
                cell = ws.cell(row=r, column=c)
                if same(cell.value, value):
                    continue
                _put(cell, value, col.kind, fmt)
        for r in range(len(frame) + 2, old_last_row + 1):  # rows the table no longer has (problems now gone)
            for col in spec.columns:
                ws.cell(row=r, column=positions[col.header]).value = None
        last_col = max(positions[col.header] for col in spec.columns)  # cells beyond (a summary) are not the table's
        last_row = max(len(frame) + 1, 2)
        self._table(ws, spec, last_col, last_row)
        self._lists(ws, spec, positions)
        for header in spec.hidden:
            if header in positions:
                column_dimension(ws, positions[header]).hidden = True
        if spec.highlights is not None and spec.highlights.flags_header in positions:
            self._highlights(ws, spec, positions[spec.highlights.flags_header])
        if spec.printed:
            openpyxl_print_setup(ws, last_row - 1, last_col - 1)
        self._readable(ws, spec, frame, positions, added)

    def _readable(self, ws, spec: SheetSpec, frame: pd.DataFrame, positions: dict[str, int],
                  added: list[str]) -> None:
        """What SheetSpec asks for reading: panes frozen on the header row and the ``freeze`` column, wrapped
        multi-line columns with rows as tall as their text, and the outline: added collapsed the first time and
        for columns this run added; a group the team opened stays open."""
        headers = [None] * max(positions.values(), default=0)
        for header, c in positions.items():
            headers[c - 1] = header
        frozen = freeze_column(spec, headers)
        ws.freeze_panes = f"{get_column_letter(frozen + 1)}2"
        wrapped = [h for h in spec.wrap if h in positions and h in frame.columns]
        if wrapped:
            widths = {h: column_dimension(ws, positions[h]).width or 13 for h in wrapped}
            for h in wrapped:
                c = positions[h]
                for r in range(2, len(frame) + 2):
                    cell = ws.cell(row=r, column=c)
                    if not cell.alignment.wrap_text:
                        cell.alignment = WRAPPED
            for r, height in enumerate(row_heights(spec, frame, widths), start=2):
                ws.row_dimensions[r].height = height
        runs = outline_runs(spec, headers)
        if any(d.outlineLevel for d in ws.column_dimensions.values()):
            runs = [(first, last) for first, last in runs if all(headers[i] in added for i in range(first, last + 1))]
        if runs:
            for first, last in runs:  # column by column: openpyxl's group() would merge their widths
                for c in range(first + 1, last + 2):
                    dimension = column_dimension(ws, c)
                    dimension.outlineLevel, dimension.hidden = 1, True
                column_dimension(ws, last + 2).collapsed = True

    def _refuse_table_elsewhere(self, spec: SheetSpec) -> None:
        """Table names are the workbook's: a sheet renamed by the team still holds its table (Orders on a sheet now
        called "Bestellungen"). Say so, instead of failing to add a second table of that name."""
        for ws in self.wb.worksheets:
            if ws.title != spec.name and spec.table in ws.tables:
                raise DataError("table_elsewhere", file=self.name, table=spec.table, sheet=ws.title)

    def _highlights(self, ws, spec: SheetSpec, flags_col: int) -> None:
        marks = spec.highlights
        letter = get_column_letter(flags_col)
        self.wb.defined_names[marks.name] = DefinedName(marks.name, attr_text=f"'{ws.title}'!${letter}:${letter}")
        formulas = {marks.formula(code) for code, _, _ in marks.colours}
        present = {f for cf in ws.conditional_formatting for rule in cf.rules for f in (rule.formula or [])}
        if formulas <= present:
            return
        for code, _severity, colour in marks.colours:
            fill = PatternFill("solid", start_color=colour.lstrip("#"), end_color=colour.lstrip("#"))
            rule = FormulaRule(formula=[marks.formula(code)], fill=fill, stopIfTrue=True)
            ws.conditional_formatting.add(marks.cells, rule)

    def _new_sheet(self, spec: SheetSpec):
        order = [s.name for s in STANDARD_SHEETS]
        index = len(self.wb.sheetnames)
        if spec.name in order:
            later = [n for n in order[order.index(spec.name) + 1:] if n in self.wb.sheetnames]
            if later:
                index = self.wb.sheetnames.index(later[0])
        ws = self.wb.create_sheet(spec.name, index)
        ws.freeze_panes = "A2"
        for i, col in enumerate(spec.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        return ws

    def _table(self, ws, spec: SheetSpec, last_col: int, last_row: int) -> None:
        ref = f"A1:{get_column_letter(last_col)}{last_row}"
        headers = [ws.cell(row=1, column=c).value for c in range(1, last_col + 1)]
        for c, h in enumerate(headers, start=1):
            if h in (None, ""):
                cell = ws.cell(row=1, column=c)
                cell.value = f"Column{c}"
                cell.data_type = "s"
        current = ws.tables.get(spec.table)
        if current is not None and current.ref == ref:
            return
        style = current.tableStyleInfo if current is not None else TableStyleInfo(
            name=spec.style.replace(" ", ""), showRowStripes=True)
        if current is not None:
            del ws.tables[spec.table]
        table = Table(displayName=spec.table, ref=ref, tableStyleInfo=style)
        ws.add_table(table)

    def _lists(self, ws, spec: SheetSpec, positions: dict[str, int]) -> None:
        for header, choices in spec.lists.items():
            letter = get_column_letter(positions[header])
            target = f"{letter}2:{letter}1048576"
            if any(str(dv.sqref) == target for dv in ws.data_validations.dataValidation):
                continue
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            dv.add(target)
            ws.add_data_validation(dv)

    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text (a summary, a legend) at row 1, column ``first_col`` (1-based), replacing the
        block written there before; ``fills`` maps (row, col) offsets in the block to colours."""
        ws = self.wb[sheet]
        width = max((len(r) for r in rows), default=1)
        for r in range(1, ws.max_row + 1):
            for c in range(first_col, first_col + width):
                cell = ws.cell(row=r, column=c)
                if cell.value is not None or cell.fill.fill_type:
                    cell.value = None
                    cell.fill = PatternFill()
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=first_col):
                if value is not None:
                    _put(ws.cell(row=r, column=c), value, Kind.TEXT, "General")
        for (r, c), colour in (fills or {}).items():
            ws.cell(row=r + 1, column=first_col + c).fill = PatternFill("solid", start_color=colour.lstrip("#"),
                                                                        end_color=colour.lstrip("#"))
        column_dimension(ws, first_col).width = 60

    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None, fills: dict | None = None) -> None:
        """Replace every cell of the sheet (a report tkops owns) with ``rows`` from A1: text stays text, numbers
        numbers, datetimes dates; ``bold_rows`` (0-based) are headings; ``widths`` maps 1-based columns to widths;
        ``fills`` maps 0-based (row, column) to a colour ("#RRGGBB")."""
        ws = self.wb[spec.name] if spec.name in self.wb.sheetnames else self._new_sheet(spec)
        if ws.max_row:
            ws.delete_rows(1, ws.max_row)
        bold = Font(bold=True)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                kind = Kind.NUMBER if isinstance(value, (int, float)) and not isinstance(value, bool) else Kind.TEXT
                _put(cell, value, kind, "General" if isinstance(value, int) else "#,##0.00")
                if r - 1 in bold_rows:
                    cell.font = bold
        for col, width in (widths or {}).items():
            column_dimension(ws, col).width = width
        for (r, c), colour in (fills or {}).items():
            rgb = colour.lstrip("#").upper()
            ws.cell(row=r + 1, column=c + 1).fill = PatternFill("solid", start_color=rgb, end_color=rgb)

    def save(self, path: Path) -> None:
        self.wb.save(path)


def column_dimension(ws, column: int):
    """The dimension (width, hidden, outline) of one column (1-based). openpyxl reads adjacent columns that look
    alike as one dimension spanning them; one of them is split out first, so that no two <col> entries overlap (Excel
    calls a file with overlapping ones damaged)."""
    from copy import copy

    for key, dim in list(ws.column_dimensions.items()):
        low, high = dim.min or 0, dim.max or 0
        if low <= column <= high and low != high:
            del ws.column_dimensions[key]
            for c in range(low, high + 1):
                part = copy(dim)
                part.index, part.min, part.max = get_column_letter(c), c, c
                ws.column_dimensions[get_column_letter(c)] = part
            break
    dimension = ws.column_dimensions[get_column_letter(column)]
    dimension.min = dimension.max = column
    return dimension


def _table_last_row(ws, name: str) -> int:
    table = ws.tables.get(name)
    if table is None:
        return 0
    return int("".join(ch for ch in table.ref.split(":")[-1] if ch.isdigit()) or 0)


def _header_look(cell) -> None:
    from openpyxl.styles import Border, Font, PatternFill, Side

    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor="DDEBF7")
    cell.border = Border(bottom=Side(style="thin"))


def _put(cell, value: Any, kind: Kind, fmt: str) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=..." a formula: buyer text is never one
        if kind is Kind.ID:
            cell.number_format = fmt
    elif isinstance(value, (dt.datetime, dt.date)):
        cell.number_format = NUMBER_FORMATS[Kind.DATETIME]
    elif value is not None and kind in (Kind.MONEY, Kind.INT, Kind.NUMBER):
        cell.number_format = fmt
