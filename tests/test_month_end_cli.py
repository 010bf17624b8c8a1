"""``tkops month-end --book``: the book's Settings sheet is read like every other book command's (its Max Sheet
Cells and Language count), the command line's options over it."""

from __future__ import annotations

import openpyxl
import pytest

from tkops.cli import main

CASE_HEADERS = ["Case ID", "Order ID", "SKU ID", "Seller SKU", "Reason", "Return Type", "Return Status",
                "Amount", "Currency", "Quantity", "Opened", "Closed"]


def _book(path, settings: dict) -> None:
    """A real book: Settings, 30 cases on AfterSales (31 rows x 12 columns = 372 cells), 3 order lines."""
    import datetime as dt

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Settings"
    sheet.append(["Setting", "Value"])
    for name, value in settings.items():
        sheet.append([name, value])
    orders = wb.create_sheet("Orders")
    orders.append(["Order ID", "SKU ID", "Seller SKU", "Quantity", "Order Amount", "Currency", "Order Status",
                   "Created Time", "Paid Time"])
    for n in range(3):
        orders.append([f"57700000000000{n:04d}", f"17290000000000000{n:02d}", f"TEE-{n}", 1, 20.0, "USD", "Completed",
                       dt.datetime(2026, 11, 2 + n, 9), dt.datetime(2026, 11, 2 + n, 10)])
    cases = wb.create_sheet("AfterSales")
    cases.append(CASE_HEADERS)
    for n in range(30):
        cases.append([f"4035000000000{n:05d}", f"57700000000000{n % 3:04d}", f"17290000000000000{n % 3:02d}",
                      f"TEE-{n % 3}", "Wrong size", "Return and refund", "Completed", 20.0, "USD", 1,
                      dt.datetime(2026, 11, 10, 9), dt.datetime(2026, 11, 12, 9)])
    wb.save(path)


def _run(tmp_path, *extra: str) -> int:
    return main(["month-end", "--month", "2026-11", "--book", str(tmp_path / "ops.xlsx"), "--out",
                 str(tmp_path / "out"), "--now", "2026-11-28 12:00", *extra])


def test_the_books_max_sheet_cells_is_the_limit_of_its_own_sheets(tmp_path, capsys):
    _book(tmp_path / "ops.xlsx", {"Market": "US", "Max Sheet Cells": 200})  # a full sheet opens at any setting
    assert _run(tmp_path) == 0
    reports = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert reports == [".html", ".xlsx"]
    causes = list(openpyxl.load_workbook(next((tmp_path / "out").glob("*.xlsx")))["Returns by cause"]
                  .iter_rows(values_only=True))
    assert any(30 in row for row in causes)

    # a stray value at the last cell of the sheet: named, nothing written
    wb = openpyxl.load_workbook(tmp_path / "ops.xlsx")
    wb["AfterSales"].cell(row=1048576, column=16384, value="x")
    wb.save(tmp_path / "ops.xlsx")
    code = _run(tmp_path, "--out", str(tmp_path / "again"))
    err = capsys.readouterr().err
    assert code != 0 and 'sheet "AfterSales"' in err and "XFD1048576" in err and "Traceback" not in err
    assert not (tmp_path / "again").exists()


@pytest.mark.parametrize("lang, said", [(None, "2026-11 月度报告"), ("en", "Month-end report of 2026-11")])
def test_the_books_language_unless_the_command_line_gives_one(tmp_path, capsys, lang, said):
    _book(tmp_path / "ops.xlsx", {"Market": "US", "Language": "zh"})
    assert _run(tmp_path, *(["--lang", lang] if lang else [])) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(said)


def test_a_book_given_but_missing_keeps_the_command_lines_settings(tmp_path, capsys):
    code = _run(tmp_path, "--market", "US")
    assert code != 0 and "ops.xlsx" in capsys.readouterr().err


def test_a_book_the_editor_refuses_is_still_read_with_the_command_lines_settings(tmp_path, capsys):
    from tests.book.minimal import HEADER_ROW, make_book, sheet

    make_book(tmp_path / "ops.xlsx", sheet(HEADER_ROW), extra={"_xmlsignatures/origin.sigs": b"",
                                                               "_xmlsignatures/sig1.xml": b"<Signature/>"})
    code = _run(tmp_path, "--market", "US")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith("Month-end report of 2026-11") and len(list((tmp_path / "out").iterdir())) == 2


@pytest.mark.parametrize("typed_ahead", [True, False], ids=["typed-in-the-background", "read-when-asked"])
def test_an_id_excel_rounded_on_aftersales_is_named_whichever_thread_typed_it(tmp_path, capsys, monkeypatch,
                                                                            typed_ahead):
    import tkops.jobs.month_end.inputs as inputs

    if not typed_ahead:  # a backend that reads when asked: the cases are typed in the step's own thread
        monkeypatch.setattr(inputs, "read_ahead", lambda *a: False)
    _book(tmp_path / "ops.xlsx", {"Market": "US"})
    wb = openpyxl.load_workbook(tmp_path / "ops.xlsx")
    wb["AfterSales"]["A7"] = "4.035E+17"  # what Excel shows of an 18-digit Case ID it rounded
    wb.save(tmp_path / "ops.xlsx")
    code = _run(tmp_path)
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert 'Sheet "AfterSales", row 7, column "Case ID"' in err and "4.035E+17" in err
    assert not (tmp_path / "out").exists()
