"""SKU rules: Seller SKU empty or not on the Inventory sheet (bundles count when their components are)."""

from __future__ import annotations

import pandas as pd

from tkops.review import RuleConfig

from tests.review.conftest import frame, line, problem, run, tuples

BUNDLES = pd.DataFrame({"Bundle SKU": ["KIT", "KIT", "BAD-KIT"], "Component SKU": ["TEE-WHT-M", "MUG", "NOPE"],
                        "Quantity": [1, 2, 1]})


def test_empty_and_unknown_skus():
    lines = frame(line(seller_sku=""), line(n=2, seller_sku="NOPE"), line(n=3, seller_sku=None),
                  line(n=4, seller_sku="TEE-WHT-M"))
    assert tuples(run(lines)) == {(2, "seller_sku", "sku.empty"), (3, "seller_sku", "sku.unknown"),
                                  (4, "seller_sku", "sku.empty")}
    assert problem(run(lines), "sku.empty")["severity"] == "error"


def test_sku_matching_ignores_case_and_spaces():
    assert tuples(run(frame(line(seller_sku=" tee-wht-m ")))) == set()


def test_a_bundle_is_known_when_its_components_are():
    result = run(frame(line(seller_sku="KIT"), line(n=2, seller_sku="BAD-KIT")), bundles=BUNDLES)
    assert tuples(result) == {(3, "seller_sku", "sku.unknown")}
    assert problem(result, "sku.unknown")["explanation"] == \
        'bundle "BAD-KIT" needs "NOPE", which is not in the Inventory sheet'


def test_no_inventory_sheet_means_no_unknown_skus():
    lines = frame(line(seller_sku="ANY"), line(n=2, seller_sku=""))
    empty = pd.DataFrame(columns=["Seller SKU", "On Hand"])
    # unknown SKUs are not reported (nothing to compare with), but the line is held: its stock was not checked
    assert tuples(run(lines, inventory=empty)) == {(3, "seller_sku", "sku.empty"), (2, "seller_sku", "stock.unchecked")}
    # a team that keeps no stock in tkops switches that off on the Rules sheet: then the SKU line is Ready
    off = RuleConfig.from_sheet_rows([["Rule", "Enabled"], ["stock.unchecked", "No"]])
    result = run(lines, inventory=empty, config=off)
    assert tuples(result) == {(3, "seller_sku", "sku.empty")}
    assert result.statuses.tolist() == ["Ready", "Hold"]
    assert "stock.unchecked is switched off" in result.summary_lines("en")[1]


def test_lines_past_review_are_not_checked():
    assert tuples(run(frame(line(seller_sku="", order_status="Shipped")))) == set()
