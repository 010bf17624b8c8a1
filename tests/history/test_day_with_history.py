"""A day's work on a book with a month of history, on real workbooks read back with python-calamine.

October's export (3,000 generated lines, tests/month_end_samples.py) is imported and its closed orders archived;
then the day: stock, the day's import, review, pick list, slips, tracking and the upload file, a return for an order
archived last month (which still finds its SKU, cost and buyer language from history), and a re-import of
October's export that brings no archived line back to Orders."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
from python_calamine import CalamineWorkbook

from tkops.cli import main
from tkops.history import HistoryStore

from conftest import EXPORTS
from month_end_samples import write_exports

DAY = EXPORTS / "us_2025.csv"  # the day's export: 14 lines of 10 orders, 2026-11-18 to 11-25
CUTOFF = dt.datetime(2026, 11, 1)
VALID_UPS = "1Z999AA10123456784"
RETURNS_HEADER = ("Return Order ID,Order ID,Order Amount,Order Status,SKU ID,Seller SKU,Product Name,SKU Name,"
                  "Return unit price,Return Quantity,Return Reason,Return Type,Return Status,Return Sub Status,"
                  "Time Requested,Refund Time,Buyer Username,Buyer Note,Return Logistics Tracking ID")


def sheet(book, name: str) -> list[dict]:
    wb = CalamineWorkbook.from_path(str(book))
    if name not in wb.sheet_names:
        return []
    grid = wb.get_sheet_by_name(name).to_python()
    return [dict(zip(grid[0], r)) for r in grid[1:] if any(v not in (None, "") for v in r)]


def closed_before(lines: list[dict], cutoff: dt.datetime) -> set[str]:
    """The orders every line of which closed (completed or cancelled) before ``cutoff``: the test's own reading of
    docs/history.md (the export says "Shipped" with the substatus "Delivered" for a delivered order until it
    completes: it waits)."""
    by_order: dict[str, list[dict]] = {}
    for ln in lines:
        by_order.setdefault(ln["order_id"], []).append(ln)

    def closed(ln: dict) -> bool:
        when = ln["cancelled"] if ln["status"] == "Cancelled" else ln["delivered"]
        return ln["status"] in ("Completed", "Cancelled") and when is not None and when < cutoff

    return {o for o, lns in by_order.items() if all(closed(ln) for ln in lns)}


def set_country(export, order_id: str, country: str) -> None:
    """The buyer of ``order_id`` lives in ``country`` (rewrites the export as Seller Center writes it)."""
    with open(export, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    col, oid = rows[0].index("Country"), rows[0].index("Order ID")
    for row in rows[2:]:
        if row and row[oid] == order_id:
            row[col] = country
    with open(export, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(rows)


def set_setting(book, name: str, value: str) -> None:
    """Type a value on the Settings sheet, as the team does."""
    wb = openpyxl.load_workbook(book)
    ws = wb["Settings"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == name)
    ws.cell(row, 2).value = value
    wb.save(book)


def test_a_days_work_on_a_book_with_a_month_of_history(tmp_path, capsys):
    truth = write_exports(tmp_path, ["2026-10"], 3000, 0, seed=15)
    october = truth.order_files[0]
    archived = closed_before(truth.lines, CUTOFF)
    returned = next(ln for ln in truth.lines if ln["order_id"] in archived and ln["status"] == "Completed")
    set_country(october, returned["order_id"], "Mexico")
    book = tmp_path / "ops.xlsx"

    # a month of orders, then its closed ones archived
    assert main(["import", str(october), "--book", str(book), "--market", "US"]) == 0
    assert main(["archive", "--book", str(book), "--before", "2026-11-01"]) == 0
    stored = HistoryStore(book).read(["Order ID", "Seller SKU", "Country"])
    assert set(stored["Order ID"]) == archived and len(stored) == sum(ln["order_id"] in archived
                                                                       for ln in truth.lines)
    on_orders = {r["Order ID"] for r in sheet(book, "Orders")}
    assert not on_orders & archived and on_orders | archived == {ln["order_id"] for ln in truth.lines}
    held = len(stored)

    # the day: stock, import, review, pick list, slips
    day_skus = {r["Seller SKU"] for r in csv.DictReader(open(DAY, encoding="utf-8-sig")) if r["Seller SKU"]} - {""}
    stock = tmp_path / "stock.csv"
    stock.write_text("Seller SKU,On Hand,Bin,Unit Cost,Currency\n" + "".join(
        f"{sku},50,A-{i:02d},4.25,USD\n" for i, sku in enumerate(sorted(day_skus | {returned["seller_sku"]}))),
        encoding="utf-8")
    assert main(["stock", str(stock), "--book", str(book)]) == 0
    assert main(["import", str(DAY), "--book", str(book)]) == 0
    orders = sheet(book, "Orders")
    day_orders = {r["Order ID"].strip() for r in csv.DictReader(open(DAY, encoding="utf-8-sig"))
                  if r["Order ID"].strip().isdigit()}  # Seller Center wraps some IDs in tabs
    assert day_orders <= {r["Order ID"] for r in orders} and not {r["Order ID"] for r in orders} & archived
    assert main(["review", "--book", str(book), "--now", "2026-11-25T12:00"]) == 0
    ready = {r["Order ID"] for r in sheet(book, "Orders") if r["Review Status"] == "Ready"}
    assert ready and ready <= day_orders | on_orders
    out = tmp_path / "out"
    assert main(["picklist", "--book", str(book), "--now", "2026-11-25T12:30", "--out", str(out)]) == 0
    picked = sheet(book, "PickList")
    assert picked and {r["Seller SKU"] for r in picked if r.get("Seller SKU")} <= day_skus | {
        r["Seller SKU"] for r in orders}
    waved = {r["Order ID"] for r in sheet(book, "Orders") if r.get("Wave") not in (None, "")}
    assert waved and waved <= ready
    assert main(["slips", "--book", str(book), "--now", "2026-11-25T12:40", "--out", str(out)]) == 0
    assert list(out.glob("*.pdf")) and list(out.glob("*.html"))

    # tracking from the 3PL for one waved order, then the upload file
    shipped = sorted(waved)[0]
    tracking = tmp_path / "3pl.csv"
    tracking.write_text(f"Order ID,Tracking ID,Shipping Provider\n{shipped},{VALID_UPS},UPS\n", encoding="utf-8")
    upload = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(tracking), "--out", str(upload)]) == 0
    uploaded = CalamineWorkbook.from_path(str(upload)).get_sheet_by_name("Shipping info").to_python()
    assert {r[0] for r in uploaded[1:]} == {shipped} and all(r[3] == VALID_UPS for r in uploaded[1:])

    # a return for an order archived last month: SKU, cost and buyer language come from history
    returns = tmp_path / "returns.csv"
    returns.write_text(RETURNS_HEADER + "\n" + f"4035118812900000009,{returned['order_id']},10.00,Completed,"
                       f"{returned['sku_id']},,,,10.00,1,Defective item,Return and refund,In Process,,"
                       "11/24/2026 9:12:44 AM,,bob,,\n", encoding="utf-8")
    set_setting(book, "Reship Shipping Cost", "USD 6.5")
    capsys.readouterr()
    assert main(["cases", "--book", str(book), "--returns", str(returns), "--now", "2026-11-25T13:00"]) == 0
    case = next(r for r in sheet(book, "AfterSales") if r["Order ID"] == returned["order_id"])
    assert (case["Country"], case["Buyer Language"]) == ("Mexico", "es")
    assert case["Order Status"] == "Completed"
    # a reship costs the Unit Cost of the archived line's Seller SKU (the return names its SKU ID only) + shipping
    # (the cheaper partial refund of 30 % of 10.00 wins, and says so)
    assert case["Why"] == "Defective / quality: partial refund 3.00 < reship 10.75"
    assert returned["order_id"] not in {r["Order ID"] for r in sheet(book, "Orders")}

    # an old export again: nothing archived comes back to Orders
    before = {r["Order ID"] for r in sheet(book, "Orders")}
    capsys.readouterr()
    assert main(["import", str(october), "--book", str(book)]) == 0
    said = capsys.readouterr()
    assert f"{held:,} lines" in said.out + said.err and "already in history" in said.out + said.err
    assert {r["Order ID"] for r in sheet(book, "Orders")} == before
    assert HistoryStore(book).rows() == held
    assert main(["history", "find", returned["order_id"], "--book", str(book)]) == 0
    assert {r["Order ID"] for r in sheet(book, "History")} == {returned["order_id"]}
