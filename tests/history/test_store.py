"""The history store: whole parts or none, the newest run's copy of a line, columns that change over time."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import pyarrow.parquet as pq

from tkops.history import ARCHIVED_AT, LINE_KEY, RUN, HistoryStore, store_folder
from tkops.history.columns import canonical
from tkops.history.store import new_run_id

AT = dt.datetime(2026, 12, 1, 9, 30)


def sheet(**columns):
    return pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})


def test_the_folder_sits_beside_the_book(tmp_path):
    assert store_folder(tmp_path / "ops.xlsx") == tmp_path / "ops.tkops-history"
    assert HistoryStore(tmp_path / "ops.xlsx").parts() == []
    assert HistoryStore(tmp_path / "ops.xlsx").read(["Order ID"]).empty


def test_values_come_back_typed(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    frame = sheet(**{"Order ID": ["577000000000000001", "577000000000000002"], "Quantity": [2, None],
                     "Order Amount": [12.5, "3"], "Paid Time": [dt.datetime(2026, 11, 2, 8), None],
                     "Buyer Message": ["=1+1", " "], "Profit": [1.5, 2], "Checked On": [dt.datetime(2026, 11, 3), None],
                     "Mixed": [1, "a"], "SKU ID": [1729000000000000001, None]})
    part = store.append(frame, ["k1", "k2"], "r1", AT)
    assert part.rows == 2 and part.run == "r1" and part.path.exists()
    types = {f.name: str(f.type) for f in pq.read_schema(part.path)}
    assert types["Order ID"] == "string" and types["Quantity"] == "int64" and types["Order Amount"] == "double"
    assert types["Paid Time"].startswith("timestamp") and types["Profit"] == "double"
    assert types["Checked On"].startswith("timestamp") and types["Mixed"] == "string"
    back = store.read()
    assert back[LINE_KEY].tolist() == ["k1", "k2"] and back[RUN].tolist() == ["r1", "r1"]
    assert back[ARCHIVED_AT].tolist() == ["2026-12-01 09:30:00"] * 2
    assert back["Buyer Message"].tolist()[0] == "=1+1" and pd.isna(back["Buyer Message"].tolist()[1])
    assert back["SKU ID"].tolist()[0] == "1729000000000000001"  # an ID stays text, every digit kept
    # text comes as objects, a blank as None (what a sheet gives), never pandas' str dtype with NaN
    assert back["Order ID"].dtype == object and back["Buyer Message"].tolist()[1] is None
    assert str(back["Quantity"].dtype) == "Int64" and list(back.columns[:3]) == [LINE_KEY, RUN, ARCHIVED_AT]
    lines = canonical(back)
    assert str(lines["quantity"].dtype) == "Int64" and lines["quantity"].tolist()[0] == 2
    assert pd.isna(lines["quantity"].tolist()[1])
    assert lines["order_amount"].tolist() == [12.5, 3.0]
    assert lines["paid_time"].tolist()[0] == pd.Timestamp("2026-11-02 08:00")
    assert lines["order_id"].tolist() == ["577000000000000001", "577000000000000002"]
    assert lines["buyer_message"].tolist()[1] is None
    assert list(canonical(back, ["order_id"]).columns) == ["order_id"]


def test_the_newest_run_wins_and_known_finds_keys(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    store.append(sheet(**{"Order ID": ["1", "2"], "Order Status": ["Delivered", "Delivered"]}), ["a", "b"],
                 "20261101-000000-aaaa", AT)
    store.append(sheet(**{"Order ID": ["2"], "Order Status": ["Completed"]}), ["b"], "20261102-000000-bbbb", AT)
    back = store.read(["Order Status"])
    assert dict(zip(back[LINE_KEY], back["Order Status"])) == {"a": "Delivered", "b": "Completed"}
    # each line once, in the order of the parts, as a plain frame (no column or index left from the dropping)
    assert back[LINE_KEY].tolist() == ["a", "b"] and list(back.index) == [0, 1]
    assert list(back.columns) == [LINE_KEY, RUN, "Order Status"]
    assert store.rows() == 3  # rows stored, a line archived twice counts twice
    assert store.known(["a", "c", "b"]) == {"a", "b"} and store.known([]) == set()


def test_a_team_column_added_later_and_a_type_that_changed(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    store.append(sheet(**{"Order ID": ["1"], "Box": [3]}), ["a"], "r1", AT)
    store.append(sheet(**{"Order ID": ["2"], "Box": ["big"], "Gift Wrap": ["yes"]}), ["b"], "r2", AT)
    back = store.read()
    assert back["Box"].tolist() == ["3.0", "big"] or back["Box"].tolist() == ["3", "big"]
    assert pd.isna(back["Gift Wrap"].tolist()[0]) and back["Gift Wrap"].tolist()[1] == "yes"
    assert store.columns()[:4] == [LINE_KEY, RUN, ARCHIVED_AT, "Order ID"] and "Gift Wrap" in store.columns()


def test_half_written_parts_are_not_parts(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    store.append(sheet(**{"Order ID": ["1"]}), ["a"], "r1", AT)
    (store.folder / ".part-r2.parquet.123.tmp").write_bytes(b"PAR1 half")
    (store.folder / "part-r3.parquet").write_bytes(b"not a parquet file")
    assert [p.run for p in store.parts()] == ["r1"] and store.read()[LINE_KEY].tolist() == ["a"]


def test_filters_read_only_matching_rows(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    store.append(sheet(**{"Order ID": ["1", "2", "3"]}), ["a", "b", "c"], "r1", AT)
    store.append(sheet(**{"Seller SKU": ["x"], "Order ID": ["2"]}), ["d"], "r2", AT)
    assert store.read(["Order ID"], [("Order ID", "in", ["2"])])[LINE_KEY].tolist() == ["b", "d"]
    # a part without the filter's column is read whole (the caller decides for its rows)
    assert len(store.read(None, [("Seller SKU", "==", "x")])) == 4


def test_run_ids_sort_by_time_and_differ():
    a, b = new_run_id(dt.datetime(2026, 1, 2, 3, 4, 5)), new_run_id(dt.datetime(2026, 1, 2, 3, 4, 5))
    assert a.startswith("20260102-030405-") and a != b and new_run_id(dt.datetime(2027, 1, 1)) > a


def test_a_read_gives_the_columns_asked_for_with_the_key_and_run(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    empty = store.read(["Order ID", "Quantity"])
    assert list(empty.columns) == [LINE_KEY, RUN, "Order ID", "Quantity"] and empty.empty
    frame = sheet(**{"Order ID": ["577000000000000001", "577000000000000002"], "Quantity": [2, 3],
                     "Seller SKU": ["A", "B"], "Buyer Message": ["hi", None]})
    store.append(frame, ["k1", "k2"], "r1", AT)
    store.append(frame.iloc[:1].assign(Quantity=5), ["k3"], "r2", AT)  # two parts, no line in both
    back = store.read(["Order ID", "Quantity"])
    assert list(back.columns) == [LINE_KEY, RUN, "Order ID", "Quantity"]
    assert back[LINE_KEY].tolist() == ["k1", "k2", "k3"] and back["Quantity"].tolist() == [2, 3, 5]
    assert list(back.index) == [0, 1, 2]
    every = store.read()
    assert {"Seller SKU", "Buyer Message", ARCHIVED_AT} <= set(every.columns) and len(every) == 3
    assert every["Buyer Message"].tolist() == ["hi", None, "hi"] and every["Order ID"].dtype == object


def test_a_line_in_three_runs_comes_once_where_its_newest_copy_is(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    for run, keys, status in (("20261101-000000-aaaa", ["a", "b", "c"], "Delivered"),
                              ("20261102-000000-bbbb", ["d", "b"], "Completed"),
                              ("20261103-000000-cccc", ["a"], "Cancelled")):
        store.append(sheet(**{"Order ID": keys, "Order Status": [status] * len(keys)}), keys, run, AT)
    back = store.read(["Order Status"])
    assert back[LINE_KEY].tolist() == ["c", "d", "b", "a"]
    assert back["Order Status"].tolist() == ["Delivered", "Completed", "Completed", "Cancelled"]
    assert back[RUN].str[-4:].tolist() == ["aaaa", "bbbb", "bbbb", "cccc"] and list(back.index) == [0, 1, 2, 3]
    table = store.read_table(["Order Status"])
    assert table.column(LINE_KEY).to_pylist() == ["c", "d", "b", "a"] and table.num_rows == 4


def test_a_line_repeated_only_among_the_smaller_parts_still_comes_once(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    for run, keys, status in (("20261101-000000-aaaa", ["x"], "Delivered"),
                              ("20261102-000000-bbbb", ["a", "b", "c", "d"], "Delivered"),  # the largest, not first
                              ("20261103-000000-cccc", ["x"], "Completed"),
                              ("20261104-000000-dddd", ["y"], "Completed")):
        store.append(sheet(**{"Order ID": keys, "Order Status": [status] * len(keys)}), keys, run, AT)
    back = store.read(["Order Status"])
    assert back[LINE_KEY].tolist() == ["a", "b", "c", "d", "x", "y"]
    assert back["Order Status"].tolist()[4] == "Completed"


def test_a_line_of_the_largest_part_archived_again_comes_once(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    store.append(sheet(**{"Order ID": ["1"], "Order Status": ["Cancelled"]}), ["c"], "20261101-000000-aaaa", AT)
    store.append(sheet(**{"Order ID": ["1", "2", "3"], "Order Status": ["Delivered"] * 3}), ["a", "b", "c"],
                 "20261102-000000-bbbb", AT)
    store.append(sheet(**{"Order ID": ["2"], "Order Status": ["Completed"]}), ["b"], "20261103-000000-cccc", AT)
    back = store.read(["Order Status"])
    assert dict(zip(back[LINE_KEY], back["Order Status"])) == {"a": "Delivered", "b": "Completed", "c": "Delivered"}
    assert len(back) == 3


def test_a_part_never_holds_a_line_twice(tmp_path):
    store = HistoryStore(tmp_path / "ops.xlsx")
    with pytest.raises(ValueError, match="^a history part must hold each line key once$"):
        store.append(sheet(**{"Order ID": ["1", "1"]}), ["k", "k"], "r1", AT)
    assert store.parts() == []


def test_whether_a_line_is_in_two_parts_is_told_without_hashing_the_largest():
    import pyarrow as pa

    from tkops.history.store import _repeats

    def parts(*keys):
        return [pa.table({LINE_KEY: pa.array(k, pa.string())}) for k in keys]

    assert not _repeats(parts(["x"], ["a", "b", "c"], ["y", "z"]))
    assert _repeats(parts(["x"], ["a", "b", "c"], ["x"]))  # two small parts
    assert _repeats(parts(["a", "b", "c"], ["y", "b"]))  # a small part and the largest
    assert _repeats(parts(["y", "b"], ["a", "b", "c"]))
    assert not _repeats(parts([], ["a", "b"]))
