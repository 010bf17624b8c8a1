"""The PickList sheet: its frame, and print setup written by XlsxWriter or openpyxl, read back with openpyxl."""

from __future__ import annotations

import openpyxl
import pytest
import xlsxwriter

from tests.picking.conftest import BUNDLES, INVENTORY, frame, line
from tkops.book.xlsx_new import WORKBOOK_OPTIONS, cell_formats, write_sheet
from tkops.book.layout import PICKLIST
from tkops.book.printing import print_setup
from tkops.picking import pick_list, released, sheet_frame, waves

HOSTILE_SKU = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def sheet():
    lines = frame(line(1, "MUG"), line(2, "GIFT-SET", qty=2), line(2, "PIN"), line(3, HOSTILE_SKU),
                  line(4, "TEE-M", product_name="@SUM(1+1)"))
    ready = released(lines)
    pick = pick_list(ready, INVENTORY, BUNDLES, waves(ready, bundles=BUNDLES))
    return sheet_frame(pick, "zh")


def test_sheet_frame_headers_and_flags_in_the_team_language(sheet):
    assert list(sheet.columns) == PICKLIST.headers
    assert sheet["Check"].isna().all()
    assert set(sheet["Flag"]) == {"", "无库位", "无库位; 库存表中无此 SKU"}


def check_print_setup(path, rows: int) -> None:
    ws = openpyxl.load_workbook(path)["PickList"]
    assert ws.print_area == f"'PickList'!$A$1:$K${rows + 1}"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    # fit to one page wide (1 is the file format's default, which XlsxWriter leaves out), any number tall (0)
    assert int(ws.page_setup.fitToWidth or 1) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_options.gridLines is True
    assert ws.print_options.horizontalCentered is True
    # buyer and team text stays text: a formula-looking SKU is a string cell, never a formula
    values = [c.value for c in ws["D"]]
    assert HOSTILE_SKU in values
    assert all(c.data_type == "s" for c in ws["D"] if c.value is not None)


def test_xlsxwriter_print_setup(sheet, tmp_path):
    path = tmp_path / "pick.xlsx"
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)  # constant-memory, as the file backend writes
    ws = write_sheet(workbook, PICKLIST, sheet, cell_formats(workbook))
    print_setup(ws, len(sheet), len(PICKLIST.columns) - 1)
    workbook.close()
    check_print_setup(path, len(sheet))


def test_xlsxwriter_print_setup_defaults_to_what_was_written(sheet, tmp_path):
    path = tmp_path / "pick.xlsx"
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    ws = write_sheet(workbook, PICKLIST, sheet, cell_formats(workbook))
    print_setup(ws)
    workbook.close()
    check_print_setup(path, len(sheet))


def test_openpyxl_print_setup(sheet, tmp_path):
    path = tmp_path / "pick.xlsx"
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    write_sheet(workbook, PICKLIST, sheet, cell_formats(workbook))
    workbook.close()
    book = openpyxl.load_workbook(path)
    print_setup(book["PickList"])
    book.save(path)
    check_print_setup(path, len(sheet))
