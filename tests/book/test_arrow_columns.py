"""Columns read through fastexcel's Arrow arrays (``tkops.book.ooxml.arrow_columns``) are exactly what the calamine
path gives (``projected_grid`` over calamine's grid and the formula and error cells): the same values of the same
Python types, cell by cell. Where that reading cannot be sure of it, it declines and the calamine path reads the
sheet, so a read of some columns gives the same whichever way it went."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.ooxml import OoxmlWorkbook, arrow_columns
from tkops.book.ooxml.arrow_columns import arrow_batch, arrow_grid, text_header_row
from tkops.book.ooxml.columns import projected_grid
from tkops.book.ooxml.reader import special_cells
from tkops.cells.arrow_values import SheetColumns
from tkops.schema import Kind

SHEET = "AfterSales"


def _part(path, sheet=SHEET) -> bytes:
    book = OoxmlWorkbook(path)
    return book.package.read(book.workbook.sheet(sheet).part)


def calamine_way(path, headers, sheet=SHEET):
    """What the calamine path gives for these columns."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return projected_grid(rows, special_cells(_part(path, sheet)), headers)


def arrow_way(path, headers, sheet=SHEET):
    """What fastexcel's reading gives, or None where it declines."""
    xml = _part(path, sheet)
    batch = arrow_batch(path.read_bytes(), sheet, xml, headers)
    return None if batch is None else arrow_grid(batch, special_cells(xml))


def typed(grid):
    return [[(type(v).__name__, v) for v in row] for row in grid.tolist()]


def same_both_ways(path, headers, *, fast: bool):
    """The read of some columns equals the calamine path; ``fast``: and fastexcel's reading was the one used."""
    expected = typed(calamine_way(path, headers))
    assert typed(OoxmlWorkbook(path).read_columns_grid(SHEET, headers)) == expected
    arrow = arrow_way(path, headers)
    assert (arrow is not None) is fast
    if arrow is not None:
        assert typed(arrow) == expected
    # a step that types the columns itself takes them as Arrow arrays where nothing else changes them: the same
    found = OoxmlWorkbook(path).read_columns_grid(SHEET, headers, arrow=True)
    assert typed(found.grid() if isinstance(found, SheetColumns) else found) == expected
    assert not isinstance(found, SheetColumns) or fast
    return expected


ASKED = ["Text", "Number", "When", "Flag", "Empty", "Formula", "Missing"]


def _xlsxwriter_book(path, date1904: bool = False):
    wb = xlsxwriter.Workbook(str(path), {"date_1904": date1904, "strings_to_formulas": False})
    ws = wb.add_worksheet(SHEET)
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss.000"})
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, ["Text", "Number", "When", "Flag", "Empty", "Formula", "Unwanted", " Status "])
    texts = ["日本語 テキスト", " lead", "trail ", "", None, "=not a formula", "a" * 300, "line\nbreak", "1234"]
    numbers = [1, 1.5, -2, 0, -0.0, 2.0**53 + 2, 1e20, 1e-9, 2.0**53]
    times = [dt.datetime(2026, 11, 3, 9, 30, 0, 123000), dt.datetime(2026, 11, 5), None,
             dt.datetime(2026, 12, 31, 23, 59, 59, 999000), dt.datetime(1905, 3, 1, 12), dt.datetime(2000, 2, 29),
             None, dt.datetime(2026, 1, 1, 0, 0, 1), dt.datetime(2030, 6, 15, 18, 45)]
    for r in range(len(texts)):
        row = r + 1
        if texts[r] is not None:
            ws.write_string(row, 0, texts[r])
        ws.write_number(row, 1, numbers[r])
        if times[r] is not None:
            ws.write_datetime(row, 2, times[r], day if times[r].hour == 0 and times[r].minute == 0 else when)
        if r % 3:
            ws.write_boolean(row, 3, r % 2 == 0)
        ws.write_formula(row, 5, f"=B{row + 1}*2", None, numbers[r] * 2)
        ws.write(row, 6, ["x", 2, dt.date(2026, 1, 1)][r % 3])
        ws.write_string(row, 7, f"state {r}")
    ws.write_rich_string(10, 0, "rich ", bold, "text", " end")
    ws.write_formula(11, 5, "=1/0", None, "#DIV/0!")
    ws.write_formula(14, 5, "=B2")  # a formula below every value: the grid grows to it
    wb.close()
    return path


@pytest.mark.parametrize("date1904", [False, True])
def test_every_kind_of_cell_reads_the_same_both_ways(tmp_path, date1904):
    path = _xlsxwriter_book(tmp_path / "b.xlsx", date1904)
    grid = same_both_ways(path, ASKED + ["Status"], fast=True)
    assert [h for _t, h in grid[0]] == ["Text", "Number", "When", "Flag", "Empty", "Formula", " Status "]
    assert grid[1][:3] == [("str", "日本語 テキスト"), ("int", 1), ("datetime", dt.datetime(2026, 11, 3, 9, 30, 0, 123000))]
    assert grid[4][0] == ("NoneType", None) and grid[4][1] == ("int", 0)  # "" reads as None
    assert grid[6][1] == ("float", 2.0**53 + 2) and grid[7][1] == ("float", 1e20) and grid[9][1] == ("float", 2.0**53)
    assert grid[2][2] == ("datetime", dt.datetime(2026, 11, 5)) and grid[2][3] == ("bool", False)
    assert grid[10][0] == ("str", "rich text end") and grid[11][5] == ("str", "=1/0")
    assert grid[2][5] == ("str", "=B3*2") and len(grid) == 15 and grid[14][5] == ("str", "=B2")


def test_a_book_the_team_saved_with_shared_strings_and_padded_headers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["Case ID", " Amount ", None, "Opened", "Note"])
    for r in range(5):
        ws.append([f"4035{r:014d}", 12.5 * r, "x", dt.datetime(2026, 11, 1 + r, 8), None if r % 2 else f"n{r}"])
    ws["B8"] = 3
    path = tmp_path / "team.xlsx"
    wb.save(path)
    grid = same_both_ways(path, ["Case ID", "Amount", "Opened", "Note"], fast=True)
    assert [h for _t, h in grid[0]] == ["Case ID", " Amount ", "Opened", "Note"] and len(grid) == 8


def test_the_sheet_tkops_writes(tmp_path):
    book = FileBook(tmp_path / "ops.xlsx")
    spec = SheetSpec(SHEET, "Cases", (ColumnSpec("Case ID", Kind.ID), ColumnSpec("Amount", Kind.NUMBER),
                                      ColumnSpec("Opened", Kind.DATETIME), ColumnSpec("Note")))
    import pandas as pd

    book.write_table(spec, pd.DataFrame({
        "Case ID": ["577000000000000001", "577000000000000002", "R-3"], "Amount": [12.5, 3.0, None],
        "Opened": [dt.datetime(2026, 11, 1, 8), None, dt.datetime(2026, 11, 3, 23, 59, 59)],
        "Note": ["  spaced  ", None, "=HYPERLINK(\"x\")"]}))
    book.save()
    path = tmp_path / "ops.xlsx"
    grid = same_both_ways(path, ["Case ID", "Amount", "Opened", "Note"], fast=True)
    assert grid[1][0] == ("str", "577000000000000001") and grid[3][3] == ("str", '=HYPERLINK("x")')


def _plain_book(path, header, rows):
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    ws = wb.add_worksheet(SHEET)
    for c, h in enumerate(header):
        if h is not None:
            ws.write(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v)
    wb.close()
    return path


@pytest.mark.parametrize(("header", "rows", "asked"), [
    (["Case ID", "Cost"], [["1", 2.5], ["2", "n/a"]], ["Case ID", "Cost"]),  # a number and a word in one column
    (["Case ID", "Note", " Note"], [["1", "a", "b"]], ["Case ID", "Note"]),  # the same header twice
    (["Case ID", "Cost", "Cost_1"], [["1", 2, 3]], ["Case ID", "Cost"]),  # a header that looks renamed
    (["Case ID", 2026], [["1", 2]], ["Case ID"]),  # a header that is a number
    (["Case ID", "Note"], [["1", "x"]], ["Nothing asked is here"]),
], ids=["mixed", "twice", "renamed", "number-header", "none-asked"])
def test_what_fastexcel_cannot_read_the_same_way_is_read_by_calamine(tmp_path, header, rows, asked):
    path = _plain_book(tmp_path / "b.xlsx", header, rows)
    same_both_ways(path, asked, fast=False)


def test_headers_not_starting_at_a1_are_read_by_calamine(tmp_path):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet(SHEET)
    ws.write_row(1, 1, ["Case ID", "Note"])
    ws.write_row(2, 1, ["1", "x"])
    wb.close()
    assert not text_header_row(_part(tmp_path / "b.xlsx"))
    same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Note"], fast=False)


def test_a_formula_header_is_read_by_calamine(tmp_path):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, ["Case ID", "Note"])
    ws.write_formula(0, 2, '="Case ID"', None, "Case ID")
    ws.write_row(1, 0, ["1", "x", "y"])
    wb.close()
    same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Note"], fast=False)


@pytest.mark.parametrize(("fmt", "value"), [("hh:mm", 0.5), ("[h]:mm", 1.75)], ids=["time-of-day", "duration"])
def test_times_of_day_and_durations_are_read_by_calamine(tmp_path, fmt, value):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, ["Case ID", "Took"])
    ws.write_row(1, 0, ["1"])
    ws.write_number(1, 1, value, wb.add_format({"num_format": fmt}))
    wb.close()
    grid = same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Took"], fast=False)
    assert grid[1][1][0] in ("time", "timedelta")


@pytest.mark.parametrize("date1904", [False, True])
def test_dates_near_excels_day_zero_are_read_by_calamine(tmp_path, date1904):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"), {"date_1904": date1904})
    ws = wb.add_worksheet(SHEET)
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws.write_row(0, 0, ["Case ID", "Opened"])
    ws.write_row(1, 0, ["1"])
    ws.write_number(1, 1, 0.5, when)  # day 0, noon: a time of day for python-calamine
    ws.write_row(2, 0, ["2"])
    ws.write_datetime(2, 1, dt.datetime(2026, 11, 1, 8), when)
    wb.close()
    grid = same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Opened"], fast=False)
    assert grid[1][1] == ("time", dt.time(12)) and grid[2][1] == ("datetime", dt.datetime(2026, 11, 1, 8))


def test_without_fastexcel_calamine_reads_every_sheet(tmp_path, monkeypatch):
    path = _xlsxwriter_book(tmp_path / "b.xlsx")
    expected = typed(OoxmlWorkbook(path).read_columns_grid(SHEET, ASKED))
    monkeypatch.setattr(arrow_columns, "fastexcel", None)
    assert arrow_way(path, ASKED) is None
    assert typed(OoxmlWorkbook(path).read_columns_grid(SHEET, ASKED)) == expected


def test_a_row_one_of_text_headers():
    yes = [b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData>',
           b'<x:sheetData><x:row r="1" spans="1:2"><x:c r="A1" s="1" t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c>'
           b'</x:row></x:sheetData>',
           b'<sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData>',
           b'<sheetData><row r="1"><c r="A1"/><c r="B1" t="inlineStr"><is><t>B</t></is></c></row></sheetData>']
    no = [b'<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>',
          b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row></sheetData>',
          b'<sheetData><row r="1"><c r="A1" t="str"><f>1</f><v>1</v></c></row></sheetData>',
          b'<sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData>',
          b'<sheetData><row r="1"><c r="A1" t="inlineStr"></c><c r="B1"/></row></sheetData>',
          b'<sheetData><row r="1"><c r="A1"/></row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>',
          b"<sheetData><row r=\"1\"><c r='A1' t='s'><v>0</v></c></row></sheetData>",
          b'<sheetData/>']
    assert all(text_header_row(xml) for xml in yes)
    assert not any(text_header_row(xml) for xml in no)


@pytest.mark.parametrize(("first", "fast"), [((1, 1), False), ((0, 1), True)], ids=["column-a-empty", "a1-empty"])
def test_headers_from_b1(tmp_path, first, fast):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 1, ["Case ID", "Note"])
    ws.write_row(1, 1, ["1", "x"])
    if first == (0, 1):
        ws.write_string(2, 0, "a value in column A")
    wb.close()
    grid = same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Note"], fast=fast)
    assert grid[0] == [("str", "Case ID"), ("str", "Note")]


KINDS = {
    "text": st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)),
    "number": st.one_of(st.none(), st.integers(-10**15, 10**15), st.floats(-1e17, 1e17, allow_nan=False)),
    "time": st.one_of(st.none(), st.datetimes(dt.datetime(1904, 1, 2), dt.datetime(2099, 12, 31))),
    "flag": st.one_of(st.none(), st.booleans()),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=4), data=st.data())
def test_random_columns_of_one_kind_each_read_the_same_both_ways(tmp_path, kinds, data):
    path = tmp_path / "random.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
    ws = wb.add_worksheet(SHEET)
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    header = [f"Col {i}" for i in range(len(kinds))]
    ws.write_row(0, 0, header)
    height = data.draw(st.integers(0, 8))
    for c, kind in enumerate(kinds):
        for r in range(1, height + 1):
            value = data.draw(KINDS[kind])
            if value is None:
                continue
            if kind == "time":
                ws.write_datetime(r, c, value, when)
            elif kind == "text":
                ws.write_string(r, c, value)
            else:
                ws.write(r, c, value)
    wb.close()
    expected = typed(calamine_way(path, header))
    assert typed(OoxmlWorkbook(path).read_columns_grid(SHEET, header)) == expected
    assert typed(arrow_way(path, header)) == expected  # one kind in each column: fastexcel's reading is used
    with zipfile.ZipFile(path) as z:  # every generated sheet starts with text headers at A1
        assert text_header_row(z.read("xl/worksheets/sheet1.xml"))


def test_fastexcels_reading_leaves_calamine_alone_and_a_decline_reads_once(tmp_path, monkeypatch):
    import tkops.book.ooxml.column_reads as column_reads

    calls, real = [], column_reads.calamine_rows
    monkeypatch.setattr(column_reads, "calamine_rows", lambda *a: calls.append(a[1:]) or real(*a))
    clean = _xlsxwriter_book(tmp_path / "clean.xlsx")
    OoxmlWorkbook(clean).read_columns_grid(SHEET, ASKED)
    assert calls == []
    mixed = _plain_book(tmp_path / "mixed.xlsx", ["Case ID", "Cost"], [["1", 1.0], ["2", "x"], ["3", 2.0]])
    OoxmlWorkbook(mixed).read_columns_grid(SHEET, ["Case ID", "Cost"])
    assert calls == [("mixed.xlsx", SHEET)]
    unread = tmp_path / "unread.xlsx"  # fastexcel reads it, then a cell it could not convert sends it to calamine
    wb = xlsxwriter.Workbook(str(unread), {"strings_to_numbers": False})
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, ["Case ID", "Cost"])
    ws.write_row(1, 0, ["1", 2.5])
    ws.write_row(2, 0, ["2", "n/a"])
    wb.close()
    grid = OoxmlWorkbook(unread).read_columns_grid(SHEET, ["Case ID", "Cost"])
    assert calls[1:] == [("unread.xlsx", SHEET)] and grid[2].tolist() == ["2", "n/a"]


def test_a_mixture_fastexcel_refuses_outright(tmp_path):
    path = _plain_book(tmp_path / "b.xlsx", ["Case ID", "Cost"], [["1", 1.0], ["2", "x"], ["3", 2.0]])
    grid = same_both_ways(path, ["Case ID", "Cost"], fast=False)
    assert [r[1] for r in grid[1:]] == [("int", 1), ("str", "x"), ("int", 2)]


def test_values_after_a_thousand_blank_rows_keep_their_kind(tmp_path):
    rows = [[str(i), None] for i in range(1200)] + [["x", 12.5], ["y", 3]]
    grid = same_both_ways(_plain_book(tmp_path / "b.xlsx", ["Case ID", "Cost"], rows), ["Case ID", "Cost"], fast=True)
    assert grid[-2:] == [[("str", "x"), ("float", 12.5)], [("str", "y"), ("int", 3)]]


def test_an_error_value_in_a_column_of_numbers(tmp_path):
    from tests.book.test_read_only_columns import _book

    path = _book(tmp_path / "b.xlsx")  # B4 holds #N/A (an error value, no formula) among numbers
    grid = same_both_ways(path, ["Case ID", "Amount"], fast=True)
    assert grid[3][1] == ("str", "#N/A") and grid[2][1] == ("int", 12)


def test_a_column_of_true_and_false_without_blanks(tmp_path):
    grid = same_both_ways(_plain_book(tmp_path / "b.xlsx", ["Case ID", "Flag"], [["1", True], ["2", False]]),
                          ["Case ID", "Flag"], fast=True)
    assert grid[1][1] == ("bool", True) and grid[2][1] == ("bool", False)


def test_the_first_day_fastexcel_reads_in_a_1904_book(tmp_path):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"), {"date_1904": True})
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, ["Case ID", "Opened"])
    ws.write_row(1, 0, ["1"])
    ws.write_datetime(1, 1, dt.datetime(1904, 1, 2), wb.add_format({"num_format": "yyyy-mm-dd"}))
    wb.close()
    grid = same_both_ways(tmp_path / "b.xlsx", ["Case ID", "Opened"], fast=True)
    assert grid[1][1] == ("datetime", dt.datetime(1904, 1, 2))


def test_refusals_name_the_file_sheet_and_part(tmp_path, monkeypatch):
    import tkops.book.ooxml.reader as reader
    from tests.book.minimal import make_book, sheet
    from tests.book.test_far_reach import FAR, dense
    from tkops.errors import DataError, UnsafeWorkbook

    far = make_book(tmp_path / "far.xlsx", sheet(dense(3) + FAR))
    with pytest.raises(DataError) as err:
        OoxmlWorkbook(far).read_columns_only("Data", ["A"])
    assert err.value.params["file"] == "far.xlsx" and err.value.params["sheet"] == "Data"

    def broken(xml):
        raise ValueError("a cell reference that is not one")

    path = _xlsxwriter_book(tmp_path / "b.xlsx")
    monkeypatch.setattr(reader, "special_cells", broken)
    monkeypatch.setattr(reader, "vouched_and_absent", lambda xml, max_cells, also: (False, False))  # the scan runs
    with pytest.raises(UnsafeWorkbook) as err:
        OoxmlWorkbook(path).read_columns_only(SHEET, ASKED)
    assert err.value.params["part"] == "xl/worksheets/sheet1.xml" and err.value.params["file"] == "b.xlsx"


@pytest.mark.parametrize("damage", ["cut", "bad-index"])
def test_a_damaged_sheet_is_refused_as_the_calamine_path_refuses_it(tmp_path, monkeypatch, damage):
    from tkops.errors import DataError

    path = _xlsxwriter_book(tmp_path / "b.xlsx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    if damage == "cut":  # the part ends in the middle of a row
        parts["xl/worksheets/sheet1.xml"] = xml[:xml.index(b'<row r="6"') + 20]
    else:  # a shared string that is not there
        parts["xl/worksheets/sheet1.xml"] = xml.replace(b"<v>0</v>", b"<v>99999</v>", 1)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert arrow_batch(broken.read_bytes(), SHEET, parts["xl/worksheets/sheet1.xml"], ASKED) is None
    with pytest.raises(DataError) as some:
        OoxmlWorkbook(broken).read_columns_only(SHEET, ASKED)
    monkeypatch.setattr(arrow_columns, "fastexcel", None)
    with pytest.raises(DataError) as calamine:
        OoxmlWorkbook(broken).read_columns_only(SHEET, ASKED)
    assert type(some.value) is type(calamine.value) and some.value.params == calamine.value.params
    assert some.value.params["file"] == "broken.xlsx"


def _arrow(path, headers):
    return isinstance(OoxmlWorkbook(path).read_columns_grid(SHEET, headers, arrow=True), SheetColumns)


def _with_formula(path, row: int, column: int):
    """Values in A1:C4 and a formula without a value (as openpyxl saves one) at ``row``, ``column`` (1-based)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["Case ID", "Cost", "Team"])
    for r in range(1, 4):
        ws.append([str(r), 2.5 * r, "x"])
    ws.cell(row, column).value = "=B2*2"
    wb.save(path)
    return path


@pytest.mark.parametrize(("row", "column", "arrow"), [
    (3, 3, True),  # a formula in a column not asked, among the rows: nothing asked changes
    (3, 2, False),  # in a column asked: its text comes from the formula scan
    (7, 3, False),  # below the last row of values: the grid grows to it
    (1, 4, False),  # in row 1 (a header)
], ids=["other-column", "asked-column", "below", "header"])
def test_the_columns_come_as_arrow_arrays_only_where_nothing_else_changes_them(tmp_path, row, column, arrow):
    path = _with_formula(tmp_path / "b.xlsx", row, column)
    assert _arrow(path, ["Case ID", "Cost"]) is arrow
    same_both_ways(path, ["Case ID", "Cost"], fast=row != 1)


def test_arrow_arrays_of_clean_books_and_none_of_a_mixed_or_unread_column(tmp_path):
    assert _arrow(_plain_book(tmp_path / "a.xlsx", ["Case ID", "Cost"], [["1", 2.5], ["2", None]]),
                  ["Case ID", "Cost"])
    assert not _arrow(_plain_book(tmp_path / "m.xlsx", ["Case ID", "Cost"], [["1", 1.0], ["2", "x"], ["3", 2.0]]),
                      ["Case ID", "Cost"])
    from tests.book.test_read_only_columns import _book

    assert not _arrow(_book(tmp_path / "e.xlsx"), ["Case ID", "Amount"])  # an error value fastexcel left unread


def test_a_day_fastexcel_cannot_give_the_calamine_way_sends_the_sheet_to_calamine(tmp_path):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, ["Case ID", "Opened"])
    ws.write_row(1, 0, ["1", 0.25])  # a date cell below 1.0: calamine gives a time of day
    ws.set_column(1, 1, None, wb.add_format({"num_format": "yyyy-mm-dd"}))
    wb.close()
    assert not _arrow(tmp_path / "b.xlsx", ["Case ID", "Opened"])
