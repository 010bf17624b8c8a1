"""The sentences of ``tkops push-stock`` (stock back to the shop), in English and Chinese, merged into the one lookup
of :mod:`tkops.messages` (listed in its section catalogues). Each held-back SKU says why and what to do."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "stock.push.no_on_hand": {
        "en": "{sku}: the Inventory sheet has no On Hand number for it, so nothing was sent (TikTok keeps its own "
              "quantity). Count it and fill On Hand.",
        "zh": "{sku}：Inventory 表中没有 On Hand 数量，因此未发送（TikTok 保留原数量）。请盘点并填写 On Hand。"},
    "stock.push.bad_safety": {
        "en": "{sku}: Safety Stock \"{value}\" on the Inventory sheet is not a whole number of units (0 or more), so "
              "nothing was sent. Correct it (blank = 0).",
        "zh": "{sku}：Inventory 表中的 Safety Stock“{value}”不是大于等于 0 的整数件数，因此未发送。请更正（留空 = 0）。"},
    "stock.push.bundle_uncounted": {
        "en": "{sku}: bundle component {value} has no usable count on the Inventory sheet (no On Hand, or a bad Safety "
              "Stock), so nothing was sent for the bundle. Count the component.",
        "zh": "{sku}：组合商品的组件 {value} 在 Inventory 表中没有可用的数量（无 On Hand 或 Safety Stock 有误），因此未发送该组合"
              "商品。请盘点该组件。"},
    "stock.push.unmapped": {
        "en": "{sku}: no TikTok SKU is known for this Seller SKU (no order line with it has a SKU ID that TikTok's "
              "inventory search knows), so nothing was sent. It is found once one of its orders is imported or pulled; "
              "or add a \"SKU ID\" column to the Inventory sheet with TikTok's SKU ID.",
        "zh": "{sku}：找不到该 Seller SKU 对应的 TikTok SKU（没有任何含该 SKU 的订单行带有 TikTok 库存查询能识别的 SKU ID），因此未"
              "发送。导入或拉取它的订单后即可找到；也可以在 Inventory 表加一列“SKU ID”，填写 TikTok 的 SKU ID。"},
    "stock.push.many_warehouses": {
        "en": "{sku}: TikTok keeps this SKU in {n} warehouses ({warehouses}) and tkops counts one stock, so nothing was "
              "sent. Set API Warehouse on the Settings sheet to the warehouse ID your On Hand is for.",
        "zh": "{sku}：TikTok 在 {n} 个仓库（{warehouses}）中有该 SKU 的库存，而 tkops 只统计一份库存，因此未发送。请在 Settings "
              "表的 API Warehouse 中填写 On Hand 所对应的仓库 ID。"},
    "stock.push.warehouse_missing": {
        "en": "{sku}: TikTok does not keep this SKU in warehouse {warehouse} (API Warehouse in Settings), only in "
              "{warehouses}, so nothing was sent. Check API Warehouse, or add the warehouse to the SKU in Seller "
              "Center.",
        "zh": "{sku}：TikTok 没有在仓库 {warehouse}（Settings 中的 API Warehouse）中存放该 SKU，只在 {warehouses} 中，因此未发送。"
              "请检查 API Warehouse，或在 Seller Center 为该 SKU 添加此仓库。"},
    "stock.push.sent": {"en": "set to {qty} (was {had}) {when}", "zh": "已设为 {qty}（原为 {had}）{when}"},
    "stock.push.same": {"en": "already {qty} on TikTok {when}", "zh": "TikTok 上已是 {qty} {when}"},
    "stock.push.refused": {
        "en": "refused by TikTok (code {api_code}: {reason}); nothing changed for this SKU. Check it in Seller Center "
              "(only a live SKU's stock can be set).",
        "zh": "被 TikTok 拒绝（错误码 {api_code}：{reason}）；该 SKU 未变更。请在 Seller Center 检查（只有在售 SKU 可以改库存）。"},
    "stock.push.not_sent": {"en": "not sent: the run stopped before this product ({reason})",
                            "zh": "未发送：在处理该商品前已停止（{reason}）"},
    "stock.push.summary": {
        "en": "Stock to TikTok Shop: {sent} {sent|SKU|SKUs} set, {same} already right, {refused} refused by TikTok, "
              "{held} held back{stopped}.",
        "zh": "库存同步到 TikTok Shop：已设置 {sent} 个 SKU，{same} 个已一致，{refused} 个被 TikTok 拒绝，{held} 个未发送"
              "{stopped}。"},
    "stock.push.dry_summary": {
        "en": "Dry run: {send} {send|SKU|SKUs} would be set in {calls} update {calls|call|calls}, {same} already "
              "right, {held} held back. Nothing was sent to TikTok and the workbook was not changed.",
        "zh": "试运行：将在 {calls} 次更新调用中设置 {send} 个 SKU，{same} 个已一致，{held} 个不会发送。未向 TikTok 发送任何更新，"
              "工作簿未修改。"},
    "stock.push.would_send": {"en": "would set {qty} (TikTok has {had})", "zh": "将设为 {qty}（TikTok 当前为 {had}）"},
    "stock.push.stopped": {
        "en": " (stopped before the end: {reason} The results so far are saved; run again for the rest)",
        "zh": "（未全部完成即停止：{reason} 已保存目前的结果；请再次运行以处理其余部分）"},
    "stock.push.no_skus": {
        "en": "The Inventory sheet of {book} lists no Seller SKU: nothing to send. Load your stock first (tkops stock).",
        "zh": "{book} 的 Inventory 表中没有任何 Seller SKU：没有可发送的内容。请先导入库存（tkops stock）。"},
}
