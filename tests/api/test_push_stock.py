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
from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, SHIPLOG, STOCKPUSH, orders_columns
from tkops.errors import DataError
from tkops.jobs.push_stock import run_push_stock
from tkops.settings import Settings

NOW = dt.datetime(2026, 1, 2, 10, 0)
SETTINGS = Settings(market="US", api_app_key=APP_KEY, api_shop=SHOP_NAME)
SEARCH = "/product/202309/inventory/search"
W1, W2 = "7000714532876273420", "7000714532876273421"
P1, P2, P3 = "1729382938492830001", "1729382938492830002", "1729382938492830003"
# TikTok SKU ids of the Seller SKUs
IDS = {"TS-BLK-M": "1729382938492834901", "TS-WHT-M": "1729382938492834902", "MUG-1": "1729382938492834903",
       "CAP-1": "1729382938492834904", "KIT-2": "1729382938492834905", "SOCK-1": "1729382938492834906"}
INVENTORY_WITH_SAFETY = INVENTORY.with_extra(["Safety Stock"])  # a team column of Inventory (reorder, push-stock)


def update_path(product: str) -> str:
    return f"/product/202309/products/{product}/inventory/update"


def make_book(path, inventory, orders, bundles=(), shiplog=()) -> FileBook:
    """A real workbook with the Inventory (with a Safety Stock column), Orders, Bundles and ShipLog sheets."""
    book = FileBook(path)
    inv = pd.DataFrame(inventory, columns=INVENTORY_WITH_SAFETY.headers).astype(object)
    book.write_table(INVENTORY_WITH_SAFETY, inv.where(inv.notna(), None))
    spec = ORDERS.with_columns(orders_columns([], set()))
    frame = pd.DataFrame([{"Order ID": f"5764614130387{n:05d}", **o} for n, o in enumerate(orders)]
                         ).reindex(columns=spec.headers).astype(object)
    book.write_table(spec, frame.where(frame.notna(), None))
    if bundles:
        book.write_table(BUNDLES, pd.DataFrame(bundles, columns=BUNDLES.headers).astype(object))
    if shiplog:
        book.write_table(SHIPLOG, pd.DataFrame(shiplog, columns=SHIPLOG.headers).astype(object))
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


def test_a_dry_run_sends_no_update_and_writes_nothing(fake, make_client, shop):
    before = shop.read_bytes()
    report = run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW, dry_run=True)
    assert [r for r in fake.requests if "inventory/update" in r.path] == []
    assert all(r.path in (SEARCH, "/authorization/202309/shops") for r in fake.requests)
    assert fake.inventory[IDS["TS-BLK-M"]].available == {W1: 50}
    assert shop.read_bytes() == before
    text = "\n".join(report.lines("en"))
    assert "Dry run: 3 SKUs would be set in 3 update calls, 0 already right, 3 held back" in text
    assert (f'POST {update_path(P1)} {{"skus":[{{"id":"{IDS["TS-BLK-M"]}","inventory":'
            f'[{{"warehouse_id":"{W1}","quantity":2}}]}}]}}') in text
    assert "TS-BLK-M (1729382938492834901): would set 2 (TikTok has 50)" in text
    assert "试运行" in "\n".join(report.lines("zh"))


def test_the_api_warehouse_setting_picks_one_of_several(fake, make_client, shop):
    settings = Settings(market="US", api_app_key=APP_KEY, api_shop=SHOP_NAME, api_warehouse=W2)
    run_push_stock(FileBook(shop), settings, make_client(), NOW)
    assert fake.inventory[IDS["TS-WHT-M"]].available == {W1: 8, W2: 5}
    rows = pushed(shop)
    assert rows["TS-WHT-M"]["Warehouse ID"] == W2 and rows["TS-WHT-M"]["Pushed Qty"] == 5
    # the others are in W1 only: the setting names a warehouse they are not in, so they are held with that reason
    assert fake.inventory[IDS["TS-BLK-M"]].available == {W1: 50}
    assert W2 in rows["TS-BLK-M"]["Push Result"] and W1 in rows["TS-BLK-M"]["Push Result"]


def test_one_update_per_product_and_a_refused_sku_does_not_stop_the_others(fake, make_client, tmp_path):
    for n, sku in enumerate(("A-1", "A-2", "A-3")):
        fake.inventory[str(900 + n)] = Stock(P1, sku, {W1: 1})
    fake.inventory_refuse["901"] = (12052700, "The SKU is not live")
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Seller SKU": s, "On Hand": 4} for s in ("A-1", "A-2", "A-3")],
              [{"Seller SKU": s, "SKU ID": str(900 + n), "Quantity": 1, "Order Status": "Delivered"}
               for n, s in enumerate(("A-1", "A-2", "A-3"))])
    report = run_push_stock(FileBook(path), SETTINGS, make_client(), NOW)
    assert len(fake.calls(update_path(P1))) == 1
    assert [fake.inventory[i].available[W1] for i in ("900", "901", "902")] == [4, 1, 4]
    rows = pushed(path)
    assert rows["A-2"]["Pushed Qty"] is None and rows["A-2"]["Pushed At"] is None
    assert "12052700" in rows["A-2"]["Push Result"] and "not live" in rows["A-2"]["Push Result"]
    assert rows["A-1"]["Pushed Qty"] == rows["A-3"]["Pushed Qty"] == 4
    assert "2 SKUs set, 0 already right, 1 refused by TikTok, 0 held back" in report.lines("en")[0]


def test_a_quantity_tiktok_already_has_is_not_sent_again(fake, make_client, shop):
    run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    fake.requests.clear()
    report = run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    assert [r for r in fake.requests if "inventory/update" in r.path] == []
    assert "0 SKUs set, 3 already right" in report.lines("en")[0]
    assert pushed(shop)["TS-BLK-M"]["Push Result"] == "already 2 on TikTok 2026-01-02 10:00"


@pytest.mark.parametrize("status", [429, 503, 401])
def test_too_many_requests_a_busy_server_and_an_expired_token_are_retried(fake, make_client, shop, sleeps, status):
    fake.update_faults = [status]
    report = run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    assert fake.update_faults == [] and report.stopped is None
    assert fake.inventory[IDS["TS-BLK-M"]].available == {W1: 2} and report.count("sent") == 3
    assert len([r for r in fake.requests if "inventory/update" in r.path]) == 4  # one sent twice
    assert len(sleeps) == (0 if status == 401 else 1)  # a backoff before the retry; a renewal needs none
    assert len(fake.calls("/auth/api/v2/token/refresh")) == (1 if status == 401 else 0)


def test_an_error_of_every_call_stops_the_run_and_keeps_what_was_set(fake, make_client, shop):
    fake.inventory_denied_after = 1
    report = run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    assert report.stopped is not None and report.stopped.code == "api.missing_scope"
    rows = pushed(shop)
    done = [s for s in ("TS-BLK-M", "MUG-1", "KIT-2") if rows[s]["Pushed Qty"] is not None]
    assert len(done) == 1
    assert all("not sent" in rows[s]["Push Result"] for s in {"TS-BLK-M", "MUG-1", "KIT-2"} - set(done))
    assert "stopped before the end" in report.lines("en")[0]


def test_an_error_before_anything_was_set_is_raised_and_nothing_is_written(fake, make_client, shop):
    fake.inventory_denied_after = 0
    before = shop.read_bytes()
    with pytest.raises(ApiError) as caught:
        run_push_stock(FileBook(shop), SETTINGS, make_client(), NOW)
    assert "permission" in caught.value.render("en")
    assert shop.read_bytes() == before


def test_an_inventory_without_skus_says_so(fake, make_client, tmp_path):
    path = tmp_path / "ops.xlsx"
    make_book(path, [], [line("TS-BLK-M", 1)])
    with pytest.raises(DataError) as caught:
        run_push_stock(FileBook(path), SETTINGS, make_client(), NOW)
    assert "tkops stock" in caught.value.render("en") and "ops.xlsx" in caught.value.render("zh")
    assert fake.requests == []


def test_only_the_local_fake_is_called(fake, make_client, shop):
    client = make_client()
    run_push_stock(FileBook(shop), SETTINGS, client, NOW)
    assert fake.url.startswith("http://127.0.0.1:") and client.base_url == fake.url
    assert fake.requests and all(r.headers.get("host", "").startswith("127.0.0.1:") for r in fake.requests)


def test_a_line_exported_for_upload_no_longer_holds_stock(fake, make_client, tmp_path):
    fake.inventory[IDS["MUG-1"]] = Stock(P2, "MUG-1", {W1: 0})
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Seller SKU": "MUG-1", "On Hand": 10}],
              [{"Order ID": "o1", **line("MUG-1", 2)}, {"Order ID": "o2", **line("MUG-1", 3)}],
              shiplog=[{"Order ID": "o1", "SKU ID": IDS["MUG-1"], "Tracking ID": "1Z999", "File": "upload.xlsx"}])
    run_push_stock(FileBook(path), SETTINGS, make_client(), NOW)
    assert fake.inventory[IDS["MUG-1"]].available == {W1: 7}  # 10 - 3: o1's parcel went to the carrier
    assert pushed(path)["MUG-1"]["Allocated"] == 3


def test_the_command_without_an_api_app_key_says_which_setting_to_fill(fake, tmp_path, capsys):
    from tkops.cli import main

    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Seller SKU": "MUG-1", "On Hand": 10}], [line("MUG-1", 2)])
    before = path.read_bytes()
    assert main(["push-stock", "--book", str(path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "API App Key" in err and "Traceback" not in err
    assert path.read_bytes() == before and fake.requests == []


def test_the_push_stock_button_does_what_the_command_does(fake, make_client, shop, monkeypatch, tmp_path):
    """Button "Push stock" on the open workbook (a fake Excel holding the same sheets): the same quantities are set
    and the StockPush sheet and the Home sheet's cells say what was done."""
    import tkops.jobs.push_stock as job
    from tkops import xl
    from tkops.settings import sheet_rows

    from test_live_backend import as_records, new_live_book

    def as_typed(v):  # IDs as Excel holds the text cells tkops writes (typed: an apostrophe keeps them text)
        return "'" + v if isinstance(v, str) and v.isdigit() else v

    sheets = {name: [[as_typed(v) for v in r] for r in openpyxl.load_workbook(shop)[name].iter_rows(values_only=True)]
              for name in (INVENTORY.name, ORDERS.name, BUNDLES.name)}
    (tmp_path / "live").mkdir()
    book = new_live_book(tmp_path / "live", extra={**sheets, "Settings": sheet_rows(SETTINGS)})
    monkeypatch.setattr(job, "api_client", lambda settings: make_client())
    xl.push_stock(book)
    assert book.app.alerts == []
    assert fake.inventory[IDS["TS-BLK-M"]].available == {W1: 2} and fake.inventory[IDS["MUG-1"]].available == {W1: 0}
    rows = {r["Seller SKU"]: r for r in as_records(book.sheet(STOCKPUSH.name).rows())}
    assert rows["TS-BLK-M"]["Pushed Qty"] == 2 and "no On Hand" in rows["CAP-1"]["Push Result"]
    assert "3 SKUs set, 0 already right, 0 refused by TikTok, 3 held back" in book.sheet("Home").value_at(3, 1)
