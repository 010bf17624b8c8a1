"""What SheetSpec asks for reading, on an existing book edited part by part (tkops.book.ooxml): panes frozen on the
header row and the ``freeze`` column, multi-line columns wrapped at the top with rows as tall as the text written,
the outline collapsed once (a group the team opened stays open), and a renamed sheet that still holds its table named
instead of a second table added beside it."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.ooxml import OoxmlWorkbook
from tkops.errors import DataError

from .helpers import changed, parts, sheet_part

SPEC = SheetSpec("Notes", "Notes", (ColumnSpec("Note ID", width=12), ColumnSpec("Text", width=20),
                                    ColumnSpec("Detail A", width=10), ColumnSpec("Detail B", width=10),
                                    ColumnSpec("Owner", width=10)),
                 freeze="Note ID", wrap=("Text",), outline=("Detail A", "Detail B"))


def frame(*texts) -> pd.DataFrame:
    return pd.DataFrame({"Note ID": [f"N{i}" for i in range(len(texts))], "Text": list(texts),
                         "Detail A": ["a"] * len(texts), "Detail B": ["b"] * len(texts), "Owner": ["Mei"] * len(texts)})


def blank_book(path):
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Start").write(0, 0, "tkops")
    wb.close()
    return path


def edit(path, spec: SheetSpec, data: pd.DataFrame) -> None:
    book = OoxmlWorkbook(path)
    book.write_table(spec, data)
    book.save(path)


def dimension_of(ws, column: int):
    return next(d for d in ws.column_dimensions.values() if (d.min or 0) <= column <= (d.max or 0))


def test_a_new_sheet_is_frozen_wrapped_tall_enough_and_its_details_grouped(tmp_path):
    path = blank_book(tmp_path / "b.xlsx")
    edit(path, SPEC, frame("one line", "Thank you!\nWe are sorry.\nIt ships today.", "x" * 60))
    ws = openpyxl.load_workbook(path)["Notes"]
    assert ws.freeze_panes == "B2"
    for r in (2, 3, 4):
        assert ws.cell(r, 2).alignment.wrap_text and ws.cell(r, 2).alignment.vertical == "top"
    assert not ws.cell(2, 1).alignment.wrap_text  # only the multi-line column
    assert ws.row_dimensions[2].height is None  # one line: Excel's own height
    assert ws.row_dimensions[3].height == 45 and ws.row_dimensions[4].height == 45  # 3 paragraphs; 60 chars at 20
    for c in (3, 4):
        assert dimension_of(ws, c).outlineLevel == 1 and dimension_of(ws, c).hidden
    assert dimension_of(ws, 5).collapsed and not dimension_of(ws, 5).hidden
    assert ws.sheet_format.outlineLevelCol == 1


def test_rows_follow_the_text_written_and_unchanged_rows_are_left_alone(tmp_path):
    path = blank_book(tmp_path / "b.xlsx")
    edit(path, SPEC, frame("a\nb\nc", "short"))
    before = parts(path)
    edit(path, SPEC, frame("a\nb\nc", "short"))
    part = sheet_part(path, "Notes")
    assert part not in changed(before, parts(path))  # nothing new: the sheet's bytes stay
    edit(path, SPEC, frame("now one line", "short"))
    ws = openpyxl.load_workbook(path)["Notes"]
    assert ws.row_dimensions[2].height is None  # back to one line
    edit(path, SPEC, frame("now one line", "1\n2\n3\n4"))
    ws = openpyxl.load_workbook(path)["Notes"]
    assert ws.row_dimensions[3].height == 60 and ws.cell(3, 2).alignment.wrap_text


def test_a_group_the_team_opened_stays_open_and_a_team_freeze_is_set_again(tmp_path):
    path = blank_book(tmp_path / "b.xlsx")
    edit(path, SPEC, frame("x"))
    wb = openpyxl.load_workbook(path)
    ws = wb["Notes"]
    for c in (3, 4):
        dimension_of(ws, c).hidden = False
    dimension_of(ws, 5).collapsed = False
    ws.freeze_panes = None
    wb.save(path)
    edit(path, SPEC, frame("y", "z"))
    ws = openpyxl.load_workbook(path)["Notes"]
    assert not dimension_of(ws, 3).hidden and not dimension_of(ws, 4).hidden
    assert ws.freeze_panes == "B2"


def test_the_freeze_column_is_found_by_header_wherever_the_team_moved_it(tmp_path):
    path = tmp_path / "b.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Notes").write_row(0, 0, ["Owner", "Text", "Note ID"])
    wb.close()
    edit(path, SPEC, frame("x"))
    assert openpyxl.load_workbook(path)["Notes"].freeze_panes == "D2"


def test_a_renamed_sheet_holding_the_table_is_named_and_nothing_is_added(tmp_path):
    path = blank_book(tmp_path / "b.xlsx")
    edit(path, SPEC, frame("x"))
    wb = openpyxl.load_workbook(path)
    wb["Notes"].title = "Notizen"
    wb.save(path)
    before = parts(path)
    book = OoxmlWorkbook(path)
    with pytest.raises(DataError) as err:
        book.write_table(SPEC, frame("y"))
    assert err.value.code == "table_elsewhere"
    assert 'the table "Notes" is on the sheet "Notizen"' in err.value.render("en")
    assert "工作表“Notizen”" in err.value.render("zh")
    assert parts(path) == before
