"""The pick list's words for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.
"""

from __future__ import annotations

from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    "pick.title": {"en": "Pick list", "zh": "拣货单"},
    "pick.printed": {"en": "Printed {when}", "zh": "打印时间 {when}"},
    "pick.wave": {"en": "Wave {n}", "zh": "第 {n} 波"},
    "pick.wave_of": {"en": "wave {n} of {total}", "zh": "共 {total} 波，第 {n} 波"},
    "pick.kind.single": {"en": "Single-item orders (one item each: pack straight from the cart)",
                         "zh": "单件订单（每单一件：拣完直接打包）"},
    "pick.kind.multi": {"en": "Multi-item orders (sort by order before packing)",
                        "zh": "多件订单（打包前按订单分拣）"},
    "pick.kind.mixed": {"en": "Single- and multi-item orders", "zh": "单件与多件订单"},
    "pick.summary": {"en": "{orders} {orders|order|orders} · {units} {units|item|items} · {rows} {rows|pick "
                           "line|pick lines}",
                     "zh": "{orders} 个订单 · {units} 件 · {rows} 个拣货行"},
    "pick.picked_by": {"en": "Picked by", "zh": "拣货人"},
    "pick.time": {"en": "Time", "zh": "时间"},
    "pick.col.check": {"en": "✓", "zh": "✓"},
    "pick.col.zone": {"en": "Zone", "zh": "库区"},
    "pick.col.bin": {"en": "Bin", "zh": "库位"},
    "pick.col.quantity": {"en": "Qty", "zh": "数量"},
    "pick.col.sku": {"en": "Seller SKU", "zh": "SKU"},
    "pick.col.product": {"en": "Product / Variation", "zh": "商品 / 规格"},
    "pick.col.orders": {"en": "Orders", "zh": "订单"},
    "pick.col.note": {"en": "Note", "zh": "备注"},
    "pick.no_bin_heading": {
        "en": "No bin: find these by SKU, then add their bin on the Inventory sheet",
        "zh": "无库位：请按 SKU 查找，并在 Inventory 表中补上库位"},
    "pick.flag.no_bin": {"en": "no bin", "zh": "无库位"},
    "pick.flag.unknown_sku": {"en": "not in Inventory", "zh": "库存表中无此 SKU"},
    "pick.flag.short": {"en": "short: Inventory shows less", "zh": "库存不足：库存表数量不够"},
    "pick.more": {"en": "+{n} more", "zh": "另 {n} 单"},
    "pick.empty": {
        "en": "Nothing to pick: no line has Review Status Ready without being picked.",
        "zh": "没有需要拣货的订单行：没有审核状态为 Ready 且未拣货的行。"},
    # The pick-list run's summary for the team (tkops picklist, the Pick list button).
    "pick.job.done": {"en": "Pick list: {waves} {waves|wave|waves} ({numbers}), {orders} {orders|order|orders}, "
                            "{units} {units|item|items}, {rows} {rows|pick line|pick lines}.",
                      "zh": "拣货单：{waves} 个波次（{numbers}），{orders} 个订单，{units} 件，{rows} 个拣货行。"},
    "pick.job.wave": {"en": "  Wave {n}: {kind}, {orders} {orders|order|orders}, {units} {units|item|items}",
                      "zh": "  第 {n} 波：{kind}，{orders} 个订单，{units} 件"},
    "pick.job.kind.single": {"en": "single-item", "zh": "单件"},
    "pick.job.kind.multi": {"en": "multi-item", "zh": "多件"},
    "pick.job.kind.mixed": {"en": "single- and multi-item", "zh": "单件与多件"},
    "pick.job.no_bin": {"en": "{n} {n|pick line|pick lines} without a bin (add their bin on the Inventory sheet): "
                              "{skus}",
                        "zh": "{n} 个拣货行没有库位（请在 Inventory 表中补上库位）：{skus}"},
    "pick.job.unknown": {"en": "SKUs not on the Inventory sheet: {skus}", "zh": "Inventory 表中没有的 SKU：{skus}"},
    "pick.job.short": {"en": "SKUs short (the Inventory shows less than the list asks for): {skus}",
                       "zh": "库存不足的 SKU（Inventory 表数量少于拣货数量）：{skus}"},
    "pick.job.files": {"en": "Printable pick list: {pdf} (also as {html})", "zh": "可打印的拣货单：{pdf}（另有 {html}）"},
    "pick.job.sheet": {"en": "The PickList sheet of {book} holds the list; the Wave column of Orders shows each "
                             "line's wave.",
                       "zh": "{book} 的 PickList 工作表已写入拣货单；Orders 表的 Wave 列标明每行的波次。"},
    "pick.job.skipped": {"en": "{n} released {n|line|lines} already on an earlier pick list (waves {numbers}) "
                               "{n|is|are} not on this one.",
                         "zh": "{n} 个已在之前拣货单上的订单行（波次 {numbers}）未列入本次拣货单。"},
    "pick.job.already": {
        "en": "Nothing new to pick: {n} released {n|line is|lines are} already on an earlier pick list (waves {numbers}). "
              "To print them again: tkops picklist --again.",
        "zh": "没有新的拣货行：{n} 个已放行的订单行已在之前的拣货单上（波次 {numbers}）。如需再次打印：tkops picklist --again。"},
}


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    text = sentence(CATALOGUE.get(code), code, lang)
    if text is None:
        return code
    return fill(text, params, code) if params else text


def labels(lang: str = "en") -> dict[str, str]:
    """Every code without placeholders in ``lang``, keyed by the code after ``pick.`` with dots as underscores
    (``pick.col.bin`` -> ``col_bin``): what the HTML template reads."""
    return {code[5:].replace(".", "_"): label(code, lang) for code, entry in CATALOGUE.items()
            if "{" not in entry["en"]}


def flag_text(flags: str, lang: str = "en") -> str:
    """Flag codes (``"no_bin,unknown_sku"``) as words for the team: ``"no bin; not in Inventory"``."""
    return "; ".join(label(f"pick.flag.{code}", lang) for code in flags.split(",") if code)
