"""The Pack sheet in Excel (xlwings): read the scan cell, show the verdict, append to PackLog and tick the order's
lines on Orders, in a few large calls per scan (about ten, whatever the number of open lines).

The scan cell (B1) is kept in the Text format so that an 18-digit Order ID or a UPC with a leading zero arrives as
typed, never as 5.77E+17 or without its zero. After each scan it is emptied and selected again, so the next scan
lands there whether the scanner ends with Enter (Excel moves down) or Tab (Excel moves right).
"""

from __future__ import annotations

from typing import Any

from tkops.book.layout import ORDERS, PACK, PACKLOG

TEXT = "@"
#: The scan cell and the packer's name, (row, column), 1-based (as tkops.xlsm lays the Pack sheet out).
SCAN_CELL, PACKER_CELL = (1, 2), (1, 5)
#: Sheet row of the view's first row (row 1 is the packer's), and the columns the sheet uses (A to the packer cell).
FIRST_ROW, WIDTH = 2, PACKER_CELL[1]


class PackScreen:
    """The Pack and PackLog sheets of an open workbook, and the Orders cells the pack station writes."""

    def __init__(self, book, orders_header: list, log_rows: int) -> None:
        self.book = book
        names = [s.name for s in book.sheets]
        for name in (PACK.name, PACKLOG.name):  # a workbook made before the pack station: its sheets are added
            if name not in names:
                book.sheets.add(name, after=book.sheets[names[-1]])
                names.append(name)
                if name == PACKLOG.name:
                    book.sheets[name].range((1, 1), (1, len(PACKLOG.headers))).value = [PACKLOG.headers]
                    log_rows = 1
        self.sheet = book.sheets[PACK.name]
        self.log = book.sheets[PACKLOG.name]
        self.orders_header = [str(h) if h is not None else "" for h in orders_header]
        self.next_log_row = max(log_rows, 1) + 1
        self._height = 0

    def setup(self, scan_label: str, packer_label: str) -> None:
        """Label the scan row, make the scan cell Text, select it (the Pack station button)."""
        self.sheet.range((1, 1)).value = scan_label
        self.sheet.range((1, PACKER_CELL[1] - 1)).value = packer_label
        self.sheet.activate()
        self._ready()

    def read_scan(self) -> tuple[Any, Any]:
        """The scan cell's value and the packer's name (one call)."""
        row = self.sheet.range((1, 1), (1, WIDTH)).value
        return row[SCAN_CELL[1] - 1], row[PACKER_CELL[1] - 1]

    def show(self, view) -> None:
        """Replace the view under the scan row with ``view`` (a :class:`tkops.pack.screen.ScreenView`: ``rows`` of at
        most :data:`WIDTH` cells, ``fills`` row -> colour): one call to clear, two to write, one per coloured row;
        then the scan cell emptied, in Text format and selected."""
        height = max(self._height, len(view.rows), 1)
        self.sheet.range((FIRST_ROW, 1), (FIRST_ROW + height - 1, WIDTH)).clear()
        if view.rows:
            area = self.sheet.range((FIRST_ROW, 1), (FIRST_ROW + len(view.rows) - 1, WIDTH))
            area.number_format = TEXT  # Order IDs and SKUs shown as typed
            area.value = view.rows
        for r, colour in view.fills.items():
            self.sheet.range((FIRST_ROW + r, 1), (FIRST_ROW + r, WIDTH)).color = colour
        self._height = len(view.rows)
        self._ready()

    def append_log(self, entry: dict) -> None:
        """One PackLog row below the last (Text format but for the time), and the table grown to hold it."""
        row = self.next_log_row
        width = len(PACKLOG.headers)
        self.log.range((row, 2), (row, width)).number_format = TEXT
        self.log.range((row, 1), (row, width)).value = [[entry.get(h) for h in PACKLOG.headers]]
        tables = self.log.tables
        if PACKLOG.table in [t.name for t in tables]:
            tables[PACKLOG.table].resize(self.log.range((1, 1), (row, width)))
        self.next_log_row += 1

    def mark_order(self, sheet_rows: list[int], values: dict) -> None:
        """Write ``values`` (header -> value) on the given Orders rows (1-based): one call per column and run of
        adjacent rows; a column the sheet lacks is added after its last one."""
        orders = self.book.sheets[ORDERS.name]
        for header in values:
            if header not in self.orders_header:
                self.orders_header.append(header)
                orders.range((1, len(self.orders_header))).value = header
        for header, value in values.items():
            col = self.orders_header.index(header) + 1
            for first, last in _runs(sorted(sheet_rows)):
                orders.range((first, col), (last, col)).value = [[value]] * (last - first + 1)

    def _ready(self) -> None:
        cell = self.sheet.range(SCAN_CELL)
        cell.number_format = TEXT
        cell.value = None
        cell.select()


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs
