#!/usr/bin/env python3
"""Generate the sample Return/Refund exports and their truth files (deterministic).

Run from the repository root::

    python tools/make_return_samples.py

It rewrites ``tests/data/returns/*``, byte for byte identically on every run: sample Seller Center Return/Refund
exports (CSV and XLSX) and bad inputs, each with a ``<stem>.expected.json`` beside it (format: README.md there).

How it works: the generator first builds TRUTH case lines (canonical values: ``str`` for IDs and text, ``int`` for
quantities, integer minor units for money, naive ``datetime`` in shop time), then RENDERS them into each layout
(headers, date format, money format, stray whitespace). Damage a sample needs (tabs around IDs, Excel's 5.77E+17) is
applied while rendering, never to the truth. The truth is written with the display names of the AfterSales sheet
(tkops/case_schema.py), mapped here from the export headers by hand, without tkops' reader.

Evidence and assumptions (see /work/shared/reference/tiktok-shop-formats.md §2a):

* The 25 headers, in order, are the BR list of §2a. The 19-column layout is NOT evidenced beyond its width: it is
  assumed to be the 25 without Order Substatus, Payment Method and the dispute/appeal/compensation columns.
* Return Status words (Completed, In Process, To Process, Refund rejected, Canceled) and Return Type words (Return and
  refund, Refund only) are from §2a; Return Sub Status, Dispute/Appeal/Compensation Status words are invented.
* US reason texts are from the official US lists (§2b); the Portuguese and Thai reason texts are my own wording.
* "Return unit price" holds the line's total refund (§2a), so a line of 2 shows the total of both.
* Return Order IDs are assumed to be 19 digits; order IDs are 18 digits, SKU IDs 19 (§1c). Everything is invented.
* The malformed XLSX reproduces the quirk of §2a at the XML level: each cell in its own ``<row r="1">`` element,
  cells carrying their true references (``A2``, ``B2``...), strings in the shared-string table.
"""

from __future__ import annotations

import codecs
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_samples import (  # noqa: E402  (the order samples' deterministic writers and value formats)
    ZIP_TIME, csv_bytes, money2, normalise_zip, us_ampm, write_json, write_openpyxl,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "returns"

H25 = [
    "Return Order ID", "Order ID", "Order Amount", "Order Status", "Order Substatus", "Payment Method", "SKU ID",
    "Seller SKU", "Product Name", "SKU Name", "Return unit price", "Return Quantity", "Return Reason", "Return Type",
    "Return Status", "Return Sub Status", "Time Requested", "Refund Time", "Buyer Username", "Buyer Note",
    "Return Logistics Tracking ID", "Dispute Status", "Appeal Status", "Compensation Status", "Compensation Amount",
]
H19 = [h for h in H25 if h not in {"Order Substatus", "Payment Method", "Dispute Status", "Appeal Status",
                                   "Compensation Status", "Compensation Amount"}]
assert len(H25) == 25 and len(H19) == 19

#: Export header -> AfterSales display name (None: not a case column).
TO_CASE = {
    "Return Order ID": "Case ID", "Order ID": "Order ID", "Order Amount": "Order Amount",
    "Order Status": "Order Status", "Order Substatus": "Order Substatus", "Payment Method": None, "SKU ID": "SKU ID",
    "Seller SKU": "Seller SKU", "Product Name": "Product Name", "SKU Name": "SKU Name", "Return unit price": "Amount",
    "Return Quantity": "Quantity", "Return Reason": "Reason", "Return Type": "Return Type",
    "Return Status": "Return Status", "Return Sub Status": "Return Sub Status", "Time Requested": "Opened",
    "Refund Time": "Closed", "Buyer Username": "Buyer Username", "Buyer Note": "Buyer Note",
    "Return Logistics Tracking ID": "Return Tracking ID", "Dispute Status": "Dispute Status",
    "Appeal Status": "Appeal Status", "Compensation Status": "Compensation Status",
    "Compensation Amount": "Compensation Amount",
}
MONEY = {"Order Amount", "Return unit price", "Compensation Amount"}
DATES = {"Time Requested", "Refund Time"}
#: Order status words as rendered -> canonical (the Orders sheet's words; Return statuses stay as written).
ORDER_STATUS = {"Canceled": "Cancelled"}
SOURCE = "Return/Refund export"


def case(rid, oid, oamount, ostatus, sku_id, sku, product, sku_name, refund, qty, reason, rtype, status, requested,
         refunded, user, note, tracking, **more) -> dict:
    """One truth line under export headers (money in minor units, times as datetimes)."""
    line = {"Return Order ID": rid, "Order ID": oid, "Order Amount": oamount, "Order Status": ostatus,
            "SKU ID": sku_id, "Seller SKU": sku, "Product Name": product, "SKU Name": sku_name,
            "Return unit price": refund, "Return Quantity": qty, "Return Reason": reason, "Return Type": rtype,
            "Return Status": status, "Return Sub Status": more.pop("sub", None), "Time Requested": requested,
            "Refund Time": refunded, "Buyer Username": user, "Buyer Note": note, "Return Logistics Tracking ID": tracking,
            "Order Substatus": None, "Payment Method": None, "Dispute Status": None, "Appeal Status": None,
            "Compensation Status": None, "Compensation Amount": None}
    line.update(more)
    return line


def t(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


HOSTILE_NOTES = [
    '=HYPERLINK("http://evil.example/x","Click for refund")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)\nsecond line <script>alert(1)</script>",
    "-2+3 🙂 مرحبا שלום",
]

US = [
    case("4035118812903456781", "577804412230918265", 5297, "Completed", "1729584410278391810", "TEE-CRW-BLK-M",
         "Classic Cotton Crew Neck T-Shirt", "Black, M", 2499, 1, "Item doesn't fit", "Return and refund", "Completed",
         t("2026-11-14 09:12:44"), t("2026-11-19 16:03:10"), "jmiller88", "Runs small, I need a size up",
         "9434611206206406260783", sub="Refunded"),
    case("4035118812903456799", "578112093341276610", 4597, "Delivered", "1729584410278391822", "TEE-CRW-WHT-L",
         "Classic Cotton Crew Neck T-Shirt", "White, L", 1999, 1, "Wrong item was sent", "Return and refund",
         "In Process", t("2026-11-20 21:40:02"), None, "sarah.k", "Got white instead of black", None,
         sub="Awaiting buyer shipment"),
    case("4035118812903456799", "578112093341276610", 4597, "Delivered", "1729584410278391835", "CAP-BSB-NVY",
         "Washed Baseball Cap", "Navy", 2598, 2, "Wrong item was sent", "Return and refund", "In Process",
         t("2026-11-20 21:40:02"), None, "sarah.k", "Got white instead of black", None,
         sub="Awaiting buyer shipment"),
    case("4035118812903457013", "578406611902234517", 3150, "Shipped", "1729584410278391847", "HOOD-FLC-GRY-XL",
         "Heavyweight Fleece Pullover Hoodie", "Grey, XL", 3150, 1, "Package wasn't received", "Refund only",
         "To Process", t("2026-11-22 12:00:00"), None, "dkt_2001", HOSTILE_NOTES[0], None),
    case("4035118812903457101", "577990023145561892", 1250, "Delivered", "1729584410278391859", "MUG-CER-WHT",
         "Ceramic Coffee Mug 12oz", "White", 1250, 1, "Damaged item or packaging", "Refund only", "Completed",
         t("2026-11-09 07:05:59"), t("2026-11-10 08:15:00"), "ol1v1a", HOSTILE_NOTES[1], None),
    case("4035118812903457250", "577671208834409127", 104900, "Completed", "1729584410278391861", "JKT-DWN-BLK-L",
         "Packable Down Jacket", "Black, L", 104900, 1, "Defective item", "Return and refund", "Refund rejected",
         t("2026-11-03 23:59:59"), None, "mr.robinson", HOSTILE_NOTES[2], "1Z5R89390357567127"),
    case("4035118812903457388", "578503390012847766", 1899, "Canceled", "1729584410278391874", "SOCK-ANK-5PK",
         "Ankle Socks 5 Pairs", "Mixed", 1899, 1, "No longer needed", "Return and refund", "Canceled",
         t("2026-11-11 12:30:00"), None, "zoe_b", HOSTILE_NOTES[3], None),
    case("4035118812903457402", "578503390012849911", 3998, "Completed", "1729584410278391888", "TEE-CRW-GRN-S",
         "Classic Cotton Crew Neck T-Shirt", "Green, S", 3998, 2, "Color or pattern not as expected",
         "Return and refund", "Completed", t("2026-11-18 00:04:10"), t("2026-11-24 12:00:00"), "leafy",
         "Wrong shade of green", "9400111206206406260787", sub="Refunded"),
]
US_MONEY = {(4, "Return unit price"): "USD 12.50", (4, "Order Amount"): "USD 12.50",
            (5, "Return unit price"): "$1,049.00", (5, "Order Amount"): "$1,049.00"}
US_TEXT = {(7, "Buyer Note"): "  Wrong shade of green  ", (1, "Refund Time"): "\t"}
US_TABS = {"Return Order ID", "Order ID", "SKU ID", "Return Logistics Tracking ID"}  # on line 7 only

BR = [
    case("4035220019483321001", "579843495732007214", 32270, "Completed", "1730007444154872909", "MOL-CANG-CNZ-G",
         "Moletom Canguru Flanelado", "Cinza, G", 23490, 2, "O tamanho não serve", "Return and refund", "Completed",
         t("2026-11-05 10:22:31"), t("2026-11-12 18:40:00"), "joaopereira", "Ficou apertado nos ombros",
         "QB723384245BR", sub="Reembolsado", **{"Order Substatus": "Completed", "Payment Method": "Pix",
                                                 "Dispute Status": "No dispute", "Compensation Amount": 0}),
    case("4035220019483321002", "583448213275064825", 8172, "Delivered", "1753268757037671958", "CAM-BAS-BRC-G",
         "Camiseta Básica Algodão", "Branco, G", 6290, 2, "Item danificado", "Refund only", "In Process",
         t("2026-11-21 08:03:00"), None, "mari.oliveira", "Veio rasgada na costura", None,
         **{"Order Substatus": "Delivered", "Payment Method": "Cartão de crédito", "Dispute Status": "In dispute",
            "Appeal Status": "Appealed", "Compensation Status": "Pending"}),
    case("4035220019483321003", "581123685717662142", 103920, "Completed", "1733051195107223667", "JAQ-JEANS-AZL-M",
         "Jaqueta Jeans Oversized", "Azul, M", 103920, 1, "Pacote não recebido", "Refund only", "Completed",
         t("2026-11-02 14:00:00"), t("2026-11-04 09:30:15"), "anasouza.sp", None, None,
         **{"Order Substatus": "Completed", "Payment Method": "Boleto", "Compensation Status": "Compensated",
            "Compensation Amount": 1000}),
    case("4035220019483321004", "581186145549770531", 11970, "Completed", "1750657199910750459", "MEIA-KIT5-BRC",
         "Meia Cano Curto Kit 5 Pares", "Branco", 3990, 1, "Não preciso mais", "Return and refund", "Refund rejected",
         t("2026-11-25 19:45:12"), None, "lucas.almeida", "=1+1", "QB723384259BR",
         **{"Order Substatus": "Completed", "Payment Method": "Cartão de crédito"}),
]
BR_MONEY = {(0, "Return unit price"): 234.9, (0, "Order Amount"): 322.7, (1, "Return unit price"): "R$ 62,90",
            (1, "Order Amount"): "R$ 81,72", (2, "Return unit price"): "BRL 1.039,20", (3, "Return unit price"): 39.9,
            (0, "Compensation Amount"): "R$ 0,00", (2, "Compensation Amount"): 10.0}

TH = [
    case("4035330012345678901", "580001122334455667", 25900, "Completed", "1740012233445566771", "TSH-OVS-BLK-L",
         "เสื้อยืดโอเวอร์ไซส์ ผ้าคอตตอน 100%", "ดำ, L", 25900, 1, "ได้รับสินค้าผิด", "Return and refund", "Completed",
         t("2026-11-06 11:11:11"), t("2026-11-09 15:00:00"), "somchai.k", "สั่งสีดำ แต่ได้สีขาว", "TH01234567890A"),
    case("4035330012345678902", "580001122334455668", 129000, "Delivered", "1740012233445566782", "TMB-600-PNK",
         "แก้วเก็บความเย็น สแตนเลส 600ml", "ชมพู", 129000, 1, "สินค้าชำรุด", "Refund only", "To Process",
         t("2026-11-12 08:00:00"), None, "nok_n", None, None),
    case("4035330012345678903", "580001122334455669", 8950, "Completed", "1740012233445566793", "STK-PCK-01",
         "สติกเกอร์ตกแต่ง", "ชุด 1", 8950, 1, "ไม่ต้องการแล้ว", "Return and refund", "Canceled",
         t("2026-11-01 23:00:00"), None, "pim", "ขอยกเลิกค่ะ", None),
]
TH_MONEY = {(1, "Return unit price"): "THB 1,290.00", (1, "Order Amount"): "THB 1,290.00",
            (2, "Return unit price"): "฿89.50"}
#: The BOM sample's header row: shuffled, folded differently, unknown extras (ignored by a reader).
TH_HEADERS = ["return order id", "Seller Comment", " ORDER ID", "Time requested", "Return  Reason", "Return Type",
              "Return Status", "SKU ID", "Seller SKU", "Product Name", "SKU Name", "Return  unit price",
              "Return Quantity", "Order Amount", "Order Status", "Buyer Username", "Buyer Note", "Refund Time",
              "Return Logistics Tracking ID", "Return Images"]
TH_CANON = {"return order id": "Return Order ID", " ORDER ID": "Order ID", "Time requested": "Time Requested",
            "Return  Reason": "Return Reason", "Return  unit price": "Return unit price"}


def text_of(header: str, value, date_fmt) -> str:
    if value is None:
        return ""
    if header in MONEY:
        return money2(value)
    if header in DATES:
        return date_fmt(value)
    return str(value)


def rendered(lines, headers, date_fmt, money=None, text=None, canon=None) -> list[list]:
    """Cells of each line under ``headers`` (written names; ``canon`` maps them to export headers)."""
    money, text, canon = money or {}, text or {}, canon or {}
    out = []
    for i, line in enumerate(lines):
        row = []
        for h in headers:
            name = canon.get(h, h)
            if (i, name) in text:
                row.append(text[(i, name)])
            elif (i, name) in money:
                row.append(money[(i, name)])
            else:
                row.append(text_of(name, line.get(name), date_fmt))
        out.append(row)
    return out


def truth(lines, headers, currency) -> list[dict]:
    out = []
    for line in lines:
        item = {}
        for h in headers:
            name = TO_CASE[h]
            value = line.get(h)
            if name is None:
                continue
            if h in MONEY and value is not None:
                value = value / 100
            elif h in DATES and value is not None:
                value = value.strftime("%Y-%m-%dT%H:%M:%S")
            elif h == "Order Status":
                value = ORDER_STATUS.get(value, value)
            item[name] = value
        item["Currency"] = currency
        item["Source"] = SOURCE
        out.append(item)
    return out


def expected(path: Path, description, options, lines, headers, currency, skipped=0) -> None:
    cases = truth(lines, headers, currency)
    write_json(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json"),
               {"description": description, "options": options, "source": "tiktok_returns",
                "rows_read": len(cases), "skipped_rows": skipped, "cases": cases})


def expected_error(path: Path, description, options, error, row, column) -> None:
    write_json(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json"),
               {"description": description, "options": options, "error": error, "row": row, "column": column})


# ---------------------------------------------------------------------------------------------------------------------


def sample_us() -> None:
    rows = rendered(US, H19, us_ampm, US_MONEY, US_TEXT)
    for h in US_TABS:
        j = H19.index(h)
        rows[7][j] = f"\t{rows[7][j]}\t"
    path = OUT / "us_returns.csv"
    path.write_bytes(csv_bytes(H19, rows))
    # The demo (tkops demo) bundles the same export: a month of a US shop's return requests.
    (ROOT / "tkops" / "samples" / "us_returns_2026-11.csv").write_bytes(csv_bytes(H19, rows))
    expected(path, "US-style 19-column layout (assumed), UTF-8 CSV, MM/DD/YYYY h:mm:ss AM/PM (some days <= 12), a "
             "return order of two SKUs (one of quantity 2: Return unit price is the line's total), money as 12.99, "
             "'USD 12.50' and '$1,049.00', tabs around IDs, an empty Refund Time as a lone tab, hostile buyer notes "
             "kept as text, statuses as written (Order Status Canceled -> Cancelled).",
             {"market": "US"}, US, H19, "USD")


def sample_br() -> None:
    rows = rendered(BR, H25, lambda d: d.strftime("%d/%m/%Y %H:%M:%S"), BR_MONEY)
    for row in rows:
        row[H25.index("Return Quantity")] = int(row[H25.index("Return Quantity")])
    path = OUT / "br_returns.xlsx"
    write_openpyxl(path, [("Sheet1", [H25] + rows)])
    expected(path, "BR 25-column layout of reference 2a as XLSX (openpyxl): IDs and dates as text cells, dd/MM/yyyy "
             "HH:mm:ss (one date with day and month <= 12), money mixing numeric cells (234.9) with 'R$ 62,90' and "
             "'BRL 1.039,20' text, quantities as numbers, a buyer note '=1+1' stored as text.",
             {"market": "BR"}, BR, H25, "BRL")


def _col(i: int) -> str:
    name, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_one_row_xlsx(path: Path, grid: list[list]) -> None:
    """An XLSX whose sheet XML wraps every cell in its own ``<row r="1">`` (cells keep their true references)."""
    strings: dict[str, int] = {}
    cells = []
    for r, row in enumerate(grid, 1):
        for c, value in enumerate(row):
            if value in (None, ""):
                continue
            ref = f"{_col(c)}{r}"
            if isinstance(value, str):
                cell = f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
            else:
                cell = f'<c r="{ref}"><v>{value!r}</v></c>'
            cells.append(f'<row r="1">{cell}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types"><Default Extension="rels" ContentType="'
        f'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        f'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/><Override '
        f'PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/><Override PartName="/xl/'
        f'sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" Type="{rel}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" Type="'
        f'{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet {ns}><sheetData>{"".join(cells)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, head + xml)
    path.write_bytes(normalise_zip(buf.getvalue()))


def sample_one_row() -> None:
    rows = rendered(BR, H25, lambda d: d.strftime("%d/%m/%Y %H:%M:%S"), BR_MONEY)
    for row in rows:
        row[H25.index("Return Quantity")] = int(row[H25.index("Return Quantity")])
    path = OUT / "br_one_row.xlsx"
    write_one_row_xlsx(path, [H25] + rows)
    expected(path, "The BR sample's cells in the malformed XLSX of reference 2a: every cell in its own "
             "<row r=\"1\"> element (true cell references kept), shared strings, numeric money and quantity cells. "
             "openpyxl's read-only mode sees one row here.", {"market": "BR"}, BR, H25, "BRL")


def sample_th_bom() -> None:
    rows = rendered(TH, TH_HEADERS, lambda d: d.strftime("%d/%m/%Y %H:%M:%S"), TH_MONEY, canon=TH_CANON)
    extras = {"Seller Comment": ["ตรวจแล้ว", "", ""], "Return Images": ["https://example.invalid/a.jpg", "", ""]}
    for h, values in extras.items():
        for row, value in zip(rows, values):
            row[TH_HEADERS.index(h)] = value
    rows.append([""] * len(TH_HEADERS))
    path = OUT / "th_bom.csv"
    path.write_bytes(csv_bytes(TH_HEADERS, rows, bom=True))
    headers = [TH_CANON.get(h, h) for h in TH_HEADERS if h not in extras]
    expected(path, "UTF-8 CSV with BOM (TH): headers shuffled, in other case and spacing ('return order id', "
             "' ORDER ID', 'Return  unit price'), two unknown columns (ignored), DD/MM/YYYY HH:MM:SS, money as "
             "'259.00', 'THB 1,290.00', '฿89.50', a trailing row of empty cells (skipped).",
             {"market": "TH"}, TH, headers, "THB", skipped=1)


def sample_bad() -> None:
    rows = rendered(US[:3], H19, us_ampm)
    rows[1][H19.index("Order ID")] = "5.78112E+17"
    path = OUT / "mangled_sci.csv"
    path.write_bytes(csv_bytes(H19, rows))
    expected_error(path, "Order ID saved by Excel as 5.78112E+17 on the second data line.", {"market": "US"},
                   "mangled_ids", 3, "Order ID")

    headers = [h for h in H19 if h != "Return Order ID"]
    path = OUT / "missing_return_id.csv"
    path.write_bytes(csv_bytes(headers, [r[1:] for r in rendered(US[:2], H19, us_ampm)]))
    expected_error(path, "The 19-column layout without Return Order ID.", {"market": "US"},
                   "returns.missing_column", None, "Return Order ID")

    fr = [case("4035440012345678901", "579001122334455661", 3990, "Completed", "1741122334455667781", "ROBE-ETE-M",
               "Robe d'été", "Bleu, M", 3990, 1, "Trop petit", "Return and refund", "Completed",
               t("2026-11-13 10:00:00"), t("2026-11-15 10:00:00"), "zoé", "Très déçu – taille trop petite", None)]
    data = csv_bytes(H19, rendered(fr, H19, lambda d: d.strftime("%d/%m/%Y %H:%M:%S")), encoding="cp1252")
    for name in ("cp1252.csv", "cp1252_with_setting.csv"):
        (OUT / name).write_bytes(data)
    expected_error(OUT / "cp1252.csv", "Windows-1252 bytes (é, an en dash) and no Encoding setting.",
                   {"market": "FR"}, "encoding", None, None)
    expected(OUT / "cp1252_with_setting.csv", "The same Windows-1252 bytes read with Encoding cp1252.",
             {"market": "FR", "encoding": "cp1252"}, fr, H19, "EUR")
    assert not data.startswith(codecs.BOM_UTF8)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sample_us()
    sample_br()
    sample_one_row()
    sample_th_bom()
    sample_bad()
    print(f"wrote return samples to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
