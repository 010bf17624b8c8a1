"""The Archive button on a fake Excel: the closed orders leave the Orders sheet of the open workbook for the history
folder beside it, the hidden mark sheet records them, and a second press has nothing to move."""

from __future__ import annotations

import shutil

from tkops import xl
from tkops.history import HistoryStore

from conftest import EXPORTS
from fakes.xlwings_fake import FakeBook
from test_live_backend import as_records, new_live_book

COMPLETED, CANCELLED = "577526174378294553", "580857765348134593"  # the closed orders of us_2025.csv


def set_setting(book: FakeBook, name: str, value: str) -> None:
    sheet = book.sheet("Settings")
    row = next(i for i, r in enumerate(sheet.rows(), start=1) if r and r[0] == name)
    sheet._put((row, 2), value)


def test_the_archive_button_moves_closed_orders_out_of_the_open_workbook(tmp_path):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")
    xl.import_orders(book)  # Keep Closed Days 30 before the book's newest order: nothing closed that long ago
    assert {COMPLETED, CANCELLED} <= {r["Order ID"] for r in as_records(book.sheet("Orders").rows())}
    assert not HistoryStore(tmp_path / "tkops.xlsm").folder.exists()

    set_setting(book, "Keep Closed Days", "0")
    xl.archive(book)
    assert book.app.alerts == []
    ids = [r["Order ID"] for r in as_records(book.sheet("Orders").rows())]
    assert len(ids) == 12 and COMPLETED not in ids and CANCELLED not in ids
    store = HistoryStore(tmp_path / "tkops.xlsm")
    assert store.folder.name == "tkops.tkops-history"
    assert sorted(store.read()["Order ID"]) == [COMPLETED, CANCELLED]
    mark = {r[0]: r[1] for r in book.sheet("tkops History").rows()[1:]}
    assert mark["Lines"] == "2" and mark["Store"] == "tkops.tkops-history"
    assert "2 closed lines (2 orders" in book.sheet("Home").value_at(2, 1)

    xl.archive(book)
    assert "No line to move to history" in book.sheet("Home").value_at(2, 1)
    assert len(store.parts()) == 1
