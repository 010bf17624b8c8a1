"""A workbook after ``tkops import`` of the US sample and ``tkops cases`` of a Return/Refund export (the ``book``
fixture of tests/aftersales/conftest.py), and its sheets read back as records: what the cases, replies and summary job
tests start from."""

from __future__ import annotations

import openpyxl

from tkops.cli import main
from tkops.jobs.demo import sample_path

from conftest import DATA

RETURNS = DATA / "returns" / "us_returns.csv"
NOW = "2026-11-23T10:00"


def cases_book(tmp_path):
    """The workbook at ``tmp_path/ops.xlsx`` after the import and the cases run."""
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(sample_path("us_shop_2026-11-25.csv")), "--book", str(path), "--market", "US"]) == 0
    assert main(["cases", "--book", str(path), "--returns", str(RETURNS), "--now", NOW]) == 0
    return path


def records(path, sheet="AfterSales"):
    """The sheet's rows as {header: value}, blank rows left out."""
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]
