"""After-sales sentences for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it; and the sheet-reading helpers
that raise them (a header row, then rows; columns found by name).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from tkops.errors import ConfigError
from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    # --- Reasons and CaseKeywords sheets ----------------------------------------------------------------------------
    "aftersales.sheet_column": {
        "en": "{sheet} sheet: there is no \"{column}\" column (headers found: {headers}). Add the column to the "
              "header row, or delete the sheet and let tkops create it again.",
        "zh": "{sheet} 工作表：缺少“{column}”列（现有表头：{headers}）。请在表头行添加该列，或删除此工作表让 tkops 重新生成。"},
    "aftersales.sheet_value": {
        "en": "{sheet} sheet, row {row}, column \"{column}\": \"{value}\" is not allowed. Use one of: {allowed}.",
        "zh": "{sheet} 工作表第 {row} 行，“{column}”列：不允许填写“{value}”。可选值：{allowed}。"},
    "aftersales.sheet_blank": {
        "en": "{sheet} sheet, row {row}, column \"{column}\": the cell is empty. Use one of: {allowed}.",
        "zh": "{sheet} 工作表第 {row} 行，“{column}”列：单元格为空。可选值：{allowed}。"},
    "aftersales.reason_blank": {
        "en": "{sheet} sheet, row {row}: both \"Reason Text\" and \"Reason Key\" are empty. Fill in at least one "
              "(the reason as the export or the API shows it), or delete the row.",
        "zh": "{sheet} 工作表第 {row} 行：“Reason Text”和“Reason Key”都为空。请至少填写一项（与导出文件或 API 中的原因一致），或删除该行。"},
    "aftersales.keyword_blank": {
        "en": "{sheet} sheet, row {row}: \"Keyword\" is empty. Write the word or phrase to look for, or delete the "
              "row.",
        "zh": "{sheet} 工作表第 {row} 行：“Keyword”为空。请填写要查找的词语，或删除该行。"},
    # --- Resolutions: cost settings and the Why column ---------------------------------------------------------------
    "aftersales.cost_money": {
        "en": "{sheet} sheet, row {row}, \"{setting}\": \"{value}\" is not an amount tkops can read. Write one amount "
              "(e.g. 6.5), or one per currency separated by ; (e.g. USD 6.5; THB 45), each currency once; blank = "
              "unknown.",
        "zh": "{sheet} 工作表第 {row} 行，“{setting}”：无法识别金额“{value}”。请填写一个金额（例如 6.5），或按币种填写并用 ; "
              "分隔（例如 USD 6.5; THB 45），每个币种只写一次；留空表示未知。"},
    "aftersales.cost_share": {
        "en": "{sheet} sheet, row {row}, \"{setting}\": \"{value}\" is not a share. Write a percentage from 0% to "
              "100%, e.g. 30%.",
        "zh": "{sheet} 工作表第 {row} 行，“{setting}”：“{value}”不是比例。请填写 0% 到 100% 之间的百分比，例如 30%。"},
    "aftersales.cost_hours": {
        "en": "{sheet} sheet, row {row}, \"{setting}\": \"{value}\" is not a number greater than 0. Write e.g. 48.",
        "zh": "{sheet} 工作表第 {row} 行，“{setting}”：“{value}”不是大于 0 的数字。请填写例如 48。"},
    "aftersales.why.cost_unknown": {"en": "{resolution} cost unknown ({because})",
                                    "zh": "{resolution}成本未知（{because}）"},
    "aftersales.why.no_sku": {"en": "the case has no Seller SKU", "zh": "售后记录没有 Seller SKU"},
    "aftersales.why.not_in_inventory": {"en": "{sku} is not on the Inventory sheet", "zh": "Inventory 表中没有 {sku}"},
    "aftersales.why.no_unit_cost": {"en": "no Unit Cost for {sku} on the Inventory sheet",
                                    "zh": "Inventory 表中 {sku} 没有 Unit Cost"},
    "aftersales.why.cost_currency": {"en": "the Unit Cost of {sku} is in {unit_currency}, the case in {currency}",
                                     "zh": "{sku} 的 Unit Cost 币种为 {unit_currency}，售后币种为 {currency}"},
    "aftersales.why.no_setting": {"en": "no {setting} for {currency} in Settings",
                                  "zh": "Settings 中没有 {currency} 的 {setting}"},
    "aftersales.why.no_amount": {"en": "the case has no Amount", "zh": "售后记录没有金额"},
    "aftersales.why.no_scan": {"en": "no scan for {days} days", "zh": "{days} 天无物流扫描"},
    "aftersales.why.reported_lost": {"en": "reported lost", "zh": "已报告丢失"},
    "aftersales.why.value": {"en": "value {amount} {op} threshold {threshold}", "zh": "金额 {amount} {op} 门槛 "
                                                                                      "{threshold}"},
}


def explain(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code), code, lang)
    if template is None:
        return code
    return fill(template, {k: str(v) for k, v in params.items()}, code)


class AfterSalesConfigError(ConfigError):
    """A Reasons or CaseKeywords sheet problem; renders from this catalogue (also before it is merged into the main
    one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return explain(self.code, lang, **self.params)
        return super().render(lang)


def sheet_records(rows: list[list[Any]], sheet: str, required: Iterable[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """(sheet row number, {header casefolded: cell text}) for each non-blank row under the header row.

    Raises :class:`AfterSalesConfigError` when a ``required`` column is missing.
    """
    if not rows:
        return
    header = [_cell(h) for h in rows[0]]
    names = {h.casefold(): i for i, h in enumerate(header) if h}
    for column in required:
        if column.casefold() not in names:
            raise AfterSalesConfigError("aftersales.sheet_column", sheet=sheet, column=column,
                                        headers=", ".join(h for h in header if h) or "-")
    for number, row in enumerate(rows[1:], start=2):
        record = {name: _cell(row[i]) if i < len(row) else "" for name, i in names.items()}
        if any(record.values()):
            yield number, record


def choice(value: str, allowed: Mapping[str, Any], sheet: str, row: int, column: str) -> str:
    """The key of ``allowed`` (key -> entry with ``en`` and ``zh`` labels) that ``value`` names: the key (spaces
    for underscores) or a label, in any case. Raises :class:`AfterSalesConfigError` listing the keys otherwise."""
    folded = value.casefold()
    for key, entry in allowed.items():
        if folded.replace(" ", "_") == key or folded in (entry.en.casefold(), entry.zh.casefold()):
            return key
    code = "aftersales.sheet_blank" if not value else "aftersales.sheet_value"
    shown = value if len(value) <= 60 else value[:59] + "…"
    raise AfterSalesConfigError(code, sheet=sheet, row=row, column=column, value=shown, allowed=", ".join(allowed))


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- Replies, follow-ups and reviews: the team's line beside each draft (tkops.aftersales.replies) --------------------
CATALOGUE.update({
    "aftersales.reply.check_tracking": {
        "en": "Apologises; checking the parcel with the carrier, update within 24 h; reship or refund if lost",
        "zh": "致歉；正在向物流商核查包裹，24 小时内回复；如丢件则补发或退款"},
    "aftersales.reply.reship": {"en": "Apologises, offers a free reship of {item}{no_return}",
                                "zh": "致歉，免费补发{item}{no_return}"},
    "aftersales.reply.refund": {"en": "Apologises, offers a full refund{amount}{no_return}",
                                "zh": "致歉，全额退款{amount}{no_return}"},
    "aftersales.reply.partial_refund": {"en": "Apologises, offers a partial refund{offer}, buyer keeps the item",
                                        "zh": "致歉，部分退款{offer}，买家保留商品"},
    "aftersales.reply.return_label": {
        "en": "Apologises, approves a return with a free label; refund{amount} once the carrier scans it",
        "zh": "致歉，同意退货并提供免费退货面单；物流揽收后退款{amount}"},
    "aftersales.reply.coupon": {"en": "Apologises, sends a coupon{offer} for the next order",
                                "zh": "致歉，赠送下次购物优惠券{offer}"},
    "aftersales.reply.explain_and_advise.size_fit": {
        "en": "Apologises, asks height, weight and usual size to advise the right size",
        "zh": "致歉，请买家提供身高、体重和常穿尺码，推荐合适尺码"},
    "aftersales.reply.explain_and_advise.colour_material": {
        "en": "Apologises, explains that colours look different on screens, offers to find a solution",
        "zh": "致歉，解释屏幕色差，表示可协商解决"},
    "aftersales.reply.explain_and_advise.no_longer_needed": {
        "en": "Apologises, explains how to request a return in the app", "zh": "致歉，说明如何在 App 内申请退货"},
    "aftersales.reply.explain_and_advise.other": {
        "en": "Apologises, asks what is wrong (photo) to explain and find a solution",
        "zh": "致歉，请买家说明问题（附照片），解释并协商解决"},
    "aftersales.reply.apologise_only": {"en": "Apologises, says the team will prevent it; no offer",
                                        "zh": "致歉，表示已反馈团队改进；不提供补偿"},
    "aftersales.reply.none.tracking": {"en": "Apologises, checking with the carrier (update within 24 h); no offer yet",
                                       "zh": "致歉，正在向物流商核实（24 小时内回复）；暂未提供方案"},
    "aftersales.reply.none.photo": {"en": "Apologises, asks for a photo; no offer yet",
                                    "zh": "致歉，请买家提供照片；暂未提供方案"},
    "aftersales.reply.none.details": {"en": "Apologises, asks for details, solution within 24 h; no offer yet",
                                      "zh": "致歉，请买家说明情况，24 小时内给出方案；暂未提供方案"},
    "aftersales.reply.none.return": {"en": "Apologises, explains how to request a return in the app",
                                     "zh": "致歉，说明如何在 App 内申请退货"},
    "aftersales.reply.no_return": {"en": ", no return needed", "zh": "，无需退货"},
    "aftersales.reply.the_item": {"en": "the item", "zh": "商品"},
    "aftersales.reply.missing_part": {"en": "the missing part of {item}", "zh": "{item}缺少的部分"},
    "aftersales.followup.team": {
        "en": "Proactive: {days} {days|day|days} in transit{carrier}; says we are checking, reship or refund if it "
              "does not arrive",
        "zh": "主动联系：已运输 {days} 天{carrier}；告知正在核查，如仍未送达则补发或退款"},
    "aftersales.review.team": {"en": "Public: apology, no personal data. Private: {action}",
                               "zh": "公开回复：致歉，不含个人信息。私信：{action}"},
    "aftersales.review.tracking": {"en": "checking the parcel with the carrier, reship or refund if lost",
                                   "zh": "向物流商核查包裹，如丢件则补发或退款"},
    "aftersales.review.photo": {"en": "asks for a photo, offers a replacement or a refund",
                                "zh": "请买家提供照片，可换新或退款"},
    "aftersales.review.fit": {"en": "offers help with a return or a better fit",
                              "zh": "协助退货或推荐更合适的商品"},
    "aftersales.review.details": {"en": "asks what went wrong", "zh": "询问具体问题"},
})
