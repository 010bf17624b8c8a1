"""History's sentences for the team, in English and Chinese (merged into :data:`tkops.messages.CATALOGUE`)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "history.missing": {
        "en": "{book} has {lines} order lines in history, kept in the folder \"{folder}\" beside it, but that folder "
              "is not there: the workbook was copied or moved without it. Copy the folder \"{folder}\" along with "
              "the workbook (they belong together) and run the command again. To go on without that history, "
              "delete the hidden sheet \"tkops History\" (its lines are then no longer read).",
        "zh": "{book} 有 {lines} 行订单已归档到历史，保存在它旁边的文件夹“{folder}”中，但该文件夹不存在：工作簿被复制或移动时"
              "没有带上它。请把文件夹“{folder}”和工作簿放在一起（二者是一体的）后再运行此命令。若要在没有这些历史的情况下继续，"
              "请删除隐藏工作表“tkops History”（之后将不再读取这些历史行）。",
    },
    "history.short": {
        "en": "{book} has {lines} order lines in history, but the folder \"{folder}\" beside it holds only {held}: "
              "parts of it are missing (an older copy of the folder?). Put the whole folder back beside the "
              "workbook (from where the workbook came, or from your backup) and run the command again.",
        "zh": "{book} 有 {lines} 行订单已归档到历史，但它旁边的文件夹“{folder}”只有 {held} 行：部分历史文件缺失（是旧的文件夹副本？）。"
              "请把完整的文件夹放回工作簿旁边（从工作簿原来的位置或备份中）后再运行此命令。",
    },
    "history.archived": {
        "en": "{n} closed lines ({orders} orders, closed before {cutoff}, no open case) moved to history "
              "(folder {folder}); the Orders sheet keeps {kept} lines.",
        "zh": "{n} 行已关闭的订单行（{orders} 个订单，{cutoff} 之前关闭，无未结售后）已移入历史（文件夹 {folder}）；"
              "Orders 工作表保留 {kept} 行。",
    },
    "history.dry_run": {
        "en": "Would move {n} closed lines ({orders} orders, closed before {cutoff}, no open case) to history; "
              "nothing was changed (run without --dry-run to move them).",
        "zh": "将把 {n} 行已关闭的订单行（{orders} 个订单，{cutoff} 之前关闭，无未结售后）移入历史；未做任何更改"
              "（去掉 --dry-run 即可执行）。",
    },
    "history.nothing": {
        "en": "No line to move to history: none closed before {cutoff} without an open case ({kept} lines on "
              "Orders).",
        "zh": "没有可移入历史的订单行：没有在 {cutoff} 之前关闭且无未结售后的行（Orders 工作表共 {kept} 行）。",
    },
    "history.not_again": {
        "en": "{file}: {n} lines ({orders} orders) are already in history and were not added to Orders again "
              "(an older export?). To look at one: tkops history find ORDER_ID.",
        "zh": "{file}：{n} 行（{orders} 个订单）已在历史中，没有再次加入 Orders（是较早的导出文件？）。"
              "查看某个订单：tkops history find 订单号。",
    },
    "history.found": {
        "en": "Order {order}: {n} lines from history written to the \"History\" sheet (archived {when}). They stay "
              "in history; the History sheet is rewritten by each find.",
        "zh": "订单 {order}：{n} 行历史记录已写入“History”工作表（归档于 {when}）。这些行仍保留在历史中；每次查找都会重写 "
              "History 工作表。",
    },
    "history.on_orders": {
        "en": "Order {order} is still on the Orders sheet ({n} lines), not in history.",
        "zh": "订单 {order} 仍在 Orders 工作表中（{n} 行），不在历史中。",
    },
    "history.not_found": {
        "en": "Order {order} is neither on the Orders sheet of {book} nor in its history. Check the Order ID (18 "
              "digits, as Seller Center shows it).",
        "zh": "订单 {order} 既不在 {book} 的 Orders 工作表中，也不在其历史中。请检查订单号（18 位数字，与 Seller Center "
              "显示的一致）。",
    },
    "history.exported": {
        "en": "{n} lines of {month} ({from_history} from history, {from_orders} from Orders) written to {file}.",
        "zh": "{month} 的 {n} 行（历史 {from_history} 行，Orders {from_orders} 行）已写入 {file}。",
    },
    "history.export_none": {
        "en": "No order line of {month} (by Paid Time, else Created Time) on Orders or in history: nothing written.",
        "zh": "Orders 和历史中都没有 {month} 的订单行（按付款时间，无则按创建时间）：未写入任何文件。",
    },
    "history.bad_month": {
        "en": "\"{value}\" is not a month: give it as YYYY-MM, e.g. 2026-11.",
        "zh": "“{value}”不是有效的月份：请写成 YYYY-MM，例如 2026-11。",
    },
    "history.need_order": {
        "en": "Say which order to find: tkops history find ORDER_ID --book BOOK.",
        "zh": "请指定要查找的订单：tkops history find 订单号 --book 工作簿。",
    },
    "history.bad_date": {
        "en": "--before \"{value}\" is not a date: give it as YYYY-MM-DD, e.g. 2026-11-01.",
        "zh": "--before “{value}”不是有效日期：请写成 YYYY-MM-DD，例如 2026-11-01。",
    },
}
