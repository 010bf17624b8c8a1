"""The hidden sheet "tkops History": read back as a person may have left it, written as tkops writes it, and the
check that refuses a book whose history folder is missing or short."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops.errors import ConfigError
from tkops.history import HistoryStore
from tkops.history.mark import MARK, Mark, check_store


def test_the_mark_reads_back_what_it_writes():
    mark = Mark("ops.tkops-history", 1234, 3, "20261101-000000-abc", "2026-11-01 00:00:00")
    frame = mark.frame()
    assert list(frame.columns) == ["Item", "Value"] == list(MARK.headers)
    assert frame["Item"].tolist() == ["Store", "Lines", "Runs", "Last Run", "Last Archived At"]
    assert frame["Value"].tolist() == ["ops.tkops-history", "1234", "3", "20261101-000000-abc", "2026-11-01 00:00:00"]
    assert Mark.from_rows([list(frame.columns)] + frame.values.tolist()) == mark
    assert MARK.state == "hidden" and MARK.name == "tkops History"


def test_the_mark_reads_what_excel_or_a_person_left():
    rows = [["Item", "Value"], [" LINES ", 12.0], ["runs", "2"], ["Store", None], [None, "stray"], ["Last Run"],
            ["last archived at", dt.datetime(2026, 11, 1)], [], ["Extra", "ignored"]]
    mark = Mark.from_rows(rows)
    assert (mark.lines, mark.runs, mark.store, mark.last_run) == (12, 2, "", "")  # names as typed, any case
    assert mark.last_at == "2026-11-01 00:00:00"
    assert Mark.from_rows([["Item", "Value"], ["Lines", "12.0"], ["Runs", 3]]).lines == 12
    assert Mark.from_rows([["Item", "Value"], ["Lines", "many"], ["Runs", ""]]) == Mark()
    assert Mark.from_rows(None) == Mark() and Mark.from_rows([]) == Mark()
    assert Mark.from_rows([["Lines", "5"]]) == Mark()  # the first row is the header


def test_a_book_without_history_is_never_refused(tmp_path):
    check_store("ops.xlsx", Mark(), HistoryStore(tmp_path / "ops.xlsx"))
    check_store("ops.xlsx", Mark(lines=0, runs=4), HistoryStore(tmp_path / "ops.xlsx"))


def _store_with(tmp_path, n: int) -> HistoryStore:
    store = HistoryStore(tmp_path / "ops.xlsx")
    frame = pd.DataFrame({"Order ID": [str(577000000000000000 + i) for i in range(n)], "SKU ID": ["1"] * n})
    store.append(frame, [f"{o}|1|0" for o in frame["Order ID"]], "20261101-000000-aaaaaaaa", dt.datetime(2026, 11, 1))
    return store


def test_a_missing_or_short_folder_is_refused_naming_it(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    with pytest.raises(ConfigError) as missing:
        check_store("ops.xlsx", Mark("ops.tkops-history", 1), store)
    assert missing.value.code == "history.missing"
    assert missing.value.params == {"book": "ops.xlsx", "folder": "ops.tkops-history", "lines": "1", "held": "0"}
    store = _store_with(tmp_path, 3)
    with pytest.raises(ConfigError) as short:
        check_store("ops.xlsx", Mark("ops.tkops-history", 1500), store)
    assert short.value.code == "history.short" and short.value.params["lines"] == "1,500"
    assert short.value.params["held"] == "3"
    check_store("ops.xlsx", Mark("ops.tkops-history", 3), store)  # as many as the book says: fine
    check_store("ops.xlsx", Mark("ops.tkops-history", 2), store)  # more (a run that died after its part): fine


def test_an_item_given_twice_counts_as_its_last_row_even_blank():
    rows = [["Item", "Value"], ["Runs", "3"], ["Lines", "9"], ["Runs", ""], ["Lines", None]]
    assert (Mark.from_rows(rows).runs, Mark.from_rows(rows).lines) == (0, 0)
