"""The upsert on small frames: keys, team columns, columns a file lacks, nothing deleted."""

from __future__ import annotations

import pandas as pd

from tkops import schema
from tkops.merge import merge_lines, sheet_frame


def lines(*rows):
    frame = pd.DataFrame(rows, columns=["order_id", "sku_id", "quantity", "order_status"])
    frame["quantity"] = frame["quantity"].astype("Int64")
    return frame


def test_new_lines_into_an_empty_sheet():
    sheet, counts = merge_lines(pd.DataFrame(), lines(("1", "A", 1, "Awaiting Shipment")))
    assert counts.new == 1 and list(sheet["Order ID"]) == ["1"]


def test_upsert_keeps_team_columns_and_order():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity", "Order Status", "Team Note"],
                         ["1", "A", 1, "Awaiting Shipment", "fragile"],
                         ["2", "B", 2, "Awaiting Shipment", None]])
    merged, counts = merge_lines(sheet, lines(("2", "B", 2, "Shipped"), ("3", "C", 1, "Awaiting Shipment"),
                                              ("1", "A", 1, "Awaiting Shipment")))
    assert (counts.new, counts.updated, counts.unchanged) == (1, 1, 1)
    assert list(merged["Order ID"]) == ["1", "2", "3"]
    assert list(merged["Order Status"]) == ["Awaiting Shipment", "Shipped", "Awaiting Shipment"]
    assert merged["Team Note"].iloc[0] == "fragile"


def test_same_sku_twice_in_an_order_is_two_lines():
    first, _ = merge_lines(pd.DataFrame(), lines(("1", "A", 1, "x"), ("1", "A", 2, "x")))
    again, counts = merge_lines(first, lines(("1", "A", 1, "x"), ("1", "A", 3, "x")))
    assert (counts.new, counts.updated, counts.unchanged) == (0, 1, 1)
    assert list(again["Quantity"]) == [1, 3]


def test_a_column_the_file_lacks_keeps_its_value():
    sheet = sheet_frame([["Order ID", "SKU ID", "Quantity", "Order Status", "Tracking ID"],
                         ["1", "A", 1, "Shipped", "1Z999"]])
    merged, counts = merge_lines(sheet, lines(("1", "A", 1, "Shipped")))
    assert counts.unchanged == 1 and merged["Tracking ID"].iloc[0] == "1Z999"


def test_seller_sku_is_the_key_when_there_is_no_sku_id():
    frame = pd.DataFrame({"order_id": ["1", "1"], "seller_sku": ["TEE-M", "TEE-L"]})
    keys = list(schema.line_keys(frame))
    assert keys[0] != keys[1]


def test_orders_of_never_counts_an_order_amount_twice():
    frame = pd.DataFrame({"order_id": ["1", "1", "2"], "order_amount": [30.0, 30.0, 10.0],
                          "seller_sku": ["A", "B", "C"]})
    assert schema.orders_of(frame)["order_amount"].sum() == 40.0
