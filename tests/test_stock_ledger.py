"""The stock ledger's core against hand computations: ship, cancel after ship, partial return, resellable vs
damaged, re-import, recount, adjustments; re-running never moves anything twice."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.stock.ledger import (
    COLUMNS,
    append_new,
    count_movements,
    on_hand,
    return_movements,
    ship_movements,
)

T9, T10, T11, T12, T13 = (dt.datetime(2026, 11, 25, h) for h in (9, 10, 11, 12, 13))


def lines(*rows):
    return pd.DataFrame(rows, columns=["line_key", "order_id", "seller_sku", "quantity", "order_status"])


def cases(*rows):
    return pd.DataFrame(rows, columns=["case_id", "seller_sku", "quantity", "condition"])


def test_a_day_and_its_returns_match_the_hand_count():
    log = pd.DataFrame(columns=list(COLUMNS))
    log, n = append_new(log, count_movements({"TEE": 10, "MUG": 5}, T9, "sha-a"))
    assert n == 2 and on_hand(log) == ({"TEE": 10, "MUG": 5}, [])
    day = lines(("o1|TEE|0", "o1", "TEE", 2, "Awaiting Shipment"), ("o2|TEE|0", "o2", "TEE", 1, "Awaiting Shipment"),
                ("o3|MUG|0", "o3", "MUG", 3, "Shipped"), ("o4|MUG|0", "o4", "MUG", 1, "Awaiting Shipment"))
    log, n = append_new(log, ship_movements(day, {"o1|TEE|0", "o2|TEE|0"}, log, T10))
    assert n == 3 and on_hand(log)[0] == {"TEE": 10 - 2 - 1, "MUG": 5 - 3}
    # the same export and the same statuses again: nothing moves
    assert append_new(log, ship_movements(day, {"o1|TEE|0", "o2|TEE|0"}, log, T11))[1] == 0
    # o2 cancelled after it shipped: its unit comes back, once; o4 cancelled before shipping: nothing
    later = day.assign(order_status=["Shipped", "Cancelled", "Delivered", "Cancelled"])
    log, n = append_new(log, ship_movements(later, {"o1|TEE|0", "o2|TEE|0"}, log, T11))
    assert n == 1 and on_hand(log)[0] == {"TEE": 8, "MUG": 2}
    assert append_new(log, ship_movements(later, set(), log, T12))[1] == 0
    # returns: 1 of o3's 3 mugs back resellable (a partial return), a damaged tee on record only
    received = cases(("c1", "MUG", 1, "Resellable"), ("c2", "TEE", 1, "damaged"), ("c3", "", 1, "resellable"))
    log, n = append_new(log, return_movements(received, T12))
    assert n == 2 and on_hand(log)[0] == {"TEE": 8, "MUG": 3}
    assert log.loc[log["Reference"] == "c2", ["Quantity", "Condition"]].values.tolist() == [[0, "damaged"]]
    assert append_new(log, return_movements(received, T13))[1] == 0


def test_reimport_moves_nothing_and_a_recount_starts_afresh():
    log, _ = append_new(pd.DataFrame(columns=list(COLUMNS)), count_movements({"TEE": 10}, T9, "sha-a"))
    log, _ = append_new(log, ship_movements(lines(("o1|TEE|0", "o1", "TEE", 4, "Shipped")), set(), log, T10))
    assert append_new(log, count_movements({"TEE": 10}, T11, "sha-a"))[1] == 0  # the same file again
    log, n = append_new(log, count_movements({"tee": 7}, T11, "sha-b"))  # a shelf count, SKU typed in lower case
    assert n == 1 and on_hand(log)[0] == {"TEE": 7}
    log, _ = append_new(log, ship_movements(lines(("o2|TEE|0", "o2", "TEE", 1, "Shipped")), set(), log, T12))
    assert on_hand(log)[0] == {"TEE": 6}


def test_adjustments_need_a_reason_and_movements_before_a_count_do_not_count():
    log = pd.concat([
        count_movements({"TEE": 10}, T10, "sha-a"),
        pd.DataFrame([{"Movement ID": "adj1", "At": T11, "Seller SKU": "TEE", "Kind": "adjust", "Quantity": -2,
                       "Reason": "found torn"},
                      {"Movement ID": "adj2", "At": T11, "Seller SKU": "TEE", "Kind": "adjust", "Quantity": 5},
                      {"Movement ID": "ship|early", "At": T9, "Seller SKU": "TEE", "Kind": "ship", "Quantity": -3},
                      {"Movement ID": "ship|x", "At": T12, "Seller SKU": "CAP", "Kind": "ship", "Quantity": -1}])],
        ignore_index=True)
    assert on_hand(log) == ({"TEE": 8}, [2])  # CAP was never counted: no guess
    assert on_hand(pd.DataFrame(columns=list(COLUMNS))) == ({}, [])
