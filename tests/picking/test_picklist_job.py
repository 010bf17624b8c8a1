"""The pick-list job on real workbooks: waves written on Orders, the PickList sheet in walking order and set up for
printing, HTML and PDF files, nothing printed twice, reprints, failures that leave no files, and the same job
through the command, the live backend and the button."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from tests.picking.conftest import order_id
from tkops import xl
from tkops.book import FileBook
from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, PICKLIST, orders_columns
from tkops.book.live import LiveBook
from tkops.cli import main
from tkops.errors import DataError
from tkops.jobs.picklist import run_picklist
from tkops.settings import Settings

from fakes.xlwings_fake import FakeBook
from test_live_backend import new_live_book

NOW = dt.datetime(2026, 11, 25, 10, 30)
T0 = dt.datetime(2026, 11, 25, 8, 0)
SCRIPT = "<script>alert('x')</script>"
THAI = "เสื้อยืดสีแดง"
SETTINGS = Settings()

# (order number, Seller SKU, quantity, Review Status, Picked, product name)
LINES = [
    (1, "TEE-L", 1, "Ready", None, "Basic Tee"),        # single
    (2, "MUG", 1, "Ready", None, "Mug"),                # multi: three lines
    (2, "TEE-M", 2, "Ready", None, "Basic Tee"),
    (2, "TEE-L", 1, "Ready", None, "Basic Tee"),
    (3, "GIFT-SET", 1, "Ready", None, "Gift set"),      # multi: a bundle of a mug and a cap
    (4, "PIN", 1, "Ready", None, "Pin"),                # single, no bin
    (5, "TEE-M", 1, "Hold", None, "Basic Tee"),         # held by the review
    (6, "CAP", 1, "Ready", "Yes", "Cap"),               # already picked
    (7, "EVIL-1", 1, "Ready", None, SCRIPT),            # single, not on the Inventory sheet
    (8, "SOCK", 1, "Ready", None, THAI),                # single
]
INVENTORY_ROWS = pd.DataFrame({
    "Seller SKU": ["TEE-M", "TEE-L", "MUG", "CAP", "PIN", "SOCK"],
    "Product Name": ["Basic Tee", "Basic Tee", "Mug", "Cap", "Pin", THAI],
    "Variation": ["M", "L", "", "", "", ""],
    "On Hand": [50, 50, 50, 50, 50, 50],
    "Zone": ["A", "A", "B", "A", "", "B"],
    "Bin": ["A-10", "A-2", "B-01-03", "A-1", "", "B-1-2"],
})
BUNDLE_ROWS = pd.DataFrame({"Bundle SKU": ["GIFT-SET", "GIFT-SET"], "Component SKU": ["MUG", "CAP"],
                            "Quantity": [1, 1]})


def orders_frame(spec) -> pd.DataFrame:
    rows = [{"Order ID": order_id(n), "Order Status": "Awaiting Shipment", "Seller SKU": sku,
             "SKU ID": f"17{n:02d}{i:014d}", "Product Name": name, "Variation": "", "Quantity": qty,
             "Paid Time": T0 + dt.timedelta(minutes=n), "Review Status": status, "Picked": picked,
             "Team Note": f"note {i}", "Assignee": "Mai" if n % 2 else None}
            for i, (n, sku, qty, status, picked, name) in enumerate(LINES)]
    return pd.DataFrame(rows).reindex(columns=spec.headers)


def tables(book) -> None:
    spec = ORDERS.with_columns(orders_columns([], set()))
    book.write_table(spec, orders_frame(spec))
    book.write_table(INVENTORY, INVENTORY_ROWS.reindex(columns=INVENTORY.headers))
    book.write_table(BUNDLES, BUNDLE_ROWS)


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "ops.xlsx"
    book = FileBook(path)
    tables(book)
    book.save()
    return path


def run(path: Path, settings: Settings = SETTINGS, **options):
    return run_picklist(FileBook(path), settings, path.parent / "out", NOW, **options)


def records(path: Path, sheet: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    header = [h for h in rows[0] if h]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r[:len(header)])]


def pick_rows(path: Path) -> list[tuple]:
    return [(r["Wave"], r["Zone"], r["Bin"], r["Seller SKU"], r["Quantity"], r["Order IDs"])
            for r in records(path, "PickList")]


def waves_on_orders(path: Path) -> dict:
    return {(r["Order ID"], r["Seller SKU"]): r["Wave"] for r in records(path, "Orders")}


def test_pick_list_sheet_in_walking_order_with_single_and_multi_waves(workbook):
    report = run(workbook)
    o = order_id
    assert pick_rows(workbook) == [
        (1, "A", "A-2", "TEE-L", 1, o(1)), (1, "B", "B-1-2", "SOCK", 1, o(8)),
        (1, None, None, "PIN", 1, o(4)), (1, None, None, "EVIL-1", 1, o(7)),
        (2, "A", "A-1", "CAP", 1, o(3)), (2, "A", "A-2", "TEE-L", 1, o(2)), (2, "A", "A-10", "TEE-M", 2, o(2)),
        (2, "B", "B-01-03", "MUG", 2, f"{o(2)}, {o(3)}"),
    ]
    flags = [r["Flag"] for r in records(workbook, "PickList")]
    assert flags[2:4] == ["no bin", "no bin; not in Inventory"]
    assert list(report.summary["kind"]) == ["single", "multi"]
    assert list(report.summary["orders"]) == [4, 2]
    calamine = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_name("PickList").to_python()
    assert calamine[0] == PICKLIST.headers
    assert [(r[3], r[6]) for r in calamine[1:]] == [(r[3], r[4]) for r in pick_rows(workbook)]


def test_waves_are_written_for_exactly_the_listed_lines_and_team_columns_are_kept(workbook):
    before = records(workbook, "Orders")
    run(workbook)
    after = records(workbook, "Orders")
    assert [{k: v for k, v in r.items() if k != "Wave"} for r in after] == [
        {k: v for k, v in r.items() if k != "Wave"} for r in before]
    assert [r["Wave"] for r in after] == [1, 2, 2, 2, 2, 1, None, None, 1, 1]
    calamine = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_name("Orders").to_python()
    header = calamine[0]
    assert [r[header.index("Order ID")] for r in calamine[1:]] == [order_id(n) for n, *_ in LINES]
    assert [r[header.index("Wave")] or None for r in calamine[1:]] == [1, 2, 2, 2, 2, 1, None, None, 1, 1]


def test_a_workbook_without_a_wave_column_gets_one(tmp_path):
    path = tmp_path / "old.xlsx"
    book = FileBook(path)
    tables(book)
    spec = ORDERS.with_columns([c for c in orders_columns([], set()) if c.header != "Wave"])
    book.write_table(spec, orders_frame(spec))
    book.save()
    assert "Wave" not in records(path, "Orders")[0]
    run(path)
    assert [r["Wave"] for r in records(path, "Orders")] == [1, 2, 2, 2, 2, 1, None, None, 1, 1]


def test_the_saved_pick_list_is_set_up_for_printing(workbook):
    run(workbook)
    ws = openpyxl.load_workbook(workbook)["PickList"]
    assert ws.print_area == "'PickList'!$A$1:$K$9"
    assert ws.print_title_rows == "$1:$1"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_setup.orientation == "landscape"


def test_html_and_pdf_files(workbook):
    report = run(workbook)
    out = workbook.parent / "out"
    assert sorted(p.name for p in out.iterdir()) == ["Pick list 2026-11-25 1030.html", "Pick list 2026-11-25 1030.pdf"]
    assert report.paths == [out / "Pick list 2026-11-25 1030.pdf", out / "Pick list 2026-11-25 1030.html"]
    html = report.html.read_text(encoding="utf-8")
    assert all(sku in html for sku in ("TEE-L", "MUG", "CAP", "PIN", "EVIL-1", "A-10", order_id(7)))
    assert SCRIPT not in html and "&lt;script&gt;" in html
    reader = PdfReader(report.pdf)
    assert len(reader.pages) >= 2
    pages = [page.extract_text() for page in reader.pages]
    assert "Wave 1" in pages[0] and "Wave 2" in pages[1]  # each wave starts a page
    text = "\n".join(pages)
    for value in ("TEE-L", "TEE-M", "CAP", "PIN", "EVIL-1", "A-2", "A-10", "B-01-03",
                  *(order_id(n) for n in (1, 2, 3, 4, 7, 8))):
        assert value in text, value
    assert order_id(5) not in text and order_id(6) not in text
    fonts = {str(f.get("/BaseFont")) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("NotoSansThai" in f for f in fonts)  # the Thai product name is drawn in a Thai font


def test_the_summary_for_the_team(workbook):
    report = run(workbook)
    en = report.lines("en")
    assert en[0] == "Pick list: 2 waves (1, 2), 6 orders, 10 items, 8 pick lines."
    assert "Wave 1: single-item, 4 orders, 4 items" in en[1]
    assert any("1 pick line without a bin" in s and "PIN" in s for s in en)
    assert any("not on the Inventory sheet: EVIL-1" in s for s in en)
    assert str(report.pdf) in en[-1]
    assert report.lines("zh")[0].startswith("拣货单：2 个波次")


def test_a_second_run_prints_nothing_new_and_changes_nothing(workbook):
    run(workbook)
    saved = workbook.read_bytes()
    report = run(workbook)
    assert report.pick.empty and report.pdf is None and report.already_listed == 8
    assert "already on an earlier pick list" in report.lines("en")[0]
    assert len(list((workbook.parent / "out").iterdir())) == 2
    assert workbook.read_bytes() == saved


def set_cells(path: Path, order: int, **values) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header.index("Order ID") + 1).value == order_id(order):
            for name, value in values.items():
                ws.cell(r, header.index(name.replace("_", " ")) + 1).value = value
    wb.save(path)


def test_new_lines_get_the_next_wave_and_a_reprint_keeps_wave_numbers(workbook):
    run(workbook)
    set_cells(workbook, 5, Review_Status="Ready")  # the team released the held order
    report = run(workbook)
    assert list(report.summary["wave"]) == [3]
    assert pick_rows(workbook) == [(3, "A", "A-10", "TEE-M", 1, order_id(5))]
    assert any("8 released lines already on an earlier pick list (waves 1, 2)" in s for s in report.lines("en"))
    assert waves_on_orders(workbook)[(order_id(5), "TEE-M")] == 3

    set_cells(workbook, 1, Picked="Yes")
    before = waves_on_orders(workbook)
    report = run(workbook, include_waved=True)
    assert list(report.summary["wave"]) == [1, 2, 3]
    assert ("TEE-L", order_id(1)) not in {(r[3], r[5]) for r in pick_rows(workbook)}  # picked since
    assert {r[0] for r in pick_rows(workbook)} == {1, 2, 3}
    assert waves_on_orders(workbook) == before
    assert len(list((workbook.parent / "out").iterdir())) == 6


def test_wave_cap_and_no_separation_from_settings(workbook):
    report = run(workbook, Settings(separate_single="No", wave_size="2"))
    # orders in paid order: 1 2 | 3 4 | 7 8
    assert list(report.summary["orders"]) == [2, 2, 2]
    assert list(report.summary["kind"]) == ["mixed", "mixed", "single"]
    waves = waves_on_orders(workbook)
    assert [waves[(order_id(n), s)] for n, s, *_ in LINES] == [1, 1, 1, 1, 2, 2, None, None, 3, 3]


def test_a_failed_save_leaves_no_files_and_no_waves(workbook, monkeypatch):
    saved = workbook.read_bytes()

    def locked(self):
        raise OSError("disk full")

    monkeypatch.setattr(FileBook, "save", locked)
    with pytest.raises(OSError):
        run(workbook)
    assert list((workbook.parent / "out").iterdir()) == []
    assert workbook.read_bytes() == saved


def test_a_failed_pdf_leaves_no_html(workbook, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("font trouble")

    monkeypatch.setattr("tkops.jobs.picklist.picklist_pdf", broken)
    with pytest.raises(RuntimeError):
        run(workbook)
    assert not (workbook.parent / "out").exists() or list((workbook.parent / "out").iterdir()) == []


def test_nothing_released_and_no_orders(tmp_path, workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Orders"]
    col = [c.value for c in ws[1]].index("Review Status") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col).value = "Hold"
    wb.save(workbook)
    report = run(workbook)
    assert report.pick.empty and report.paths == []
    assert report.lines("en") == ["Nothing to pick: no line has Review Status Ready without being picked."]
    assert records(workbook, "PickList") == []

    empty = tmp_path / "empty.xlsx"
    FileBook(empty).save()
    with pytest.raises(DataError) as err:
        run(empty)
    assert err.value.code == "no_orders"


def test_the_same_job_through_the_live_backend(tmp_path):
    sheets = {"Orders": [[c.header for c in orders_columns([], set())]], "Inventory": [INVENTORY.headers],
              "Bundles": [BUNDLES.headers], "PickList": [PICKLIST.headers]}
    fake = FakeBook(str(tmp_path / "tkops.xlsm"), sheets)
    tables(LiveBook(fake))
    report = run_picklist(LiveBook(fake), SETTINGS, now=NOW)
    assert list(report.summary["wave"]) == [1, 2]
    picklist = fake.sheet("PickList").rows()
    assert picklist[0] == PICKLIST.headers
    assert [r[3] for r in picklist[1:]] == ["TEE-L", "SOCK", "PIN", "EVIL-1", "CAP", "TEE-L", "TEE-M", "MUG"]
    assert fake.sheet("PickList")._page_setup.print_area == "$A$1:$K$9"
    orders = fake.sheet("Orders").rows()
    wave = orders[0].index("Wave")
    assert [r[wave] for r in orders[1:]] == [1, 2, 2, 2, 2, 1, None, None, 1, 1]
    assert all(isinstance(r[orders[0].index("Order ID")], str) for r in orders[1:])
    assert sorted(p.suffix for p in (tmp_path / "tkops-output").iterdir()) == [".html", ".pdf"]
    again = run_picklist(LiveBook(fake), SETTINGS, now=NOW)
    assert again.pick.empty and len(list((tmp_path / "tkops-output").iterdir())) == 2


def test_the_button(tmp_path):
    fake = new_live_book(tmp_path)
    tables(LiveBook(fake))
    xl.pick_list(fake)
    assert fake.app.alerts == []
    assert fake.sheet("Home").value_at(2, 1).startswith("Pick list: 2 waves (1, 2)")
    assert len(fake.sheet("PickList").rows()) == 9
    assert len(list((tmp_path / "tkops-output").iterdir())) == 2


def test_the_command(workbook, capsys):
    command = ["picklist", "--book", str(workbook), "--out", str(workbook.parent / "out"), "--now", "2026-11-25T10:30"]
    assert main(command) == 0
    assert "Pick list: 2 waves (1, 2)" in capsys.readouterr().out
    assert main(command) == 0
    assert "tkops picklist --again" in capsys.readouterr().out
    assert main(command + ["--again"]) == 0
    assert "Pick list: 2 waves (1, 2)" in capsys.readouterr().out
    assert len(list((workbook.parent / "out").iterdir())) == 4
