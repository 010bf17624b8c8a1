"""tkops summary on a real workbook: the AfterSalesSummary sheet agrees with a count of the AfterSales sheet made
here, and the chart workbook has its two charts."""

from __future__ import annotations

import zipfile
from collections import Counter

import openpyxl

from tkops.aftersales.reasons import CAUSES, label
from tkops.cli import main

from aftersales.cases_book import NOW, RETURNS, records  # noqa: F401 (the book fixture: tests/aftersales/conftest.py)


def blocks(path) -> dict[str, list[dict]]:
    """The summary sheet's blocks: heading -> rows as {header: value}."""
    # The pivots are in A:L; the charts' data at fixed cells from column N (checked below).
    rows = [r[:12] for r in openpyxl.load_workbook(path)["AfterSalesSummary"].iter_rows(values_only=True)]
    out, i = {}, 2
    while i < len(rows):
        if rows[i][0] and (i + 1 < len(rows)) and rows[i + 1][0] and all(v is None for v in rows[i][1:]):
            title, header = rows[i][0], [h for h in rows[i + 1] if h is not None]
            body, i = [], i + 2
            while i < len(rows) and any(v is not None for v in rows[i]):
                body.append(dict(zip(header, rows[i])))
                i += 1
            out[title] = body
        i += 1
    return out


def test_summary_agrees_with_the_case_log(book, tmp_path, capsys):
    assert main(["summary", "--book", str(book), "--out", str(tmp_path / "charts"), "--now", NOW]) == 0
    cases = [c for c in records(book) if c["Return Type"] != "Cancel"]
    expected = Counter(label(CAUSES, c["Cause"], "en") for c in cases)
    found = blocks(book)
    by_cause = Counter()
    for row in found["Cases and cost by cause and SKU"]:
        by_cause[row["Cause"]] += row["Cases"]
    # A case of two SKUs counts once per SKU line here, as the sheet lists one row per case line.
    assert by_cause == expected
    top = found["Fix first: SKU and cause, the action and who owns it"]
    assert top and all(r["Action"] and r["Owners"] for r in top)
    assert [r["Rank"] for r in top] == list(range(1, len(top) + 1))
    months = found["Cases and cost by month and cause"]
    # Per month a case counts once for its cause, however many SKU lines it has.
    assert sum(r["Cases"] for r in months) == len({(c["Case ID"], c["Cause"]) for c in cases})
    out = capsys.readouterr().out
    assert "AfterSalesSummary written" in out
    ws = openpyxl.load_workbook(book)["AfterSalesSummary"]
    chart_causes = {ws.cell(r, 14).value: ws.cell(r, 15).value for r in range(2, 14) if ws.cell(r, 14).value}
    assert chart_causes == dict(expected)
    assert sum(ws.cell(r, 18).value or 0 for r in range(2, 14)) == sum(r["Cases"] for r in months)
    charts = list((tmp_path / "charts").glob("After-sales charts *.xlsx"))
    assert len(charts) == 1
    parts = zipfile.ZipFile(charts[0]).namelist()
    assert sum(p.startswith("xl/charts/chart") for p in parts) == 2


def test_a_rerun_replaces_the_summary_and_the_actions_are_the_teams(book, tmp_path):
    assert main(["summary", "--book", str(book), "--out", str(tmp_path), "--now", NOW]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["CauseActions"]
    h = {c.value: c.column for c in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Cause"]).value == "size_fit")
    ws.cell(row, h["Action"]).value = "=Ask the factory for a bigger cut"
    ws.cell(row, h["Action"]).data_type = "s"
    wb.save(book)
    before = openpyxl.load_workbook(book)["AfterSalesSummary"].max_row
    assert main(["summary", "--book", str(book), "--out", str(tmp_path), "--now", NOW]) == 0
    ws = openpyxl.load_workbook(book)["AfterSalesSummary"]
    assert ws.max_row == before
    top = blocks(book)["Fix first: SKU and cause, the action and who owns it"]
    size = [r for r in top if r["Cause"] == "Size / fit"]
    assert size and all(r["Action"] == "=Ask the factory for a bigger cut" for r in size)
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=Ask the factory for a bigger cut"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_summary_before_any_case_is_a_clear_error(tmp_path, capsys):
    from tkops.jobs.demo import sample_path

    path = tmp_path / "ops.xlsx"
    assert main(["import", str(sample_path("us_shop_2026-11-25.csv")), "--book", str(path), "--market", "US"]) == 0
    assert main(["summary", "--book", str(path)]) == 2
    assert "tkops cases" in capsys.readouterr().err
