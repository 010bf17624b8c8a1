"""The bulk-shipping upload: which lines go in, the file read back with openpyxl and python-calamine and compared
column by column with the reference template, the export log, and the rejected list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tests.shipping.conftest import FEDEX, S10_GB, UPS, UPS_2, USPS, frame, line, order_id, write_upload
from tkops.shipping import (SHIPLOG_COLUMNS, UPLOAD_COLUMNS, already_exported, export_log_rows, shipping_upload,
                            validate_tracking)

REFERENCE = json.loads((Path(__file__).parent / "data" / "shipping_info_reference.json").read_text("utf-8"))
WHEN = dt.datetime(2026, 11, 25, 14, 30)


def run(lines: pd.DataFrame, exported=frozenset(), lang="en", **kw):
    return shipping_upload(lines, validate_tracking(lines, **kw), exported, lang=lang, **kw)


@pytest.fixture
def lines() -> pd.DataFrame:
    return frame(
        line(tracking_id=UPS, sku_id="1729382938492834921", quantity=2),
        line(sku_id="1729382938492834922", tracking_id=UPS),  # second line of the same order, same parcel
        line(order_id(1), tracking_id="9400 1112 0108 0805 4830 16", provider="usps", sku_id="",
             auto_combine_group_id="7712345678901234567"),
        line(order_id(2), tracking_id=USPS[:-1], provider="USPS"),  # a digit short
        line(order_id(3), tracking_id=UPS_2, provider="FedEx"),  # wrong carrier
        line(order_id(4), tracking_id=None, packed="Yes"),  # packed, no number
        line(order_id(5), tracking_id=None),  # not packed yet: not a candidate
        line(order_id(6), tracking_id=FEDEX, provider="FedEx", status="Cancelled"),
        line(order_id(7), tracking_id="1Z410E7W0392751591", status="Shipped"),  # already shipped: left out
        line(order_id(8), tracking_id=S10_GB, provider="Royal Mail", quantity=None,
             shipping_service="Tracked 48"),
    )


def test_only_valid_lines_go_in_one_row_per_order_line(lines):
    upload, rejected = run(lines)
    assert list(upload.columns) == UPLOAD_COLUMNS == REFERENCE["headers"]
    assert upload.index.tolist() == [2, 3, 4, 11]
    assert upload.values.tolist() == [
        [order_id(0), "1729382938492834921", "2", UPS, "UPS", "", "N/A"],
        [order_id(0), "1729382938492834922", "1", UPS, "UPS", "", "N/A"],
        [order_id(1), "", "1", USPS, "USPS", "", "7712345678901234567"],
        [order_id(8), "1729382938492834921", "", S10_GB, "Royal Mail", "Tracked 48", "N/A"],
    ]
    assert all(isinstance(v, str) for v in upload.values.ravel())


def test_the_rejected_list_names_the_reason(lines):
    _, rejected = run(lines)
    by_row = rejected.set_index("row")
    assert by_row.index.tolist() == [5, 6, 7, 9]
    assert by_row.loc[5, "Codes"] == "tracking.format" and "not a valid USPS" in by_row.loc[5, "Reason"]
    assert by_row.loc[6, "Codes"] == "tracking.wrong_carrier" and "UPS" in by_row.loc[6, "Reason"]
    assert by_row.loc[7, "Codes"] == "tracking.missing" and "Packed" in by_row.loc[7, "Reason"]
    assert by_row.loc[9, "Codes"] == "upload.status" and "cancelled" in by_row.loc[9, "Reason"]
    assert by_row.loc[6, "Order ID"] == order_id(3) and by_row.loc[6, "Tracking ID"] == UPS_2
    _, chinese = run(lines, lang="zh")
    assert "物流" in chinese.set_index("row").loc[6, "Reason"]


def test_already_exported_lines_are_not_exported_again(lines, tmp_path):
    upload, _ = run(lines)
    log = export_log_rows(upload, WHEN, "shipping-2026-11-25.xlsx")
    assert list(log.columns) == SHIPLOG_COLUMNS and len(log) == 4
    assert log.loc[0].tolist() == [order_id(0), "1729382938492834921", UPS, "UPS", WHEN, "shipping-2026-11-25.xlsx"]
    # The log as the ShipLog sheet gives it back: header first, a datetime cell, and a later line re-typed.
    sheet_rows = [SHIPLOG_COLUMNS] + log.values.tolist()
    done = already_exported(sheet_rows)
    assert (order_id(0), "1729382938492834921", UPS) in done and len(done) == 4
    again, rejected = run(lines, exported=done)
    assert again.empty and list(again.columns) == UPLOAD_COLUMNS
    skipped = rejected[rejected["Codes"] == "upload.already_exported"]
    assert skipped["row"].tolist() == [2, 3, 4, 11]
    assert "shipping-2026-11-25.xlsx" in skipped.iloc[0]["Reason"] and "2026-11-25 14:30" in skipped.iloc[0]["Reason"]
    # a plain set of keys works as well, and a new tracking number for an exported line goes out again
    lines.loc[2, "tracking_id"] = "1Z8V92A70367203024"
    again, _ = run(lines, exported=set(done))
    assert again.index.tolist() == [2]


def test_already_exported_reads_a_frame_and_tolerates_junk():
    assert already_exported(None) == {} and already_exported([]) == {} and already_exported([SHIPLOG_COLUMNS]) == {}
    log = pd.DataFrame({"order id": [order_id(0), None, 5.77e17], "SKU ID": ["1", "2", "3"],
                        "tracking id": [" 1z5r89390357567127 ", UPS, UPS]})
    # a rounded ID is kept as the text Excel shows: it can never match an order, so nothing is taken as exported
    assert set(already_exported(log)) == {(order_id(0), "1", UPS), ("5.77e+17", "3", UPS)}


def _read_openpyxl(path: Path):
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [REFERENCE["sheet"]]
    sheet = book[REFERENCE["sheet"]]
    cells = [list(row) for row in sheet.iter_rows()]
    for row in cells:
        for cell in row:
            assert cell.value is None or (cell.data_type == "s" and isinstance(cell.value, str)), cell
    return [[c.value for c in row] for row in cells]


def _read_calamine(path: Path):
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [REFERENCE["sheet"]]
    return book.get_sheet_by_name(REFERENCE["sheet"]).to_python()


def test_the_upload_file_matches_the_reference_template(lines, tmp_path):
    upload, _ = run(lines)
    path = write_upload(tmp_path / "shipping.xlsx", upload)
    expected = [REFERENCE["headers"]] + upload.values.tolist()
    by_openpyxl = _read_openpyxl(path)
    by_calamine = _read_calamine(path)
    assert len(by_openpyxl) == len(by_calamine) == len(expected)
    for c, header in enumerate(REFERENCE["headers"]):  # column by column
        want = [row[c] for row in expected]
        assert [(v or "") for v in (row[c] for row in by_openpyxl)] == want, header
        assert [row[c] for row in by_calamine] == want, header
    order_ids = [row[0] for row in by_calamine[1:]]
    assert all(len(v) == 18 and v.isdigit() for v in order_ids)
    assert [row[6] for row in by_calamine[1:]].count(REFERENCE["not_combined"]) == 3
    assert not list(tmp_path.glob(".*tmp*")), "no temporary file is left behind"


def test_text_stays_text_in_the_file(tmp_path):
    hostile = pd.DataFrame([[order_id(0), "=1+1", "001", "0012345", "@SUM(A1)", "+cmd|' /C calc'!A0",
                             "-2+3\x07"]], columns=UPLOAD_COLUMNS)
    path = write_upload(tmp_path / "x.xlsx", hostile)
    values = _read_openpyxl(path)[1]
    assert values == [order_id(0), "=1+1", "001", "0012345", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3"]
    assert _read_calamine(path)[1] == values


def test_a_failed_write_leaves_the_old_file(lines, tmp_path, monkeypatch):
    upload, _ = run(lines)
    target = tmp_path / "shipping.xlsx"
    target.write_bytes(b"previous upload")

    def boom(self):
        raise OSError("disk full")

    monkeypatch.setattr("xlsxwriter.Workbook.close", boom)
    with pytest.raises(OSError):
        write_upload(target, upload)
    assert target.read_bytes() == b"previous upload"
    assert [p.name for p in tmp_path.iterdir()] == ["shipping.xlsx"]


def test_write_upload_refuses_other_columns(tmp_path):
    with pytest.raises(ValueError):
        write_upload(tmp_path / "x.xlsx", pd.DataFrame(columns=["Order ID", "Tracking ID"]))


def test_an_empty_upload_is_a_header_only_file(tmp_path):
    upload, rejected = shipping_upload(frame(line(tracking_id=None)), None, set())
    assert upload.empty and rejected.empty
    path = write_upload(tmp_path / "empty.xlsx", upload)
    assert _read_calamine(path) == [REFERENCE["headers"]]
