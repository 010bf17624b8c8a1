"""``read_only_columns``: the file backend converts only the columns a read-only step asks for, and what it gives is
exactly those columns of what ``read_rows`` gives (formulas, errors, dates, whole numbers, blanks, a grid from A1)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tkops.book import FileBook, read_only_columns
from tkops.book.ooxml.columns import kept
from tkops.errors import BadWorkbook
from tkops.merge import sheet_frame

HEADER = ["Case ID", " Amount ", "Note", "Opened", "Total", None, "Status"]


def _book(path, header=HEADER, start_row: int = 1):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AfterSales"
    ws.cell(start_row, 1)
    for c, h in enumerate(header, start=1):
        ws.cell(start_row, c, h)
    for r in range(6):
        row = start_row + 1 + r
        ws.cell(row, 1, f"4035{r:014d}")
        ws.cell(row, 2, 12.0 if r % 2 else 12.5)
        ws.cell(row, 3, "=cmd|' /C calc'!A0" if r == 0 else ("" if r == 1 else f"note {r}"))
        ws.cell(row, 4, dt.datetime(2026, 11, 3 + r, 9, 30) if r != 2 else dt.date(2026, 11, 5))
        ws.cell(row, 5, f"=B{row}*2")
        ws.cell(row, 7, "Completed")
    ws.cell(start_row + 3, 2, "#N/A").data_type = "e"
    ws.cell(start_row + 9, 5, f"=B{start_row + 1}")  # a formula below the last row of values
    wb.create_sheet("Other").append(["x"])
    wb.save(path)
    return path


def _columns(rows, names):
    keep = [i for i, h in enumerate(rows[0]) if h is not None and str(h).strip() in names]
    return [[r[i] if i < len(r) else None for i in keep] for r in rows]


@pytest.mark.parametrize("start_row", [1, 3])
def test_the_columns_asked_for_are_those_of_read_rows(tmp_path, start_row):
    path = _book(tmp_path / "b.xlsx", start_row=start_row)
    asked = ["Case ID", "Amount", "Total", "Missing"]
    whole = FileBook(path).read_rows("AfterSales")
    if start_row == 1:
        some = FileBook(path).read_columns_only("AfterSales", asked)
        assert some == _columns(whole, {"Case ID", "Amount", "Total"})
        assert some[0] == ["Case ID", " Amount ", "Total"]
        assert some[1] == ["403500000000000000", 12.5, "=B2*2"] and some[2][1] == 12 and type(some[2][1]) is int
        assert some[3][1] == "#N/A" and some[9] == [None, None, "=B2"] and len(some) == len(whole)
    else:  # the header is not in row 1: no asked-for header, so the whole sheet (the caller refuses it)
        some = FileBook(path).read_columns_only("AfterSales", asked)
        assert some == whole
        with pytest.raises(BadWorkbook):
            sheet_frame(some, "AfterSales", "b.xlsx", id_header="Case ID")


def test_dates_and_text_formulas_of_asked_columns(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    some = FileBook(path).read_columns_only("AfterSales", ["Note", "Opened"])
    assert some[1][0] == "=cmd|' /C calc'!A0" and some[2][0] is None and some[3][0] == "note 2"
    assert some[1][1] == dt.datetime(2026, 11, 3, 9, 30) and some[3][1] == dt.datetime(2026, 11, 5)
    assert some == _columns(FileBook(path).read_rows("AfterSales"), {"Note", "Opened"})


def test_a_duplicated_header_is_kept_so_that_the_sheet_is_still_refused(tmp_path):
    path = _book(tmp_path / "b.xlsx", header=["Case ID", "Note", "Status", "Note"])
    some = FileBook(path).read_columns_only("AfterSales", ["Case ID", "Status"])
    assert some[0] == ["Case ID", "Note", "Status", "Note"]
    with pytest.raises(BadWorkbook, match="twice"):
        sheet_frame(some, "AfterSales", "b.xlsx", id_header="Case ID")


def test_a_sheet_read_already_is_cut_from_its_grid_and_a_missing_sheet_is_none(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    whole = book.read_rows("AfterSales")
    assert book.read_columns_only("aftersales", ["Status"]) == _columns(whole, {"Status"})
    assert book.read_columns_only("Nope", ["Status"]) is None
    assert read_only_columns(book, "AfterSales", ["Status"]) == _columns(whole, {"Status"})
    assert book.read_rows("AfterSales") == whole  # the cached grid is untouched


def test_a_backend_without_it_gives_its_whole_sheet(tmp_path):
    from tkops.book.readonly import ReadOnlyBook

    path = _book(tmp_path / "b.xlsx")
    book = ReadOnlyBook(CalamineWorkbook.from_path(str(path)), path)
    assert read_only_columns(book, "AfterSales", ["Status"]) == book.read_rows("AfterSales")


def test_kept_columns():
    assert kept(["A", " B", None, "", "C"], ["B", "C "]) == [1, 4]
    assert kept(["A", "B"], ["Z"]) is None
    assert kept(["A", "B", "A", 7], ["B", "7"]) == [0, 1, 2, 3]


def _formula_header_book(path):
    """Data in A:G, and in H1 a header that is a formula (no cached value: calamine's grid stops at G)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AfterSales"
    ws.append(["Case ID", "Amount", "Note", "Opened", "Total", "Other", "Status"])
    for r in range(3):
        ws.append([f"4035{r:014d}", 1.5 * r, None, None, None, "x", "Open"])
    ws["H1"] = '="Extra"'
    ws["H3"] = "=B3"
    ws["C4"] = "=A1"
    calc = wb.create_sheet("Calc")  # formulas only, nothing calamine gives a value for
    calc["A1"], calc["B2"] = '="Head"', "=1+1"
    wb.create_sheet("Plain").append(["Case ID", "Status"])
    wb["Plain"].append(["1", "Open"])
    wb.save(path)
    return path


def test_a_formula_header_beyond_the_values_is_read_like_read_rows(tmp_path):
    path = _formula_header_book(tmp_path / "b.xlsx")
    whole = FileBook(path).read_rows("AfterSales")
    asked = ["Case ID", "Note", '="Extra"']
    some = FileBook(path).read_columns_only("AfterSales", asked)
    assert some == _columns(whole, set(asked))
    assert some[0] == ["Case ID", "Note", '="Extra"'] and some[2] == ["403500000000000001", None, "=B3"]
    assert some[3] == ["403500000000000002", "=A1", None]


def test_sheets_without_formulas_or_without_values(tmp_path):
    path = _formula_header_book(tmp_path / "b.xlsx")
    assert FileBook(path).read_columns_only("Plain", ["Status"]) == [["Status"], ["Open"]]
    calc = FileBook(path).read_rows("Calc")
    assert calc == [['="Head"', None], [None, "=1+1"]]
    assert FileBook(path).read_columns_only("Calc", ['="Head"']) == calc


def test_a_sheet_read_already_gives_the_columns_asked_or_all_of_them(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    book = FileBook(path)
    whole = book.read_rows("AfterSales")
    assert book.read_columns_only("AfterSales", ["Case ID", "Status"]) == _columns(whole, {"Case ID", "Status"})
    assert book.read_columns_only("AfterSales", ["Missing"]) == whole


@pytest.mark.parametrize("asked", [["Case ID", "Amount", "Total", "Missing"], ["Note", "Opened"], ["Nothing here"]])
@pytest.mark.parametrize("make", [_book, _formula_header_book])
def test_the_grid_is_the_rows_as_one_array_and_makes_the_same_frame(tmp_path, make, asked):
    import numpy as np
    import pandas as pd

    from tkops.book import read_only_grid

    path = make(tmp_path / "b.xlsx")
    rows = FileBook(path).read_columns_only("AfterSales", asked)
    grid = read_only_grid(FileBook(path), "AfterSales", asked)
    assert isinstance(grid, np.ndarray) and grid.ndim == 2 and grid.tolist() == rows
    read_first = FileBook(path)
    read_first.read_rows("AfterSales")  # cut from the grid read whole
    assert read_only_grid(read_first, "AfterSales", asked).tolist() == rows
    assert read_only_grid(FileBook(path), "Nope", asked) is None
    if "Case ID" in rows[0]:
        pd.testing.assert_frame_equal(sheet_frame(grid, "AfterSales", "b.xlsx", id_header="Case ID"),
                                      sheet_frame(rows, "AfterSales", "b.xlsx", id_header="Case ID"))


def test_sheet_frame_of_an_array_cuts_to_the_header_and_drops_trailing_blank_rows():
    import numpy as np
    import pandas as pd

    rows = [["Case ID", "Note", None, None], ["1", "a", None, "x"], ["2", None, None, None], [None, "", None, None],
            [None, None, None, None]]
    grid = np.array(rows, dtype=object)
    frame = sheet_frame(grid, "AfterSales", "b.xlsx", id_header="Case ID")
    pd.testing.assert_frame_equal(frame, sheet_frame(rows, "AfterSales", "b.xlsx", id_header="Case ID"))
    assert frame.to_dict("list") == {"Case ID": ["1", "2"], "Note": ["a", None]}
    assert sheet_frame(np.empty((0, 0), dtype=object)).empty
    with pytest.raises(BadWorkbook, match="twice"):
        sheet_frame(np.array([["Case ID", "A", "A"], ["1", 2, 3]], dtype=object), "AfterSales", id_header="Case ID")


def test_an_empty_sheet_read_whole_first_is_an_empty_grid(tmp_path):
    from tkops.book import read_only_grid

    wb = openpyxl.Workbook()
    wb.active.title = "AfterSales"
    wb.save(tmp_path / "empty.xlsx")
    book = FileBook(tmp_path / "empty.xlsx")
    assert book.read_rows("AfterSales") == []
    grid = read_only_grid(book, "AfterSales", ["Case ID"])
    assert grid.shape == (0, 0) and book.read_columns_only("AfterSales", ["Case ID"]) == []
