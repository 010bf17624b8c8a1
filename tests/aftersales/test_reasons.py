"""The Reasons table: every official reason (docs/return-reasons.md) maps to a case type and cause, the team's sheet wins,
bad cells are refused with sheet, row, column and allowed values, and classify_reasons on awkward input."""

from __future__ import annotations


import pandas as pd
import pytest

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.reasons import (CASE_TYPES, CAUSES, OWNERS, REASONS_SHEET_HEADERS, RESULT_COLUMNS, ReasonMap,
                                      classify_reasons, default_reason_map, fold_reason, label, reasons_sheet_rows)
from tkops.errors import ConfigError

R = "ecom_order_delivered_refund_and_return_reason"

#: TikTok's published reasons as listed in docs/return-reasons.md (not read from reasons.csv): (text, key), key
#: "" where TikTok gives none. Case reasons: every one must map to a real case type and cause.
CASE_REASONS = [
    # US buyer return reasons
    ("No longer needed", f"{R}_no_need"),
    ("Item doesn't match description", f"{R}_not_match_description"),
    ("Missing item or parts", f"{R}_missing_product"),
    ("Defective item", f"{R}_defective"),
    ("Wrong item was sent", f"{R}_wrong_product"),
    ("Item doesn't fit", "buyer_return_and_refund_item_doesn't_fit"),
    ("Damaged item or packaging", f"{R}_damaged"),
    ("Shipping box damaged, but item is Ok", "buyer_return_and_refund_shipping_box_damaged,_but_item_is_ok"),
    ("Item arrived too late", "buyer_return_and_refund_item_arrived_too_late"),
    ("Fabric, material or style not as expected",
     "buyer_return_and_refund_fabric,_material_or_style_not_as_expected"),
    ("Color or pattern not as expected", "buyer_return_and_refund_color_or_pattern_not_as_expected"),
    # US buyer refund-only reasons
    ("Product wouldn't arrive on time", "ecom_order_shipped_refund_reason_not_arrive_on_time"),
    ("Package wasn't received", "ecom_order_delivered_refund_reason_not_received"),
    ("Damaged item or packaging", "ecom_order_delivered_refund_reason_damaged"),
    ("Defective item", "ecom_order_delivered_refund_reason_defective"),
    # US seller-initiated refunds
    ("Package lost", "seller_shipped_refund_package_lost"),
    ("Package delivery failed", "seller_shipped_refund_package_delivery_failed"),
    ("Missed estimated delivery date", "seller_shipped_refund_miss_estimated_delivery_date"),
    ("Missing product or accessories", ""),
    ("Package wasn't received", ""),
    ("Product doesn't match description", ""),
    ("Package or product is damaged", ""),
    ("Wrong product was sent", ""),
    # UK buyer return reasons (no keys), ID additions
    ("Product is defective or doesn't work", ""),
    ("Suspected Counterfeit", ""),
    ("Does not suit me", ""),
    ("Item is too big/long", ""),
    ("Item is too small/short", ""),
    ("Multiple sizes ordered", ""),
    ("Quality or style not as expected", ""),
    ("Ordered incorrect size", ""),
    ("Unauthorised purchase", ""),
    ("Product is expired/spoiled", ""),
    ("Product not frozen on arrival", ""),
    # US cancellations: buyer
    ("Preferred payment method not available", ""),
    ("Ordered by mistake", ""),
    ("Better price available", ""),
    ("Forgot to apply coupons", ""),
    ("Need to change payment method", ""),
    ("Discount not as expected", ""),
    ("Bought by mistake", ""),
    ("High shipping fee", ""),
    ("Incorrect shipping address", ""),
    ("Item wasn't shipped on time", "ecom_order_to_ship_canceled_reason_not_shipped_on_time"),
    # seller
    ("Out of stock", "seller_cancel_unpaid_reason_out_of_stock"),
    ("Out of stock", "seller_cancel_reason_out_of_stock"),
    ("Pricing error", "seller_cancel_reason_wrong_price"),
    ("Buyer did not pay on time", ""),
    ("Buyer requested cancellation", "seller_cancel_paid_reason_buyer_requested_cancellation"),
    ("Unable to deliver to buyer address", "seller_cancel_paid_reason_address_not_deliver"),
    # system
    ("Buyer payment overdue", "system_cancel_unpaid_time_out"),
    ("Failed to pass risk review", ""),
    ("Inbound failed", ""),
    ("Package rejected", "returned_to_shipper_refused"),
    ("Package delivery failed", "returned_to_shipper_other"),
    ("Package damaged", ""),
    ("Package lost", ""),
    ("Late delivery", "threepl_breach"),
    ("Package scrapped", ""),
    ("Automatically cancelled due to collection time out", "system_cancel_order_reason_shipping_timeout"),
    ("no delivery address", "system_cancel_add_address_overtime"),
    ("Automatically cancelled due to untraceable tracking number", "system_cancel_order_untracked"),
    ("Automatically canceled as not delivered within 30 days of estimated time of delivery",
     "system_cancel_order_exceed_edt_not_arrive"),
    ("Buyer hasn't paid", ""),
    # operator
    ("potential fraud", ""),
    ("risk control block", ""),
    ("negative review policy", ""),
]
#: Reasons that say nothing of the cause: recognised, but other/unknown.
GENERIC = [("Other", ""), ("Autre", ""), ("Order cancelled by system", "package_cancel"),
           ("Order cancelled by system", "platform_cancel"), ("experience related", "")]
#: The seller's own answers (reject a return, a returned parcel or a cancellation): recognised, not case reasons.
REJECTS = [
    ("Buyer return reason is not valid", "reverse_reject_request_reason_1"),
    ("Change of mind returns are not applicable", "reverse_reject_request_reason_2"),
    ("Not eligible for return (e.g. used or broken)", "reverse_reject_request_reason_3"),
    ("Product delivery is on schedule", "reverse_reject_request_reason_4"),
    ("You have reached an agreement with the buyer", "reverse_reject_request_reason_5"),
    ("Item is correct", ""), ("Products will be sent separately", ""), ("Reason is unclear or lack of evidence", ""),
    ("Product functions well/Buyer use in wrong way", ""),
    ("Product is shipped and parcel cannot be recalled back from logistics", ""),
    ("The product returned is not the product that was sent", "reverse_reject_return_parcel_reason_1"),
    ("Not eligible for return (e.g. used or broken)", "reverse_reject_return_parcel_reason_2"),
    ("Missing products and/or product parts", "reverse_reject_return_parcel_reason_3"),
    ("I haven't received the package", "reverse_reject_return_parcel_reason_4"),
    ("Product is damaged or used", "reverse_reject_return_parcel_reason_5"),
    ("Invalid reason for cancellation", ""), ("Reached an agreement with the buyer", ""),
    ("Product has been packed", ""),
]


def one(text: str = "", key: str = "", **kwargs) -> dict:
    """classify_reasons of a single row, as a dict."""
    frame = pd.DataFrame({"Reason Text": [text], "Reason Key": [key]})
    return classify_reasons(frame, **kwargs).iloc[0].to_dict()


@pytest.mark.parametrize("text,key", CASE_REASONS)
def test_every_official_case_reason_maps_to_a_type_and_cause(text, key):
    by_text = one(text)
    assert by_text["matched_by"] == "text"
    assert by_text["case_type"] in CASE_TYPES and by_text["case_type"] != "other"
    assert by_text["cause"] in CAUSES and by_text["cause"] != "unknown"
    assert by_text["owner"] in OWNERS
    assert by_text["seller_fault"] in (True, False)
    if key:
        by_key = one("", key)
        assert by_key["matched_by"] == "key"
        assert {k: by_key[k] for k in RESULT_COLUMNS[:4]} == {k: by_text[k] for k in RESULT_COLUMNS[:4]}
        assert one(text, key)["matched_by"] == "key"


@pytest.mark.parametrize("text,key", GENERIC + REJECTS)
def test_generic_and_reject_reasons_are_recognised_as_other(text, key):
    found = one(text, key)
    assert found["matched_by"] == ("key" if key else "text")
    assert (found["case_type"], found["cause"], found["owner"]) == ("other", "unknown", "none")
    assert pd.isna(found["seller_fault"])


def test_the_builtin_table_holds_exactly_the_official_reasons():
    listed = {(fold_reason(t), k) for t, k in CASE_REASONS + GENERIC + REJECTS}
    table = {(fold_reason(r.text), r.key) for r in default_reason_map().reasons}
    keyed_texts = {t for t, k in listed if k}
    # a reason listed without key may sit on the row of the same text with a key (e.g. the unpaid "Pricing error")
    assert {(t, k) for t, k in listed if k or t not in keyed_texts} <= table
    assert table <= listed | {(t, "") for t, _ in listed}


def test_builtin_rows_with_the_same_text_agree():
    seen: dict[str, tuple] = {}
    for r in default_reason_map().reasons:
        mapping = (r.case_type, r.cause, r.seller_fault, r.owner)
        assert seen.setdefault(fold_reason(r.text), mapping) == mapping, r.text


@pytest.mark.parametrize("text,key,expected", [
    ("Package wasn't received", "", ("not_received", "logistics", False, "carrier")),
    ("Item doesn't fit", "", ("size_fit", "size_fit", False, "listing")),
    ("Wrong item was sent", "", ("wrong_item", "fulfilment_error", True, "warehouse")),
    ("No longer needed", "", ("no_longer_needed", "buyer_remorse", False, "none")),
    ("Defective item", "", ("defective", "product_quality", True, "sourcing")),
    ("Item doesn't match description", "", ("not_as_described", "description_mismatch", True, "listing")),
    ("", "system_cancel_order_reason_shipping_timeout", ("late", "logistics", True, "warehouse")),
    ("Item wasn't shipped on time", "", ("late", "fulfilment_error", True, "warehouse")),
    ("", "seller_cancel_reason_out_of_stock", ("not_received", "fulfilment_error", True, "warehouse")),
    ("Discount not as expected", "", ("not_as_described", "description_mismatch", False, "ads")),
])
def test_sop_relevant_reasons(text, key, expected):
    found = one(text, key)
    assert (found["case_type"], found["cause"], found["seller_fault"], found["owner"]) == expected


@pytest.mark.parametrize("written", [
    "COLOUR OR PATTERN NOT AS EXPECTED", "  Color  or pattern not as expected. ", "Item doesn’t fit",
    "item doesnt fit!", "Automatically canceled due to collection time-out", "Unauthorized purchase",
    "ＩＴＥＭ ＤＯＥＳＮ'Ｔ ＦＩＴ",
])
def test_text_is_folded_for_case_spaces_punctuation_and_spelling(written):
    assert one(written)["matched_by"] == "text"


def test_unknown_texts_and_keys_fall_through_to_keywords_then_other():
    assert one("Producto dañado")["case_type"] == "damaged"
    assert one("尺码偏小")["case_type"] == "size_fit" and one("尺码偏小")["matched_by"] == "keywords"
    by_key_words = one("", "ecom_order_delivered_refund_reason_wrong_product_seller")
    assert (by_key_words["case_type"], by_key_words["matched_by"]) == ("wrong_item", "keywords")
    assert by_key_words["seller_fault"] is True and by_key_words["owner"] == "warehouse"
    nothing = one("Lorem ipsum", "abc_def")
    assert (nothing["case_type"], nothing["cause"], nothing["owner"], nothing["matched_by"]) == \
        ("other", "unknown", "none", "none")
    assert pd.isna(nothing["seller_fault"])


def test_generic_reasons_are_classified_from_the_notes():
    frame = pd.DataFrame({"Reason Text": ["Other", "Other", "Defective item", "Other"],
                          "Buyer Note": ["It arrived broken", "", "it is too small", None],
                          "Team Note": ["", "demasiado grande", "", ""]})
    out = classify_reasons(frame, notes=["Buyer Note", "Team Note", "Not A Column"])
    assert out["case_type"].tolist() == ["damaged", "size_fit", "defective", "other"]
    assert out["matched_by"].tolist() == ["note", "note", "text", "text"]


def test_series_input_and_keys_in_the_text_column():
    series = pd.Series(["Package lost", "seller_shipped_refund_package_lost", None, 42], index=[10, 10, 11, 12])
    out = classify_reasons(series)
    assert list(out.index) == [10, 10, 11, 12]
    assert out["case_type"].tolist()[:2] == ["not_received", "not_received"]
    assert out["matched_by"].tolist() == ["text", "key", "none", "none"]
    assert str(out["seller_fault"].dtype) == "boolean"


def test_a_frame_without_reason_columns_is_a_programming_error():
    with pytest.raises(KeyError, match="Reason Text"):
        classify_reasons(pd.DataFrame({"x": [1]}))


def test_hostile_text_is_only_read():
    hostile = ["=HYPERLINK(\"http://evil\",\"Wrong item was sent\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
               "<script>alert('Damaged item or packaging')</script>", "x" * 1_000_000, "\u202eDefective item",
               "\x00\x07Other", float("nan"), None, 3.5, "🙂" * 1000]
    out = classify_reasons(pd.DataFrame({"Reason Text": hostile, "Reason Key": hostile}))
    assert set(out["case_type"]) <= set(CASE_TYPES) and set(out["cause"]) <= set(CAUSES)
    assert set(out["owner"]) <= set(OWNERS)
    assert out["case_type"].iloc[0] == "wrong_item" and out["matched_by"].iloc[0] == "keywords"


def test_many_rows_are_classified_once_per_distinct_reason(monkeypatch):
    # the speed of a year of returns rests on this (benchmarks/bench_aftersales.py measures it)
    texts = [t for t, _k in CASE_REASONS] * 3000
    reason_map = ReasonMap(default_reason_map().reasons)
    looked_up = []
    original = reason_map.lookup
    monkeypatch.setattr(reason_map, "lookup", lambda t, k="": looked_up.append((t, k)) or original(t, k))
    out = classify_reasons(pd.Series(texts), reasons=reason_map)
    assert len(out) == len(texts) and (out["matched_by"] == "text").all()
    assert sorted(looked_up) == sorted({(t, "") for t in texts})


# --- the Reasons sheet ------------------------------------------------------------------------------------------------

def sheet(*rows) -> list[list]:
    return [list(REASONS_SHEET_HEADERS), *[list(r) for r in rows]]


def test_new_workbook_sheet_round_trips():
    rows = reasons_sheet_rows()
    assert rows[0] == REASONS_SHEET_HEADERS and len(rows) > len(CASE_REASONS)
    rebuilt = ReasonMap.from_sheet_rows(rows, base=ReasonMap([]))
    for text, key in CASE_REASONS + GENERIC + REJECTS:
        assert rebuilt.lookup(text, key)[0][4:8] == default_reason_map().lookup(text, key)[0][4:8]


def test_team_edits_win_over_the_defaults():
    rows = reasons_sheet_rows()
    fit = next(r for r in rows if r[2] == "Item doesn't fit")
    fit[7] = "ads"
    rows.append(["return", "DE", "Artikel passt nicht", "", "Size / fit", "", "", "", "team row"])
    rows.append(["cancel", "", "Stock épuisé", "", "not_received", "fulfilment_error", "是", "仓库", ""])
    edited = ReasonMap.from_sheet_rows(rows)
    out = classify_reasons(pd.DataFrame({"Reason Text": ["", "Item doesn't fit", "Artikel passt nicht",
                                                         "stock epuise", "Stock épuisé"],
                                         "Reason Key": ["buyer_return_and_refund_item_doesn't_fit", "", "", "", ""]}),
                           reasons=edited)
    assert out["owner"].tolist()[:2] == ["ads", "ads"]
    assert out.iloc[2][["case_type", "cause", "owner", "matched_by"]].tolist() == \
        ["size_fit", "size_fit", "listing", "text"]
    assert out.iloc[4][["case_type", "owner", "seller_fault"]].tolist() == ["not_received", "warehouse", True]
    # a sheet holding only the changed row changes that reason and keeps every other default
    only = ReasonMap.from_sheet_rows(sheet(["return", "US", "Defective item", f"{R}_defective", "defective",
                                            "product_quality", "no", "sourcing", ""]))
    assert only.lookup("", f"{R}_defective")[0].seller_fault is False
    assert only.lookup("Wrong item was sent")[0].case_type == "wrong_item"
    # a row without key speaks for its text, and so for the keys of the rows with that text
    by_text = ReasonMap.from_sheet_rows(sheet(["", "", "out of stock", "", "not_received", "", "", "sourcing", ""]))
    for key in ("seller_cancel_unpaid_reason_out_of_stock", "seller_cancel_reason_out_of_stock"):
        assert by_text.lookup("", key)[0].owner == "sourcing"
    assert by_text.lookup("Out of Stock")[0].owner == "sourcing"
    assert by_text.lookup("", "seller_cancel_reason_wrong_price")[0].owner == "listing"


@pytest.mark.parametrize("row,column,value", [
    (["return", "US", "Broken", "", "broken", "", "", "", ""], "Case Type", "broken"),
    (["return", "US", "Broken", "", "", "", "", "", ""], "Case Type", ""),
    (["return", "US", "Broken", "", "damaged", "carrier", "", "", ""], "Cause", "carrier"),
    (["return", "US", "Broken", "", "damaged", "", "maybe", "", ""], "Seller Fault", "maybe"),
    (["return", "US", "Broken", "", "damaged", "", "", "boss", ""], "Owner", "boss"),
    (["exchange", "US", "Broken", "", "damaged", "", "", "", ""], "Kind", "exchange"),
    (["return", "US, XX", "Broken", "", "damaged", "", "", "", ""], "Market", "XX"),
])
def test_bad_cells_name_sheet_row_column_and_allowed_values(row, column, value):
    ok = ["return", "US", "Fine", "", "damaged", "", "", "", ""]
    with pytest.raises(AfterSalesConfigError) as caught:
        ReasonMap.from_sheet_rows(sheet(ok, row))
    error = caught.value
    assert isinstance(error, ConfigError) and error.exit_code == 1
    en, zh = error.render("en"), error.render("zh")
    assert en.startswith(f"Reasons sheet, row 3, column \"{column}\"")
    assert (f"\"{value}\" is not allowed" if value else "the cell is empty") in en
    assert "第 3 行" in zh and column in zh
    assert "Use one of:" in en


def test_allowed_values_are_listed():
    with pytest.raises(AfterSalesConfigError) as caught:
        ReasonMap.from_sheet_rows(sheet(["", "", "Broken", "", "smashed", "", "", "", ""]))
    assert all(k in caught.value.render() for k in CASE_TYPES)


def test_blank_reason_missing_column_and_long_values():
    with pytest.raises(AfterSalesConfigError, match="row 2: both"):
        ReasonMap.from_sheet_rows(sheet(["return", "US", "", "", "damaged", "", "", "", ""]))
    with pytest.raises(AfterSalesConfigError, match=r'no "Case Type" column \(headers found: Reason Text, Reason Key'):
        ReasonMap.from_sheet_rows([["Reason Text", "Reason Key"], ["Broken", ""]])
    with pytest.raises(AfterSalesConfigError) as caught:
        ReasonMap.from_sheet_rows(sheet(["", "", "x", "", "=" + "A" * 5000, "", "", "", ""]))
    assert len(caught.value.render()) < 600


def test_blank_and_empty_sheets_keep_the_defaults():
    assert ReasonMap.from_sheet_rows(None).lookup("Defective item")[1] == "text"
    assert ReasonMap.from_sheet_rows(sheet([None] * 9, ["", "", "", "", "", "", "", "", ""])).reasons == \
        default_reason_map().reasons


def test_vocabularies_have_both_labels():
    for vocab in (CASE_TYPES, CAUSES, OWNERS):
        for key in vocab:
            assert label(vocab, key, "en") and label(vocab, key, "zh") and label(vocab, key, "zh") != key
    for entry in CASE_TYPES.values():
        assert entry.cause in CAUSES and entry.owner in OWNERS
    assert label(CAUSES, "size_fit", "zh") == "尺码" and label(OWNERS, "nope") == "nope"


def test_many_rows_are_classified_as_each_row_alone():
    import numpy as np

    rng = np.random.default_rng(7)
    texts = ["Wrong size", " wrong size ", "Damaged item", "Not as described", "", None, "Other", "尺码不合适"]
    keys = ["", None, "damaged", "wrong_item", "size_fit"]
    frame = pd.DataFrame({"Reason Text": [texts[i] for i in rng.integers(0, len(texts), 3000)],
                          "Reason Key": [keys[i] for i in rng.integers(0, len(keys), 3000)]},
                         index=rng.permutation(3000) + 10)
    together = classify_reasons(frame)
    alone = pd.concat([classify_reasons(frame.iloc[[i]]) for i in range(0, 3000, 37)])
    pd.testing.assert_frame_equal(together.iloc[::37], alone, check_exact=True)
    assert together.index.equals(frame.index) and together["matched_by"].nunique() > 2
    assert classify_reasons(frame.iloc[:0]).empty
