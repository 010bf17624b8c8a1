"""Cell values the package-level editor writes: text is never a formula, IDs get the text format, dates and numbers
their formats, and a cell keeps its look (fill, font) when its value changes (docs/ooxml.md#cells)."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pandas as pd

from tests.book.helpers import calamine_rows, libreoffice_csv, needs_libreoffice
from tests.book.minimal import HEADER_ROW, make_book, sheet
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.ooxml import OoxmlWorkbook
from tkops.schema import Kind

TYPED = SheetSpec("Data", "Data", (ColumnSpec("Order ID", Kind.ID), ColumnSpec("Qty", Kind.INT),
                                   ColumnSpec("Note", Kind.TEXT), ColumnSpec("Flags", Kind.TEXT),
                                   ColumnSpec("Paid", Kind.DATETIME), ColumnSpec("Price", Kind.MONEY)))


def write(tmp_path, rows, body=""):
    path = make_book(tmp_path / "book.xlsx", sheet(HEADER_ROW + body))
    book = OoxmlWorkbook(path)
    book.write_table(TYPED, pd.DataFrame(rows, columns=TYPED.headers))
    out = tmp_path / "out.xlsx"
    book.save(out)
    return out


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    out = write(tmp_path, [("577000000000000001", 1, "=1+1", '=HYPERLINK("http://evil.example","x")', None, None)])
    ws = openpyxl.load_workbook(out)["Data"]
    assert (ws["C2"].value, ws["C2"].data_type) == ("=1+1", "s")
    assert ws["D2"].data_type == "s"
    with zipfile.ZipFile(out) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_a_literal_escape_sequence_is_kept_as_typed(tmp_path):
    out = write(tmp_path, [("1", None, "_x0041_ and a\rb", None, None, None)])
    assert calamine_rows(out, "Data")[1][2] == "_x0041_ and a\rb"
    assert OoxmlWorkbook(out).read_rows("Data")[1][2] == "_x0041_ and a\rb"


def test_ids_dates_and_money_get_their_number_formats_and_a_cell_keeps_its_fill(tmp_path):
    filled = '<row r="2"><c r="A2" s="1"/><c r="F2" s="1"><v>1</v></c></row>'  # s=1: a grey fill the team set
    paid = dt.datetime(2026, 11, 25, 9, 30)
    out = write(tmp_path, [("577000000000000001", 3, "x", None, paid, 12.5)], body=filled)
    ws = openpyxl.load_workbook(out)["Data"]
    assert (ws["A2"].value, ws["A2"].number_format) == ("577000000000000001", "@")
    assert ws["A2"].fill.fill_type == "gray125" and ws["F2"].fill.fill_type == "gray125"
    assert (ws["E2"].value, ws["E2"].number_format) == (paid, "yyyy-mm-dd hh:mm:ss")
    assert (ws["F2"].value, ws["F2"].number_format) == (12.5, "#,##0.00")
    assert (ws["B2"].value, ws["B2"].number_format) == (3, "0")
    assert OoxmlWorkbook(out).read_rows("Data")[1][:6] == ["577000000000000001", 3, "x", None, paid, 12.5]


def test_whitespace_at_either_end_or_inside_text_reads_back_as_written(tmp_path):
    notes = ["  two leading", "trailing  ", "\ttab first", "last line\n", "in side\nand\tin", " ", "plain"]
    out = write(tmp_path, [(str(i + 1), None, note, None, None, None) for i, note in enumerate(notes)])
    assert [r[2] for r in calamine_rows(out, "Data")[1:]] == notes
    ws = openpyxl.load_workbook(out)["Data"]
    assert [ws.cell(row=i + 2, column=3).value for i in range(len(notes))] == notes
    assert [r[2] for r in OoxmlWorkbook(out).read_rows("Data")[1:]] == notes


@needs_libreoffice
def test_libreoffice_reads_whitespace_at_the_ends_as_written(tmp_path):
    notes = ["  two leading", "trailing  ", "in side", "plain"]
    out = write(tmp_path, [(str(i + 1), None, note, None, None, None) for i, note in enumerate(notes)])
    rows = libreoffice_csv(out, tmp_path / "lo")["Data"]
    assert [r[2] for r in rows[1:len(notes) + 1]] == notes
