"""Risk rules: high order value per currency, unusual quantity of one SKU, many buyers to one address."""

from __future__ import annotations

from tests.review.conftest import frame, line, problem, run, tuples
from tkops.review import RuleConfig, rules_sheet_rows


def test_high_value_per_currency():
    lines = frame(line(n=1, order_amount=300.0), line(n=2, order_amount=300.01),
                  line("GB", n=3, order_amount=260.0, currency="GBP"),
                  line("TH", n=4, order_amount=9000, currency="THB"),
                  line(n=5, order_amount=99999, currency="XYZ"), line(n=6, order_amount=None))
    result = run(lines)
    assert tuples(result) == {(3, "order_amount", "risk.high_value"), (4, "order_amount", "risk.high_value")}
    assert problem(result, "risk.high_value")["explanation"] == "order amount 300.01 USD is above 300 USD"


def test_high_value_thresholds_come_from_the_rules_sheet():
    rows = rules_sheet_rows() + [["risk.high_value", "", "", "Max Order Amount USD", "1000", "", ""],
                                 ["risk.high_value", "", "", "Max Order Amount", "50", "", ""]]
    lines = frame(line(n=1, order_amount=500.0), line(n=2, order_amount=60, currency="XYZ"))
    assert tuples(run(lines, config=RuleConfig.from_sheet_rows(rows))) == {(3, "order_amount", "risk.high_value")}


def test_unusual_quantity_of_one_sku_in_one_order():
    lines = frame(line(n=1, quantity=3), line(n=1, quantity=3), line(n=2, quantity=5),
                  line(n=3, quantity=3, seller_sku="MUG"), line(n=3, quantity=3, seller_sku="CAP"))
    result = run(lines)
    assert tuples(result) == {(2, "quantity", "risk.unusual_quantity"), (3, "quantity", "risk.unusual_quantity")}
    assert problem(result, "risk.unusual_quantity")["explanation"] == "6 × TEE-WHT-M in one order (more than 5)"


def test_many_buyers_to_one_address():
    same = {"address_line_2": "Unit 9"}
    lines = frame(line(n=1, **same), line(n=2, **same), line(n=3, **same), line(n=4, address_line_2="Unit 8"),
                  line(n=5, address_line_2="Unit 8"))
    result = run(lines)
    assert tuples(result) == {(r, "address_line_1", "risk.shared_address") for r in (2, 3, 4)}
    assert problem(result, "risk.shared_address")["params"]["buyers"] == 3


def test_masked_addresses_are_not_compared():
    masked = {"address_line_1": "1*** M*** St", "address_line_2": "", "zipcode": "900**"}
    assert tuples(run(frame(*(line(n=n, **masked) for n in (1, 2, 3, 4))))) == set()
