"""The push plan: each available quantity goes to every TikTok SKU of its Seller SKU, in one warehouse; a SKU that
cannot be placed is held back with the reason; the update bodies group SKUs by product."""

from __future__ import annotations

import pandas as pd

from tkops.stock.available import NO_ON_HAND
from tkops.stock.push_plan import (
    LISTING_COLUMNS,
    MANY_WAREHOUSES,
    MAX_QUANTITY,
    NOT_IN_WAREHOUSE,
    PLAN_COLUMNS,
    UNMAPPED,
    plan,
    update_bodies,
)


def stock(*rows):
    """(key, available[, problem, detail])"""
    frame = pd.DataFrame([{"seller_sku": r[0].upper(), "on_hand": r[1] + 1, "allocated": 1, "safety": 0,
                           "available": r[1], "problem": r[2] if len(r) > 2 else "",
                           "detail": r[3] if len(r) > 3 else ""} for r in rows], index=[r[0] for r in rows])
    return frame


def listings(*rows):
    """(key, product, sku id, warehouses)"""
    return pd.DataFrame([(k, k.upper(), p, s, tuple(w)) for k, p, s, w in rows], columns=LISTING_COLUMNS)


def outcome(frame):
    return [(r.key, r.sku_id, r.warehouse_id, r.had, r.quantity, r.status, r.code) for r in frame.itertuples()]


def test_each_sku_goes_to_its_only_warehouse_or_is_held_with_the_reason():
    result = plan(stock(("tee", 5), ("mug", 0), ("cap", 3), ("hat", 2, NO_ON_HAND), ("bag", 7), ("box", 4)),
                  listings(("tee", "1", "11", [("W1", 9)]), ("mug", "1", "12", [("W1", 0)]),
                           ("cap", "2", "13", [("W1", 1), ("W2", 1)]), ("hat", "2", "14", [("W1", 1)]),
                           ("box", "3", "15", [])))
    assert outcome(result) == [
        ("tee", "11", "W1", 9, 5, "send", ""), ("mug", "12", "W1", 0, 0, "same", ""),
        ("cap", "13", "", None, None, "held", MANY_WAREHOUSES), ("hat", "", "", None, None, "held", NO_ON_HAND),
        ("bag", "", "", None, None, "held", UNMAPPED), ("box", "15", "", None, 4, "send", "")]
    assert result.at[2, "params"] == {"sku": "CAP", "n": 2, "warehouses": "W1, W2"}
    assert result.at[3, "params"] == {"sku": "HAT", "value": ""} and result.at[4, "params"] == {"sku": "BAG"}
    assert list(result.loc[0, ["on_hand", "allocated", "safety", "available", "product_id"]]) == [6, 1, 0, 5, "1"]


def test_the_warehouse_setting_names_the_warehouse():
    rows = listings(("tee", "1", "11", [("W1", 9), ("W2", 2)]), ("mug", "1", "12", [("W1", 0)]))
    result = plan(stock(("tee", 5), ("mug", 3)), rows, " W2 ")
    assert outcome(result) == [("tee", "11", "W2", 2, 5, "send", ""),
                               ("mug", "12", "", None, None, "held", NOT_IN_WAREHOUSE)]
    assert result.at[1, "params"] == {"sku": "MUG", "warehouse": "W2", "warehouses": "W1"}
    assert outcome(plan(stock(("tee", 2)), rows, "W2"))[0][5] == "same"


def test_a_seller_sku_on_two_tiktok_skus_is_sent_to_both_and_quantities_are_capped():
    result = plan(stock(("tee", 250000)), listings(("tee", "1", "11", [("W1", 0)]), ("tee", "2", "21", [("W1", 0)])))
    assert outcome(result) == [("tee", "11", "W1", 0, MAX_QUANTITY, "send", ""),
                               ("tee", "21", "W1", 0, MAX_QUANTITY, "send", "")]
    assert MAX_QUANTITY == 99998
    assert plan(stock(("tee", 99998)), listings(("tee", "1", "11", [("W1", 99998)]))).at[0, "status"] == "same"


def test_no_listings_at_all():
    empty = pd.DataFrame(columns=LISTING_COLUMNS)
    assert outcome(plan(stock(("tee", 1)), empty)) == [("tee", "", "", None, None, "held", UNMAPPED)]
    assert plan(stock(), empty).empty and list(plan(stock(), empty).columns) == PLAN_COLUMNS


def test_every_row_carries_its_sku_and_numbers():
    result = plan(stock(("tee", 5), ("mug", 1)), listings(("tee", "1", "11", [("W1", 9), ("W2", 0)]),
                                                        ("tee", "2", "21", [("W1", 9)])))
    assert list(result.columns) == PLAN_COLUMNS
    assert [(r.seller_sku, r.product_id, r.params) for r in result.itertuples()] == [
        ("TEE", "1", {"sku": "TEE", "n": 2, "warehouses": "W1, W2"}), ("TEE", "2", {}), ("MUG", "", {"sku": "MUG"})]
    assert outcome(result)[1] == ("tee", "21", "W1", 9, 5, "send", "")  # the first TikTok SKU held, not the second
    missing = plan(stock(("tee", 5)), listings(("tee", "1", "11", [])), "W9")
    assert missing.at[0, "params"] == {"sku": "TEE", "warehouse": "W9", "warehouses": "-"}


def test_one_body_per_product_with_its_skus_in_order():
    result = plan(stock(("tee", 5), ("mug", 0), ("cap", 3), ("box", 4)),
                  listings(("tee", "1", "11", [("W1", 9)]), ("mug", "2", "12", [("W1", 6)]),
                           ("cap", "1", "13", [("W1", 1)]), ("box", "3", "15", [])))
    assert update_bodies(result) == {
        "1": [{"id": "11", "inventory": [{"warehouse_id": "W1", "quantity": 5}]},
              {"id": "13", "inventory": [{"warehouse_id": "W1", "quantity": 3}]}],
        "2": [{"id": "12", "inventory": [{"warehouse_id": "W1", "quantity": 0}]}],
        "3": [{"id": "15", "inventory": [{"quantity": 4}]}]}
    assert update_bodies(result[result["status"] != "send"]) == {}
