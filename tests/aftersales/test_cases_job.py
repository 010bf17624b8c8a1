"""tkops cases on a real workbook: returns exports and cancelled orders into the AfterSales sheet, classified, with
the SOP's suggestion and the platform's deadline; the team's columns and rows survive every run."""

from __future__ import annotations

import shutil

import openpyxl
from python_calamine import CalamineWorkbook

from tkops.cli import main
from tkops.jobs.demo import sample_path

from aftersales.cases_book import NOW, RETURNS, records  # noqa: F401 (the book fixture: tests/aftersales/conftest.py)


def test_returns_and_cancellations_become_classified_cases(book, capsys):
    cases = records(book)
    returns = [c for c in cases if c["Source"] != "Cancelled order"]
    assert len(returns) == 8  # the file's rows (one row per returned SKU line)
    by_id = {(c["Case ID"], c["Seller SKU"]): c for c in returns}
    wrong = [c for c in returns if c["Case Type"] == "wrong_item"]
    assert wrong and all(c["Cause"] == "fulfilment_error" and c["Seller Fault"] == "Yes" for c in wrong)
    assert all(c["Suggested Resolution"] in ("reship", "partial_refund") for c in wrong)
    assert all(c["Case Type"] and c["Cause"] and c["Why"] for c in returns)
    assert len(by_id) == 8
    cancelled = [c for c in cases if c["Source"] == "Cancelled order"]
    assert cancelled and all(c["Case ID"] == "C-" + c["Order ID"] for c in cancelled)
    assert all(c["Suggested Resolution"] is None and c["Due"] is None for c in cancelled)
    # A second reader agrees on the IDs: text, not numbers.
    grid = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("AfterSales").to_python()
    assert {r[0] for r in grid[1:]} == {c["Case ID"] for c in cases}


def test_open_cases_near_the_deadline_are_coloured(book):
    cases = records(book)
    open_cases = [c for c in cases if c["Due State"] in ("late", "due soon", "ok")]
    assert open_cases
    for c in open_cases:
        letter = {"late": "L", "due soon": "S", "ok": "K"}[c["Due State"]]
        assert f"|{letter}:Due|" in (c["tkops Flags"] or "") or c["Due State"] == "ok"
    ws = openpyxl.load_workbook(book)["AfterSales"]
    rules = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules]
    assert any("tkops_case_flags" in f for f in rules)


def test_team_columns_and_typed_rows_survive_a_rerun(book):
    wb = openpyxl.load_workbook(book)
    ws = wb["AfterSales"]
    h = {c.value: c.column for c in ws[1]}
    ws.cell(2, h["Resolution Taken"]).value = "Reshipped, tracking 1Z..."
    ws.cell(2, h["Status"]).value = "Done"
    ws.cell(2, h["Team Note"]).value = "=buyer called twice"
    ws.cell(2, h["Team Note"]).data_type = "s"
    row = ws.max_row + 1
    ws.cell(row, h["Case ID"]).value = "T-1"
    ws.cell(row, h["Order ID"]).value = "578916504011597813"
    ws.cell(row, h["Buyer Note"]).value = "the hoodie runs small, way too tight"
    wb.save(book)
    assert main(["cases", "--book", str(book), "--returns", str(RETURNS), "--now", NOW]) == 0
    cases = records(book)
    first = cases[0]
    assert first["Resolution Taken"] == "Reshipped, tracking 1Z..." and first["Status"] == "Done"
    assert first["Team Note"] == "=buyer called twice"
    typed = next(c for c in cases if c["Case ID"] == "T-1")
    assert typed["Source"] == "Team" and typed["Case Type"] == "size_fit" and typed["Suggested Resolution"]
    assert len([c for c in cases if c["Case ID"] != "T-1"]) == len(cases) - 1


def test_a_second_run_changes_nothing(book):
    before = records(book)
    assert main(["cases", "--book", str(book), "--returns", str(RETURNS), "--now", NOW]) == 0
    assert records(book) == before


def test_the_decision_table_is_the_teams(book):
    """The Resolutions sheet is written with the SOP's defaults; a team's row changes the suggestion."""
    wb = openpyxl.load_workbook(book)
    ws = wb["Resolutions"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Case Type", "Condition", "Suggest", "Alternative") and len(rows) > 10
    ws.insert_rows(2)
    for c, v in enumerate(["wrong_item", "any", "refund", "", "We refund wrong items at once", ""], start=1):
        ws.cell(2, c).value = v
    table = ws.tables["Resolutions"]
    table.ref = f"A1:F{ws.max_row}"
    wb.save(book)
    assert main(["cases", "--book", str(book), "--returns", str(RETURNS), "--now", NOW]) == 0
    wrong = [c for c in records(book) if c["Case Type"] == "wrong_item"]
    assert wrong and all(c["Suggested Resolution"] == "refund" for c in wrong)


def test_a_bad_returns_file_changes_nothing(book, tmp_path, capsys):
    bad = tmp_path / "orders-not-returns.csv"
    shutil.copy(sample_path("us_shop_2026-11-25.csv"), bad)
    before = book.read_bytes()
    assert main(["cases", "--book", str(book), "--returns", str(bad)]) == 2
    assert "orders-not-returns.csv" in capsys.readouterr().err
    assert book.read_bytes() == before


def test_cases_button_matches_the_command(tmp_path):
    """The Cases button reads the Returns Folder and writes the same case rows as the command."""
    from tkops import xl
    from tkops.settings import Settings, sheet_rows
    from test_live_backend import new_live_book

    inbox, returns = tmp_path / "inbox", tmp_path / "returns"
    inbox.mkdir()
    returns.mkdir()
    shutil.copy(sample_path("us_shop_2026-11-25.csv"), inbox / "orders.csv")
    shutil.copy(RETURNS, returns / "returns.csv")
    settings = Settings(market="US", import_folder=str(inbox), returns_folder=str(returns))
    live = new_live_book(tmp_path, extra={"Settings": sheet_rows(settings)})
    xl.import_orders(live)
    xl.cases(live)
    rows = live.sheets["AfterSales"].rows()
    header = rows[0]
    got = {(r[header.index("Case ID")], r[header.index("Case Type")]) for r in rows[1:]}
    file_book = tmp_path / "ops.xlsx"
    assert main(["import", str(inbox / "orders.csv"), "--book", str(file_book), "--market", "US"]) == 0
    assert main(["cases", "--book", str(file_book), "--returns", str(RETURNS)]) == 0
    assert got == {(c["Case ID"], c["Case Type"]) for c in records(file_book)}
