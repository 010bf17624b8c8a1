"""The one-sheet, text-only workbook another system reads back (the bulk-shipping upload): every cell text in the
Text format, columns wide enough to read, the caller's columns enforced; read back with openpyxl and calamine."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tkops.book.text_sheet import CELL_LIMIT, CREATED, text_cell, write_text_sheet

COLUMNS = ["Order ID", "Note", "Qty"]


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def test_every_cell_is_text_in_the_text_format_and_blank_cells_stay_empty(tmp_path):
    path = write_text_sheet(tmp_path / "out.xlsx", "Shipping info", frame(["576461413038785752", "=1+1", 2],
                                                                        ["576461413038785753", None, "003"]),
                            COLUMNS)
    ws = openpyxl.load_workbook(path)["Shipping info"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        COLUMNS, ["576461413038785752", "=1+1", "2"], ["576461413038785753", None, "003"]]
    assert all(c.data_type == "s" and c.number_format == "@" for row in ws.iter_rows() for c in row
               if c.value is not None)
    assert ws.column_dimensions["B"].number_format == "@"  # typed later by a person: text too
    assert CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Shipping info").to_python()[1][0] \
        == "576461413038785752"


def test_the_file_says_its_title_and_a_fixed_creation_time(tmp_path):
    path = write_text_sheet(tmp_path / "out.xlsx", "Shipping info", frame(), COLUMNS)
    props = openpyxl.load_workbook(path).properties
    assert props.title == "Shipping info" and props.created == CREATED == dt.datetime(2026, 1, 1)


def test_columns_are_wide_enough_for_header_and_values_and_the_minimum_asked(tmp_path):
    long_note = "n" * 40
    path = write_text_sheet(tmp_path / "out.xlsx", "S", frame(["1", long_note, 1]), COLUMNS, {2: 30})
    # XlsxWriter stores a width with its padding (14 -> 14.71): the whole part is the width asked for
    widths = {k: int(v.width) for k, v in openpyxl.load_workbook(path)["S"].column_dimensions.items()}
    assert widths["A"] == 14  # at least 14: "Order ID" + 2 is less
    assert widths["B"] == len(long_note) + 3
    assert widths["C"] == 30  # the minimum the caller asked for this column
    wide_header = write_text_sheet(tmp_path / "h.xlsx", "S", pd.DataFrame(columns=["A header longer than 14"]),
                                   ["A header longer than 14"])
    assert int(openpyxl.load_workbook(wide_header)["S"].column_dimensions["A"].width) == 25


def test_other_columns_are_refused_naming_the_columns_wanted(tmp_path):
    with pytest.raises(ValueError, match=r"columns must be exactly \['Order ID', 'Note', 'Qty'\]"):
        write_text_sheet(tmp_path / "x.xlsx", "S", pd.DataFrame(columns=["Order ID"]), COLUMNS)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_cell_loses_control_characters_and_is_cut_to_what_excel_holds():
    assert text_cell("a\x07b\x00") == "ab"
    assert text_cell(12.0) == "12" and text_cell(None) == ""
    assert len(text_cell("x" * (CELL_LIMIT + 5))) == CELL_LIMIT
