"""tkops stock: stock files into the Inventory sheet (each format, mappings, upsert rules, mistakes), and what the
review then says about SKUs and stock."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tkops.cli import main
from tkops.settings import Settings
from tkops.sources.stock import barcodes, read_stock
from tkops.stock import upsert_stock

ROOT = Path(__file__).resolve().parents[1]
STOCK = ROOT / "tests" / "data" / "stock"
EXPORT = ROOT / "tests" / "data" / "exports" / "us_2025.csv"


def inventory(book: Path) -> list[dict]:
    rows = list(openpyxl.load_workbook(book)["Inventory"].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v is not None for v in r)]


def by_sku(book: Path) -> dict[str, dict]:
    return {r["Seller SKU"]: r for r in inventory(book)}


# --- reading each format ------------------------------------------------------------------------------------------

def test_tiktok_product_export_header_below_a_title_quantities_added_barcodes_checked():
    read = read_stock(STOCK / "tiktok_products.xlsx", Settings())
    assert read.format.name == "tiktok_products"
    assert read.skipped == 1  # the "Cannot be edited / Mandatory" row under the header
    f = read.frame.set_index("seller_sku")
    assert f.loc["TEE-BLK-M", "on_hand"] == 65  # 40 in one warehouse + 25 in the other
    assert f.loc["TEE-BLK-L", "on_hand"] == 12  # a blank warehouse cell adds nothing
    assert f.loc["TEE-BLK-M", "variation"] == "Black, M"  # Variation 1 and 2 joined
    assert f.loc["TEE-BLK-M", "barcode"] == "012345678905"  # a UPC kept as text, leading zero and all
    assert f.loc["TEE-WHT-M", "barcode"] == "012345678912"  # a number that lost its zero is padded back
    assert pd.isna(f.loc["MUG-CER-WHT", "barcode"])  # a wrong check digit is not written...
    (bad,) = [p for code, p in read.notes if code == "stock.bad_barcode"]
    assert (bad["row"], bad["column"], bad["value"]) == (7, "Identifier Code", "4006381333932")  # ...but reported
    assert any(code == "stock.note.tiktok_available" for code, _ in read.notes)


def test_mabang_gb18030_stock_export():
    f = read_stock(STOCK / "mabang_stock.csv", Settings()).frame.set_index("seller_sku")
    assert f.loc["TEE-BLK-M", ["product_name", "zone", "bin", "on_hand", "unit_cost", "currency"]].tolist() == [
        "经典圆领T恤 黑 M", "深圳仓", "A-02", 65, 21.5, "CNY"]  # physical stock (库存数量), cost in CNY
    assert f.loc["MUG-CER-WHT", "barcode"] == "4006381333931"


def test_dianxiaomi_stock_export_one_row_per_bin():
    f = read_stock(STOCK / "dianxiaomi_stock.xlsx", Settings()).frame
    caps = f[f["seller_sku"] == "CAP-BLK-OS"]
    assert caps[["bin", "on_hand"]].values.tolist() == [["D-01", 7], ["D-02", 5]]


def test_barcodes_accept_gtin_lengths_and_refuse_bad_check_digits():
    values, bad = barcodes(pd.Series(["96385074", "4006381333931", "40063813339310", "4006381333932", "12-34",
                                      None, 4006381333931.0]))
    assert values.tolist() == ["96385074", "4006381333931", None, None, None, None, "4006381333931"]
    assert bad.tolist() == [False, False, True, True, True, False, False]


# --- the command ----------------------------------------------------------------------------------------------------

def test_stock_keeps_the_teams_columns_and_rows_and_a_second_run_changes_nothing(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    team = tmp_path / "team.csv"
    team.write_text("Seller SKU,On Hand,Bin,Zone\nTEE-BLK-M,1,A-02,A\nSOCK-1,9,S-1,S\n", encoding="utf-8")
    assert main(["stock", str(team), "--book", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Inventory"]
    ws.cell(1, 10, "Supplier")  # a column the team added
    ws.cell(2, 10, "Shenzhen Tees Ltd")
    wb.save(book)
    capsys.readouterr()
    assert main(["stock", str(STOCK / "mabang_stock.csv"), "--book", str(book)]) == 0
    out = capsys.readouterr().out
    assert "3 SKU rows read: 2 new, 1 updated, 0 unchanged" in out
    assert "1 SKU on the Inventory sheet is not in the files and was kept as it is." in out
    rows = by_sku(book)
    assert rows["TEE-BLK-M"]["On Hand"] == 65 and rows["TEE-BLK-M"]["Supplier"] == "Shenzhen Tees Ltd"
    assert rows["TEE-BLK-M"]["Zone"] == "深圳仓"  # the file's warehouse: the file gave it
    assert rows["SOCK-1"]["On Hand"] == 9  # not in the file: kept
    assert inventory(book)[0]["Seller SKU"] == "TEE-BLK-M"  # rows stay in place
    before = book.read_bytes()
    assert main(["stock", str(STOCK / "mabang_stock.csv"), "--book", str(book)]) == 0
    assert "Inventory is already up to date" in capsys.readouterr().out
    assert book.read_bytes() == before
    log = list(openpyxl.load_workbook(book)["ImportLog"].iter_rows(values_only=True))
    assert [r[3] for r in log[1:]] == ["stock:tkops_inventory", "stock:mabang_stock"]


def test_a_file_with_one_total_does_not_split_a_sku_kept_in_two_bins(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    assert main(["stock", str(STOCK / "dianxiaomi_stock.xlsx"), "--book", str(book)]) == 0
    total = tmp_path / "total.csv"
    total.write_text("Seller SKU,On Hand,Unit Cost,Currency\nCAP-BLK-OS,20,10.5,CNY\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["stock", str(total), "--book", str(book)]) == 0
    assert "CAP-BLK-OS: the Inventory sheet keeps it in 2 bins (D-01, D-02)" in capsys.readouterr().out
    caps = [r for r in inventory(book) if r["Seller SKU"] == "CAP-BLK-OS"]
    assert [(r["Bin"], r["On Hand"], r["Unit Cost"]) for r in caps] == [("D-01", 7, 10.5), ("D-02", 5, 10.5)]


def test_stock_mappings_from_a_toml_and_from_the_mappings_sheet(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    assert main(["stock", str(STOCK / "custom_erp.csv"), "--book", str(book), "--mapping",
                 str(STOCK / "custom_erp.mapping.toml")]) == 0
    assert by_sku(book)["SOCK-5PK-WHT"]["Unit Cost"] == 2.35 and by_sku(book)["SOCK-5PK-WHT"]["Currency"] == "EUR"
    wb = openpyxl.load_workbook(book)
    ws = wb["Mappings"]
    for r, (theirs, ours) in enumerate((("Artikel", "Seller SKU"), ("Bestand", "On Hand"),
                                        ("Lagerplatz", "Bin")), start=2):
        ws.cell(r, 1, "lager")
        ws.cell(r, 2, theirs)
        ws.cell(r, 3, ours)
    wb.save(book)
    other = tmp_path / "lager.csv"
    other.write_text("Artikel;Lagerplatz;Bestand\nSOCK-5PK-WHT;R2-01;80\n", encoding="utf-8")
    assert main(["stock", str(other), "--book", str(book)]) == 0
    assert by_sku(book)["SOCK-5PK-WHT"]["On Hand"] == 80
    # the stock mapping on the Mappings sheet does not bother the order import
    capsys.readouterr()
    assert main(["import", str(EXPORT), "--book", str(book)]) == 0


@pytest.mark.parametrize("lang, words", [("en", ['bad_on_hand.csv, row 3, column "On Hand"', "a dozen",
                                                  "Nothing was written"]),
                                          ("zh", ["bad_on_hand.csv，第 3 行", "a dozen", "未写入任何内容"])])
def test_a_bad_cell_names_file_row_and_column_and_nothing_is_written(tmp_path, capsys, lang, words):
    book = tmp_path / "ops.xlsx"
    shutil.copy(STOCK / "bad_on_hand.csv", tmp_path / "bad_on_hand.csv")
    assert main(["stock", str(STOCK / "mabang_stock.csv"), str(tmp_path / "bad_on_hand.csv"), "--book", str(book),
                 "--lang", lang]) == 2
    out = capsys.readouterr()
    assert all(w in out.out + out.err for w in words) and "Traceback" not in out.err
    assert not book.exists()


def test_unknown_file_and_wrong_kind_of_file(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    assert main(["stock", str(EXPORT), "--book", str(book)]) == 2  # an order export is no stock file
    assert "us_2025.csv is an order export (it has an Order ID column), not a stock file" in capsys.readouterr().out
    other = tmp_path / "prices.csv"
    other.write_text("Item,Price\nA,1\n", encoding="utf-8")
    assert main(["stock", str(other), "--book", str(book)]) == 2
    out = capsys.readouterr().out
    assert "no stock format matches this file" in out and "tiktok_products, mabang_stock" in out


def test_a_pdf_given_as_stock_is_named_as_one(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    pdf = tmp_path / "stock.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert main(["stock", str(pdf), "--book", str(book), "--lang", "zh"]) == 2
    assert "stock.pdf 是PDF 文档，不是 tkops 能读取的 CSV 或 Excel 文件" in capsys.readouterr().out


# --- upsert rules (pure) --------------------------------------------------------------------------------------------

def _incoming(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_upsert_blank_never_erases_and_new_skus_go_below():
    sheet = pd.DataFrame({"Seller SKU": ["A", "B"], "On Hand": [1, 2], "Bin": ["X-1", None], "Note": ["keep", None]})
    out, counts = upsert_stock(sheet, _incoming(seller_sku=["b", "C"], on_hand=[5, 0], bin=[None, "Z-9"],
                                                unit_cost=[None, None]))
    assert out[["Seller SKU", "On Hand", "Bin", "Note"]].values.tolist() == [
        ["A", 1, "X-1", "keep"], ["B", 5, None, None], ["C", 0, "Z-9", None]]
    assert (counts.new, counts.updated, counts.unchanged) == (1, 1, 0)


def test_upsert_adds_up_a_sku_listed_once_per_warehouse():
    out, counts = upsert_stock(pd.DataFrame(), _incoming(seller_sku=["A", "a", "B"], on_hand=[3, 4, None]))
    assert out[["Seller SKU", "On Hand"]].values.tolist() == [["A", 7], ["B", None]]
    assert counts.new == 2


def test_upsert_by_bin_fills_the_bin_of_a_single_row_and_adds_a_new_bin():
    sheet = pd.DataFrame({"Seller SKU": ["A", "B", "B"], "Bin": [None, "1", "2"], "On Hand": [1, 1, 1]})
    out, counts = upsert_stock(sheet, _incoming(seller_sku=["A", "B", "B"], bin=["7", "2", "3"], on_hand=[4, 5, 6]))
    assert out[["Seller SKU", "Bin", "On Hand"]].values.tolist() == [
        ["A", "7", 4], ["B", "1", 1], ["B", "2", 5], ["B", "3", 6]]
    assert (counts.new, counts.updated, counts.multi_bin) == (1, 2, [])


def test_upsert_equal_values_are_unchanged():
    sheet = pd.DataFrame({"Seller SKU": ["A"], "On Hand": [4.0], "Unit Cost": ["2.5"], "Barcode": [12345670]})
    out, counts = upsert_stock(sheet, _incoming(seller_sku=[" a "], on_hand=[4], unit_cost=[2.5],
                                                barcode=["12345670"]))
    assert (counts.updated, counts.unchanged) == (0, 1)
    pd.testing.assert_frame_equal(out.astype(object), sheet.astype(object))


# --- the review after (or without) stock ------------------------------------------------------------------------------

def test_review_holds_lines_while_inventory_is_empty_and_checks_them_after_stock(tmp_path, capsys):
    book = tmp_path / "ops.xlsx"
    assert main(["import", str(EXPORT), "--book", str(book)]) == 0
    capsys.readouterr()
    assert main(["review", "--book", str(book)]) == 0
    out = capsys.readouterr().out
    assert "!! Inventory is empty: SKUs and stock were NOT checked" in out
    orders = list(openpyxl.load_workbook(book)["Orders"].iter_rows(values_only=True))
    header = orders[0]
    codes = [r[header.index("Issue Codes")] or "" for r in orders[1:]]
    status = [r[header.index("Review Status")] for r in orders[1:]]
    assert "Ready" not in status
    assert all("stock.unchecked" in c for c, s in zip(codes, status) if s == "Hold" and "state." not in c)
    inv = tmp_path / "inv.csv"
    skus = sorted({r[header.index("Seller SKU")] for r in orders[1:] if r[header.index("Seller SKU")]})
    inv.write_text("Seller SKU,On Hand\n" + "".join(f"{s},50\n" for s in skus[1:]), encoding="utf-8")
    assert main(["stock", str(inv), "--book", str(book)]) == 0
    capsys.readouterr()
    assert main(["review", "--book", str(book)]) == 0
    out = capsys.readouterr().out
    assert "Inventory is empty" not in out
    assert f"!! 1 SKU is not on the Inventory sheet: {skus[0]}." in out


def test_a_stock_file_is_held_to_the_books_input_limits(tmp_path):
    from tkops.errors import DataError

    big = tmp_path / "stock.csv"
    big.write_text("Seller SKU,On Hand\n" + "".join(f"SKU-{i:07d},{i % 50}\n" for i in range(90_000)), encoding="utf-8")
    assert big.stat().st_size > 2**20
    assert len(read_stock(big, Settings()).frame) == 90_000
    with pytest.raises(DataError) as err:
        read_stock(big, Settings(max_file_mb="1"))
    assert err.value.code == "input.too_big" and err.value.params["file"] == "stock.csv"
