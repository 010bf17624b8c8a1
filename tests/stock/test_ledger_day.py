"""A day of the demo shop (tkops demo: the samples imported, stock loaded, wave 1 packed and exported for upload,
the month's returns read), then a return the team receives: On Hand on Inventory equals the hand computation from
the sample files and the upload file, and running the ledger again moves nothing."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from tests.stock.books import append, movements, on_hand
from tkops.cli import main
from tkops.jobs.demo import sample_path


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    folder = tmp_path_factory.mktemp("day")
    assert main(["demo", "--out", str(folder)]) == 0
    return folder


def hand_count(folder) -> tuple[dict, list[tuple[str, str, int]]]:
    """Inventory from the stock sample minus every unit of the upload file (its lines' Seller SKUs from the order
    sample, a bundle's units taken from its components in the bundles sample), and the exported lines (Order ID,
    Seller SKU, quantity, SKU ID)."""
    with open(sample_path("inventory.csv"), encoding="utf-8") as f:
        stock = {r["Seller SKU"]: int(r["On Hand"]) for r in csv.DictReader(f)}
    with open(sample_path("bundles.csv"), encoding="utf-8") as f:
        bundles = [(r["Bundle SKU"], r["Component SKU"], int(r["Quantity"])) for r in csv.DictReader(f)]
    with open(sample_path("us_shop_2026-11-25.csv"), encoding="utf-8-sig") as f:
        lines = [r for r in csv.DictReader(f) if r["Order ID"].isdigit()]
    sku_of = {(r["Order ID"], r["SKU ID"]): (r["Seller SKU"], int(r["Quantity"])) for r in lines}
    upload, = (folder / "tkops-output").glob("Shipping info*.xlsx")
    rows = list(openpyxl.load_workbook(upload)["Shipping info"].iter_rows(values_only=True))[1:]
    exported = []
    for r in rows:
        sku, qty = sku_of[(r[0], r[1])]
        exported.append((r[0], sku, int(r[2]) if r[2] else qty, r[1]))
    for _, sku, qty, _ in exported:
        parts = [(c, n * qty) for b, c, n in bundles if b == sku] or [(sku, qty)]
        for part, units in parts:
            if part in stock:
                stock[part] -= units
    return stock, exported


def test_the_demo_day_moves_stock_as_counted_by_hand(day):
    book = day / "tkops-demo.xlsx"
    expected, exported = hand_count(day)
    assert len(exported) >= 3 and any(expected[s] < int(v) for s, v in _stock_sample().items() if s in expected)
    assert {s: v for s, v in on_hand(book).items() if s in expected} == expected
    shipped = [m for m in movements(book) if m[0] == "ship" and m[3] in {e[0] for e in exported}]
    assert {(m[3], m[1]) for m in shipped} >= {e[:2] for e in exported if not e[1].startswith("SET-")}

    # a parcel of wave 1 comes back: one unit resellable; another buyer's unit is damaged
    (order_a, sku_a, _, id_a), (order_b, sku_b, _, id_b) = exported[0], exported[1]
    append(book, "AfterSales", {"Case ID": "T-1", "Order ID": order_a, "SKU ID": id_a, "Seller SKU": sku_a,
                                "Quantity": 1, "Source": "Team", "Received": "Yes", "Return Condition": "resellable"})
    append(book, "AfterSales", {"Case ID": "T-2", "Order ID": order_b, "SKU ID": id_b, "Seller SKU": sku_b,
                                "Quantity": 1, "Source": "Team", "Received": "Yes", "Return Condition": "damaged"})
    assert main(["cases", "--book", str(book), "--now", "2026-11-26T10:00"]) == 0
    expected[sku_a] += 1
    assert {s: v for s, v in on_hand(book).items() if s in expected} == expected
    log = movements(book)
    assert main(["ledger", "--book", str(book), "--now", "2026-11-26T11:00"]) == 0
    assert movements(book) == log and {s: v for s, v in on_hand(book).items() if s in expected} == expected


def _stock_sample() -> dict:
    with open(sample_path("inventory.csv"), encoding="utf-8") as f:
        return {r["Seller SKU"]: r["On Hand"] for r in csv.DictReader(f)}
