"""Writing a whole new workbook with XlsxWriter in constant-memory mode (the fast path for large imports)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_range

from tkops.book.cells import NUMBER_FORMATS, column_values
from tkops.book.layout import SheetSpec
from tkops.book.printing import xlsxwriter_print_setup
from tkops.book.rows import freeze_column, outline_runs, row_heights
from tkops.schema import Kind

EXCEL_MAX_ROW = 1_048_575
PINNED_TIME = dt.datetime(2026, 1, 1)


def write_workbook(path: Path, sheets: list[tuple[SheetSpec, pd.DataFrame]], created: dt.datetime | None = None
                   ) -> None:
    """Write ``sheets`` (spec, frame with the spec's headers as columns) to a new workbook at ``path``.

    Every sheet becomes an Excel table with a frozen header row, column widths, typed cells (text is always
    written as text, never as a formula or a link) and its drop-down lists.
    """
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    workbook.set_properties({"created": created or PINNED_TIME, "title": "tkops"})
    formats = cell_formats(workbook)
    for spec, frame in sheets:
        write_sheet(workbook, spec, frame, formats)
    workbook.close()


#: XlsxWriter options for every tkops workbook: rows streamed, and strings never turned into formulas or links.
WORKBOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False, "nan_inf_to_errors": True}


def cell_formats(workbook) -> dict:
    """The number formats of each column kind, and the header format, registered with ``workbook``."""
    formats = {kind: workbook.add_format({"num_format": fmt}) for kind, fmt in NUMBER_FORMATS.items()}
    formats["header"] = workbook.add_format(HEADER_STYLE)
    formats["wrap"] = workbook.add_format(WRAP_STYLE)
    return formats


#: Multi-line text columns (SheetSpec.wrap): wrapped, read from the top of the cell.
WRAP_STYLE = {"text_wrap": True, "valign": "top"}


# Header cells carry their own look too: not every spreadsheet program draws Excel's table styles.
HEADER_STYLE = {"bold": True, "bg_color": "#DDEBF7", "bottom": 1, "text_wrap": False, "valign": "vcenter"}


def write_sheet(workbook, spec: SheetSpec, frame: pd.DataFrame, formats: dict):
    """Add the sheet ``spec`` holding ``frame`` as an Excel table to an open XlsxWriter workbook; returns it."""
    ws = workbook.add_worksheet(spec.name)
    if spec.state == "hidden":
        ws.hide()
    columns = spec.columns
    n = len(frame)
    if n > EXCEL_MAX_ROW:
        raise ValueError(f"{spec.name}: {n} rows do not fit on a sheet")
    options = _column_options(spec)
    for i, col in enumerate(columns):
        fmt = formats["wrap"] if col.header in spec.wrap else formats[col.kind] if col.kind is not Kind.TEXT else None
        ws.set_column(i, i, col.width, fmt, options.get(i))
    if not columns:
        return ws
    if spec.highlights is not None and spec.highlights.flags_header in spec.headers:
        _add_highlights(workbook, ws, spec)
    _add_table(ws, spec, max(n, 1), formats["header"])
    ws.freeze_panes(1, freeze_column(spec, spec.headers))
    for header, choices in spec.lists.items():
        if header in spec.headers:
            c = spec.headers.index(header)
            ws.data_validation(1, c, EXCEL_MAX_ROW, c, {"validate": "list", "source": list(choices),
                                                        "ignore_blank": True})
    values = [column_values(frame[c.header], c.kind, serial_dates=True) if c.header in frame.columns else [None] * n
              for c in columns]
    # Cells take their number format from their column (set above), so a row is written in one call; strings
    # are never formulas or links (WORKBOOK_OPTIONS), and dates are written as serial numbers.
    write_row = ws.write_row
    heights = row_heights(spec, frame)
    for r, (row, height) in enumerate(zip(zip(*values), heights), start=1):
        if height:
            ws.set_row(r, height)  # constant-memory mode: before the row's cells
        write_row(r, 0, row)
    if spec.printed:
        xlsxwriter_print_setup(ws, max(n, 1), len(columns) - 1)
    return ws


def _column_options(spec: SheetSpec) -> dict[int, dict]:
    """XlsxWriter column options: hidden columns, and the outline's groups, collapsed (the column after a group
    carries the collapsed mark, as Excel writes it)."""
    options: dict[int, dict] = {i: {"hidden": True} for i, h in enumerate(spec.headers) if h in spec.hidden}
    for first, last in outline_runs(spec, spec.headers):
        for i in range(first, last + 1):
            options[i] = {**options.get(i, {}), "level": 1, "hidden": True}
        options[last + 1] = {**options.get(last + 1, {}), "collapsed": True}
    return options


def _add_highlights(workbook, ws, spec: SheetSpec) -> None:
    marks = spec.highlights
    letter = xl_col_to_name(spec.headers.index(marks.flags_header))
    workbook.define_name(marks.name, f"='{spec.name}'!${letter}:${letter}")
    for code, _severity, colour in marks.colours:
        workbook_format = workbook.add_format({"bg_color": colour})
        ws.conditional_format(marks.cells, {"type": "formula", "criteria": "=" + marks.formula(code),
                                            "format": workbook_format, "stop_if_true": True})


def _add_table(ws, spec: SheetSpec, last_row: int, header_format) -> None:
    # XlsxWriter refuses add_table() in constant-memory mode only because add_table() writes the header cells
    # into its in-memory row store; and it remembers every cell of a table's range to catch overlaps (millions of
    # entries for a large Orders sheet). So: register a two-row table with that mode off, widen the table's range
    # afterwards, drop the stored header cells and write the headers ourselves as the first streamed row. The XML
    # written is exactly that of a table of the full range.
    last_col = len(spec.columns) - 1
    ws.constant_memory = False
    ws.add_table(0, 0, 1, last_col, {
        "name": spec.table, "style": spec.style,
        "columns": [{"header": c.header} for c in spec.columns],
    })
    table = ws.tables[-1]
    full = xl_range(0, 0, last_row, last_col)
    table["range"] = table["a_range"] = full
    if table.get("autofilter"):
        table["autofilter"] = full
    ws.table.clear()
    ws.constant_memory = True
    for c, col in enumerate(spec.columns):
        ws.write_string(0, c, col.header, header_format)
