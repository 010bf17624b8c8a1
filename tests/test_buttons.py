"""The buttons a team's day needs, on a fake Excel: Stock, Evidence (for the case on the selected row), Month-end;
and buttons whose set-up is missing say what to set up instead of failing. ``tkops evidence`` reads tkops.xlsm."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path


from tkops import xl
from tkops.cli import main
from tkops.jobs.demo import sample_path
from tkops.settings import Settings, sheet_rows

from conftest import EXPORTS
from test_live_backend import as_records, new_live_book

ROOT = Path(__file__).resolve().parents[1]
RETURNS = sample_path("us_returns_2026-11.csv")


def status(book) -> str:
    return book.sheet("Home").value_at(2, 1)


def live_with(tmp_path, **settings):
    return new_live_book(tmp_path, extra={"Settings": sheet_rows(Settings(market="US", **settings))})


def test_stock_button_reads_the_stock_folder(tmp_path):
    folder = tmp_path / "stock"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "stock" / "mabang_stock.csv", folder)
    book = live_with(tmp_path, stock_folder=str(folder))
    xl.stock(book)
    assert book.app.alerts == []
    rows = {r["Seller SKU"]: r for r in as_records(book.sheet("Inventory").rows())}
    assert rows["TEE-BLK-M"]["On Hand"] == 65 and rows["MUG-CER-WHT"]["Barcode"] == "4006381333931"
    assert status(book).startswith("mabang_stock.csv: Mabang")


def test_buttons_say_what_to_set_up(tmp_path):
    book = live_with(tmp_path)
    xl.stock(book)
    assert "Stock Folder on the Settings sheet" in book.app.alerts[-1][1]
    xl.pull(book)
    assert "use Import orders with the Seller Center exports" in book.app.alerts[-1][1]
    xl.upload_tracking(book)
    assert "click Ship and upload the file" in book.app.alerts[-1][1]
    xl.push_stock(book)
    assert "change the stock in Seller Center (Products > Manage products)" in book.app.alerts[-1][1]
    assert book.app.alerts[-1][1].startswith("sending stock to TikTok Shop: this button needs your own TikTok Shop")
    xl.month_end(book)
    assert "Month-end Folder on the Settings sheet" in book.app.alerts[-1][1]
    xl.evidence(book)
    assert "go to the AfterSales sheet, click any cell in the row of the case" in book.app.alerts[-1][1]
    assert all("Traceback" not in text and "Error" not in title for title, text in book.app.alerts)


def test_buttons_speak_chinese_when_the_team_does(tmp_path):
    book = new_live_book(tmp_path, extra={"Settings": sheet_rows(Settings(market="US", language="zh"))})
    xl.pull(book)
    assert "大多数团队没有" in book.app.alerts[-1][1]


def _with_cases(tmp_path, **settings):
    inbox, returns = tmp_path / "inbox", tmp_path / "returns"
    inbox.mkdir(exist_ok=True)
    returns.mkdir(exist_ok=True)
    shutil.copy(sample_path("us_shop_2026-11-25.csv"), inbox / "orders.csv")
    shutil.copy(RETURNS, returns / "returns.csv")
    book = live_with(tmp_path, import_folder=str(inbox), returns_folder=str(returns), **settings)
    xl.import_orders(book)
    xl.cases(book)
    return book


def test_evidence_button_packs_the_case_on_the_selected_row(tmp_path):
    evidence = tmp_path / "Evidence" / "4035118812903456799 wrong colour"
    evidence.mkdir(parents=True)
    (evidence / "packing-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo")
    book = _with_cases(tmp_path, output_folder=str(tmp_path / "out"))
    rows = book.sheet("AfterSales").rows()
    row = next(i for i, r in enumerate(rows, start=1) if r[rows[0].index("Case ID")] == "4035118812903456799")
    book.select("AfterSales", f"C{row}")
    xl.evidence(book)
    assert book.app.alerts == [], book.app.alerts
    assert status(book).startswith("Evidence pack for case 4035118812903456799")
    (pack,) = (tmp_path / "out").glob("Evidence 4035118812903456799*.zip")
    assert any(n.endswith("packing-photo.jpg") for n in zipfile.ZipFile(pack).namelist())
    book.select("AfterSales", "A1")  # the header row is no case
    xl.evidence(book)
    assert "click any cell in the row of the case" in book.app.alerts[-1][1]


def test_month_end_button_reports_last_month_from_the_folder(tmp_path):
    folder = tmp_path / "month"
    folder.mkdir()
    shutil.copy(sample_path("us_shop_2026-11-25.csv"), folder / "orders.csv")
    shutil.copy(RETURNS, folder / "returns.csv")
    book = live_with(tmp_path, month_end_folder=str(folder), report_month="2026-11",
                     output_folder=str(tmp_path / "out"))
    shutil.copy(_saved_book(tmp_path), tmp_path / "tkops.xlsm")  # the open workbook's saved file, read for its sheets
    xl.month_end(book)
    assert book.app.alerts == [], book.app.alerts
    assert status(book).startswith("Month-end report of 2026-11")
    assert list((tmp_path / "out").glob("month-end 2026-11*.xlsx")) and list((tmp_path / "out").glob("*.html"))


def _saved_book(tmp_path) -> Path:
    """A saved tkops workbook (what the month-end reads from disk for the team's sheets)."""
    book = tmp_path / "saved.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book)]) == 0
    return book


def test_evidence_command_reads_a_macro_workbook(tmp_path, capsys):
    """tkops evidence only reads the book: tkops.xlsm (macros, buttons) is read as it is and never saved."""
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(sample_path("us_shop_2026-11-25.csv")), "--book", str(book)]) == 0
    assert main(["cases", "--book", str(book), "--returns", str(RETURNS)]) == 0
    xlsm = tmp_path / "tkops.xlsm"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really VBA")  # what makes a workbook a macro one
    before = xlsm.read_bytes()
    folder = tmp_path / "Evidence" / "4035118812903456799"
    folder.mkdir(parents=True)
    (folder / "label.pdf").write_bytes(b"%PDF-1.4 label")
    assert main(["evidence", "4035118812903456799", "--book", str(xlsm), "--out", str(tmp_path / "out")]) == 0
    assert "Evidence pack for case 4035118812903456799" in capsys.readouterr().out
    assert xlsm.read_bytes() == before  # nothing was written
    assert not list(tmp_path.glob("tkops-backups/tkops*"))  # nor backed up: there was no save


def test_the_deadlines_button_counts_on_home_as_the_job_does(tmp_path):
    from tkops.book.live import LiveBook
    from tkops.book.live_ui import CLOCKS_NAME
    from tkops.jobs.clocks import run_clocks

    book = new_live_book(tmp_path)
    shutil.copy(EXPORTS / "us_2025.csv", tmp_path / "inbox")
    xl.import_orders(book)
    book.add_name(CLOCKS_NAME, "Home", "A5")
    xl.clocks(book)
    assert book.app.alerts == []
    cell = book.sheet("Home").value_at(5, 1)
    # the same job again on the same book gives the same counts (the deadlines are long past: nothing moves)
    report = run_clocks(LiveBook(book), Settings.from_sheet_rows(book.sheet("Settings").rows()))
    assert cell == report.home_text("en") and "late" in cell
    assert status(book) == report.lines("en")[0]
    assert "Dispatch Deadline" in book.sheet("Orders").rows()[0]
