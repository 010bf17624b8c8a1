"""Pick-list rows: walking order, flags, bundles, bins shared by stock."""

from __future__ import annotations

import pandas as pd

from tests.picking.conftest import BUNDLES, INVENTORY, NO_BUNDLES, frame, line, order_id
from tkops.picking import PICK_COLUMNS, pick_list, released, waves


def picks(lines, inventory=INVENTORY, bundles=NO_BUNDLES, **wave_options):
    ready = released(lines)
    return pick_list(ready, inventory, bundles, waves(ready, bundles=bundles, **wave_options))


def compact(pick: pd.DataFrame) -> list[tuple]:
    return list(zip(pick["wave"], pick["zone"], pick["bin"], pick["seller_sku"], pick["quantity"], pick["flags"]))


def test_zone_then_bin_in_natural_order_no_bin_and_unknown_last():
    lines = frame(line(1, "MUG"), line(1, "GHOST"), line(1, "PIN"), line(1, "TEE-M"), line(1, "SOCK"),
                  line(1, "TEE-L"), line(1, "CAP"))
    assert compact(picks(lines)) == [
        (1, "A", "A-1", "CAP", 1, ""), (1, "A", "A-2", "TEE-L", 1, ""), (1, "A", "A-10", "TEE-M", 1, ""),
        (1, "B", "B-1-2", "SOCK", 1, ""), (1, "B", "B-01-03", "MUG", 1, ""),
        (1, "", "", "PIN", 1, "no_bin"), (1, "", "", "GHOST", 1, "no_bin,unknown_sku"),
    ]


def test_zone_comes_before_bin():
    inventory = pd.DataFrame({"Seller SKU": ["X", "Y", "Z"], "Zone": ["B", "A", ""], "Bin": ["A-1", "Z-9", "A-0"],
                              "On Hand": [9, 9, 9]})
    lines = frame(line(1, "X"), line(1, "Y"), line(1, "Z"))
    assert [r[3] for r in compact(picks(lines, inventory))] == ["Y", "X", "Z"]  # a blank zone after named zones


def test_bundles_expanded_into_components():
    lines = frame(line(1, "GIFT-SET", qty=2), line(2, "TEE-2PK"), line(3, "TEE-M"), line(4, "tee-m"))
    pick = picks(lines, bundles=BUNDLES, separate_single=False)
    rows = {sku: (q, n, ids) for sku, q, n, ids in zip(pick["seller_sku"], pick["quantity"], pick["orders"],
                                                       pick["order_ids"])}
    assert rows == {
        "CAP": (2, 1, order_id(1)), "MUG": (2, 1, order_id(1)),
        "TEE-M": (4, 3, f"{order_id(2)}, {order_id(3)}, {order_id(4)}"),  # 2 from the two-pack, 1 + 1 ordered
    }
    assert set(pick["product_name"]) == {"Cap", "Mug", "Basic Tee"}  # components named by the Inventory


def test_stock_spread_over_bins_in_walking_order_and_short_flag():
    inventory = pd.DataFrame({"Seller SKU": ["X", "X", "X"], "Zone": ["A", "A", "B"], "Bin": ["A-10", "A-2", "B-1"],
                              "On Hand": [5, 2, 1]})
    lines = frame(line(1, "X", qty=3), line(2, "X", qty=2), line(3, "X", qty=6))
    pick = picks(lines, inventory, separate_single=False)
    assert compact(pick) == [(1, "A", "A-2", "X", 5, "short"), (1, "A", "A-10", "X", 5, ""),
                             (1, "B", "B-1", "X", 1, "")]
    # order 1 takes A-2's 2 and 1 from A-10, order 2 2 from A-10, order 3 A-10's last 2 and B-1's 1; the 3 units
    # no bin holds are asked from the first bin, A-2, and flagged short
    assert list(pick["order_ids"]) == [f"{order_id(1)}, {order_id(3)}",
                                       f"{order_id(1)}, {order_id(2)}, {order_id(3)}", order_id(3)]


def test_no_short_flag_when_the_team_keeps_no_on_hand():
    inventory = pd.DataFrame({"Seller SKU": ["X"], "Zone": ["A"], "Bin": ["A-1"], "On Hand": [None]})
    assert compact(picks(frame(line(1, "X", qty=4)), inventory)) == [(1, "A", "A-1", "X", 4, "")]


def test_lines_without_a_seller_sku_are_still_picked():
    lines = frame(line(1, "", sku_id="1729000000000000001", product_name="Mystery"),
                  line(2, "", product_name="Nameless", variation="Red"))
    pick = picks(lines)
    assert list(zip(pick["seller_sku"], pick["product_name"], pick["variation"], pick["flags"])) == [
        ("1729000000000000001", "Mystery", "", "no_bin,unknown_sku"), ("", "Nameless", "Red", "no_bin,unknown_sku"),
    ]


def test_waves_split_rows_and_lines_without_a_wave_are_left_out():
    lines = frame(line(1, "MUG"), line(2, "MUG", qty=2), line(3, "MUG"))
    ready = released(lines)
    wave = waves(ready)
    assert compact(pick_list(ready, INVENTORY, NO_BUNDLES, wave)) == [
        (1, "B", "B-01-03", "MUG", 2, ""), (2, "B", "B-01-03", "MUG", 2, "")]
    assert compact(pick_list(ready, INVENTORY, NO_BUNDLES, wave.drop(2))) == [
        (1, "B", "B-01-03", "MUG", 1, ""), (2, "B", "B-01-03", "MUG", 2, "")]


def test_nothing_released_gives_an_empty_list_with_every_column():
    empty = picks(frame(line(1, "MUG", review_status="Hold")))
    assert empty.empty and list(empty.columns) == list(PICK_COLUMNS)
    assert picks(frame(line(1, "MUG")), inventory=None, bundles=None)["flags"].tolist() == ["no_bin,unknown_sku"]
