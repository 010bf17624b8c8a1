"""Arbitrary cell text never crashes a reader: a file either parses or raises tkops' own error."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from tkops.errors import TkopsError
from tkops.settings import Settings
from tkops.sources import read_orders

HEADERS = ["Order ID", "Order Status", "SKU ID", "Seller SKU", "Product Name", "Variation", "Quantity",
           "SKU Unit Original Price", "Order Amount", "Created Time", "Paid Time", "Buyer Message", "Recipient",
           "Phone #", "Country", "Zipcode", "Address Line 1", "Tracking ID"]

cell = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["577123456789012345", "5.77E+17", "=1+1", "@SUM(A1)", "\t", "12,50", "BRL 35,91",
                     "11/25/2026 9:30:33 AM", "25/11/2026 09:30:33", "", "N/A", "\x0b", "٣", "🎁"]),
)
rows = st.lists(st.lists(cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=6)


def _check(path):
    try:
        result = read_orders(path, Settings(market="US"))
    except TkopsError as err:
        assert err.render("en") and err.render("zh")
        return
    assert set(result.table.frame.columns) >= {"order_id", "quantity"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows)
def test_any_csv_text(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "orders.csv"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADERS] + data)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _check(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows)
def test_any_xlsx_text(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "orders.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "OrderSKUList"
    ws.append(HEADERS)
    for row in data:
        ws.append([c.translate({i: None for i in range(32) if i not in (9, 10, 13)}) for c in row])
    for row in ws.iter_rows():
        for c in row:
            c.data_type = "s" if isinstance(c.value, str) else c.data_type
    wb.save(path)
    _check(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes(tmp_path_factory, blob):
    path = tmp_path_factory.mktemp("fuzz") / "orders.csv"
    path.write_bytes(b"Order ID,Order Status,SKU ID,Seller SKU,Product Name,Variation,Quantity,Paid Time,"
                     b"Recipient\n" + blob)
    _check(path)
