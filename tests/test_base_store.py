"""The tkops Base sheet: a line's base as JSON in two cells, read back typed; long lines over several cells; a cell
edited into something else costs that line its base, nothing more."""

from __future__ import annotations

import pandas as pd

from tkops.jobs.orders_merge import PIECE, base_from_rows, base_sheet, pieces_of
from tkops.merge import merge_three_way


def rows_of(columns, frame):
    return [[c.header for c in columns]] + frame.astype(object).where(frame.notna(), None).values.tolist()


LINES = pd.DataFrame({
    "order_id": ["1", "2"], "sku_id": ["A", "B"], "quantity": pd.array([1, 2], dtype="Int64"),
    "paid_time": pd.to_datetime(["2026-11-25 09:00:01", None]).astype("datetime64[ns]"),
    "order_amount": pd.array([1.5, None], dtype="Float64"), "recipient": ['Ann "Q" 李', None]})


def test_the_base_round_trips_typed_and_blanks_are_left_out():
    done = merge_three_way(pd.DataFrame(), LINES)
    columns, frame = base_sheet(done.base, done.sheet)
    assert [c.header for c in columns] == ["Line Key", "Values"]
    assert frame["Values"][1] == '{"order_id":"2","sku_id":"B","quantity":2}'
    back = base_from_rows(rows_of(columns, frame))
    assert list(back.index) == ["1|A|0", "2|B|0"]
    assert back.loc["1|A|0", "paid_time"] == pd.Timestamp("2026-11-25 09:00:01")
    assert back.loc["1|A|0", "order_amount"] == 1.5 and back.loc["2|B|0", "quantity"] == 2
    assert back.loc["1|A|0", "recipient"] == 'Ann "Q" 李' and pd.isna(back.loc["2|B|0", "recipient"])
    again = merge_three_way(done.sheet, LINES, back)
    assert (again.counts.unchanged, again.counts.updated, again.counts.conflicts) == (2, 0, 0)


def test_a_long_line_takes_several_cells_and_a_rewrite_clears_them_all():
    long = LINES.copy()
    long.loc[0, "recipient"] = "x" * (PIECE + 10)
    done = merge_three_way(pd.DataFrame(), long)
    columns, frame = base_sheet(done.base, done.sheet)
    rows = rows_of(columns, frame)
    assert rows[0] == ["Line Key", "Values", "Values 2"] and pieces_of(rows) == 2
    assert all(len(v or "") <= PIECE for r in rows[1:] for v in r[1:])
    assert base_from_rows(rows).loc["1|A|0", "recipient"] == "x" * (PIECE + 10)
    short = merge_three_way(done.sheet, LINES, done.base)
    columns, frame = base_sheet(short.base, short.sheet, pieces_of(rows))
    assert [c.header for c in columns][-1] == "Values 2" and frame["Values 2"].isna().all()


def test_a_hand_edited_cell_loses_only_that_lines_base():
    rows = [["Line Key", "Values"], ["1|A|0", "not json"], ["2|B|0", '["a list"]'],
            ["3|C|0", '{"recipient": "Bo", "no_such_column": 1}']]
    back = base_from_rows(rows)
    assert list(back.index) == ["1|A|0", "2|B|0", "3|C|0"] and list(back.columns) == ["recipient"]
    assert back["recipient"].tolist()[2] == "Bo" and back["recipient"].isna().tolist()[:2] == [True, True]
    assert base_from_rows(None).empty and base_from_rows([["Line Key", "Values"]]).empty
