"""What a file holds (tkops.sources.sniff), the checks on a workbook's package before calamine reads it
(tkops.sources.guard), how far a sheet's cells reach (tkops.cells.extent), and calamine's errors as clean ones
(tkops.sources.raw.open_workbook). Real files in, the error's code and parameters out."""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

import pytest
import python_calamine
from hypothesis import HealthCheck, given, settings, strategies as st
from python_calamine import CalamineWorkbook

from tkops.errors import DataError
from tkops.settings import Settings
from tkops.cells import extent
from tkops.sources import guard, sniff
from tkops.sources.raw import open_workbook, read_text_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import hostile_packages as H  # noqa: E402  (the corpus's package builders)

from conftest import EXPORTS  # noqa: E402


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(call, code: str) -> DataError:
    with pytest.raises(DataError) as caught:
        call()
    assert caught.value.code == code, caught.value.render()
    return caught.value


# --- what a file is -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, kind", [
    (b"", "empty"), (b" \r\n\t", "empty"), (b"%PDF-1.7\n", "pdf"), (b"\x89PNG\r\n\x1a\nxxxx", "image"),
    (b"\xff\xd8\xff\xe0", "image"), (b"GIF89a", "image"), (b"\x1f\x8b\x08", "archive"),
    (b"Rar!\x1a\x07\x00", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"), (b"<!DOCTYPE html><html>", "html"), (b"\xef\xbb\xbf<table><tr>", "html"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', "xml2003"),
    (b'<?xml version="1.0"?><orders/>', "xml"), (b"Order ID,Quantity\n1,2\n", "csv"),
    ("Order ID,Quantity\n".encode("utf-16"), "csv"), ("Order ID,Quantity\n".encode("utf-16-le"), "utf16"),
    (b"\x00\x01\x02\x03binary", "binary"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "xls"),
])
def test_kinds_from_the_bytes(tmp_path, data, kind):
    assert sniff.kind_of(write(tmp_path, "f.bin", data)) == kind


def test_zip_kinds(tmp_path):
    assert sniff.kind_of(write(tmp_path, "a", H.package(H.sheet_xml(H.header_row())))) == "xlsx"
    assert sniff.kind_of(write(tmp_path, "b", H.zip_of({"xl/workbook.bin": b""}))) == "xlsb"
    assert sniff.kind_of(write(tmp_path, "c", H.ods(b"<x/>"))) == "ods"
    assert sniff.kind_of(write(tmp_path, "d", H.zip_of({"word/document.xml": b""}))) == "document"
    assert sniff.kind_of(write(tmp_path, "e", H.zip_of({"orders.csv": b"a,b"}))) == "zip"


def test_a_file_must_be_what_its_name_says(tmp_path):
    err = refused(lambda: sniff.expect(write(tmp_path, "orders.xlsx", b"Order ID,Quantity\n")), "input.wrong_suffix")
    assert err.params == {"file": "orders.xlsx", "what": "what.csv", "suffix": ".xlsx", "right": ".csv"}
    assert "CSV 文本" in err.render("zh") and ".csv" in err.render("zh")
    xlsx = H.package(H.sheet_xml(H.header_row()))
    assert refused(lambda: sniff.expect(write(tmp_path, "o.csv", xlsx)), "input.wrong_suffix").params["right"] \
        == ".xlsx"
    assert refused(lambda: sniff.expect(write(tmp_path, "o.xls", xlsx)), "input.wrong_suffix").params["right"] \
        == ".xlsx"
    assert sniff.expect(write(tmp_path, "o.xlsm", xlsx)) == "xlsx"
    assert sniff.expect(write(tmp_path, "o.txt", b"a,b\n")) == "csv"


def test_not_data_says_what_it_is_and_what_to_do(tmp_path):
    err = refused(lambda: sniff.expect(write(tmp_path, "orders.csv", b"%PDF-1.4")), "input.not_data")
    assert err.render("en").startswith("orders.csv is a PDF document, not a CSV or Excel file")
    assert "Export the data again" in err.render("en") and "PDF 文档" in err.render("zh")
    zip_err = refused(lambda: sniff.expect(write(tmp_path, "x.xlsx", H.zip_of({"a.csv": b"1"}))), "input.not_data")
    assert "Unzip it" in zip_err.render("en")
    refused(lambda: sniff.expect(write(tmp_path, "e.csv", b"")), "input.empty")
    refused(lambda: sniff.expect(write(tmp_path, "p.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
                                       + "EncryptedPackage".encode("utf-16-le"))), "input.encrypted")


def test_csv_limits_come_from_the_settings(tmp_path):
    path = write(tmp_path, "big.csv", b"Order ID,Quantity\n" + b"577123456789012301,1\n" * 60_000)
    assert read_text_bytes(path, Settings()).startswith(b"Order ID")
    err = refused(lambda: read_text_bytes(path, Settings(max_file_mb="1")), "input.too_big")
    assert err.params["limit"] == "1"
    err = refused(lambda: read_text_bytes(path, Settings(max_sheet_cells="100000")), "input.csv_too_many_cells")
    assert (err.params["rows"], err.params["columns"]) == ("60,002", "2")
    refused(lambda: read_text_bytes(tmp_path / "missing.csv"), "file_not_found")


# --- the zip package ------------------------------------------------------------------------------------------------

def check(tmp_path, data: bytes, settings: Settings | None = None, kind: str = "xlsx", name: str = "book.xlsx"):
    guard.check_package(write(tmp_path, name, data), kind, guard.Limits.of(settings))


def test_a_valid_workbook_passes(tmp_path):
    check(tmp_path, (EXPORTS / "th_sea.xlsx").read_bytes())
    check(tmp_path, (EXPORTS / "dianxiaomi.xlsx").read_bytes())


def test_too_many_parts(tmp_path):
    parts = {f"p{i}.xml": b"" for i in range(guard.MAX_PARTS + 1)}
    err = refused(lambda: check(tmp_path, H.zip_of(parts)), "input.zip_parts")
    assert err.params["parts"] == guard.MAX_PARTS + 1


def test_ratio_applies_above_the_floor_only(tmp_path):
    small = H.package(H.sheet_xml(H.header_row() + b" " * (guard.RATIO_FLOOR - 4096)))
    check(tmp_path, small)  # about 1000:1, but under 10 MB unzipped: harmless
    big = H.package(H.sheet_xml(H.header_row() + b" " * (guard.RATIO_FLOOR + 4096)))
    err = refused(lambda: check(tmp_path, big), "input.zip_ratio")
    assert err.params["part"] == "xl/worksheets/sheet1.xml" and err.params["ratio"] > 500
    check(tmp_path, big, Settings(max_zip_ratio="5000"))


def test_total_size_declared_and_real(tmp_path):
    data = H.package(H.sheet_xml(H.header_row() + b" " * (3 * 2**20)))
    err = refused(lambda: check(tmp_path, data, Settings(max_file_mb="1", max_zip_ratio="9999")),
                  "input.unzips_too_big")
    assert err.params["limit"] == "1.0"
    lying = H.patch_sizes(data, "xl/worksheets/sheet1.xml", 100, 0)
    err = refused(lambda: check(tmp_path, lying), "input.damaged")
    assert "larger than the archive's index says" in err.params["detail"]


def test_encrypted_parts_and_odd_methods_and_checksums(tmp_path):
    data = bytearray(H.package(H.sheet_xml(H.header_row())))
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, at + 8, 1)  # general purpose flag: encrypted
    refused(lambda: check(tmp_path, bytes(data)), "input.encrypted")
    data = bytearray(H.package(H.sheet_xml(H.header_row())))
    struct.pack_into("<H", data, data.find(b"PK\x01\x02") + 10, 12)  # bzip2
    assert "method 12" in refused(lambda: check(tmp_path, bytes(data)), "input.damaged").params["detail"]
    assert "checksum" in refused(lambda: check(tmp_path, H.flip_stored_byte()), "input.damaged").params["detail"]
    whole = H.package(H.sheet_xml(H.header_row()))
    refused(lambda: check(tmp_path, whole[:len(whole) // 2]), "input.damaged")
    refused(lambda: check(tmp_path, whole[:200] + bytes(50) + whole[250:]), "input.damaged")


def test_every_sheet_is_checked_and_named(tmp_path):
    err = refused(lambda: check(tmp_path, H.two_sheets()), "input.sheet_too_big")
    assert (err.params["sheet"], err.params["ref"]) == ("Notes", "XFD1048576")
    assert err.params["cells"] == "17,179,869,184"


def test_declared_dimension_is_refused_when_absurd(tmp_path):
    err = refused(lambda: check(tmp_path, H.package(H.sheet_xml(H.header_row(), b"A1:XFD1048576"))),
                  "input.dimension_too_big")
    assert err.params["ref"] == "A1:XFD1048576"
    check(tmp_path, H.package(H.sheet_xml(H.header_row(), b"A1:BF100002")))


def test_max_sheet_cells_setting(tmp_path):
    cells = b"".join(b'<row r="%d"><c r="H%d"><v>1</v></c></row>' % (r, r) for r in range(2, 200))
    data = H.package(H.sheet_xml(H.header_row() + cells))
    check(tmp_path, data)
    err = refused(lambda: check(tmp_path, data, Settings(max_sheet_cells="1000")), "input.sheet_too_big")
    assert (err.params["ref"], err.params["limit"]) == ("H199", "1,000")


def test_ods_tables_are_checked(tmp_path):
    content = (b'<office:document-content xmlns:table="t" xmlns:office="o"><table:table table:name="Orders">'
               b'<table:table-row table:number-rows-repeated="3000"><table:table-cell office:value-type="float"/>'
               b'<table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table>'
               b'</office:document-content>')
    check(tmp_path, H.ods(content), kind="ods", name="a.ods")  # the empty filler does not count
    err = refused(lambda: check(tmp_path, H.ods(content), Settings(max_sheet_cells="2999"), "ods", "a.ods"),
                  "input.sheet_too_big")
    assert (err.params["sheet"], err.params["ref"]) == ("Orders", "A3000")


# --- how far cells reach, against calamine ---------------------------------------------------------------------------

def reach(xml: bytes, chunk: int = 7) -> tuple[int, int]:
    """The scanner's reach, fed in ``chunk``-byte pieces (tiny ones cut every tag somewhere), started again tag by
    tag when it asks, as the guard does."""
    for exact in (False, True):
        scanner = extent.XmlSheetExtent(exact=exact)
        try:
            for at in range(0, len(xml), chunk):
                scanner.feed(xml[at:at + chunk])
            return scanner.finish()
        except extent.Restart:
            assert not exact
    raise AssertionError("unreachable")


def calamine_end(tmp_path: Path, xml: bytes) -> tuple[int, int]:
    """The (row, column) calamine's sheet ends at, 1-based; (0, 0) when calamine refuses the sheet."""
    path = write(tmp_path, "probe.xlsx", H.package(xml))
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("OrderSKUList")
    except python_calamine.CalamineError:
        return 0, 0
    end = sheet.end
    return (end[0] + 1, end[1] + 1) if end else (0, 0)


def test_column_letters_round_trip():
    for number in (1, 26, 27, 52, 702, 703, 16384):
        assert extent.column_number(extent.column_letters(number)) == number
    assert extent.reference(1048576, 16384) == "XFD1048576"
    assert extent.declared_dimension(b'<worksheet><dimension ref="A1:C7"/>') == ("A1:C7", 7, 3)
    assert extent.declared_dimension(b'<x:dimension ref="B2"/>') == ("B2", 2, 2)
    assert extent.declared_dimension(b"<worksheet><sheetData/>") is None


def cell(prefix: bytes, ref: bytes | None, form: str) -> bytes:
    tag = prefix + b"c"
    value = b'<' + prefix + b'is><' + prefix + b't>x</' + prefix + b't></' + prefix + b'is>'
    attrs = {"plain": b' r="%s" t="inlineStr"', "late": b' t="inlineStr" r="%s"', "twice": b' r="A1" r="%s" '
             b't="inlineStr"', "lower": b' r="%s" t="inlineStr"', "spaced": b' r = " %s " t="inlineStr"'}[form]
    if ref is None:
        return b"<" + tag + b' t="inlineStr">' + value + b"</" + tag + b">"
    if form == "lower":
        ref = ref.lower()
    return b"<" + tag + attrs % ref + b">" + value + b"</" + tag + b">"


sheets = st.lists(st.tuples(st.integers(1, 300), st.lists(st.tuples(st.one_of(st.none(), st.tuples(
    st.integers(1, 60), st.integers(1, 300))), st.sampled_from(["plain", "late", "twice", "lower", "spaced"])),
    max_size=4), st.booleans()), min_size=1, max_size=6)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=sheets, prefix=st.sampled_from([b"", b"x:", "é:".encode()]), chunk=st.sampled_from([5, 64, 4096]))
def test_the_scanner_never_sees_less_than_calamine_allocates(tmp_path, rows, prefix, chunk):
    body = b""
    for number, cells, numbered in rows:
        row = b"<" + prefix + b"row" + (b' r="%d"' % number if numbered else b"") + b">"
        for ref, form in cells:
            coordinates = None if ref is None else (extent.column_letters(ref[0]) + str(ref[1])).encode()
            row += cell(prefix, coordinates, form)
        body += row + b"</" + prefix + b"row>"
    xml = H.sheet_xml(body, prefix=prefix)
    rows_seen, columns_seen = reach(xml, chunk)
    rows_used, columns_used = calamine_end(tmp_path, xml)
    assert rows_seen >= rows_used and columns_seen >= columns_used, (rows_seen, columns_seen, rows_used, columns_used)


def test_the_fast_reading_is_exact_for_ordinary_sheets(tmp_path):
    xml = (EXPORTS / "th_sea.xlsx")
    with zipfile.ZipFile(xml) as archive:
        name = next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        data = archive.read(name)
    scanner = extent.XmlSheetExtent()
    scanner.feed(data)
    assert scanner.finish() == calamine_end(tmp_path, data) or scanner.finish() >= calamine_end(tmp_path, data)
    assert not scanner._exact  # an ordinary sheet never needs the tag-by-tag reading


def test_xlsb_records():
    def record(kind: int, payload: bytes) -> bytes:
        head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
        size, out = len(payload), b""
        while True:
            byte, size = size & 0x7F, size >> 7
            out += bytes([byte | (0x80 if size else 0)])
            if not size:
                break
        return head + out + payload

    stream = (record(0x94, struct.pack("<IIII", 0, 9, 0, 3)) + record(0x0000, struct.pack("<I", 4) + bytes(8))
              + record(0x0006, struct.pack("<I", 2) + bytes(10)) + record(0x0001, bytes(4000))
              + record(0x0000, struct.pack("<I", 1048575) + bytes(8)) + record(0x0005, struct.pack("<I", 16383)
                                                                           + bytes(12)))
    scanner = extent.BinSheetExtent()
    for at in range(0, len(stream), 3):
        scanner.feed(stream[at:at + 3])
    assert scanner.declared == (10, 4)
    assert scanner.finish() == (1048576, 16384)


# --- calamine's errors --------------------------------------------------------------------------------------------

def test_calamine_errors_become_clean_errors(tmp_path):
    path = write(tmp_path, "ok.xlsx", (EXPORTS / "us_legacy.xlsx").read_bytes())
    workbook = open_workbook(path)

    class PanicException(BaseException):
        pass

    for raised, code in ((python_calamine.XmlError("t"), "input.damaged"),
                         (python_calamine.ZipError("invalid"), "input.damaged"),
                         (python_calamine.PasswordError("x"), "input.encrypted"),
                         (PanicException("index out of bounds"), "input.damaged"),
                         (OverflowError("date value out of range"), "input.damaged")):
        def boom(*args, raised=raised, **kwargs):
            raise raised
        err = refused(lambda: workbook.call(boom), code)
        assert err.params["file"] == "ok.xlsx"
    assert refused(lambda: workbook.call(lambda: (_ for _ in ()).throw(python_calamine.XmlError("t"))),
                   "input.damaged").params["detail"] == "broken XML: t"
    with pytest.raises(KeyboardInterrupt):
        workbook.call(lambda: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(RuntimeError):  # not calamine's: a bug of ours shows as one
        workbook.call(lambda: (_ for _ in ()).throw(RuntimeError("ours")))


def test_a_date_cell_far_out_of_range_is_a_clean_error(tmp_path):
    xml = H.sheet_xml(H.header_row() + b'<row r="2"><c r="A2" s="1"><v>1e20</v></c></row>')
    styles = (b'<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
              b'</styleSheet>')
    rels = H.WORKBOOK_RELS.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.'
                                   b'openxmlformats.org/officeDocument/2006/relationships/styles" '
                                   b'Target="styles.xml"/></Relationships>')
    data = H.package(xml, {"xl/styles.xml": styles, "xl/_rels/workbook.xml.rels": rels})
    path = write(tmp_path, "serial.xlsx", data)
    try:
        rows = open_workbook(path).get_sheet_by_name("OrderSKUList").to_python()
    except DataError as err:
        assert err.code == "input.damaged"
    else:
        assert len(rows) == 2


def test_greater_than_patterns():
    import re

    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    samples = list(letters) + [a + b for a in "ABXZ" for b in letters] + ["AAA", "ABC", "XFC", "XFD", "XFE", "ZZZ"]
    for bound in ("A", "Z", "AA", "BF", "ZZ", "AAA", "XFD", "ZZZ"):
        pattern = re.compile(b"^(?:" + extent.greater_than(bound, letters, 3) + b")$")
        for text in samples:
            assert bool(pattern.match(text.encode())) == ((len(text), text) > (len(bound), bound)), (bound, text)
    for bound in ("1", "9", "10", "99", "100002", "1048576"):
        pattern = re.compile(b"^(?:" + extent.greater_than(bound, "0123456789", None) + b")$")
        for number in [*range(0, 1100), 100001, 100002, 100003, 100010, 999999, 1048575, 1048576, 1048577, 10**9]:
            assert bool(pattern.match(str(number).encode())) == (number > int(bound)), (bound, number)


@pytest.mark.parametrize("late, reach_at_least", [
    (b'<c r="XFD7" t="inlineStr"><is><t>x</t></is></c>', (60_000, 16384)),
    (b'<c r="C1048576" t="inlineStr"><is><t>x</t></is></c>', (1048576, 8)),
    (b'<c r="B7" t="inlineStr" r="XFD1048576"><is><t>x</t></is></c>', (1048576, 16384)),
    (b'<y:c r="XFD7" xmlns:y="u"><y:v>1</y:v></y:c>', (59_999, 16384)),  # calamine: row 7
    (b'<c t="inlineStr"><is><t>x</t></is></c>' * 9, (60_000, 9)),
])
def test_a_stray_cell_deep_in_an_ordinary_sheet_is_found(late, reach_at_least):
    """The fast reading vouches for chunks within the reach seen so far; a cell beyond it (or odd) is still seen,
    megabytes after the fast reading began. (No calamine here: it would abort on these sheets.)"""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="H%d"><v>2</v></c></row>' % (r, r, r)
                    for r in range(2, 60_000))
    xml = H.sheet_xml(H.header_row() + rows + b'<row r="60000">' + late + b"</row>")
    rows_seen, columns_seen = reach(xml, chunk=1 << 20)
    assert rows_seen >= reach_at_least[0] and columns_seen >= reach_at_least[1]


@pytest.mark.parametrize("prefix", [b"", b"x:", "é:".encode(), "ns.δ-1:".encode()])
def test_a_sheet_anywhere_a_relationship_under_any_prefix_points_is_checked(tmp_path, prefix):
    # calamine follows a worksheet relationship by its local name, whatever the prefix, to a part outside
    # xl/worksheets too; a far cell there must be refused like one in xl/worksheets
    ns = b" xmlns" + (b":" + prefix[:-1] if prefix else b"") + \
        b'="http://schemas.openxmlformats.org/package/2006/relationships"'
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><' + prefix + b"Relationships" + ns + b"><"
            + prefix + b'Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/worksheet" Target="other/data.xml"/></' + prefix + b"Relationships>")
    far = H.sheet_xml(b'<row r="1"><c r="A1"><v>1</v></c><c r="AAA20000"><v>2</v></c></row>')
    data = H.package(H.sheet_xml(b'<row r="1"><c r="A1"><v>1</v></c></row>'),
                     {"xl/_rels/workbook.xml.rels": rels, "xl/other/data.xml": far})
    err = refused(lambda: open_workbook(write(tmp_path, "rel.xlsx", data)), "input.sheet_too_big")
    assert "AAA20000" in err.render()


FAR_SHEET = H.sheet_xml(b'<row r="1"><c r="A1"><v>1</v></c><c r="AAA20000"><v>2</v></c></row>')
NEAR_SHEET = H.sheet_xml(b'<row r="1"><c r="A1"><v>1</v></c></row>')


@pytest.mark.parametrize("part", ["XL/Other/Data.XML", "xl\\other\\data.xml", "xl/worksheets/../other/data.xml"])
def test_a_sheet_calamine_finds_under_another_spelling_of_its_name_is_checked(tmp_path, part):
    # calamine looks part names up without case and with either slash: xl/other/data.xml is this part for it
    rels = H.WORKBOOK_RELS.replace(b'Target="worksheets/sheet1.xml"', b'Target="other/data.xml"')
    data = H.zip_of({"[Content_Types].xml": H.CONTENT_TYPES, "_rels/.rels": H.RELS, "xl/workbook.xml": H.WORKBOOK,
                     "xl/_rels/workbook.xml.rels": rels, part: FAR_SHEET})
    err = refused(lambda: open_workbook(write(tmp_path, "case.xlsx", data)), "input.sheet_too_big")
    assert "AAA20000" in err.render()


def test_a_workbook_found_through_the_package_relationships_is_the_one_checked(tmp_path):
    # _rels/.rels sends calamine to other/workbook.xml and its sheets; the xl/ workbook beside it is a decoy
    rels = H.RELS.replace(b'Target="xl/workbook.xml"', b'Target="other/workbook.xml"')
    data = H.zip_of({"[Content_Types].xml": H.CONTENT_TYPES, "_rels/.rels": rels,
                     "xl/workbook.xml": H.WORKBOOK, "xl/_rels/workbook.xml.rels": H.WORKBOOK_RELS,
                     "xl/worksheets/sheet1.xml": NEAR_SHEET, "other/workbook.xml": H.WORKBOOK,
                     "other/_rels/workbook.xml.rels": H.WORKBOOK_RELS, "other/worksheets/sheet1.xml": FAR_SHEET})
    err = refused(lambda: open_workbook(write(tmp_path, "decoy.xlsx", data)), "input.sheet_too_big")
    assert "AAA20000" in err.render() and err.params["sheet"] == "OrderSKUList"


def test_real_exports_and_a_book_with_a_chart_an_image_a_table_and_comments_still_open(tmp_path):
    # every relationships part is followed now: what is not a sheet is not measured as one
    import xlsxwriter

    for path in sorted(EXPORTS.glob("*.xlsx")):
        assert open_workbook(path).sheet_names
    book = tmp_path / "rich.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet("Orders")
    ws.write_row(0, 0, ["Order ID", "Qty"])
    for r in range(1, 50):
        ws.write_row(r, 0, [str(577000000000000000 + r), r])
    ws.add_table(0, 0, 49, 1, {"name": "T", "header_row": True, "columns": [{"header": "Order ID"}, {"header": "Qty"}]})
    ws.write_comment(1, 1, "checked")
    ws.write_url(60, 0, "https://example.com/", string="link")
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "=Orders!$B$2:$B$50"})
    ws.insert_chart("D2", chart)
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8a95d0000000049454e44ae426082")
    ws.insert_image("D20", "dot.png", {"image_data": io.BytesIO(png)})
    line = wb.add_chart({"type": "line"})
    line.add_series({"values": "=Orders!$B$2:$B$50"})
    wb.add_chartsheet("Chart").set_chart(line)
    wb.close()
    assert open_workbook(book).sheet_names[:2] == ["Orders", "Chart"]


@pytest.mark.parametrize("target, part, kind", [
    (b"/xl/other/data.xml", "xl/other/data.xml", "worksheet"),  # absolute, from the package's root
    (b"other\\data.xml", "xl/other/data.xml", "worksheet"),  # a backslash
    (b"../other/data.xml", "other/data.xml", "worksheet"),  # the OPC follows ".."
    (b"other/a&amp;b.xml", "xl/other/a&amp;b.xml", "worksheet"),  # the target as written
    (b"other/a&amp;b.xml", "xl/other/a&b.xml", "worksheet"),  # and with its entity decoded
    (b"other/data.xml", "xl/other/data.xml", "worksheet/"),  # a type with a trailing slash
    (b"other/data.xml", "xl/other/data.xml", "chartsheet"),
])
def test_a_sheet_relationship_is_resolved_every_way_a_reader_may_resolve_it(tmp_path, target, part, kind):
    rels = H.WORKBOOK_RELS.replace(b'Target="worksheets/sheet1.xml"', b'Target="' + target + b'"').replace(
        b"relationships/worksheet", b"relationships/" + kind.encode())
    data = H.zip_of({"[Content_Types].xml": H.CONTENT_TYPES, "_rels/.rels": H.RELS, "xl/workbook.xml": H.WORKBOOK,
                     "xl/_rels/workbook.xml.rels": rels, part: FAR_SHEET})
    parts = guard._sheet_parts(zipfile.ZipFile(io.BytesIO(data)), "xlsx")
    assert parts.get(part) == "OrderSKUList"
    refused(lambda: open_workbook(write(tmp_path, "target.xlsx", data)), "input.sheet_too_big")


def test_bytes_that_are_not_utf8_in_a_relationship_end_in_a_clean_refusal(tmp_path):
    rels = H.WORKBOOK_RELS.replace(b'Target="worksheets/sheet1.xml"', b'Target="other/\xff\xfe.xml"')
    data = H.zip_of({"[Content_Types].xml": H.CONTENT_TYPES, "_rels/.rels": H.RELS, "xl/workbook.xml": H.WORKBOOK,
                     "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": NEAR_SHEET})
    assert set(guard._sheet_parts(zipfile.ZipFile(io.BytesIO(data)), "xlsx")) == {"xl/worksheets/sheet1.xml"}
    with pytest.raises(DataError):
        open_workbook(write(tmp_path, "bytes.xlsx", data)).get_sheet_by_name("OrderSKUList").to_python()
