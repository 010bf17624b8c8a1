"""Text read back from the history store: objects with None for blanks, exactly as stored, whether a column has
few distinct values (made once each and shared by every row) or many."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.history import HistoryStore
from tkops.cells.arrow_values import SHARED_FROM


def _lines(n: int, start: int) -> pd.DataFrame:
    statuses = ["Delivered", "Shipped", None, "Cancelled"]
    return pd.DataFrame({"Order ID": [f"5770{start + i:014d}" for i in range(n)],
                         "Order Status": [statuses[i % 4] for i in range(n)],
                         "Currency": ["USD"] * (n - 1) + [None],
                         "Quantity": [i % 3 + 1 for i in range(n)]})


def _as_stored(column: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in column]


def test_few_and_many_distinct_values_read_back_as_stored(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    first, second = _lines(SHARED_FROM, 0), _lines(SHARED_FROM // 2, SHARED_FROM)  # two parts: two chunks
    for run, frame in (("20261101-000000-aaaaaaaa", first), ("20261102-000000-bbbbbbbb", second)):
        store.append(frame, [f"{o}|1|0" for o in frame["Order ID"]], run, dt.datetime(2026, 11, 1))
    got = store.read(["Order ID", "Order Status", "Currency", "Quantity"])
    both = pd.concat([first, second], ignore_index=True)
    assert len(got) == len(both) == SHARED_FROM * 3 // 2
    for name in ("Order ID", "Order Status", "Currency"):
        assert got[name].dtype == object and got[name].tolist() == _as_stored(both[name])
    status = got["Order Status"].to_numpy()
    assert status[0] is status[4] and status[2] is None  # shared strings, None where blank
    ids = got["Order ID"].to_numpy()
    assert ids[0] == "577000000000000000" and ids[-1] == f"5770{SHARED_FROM * 3 // 2 - 1:014d}"
    assert got["Currency"].iloc[SHARED_FROM - 1] is None and got["Currency"].iloc[-2] == "USD"
    assert got["Quantity"].tolist() == both["Quantity"].tolist()


def test_a_short_part_reads_the_same(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    frame = _lines(20, 0)
    store.append(frame, [f"{o}|1|0" for o in frame["Order ID"]], "20261101-000000-aaaaaaaa", dt.datetime(2026, 11, 1))
    got = store.read(["Order Status"])
    assert got["Order Status"].tolist() == _as_stored(frame["Order Status"])
