"""What a job may do with a workbook: the :class:`Book` protocol.

Both backends implement it fully: :class:`tkops.book.FileBook` (a workbook file, for the ``tkops`` command line)
and :class:`tkops.book.live.LiveBook` (the workbook open in Excel, for the buttons). A job written against
``Book`` runs the same on either, so testing a job on files tests what its button does.

Every sheet a job reads, Settings included, comes through :meth:`Book.read_rows` (jobs turn the rows into a typed
frame with :func:`tkops.merge.sheet_frame`, the Settings sheet with :meth:`tkops.settings.Settings.from_sheet_rows`); every
sheet it writes goes through one of the three writers below, then :meth:`Book.save`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from tkops.book.layout import SheetSpec


@runtime_checkable
class ReadBook(Protocol):
    """A workbook a step only reads (packing slips, evidence packs): :class:`Book` is one, and so is
    :class:`tkops.book.readonly.ReadOnlyBook` (a workbook with macros, or open in Excel)."""

    @property
    def path(self) -> Path:
        """Where the workbook is (its name goes into messages; output files go beside it by default)."""
        ...

    def read_rows(self, sheet: str) -> list[list[Any]] | None:
        """The sheet's rows as values, header row first; None when the workbook has no such sheet. What a job
        wrote earlier in the same run is read back."""
        ...


@runtime_checkable
class Book(ReadBook, Protocol):
    """A workbook as the jobs see it: read (:class:`ReadBook`), written, saved."""

    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet ``spec.name`` hold ``frame`` (columns: the spec's headers) as its Excel table, adding the
        sheet when missing; columns the team added and cells beside the table are kept."""
        ...

    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text (a summary, a legend) at row 1, column ``first_col`` (1-based) of ``sheet``,
        replacing the block written there before; ``fills`` maps (row, column) offsets in the block to colours."""
        ...

    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None) -> None:
        """Replace every cell of a report sheet tkops owns with ``rows`` from A1; ``bold_rows`` (0-based) are
        headings, ``widths`` maps 1-based columns to widths. Text stays text, numbers numbers."""
        ...

    def save(self) -> Any:
        """Keep what was written: a file is saved atomically (a :class:`tkops.book.SaveResult`); the live book
        leaves saving to the team (None)."""
        ...
