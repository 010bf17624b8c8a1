#!/usr/bin/env python3
"""Write the hostile corpus: tests/data/hostile/ (damaged, crafted and wrong files, with what tkops must do).

Run from the repository root (same bytes every run)::

    python tools/make_hostile.py

Every file ``NAME`` gets ``NAME.expected.json`` beside it::

    {"description": "...", "settings": {"Max Sheet Cells": "1000"},        # optional: Settings rows of the book
     "subprocess": true,                                                    # optional: run as a real process
     "commands": {"import": {"exit": 2, "row": 5, "column": "Quantity", "says": ["not possible"]},
                  "cases": {"exit": 2, "says": [...]}, "ship": {...}, "month-end": {...}}}

``commands`` names how the file is given: ``tkops import FILE``, ``tkops cases --returns FILE``, ``tkops ship
--tracking FILE``, ``tkops month-end --orders FILE``. For each: the exit code; when it is not 0 the message must
name the file (and ``row N`` and the column where given) and contain each of ``says``; no traceback ever; a refused
command leaves the book byte for byte as it was (tests/test_hostile_corpus.py). The files are small on disk: the
bombs are small because they compress well, which is the point of them.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path

# openpyxl writes its XML through lxml when lxml is installed, and those bytes differ from its own writer's: the
# corpus is written without lxml, so that it comes out the same on every machine.
os.environ.setdefault("OPENPYXL_LXML", "False")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_samples as gen  # noqa: E402  (deterministic writers only)
from hostile_packages import (  # noqa: E402
    WORKBOOK, flip_stored_byte, far_value, header_row, ods, package, patch_sizes, sheet_xml, two_sheets,
    zip_of,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "hostile"

HEADERS = ["Order ID", "Order Status", "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name", "Variation",
           "Quantity", "SKU Unit Original Price", "Order Amount", "Created Time", "Paid Time", "Tracking ID",
           "Shipping Provider Name", "Buyer Message", "Buyer Username", "Recipient", "Phone #", "Country", "State",
           "City", "Zipcode", "Address Line 1"]
DESCRIPTION = ["Platform unique order ID.", "Current order status.", "", "Platform SKU ID.",
               "Seller sku input by the seller in the product system.", "Platform product name.",
               "Platform SKU variation", "SKU sold quantity in the order.", "1 SKU original price.", "", "", "", "", "",
               "", "", "", "", "", "", "", "", ""]
RECIPIENT = ["(+1)213*****45", "United States", "CA", "Los Angeles", "90012", "123 Main St"]


def line(order: str, sku: str, quantity: str = "1", **cells) -> list[str]:
    """One order line in the layout of :data:`HEADERS` (values as an export writes them)."""
    row = {"Order ID": order, "Order Status": "Awaiting Shipment", "Cancelation/Return Type": "",
           "SKU ID": "1729" + sku.ljust(15, "0")[:15].translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ-",
                                                                             "123456789012345678901234560")),
           "Seller SKU": sku, "Product Name": "Basic Tee", "Variation": "White, M", "Quantity": quantity,
           "SKU Unit Original Price": "19.99", "Order Amount": "21.99", "Created Time": "11/24/2026 9:10:11 AM",
           "Paid Time": "11/24/2026 9:12:40 AM", "Tracking ID": "", "Shipping Provider Name": "",
           "Buyer Message": "", "Buyer Username": "buyer" + order[-3:], "Recipient": "John Smith",
           **dict(zip(["Phone #", "Country", "State", "City", "Zipcode", "Address Line 1"], RECIPIENT))}
    row.update({k.replace("_", " "): v for k, v in cells.items()})
    return [row[h] for h in HEADERS]


O1, O2, O3 = "577123456789012301", "577123456789012302", "577123456789012303"


def good_lines() -> list[list[str]]:
    return [line(O1, "TEE-WHT-M", "2"), line(O1, "CAP-BLK"), line(O2, "MUG", "1"), line(O3, "TEE-BLK-L")]


def orders_csv(rows: list[list[str]], headers=HEADERS, description=True) -> bytes:
    return gen.csv_bytes(headers, ([DESCRIPTION] if description else []) + rows)


def with_cell(rows: list[list[str]], index: int, header: str, value: str) -> list[list[str]]:
    rows = [list(r) for r in rows]
    rows[index][HEADERS.index(header)] = value
    return rows


def openpyxl_bytes(rows: list[list], title: str = "OrderSKUList") -> bytes:
    path = OUT / ".tmp.xlsx"
    gen.write_openpyxl(path, [(title, rows)])
    data = path.read_bytes()
    path.unlink()
    return data


# --- the corpus ---------------------------------------------------------------------------------------------------
FILE_COMMANDS = ("import", "cases", "ship", "month-end")


def refused(*says: str, row: int | None = None, column: str | None = None, commands=FILE_COMMANDS) -> dict:
    """The same refusal (exit 2) from every command that reads the file."""
    expect = {"exit": 2, "says": list(says)}
    if row is not None:
        expect["row"] = row
    if column is not None:
        expect["column"] = column
    return {c: dict(expect) for c in commands}


def imported(lines: int | None = None, **more) -> dict:
    expect = {"exit": 0, **more}
    if lines is not None:
        expect["lines"] = lines
    return expect


def corpus() -> list[tuple[str, bytes, str, dict]]:
    """(file name, bytes, description, expectation) for every hostile file."""
    items: list[tuple[str, bytes, str, dict]] = []

    def add(name: str, data: bytes, description: str, commands: dict, **more):
        items.append((name, data, description, {"commands": commands, **more}))

    good = good_lines()
    # What a file is.
    add("empty.csv", b"", "a 0-byte download", refused("empty"))
    add("empty.xlsx", b"", "a 0-byte workbook", refused("empty"))
    add("pdf_renamed.csv", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        "a PDF document given a .csv name", refused("PDF document"))
    add("png_renamed.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17),
        "a PNG image given an .xlsx name", refused("image"))
    add("exports.zip", zip_of({"orders.csv": orders_csv(good)}),
        "a ZIP archive holding an export", refused("ZIP archive", "Unzip"))
    add("csv_renamed.xlsx", orders_csv(good), "CSV text given an .xlsx name", refused("CSV text", ".csv"))
    add("xlsx_renamed.csv", openpyxl_bytes([HEADERS] + good), "an XLSX workbook given a .csv name",
        refused("XLSX", ".xlsx"))
    add("html_as.xls", b"<html><body><table><tr><td>Order ID</td></tr><tr><td>577123456789012301</td></tr>"
        b"</table></body></html>", "a web page saved under an .xls name (some ERPs do this)",
        refused("web page", "Excel Workbook"))
    add("word_renamed.xlsx", zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
        "a Word document given an .xlsx name", refused("Word"))
    add("gzip_renamed.csv", b"\x1f\x8b\x08\x00" + bytes(16), "a gzip archive given a .csv name",
        refused("compressed archive"))
    add("encrypted.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
        + bytes(64), "a password-protected workbook (an OLE container holding EncryptedPackage)",
        refused("password"))
    add("utf16_no_bom.csv", orders_csv(good).decode("utf-8").encode("utf-16-le"),
        "UTF-16 text without a byte-order mark", refused("UTF-16", "CSV UTF-8"))
    add("latin1.csv", orders_csv(with_cell(good, 0, "Recipient", "José Müller")).decode().encode("cp1252"),
        "Windows-1252 bytes and no Encoding setting", refused("not UTF-8", "Encoding"))
    # Damaged workbooks.
    whole = openpyxl_bytes([HEADERS] + good)
    add("truncated.xlsx", whole[: len(whole) // 2], "a workbook cut in half (an interrupted download)",
        refused("damaged"))
    add("damaged_zip.xlsx", b"PK\x03\x04" + bytes(range(256)) * 4, "zip signature followed by garbage",
        refused("damaged"))
    add("crc_mismatch.xlsx", flip_stored_byte(), "a part whose bytes do not match its checksum",
        refused("damaged", "checksum"))
    add("broken_xml.xlsx", package(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                                   b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                                   b'Order ID</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>5771'),
        "sheet XML that stops in the middle of a cell", refused("damaged"))
    add("damaged.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 3,
        "an Excel 97-2003 signature followed by garbage", refused("damaged"))
    # Crafted workbooks.
    far = sheet_xml(header_row() + far_value("XFD1048576", 1048576), b"A1:XFD1048576")
    add("xfd1048576.xlsx", package(far), "one value in cell XFD1048576 (calamine would allocate 512 GiB)",
        refused("XFD1048576", "Max Sheet Cells"), subprocess=True)
    add("xfd_lying_dimension.xlsx", package(sheet_xml(header_row() + far_value("XFD1048576", 1048576), b"A1:H2")),
        "the sheet says A1:H2 but one cell is at XFD1048576", refused("XFD1048576", "Max Sheet Cells"),
        subprocess=True)
    add("xfd_prefixed.xlsx", package(sheet_xml(header_row(b"x:") + far_value("XFD1048576", 1048576, b"x:"),
                                               prefix=b"x:")),
        "the far cell written with a namespace prefix (<x:c r=...>)", refused("XFD1048576"))
    rowless = b'<row r="1048576">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 16 + b"</row>"
    add("far_without_references.xlsx", package(sheet_xml(header_row() + rowless)),
        "cells without references in row 1048576: calamine counts positions", refused("Max Sheet Cells"))
    add("dimension_xfd.xlsx", package(sheet_xml(header_row(), b"A1:XFD1048576")),
        "a declared used range of A1:XFD1048576 over a small sheet", refused("A1:XFD1048576", "declares"))
    add("two_sheets_second_far.xlsx", two_sheets(), "a harmless first sheet and a second sheet reaching XFD1048576",
        refused("XFD1048576"))
    bomb = sheet_xml(header_row() + b" " * (64 * 2**20))
    add("zip_bomb.xlsx", package(bomb), "a sheet part that unzips 1000 times (64 MB from 64 KB)",
        refused("zip bomb", "Max Zip Ratio"), subprocess=True)
    lying = package(sheet_xml(header_row() + b"\n" * (24 * 2**20)))
    add("zip_bomb_lying_size.xlsx", patch_sizes(lying, "xl/worksheets/sheet1.xml", 4000,
                                                zlib.crc32(sheet_xml(header_row())[:4000])),
        "a sheet part whose headers say 4 KB while it unzips to 24 MB", refused("larger than"))
    padded = WORKBOOK.replace(b"<sheets>", b"\n" * (24 * 2**20) + b"<sheets>")
    add("workbook_part_lying_size.xlsx",
        patch_sizes(package(sheet_xml(header_row()), {"xl/workbook.xml": padded}), "xl/workbook.xml", 4000,
                    zlib.crc32(padded[:4000])),
        "the workbook part says 4 KB and unzips to 24 MB (read before the sheets are known)",
        refused("larger than"))
    cells = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(2, 3002))
    add("many_cells.xlsx", package(sheet_xml(header_row() + cells)),
        "3,000 rows of cells with Max Sheet Cells set to 1,000 on the Settings sheet",
        refused("Max Sheet Cells", commands=("import", "cases", "ship")), settings={"Max Sheet Cells": "1000"})
    add("ods_bomb.ods", ods(b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                            b'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table'
                            b':1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                            b'<office:spreadsheet><table:table table:name="Orders"><table:table-row table:number-rows-'
                            b'repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-'
                            b'type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'
                            b'</office:spreadsheet></office:body></office:document-content>'),
        "an ODS whose one cell repeats over every row and column", refused("Max Sheet Cells"), subprocess=True)
    # Values at the door (orders).
    orders_only = ("import", "month-end")
    add("mangled_ids.csv", orders_csv(with_cell(good, 1, "Order ID", "5.77123E+17")),
        "an Order ID Excel turned into 5.77E+17",
        refused("5.77123E+17", "Seller Center", row=4, column="Order ID", commands=orders_only))
    add("formula_buyer_text.csv", orders_csv(with_cell(with_cell(good, 2, "Recipient", "=HYPERLINK(\"http://x.io\","
                                                                 "\"Click\")"), 3, "Buyer Message",
                                                       "=cmd|' /C calc'!A0")),
        "=HYPERLINK and =cmd|... in buyer text: imported as text, never a formula",
        {"import": imported(4, text={"Recipient": "=HYPERLINK(\"http://x.io\",\"Click\")",
                                     "Buyer Message": "=cmd|' /C calc'!A0"}),
         "month-end": imported()})
    add("duplicate_header.csv", orders_csv(good, HEADERS[:8] + ["Quantity"] + HEADERS[9:], description=False),
        "the header Quantity twice (columns H and I)", refused("Quantity", "H, I", commands=orders_only))
    add("erp_follow_on_rows.csv", _mabang_follow_on(), "a Mabang export whose follow-on rows leave the Order ID blank",
        {"import": imported(4), "month-end": imported()})
    add("follow_on_without_first.csv", _mabang_follow_on(first_blank=True),
        "a Mabang export whose first row already lacks the Order ID",
        refused("no order line above", row=2, column="交易编号", commands=orders_only))
    for name, value, says in (("quantity_zero.csv", "0", "0"), ("quantity_negative.csv", "-1", "-1"),
                              ("quantity_over_limit.csv", "1000", "999"), ("quantity_fraction.csv", "1.5", "1.5")):
        add(name, orders_csv(with_cell(good, 2, "Quantity", value)), f"Quantity {value} on a line to ship",
            refused(says, row=5, column="Quantity", commands=orders_only))
    add("quantity_blank.csv", orders_csv(with_cell(good, 2, "Quantity", "")), "an empty Quantity",
        refused("empty", row=5, column="Quantity", commands=orders_only))
    cancelled = with_cell(with_cell(good, 3, "Quantity", "0"), 3, "Order Status", "Canceled")
    add("quantity_zero_cancelled.csv", orders_csv(cancelled), "Quantity 0 on a line the export marks cancelled",
        {"import": imported(4), "month-end": imported()})
    add("quantity_huge.csv", orders_csv(with_cell(good, 0, "Quantity", "99999999999999999999")),
        "99999999999999999999 in Quantity (would become -9.22e18)",
        refused("too big", row=3, column="Quantity", commands=orders_only))
    add("amount_huge.csv", orders_csv(with_cell(good, 1, "Order Amount", "99999999999999999999")),
        "99999999999999999999 in Order Amount", refused("too big", row=4, column="Order Amount", commands=orders_only))
    conflict = with_cell(good, 1, "Recipient", "Someone Else")
    add("conflicting_lines.csv", orders_csv(conflict), "two lines of one order with different recipients",
        refused("3 and 4", "Someone Else", column="Recipient", commands=orders_only))
    add("identical_lines.csv", orders_csv(good[:1] + good), "the same line twice, identical in every column",
        {"import": imported(5, says=["identical"]), "month-end": imported()})
    add("date_far_future.csv", orders_csv(with_cell(good, 2, "Paid Time", "11/24/2099 9:12:40 AM")),
        "a Paid Time in 2099", refused("2016", row=5, column="Paid Time", commands=orders_only))
    add("date_before_2016.csv", orders_csv(with_cell(good, 0, "Created Time", "11/24/1999 9:10:11 AM")),
        "a Created Time in 1999", refused("2016", row=3, column="Created Time", commands=orders_only))
    add("paid_before_created.csv", orders_csv(with_cell(good, 2, "Paid Time", "11/23/2026 9:12:40 AM")),
        "paid the day before the order was created", refused("before", row=5, commands=orders_only))
    for name, value, says in (("order_id_formula.csv", "=1+1", "=1+1"), ("order_id_path.csv", "../x", "../x"),
                              ("order_id_letters.csv", "abc", "abc"), ("order_id_short.csv", "577123456789", "18")):
        add(name, orders_csv(with_cell(good, 2, "Order ID", value)), f"Order ID {value!r}",
            refused(says, row=5, column="Order ID", commands=orders_only))
    add("returns_given_as_orders.csv", (ROOT / "tests" / "data" / "returns" / "us_returns.csv").read_bytes(),
        "a Return/Refund export given to import", {"import": {"exit": 2, "says": ["Return/Refund export"]},
                                                   "month-end": {"exit": 2, "says": ["Return/Refund export"]},
                                                   "cases": imported()})
    ragged = [list(r) for r in good]
    ragged[2] += ["extra", "cells"]
    add("ragged.csv", orders_csv(ragged), "a CSV row with more cells than the header",
        refused("CSV", commands=orders_only))
    return items


def _mabang_follow_on(first_blank: bool = False) -> bytes:
    headers = ["订单编号", "交易编号", "订单状态", "SKU", "订单商品名称", "商品数量", "商品销售单价", "订单总金额", "付款时间",
               "客户姓名", "国家", "所属城市", "邮政编码", "邮寄地址1"]
    first = ["2611180000055", O1, "配货中", "SOCK-5PK-WHT", "Ankle Socks", "2", "USD 13.99", "USD 58.47",
             "2026-11-24 17:42:42", "Kevin O'Brien", "United States", "New Haven", "06511", "22 Elm St"]
    follow = ["", "", "", "BELT-BRN-34", "Leather Belt", "1", "USD 27.00", "", "", "", "", "", "", ""]
    other = ["2611180000223", O2, "配货中", "BEANIE-RED", "Knit Beanie", "1", "USD 12.50", "USD 17.77",
             "2026-11-22 17:56:40", "Daniel Kim", "United States", "Seattle", "98101", "1200 Pine St"]
    rows = [first, follow, other, list(follow)]
    if first_blank:
        rows = [follow] + rows
    return gen.csv_bytes(headers, rows)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    names = set()
    for name, data, description, expect in corpus():
        names.add(name)
        (OUT / name).write_bytes(data)
        (OUT / f"{name}.expected.json").write_text(json.dumps({"description": description, **expect},
                                                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for stale in OUT.iterdir():
        if stale.name.removesuffix(".expected.json") not in names and stale.name != "README.md":
            stale.unlink()
    size = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(names)} hostile files to {OUT.relative_to(ROOT)} ({size / 1024:,.0f} KB)")


if __name__ == "__main__":
    main()
