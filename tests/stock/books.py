"""Real workbooks for the stock ledger's tests: written with tkops' own writer, changed the way a team does (openpyxl
on the saved file), read back with python-calamine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.book.layout import AFTERSALES, BUNDLES, INVENTORY, ORDERS, orders_columns
from tkops.jobs.stock_ledger import sync_stock
from tkops.settings import Settings

SETTINGS = Settings(market="US")
T = [dt.datetime(2026, 11, 25, h) for h in range(8, 20)]  # T[1] = 09:00, ...


def order(order_id: str, sku: str, qty: int, status: str = "Awaiting Shipment", sku_id: str = "") -> dict:
    return {"Order ID": order_id, "Order Status": status, "SKU ID": sku_id or f"id-{sku}", "Seller SKU": sku,
            "Quantity": qty}


def make_book(path: Path, orders=(), inventory=(), cases=(), bundles=()) -> Path:
    """A saved book with these Orders lines, Inventory rows ({"Seller SKU", "On Hand", ...}), AfterSales rows and
    Bundles rows (bundle, component, quantity)."""
    book = FileBook(path, SETTINGS)
    if orders:
        frame = pd.DataFrame(list(orders))
        spec = ORDERS.with_columns(orders_columns(list(frame.columns), set()))
        book.write_table(spec, frame.reindex(columns=spec.headers))
    if inventory:
        book.write_table(INVENTORY, pd.DataFrame(list(inventory)).reindex(columns=INVENTORY.headers))
    if bundles:
        book.write_table(BUNDLES, pd.DataFrame(list(bundles), columns=BUNDLES.headers))
    if cases:
        book.write_table(AFTERSALES, pd.DataFrame(list(cases)).reindex(columns=AFTERSALES.headers))
    book.save()
    return path


def sync(path: Path, now: dt.datetime, exported=(), **kw):
    """One sync on the saved book, saved when it changed (as the hooks do); its report."""
    book = FileBook(path, SETTINGS)
    report = sync_stock(book, SETTINGS, now, exported, **kw)
    if report.changed:
        book.save()
    return report


def rows(path: Path, sheet: str) -> list[dict]:
    """A sheet's rows as dicts, read with python-calamine (what another reader sees)."""
    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    header = [str(h) for h in data[0]]
    return [dict(zip(header, r)) for r in data[1:] if any(v not in ("", None) for v in r)]


def on_hand(path: Path) -> dict:
    """Inventory's On Hand per Seller SKU, as whole numbers (None: blank)."""
    return {r["Seller SKU"]: (None if r["On Hand"] in ("", None) else int(r["On Hand"]))
            for r in rows(path, "Inventory")}


def movements(path: Path) -> list[tuple]:
    """StockLog as (Kind, Seller SKU, Quantity, Reference) in row order."""
    return [(r["Kind"], r["Seller SKU"], int(r["Quantity"]) if r["Quantity"] != "" else None, r["Reference"])
            for r in rows(path, "StockLog")]


def edit(path: Path, sheet: str, key_header: str, key: str, values: dict) -> None:
    """Set ``values`` on the row of ``sheet`` whose ``key_header`` is ``key`` (a team typing), with openpyxl."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    h = {c.value: c.column for c in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, h[key_header]).value == key)
    for header, value in values.items():
        ws.cell(row, h[header]).value = value
    wb.save(path)


def append(path: Path, sheet: str, values: dict) -> None:
    """A row the team types below the last one of ``sheet`` (openpyxl; the table is grown to hold it)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    h = {c.value: c.column for c in ws[1]}
    row = 1 + max(c.row for line in ws.iter_rows() for c in line if c.value is not None)
    for header, value in values.items():
        ws.cell(row, h[header]).value = value
    for table in ws.tables.values():
        first, _, last = table.ref.partition(":")
        table.ref = f"{first}:{''.join(ch for ch in last if ch.isalpha())}{row}"
    wb.save(path)
