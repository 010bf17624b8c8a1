"""Both backends implement the Book protocol the jobs use, method by method, on a real file (new and existing) and
on the fake Excel: what one backend writes, the same reads back from the other's workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests.fakes.xlwings_fake import FakeBook
from tkops.book import FileBook, SaveResult
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.live import LiveBook
from tkops.book.protocol import Book, ReadBook
from tkops.book.readonly import ReadOnlyBook
from tkops.sources.raw import open_workbook
from tkops.schema import Kind

NOTES = SheetSpec("Notes", "Notes", (ColumnSpec("Order ID", Kind.ID), ColumnSpec("Note"), ColumnSpec("Qty", Kind.INT)))
REPORT = SheetSpec("Report", "Report")
HOSTILE = "=HYPERLINK(\"http://evil.example\",\"x\")"


class Backend:
    """A book of one kind, and how to read a sheet of it back after save (from the file, or from Excel)."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        if kind == "excel":
            self.excel = FakeBook(str(folder / "tkops.xlsm"), {"Home": [["tkops"]], "Orders": [["Order ID"]]})
            self.book = LiveBook(self.excel)
            self.path = folder / "tkops.xlsm"
        else:
            self.path = folder / "ops.xlsx"
            if kind == "existing file":
                FileBook(self.path).save()
            self.book = FileBook(self.path)

    def saved_rows(self, sheet: str) -> list[list]:
        if self.kind == "excel":
            return self.excel.sheet(sheet).rows()
        workbook = openpyxl.load_workbook(self.path)
        return [list(r) for r in workbook[sheet].iter_rows(values_only=True)]


@pytest.fixture(params=["new file", "existing file", "excel"])
def backend(request, tmp_path) -> Backend:
    return Backend(request.param, tmp_path)


def notes_frame() -> pd.DataFrame:
    return pd.DataFrame({"Order ID": ["577000000000000001", "577000000000000002"], "Note": [HOSTILE, "fine"],
                         "Qty": [2, 1]})


def trimmed(rows: list[list]) -> list[list]:
    """Rows without trailing blank cells and trailing blank rows (backends pad differently)."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] in (None, ""):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def test_both_backends_are_books(backend):
    assert isinstance(backend.book, Book)
    assert not isinstance(object(), Book)


def test_path_names_the_workbook(backend):
    assert Path(backend.book.path).name == backend.path.name


def test_read_rows_of_a_missing_sheet_is_none(backend):
    assert backend.book.read_rows("No Such Sheet") is None


def test_write_table_is_read_back_in_the_run_and_after_save(backend):
    backend.book.write_table(NOTES, notes_frame())
    expected = [["Order ID", "Note", "Qty"], ["577000000000000001", HOSTILE, 2], ["577000000000000002", "fine", 1]]
    assert trimmed(backend.book.read_rows("Notes")) == expected
    backend.book.save()
    assert trimmed(backend.saved_rows("Notes")) == expected  # IDs and buyer text stay text


def test_write_block_puts_a_block_beside_a_table_and_replaces_the_previous_one_as_wide(backend):
    backend.book.write_table(NOTES, notes_frame())
    backend.book.write_block("Notes", 6, [["Summary", "x"], ["two", "y"], ["three"]], fills={(0, 0): "#FFC7CE"})
    backend.book.write_block("Notes", 6, [["Summary", None], [HOSTILE]])  # as wide: every old cell goes
    backend.book.save()
    rows = backend.saved_rows("Notes")
    assert [r[:3] for r in rows[:3]] == [["Order ID", "Note", "Qty"], ["577000000000000001", HOSTILE, 2],
                                         ["577000000000000002", "fine", 1]]
    block = [r[5:7] + [None] * (2 - len(r[5:7])) for r in rows] + [[None, None]] * 3
    assert block[:3] == [["Summary", None], [HOSTILE, None], [None, None]]


def test_write_grid_replaces_a_report_sheet(backend):
    backend.book.write_grid(REPORT, [["Old"], ["old", 1]])
    backend.book.write_grid(REPORT, [["Cause", "Cases"], ["Size / fit", 3], [HOSTILE, 1]], frozenset({0}),
                            widths={1: 20})
    backend.book.save()
    assert trimmed(backend.saved_rows("Report")) == [["Cause", "Cases"], ["Size / fit", 3], [HOSTILE, 1]]


def test_save_keeps_the_work_and_says_what_it_did(backend):
    backend.book.write_table(NOTES, notes_frame())
    result = backend.book.save()
    if backend.kind == "excel":
        assert result is None  # Excel holds the workbook; the team saves it
    else:
        assert isinstance(result, SaveResult) and result.path == backend.path
        assert result.created is (backend.kind == "new file")
        assert FileBook(backend.path).read_rows("Notes")[1][0] == "577000000000000001"


def test_a_new_workbook_takes_a_block_before_its_first_save(tmp_path):
    book = FileBook(tmp_path / "new.xlsx")
    book.write_table(NOTES, notes_frame())
    book.write_block("Notes", 5, [["Total", "3"]])
    book.write_table(NOTES, notes_frame().iloc[:1])  # later writes still land
    assert not (tmp_path / "new.xlsx").exists()  # nothing written before save
    book.save()
    saved = openpyxl.load_workbook(tmp_path / "new.xlsx")
    rows = trimmed([list(r) for r in saved["Notes"].iter_rows(values_only=True)])
    assert rows == [["Order ID", "Note", "Qty", None, "Total", "3"], ["577000000000000001", HOSTILE, 2]]
    assert "Orders" in saved.sheetnames and "Settings" in saved.sheetnames  # a whole new tkops workbook


def test_a_read_only_book_reads_like_a_book_and_writes_nothing(tmp_path):
    """The read-only book (slips, evidence packs) is a ReadBook, not a Book: it has no writer to call by mistake."""
    path = tmp_path / "book.xlsx"
    book = FileBook(path)
    book.write_table(NOTES, notes_frame())
    book.save()
    read = ReadOnlyBook(open_workbook(path), path)
    assert isinstance(read, ReadBook) and not isinstance(read, Book) and isinstance(book, ReadBook)
    assert read.path == path and read.read_rows("Missing") is None
    assert trimmed(read.read_rows("Notes"))[1][:2] == ["577000000000000001", HOSTILE]

