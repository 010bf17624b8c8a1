"""tkops push-stock against the fake TikTok Shop: the quantities set are the hand-computed available stock, found
through the inventory search with the workbook's SKU IDs, one update per product; a SKU that cannot be placed is held
back with its reason, a SKU TikTok refuses does not stop the others, a dry run sends and writes nothing."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from tests.api.server import APP_KEY, SHOP_NAME
from tests.api.server_inventory import Stock
from tkops.api import ApiError
from tkops.book import FileBook
from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, STOCKPUSH, ColumnSpec, orders_columns
from tkops.errors import DataError
from tkops.jobs.push_stock import run_push_stock
from tkops.schema import Kind
from tkops.settings import Settings

NOW = dt.datetime(2026, 1, 2, 10, 0)
SETTINGS = Settings(market="US", api_app_key=APP_KEY, api_shop=SHOP_NAME)
SEARCH = "/product/202309/inventory/search"
W1, W2 = "7000714532876273420", "7000714532876273421"
P1, P2, P3 = "1729382938492830001", "1729382938492830002", "1729382938492830003"
# TikTok SKU ids of the Seller SKUs
IDS = {"TS-BLK-M": "1729382938492834901", "TS-WHT-M": "1729382938492834902", "MUG-1": "1729382938492834903",
       "CAP-1": "1729382938492834904", "KIT-2": "1729382938492834905", "SOCK-1": "1729382938492834906"}
INVENTORY_WITH_SAFETY = INVENTORY.with_columns(list(INVENTORY.columns) + [ColumnSpec("Safety Stock", Kind.INT, 9)])


def update_path(product: str) -> str:
    return f"/product/202309/products/{product}/inventory/update"


def make_book(path, inventory, orders, bundles=()) -> FileBook:
    """A real workbook with the Inventory (with a Safety Stock column), Orders and Bundles sheets."""
    book = FileBook(path)
    inv = pd.DataFrame(inventory, columns=INVENTORY_WITH_SAFETY.headers).astype(object)
    book.write_table(INVENTORY_WITH_SAFETY, inv.where(inv.notna(), None))
    spec = ORDERS.with_columns(orders_columns([], set()))
    frame = pd.DataFrame([{"Order ID": f"5764614130387{n:05d}", **o} for n, o in enumerate(orders)]
                         ).reindex(columns=spec.headers).astype(object)
    book.write_table(spec, frame.where(frame.notna(), None))
    if bundles:
        book.write_table(BUNDLES, pd.DataFrame(bundles, columns=BUNDLES.headers).astype(object))
    book.save()
    return FileBook(path)


def line(sku: str, qty: int, status: str = "Awaiting Shipment", **more) -> dict:
    return {"Seller SKU": sku, "SKU ID": IDS.get(sku, ""), "Quantity": qty, "Order Status": status, **more}


def pushed(path) -> dict[str, dict]:
    ws = openpyxl.load_workbook(path)[STOCKPUSH.name]
    rows = list(ws.iter_rows(values_only=True))
    return {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}


@pytest.fixture
def shop(fake, tmp_path):
    """Six TikTok SKUs over three products; the white shirt is in two warehouses. By hand:
    TS-BLK-M: 10 on hand - (3 awaiting shipment + 1 unpaid + 2 in the KIT-2 on hold; the shipped 4 and the
    cancelled 5 don't count) - 2 safety = 2;
    TS-WHT-M: 3 + 2 over two bins, its one line already has a Shipped Time: 5, but held (two warehouses);
    MUG-1: 4 - 1 in the KIT-2 (the delivered line doesn't count) - 9 safety < 0: 0;
    KIT-2 (2 TS-BLK-M + 1 MUG-1, not on Inventory): min(2 // 2, 0 // 1) = 0;
    CAP-1: no On Hand: held; SOCK-1: 7 on hand - 1 on a line typed without a status (open): 6, but no SKU ID
    anywhere: held."""
    for sku, product in (("TS-BLK-M", P1), ("MUG-1", P2), ("CAP-1", P2), ("KIT-2", P3)):
        fake.inventory[IDS[sku]] = Stock(product, sku, {W1: 50})
    fake.inventory[IDS["TS-WHT-M"]] = Stock(P1, "TS-WHT-M", {W1: 8, W2: 3})
    inventory = [{"Seller SKU": "TS-BLK-M", "On Hand": 10, "Safety Stock": 2},
                 {"Seller SKU": "TS-WHT-M", "On Hand": 3, "Bin": "A1"}, {"Seller SKU": "TS-WHT-M", "On Hand": 2, "Bin": "A2"},
                 {"Seller SKU": "MUG-1", "On Hand": 4, "Safety Stock": 9}, {"Seller SKU": "CAP-1"},
                 {"Seller SKU": "SOCK-1", "On Hand": 7}]
    orders = [line("TS-BLK-M", 3), line("TS-BLK-M", 4, "Shipped"), line("TS-BLK-M", 5, "Cancelled"),
              line("TS-BLK-M", 1, "Unpaid"), line("KIT-2", 1, "On Hold"),
              line("TS-WHT-M", 1, "Awaiting Shipment", **{"Shipped Time": "2026-01-01 09:00"}),
              line("MUG-1", 1, "Delivered"), line("CAP-1", 1), {"Seller SKU": "SOCK-1", "Quantity": 1}]
    bundles = [{"Bundle SKU": "KIT-2", "Component SKU": "TS-BLK-M", "Quantity": 2},
               {"Bundle SKU": "KIT-2", "Component SKU": "MUG-1", "Quantity": 1}]
    path = tmp_path / "ops.xlsx"
    make_book(path, inventory, orders, bundles)
    return path


def test_the_hand_computed_quantities_are_set_and_each_sku_has_its_row(fake, make_client, shop):
    report = run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    assert fake.inventory[IDS["TS-BLK-M"]].available == {W1: 2}
    assert fake.inventory[IDS["MUG-1"]].available == {W1: 0}  
    assert fake.inventory[IDS["KIT-2"]].available == {W1: 0}  # its mug is gone
    assert fake.inventory[IDS["TS-WHT-M"]].available == {W1: 8, W2: 3}  # two warehouses: untouched
    assert fake.inventory[IDS["CAP-1"]].available == {W1: 50}  # no On Hand: untouched
    assert {r.path for r in fake.requests if "inventory/update" in r.path} == {update_path(P1), update_path(P2),
                                                                                update_path(P3)}
    rows = pushed(shop)
    blk = rows["TS-BLK-M"]
    assert (blk["On Hand"], blk["Allocated"], blk["Safety Stock"], blk["Available"]) == (10, 6, 2, 2)
    assert (blk["Pushed Qty"], blk["TikTok Had"], blk["SKU ID"], blk["Product ID"], blk["Warehouse ID"]) == (
        2, 50, IDS["TS-BLK-M"], P1, W1)
    assert blk["Pushed At"] == NOW and blk["Push Result"] == "set to 2 (was 50) 2026-01-02 10:00"
    assert rows["TS-WHT-M"]["Available"] == 5 and rows["TS-WHT-M"]["Pushed Qty"] is None  # the shipped line is gone
    assert "2 warehouses" in rows["TS-WHT-M"]["Push Result"] and "API Warehouse" in rows["TS-WHT-M"]["Push Result"]
    assert "no On Hand" in rows["CAP-1"]["Push Result"]
    assert "no TikTok SKU" in rows["SOCK-1"]["Push Result"] and rows["SOCK-1"]["Available"] == 6
    text = "\n".join(report.lines("en"))
    assert "3 SKUs set, 0 already right, 0 refused by TikTok, 3 held back" in text
    assert "未发送" in "\n".join(report.lines("zh"))
