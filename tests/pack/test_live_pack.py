"""The live pack station on a fake Excel playing a USB scanner: the code typed into the Pack sheet's scan cell, then
Enter or Tab, then the sheet's Worksheet_Change event runs tkops.xl.pack_scan."""

from __future__ import annotations

import openpyxl
import pytest

from tkops import xl

from fakes.xlwings_fake import FakeBook
from pack.conftest import BARCODES, wave_scans
from test_live_backend import as_records


def fake_excel(path) -> FakeBook:
    """The saved workbook ``path`` open in a fake Excel (as tkops.xlsm would hold it: a Home sheet with its status
    cells)."""
    wb = openpyxl.load_workbook(path)
    sheets = {"Home": [["tkops"], [None], [None]]}
    book = FakeBook(str(path.with_suffix(".xlsm")), {**sheets, **{ws.title: [] for ws in wb}})
    for ws in wb:  # text cells keep their Text format, as the sheets tkops writes have it
        sheet = book.sheet(ws.title)
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet._cell((r, c)).number_format = "@" if isinstance(value, str) else "General"
                    sheet._put((r, c), value)
    book.calls = 0
    book.add_name("tkops_status", "Home", "A2")
    book.add_name("tkops_summary", "Home", "A3")
    return book


def scanner(book: FakeBook, code: str, end: str = "\r") -> None:
    """A USB scanner: types ``code`` into the selected cell and presses Enter (Excel moves down) or Tab (right);
    Excel then fires the sheet's Worksheet_Change event."""
    selected = book._selection
    assert (selected.sheet.name, selected.first) == ("Pack", (1, 2)), "the scan cell is not selected"
    selected.sheet._put((1, 2), code)
    book._selection = selected.sheet.range((2, 2) if end == "\r" else (1, 3))
    xl.pack_scan(book)


@pytest.fixture(autouse=True)
def fresh_sessions():
    xl._PACKING.clear()
    yield
    xl._PACKING.clear()


def test_a_packer_packs_the_first_wave_with_a_scanner(packing_book):
    book = fake_excel(packing_book)
    xl.pack_start(book)
    assert book.app.alerts == []
    pack = book.sheet("Pack")
    assert pack.value_at(2, 1) == "Ready: scan an order barcode." and pack._get((1, 2)).number_format == "@"
    pack._put((1, 5), "Mei")
    scans, orders = wave_scans(packing_book)
    for i, code in enumerate(scans):
        scanner(book, code.rstrip("\r\n\t"), "\r" if i % 2 else "\t")
    assert book.app.alerts == []
    rows = as_records(book.sheet("Orders").rows())
    packed = [r for r in rows if r["Order ID"] in orders]
    assert {(r["Packed"], r["QC OK"], r["Packed By"]) for r in packed} == {("Yes", "Yes", "Mei")}
    assert all(r["Packed"] is None for r in rows if r["Order ID"] not in orders)
    log = as_records(book.sheet("PackLog").rows())
    assert len(log) == len(scans) and [r["Verdict"] for r in log].count("order_complete") == len(orders)
    assert all(isinstance(r["Order ID"], str) and len(r["Order ID"]) == 18 for r in log)  # never 5.77E+17
    assert pack.value_at(1, 2) is None and book._selection.first == (1, 2)
    last = list(orders)[-1]
    assert pack.value_at(2, 1).startswith(f"Order {last} complete") and pack._get((2, 1)).color == "#00B050"
    assert pack.value_at(3, 2) == last


def test_each_scan_gives_its_verdict_at_once_in_words_and_colour(packing_book):
    book = fake_excel(packing_book)
    xl.pack_start(book)
    pack = book.sheet("Pack")
    _, orders = wave_scans(packing_book)
    order = next(o for o, lines in orders.items() if all(x["Seller SKU"] != "HOOD-NVY-M" for x in lines)
                 and sum(int(x["Quantity"]) for x in lines) >= 2)
    other = next(o for o in orders if o != order)
    scanner(book, order)
    assert pack.value_at(2, 1).startswith(f"Order {order}:") and pack.value_at(3, 2) == order
    book.calls = 0
    scanner(book, BARCODES["HOOD-NVY-M"])
    assert pack.value_at(2, 1).startswith("NOT IN THIS ORDER: HOOD-NVY-M") and pack._get((2, 1)).color == "#FF7C80"
    assert book.calls <= 20  # about ten Excel operations (a range and its value count two), whatever the lines
    scanner(book, "036000291452", "\t")  # the UPC-A of TEE-WHT-M with its leading zero, kept as text
    first = orders[order][0]["Seller SKU"]
    assert not pack.value_at(2, 1).startswith("UNKNOWN CODE")  # the EAN-13 form of a known UPC-A
    scanner(book, "no-such-thing")
    assert pack.value_at(2, 1).startswith('UNKNOWN CODE "no-such-thing"')
    scanner(book, BARCODES.get(first, first))
    scanner(book, other)
    text = pack.value_at(2, 1)
    assert f"Order {order} is NOT packed: still missing" in text and pack._get((2, 1)).color == "#FFEB9C"
    log = as_records(book.sheet("PackLog").rows())
    assert [r["Scanned"] for r in log][:3] == [order, BARCODES["HOOD-NVY-M"], "036000291452"]


def test_python_restarted_mid_order_carries_on_from_packlog(packing_book):
    book = fake_excel(packing_book)
    xl.pack_start(book)
    scans, orders = wave_scans(packing_book)
    order = next(o for o, lines in orders.items() if sum(int(x["Quantity"]) for x in lines) >= 2)
    items = [s.strip() for s in scans[scans.index(order + "\r\n") + 1:]][:sum(int(x["Quantity"]) for x in
                                                                            orders[order])]
    scanner(book, order)
    scanner(book, items[0])
    xl._PACKING.clear()  # Excel closed Python between two scans
    for code in items[1:]:
        scanner(book, code)
    assert book.sheet("Pack").value_at(2, 1).startswith(f"Order {order} complete")


def test_orders_imported_after_the_session_began_are_found(packing_book):
    book = fake_excel(packing_book)
    xl.pack_start(book)
    session = xl._PACKING[book.fullname][0]
    gone = next(iter(session.index.orders))
    del session.index.orders[gone]  # as if the order came in after the index was built
    scanner(book, gone)
    assert book.sheet("Pack").value_at(2, 1).startswith(f"Order {gone}:")


def test_a_book_without_orders_says_so_in_a_message_box(tmp_path):
    book = FakeBook(str(tmp_path / "tkops.xlsm"), {"Home": [["tkops"], [None]], "Orders": [["Order ID"]]})
    book.add_name("tkops_status", "Home", "A2")
    xl.pack_start(book)
    assert "has no order lines yet: import orders first" in book.app.alerts[-1][1]
    assert "Traceback" not in book.app.alerts[-1][1]


def test_an_excel_error_mid_scan_is_a_message_and_the_next_scan_starts_afresh(packing_book, monkeypatch):
    book = fake_excel(packing_book)
    xl.pack_start(book)
    _, orders = wave_scans(packing_book)
    order = next(iter(orders))
    sheet = xl._PACKING[book.fullname][1]
    monkeypatch.setattr(sheet, "append_log", lambda entry: (_ for _ in ()).throw(OSError("Excel is busy")))
    scanner(book, order)
    title, text = book.app.alerts[-1]
    assert "OSError" in text and "tkops.log" in text and "Traceback" not in text
    assert book.fullname not in xl._PACKING
    book._selection = book.sheet("Pack").range((1, 2))
    scanner(book, order)
    assert book.sheet("Pack").value_at(2, 1).startswith(f"Order {order}:")
    assert len(book.app.alerts) == 1
    before = len(book.sheet("PackLog").rows())
    xl.pack_scan(book)  # Excel's event for the emptied scan cell: nothing is logged
    assert len(book.sheet("PackLog").rows()) == before
