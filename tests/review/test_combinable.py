"""Combinable orders: several open orders of one buyer to one address -> info on each with the other order IDs."""

from __future__ import annotations

from tests.review.conftest import frame, line, problem, run, tuples


def test_same_buyer_same_address_are_combinable():
    lines = frame(line(n=1, buyer_username="amy"), line(n=1, buyer_username="amy", seller_sku="MUG"),
                  line(n=2, buyer_username="Amy", address_line_1="123  main st.", address_line_2=""),
                  line(n=3, buyer_username="amy", address_line_1="999 Other Rd"))
    result = run(lines)
    assert tuples(result) == {(2, None, "order.combinable"), (4, None, "order.combinable")}
    assert problem(result, "order.combinable")["explanation"] == \
        "same buyer and address as order(s) 577000000000000002: ship together"
    assert problem(result, "order.combinable")["severity"] == "info"


def test_lists_every_other_order():
    lines = frame(*(line(n=n, buyer_username="amy", address_line_2="") for n in (1, 2, 3)))
    params = run(lines).problems["params"].tolist()
    assert [p["others"] for p in params] == [["577000000000000002", "577000000000000003"],
                                             ["577000000000000001", "577000000000000003"],
                                             ["577000000000000001", "577000000000000002"]]


def test_not_combinable_when_not_open_or_another_buyer():
    lines = frame(line(n=1, buyer_username="amy"), line(n=2, buyer_username="amy", address_line_2="",
                                                        order_status="Shipped"),
                  line(n=3, buyer_username="bob", address_line_2=""), line(n=4, buyer_username="", address_line_2=""),
                  line(n=5, buyer_username="", address_line_2=""))
    assert tuples(run(lines)) == set()
