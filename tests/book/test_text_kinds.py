"""Columns proven to hold only text are read by fastexcel as text without its look at every cell
(tkops/book/ooxml/text_kinds.py): the proof may only say yes when every value of those columns below the header is
a text cell, and a read of some columns gives what the calamine path gives whichever way it went."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
import xlsxwriter

from tests.book.minimal import sheet
from tests.book.test_arrow_columns import SHEET, calamine_way, typed
from tkops.book.ooxml import OoxmlWorkbook, arrow_columns
from tkops.book.ooxml.prescan import suspect_pattern, vouched_and_absent
from tkops.book.ooxml.text_kinds import non_text_pattern, sampled_text_columns
from tkops.cells.arrow_values import SheetColumns

LIMIT = 50_000_000


def matches(pattern: str, text: str) -> bool:
    return pc.match_substring_regex(pa.array([text.encode()], pa.binary()), pattern)[0].as_py()


@pytest.mark.parametrize("cell", [
    '<c r="B2"><v>1</v></c>', '<c r="B2" s="3"><v>1</v></c>', '<c r="B2" t="n"><v>1</v></c>',
    '<c r="B2" s="1" t="b"><v>1</v></c>', '<c r="B2" t="d"><v>2026-01-01</v></c>', '<c r="B2" t="e"><v>#N/A</v></c>',
    '<c r="B2" t=""><v>1</v></c>', '<c r="B2" cm="1" s="2"><v>1</v></c>', '<c r="B2" x14ac:dyDescent="1"><v>1</v></c>',
    '<c r="B2" s="1"></c>',  # written with content, even an empty one: not proven text
    "<c r=\"B2\" t='s'><v>1</v></c>", '<c r="B2" t = "s"><v>1</v></c>', '<c r="B2" t ="s"><v>1</v></c>',
    '<c r="B10" t="n"><v>1</v></c>', '<c r="B1000000"><v>1</v></c>', '<c r="AB7"><v>1</v></c>',
])
def test_a_cell_of_a_claimed_column_that_is_not_text_is_found(cell):
    assert matches(non_text_pattern([1, 27]), cell)  # B and AB


@pytest.mark.parametrize("cell", [
    '<c r="B2" t="s"><v>1</v></c>', '<c r="B2" s="4" t="inlineStr"><is><t>1</t></is></c>',
    '<c r="B2" t="str"><v>x</v></c>', '<c r="B2" t="s" s="1"><v>0</v></c>',
    '<c r="B2"/>', '<c r="B2" s="5"/>', '<c r="B2" t="n" />',  # empty cells
    '<c r="B1"><v>1</v></c>', '<c r="AB1" t="n"><v>1</v></c>',  # the header row
    '<c r="A2"><v>1</v></c>', '<c r="C2"><v>1</v></c>', '<c r="AA2"><v>1</v></c>', '<c r="BB2"><v>1</v></c>',
    '<c r="BA2"><v>1</v></c>',  # other columns (A of "AB" and B of "BA" are no prefix of a claim)
])
def test_text_cells_empty_cells_headers_and_other_columns_are_not_found(cell):
    assert not matches(non_text_pattern([1, 27]), cell)


def test_no_column_claimed_is_no_pattern():
    assert non_text_pattern([]) == ""


def rows(n: int, cells) -> str:
    return "".join(f'<row r="{r}">{cells(r)}</row>' for r in range(1, n + 1))


def part_of(n: int, cells, dimension: str) -> bytes:
    return sheet(rows(n, cells), before=f'<dimension ref="{dimension}"/>').encode()


def _cells(r: int) -> str:
    header = r == 1
    text = f'<c r="A{r}" t="inlineStr"><is><t>{"Name" if header else f"n{r}"}</t></is></c>'
    number = f'<c r="B{r}" t="inlineStr"><is><t>Amount</t></is></c>' if header else f'<c r="B{r}"><v>{r}</v></c>'
    # C: text in the middle only; D: text, and one number in the middle
    middle = '<c r="C{0}" t="inlineStr"><is><t>late</t></is></c>' if 400 <= r < 410 else ""
    hidden = f'<c r="D{r}"><v>7</v></c>' if r == 500 else f'<c r="D{r}" t="inlineStr"><is><t>d</t></is></c>'
    # E: only empty cells (styled); F: a number for a header, text below
    empty = f'<c r="E{r}" s="1"/>'
    header = f'<c r="F{r}"><v>2026</v></c>' if header else f'<c r="F{r}" t="s"><v>0</v></c>'
    return text + number + middle.format(r) + hidden + empty + header


def test_the_sample_claims_the_columns_it_saw_no_other_value_in():
    xml = part_of(1000, _cells, "A1:G1000")
    # B shows numbers at the top and the bottom; C nothing; D only text there; E empty cells; F a number header
    # and text; G (in the dimension) nothing
    assert sampled_text_columns(xml, sample=2000) == [0, 2, 3, 4, 5, 6]
    assert sampled_text_columns(xml) == [0, 2, 4, 5, 6]  # a small part is read whole: D's number is seen
    # both ends are read when the part is more than twice the sample, however little is left between them
    assert sampled_text_columns(xml, sample=int(len(xml) / 2.5)) == [0, 2, 3, 4, 5, 6]
    assert sampled_text_columns(xml, sample=len(xml) // 2) == [0, 2, 4, 5, 6]
    assert sampled_text_columns(part_of(10, _cells, "A1:E10").replace(b"<dimension", b"<nodimension")) == []


def test_a_sheet_wider_than_the_claims_allow_is_left_to_fastexcel():
    from tkops.book.ooxml.text_kinds import MAX_COLUMNS
    from tkops.cells.extent import column_letters

    for columns, claimed in ((MAX_COLUMNS, MAX_COLUMNS), (MAX_COLUMNS + 1, 0)):
        xml = part_of(3, _cells, f"A1:{column_letters(columns)}3")
        assert len(sampled_text_columns(xml)) == claimed - (1 if claimed else 0)  # B holds numbers


def test_the_proof_fails_on_a_value_the_sample_missed_and_holds_without_it():
    xml = part_of(1000, _cells, "A1:G1000")
    claimed = sampled_text_columns(xml, sample=2000)
    assert vouched_and_absent(xml, LIMIT, non_text_pattern(claimed)) == (True, False)
    assert vouched_and_absent(xml, LIMIT, non_text_pattern([0, 2, 4])) == (True, True)
    assert vouched_and_absent(xml, LIMIT, "") == (True, False)  # nothing asked, nothing proven
    far = xml.replace(b'<row r="1000">', b'<row r="1000"><c r="Z1000"><v>1</v></c>')
    assert vouched_and_absent(far, LIMIT, non_text_pattern([0])) == (False, False)  # beyond the dimension
    assert vouched_and_absent(xml, 10, non_text_pattern([0])) == (False, False)  # beyond the limit
    no_dimension = xml.replace(b"<dimension", b"<nodimension")
    assert vouched_and_absent(no_dimension, LIMIT, non_text_pattern([0])) == (False, False)
    assert not matches(suspect_pattern(1000, 7), xml.decode())


SAMPLE_ROWS = 12_000  # the part is several times the sample at either end


def _book(path, hidden=None):
    """An AfterSales sheet of text, numbers and times, large enough that the sample sees only its ends; ``hidden``:
    (row, column, value) written in the middle."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    ws = wb.add_worksheet(SHEET)
    day = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    # a column not asked for between those asked for: fastexcel is told kinds by the sheet's own column numbers
    ws.write_row(0, 0, ["Case ID", "Reason", "Unwanted", "Amount", "Opened", "Team Note"])
    for r in range(1, SAMPLE_ROWS):
        ws.write_string(r, 0, f"57700000{r:010d}")
        ws.write_string(r, 1, ["Damaged", "Wrong item", " Late "][r % 3])
        ws.write_string(r, 2, "x" * 20)
        ws.write_number(r, 3, r / 4)
        ws.write_number(r, 4, 46000 + r / 100, day)
        if 5000 <= r < 5100:
            ws.write_string(r, 5, "called the buyer")
    if hidden:
        ws.write(*hidden)
    wb.close()
    return path


ASKED = ["Case ID", "Reason", "Amount", "Opened", "Team Note"]


def _read(path, monkeypatch):
    """The columns read (the Arrow way when it is taken), and the columns fastexcel was told are text."""
    told = []
    real = arrow_columns.arrow_batch

    def spy(data, sheet, xml, headers, text_columns=()):
        told.append(list(text_columns))
        return real(data, sheet, xml, headers, text_columns)

    monkeypatch.setattr("tkops.book.ooxml.column_reads.arrow_batch", spy)
    found = OoxmlWorkbook(path).read_columns_grid(SHEET, ASKED, arrow=True)
    return found, told


def test_a_large_sheet_whose_text_columns_are_text_is_read_as_text_and_the_same(tmp_path, monkeypatch):
    path = _book(tmp_path / "plain.xlsx")
    found, told = _read(path, monkeypatch)
    assert told == [[0, 1, 2, 5]]  # the ID, reason, unwanted and note (blank at both ends) columns
    assert isinstance(found, SheetColumns)
    assert typed(found.grid()) == typed(calamine_way(path, ASKED))
    kinds = {name: str(array.type) for name, array in zip(found.header, found.arrays) if name}
    assert kinds["Amount"] == "double" and kinds["Reason"] == "string" and kinds["Team Note"] == "string"


@pytest.mark.parametrize("hidden, kind", [
    ((6000, 0, 577000000000000000), float),  # an ID Excel made a number, where no sample looks
    ((6000, 5, 12.5), float),  # a number in a column blank at both ends
    ((6000, 1, True), bool),
])
def test_a_value_of_another_kind_in_the_middle_of_a_text_column_keeps_its_kind(tmp_path, monkeypatch, hidden, kind):
    path = _book(tmp_path / "hidden.xlsx", hidden)
    found, told = _read(path, monkeypatch)
    assert told == [[]]  # the proof failed: fastexcel looked at every cell (and declined the mixed column)
    grid = found.grid() if isinstance(found, SheetColumns) else found
    expected = calamine_way(path, ASKED)
    assert typed(grid) == typed(expected)
    header = ["Case ID", "Reason", "Unwanted", "Amount", "Opened", "Team Note"][hidden[1]]
    assert type(grid[hidden[0]][ASKED.index(header)]) is kind  # row 0 of both is the header
