"""tkops ship on a real workbook: only valid lines in the upload file, reasons for the others, never twice."""

from __future__ import annotations

import openpyxl
from python_calamine import CalamineWorkbook

from tkops.cli import main
from tkops.shipping import UPLOAD_COLUMNS

from conftest import EXPORTS

VALID_UPS = "1Z5R89390357567127"
BAD_CHECK_DIGIT = "1Z5R89390357567128"


def prepared(tmp_path):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    h = {c.value: c.column for c in ws[1]}
    waiting = [r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Order Status"]).value == "Awaiting Shipment"]
    orders = []
    for r in waiting:
        if ws.cell(r, h["Order ID"]).value not in orders:
            orders.append(ws.cell(r, h["Order ID"]).value)
    first_rows = [next(r for r in waiting if ws.cell(r, h["Order ID"]).value == o) for o in orders[:3]]
    for r, number in zip(first_rows, (VALID_UPS, BAD_CHECK_DIGIT, VALID_UPS)):
        ws.cell(r, h["Tracking ID"]).value = number
        ws.cell(r, h["Tracking ID"]).data_type = "s"
        ws.cell(r, h["Shipping Provider Name"]).value = "UPS"
    wb.save(book)
    return book, orders[:3]


def test_ship_writes_only_valid_lines_and_never_twice(tmp_path, capsys):
    book, orders = prepared(tmp_path)
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    # the first and third order share one tracking number: a duplicate, so neither is valid; the second is invalid
    assert "held back" in printed and orders[1] in printed
    assert not out.exists()

    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    h = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, h["Order ID"]).value == orders[2] and ws.cell(r, h["Tracking ID"]).value:
            ws.cell(r, h["Tracking ID"]).value = "1Z999AA10123456784"  # a valid, different UPS number
    wb.save(book)
    assert main(["ship", "--book", str(book), "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)
    assert sheet.sheetnames == ["Shipping info"]
    rows = list(sheet["Shipping info"].iter_rows(values_only=True))
    assert list(rows[0]) == UPLOAD_COLUMNS
    exported = {r[0]: r[3] for r in rows[1:]}
    assert exported == {orders[0]: VALID_UPS, orders[2]: "1Z999AA10123456784"}
    assert all(isinstance(v, str) for r in rows[1:] for v in r if v is not None)
    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Shipping info").to_python()
    assert [r[0] for r in calamine[1:]] == [r[0] for r in rows[1:]]
    log = list(openpyxl.load_workbook(book)["ShipLog"].iter_rows(values_only=True))
    assert len(log) == 1 + len(exported)

    capsys.readouterr()
    out2 = tmp_path / "again.xlsx"
    assert main(["ship", "--book", str(book), "--out", str(out2)]) == 0
    assert not out2.exists()  # nothing new to upload: the same lines are never exported twice
    assert "already" in capsys.readouterr().out.lower()
