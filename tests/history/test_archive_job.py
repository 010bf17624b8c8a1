"""History end to end on real workbooks: closed orders leave Orders for the store beside the book, an old export
does not bring them back, after-sales steps and month-end still read them, find and export give them back, and a
book copied without its store is refused loudly."""

from __future__ import annotations

import hashlib
import shutil

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.cli import main
from tkops.history import HistoryStore
from tkops.jobs.archive import run_archive
from tkops.jobs.import_orders import import_files
from tkops.jobs.lines import KEY, WHERE, order_lines
from tkops.settings import Settings

from conftest import DATA, EXPORTS

US = EXPORTS / "us_2025.csv"
COMPLETED, CANCELLED = "577526174378294553", "580857765348134593"  # the closed orders of us_2025.csv
BR_CANCELLED = "583280584408762251"  # the cancelled order of br_money.csv
RETURNS_HEADER = ("Return Order ID,Order ID,Order Amount,Order Status,SKU ID,Seller SKU,Product Name,SKU Name,"
                  "Return unit price,Return Quantity,Return Reason,Return Type,Return Status,Return Sub Status,"
                  "Time Requested,Refund Time,Buyer Username,Buyer Note,Return Logistics Tracking ID")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path, sheet="Orders") -> list[dict]:
    wb = CalamineWorkbook.from_path(str(path))
    if sheet not in wb.sheet_names:
        return []
    grid = wb.get_sheet_by_name(sheet).to_python()
    return [dict(zip(grid[0], r)) for r in grid[1:] if any(v not in (None, "") for v in r)]


def set_cells(path, order_id: str, **values) -> None:
    """Type into the Orders sheet as a person would (openpyxl), on every line of ``order_id``."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    for name in values:
        if name not in header:
            header.append(name)
            ws.cell(1, len(header)).value = name
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header.index("Order ID") + 1).value == order_id:
            for name, value in values.items():
                ws.cell(r, header.index(name) + 1).value = value
    wb.save(path)


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(US), "--book", str(path), "--market", "US"]) == 0
    set_cells(path, COMPLETED, **{"Country": "Mexico", "Team Note": "VIP buyer", "Gift Wrap": "yes"})
    return path


def archived(path):
    assert main(["archive", "--book", str(path), "--before", "2027-01-01"]) == 0
    return path


def test_archive_moves_closed_orders_whole_with_the_team_columns(book, capsys):
    before = rows(book)
    assert main(["archive", "--book", str(book), "--before", "2027-01-01", "--dry-run"]) == 0
    assert "Would move 2 closed lines (2 orders" in capsys.readouterr().out
    assert not HistoryStore(book).folder.exists()
    archived(book)
    out = capsys.readouterr().out
    assert "2 closed lines (2 orders, closed before 2027-01-01 00:00, no open case) moved to history" in out
    assert "the Orders sheet keeps 12 lines" in out
    after = rows(book)
    assert [r["Order ID"] for r in after] == [r["Order ID"] for r in before if r["Order ID"] not in (COMPLETED,
                                                                                                     CANCELLED)]
    assert {r["Line Key"].split("|")[0] for r in rows(book, "tkops Base")} == {r["Order ID"] for r in after}
    mark = {r["Item"]: r["Value"] for r in rows(book, "tkops History")}
    assert mark["Lines"] == "2" and mark["Runs"] == "1" and mark["Store"] == "ops.tkops-history"
    assert openpyxl.load_workbook(book)["tkops History"].sheet_state == "hidden"
    stored = HistoryStore(book).read()
    assert sorted(stored["Order ID"]) == sorted([COMPLETED, CANCELLED])
    done = stored[stored["Order ID"] == COMPLETED].iloc[0]
    assert (done["Team Note"], done["Gift Wrap"], done["Country"]) == ("VIP buyer", "yes", "Mexico")
    assert done["Seller SKU"] == "BELT-BRN-34" and done["Delivered Time"] == pd.Timestamp("2026-11-22 23:29:17")
    capsys.readouterr()
    assert main(["archive", "--book", str(book), "--before", "2027-01-01"]) == 0
    assert "No line to move to history" in capsys.readouterr().out


def test_an_old_export_does_not_bring_archived_lines_back(book, capsys):
    archived(book)
    kept = sha(book)
    capsys.readouterr()
    assert main(["import", str(US), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "us_2025.csv: 2 lines (2 orders) are already in history and were not added to Orders again" in out
    assert sha(book) == kept  # nothing else changed: the book is not rewritten
    assert COMPLETED not in {r["Order ID"] for r in rows(book)}


def test_imports_archive_what_closed_keep_closed_days_before_the_books_own_today(tmp_path):
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(US), "--book", str(path), "--market", "US"]) == 0
    settings = Settings(market="US", keep_closed="3")
    # the book's newest order was created 2026-11-25 04:55 (the unpaid one): the completed order (delivered 11-22
    # 23:29) is within 3 days, the cancelled ones (US and the imported BR one, both 11-18) are not
    with FileBook(path, settings).session:
        report = import_files([DATA / "exports" / "br_money.csv"], FileBook(path, settings), settings)
    assert report.archived.lines == 2 and report.archived.cutoff.isoformat().startswith("2026-11-22T04:55")
    ids = {r["Order ID"] for r in rows(path)}
    assert COMPLETED in ids and CANCELLED not in ids and BR_CANCELLED not in ids
    assert sorted(HistoryStore(path).read()["Order ID"]) == sorted([CANCELLED, BR_CANCELLED])
    assert any("moved to history" in line for line in report.messages("en"))


def test_an_open_case_keeps_the_order_on_orders(book, tmp_path):
    returns = tmp_path / "returns.csv"
    returns.write_text(RETURNS_HEADER + "\n" + f"4035118812900000001,{COMPLETED},25.00,Completed,,BELT-BRN-34,Belt,,"
                       "25.00,1,Item doesn't fit,Return and refund,In Process,,11/23/2026 9:12:44 AM,,bob,,\n",
                       encoding="utf-8")
    assert main(["cases", "--book", str(book), "--returns", str(returns), "--now", "2026-11-24T10:00"]) == 0
    archived(book)
    assert COMPLETED in {r["Order ID"] for r in rows(book)} and CANCELLED not in {r["Order ID"] for r in rows(book)}


def test_a_return_for_an_archived_order_still_finds_its_country_and_language(book, tmp_path):
    archived(book)
    returns = tmp_path / "returns.csv"
    returns.write_text(RETURNS_HEADER + "\n" + f"4035118812900000001,{COMPLETED},25.00,Completed,,BELT-BRN-34,Belt,,"
                       "25.00,1,Item doesn't fit,Return and refund,In Process,,11/30/2026 9:12:44 AM,,bob,,\n",
                       encoding="utf-8")
    assert main(["cases", "--book", str(book), "--returns", str(returns), "--now", "2026-12-01T10:00"]) == 0
    case = next(r for r in rows(book, "AfterSales") if r["Order ID"] == COMPLETED)
    assert (case["Country"], case["Buyer Language"]) == ("Mexico", "es")  # from the archived order


def test_after_sales_readers_see_each_line_once(book):
    archived(book)
    lines = order_lines(FileBook(book))
    assert len(lines) == 14 and lines[KEY].is_unique
    assert lines.loc[lines["order_id"] == COMPLETED, WHERE].tolist() == ["history"]
    assert str(lines["quantity"].dtype) == "Int64" and lines["seller_sku"].notna().all()
    few = order_lines(FileBook(book), ["order_id", "quantity"], archived=[COMPLETED], team=["Team Note"])
    assert len(few) == 13 and list(few.columns) == ["order_id", "quantity", "Team Note", KEY, WHERE]
    assert few.loc[few["order_id"] == COMPLETED, "Team Note"].tolist() == ["VIP buyer"]
    assert len(order_lines(FileBook(book), archived=())) == 12


def test_a_crash_between_history_and_the_save_loses_nothing_and_counts_nothing_twice(book, monkeypatch):
    kept = sha(book)

    def crash(self):
        raise OSError("power cut")

    monkeypatch.setattr(FileBook, "save", crash)
    with pytest.raises(OSError):
        run_archive(FileBook(book), Settings(), "2027-01-01")
    monkeypatch.undo()
    assert sha(book) == kept and len(HistoryStore(book).parts()) == 1  # the part is there, the book as it was
    lines = order_lines(FileBook(book))
    assert len(lines) == 14 and lines[KEY].is_unique and set(lines[WHERE]) == {"orders"}
    archived(book)  # the next run stores the lines again, under a newer run
    store = HistoryStore(book)
    assert len(store.parts()) == 2 and store.rows() == 4 and len(store.read()) == 2
    lines = order_lines(FileBook(book))
    assert len(lines) == 14 and lines[KEY].is_unique


def test_a_book_copied_without_its_store_is_refused_naming_the_folder(book, tmp_path, capsys):
    archived(book)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(book, copy / "ops.xlsx")
    capsys.readouterr()
    for command in (["month-end", "--month", "2026-11", "--book", str(copy / "ops.xlsx"), "--out", str(tmp_path / "m")],
                    ["archive", "--book", str(copy / "ops.xlsx")],
                    ["import", str(US), "--book", str(copy / "ops.xlsx")]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert 'ops.xlsx has 2 order lines in history, kept in the folder "ops.tkops-history"' in err
        assert "Traceback" not in err
    assert main(["history", "find", COMPLETED, "--book", str(copy / "ops.xlsx"), "--lang", "zh"]) == 1
    assert "文件夹“ops.tkops-history”" in capsys.readouterr().err
    shutil.copytree(HistoryStore(book).folder, copy / "ops.tkops-history")
    assert main(["history", "find", COMPLETED, "--book", str(copy / "ops.xlsx")]) == 0


def test_find_writes_the_order_to_the_history_sheet(book, capsys):
    archived(book)
    capsys.readouterr()
    assert main(["history", "find", COMPLETED, "--book", str(book)]) == 0
    assert f"Order {COMPLETED}: 1 lines from history written to the \"History\" sheet" in capsys.readouterr().out
    found = rows(book, "History")
    assert len(found) == 1 and found[0]["Order ID"] == COMPLETED and found[0]["Team Note"] == "VIP buyer"
    assert found[0]["tkops Run"] and found[0]["tkops Archived At"]
    assert COMPLETED not in {r["Order ID"] for r in rows(book)}  # it stays in history
    assert main(["history", "find", "582896407263232699", "--book", str(book)]) == 0
    assert "still on the Orders sheet (1 lines)" in capsys.readouterr().out
    assert main(["history", "find", "111", "--book", str(book)]) == 2
    assert main(["history", "find", "--book", str(book)]) == 1


def test_export_writes_the_months_lines_from_history_and_orders(book, tmp_path, capsys):
    archived(book)
    out = tmp_path / "nov.xlsx"
    capsys.readouterr()
    assert main(["history", "export", "--month", "2026-11", "--book", str(book), "--out", str(out)]) == 0
    assert "14 lines of 2026-11 (2 from history, 12 from Orders)" in capsys.readouterr().out
    wb = CalamineWorkbook.from_path(str(out))
    grid = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
    assert len(grid) == 15 and sorted(r[0] for r in grid[1:])[0] == "576639411199954984"
    assert main(["history", "export", "--month", "2025-01", "--book", str(book), "--out", str(out)]) == 0
    assert "No order line of 2025-01" in capsys.readouterr().out
    assert main(["history", "export", "--month", "2026-13", "--book", str(book)]) == 1


def test_month_end_from_the_book_alone_counts_archived_orders(book, tmp_path):
    from tkops.jobs.month_end import run_month_end

    before = run_month_end("2026-11", [], [], tmp_path / "a", Settings(market="US"), book=book)
    archived(book)
    after = run_month_end("2026-11", [], [], tmp_path / "b", Settings(market="US"), book=book)
    assert after.figures["orders"] == before.figures["orders"] == 9  # 10 orders, the unpaid one left out
    assert after.figures["lines"] == before.figures["lines"] and after.figures["cancelled"] == 1
