"""The stock ledger through the commands that sync it before their one save: tkops stock (each file a count),
tkops import (a re-import moves nothing), tkops cases (Received and Return Condition are team columns a re-run keeps),
tkops ledger; and the StockLog sheet as every new book has it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl

from tests.stock.books import T, edit, make_book, movements, on_hand, order, rows, sync
from tkops import case_schema
from tkops.book.layout import AFTERSALES, STANDARD_SHEETS, STOCK_KINDS, STOCKLOG
from tkops.cli import main
from tkops.jobs.demo import sample_path
from tkops.stock.ledger import COLUMNS, KINDS


def stock_file(folder: Path, name: str, counts: dict) -> Path:
    path = folder / name
    path.write_text("Seller SKU,On Hand\n" + "".join(f"{k},{v}\n" for k, v in counts.items()), encoding="utf-8")
    return path


def test_stocklog_is_in_every_new_book_with_the_ledgers_columns(tmp_path):
    assert STOCKLOG.headers == list(COLUMNS) and STOCK_KINDS == KINDS and STOCKLOG in STANDARD_SHEETS
    assert {"Received", "Return Condition"} <= set(AFTERSALES.headers)
    assert AFTERSALES.lists["Return Condition"] == list(case_schema.RETURN_CONDITIONS)
    book = make_book(tmp_path / "new.xlsx", [order("o1", "TEE", 1)])
    wb = openpyxl.load_workbook(book)
    ws = wb["StockLog"]
    assert [c.value for c in ws[1]] == list(COLUMNS)
    assert any('"count,ship,unship,return,adjust"' in str(v.formula1) for v in ws.data_validations.dataValidation)


def test_each_stock_file_is_a_count_once_and_a_later_file_a_recount(tmp_path):
    book = make_book(tmp_path / "ops.xlsx", [order("o1", "TEE", 2), order("o2", "MUG", 1)])
    first = stock_file(tmp_path, "count-1.csv", {"TEE": 10, "MUG": 4})
    assert main(["stock", str(first), "--book", str(book)]) == 0
    sha = hashlib.sha256(first.read_bytes()).hexdigest()
    assert movements(book) == [("count", "TEE", 10, sha), ("count", "MUG", 4, sha)]
    sync(book, T[1], exported={"o1|id-TEE|0"})
    assert on_hand(book) == {"TEE": 8, "MUG": 4}
    assert main(["stock", str(first), "--book", str(book)]) == 0  # the same file again: no count, no change
    assert len(movements(book)) == 3 and on_hand(book) == {"TEE": 8, "MUG": 4}
    second = stock_file(tmp_path, "count-2.csv", {"TEE": 7})
    assert main(["stock", str(second), "--book", str(book)]) == 0
    assert movements(book)[-1] == ("count", "TEE", 7, hashlib.sha256(second.read_bytes()).hexdigest())
    assert on_hand(book) == {"TEE": 7, "MUG": 4}
    assert not sync(book, T[5]).changed


def test_reimport_of_the_same_export_moves_nothing(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    export = sample_path("us_shop_2026-11-25.csv")
    assert main(["import", str(export), "--book", str(book), "--market", "US"]) == 0
    assert main(["stock", str(sample_path("inventory.csv")), "--book", str(book)]) == 0
    log, stock = movements(book), on_hand(book)
    assert any(kind == "count" for kind, *_ in log)
    capsys.readouterr()
    assert main(["import", str(export), "--book", str(book), "--market", "US"]) == 0
    assert "no new stock movement" in capsys.readouterr().out
    assert movements(book) == log and on_hand(book) == stock
    assert main(["ledger", "--book", str(book), "--now", "2026-11-25T18:00"]) == 0
    assert movements(book) == log and on_hand(book) == stock


def test_cases_keep_received_and_condition_and_count_a_return_once(tmp_path):
    returns = sample_path("us_returns_2026-11.csv")
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(sample_path("us_shop_2026-11-25.csv")), "--book", str(book), "--market", "US"]) == 0
    assert main(["stock", str(sample_path("inventory.csv")), "--book", str(book)]) == 0
    assert main(["cases", "--book", str(book), "--returns", str(returns), "--now", "2026-11-25T16:00"]) == 0
    case = next(c for c in rows(book, "AfterSales") if c["Quantity"] not in ("", None)
                and not c["Case ID"].startswith("C-"))  # a cancelled order comes back by its unship
    # the returns sample names the shop's older SKU codes: the shelf count of this one
    assert main(["stock", str(stock_file(tmp_path, "shelf.csv", {case["Seller SKU"]: 5})), "--book", str(book)]) == 0
    stock = on_hand(book)
    assert stock[case["Seller SKU"]] == 5
    edit(book, "AfterSales", "Case ID", case["Case ID"], {"Received": "Yes", "Return Condition": "resellable"})
    for _ in range(2):  # the export re-imported twice: the team's columns stay, the return counts once
        assert main(["cases", "--book", str(book), "--returns", str(returns), "--now", "2026-11-25T17:00"]) == 0
    kept = next(c for c in rows(book, "AfterSales") if c["Case ID"] == case["Case ID"])
    assert (kept["Received"], kept["Return Condition"]) == ("Yes", "resellable")
    sku, qty = case["Seller SKU"], int(case["Quantity"])
    assert [m for m in movements(book) if m[0] == "return"] == [("return", sku, qty, case["Case ID"])]
    assert on_hand(book) == {**stock, sku: stock[sku] + qty}


def test_a_book_made_before_the_ledger_gets_its_stocklog_sheet(tmp_path):
    book = make_book(tmp_path / "old.xlsx", [order("o1", "TEE", 2)], [{"Seller SKU": "TEE", "On Hand": 9}])
    wb = openpyxl.load_workbook(book)
    del wb["StockLog"]
    wb.save(book)
    report = sync(book, T[1], exported={"o1|id-TEE|0"})
    assert report.opening == 1 and on_hand(book) == {"TEE": 7}
    assert "StockLog" in openpyxl.load_workbook(book).sheetnames
    assert movements(book) == [("count", "TEE", 9, "opening"), ("ship", "TEE", -2, "o1")]


ORDERS_HEADER = "Order ID,Order Status,SKU ID,Seller SKU,Quantity,Created Time,Paid Time,Delivered Time\n"


def test_a_line_that_ships_and_moves_to_history_in_one_import_still_leaves_the_shelf(tmp_path):
    from tkops.book import FileBook
    from tkops.jobs.import_orders import import_files
    from tkops.settings import Settings

    old, new = "500000000000000001", "500000000000000002"
    first, later = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(ORDERS_HEADER + f"{old},Awaiting Shipment,1001,TEE,2,11/01/2026 10:00:00 AM,,\n"
                     f"{new},Awaiting Shipment,1002,MUG,1,11/25/2026 10:00:00 AM,,\n", encoding="utf-8")
    later.write_text(ORDERS_HEADER + f"{old},Delivered,1001,TEE,2,11/01/2026 10:00:00 AM,,11/05/2026 10:00:00 AM\n"
                     f"{new},Awaiting Shipment,1002,MUG,1,11/25/2026 10:00:00 AM,,\n", encoding="utf-8")
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(first), "--book", str(book), "--market", "US"]) == 0
    assert main(["stock", str(stock_file(tmp_path, "s.csv", {"TEE": 10, "MUG": 5})), "--book", str(book)]) == 0
    settings = Settings(market="US", keep_closed="3")
    with FileBook(book, settings).session:
        report = import_files([later], FileBook(book, settings), settings)
    assert report.archived.lines == 1 and old not in {r["Order ID"] for r in rows(book, "Orders")}
    assert movements(book)[-1] == ("ship", "TEE", -2, old) and on_hand(book) == {"TEE": 8, "MUG": 5}
