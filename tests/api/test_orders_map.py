"""API orders -> canonical order lines, identical to the Seller Center export of the same orders (the Pull step)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.api import payloads as P
from tkops import schema
from tkops.api.orders_map import (API_KEYS, API_LACKS, RETURN_KEYS, SLA_KEYS, id_batches, next_page_token,
                                  order_ids_and_updates, order_lines)
from tests.api.server_data import order as server_order
from tkops.errors import BadValue
from tkops.merge import merge_lines
from tkops.settings import Settings
from tkops.sources import read_orders

SHOPS = {"US": P.US, "TH": P.TH}
ADDRESS_KEYS = ("recipient", "phone", "country", "state", "city", "districts", "zipcode", "address_line_1",
                "address_line_2", "delivery_instruction")


def settings(shop: P.Shop, **kw) -> Settings:
    return Settings(market=shop.market, **kw)


def both(shop: P.Shop, tmp_path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the export of the shop's orders as read_orders reads it, order_lines of the same orders from the API)."""
    path = P.write_order_export(shop, tmp_path / f"{shop.market}_orders.csv")
    exported = read_orders(path, settings(shop)).table.frame
    pulled = order_lines(P.api_orders(shop), settings(shop), returns=P.api_returns(shop),
                         warehouses=dict([shop.warehouse]))
    return exported, pulled


def line(frame: pd.DataFrame, order_id: str, seller_sku: str, nth: int = 0) -> pd.Series:
    return frame[(frame["order_id"] == order_id) & (frame["seller_sku"] == seller_sku)].iloc[nth]


@pytest.mark.parametrize("market", SHOPS)
def test_pulled_lines_are_the_exported_lines(market, tmp_path):
    exported, pulled = both(SHOPS[market], tmp_path)
    assert len(pulled) == len(exported)
    # The API withholds the recipient of UNPAID/ON_HOLD orders: those cells are the one expected difference.
    withheld = exported["order_id"].isin(pulled.attrs["recipient_withheld"])
    keys = [k for k in ADDRESS_KEYS if k in exported]
    if withheld.any():
        assert exported.loc[withheld, "recipient"].notna().all()
        assert pulled.loc[pulled["order_id"].isin(pulled.attrs["recipient_withheld"]), keys].isna().all().all()
        exported.loc[withheld, keys] = None
    problems = P.differences(exported, pulled, schema.line_keys)
    assert not problems, "pulled lines differ from the export:\n" + "\n".join(problems)
    assert set(exported.columns) - set(pulled.columns) == API_LACKS & set(exported.columns)


def test_pulled_columns_are_canonical_and_typed():
    pulled = order_lines(P.api_orders(P.US), settings(P.US), returns=[], warehouses={"1": "x"})
    expected = [c.key for c in schema.ORDER_COLUMNS if c.key in set(API_KEYS) | set(RETURN_KEYS) | {"warehouse_name"}]
    assert list(pulled.columns) == expected
    for key in pulled.columns:
        assert str(pulled[key].dtype) == schema.dtype_of(schema.BY_KEY[key].kind), key
    bare = order_lines(P.api_orders(P.US), settings(P.US))
    assert not set(RETURN_KEYS + ("warehouse_name",)) & set(bare.columns)


def test_a_pull_over_an_imported_export_changes_nothing(tmp_path):
    exported, pulled = both(P.US, tmp_path)
    sheet, first = merge_lines(pd.DataFrame(), exported)
    assert first.new == len(exported)
    complete = pulled[~pulled["order_id"].isin(pulled.attrs["recipient_withheld"])]
    # the platform's deadlines are the one thing a pull adds to an export's lines (no export has them)
    _, again = merge_lines(sheet, complete.drop(columns=list(SLA_KEYS)))
    assert (again.new, again.updated, again.unchanged) == (0, 0, len(complete))
    sheet, first_pull = merge_lines(sheet, complete)
    assert first_pull.new == 0 and first_pull.updated == complete[list(SLA_KEYS)].notna().any(axis=1).sum() > 0
    _, second_pull = merge_lines(sheet, complete)
    assert (second_pull.new, second_pull.updated, second_pull.unchanged) == (0, 0, len(complete))


def test_the_platforms_deadlines_are_order_columns_in_shop_time():
    """rts_sla_time and the other deadline fields (docs/sla.md#where-a-deadline-comes-from) arrive as naive
    shop-local times, 0 as blank."""
    order = server_order(1)
    order.update(rts_sla_time=1767513540, shipping_due_time=0, delivery_sla_time="1767945540",
                 cancel_order_sla_time=None)  # 2026-01-03 23:59 and 2026-01-08 23:59 in Los Angeles
    got = order_lines([order], settings(P.US)).iloc[0]
    assert got["rts_sla_time"] == pd.Timestamp("2026-01-03 23:59") and pd.isna(got["shipping_due_time"])
    assert got["delivery_sla_time"] == pd.Timestamp("2026-01-08 23:59") and pd.isna(got["cancel_order_sla_time"])
    assert got["tts_sla_time"] == pd.Timestamp("2026-01-03 16:01")  # the fake server: created + 3 days
    assert all(schema.BY_KEY[k].kind is schema.Kind.DATETIME and not schema.BY_KEY[k].core for k in SLA_KEYS)


def test_units_are_combined_into_export_lines():
    pulled = order_lines(P.api_orders(P.US), settings(P.US))
    tee = line(pulled, "577100000000000101", "TEE-BLK-M")
    assert (tee["quantity"], tee["unit_original_price"], tee["subtotal_before_discount"]) == (3, 14.99, 44.97)
    assert (tee["sku_seller_discount"], tee["sku_platform_discount"], tee["subtotal_after_discount"]) == (3.0, 0, 41.97)
    assert len(pulled[pulled["order_id"] == "577100000000000101"]) == 2
    # The same SKU in two packages is two lines; a gift unit at 0.00 is a line of its own.
    split = pulled[pulled["order_id"] == "577100000000000303"]
    assert list(split["seller_sku"]) == ["TEE-BLK-M", "TEE-BLK-M", "CAP-BLK-OS", "CAP-BLK-OS"]
    assert list(split["quantity"]) == [2, 1, 1, 1]
    assert list(split["unit_original_price"]) == [14.99, 14.99, 16.0, 0.0]
    assert list(split["package_id"]) == ["1151172211214415310", "1151172211214415311"] + ["1151172211214415310"] * 2
    assert list(split["tracking_id"]) == ["1ZRD3VP50300811571", None, "1ZRD3VP50300811571", "1ZRD3VP50300811571"]
    assert list(split["order_substatus"]) == ["In Transit", "Awaiting Shipment", "In Transit", "In Transit"]
    assert split["shipped_time"].isna().tolist() == [False, True, False, False]
    assert (split["order_status"] == "Partially Shipped").all()


def test_a_line_item_with_a_quantity_counts_that_many_units():
    order = minimal_order()
    order["line_items"][0].update(quantity=3, original_price="5", seller_discount="1")
    order["line_items"].append(dict(order["line_items"][0], id="577086512123755124", quantity=None))
    row = order_lines([order], Settings(market="US")).iloc[0]
    assert (row["quantity"], row["subtotal_before_discount"], row["sku_seller_discount"]) == (4, 20.0, 4.0)
    order["line_items"][0]["quantity"] = "two"
    with pytest.raises(BadValue):
        order_lines([order], Settings(market="US"))


def test_masked_recipient_is_kept_as_masked():
    pulled = order_lines(P.api_orders(P.US), settings(P.US))
    first = line(pulled, "577100000000000101", "TEE-BLK-M")
    assert (first["recipient"], first["phone"]) == ("J***n", "(+1)415*****67")
    assert line(pulled, "577100000000000303", "CAP-BLK-OS")["recipient"] == "R*** F***"


def test_thai_address_levels_map_to_province_district_and_subdistrict():
    pulled = order_lines(P.api_orders(P.TH), settings(P.TH))
    first = pulled.iloc[0]
    assert (first["country"], first["state"], first["city"], first["districts"]) == (
        "Thailand", "กรุงเทพมหานคร", "เขตวัฒนา", "แขวงคลองตันเหนือ")
    assert (first["address_line_1"], first["address_line_2"]) == ("99/12 หมู่บ้านศุภาลัย ซอยสุขุมวิท 63", None)
    us = order_lines(P.api_orders(P.US), settings(P.US)).iloc[0]
    assert (us["state"], us["city"], us["districts"], us["zipcode"]) == ("California", "San Francisco", None, "94110")


@pytest.mark.parametrize(("market", "zone", "local"), [
    ("US", "", dt.datetime(2026, 7, 3, 23, 30, 5)),  # PDT, UTC-7
    ("US", "America/New_York", dt.datetime(2026, 7, 4, 2, 30, 5)),  # the Time Zone setting wins over the market's
    ("TH", "", dt.datetime(2026, 7, 4, 13, 30, 5)),  # ICT, UTC+7
    ("", "", dt.datetime(2026, 7, 4, 6, 30, 5)),  # no market, no zone: UTC
])
def test_unix_seconds_become_shop_local_times(market, zone, local):
    stamp = int(dt.datetime(2026, 7, 4, 6, 30, 5, tzinfo=dt.timezone.utc).timestamp())
    order = minimal_order(create_time=stamp, paid_time=str(stamp + 60))
    frame = order_lines([order], Settings(market=market, time_zone=zone))
    assert frame.loc[0, "created_time"] == pd.Timestamp(local)
    assert frame.loc[0, "paid_time"] == pd.Timestamp(local) + pd.Timedelta(minutes=1)


def test_winter_and_summer_orders_follow_daylight_saving():
    pulled = order_lines(P.api_orders(P.US), settings(P.US))
    summer = line(pulled, "577100000000000202", "HOOD-NVY-M")
    winter = line(pulled, "577100000000000101", "TEE-BLK-M")
    assert summer["created_time"] == pd.Timestamp("2026-07-03 23:30:05")
    assert winter["created_time"] == pd.Timestamp("2026-11-24 12:39:13")


@pytest.mark.parametrize(("status", "order_status", "substatus"), [
    ("UNPAID", "Unpaid", "Unpaid"), ("ON_HOLD", "On Hold", "On Hold"),
    ("AWAITING_SHIPMENT", "Awaiting Shipment", "Awaiting Shipment"),
    ("PARTIALLY_SHIPPING", "Partially Shipped", "Partially Shipped"),
    ("AWAITING_COLLECTION", "Awaiting Collection", "Awaiting Collection"),
    ("IN_TRANSIT", "Shipped", "In Transit"), ("DELIVERED", "Shipped", "Delivered"),
    ("COMPLETED", "Completed", "Completed"), ("CANCELLED", "Cancelled", "Cancelled"),
    ("SOMETHING_NEW", "SOMETHING_NEW", "SOMETHING_NEW"),
])
def test_statuses_are_the_export_readers_canonical_words(status, order_status, substatus):
    frame = order_lines([minimal_order(status=status)], Settings(market="US"))
    assert (frame.loc[0, "order_status"], frame.loc[0, "order_substatus"]) == (order_status, substatus)


def test_a_line_status_differs_from_the_orders():
    order = minimal_order(status="IN_TRANSIT")
    order["line_items"][0]["display_status"] = "DELIVERED"
    frame = order_lines([order], Settings(market="US"))
    assert (frame.loc[0, "order_status"], frame.loc[0, "order_substatus"]) == ("Shipped", "Delivered")


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://evil.example","Click me")', "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3",
    "<script>alert(1)</script>", "{{ 7*7 }}", "${jndi:ldap://x}", "0123", "5.77E+17", "TRUE",
])
def test_hostile_buyer_text_is_kept_as_text(text):
    order = minimal_order(buyer_message=text, seller_note=text)
    order["recipient_address"] = {"name": text, "address_line1": text}
    row = order_lines([order], Settings(market="US")).iloc[0]
    assert [row[k] for k in ("buyer_message", "seller_note", "recipient", "address_line_1")] == [text] * 4
    assert all(isinstance(row[k], str) for k in ("buyer_message", "recipient"))


def test_text_is_cleaned_like_an_export_cell():
    order = minimal_order(buyer_message=" Please\tgift wrap\x07 it\nthanks ", seller_note="x" * 40_000)
    row = order_lines([order], Settings(market="US")).iloc[0]
    assert row["buyer_message"] == "Please\tgift wrap it\nthanks"
    assert len(row["seller_note"]) == 32_767


def test_missing_optional_fields_are_empty():
    frame = order_lines([minimal_order()], Settings(market="US"))
    row = frame.iloc[0]
    assert (row["quantity"], row["unit_original_price"], row["currency"]) == (1, 10.0, "USD")
    for key in ("order_amount", "taxes", "shipping_fee_after_discount"):
        assert pd.isna(row[key]), key
    for key in ("recipient", "tracking_id", "shipping_provider", "cancel_by", "buyer_message", "package_id"):
        assert row[key] is None, key
    assert pd.isna(row["paid_time"]) and pd.isna(row["rts_time"])
    assert frame.attrs["recipient_withheld"] == ("576461413038785752",)


def test_no_orders_is_an_empty_typed_frame():
    frame = order_lines([], Settings(market="TH"))
    assert frame.empty and list(frame.columns) == list(API_KEYS)
    assert str(frame["created_time"].dtype) == "datetime64[ns]" and str(frame["quantity"].dtype) == "Int64"


def test_a_cancelled_order_takes_reason_and_initiator_from_its_lines():
    order = minimal_order(status="CANCELLED", cancel_time=1780000000)
    order["line_items"][0].update(cancel_reason="Pricing error", cancel_user="SELLER")
    row = order_lines([order], Settings(market="US")).iloc[0]
    assert (row["cancel_reason"], row["cancel_by"], row["order_status"]) == ("Pricing error", "Seller", "Cancelled")


@pytest.mark.parametrize(("where", "field", "value"), [
    ("line", "original_price", "twelve"), ("payment", "total_amount", "NaN"), ("order", "create_time", "yesterday"),
])
def test_a_value_that_is_not_a_number_names_the_order_and_field(where, field, value):
    order = minimal_order()
    target = {"line": order["line_items"][0], "payment": order.setdefault("payment", {}), "order": order}[where]
    target[field] = value
    with pytest.raises(BadValue) as err:
        order_lines([order], Settings(market="US"))
    message = err.value.render("en")
    assert "576461413038785752" in message and field in message and value in message


def test_search_page_helpers():
    orders = P.api_orders(P.US)
    page = P.search_page(orders, token="abc")
    assert order_ids_and_updates(page) == [(o["id"], o["update_time"]) for o in orders]
    assert order_ids_and_updates(page["data"]) == order_ids_and_updates(page)
    assert next_page_token(page) == "abc" and next_page_token(P.search_page([])) is None
    ids = [str(576461413038785752 + i) for i in range(120)]
    batches = id_batches(ids + ids[:5])
    assert [len(b) for b in batches] == [50, 50, 20] and sum(batches, []) == ids


def minimal_order(status: str = "AWAITING_SHIPMENT", **fields) -> dict:
    """An order with only the fields every payload has (no payment, no recipient, no package)."""
    return {"id": "576461413038785752", "status": status, "create_time": 1780000000,
            "line_items": [{"id": "577086512123755123", "sku_id": "2729382476852921560", "seller_sku": "red_iphone_256",
                            "original_price": "10"}], **fields}
