"""The one-pass check that spares a large sheet the reach check and the formula scan (tkops/book/ooxml/prescan.py):
it may only say yes when both would have found nothing to object to, and every read still refuses a sheet that
reaches too far."""

from __future__ import annotations

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.book.minimal import make_book, sheet
from tests.book.test_far_reach import FAR, dense
from tkops.book.ooxml import reader
from tkops.book.ooxml.prescan import suspect_pattern, vouched
from tkops.book.ooxml.reader import special_cells
from tkops.book.ooxml.editor import OoxmlWorkbook
from tkops.cells.extent import xml_sheet_reach
from tkops.errors import DataError

LIMIT = 50_000_000


def part(body: str, dimension: str | None = "A1:E3") -> bytes:
    before = f'<dimension ref="{dimension}"/>' if dimension else ""
    return sheet(body, before=before).encode()


def test_a_plain_part_within_its_dimension_is_vouched_for():
    assert vouched(part(dense(3)), LIMIT)
    assert vouched(part(dense(3), "A1:Z9"), LIMIT)  # a dimension larger than the cells: still within it
    assert vouched(part(dense(3), "E3"), LIMIT)  # a single reference is the last cell
    assert vouched(part(dense(3) + FAR, "A1:XFD1048576"), 2**40)  # nothing lies beyond the last column and row


@pytest.mark.parametrize("body", [
    dense(3) + '<row r="3"><c r="F3"><v>1</v></c></row>',  # a column beyond
    dense(3) + '<row r="4"><c r="A4"><v>1</v></c></row>',  # a row beyond
    dense(3) + '<row r="4"></row>',  # a row element beyond
    dense(3) + '<row r="3"><c r="AA3"><v>1</v></c></row>',  # more letters
    dense(3) + '<row r="3"><c r="A10"><v>1</v></c></row>',  # more digits
    dense(3) + FAR,
])
def test_anything_beyond_the_dimension_is_not_vouched_for(body):
    assert not vouched(part(body), LIMIT)


@pytest.mark.parametrize("cell", [
    '<c r="a1"><v>1</v></c>',  # lower case
    '<x:c r="A1"><v>1</v></x:c>', '<é:c r="A1"><v>1</v></é:c>',  # a namespace prefix, any letters
    '<c t="n" r="A1"><v>1</v></c>',  # r not first
    '<c><v>1</v></c>', '<c/>', '<c\nr="A1"><v>1</v></c>', '<c  r="A1"><v>1</v></c>',  # no r, odd spacing
    '<c r="A1" r="XFD1048576"><v>1</v></c>',  # a second r (calamine takes the last)
    '<c r=\'A1\'><v>1</v></c>', '<c r="ABCD1"><v>1</v></c>', '<c r="A12345678"><v>1</v></c>', '<c r="A"><v>1</v></c>',
    '<c r="A1x"><v>1</v></c>', '<c r="1"><v>1</v></c>',
])
def test_a_cell_not_written_as_calamine_places_it_is_not_vouched_for(cell):
    assert not vouched(part(f'<row r="1">{cell}</row>'), LIMIT)


@pytest.mark.parametrize("cell", [
    '<c r="A1"><f>1+1</f><v>2</v></c>', '<c r="A1"><f t="shared" ref="A1:A2" si="0"/><v>2</v></c>',
    '<c r="A1"><x:f>1+1</x:f><v>2</v></c>', '<c r="A1" t="e"><v>#N/A</v></c>', '<c r="A1"><f/></c>',
])
def test_a_formula_or_error_cell_is_left_to_the_formula_scan(cell):
    xml = part(f'<row r="1">{cell}</row>')
    assert not vouched(xml, LIMIT)


def test_no_dimension_or_one_beyond_the_limit_is_not_vouched_for():
    assert not vouched(part(dense(3), None), LIMIT)
    assert not vouched(part(dense(3), "A1:E3"), 14)
    assert vouched(part(dense(3), "A1:E3"), 15)
    assert not vouched(part(dense(3), "nonsense"), LIMIT)


REFS = st.tuples(st.sampled_from(["A", "B", "E", "F", "Z", "AA", "XFD", "a", "AAAA"]),
                 st.sampled_from(["1", "2", "3", "4", "10", "1048576", "0", "12345678", ""]))
CELL = st.one_of(
    REFS.map(lambda r: f'<c r="{r[0]}{r[1]}"><v>1</v></c>'),
    REFS.map(lambda r: f'<c s="1" r="{r[0]}{r[1]}"><v>1</v></c>'),
    REFS.map(lambda r: f'<c r="{r[0]}{r[1]}" t="e"><v>#REF!</v></c>'),
    REFS.map(lambda r: f'<c r="{r[0]}{r[1]}"><f>A1</f><v>1</v></c>'),
    st.just("<c><v>1</v></c>"), st.just('<c t="s"><v>0</v></c>'))


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["1", "2", "3", "4", "9", ""]), st.lists(CELL, max_size=4)),
                     max_size=5),
       dimension=st.sampled_from(["A1:E3", "A1:F4", "B2", "A1:XFD1048576", "A1:A1"]))
def test_whatever_it_vouches_for_the_scans_find_within_the_dimension_and_nothing_special(rows, dimension):
    body = "".join((f'<row r="{r}">' if r else "<row>") + "".join(cells) + "</row>" for r, cells in rows)
    xml = part(body, dimension)
    if vouched(xml, 2**40):
        last = dimension.split(":")[-1]
        far_rows, far_columns = xml_sheet_reach(xml)
        assert far_rows <= int(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        assert far_columns <= {"E3": 5, "F4": 6, "B2": 2, "XFD1048576": 16384, "A1": 1}[last]
        assert special_cells(xml) == {}


def test_the_pattern_has_no_lookaround_for_re2():
    for rows, columns in ((3, 5), (1, 1), (1048576, 16384), (200001, 55)):
        assert "(?" not in suspect_pattern(rows, columns).replace("(?:", "")


def test_a_dimension_that_lies_does_not_let_a_far_sheet_through(tmp_path):
    book = make_book(tmp_path / "far.xlsx", sheet(dense(3) + FAR, before='<dimension ref="A1:E3"/>'))
    with pytest.raises(DataError) as err:
        OoxmlWorkbook(book).read_rows("Data")
    assert err.value.params["ref"] == "XFD1048576"
    with pytest.raises(DataError):
        OoxmlWorkbook(book).read_columns_only("Data", ["1"])


def _count_scans(monkeypatch) -> dict:
    calls = {"reach": 0, "special": 0}
    real_reach, real_special = reader.refuse_far_reach, reader.special_cells

    def reach(*a):
        calls["reach"] += 1
        return real_reach(*a)

    def special(xml):
        calls["special"] += 1
        return real_special(xml)

    monkeypatch.setattr(reader, "refuse_far_reach", reach)
    monkeypatch.setattr(reader, "special_cells", special)
    return calls


def test_a_vouched_sheet_is_read_without_either_scan_and_others_with_both(tmp_path, monkeypatch):
    calls = _count_scans(monkeypatch)
    wb = xlsxwriter.Workbook(str(tmp_path / "plain.xlsx"))
    ws = wb.add_worksheet("Data")
    ws.write_row(0, 0, ["Case ID", "Amount"])
    ws.write_row(1, 0, ["C1", 2.5])
    wb.close()
    assert OoxmlWorkbook(tmp_path / "plain.xlsx").read_rows("Data") == [["Case ID", "Amount"], ["C1", 2.5]]
    assert calls == {"reach": 0, "special": 0}

    wb = xlsxwriter.Workbook(str(tmp_path / "formula.xlsx"))
    ws = wb.add_worksheet("Data")
    ws.write_row(0, 0, ["Case ID", "Amount"])
    ws.write_row(1, 0, ["C1", 2.5])
    ws.write_formula(2, 1, "=B2*2", None, 5)
    wb.close()
    rows = OoxmlWorkbook(tmp_path / "formula.xlsx").read_rows("Data")
    assert rows[2][1] == "=B2*2"
    assert calls == {"reach": 1, "special": 1}
    assert OoxmlWorkbook(tmp_path / "formula.xlsx").read_columns_only("Data", ["Amount"]) == [
        ["Amount"], [2.5], ["=B2*2"]]
    assert calls == {"reach": 2, "special": 2}


def test_a_dimension_beyond_the_last_column_there_is_still_gives_an_answer():
    # nothing is greater than ZZZ in three letters: the pattern has no "beyond" for columns (RE2 has no (?!))
    assert vouched(part(dense(3), "A1:ZZZ3"), 2**40)
    assert not vouched(part(dense(3) + '<row r="4"><c r="A4"><v>1</v></c></row>', "A1:ZZZ3"), 2**40)


def test_a_search_arrow_refuses_leaves_the_decision_to_the_scans(monkeypatch):
    from tkops.book.ooxml import prescan

    monkeypatch.setattr(prescan, "suspect_pattern", lambda rows, columns: "(?!x)")  # lookahead: RE2 refuses it
    assert not vouched(part(dense(3)), LIMIT)


def test_a_far_cell_under_any_namespace_prefix_is_refused_before_calamine_reads_it():
    from tests.book.minimal import MAIN
    from tkops.book.ooxml.reach import refuse_far_reach

    far = '<row r="1"><c r="A1"><v>1</v></c><é:c r="XFD1048576"><é:v>1</é:v></é:c></row>'
    xml = sheet(far, before='<dimension ref="A1"/>', root_attrs=f' xmlns:é="{MAIN}"').encode()
    assert not vouched(xml, LIMIT)
    with pytest.raises(DataError) as err:
        refuse_far_reach("far.xlsx", "Data", xml, LIMIT)
    assert err.value.params["ref"] == "XFD1048576"


def test_a_formula_under_any_namespace_prefix_is_read_as_its_formula():
    from tests.book.minimal import MAIN

    body = '<row r="1"><é:c r="A1"><é:v>1</é:v></é:c><é:c r="B1"><é:f>A1*2</é:f><é:v>2</é:v></é:c></row>'
    xml = sheet(body, before='<dimension ref="A1:B1"/>', root_attrs=f' xmlns:é="{MAIN}"').encode()
    assert not vouched(xml, LIMIT)
    assert special_cells(xml) == {(1, 2): "=A1*2"}
