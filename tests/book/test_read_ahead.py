"""``read_ahead``: a step that will read a large sheet's columns starts the read in the background and reads its
other inputs meanwhile. What it then gets is exactly what the read at that moment would give, a refusal comes out
where the step asks for the sheet, and a write or a whole-sheet read in between is never served the earlier read."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from tests.book.minimal import make_book, sheet
from tests.book.test_far_reach import FAR, dense
from tests.book.test_read_only_columns import _book, _formula_header_book
from tkops.book import FileBook, read_ahead, read_only_columns
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.ooxml import OoxmlWorkbook, editor
from tkops.book.readonly import ReadOnlyBook
from tkops.errors import DataError
from tkops.schema import Kind

ASKED = ["Case ID", "Amount", "Note", "Total", "Opened", "Missing"]


def _readers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("tkops-read-")]


@pytest.mark.parametrize("make", [_book, _formula_header_book])
def test_a_read_ahead_gives_what_the_read_gives(tmp_path, make):
    path = make(tmp_path / "b.xlsx")
    expected = FileBook(path).read_columns_only("AfterSales", ASKED)
    book = FileBook(path)
    read_ahead(book, "AfterSales", ASKED)
    assert book.read_rows("Other" if make is _book else "Plain")  # another sheet meanwhile, on the main reader
    assert read_only_columns(book, "AfterSales", ASKED) == expected
    assert not _readers()
    # taken once: a second read reads again, and gives the same
    assert read_only_columns(book, "AfterSales", ASKED) == expected


def test_other_headers_or_sheets_are_not_served_the_read_ahead(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    read_ahead(book, "aftersales", ASKED)  # sheet names are case-insensitive
    assert book.read_columns_only("AfterSales", ["Status"]) == FileBook(path).read_columns_only("AfterSales",
                                                                                                ["Status"])
    assert book.read_columns_only("AfterSales", ASKED) == FileBook(path).read_columns_only("AfterSales", ASKED)
    read_ahead(book, "Nope", ASKED)  # no such sheet: nothing started
    assert book.read_columns_only("Nope", ASKED) is None and not _readers()


def test_a_far_reaching_sheet_is_refused_where_the_step_asks_for_it(tmp_path):
    path = make_book(tmp_path / "far.xlsx", sheet(dense(3) + FAR))
    book = OoxmlWorkbook(path)
    book.read_columns_ahead("Data", ["A"])
    with pytest.raises(DataError) as err:
        book.read_columns_only("Data", ["A"])
    assert err.value.code == "book.sheet_too_far" and err.value.params["ref"] == "XFD1048576"


def test_a_write_after_the_read_ahead_is_what_is_read(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    read_ahead(book, "AfterSales", ["Case ID", "Status"])
    spec = SheetSpec("AfterSales", "Cases", (ColumnSpec("Case ID", Kind.ID), ColumnSpec("Status")))
    book.write_table(spec, pd.DataFrame({"Case ID": ["R-1"], "Status": ["Open"]}))
    assert not _readers()
    assert read_only_columns(book, "AfterSales", ["Case ID", "Status"])[:2] == [["Case ID", "Status"], ["R-1", "Open"]]


def test_a_whole_read_after_the_read_ahead_waits_for_it_and_reads_the_sheet(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    whole = FileBook(path).read_rows("AfterSales")
    book = FileBook(path)
    read_ahead(book, "AfterSales", ["Status"])
    assert book.read_rows("AfterSales") == whole and not _readers()
    assert book.read_columns_only("AfterSales", ["Status"]) == [[r[6]] for r in whole]


def test_backends_that_cannot_read_ahead_read_when_asked(tmp_path):
    from python_calamine import CalamineWorkbook

    path = _book(tmp_path / "b.xlsx")
    book = ReadOnlyBook(CalamineWorkbook.from_path(str(path)), path)
    read_ahead(book, "AfterSales", ["Status"])
    assert read_only_columns(book, "AfterSales", ["Status"]) == book.read_rows("AfterSales")
    new = FileBook(tmp_path / "new.xlsx")  # no file yet: nothing to read ahead
    read_ahead(new, "AfterSales", ["Status"])
    assert read_only_columns(new, "AfterSales", ["Status"]) is None and not _readers()


@pytest.fixture
def held(monkeypatch):
    """A background read held at its start until the event is set (the test sees it running); reads in the test's
    own thread are not held."""
    import tkops.book.ooxml.editor as editor

    gate, real = threading.Event(), editor.columns_read

    def waiting(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(editor, "columns_read", waiting)
    yield gate
    gate.set()


def test_the_read_runs_in_a_daemon_thread_and_the_step_gets_its_rows(tmp_path, held, monkeypatch):
    path = _book(tmp_path / "b.xlsx")
    expected = FileBook(path).read_columns_only("AfterSales", ASKED)
    book = FileBook(path)
    read_ahead(book, "AfterSales", ASKED)
    read_ahead(book, "AfterSales", ASKED)  # asked twice: one read
    running = [t for t in threading.enumerate() if t.name.startswith("tkops-read-")]
    assert [t.name for t in running] == ["tkops-read-AfterSales"] and running[0].daemon
    held.set()
    running[0].join(10)
    monkeypatch.setattr(editor, "columns_read", lambda *a, **k: pytest.fail("read again instead of taken"))
    assert read_only_columns(book, "AfterSales", ASKED) == expected


def test_a_refusal_made_in_the_background_is_the_one_raised(tmp_path, monkeypatch):
    path = make_book(tmp_path / "far.xlsx", sheet(dense(3) + FAR))
    book = OoxmlWorkbook(path)
    book.read_columns_ahead("Data", ["A"])
    for thread in [t for t in threading.enumerate() if t.name.startswith("tkops-read-")]:
        thread.join(10)
    monkeypatch.setattr(editor, "columns_read", lambda *a, **k: pytest.fail("read again instead of taken"))
    with pytest.raises(DataError) as err:
        book.read_columns_only("Data", ["A"])
    assert err.value.code == "book.sheet_too_far"


def test_a_write_waits_for_the_read_running_in_the_background(tmp_path, held):
    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    read_ahead(book, "AfterSales", ["Case ID", "Status"])
    threading.Timer(0.3, held.set).start()
    spec = SheetSpec("AfterSales", "Cases", (ColumnSpec("Case ID", Kind.ID), ColumnSpec("Status")))
    book.write_table(spec, pd.DataFrame({"Case ID": ["R-1"], "Status": ["Open"]}))
    assert held.is_set() and not _readers()


def test_the_background_read_unzips_with_a_reader_of_its_own(tmp_path, monkeypatch):
    from tkops.book.ooxml.package import Package, UnreadablePart

    path = _book(tmp_path / "b.xlsx")
    book = OoxmlWorkbook(path)
    seen, real = [], Package.read
    monkeypatch.setattr(Package, "read", lambda self, name, own_reader=False: seen.append(
        (threading.current_thread().name, own_reader)) or real(self, name, own_reader))
    book.read_columns_ahead("AfterSales", ["Status"])
    assert book.read_columns_only("AfterSales", ["Status"])[1] == ["Completed"]
    assert ("tkops-read-AfterSales", True) in seen and ("tkops-read-AfterSales", False) not in seen
    part = book.workbook.sheet("AfterSales").part
    assert real(book.package, part, True) == real(book.package, part) and b"<sheetData" in real(book.package, part)
    with pytest.raises(UnreadablePart):
        real(book.package, "xl/worksheets/nope.xml", True)


@pytest.mark.parametrize("whole", [False, True])
def test_the_formula_scan_runs_beside_the_parse_and_its_errors_come_out(tmp_path, monkeypatch, whole):
    import tkops.book.ooxml.reader as reader
    from tkops.errors import UnsafeWorkbook

    def read():  # the whole sheet (calamine's grid), or some columns (fastexcel's)
        book = OoxmlWorkbook(path)
        return [[r[6]] for r in book.read_rows("AfterSales")] if whole else book.read_columns_only("AfterSales",
                                                                                                  ["Status"])

    module = reader
    path = _book(tmp_path / "b.xlsx")
    seen, real = [], reader.special_cells
    monkeypatch.setattr(module, "special_cells", lambda xml: seen.append(threading.current_thread().name) or real(xml))
    assert read()[1] == ["Completed"]
    assert seen and all(name.startswith("tkops-formulas") for name in seen)

    def broken(xml):
        raise ValueError("a cell reference that is not one")

    monkeypatch.setattr(module, "special_cells", broken)
    with pytest.raises(UnsafeWorkbook, match="cannot read it \\(a cell reference that is not one\\)"):
        read()


@pytest.mark.parametrize("arrow", [True, False])
def test_a_read_ahead_gives_arrow_arrays_to_a_step_that_asks_and_the_grid_to_others(tmp_path, arrow):
    from tests.book.test_arrow_columns import _plain_book
    from tkops.book import read_only_grid
    from tkops.cells.arrow_values import SheetColumns

    path = _plain_book(tmp_path / "b.xlsx", ["Case ID", "Cost", "Other"], [["1", 2.5, "x"], ["2", None, "y"]])
    expected = FileBook(path).read_columns_grid("AfterSales", ["Case ID", "Cost"])
    book = FileBook(path)
    read_ahead(book, "AfterSales", ["Case ID", "Cost"])
    found = read_only_grid(book, "AfterSales", ["Case ID", "Cost"], arrow=arrow)
    assert isinstance(found, SheetColumns) is arrow
    assert (found.grid() if arrow else found).tolist() == expected.tolist() == [["Case ID", "Cost"], ["1", 2.5],
                                                                                 ["2", None]]
    assert not _readers()


def test_read_ahead_says_whether_a_read_was_started(tmp_path):
    from tkops.book.readonly import ReadOnlyBook

    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    assert read_ahead(book, "AfterSales", ASKED) is True
    assert read_ahead(book, "AfterSales", ASKED) is True  # already started: the same read
    assert read_ahead(book, "Nope", ASKED) is False
    assert read_ahead(ReadOnlyBook(None, path), "AfterSales", ASKED) is False  # reads when asked
    assert read_only_columns(book, "AfterSales", ASKED) == FileBook(path).read_columns_only("AfterSales", ASKED)
    assert read_ahead(FileBook(tmp_path / "new.xlsx"), "AfterSales", ASKED) is False  # no book on disk yet


def test_reads_taken_from_another_thread_while_others_are_dropped():
    import sys

    from tkops.book.ooxml.ahead import ReadsAhead

    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads swap often: inside a walk of the table of reads too
    try:
        ahead = ReadsAhead()
        for n in range(500):  # a table of reads that dropping walks while the other thread changes it
            ahead.start(f"sheet {n}", ["A"], lambda n=n: n)
        errors = []

        def take_and_start():
            try:
                for n in range(200):
                    assert ahead.take(f"sheet {n}", ["A"]) == n
                    ahead.start(f"again {n}", ["A"], lambda n=n: -n)
            except BaseException as err:
                errors.append(err)

        other = threading.Thread(target=take_and_start)
        other.start()
        while other.is_alive():
            ahead.drop("none of these")
        other.join()
    finally:
        sys.setswitchinterval(before)
    assert errors == []
    assert ahead.take("again 199", ["A"]) == -199 and ahead.take("sheet 0", ["A"]) is None
