"""LiveBook keeps what it wrote: a second write or read of a sheet in the same run sees the sheet as Excel holds it
(the team's columns where they are, the values just written) and transfers only what changed."""

from __future__ import annotations

import pandas as pd

from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.live import LiveBook
from tkops.schema import Kind

from fakes.xlwings_fake import FakeBook

SPEC = SheetSpec("Notes", "Notes", (ColumnSpec("Key", Kind.TEXT), ColumnSpec("State", Kind.TEXT),
                                    ColumnSpec("Count", Kind.INT)))


def fake(rows: list[list]) -> FakeBook:
    book = FakeBook("/tmp/tkops.xlsm", {"Notes": rows})
    book.sheet("Notes").tables.add(source=book.sheet("Notes").range((1, 1), (len(rows), len(rows[0]))),
                                   name="Notes", table_style_name="TableStyleMedium2")
    return book


def frame(states: list[str], counts: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"Key": [f"k{i}" for i in range(len(states))], "State": states, "Count": counts})


def test_a_second_write_keeps_the_teams_column_and_writes_only_the_change():
    # the team put a column of its own between tkops' columns
    book = fake([["Key", "Team Note", "State", "Count"], ["k0", "call her", "new", 1], ["k1", None, "new", 2],
                 ["k2", "fragile", "new", 3]])
    live = LiveBook(book)
    live.write_table(SPEC, frame(["open", "new", "new"], [1, 2, 3]))
    assert book.written_by_sheet["Notes"] == 3  # the State column, once
    book.written_by_sheet.clear()
    book.read_by_sheet.clear()
    live.write_table(SPEC, frame(["open", "done", "new"], [1, 2, 3]))
    assert book.written_by_sheet == {"Notes": 3} and book.read_by_sheet == {}  # from the cache, State again only
    assert book.sheet("Notes").rows() == [["Key", "Team Note", "State", "Count"], ["k0", "call her", "open", 1],
                                          ["k1", None, "done", 2], ["k2", "fragile", "new", 3]]
    # what a step reads next is the sheet as it is, without asking Excel again
    assert live.rows_read("Notes") == book.sheet("Notes").rows() and book.read_by_sheet == {}
    live.write_table(SPEC, frame(["open", "done", "new"], [1, 2, 3]))
    assert book.written_by_sheet == {"Notes": 3}  # nothing changed: nothing written


def test_a_shorter_table_then_a_longer_one_leaves_no_stale_row():
    book = fake([["Key", "State", "Count", None, "Sum"], ["k0", "a", 1, None, "total 6"], ["k1", "b", 2, None, None],
                 ["k2", "c", 3, None, None]])
    live = LiveBook(book)
    live.write_table(SPEC, frame(["a"], [1]))
    assert book.sheet("Notes").rows() == [["Key", "State", "Count", None, "Sum"], ["k0", "a", 1, None, "total 6"]]
    live.write_table(SPEC, frame(["a", "x"], [1, 9]))
    assert book.sheet("Notes").rows() == [["Key", "State", "Count", None, "Sum"], ["k0", "a", 1, None, "total 6"],
                                          ["k1", "x", 9, None, None]]
    assert live.rows_read("Notes") == book.sheet("Notes").rows()


def test_after_a_write_of_columns_read_the_next_write_compares_with_what_was_written():
    book = fake([["Key", "Team Note", "State", "Count"], ["k0", "call her", "new", 1], ["k1", None, "new", 2]])
    live = LiveBook(book)
    assert live.read_columns("Notes", ["Key", "State"]) == [["Key", "State"], ["k0", "new"], ["k1", "new"]]
    live.write_table(SPEC, frame(["open", "new"], [1, 2]))
    book.written_by_sheet.clear()
    live.write_table(SPEC, frame(["open", "new"], [1, 2]))
    assert book.written_by_sheet == {}  # Count was written (never read) the first time: now known
    assert book.sheet("Notes").rows()[1] == ["k0", "call her", "open", 1]
