"""The month-end report's sentences and labels, in English and Chinese (``tkops/locale/aftersales_month_end.toml``,
merged into the lookup of :mod:`tkops.messages`): errors, progress lines, warnings, the report's figure names and
headings; and the column headers of its tables.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("aftersales_month_end")

#: Column headers of the report's tables: key -> (en, zh).
COLUMNS: dict[str, tuple[str, str]] = {
    "section": ("Section", "类别"), "figure": ("Figure", "指标"), "value": ("Value", "数值"),
    "currency": ("Currency", "币种"), "month": ("Month", "月份"), "orders": ("Orders", "订单数"),
    "lines": ("Lines", "行数"), "units": ("Units", "件数"), "sales": ("Sales", "销售额"),
    "cancelled": ("Cancelled", "取消数"), "cases": ("Cases", "售后数"), "cause": ("Cause", "原因类别"),
    "case_type": ("Case Type", "售后类型"), "carrier": ("Carrier", "物流商"), "sku": ("Seller SKU", "商家 SKU"),
    "product_name": ("Product Name", "商品名称"), "refund_cost": ("Refund Cost", "退款成本"),
    "reship_cost": ("Reship Cost", "补发成本"), "cost": ("Cost", "成本"), "return_rate": ("Return Rate", "退货率"),
    "refund_rate": ("Refund Rate", "退款率"), "reviews": ("Reviews", "评价数"),
    "negative_reviews": ("Negative Reviews", "差评数"), "negative_review_rate": ("Negative Review Rate", "差评率"),
    "units_shipped": ("Units Shipped", "发货件数"), "top_cause": ("Top Cause", "主要原因"), "rank": ("Rank", "排名"),
    "action": ("Action", "改进行动"), "owners": ("Owners", "负责方"), "owner": ("Owner", "负责方"),
    "reason": ("Cancel Reason", "取消原因"), "cancel_by": ("Cancel By", "取消方"), "amount": ("Amount", "金额"),
    "share": ("Share", "占比"), "closed": ("Closed", "已结案"), "open": ("Open", "未结案"),
    "median_hours": ("Median Hours", "中位时长（小时）"), "p90_hours": ("90% Hours", "90 分位时长（小时）"),
    "mean_hours": ("Mean Hours", "平均时长（小时）"), "file": ("File", "文件"), "kind": ("Kind", "类型"),
    "rows": ("Rows Read", "读取行数"), "skipped": ("Skipped Rows", "跳过行数"), "duplicates": ("Duplicates", "重复"),
    "cancellation_rate": ("Cancellation Rate", "取消率"),
    # the Reorder sheet (tkops.stock.reorder): SKUs to reorder, by supplier
    "supplier": ("Supplier", "供应商"), "on_hand": ("On Hand", "现有库存"), "on_order": ("On Order", "在途采购"),
    "sold_30d": ("Sold 30d", "30 天销量"), "velocity": ("Velocity/day", "日均销量"),
    "days_of_cover": ("Days of Cover", "可售天数"), "suggested_qty": ("Suggested Qty", "建议补货量"),
}


def text(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else: en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code), code, lang)
    if template is None:
        return code
    return fill(template, params, code)


def currency_label(code, lang: str = "en") -> str:
    """How a money figure's currency is shown: its code, or "no currency" for amounts whose lines named none (they
    are kept apart, never added to a known currency)."""
    return code if isinstance(code, str) and code else text("month_end.no_currency_label", lang)


def header(key: str, lang: str = "en") -> str:
    """The column header of ``key`` in ``lang``."""
    en, zh = COLUMNS.get(key, (key, key))
    return zh if lang == "zh" else en


class MonthEndError(ConfigError):
    """A month-end option problem; renders from this catalogue (also before it is merged into the main one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return text(self.code, lang, **self.params)
        return super().render(lang)
