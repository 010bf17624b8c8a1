"""Which table the three readers take from a file: the sheets in their order, the encodings tried, and each
reader's own error when nothing fits (the order export, the Return/Refund export, a carrier's tracking file).

Real files in tmp dirs; every refusal is checked by its code and all its parameters."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from tkops.errors import DataError, EncodingProblem, MissingColumn, TkopsError, UnknownFormat
from tkops.settings import Settings
from tkops.sources import mapping, read_orders
from tkops.sources.returns_export import read_returns
from tkops.sources.tracking_file import DEFAULT_HEADERS, read_tracking_file

from conftest import DATA, EXPORTS

RETURNS = DATA / "returns"
US = Settings(market="US")
A, B = "576461413038785752", "576461413038785753"
UPS = "1Z5R89390357567127"
SOURCES = "tiktok_export, mabang, dianxiaomi"


def rows_of(path, encoding: str = "utf-8") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding))))


def workbook(tmp_path, sheets: dict[str, list[list]], name: str = "book.xlsx"):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def text_file(tmp_path, text: str, encoding: str, name: str = "file.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def refusal(call) -> tuple[type, str, dict]:
    with pytest.raises(TkopsError) as err:
        call()
    return type(err.value), err.value.code, err.value.params


def bad_byte(path) -> int:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    raise AssertionError("the file is UTF-8")


def utf16_mapping(tmp_path, columns: str):
    """A mapping declaring UTF-16 (no BOM) as its encoding: the one fallback both readers treat as final or not."""
    toml = tmp_path / "wide.mapping.toml"
    toml.write_text(f'name = "wide"\nencoding = "utf-16"\n[columns]\n{columns}', encoding="utf-8")
    return mapping.from_toml(toml)


# --- order exports -------------------------------------------------------------------------------------------------
TIKTOK = rows_of(EXPORTS / "us_2025.csv")
RETURN_ROWS = rows_of(RETURNS / "us_returns.csv")


def test_orders_second_sheet_of_a_workbook(tmp_path):
    path = workbook(tmp_path, {"Notes": [["Read me", "Owner"], ["x", "y"]], "Orders": TIKTOK})
    result = read_orders(path, US)
    assert result.sheet == "Orders" and result.encoding is None
    assert len(result.table.frame) == len(read_orders(EXPORTS / "us_2025.csv", US).table.frame)


def test_orders_preferred_sheet_first_whatever_its_place_and_case(tmp_path):
    path = workbook(tmp_path, {"Data": TIKTOK[:3], "orderskulist": TIKTOK})
    result = read_orders(path, US)
    assert result.sheet == "orderskulist"
    assert len(result.table.frame) == len(read_orders(EXPORTS / "us_2025.csv", US).table.frame)


def test_orders_nothing_claimed_in_a_workbook_shows_the_first_nonblank_headers_in_walking_order(tmp_path):
    path = workbook(tmp_path, {"Empty": [], "Junk": [["Alpha", "Beta"]], "OrderSKUList": [["Gamma"]]})
    assert refusal(lambda: read_orders(path, US)) == (
        UnknownFormat, "unknown_format", {"file": "book.xlsx", "sources": SOURCES, "headers": "Gamma"})
    path = workbook(tmp_path, {"Empty": [], "Junk": [["Alpha", "Beta"]]}, "two.xlsx")
    assert refusal(lambda: read_orders(path, US)) == (
        UnknownFormat, "unknown_format", {"file": "two.xlsx", "sources": SOURCES, "headers": "Alpha, Beta"})


def test_orders_a_returns_sheet_is_named_with_its_sheet(tmp_path):
    path = workbook(tmp_path, {"Notes": [["Read me"]], "Returns": RETURN_ROWS})
    assert refusal(lambda: read_orders(path, US)) == (
        DataError, "returns_given_as_orders", {"file": "book.xlsx [Returns]"})


def test_orders_gb18030_and_a_mappings_cp1252_are_fallbacks():
    assert read_orders(EXPORTS / "mabang_gb18030.csv", Settings()).encoding == "gb18030"
    shop = [mapping.from_toml(EXPORTS / "mapped_shop.mapping.toml")]
    result = read_orders(EXPORTS / "mapped_shop.csv", Settings(), shop)
    assert result.encoding == "cp1252" and result.table.source == "mapping:mapped_shop"


def test_orders_a_fallback_only_for_the_sources_that_declare_it(tmp_path):
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8").replace("Awaiting", "待发货 Awaiting")
    path = text_file(tmp_path, text, "gb18030", "tiktok_gbk.csv")
    assert refusal(lambda: read_orders(path, US)) == (
        EncodingProblem, "encoding", {"file": "tiktok_gbk.csv", "position": bad_byte(path)})
    assert read_orders(path, Settings(market="US", encoding="gb18030")).encoding == "gb18030"


def test_orders_bad_bytes(tmp_path):
    no_fallback = tmp_path / "ff.csv"
    no_fallback.write_bytes(b"Order ID,Note\n1,\xff\xff\n")  # no fallback decodes it
    assert refusal(lambda: read_orders(no_fallback, US)) == (
        EncodingProblem, "encoding", {"file": "ff.csv", "position": 16})
    latin = text_file(tmp_path, "Bestellnr.,Empfänger\n1,Jörg\n", "cp1252", "de.csv")
    assert refusal(lambda: read_orders(latin, US)) == (
        EncodingProblem, "encoding", {"file": "de.csv", "position": bad_byte(latin)})
    assert refusal(lambda: read_orders(latin, Settings(encoding="utf-8"))) == (
        EncodingProblem, "encoding_setting", {"file": "de.csv", "encoding": "utf-8", "position": bad_byte(latin)})


def test_orders_nothing_claimed_in_text(tmp_path):
    path = text_file(tmp_path, "Alpha;Beta\n1;2\n", "utf-8", "junk.csv")
    assert refusal(lambda: read_orders(path, US)) == (
        UnknownFormat, "unknown_format", {"file": "junk.csv", "sources": SOURCES, "headers": "Alpha, Beta"})
    path = text_file(tmp_path, "Alpha,Beta\n1,2\n", "utf-16", "wide.csv")
    assert refusal(lambda: read_orders(path, US)) == (
        UnknownFormat, "unknown_format", {"file": "wide.csv", "sources": SOURCES, "headers": "Alpha, Beta"})


def test_orders_stop_after_a_utf16_fallback_that_no_source_claims(tmp_path):
    path = text_file(tmp_path, "Bestellnr.,Empfänger\n1,Jörg\n", "cp1252", "de.csv")  # an even number of bytes
    assert len(path.read_bytes()) % 2 == 0
    wide = utf16_mapping(tmp_path, '"Nummer" = "Order ID"\n')
    assert refusal(lambda: read_orders(path, US, [wide])) == (
        UnknownFormat, "unknown_format", {"file": "de.csv", "sources": SOURCES + ", mapping:wide",
                                          "headers": path.read_bytes().split(b"\n")[0].decode("gb18030")
                                          .replace(",", ", ")})


# --- Return/Refund exports -----------------------------------------------------------------------------------------
def test_returns_the_sheet_with_return_order_id(tmp_path):
    path = workbook(tmp_path, {"Summary": [["Order ID", "Total"], [A, "1"]], "Returns": RETURN_ROWS})
    cases = read_returns(path, US).frame
    assert cases["case_id"].tolist() == read_returns(RETURNS / "us_returns.csv", US).frame["case_id"].tolist()


def test_returns_without_return_order_id_the_first_sheet_is_used(tmp_path):
    path = workbook(tmp_path, {"First": [["Order ID", "Amount"], [A, "1"]], "Second": [["Other"], ["x"]]})
    assert refusal(lambda: read_returns(path, US)) == (
        MissingColumn, "returns.missing_column",
        {"file": "book.xlsx [First]", "column": "Return Order ID", "headers": "Order ID, Amount"})
    path = workbook(tmp_path, {"Orders": TIKTOK, "Other": [["Return Order"]]}, "orders.xlsx")
    kind, code, params = refusal(lambda: read_returns(path, US))
    assert (kind, code, params["file"]) == (DataError, "returns.orders_file", "orders.xlsx [Orders]")


def test_returns_text_is_utf8_or_the_setting_without_fallbacks(tmp_path):
    assert refusal(lambda: read_returns(RETURNS / "cp1252.csv", Settings(market="FR"))) == (
        EncodingProblem, "encoding", {"file": "cp1252.csv", "position": bad_byte(RETURNS / "cp1252.csv")})
    assert len(read_returns(RETURNS / "cp1252.csv", Settings(market="FR", encoding="cp1252")).frame)
    text = (RETURNS / "us_returns.csv").read_text(encoding="utf-8").replace("jmiller88", "买家")
    path = text_file(tmp_path, text, "gb18030", "gbk.csv")
    assert refusal(lambda: read_returns(path, US)) == (
        EncodingProblem, "encoding", {"file": "gbk.csv", "position": bad_byte(path)})
    path = text_file(tmp_path, "Alpha,Beta\n1,2\n", "utf-8", "junk.csv")
    assert refusal(lambda: read_returns(path, US)) == (
        MissingColumn, "returns.missing_column", {"file": "junk.csv", "column": "Return Order ID",
                                                  "headers": "Alpha, Beta"})


# --- tracking files ------------------------------------------------------------------------------------------------
def test_tracking_second_sheet_of_a_workbook(tmp_path):
    path = workbook(tmp_path, {"Summary": [["Order ID", "Weight"], [A, 1]],
                               "Parcels": [["Order ID", "Tracking ID"], [A, UPS]]})
    result = read_tracking_file(path, Settings())
    assert result.file == "book.xlsx [Parcels]" and result.frame["tracking_id"].tolist() == [UPS]


def test_tracking_nothing_fits_in_a_workbook_names_the_first_sheet(tmp_path):
    path = workbook(tmp_path, {"Summary": [["Order ID", "Weight"], [A, 1]], "Other": [["Tracking ID"], [UPS]]})
    assert refusal(lambda: read_tracking_file(path, Settings())) == (
        MissingColumn, "tracking_file.no_column",
        {"file": "book.xlsx [Summary]", "column": "Tracking ID", "names": ", ".join(DEFAULT_HEADERS["tracking_id"]),
         "headers": "Order ID, Weight"})
    path = workbook(tmp_path, {"Empty": [], "Other": [["Tracking ID"], [UPS]]}, "empty_first.xlsx")
    assert refusal(lambda: read_tracking_file(path, Settings())) == (
        MissingColumn, "tracking_file.no_column",
        {"file": "empty_first.xlsx [Empty]", "column": "Order ID", "names": ", ".join(DEFAULT_HEADERS["order_id"]),
         "headers": "(none)"})


def test_tracking_gb18030_and_a_mappings_cp1252_are_fallbacks(tmp_path):
    path = text_file(tmp_path, f"平台订单号,快递单号\n{A},{UPS}\n", "gb18030")
    assert read_tracking_file(path, Settings()).frame["tracking_id"].tolist() == [UPS]
    toml = tmp_path / "de.toml"
    toml.write_text('name = "de"\nencoding = "cp1252"\n[columns]\n"Referenz" = "Order ID"\n'
                    '"Sendung" = "Tracking ID"\n', encoding="utf-8")
    path = text_file(tmp_path, f"Referenz;Sendung;Empfänger\n{A};{UPS};Jörg\n", "cp1252", "de.csv")
    assert read_tracking_file(path, Settings(), [mapping.from_toml(toml)]).frame["tracking_id"].tolist() == [UPS]


def test_tracking_bad_bytes(tmp_path):
    latin = text_file(tmp_path, f"Bestellnr.,Sendungsnr.,Empfänger\n{A},{UPS},Jörg\n", "cp1252", "de.csv")
    assert refusal(lambda: read_tracking_file(latin, Settings())) == (
        EncodingProblem, "encoding", {"file": "de.csv", "position": bad_byte(latin)})
    no_fallback = tmp_path / "ff.csv"
    no_fallback.write_bytes(b"Order ID,Tracking ID\n1,\xff\xff\n")
    assert refusal(lambda: read_tracking_file(no_fallback, Settings())) == (
        EncodingProblem, "encoding", {"file": "ff.csv", "position": 23})
    assert refusal(lambda: read_tracking_file(latin, Settings(encoding="utf-8"))) == (
        EncodingProblem, "encoding_setting", {"file": "de.csv", "encoding": "utf-8", "position": bad_byte(latin)})


def test_tracking_nothing_fits_in_text(tmp_path):
    path = text_file(tmp_path, "Order ID,Weight\n1,2\n", "utf-8", "junk.csv")
    assert refusal(lambda: read_tracking_file(path, Settings())) == (
        MissingColumn, "tracking_file.no_column",
        {"file": "junk.csv", "column": "Tracking ID", "names": ", ".join(DEFAULT_HEADERS["tracking_id"]),
         "headers": "Order ID, Weight"})
    path = text_file(tmp_path, "Order ID,Weight\n1,2\n", "cp1252", "set.csv")
    kind, code, params = refusal(lambda: read_tracking_file(path, Settings(encoding="cp1252")))
    assert (kind, code, params["file"], params["column"]) == (
        MissingColumn, "tracking_file.no_column", "set.csv", "Tracking ID")


def test_tracking_goes_on_after_a_utf16_fallback(tmp_path):
    path = text_file(tmp_path, f"Bestellnr.,Empfänger\n{A},Jörg!\n", "cp1252", "de.csv")
    assert len(path.read_bytes()) % 2 == 0
    wide = utf16_mapping(tmp_path, '"Nummer" = "Order ID"\n"Paket" = "Tracking ID"\n')
    assert refusal(lambda: read_tracking_file(path, Settings(), [wide])) == (
        EncodingProblem, "encoding", {"file": "de.csv", "position": bad_byte(path)})
