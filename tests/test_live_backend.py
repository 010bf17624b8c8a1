"""The Import button on a fake Excel: the same results as the file backend, buyer text kept as text, team columns
kept, errors shown as messages (never tracebacks), and a number of Excel calls that does not grow with the data."""

from __future__ import annotations

import csv
import io
import shutil

import openpyxl
import pytest

from tkops import xl
from tkops.book.cells import same
from tkops.book.layout import STANDARD_SHEETS, ORDERS, orders_columns
from tkops.cli import main
from tkops.settings import sheet_rows, Settings

from conftest import EXPORTS
from fakes.xlwings_fake import FakeBook


def new_live_book(folder, market="US", extra=None) -> FakeBook:
    """A fake Excel holding a fresh tkops workbook whose Import Folder is ``folder / 'inbox'``."""
    inbox = folder / "inbox"
    inbox.mkdir(exist_ok=True)
    sheets = {"Home": [["tkops"], [None]]}
    for spec in STANDARD_SHEETS:
        if spec is ORDERS:
            sheets["Orders"] = [[c.header for c in orders_columns([], set())]]
        elif spec.name == "Settings":
            sheets["Settings"] = sheet_rows(Settings(market=market, import_folder=str(inbox)))
        else:
            sheets[spec.name] = [spec.headers]
    sheets.update(extra or {})
    book = FakeBook(str(folder / "tkops.xlsm"), sheets)
    book.add_name("tkops_status", "Home", "A2")
    book.add_name("tkops_summary", "Home", "A3")
    return book


def as_records(rows):
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


def test_import_button_gives_the_same_orders_as_the_command(tmp_path):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")
    xl.import_orders(book)
    assert book.app.alerts == []
    live = as_records(book.sheet("Orders").rows())

    file_book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(file_book), "--market", "US"]) == 0
    batch = as_records([list(r) for r in openpyxl.load_workbook(file_book)["Orders"].iter_rows(values_only=True)])
    assert len(live) == len(batch) > 0
    for a, b in zip(live, batch):
        for name, value in b.items():
            assert same(a.get(name), value), (name, a.get(name), value)
    assert book.sheet("Orders").tables.items[0].name == "Orders"
    assert "tkops: importing orders 1/1 us_2025.csv" in book.app.status_history  # progress in the status bar
    assert book.app.status_history[-1] is False  # and the status bar handed back to Excel
    assert "1 file, 14 new lines" in book.sheet("Home").value_at(2, 1)  # counted in the singular


def test_buyer_text_and_ids_stay_text_in_excel(tmp_path):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "hostile.csv", tmp_path / "inbox")
    xl.import_orders(book)
    sheet = book.sheet("Orders")
    assert not any(c.formula for c in sheet.cells.values())
    records = as_records(sheet.rows())
    texts = {str(r[c]) for r in records for c in ("Recipient", "Buyer Username", "Buyer Message", "Address Line 1")}
    assert {"=1+1", '=HYPERLINK("http://x","y")', "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0"} <= texts
    assert all(isinstance(r["Order ID"], str) and len(r["Order ID"]) == 18 for r in records)


def test_team_columns_survive_the_button(tmp_path):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")
    xl.import_orders(book)
    sheet = book.sheet("Orders")
    header = sheet.rows()[0]
    note = header.index("Team Note") + 1
    sheet._put((2, note), "wrap twice")
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8").replace("Awaiting Shipment", "Shipped")
    (tmp_path / "inbox" / "us_2025.csv").write_text(text, encoding="utf-8")
    xl.import_orders(book)
    records = as_records(sheet.rows())
    assert records[0]["Team Note"] == "wrap twice"
    assert "Shipped" in {r["Order Status"] for r in records}


def generated_export(path, lines: int) -> None:
    """A US export of ``lines`` lines made by repeating the sample's lines with fresh order IDs."""
    rows = list(csv.reader(io.StringIO((EXPORTS / "us_2025.csv").read_text(encoding="utf-8"))))
    header, body = rows[0], [r for r in rows[2:]]
    oid = header.index("Order ID")
    out = [header]
    for i in range(lines):
        row = list(body[i % len(body)])
        row[oid] = str(580000000000000000 + i)
        out.append(row)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(out)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def imported_live_book(folder, lines: int) -> FakeBook:
    """A fake Excel holding a new workbook (in ``folder``, made here) after the Import orders button read a generated
    export of ``lines`` lines."""
    folder.mkdir()
    book = new_live_book(folder)
    generated_export(folder / "inbox" / "orders.csv", lines)
    xl.import_orders(book)
    return book


def test_excel_calls_do_not_grow_with_the_data(tmp_path):
    counts = []
    for lines in (10, 10_000):
        book = imported_live_book(tmp_path / str(lines), lines)
        assert book.app.alerts == []
        assert len(book.sheet("Orders").rows()) == lines + 1
        counts.append(book.calls)
    assert counts[0] == counts[1]
    # a handful per sheet and per run of changed columns (the stock ledger's sync reads Inventory, StockLog and
    # AfterSales and writes StockLog: about 25 of them)
    assert counts[0] < 130


def test_a_bad_file_is_a_message_not_a_traceback(tmp_path):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "mangled_sci.csv", tmp_path / "inbox")
    xl.import_orders(book)
    status = book.sheet("Home").value_at(2, 1)
    assert "1 files failed" in status or "failed" in status
    summary = book.sheet("Home").value_at(3, 1)
    assert "mangled_sci.csv" in summary and "row 3" in summary
    assert "Traceback" not in summary


def test_an_unexpected_error_is_logged_and_shown_briefly(tmp_path, monkeypatch):
    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")

    def boom(*args, **kwargs):
        raise RuntimeError("secret-token-abc in a stack")

    monkeypatch.setattr("tkops.xl.import_files", boom)
    xl.import_orders(book)
    (title, message), = book.app.alerts
    assert "RuntimeError" in message and "tkops.log" in message
    assert "Traceback" not in message and "secret-token-abc" not in message
    log = (tmp_path / "tkops.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert book.app.status_history[-1] is False


def test_bad_settings_are_shown_in_the_teams_message_box(tmp_path):
    book = new_live_book(tmp_path, extra={"Settings": [["Setting", "Value"], ["Market", "Atlantis"]]})
    xl.import_orders(book)
    (title, message), = book.app.alerts
    assert "Market" in message and "Atlantis" in message


def test_chinese_team(tmp_path):
    rows = sheet_rows(Settings(language="zh", market="US", import_folder=str(tmp_path / "inbox")))
    book = new_live_book(tmp_path, extra={"Settings": rows})
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")
    xl.import_orders(book)
    assert "新增" in book.sheet("Home").value_at(2, 1)


@pytest.mark.parametrize("picked", [[str(EXPORTS / "us_2025.csv")], False])
def test_file_picker_when_no_import_folder(tmp_path, picked):
    rows = sheet_rows(Settings(market="US"))
    book = new_live_book(tmp_path, extra={"Settings": rows})
    book.app.api.picked = picked
    xl.import_orders(book)
    if picked:
        assert len(book.sheet("Orders").rows()) > 1 and not book.app.alerts
    else:
        (title, message), = book.app.alerts
        assert "Import Folder" in message
