"""API returns and cancellations -> after-sales cases, identical to the file route's cases (the Pull step)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.api import payloads as P
from tkops import case_schema as C
from tkops.aftersales.case_facts import closed
from tkops.aftersales.reasons import classify_reasons
from tkops.sources.returns_export import cancellation_cases, read_returns
from tkops.api.returns_map import API_LACKS, API_ONLY, cancellation_cases_api, return_cases
from tkops.errors import BadValue
from tkops.settings import Settings
from tkops.sources import read_orders

SHOPS = {"US": P.US, "TH": P.TH}


def settings(shop: P.Shop) -> Settings:
    return Settings(market=shop.market)


def exported_returns(shop: P.Shop, tmp_path) -> pd.DataFrame:
    return read_returns(P.write_returns_export(shop, tmp_path / f"{shop.market}_returns.csv"), settings(shop)).frame


@pytest.mark.parametrize("market", SHOPS)
def test_pulled_returns_are_the_exported_returns(market, tmp_path):
    shop = SHOPS[market]
    exported, pulled = exported_returns(shop, tmp_path), return_cases(P.api_returns(shop), settings(shop))
    problems = P.differences(exported, pulled, C.case_keys)
    assert not problems, "pulled return cases differ from the export:\n" + "\n".join(problems)
    assert set(exported.columns) - set(pulled.columns) <= API_LACKS
    assert set(pulled.columns) - set(exported.columns) == {"reason_key"}
    for key in pulled.columns:
        assert str(pulled[key].dtype) == str(C.empty_cases()[key].dtype), key


@pytest.mark.parametrize("market", SHOPS)
def test_pulled_cancellations_are_the_cancelled_orders_cases(market, tmp_path):
    shop = SHOPS[market]
    lines = read_orders(P.write_order_export(shop, tmp_path / "orders.csv"), settings(shop)).table.frame
    exported = cancellation_cases(lines)
    # cancellation_cases joins SKU texts with a groupby, which gives pandas' str dtype; the case table's is object.
    exported = exported.astype({k: object for k in exported.columns if str(exported[k].dtype) == "str"})
    pulled = cancellation_cases_api(P.api_cancellations(shop), settings(shop))
    problems = P.differences(exported, pulled, C.case_keys)
    assert not problems, "pulled cancellation cases differ:\n" + "\n".join(problems)
    assert set(pulled.columns) - set(exported.columns) == API_ONLY
    assert len(pulled) == 1 and pulled.loc[0, "return_status"] == "Completed"


def test_units_of_a_return_are_combined_per_sku():
    cases = return_cases(P.api_returns(P.US), settings(P.US))
    two = cases[cases["case_id"] == "4035118812903456799"]
    assert list(two["seller_sku"]) == ["TEE-BLK-M", "HOOD-NVY-M"]
    assert list(two["quantity"]) == [1, 1] and list(two["amount"]) == [16.04, 42.79]
    many = P.api_returns(P.US)[0]
    many["return_line_items"] = many["return_line_items"] * 3  # three units of one SKU
    row = return_cases([many], settings(P.US)).iloc[0]
    assert (row["quantity"], row["amount"], row["case_id"]) == (3, 47.97, "4035118812903456781")


def test_reason_keys_classify_like_the_exports_reason_text(tmp_path):
    pulled = return_cases(P.api_returns(P.US), settings(P.US))
    exported = exported_returns(P.US, tmp_path)
    by_key = classify_reasons(pulled, text="reason", key="reason_key")
    by_text = classify_reasons(exported, text="reason", key="reason_key")
    assert (by_key["matched_by"] == "key").all() and (by_text["matched_by"] == "text").all()
    columns = ["case_type", "cause", "seller_fault", "owner"]
    pd.testing.assert_frame_equal(by_key[columns], by_text[columns])
    assert list(by_key["case_type"]) == ["defective", "size_fit", "size_fit"]


def test_a_localised_reason_text_is_classified_by_its_key():
    thai = return_cases(P.api_returns(P.TH), settings(P.TH))
    assert thai.loc[0, "reason"] == "ได้รับสินค้าผิด"
    found = classify_reasons(thai, text="reason", key="reason_key")
    assert (found.loc[0, "case_type"], found.loc[0, "matched_by"]) == ("wrong_item", "key")
    cancelled = cancellation_cases_api(P.api_cancellations(P.TH), settings(P.TH))
    found = classify_reasons(cancelled, text="reason", key="reason_key")
    assert (found.loc[0, "case_type"], found.loc[0, "matched_by"]) == ("not_received", "key")


@pytest.mark.parametrize(("status", "words", "is_closed"), [
    ("RETURN_OR_REFUND_REQUEST_PENDING", ("To Process", "Awaiting seller response"), False),
    ("AWAITING_BUYER_SHIP", ("In Process", "Awaiting buyer shipment"), False),
    ("BUYER_SHIPPED_ITEM", ("To Process", "Buyer shipped item"), False),
    ("REFUND_OR_RETURN_REQUEST_REJECT", ("Refund rejected", "Request rejected"), True),
    ("RETURN_OR_REFUND_REQUEST_CANCEL", ("Canceled", "Request cancelled"), True),
    ("RETURN_OR_REFUND_REQUEST_COMPLETE", ("Completed", "Refunded"), True),
    ("REPLACEMENT_REQUEST_COMPLETE", ("Completed", "Replaced"), True),
    ("SOMETHING_NEW", ("SOMETHING_NEW", None), False),
])
def test_return_statuses_in_the_exports_words(status, words, is_closed):
    ret = dict(P.api_returns(P.US)[1], return_status=status)
    cases = return_cases([ret], settings(P.US))
    assert (cases.loc[0, "return_status"], cases.loc[0, "return_sub_status"]) == words
    assert bool(closed(cases).iloc[0]) is is_closed
    assert pd.isna(cases.loc[0, "closed"]) is (status != "RETURN_OR_REFUND_REQUEST_COMPLETE")


def test_a_pending_cancellation_request_is_an_open_case():
    settled = P.api_cancellations(P.US)[0]
    pending = dict(settled, cancel_status="CANCELLATION_REQUEST_PENDING", create_time=settled["create_time"] + 60,
                   update_time=settled["create_time"] + 60)
    cases = cancellation_cases_api([settled, pending], settings(P.US))
    assert len(cases) == 1  # one case per order: the latest request
    row = cases.iloc[0]
    assert (row["case_id"], row["return_status"], row["cancel_by"]) == ("C-577100000000000404", "To Process", "Buyer")
    assert row["opened"] == pd.Timestamp("2026-11-19 10:37:09") and pd.isna(row["closed"])
    assert row["reason_key"] == "ecom_order_to_ship_canceled_reason_not_shipped_on_time"


def test_cancellations_of_unpaid_orders_are_left_out_unless_asked():
    unpaid = dict(P.api_cancellations(P.US)[0], order_id="577100000000000606",
                  cancel_reason="system_cancel_unpaid_time_out", cancel_reason_text="Buyer payment overdue",
                  refund_amount={"currency": "USD", "refund_total": "0"})
    assert cancellation_cases_api([unpaid], settings(P.US)).empty
    kept = cancellation_cases_api([unpaid], settings(P.US), include_unpaid=True)
    assert list(kept["case_id"]) == ["C-577100000000000606"] and kept.loc[0, "amount"] == 0


def test_missing_optional_fields_are_empty():
    ret = {"return_id": "4035000000000000001", "order_id": "576461413038785752", "return_status": "AWAITING_BUYER_SHIP",
           "return_line_items": [{"sku_id": "2729382476852921560"}]}
    row = return_cases([ret], Settings(market="US")).iloc[0]
    assert (row["case_id"], row["sku_id"], row["quantity"], row["currency"]) == (
        "4035000000000000001", "2729382476852921560", 1, "USD")
    assert pd.isna(row["amount"]) and pd.isna(row["opened"])
    assert row["reason"] is None and row["return_tracking_id"] is None and row["source"] == C.SOURCE_RETURNS
    assert return_cases([], Settings()).empty and cancellation_cases_api([], Settings()).empty


def test_hostile_reason_text_is_kept_as_text():
    ret = dict(P.api_returns(P.US)[0], return_reason_text="=cmd|' /C calc'!A0", return_reason="")
    row = return_cases([ret], settings(P.US)).iloc[0]
    assert row["reason"] == "=cmd|' /C calc'!A0" and row["reason_key"] is None


def test_a_bad_amount_names_the_return_and_field():
    ret = P.api_returns(P.US)[0]
    ret["return_line_items"][0]["refund_amount"]["refund_total"] = "12,99 USD"
    with pytest.raises(BadValue) as err:
        return_cases([ret], settings(P.US))
    assert "4035118812903456781" in err.value.render("en") and "refund_total" in err.value.render("en")


def test_a_pending_cancellation_request_gets_the_platforms_answer_deadline_as_due():
    """seller_next_action_response's SELLER_RESPOND_CANCEL deadline is when TikTok settles the request without the
    seller: the case's Due, which the cancellation-request clock on Orders uses before any computed time."""
    settled = P.api_cancellations(P.US)[0]
    pending = {**settled, "order_id": "576000000000000001", "cancel_status": "CANCELLATION_REQUEST_PENDING",
               "seller_next_action_response": [{"action": "SELLER_RESPOND_CANCEL", "deadline": 1795852740},
                                               {"action": "OTHER", "deadline": 1795000000}]}
    cases = cancellation_cases_api([settled, pending], settings(P.US))
    due = dict(zip(cases["order_id"], cases["due"]))
    assert pd.isna(due[settled["order_id"]])  # a settled request has no deadline left
    assert due["576000000000000001"] == pd.Timestamp("2026-11-27 23:59")  # shop time (Los Angeles)
    assert "due" not in cancellation_cases_api([settled], settings(P.US)).columns
