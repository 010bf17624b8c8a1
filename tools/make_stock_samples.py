#!/usr/bin/env python3
"""Generate the sample stock files of ``tests/data/stock/`` (deterministic; run from the repository root).

* ``tiktok_products.xlsx``: a TikTok Seller Center product export in the batch-edit layout: a title row above the
  header, an instruction row under it ("Cannot be edited", "Mandatory"), one quantity column per warehouse and the
  GTIN/UPC/EAN in "Identifier Code" (one of them stored as a number that lost its leading zero, one with a wrong
  check digit);
* ``mabang_stock.csv``: a Mabang (马帮) stock export in GB18030 (库存SKU, 仓位, 库存数量, 商品成本价 in CNY);
* ``dianxiaomi_stock.xlsx``: a DianXiaoMi (店小秘) stock export (SKU, 货架位, 实际库存, 成本价), a SKU in two bins;
* ``custom_erp.csv`` and ``custom_erp.mapping.toml``: any other stock list read through a stock mapping;
* ``bad_on_hand.csv``: a file in the Inventory layout with a word where On Hand belongs.

The layouts follow docs/stock-files.md (what is evidenced and what is assumed).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "stock"
FIXED = (2026, 1, 1, 0, 0, 0)


def _pin(path: Path) -> None:
    """Rewrite an xlsx with fixed zip timestamps and document dates, so every run gives the same bytes."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in sorted(src.infolist(), key=lambda i: i.filename):
            info = zipfile.ZipInfo(item.filename, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            part = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", part)
            dst.writestr(info, part)
    path.write_bytes(data.getvalue())


def _book(path: Path, sheet: str, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.properties.created = wb.properties.modified = __import__("datetime").datetime(2026, 1, 1)
    wb.save(path)
    _pin(path)


def tiktok() -> None:
    header = ["Product ID", "SKU ID", "Category", "Product Name", "Variation 1", "Variation 2", "Seller SKU",
              "Identifier Code Type", "Identifier Code", "Retail Price (Local Currency)",
              "Quantity in US Pickup Warehouse", "Quantity in LA Overflow"]
    rows = [
        ["TikTok Shop · Batch edit products · Template V3"],
        header,
        ["Cannot be edited", "Cannot be edited", "Cannot be edited", "Mandatory", "Optional", "Optional",
         "Optional", "Optional", "Optional", "Mandatory", "Mandatory", "Mandatory"],
        ["1729584410278391800", "1729584410278391810", "Tops", "Classic Cotton Crew Neck T-Shirt", "Black", "M",
         "TEE-BLK-M", "UPC", "012345678905", "19.99", "40", "25"],
        ["1729584410278391800", "1729584410278391811", "Tops", "Classic Cotton Crew Neck T-Shirt", "Black", "L",
         "TEE-BLK-L", "EAN", 4006381333931, "19.99", "12", ""],
        ["1729584410278391800", "1729584410278391812", "Tops", "Classic Cotton Crew Neck T-Shirt", "White", "M",
         "TEE-WHT-M", "UPC", 12345678912, "19.99", "3", "0"],
        ["1729584410278391900", "1729584410278391901", "Home", "Ceramic Mug 350 ml", "White", "",
         "MUG-CER-WHT", "EAN", "4006381333932", "12.50", "18", "6"],
    ]
    _book(OUT / "tiktok_products.xlsx", "Template", rows)


def mabang() -> None:
    rows = [["库存SKU", "库存SKU中文名称", "库存SKU英文名称", "仓库", "仓位", "库存数量", "可用库存", "商品成本价", "条码"],
            ["TEE-BLK-M", "经典圆领T恤 黑 M", "Classic Tee Black M", "深圳仓", "A-02", "65", "60", "21.50", ""],
            ["TEE-BLK-L", "经典圆领T恤 黑 L", "Classic Tee Black L", "深圳仓", "A-03", "38", "38", "21.50", ""],
            ["MUG-CER-WHT", "陶瓷杯 白", "Ceramic Mug White", "深圳仓", "C-11", "24", "20", "8.80", "4006381333931"]]
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    (OUT / "mabang_stock.csv").write_bytes(text.getvalue().encode("gb18030"))


def dianxiaomi() -> None:
    rows = [["SKU", "商品名称", "规格", "仓库", "货架位", "实际库存", "可用库存", "成本价"],
            ["TEE-BLK-M", "经典圆领T恤", "黑色 M", "默认仓库", "A-02", 50, 48, 21.5],
            ["CAP-BLK-OS", "水洗棒球帽", "黑色", "默认仓库", "D-01", 7, 7, 9.9],
            ["CAP-BLK-OS", "水洗棒球帽", "黑色", "默认仓库", "D-02", 5, 5, 9.9]]
    _book(OUT / "dianxiaomi_stock.xlsx", "库存", rows)


def custom() -> None:
    rows = [["Artikel", "Bezeichnung", "Lagerplatz", "Bestand", "EK-Preis"],
            ["TEE-BLK-M", "T-Shirt schwarz M", "R1-04", "31", "4,10"],
            ["SOCK-5PK-WHT", "Socken 5er weiß", "R2-01", "120", "2,35"]]
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\n").writerows(rows)
    (OUT / "custom_erp.csv").write_text(text.getvalue(), encoding="utf-8")
    (OUT / "custom_erp.mapping.toml").write_text(
        'name = "lager"\nkind = "stock"\ndecimal = ","\ncurrency = "EUR"\n[columns]\n"Artikel" = "Seller SKU"\n'
        '"Bezeichnung" = "Product Name"\n"Lagerplatz" = "Bin"\n"Bestand" = "On Hand"\n"EK-Preis" = "Unit Cost"\n',
        encoding="utf-8")


def bad() -> None:
    (OUT / "bad_on_hand.csv").write_text("Seller SKU,On Hand,Bin\nTEE-BLK-M,12,A-2\nTEE-BLK-L,a dozen,A-3\n",
                                         encoding="utf-8")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    tiktok()
    mabang()
    dianxiaomi()
    custom()
    bad()
    print(f"wrote {sorted(p.name for p in OUT.iterdir())}")
