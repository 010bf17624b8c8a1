"""The Return/Refund export reader and cancelled orders as cases.

Every sample in tests/data/returns (picked up by a glob; written with its truth by tools/make_return_samples.py, not
by the reader) is read and compared with its truth; the malformed one-row XLSX is shown to be a real problem for
openpyxl's read-only mode and read correctly here; bad inputs give messages naming the file, row and column.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from expectations import plain
from tkops import messages
from tkops import case_schema as C
from tkops.sources.returns_export import EXPORT_HEADERS, SOURCE, cancellation_cases, read_returns
from tkops.errors import AmbiguousDates, DataError, EncodingProblem, MangledIds, MissingColumn, TkopsError
from tkops.settings import Settings
from tkops.sources import read_orders

DATA = Path(__file__).resolve().parent.parent / "data"
RETURNS = DATA / "returns"
CASES = sorted(RETURNS.glob("*.expected.json"))
US = Settings(market="US")
BR = Settings(market="BR")
H19 = ["Return Order ID", "Order ID", "Order Amount", "Order Status", "SKU ID", "Seller SKU", "Product Name",
       "SKU Name", "Return unit price", "Return Quantity", "Return Reason", "Return Type", "Return Status",
       "Return Sub Status", "Time Requested", "Refund Time", "Buyer Username", "Buyer Note",
       "Return Logistics Tracking ID"]


@pytest.fixture
def registered(monkeypatch):
    """The returns catalogue in tkops.messages' lookup (the one line messages.py gets when this is merged)."""
    module = "tkops.sources.returns_catalogue"
    if module not in messages._SECTION_CATALOGUES:
        monkeypatch.setattr(messages, "_SECTION_CATALOGUES", messages._SECTION_CATALOGUES + (module,))


def sample_of(expected_path: Path) -> Path:
    stem = expected_path.name.removesuffix(".expected.json")
    found = [p for p in expected_path.parent.glob(stem + ".*") if not p.name.endswith(".json")]
    assert len(found) == 1, found
    return found[0]


def settings_of(truth: dict) -> Settings:
    options = truth["options"]
    return Settings(market=options.get("market", ""), encoding=options.get("encoding", ""))


def differences(frame: pd.DataFrame, cases: list[dict]) -> list[str]:
    problems = [] if len(frame) == len(cases) else [f"{len(frame)} cases read, {len(cases)} expected"]
    for i, truth in enumerate(cases[: len(frame)]):
        for name, want in truth.items():
            column = C.CASE_BY_NAME[name]
            got = plain(frame[column.key].iloc[i], column.kind) if column.key in frame else None
            same = math.isclose(want, got, abs_tol=1e-9) if isinstance(want, float) and isinstance(got, float) \
                else want == got
            if not same:
                problems.append(f"case {i}, {name}: got {got!r}, expected {want!r}")
    return problems


def csv_file(tmp_path: Path, header: list[str], rows: list[list[str]], name="returns.csv") -> Path:
    text = "\n".join(",".join(f'"{c}"' for c in row) for row in [header, *rows]) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def us_row(**cells) -> list[str]:
    base = {"Return Order ID": "4035000000000000001", "Order ID": "577000000000000001", "Order Amount": "9.99",
            "Order Status": "Completed", "SKU ID": "1729000000000000001", "Seller SKU": "MUG", "Product Name": "Mug",
            "SKU Name": "White", "Return unit price": "9.99", "Return Quantity": "1",
            "Return Reason": "Defective item", "Return Type": "Refund only", "Return Status": "Completed",
            "Time Requested": "11/20/2026 9:00:00 AM", "Buyer Username": "amy", "Buyer Note": "broken"}
    base.update(cells)
    return [base.get(h, "") for h in H19]


# --- the samples ----------------------------------------------------------------------------------------------------


def test_there_is_a_sample_for_every_layout():
    names = {p.name.removesuffix(".expected.json") for p in CASES}
    assert {"us_returns", "br_returns", "br_one_row", "th_bom"} <= names


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_sample(expected_path, registered):
    truth = json.loads(expected_path.read_text(encoding="utf-8"))
    sample = sample_of(expected_path)
    if "error" in truth:
        with pytest.raises(TkopsError) as caught:
            read_returns(sample, settings_of(truth))
        err = caught.value
        assert err.code == truth["error"], err.render()
        assert err.params.get("row") == truth["row"]
        assert err.params.get("column") == truth["column"]
        for lang in ("en", "zh"):
            message = err.render(lang)
            assert sample.name in message and "{" not in message and not message.startswith(err.code)
        return
    table = read_returns(sample, settings_of(truth))
    assert table.source == truth["source"] == SOURCE
    assert table.skipped_rows == truth["skipped_rows"]
    assert len(table.frame) == truth["rows_read"]
    problems = differences(table.frame, truth["cases"])
    assert not problems, "\n".join(problems[:30])


def test_both_layouts_are_read_by_name():
    us = read_returns(RETURNS / "us_returns.csv", US).frame
    br = read_returns(RETURNS / "br_returns.xlsx", BR).frame
    assert "dispute_status" not in us and "compensation_amount" in br
    assert set(us.columns) <= set(br.columns) <= set(C.CASE_PLATFORM_KEYS)
    assert not set(br.columns) & set(C.DERIVED_KEYS)  # left to later steps, so a re-import never blanks them
    assert br["source"].eq(C.SOURCE_RETURNS).all() and br["source"].dtype == object


def test_return_unit_price_is_the_line_refund_not_a_unit_price():
    frame = read_returns(RETURNS / "us_returns.csv", US).frame
    two = frame[frame["quantity"] == 2].iloc[0]
    assert (two["seller_sku"], two["amount"]) == ("CAP-BSB-NVY", 25.98)


# --- the malformed XLSX (every cell in its own <row r="1">) ---------------------------------------------------------


def test_one_row_xlsx_really_has_every_cell_in_row_1():
    with zipfile.ZipFile(RETURNS / "br_one_row.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    rows = re.findall(r'<row r="(\d+)">', xml)
    assert set(rows) == {"1"} and len(rows) > 100
    assert '<c r="A5"' in xml


def test_openpyxl_read_only_sees_one_row_of_the_malformed_file():
    workbook = openpyxl.load_workbook(RETURNS / "br_one_row.xlsx", read_only=True)
    try:
        seen = list(workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()
    assert len(seen) == 1  # the problem is real: a read-only reader loses every case


def test_malformed_file_reads_like_the_well_formed_one():
    good = read_returns(RETURNS / "br_returns.xlsx", BR)
    bad = read_returns(RETURNS / "br_one_row.xlsx", BR)
    assert len(bad.frame) == 4
    pd.testing.assert_frame_equal(good.frame, bad.frame)
    assert bad.frame.attrs["rows"].tolist() == [2, 3, 4, 5]


def test_malformed_file_with_cells_in_any_order(tmp_path):
    source = RETURNS / "br_one_row.xlsx"
    path = tmp_path / "shuffled.xlsx"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "xl/worksheets/sheet1.xml":
                text = data.decode()
                cells = re.findall(r'<row r="1">.*?</row>', text)
                text = text.replace("".join(cells), "".join(reversed(cells)))
                data = text.encode()
            out.writestr(name, data)
    pd.testing.assert_frame_equal(read_returns(path, BR).frame, read_returns(source, BR).frame)


# --- bad input ------------------------------------------------------------------------------------------------------


def test_an_orders_export_given_as_returns_says_so(registered):
    with pytest.raises(DataError) as caught:
        read_returns(DATA / "exports" / "us_2025.csv", US)
    assert caught.value.code == "returns.orders_file"
    message = caught.value.render("en")
    assert "us_2025.csv is an order export" in message and "Returns/Refunds" in message
    assert "订单导出文件" in caught.value.render("zh")


def test_a_file_of_something_else_names_the_missing_column(tmp_path, registered):
    path = csv_file(tmp_path, ["SKU", "Stock"], [["MUG", "3"]], "inventory.csv")
    with pytest.raises(MissingColumn) as caught:
        read_returns(path, US)
    assert caught.value.params["column"] == "Return Order ID"
    assert "inventory.csv" in caught.value.render() and "SKU, Stock" in caught.value.render()


def test_missing_order_id_column(tmp_path):
    header = [h for h in H19 if h != "Order ID"]
    path = csv_file(tmp_path, header, [[c for h, c in zip(H19, us_row()) if h != "Order ID"]])
    with pytest.raises(MissingColumn) as caught:
        read_returns(path, US)
    assert caught.value.params["column"] == "Order ID"


def test_return_ids_stored_as_numbers_are_refused(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(H19)
    workbook.active.append([4.0351188129034568e18 if h == "Return Order ID" else c for h, c in zip(H19, us_row())])
    path = tmp_path / "returns.xlsx"
    workbook.save(path)
    with pytest.raises(MangledIds) as caught:
        read_returns(path, US)
    assert (caught.value.params["row"], caught.value.params["column"]) == (2, "Return Order ID")


def test_mangled_tracking_id_is_refused_too(tmp_path):
    path = csv_file(tmp_path, H19, [us_row(), us_row(**{"Return Logistics Tracking ID": "9.43461E+21"})])
    with pytest.raises(MangledIds) as caught:
        read_returns(path, US)
    assert (caught.value.params["row"], caught.value.params["column"]) == (3, "Return Logistics Tracking ID")


def test_bad_encoding_names_the_setting():
    with pytest.raises(EncodingProblem) as caught:
        read_returns(RETURNS / "cp1252.csv", Settings(market="FR"))
    assert "cp1252.csv" in caught.value.render() and "Encoding" in caught.value.render()


def test_bad_money_and_bad_date_name_row_and_column(tmp_path):
    path = csv_file(tmp_path, H19, [us_row(), us_row(**{"Return unit price": "nine"})])
    with pytest.raises(DataError) as caught:
        read_returns(path, US)
    assert (caught.value.params["row"], caught.value.params["column"]) == (3, "Return unit price")
    path = csv_file(tmp_path, H19, [us_row(**{"Time Requested": "yesterday"})])
    with pytest.raises(DataError) as caught:
        read_returns(path, US)
    assert caught.value.code == "bad_date" and caught.value.params["column"] == "Time Requested"


def test_ambiguous_dates_need_the_market(tmp_path):
    path = csv_file(tmp_path, H19, [us_row(**{"Time Requested": "05/11/2026 10:00:00"})])
    with pytest.raises(AmbiguousDates):
        read_returns(path, Settings())
    assert read_returns(path, BR).frame["opened"].iloc[0] == pd.Timestamp("2026-11-05 10:00:00")
    assert read_returns(path, US).frame["opened"].iloc[0] == pd.Timestamp("2026-05-11 10:00:00")


def test_missing_file():
    with pytest.raises(DataError) as caught:
        read_returns(RETURNS / "nope.csv", US)
    assert caught.value.code == "file_not_found"


# --- rows, sheets, cells --------------------------------------------------------------------------------------------


def test_description_row_without_a_quantity_column(tmp_path):
    header = [h for h in H19 if h != "Return Quantity"]
    description = ["Return order ID.", "Platform unique order ID."] + [""] * 16
    line = [v for h, v in zip(H19, us_row()) if h != "Return Quantity"]
    table = read_returns(csv_file(tmp_path, header, [description, line]), US)
    assert (len(table.frame), table.skipped_rows) == (1, 1)


def test_return_quantities_from_0_to_the_limit(tmp_path):
    path = csv_file(tmp_path, H19, [us_row(**{"Return Quantity": "0"})])
    assert read_returns(path, US).frame["quantity"].tolist() == [0]
    path = csv_file(tmp_path, H19, [us_row(**{"Return Quantity": "1000"})])
    with pytest.raises(DataError) as caught:
        read_returns(path, US)
    assert (caught.value.code, caught.value.params["row"], caught.value.params["value"]) == ("input.quantity", 2,
                                                                                              1000)


def test_description_and_blank_rows_are_skipped_and_counted(tmp_path):
    description = ["Return order ID.", "Platform unique order ID."] + [""] * 17
    path = csv_file(tmp_path, H19, [description, us_row(), [""] * 19])
    table = read_returns(path, US)
    assert (len(table.frame), table.skipped_rows, table.frame.attrs["rows"].tolist()) == (1, 2, [3])


def test_excel_date_cells_and_the_returns_sheet_is_found(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["exported by TikTok Shop"])
    sheet = workbook.create_sheet("Returns")
    sheet.append(H19)
    sheet.append([dt.datetime(2026, 11, 3, 7, 30) if h == "Time Requested" else c for h, c in zip(H19, us_row())])
    path = tmp_path / "returns.xlsx"
    workbook.save(path)
    frame = read_returns(path, Settings()).frame
    assert frame["opened"].iloc[0] == pd.Timestamp("2026-11-03 07:30:00")
    assert frame["currency"].iloc[0] is None  # no mark, no market: unknown, not guessed


def test_hostile_buyer_notes_stay_text_verbatim():
    frame = read_returns(RETURNS / "us_returns.csv", US).frame
    notes = dict(zip(frame["case_id"] + "/" + frame["seller_sku"], frame["buyer_note"]))
    assert notes["4035118812903457013/HOOD-FLC-GRY-XL"] == '=HYPERLINK("http://evil.example/x","Click for refund")'
    assert notes["4035118812903457101/MUG-CER-WHT"] == "+cmd|' /C calc'!A0"
    assert notes["4035118812903457250/JKT-DWN-BLK-L"] == "@SUM(A1:A9)\nsecond line <script>alert(1)</script>"
    assert notes["4035118812903457388/SOCK-ANK-5PK"] == "-2+3 🙂 مرحبا שלום"
    assert all(isinstance(v, str) for v in frame["buyer_note"])
    assert frame["buyer_note"].dtype == object and frame["buyer_username"].dtype == object


def test_very_long_notes_are_cut_with_a_warning(tmp_path):
    path = csv_file(tmp_path, H19, [us_row(**{"Buyer Note": "x" * 40_000})])
    table = read_returns(path, US)
    assert len(table.frame["buyer_note"].iloc[0]) == 32_767
    assert table.warnings and "row 2" in table.warnings[0] and "Buyer Note" in table.warnings[0]


def test_unknown_columns_are_ignored_and_every_known_header_is_a_case_column():
    frame = read_returns(RETURNS / "th_bom.csv", Settings(market="TH")).frame
    assert set(frame.columns) <= set(C.CASE_PLATFORM_KEYS)
    assert set(EXPORT_HEADERS.values()) <= set(C.CASE_PLATFORM_KEYS)


# --- cancelled orders -----------------------------------------------------------------------------------------------


def order_lines() -> pd.DataFrame:
    t = pd.Timestamp
    rows = [  # order, status, sku id, seller sku, qty, amount, refund, paid, cancelled, by, reason
        ("5770001", "Cancelled", "11", "TEE-M", 1, 30.0, 0.0, t("2026-11-01 09:00"), t("2026-11-02 10:00"), "Seller",
         "Out of stock"),
        ("5770001", "Cancelled", "12", "CAP", 2, 30.0, 0.0, t("2026-11-01 09:00"), t("2026-11-02 10:00"), "Seller",
         "Out of stock"),
        ("5770002", "Cancelled", "11", "TEE-M", 1, 15.0, None, pd.NaT, t("2026-11-03 00:00"), "System",
         "Buyer payment overdue"),
        ("5770003", "Completed", "12", "CAP", 1, 10.0, 0.0, t("2026-11-01 09:00"), pd.NaT, None, None),
        ("5770004", "Cancelled", "13", "MUG", 1, 20.0, 12.5, t("2026-11-04 09:00"), t("2026-11-05 08:00"), "Buyer",
         "=cmd"),
    ]
    keys = ["order_id", "order_status", "sku_id", "seller_sku", "quantity", "order_amount", "order_refund_amount",
            "paid_time", "cancelled_time", "cancel_by", "cancel_reason"]
    frame = pd.DataFrame(rows, columns=keys)
    frame["quantity"] = frame["quantity"].astype("Int64")
    frame[["order_amount", "order_refund_amount"]] = frame[["order_amount", "order_refund_amount"]].astype("Float64")
    frame["currency"] = "USD"
    frame["buyer_username"] = ["ann", "ann", "bob", "cy", "dee"]
    return frame


def compact(cases: pd.DataFrame) -> list[tuple]:
    return list(zip(cases["case_id"], cases["sku_id"], cases["seller_sku"], cases["quantity"], cases["amount"],
                    cases["cancel_by"], cases["reason"], cases["return_type"]))


def test_cancelled_orders_become_one_case_each():
    cases = cancellation_cases(order_lines())
    assert compact(cases) == [
        ("C-5770001", "11, 12", "TEE-M, CAP", 2 + 1, 30.0, "Seller", "Out of stock", "Cancel"),
        ("C-5770004", "13", "MUG", 1, 12.5, "Buyer", "=cmd", "Cancel"),
    ]
    first = cases.iloc[0]
    assert (first["opened"], first["closed"]) == (pd.Timestamp("2026-11-02 10:00"),) * 2
    assert (first["source"], first["currency"], first["buyer_username"]) == (C.SOURCE_CANCELLED, "USD", "ann")
    assert set(cases.columns) <= set(C.CASE_PLATFORM_KEYS)
    assert cases["quantity"].dtype == "Int64" and cases["amount"].dtype == "Float64"
    assert cases["source"].dtype == object and cases["case_id"].dtype == object


def test_unpaid_cancellations_only_on_request():
    cases = cancellation_cases(order_lines(), include_unpaid=True)
    assert cases["case_id"].tolist() == ["C-5770001", "C-5770002", "C-5770004"]
    assert cases.set_index("case_id").loc["C-5770002", "amount"] == 15.0  # no refund amount: the order amount


def test_no_cancellations():
    lines = order_lines()
    assert cancellation_cases(lines[lines["order_status"] == "Completed"]).empty
    assert cancellation_cases(lines.iloc[0:0]).empty


def test_cancellations_from_a_real_order_export():
    lines = read_orders(DATA / "exports" / "br_money.csv", BR).table.frame
    cases = cancellation_cases(lines)
    assert cases[["case_id", "reason", "cancel_by", "amount", "currency"]].values.tolist() == [
        ["C-583280584408762251", "Não preciso mais", "Buyer", 77.8, "BRL"]]


def test_returns_and_cancellations_stack_into_one_case_table_with_unique_keys():
    returns = read_returns(RETURNS / "us_returns.csv", US).frame
    cases = C.ordered(pd.concat([returns, cancellation_cases(order_lines())], ignore_index=True))
    keys = C.case_keys(cases)
    assert keys.is_unique and len(cases) == len(returns) + 2
    assert keys.iloc[-1] == "C-5770004||0"


def test_rereading_a_file_gives_the_same_keys_and_values():
    first = read_returns(RETURNS / "br_returns.xlsx", BR).frame
    again = read_returns(RETURNS / "br_returns.xlsx", BR).frame
    pd.testing.assert_frame_equal(first, again)
    assert C.case_keys(first).tolist() == C.case_keys(again).tolist()



def test_a_returns_export_is_told_from_an_order_export_by_its_headers(tmp_path):
    from tkops.settings import Settings
    from tkops.sources.returns_export import is_returns_export

    samples = Path(__file__).resolve().parents[2] / "tkops" / "samples"
    settings = Settings(market="US")
    assert is_returns_export(samples / "us_returns_2026-11.csv", settings)
    assert not is_returns_export(samples / "us_shop_2026-11-25.csv", settings)
    assert not is_returns_export(samples / "sea_shop_2026-11-25.xlsx", settings)
    book = tmp_path / "returns.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Return Order ID", "Order ID"])
    wb.save(book)
    assert is_returns_export(book, settings)
    (tmp_path / "damaged.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    assert not is_returns_export(tmp_path / "damaged.xlsx", settings)
    assert not is_returns_export(tmp_path / "missing.csv", settings)
