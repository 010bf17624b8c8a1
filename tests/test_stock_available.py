"""The available-quantity core against hand computations: which lines allocate (open orders do; shipped, exported and
cancelled ones don't), bundles, Safety Stock, the floor at 0, and the problems that hold a SKU back."""

from __future__ import annotations

import pandas as pd
import pytest

from tkops.stock.available import (
    BAD_SAFETY,
    BUNDLE_UNCOUNTED,
    COLUMNS,
    NO_ON_HAND,
    allocated,
    available,
    open_lines,
)


def inv(*rows, safety=True):
    """Inventory rows (sku, on hand[, safety])."""
    cols = ["Seller SKU", "On Hand", "Safety Stock"] if safety else ["Seller SKU", "On Hand"]
    return pd.DataFrame([list(r) + [None] * (len(cols) - len(r)) for r in rows], columns=cols, dtype=object)


def orders(*rows):
    """Order lines (sku, quantity, status[, shipped time[, order id, sku id]])."""
    cols = ["Seller SKU", "Quantity", "Order Status", "Shipped Time", "Order ID", "SKU ID"]
    return pd.DataFrame([list(r) + [None] * (len(cols) - len(r)) for r in rows], columns=cols, dtype=object)


def bundles(*rows):
    return pd.DataFrame(rows, columns=["Bundle SKU", "Component SKU", "Quantity"], dtype=object)


def got(frame, *cols):
    return {k: tuple(frame.at[k, c] for c in cols) if len(cols) > 1 else frame.at[k, cols[0]] for k in frame.index}


@pytest.mark.parametrize(("status", "counts"), [
    ("Awaiting Shipment", True), ("On Hold", True), ("Partially Shipped", True), ("Awaiting Collection", True),
    ("Unpaid", True), ("", True), (None, True), ("待发货", True), ("AWAITING_SHIPMENT", True),
    ("Some new status", True),  # a word tkops does not know yet: counted, like a blank one (never oversell)
    ("Shipped", False), ("In Transit", False), ("Delivered", False), ("Completed", False), ("Cancelled", False),
    ("已取消", False),
])
def test_which_statuses_allocate(status, counts):
    result = available(inv(("TEE", 10)), orders(("TEE", 3, status)))
    assert result.at["tee", "allocated"] == (3 if counts else 0)
    assert result.at["tee", "available"] == (7 if counts else 10)


def test_a_line_with_a_shipped_time_or_in_shiplog_has_left_the_shelf():
    lines = orders(("TEE", 1, "Awaiting Shipment", "2026-01-01 10:00", "o1", "11"),
                   ("TEE", 2, "Awaiting Shipment", None, "o2", "11"),
                   ("TEE", 4, "Awaiting Shipment", None, "o2", "12"),
                   ("TEE", 8, "Awaiting Shipment", " ", "o3", "11"))
    assert available(inv(("TEE", 20)), lines).at["tee", "allocated"] == 2 + 4 + 8
    assert available(inv(("TEE", 20)), lines, exported=frozenset({("o2", "11")})).at["tee", "allocated"] == 4 + 8
    assert list(open_lines(lines, frozenset({("o2", "12"), ("o3", "11")})).index) == [1]


@pytest.mark.parametrize(("qty", "units"), [(None, 1), ("", 1), ("abc", 1), (2, 2), ("3", 3), (2.0, 2), (-4, 0), (0, 0)])
def test_the_quantity_of_a_line(qty, units):
    assert available(inv(("TEE", 10)), orders(("TEE", qty, "On Hold"))).at["tee", "allocated"] == units


def test_skus_match_whatever_the_case_and_spaces_and_lines_without_a_sku_are_skipped():
    lines = orders((" tee ", 1, "On Hold"), ("TEE", 2, "On Hold"), ("", 5, "On Hold"), (None, 5, "On Hold"))
    result = available(inv(("Tee", 10), ("MUG", 1)), lines)
    assert got(result, "seller_sku", "allocated", "available") == {"tee": ("Tee", 3, 7), "mug": ("MUG", 0, 1)}
    assert len(open_lines(lines)) == 2


def test_bundle_lines_allocate_their_components_nested_and_blank_quantity_one():
    b = bundles(("GIFT", "KIT", 2), ("KIT", "TEE", 3), ("KIT", "MUG", None))
    result = available(inv(("TEE", 100), ("MUG", 100)), orders(("GIFT", 1, "On Hold"), ("KIT", 2, "On Hold")), b)
    # GIFT = 2 KIT = 6 TEE + 2 MUG; 2 KIT = 6 TEE + 2 MUG
    assert got(result, "allocated") == {"tee": 12, "mug": 4, "gift": 0, "kit": 0}
    assert allocated(orders(("KIT", 1, "Shipped")), b).empty


def test_safety_stock_is_kept_back_and_the_result_floored_at_zero():
    result = available(inv(("TEE", 10, 3), ("MUG", 5, 9), ("CAP", 4, None), ("HAT", 4, "2"), ("BAG", 4, 4)),
                       orders(("TEE", 2, "On Hold"), ("CAP", 6, "On Hold")))
    assert got(result, "safety", "available") == {"tee": (3, 5), "mug": (9, 0), "cap": (0, 0), "hat": (2, 2),
                                                  "bag": (4, 0)}
    assert set(result["problem"]) == {""}


def test_on_hand_is_summed_over_bins_and_safety_is_the_largest_of_them():
    result = available(inv(("TEE", 3, 1), ("TEE", 4, None), ("tee", -2, 2)), orders())
    assert got(result, "on_hand", "safety", "available") == {"tee": (7, 2, 5)}


def test_a_safety_stock_that_is_not_a_whole_number_holds_the_sku_back():
    result = available(inv(("TEE", 10, "x"), ("MUG", 10, -1), ("CAP", 10, 1.5), ("HAT", 10, 1), ("HAT", 10, "lots"),
                           ("BAG", 10, 0), ("BOX", 10, "  ")), orders())
    assert got(result, "problem", "detail") == {
        "tee": (BAD_SAFETY, "x"), "mug": (BAD_SAFETY, "-1"), "cap": (BAD_SAFETY, "1.5"), "hat": (BAD_SAFETY, "lots"),
        "bag": ("", ""), "box": ("", "")}
    assert result.at["box", "available"] == 10
    assert set(result["safety"]) == {0, 1}  # a bad value counts as none (the SKU is held back anyway)


def test_an_inventory_indexed_like_its_rows():
    stock = inv(("TEE", 10, 2), ("TEE", 5, 3), ("MUG", 4, "x"))
    stock.index = [3, 7, 8]
    result = available(stock, orders(("TEE", 1, "On Hold")))
    assert got(result, "on_hand", "safety", "available", "problem", "detail") == {
        "tee": (15, 3, 11, "", ""), "mug": (4, 0, 4, BAD_SAFETY, "x")}


def test_a_sku_without_any_on_hand_number_is_held_back():
    result = available(inv(("TEE", None), ("TEE", ""), ("MUG", None), ("MUG", 2)), orders(("TEE", 1, "On Hold")))
    assert got(result, "problem", "available") == {"tee": (NO_ON_HAND, 0), "mug": ("", 2)}
    assert result.at["tee", "detail"] == ""


def test_without_a_safety_stock_column_nothing_is_kept_back():
    result = available(inv(("TEE", 10), safety=False), orders(("TEE", 1, "On Hold")))
    assert got(result, "safety", "available", "problem") == {"tee": (0, 9, "")}


def test_a_bundle_sold_as_its_own_sku_gets_what_its_scarcest_component_allows():
    b = bundles(("Duo", "TEE", 2), ("Duo", "MUG", 1), ("TRIO", "TEE", 3), ("Gift", "Duo", 2), ("Gift", "CAP", 1),
                ("BOX", "TEE", 1))
    result = available(inv(("TEE", 13, 1), ("MUG", 10, 4), ("CAP", None), ("BOX", 2)),
                       orders(("MUG", 1, "On Hold")), b)
    # TEE 12 available, MUG 5: Duo = min(12 // 2, 5) = 5; TRIO = 12 // 3 = 4; Gift: CAP has no count
    assert list(result.index) == ["tee", "mug", "cap", "box", "duo", "trio", "gift"]
    assert got(result, "seller_sku", "available", "problem", "detail") == {
        "tee": ("TEE", 12, "", ""), "mug": ("MUG", 5, "", ""), "cap": ("CAP", 0, NO_ON_HAND, ""),
        "box": ("BOX", 2, "", ""),  # a kit kept on the Inventory sheet is counted as stocked, not derived
        "duo": ("Duo", 5, "", ""), "trio": ("TRIO", 4, "", ""), "gift": ("Gift", 0, BUNDLE_UNCOUNTED, "CAP")}
    assert got(result.loc[["duo"]], "on_hand", "allocated", "safety") == {"duo": (0, 0, 0)}


def test_a_bundle_with_a_component_missing_from_inventory_is_held_back():
    result = available(inv(("TEE", 5)), orders(), bundles(("DUO", "TEE", 1), ("DUO", "GHOST", 1)))
    assert got(result, "problem", "detail", "available") == {"tee": ("", "", 5), "duo": (BUNDLE_UNCOUNTED, "GHOST", 0)}


def test_the_frame_and_its_types():
    result = available(inv(("TEE", 10, 1)), orders(("TEE", 1.0, "On Hold")), bundles(("DUO", "TEE", 2)))
    assert list(result.columns) == COLUMNS
    assert all(str(result[c].dtype) == "int64" for c in ("on_hand", "allocated", "safety", "available"))
    assert got(result, "available") == {"tee": 8, "duo": 4}
    empty = available(inv(), orders())
    assert empty.empty and list(empty.columns) == COLUMNS
    assert got(available(inv(("TEE", 4)), pd.DataFrame()), "available") == {"tee": 4}


def test_order_sheets_without_some_columns():
    lines = orders(("TEE", 2, "Shipped", "2026-01-01", "o1", "11"), ("TEE", None, "On Hold", None, "o2", "12"))
    stock = inv(("TEE", 10))
    # no Order Status: every line open; no Shipped Time: none shipped; no Quantity: one unit each
    assert available(stock, lines.drop(columns=["Order Status"])).at["tee", "allocated"] == 1
    assert available(stock, lines.drop(columns=["Shipped Time"])).at["tee", "allocated"] == 1
    assert available(stock, lines.drop(columns=["Order Status", "Shipped Time"])).at["tee", "allocated"] == 3
    assert available(stock, lines.drop(columns=["Quantity", "Order Status", "Shipped Time"])).at["tee", "allocated"] == 2
    assert available(stock, lines.drop(columns=["Seller SKU"])).at["tee", "allocated"] == 0
    # without Order ID / SKU ID columns nothing matches ShipLog
    exported = frozenset({("o2", "12"), ("", "")})
    assert available(stock, lines.drop(columns=["Order ID", "SKU ID"]), exported=exported).at["tee", "allocated"] == 1
    assert available(stock, lines.drop(columns=["SKU ID"]), exported=frozenset({("o2", "")})).at["tee", "allocated"] == 0


def test_a_sheet_indexed_like_its_rows_keeps_each_line():
    lines = orders(("TEE", 1, "On Hold", None, "o1", "11"), ("TEE", 2, "On Hold", None, "o2", "12"))
    lines.index = [5, 9]
    assert list(open_lines(lines, frozenset({("o2", "12")})).index) == [5]
    assert available(inv(("TEE", 10)), lines).at["tee", "allocated"] == 3


def test_bundles_without_a_bundle_sheet_or_a_quantity_column():
    duo = pd.DataFrame({"Bundle SKU": ["Duo"], "Component SKU": ["TEE"]}, dtype=object)
    result = available(inv(("TEE", 7)), orders(("Duo", 2, "On Hold")), duo)
    assert got(result, "allocated", "available") == {"tee": (2, 5), "duo": (0, 5)}
    assert list(available(inv(("TEE", 7)), orders(), None).index) == ["tee"]


def test_whole_units_only():
    result = available(inv(("TEE", 7.6, 1)), orders(("TEE", 1.5, "On Hold")), bundles(("DUO", "TEE", 2)))
    assert got(result, "on_hand", "allocated", "available") == {"tee": (7, 1, 5), "duo": (0, 0, 2)}
