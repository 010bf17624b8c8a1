"""A button reads what its step needs: the review reads only the Orders columns its rules use (and its own), so the
Review button on a 30,000-line Orders sheet transfers those columns and no others, and leaves every other cell of
the sheet (the team's included) as it was."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tkops import schema, xl
from tkops.book import FileBook
from tkops.cli import main
from tkops.jobs.review import ORDERS_READ
from tkops.merge import sheet_frame, typed
from tkops.review import COLUMNS_READ, review
from tkops.settings import Settings

from conftest import EXPORTS
from test_live_backend import new_live_book

NOW = dt.datetime(2026, 11, 26, 9)


@pytest.mark.parametrize("export", ["us_2025.csv", "hostile.csv", "br_money.csv", "th_sea.xlsx", "id_localised.csv",
                                    "mabang_gb18030.csv", "dianxiaomi.xlsx", "uk_orders.csv", "ph_orders.csv",
                                    "jp_orders.csv", "id_regency.csv"])
def test_the_review_of_the_columns_read_is_the_review_of_every_column(tmp_path, export):
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / export), "--book", str(path)]) == 0
    sheet = sheet_frame(FileBook(path).read_rows("Orders"), "Orders", path.name)
    every = review(typed(sheet), None, None, None, Settings(), NOW)
    few = review(typed(sheet, tuple(c for c in schema.ORDER_COLUMNS if c.key in COLUMNS_READ)), None, None, None,
                 Settings(), NOW)
    assert len(typed(sheet).columns) > len(COLUMNS_READ)
    assert every.problems.astype(str).equals(few.problems.astype(str)) and len(every.problems)
    assert every.statuses.astype(str).equals(few.statuses.astype(str))


def orders_rows(tmp_path, lines: int) -> list[list]:
    """An Orders sheet (header first) of ``lines`` lines: the sample export's lines again and again, fresh IDs."""
    path = tmp_path / "sample.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(path), "--market", "US"]) == 0
    rows = [list(r) for r in openpyxl.load_workbook(path)["Orders"].iter_rows(values_only=True)]
    header, body = rows[0], [r for r in rows[1:] if r[0]]
    oid = header.index("Order ID")
    out = [header]
    for i in range(lines):
        row = list(body[i % len(body)])
        row[oid] = str(700000000000000000 + i // 2)  # two lines per order
        out.append(row)
    # the cells hold text as typed into Text-formatted cells (the fake parses a bare "7000..." as a number)
    return [out[0]] + [[f"'{v}" if isinstance(v, str) else v for v in r] for r in out[1:]]


def test_the_review_button_on_30000_lines_transfers_only_the_columns_the_review_reads(tmp_path):
    n = 30_000
    rows = orders_rows(tmp_path, n)
    header = rows[0]
    note = header.index("Team Note")
    rows[1][note] = "gift, wrap twice"
    rows.append([None] * len(header))
    rows[-1][note] = "a note the team typed below the table"  # a row with nothing the review reads
    sku = header.index("Seller SKU")
    stock = [["Seller SKU", "On Hand"]] + [[s, 10**6] for s in sorted({str(r[sku]).lstrip("'") for r in rows[1:-1]})]
    book = new_live_book(tmp_path, extra={"Orders": rows, "Inventory": stock})  # stock checked: some lines Ready
    xl.review(book)
    assert book.app.alerts == []

    read = [h for h in header if h in ORDERS_READ]
    assert len(read) < len(header) / 2
    orders_read = book.read_by_sheet["Orders"]
    assert orders_read <= len(header) + (n + 1) * len(read)  # the header row, then the review's columns only
    assert orders_read >= n * len(read)
    # below the header, exactly the columns the review reads were transferred: never one it does not read
    assert book.columns_read["Orders"] == {header.index(h) + 1 for h in read}
    assert {"Team Note", "Tracking ID"} <= set(header) - set(ORDERS_READ)
    assert not {header.index("Team Note") + 1, header.index("Tracking ID") + 1} & book.columns_read["Orders"]
    own = ["Review Status", "tkops Reviewed", "Reviewed At", "Issues", "Issue Codes", "tkops Flags"]
    assert book.written_by_sheet["Orders"] <= n * len(own)

    sheet = book.sheet("Orders")
    after = sheet.rows()
    status, issues = after[0].index("Review Status"), after[0].index("Issues")
    verdicts = [r[status] for r in after[1:n + 1]]
    assert set(verdicts) == {"Ready", "Hold", None} and verdicts.count(None) < n / 2  # closed lines get none
    assert any(r[issues] for r in after[1:n + 1])
    assert after[1][note] == "gift, wrap twice" and after[n + 1][note] == "a note the team typed below the table"
    untouched = [i for i, h in enumerate(header) if h not in ORDERS_READ]
    typed_in = [[v[1:] if isinstance(v, str) and v.startswith("'") else v for v in r] for r in rows]
    assert all(after[r][i] == typed_in[r][i] or (after[r][i] in (None, "") and typed_in[r][i] in (None, ""))
               for r in (1, 2, n // 2, n) for i in untouched)
    assert sheet.tables.items[0].ref[1][0] == n + 2  # the table still covers the team's row below
