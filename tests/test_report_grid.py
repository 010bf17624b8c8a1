"""Report sheets (write_grid): a whole sheet of headings, text and numbers replaced on each run, in both backends,
with text never turned into a formula, number or date."""

from __future__ import annotations

import datetime as dt

import openpyxl
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.book.layout import SheetSpec
from tkops.book.live import LiveBook
from tkops.settings import Settings

from fakes.xlwings_fake import FakeBook

REPORT = SheetSpec("Report", "Report")
ROWS = [["Cases by cause"], ["Cause", "Cases", "Cost"], ["size_fit", 12, 80.5], ["=HYPERLINK(\"x\")", 1, 0.0],
        [None], ["Written", dt.datetime(2026, 11, 26, 9, 30), "0012"], ["-5 items", "2026-11-26", "'quoted"]]


def test_file_backend_replaces_the_sheet_and_keeps_types(tmp_path):
    path = tmp_path / "ops.xlsx"
    book = FileBook(path, Settings())
    book.save()  # a new workbook with the standard sheets
    book = FileBook(path, Settings())
    book.write_grid(REPORT, [["old"] * 6] * 40)
    book.save()
    book = FileBook(path, Settings())
    book.write_grid(REPORT, ROWS, bold_rows=frozenset({0, 1}), widths={1: 24})
    book.save()
    ws = openpyxl.load_workbook(path)["Report"]
    assert ws.max_row == len(ROWS) and ws.max_column == 3  # nothing of the older, larger report is left
    assert ws["A1"].font.b and ws["B2"].font.b and not ws["A3"].font.b
    assert ws["B3"].value == 12 and ws["C3"].value == 80.5
    assert ws["A4"].data_type == "s" and ws["A4"].value == '=HYPERLINK("x")'
    assert ws["C6"].value == "0012" and ws["A7"].value == "-5 items" and ws["B7"].value == "2026-11-26"
    assert ws.column_dimensions["A"].width == 24
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Report").to_python()
    assert values[2][:3] == ["size_fit", 12, 80.5] and values[3][0] == '=HYPERLINK("x")'


def test_live_backend_writes_the_same_values_in_a_few_calls(tmp_path):
    fake = FakeBook(str(tmp_path / "tkops.xlsm"), {"Home": [["tkops"]], "Report": [["old"] * 6] * 40})
    live = LiveBook(fake)
    before = fake.calls
    live.write_grid(REPORT, ROWS, bold_rows=frozenset({0, 1}), widths={1: 24})
    assert fake.calls - before <= 12  # clear, one block, two headings, one width: not one call per cell
    sheet = fake.sheets["Report"]
    assert sheet.value_at(3, 2) == 12 and sheet.value_at(3, 3) == 80.5
    assert sheet.value_at(4, 1) == '=HYPERLINK("x")' and sheet._get((4, 1)).formula is None
    assert sheet.value_at(6, 3) == "0012" and sheet.value_at(7, 1) == "-5 items"
    assert sheet.value_at(7, 2) == "2026-11-26" and sheet.value_at(7, 3) == "'quoted"
    assert sheet._get((1, 1)).bold and not sheet._get((3, 1)).bold
    assert sheet.value_at(20, 1) is None  # the older, larger report is gone
