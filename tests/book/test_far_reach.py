"""A workbook whose sheet reaches far beyond its data (a crafted or damaged book: one value at XFD1048576) is refused
by name before calamine would ask for a grid of billions of slots; the workbook's own sheets may span more than an
input file's (docs/input-files.md#limits)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.book.minimal import make_book, sheet
from tkops.book.ooxml import OoxmlWorkbook
from tkops.book import FileBook
from tkops.book.ooxml.reach import BOOK_CELLS, book_limit
from tkops.cells.extent import xml_sheet_reach
from tkops.cli import main
from tkops.errors import DataError
from tkops.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "tkops" / "samples" / "us_shop_2026-11-25.csv"
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def dense(rows: int, columns: int = 5) -> str:
    letters = "ABCDEFGHIJ"[:columns]
    return "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in letters) + "</row>"
                   for r in range(1, rows + 1))


def with_stray(path: Path, sheet_name: str, out: Path) -> Path:
    """A copy of the workbook at ``path`` with one value at XFD1048576 on ``sheet_name``'s part."""
    with zipfile.ZipFile(path) as z:
        names = {s.split('"')[0]: s for s in z.read("xl/workbook.xml").decode().split('name="')[1:]}
        rid = names[sheet_name].split('r:id="')[1].split('"')[0]
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        target = rels.split(f'Id="{rid}"')[0].rsplit("<Relationship", 1)[1] + rels.split(f'Id="{rid}"')[1]
        part = "xl/" + target.split('Target="')[1].split('"')[0].lstrip("/").removeprefix("xl/")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename == part:
                    data = data.replace(b"</sheetData>", FAR.encode() + b"</sheetData>")
                w.writestr(info, data)
    return out


def test_the_reach_is_read_from_the_part_in_chunks(monkeypatch):
    xml = sheet(dense(3) + FAR).encode()
    assert xml_sheet_reach(xml) == (1048576, 16384)
    assert xml_sheet_reach(sheet(dense(3)).encode()) == (3, 5)
    assert xml_sheet_reach(sheet("").encode()) == (0, 0)
    monkeypatch.setattr("tkops.cells.extent.CHUNK", 64)  # the far cell in a later chunk than the columns learnt
    assert xml_sheet_reach(sheet(dense(30) + FAR).encode()) == (1048576, 16384)
    assert xml_sheet_reach(sheet(dense(30) + '<row r="31"><c><v>1</v></c></row>').encode()) == (31, 5)


def test_a_stray_value_far_away_is_refused_by_name(tmp_path):
    path = make_book(tmp_path / "far.xlsx", sheet(dense(3) + FAR))
    with pytest.raises(DataError) as err:
        OoxmlWorkbook(path).read_rows("Data")
    assert err.value.code == "book.sheet_too_far"
    assert err.value.params["sheet"] == "Data" and err.value.params["ref"] == "XFD1048576"
    assert err.value.params["file"] == "far.xlsx" and err.value.params["cells"] == f"{1048576 * 16384:,}"
    with pytest.raises(DataError):
        OoxmlWorkbook(path).read_columns_only("Data", ["A"])


def test_the_workbooks_own_sheets_may_span_more_than_an_input_files(tmp_path):
    assert book_limit("8000000") == BOOK_CELLS == 50_000_000 and book_limit(60_000_000) == 60_000_000
    path = make_book(tmp_path / "full.xlsx", sheet(dense(40)))  # 200 cells
    rows = FileBook(path, Settings(max_sheet_cells="100")).read_rows("Data")
    assert len(rows) == 40 and rows[-1] == [40] * 5
    with pytest.raises(DataError) as err:
        OoxmlWorkbook(path, max_cells=100).read_rows("Data")
    assert err.value.params["ref"] == "E40" and err.value.params["cells"] == "200"


@pytest.mark.parametrize(("max_cells", "refused"), [(1000, True), (100_000, False)])
def test_a_sparse_sheet_is_refused_only_beyond_max_sheet_cells(tmp_path, max_cells, refused):
    stray = '<row r="200"><c r="J200"><v>9</v></c></row>'  # 2,000 slots for 16 cells written
    path = make_book(tmp_path / "sparse.xlsx", sheet(dense(3) + stray))
    book = OoxmlWorkbook(path, max_cells=max_cells)
    if refused:
        with pytest.raises(DataError) as err:
            book.read_rows("Data")
        assert err.value.params["ref"] == "J200" and err.value.params["limit"] == "1,000"
    else:
        assert book.read_rows("Data")[199][9] == 9


@pytest.mark.parametrize(("command", "where"), [(["review"], "Orders"), (["month-end", "--month", "2026-11"], "Orders"),
                                               (["month-end", "--month", "2026-11"], "AfterSales"),
                                               (["review"], "Settings")])
def test_a_command_on_a_crafted_book_ends_in_the_message_and_leaves_the_book(tmp_path, capsys, command, where):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(SAMPLE), "--book", str(book), "--market", "US"]) == 0
    crafted = with_stray(book, where, tmp_path / "crafted.xlsx")
    before = hashlib.sha256(crafted.read_bytes()).hexdigest()
    capsys.readouterr()
    extra = ["--out", str(tmp_path / "report")] if command[0] == "month-end" else []
    code = main([*command, "--book", str(crafted), *extra])
    out = capsys.readouterr()
    assert code != 0 and "Traceback" not in out.err + out.out
    assert "XFD1048576" in out.err + out.out and f'sheet "{where}"' in out.err + out.out
    assert hashlib.sha256(crafted.read_bytes()).hexdigest() == before


def test_empty_formatted_cells_down_to_the_last_row_are_no_reach(tmp_path):
    styled = '<row r="1048576"><c r="XFD1048576" s="1"/><c r="A1048576" s="1"></c></row>'
    path = make_book(tmp_path / "styled.xlsx", sheet(dense(3) + styled))
    assert OoxmlWorkbook(path, max_cells=100).read_rows("Data")[2] == [3] * 5


def test_cells_without_a_reference_are_placed_as_calamine_places_them():
    from tkops.book.ooxml.reach import valued_reach

    xml = sheet('<row r="2"><c><v>1</v></c><c><v>2</v></c></row><row><c/><c><is><t>x</t></is></c><c/></row>')
    assert valued_reach(xml.encode()) == (3, 2)
    assert valued_reach(sheet('<row r="7"><c r="bad"><v>1</v></c></row>').encode()) == (7, 1)
    assert valued_reach(b"<worksheet><sheetData><row") is None


def test_a_sheet_exactly_at_the_limit_opens_and_one_cell_more_does_not(tmp_path):
    path = make_book(tmp_path / "edge.xlsx", sheet(dense(40)))  # 40 x 5 = 200 cells
    assert len(OoxmlWorkbook(path, max_cells=200).read_rows("Data")) == 40
    with pytest.raises(DataError):
        OoxmlWorkbook(path, max_cells=199).read_rows("Data")
    # beyond the limit counting an empty formatted cell, exactly at it counting the cells with a value
    styled = make_book(tmp_path / "styled-edge.xlsx", sheet(dense(40) + '<row r="41"><c r="F41" s="1"/></row>'))
    assert len(OoxmlWorkbook(styled, max_cells=200).read_rows("Data")) == 40


def test_the_valued_reach_of_cells_without_values_and_of_huge_text():
    from tkops.book.ooxml.reach import valued_reach

    assert valued_reach(sheet('<row r="1"><c r="A1" s="1"/></row>').encode()) == (0, 0)
    assert valued_reach(sheet("").encode()) == (0, 0)
    long_note = "x" * 10_500_000  # a text node beyond libxml2's default 10 MB limit
    assert valued_reach(sheet(f'<row r="2"><c r="C2" t="inlineStr"><is><t>{long_note}</t></is></c></row>').encode()) \
        == (2, 3)
