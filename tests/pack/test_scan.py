"""The pack station's core: every verdict a scan can give, against hand-made orders and barcodes."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.messages import render
from tkops.pack import PackState, build_index, clean_scan, item_key, override, scan
from tkops.pack.index import open_lines
from tkops.pack.scan import COLOURS, missing

ORDER_A = "577000000000000001"
ORDER_B = "577000000000000002"
TEE_BLK_M = "4006381333931"  # EAN-13
TEE_WHT_M = "036000291452"  # UPC-A
MUG = "96385074"  # EAN-8


def lines():
    return pd.DataFrame([
        {"order_id": ORDER_A, "seller_sku": "TEE-BLK-M", "sku_id": "1729000001", "quantity": 2,
         "product_name": "Cotton Tee", "variation": "Black, M"},
        {"order_id": ORDER_A, "seller_sku": "MUG-WHT", "sku_id": "1729000002", "quantity": 1,
         "product_name": "Mug", "variation": "White"},
        {"order_id": ORDER_B, "seller_sku": "TEE-WHT-M", "sku_id": "1729000003", "quantity": 1,
         "product_name": "Cotton Tee", "variation": "White, M"},
        {"order_id": ORDER_B, "seller_sku": "TEE-WHT-M", "sku_id": "1729000003", "quantity": 1,
         "product_name": "Cotton Tee", "variation": "White, M"},
    ])


def inventory():
    return pd.DataFrame([
        {"seller_sku": "TEE-BLK-M", "barcode": TEE_BLK_M}, {"seller_sku": "TEE-WHT-M", "barcode": TEE_WHT_M},
        {"seller_sku": "MUG-WHT", "barcode": MUG}, {"seller_sku": "CAP-RED", "barcode": None},
    ])


@pytest.fixture
def index():
    return build_index(lines(), inventory())


def play(index, *codes, state=None):
    state = state or PackState()
    verdicts = []
    for code in codes:
        verdict, state = scan(index, state, code)
        verdicts.append(verdict)
    return verdicts, state


def test_an_order_packed_right_item_by_item(index):
    verdicts, state = play(index, ORDER_A, TEE_BLK_M, MUG, TEE_BLK_M)
    assert [(v.code, v.sku, v.k, v.n) for v in verdicts] == [
        ("order_opened", "", 0, 3), ("right_item", "TEE-BLK-M", 1, 2), ("right_item", "MUG-WHT", 1, 1),
        ("order_complete", "TEE-BLK-M", 2, 2)]
    assert verdicts[-1].completes and not verdicts[-2].completes
    assert ORDER_A in state.finished and missing(index, state) == ()


def test_lines_of_one_sku_are_one_item_with_their_quantities_added(index):
    assert [(line.sku, line.quantity) for line in index.orders[ORDER_B]] == [("TEE-WHT-M", 2)]


def test_wrong_variant_too_many_not_in_order_unknown(index):
    verdicts, state = play(index, ORDER_A, TEE_WHT_M, MUG, MUG, "CAP-RED", "0000", "9999999999999")
    assert [(v.code, v.sku) for v in verdicts[1:]] == [
        ("wrong_item", "TEE-WHT-M"), ("right_item", "MUG-WHT"), ("too_many", "MUG-WHT"),
        ("not_in_order", "CAP-RED"), ("unknown_code", ""), ("unknown_code", "")]
    assert verdicts[1].params()["skus"] == "TEE-BLK-M"
    assert verdicts[3].k == 2 and verdicts[3].n == 1
    assert state.count("MUG-WHT") == 1 and state.count("TEE-WHT-M") == 0  # mistakes are not counted
    assert missing(index, state) == (("TEE-BLK-M", 2),)
    assert {v.colour for v in verdicts[1:]} == {"bad", "ok"}


def test_a_wrong_variant_of_a_product_already_complete_is_not_in_this_order(index):
    verdicts, _ = play(index, ORDER_A, TEE_BLK_M, TEE_BLK_M, TEE_WHT_M)
    assert verdicts[-1].code == "not_in_order"


def test_a_scanner_sends_enter_tab_and_spaces(index):
    verdicts, state = play(index, ORDER_A + "\r\n", " " + TEE_BLK_M + "\t", "mug-wht\n", "tee-blk-m\r")
    assert [v.code for v in verdicts] == ["order_opened", "right_item", "right_item", "order_complete"]
    assert clean_scan(4006381333931.0) == TEE_BLK_M and clean_scan(None) == ""
    assert clean_scan("\u3000XL-TEE-X\xa0\r\n") == "XL-TEE-X"  # a full-width space from a Chinese keyboard
    assert clean_scan(12.5) == "12.5" and clean_scan(0.0) == "0"


def test_upc_a_scanned_as_ean_13_and_sku_id_are_the_same_item(index):
    verdicts, _ = play(index, ORDER_B, "0" + TEE_WHT_M, "1729000003")
    assert [v.code for v in verdicts] == ["order_opened", "right_item", "order_complete"]
    assert item_key("0" + TEE_WHT_M) == item_key(TEE_WHT_M) == "gtin:00036000291452"
    assert item_key("036000291453") == "sku:036000291453"  # a bad check digit is not a GTIN
    assert item_key("36000291452") == item_key(TEE_WHT_M)  # a spreadsheet dropped the leading zero
    assert item_key("1234565") == "gtin:00000001234565" and item_key("123457") == "sku:123457"
    assert item_key("123456789012345") == "sku:123456789012345" and item_key("ABC") == "sku:abc"


def test_a_second_order_mid_order_switches_and_says_what_is_left(index):
    verdicts, state = play(index, ORDER_A, TEE_BLK_M, ORDER_B)
    switched = verdicts[-1]
    assert switched.code == "order_switched" and switched.previous == ORDER_A
    assert (verdicts[0].colour, verdicts[1].colour, switched.colour) == ("info", "ok", "warn")
    assert switched.left == (("TEE-BLK-M", 1), ("MUG-WHT", 1))
    assert "Order 577000000000000001 is NOT packed: still missing TEE-BLK-M x1, MUG-WHT x1" in render(
        "pack." + switched.code, "en", **switched.params())
    assert state.order == ORDER_B and ORDER_A not in state.finished and state.counted == ()
    again, _ = play(index, ORDER_A, state=state)
    assert again[0].code == "order_opened"  # back to A: B had nothing in yet, so nothing is said about it


def test_the_same_slip_again_keeps_the_count_and_a_packed_order_says_so(index):
    verdicts, state = play(index, ORDER_A, TEE_BLK_M, ORDER_A, TEE_BLK_M, MUG, ORDER_A, MUG)
    assert [v.code for v in verdicts] == ["order_opened", "right_item", "order_opened", "right_item",
                                          "order_complete", "already_packed", "no_order"]


def test_an_item_before_any_order_and_an_empty_scan(index):
    verdicts, state = play(index, TEE_BLK_M, "\r\n")
    assert [(v.code, v.skus) for v in verdicts] == [("no_order", ("TEE-BLK-M",)), ("empty", ())]
    assert state == PackState()


def test_override_needs_a_reason_and_an_open_order(index):
    assert override(index, PackState(), "buyer agreed")[0].code == "override_no_reason"
    _, state = play(index, ORDER_A, TEE_BLK_M)
    refused, same = override(index, state, "   ")
    assert refused.code == "override_no_reason" and same is state and not refused.completes
    verdict, after = override(index, state, "  buyer  agreed to one tee ")
    assert verdict.code == "override" and verdict.completes and verdict.reason == "buyer agreed to one tee"
    assert verdict.left == (("TEE-BLK-M", 1), ("MUG-WHT", 1)) and ORDER_A in after.finished
    assert override(index, after, "again")[0].code == "override_no_reason"


def test_a_shared_barcode_counts_for_the_sku_the_order_still_needs():
    frame = pd.DataFrame([{"order_id": ORDER_A, "seller_sku": "A", "quantity": 1, "product_name": "P"},
                          {"order_id": ORDER_A, "seller_sku": "B", "quantity": 1, "product_name": "P"}])
    index = build_index(frame, pd.DataFrame({"seller_sku": ["A", "B"], "barcode": [MUG, MUG]}))
    verdicts, _ = play(index, ORDER_A, MUG, MUG, MUG)
    assert [(v.code, v.sku) for v in verdicts[1:]] == [("right_item", "A"), ("order_complete", "B"),
                                                       ("no_order", "")]


def test_lines_without_seller_sku_use_the_sku_id_and_blank_lines_are_skipped():
    frame = pd.DataFrame({"order_id": [ORDER_A, ORDER_A, None], "sku_id": ["1729", None, "1730"],
                          "quantity": [pd.NA, 1, 1]})
    index = build_index(frame, pd.DataFrame())
    assert {o: [(x.sku, x.quantity) for x in v] for o, v in index.orders.items()} == {ORDER_A: [("1729", 0)]}
    assert index.skus_of("1729") == {"1729"} and index.skus_of("1730") == frozenset()


def test_open_lines_leave_out_packed_shipped_cancelled_and_zero_quantity():
    frame = pd.DataFrame({
        "order_id": ["1", "2", "3", "4", "5", "6", ""],
        "order_status": ["To ship", "AWAITING_SHIPMENT", "Shipped", "已取消", "Awaiting Shipment", None, None],
        "packed": [None, "Yes", None, None, "No", "否", None],
        "quantity": [1, 1, 1, 1, 0, 2, 1]})
    assert open_lines(frame)["order_id"].tolist() == ["1", "6"]


def test_every_verdict_has_words_in_both_languages_and_a_colour():
    for code in COLOURS:
        for lang in ("en", "zh"):
            text = render("pack." + code, lang, **{"scanned": "x", "order": "1", "sku": "S", "k": 1, "n": 2,
                                                  "previous": "2", "left": "S x1", "reason": "r", "skus": "S"})
            assert "{" not in text and not text.startswith("pack.")


def test_a_bundle_is_packed_as_its_components():
    frame = pd.DataFrame([{"order_id": ORDER_A, "seller_sku": "SET-2", "quantity": 2, "product_name": "Set"},
                          {"order_id": ORDER_A, "seller_sku": "MUG-WHT", "quantity": 1, "product_name": "Mug"}])
    bundles = pd.DataFrame({"Bundle SKU": ["SET-2", "set-2"], "Component SKU": ["TEE-BLK-M", "CAP-RED"],
                            "Quantity": [1, 2]})
    inv = inventory().assign(product_name=["Tee", "Tee", "Mug", "Cap"], variation=["Black", "White", "", "Red"])
    index = build_index(frame, inv, bundles)
    assert [(x.sku, x.quantity, x.name, x.variation) for x in index.orders[ORDER_A]] == [
        ("TEE-BLK-M", 2, "Tee", "Black"), ("CAP-RED", 4, "Cap", "Red"), ("MUG-WHT", 1, "Mug", "")]
    verdicts, _ = play(index, ORDER_A, "SET-2", TEE_BLK_M)
    assert [v.code for v in verdicts[1:]] == ["unknown_code", "right_item"]


def test_the_screen_shows_the_verdict_the_order_and_its_counts(index):
    from tkops.pack.screen import FILLS, screen

    verdicts, state = play(index, ORDER_A, TEE_BLK_M, "CAP-RED")
    view = screen(index, state, verdicts[-1], "en")
    assert view.rows[0][0] == f"NOT IN THIS ORDER: CAP-RED is not part of order {ORDER_A}. Put it back."
    assert view.rows[1] == ["Order", ORDER_A, None, 3, 1]
    assert view.rows[3] == ["Seller SKU", "Product / Variation", None, "Wanted", "Packed"]
    assert view.rows[4:] == [["TEE-BLK-M", "Cotton Tee / Black, M", None, 2, 1], ["MUG-WHT", "Mug / White", None, 1, 0]]
    assert view.fills == {0: FILLS["bad"]} and view.bold == {1, 3}
    verdicts, state = play(index, TEE_BLK_M, MUG, state=state)
    view = screen(index, state, verdicts[-1], "zh")
    assert view.rows[0][0].startswith(f"订单 {ORDER_A} 已齐") and view.rows[1][3:] == [3, 3]
    assert view.fills == {0: FILLS["done"], 4: FILLS["ok"], 5: FILLS["ok"]}
    verdicts, state = play(index, ORDER_B, TEE_WHT_M, "TEE-BLK-M", state=state)
    view = screen(index, state, verdicts[-1], "en")
    assert verdicts[-1].code == "wrong_item" and view.fills == {0: FILLS["bad"]}
    empty = screen(index, PackState(), scan(index, PackState(), "")[0], "en")
    assert empty.rows == [["Ready: scan an order barcode.", None, None, None, None]] and empty.fills == {0: FILLS["info"]}
    over, after = override(index, play(index, ORDER_A, MUG)[1], "ok")
    view = screen(index, after, over, "en")
    assert view.rows[1][3:] == [3, 1] and view.rows[4][4] == 0
    again, later = play(index, ORDER_A, state=after)
    view = screen(index, later, again[0], "en")
    assert again[0].code == "already_packed" and view.rows[1][3:] == [3, 3] and view.fills[0] == FILLS["warn"]


def test_every_verdict_colour_has_a_fill_and_mistakes_are_red():
    from tkops.pack.screen import FILLS

    assert set(COLOURS.values()) == set(FILLS)
    assert {code for code, colour in COLOURS.items() if colour == "bad"} == {
        "wrong_item", "too_many", "not_in_order", "unknown_code", "override_no_reason"}
    assert {code for code, colour in COLOURS.items() if colour == "warn"} == {
        "order_switched", "no_order", "override", "already_packed"}
    assert (COLOURS["order_complete"], COLOURS["right_item"], COLOURS["empty"]) == ("done", "ok", "info")


def test_every_verdict_names_what_was_scanned_and_the_open_order(index):
    """The PackLog row and the message come from these fields: each verdict carries the scan and the open order."""
    verdicts, state = play(index, TEE_BLK_M, ORDER_A, TEE_WHT_M, MUG, MUG, "CAP-RED", "0000", TEE_BLK_M,
                           "  ", TEE_BLK_M)
    assert [(v.code, v.scanned, v.order) for v in verdicts] == [
        ("no_order", TEE_BLK_M, None), ("order_opened", ORDER_A, ORDER_A), ("wrong_item", TEE_WHT_M, ORDER_A),
        ("right_item", MUG, ORDER_A), ("too_many", MUG, ORDER_A), ("not_in_order", "CAP-RED", ORDER_A),
        ("unknown_code", "0000", ORDER_A), ("right_item", TEE_BLK_M, ORDER_A), ("empty", "", ORDER_A),
        ("order_complete", TEE_BLK_M, ORDER_A)]
    assert verdicts[0].skus == ("TEE-BLK-M",) and verdicts[4].sku == "MUG-WHT"
    done, _ = play(index, TEE_BLK_M, state=state)
    assert (done[0].code, done[0].scanned, done[0].order, done[0].skus) == ("no_order", TEE_BLK_M, ORDER_A,
                                                                             ("TEE-BLK-M",))
    _, open_b = play(index, ORDER_B)
    refused, _ = override(index, open_b, "  ")
    assert (refused.code, refused.order, refused.reason) == ("override_no_reason", ORDER_B, "")
