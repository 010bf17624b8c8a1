"""The only code that touches a workbook file. :class:`FileBook` is the file backend; the live backend (xlwings,
:mod:`tkops.book.live`) implements the same :class:`~tkops.book.protocol.Book` protocol; a step that needs a few
columns of a large sheet asks :func:`read_columns`.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from tkops.book import safety
from tkops.book.layout import (
    ORDERS,
    STANDARD_SHEETS,
    DefaultRows,
    SheetSpec,
    orders_columns,
    starting_frame,
)
from tkops.book.ooxml import OoxmlWorkbook
from tkops.book.ooxml.carry import refuse_what_cannot_be_carried
from tkops.book.ooxml.reach import book_limit
from tkops.book.session import BookSession
from tkops.book.xlsx_new import write_workbook
from tkops.errors import BadWorkbook
from tkops.settings import DEFAULT, Settings

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class SaveResult:
    """What a save did: whether the file was created, and where the previous version was kept (None: no backup,
    the book was new or the Backups setting is 0)."""

    path: Path
    created: bool
    backup: Path | None


class FileBook:
    """A workbook file: an existing one is edited in place (the parts and rows that change only), a new one written
    whole.

    Opening checks that the workbook is not open elsewhere and holds nothing the writer cannot carry; saving goes
    through the book's :class:`~tkops.book.session.BookSession` (``session``; without one, a session that locks
    for the save only): a unique temporary file, the check that the file on disk is still the one read, a backup
    of the previous version, then the replace.
    """

    def __init__(self, path: str | Path, settings: Settings = DEFAULT, session: BookSession | None = None,
                 defaults: DefaultRows | None = None) -> None:
        self.path = Path(path)
        #: where a new workbook's default rows come from (the jobs': tkops.jobs.new_book.default_rows); None: a new
        #: workbook's sheets start with their headers only
        self.defaults = defaults
        if self.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise BadWorkbook(file=self.path.name, detail="a workbook must be an .xlsx file")
        self.session = session if session is not None else BookSession(self.path)
        self.session.mark_read()
        self.exists = self.session.fingerprint is not None
        self._pending: dict[str, tuple[SheetSpec, pd.DataFrame]] = {}
        self._edit: OoxmlWorkbook | None = None
        self.settings = settings
        self._scratch: Path | None = None  # a new workbook made editable before its first save (see _editor)
        if self.exists:
            safety.check_not_locked(self.path)
            # The package-level editor keeps every part it does not change byte for byte, and refuses by name only
            # what it cannot carry (an encrypted or signed package, Strict Open XML, .xlsb, a part it cannot read).
            self._edit = self._open(self.path)

    @staticmethod
    def refuse_early(path: str | Path) -> None:
        """The refusals of opening (not an .xlsx, open in Excel, a package the writer cannot carry), made before a
        command takes the book's lock, so that a refused book's folder is left exactly as it was."""
        path = Path(path)
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise BadWorkbook(file=path.name, detail="a workbook must be an .xlsx file")
        if path.exists():
            safety.check_not_locked(path)
            refuse_what_cannot_be_carried(path)

    def read_rows(self, sheet: str) -> list[list[Any]] | None:
        """A sheet's rows (header first) as values, or None when the sheet does not exist."""
        if self._edit is not None:
            return self._edit.read_rows(sheet)
        if sheet in self._pending:
            spec, frame = self._pending[sheet]
            return [spec.headers] + frame.astype(object).where(frame.notna(), None).values.tolist()
        return None

    def read_columns_only(self, sheet: str, headers: Sequence[str]) -> list[list[Any]] | None:
        """For a step that only reads: the sheet's rows holding the columns named in ``headers`` (see
        :meth:`OoxmlWorkbook.read_columns_only`); None when the sheet does not exist."""
        if self._edit is not None:
            return self._edit.read_columns_only(sheet, headers)
        return self.read_rows(sheet)

    def read_columns_grid(self, sheet: str, headers: Sequence[str], arrow: bool = False):
        """:meth:`read_columns_only` as one two-dimensional object array, or with ``arrow`` as Arrow arrays where
        fastexcel read them (see :meth:`OoxmlWorkbook.read_columns_grid`); the rows of a book not yet saved as
        they are."""
        if self._edit is not None:
            return self._edit.read_columns_grid(sheet, headers, arrow)
        return self.read_rows(sheet)

    def read_columns_ahead(self, sheet: str, headers: Sequence[str]) -> bool:
        """Start, in the background, what :meth:`read_columns_only` will give for ``sheet`` and ``headers`` (see
        :meth:`OoxmlWorkbook.read_columns_ahead`); False when nothing was started."""
        return self._edit is not None and self._edit.read_columns_ahead(sheet, headers)

    def write_table(self, spec: SheetSpec, frame: pd.DataFrame) -> None:
        """Make the sheet ``spec.name`` hold ``frame`` as its table (columns = the spec's headers)."""
        if self._edit is not None:
            self._edit.write_table(spec, frame)
        else:
            self._pending[spec.name] = (spec, frame)

    def write_block(self, sheet: str, first_col: int, rows: list[list[Any]], fills: dict | None = None) -> None:
        """Put a small block of text beside a table (see :meth:`OoxmlWorkbook.write_block`)."""
        self._editor().write_block(sheet, first_col, rows, fills)

    def write_grid(self, spec: SheetSpec, rows: list[list[Any]], bold_rows: frozenset[int] = frozenset(),
                   widths: dict[int, float] | None = None, fills: dict | None = None) -> None:
        """Replace a report sheet's cells with ``rows`` (see :meth:`OoxmlWorkbook.write_grid`); ``fills`` maps
        0-based (row, column) to a colour such as ``#C6EFCE``."""
        self._editor().write_grid(spec, rows, bold_rows, widths, fills)

    def _open(self, path: Path) -> OoxmlWorkbook:
        """The package editor on ``path``, its sheets held to the workbook's reach limit (Max Sheet Cells)."""
        return OoxmlWorkbook(path, book_limit(self.settings.max_sheet_cells))

    def _editor(self) -> OoxmlWorkbook:
        """The package editor; a new workbook gets one by being written whole (its sheets as they are now) to a
        private scratch file first, which the editor then edits. The book's own path is untouched until save."""
        if self._edit is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="tkops-new-book-"))
            weakref.finalize(self, shutil.rmtree, self._scratch, True)  # a run that fails before saving
            draft = self._scratch / f"new{self.path.suffix.lower()}"
            write_workbook(draft, self._new_sheets())
            self._edit = self._open(draft)
            self._pending.clear()
        return self._edit

    def save(self) -> SaveResult:
        """Write the workbook through its session (atomically, checked, the previous version backed up)."""
        def write(tmp: Path) -> None:
            if self._edit is not None:
                self._edit.save(tmp)
            else:
                write_workbook(tmp, self._new_sheets())

        result = self.session.commit(write, self.settings.backup_count(), self.settings.backup_day_count())
        self._drop_scratch()
        self.exists = True
        return result

    def _drop_scratch(self) -> None:
        if self._scratch is not None:
            # the editor reads parts from the draft lazily; after the save the book is reopened from its own path
            self._edit = self._open(self.path) if self.path.exists() else None
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def _new_sheets(self) -> list[tuple[SheetSpec, pd.DataFrame]]:
        sheets = []
        for standard in STANDARD_SHEETS:
            if standard.name in self._pending:
                sheets.append(self._pending[standard.name])
            else:
                spec = ORDERS.with_columns(orders_columns([], set())) if standard is ORDERS else standard
                sheets.append((spec, starting_frame(spec, self.settings.language, self.defaults)))
        extra = [v for k, v in self._pending.items() if k not in {s.name for s in STANDARD_SHEETS}]
        return sheets + extra



def read_columns(book, sheet: str, headers: Sequence[str]) -> list[list[Any]] | None:
    """A sheet's rows (header first) holding at least the columns named in ``headers`` (row 1's text, stripped);
    None when there is no such sheet. A backend that can read columns alone (the live one: a button in Excel)
    transfers only those cells; the file backend has parsed the whole sheet already and returns it whole."""
    if hasattr(book, "read_columns"):
        return book.read_columns(sheet, headers)
    return book.read_rows(sheet)


def read_ahead(book, sheet: str, headers: Sequence[str]) -> bool:
    """Tell ``book`` that :func:`read_only_columns` will be asked for ``sheet`` and ``headers``: the file backend
    starts reading it in the background (a large sheet's parse overlaps the step's other reading); other backends
    read when asked. True when a read was started: then taking it (:func:`read_only_grid` with the same sheet and
    headers) touches nothing else of the book, and another thread of the step may take it while this one reads
    other sheets."""
    return bool(hasattr(book, "read_columns_ahead") and book.read_columns_ahead(sheet, headers))


def read_only_grid(book, sheet: str, headers: Sequence[str], arrow: bool = False):
    """:func:`read_only_columns`, as one two-dimensional object array (row 0: the headers) when the backend can
    give one (the file backend: no list per row is made), else as rows; :func:`tkops.merge.sheet_frame` takes
    either. With ``arrow``, the file backend gives the columns fastexcel read as Arrow arrays instead
    (:class:`tkops.cells.arrow_values.SheetColumns`, typed by :func:`tkops.cells.typed_arrow.typed_columns`). None
    when there is no such sheet."""
    if hasattr(book, "read_columns_grid"):
        return book.read_columns_grid(sheet, headers, arrow)
    return read_only_columns(book, sheet, headers)


def read_only_columns(book, sheet: str, headers: Sequence[str]) -> list[list[Any]] | None:
    """For a step that reads a sheet and never writes it back: its rows (header first) holding at least the columns
    named in ``headers``. The file backend converts only those (and any duplicated header's); other backends give
    what :func:`read_columns` gives. Never hand the result to a write: columns are missing."""
    if hasattr(book, "read_columns_only"):
        return book.read_columns_only(sheet, headers)
    return read_columns(book, sheet, headers)
