"""A workbook at the pack station's moment of the demo's day: the US shop's orders imported, stock loaded (with the
barcodes a team types for some SKUs), reviewed, the pick list printed: wave 1 is on the packing table."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tkops.book import FileBook
from tkops.book.layout import BUNDLES, INVENTORY, SETTINGS
from tkops.jobs import demo
from tkops.jobs.import_orders import import_files
from tkops.jobs.picklist import run_picklist
from tkops.jobs.review import run_review
from tkops.jobs.stock import run_stock
from tkops.merge import rows_frame
from tkops.settings import Settings, sheet_rows

#: Barcodes the team typed on the Inventory sheet (valid EAN-13 / UPC-A); the other SKUs are scanned by their
#: Seller SKU labels.
BARCODES = {"TEE-BLK-M": "4006381333931", "TEE-WHT-M": "036000291452", "HOOD-NVY-M": "5901234123457"}


def _make_book(folder: Path) -> Path:
    path = folder / "ops.xlsx"
    settings = Settings(market="US", **demo.SHOP)
    book = FileBook(path, settings)
    book.write_table(SETTINGS, pd.DataFrame(sheet_rows(settings)[1:], columns=SETTINGS.headers))
    book.write_table(BUNDLES, demo._sheet_csv("bundles.csv", BUNDLES.headers))
    import_files([demo.sample_path(demo.US_FILE)], book, settings, failfast=True)
    run_stock([demo.sample_path(demo.STOCK_FILE)], FileBook(path, settings), settings)
    book = FileBook(path, settings)
    inventory = rows_frame(book.read_rows(INVENTORY.name), INVENTORY.headers)
    inventory["Barcode"] = inventory["Seller SKU"].map(BARCODES)
    book.write_table(INVENTORY, inventory)
    book.save()
    run_review(FileBook(path, settings), settings, now=demo.DEMO_NOW)
    run_picklist(FileBook(path, settings), settings, folder / "out", demo.PICK_AT)
    return path


@pytest.fixture(scope="session")
def _packing_book(tmp_path_factory) -> Path:
    return _make_book(tmp_path_factory.mktemp("packing"))


@pytest.fixture
def packing_book(_packing_book, tmp_path) -> Path:
    """A fresh copy of the workbook with wave 1 picked and not packed."""
    path = tmp_path / "ops.xlsx"
    shutil.copy(_packing_book, path)
    return path


def sheet_records(path: Path, sheet: str) -> list[dict]:
    """A sheet of the saved workbook, read back with openpyxl, as dicts by header."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v is not None for v in r)]


def wave_scans(path: Path, wave: int = 1) -> tuple[list[str], dict[str, list[dict]]]:
    """What a packer scans for a wave: each order's slip, then every item (its barcode, else its Seller SKU label),
    bundles as their components; and the wave's lines by order."""
    orders: dict[str, list[dict]] = {}
    for r in sheet_records(path, "Orders"):
        if r.get("Wave") == wave:
            orders.setdefault(r["Order ID"], []).append(r)
    components = {}
    for r in sheet_records(path, "Bundles"):
        components.setdefault(r["Bundle SKU"], []).append((r["Component SKU"], int(r["Quantity"] or 1)))
    scans = []
    for order, lines in orders.items():
        scans.append(order + "\r\n")
        for line in lines:
            for sku, per in components.get(line["Seller SKU"], [(line["Seller SKU"], 1)]):
                scans += [BARCODES.get(sku, sku) + "\t"] * (int(line["Quantity"]) * per)
    return scans, orders
