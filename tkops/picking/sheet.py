"""The PickList sheet: its layout, the frame written to it, and its print setup.

Print setup of the PickList sheet (what a picker needs on paper; both file writers apply the same):

- print area: the table only, from A1 to the last column and the last data row;
- the header row repeated at the top of every printed page (print titles ``$1:$1``);
- fit to width: one page wide, as many pages tall as needed (Excel's "Fit all columns on one page");
- landscape, with narrow margins, centred across the page, gridlines printed (rows are easy to follow with a
  finger), and "page / pages" in the footer;
- the paper size is left to the printer (A4 in most markets, Letter in the US).

Excel ignores manual page breaks when a sheet is fitted to width, so the sheet cannot start each wave on a new page;
the HTML pick list (:mod:`tkops.picking.html`) does.
"""

from __future__ import annotations

import pandas as pd

from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.picking.catalogue import flag_text
from tkops.schema import Kind

PICKLIST = SheetSpec("PickList", "PickList", (
    ColumnSpec("Wave", Kind.INT, 6), ColumnSpec("Zone", Kind.TEXT, 7), ColumnSpec("Bin", Kind.TEXT, 10),
    ColumnSpec("Seller SKU", Kind.TEXT, 18), ColumnSpec("Product Name", Kind.TEXT, 28),
    ColumnSpec("Variation", Kind.TEXT, 14), ColumnSpec("Quantity", Kind.INT, 9), ColumnSpec("Check", Kind.TEXT, 7),
    ColumnSpec("Orders", Kind.INT, 8), ColumnSpec("Flag", Kind.TEXT, 18), ColumnSpec("Order IDs", Kind.TEXT, 30),
), style="Table Style Light 1")
# Widths add up to about 150 characters: printed landscape and fitted to width, text stays near 9 pt. The Order IDs
# cell holds every ID (the full list shows in the cell); its printed width shows the first one or two.

#: Pick-list frame column -> PickList sheet header.
HEADERS = {"wave": "Wave", "zone": "Zone", "bin": "Bin", "seller_sku": "Seller SKU", "product_name": "Product Name",
           "variation": "Variation", "quantity": "Quantity", "orders": "Orders", "flags": "Flag",
           "order_ids": "Order IDs"}
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}  # inches, as both libraries take them
FOOTER = "&C&P / &N"


def sheet_frame(pick: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The :func:`tkops.picking.pick_list` frame as the PickList sheet holds it: its headers, flags in words in
    the team's language, an empty Check column for the picker's tick."""
    out = pick.rename(columns=HEADERS)
    out["Flag"] = pick["flags"].map(lambda f: flag_text(f, lang)).astype(object) if len(pick) else []
    out["Check"] = None
    return out.reindex(columns=PICKLIST.headers)


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
