"""How far a sheet of the team's workbook reaches, checked before calamine reads it.

calamine gives a sheet one slot for every position between A1 and its farthest cell holding a value, so a crafted
or damaged workbook with one value at XFD1048576 would make any command abort for want of memory
(docs/input-files.md#limits). The team's own sheets may legitimately be larger than what an input file may span (a
year of cases, an Orders sheet from before history), so the workbook's limit is Max Sheet Cells or
:data:`BOOK_CELLS`, whichever is more: room for real sheets, far below what aborts.

The fast scanner of the input guard (:mod:`tkops.cells.extent`) counts every cell, with a value or not; only when
it finds a sheet beyond the limit is the sheet read again, cell by cell, for the cells that hold a value (Excel
writes empty formatted cells down to row 1,048,576, and calamine gives them no slot).
"""

from __future__ import annotations

import io

from lxml import etree

from tkops.book.ooxml.cellxml import split_ref
from tkops.cells.extent import reference, xml_sheet_reach
from tkops.errors import DataError

#: The least a sheet of the team's workbook may span, in cells from A1 (a year of 200,000 cases on AfterSales spans
#: 11 million; calamine holds about 32 bytes a slot, so this is under 2 GB).
BOOK_CELLS = 50_000_000


def book_limit(max_sheet_cells: int | str) -> int:
    """How far a sheet of the team's workbook may reach: the Max Sheet Cells setting, or :data:`BOOK_CELLS`."""
    return max(int(max_sheet_cells), BOOK_CELLS)


def refuse_far_reach(file: str, sheet: str, xml: bytes, max_cells: int) -> None:
    """Raise a :class:`DataError` naming the farthest cell with a value when the worksheet part ``xml`` reaches
    beyond ``max_cells`` (rows x columns from A1)."""
    rows, columns = xml_sheet_reach(xml)
    if rows * columns <= max_cells:
        return
    rows, columns = valued_reach(xml) or (rows, columns)
    if rows * columns > max_cells:
        raise DataError("book.sheet_too_far", file=file, sheet=sheet, ref=reference(rows, columns),
                        cells=f"{rows * columns:,}", limit=f"{max_cells:,}")


def valued_reach(xml: bytes) -> tuple[int, int] | None:
    """The farthest (row, column) of a worksheet part's cells that hold a value (a ``<v>`` or inline string),
    placed as calamine places them: by the ``r`` reference, else the next column of the row (the next row for a
    row without one); None when the part is not well-formed XML (the fast scanner's reach then stands)."""
    try:
        return _valued_reach(xml)
    except etree.XMLSyntaxError:
        return None


def _valued_reach(xml: bytes) -> tuple[int, int]:
    rows = columns = row = column = 0
    parser = etree.iterparse(io.BytesIO(xml), events=("start", "end"), huge_tree=True, resolve_entities=False,
                             no_network=True)
    for event, element in parser:
        name = etree.QName(element).localname
        if name == "row" and event == "start":
            ref = element.get("r")
            row = int(ref) if ref and ref.isdigit() else row + 1
            column = 0
        elif name == "c" and event == "end":
            at = _place(element.get("r"))
            column, cell_row = (at[1], at[0]) if at else (column + 1, max(row, 1))
            if any(etree.QName(child).localname in ("v", "is") for child in element):
                rows, columns = max(rows, cell_row), max(columns, column)
            element.clear()
    return rows, columns


def _place(ref: str | None) -> tuple[int, int] | None:
    """(row, column) of a cell reference; None without one (or one that is not a reference)."""
    try:
        return split_ref(ref) if ref else None
    except ValueError:
        return None
