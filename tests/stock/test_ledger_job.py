"""The stock ledger on real books (tkops.jobs.stock_ledger): ship, cancel after ship, returns, recounts, typed
adjustments, the opening balance; On Hand always equals the hand computation written in each test, and a second run
moves nothing."""

from __future__ import annotations

from pathlib import Path

from tests.stock.books import T, append, edit, make_book, movements, on_hand, order, rows, sync
from tkops.stock.ledger_sheet import WRITTEN


def shop(tmp_path: Path, **kw) -> Path:
    orders = kw.pop("orders", [order("o1", "TEE", 2), order("o2", "TEE", 1), order("o3", "MUG", 3, "Shipped")])
    inventory = kw.pop("inventory", [{"Seller SKU": "TEE", "On Hand": 10}, {"Seller SKU": "MUG", "On Hand": 5}])
    return make_book(tmp_path / "ops.xlsx", orders, inventory, **kw)


def test_opening_balance_then_ship_and_cancel_after_ship(tmp_path):
    book = shop(tmp_path)
    # first use: the typed On Hand is the opening count; o3 showed Shipped already, so it is in that count;
    # o1 is exported for upload now, after the count
    report = sync(book, T[1], exported={"o1|id-TEE|0"})
    assert report.opening == 2 and report.added == {"ship": 2, "count": 2}
    assert movements(book) == [("ship", "MUG", -3, "o3"), ("count", "TEE", 10, "opening"),
                               ("count", "MUG", 5, "opening"), ("ship", "TEE", -2, "o1")]
    assert on_hand(book) == {"TEE": 10 - 2, "MUG": 5}
    assert {r["Seller SKU"]: int(r[WRITTEN]) for r in rows(book, "Inventory")} == {"TEE": 8, "MUG": 5}
    # o2 ships by status (an import); o1 is cancelled after it shipped: its 2 come back, once
    edit(book, "Orders", "Order ID", "o2", {"Order Status": "Shipped"})
    edit(book, "Orders", "Order ID", "o1", {"Order Status": "Cancelled"})
    report = sync(book, T[2])
    assert report.added == {"ship": 1, "unship": 1}
    assert on_hand(book) == {"TEE": 10 - 2 - 1 + 2, "MUG": 5}
    before = book.read_bytes()
    again = sync(book, T[3], exported={"o1|id-TEE|0"})  # the same export again, the same statuses
    assert not again.changed and sum(again.added.values()) == 0 and book.read_bytes() == before
    assert "no new stock movement" in "\n".join(again.lines("en"))


def test_a_typed_on_hand_is_a_recount_and_what_the_ledger_wrote_is_not(tmp_path):
    book = shop(tmp_path)
    sync(book, T[1], exported={"o1|id-TEE|0"})
    assert on_hand(book)["TEE"] == 8
    edit(book, "Inventory", "Seller SKU", "TEE", {"On Hand": 6})  # the shelf counted: 6
    report = sync(book, T[2], exported={"o2|id-TEE|0"})
    assert report.added == {"count": 1, "ship": 1} and report.opening == 0
    assert movements(book)[-2:] == [("count", "TEE", 6, "typed"), ("ship", "TEE", -1, "o2")]
    assert on_hand(book) == {"TEE": 6 - 1, "MUG": 5}
    assert not sync(book, T[3]).changed  # 5 is what the ledger wrote: no recount


def test_partial_return_resellable_and_damaged_and_waiting_for_a_condition(tmp_path):
    cases = [{"Case ID": "r1", "Order ID": "o3", "Seller SKU": "MUG", "Quantity": 1},  # 1 of the 3 mugs
             {"Case ID": "r2", "Order ID": "o4", "Seller SKU": "TEE", "Quantity": 1},
             {"Case ID": "r3", "Order ID": "o5", "Seller SKU": "TEE", "Quantity": 2},
             {"Case ID": "C-o6", "Order ID": "o6", "Seller SKU": "TEE", "Quantity": 1}]
    book = shop(tmp_path, cases=cases)
    sync(book, T[1])
    assert on_hand(book) == {"TEE": 10, "MUG": 5}
    edit(book, "AfterSales", "Case ID", "r1", {"Received": "Yes", "Return Condition": "resellable"})
    edit(book, "AfterSales", "Case ID", "r2", {"Received": "是", "Return Condition": "损坏"})  # damaged, in zh
    edit(book, "AfterSales", "Case ID", "r3", {"Received": "✓"})  # no condition yet
    edit(book, "AfterSales", "Case ID", "C-o6", {"Received": "Yes", "Return Condition": "resellable"})
    report = sync(book, T[2])
    assert report.added == {"return": 2} and report.waiting == ["r3"]
    assert movements(book)[-2:] == [("return", "MUG", 1, "r1"), ("return", "TEE", 0, "r2")]
    assert on_hand(book) == {"TEE": 10, "MUG": 5 + 1}
    assert "r3" in "\n".join(report.lines("en")) and "r3" in "\n".join(report.lines("zh"))
    edit(book, "AfterSales", "Case ID", "r3", {"Return Condition": "可售"})  # resellable, in zh
    assert sync(book, T[3]).added == {"return": 1}
    assert on_hand(book) == {"TEE": 10 + 2, "MUG": 6}
    assert not sync(book, T[4]).changed


def test_typed_adjust_needs_a_reason_and_a_typed_count_resets(tmp_path):
    book = shop(tmp_path)
    sync(book, T[1])
    append(book, "StockLog", {"Seller SKU": "TEE", "Kind": "adjust", "Quantity": -2, "Reason": "torn in the bin"})
    append(book, "StockLog", {"Seller SKU": "MUG", "Kind": "Adjust", "Quantity": 4})  # no reason
    append(book, "StockLog", {"Seller SKU": "MUG", "Kind": "move", "Quantity": 9})  # not a kind
    report = sync(book, T[2])
    assert report.unreasoned == [6] and report.unknown == [7]  # rows 2-4: the opening sync's movements
    text = "\n".join(report.lines("en"))
    assert "StockLog, 1 row (6)" in text and "Reason" in text and "StockLog, 1 row (7)" in text
    assert on_hand(book) == {"TEE": 10 - 2, "MUG": 5}
    log = rows(book, "StockLog")
    ids = [r["Movement ID"] for r in log[3:]]
    assert all(ids) and ids[0].startswith("adjust|typed|") and log[4]["Kind"] == "adjust"
    assert sync(book, T[3]).changed is False  # IDs are kept: nothing new
    assert [r["Movement ID"] for r in rows(book, "StockLog")[3:]] == ids
    edit(book, "StockLog", "Movement ID", ids[1], {"Reason": "found behind the shelf"})
    sync(book, T[4])
    assert on_hand(book) == {"TEE": 8, "MUG": 5 + 4}
    append(book, "StockLog", {"Seller SKU": "TEE", "Kind": "count", "Quantity": 3})
    sync(book, T[5])
    assert on_hand(book) == {"TEE": 3, "MUG": 9}


def test_negative_on_hand_is_a_warning_not_a_refusal(tmp_path):
    book = shop(tmp_path, orders=[order("o1", "TEE", 12)], inventory=[{"Seller SKU": "TEE", "On Hand": 3}])
    report = sync(book, T[1], exported={"o1|id-TEE|0"})
    assert report.negative == {"TEE": -9} and on_hand(book) == {"TEE": 3 - 12}
    assert "TEE (-9)" in "\n".join(report.lines("en")) and "TEE (-9)" in "\n".join(report.lines("zh"))


def test_sku_in_several_bins_keeps_its_bins_and_a_new_sku_typed_later_is_counted(tmp_path):
    inventory = [{"Seller SKU": "TEE", "On Hand": 4, "Bin": "A-1"}, {"Seller SKU": "TEE", "On Hand": 6, "Bin": "B-2"},
                 {"Seller SKU": "MUG", "On Hand": 5}]
    book = shop(tmp_path, inventory=inventory)
    report = sync(book, T[1], exported={"o1|id-TEE|0"})
    assert report.per_bin == ["TEE"] and movements(book)[1] == ("count", "TEE", 10, "opening")
    assert [r["On Hand"] for r in rows(book, "Inventory")] == [4, 6, 5]
    assert not sync(book, T[2]).changed
    edit(book, "Inventory", "Bin", "B-2", {"On Hand": 7})  # a recount of one bin: the SKU's sum is 11
    sync(book, T[3])
    assert movements(book)[-1] == ("count", "TEE", 11, "typed")
    append(book, "Inventory", {"Seller SKU": "CAP", "On Hand": 2})
    assert sync(book, T[4]).added == {"count": 1}
    assert on_hand(book)["CAP"] == 2


def test_a_bundle_moves_its_components(tmp_path):
    book = shop(tmp_path, orders=[order("o1", "SET", 2), order("o2", "TEE", 1)],
                bundles=[("SET", "TEE", 1), ("set", "mug", 2)])
    report = sync(book, T[1], exported={"o1|id-SET|0", "o2|id-TEE|0"})
    assert report.added == {"count": 2, "ship": 3}
    assert sorted(movements(book)[2:]) == [("ship", "TEE", -2, "o1"), ("ship", "TEE", -1, "o2"),
                                           ("ship", "mug", -4, "o1")]
    assert {"ship|o1|id-SET|0|tee", "ship|o1|id-SET|0|mug"} <= {r["Movement ID"] for r in rows(book, "StockLog")}
    assert on_hand(book) == {"TEE": 10 - 2 - 1, "MUG": 5 - 4}
    edit(book, "Orders", "Order ID", "o1", {"Order Status": "Cancelled"})
    assert sync(book, T[2]).added == {"unship": 2}
    assert on_hand(book) == {"TEE": 9, "MUG": 5}
    assert not sync(book, T[3], exported={"o1|id-SET|0"}).changed
