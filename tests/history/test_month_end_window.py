"""Month-end reads a year of history, not the shop's whole life: the trend's twelve months, plus every order a case
names however old (a return of an order archived two years ago still finds its carrier and SKU)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops import case_schema as C
from tkops.book import FileBook
from tkops.book.layout import AFTERSALES
from tkops.cli import main
from tkops.history import HistoryStore
from tkops.jobs.lines import order_lines
from tkops.jobs.month_end.line_figures import trend_start
from tkops.jobs.month_end.run import run_month_end
from tkops.settings import Settings

from conftest import EXPORTS

OLD_CASE, OLD_OTHER = "570000000000000001", "570000000000000002"  # orders of 2024, one named by a case


def old_line(order: str, sku: str, carrier: str) -> dict:
    created = dt.datetime(2024, 3, 4, 10, 0)
    return {"Order ID": order, "SKU ID": sku, "Seller SKU": f"S-{sku}", "Order Status": "Delivered", "Quantity": 1,
            "Currency": "USD", "Order Amount": 20.0, "SKU Subtotal After Discount": 20.0, "Created Time": created,
            "Paid Time": created, "Shipped Time": created + dt.timedelta(days=1),
            "Delivered Time": created + dt.timedelta(days=4), "Shipping Provider Name": carrier}


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(path), "--market", "US"]) == 0
    assert main(["archive", "--book", str(path), "--before", "2027-01-01"]) == 0
    old = pd.DataFrame([old_line(OLD_CASE, "1729000000000000001", "UPS"),
                        old_line(OLD_OTHER, "1729000000000000002", "FedEx")])
    HistoryStore(path).append(old, [f"{o}|{s}|0" for o, s in zip(old["Order ID"], old["SKU ID"])],
                              "20240401-000000-00000000", dt.datetime(2024, 4, 1))
    case = pd.DataFrame([{"Case ID": "R-OLD-1", "Order ID": OLD_CASE, "SKU ID": "1729000000000000001",
                          "Seller SKU": "S-1729000000000000001", "Reason": "Defective item", "Amount": 20.0,
                          "Currency": "USD", "Quantity": 1, "Return Type": "Return and refund",
                          "Return Status": "Completed", "Opened": dt.datetime(2026, 11, 20, 9, 0),
                          "Closed": dt.datetime(2026, 11, 22, 9, 0), "Source": C.SOURCE_RETURNS}])
    edited = FileBook(path, Settings(market="US"))
    with edited.session:
        edited.write_table(AFTERSALES, case.reindex(columns=AFTERSALES.headers))
        edited.save()
    return path


def test_trend_start_is_the_first_day_eleven_months_before():
    assert trend_start("2026-11") == dt.datetime(2025, 12, 1)
    assert trend_start("2026-01") == dt.datetime(2025, 2, 1)
    assert trend_start("2026-12") == dt.datetime(2026, 1, 1)


def test_order_lines_since_reads_recent_orders_and_the_named_old_ones(book):
    fb = FileBook(book, Settings(market="US"))
    every = order_lines(fb, ["order_id", "shipping_provider"])
    assert {OLD_CASE, OLD_OTHER} <= set(every["order_id"])
    recent = order_lines(fb, ["order_id", "shipping_provider"], since=dt.datetime(2025, 12, 1), also=[OLD_CASE])
    assert OLD_CASE in set(recent["order_id"]) and OLD_OTHER not in set(recent["order_id"])
    # the year's orders all come, from Orders and history alike
    assert set(every["order_id"]) - {OLD_OTHER} == set(recent["order_id"])
    alone = order_lines(fb, ["order_id"], since=dt.datetime(2025, 12, 1))
    assert not {OLD_CASE, OLD_OTHER} & set(alone["order_id"])
    assert order_lines(fb, ["order_id"], since=dt.datetime(2030, 1, 1)).query("where == 'history'").empty


def test_month_end_finds_the_carrier_of_a_case_on_an_order_archived_long_ago(book, tmp_path):
    report = run_month_end("2026-11", [], [], tmp_path / "out", Settings(market="US"), book=book)
    carriers = report.pivots.type_by_carrier
    assert carriers["cases"].sum() == 1
    assert carriers["carrier"].tolist() == ["UPS"]
    assert report.pivots.cause_by_sku["sku"].tolist() == ["S-1729000000000000001"]
    assert report.figures["orders"] == 9  # us_2025.csv's paid orders of November, as without the old ones


def spy_on_history(monkeypatch) -> list[dict]:
    """The keyword arguments of every read of the book's lines the month-end makes, in order."""
    import tkops.jobs.month_end.inputs as inputs
    import tkops.jobs.month_end.month_lines as month_lines

    asked = []
    real = inputs.book_lines

    def spy(*args, **kwargs):
        asked.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(inputs, "book_lines", spy)
    monkeypatch.setattr(month_lines, "book_lines", spy)
    return asked


def test_month_end_asks_history_for_the_trends_months_and_the_cases_orders(book, tmp_path, monkeypatch):
    asked = spy_on_history(monkeypatch)
    run_month_end("2026-11", [], [], tmp_path / "out", Settings(market="US"), book=book)
    # first the trend's months (while the AfterSales sheet is read in the background), then the old orders the
    # sheet's cases name, and only those: the year's orders are not read twice
    assert asked[0]["since"] == dt.datetime(2025, 12, 1)
    assert [set(a["archived"]) for a in asked[1:]] == [{OLD_CASE}]


def test_month_end_reads_no_order_twice_when_every_case_is_recent(book, tmp_path, monkeypatch):
    edited = FileBook(book, Settings(market="US"))
    with edited.session:
        rows = edited.read_rows("AfterSales")
        frame = pd.DataFrame(rows[1:], columns=rows[0])
        frame["Order ID"] = [order_lines(edited, ["order_id"], since=dt.datetime(2025, 12, 1))["order_id"].iloc[0]]
        edited.write_table(AFTERSALES, frame.reindex(columns=AFTERSALES.headers))
        edited.save()
    asked = spy_on_history(monkeypatch)
    report = run_month_end("2026-11", [], [], tmp_path / "out", Settings(market="US"), book=book)
    assert len(asked) == 1 and report.figures["cases"] == 1
