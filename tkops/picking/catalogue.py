"""The pick list's words for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.
"""

from __future__ import annotations

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
    "pick.summary": {"en": "{orders} orders · {units} items · {rows} pick lines",
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
}


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    entry = CATALOGUE[code]
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


def labels(lang: str = "en") -> dict[str, str]:
    """Every code without placeholders in ``lang``, keyed by the code after ``pick.`` with dots as underscores
    (``pick.col.bin`` -> ``col_bin``): what the HTML template reads."""
    return {code[5:].replace(".", "_"): label(code, lang) for code, entry in CATALOGUE.items()
            if "{" not in entry["en"]}


def flag_text(flags: str, lang: str = "en") -> str:
    """Flag codes (``"no_bin,unknown_sku"``) as words for the team: ``"no bin; not in Inventory"``."""
    return "; ".join(label(f"pick.flag.{code}", lang) for code in flags.split(",") if code)
