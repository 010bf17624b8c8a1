"""The stock step's sentences for the team, in English and Chinese (merged into :data:`tkops.messages.CATALOGUE`).

Counted nouns use the plural forms of :func:`tkops.messages.render` (``{n|row|rows}``)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "task_stock": {"en": "loading stock into Inventory", "zh": "导入库存"},
    "stock.unknown_format": {
        "en": "{file}: no stock format matches this file (formats tried: {sources}). Headers found: {headers}. Give "
              "tkops TikTok's product export, a Mabang or DianXiaoMi stock export, a file with the Inventory sheet's "
              "headers (Seller SKU, On Hand, ...), or add a stock mapping (Mappings sheet: Their Column -> Seller "
              "SKU, On Hand, Bin, ...).",
        "zh": "{file}：没有任何库存格式能识别此文件（已尝试：{sources}）。文件表头：{headers}。请提供 TikTok 商品导出、马帮或店小秘"
              "库存导出、带 Inventory 表头（Seller SKU、On Hand 等）的文件，或在 Mappings 表添加库存映射（把列映射到 Seller "
              "SKU、On Hand、Bin 等）。"},
    "stock.order_export": {
        "en": "{file} is an order export (it has an Order ID column), not a stock file: its quantities are what "
              "buyers ordered. Import it with tkops import (or the Import orders button); for stock give tkops your "
              "product or stock export.",
        "zh": "{file} 是订单导出文件（含 Order ID 列），不是库存文件：其中的数量是买家下单数量。请用 tkops import（或“导入订单”按钮）"
              "导入；库存请提供商品或库存导出文件。"},
    "stock.bad_barcode": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not a valid GTIN/UPC/EAN barcode (wrong length or "
              "check digit); it was not written. Correct it in your product data.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”不是有效的 GTIN/UPC/EAN 条码（位数或校验位不对），未写入。请在商品资料中更正。"},
    "stock.note.tiktok_available": {
        "en": "{file}: TikTok's quantities are what it can still sell: orders not shipped yet are already taken off. "
              "tkops allocates open orders itself, so for On Hand prefer a count of your shelves or your ERP's stock.",
        "zh": "{file}：TikTok 导出的数量是可售库存，未发货订单已被扣除。tkops 会自行为未发货订单分配库存，因此 On Hand 最好使用"
              "实际盘点数或 ERP 的库存数。"},
    "stock.file_summary": {
        "en": "{file}: {source}, {rows} {rows|SKU row|SKU rows} read: {new} new, {updated} updated, {unchanged} "
              "unchanged{skipped}.",
        "zh": "{file}：{source}，读取 {rows} 行 SKU：新增 {new}，更新 {updated}，未变 {unchanged}{skipped}。"},
    "stock.skipped": {"en": " ({n} {n|row|rows} without a Seller SKU or with instructions skipped)",
                      "zh": "（跳过 {n} 行无 SKU 或说明行）"},
    "stock.multi_bin": {
        "en": "{sku}: the Inventory sheet keeps it in {n} bins ({bins}) and the file gives one total ({on_hand}), so "
              "its On Hand was not changed. Count it per bin, or load a file with a Bin column.",
        "zh": "{sku}：Inventory 表中该 SKU 分布在 {n} 个库位（{bins}），文件只给出总数（{on_hand}），因此未修改 On Hand。请按库位"
              "盘点，或导入带库位列的文件。"},
    "stock.kept": {
        "en": "{n} {n|SKU|SKUs} on the Inventory sheet {n|is|are} not in the files and {n|was|were} kept as {n|it is|they are}.",
        "zh": "Inventory 表中有 {n} 个 SKU 不在文件中，已保持原样。"},
    "stock.saved": {
        "en": "Saved {book}: the Inventory sheet has {skus} {skus|SKU row|SKU rows} (previous version kept as {backup}).",
        "zh": "已保存 {book}：Inventory 表共 {skus} 行 SKU（上一版本备份为 {backup}）。"},
    "stock.created": {"en": "Created {book}: the Inventory sheet has {skus} {skus|SKU row|SKU rows}.",
                      "zh": "已创建 {book}：Inventory 表共 {skus} 行 SKU。"},
    "stock.nothing_changed": {"en": "Inventory is already up to date; {book} was not rewritten.",
                              "zh": "Inventory 表已是最新，{book} 未重写。"},
    "stock.next": {"en": "Next: review the orders (tkops review, or the Review orders button): SKUs and stock are "
                         "checked against Inventory.",
                   "zh": "下一步：审核订单（tkops review 或“审核订单”按钮），SKU 和库存将按 Inventory 表检查。"},
    "stock.no_files": {
        "en": "No stock files chosen. Put your stock exports in a folder and name it in Stock Folder on the Settings "
              "sheet, or pick the files when asked.",
        "zh": "未选择库存文件。请把库存导出文件放进一个文件夹，并在 Settings 表的 Stock Folder 中填写该文件夹，或在提示时选择文件。"},
    "stock.failed": {"en": "{n} of {total} {total|file|files} could not be read; see the messages above. Nothing "
                           "was written.",
                     "zh": "{total} 个文件中有 {n} 个无法读取，见上方信息。未写入任何内容。"},
}
