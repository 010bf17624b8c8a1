"""tkops labels on a real workbook: the PDFs of both label stocks rendered to PNG at 300 dpi and scanned back with
zbar (every expected code once per label, nothing else), page counts, a CJK product name, rows left out with a
message naming the row and the fix, nothing written when there is nothing to print, no file overwritten."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pandas as pd
import pytest
from pypdf import PdfReader

from tkops.book import FileBook
from tkops.book.layout import INVENTORY, SETTINGS
from tkops.cli import main
from tkops.errors import ConfigError
from tkops.jobs.barcode_labels import run_barcode_labels
from tkops.pack.index import build_index
from tkops.settings import Settings, sheet_rows

CJK_NAME = "陶瓷马克杯 白色 大容量 350毫升"
#: 22 SKUs without a barcode (one with a Chinese name, one on two rows), one with a GTIN, one Code 128 cannot hold;
#: three distinct bins.
SKUS = [f"SKU-{i:02d}" for i in range(1, 22)]
ROWS = ([(sku, f"Product {sku}", "Red, M", "A", "A-01-02", None) for sku in SKUS[:10]]
        + [(sku, f"Product {sku}", "", "B", "B-7", None) for sku in SKUS[10:]]
        + [("MUG-01", CJK_NAME, "", "C", "C-1", None), ("MUG-01", CJK_NAME, "", "C", "C-1", None),
           ("CAP-BLK", "Cap", "Black", "A", "A-01-02", "0012345678905"),
           ("茶杯-1", "Tea cup", "", "C", "C-1", None)])
EXPECTED_SKUS = [*SKUS, "MUG-01"]
BINS = ["A-01-02", "B-7", "C-1"]
NEEDS = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None,
                           reason="poppler's pdftoppm or zbar's zbarimg is not installed (.ci/run installs both)")


def make_book(tmp_path, rows=ROWS, **settings):
    """An .xlsx written by tkops' own file backend with an Inventory sheet and Settings."""
    path = tmp_path / "shop.xlsx"
    book = FileBook(path)
    frame = pd.DataFrame([dict(zip(["Seller SKU", "Product Name", "Variation", "Zone", "Bin", "Barcode"], r))
                          for r in rows])
    book.write_table(INVENTORY, frame.reindex(columns=INVENTORY.headers))
    table = sheet_rows(Settings(**settings))
    book.write_table(SETTINGS, pd.DataFrame(table[1:], columns=table[0]))
    book.save()
    return path


def run(path, **options):
    book = FileBook(path)
    return run_barcode_labels(book, Settings.from_sheet_rows(book.read_rows("Settings")), path.parent / "out",
                              **options)


def scanned(pdf, tmp_path) -> list[list[str]]:
    """The codes zbar reads on each page of ``pdf`` rendered at 300 dpi, as written ("CODE-128:...")."""
    prefix = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(tmp_path.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, text=True).stdout.split()
            for png in pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("labels")
    return run(make_book(tmp), bins=True), tmp


def test_both_stocks_are_written_with_every_sku_without_a_barcode_and_every_bin(printed):
    report, _ = printed
    assert [(sheet, pages) for sheet, _, pages in report.files] == [("a4", 2), ("thermal", 25)]
    assert (report.skus, report.barcoded, report.bins) == (22, 1, 3)
    assert [path.name[:-len(" 2026-01-01 0000.pdf")] for path in report.paths] == [
        "Barcode labels A4", "Barcode labels 2x1in"]
    assert sorted(p.name for p in report.paths[0].parent.iterdir()) == sorted(p.name for p in report.paths)
    assert [len(PdfReader(p).pages) for p in report.paths] == [2, 25]


@NEEDS
def test_the_a4_sheets_scan_every_label_once_and_nothing_else(printed, tmp_path):
    report, _ = printed
    pages = scanned(report.paths[0], tmp_path)
    wanted = [f"CODE-128:{code}" for code in [*EXPECTED_SKUS, *BINS]]
    assert Counter(pages[0]) == Counter(wanted[:24]) and Counter(pages[1]) == Counter(wanted[24:])


@NEEDS
def test_each_thermal_label_scans_as_its_code_alone_and_the_pack_station_knows_the_sku(printed, tmp_path):
    report, _ = printed
    pages = scanned(report.paths[1], tmp_path)
    assert pages == [[f"CODE-128:{code}"] for code in [*EXPECTED_SKUS, *BINS]]
    inventory = pd.DataFrame([{"seller_sku": r[0], "barcode": r[5]} for r in ROWS])
    index = build_index(pd.DataFrame(columns=["order_id", "seller_sku", "quantity"]), inventory)
    for (decoded,), sku in zip(pages, EXPECTED_SKUS):
        assert index.skus_of(decoded.removeprefix("CODE-128:")) == {sku}


def test_a_chinese_product_name_is_printed_with_its_glyphs_and_the_code_in_plain_text(printed):
    report, _ = printed
    a4_first = PdfReader(report.paths[0]).pages[0].extract_text()
    assert "Product SKU-01 · Red, M" in a4_first and "SKU-01" in a4_first
    thermal = PdfReader(report.paths[1])
    mug = thermal.pages[EXPECTED_SKUS.index("MUG-01")]
    text = mug.extract_text()
    assert "陶瓷马克杯" in text and "MUG-01" in text
    fonts = {str(f["/BaseFont"]) for f in mug["/Resources"]["/Font"].values()}
    assert any("CJK" in f or "SC" in f or "JP" in f for f in fonts), fonts  # a CJK face, not "?" boxes
    assert "Bin · Zone A" in thermal.pages[len(EXPECTED_SKUS)].extract_text()


def test_a_sku_code_128_cannot_hold_is_reported_with_its_row_and_fix_in_both_languages(printed):
    report, _ = printed
    en, zh = report.lines("en"), report.lines("zh")
    row = ROWS.index(("茶杯-1", "Tea cup", "", "C", "C-1", None)) + 2
    assert any(f"Inventory row {row}" in line and "茶杯-1" in line and "Barcode column" in line for line in en)
    assert any(f"第 {row} 行" in line and "Barcode 列" in line for line in zh)
    assert en[:3] == ["22 SKUs without a barcode get a label.", "1 SKU has a barcode already: no label needed.",
                      "3 bins get a label."]


@NEEDS
def test_a_sku_too_long_for_a_thermal_label_goes_on_the_a4_sheet_only(tmp_path):
    long = "SKU-0123456789-LONG"
    report = run(make_book(tmp_path, [(long, "Long", "", "", "", None), ("S-1", "Short", "", "", "", None)]))
    assert [(sheet, pages) for sheet, _, pages in report.files] == [("a4", 1), ("thermal", 1)]
    assert [Counter(page) for page in scanned(report.paths[0], tmp_path)] == [
        Counter([f"CODE-128:{long}", "CODE-128:S-1"])]
    assert scanned(report.paths[1], tmp_path) == [["CODE-128:S-1"]]
    assert any("Inventory row 2" in line and "2 x 1 inch thermal" in line and "--size a4" in line
               for line in report.lines("en"))


def test_an_inventory_whose_skus_all_have_a_barcode_says_so_and_writes_nothing(tmp_path):
    path = make_book(tmp_path, [("CAP", "Cap", "", "A", "A-1", "0012345678905"),
                                ("MUG", "Mug", "", "A", "A-2", "4006381333931")])
    report = run(path)
    assert report.files == [] and not (tmp_path / "out").exists()
    assert report.lines("en") == [
        "Every SKU on the Inventory sheet already has a barcode (2 SKUs): no SKU label to print. Add --bins for bin "
        "labels.", "No label to print: no file written."]
    assert "所有 SKU 都已有条码" in report.lines("zh")[0]
    with_bins = run(path, bins=True, size="thermal")
    assert [(sheet, pages) for sheet, _, pages in with_bins.files] == [("thermal", 2)]


def test_an_empty_inventory_says_what_to_do(tmp_path):
    report = run(make_book(tmp_path, []), bins=True)
    assert report.files == [] and report.lines("en") == [
        "The Inventory sheet lists no Seller SKU: nothing to label. Load stock first (tkops stock).",
        "The Inventory sheet gives no Bin: no bin label to print.", "No label to print: no file written."]


def test_a_second_run_in_the_same_minute_overwrites_nothing(tmp_path):
    import datetime as dt

    path = make_book(tmp_path, [("S-1", "Short", "", "", "", None)])
    at = dt.datetime(2026, 11, 25, 9, 30)
    first, second = run(path, size="a4", now=at), run(path, size="a4", now=at)
    assert [p.name for p in first.paths + second.paths] == [
        "Barcode labels A4 2026-11-25 0930.pdf", "Barcode labels A4 2026-11-25 0930 (2).pdf"]
    assert not list((tmp_path / "out").glob("*.tmp")) and not list((tmp_path / "out").glob(".*"))


def test_an_unknown_size_is_a_configuration_error_before_anything_is_written(tmp_path):
    with pytest.raises(ConfigError) as caught:
        run(make_book(tmp_path), size="letter")
    assert "--size" in caught.value.render("en") and not (tmp_path / "out").exists()


def test_the_command_line_prints_the_report_and_leaves_the_workbook_as_it_was(tmp_path, capsys):
    path = make_book(tmp_path, [("S-1", "Short", "", "A", "A-1", None), ("茶杯-1", "Tea", "", "", "", None)])
    before = path.read_bytes()
    code = main(["labels", "--book", str(path), "--out", str(tmp_path / "cli"), "--size", "thermal", "--bins",
                 "--now", "2026-11-25T09:30"])
    out = capsys.readouterr().out
    assert code == 0 and path.read_bytes() == before
    assert "Barcode labels 2x1in 2026-11-25 0930.pdf (2 pages)" in out and "Inventory row 3" in out
    assert out.startswith("1 SKU without a barcode gets a label.\n1 bin gets a label.\n")  # no "0 have a barcode"
    assert [p.name for p in (tmp_path / "cli").iterdir()] == ["Barcode labels 2x1in 2026-11-25 0930.pdf"]


def test_the_barcode_labels_button_writes_the_same_pdfs_in_the_output_folder(tmp_path):
    from tests.test_live_backend import new_live_book
    from tkops import xl

    inventory = [INVENTORY.headers] + [
        [dict(zip(["Seller SKU", "Product Name", "Zone", "Bin", "Barcode"], r)).get(h) for h in INVENTORY.headers]
        for r in [("S-1", "Short", "A", "A-1", None), ("S-2", CJK_NAME, "A", "A-1", "0012345678905")]]
    book = new_live_book(tmp_path, extra={"Inventory": inventory,
                                          "Settings": sheet_rows(Settings(market="US", output_folder="labels"))})
    xl.barcode_labels(book)
    assert book.app.alerts == []
    assert book.sheet("Home").value_at(2, 1) == "1 SKU without a barcode gets a label."
    files = sorted(p.name for p in (tmp_path / "labels").iterdir())
    assert [f.rsplit(" ", 2)[0] for f in files] == ["Barcode labels 2x1in", "Barcode labels A4"]
    assert [len(PdfReader(tmp_path / "labels" / f).pages) for f in files] == [1, 1]
