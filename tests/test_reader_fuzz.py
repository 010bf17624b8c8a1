"""Arbitrary cells and bytes never crash a reader: a file either parses or raises tkops' own error (a message
naming the file). Every reader of outside data: orders, returns, carrier/3PL tracking files, the month-end's order
files, column mappings (TOML and the Mappings sheet), the workbook opener and the file sniffer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from tkops.sources.returns_export import EXPORT_HEADERS, read_returns
from tkops.errors import TkopsError
from tkops.jobs.month_end.inputs import read_order_files
from tkops.settings import Settings
from tkops.sources.tracking_file import read_tracking_file
from tkops.sources import mapping, read_orders, sniff
from tkops.sources.raw import open_workbook

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


# --- every reader, generated and mutated files ---------------------------------------------------------------------
# Each reader gets CSV and XLSX files whose cells are random text, numbers (huge, negative, fractional, infinite),
# formulas and dates, and valid workbooks with bytes flipped, cut short or a part replaced. Only tkops' own errors
# may come out (a message naming the file), whatever the bytes.
RETURN_HEADERS = list(EXPORT_HEADERS)
TRACKING_HEADERS = ["Order ID", "SKU ID", "Tracking Number", "Carrier", "运单号", "Reference"]
US = Settings(market="US")

any_cell = st.one_of(
    cell,
    st.integers(min_value=-10**25, max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["99999999999999999999", "-1", "0", "1.5", "1e308", "inf", "NaN", "=SUM(A1:A9)", "=1/0",
                     "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "../x", "12/31/9999 11:59:59 PM",
                     "01/01/1900 0:00:00 AM", "2099-01-01 00:00:00", "5.77123E+17", "577123456789012301",
                     "4035118812903456781", "1Z999AA10123456784"]),
)
xlsx_cell = st.one_of(
    any_cell,
    st.integers(min_value=-2**62, max_value=2**62),
    st.floats(min_value=-1e300, max_value=1e300, allow_nan=False),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.booleans(),
)


def _rows(headers, cells):
    return st.lists(st.lists(cells, min_size=len(headers), max_size=len(headers)), min_size=1, max_size=5)


def _csv(path, headers, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers] + rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _xlsx(path, headers, rows, title="OrderSKUList"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    strip = {i: None for i in range(32) if i not in (9, 10, 13)}
    for row in rows:
        ws.append([c.translate(strip) if isinstance(c, str) else c for c in row])  # "=..." text becomes a formula
    wb.save(path)
    return path


READERS = {
    "orders": lambda p: read_orders(p, US),
    "returns": lambda p: read_returns(p, US),
    "tracking": lambda p: read_tracking_file(p, US),
    "month-end": lambda p: read_order_files([p], US),
}
LAYOUTS = {"orders": HEADERS, "returns": RETURN_HEADERS, "tracking": TRACKING_HEADERS, "month-end": HEADERS}


def _only_our_errors(read, path):
    try:
        read(path)
    except TkopsError as err:
        assert path.name in err.render("en") or err.code == "file_not_found", err.render("en")
        assert err.render("zh")


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_reader_on_random_csv_cells(tmp_path_factory, reader, data):
    headers = LAYOUTS[reader]
    path = _csv(tmp_path_factory.mktemp("fuzz") / "file.csv", headers, data.draw(_rows(headers, any_cell)))
    _only_our_errors(READERS[reader], path)


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_reader_on_random_xlsx_cells(tmp_path_factory, reader, data):
    headers = LAYOUTS[reader]
    path = _xlsx(tmp_path_factory.mktemp("fuzz") / "file.xlsx", headers, data.draw(_rows(headers, xlsx_cell)))
    _only_our_errors(READERS[reader], path)


@pytest.fixture(scope="module")
def valid_xlsx(tmp_path_factory) -> Path:
    rows = [["577123456789012301", "Awaiting Shipment", "1729000000000000001", "TEE", "Tee", "White", "2", "19.99",
             "21.99", "11/24/2026 9:10:11 AM", "11/24/2026 9:12:40 AM", "", "John", "(+1)213*****45",
             "United States", "90012", "1 Main St", "1Z999AA10123456784"]]
    return _xlsx(tmp_path_factory.mktemp("valid") / "valid.xlsx", HEADERS, rows)


def _mutate(data: bytes, draw) -> bytes:
    """Flip bytes, cut the file short, or replace one zip part with random bytes."""
    how = draw(st.sampled_from(["flip", "cut", "part"]))
    if how == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 12))):
            at = draw(st.integers(0, len(out) - 1))
            out[at] ^= draw(st.integers(1, 255))
        return bytes(out)
    if how == "cut":
        return data[:draw(st.integers(0, len(data) - 1))]
    source = zipfile.ZipFile(io.BytesIO(data))
    victim = draw(st.sampled_from(source.namelist()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, draw(st.binary(max_size=400)) if name == victim else source.read(name))
    return buffer.getvalue()


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_reader_on_mutated_workbooks(tmp_path_factory, valid_xlsx, reader, data):
    path = tmp_path_factory.mktemp("fuzz") / "mutated.xlsx"
    path.write_bytes(_mutate(valid_xlsx.read_bytes(), data.draw))
    _only_our_errors(READERS[reader], path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".ods", ".xlsb", ".txt"]))
def test_any_bytes_under_any_name(tmp_path_factory, blob, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"file{suffix}"
    path.write_bytes(blob)
    for read in (READERS["orders"], READERS["returns"], READERS["tracking"]):
        _only_our_errors(read, path)
    try:
        assert sniff.kind_of(path)
        if suffix not in (".csv", ".txt"):
            open_workbook(path)
    except TkopsError as err:
        assert path.name in err.render("en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=300), st.builds(
    lambda name, opts, cols: f"name = {name}\n{opts}\n[columns]\n{cols}",
    st.sampled_from(['"erp"', "5", "true", '""', "[1, 2]"]),
    st.sampled_from(["", 'date_format = 5', 'decimal = ";"', 'encoding = ["x"]', 'currency = 1.5',
                     'date_format = "%d.%m.%Y"', 'decimal = ","']),
    st.lists(st.tuples(st.text(max_size=12), st.sampled_from(["Order ID", "Quantity", "Nope", "Review Status",
                                                              "Seller SKU", "5"])), max_size=4)
    .map(lambda pairs: "\n".join(f"{json_key(k)} = {json_value(v)}" for k, v in pairs)))))
def test_any_mapping_file(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "any.mapping.toml"
    path.write_text(text, encoding="utf-8")
    try:
        mapping.from_toml(path)
    except TkopsError as err:
        assert err.render("en") and err.render("zh")


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(),
                                        st.sampled_from(["Order ID", "Quantity", "erp", "Date Format", "%d.%m.%Y",
                                                         ",", "cp1252", "nope"])),
                              max_size=8), max_size=6))
def test_any_mappings_sheet(rows):
    sheet = [list(mapping.MAPPING_SHEET_HEADERS)] + rows
    try:
        mapping.from_sheet_rows(sheet)
    except TkopsError as err:
        assert err.render("en") and err.render("zh")


def json_key(text: str) -> str:
    return json.dumps(text)


def json_value(text: str) -> str:
    return text if text == "5" else json_key(text)
