"""A sheet added to an existing book: listed in workbook.xml in the standard order, related, typed in
[Content_Types].xml, titled in docProps/app.xml, with the defined names of later sheets moved along; and a hidden or
very hidden sheet when its spec asks (docs/ooxml.md#the-workbook-part)."""

from __future__ import annotations

import dataclasses
import zipfile

import openpyxl
import pandas as pd
import xlsxwriter
from lxml import etree

from tkops.book.layout import IMPORT_LOG, PICKLIST, SETTINGS
from tkops.book.ooxml import OoxmlWorkbook

VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def excel_like_book(path):
    """Orders, then Settings with a sheet-local print area, written by XlsxWriter (which writes app.xml)."""
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Orders").write_row(0, 0, ["Order ID", "Seller SKU"])
    settings = wb.add_worksheet("Settings")
    settings.write_row(0, 0, SETTINGS.headers)
    settings.print_area("A1:D20")
    wb.get_worksheet_by_name("Orders").activate()
    wb.close()
    return path


def titles(path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("docProps/app.xml"))
    pairs = [e.text for e in root.iter(f"{{{VT}}}lpstr", f"{{{VT}}}i4")]
    names = [e.text for e in root.find(".//{*}TitlesOfParts").iter(f"{{{VT}}}lpstr")]
    return pairs, names


def test_a_new_standard_sheet_goes_in_its_place_and_later_names_follow(tmp_path):
    path = excel_like_book(tmp_path / "book.xlsx")
    book = OoxmlWorkbook(path)
    book.write_table(PICKLIST, pd.DataFrame([[1, "A", "A-1", "SKU-1", "Mug", "Red", 2, None, 1, None, "1"]],
                                            columns=PICKLIST.headers))
    out = tmp_path / "out.xlsx"
    book.save(out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Orders", "PickList", "Settings"]  # PickList comes before Settings in tkops' order
    assert wb["Settings"].print_area == "'Settings'!$A$1:$D$20"  # its sheet-local name moved with it
    assert wb["PickList"].print_area == "'PickList'!$A$1:$K$2"
    assert wb["PickList"].freeze_panes == "A2"
    assert wb["PickList"]["A1"].font.b and wb["PickList"]["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert wb["PickList"].tables["PickList"].ref == "A1:K2"
    assert wb.active.title == "Orders"
    pairs, names = titles(out)
    assert names[:3] == ["Orders", "PickList", "Settings"] and pairs[:2] == ["Worksheets", "3"]
    with zipfile.ZipFile(out) as z:
        types = z.read("[Content_Types].xml").decode()
        book_xml = z.read("xl/workbook.xml").decode()
    assert types.count("worksheet+xml") == 3 and "table+xml" in types
    assert 'sheetId="3"' in book_xml


def test_a_spec_may_hide_its_sheet(tmp_path):
    path = excel_like_book(tmp_path / "book.xlsx")
    for state in ("hidden", "veryHidden"):
        spec = dataclasses.replace(IMPORT_LOG)
        object.__setattr__(spec, "state", state)  # a SheetSpec field on branches that hide a sheet
        book = OoxmlWorkbook(path)
        book.write_table(spec, pd.DataFrame(columns=IMPORT_LOG.headers))
        out = tmp_path / f"{state}.xlsx"
        book.save(out)
        assert openpyxl.load_workbook(out)["ImportLog"].sheet_state == state
