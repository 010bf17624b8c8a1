"""The pack station's core, verdict by verdict as whole values: every field the sheet and PackLog show (the scan, the
order, the SKU, the counts, what was left), the words they become, the replay after a restart, and the bundle
expansion line by line."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.messages import render
from tkops.pack import PackState, build_index, override, scan
from tkops.pack.index import expand_bundles
from tkops.pack.scan import Verdict, override_reason, replay
from tests.pack.test_scan import MUG, ORDER_A, ORDER_B, TEE_BLK_M, TEE_WHT_M, inventory, lines


@pytest.fixture
def index():
    return build_index(lines(), inventory())


def test_an_order_scanned_then_its_items_give_these_verdicts(index):
    state = PackState()
    opened, state = scan(index, state, ORDER_A)
    assert opened == Verdict("order_opened", ORDER_A, ORDER_A, n=3)
    first, state = scan(index, state, TEE_BLK_M)
    assert first == Verdict("right_item", TEE_BLK_M, ORDER_A, "TEE-BLK-M", 1, 2)
    again, state = scan(index, state, ORDER_A)  # the same slip again: shown, the count kept
    assert again == Verdict("order_opened", ORDER_A, ORDER_A, n=3) and state.count("TEE-BLK-M") == 1
    second, state = scan(index, state, TEE_BLK_M)
    assert second == Verdict("right_item", TEE_BLK_M, ORDER_A, "TEE-BLK-M", 2, 2)
    extra, state = scan(index, state, TEE_BLK_M)
    assert extra == Verdict("too_many", TEE_BLK_M, ORDER_A, "TEE-BLK-M", 3, 2)
    done, state = scan(index, state, MUG)
    assert done == Verdict("order_complete", MUG, ORDER_A, "MUG-WHT", 1, 1)
    assert state.finished == frozenset({ORDER_A})
    packed, state = scan(index, state, ORDER_A)
    assert packed == Verdict("already_packed", ORDER_A, ORDER_A, n=3)
    assert state == PackState(ORDER_A, (), frozenset({ORDER_A}))
    after, _ = scan(index, state, MUG)  # an item after a finished order belongs to no open order
    assert after == Verdict("no_order", MUG, ORDER_A, skus=("MUG-WHT",))


def test_a_switch_mid_order_names_the_order_left_and_what_it_misses(index):
    _, state = scan(index, PackState(), ORDER_A)
    _, state = scan(index, state, TEE_BLK_M)
    switched, state = scan(index, state, ORDER_B)
    assert switched == Verdict("order_switched", ORDER_B, ORDER_B, n=2, previous=ORDER_A,
                               left=(("TEE-BLK-M", 1), ("MUG-WHT", 1)))
    assert state == PackState(ORDER_B, (), frozenset())
    assert switched.params() == {"scanned": ORDER_B, "order": ORDER_B, "sku": "", "k": 0, "n": 2,
                                 "previous": ORDER_A, "left": "TEE-BLK-M x1, MUG-WHT x1", "reason": "", "skus": "-"}
    assert render("pack.order_switched", "en", **switched.params()).count("TEE-BLK-M x1, MUG-WHT x1") == 1
    # an order opened with nothing counted into the one before says nothing about it
    _, state = scan(index, PackState(), ORDER_A)
    quiet, _ = scan(index, state, ORDER_B)
    assert quiet == Verdict("order_opened", ORDER_B, ORDER_B, n=2)


def test_another_variant_is_a_wrong_item_naming_the_one_wanted_and_a_stranger_is_not_in_the_order(index):
    _, state = scan(index, PackState(), ORDER_A)
    wrong, after = scan(index, state, TEE_WHT_M)
    assert wrong == Verdict("wrong_item", TEE_WHT_M, ORDER_A, "TEE-WHT-M", skus=("TEE-BLK-M",)) and after == state
    assert wrong.params()["skus"] == "TEE-BLK-M" and wrong.params()["order"] == ORDER_A
    stranger, _ = scan(index, state, "CAP-RED")
    assert stranger == Verdict("not_in_order", "CAP-RED", ORDER_A, "CAP-RED")
    unknown, _ = scan(index, state, "NOPE-1")
    assert unknown == Verdict("unknown_code", "NOPE-1", ORDER_A)
    assert scan(index, state, " \t")[0] == Verdict("empty", order=ORDER_A)
    # once the tees are in, a white tee is no longer a mix-up of a needed product
    _, state = scan(index, state, TEE_BLK_M)
    _, state = scan(index, state, TEE_BLK_M)
    assert scan(index, state, TEE_WHT_M)[0].code == "not_in_order"


def test_an_override_needs_a_reason_and_names_what_is_missing(index):
    _, state = scan(index, PackState(), ORDER_A)
    _, state = scan(index, state, TEE_BLK_M)
    refused, same = override(index, state, "   ")
    assert refused == Verdict("override_no_reason", order=ORDER_A) and same == state
    done, after = override(index, state, "  mug  broken\tin stock ")
    assert done == Verdict("override", order=ORDER_A, left=(("TEE-BLK-M", 1), ("MUG-WHT", 1)),
                           reason="mug broken in stock")
    assert after.finished == frozenset({ORDER_A})
    assert override(index, after, "again")[0] == Verdict("override_no_reason", order=ORDER_A, reason="again")
    assert override(index, PackState(), "why")[0] == Verdict("override_no_reason", reason="why")
    assert done.params()["left"] == "TEE-BLK-M x1, MUG-WHT x1" and done.params()["previous"] == "-"


def test_the_defaults_of_an_empty_verdict_are_dashes_in_the_message():
    assert Verdict("empty").params() == {"scanned": "", "order": "-", "sku": "", "k": 0, "n": 0, "previous": "-",
                                         "left": "-", "reason": "", "skus": "-"}
    assert Verdict("no_order", "X", skus=("A", "B")).params()["skus"] == "A, B"


@pytest.mark.parametrize("entry, reason", [("OVERRIDE: broken", "broken"), ("override broken box", "broken box"),
                                           ("Override：坏了", "坏了"), ("OVERRIDE", ""), ("overrider x", "r x"),
                                           (TEE_BLK_M, None), ("", None), ("over", None)])
def test_override_entries_of_packlog_are_read_back(entry, reason):
    assert override_reason(entry) == reason


def test_a_restart_replays_packlog_to_the_same_state(index):
    codes = [ORDER_A, TEE_BLK_M, TEE_BLK_M, "OVERRIDE: mug broken", ORDER_B, TEE_WHT_M]
    state = replay(index, codes)
    assert state == PackState(ORDER_B, (("TEE-WHT-M", 1),), frozenset({ORDER_A}))
    assert replay(index, []) == PackState()
    assert replay(index, [ORDER_A, "override"]) == PackState(ORDER_A, (), frozenset())  # no reason: not finished


def test_bundles_expand_line_by_line_with_inventory_names_in_the_order_of_the_lines():
    frame = pd.DataFrame([
        {"order_id": ORDER_B, "seller_sku": "MUG-WHT", "sku_id": "9", "quantity": "1", "product_name": "Mug",
         "variation": "White"},
        {"order_id": ORDER_A, "seller_sku": "set-2", "sku_id": "7", "quantity": 3, "product_name": "Set",
         "variation": ""},
        {"order_id": ORDER_A, "seller_sku": "TEE-BLK-M", "sku_id": "8", "quantity": 1, "product_name": "Tee",
         "variation": "Black"},
    ], index=[10, 20, 30])
    bundles = pd.DataFrame({"Bundle SKU": ["SET-2", "SET-2"], "Component SKU": ["CAP-RED", "mug-wht"],
                            "Quantity": [2, 1]})
    inv = pd.DataFrame({"seller_sku": ["CAP-RED", "MUG-WHT"], "product_name": ["Cap", "Mug"],
                        "variation": ["Red", "White"]})
    out = expand_bundles(frame, bundles, inv)
    got = [(r.order_id, r.seller_sku, r.sku_id, r.quantity, r.product_name, r.variation)
           for r in out.itertuples()]
    assert got == [(ORDER_B, "MUG-WHT", "9", "1", "Mug", "White"),
                   (ORDER_A, "CAP-RED", None, 6, "Cap", "Red"), (ORDER_A, "mug-wht", None, 3, "Mug", "White"),
                   (ORDER_A, "TEE-BLK-M", "8", 1, "Tee", "Black")]
    assert all(isinstance(q, int) for q in out["quantity"].iloc[1:3])
    # nothing to expand: the lines come back as they were
    plain = frame.drop(index=20)
    assert expand_bundles(plain, bundles, inv) is plain
    # a component missing from Inventory keeps its name blank; lines without a seller_sku column are kept
    missing = expand_bundles(frame.iloc[[1]], bundles, inv.iloc[[1]])
    assert list(missing["product_name"]) == ["", "Mug"] and list(missing["variation"]) == ["", "White"]
    assert expand_bundles(frame.drop(columns="seller_sku"), bundles, inv).equals(frame.drop(columns="seller_sku"))


def test_a_wrong_variant_names_every_variant_of_that_product_still_missing():
    frame = pd.DataFrame([
        {"order_id": ORDER_A, "seller_sku": "TEE-BLK-M", "quantity": 1, "product_name": "Cotton Tee"},
        {"order_id": ORDER_A, "seller_sku": "TEE-RED-M", "quantity": 1, "product_name": "cotton tee"},
        {"order_id": ORDER_A, "seller_sku": "MUG-WHT", "quantity": 1, "product_name": "Mug"},
        {"order_id": ORDER_B, "seller_sku": "TEE-WHT-M", "quantity": 1, "product_name": "Cotton Tee"},
    ])
    index = build_index(frame, inventory())
    _, state = scan(index, PackState(), ORDER_A)
    wrong, _ = scan(index, state, TEE_WHT_M)
    assert wrong == Verdict("wrong_item", TEE_WHT_M, ORDER_A, "TEE-WHT-M", skus=("TEE-BLK-M, TEE-RED-M",))
    assert "TEE-BLK-M, TEE-RED-M" in render("pack.wrong_item", "en", **wrong.params())


def test_bundles_expand_with_an_inventory_that_names_nothing():
    frame = pd.DataFrame([{"order_id": ORDER_A, "seller_sku": "SET-2", "quantity": 1}])
    bundles = pd.DataFrame({"Bundle SKU": ["SET-2"], "Component SKU": ["CAP-RED"], "Quantity": [3]})
    out = expand_bundles(frame, bundles, pd.DataFrame({"barcode": ["1"]}))
    assert [(r.seller_sku, r.quantity, r.product_name, r.variation) for r in out.itertuples()] == [
        ("CAP-RED", 3, "", "")]
