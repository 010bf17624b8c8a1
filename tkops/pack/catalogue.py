"""The pack station's words, in English and Chinese (merged into :data:`tkops.messages.CATALOGUE`): one sentence per
verdict (``pack.<code>``, parameters of :meth:`tkops.pack.Verdict.params`) and the job's summary."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "task_pack": {"en": "packing", "zh": "扫码打包"},
    "pack.order_opened": {"en": "Order {order}: {n} {n|item|items} to pack. Scan each item.",
                          "zh": "订单 {order}：共 {n} 件待打包。请逐件扫描商品。"},
    "pack.order_switched": {
        "en": "Order {order} opened ({n} {n|item|items}). Order {previous} is NOT packed: still missing {left}.",
        "zh": "已打开订单 {order}（共 {n} 件）。订单 {previous} 未完成打包：仍缺 {left}。"},
    "pack.already_packed": {"en": "Order {order} is already packed. Scan the next slip.",
                            "zh": "订单 {order} 已打包完成。请扫描下一张面单。"},
    "pack.right_item": {"en": "Right item: {sku} {k} of {n}.", "zh": "正确：{sku} 第 {k} 件 / 共 {n} 件。"},
    "pack.order_complete": {"en": "Order {order} complete: {sku} {k} of {n}. Seal the parcel.",
                            "zh": "订单 {order} 已齐：{sku} 第 {k} 件 / 共 {n} 件。可以封箱。"},
    "pack.wrong_item": {"en": "WRONG ITEM: {sku} is another variant; this order wants {skus}. Put it back.",
                        "zh": "拿错商品：{sku} 是同款其他规格，本订单需要 {skus}。请放回。"},
    "pack.too_many": {"en": "TOO MANY: {sku} is already complete ({n} of {n}). Take the extra one out.",
                      "zh": "数量过多：{sku} 已够 {n} 件。请取出多余的一件。"},
    "pack.not_in_order": {"en": "NOT IN THIS ORDER: {sku} is not part of order {order}. Put it back.",
                          "zh": "不属于本订单：{sku} 不在订单 {order} 中。请放回。"},
    "pack.unknown_code": {
        "en": "UNKNOWN CODE \"{scanned}\": not an order waiting to be packed and not a barcode or Seller SKU on the "
              "Inventory sheet. Check the label, or add the barcode to Inventory.",
        "zh": "无法识别的条码“{scanned}”：既不是待打包订单，也不是 Inventory 表中的条码或 Seller SKU。请检查标签，或把条码加到 "
              "Inventory 表。"},
    "pack.no_order": {"en": "Scan the order barcode on the packing slip first (this was item {skus}).",
                      "zh": "请先扫描装箱单上的订单条码（刚才扫描的是商品 {skus}）。"},
    "pack.override": {"en": "Order {order} marked packed by override: {reason} (missing: {left}).",
                      "zh": "订单 {order} 已强制标记为已打包，原因：{reason}（缺：{left}）。"},
    "pack.override_no_reason": {
        "en": "An override needs an open, unfinished order and a reason: scan the order, then type "
              "OVERRIDE: and why (e.g. OVERRIDE: buyer agreed to a substitute).",
        "zh": "强制打包需要先打开一个未完成的订单并填写原因：先扫描订单，再输入 OVERRIDE: 和原因（例如 OVERRIDE: 买家同意换货）。"},
    "pack.empty": {"en": "Ready: scan an order barcode.", "zh": "就绪：请扫描订单条码。"},
    "pack.col.sku": {"en": "Seller SKU", "zh": "SKU"},
    "pack.col.product": {"en": "Product / Variation", "zh": "商品 / 规格"},
    "pack.col.wanted": {"en": "Wanted", "zh": "应装"},
    "pack.col.packed": {"en": "Packed", "zh": "已装"},
    "pack.scan_here": {"en": "Scan here", "zh": "在此扫描"},
    "pack.order": {"en": "Order", "zh": "订单"},
    "pack.summary": {
        "en": "{scans} {scans|scan|scans}: {complete} {complete|order|orders} packed, {overridden} by override, "
              "{mistakes} {mistakes|mistake|mistakes} caught, {open} {open|order|orders} left unfinished.",
        "zh": "共扫描 {scans} 次：打包完成 {complete} 单，其中强制 {overridden} 单，拦截错误 {mistakes} 次，未完成 {open} 单。"},
    "pack.unfinished": {"en": "  Not packed: order {order}, missing {left}.", "zh": "  未打包：订单 {order}，缺 {left}。"},
    "pack.saved": {"en": "Written: Packed, QC OK, Packed By and Packed At of complete orders on Orders; every scan "
                         "on PackLog; the last one on Pack.",
                   "zh": "已写入：完成订单的 Packed、QC OK、Packed By、Packed At（Orders 表）；每次扫描记录在 PackLog 表；最后一次显示在 "
                         "Pack 表。"},
    "pack.no_scans": {"en": "{file}: no scans in the file (one scanned code a line).",
                      "zh": "{file}：文件中没有扫描记录（每行一个条码）。"},
    "pack.no_open_orders": {"en": "{book}: no order is waiting to be packed (every line is packed, shipped or "
                                  "cancelled). Import and review orders first.",
                            "zh": "{book}：没有待打包的订单（所有订单行均已打包、已发货或已取消）。请先导入并审核订单。"},
}
