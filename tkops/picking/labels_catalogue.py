"""The barcode labels' words, in English and Chinese (merged into :data:`tkops.messages.CATALOGUE`): what is printed
on a label beside the bars, the labels left out and why, and the report of ``tkops labels``."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "task_labels": {"en": "barcode labels", "zh": "条码标签"},
    "labels.sheet.a4": {"en": "A4 sheet, 3 x 8 labels of 70 x 37 mm", "zh": "A4 标签纸，3 x 8 张，每张 70 x 37 毫米"},
    "labels.sheet.thermal": {"en": "2 x 1 inch thermal labels", "zh": "2 x 1 英寸热敏标签"},
    "labels.bin": {"en": "Bin", "zh": "库位"},
    "labels.bin_zone": {"en": "Bin · Zone {zone}", "zh": "库位 · 库区 {zone}"},
    "labels.skus": {"en": "{n} {n|SKU without a barcode gets|SKUs without a barcode get} a label.",
                    "zh": "{n} 个没有条码的 SKU 生成标签。"},
    "labels.barcoded": {"en": "{n} {n|SKU has a barcode|SKUs have barcodes} already: no label needed.",
                        "zh": "{n} 个 SKU 已有条码，无需标签。"},
    "labels.bins": {"en": "{n} {n|bin gets|bins get} a label.", "zh": "{n} 个库位生成标签。"},
    "labels.file": {"en": "{what}: {path} ({pages} {pages|page|pages})", "zh": "{what}：{path}（共 {pages} 页）"},
    "labels.all_barcoded": {
        "en": "Every SKU on the Inventory sheet already has a barcode ({n} {n|SKU|SKUs}): no SKU label to print. "
              "Add --bins for bin labels.",
        "zh": "Inventory 表中所有 SKU 都已有条码（共 {n} 个）：没有需要打印的 SKU 标签。如需库位标签，请加 --bins。"},
    "labels.no_skus": {
        "en": "The Inventory sheet lists no Seller SKU: nothing to label. Load stock first (tkops stock).",
        "zh": "Inventory 表中没有 Seller SKU：没有可打印的标签。请先导入库存（tkops stock）。"},
    "labels.no_bins": {"en": "The Inventory sheet gives no Bin: no bin label to print.",
                       "zh": "Inventory 表中没有库位（Bin）：没有需要打印的库位标签。"},
    "labels.nothing": {"en": "No label to print: no file written.", "zh": "没有需要打印的标签：未生成文件。"},
    "labels.not_code128": {
        "en": "Inventory row {row}: Seller SKU \"{value}\" cannot be printed as a Code 128 label (Code 128 holds "
              "plain ASCII letters, digits and symbols only); left out. Fix: enter the product's GTIN/UPC/EAN in "
              "the Barcode column of that row, or give the SKU a Seller SKU in ASCII.",
        "zh": "Inventory 表第 {row} 行：Seller SKU“{value}”无法打印为 Code 128 标签（Code 128 只能包含 ASCII 字母、数字和符号），"
              "已跳过。解决方法：在该行的 Barcode 列填写商品的 GTIN/UPC/EAN，或把 Seller SKU 改为 ASCII 字符。"},
    "labels.bin_not_code128": {
        "en": "Inventory row {row}: Bin \"{value}\" cannot be printed as a Code 128 label (Code 128 holds plain ASCII "
              "letters, digits and symbols only); left out. Fix: name the bin in ASCII, e.g. A-01-02.",
        "zh": "Inventory 表第 {row} 行：库位“{value}”无法打印为 Code 128 标签（Code 128 只能包含 ASCII 字母、数字和符号），已跳过。"
              "解决方法：用 ASCII 字符命名库位，例如 A-01-02。"},
    "labels.too_long": {
        "en": "Inventory row {row}: \"{value}\" is too long for a scannable Code 128 on the {what}; left out of "
              "it. Fix: print it on the A4 sheet (--size a4), or use a shorter code.",
        "zh": "Inventory 表第 {row} 行：“{value}”太长，无法在{what}上打印成可扫描的 Code 128，已跳过。解决方法：用 A4 标签纸打印"
              "（--size a4），或改用更短的编码。"},
}
