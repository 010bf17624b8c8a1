"""tkops slips on a real workbook: which orders get a slip, in pick order, as HTML, PDF and checklist files; errors
that name the setting or the template line and leave no file behind."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from tests.slips.code128_decode import decode
from tests.slips.sample import order_id
from tests.slips.test_barcodes import svg_modules
from tkops import templating
from tkops.book import FileBook
from tkops.book.layout import INVENTORY, BUNDLES, ORDERS, REVIEW, SETTINGS, ColumnSpec, orders_columns
from tkops.errors import ConfigError, DataError
from tkops.settings import Settings, sheet_rows
from tkops.jobs.slips import run_slips, slip_files
from tkops.slips import SlipSettings

A, B, C, D, E, F, G, H, I = (order_id(i) for i in range(1, 10))
WAVE_1, WAVE_2 = [B, C, A], [D, E]  # walking order: A-2 (B), A-10 (C's bundle), B-10 (A); then A-3 (D), B-1 (E)
HOSTILE_MESSAGE = "<img src=x onerror=alert(1)> please"
HOSTILE_NAME = '=HYPERLINK("http://evil","x")'
SETTINGS_ROWS = {"shop_name": "Demo Shop", "return_address": "1 Warehouse Rd\nOntario CA", "market": "US",
                 "qc_points": "No stains; Tags on"}
US = {"Country": "United States", "State": "Arizona", "City": "Phoenix", "Zipcode": "85016",
      "Address Line 1": "2306 E Camelback Rd", "Recipient": "Emily Carter", "Currency": "USD"}
TH = {"Country": "Thailand", "State": "กรุงเทพมหานคร", "City": "บางรัก", "Zipcode": "10500",
      "Address Line 1": "99/1 ถนนสีลม", "Recipient": "สมชาย ใจดี", "Currency": "THB"}


def row(order, sku, paid, wave, *, status="Awaiting Shipment", review="Ready", packed=None, qty=1, where=US, **more):
    return {"Order ID": order, "Order Status": status, "SKU ID": str(1_700_000_000_000_000_000 + len(sku)),
            "Seller SKU": sku, "Product Name": f"Product {sku}", "Variation": "Black, M", "Quantity": qty,
            "SKU Subtotal After Discount": 10.0 * qty, "Order Amount": 10.0 * qty, "Paid Time": f"2026-03-02 {paid}",
            "Review Status": review, "Packed": packed, "Wave": wave, **where, **more}


ORDERS_ROWS = [
    row(A, "TEE-RED-M", "09:00:00", 1),
    row(B, "MUG-01", "09:10:00", 1, **{"Buyer Message": HOSTILE_MESSAGE, "Recipient": HOSTILE_NAME}),
    row(B, "CAP-BLK", "09:10:00", 1, **{"Buyer Message": HOSTILE_MESSAGE, "Recipient": HOSTILE_NAME}),
    row(C, "SET-2", "09:05:00", 1),
    row(D, "DRESS-RED-M", "09:20:00", 2, where=TH),
    row(E, "TEE-BLU-S", "09:15:00", 2),
    row(F, "MUG-01", "08:00:00", 1, packed="Yes"),
    row(G, "CAP-BLK", "08:30:00", 2, status="Cancelled"),
    row(H, "HAT-1", "09:40:00", None),
    row(I, "TEE-RED-M", "09:30:00", 1, review="Hold"),
]
INVENTORY_ROWS = [("TEE-RED-M", "B", "B-10"), ("MUG-01", "A", "A-2"), ("CAP-BLK", "C", "C-1"),
                  ("SOCK-W", "A", "A-10"), ("DRESS-RED-M", "A", "A-3"), ("TEE-BLU-S", "B", "B-1"),
                  ("HAT-1", "C", "C-5")]
REVIEW_ROWS = [{"Order ID": E, "Code": "message.size_change", "Agreed": "Yes", "Agreed Variation": "Black, L"},
               {"Order ID": A, "Code": "message.gift", "Buyer Language": "de"}]  # the team chose German


def make_book(tmp_path, orders=ORDERS_ROWS, **settings):
    """An .xlsx written by tkops' own file backend: Orders, Inventory, Bundles, Review (with the team's Agreed
    columns) and Settings."""
    path = tmp_path / "shop.xlsx"
    book = FileBook(path)
    frame = pd.DataFrame(orders)
    spec = ORDERS.with_columns(orders_columns(list(frame.columns), set()))
    book.write_table(spec, frame.reindex(columns=spec.headers))
    book.write_table(INVENTORY, pd.DataFrame([{"Seller SKU": s, "Zone": z, "Bin": b, "On Hand": 20}
                                              for s, z, b in INVENTORY_ROWS]).reindex(columns=INVENTORY.headers))
    book.write_table(BUNDLES, pd.DataFrame([{"Bundle SKU": "SET-2", "Component SKU": "SOCK-W", "Quantity": 2}]))
    review = REVIEW.with_columns([*REVIEW.columns, ColumnSpec("Agreed"), ColumnSpec("Agreed Variation")])
    book.write_table(review, pd.DataFrame(REVIEW_ROWS).reindex(columns=review.headers))
    rows = sheet_rows(Settings(**{**SETTINGS_ROWS, **settings}))
    book.write_table(SETTINGS, pd.DataFrame(rows[1:], columns=rows[0]))
    book.save()
    return path


def open_book(path):
    """The workbook and its settings, as ``tkops slips`` opens them."""
    book = FileBook(path)
    return book, Settings.from_sheet_rows(book.read_rows("Settings"))


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """One default run (the piles of waves 1 and 2), shared by the tests that only read its files."""
    tmp = tmp_path_factory.mktemp("slips")
    book, settings = open_book(make_book(tmp))
    return run_slips(book, settings, tmp / "out")


class Orders(HTMLParser):
    """The data-order-id of each slip section (or checklist card), the code128 SVG of each, the tags seen."""

    def __init__(self, tag="section"):
        super().__init__()
        self.tag, self.orders, self.codes, self.tags, self.attrs = tag, [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        if tag == self.tag and dict(attrs).get("data-order-id"):
            self.orders.append(dict(attrs)["data-order-id"])


def parsed(path, tag="section"):
    p = Orders(tag)
    p.feed(path.read_text(encoding="utf-8"))
    return p


def pdf_texts(path):
    return [page.extract_text() for page in PdfReader(path).pages]


def test_one_slip_per_order_in_pick_order_in_three_files(printed):
    assert printed.orders == WAVE_1 + WAVE_2 and printed.slips == 5 and printed.waves == [1, 2]
    stem = printed.html.stem
    assert printed.pdf.name == f"{stem}.pdf" and re.fullmatch(r"Packing slips \d{4}-\d\d-\d\d \d{4}", stem)
    assert printed.checklist.name.startswith("Packing checklist ")
    assert sorted(p.name for p in printed.html.parent.iterdir()) == sorted(p.name for p in printed.paths)
    assert parsed(printed.html).orders == WAVE_1 + WAVE_2


def test_packed_cancelled_held_and_unwaved_orders_get_no_slip(printed):
    html = printed.html.read_text(encoding="utf-8")
    for order in (F, G, H, I):
        assert order not in html
    assert printed.held == [I]
    lines = printed.lines("en")
    assert lines[0].startswith("5 packing slips for 5 orders (waves 1, 2)")
    assert any(I in ln and "Hold" in ln for ln in lines) and any(str(printed.pdf) in ln for ln in lines)
    assert "装箱单" in printed.lines("zh")[0] and str(printed.checklist) in "\n".join(printed.lines("zh"))


def test_hostile_buyer_text_is_escaped_and_codes_decode(printed):
    html = printed.html.read_text(encoding="utf-8")
    page = parsed(printed.html)
    assert "img" not in page.tags and "onerror" not in page.attrs and "script" not in page.tags
    assert "&lt;img src=x onerror=alert(1)&gt; please" in html and "=HYPERLINK(&#34;http://evil&#34;" in html
    svgs = re.findall(r'<svg class="code128".*?</svg>', html, flags=re.S)
    assert [decode(svg_modules(s)) for s in svgs] == WAVE_1 + WAVE_2


def test_the_slips_carry_the_review_decisions_and_the_buyer_language(printed):
    sections = re.split(r'<section class="slip"', printed.html.read_text(encoding="utf-8"))[1:]
    by_order = dict(zip(WAVE_1 + WAVE_2, sections))
    assert "Black, L" in by_order[E] and "Size" in by_order[E]  # the size change agreed on the Review sheet
    assert "USD" not in by_order[A] and "Geschenk" in by_order[A] and 'lang="de"' in by_order[A]
    assert "10.00 USD" in by_order[B]
    assert 'lang="th"' in by_order[D] and "ใบรายการสินค้า" in by_order[D] and "ถนนสีลม" in by_order[D]
    assert "Product SOCK-W" not in by_order[C] and "SET-2" in by_order[C]  # the slip shows what was ordered


def test_the_pdf_has_a_page_per_order_in_pick_order(printed):
    texts = pdf_texts(printed.pdf)
    assert len(texts) == 5
    for text, order in zip(texts, WAVE_1 + WAVE_2):
        assert order in text and "Demo Shop" in text
    box = PdfReader(printed.pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, the default Slip Layout
    assert "<img src=x onerror=alert(1)> please" in texts[0] and HOSTILE_NAME in texts[0]


@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None,
                    reason="poppler's pdftoppm or zbarimg is not installed")
def test_the_pdf_barcode_scans_to_the_order_id(printed, tmp_path):
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(printed.pdf), str(tmp_path / "p")],
                   check=True)
    (png,) = tmp_path.glob("p*.png")
    found = subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, text=True).stdout.split()
    assert f"CODE-128:{B}" in found and f"QR-Code:{B}" in found


def test_the_checklist_has_boxes_to_tick_and_the_qc_points(printed):
    page = parsed(printed.checklist, "article")
    assert page.orders == WAVE_1 + WAVE_2
    cards = re.split(r'<article class="card"', printed.checklist.read_text(encoding="utf-8"))[1:]
    by_order = dict(zip(page.orders, cards))
    # the buyer's message (for the packer to read first), two items, two QC points
    assert by_order[B].count('<span class="box"></span>') == 1 + 2 + 2
    assert "MUG-01" in by_order[B] and "CAP-BLK" in by_order[B] and "&lt;img" in by_order[B]
    assert by_order[E].count('<span class="box"></span>') == 1 + 1 + 2 and "Black, L" in by_order[E]
    assert all("No stains" in card and "Tags on" in card for card in cards)


def test_waves_option_prints_only_those_waves(tmp_path):
    book, settings = open_book(make_book(tmp_path))
    report = run_slips(book, settings, tmp_path / "out", waves=[2])
    assert report.orders == WAVE_2 and parsed(report.html).orders == WAVE_2 and len(pdf_texts(report.pdf)) == 2
    assert report.held == [] and report.lines("en")[0].startswith("2 packing slips for 2 orders (wave 2)")


def test_named_orders_are_reprinted_even_when_packed_but_never_when_cancelled(tmp_path):
    book, settings = open_book(make_book(tmp_path))
    report = run_slips(book, settings, tmp_path / "out", orders=[F, G, "123"])
    assert report.orders == [F] and report.missing == [G, "123"] and report.scope == "orders"
    assert any(G in ln and "123" in ln for ln in report.lines("en"))


def test_without_waves_the_released_orders_are_printed_in_walking_order(tmp_path):
    rows = [{**r, "Wave": None} for r in ORDERS_ROWS]
    book, settings = open_book(make_book(tmp_path, rows))
    report = run_slips(book, settings, tmp_path / "out")
    # A-2 (B), A-3 (D), A-10 (C), B-1 (E), B-10 (A), C-5 (H); F packed, G cancelled, I on Hold
    assert report.orders == [B, D, C, E, A, H] and report.scope == "released"
    assert parsed(report.html).orders == report.orders and "released" in report.lines("en")[0]


def test_the_layout_option_changes_the_page_size(tmp_path):
    book, settings = open_book(make_book(tmp_path))
    report = run_slips(book, settings, tmp_path / "out", layout="4X6", waves=[2])
    reader = PdfReader(report.pdf)
    assert len(reader.pages) == 2
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(288, 432)}
    assert "layout-4x6" in report.html.read_text(encoding="utf-8")
    a6 = run_slips(book, settings.with_overrides(slip_layout="A6"), tmp_path / "out", waves=[2])
    assert round(float(PdfReader(a6.pdf).pages[0].mediabox.width)) == 298
    assert a6.html.name.endswith("(2).html") and a6.pdf.name.endswith("(2).pdf")  # same minute: never overwritten


def test_nothing_to_print_writes_nothing(tmp_path):
    book, settings = open_book(make_book(tmp_path))
    report = run_slips(book, settings, tmp_path / "out", waves=[7])
    assert report.slips == 0 and report.paths == [] and not (tmp_path / "out").exists()
    assert report.lines("en") == [
        "Nothing to print: no order in wave 7 is waiting to be packed (not Packed, not cancelled)."]
    assert "没有需要打印" in report.lines("zh")[0]


def test_an_empty_orders_sheet_is_an_error(tmp_path):
    book, settings = open_book(make_book(tmp_path, []))
    with pytest.raises(DataError) as err:
        run_slips(book, settings, tmp_path / "out")
    assert err.value.code == "no_orders"


def test_a_bad_slip_layout_names_the_setting_and_writes_nothing(tmp_path):
    path = make_book(tmp_path)
    book = FileBook(path)
    rows = [r if r[0] != "Slip Layout" else ["Slip Layout", "Letter"] for r in book.read_rows("Settings")]
    with pytest.raises(ConfigError) as err:  # how the CLI and the button read the Settings sheet
        Settings.from_sheet_rows(rows)
    assert '"Slip Layout" = "Letter"' in str(err.value)
    with pytest.raises(ConfigError) as err:  # settings that slipped past that check
        run_slips(book, Settings(slip_layout="Letter"), tmp_path / "out")
    assert "Slip Layout" in str(err.value) and "letter" in str(err.value)
    with pytest.raises(ConfigError) as err:
        run_slips(book, Settings(), tmp_path / "out", layout="letter")
    assert "Slip Layout" in str(err.value) and "a4, a6, 4x6" in str(err.value)
    with pytest.raises(ConfigError) as err:
        run_slips(book, Settings(shop_logo=str(tmp_path / "nope.png")), tmp_path / "out")
    assert "Shop Logo" in str(err.value)
    assert not (tmp_path / "out").exists()


def test_the_logo_and_font_files_are_checked_before_anything_is_drawn(tmp_path):
    renamed = tmp_path / "logo.png"
    renamed.write_bytes(b"%PDF-1.4 not a picture")  # a file renamed to .png: caught here, not in the renderer
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (4, 4)).save(gif)
    font = tmp_path / "font.ttf"
    font.write_bytes(b"not read here")
    for bad, name in (({"Shop Logo": str(tmp_path / "none.png")}, "Shop Logo"),
                      ({"Shop Logo": str(renamed)}, "Shop Logo"), ({"Shop Logo": str(gif)}, "Shop Logo"),
                      ({"Shop Logo": str(tmp_path)}, "Shop Logo"), ({"PDF Fonts": "x.otf"}, "PDF Fonts"),
                      ({"PDF Fonts": str(tmp_path / "none.ttf")}, "PDF Fonts"),
                      ({"Shop Logo": str(tmp_path / "none.png"), "PDF Fonts": "x.otf"}, "Shop Logo")):
        with pytest.raises(ConfigError) as err:
            slip_files(SlipSettings.from_mapping(bad))
        assert err.value.code == "bad_setting" and name in str(err.value), bad
    Image.new("RGB", (120, 40)).save(tmp_path / "logo.jpg")
    logo = slip_files(SlipSettings.from_mapping({"Shop Logo": str(tmp_path / "logo.jpg"), "PDF Fonts": str(font)}))
    assert (logo.width, logo.height, logo.mime, logo.path) == (120, 40, "image/jpeg", str(tmp_path / "logo.jpg"))
    assert logo.data == (tmp_path / "logo.jpg").read_bytes()
    assert slip_files(SlipSettings.from_mapping({})) is None


def broken_copy(folder, name, old, new):
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (templating.shipped_templates() / name).read_text(encoding="utf-8").replace(old, new)
    target.write_text(text, encoding="utf-8")
    return target, next(i for i, ln in enumerate(text.splitlines(), 1) if new in ln)


@pytest.mark.parametrize("name, old, new", [
    ("slips/a4.html.j2", "slip.labels.title", "slip.labels.titel"),
    ("slips/checklist.html.j2", "labels.put_in", "labels.put_inn"),  # the last file rendered: nothing written
])
def test_a_broken_team_template_names_template_line_and_variable_and_leaves_no_file(tmp_path, name, old, new):
    team = tmp_path / "team templates"
    own, line = broken_copy(team, name, old, new)
    book, settings = open_book(make_book(tmp_path, templates_folder=str(team)))
    with pytest.raises(ConfigError) as err:
        run_slips(book, settings, tmp_path / "out")
    message = str(err.value)
    assert err.value.code == "template_error"
    assert name in message and str(own) in message and f"line {line}" in message and new.split(".")[-1] in message
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_failed_write_leaves_no_half_batch(tmp_path, monkeypatch):
    import tkops.jobs.slips as job

    calls = []

    def failing(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data)

    real = job.write_atomic
    monkeypatch.setattr(job, "write_atomic", failing)
    book, settings = open_book(make_book(tmp_path))
    with pytest.raises(OSError):
        run_slips(book, settings, tmp_path / "out")
    assert len(calls) == 3 and list((tmp_path / "out").iterdir()) == []


def test_the_default_folder_is_beside_the_workbook(tmp_path):
    book, settings = open_book(make_book(tmp_path))
    before = (tmp_path / "shop.xlsx").read_bytes()
    report = run_slips(book, settings, waves=[1])
    assert report.html.parent == tmp_path / "tkops-output" and report.orders == WAVE_1
    assert (tmp_path / "shop.xlsx").read_bytes() == before and not (tmp_path / "tkops-backups").exists()


def test_a_yes_word_or_a_date_counts_as_packed(tmp_path):
    ticks = {A: "x", B: "No", C: "否", D: "2026-03-02 10:15", E: "FALSE"}
    rows = [{**r, "Packed": ticks.get(r["Order ID"], r["Packed"])} for r in ORDERS_ROWS]
    book, settings = open_book(make_book(tmp_path, rows))
    assert run_slips(book, settings, tmp_path / "out").orders == [B, C, E]


def test_orders_already_with_the_carrier_get_no_slip_unless_named(tmp_path):
    statuses = {A: "Shipped", C: "Awaiting Collection", D: "จัดส่งแล้ว"}  # Thai export: shipped
    rows = [{**r, "Order Status": statuses.get(r["Order ID"], r["Order Status"])} for r in ORDERS_ROWS]
    book, settings = open_book(make_book(tmp_path, rows))
    assert run_slips(book, settings, tmp_path / "out").orders == [B, C, E]
    assert run_slips(book, settings, tmp_path / "out", orders=[D, A]).orders == [A, D]


def test_the_command_prints_the_summary_and_names_the_files(tmp_path, capsys):
    from tkops.cli import main

    path = make_book(tmp_path)
    assert main(["slips", "--book", str(path), "--out", str(tmp_path / "out"), "--wave", "2", "--layout", "a6",
                 "--now", "2026-03-02T10:30"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("2 packing slips for 2 orders (wave 2)")
    pdf = tmp_path / "out" / "Packing slips 2026-03-02 1030.pdf"
    assert str(pdf) in printed and round(float(PdfReader(pdf).pages[0].mediabox.width)) == 298  # A6
