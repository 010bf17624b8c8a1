"""tkops import end to end: real exports in, a real workbook out, read back with openpyxl and with calamine."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tkops.book import layout
from tkops.cli import main

from conftest import EXPORTS
from expectations import load


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def orders(path):
    ws = openpyxl.load_workbook(path)["Orders"]
    rows = list(ws.iter_rows(values_only=True))
    return ws, rows[0], rows[1:]


def column(header, rows, name):
    i = header.index(name)
    return [r[i] for r in rows]


def test_new_workbook_is_correct_and_typed(tmp_path):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == [s.name for s in layout.STANDARD_SHEETS]
    assert layout.BASE in layout.STANDARD_SHEETS and wb[layout.BASE.name].sheet_state == "hidden"
    assert wb[layout.BASE.name].sheet_state == "hidden"  # what tkops imported: its own record, out of sight
    assert wb.sheetnames[:5] == ["Orders", "Review", "PickList", "Pack", "AfterSales"]
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    # the team's working columns right after Order ID (frozen with it), then the platform's, then tkops' own
    assert header[:11] == ["Order ID", "Review Status", "Issues", "Assignee", "Team Note", "Picked", "Packed", "QC OK",
                           "Tracking ID", "Order Status", "Order Substatus"]
    assert header[-21:] == ["Picked At", "Packed By", "Packed At", "Pack Override", "Issue Codes", "Reviewed At",
                            "Wave", "Review Due", "Print Due", "Pack Due", "Dispatch Deadline", "Auto-cancel At",
                            "Deliver By", "Cancel Request Due", "Next Deadline", "Next Clock", "Clock State",
                            "Deadline Source", "API Upload", "tkops Flags", "tkops Reviewed"]
    flags = ws.cell(1, header.index("tkops Flags") + 1).column_letter
    assert ws.column_dimensions[flags].hidden
    assert wb.defined_names["tkops_flags"].attr_text == f"'Orders'!${flags}:${flags}"
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert len(rules) == len(layout.ORDERS.highlights.colours) == 6
    assert all("tkops_flags" in r.formula[0] for r in rules)
    assert list(ws.tables) == ["Orders"] and ws.tables["Orders"].ref == f"A1:{ws.cell(1, len(header)).column_letter}15"
    assert ws.freeze_panes == "B2"  # the header row and Order ID stay in view
    assert ws.column_dimensions["A"].width > 15
    truth = load(EXPORTS / "us_2025.expected.json")["lines"]
    order_cell = ws.cell(2, header.index("Order ID") + 1)
    assert order_cell.value == truth[0]["Order ID"] and order_cell.data_type == "s"
    assert order_cell.number_format == "@"
    i = next(i for i, t in enumerate(truth) if t["Paid Time"])
    paid = ws.cell(2 + i, header.index("Paid Time") + 1)
    assert paid.is_date and paid.value == dt.datetime.fromisoformat(truth[i]["Paid Time"])
    assert paid.number_format == "yyyy-mm-dd hh:mm:ss"
    price = ws.cell(2, header.index("SKU Unit Original Price") + 1)
    assert price.value == pytest.approx(truth[0]["SKU Unit Original Price"]) and price.data_type == "n"
    quantities = column(header, list(ws.iter_rows(min_row=2, values_only=True)), "Quantity")
    assert quantities == [t["Quantity"] for t in truth]
    review = [dv for dv in ws.data_validations.dataValidation if "Hold" in (dv.formula1 or "")]
    assert review, "Review Status has a drop-down list"


def test_second_reader_calamine_agrees(tmp_path):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "th_sea.xlsx"), "--book", str(book), "--market", "TH"])
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Orders").to_python()
    header, body = rows[0], rows[1:]
    truth = load(EXPORTS / "th_sea.expected.json")["lines"]
    assert [r[header.index("Order ID")] for r in body] == [t["Order ID"] for t in truth]
    assert [r[header.index("State")] for r in body] == [t["State"] or "" for t in truth]
    assert [r[header.index("Order Status")] for r in body] == [t["Order Status"] for t in truth]
    i = next(i for i, t in enumerate(truth) if t["Paid Time"])
    paid = body[i][header.index("Paid Time")]
    assert isinstance(paid, dt.datetime) and paid == dt.datetime.fromisoformat(truth[i]["Paid Time"])


HOSTILE_COLUMNS = ("Buyer Message", "Buyer Username", "Recipient", "Address Line 1", "Address Line 2", "City",
                   "Seller Note", "Product Name", "Variation")


@pytest.mark.parametrize("existing", [False, True], ids=["new-book", "existing-book"])
def test_buyer_text_is_never_a_formula(tmp_path, existing):
    book = tmp_path / "ops.xlsx"
    if existing:  # the second writer: an existing workbook is edited with openpyxl
        main(["import", str(EXPORTS / "us_legacy.xlsx"), "--book", str(book), "--market", "US"])
    assert main(["import", str(EXPORTS / "hostile.csv"), "--book", str(book), "--market", "US"]) == 0
    truth = load(EXPORTS / "hostile.expected.json")["lines"]
    ws, header, rows = orders(book)
    assert len(rows) >= len(truth)
    hostile_seen = 0
    for t, row in zip(truth, rows[len(rows) - len(truth):]):  # the hostile lines are the last ones, in file order
        assert row[header.index("Order ID")] == t["Order ID"]
        for name in HOSTILE_COLUMNS:
            got = row[header.index(name)]
            assert got == t[name], name
            if isinstance(got, str) and got[:1] in "=+-@":
                hostile_seen += 1
    assert hostile_seen >= 4
    with zipfile.ZipFile(book) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    for cell in (c for r in ws.iter_rows(min_row=2) for c in r):
        assert cell.data_type != "f"


def test_reimport_same_file_changes_nothing(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    before = sha(book)
    capsys.readouterr()
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    out = capsys.readouterr().out
    assert "already imported" in out and "nothing changed" in out.lower()
    assert sha(book) == before
    assert not (tmp_path / "tkops-backups").exists()


def test_team_columns_survive_a_reimport_that_changes_platform_columns(tmp_path):
    book = tmp_path / "ops.xlsx"
    source = EXPORTS / "us_2025.csv"
    main(["import", str(source), "--book", str(book), "--market", "US"])
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    at = {h: i + 1 for i, h in enumerate(header)}
    ws.cell(2, at["Team Note"]).value = "call buyer about colour"
    ws.cell(2, at["Review Status"]).value = "Hold"
    ws.cell(3, at["Assignee"]).value = "Lin"
    ws.cell(1, len(header) + 1).value = "Profit"  # a column the team added, with a formula
    ws.cell(2, len(header) + 1).value = f"={ws.cell(2, at['SKU Subtotal After Discount']).coordinate}*0.3"
    first_id = ws.cell(2, at["Order ID"]).value
    wb.save(book)

    changed = tmp_path / "us_2025_later.csv"
    text = source.read_text(encoding="utf-8")
    assert "Awaiting Shipment" in text
    changed.write_text(text.replace("Awaiting Shipment", "Shipped"), encoding="utf-8")
    assert main(["import", str(changed), "--book", str(book), "--market", "US"]) == 0

    ws = openpyxl.load_workbook(book)["Orders"]
    assert ws.cell(2, at["Order ID"]).value == first_id
    assert ws.cell(2, at["Team Note"]).value == "call buyer about colour"
    assert ws.cell(2, at["Review Status"]).value == "Hold"
    assert ws.cell(3, at["Assignee"]).value == "Lin"
    assert ws.cell(2, len(header) + 1).data_type == "f"  # the team's formula is still a formula
    statuses = [ws.cell(r, at["Order Status"]).value for r in range(2, ws.max_row + 1)]
    assert "Shipped" in statuses and "Awaiting Shipment" not in statuses
    assert ws.tables["Orders"].ref.startswith("A1:")
    backups = list((tmp_path / "tkops-backups").glob("ops.*.xlsx"))
    assert len(backups) == 1


def test_lines_are_appended_and_never_deleted(tmp_path):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    main(["import", str(EXPORTS / "us_legacy.xlsx"), "--book", str(book), "--market", "US"])
    _, header, rows = orders(book)
    first = [t["Order ID"] for t in load(EXPORTS / "us_2025.expected.json")["lines"]]
    second = [t["Order ID"] for t in load(EXPORTS / "us_legacy.expected.json")["lines"]]
    assert column(header, rows, "Order ID") == first + second
    log = list(openpyxl.load_workbook(book)["ImportLog"].iter_rows(values_only=True))
    assert log[0][:4] == ("Imported At", "File", "SHA-256", "Source")
    assert [r[1] for r in log[1:]] == ["us_2025.csv", "us_legacy.xlsx"]
    assert log[1][2] == sha(EXPORTS / "us_2025.csv")
    assert log[2][log[0].index("New")] == len(second)


def test_repeated_identical_skus_in_one_order_stay_distinct(tmp_path):
    truth = load(EXPORTS / "us_2025.expected.json")["lines"]
    pairs = [(t["Order ID"], t["SKU ID"]) for t in truth]
    repeated = {p for p in pairs if pairs.count(p) > 1}
    assert repeated, "the sample has an order with the same SKU on two lines"
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    _, header, rows = orders(book)
    got = list(zip(column(header, rows, "Order ID"), column(header, rows, "SKU ID")))
    assert got == pairs


def test_some_files_fail_others_import(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    code = main(["import", str(EXPORTS / "mangled_sci.csv"), str(EXPORTS / "us_2025.csv"), "--book", str(book),
                 "--market", "US"])
    captured = capsys.readouterr()
    assert code == 2
    assert "mangled_sci.csv" in captured.out and "row 3" in captured.out and "Order ID" in captured.out
    assert "1 of 2 files" in captured.err
    _, header, rows = orders(book)
    assert len(rows) == load(EXPORTS / "us_2025.expected.json")["rows_read"]


def test_failfast_writes_nothing(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    code = main(["import", str(EXPORTS / "us_2025.csv"), str(EXPORTS / "mangled_sci.csv"), "--book", str(book),
                 "--market", "US", "--failfast"])
    assert code == 2
    assert not book.exists()
    assert "E+17" in capsys.readouterr().err


def test_failed_save_leaves_the_workbook_as_it_was(tmp_path, monkeypatch):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    before = sha(book)

    def broken_save(self, path):
        path.write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr("tkops.book.ooxml.OoxmlWorkbook.save", broken_save)
    with pytest.raises(OSError):
        main(["import", str(EXPORTS / "us_legacy.xlsx"), "--book", str(book), "--market", "US"])
    assert sha(book) == before
    assert [p.name for p in tmp_path.iterdir() if "tkops-tmp" in p.name] == []


def test_open_workbook_is_refused(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    before = sha(book)
    (tmp_path / "~$ops.xlsx").write_bytes(b"owner")
    assert main(["import", str(EXPORTS / "us_legacy.xlsx"), "--book", str(book), "--market", "US"]) == 2
    assert "open in Excel" in capsys.readouterr().err
    assert sha(book) == before


def test_workbook_with_a_chart_and_a_text_box_is_edited_and_keeps_them(tmp_path, capsys):
    import xlsxwriter

    book = tmp_path / "team.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet("Orders")
    ws.write_row(0, 0, ["Order ID", "Seller SKU"])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "=Orders!$A$2:$A$3"})
    ws.insert_chart("D2", chart)
    ws.insert_textbox("D20", "team notes")
    wb.close()
    with zipfile.ZipFile(book) as z:
        before = {n: z.read(n) for n in z.namelist() if n.startswith(("xl/charts/", "xl/drawings/"))}
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    with zipfile.ZipFile(book) as z:
        assert {n: z.read(n) for n in before} == before  # the chart and the text box, byte for byte
    _, header, rows = orders(book)
    assert len(rows) == 14


def test_messages_in_chinese(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORTS / "mangled_sci.csv"), "--book", str(book), "--lang", "zh"]) == 2
    out = capsys.readouterr().out
    assert "第 3 行" in out and "Excel" in out and "科学计数法" in out


def test_language_setting_on_the_sheet_is_used(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    wb = openpyxl.load_workbook(book)
    ws = wb["Settings"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "Language":
            row[1].value = "zh"
    wb.save(book)
    capsys.readouterr()
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    assert "已于" in capsys.readouterr().out


def test_bad_setting_is_a_configuration_error(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    wb = openpyxl.load_workbook(book)
    for row in wb["Settings"].iter_rows(min_row=2):
        if row[0].value == "Market":
            row[1].value = "Atlantis"
    wb.save(book)
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book)]) == 1
    err = capsys.readouterr().err
    assert "Market" in err and "Atlantis" in err


def test_not_a_workbook_is_refused(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    book.write_text("this is not a workbook")
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book)]) == 2
    assert "ops.xlsx" in capsys.readouterr().err
    assert book.read_text() == "this is not a workbook"


def test_mapping_from_the_mappings_sheet(tmp_path):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    import tomllib

    spec = tomllib.loads((EXPORTS / "mapped_shop.mapping.toml").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(book)
    ws = wb["Mappings"]
    for i, (theirs, ours) in enumerate(spec["columns"].items(), start=2):
        ws.cell(i, 1).value, ws.cell(i, 2).value, ws.cell(i, 3).value = "mapped_shop", theirs, ours
    ws.cell(2, 4).value, ws.cell(2, 5).value = spec["date_format"], spec["encoding"]
    ws.cell(2, 6).value, ws.cell(2, 7).value = spec["decimal"], spec["currency"]
    wb.save(book)
    assert main(["import", str(EXPORTS / "mapped_shop.csv"), "--book", str(book)]) == 0
    _, header, rows = orders(book)
    truth = load(EXPORTS / "mapped_shop.expected.json")["lines"]
    assert set(t["Order ID"] for t in truth) <= set(column(header, rows, "Order ID"))


def test_backups_follow_the_backups_setting(tmp_path):
    book = tmp_path / "ops.xlsx"
    main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"])
    wb = openpyxl.load_workbook(book)
    for row in wb["Settings"].iter_rows(min_row=2):
        if row[0].value == "Backups":
            row[1].value = 3
    wb.save(book)
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8")
    for i in range(5):
        variant = tmp_path / f"v{i}.csv"
        variant.write_text(text.replace("Awaiting Shipment", "Shipped" if i % 2 else "Awaiting Collection"),
                           encoding="utf-8")
        main(["import", str(variant), "--book", str(book), "--market", "US"])
    # the 3 newest (today's newest among them: the one per day adds nothing today)
    assert len(list((tmp_path / "tkops-backups").glob("ops.*.xlsx"))) == 3


def test_copy_of_sample_keeps_working(tmp_path):
    """A sample copied elsewhere under another name is read the same (nothing depends on the file name)."""
    copy = tmp_path / "To Ship order-2026-11-25-09_10.csv"
    shutil.copy(EXPORTS / "us_2025.csv", copy)
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(copy), "--book", str(book), "--market", "US"]) == 0
