"""Re-importing exports into a book the team has typed into: nothing typed is lost, cells both sides changed land on
the Conflicts sheet with both values, and a later --market never rewrites a line's Currency. On the demo book,
with the demo's own samples, through the command line (real files in, the workbook read back)."""

from __future__ import annotations

import csv
import hashlib
import io

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tkops.book.layout import BASE, CONFLICTS
from tkops.cli import main
from tkops.jobs.demo import sample_path

US = sample_path("us_shop_2026-11-25.csv")
SEA = sample_path("sea_shop_2026-11-25.xlsx")
#: Platform columns the team fills or fixes by hand, and what it types there.
TYPED = {"Recipient": "{} (per buyer chat)", "Phone #": "+1 415 555 01{:02d}", "Address Line 1": "{} Apt 4",
         "Address Line 2": "Unit {}", "City": "{} City", "State": "{} State", "Zipcode": "9{:04d}",
         "Seller Note": "fragile {}", "Delivery Instruction": "leave at door {}",
         "Shipping Provider Name": "UPS {}"}


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sheet_rows(book, name="Orders") -> tuple[list, list[list]]:
    rows = [list(r) for r in openpyxl.load_workbook(book)[name].iter_rows(values_only=True)]
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo book after the team typed into every platform column it fills, on every US line."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--out", str(folder)]) == 0
    book = folder / "tkops-demo.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    at = {h: i + 1 for i, h in enumerate(header)}
    typed = {}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, at["Currency"]).value != "USD":
            continue
        for name, pattern in TYPED.items():
            if name not in at:
                continue
            old = ws.cell(r, at[name]).value
            value = pattern.format(old if "{}" in pattern and old else r) if "{:" not in pattern else pattern.format(r)
            ws.cell(r, at[name]).value = value
            typed[(r, name)] = value
        if not ws.cell(r, at["Tracking ID"]).value:
            ws.cell(r, at["Tracking ID"]).value = typed[(r, "Tracking ID")] = f"TEAM{r:06d}"
        else:
            typed[(r, "Tracking ID")] = ws.cell(r, at["Tracking ID"]).value
    wb.save(book)
    return book, typed


def test_the_demo_typed_tracking_and_providers(demo):
    book, typed = demo
    header, rows = sheet_rows(book)
    us = [r for r in rows if r[header.index("Currency")] == "USD"]
    assert len(us) >= 29 and all(r[header.index("Tracking ID")] for r in us)
    assert {name for _, name in typed} >= {"Recipient", "Phone #", "Address Line 1", "Zipcode", "Seller Note",
                                           "Shipping Provider Name", "Tracking ID", "City", "State"}


def test_reimporting_the_same_export_after_typing_changes_nothing_and_says_so(demo, capsys):
    book, typed = demo
    before = sha(book)
    capsys.readouterr()
    assert main(["import", str(US), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "already imported" in out and "nothing changed" in out and "was not rewritten" in out
    assert sha(book) == before
    header, rows = sheet_rows(book)
    for (r, name), value in typed.items():
        assert rows[r - 2][header.index(name)] == value, (r, name)


def test_a_later_market_never_rewrites_the_currency_of_thai_lines(demo, capsys, tmp_path):
    book, _ = demo
    header, rows = sheet_rows(book)
    thai = sum(1 for r in rows if r[header.index("Currency")] == "THB")
    before = sha(book)
    capsys.readouterr()
    # The Thai export says where its buyers are: --market US does not make its amounts dollars.
    assert main(["import", str(SEA), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "every address is in market TH" in out and "THB" in out
    assert sha(book) == before
    # The same lines without their Country: now only --market speaks, and the lines keep their first currency.
    blank = openpyxl.load_workbook(SEA)
    sheet = blank["OrderSKUList"]
    column = [c.value for c in sheet[1]].index("Country") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=column).value = None
    no_country = tmp_path / "sea_no_country.xlsx"
    blank.save(no_country)
    assert main(["import", str(no_country), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert f"{thai} lines keep the Currency they were first imported with" in out
    assert sha(book) == before
    header, rows = sheet_rows(book)
    assert sum(1 for r in rows if r[header.index("Currency")] == "THB") == thai > 30


def changed_export(tmp_path, edits: dict[str, dict[str, str]]) -> str:
    """The US sample with the platform's changes: Order ID -> {column: new value} on every line of the order."""
    text = US.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for row in rows[2:]:
        for column, value in edits.get(row[0], {}).items():
            row[header.index(column)] = value
    out = tmp_path / "us_shop_later.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return str(out)


def test_cells_both_sides_changed_land_on_conflicts_with_both_values(demo, tmp_path, capsys):
    book, typed = demo
    header, rows = sheet_rows(book)
    us = [(i + 2, r) for i, r in enumerate(rows) if r[header.index("Currency")] == "USD"]
    col = header.index
    (r1, line1), (r2, line2) = us[0], next(x for x in us if x[1][col("Order ID")] != us[0][1][col("Order ID")])
    untouched_order = next(r[col("Order ID")] for r in rows if r[col("Currency")] == "USD"
                           and r[col("Order ID")] not in (line1[col("Order ID")], line2[col("Order ID")]))
    edits = {
        line1[col("Order ID")]: {"Recipient": "Sam Platform", "Order Status": "Shipped",
                                 "Tracking ID": "1Z999AA10123456784"},
        line2[col("Order ID")]: {"Tracking ID": "9200190164917312345678", "Seller Note": "from seller center"},
        untouched_order: {"Buyer Message": "please gift wrap"},
    }
    capsys.readouterr()
    assert main(["import", changed_export(tmp_path, edits), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "Conflicts sheet" in out and "changed both by your team and by the platform" in out
    header, rows = sheet_rows(book)
    after1, after2 = rows[r1 - 2], rows[r2 - 2]
    assert after1[col("Recipient")] == typed[(r1, "Recipient")]  # an address the team fixed wins
    assert after1[col("Tracking ID")] == "1Z999AA10123456784"  # shipped: the platform's tracking wins
    assert after1[col("Order Status")] == "Shipped"
    assert after2[col("Tracking ID")] == typed[(r2, "Tracking ID")]  # not shipped: the team's number stays
    assert after2[col("Seller Note")] == typed[(r2, "Seller Note")]
    assert "please gift wrap" in [r[col("Buyer Message")] for r in rows if r[col("Order ID")] == untouched_order]
    shipped = {i + 2 for i, r in enumerate(rows) if r[col("Order ID")] == line1[col("Order ID")]}
    for (r, name), value in typed.items():  # every other typed cell is as typed
        if not (r in shipped and name == "Tracking ID"):
            assert rows[r - 2][col(name)] == value, (r, name)
    chead, conflicts = sheet_rows(book, CONFLICTS.name)
    assert chead == CONFLICTS.headers
    found = {(c[chead.index("Orders Row")], c[chead.index("Column")]): c for c in conflicts}
    recipient = found[(r1, "Recipient")]
    assert recipient[chead.index("Team Value")] == typed[(r1, "Recipient")]
    assert recipient[chead.index("Platform Value")] == "Sam Platform"
    assert recipient[chead.index("Last Imported")] == line1[col("Recipient")].replace(" (per buyer chat)", "")
    assert recipient[chead.index("Kept")] == "team" and recipient[chead.index("File")] == "us_shop_later.csv"
    assert recipient[chead.index("Order ID")] == line1[col("Order ID")] and recipient[chead.index("Recorded At")]
    tracking = found[(r1, "Tracking ID")]
    assert (tracking[chead.index("Team Value")], tracking[chead.index("Kept")]) == (typed[(r1, "Tracking ID")],
                                                                                  "platform")
    assert found[(r2, "Tracking ID")][chead.index("Kept")] == "team"
    assert found[(r2, "Seller Note")][chead.index("Platform Value")] == "from seller center"
    assert not any(name == "Buyer Message" for _, name in found)  # nobody had typed there: no conflict
    wb = openpyxl.load_workbook(book)
    assert wb[BASE.name].sheet_state == "hidden" and wb[CONFLICTS.name].sheet_state == "visible"
    CalamineWorkbook.from_path(str(book)).get_sheet_by_name(CONFLICTS.name).to_python()
    # the same later export again: the conflicts were recorded once; nothing changes
    before = sha(book)
    assert main(["import", str(tmp_path / "us_shop_later.csv"), "--book", str(book), "--market", "US"]) == 0
    assert "already imported" in capsys.readouterr().out and sha(book) == before


def test_a_book_without_a_base_keeps_typed_addresses_and_records_them(tmp_path, capsys):
    """A book from before tkops kept a base: the team's differing address is kept (its column's rule) and recorded
    as a conflict; afterwards the base is there and the same file is quiet."""
    book = tmp_path / "old.xlsx"
    assert main(["import", str(US), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    del wb[BASE.name]
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Zipcode") + 1).value = "94107"
    wb.save(book)
    capsys.readouterr()
    assert main(["import", str(US), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "1 cells were changed both" in out and "tkops now keeps what it imported" in out
    _, rows = sheet_rows(book)
    assert rows[0][header.index("Zipcode")] == "94107"
    chead, conflicts = sheet_rows(book, CONFLICTS.name)
    assert [(c[chead.index("Column")], c[chead.index("Team Value")], c[chead.index("Kept")]) for c in conflicts] == [
        ("Zipcode", "94107", "team")]
    assert conflicts[0][chead.index("Why")].startswith("no record of what tkops last imported")
    before = sha(book)
    assert main(["import", str(US), "--book", str(book), "--market", "US"]) == 0
    assert sha(book) == before
