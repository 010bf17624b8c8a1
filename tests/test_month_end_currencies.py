"""Money of a month-end never added across currencies: a US and a Thai shop in one report, every money figure of
the workbook, the HTML and the printed summary per currency, and lines whose currency nobody knows counted apart
and said so."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import defaultdict
from html.parser import HTMLParser

import openpyxl
import pytest

from tkops.jobs.demo import sample_path
from tkops.jobs.month_end import run_month_end
from tkops.jobs.month_end.report import SHEETS
from tkops.settings import Settings

NOW = dt.datetime(2026, 12, 3, 9, 0)
US_FILE, TH_FILE = sample_path("us_shop_2026-11-25.csv"), sample_path("sea_shop_2026-11-25.xlsx")
RETURNS = sample_path("us_returns_2026-11.csv")
MONEY_FIGURES = ("Sales", "Refund cost", "Reship cost", "Refund rate (refunds / sales)")
MONEY_COLUMNS = {"Amount", "Sales", "Refund Cost", "Reship Cost", "Cost", "Refund Rate"}


def hand_sales(expected_json) -> dict[str, float]:
    """Sales of 2026-11 per currency from a sample's truth file, computed without tkops: the Order Amount of each
    order paid in November and not cancelled, once per order."""
    lines = json.loads(expected_json.read_text(encoding="utf-8"))["lines"]
    seen, out = set(), defaultdict(float)
    for line in lines:
        if line["Order ID"] in seen:
            continue
        seen.add(line["Order ID"])
        paid = line["Paid Time"]
        if paid and paid.startswith("2026-11") and line["Order Status"] != "Cancelled":
            out[line["Currency"]] += line["Order Amount"] or 0
    return dict(out)


@pytest.fixture(scope="module")
def two_shops(tmp_path_factory):
    out = tmp_path_factory.mktemp("two_shops")
    report = run_month_end("2026-11", [US_FILE, TH_FILE], [RETURNS], out, Settings(market="US"), now=NOW)
    return report


def summary_rows(path):
    ws = openpyxl.load_workbook(path)["Summary"]
    return [r[:4] for r in ws.iter_rows(min_row=2, values_only=True) if r[1]]


def test_each_currency_has_its_own_sales_equal_to_a_hand_computation(two_shops):
    us = hand_sales(sample_path("us_shop_2026-11-25.expected.json"))
    th = hand_sales(sample_path("sea_shop_2026-11-25.expected.json"))
    assert set(us) == {"USD"} and set(th) == {"THB"}
    currencies = two_shops.figures["currencies"]
    assert set(currencies) == {"USD", "THB"}
    assert currencies["USD"]["sales"] == pytest.approx(us["USD"])
    assert currencies["THB"]["sales"] == pytest.approx(th["THB"])
    rows = {(figure, currency): value for _s, figure, value, currency in summary_rows(two_shops.workbook)}
    assert rows[("Sales", "USD")] == pytest.approx(us["USD"]) and rows[("Sales", "THB")] == pytest.approx(th["THB"])
    # the refunds of the US returns file are dollars, set against dollar sales only
    usd = currencies["USD"]
    assert usd["refund_rate"] == pytest.approx(usd["refund_cost"] / us["USD"]) and usd["refund_cost"] > 0
    assert currencies["THB"]["refund_cost"] == 0 and currencies["THB"]["refund_rate"] == 0
    # the mixed total appears nowhere: not in the workbook, not in the HTML, not in the printed lines
    mixed = us["USD"] + th["THB"]
    for text in (two_shops.html.read_text(encoding="utf-8"), "\n".join(two_shops.lines())):
        assert f"{mixed:,.2f}" not in text
    assert all(v != pytest.approx(mixed) for v in rows.values() if isinstance(v, float))


def test_every_money_figure_of_the_workbook_names_its_currency(two_shops):
    for _section, figure, value, currency in summary_rows(two_shops.workbook):
        if figure in MONEY_FIGURES:
            assert currency in ("USD", "THB"), (figure, value)
        else:
            assert currency is None, figure  # counts and shares of all orders carry no currency
    wb = openpyxl.load_workbook(two_shops.workbook)
    walked = 0
    for sheet in SHEETS:
        rows = list(wb[sheet].iter_rows(values_only=True))
        header = list(rows[0])
        money = [h for h in header if h in MONEY_COLUMNS]
        if not money:
            continue
        assert "Currency" in header, sheet
        for row in rows[1:]:
            record = dict(zip(header, row))
            if any(record[h] not in (None, 0) for h in money):
                assert record["Currency"] in ("USD", "THB"), (sheet, record)
                walked += 1
    assert walked > 10


class _Cells(HTMLParser):
    """The text of every table row of an HTML page, cell by cell."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_the_html_shows_the_currency_of_every_amount(two_shops):
    html = two_shops.html.read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed(html)
    money_rows = [r for r in parser.rows if len(r) >= 3 and r[0] in MONEY_FIGURES]
    assert len(money_rows) == 8  # 4 figures x 2 currencies
    assert all(r[-1] in ("USD", "THB") for r in money_rows), money_rows
    # the key-figure cards name the currency in their title
    assert re.search(r"Sales \(USD\)", html) and re.search(r"Sales \(THB\)", html)
    assert not re.search(r"Sales \(\)", html)


def test_lines_with_no_known_currency_are_counted_apart_and_said(tmp_path):
    """The US export with its Country cells blanked and no Market set: nobody knows its currency."""
    rows = list(csv.reader(US_FILE.open(encoding="utf-8-sig")))
    country = rows[0].index("Country")
    for row in rows[1:]:
        row[country] = ""
    blank = tmp_path / "us_no_country.csv"
    with blank.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    us = hand_sales(sample_path("us_shop_2026-11-25.expected.json"))["USD"]
    th = hand_sales(sample_path("sea_shop_2026-11-25.expected.json"))["THB"]
    report = run_month_end("2026-11", [blank, TH_FILE], [], tmp_path / "out", Settings(), now=NOW)
    currencies = report.figures["currencies"]
    assert currencies[""]["sales"] == pytest.approx(us) and currencies["THB"]["sales"] == pytest.approx(th)
    n_orders = len({r[0] for r in rows[1:] if r[0].isdigit()})
    assert report.figures["no_currency"]["orders"] == currencies[""]["orders"] > 0
    assert currencies[""]["orders"] <= n_orders
    warning = next(w for w in report.warnings if "have no currency" in w)
    assert f"{currencies['']['orders']} order(s)" in warning and "--market" in warning
    rows_ = {(figure, currency): value for _s, figure, value, currency in summary_rows(report.workbook)}
    assert rows_[("Sales", "no currency")] == pytest.approx(us)
    assert "no currency" in report.html.read_text(encoding="utf-8")
    assert any(line.strip().endswith("no currency") for line in report.lines())
    # Chinese: the label and the warning are translated
    zh = run_month_end("2026-11", [blank], [], tmp_path / "zh", Settings(language="zh"), now=NOW)
    assert any("没有币种" in w for w in zh.warnings)
    assert [c for _s, _f, _v, c in summary_rows(zh.workbook) if c] == ["无币种"] * 4


def test_a_month_whose_currencies_are_all_known_says_nothing_about_unknown_ones(two_shops):
    assert two_shops.figures["no_currency"] == {"orders": 0, "cases": 0}
    assert not any("no currency" in w for w in two_shops.warnings)
