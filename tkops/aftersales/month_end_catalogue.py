"""The month-end report's sentences and labels, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it:
errors, progress lines, warnings, the report's figure names, column headers and headings.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.message_lookup import fill, sentence


def _e(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


CATALOGUE: dict[str, dict[str, str]] = {
    # --- errors and warnings --------------------------------------------------------------------------------------
    "month_end.bad_month": _e(
        "\"{value}\" is not a month. Write the month as YYYY-MM, e.g. --month 2026-11.",
        "“{value}”不是有效的月份。请按 YYYY-MM 格式填写，例如 --month 2026-11。"),
    "month_end.no_orders": _e(
        "No order file was given. Pass the month's Seller Center order exports with --orders FILE... (a year of "
        "monthly files at once is fine).",
        "没有提供订单文件。请用 --orders FILE... 提供当月的 Seller Center 订单导出文件（可一次提供一整年的月度文件）。"),
    "month_end.no_orders_in_month": _e(
        "No order of {month} in the order files (they cover {first} to {last}). Check --month, or add the month's "
        "export.", "订单文件中没有 {month} 的订单（文件覆盖 {first} 至 {last}）。请检查 --month，或补充当月的导出文件。"),
    "month_end.duplicates": _e(
        "{n} {what} appear in more than one file: each is counted once, with the values of the file given last.",
        "有 {n} 条{what}出现在多个文件中：每条只计一次，以最后提供的文件为准。"),
    "month_end.no_currency": _e(
        "{orders} order(s) and {cases} case(s) of {month} have no currency (the file does not name one, its addresses "
        "are not all in one market, and no Market is set): their amounts are counted apart, under \"no currency\", "
        "and never added to another currency. Set --market (or the Market setting, or the mapping's currency) and run "
        "again.",
        "{month} 有 {orders} 个订单和 {cases} 个售后案例没有币种（文件未注明币种，地址不全在同一站点，也未设置站点）："
        "它们的金额单独统计在“无币种”下，绝不与其他币种相加。请设置 --market（或设置表中的 Market，或映射的币种）后重新运行。"),
    "month_end.no_currency_label": _e("no currency", "无币种"),
    "month_end.what_lines": _e("order lines", "订单行"),
    "month_end.what_cases": _e("case lines", "售后记录"),
    "month_end.book_sheet": _e("{file}: read the {sheets} sheet(s).", "{file}：已读取工作表 {sheets}。"),
    # --- progress -------------------------------------------------------------------------------------------------
    "month_end.progress.orders": _e("Reading order file {n} of {total}: {file}", "读取订单文件 {n}/{total}：{file}"),
    "month_end.progress.returns": _e("Reading return file {n} of {total}: {file}",
                                     "读取退货文件 {n}/{total}：{file}"),
    "month_end.progress.book": _e("Reading the workbook {file}", "读取工作簿 {file}"),
    "month_end.progress.figures": _e("Computing the figures of {month}", "计算 {month} 的数据"),
    "month_end.progress.pivots": _e("Computing the after-sales pivots", "计算售后透视表"),
    "month_end.progress.workbook": _e("Writing the report workbook", "写入报告工作簿"),
    "month_end.progress.html": _e("Writing the HTML summary", "写入 HTML 摘要"),
    "month_end.done": _e("Month-end report of {month}: {workbook}\nHTML summary: {html}",
                         "{month} 月度报告：{workbook}\nHTML 摘要：{html}"),
    # --- headings -------------------------------------------------------------------------------------------------
    "month_end.title": _e("Month-end report {month}", "{month} 月度报告"),
    "month_end.made": _e("Made by tkops on {when} from {orders} order file(s) and {returns} return file(s).",
                         "由 tkops 于 {when} 根据 {orders} 个订单文件和 {returns} 个退货文件生成。"),
    "month_end.h.figures": _e("Key figures", "关键指标"),
    "month_end.h.sales": _e("Orders and sales", "订单与销售"),
    "month_end.h.returns": _e("Returns and refunds", "退货与退款"),
    "month_end.h.response": _e("After-sales response", "售后处理时效"),
    "month_end.h.kpis": _e("Fulfilment (SOP clocks)", "履约时效（SOP 时钟）"),
    "month_end.h.cancellations": _e("Cancellations by reason", "取消原因"),
    "month_end.h.causes": _e("Cases by cause", "售后原因分布"),
    "month_end.h.trend": _e("Monthly trend", "月度趋势"),
    "month_end.h.health": _e("SKU health (most cases first)", "SKU 健康度（按售后数排序）"),
    "month_end.h.actions": _e("Actions by owner", "按负责方列出的改进行动"),
    "month_end.h.carriers": _e("Case types by carrier", "各物流商的售后类型"),
    "month_end.none": _e("Nothing this month.", "本月无数据。"),
    "month_end.more": _e("{n} more rows in the workbook.", "工作簿中还有 {n} 行。"),
    "month_end.chart.trend_orders": _e("Orders", "订单数"),
    "month_end.chart.trend_rate": _e("Return rate", "退货率"),
    "month_end.notes": _e(
        "Orders belong to the month they were paid in; sales are the Order Amount of orders not cancelled, each "
        "order once. Cases are return and refund requests opened in the month (cancellations are listed apart). "
        "Return rate = cases / orders not cancelled; per SKU, cases / units shipped. Cost = the team's Cost on the "
        "AfterSales sheet, else the refunded Amount. Response time = opened to closed.",
        "订单按付款月份统计；销售额为未取消订单的订单金额（每单计一次）。售后为当月发起的退货退款申请（取消单另列）。"
        "退货率 = 售后数 / 未取消订单数；按 SKU 为售后数 / 发货件数。成本 = AfterSales 表中团队填写的成本，否则为已退款金额。处理时长 = 从发起到结案。"),
    # --- figures (Summary rows) -----------------------------------------------------------------------------------
    "month_end.f.orders": _e("Orders (paid in the month)", "订单数（当月付款）"),
    "month_end.f.lines": _e("Order lines", "订单行数"),
    "month_end.f.units": _e("Units ordered", "下单件数"),
    "month_end.f.cancelled": _e("Cancelled orders", "取消订单数"),
    "month_end.f.cancellation_rate": _e("Cancellation rate", "取消率"),
    "month_end.f.sales": _e("Sales", "销售额"),
    "month_end.f.cases": _e("Return and refund cases opened", "新增退货退款"),
    "month_end.f.returned_units": _e("Units in those cases", "涉及件数"),
    "month_end.f.return_rate": _e("Return rate (cases / orders not cancelled)", "退货率（售后数 / 未取消订单数）"),
    "month_end.f.refund_cost": _e("Refund cost", "退款成本"),
    "month_end.f.reship_cost": _e("Reship cost", "补发成本"),
    "month_end.f.refund_rate": _e("Refund rate (refunds / sales)", "退款率（退款 / 销售额）"),
    "month_end.f.closed": _e("Cases closed", "已结案"),
    "month_end.f.open": _e("Cases still open", "未结案"),
    "month_end.f.median_hours": _e("Response time, median (hours)", "处理时长中位数（小时）"),
    "month_end.f.p90_hours": _e("Response time, 90th percentile (hours)", "处理时长 90 分位（小时）"),
    "month_end.f.mean_hours": _e("Response time, mean (hours)", "处理时长平均值（小时）"),
}

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
