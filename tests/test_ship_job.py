"""tkops ship on a real workbook: only valid lines in the upload file, reasons for the others, never twice."""

from __future__ import annotations

import openpyxl
from python_calamine import CalamineWorkbook

from tkops.cli import main
from tkops.shipping import UPLOAD_COLUMNS

from conftest import EXPORTS

VALID_UPS = "1Z5R89390357567127"
BAD_CHECK_DIGIT = "1Z5R89390357567128"


def prepared(tmp_path):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    h = {c.value: c.column for c in ws[1]}
    waiting = [r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Order Status"]).value == "Awaiting Shipment"]
    orders = []
    for r in waiting:
        if ws.cell(r, h["Order ID"]).value not in orders:
            orders.append(ws.cell(r, h["Order ID"]).value)
    first_rows = [next(r for r in waiting if ws.cell(r, h["Order ID"]).value == o) for o in orders[:3]]
    for r, number in zip(first_rows, (VALID_UPS, BAD_CHECK_DIGIT, VALID_UPS)):
        ws.cell(r, h["Tracking ID"]).value = number
        ws.cell(r, h["Tracking ID"]).data_type = "s"
        ws.cell(r, h["Shipping Provider Name"]).value = "UPS"
    wb.save(book)
    return book, orders[:3]


def test_ship_writes_only_valid_lines_and_never_twice(tmp_path, capsys):
    book, orders = prepared(tmp_path)
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    # the first and third order share one tracking number: a duplicate, so neither is valid; the second is invalid
    assert "held back" in printed and orders[1] in printed
    assert not out.exists()

    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    h = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, h["Order ID"]).value == orders[2] and ws.cell(r, h["Tracking ID"]).value:
            ws.cell(r, h["Tracking ID"]).value = "1Z999AA10123456784"  # a valid, different UPS number
    wb.save(book)
    assert main(["ship", "--book", str(book), "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)
    assert sheet.sheetnames == ["Shipping info"]
    rows = list(sheet["Shipping info"].iter_rows(values_only=True))
    assert list(rows[0]) == UPLOAD_COLUMNS
    exported = {r[0]: r[3] for r in rows[1:]}
    assert exported == {orders[0]: VALID_UPS, orders[2]: "1Z999AA10123456784"}
    assert all(isinstance(v, str) for r in rows[1:] for v in r if v is not None)
    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Shipping info").to_python()
    assert [r[0] for r in calamine[1:]] == [r[0] for r in rows[1:]]
    log = list(openpyxl.load_workbook(book)["ShipLog"].iter_rows(values_only=True))
    assert len(log) == 1 + len(exported)

    capsys.readouterr()
    out2 = tmp_path / "again.xlsx"
    assert main(["ship", "--book", str(book), "--out", str(out2)]) == 0
    assert not out2.exists()  # nothing new to upload: the same lines are never exported twice
    assert "already" in capsys.readouterr().out.lower()


# --- tracking numbers from carrier / 3PL files (tkops ship --tracking) ---------------------------------------------

USPS = "9400111201080805483016"
FEDEX = "986578788855"
DHL = "3318810025"
OTHER_UPS = "1Z879E930346834440"
NOT_ON_SHEET = "576461413038785999"


def imported(tmp_path, **settings):
    """A workbook made by ``tkops import`` (FileBook), the Settings sheet set as given, and its orders by status."""
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    for row in wb["Settings"].iter_rows(min_row=2):
        if row[0].value in settings:
            row[1].value = settings[row[0].value]
    wb.save(book)
    return book, orders_by_status(book)


def orders_by_status(book) -> dict[str, list[str]]:
    ws = openpyxl.load_workbook(book)["Orders"]
    h = {c.value: c.column for c in ws[1]}
    found: dict[str, list[str]] = {}
    for r in range(2, ws.max_row + 1):
        orders = found.setdefault(ws.cell(r, h["Order Status"]).value, [])
        if ws.cell(r, h["Order ID"]).value not in orders:
            orders.append(ws.cell(r, h["Order ID"]).value)
    return found


def orders_sheet(book) -> dict[str, list[tuple]]:
    """Per order: (Tracking ID, its cell type, Shipping Provider Name) of each line, read back with openpyxl."""
    ws = openpyxl.load_workbook(book)["Orders"]
    h = {c.value: c.column for c in ws[1]}
    out: dict[str, list[tuple]] = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, h["Tracking ID"])
        kind = cell.data_type if cell.value is not None else None
        out.setdefault(ws.cell(r, h["Order ID"]).value, []).append(
            (cell.value, kind, ws.cell(r, h["Shipping Provider Name"]).value))
    return out


def set_tracking(book, order: str, number: str, provider: str) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    h = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, h["Order ID"]).value == order:
            ws.cell(r, h["Tracking ID"]).value = number
            ws.cell(r, h["Tracking ID"]).data_type = "s"
            ws.cell(r, h["Shipping Provider Name"]).value = provider
            if provider is not None:
                ws.cell(r, h["Shipping Provider Name"]).data_type = "s"  # pasted text, even "=..."
    wb.save(book)


def uploaded(path) -> dict[str, list[str]]:
    rows = list(openpyxl.load_workbook(path)["Shipping info"].iter_rows(values_only=True))
    assert list(rows[0]) == UPLOAD_COLUMNS
    found: dict[str, list[str]] = {}
    for r in rows[1:]:
        found.setdefault(r[0], []).append(r[3])
    return found


def test_ship_enters_a_gb18030_3pl_file_and_exports_the_valid_lines(tmp_path, capsys):
    book, orders = imported(tmp_path, Encoding="gb18030")
    waiting, cancelled = orders["Awaiting Shipment"], orders["Cancelled"][0]
    multi = max(waiting, key=lambda o: len(orders_sheet(book)[o]))  # an order of several lines
    single = [o for o in waiting if o != multi]
    set_tracking(book, single[2], OTHER_UPS, "UPS")  # typed before the file came: never overwritten
    file = tmp_path / "3pl.csv"
    file.write_bytes(("订单号,平台订单号,运单号,物流公司\n"
                      f"W1,{single[0]},{VALID_UPS},UPS\nW2,{single[1]},{USPS},USPS\nW3,{single[2]},{FEDEX},FedEx\n"
                      f"W4,{multi},{DHL},DHL\nW4,{multi},{DHL},DHL\nW5,{cancelled},1Z999AA10123456784,UPS\n"
                      f"W6,{NOT_ON_SHEET},{VALID_UPS},UPS\n").encode("gb18030"))
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(file), "--out", str(out)]) == 0
    printed = capsys.readouterr().out

    sheet = orders_sheet(book)
    assert sheet[single[0]] == [(VALID_UPS, "s", "UPS")]
    assert sheet[single[1]] == [(USPS, "s", "USPS")]
    assert sheet[single[2]] == [(OTHER_UPS, "s", "UPS")]  # the conflict is not overwritten
    assert set(sheet[multi]) == {(DHL, "s", "DHL")}
    assert sheet[cancelled] == [(None, None, None)]
    assert uploaded(out) == {single[0]: [VALID_UPS], single[1]: [USPS], single[2]: [OTHER_UPS],
                             multi: [DHL] * len(sheet[multi])}

    summary = next(line for line in printed.splitlines() if line.startswith("3pl.csv:"))
    assert f"{2 + len(sheet[multi])} order lines filled" in summary and "1 conflict," in summary
    assert "row 4" in printed and OTHER_UPS in printed and FEDEX in printed  # the conflict, both numbers
    assert NOT_ON_SHEET in printed and "not on the Orders sheet" in printed
    assert cancelled in printed and "cancelled" in printed

    capsys.readouterr()
    again = tmp_path / "again.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(file), "--out", str(again)]) == 0
    assert "0 order lines filled" in capsys.readouterr().out and not again.exists()


def test_ship_enters_an_xlsx_with_english_headers_and_rejects_hostile_text(tmp_path, capsys):
    book, orders = imported(tmp_path)
    waiting = orders["Awaiting Shipment"]
    carrier = tmp_path / "carrier.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Order Number", "Tracking Number", "Carrier", "Weight"])
    wb.active.append([waiting[0], VALID_UPS, "UPS", 0.5])
    wb.save(carrier)
    hostile = '=HYPERLINK("http://evil.example","1Z5R89390357567127")'
    csv_file = tmp_path / "warehouse.csv"
    csv_file.write_text(f'Order ID,Tracking ID\n{waiting[1]},"{hostile.replace(chr(34), chr(34) * 2)}"\n',
                        encoding="utf-8")
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(carrier), "--tracking", str(csv_file),
                 "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    sheet = orders_sheet(book)
    assert sheet[waiting[0]] == [(VALID_UPS, "s", "UPS")]
    [(value, kind, _)] = sheet[waiting[1]]
    assert value.startswith("=HYPERLINK(") and kind == "s"  # text, never a formula
    assert uploaded(out) == {waiting[0]: [VALID_UPS]}
    held = [line for line in printed.splitlines() if line.strip().startswith(waiting[1])]
    assert held and "HYPERLINK" in held[0] and "too long" in held[0]  # held back by the validator


def test_ship_reads_a_file_through_a_toml_mapping(tmp_path, capsys):
    book, orders = imported(tmp_path)
    waiting = orders["Awaiting Shipment"]
    toml = tmp_path / "dhl.toml"
    toml.write_text('name = "dhl"\n[columns]\n"Referenz" = "Order ID"\n"Sendungsnummer" = "Tracking ID"\n'
                    '"Dienstleister" = "Shipping Provider Name"\n', encoding="utf-8")
    file = tmp_path / "versand.csv"
    file.write_text(f"Referenz;Sendungsnummer;Dienstleister\n{waiting[0]};{DHL};DHL Express\n", encoding="utf-8")
    out = tmp_path / "upload.xlsx"
    args = ["ship", "--book", str(book), "--tracking", str(file), "--out", str(out)]
    before = book.read_bytes()
    assert main(args) == 2  # without the mapping: no order column, nothing changed
    err = capsys.readouterr().err
    assert "versand.csv" in err and "Referenz, Sendungsnummer, Dienstleister" in err and "--mapping" in err
    assert book.read_bytes() == before
    assert main(args + ["--mapping", str(toml)]) == 0
    assert "column mapping dhl" in capsys.readouterr().out
    assert orders_sheet(book)[waiting[0]] == [(DHL, "s", "DHL Express")]
    assert uploaded(out) == {waiting[0]: [DHL]}


def test_ship_reads_a_file_through_a_mapping_of_the_mappings_sheet(tmp_path, capsys):
    book, orders = imported(tmp_path)
    waiting = orders["Awaiting Shipment"]
    wb = openpyxl.load_workbook(book)
    for row in (["yun", "客户单号", "Order ID"], ["yun", "转单号", "Tracking ID"], ["yun", "渠道", "Shipping Provider Name"]):
        wb["Mappings"].append(row)
    wb.save(book)
    file = tmp_path / "yun.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["客户单号", "运单号", "转单号", "渠道"])
    wb.active.append([waiting[0], "YT2512345678901", USPS, "USPS"])
    wb.save(file)
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(file), "--out", str(out)]) == 0
    assert "column mapping yun" in capsys.readouterr().out
    assert orders_sheet(book)[waiting[0]] == [(USPS, "s", "USPS")]
    assert uploaded(out) == {waiting[0]: [USPS]}


def test_ship_refuses_a_file_with_mangled_order_ids_and_changes_nothing(tmp_path, capsys):
    book, orders = imported(tmp_path)
    waiting = orders["Awaiting Shipment"]
    good = tmp_path / "good.csv"
    good.write_text(f"Order ID,Tracking ID\n{waiting[0]},{VALID_UPS}\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"Order No,Waybill\n{waiting[1]},{USPS}\n5.82896E+17,{DHL}\n", encoding="utf-8")
    before = book.read_bytes()
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--tracking", str(good), "--tracking", str(bad),
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert 'bad.csv, row 3, column "Order No"' in err and "5.82896E+17" in err
    assert book.read_bytes() == before and not out.exists()
    assert main(["ship", "--book", str(book), "--tracking", str(tmp_path / "nope.csv"), "--lang", "zh"]) == 2
    assert "nope.csv" in capsys.readouterr().err


def test_ship_button_reads_the_tracking_folder_first(tmp_path):
    """The button does what `tkops ship --tracking` does, with the files of the Tracking Folder setting."""
    import shutil

    from tkops import xl
    from tkops.settings import Settings, sheet_rows
    from test_live_backend import new_live_book

    inbox, carrier = tmp_path / "inbox", tmp_path / "from-carrier"
    inbox.mkdir()
    carrier.mkdir()
    shutil.copy(EXPORTS / "us_2025.csv", inbox / "us_2025.csv")
    settings = Settings(market="US", import_folder=str(inbox), tracking_folder="from-carrier")
    book = new_live_book(tmp_path, extra={"Settings": sheet_rows(settings)})
    xl.import_orders(book)
    rows = book.sheets["Orders"].rows()
    h = {name: i for i, name in enumerate(rows[0])}
    waiting = next(r for r in rows[1:] if r[h["Order Status"]] == "Awaiting Shipment")
    (carrier / "3pl.csv").write_text(f"Order No,Tracking Number,Carrier\n{waiting[h['Order ID']]},{VALID_UPS},UPS\n",
                                     encoding="utf-8")
    xl.ship(book)
    rows = book.sheets["Orders"].rows()
    shipped = [r for r in rows[1:] if r[h["Order ID"]] == waiting[h["Order ID"]]]
    assert shipped and all(r[h["Tracking ID"]] == VALID_UPS for r in shipped)
    uploads = list((tmp_path / "tkops-output").glob("Shipping info *.xlsx"))
    assert len(uploads) == 1
    sheet = openpyxl.load_workbook(uploads[0])["Shipping info"]
    assert {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)} == {waiting[h["Order ID"]]}


# --- the carrier inferred from the number, provider names checked (docs/tracking.md#inference) ---------------------

def upload_rows(path) -> dict[str, list[tuple]]:
    rows = list(openpyxl.load_workbook(path)["Shipping info"].iter_rows(values_only=True))
    found: dict[str, list[tuple]] = {}
    for r in rows[1:]:
        found.setdefault(r[0], []).append((r[3], r[4]))
    return found


def test_ship_fills_a_blank_provider_only_when_the_number_is_certain(tmp_path, capsys):
    book, orders = imported(tmp_path)
    w = orders["Awaiting Shipment"]
    set_tracking(book, w[0], VALID_UPS, None)  # 1Z...: certainly UPS
    for status in ("Cancelled", "Shipped", "Delivered", "Completed"):
        for order in orders.get(status, [])[:1]:
            set_tracking(book, order, OTHER_UPS, None)
    set_tracking(book, w[1], "A1234567895", None)  # a UPS Waybill or an Amazon International number
    set_tracking(book, w[2], USPS, "DHL eCommerce")  # typed by the team (DHL eCommerce US rides on USPS): kept
    set_tracking(book, w[3], "9505511069605048600624", '=HYPERLINK("http://evil.example","USPS")')
    out = tmp_path / "upload.xlsx"
    assert main(["ship", "--book", str(book), "--out", str(out)]) == 0
    printed = capsys.readouterr().out

    sheet = orders_sheet(book)
    assert {p for _, _, p in sheet[w[0]]} == {"UPS"}
    assert {p for _, _, p in sheet[w[1]]} == {None}
    assert {p for _, _, p in sheet[w[2]]} == {"DHL eCommerce"}
    assert {p for _, _, p in sheet[w[3]]} == {'=HYPERLINK("http://evil.example","USPS")'}
    ws = openpyxl.load_workbook(book)["Orders"]
    h = {c.value: c.column for c in ws[1]}
    assert all(ws.cell(r, h["Shipping Provider Name"]).data_type == "s" for r in range(2, ws.max_row + 1)
               if ws.cell(r, h["Order ID"]).value == w[3])  # still text, never a formula

    assert upload_rows(out) == {w[0]: [(VALID_UPS, "UPS")] * len(sheet[w[0]]),
                                w[2]: [(USPS, "DHL eCommerce")] * len(sheet[w[2]])}
    n = len(sheet[w[0]])
    assert f"Shipping Provider Name filled in on {n} {'line' if n == 1 else 'lines'}" in printed
    assert f"  {w[0]} {VALID_UPS}: UPS" in printed
    held = {line.split()[0]: line for line in printed.splitlines() if line.startswith("  ") and "Tracking ID" in line
            or "Shipping Provider Name" in line}
    assert "several carriers" in held[w[1]] and "Amazon International, UPS Waybill" in held[w[1]]
    assert "formula or markup" in held[w[3]]

    for status in ("Cancelled", "Shipped", "Delivered", "Completed"):  # nothing left to upload: left alone
        assert all(p is None for order in orders.get(status, [])[:1] for _, _, p in sheet[order])

    capsys.readouterr()  # a second run fills nothing more and exports nothing twice
    assert main(["ship", "--book", str(book), "--out", str(tmp_path / "again.xlsx")]) == 0
    assert "filled in" not in capsys.readouterr().out


def test_ship_reports_inferred_providers_in_chinese(tmp_path, capsys):
    book, orders = imported(tmp_path, Language="zh")
    set_tracking(book, orders["Awaiting Shipment"][0], USPS, None)
    assert main(["ship", "--book", str(book), "--out", str(tmp_path / "up.xlsx")]) == 0
    assert "已为" in capsys.readouterr().out
    assert {p for _, _, p in orders_sheet(book)[orders["Awaiting Shipment"][0]]} == {"USPS"}
