"""The Reorder button on a fake Excel: the same Reorder sheet as the command, the count on the Home sheet's reorder
cell, and the button and the cell in tkops.xlsm."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tkops import xl
from tkops.book.layout import INVENTORY, ORDERS, REORDER, SUPPLIERS, orders_columns
from tkops.book.live_ui import REORDER_NAME
from tkops.settings import Settings
from tkops.xlsm import home

from tests.reorder.test_reorder_job import INVENTORY_ROWS, LINES, SUPPLIER_ROWS, make_book, order_id
from test_live_backend import as_records, new_live_book


def sheet_rows(spec, frame_rows: list[dict]) -> list[list]:
    return [spec.headers] + [[r.get(h) for h in spec.headers] for r in frame_rows]


def test_the_button_writes_the_reorder_sheet_and_counts_on_home(tmp_path):
    now = Settings(market="US").shop_now()  # the button runs as of the shop's now: the lines are dated from it
    headers = orders_columns([], set())
    orders = [{"Order ID": "'" + order_id(n), "Order Status": status, "Seller SKU": sku, "Quantity": qty,
               "SKU ID": f"'17{n:016d}", "Created Time": now - dt.timedelta(days=days)}  # typed as text
              for n, sku, qty, status, days in LINES]
    inventory = [dict(zip(["Seller SKU", "Product Name", "On Hand", "Supplier", "Lead Time Days", "Cover Days",
                           "On Order", "Safety Stock"], r)) for r in INVENTORY_ROWS]
    extra = {"Orders": [[c.header for c in headers]] + [[o.get(c.header) for c in headers] for o in orders],
             "Inventory": sheet_rows(INVENTORY, inventory),
             "Bundles": [["Bundle SKU", "Component SKU", "Quantity"], ["GIFT", "MUG", 1], ["GIFT", "CAP", 2]],
             "Suppliers": sheet_rows(SUPPLIERS, [dict(zip(SUPPLIERS.headers, r)) for r in SUPPLIER_ROWS])}
    book = new_live_book(tmp_path, extra=extra)
    book.add_name(REORDER_NAME, "Home", "A4")
    xl.reorder(book)
    assert book.app.alerts == []
    rows = as_records(book.sheet("Reorder").rows())
    assert [(r["Seller SKU"], r["Suggested Qty"], r["Status"]) for r in rows] == [
        ("CAP", 24, "Reorder"), ("TEE-M", 38, "Reorder"), ("MUG", 0, "OK"), ("SOCK", None, "No sales")]
    assert rows[0]["tkops Flags"] == "|R:Seller SKU|R:On Hand|R:Days of Cover|R:Suggested Qty|R:Status|"
    assert book.sheet("Home").value_at(4, 1) == "To reorder: 2 SKUs (62 units); see the Reorder sheet."
    assert book.sheet("Home").value_at(2, 1).startswith("Reorder: 2 SKUs below the reorder point")
    # the file path gives the same sheet
    path = make_book(tmp_path / "ops.xlsx")
    from tkops.cli import main
    assert main(["reorder", "--book", str(path), "--now", "2026-11-30T12:00"]) == 0
    grid = list(openpyxl.load_workbook(path)["Reorder"].iter_rows(values_only=True))
    assert [(r[0], r[11], r[12]) for r in grid[1:]] == [(r["Seller SKU"], r["Suggested Qty"], r["Status"])
                                                        for r in rows]


def test_the_macro_workbook_has_the_button_the_sheet_and_the_reorder_cell(tmp_path):
    from tkops.cli import main

    out = tmp_path / "tkops.xlsm"
    assert main(["workbook", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out, keep_vba=True)
    (sheet, ref), = wb.defined_names[REORDER_NAME].destinations
    assert sheet == "Home" and wb["Home"][ref.replace("$", "")].value == "点击“补货建议”  Click Reorder"
    assert wb["Reorder"].cell(1, 1).value == "Seller SKU" and "Reorder" in [b.macro for b in home.BUTTONS]
    assert [c.value for c in wb["Reorder"][1]][:len(REORDER.headers)] == REORDER.headers
    assert [c.value for c in wb["Suppliers"][1]][:3] == SUPPLIERS.headers
    assert ORDERS.name in wb.sheetnames
