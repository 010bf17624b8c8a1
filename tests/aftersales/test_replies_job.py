"""tkops replies and tkops followup on a real workbook: drafts where the team has none, never over their edits."""

from __future__ import annotations

import openpyxl

from tkops.cli import main
from tkops.jobs.demo import sample_path

from aftersales.cases_book import NOW, RETURNS, records  # noqa: F401 (the book fixture: tests/aftersales/conftest.py)


def test_open_cases_get_a_reply_in_the_buyers_language(book):
    assert main(["replies", "--book", str(book)]) == 0
    cases = records(book)
    open_cases = [c for c in cases if c["Due State"] in ("late", "due soon", "ok")]
    assert open_cases and all(c["Reply Text"] and c["Reply Says"] and c["Reply Language"] == "en"
                              for c in open_cases)
    assert all(c["Order ID"] in c["Reply Text"] for c in open_cases)
    done = [c for c in cases if c["Due State"] == "closed" or c["Return Type"] == "Cancel"]
    assert done and all(c["Reply Text"] is None for c in done)


def test_an_edited_reply_is_kept_and_a_cleared_one_redrafted(book):
    assert main(["replies", "--book", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["AfterSales"]
    h = {c.value: c.column for c in ws[1]}
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Reply Text"]).value]
    edited, cleared = rows[0], rows[1]
    first_draft = ws.cell(cleared, h["Reply Text"]).value
    ws.cell(edited, h["Reply Text"]).value = "Hi! We called you, all sorted."
    ws.cell(cleared, h["Reply Text"]).value = None
    wb.save(book)
    assert main(["replies", "--book", str(book)]) == 0
    ws = openpyxl.load_workbook(book)["AfterSales"]
    assert ws.cell(edited, h["Reply Text"]).value == "Hi! We called you, all sorted."
    assert ws.cell(cleared, h["Reply Text"]).value == first_draft


def test_low_reviews_get_a_public_reply_without_personal_data(book, capsys):
    wb = openpyxl.load_workbook(book)
    ws = wb["Reviews"]
    reviews = [["578916504011597813", 1, "La sudadera llegó rota y sucia", "maria.g", "Mexico", None],
               ["578448877460098302", 5, "Love it", "tom", "United States", None],
               ["582053846153249689", "2/5", "=HYPERLINK(\"http://x\") never arrived", "sam", None, None]]
    for r, row in enumerate(reviews, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    ws.tables["Reviews"].ref = f"A1:N{len(reviews) + 1}"
    wb.save(book)
    assert main(["replies", "--book", str(book)]) == 0
    assert "2 reviews" in capsys.readouterr().out
    rows = records(book, "Reviews")
    broken, happy, hostile = rows
    assert broken["Case Type"] == "damaged" and broken["Reply Language"] == "es"
    assert broken["Public Reply"] and broken["Private Message"]
    assert "578916504011597813" not in broken["Public Reply"] and "maria" not in broken["Public Reply"].lower()
    assert happy["Public Reply"] is None
    assert hostile["Case Type"] == "not_received" and hostile["Review Text"].startswith("=HYPERLINK")
    cell = openpyxl.load_workbook(book)["Reviews"]["C4"]
    assert cell.data_type == "s"  # the buyer's text stayed text


def test_followup_lists_shipped_orders_not_delivered_in_time(tmp_path):
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(sample_path("us_shop_2026-11-25.csv")), "--book", str(path), "--market", "US"]) == 0
    assert main(["followup", "--book", str(path), "--now", "2026-11-28T12:00"]) == 0
    assert records(path, "FollowUp") == []  # three days in transit: nothing to chase yet
    assert main(["followup", "--book", str(path), "--now", "2026-12-09T12:00"]) == 0
    rows = records(path, "FollowUp")
    orders = {r["Order ID"] for r in rows}
    assert orders == {"583524355851661062", "578420974312293887"}  # the sample's shipped, undelivered orders
    assert all(r["Days in Transit"] >= 10 and r["Message"] and r["Team Line"] for r in rows)
    days = records(path, "FollowUpDays")
    assert {"Market": "US", "Days": 10} .items() <= next(d for d in days if d["Market"] == "US").items()
