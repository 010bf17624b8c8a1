"""The ledger core's edges (tkops.stock.ledger), each against the exact rows it must give: skipped lines and cases,
references, a log without columns, duplicate proposals, times that cannot be read, unreadable quantities."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.stock.ledger import COLUMNS, append_new, count_movements, on_hand, return_movements, ship_movements

AT = dt.datetime(2026, 11, 25, 10)


def frame(records):
    return pd.DataFrame(records, columns=list(COLUMNS))


def rows(movements):
    return [{k: v for k, v in r.items() if not (v is None or (isinstance(v, float) and v != v))}
            for r in movements.to_dict("records")]


def test_counts_name_their_source():
    assert rows(count_movements({"TEE": 4.0}, AT, "sha-1")) == [
        {"Movement ID": "count|sha-1|tee", "At": AT, "Seller SKU": "TEE", "Kind": "count", "Quantity": 4,
         "Reference": "sha-1"}]


def test_ship_and_unship_rows_and_the_lines_that_move_nothing():
    lines = pd.DataFrame({"line_key": ["k0", "k1", "k2", "k3"], "order_id": [" o0", "o1", "o2", 3],
                          "seller_sku": ["", "TEE", "MUG", "CAP"], "quantity": [2, 0, 1, 2]})
    # no status column: only the exported lines ship; a blank SKU or 0 units move nothing (and stop nothing)
    assert rows(ship_movements(lines, {"k0", "k1", "k2", "k3"}, pd.DataFrame(), AT)) == [
        {"Movement ID": "ship|k2", "At": AT, "Seller SKU": "MUG", "Kind": "ship", "Quantity": -1, "Reference": "o2"},
        {"Movement ID": "ship|k3", "At": AT, "Seller SKU": "CAP", "Kind": "ship", "Quantity": -2, "Reference": "3"}]
    log = frame([{"Movement ID": "ship|k3", "Kind": "ship"}])
    cancelled = lines.assign(order_status=["Cancelled"] * 4)
    assert rows(ship_movements(cancelled, set(), log, AT)) == [
        {"Movement ID": "unship|k3", "At": AT, "Seller SKU": "CAP", "Kind": "unship", "Quantity": 2,
         "Reference": "3"}]


def test_returns_skip_blank_and_empty_rows_and_name_the_case():
    cases = pd.DataFrame({"case_id": ["r0", "r1", 77], "seller_sku": ["TEE", "", "Mug"], "quantity": [0, 1, 2],
                          "condition": ["ok", "ok", "新"]})
    assert rows(return_movements(cases, AT)) == [
        {"Movement ID": "return|77|mug", "At": AT, "Seller SKU": "Mug", "Kind": "return", "Quantity": 0,
         "Reference": "77", "Condition": "新"}]


def test_append_new_keeps_each_id_once_and_numbers_rows_afresh():
    proposed = frame([{"Movement ID": "a", "Quantity": 1}, {"Movement ID": "a", "Quantity": 2},
                      {"Movement ID": "b", "Quantity": 3}]).set_axis([7, 8, 9])
    fresh, n = append_new(pd.DataFrame(), proposed)
    assert n == 2 and list(fresh.index) == [0, 1] and list(fresh.columns) == list(COLUMNS)
    assert fresh["Quantity"].tolist() == [1, 3]
    log = frame([{"Movement ID": "a", "Quantity": 1}]).set_axis([5])
    out, n = append_new(log, proposed)
    assert n == 1 and list(out.index) == [0, 1] and out["Movement ID"].tolist() == ["a", "b"]
    assert list(out.columns) == list(COLUMNS)
    same, n = append_new(out, proposed)
    assert n == 0 and same is out


def test_on_hand_orders_by_time_blank_times_first_and_reads_bad_quantities_as_nothing():
    log = frame([
        {"Movement ID": "c", "At": AT, "Seller SKU": "TEE", "Kind": "count", "Quantity": 10},
        {"Movement ID": "s0", "At": None, "Seller SKU": "TEE", "Kind": "ship", "Quantity": -4},  # before the count
        {"Movement ID": "x", "At": "later", "Seller SKU": "", "Kind": "count", "Quantity": 1},
        {"Movement ID": "s1", "At": AT + dt.timedelta(hours=1), "Seller SKU": "tee", "Kind": "ship",
         "Quantity": "two"},
        {"Movement ID": "s2", "At": AT + dt.timedelta(hours=1), "Seller SKU": "TEE", "Kind": "ship", "Quantity": -1},
        {"Movement ID": "m", "At": AT + dt.timedelta(hours=2), "Seller SKU": "TEE", "Kind": "move", "Quantity": 5},
        {"Movement ID": "a", "At": AT + dt.timedelta(hours=2), "Seller SKU": "TEE", "Kind": "adjust",
         "Quantity": 3, "Reason": " "},
    ]).set_axis([10, 11, 12, 13, 14, 15, 16])
    assert on_hand(log) == ({"TEE": 10 - 1}, [6])
