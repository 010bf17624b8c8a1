"""The only code that touches a workbook file. :class:`FileBook` is the file backend; the live backend (xlwings)
offers the same small interface: ``read_rows(sheet)``, ``write_table(spec, frame)``, ``save()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tkops.book import safety
from tkops.book.layout import (
    ORDERS,
    STANDARD_SHEETS,
    SheetSpec,
    orders_columns,
    starting_frame,
)
from tkops.book.xlsx_edit import EditedWorkbook
from tkops.book.xlsx_new import write_workbook
from tkops.errors import BadWorkbook
from tkops.settings import DEFAULT, Settings

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class SaveResult:
    """What a save did: whether the file was created, and where the previous version was kept."""

    path: Path
    created: bool
    backup: Path | None


class FileBook:
    """A workbook file: an existing one is edited in place (cells that change only), a new one written whole.

    Opening checks that the workbook is not open elsewhere and holds nothing the writer would drop; saving writes
    a temporary file, keeps the previous version as a backup and then replaces the workbook.
    """

    def __init__(self, path: str | Path, settings: Settings = DEFAULT) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise BadWorkbook(file=self.path.name, detail="a workbook must be an .xlsx file")
        self.exists = self.path.exists()
        self._pending: dict[str, tuple[SheetSpec, pd.DataFrame]] = {}
        self._edit: EditedWorkbook | None = None
        self.settings = settings
        if self.exists:
            safety.check_not_locked(self.path)
            safety.refuse_if_unsafe(self.path)
            self._edit = EditedWorkbook(self.path)

    def read_rows(self, sheet: str) -> list[list[Any]] | None:
        """A sheet's rows (header first) as values, or None when the sheet does not exist."""
        if self._edit is not None:
            return self._edit.read_rows(sheet)
        if sheet in self._pending:
            spec, frame = self._pending[sheet]
            return [spec.headers] + frame.astype(object).where(frame.notna(), None).values.tolist()
        return None

    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet ``spec.name`` hold ``frame`` as its table (columns = the spec's headers)."""
        if self._edit is not None:
            self._edit.write_table(spec, frame)
        else:
            self._pending[spec.name] = (spec, frame)

    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text beside a table (see :meth:`EditedWorkbook.write_block`)."""
        if self._edit is None:
            raise NotImplementedError("blocks are written into existing workbooks only")
        self._edit.write_block(sheet, first_col, rows, fills)

    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None, fills: dict | None = None) -> None:
        """Replace a report sheet's cells with ``rows`` (see :meth:`EditedWorkbook.write_grid`); ``fills`` maps
        0-based (row, column) to a colour such as ``#C6EFCE``."""
        if self._edit is None:
            raise NotImplementedError("report sheets are written into existing workbooks only")
        self._edit.write_grid(spec, rows, bold_rows, widths, fills)

    def save(self) -> SaveResult:
        """Write the workbook atomically; the previous version goes to the backups folder."""
        safety.check_not_locked(self.path)
        with safety.atomic_target(self.path) as tmp:
            if self._edit is not None:
                self._edit.save(tmp)
            else:
                write_workbook(tmp, self._new_sheets())
            kept = safety.backup(self.path, self.settings.backup_count()) if self.exists else None
        created = not self.exists
        self.exists = True
        return SaveResult(self.path, created, kept)

    def _new_sheets(self) -> list[tuple[SheetSpec, pd.DataFrame]]:
        sheets = []
        for standard in STANDARD_SHEETS:
            if standard.name in self._pending:
                sheets.append(self._pending[standard.name])
            else:
                spec = ORDERS.with_columns(orders_columns([], set())) if standard is ORDERS else standard
                sheets.append((spec, starting_frame(spec, self.settings.language)))
        extra = [v for k, v in self._pending.items() if k not in {s.name for s in STANDARD_SHEETS}]
        return sheets + extra
