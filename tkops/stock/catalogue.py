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
    # The stock ledger (tkops.jobs.stock_ledger).
    "stock.kind.count": {"en": "count", "zh": "盘点"},
    "stock.kind.ship": {"en": "ship", "zh": "发货"},
    "stock.kind.unship": {"en": "unship", "zh": "取消发货"},
    "stock.kind.return": {"en": "return", "zh": "退货"},
    "stock.kind.adjust": {"en": "adjust", "zh": "调整"},
    "stock.ledger.opening": {
        "en": "Stock ledger started: the On Hand typed on Inventory is the opening count of {n} {n|SKU|SKUs} "
              "(StockLog).",
        "zh": "库存台账已启用：Inventory 表上 {n} 个 SKU 已填写的 On Hand 作为期初盘点记入 StockLog。"},
    "stock.ledger.added": {"en": "Stock ledger: {n} {n|movement|movements} added to StockLog ({kinds}).",
                           "zh": "库存台账：StockLog 新增 {n} 条库存变动（{kinds}）。"},
    "stock.ledger.nothing": {"en": "Stock ledger: no new stock movement.", "zh": "库存台账：没有新的库存变动。"},
    "stock.ledger.on_hand": {"en": "On Hand updated on Inventory for {n} {n|SKU|SKUs} (last count + movements since).",
                             "zh": "已更新 Inventory 表上 {n} 个 SKU 的 On Hand（最近盘点数 + 之后的变动）。"},
    "stock.ledger.negative": {
        "en": "On Hand is below zero for {n} {n|SKU|SKUs}: {skus}. More left the shelf than was counted: count the "
              "shelf and type the On Hand on Inventory (or load a stock file).",
        "zh": "{n} 个 SKU 的 On Hand 小于 0：{skus}。出库数量多于盘点数量：请盘点货架，在 Inventory 表填写 On Hand（或导入库存文件）。"},
    "stock.ledger.unreasoned": {
        "en": "StockLog, {n} {n|row|rows} ({rows}): an adjust without a Reason is ignored. Type why in the Reason column.",
        "zh": "StockLog 表 {n} 行（第 {rows} 行）：没有 Reason 的调整（adjust）不计入库存。请在 Reason 列填写原因。"},
    "stock.ledger.unknown_kind": {
        "en": "StockLog, {n} {n|row|rows} ({rows}): the Kind is not one of {kinds}; {n|it is|they are} ignored. Pick the "
              "Kind from the list (adjust with a Reason, or count).",
        "zh": "StockLog 表 {n} 行（第 {rows} 行）：Kind 不是 {kinds} 之一，已忽略。请从下拉列表选择 Kind（adjust 需填写 Reason，或 count）。"},
    "stock.ledger.waiting": {
        "en": "{n} received {n|return has|returns have} no Return Condition on AfterSales ({cases}): pick resellable "
              "or damaged, and the stock moves on the next run.",
        "zh": "AfterSales 表上 {n} 个已收到的退货没有 Return Condition（{cases}）：请选择 resellable（可售）或 damaged（损坏），"
              "下次运行时计入库存。"},
    "stock.ledger.per_bin": {
        "en": "{skus}: on several bins of Inventory, so On Hand is kept per bin there; the ledger's total is on "
              "StockLog.",
        "zh": "{skus}：在 Inventory 表中分布在多个库位，因此各库位的 On Hand 保持不变；台账总数以 StockLog 为准。"},
}
