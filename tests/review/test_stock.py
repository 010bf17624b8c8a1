"""Stock allocation: bundles expanded, first paid first served over open orders, shortfall per stock SKU."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.review.conftest import PAID, frame, line, problem, run, tuples
from tkops.review import RuleConfig

INV = pd.DataFrame({"Seller SKU": ["A", "B", "A-BLK", "A"], "Product Name": ["Tee", "Mug", "Tee", "Tee"],
                    "Variation": ["White, M", "", "Black, M", "White, M"], "On Hand": [2, 5, 10, 1],
                    "Bin": ["A1", "B1", "A2", "C9"]})
KIT = pd.DataFrame({"Bundle SKU": ["KIT", "KIT"], "Component SKU": ["A", "B"], "Quantity": [2, 3]})


def at(minutes: int) -> dt.datetime:
    return PAID + dt.timedelta(minutes=minutes)


def test_earlier_paid_wins_whatever_the_row_order():
    # On hand A = 2 + 1 (two bins). Row order: late order first.
    lines = frame(line(n=1, seller_sku="A", quantity=2, paid_time=at(30)),
                  line(n=2, seller_sku="A", quantity=2, paid_time=at(0)),
                  line(n=3, seller_sku="A", quantity=1, paid_time=at(10)))
    result = run(lines, INV)
    assert tuples(result) == {(2, "quantity", "stock.short")}
    p = problem(result, "stock.short")
    assert (p["params"]["needed"], p["params"]["missing"], p["params"]["on_hand"]) == (2, 2, 3)
    assert p["explanation"] == "2 of 2 × A missing (on hand 3, earlier paid orders come first)"


def test_a_partly_filled_line_says_how_many_are_missing():
    result = run(frame(line(seller_sku="A", quantity=5)), INV)
    assert problem(result, "stock.short")["params"]["missing"] == 2


def test_bundles_are_expanded_before_stock():
    # KIT x1 needs 2 A + 3 B; a second KIT needs 2 A + 3 B more: A (3) runs out, B (5) runs out.
    lines = frame(line(n=1, seller_sku="KIT", paid_time=at(0)), line(n=2, seller_sku="KIT", paid_time=at(5)))
    result = run(lines, INV, KIT)
    assert tuples(result) == {(3, "quantity", "stock.short")}
    short = result.problems[result.problems["code"] == "stock.short"]
    assert sorted(p["sku"] for p in short["params"]) == ["A", "B"]
    assert all(p["bundle"] == "KIT" for p in short["params"])
    assert "bundle KIT" in short["explanation"].iloc[0]


def test_only_open_orders_take_stock():
    lines = frame(line(n=1, seller_sku="A", quantity=3, order_status="Shipped", paid_time=at(0)),
                  line(n=2, seller_sku="A", quantity=3, order_status="Cancelled", paid_time=at(1)),
                  line(n=3, seller_sku="A", quantity=3, order_status="Unpaid", paid_time=None),
                  line(n=4, seller_sku="A", quantity=3, paid_time=at(2)))
    assert tuples(run(lines, INV), "stock.") == set()


def test_shortfall_per_stock_sku():
    lines = frame(line(n=1, seller_sku="KIT", quantity=2), line(n=2, seller_sku="A", quantity=1))
    shortfall = run(lines, INV, KIT).shortfall
    assert shortfall.to_dict("records") == [
        {"seller_sku": "A", "product_name": "Tee", "variation": "White, M", "needed": 5, "on_hand": 3, "short": 2},
        {"seller_sku": "B", "product_name": "Mug", "variation": "", "needed": 6, "on_hand": 5, "short": 1},
    ]


def test_an_alternative_variant_in_stock_is_offered_to_the_buyer():
    lines = frame(line(seller_sku="A", quantity=4, product_name="Tee", variation="White, M"))
    p = problem(run(lines, INV), "stock.short")
    assert p["params"]["alternative"] == "Black, M"
    assert "Black, M" in p["buyer_message"] and p["buyer_template"] == "messages/en/stock_short.txt.j2"


def test_lines_are_held_as_unchecked_while_inventory_is_empty():
    lines = frame(line(n=1, seller_sku="A"), line(n=2, seller_sku=""), line(n=3, seller_sku="B",
                                                                           order_status="Shipped"))
    result = run(lines, pd.DataFrame(columns=["Seller SKU", "On Hand"]))
    assert tuples(result, "stock") == {(2, "seller_sku", "stock.unchecked")}  # shipped lines are past review
    p = problem(result, "stock.unchecked")
    assert p["params"] == {"sku": "A"}
    assert p["explanation"].startswith('"A" not checked: the Inventory sheet is empty')
    assert result.statuses.tolist()[:2] == ["Hold", "Hold"]
    state = result.summary["inventory"]
    assert (state["empty"], state["check"], state["unchecked_lines"]) == (True, True, 1)
    assert result.summary_lines("en")[1].startswith("!! Inventory is empty: SKUs and stock were NOT checked, so 1 line is")


def test_a_sku_listed_without_any_on_hand_is_unchecked_not_short():
    inventory = pd.DataFrame({"Seller SKU": ["A", "A", "B", "C"], "On Hand": [None, "", 4, "n/a"]})
    bundles = pd.DataFrame({"Bundle SKU": ["KIT", "KIT"], "Component SKU": ["C", "c"], "Quantity": [1, 1]})
    lines = frame(line(n=1, seller_sku="A", quantity=3), line(n=2, seller_sku="B", quantity=1),
                  line(n=3, seller_sku="KIT", quantity=1))
    result = run(lines, inventory, bundles)
    assert tuples(result, "stock") == {(2, "seller_sku", "stock.unchecked"), (4, "seller_sku", "stock.unchecked")}
    kit = result.problems[result.problems["row"] == 4]
    assert len(kit) == 1 and kit.iloc[0]["params"] == {"sku": "C", "bundle": "KIT"}  # one problem, not per part row
    assert problem(result, "stock.unchecked")["explanation"] == (
        'stock of "A" not checked: its On Hand on the Inventory sheet is blank or not a number. Count it and fill it '
        "in (0 when there is none)")
    assert result.summary["inventory"]["uncounted"] == ["A", "C"]
    assert result.statuses.tolist() == ["Hold", "Ready", "Hold"]


def test_a_bundle_short_says_how_many_bundles_and_offers_no_other_variant():
    # KIT x2 needs 4 A (3 on hand: 1 missing, half a kit) and 6 B (5 on hand: 1 missing, a third of a kit); A has a
    # black variant in stock, but a bundle's part is not swapped for another colour.
    lines = frame(line(n=1, seller_sku="KIT", quantity=2), line(n=2, seller_sku="A", quantity=4, paid_time=at(9)))
    result = run(lines, INV, KIT)
    rows = result.problems[result.problems["code"] == "stock.short"]
    by_sku = {(r["row"], r["params"]["sku"]): r for _, r in rows.iterrows()}
    kit_a, kit_b, plain_a = by_sku[(2, "A")], by_sku[(2, "B")], by_sku[(3, "A")]
    assert kit_a["params"] == {"sku": "A", "needed": 4, "missing": 1, "on_hand": 3, "bundle": "KIT",
                               "short_units": 1, "alternative": ""}
    assert (kit_b["params"]["missing"], kit_b["params"]["short_units"]) == (1, 1)
    assert kit_a["explanation"].startswith("bundle KIT: 1 of 4 × A missing")
    assert kit_b["explanation"].startswith("bundle KIT: 1 of 6 × B missing")
    assert plain_a["explanation"].startswith("4 of 4 × A missing") and plain_a["params"]["alternative"] == "Black, M"


def test_fractions_of_a_unit_are_shown_to_three_decimals():
    per_roll = pd.DataFrame({"Bundle SKU": ["TAPE"], "Component SKU": ["B"], "Quantity": [1 / 3]})
    inventory = pd.DataFrame({"Seller SKU": ["B"], "On Hand": [0]})
    p = problem(run(frame(line(seller_sku="TAPE", quantity=1)), inventory, per_roll), "stock.short")
    assert (p["params"]["needed"], p["params"]["missing"], p["params"]["short_units"]) == (0.333, 0.333, 1)


def test_the_rules_sheet_switches_each_stock_check_off_by_its_code():
    lines = frame(line(n=1, seller_sku="A", quantity=9))
    assert tuples(run(lines, INV), "stock") == {(2, "quantity", "stock.short")}
    no_stock = RuleConfig.from_sheet_rows([["Rule", "Enabled"], ["stock.short", "No"]])
    assert tuples(run(lines, INV, config=no_stock), "stock") == set()
    empty = pd.DataFrame(columns=["Seller SKU", "On Hand"])
    assert tuples(run(lines, empty), "stock") == {(2, "seller_sku", "stock.unchecked")}
    no_check = RuleConfig.from_sheet_rows([["Rule", "Enabled"], ["stock.unchecked", "No"]])
    assert tuples(run(lines, empty, config=no_check), "stock") == set()
    assert tuples(run(lines, INV, config=no_check), "stock") == {(2, "quantity", "stock.short")}
