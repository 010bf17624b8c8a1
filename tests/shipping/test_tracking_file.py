"""Tracking numbers from carrier/3PL/warehouse files: real CSV and XLSX files in, the frame out, problems named by
file, row and column; then the numbers onto an Orders sheet frame without overwriting anything."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from tkops.errors import EncodingProblem, MangledIds, MissingColumn, TkopsError
from tkops.settings import Settings
from tkops.shipping.tracking_apply import apply_tracking
from tkops.sources.tracking_file import FRAME_COLUMNS, TrackingFile, read_tracking_file
from tkops.sources import mapping

from tests.shipping.conftest import DHL, FEDEX, UPS, UPS_2, USPS, order_id

A, B, C, D, CANCELLED, SHIPPED, UNKNOWN = (order_id(n) for n in range(7))


def csv_file(tmp_path, text: str, name: str = "3pl.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def xlsx_file(tmp_path, rows: list[list], name: str = "carrier.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Shipments"
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def entries(result: TrackingFile) -> list[tuple]:
    """The frame as compact (row, order, tracking, provider) tuples."""
    f = result.frame
    return list(zip(f["row"], f["order_id"], f["tracking_id"], f["shipping_provider"]))


# --- reading -----------------------------------------------------------------------------------------------------

def test_gb18030_csv_with_chinese_headers_when_the_settings_say_so(tmp_path):
    path = csv_file(tmp_path, f"订单号,平台订单号,运单号,物流公司,备注\nWMS-1,{A},{UPS},UPS,易碎\n"
                              f'WMS-2,="{B}",{USPS},USPS,\n', encoding="gb18030")  # ="..." keeps Excel off
    result = read_tracking_file(path, Settings(encoding="gb18030"))
    assert list(result.frame.columns) == FRAME_COLUMNS
    # 平台订单号 (the platform's number) wins over 订单号 (the warehouse's own)
    assert result.columns == {"order_id": "平台订单号", "tracking_id": "运单号", "shipping_provider": "物流公司"}
    assert entries(result) == [(2, A, UPS, "UPS"), (3, B, USPS, "USPS")]
    assert result.mapping is None and result.problems == []


def test_gb18030_is_recognised_by_its_headers_without_a_setting_and_other_bytes_are_refused(tmp_path):
    path = csv_file(tmp_path, f"平台订单号,快递单号\n{A},{UPS}\n", encoding="gb18030")
    assert entries(read_tracking_file(path, Settings())) == [(2, A, UPS, None)]
    latin = csv_file(tmp_path, f"Bestellnr.,Sendungsnr.,Empfänger\n{A},{UPS},Jörg\n", "de.csv", "cp1252")
    with pytest.raises(EncodingProblem) as err:
        read_tracking_file(latin, Settings())
    assert "de.csv" in err.value.render("en") and "Encoding" in err.value.render("en")


def test_xlsx_with_english_headers_ids_stay_text_and_numbers_are_cleaned(tmp_path):
    path = xlsx_file(tmp_path, [
        ["Order Number", "Tracking Number", "Courier", "Seller SKU", "Weight"],
        [A, " 1z5r8 9390357567127 ", "UPS", "TEE-BLK-M", 0.4],
        [f"'{B}", FEDEX, "FedEx", None, 1.0],  # an apostrophe typed to keep Excel's hands off
        ["Total", None, None, None, 1.4],  # footer: no order ID, no number
        [None, None, None, None, None],
        [C, int(DHL), "DHL", None, 0.2],  # a short number stored as a number is exact
    ])
    result = read_tracking_file(path, Settings())
    assert result.file == "carrier.xlsx [Shipments]"
    assert entries(result) == [(2, A, UPS, "UPS"), (3, B, FEDEX, "FedEx"), (6, C, DHL, "DHL")]
    assert result.frame["seller_sku"].tolist() == ["TEE-BLK-M", None, None]


def test_a_file_read_through_a_toml_mapping(tmp_path):
    toml = tmp_path / "dhl_de.toml"
    toml.write_text('name = "dhl_de"\nencoding = "cp1252"\n[columns]\n"Referenz" = "Order ID"\n'
                    '"Sendungsnummer" = "Tracking ID"\n"Dienstleister" = "Shipping Provider Name"\n'
                    '"Artikel" = "Seller SKU"\n', encoding="utf-8")
    path = csv_file(tmp_path, f"Referenz;Sendungsnummer;Dienstleister;Artikel;Empfänger\n"
                              f"{A};{DHL};DHL Express;TEE-BLK-M;Jörg\n", "versand.csv", "cp1252")
    result = read_tracking_file(path, Settings(), [mapping.from_toml(toml)])
    assert entries(result) == [(2, A, DHL, "DHL Express")]
    assert result.mapping == "column mapping dhl_de"
    assert result.columns["order_id"] == "Referenz" and result.columns["seller_sku"] == "Artikel"


def test_a_file_read_through_a_mapping_of_the_mappings_sheet(tmp_path):
    rows = [["Mapping", "Their Column", "tkops Column", "Date Format", "Encoding", "Decimal", "Currency"],
            ["yun", "客户单号", "Order ID", None, None, None, None],
            ["yun", "转单号", "Tracking ID", None, None, None, None]]
    path = xlsx_file(tmp_path, [["客户单号", "运单号", "转单号"], [A, "YT0000000000001", UPS]])
    result = read_tracking_file(path, Settings(), mapping.from_sheet_rows(rows))
    # the mapping's 转单号 (the last-mile number) wins over the default name 运单号 (the forwarder's own)
    assert entries(result) == [(2, A, UPS, None)] and result.columns["tracking_id"] == "转单号"


def test_mappings_that_read_a_file_differently_are_refused(tmp_path):
    one = mapping.build("one", {"Ref": "Order ID", "No A": "Tracking ID"}, {}, "sheet")
    two = mapping.build("two", {"Ref": "Order ID", "No B": "Tracking ID"}, {}, "sheet")
    path = csv_file(tmp_path, f"Ref,No A,No B\n{A},{UPS},{UPS_2}\n")
    with pytest.raises(TkopsError) as err:
        read_tracking_file(path, Settings(), [one, two])
    assert err.value.code == "tracking_file.ambiguous" and "one" in str(err.value) and "two" in str(err.value)


@pytest.mark.parametrize("header, missing", [("Order ID,Weight", "Tracking ID"), ("运单号,Weight", "Order ID")])
def test_a_missing_column_names_the_file_the_headers_and_how_to_map(tmp_path, header, missing):
    path = csv_file(tmp_path, f"{header}\n{A},1\n")
    with pytest.raises(MissingColumn) as err:
        read_tracking_file(path, Settings())
    message = err.value.render("en")
    assert err.value.params["column"] == missing
    assert "3pl.csv" in message and header.replace(",", ", ") in message
    assert "Mappings sheet" in message and "--mapping" in message
    assert missing in err.value.render("zh") and "Mappings" in err.value.render("zh")


def test_order_ids_mangled_by_excel_are_refused_with_file_row_and_column(tmp_path):
    path = csv_file(tmp_path, f"Order No,Tracking No\n{A},{UPS}\n5.77E+17,{UPS_2}\n")
    with pytest.raises(MangledIds) as err:
        read_tracking_file(path, Settings())
    assert (err.value.code, err.value.params["row"], err.value.params["column"]) == ("tracking_file.mangled", 3,
                                                                                      "Order No")
    assert "5.77E+17" in err.value.render("en") and "carrier" in err.value.render("en")


def test_numbers_mangled_by_excel_in_a_workbook_are_refused(tmp_path):
    orders = xlsx_file(tmp_path, [["Order ID", "AWB"], [float(A), UPS]], "orders_as_numbers.xlsx")
    with pytest.raises(MangledIds) as err:
        read_tracking_file(orders, Settings())
    assert (err.value.params["row"], err.value.params["column"]) == (2, "Order ID")
    numbers = xlsx_file(tmp_path, [["Order ID", "AWB"], [A, DHL], [B, float(USPS)]], "awb_as_numbers.xlsx")
    with pytest.raises(MangledIds) as err:
        read_tracking_file(numbers, Settings())
    assert (err.value.params["row"], err.value.params["column"]) == (3, "AWB")


def test_an_order_with_two_numbers_is_left_out_and_reported_but_one_per_line_is_fine(tmp_path):
    path = csv_file(tmp_path, f"Order ID,Tracking ID,SKU\n{A},{UPS},\n{A},{UPS_2},\n{B},{UPS},TEE\n{B},{UPS},TEE\n"
                              f"{C},{USPS},TEE\n{C},{FEDEX},CAP\n")
    result = read_tracking_file(path, Settings())
    assert [(r, o) for r, o, *_ in entries(result)] == [(4, B), (6, C), (7, C)]
    assert result.frame["seller_sku"].tolist() == ["TEE", "TEE", "CAP"]
    [(code, params)] = result.problems
    assert (code, params["rows"], params["column"], params["order"]) == ("tracking_file.two_numbers", "2, 3",
                                                                         "Tracking ID", A)
    assert UPS in params["numbers"] and UPS_2 in params["numbers"]


# --- applying ----------------------------------------------------------------------------------------------------

def sheet(*lines: tuple) -> pd.DataFrame:
    """An Orders sheet frame: (order, status, seller sku, tracking, provider) per line."""
    return pd.DataFrame([{"Order ID": o, "Order Status": s, "SKU ID": None, "Seller SKU": k, "Quantity": 1,
                          "Tracking ID": t, "Shipping Provider Name": p, "Team Note": "keep"}
                         for o, s, k, t, p in lines], dtype=object)


def incoming(*rows: tuple, name: str = "3pl.csv") -> TrackingFile:
    """A read tracking file: (row, order, tracking, provider, seller sku) per entry."""
    frame = pd.DataFrame([{"order_id": o, "sku_id": None, "seller_sku": k, "tracking_id": t,
                           "shipping_provider": p, "row": r} for r, o, t, p, k in rows], columns=FRAME_COLUMNS)
    return TrackingFile(frame, name, {"order_id": "Order ID", "tracking_id": "Tracking ID"})


def test_apply_fills_blanks_and_never_overwrites_a_different_number():
    before = sheet((A, "Awaiting Shipment", "TEE", None, None), (A, "Awaiting Shipment", "CAP", None, None),
                   (B, "Awaiting Shipment", "TEE", UPS_2, "UPS"),
                   (C, "Awaiting Shipment", "TEE", "1z5r8 93903 57567127", "UPS"),  # the same number, typed
                   (CANCELLED, "Canceled", "TEE", None, None), (SHIPPED, "Shipped", "TEE", USPS, "USPS"),
                   (D, "Awaiting Shipment", "TEE", None, "USPS"))
    file = incoming((2, A, UPS, "UPS", None), (3, B, UPS, "UPS", None), (4, C, UPS, "UPS", None),
                    (5, CANCELLED, FEDEX, "FedEx", None), (6, SHIPPED, UPS, "UPS", None),
                    (7, UNKNOWN, DHL, "DHL", None), (8, D, "9400111201080805483016", None, None))
    after, done = apply_tracking(before, file)
    assert before["Tracking ID"].tolist()[:2] == [None, None]  # the input is not changed
    assert after["Tracking ID"].tolist() == [UPS, UPS, UPS_2, "1z5r8 93903 57567127", None, USPS, USPS]
    assert after["Shipping Provider Name"].tolist() == ["UPS", "UPS", "UPS", "UPS", None, "USPS", "USPS"]
    assert after["Team Note"].eq("keep").all() and list(after.columns) == list(before.columns)
    assert (done.filled, done.unchanged, done.conflicts, done.unknown, done.skipped) == (3, 1, 1, 1, 2)
    assert [(code, p["row"]) for code, p in done.problems] == [
        ("tracking_file.conflict", 3), ("tracking_file.unknown_order", 7), ("tracking_file.skipped", 5),
        ("tracking_file.skipped", 6)]
    conflict = done.lines("en")[1]
    assert UPS in conflict and UPS_2 in conflict and "row 3" in conflict and "not overwritten" in conflict
    assert "cancelled" in done.lines("en")[3].lower()
    assert "3pl.csv" in done.lines("zh")[0] and "冲突" in done.lines("zh")[0]


def test_apply_per_line_when_the_file_gives_a_sku():
    before = sheet((A, "Awaiting Shipment", "TEE", None, None), (A, "Awaiting Shipment", "CAP", None, None))
    after, done = apply_tracking(before, incoming((2, A, UPS, "UPS", "tee"), (3, A, FEDEX, "FedEx", "MUG")))
    assert after["Tracking ID"].tolist() == [UPS, None]
    assert (done.filled, done.unknown) == (1, 1)
    code, params = done.problems[0]
    assert (code, params["variant"], params["skus"]) == ("tracking_file.unknown_order", "sku", "CAP, TEE")


def test_apply_again_changes_nothing_and_adds_a_missing_sheet_column():
    before = sheet((A, "Awaiting Shipment", "TEE", None, None)).drop(columns=["Tracking ID"])
    once, first = apply_tracking(before, incoming((2, A, UPS, None, None)))
    twice, second = apply_tracking(once, incoming((2, A, UPS, "UPS", None)))
    assert once["Tracking ID"].tolist() == [UPS] and first.changed
    assert (second.filled, second.unchanged, second.providers) == (0, 1, 1)  # only the blank provider is filled
    assert twice["Shipping Provider Name"].tolist() == ["UPS"]
    _, third = apply_tracking(twice, incoming((2, A, UPS, "UPS", None)))
    assert not third.changed


def test_a_report_lists_at_most_twenty_problems_of_a_kind():
    file = incoming(*[(n, order_id(100 + n), UPS, None, None) for n in range(2, 27)])
    _, done = apply_tracking(sheet((A, "Awaiting Shipment", "TEE", None, None)), file)
    lines = done.lines("en")
    assert done.unknown == 25 and len(lines) == 1 + 20 + 1 and "5 more" in lines[-1]


def test_orders_without_a_number_yet_are_named_once_with_their_rows(tmp_path):
    from tkops.messages import render

    rows = "".join(f"{order_id(20 + n)},pending\n" for n in range(12))
    path = csv_file(tmp_path, f"Order ID,Tracking Number\n{A},{USPS}\n{B},\n{C},N/A\nTotal,1\n" + rows)
    result = read_tracking_file(path, Settings(market="US"))
    assert entries(result) == [(2, A, USPS, None)]
    assert result.problems == [("tracking_file.no_number", {"file": "3pl.csv", "n": 14, "column": "Tracking Number",
                                                             "rows": "3, 4, 6, 7, 8, 9, 10, 11, 12, 13 (+4)"})]
    said = render(*result.problems[0][:1], "en", **result.problems[0][1])
    assert "14 rows give an order but no tracking number" in said and "rows 3, 4, 6" in said
    assert "14 行" in render("tracking_file.no_number", "zh", **result.problems[0][1])
    assert read_tracking_file(csv_file(tmp_path, f"Order ID,Tracking Number\n{A},{USPS}\n", "ok.csv"),
                              Settings(market="US")).problems == []


@pytest.mark.parametrize(("n", "rows"), [(1, "2"), (10, "2, 3, 4, 5, 6, 7, 8, 9, 10, 11"),
                                         (11, "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 (+1)")])
def test_the_rows_without_a_number_are_listed_up_to_ten(tmp_path, n, rows):
    lines = "".join(f"{order_id(40 + i)},TBD\n" for i in range(n))
    result = read_tracking_file(csv_file(tmp_path, "Order ID,Tracking Number\n" + lines), Settings(market="US"))
    assert result.problems == [("tracking_file.no_number", {"file": "3pl.csv", "n": n, "rows": rows,
                                                             "column": "Tracking Number"})]
