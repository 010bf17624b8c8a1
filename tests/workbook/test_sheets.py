"""tkops.xlsm read back by openpyxl and from its XML: sheets, tables, frozen headers, drop-down lists, codeNames,
the xlwings.conf sheet, the Home sheet's defined names and its buttons' macro bindings."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils import get_column_letter
import pytest

from tkops.book import layout
from tkops.settings import sheet_rows
from tkops.xlsm import home, sheets, xlwings_conf
from tkops.xlsm.vba import macro_modules, public_subs

from .conftest import MACROS

NS = {"v": "urn:schemas-microsoft-com:vml", "x": "urn:schemas-microsoft-com:office:excel"}


@pytest.fixture(scope="module")
def wb(xlsm):
    book = openpyxl.load_workbook(xlsm, keep_vba=True)
    yield book
    book.close()


def _data_specs() -> list[layout.SheetSpec]:
    out = []
    for spec in sheets.WORKBOOK_SHEETS:
        if spec.name == "Orders":
            spec = spec.with_columns(layout.orders_columns([], set()))
        elif not spec.columns:
            continue  # a report sheet (AfterSalesSummary): cells and charts, no table
        out.append(spec)
    return out


def test_sheet_order_and_code_names(wb):
    # Home first, xlwings.conf last, and between them the same tabs as a workbook the commands write.
    assert wb.sheetnames == ["Home"] + [s.name for s in layout.STANDARD_SHEETS] + ["xlwings.conf"]
    assert wb.sheetnames[1:6] == ["Orders", "Review", "PickList", "Pack", "AfterSales"]
    assert wb.sheetnames == sheets.all_sheet_names()
    assert wb.code_name == "ThisWorkbook"
    codes = {ws.title: ws.sheet_properties.codeName for ws in wb}
    assert codes == {name: sheets.code_name(name) for name in wb.sheetnames}
    assert codes["Home"] == "shHome" and codes["xlwings.conf"] == "shXlwingsConf"
    for code in codes.values():
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", code)
    assert len({c.lower() for c in codes.values()}) == len(codes)
    assert wb.active.title == "Home"


@pytest.mark.parametrize("spec", _data_specs(), ids=lambda s: s.name)
def test_data_sheet_is_a_table_with_frozen_header(wb, spec):
    ws = wb[spec.name]
    assert [c.value for c in ws[1]][:len(spec.headers)] == spec.headers
    assert list(ws.tables) == [spec.table]
    table = ws.tables[spec.table]
    assert [c.name for c in table.tableColumns] == spec.headers
    assert table.ref.startswith("A1:")
    frozen = spec.headers.index(spec.freeze) + 1 if spec.freeze else 0  # header row, and up to the freeze column
    assert ws.freeze_panes == f"{get_column_letter(frozen + 1)}2"
    widths = _column_widths(ws)
    for i, column in enumerate(spec.columns, start=1):
        assert widths.get(i) == pytest.approx(column.width, abs=1), column.header
    lists = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        col = openpyxl.utils.column_index_from_string(str(dv.sqref).split(":")[0].rstrip("0123456789"))
        lists[spec.headers[col - 1]] = dv.formula1.strip('"').split(",")
    assert lists == {h: list(v) for h, v in spec.lists.items() if h in spec.headers}


def _column_widths(ws) -> dict[int, float]:
    """Column index -> width; a <col min max> element covers several columns."""
    out = {}
    for dim in ws.column_dimensions.values():
        if dim.width:
            for i in range(dim.min, dim.max + 1):
                out[i] = dim.width
    return out


def test_orders_has_the_review_status_and_tick_lists(wb):
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    lists = {headers[ws[str(dv.sqref).split(":")[0]].column - 1]: dv.formula1
             for dv in ws.data_validations.dataValidation}
    assert lists == {"Review Status": '"New,Hold,Ready,Done"', "Picked": '"Yes,No"', "Packed": '"Yes,No"',
                     "QC OK": '"Yes,No"'}


def test_placeholder_sheets_have_the_agreed_headers(wb):
    assert [c.value for c in wb["Review"][1]] == layout.REVIEW.headers
    assert [c.value for c in wb["Rules"][1]] == layout.RULES.headers
    assert wb["Rules"].max_row > 10  # the default rules, ready to switch off or tune


def test_settings_sheet_holds_the_default_settings(wb):
    rows = [[("" if v is None else v) for v in row] for row in wb["Settings"].iter_rows(values_only=True)]
    assert rows == sheet_rows()


def test_xlwings_conf_sheet_as_xlwings_reads_it(wb):
    ws = wb["xlwings.conf"]
    # xlwings' GetConfigFromSheet: keys from A1 down to the first empty cell (upper-cased, must be unique),
    # each value in column B.
    found = {}
    row = 1
    while ws.cell(row, 1).value not in (None, ""):
        key = str(ws.cell(row, 1).value).upper()
        assert key not in found, f"duplicate key {key} (xlwings' Dictionary.Add would fail)"
        found[key] = ws.cell(row, 2).value
        row += 1
    assert all(ws.cell(r, 1).value is None for r in range(row, ws.max_row + 1)), "column A must hold keys only"
    assert found == {
        "INTERPRETER_WIN": xlwings_conf.DEFAULT_INTERPRETER_WIN,
        "INTERPRETER_MAC": xlwings_conf.DEFAULT_INTERPRETER_MAC,
        "PYTHONPATH": None,
        "CONDA PATH": None,
        "CONDA ENV": None,
        "ADD_WORKBOOK_TO_PYTHONPATH": "false",
        "USE UDF SERVER": False,
        "SHOW CONSOLE": False,
    }
    assert found["INTERPRETER_WIN"] == r"%USERPROFILE%\tkops-env\Scripts\python.exe"
    assert found["INTERPRETER_MAC"] == "$HOME/tkops-env/bin/python"
    assert ws.tables == {}


def _named_cell(wb, name: str) -> str:
    (sheet, ref), = wb.defined_names[name].destinations
    assert sheet == "Home"
    assert ":" not in ref, f"{name} must be one cell: the Python side writes one string to it"
    return ref.replace("$", "")


def _merged_block(ws, ref: str):
    (block,) = [m for m in ws.merged_cells.ranges if ref in m]
    assert block.coord.startswith(ref + ":")
    return block


def test_home_defined_names_and_contents(wb):
    ws = wb["Home"]
    status = _named_cell(wb, home.STATUS_NAME)
    assert ws[status].value == "就绪  Ready"
    summary = _named_cell(wb, home.SUMMARY_NAME)
    assert ws[summary].value == "尚未运行  Not run yet"
    for ref, lines in ((status, home.STATUS_LINES), (summary, home.SUMMARY_LINES)):
        block = _merged_block(ws, ref)
        assert block.min_row == block.max_row and block.max_col - block.min_col >= 1
        assert ws[ref].alignment.wrap_text
        assert ws.row_dimensions[block.min_row].height >= lines * 12
    # Formulas never: every string on Home is a plain string.
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert not ws.sheet_view.showGridLines
    assert ws.print_area and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def _buttons(xlsm) -> list[dict]:
    with zipfile.ZipFile(xlsm) as z:
        vml_parts = [n for n in z.namelist() if re.fullmatch(r"xl/drawings/vmlDrawing\d+\.vml", n)]
        assert vml_parts == ["xl/drawings/vmlDrawing1.vml"]
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        assert "../drawings/vmlDrawing1.vml" in rels  # the buttons are on the first sheet, Home
        root = ElementTree.fromstring(z.read(vml_parts[0]))
    found = []
    for shape in root.findall("v:shape", NS):
        data = shape.find("x:ClientData", NS)
        if data is None or data.get("ObjectType") != "Button":
            continue
        caption = "".join(shape.find("v:textbox", NS).itertext())
        anchor = [int(v) for v in data.find("x:Anchor", NS).text.split(",")]
        found.append({"macro": data.find("x:FmlaMacro", NS).text, "caption": caption,
                      "col": anchor[0], "row": anchor[2]})
    return found


def test_buttons_call_subs_that_exist(xlsm):
    buttons = _buttons(xlsm)
    assert [b["macro"] for b in buttons] == [f"[0]!{b.macro}" for b in home.BUTTONS]
    assert [b["caption"] for b in buttons] == [b.caption for b in home.BUTTONS]
    subs = {name for m in macro_modules(MACROS) if m.kind == "standard" for name in public_subs(m.code)}
    for button in buttons:
        assert button["macro"].removeprefix("[0]!") in subs
    for b in home.BUTTONS:  # captions in Chinese and English
        assert re.search(r"[\u4e00-\u9fff]", b.caption) and re.search(r"[A-Za-z]", b.caption)


def test_button_cells_hold_the_caption_for_printing(xlsm, wb):
    ws = wb["Home"]
    for button in _buttons(xlsm):
        assert ws.cell(button["row"] + 1, button["col"] + 1).value == button["caption"]


def test_orders_colours_problems_by_severity(wb):
    """The review's highlight rules are in the workbook from the start: the Review button only writes flags."""
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    flags = ws.cell(1, headers.index("tkops Flags") + 1).column_letter
    assert wb.defined_names["tkops_flags"].attr_text == f"'Orders'!${flags}:${flags}"
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    # E/W/I: the review's severities; L/S/K: the clocks' late / due soon / ok on the due-time cells.
    assert sorted(r.formula[0].split('"|')[1][0] for r in rules) == ["E", "I", "K", "L", "S", "W"]
    assert ws.column_dimensions[flags].hidden


def test_the_summary_sheet_has_charts_on_the_summary_data(tmp_path):
    """tkops.xlsm's AfterSalesSummary carries two charts reading the fixed cells the Summary button fills."""
    import zipfile

    from tkops.xlsm import build_workbook

    path = build_workbook(tmp_path / "tkops.xlsm")
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    refs = " ".join(charts)
    assert "AfterSalesSummary!$N$2:$N$13" in refs and "AfterSalesSummary!$O$2:$O$13" in refs
    assert "AfterSalesSummary!$Q$2:$Q$13" in refs and "AfterSalesSummary!$R$2:$R$13" in refs
