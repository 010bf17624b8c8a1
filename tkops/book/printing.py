"""Print setup of the sheets a team prints (``SheetSpec.printed``: the PickList), for both file writers.

What a picker needs on paper:

- print area: the table only, from A1 to the last column and the last data row;
- the header row repeated at the top of every printed page (print titles ``$1:$1``);
- fit to width: one page wide, as many pages tall as needed (Excel's "Fit all columns on one page");
- landscape, with narrow margins, centred across the page, gridlines printed (rows are easy to follow with a
  finger), and "page / pages" in the footer;
- the paper size is left to the printer (A4 in most markets, Letter in the US).
"""

from __future__ import annotations

MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}  # inches, as both libraries take them
FOOTER = "&C&P / &N"


def print_setup(worksheet, last_row: int | None = None, last_col: int | None = None) -> None:
    """Set up ``worksheet`` (XlsxWriter or openpyxl) for printing as described in this module.

    ``last_row`` / ``last_col``: 0-based index of the last row (the header is row 0) and column to print; by default
    the last ones written so far.
    """
    if hasattr(worksheet, "repeat_rows"):
        xlsxwriter_print_setup(worksheet, last_row, last_col)
    else:
        openpyxl_print_setup(worksheet, last_row, last_col)


def xlsxwriter_print_setup(worksheet, last_row: int | None = None, last_col: int | None = None) -> None:
    """Print setup of an XlsxWriter worksheet (also in constant-memory mode); call before the workbook closes."""
    rows = last_row if last_row is not None else worksheet.dim_rowmax
    cols = last_col if last_col is not None else worksheet.dim_colmax
    rows, cols = max(rows or 0, 1), max(cols or 0, 0)
    worksheet.print_area(0, 0, rows, cols)
    worksheet.repeat_rows(0)
    worksheet.fit_to_pages(1, 0)
    worksheet.set_landscape()
    worksheet.set_margins(**MARGINS)
    worksheet.center_horizontally()
    worksheet.hide_gridlines(0)  # 0: gridlines shown on screen and printed
    worksheet.set_footer(FOOTER)


def openpyxl_print_setup(worksheet, last_row: int | None = None, last_col: int | None = None) -> None:
    """Print setup of an openpyxl worksheet (the file backend's editing path)."""
    from openpyxl.utils import get_column_letter

    rows = (last_row + 1) if last_row is not None else worksheet.max_row
    cols = (last_col + 1) if last_col is not None else worksheet.max_column
    worksheet.print_area = f"A1:{get_column_letter(max(cols, 1))}{max(rows, 2)}"
    worksheet.print_title_rows = "1:1"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.page_setup.orientation = "landscape"
    for side, inches in MARGINS.items():
        setattr(worksheet.page_margins, side, inches)
    worksheet.print_options.horizontalCentered = True
    worksheet.print_options.gridLines = True
    worksheet.oddFooter.center.text = "&P / &N"
