"""tkops review on real workbooks: Orders coloured and statused, the Review sheet against a golden file, re-runs,
people's choices kept, and the same through the Review button on a fake Excel."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from tkops import xl
from tkops.book.layout import REVIEW
from tkops.cli import main
from tkops.jobs.demo import sample_path

from conftest import DATA
from test_live_backend import imported_live_book, new_live_book

DAY = sample_path("us_shop_2026-11-25.csv")
NOW = "2026-11-25T11:30:00"
GOLDEN = DATA / "review" / "us_shop_2026-11-25.review.csv"
GOLDEN_COLUMNS = ["Order ID", "SKU ID", "Column", "Code", "Severity"]


@pytest.fixture
def reviewed(tmp_path) -> Path:
    book = tmp_path / "ops.xlsx"
    inventory = list(csv.reader(sample_path("inventory.csv").open(encoding="utf-8")))
    bundles = list(csv.reader(sample_path("bundles.csv").open(encoding="utf-8")))
    assert main(["import", str(DAY), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    for name, rows in (("Inventory", inventory), ("Bundles", bundles)):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        for r, row in enumerate(rows[1:], start=2):
            record = dict(zip(rows[0], row))
            for c, h in enumerate(header, start=1):
                value = record.get(h)
                ws.cell(r, c).value = int(value) if h in ("On Hand", "Quantity") else value
    wb.save(book)
    assert main(["review", "--book", str(book), "--now", NOW]) == 0
    return book


def sheet_records(book, name):
    rows = list(openpyxl.load_workbook(book)[name].iter_rows(values_only=True))
    header = [h for h in rows[0] if h]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r[:len(header)])]


def cell_colour(ws, row: int, header: str):
    """The colour a person sees on a cell: the sheet's conditional-format rules applied to the flags column."""
    headers = [c.value for c in ws[1]]
    flags = ws.cell(row, headers.index("tkops Flags") + 1).value or ""
    for cf in ws.conditional_formatting:
        for rule in sorted(cf.rules, key=lambda r: r.priority):
            letter = rule.formula[0].split('"|')[1].split(":")[0]
            if f"|{letter}:{header}|" in flags:
                fill = rule.dxf.fill  # a solid fill in a conditional format carries its colour as bgColor
                colour = fill.bgColor.rgb if fill.bgColor is not None and fill.bgColor.rgb != "00000000" \
                    else fill.fgColor.rgb
                return colour[-6:].upper()
    return None


def test_review_sheet_matches_the_golden_file(reviewed):
    got = [[r[c] or "" for c in GOLDEN_COLUMNS] for r in sheet_records(reviewed, "Review")]
    if not GOLDEN.exists():  # first run on a new sample day writes the golden file to review by hand
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        with GOLDEN.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([GOLDEN_COLUMNS] + got)
        pytest.fail(f"wrote {GOLDEN}: check it and run again")
    expected = list(csv.reader(GOLDEN.open(encoding="utf-8")))[1:]
    assert got == expected


def test_orders_sheet_is_coloured_and_statused(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    records = sheet_records(reviewed, "Orders")
    review = sheet_records(reviewed, "Review")
    placeholder = next(r for r in review if r["Code"] == "address.placeholder")
    row = next(i for i, r in enumerate(records, start=2) if r["Order ID"] == placeholder["Order ID"])
    assert cell_colour(ws, row, "Address Line 1") == "FFC7CE"
    assert cell_colour(ws, row, "Recipient") is None
    assert records[row - 2]["Review Status"] == "Hold"
    assert "address.placeholder" in records[row - 2]["Issue Codes"]  # the code, for filters
    assert "Placeholder address" in records[row - 2]["Issues"]  # what a person reads
    po_box = next(r for r in review if r["Code"] == "address.po_box")
    row = next(i for i, r in enumerate(records, start=2) if r["Order ID"] == po_box["Order ID"])
    assert cell_colour(ws, row, po_box["Column"]) == "FFEB9C"
    troubled = {r["Order ID"] for r in records if r["Issues"]}
    clean = [r for r in records if r["Order ID"] not in troubled and r["Order Status"] == "Awaiting Shipment"]
    assert clean and all(r["Review Status"] == "Ready" for r in clean)
    errors = {r["Order ID"] for r in review if r["Severity"] == "error"}
    assert all(r["Review Status"] == "Hold" for r in records if r["Order ID"] in errors)
    shipped = [r for r in records if r["Order Status"] in ("Shipped", "Delivered", "Completed")]
    assert all(r["Review Status"] is None for r in shipped)
    assert ws.column_dimensions[ws.cell(1, headers.index("tkops Flags") + 1).column_letter].hidden


def test_summary_and_legend_beside_the_review_table(reviewed):
    ws = openpyxl.load_workbook(reviewed)["Review"]
    at = len(REVIEW.columns) + 2
    column = [ws.cell(r, at).value for r in range(1, 60)]
    assert column[0] == "Review summary"
    assert any(v and v.startswith("Review:") and "on hold" in v for v in column)
    assert any(v and v.startswith("short: ") for v in column)
    legend = {ws.cell(r, at).value: ws.cell(r, at).fill.fgColor.rgb[-6:] for r in range(1, 60)
              if ws.cell(r, at).fill.fill_type}
    loud = {k: v for k, v in legend.items() if k.startswith("!!")}  # stock that could not be checked, in red
    assert loud and set(loud.values()) == {"FFC7CE"}
    assert {k: v for k, v in legend.items() if not k.startswith("!!")} == {
        "error: fix before shipping": "FFC7CE", "warning: check": "FFEB9C", "info": "DDEBF7"}


def values(book):
    wb = openpyxl.load_workbook(book)
    return {name: [list(r) for r in wb[name].iter_rows(values_only=True)] for name in ("Orders", "Review")}


def test_a_second_review_changes_nothing(reviewed):
    before = values(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    assert values(reviewed) == before


def test_fixed_problems_lose_colour_and_row(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    at = headers.index("Address Line 1") + 1
    fixed = [r for r in range(2, ws.max_row + 1) if ws.cell(r, at).value == "N/A"]
    assert fixed
    for r in fixed:
        ws.cell(r, at).value = "1200 Market St"
    order_ids = {ws.cell(r, 1).value for r in fixed}
    rows_before = len(sheet_records(reviewed, "Review"))
    wb.save(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Orders"]
    assert all(cell_colour(ws, r, "Address Line 1") is None for r in fixed)
    review = sheet_records(reviewed, "Review")
    assert not [r for r in review if r["Order ID"] in order_ids and r["Code"] == "address.placeholder"]
    assert len(review) < rows_before
    table = wb["Review"].tables["Review"]
    assert table.ref.endswith(str(len(review) + 1))
    assert wb["Review"].cell(len(review) + 2, 1).value is None  # no stale row left below the table


def test_a_status_a_person_set_is_kept(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    status = headers.index("Review Status") + 1
    held = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, status).value == "Hold")
    ws.cell(held, status).value = "Ready"  # the team checked with the buyer and released it
    wb.save(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    assert openpyxl.load_workbook(reviewed)["Orders"].cell(held, status).value == "Ready"


def test_the_team_can_change_the_buyers_language(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Review"]
    headers = [c.value for c in ws[1]]
    lang, message = headers.index("Buyer Language") + 1, headers.index("Message to Buyer") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, message).value)
    order = ws.cell(row, 1).value
    ws.cell(row, lang).value = "es"
    wb.save(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    again = [r for r in sheet_records(reviewed, "Review") if r["Order ID"] == order and r["Message to Buyer"]]
    assert again and all(r["Buyer Language"] == "es" for r in again)
    assert all("Hola" in r["Message to Buyer"] or "hola" in r["Message to Buyer"] for r in again)


def test_a_rule_switched_off_on_the_rules_sheet(reviewed):
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Rules"]
    headers = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == "address.placeholder" and not ws.cell(r, headers.index("Setting") + 1).value:
            ws.cell(r, headers.index("Enabled") + 1).value = "No"
    wb.save(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    assert not [r for r in sheet_records(reviewed, "Review") if r["Code"] == "address.placeholder"]


def test_explanations_in_chinese(reviewed, capsys):
    assert main(["review", "--book", str(reviewed), "--now", NOW, "--lang", "zh"]) == 0
    assert "审核" in capsys.readouterr().out
    texts = " ".join(r["Explanation"] for r in sheet_records(reviewed, "Review"))
    assert "地址" in texts or "买家" in texts


def test_review_before_import_is_a_clear_error(tmp_path, capsys):
    assert main(["review", "--book", str(tmp_path / "none.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "none.xlsx: no such workbook" in err and "create the workbook first with tkops import" in err
    assert not (tmp_path / "none.xlsx").exists()


def test_review_button_matches_the_command(reviewed, tmp_path, monkeypatch):
    live_folder = tmp_path / "live"
    live_folder.mkdir()
    book = new_live_book(live_folder)
    shutil.copy(DAY, live_folder / "inbox")
    inventory = sheet_records(reviewed, "Inventory")
    bundles = sheet_records(reviewed, "Bundles")
    sheet = book.sheet("Inventory")
    for r, rec in enumerate(inventory, start=2):
        for c, h in enumerate(sheet.rows()[0], start=1):
            sheet._put((r, c), rec.get(h))
    sheet = book.sheet("Bundles")
    for r, rec in enumerate(bundles, start=2):
        for c, h in enumerate(sheet.rows()[0], start=1):
            sheet._put((r, c), rec.get(h))
    monkeypatch.setattr("tkops.settings.Settings.shop_now", lambda self: dt.datetime.fromisoformat(NOW))
    xl.import_orders(book)
    xl.review(book)
    assert book.app.alerts == []
    live_rows = book.sheet("Review").rows()
    header = live_rows[0]
    live = [[r[header.index(c)] or "" for c in GOLDEN_COLUMNS] for r in live_rows[1:] if r[0]]
    batch = [[r[c] or "" for c in GOLDEN_COLUMNS] for r in sheet_records(reviewed, "Review")]
    assert live == batch
    assert "Review:" in book.sheet("Home").value_at(2, 1)


def test_button_calls_do_not_grow_with_the_data(tmp_path, monkeypatch):
    monkeypatch.setattr("tkops.settings.Settings.shop_now", lambda self: dt.datetime.fromisoformat(NOW))
    counts = []
    for lines in (10, 10_000):
        book = imported_live_book(tmp_path / str(lines), lines)
        before = book.calls
        xl.review(book)
        assert book.app.alerts == []
        assert len(book.sheet("Review").rows()) > 1
        counts.append((before, book.calls - before))
    assert counts[0] == counts[1]


def test_a_bad_now_is_a_configuration_error(reviewed, capsys):
    assert main(["review", "--book", str(reviewed), "--now", "yesterday"]) == 1
    assert "--now" in capsys.readouterr().err


def test_reviewed_at_is_the_time_the_review_released_a_line(reviewed):
    """The print-and-pick clock starts when the review releases a line: Reviewed At is set once, for Ready lines."""
    records = sheet_records(reviewed, "Orders")
    ready = [r for r in records if r["Review Status"] == "Ready"]
    assert ready and all(r["Reviewed At"] == dt.datetime.fromisoformat(NOW) for r in ready)
    assert all(r["Reviewed At"] is None for r in records if r["Review Status"] != "Ready")
    assert main(["review", "--book", str(reviewed), "--now", "2026-11-25T15:00"]) == 0
    again = {(r["Order ID"], r["SKU ID"]): r["Reviewed At"] for r in sheet_records(reviewed, "Orders")}
    assert all(again[(r["Order ID"], r["SKU ID"])] == dt.datetime.fromisoformat(NOW) for r in ready)


def test_the_review_keeps_the_clock_colours(reviewed):
    """Both steps colour cells through the one flags column: a review rewrites its own marks only."""
    wb = openpyxl.load_workbook(reviewed)
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    flags = headers.index("tkops Flags") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, flags).value)
    review_marks = ws.cell(row, flags).value
    ws.cell(row, flags).value = "|L:Dispatch Deadline" + review_marks
    wb.save(reviewed)
    assert main(["review", "--book", str(reviewed), "--now", NOW]) == 0
    ws = openpyxl.load_workbook(reviewed)["Orders"]
    assert ws.cell(row, flags).value == review_marks + "L:Dispatch Deadline|"
    assert cell_colour(ws, row, "Dispatch Deadline") == "FFC7CE"
