"""What the sheet specs ask of rows and panes (tkops.book.rows): the frozen columns, the height of wrapped rows, the
outline's runs."""

from __future__ import annotations

import pandas as pd

from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.rows import LINE_POINTS, MAX_LINES, freeze_column, outline_runs, row_heights, text_lines

SPEC = SheetSpec("S", "S", (ColumnSpec("ID", width=10), ColumnSpec("Note", width=10), ColumnSpec("Other", width=10)),
                 freeze="ID", wrap=("Note",), outline=("Other", "X", "Y"))


def test_freeze_up_to_the_named_column_whatever_its_position():
    assert freeze_column(SPEC, ["ID", "Note"]) == 1
    assert freeze_column(SPEC, ["Note", "Other", "ID"]) == 3
    assert freeze_column(SPEC, ["Note"]) == 0  # a sheet without that header: the header row only
    assert freeze_column(SheetSpec("T", "T"), ["ID"]) == 0


def test_lines_count_paragraphs_and_wide_characters():
    width = 10  # about 11 characters a line
    assert text_lines(None, 1) == 1 and text_lines(float("nan"), 1) == 1  # an empty cell is one line, however narrow
    assert text_lines("short", width) == 1
    assert text_lines("a" * 11, width) == 1 and text_lines("a" * 12, width) == 2
    assert text_lines("one\ntwo\n\nfour", width) == 4  # an empty paragraph is a line too
    assert text_lines("好" * 5, width) == 1 and text_lines("好" * 6, width) == 2  # wide characters take two places
    assert text_lines("Ａ" * 5, width) == 1 and text_lines("Ａ" * 6, width) == 2  # fullwidth letters too
    assert text_lines("a" * 12 + "\nb", width) == 3
    assert text_lines("ab", 0.5) == 2  # a column narrower than a character still shows one a line


def test_heights_follow_the_wrapped_columns_only_and_are_capped():
    frame = pd.DataFrame({"ID": ["x" * 200, "1", "2", "3", "4"],
                          "Note": ["one line", "a\nb\nc", None, "z\n" * 40, "a\nb"],
                          "Other": ["x" * 500, "", "", "", ""]})
    assert (LINE_POINTS, MAX_LINES) == (15.0, 12)  # Excel's line of Calibri 11; twelve lines at most
    assert row_heights(SPEC, frame) == [None, 45.0, None, 180.0, 30.0]
    assert row_heights(SPEC, frame, {"Note": 1000})[1] == 3 * LINE_POINTS  # paragraphs still count
    assert row_heights(SPEC, frame.drop(columns="Note")) == [None] * 5
    assert row_heights(SPEC, frame.iloc[:0]) == []


def test_outline_runs_are_adjacent_columns():
    assert outline_runs(SPEC, ["ID", "Other", "X", "Note", "Y"]) == [(1, 2), (4, 4)]
    assert outline_runs(SPEC, ["ID", "Other", "X", "Y"]) == [(1, 3)]
    assert outline_runs(SPEC, ["ID", "Note"]) == []
