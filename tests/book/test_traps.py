"""The corner cases of the sheet XML the package-level editor must get right, each on a hand-written workbook
(docs/ooxml.md): written, saved, and read back with openpyxl and calamine."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from lxml import etree

from tests.book.helpers import calamine_rows, libreoffice_csv, needs_libreoffice, parts
from tests.book.minimal import HEADER_ROW, MAIN, SPEC, frame, istr, make_book, sheet
from tkops.book.ooxml import OoxmlWorkbook
from tkops.book.ooxml.sheet import ORDER

ROW2 = '<row r="2">' + istr("A2", "577000000000000001") + '<c r="B2"><v>3</v></c>' + istr("C2", "first") + "</row>"


def edit(path, rows, out=None, spec=SPEC):
    book = OoxmlWorkbook(path)
    book.write_table(spec, frame(rows))
    target = out or path.with_name("out.xlsx")
    book.save(target)
    return target


def child_order(path, part="xl/worksheets/sheet1.xml") -> list[str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(part))
    names = []
    for child in root:
        name = etree.QName(child).localname
        if name == "AlternateContent":
            name = etree.QName(child[0][0]).localname
        names.append(name)
    return names


def assert_in_schema_order(path) -> None:
    names = child_order(path)
    assert [ORDER.index(n) for n in names] == sorted(ORDER.index(n) for n in names), names


def test_a_replaced_formula_drops_the_calculation_chain(tmp_path):
    body = HEADER_ROW + '<row r="2">' + istr("A2", "1") + '<c r="B2"><f>1+1</f><v>2</v></c></row>'
    path = make_book(tmp_path / "calc.xlsx", sheet(body),
                     extra={"xl/calcChain.xml": f'<calcChain xmlns="{MAIN}"><c r="B2" i="1"/></calcChain>'},
                     workbook_rels='<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
                                   '2006/relationships/calcChain" Target="calcChain.xml"/>',
                     overrides='<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.spreadsheetml.calcChain+xml"/>')
    assert OoxmlWorkbook(path).read_rows("Data")[1][1] == "=1+1"  # a formula reads as its text
    out = edit(path, [("1", 5, None, None)])
    after = parts(out)
    assert "xl/calcChain.xml" not in after
    assert b"calcChain" not in after["xl/_rels/workbook.xml.rels"] and b"calcChain" not in after["[Content_Types].xml"]
    assert openpyxl.load_workbook(out)["Data"]["B2"].value == 5


def test_an_unchanged_formula_keeps_the_calculation_chain(tmp_path):
    body = HEADER_ROW + '<row r="2">' + istr("A2", "1") + '<c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
    path = make_book(tmp_path / "calc.xlsx", sheet(body),
                     extra={"xl/calcChain.xml": f'<calcChain xmlns="{MAIN}"><c r="C2" i="1"/></calcChain>'},
                     workbook_rels='<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
                                   '2006/relationships/calcChain" Target="calcChain.xml"/>')
    note = OoxmlWorkbook(path).read_rows("Data")[1][2]
    assert note == '="a"&"b"'
    out = edit(path, [("1", 4, note, None)])  # a job writes back what it read: the formula stays a formula
    assert "xl/calcChain.xml" in parts(out)
    ws = openpyxl.load_workbook(out)["Data"]
    assert (ws["B2"].value, ws["C2"].value, ws["C2"].data_type) == (4, '="a"&"b"', "f")


def test_overwriting_the_first_cell_of_a_shared_formula_writes_the_formula_out_in_the_others(tmp_path):
    rows = [HEADER_ROW]
    for r in range(2, 6):
        f = '<f t="shared" ref="C2:C5" si="0">B2*2</f>' if r == 2 else '<f t="shared" si="0"/>'
        rows.append(f'<row r="{r}">' + istr(f"A{r}", str(r)) + f'<c r="B{r}"><v>{r}</v></c><c r="C{r}">{f}'
                    f'<v>{2 * r}</v></c></row>')
    path = make_book(tmp_path / "shared.xlsx", sheet("".join(rows)))
    read = OoxmlWorkbook(path).read_rows("Data")
    assert [r[2] for r in read[1:]] == ["=B2*2", "=B3*2", "=B4*2", "=B5*2"]
    data = [(str(r), r, read[r - 1][2], None) for r in range(2, 6)]
    data[0] = ("2", 2, "typed over", None)
    out = edit(path, data)
    ws = openpyxl.load_workbook(out)["Data"]
    assert [ws[f"C{r}"].value for r in range(2, 6)] == ["typed over", "=B3*2", "=B4*2", "=B5*2"]
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert b't="shared"' not in xml


def test_a_cell_hidden_by_a_merge_is_unmerged_when_written(tmp_path):
    body = HEADER_ROW + ROW2
    path = make_book(tmp_path / "merged.xlsx", sheet(body, after='<mergeCells count="2"><mergeCell ref="B2:C2"/>'
                                                                   '<mergeCell ref="F5:G6"/></mergeCells>'))
    out = edit(path, [("577000000000000001", 3, "second", None)])
    ws = openpyxl.load_workbook(out)["Data"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["F5:G6"]
    assert ws["C2"].value == "second"
    assert_in_schema_order(out)


def test_rich_text_and_error_cells_read_as_their_text_and_stay_as_they_were(tmp_path):
    shared = (f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><r><t xml:space="preserve">rich </t></r>'
              "<r><rPr><b/></rPr><t>text</t></r></si></sst>")
    row3 = '<row r="3">' + istr("A3", "2") + '<c r="C3" t="s"><v>0</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
    path = make_book(tmp_path / "rich.xlsx", sheet(HEADER_ROW + ROW2 + row3), shared=shared)
    rows = OoxmlWorkbook(path).read_rows("Data")
    assert rows[2][2:4] == ["rich text", "#N/A"]
    out = edit(path, [("577000000000000001", 4, "first", None), ("2", None, "rich text", "#N/A")])
    before, after = parts(path), parts(out)
    assert after["xl/sharedStrings.xml"] == before["xl/sharedStrings.xml"]
    assert row3.encode() in after["xl/worksheets/sheet1.xml"]  # the row nobody changed, byte for byte
    assert calamine_rows(out, "Data")[2][2] == "rich text"


def test_a_sheet_written_with_a_namespace_prefix(tmp_path):
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}"><x:dimension ref="A1:D2"/>'
           '<x:sheetData><x:row r="1">' + "".join(
               f'<x:c r="{c}1" t="inlineStr"><x:is><x:t>{h}</x:t></x:is></x:c>'
               for c, h in zip("ABCD", SPEC.headers)) + '</x:row><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c>'
           "</x:row></x:sheetData></x:worksheet>")
    path = make_book(tmp_path / "prefix.xlsx", xml)
    out = edit(path, [("A-1", 1, None, None), ("A-2", 2, "two", "|E:Qty|")])
    rows = [list(r) for r in openpyxl.load_workbook(out)["Data"].iter_rows(values_only=True)]
    assert rows[1:3] == [["A-1", 1, None, None], ["A-2", 2, "two", "|E:Qty|"]]
    assert calamine_rows(out, "Data")[2] == ["A-2", 2.0, "two", "|E:Qty|"]
    with zipfile.ZipFile(out) as z:
        xml_out = z.read("xl/worksheets/sheet1.xml")
    assert b"<x:row" in xml_out and b"<row" not in xml_out
    assert_in_schema_order(out)


def test_alternate_content_and_x14ac_attributes_survive_and_new_elements_go_in_schema_order(tmp_path):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    x14ac = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
    attrs = f' xmlns:mc="{mc}" xmlns:x14ac="{x14ac}" mc:Ignorable="x14ac"'
    body = ('<row r="1" spans="1:4" x14ac:dyDescent="0.25">' + HEADER_ROW[len('<row r="1">'):]
            + '<row r="2" spans="1:4" x14ac:dyDescent="0.25">' + ROW2[len('<row r="2">'):])
    controls = ('<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent>'
                '<mc:Choice Requires="x14"><control shapeId="1025" r:id="rId3" name="Check Box 1"/></mc:Choice>'
                '</mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>')
    after = ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' + controls + '<tableParts count="0"/>')
    path = make_book(tmp_path / "mc.xlsx", sheet(body, after=after, root_attrs=attrs))
    out = edit(path, [("577000000000000001", 3, "first", None), ("2", 1, "check", "|E:Qty|")])
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert b'mc:Ignorable="x14ac"' in xml and b'xmlns:x14ac="' + x14ac.encode() in xml
    assert b'<row r="1" spans="1:4" x14ac:dyDescent="0.25">' in xml  # an unchanged row, as it was
    assert b"Check Box 1" in xml
    order = child_order(out)
    assert order.index("conditionalFormatting") < order.index("dataValidations") < order.index("drawing")
    assert order.index("cols") < order.index("sheetData") and order[-1] == "tableParts"
    assert_in_schema_order(out)


def test_rows_and_cells_without_references(tmp_path):
    body = ("<row>" + "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in SPEC.headers) + "</row>"
            '<row><c t="inlineStr"><is><t>577000000000000001</t></is></c><c><v>2</v></c></row>'
            '<row><c t="inlineStr"><is><t>577000000000000002</t></is></c><c><f>1+1</f><v>2</v></c></row>')
    path = make_book(tmp_path / "noref.xlsx", sheet(body))
    rows = OoxmlWorkbook(path).read_rows("Data")
    assert [r[:2] for r in rows] == [["Order ID", "Qty"], ["577000000000000001", 2], ["577000000000000002", "=1+1"]]
    out = edit(path, [("577000000000000001", 7, None, None), ("577000000000000002", None, "x", None),
                      ("577000000000000003", 1, None, None)])
    got = [list(r) for r in openpyxl.load_workbook(out)["Data"].iter_rows(values_only=True)]
    assert [r[:3] for r in got[1:]] == [["577000000000000001", 7, None], ["577000000000000002", "=1+1", "x"],
                                        ["577000000000000003", 1, None]]  # the formula is kept


def test_a_very_wide_row_and_a_dimension_to_the_last_row(tmp_path):
    wide = '<row r="5">' + "".join(f'<c r="{_col(c)}5"><v>{c}</v></c>' for c in range(5, 16385)) + "</row>"
    last = '<row r="1048576"><c r="A1048576" s="1"/></row>'
    path = make_book(tmp_path / "wide.xlsx", sheet(HEADER_ROW + ROW2 + wide + last,
                                                   before='<dimension ref="A1:XFD1048576"/>'))
    book = OoxmlWorkbook(path)
    rows = book.read_rows("Data")
    assert len(rows) == 5 and len(rows[4]) == 16384 and rows[4][-1] == 16384
    out = edit(path, [("577000000000000001", 3, "first", None)] + [(str(i), i, None, None) for i in range(2, 8)])
    ws = openpyxl.load_workbook(out, read_only=True)["Data"]
    assert ws.calculate_dimension() == "A1:XFD1048576"
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert xml.index(b'<row r="8">') < xml.index(b'<row r="1048576">')
    got = calamine_rows(out, "Data")
    assert [r[:2] for r in got[1:8]] == [["577000000000000001", 3.0]] + [[str(i), float(i)] for i in range(2, 8)]
    assert got[4][16383] == 16384.0 or got[4][16383] == 16384


def _col(n: int) -> str:
    from tkops.book.ooxml.cellxml import column_letter

    return column_letter(n)


@needs_libreoffice
@pytest.mark.parametrize("case", ["prefix", "alternate-content"])
def test_libreoffice_opens_the_edited_corner_cases(tmp_path, case):
    if case == "prefix":
        test_a_sheet_written_with_a_namespace_prefix(tmp_path)
    else:
        test_alternate_content_and_x14ac_attributes_survive_and_new_elements_go_in_schema_order(tmp_path)
    sheets = libreoffice_csv(tmp_path / "out.xlsx", tmp_path / "lo")
    data = next(iter(sheets.values()))
    assert data[0][:4] == SPEC.headers


def test_a_formula_in_a_number_column_is_kept(tmp_path):
    body = HEADER_ROW + '<row r="2">' + istr("A2", "1") + '<c r="B2"><f>2*3</f><v>6</v></c></row>'
    path = make_book(tmp_path / "kept.xlsx", sheet(body))
    read = OoxmlWorkbook(path).read_rows("Data")
    out = edit(path, [(read[1][0], read[1][1], "noted", None)])  # the job writes back what it read
    ws = openpyxl.load_workbook(out)["Data"]
    assert (ws["B2"].value, ws["C2"].value) == ("=2*3", "noted")


def test_no_file_handle_stays_open_on_the_workbook(tmp_path):
    """Windows cannot replace a file a process holds open: the editor reads the book whole and keeps no handle."""
    import os

    path = make_book(tmp_path / "open.xlsx", sheet(HEADER_ROW + ROW2))
    book = OoxmlWorkbook(path)
    book.read_rows("Data")
    book.write_table(SPEC, frame([("1", 2, "x", None)]))
    book.save(tmp_path / "new.xlsx")
    fds = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
           if os.path.exists(f"/proc/self/fd/{fd}")]
    assert str(path) not in fds
    os.replace(tmp_path / "new.xlsx", path)
    assert OoxmlWorkbook(path).read_rows("Data")[1][:3] == ["1", 2, "x"]


def test_a_sheet_starting_below_and_right_of_a1_reads_from_a1(tmp_path):
    body = '<row r="3"><c r="C3" t="inlineStr"><is><t>first</t></is></c><c r="D3"><v>4</v></c></row>'
    rows = OoxmlWorkbook(make_book(tmp_path / "offset.xlsx", sheet(body))).read_rows("Data")
    assert rows == [[None] * 4, [None] * 4, [None, None, "first", 4]]


def test_rows_out_of_order_are_refused_naming_the_part(tmp_path):
    from tkops.errors import UnsafeWorkbook

    body = HEADER_ROW + '<row r="3"><c r="A3"><f>1</f></c></row><row r="2"><c r="A2"><v>1</v></c></row>'
    path = make_book(tmp_path / "order.xlsx", sheet(body.replace(' r="A3"', "").replace(' r="A2"', "")))
    with pytest.raises(UnsafeWorkbook) as caught:
        OoxmlWorkbook(path).read_rows("Data")
    assert "xl/worksheets/sheet1.xml" in caught.value.render("en") and "row 2 comes after row 3" in str(caught.value)
