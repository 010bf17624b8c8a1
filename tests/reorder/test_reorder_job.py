"""The reorder job on real workbooks: the Reorder sheet's values and colours read back with openpyxl and calamine,
lines in history counted, the Settings' defaults, a bad cell refused with nothing written, the command's output."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, REORDER, SUPPLIERS, orders_columns
from tkops.cli import main
from tkops.jobs.new_book import default_rows
from tkops.jobs.reorder import run_reorder
from tkops.settings import Settings

NOW = dt.datetime(2026, 11, 30, 12, 0)
T = NOW.strftime("%Y-%m-%dT%H:%M")


def order_id(n: int) -> str:
    return f"5770000000000{n:05d}"


# (order, Seller SKU, quantity, status, days before NOW it was created)
LINES = [
    (1, "TEE-M", 7, "Shipped", 2),          # TEE-M: 7 this week -> 1 a day
    (2, "TEE-M", 5, "Cancelled", 1),        # cancelled: no sale
    (3, "GIFT", 3, "Awaiting Shipment", 1),  # a bundle: 3 mugs and 6 caps
    (4, "CAP", 24, "Delivered", 20),        # CAP: 6 this week, 30 this month -> 1 a day
    (5, "SOCK", 1, "Completed", 45),        # too old: SOCK sold nothing in 30 days
]
INVENTORY_ROWS = [
    # SKU, name, on hand, supplier, lead, cover, on order, safety
    ("TEE-M", "Basic Tee", 12, "Acme", None, None, None, None),
    ("MUG", "Mug", 40, "Acme", 3, 10, None, None),
    ("CAP", "Cap", 2, "Bolt", None, None, 4, 1),
    ("SOCK", "<b>Socks</b>", 9, None, None, None, None, None),
]
SUPPLIER_ROWS = [("Acme", 20, None), ("Bolt", None, 15)]


def orders_frame(spec, rows=LINES) -> pd.DataFrame:
    records = [{"Order ID": order_id(n), "Order Status": status, "Seller SKU": sku, "SKU ID": f"17{n:016d}",
                "Product Name": sku, "Quantity": qty, "Created Time": NOW - dt.timedelta(days=days),
                "Paid Time": NOW - dt.timedelta(days=days)} for n, sku, qty, status, days in rows]
    return pd.DataFrame(records).reindex(columns=spec.headers)


def make_book(path: Path, inventory=INVENTORY_ROWS, rows=LINES) -> Path:
    book = FileBook(path, defaults=default_rows)  # as the command line makes a new book: Settings with defaults
    spec = ORDERS.with_columns(orders_columns([], set()))
    book.write_table(spec, orders_frame(spec, rows))
    headers = ["Seller SKU", "Product Name", "On Hand", "Supplier", "Lead Time Days", "Cover Days", "On Order",
               "Safety Stock"]
    book.write_table(INVENTORY, pd.DataFrame(inventory, columns=headers).reindex(columns=INVENTORY.headers))
    book.write_table(BUNDLES, pd.DataFrame([("GIFT", "MUG", 1), ("GIFT", "CAP", 2)], columns=BUNDLES.headers))
    book.write_table(SUPPLIERS, pd.DataFrame(SUPPLIER_ROWS, columns=SUPPLIERS.headers))
    book.save()
    return path


@pytest.fixture
def workbook(tmp_path) -> Path:
    return make_book(tmp_path / "ops.xlsx")


def records(path: Path, sheet: str = "Reorder") -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v is not None for v in r)]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Hand computation (defaults 14 / 30 days; Acme lead 20, Bolt cover 15):
# CAP   on hand 2, on order 4, safety 1; 7d 6, 30d 30: velocity max(6/7, 1.0) = 1; lead 14, cover 15;
#       2 + 4 - 1 = 5 < 14: reorder; ceil(1 x 29 + 1 - 2 - 4) = 24; cover 2 days.
# TEE-M on hand 12; 7d 7: velocity 1; lead 20 (Acme), cover 30: 12 < 20: reorder; 50 - 12 = 38; cover 12 days.
# MUG   on hand 40; 7d 3: velocity 3/7 = 0.43; lead 3, cover 10 (its own): 40 < 1.29 no; ceil(5.57 - 40) -> 0;
#       cover 40 / (3/7) = 93.3 days.
# SOCK  no sales in 30 days.
EXPECTED = [
    ("CAP", "Cap", "Bolt", 2, 4, 6, 30, 1.0, 2.0, 14, 15, 24, "Reorder"),
    ("TEE-M", "Basic Tee", "Acme", 12, 0, 7, 7, 1.0, 12.0, 20, 30, 38, "Reorder"),
    ("MUG", "Mug", "Acme", 40, 0, 3, 3, 0.43, 93.3, 3, 10, 0, "OK"),
    ("SOCK", "<b>Socks</b>", None, 9, 0, 0, 0, 0, None, 14, 30, None, "No sales"),
]


def test_the_reorder_sheet_read_back_with_openpyxl_and_calamine(workbook, capsys):
    assert main(["reorder", "--book", str(workbook), "--now", T]) == 0
    out = capsys.readouterr().out
    assert "Reorder: 2 SKUs below the reorder point (62 units suggested), 1 covered, 1 without sales" in out
    assert "  Acme: TEE-M x 38" in out and "  Bolt: CAP x 24" in out
    got = [tuple(r[h] for h in REORDER.headers[:-1]) for r in records(workbook)]
    assert got == EXPECTED
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Reorder"]
    flags_col = REORDER.headers.index("tkops Flags") + 1
    letter = openpyxl.utils.get_column_letter(flags_col)
    assert ws.column_dimensions[letter].hidden
    assert [ws.cell(r, flags_col).value for r in range(2, 6)] == [
        "|R:Seller SKU|R:On Hand|R:Days of Cover|R:Suggested Qty|R:Status|"] * 2 + [None, None]
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert len(rules) == 1 and 'SEARCH("|R:"&A$1&"|",INDEX(tkops_reorder_flags,ROW()))' in rules[0].formula[0]
    assert rules[0].dxf.fill.bgColor.rgb.endswith("FFC7CE")
    assert wb.defined_names["tkops_reorder_flags"].attr_text.replace("'", "") == f"Reorder!${letter}:${letter}"
    grid = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_name("Reorder").to_python()
    assert grid[0] == REORDER.headers
    assert [(r[0], r[11], r[12]) for r in grid[1:5]] == [("CAP", 24, "Reorder"), ("TEE-M", 38, "Reorder"),
                                                         ("MUG", 0, "OK"), ("SOCK", "", "No sales")]


def test_a_second_run_with_fewer_skus_leaves_no_stale_row_and_the_team_tables_are_kept(workbook):
    assert main(["reorder", "--book", str(workbook), "--now", T]) == 0
    wb = openpyxl.load_workbook(workbook)
    wb["Inventory"].delete_rows(4, 2)  # CAP and SOCK gone
    wb.save(workbook)
    assert main(["reorder", "--book", str(workbook), "--now", T]) == 0
    assert [r["Seller SKU"] for r in records(workbook)] == ["TEE-M", "MUG"]
    assert [r["Supplier"] for r in records(workbook, "Suppliers")] == ["Acme", "Bolt"]
    assert [r["On Hand"] for r in records(workbook, "Inventory")] == [12, 40]  # On Hand is read, never written


def test_lines_moved_to_history_are_still_sales(tmp_path, capsys):
    # CAP's 24 were delivered 20 days ago; archived, they must count the same
    rows = [(n, sku, qty, status, days) for n, sku, qty, status, days in LINES]
    path = make_book(tmp_path / "ops.xlsx", rows=rows)
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header.index("Order Status") + 1).value in ("Delivered", "Completed"):
            created = ws.cell(r, header.index("Created Time") + 1).value
            ws.cell(r, header.index("Delivered Time") + 1).value = created + dt.timedelta(hours=5)
    wb.save(path)
    assert main(["archive", "--book", str(path), "--before", "2026-11-30"]) == 0
    assert "CAP" not in [r["Seller SKU"] for r in records(path, "Orders")]
    capsys.readouterr()
    assert main(["reorder", "--book", str(path), "--now", T]) == 0
    cap = next(r for r in records(path) if r["Seller SKU"] == "CAP")
    assert (cap["Sold 7d"], cap["Sold 30d"], cap["Suggested Qty"]) == (6, 30, 24)


def test_the_settings_defaults_and_the_team_language(workbook):
    settings = Settings(language="zh", lead_time_days="7", cover_days="10")
    report = run_reorder(FileBook(workbook, settings), settings, NOW)
    rows = {r["Seller SKU"]: r for r in records(workbook)}
    # CAP: lead 7, cover 15 (Bolt): 5 < 7 reorder; 22 + 1 - 6 = 17. TEE-M: lead 20 (Acme), cover 10: 30 - 12 = 18
    assert (rows["CAP"]["Lead Time Days"], rows["CAP"]["Suggested Qty"], rows["CAP"]["Status"]) == (7, 17, "需补货")
    assert (rows["TEE-M"]["Cover Days"], rows["TEE-M"]["Suggested Qty"]) == (10, 18)
    assert rows["SOCK"]["Status"] == "无销量"
    assert report.home_text("zh") == "待补货：2 个 SKU（共 35 件），见 Reorder 表。"
    assert report.home_text("en") == "To reorder: 2 SKUs (35 units); see the Reorder sheet."


def test_nothing_to_reorder_and_an_empty_inventory(tmp_path, capsys):
    path = make_book(tmp_path / "ops.xlsx", inventory=[("MUG", "Mug", 400, None, None, None, None, None)])
    report = run_reorder(FileBook(path), Settings(), NOW)
    assert report.home_text() == "To reorder: none (as of 2026-11-30 12:00)."
    path = make_book(tmp_path / "empty.xlsx", inventory=[])
    assert main(["reorder", "--book", str(path), "--now", T]) == 0
    assert "the Inventory sheet lists no SKU" in capsys.readouterr().out
    assert records(path) == []


def test_a_bad_cell_is_refused_with_its_row_and_column_and_nothing_is_written(tmp_path, capsys):
    path = make_book(tmp_path / "ops.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Inventory"]
    ws.cell(4, INVENTORY.headers.index("Lead Time Days") + 1).value = "two weeks"  # typed by a person on CAP's row
    wb.save(path)
    before = sha(path)
    assert main(["reorder", "--book", str(path), "--now", T]) == 2
    err = capsys.readouterr().err
    assert 'ops.xlsx, sheet Inventory, row 4, column "Lead Time Days": "two weeks" is not a whole number' in err
    assert "Traceback" not in err
    assert sha(path) == before


def test_a_bad_setting_is_refused_by_name(workbook, capsys):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Settings"]
    (row,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Lead Time Days"]
    assert ws.cell(row, 2).value == "14"  # a new book shows the default
    ws.cell(row, 2).value = "-2"
    wb.save(workbook)
    assert main(["reorder", "--book", str(workbook), "--now", T]) == 1
    assert 'Setting "Lead Time Days" = "-2" is not valid' in capsys.readouterr().err


def test_month_end_lists_the_skus_to_reorder_by_supplier(workbook, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["month-end", "--month", "2026-11", "--book", str(workbook), "--out", str(out), "--now", T]) == 0
    printed = capsys.readouterr().out
    assert "To reorder: 2 SKUs (62 units)" in printed and "  Acme: TEE-M x 38" in printed
    (report,) = out.glob("month-end 2026-11 *.xlsx")
    rows = list(openpyxl.load_workbook(report)["Reorder"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Supplier", "Seller SKU", "Product Name")
    assert [(r[0], r[1], r[3], r[8]) for r in rows[1:]] == [("Acme", "TEE-M", 12, 38), ("Bolt", "CAP", 2, 24)]
    grid = CalamineWorkbook.from_path(str(report)).get_sheet_by_name("Reorder").to_python()
    assert [r[1] for r in grid[1:]] == ["TEE-M", "CAP"]
