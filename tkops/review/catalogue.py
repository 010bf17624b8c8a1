"""The review's sentences for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.

A problem's explanation is looked up by its code, or by a variant key ``code:variant`` when the same code needs
different wording (``address.zip_format:leading_zero``). A parameter given per language (``{"en": "province",
"zh": "省"}``) is shown in the sentence's language.
"""

from __future__ import annotations

from tkops.errors import ConfigError

CATALOGUE: dict[str, dict[str, str]] = {
    "address.missing_part": {"en": "address has no {parts}", "zh": "地址缺少 {parts}"},
    "address.placeholder": {"en": "{column} \"{value}\" looks like a placeholder, not a real address",
                            "zh": "{column}“{value}”像是占位内容，不是真实地址"},
    "address.placeholder:short": {
        "en": "{column} \"{value}\" is too short to be an address (fewer than {min} characters)",
        "zh": "{column}“{value}”过短，不像地址（少于 {min} 个字符）"},
    "address.zip_format": {
        "en": "postal code \"{value}\" is not a valid {country} postal code (e.g. {example})",
        "zh": "邮编“{value}”不是有效的 {country} 邮编（例如 {example}）"},
    "address.zip_format:leading_zero": {
        "en": "ZIP code \"{value}\" has 4 digits: Excel probably dropped a leading zero (0{value}?); check the "
              "export",
        "zh": "邮编“{value}”只有 4 位：可能被 Excel 去掉了开头的 0（0{value}？）；请检查导出文件"},
    "address.zip_format:no_area": {
        "en": "ZIP code \"{value}\" belongs to no US state (prefix {prefix} is not assigned)",
        "zh": "邮编“{value}”不属于任何美国州（前缀 {prefix} 未分配）"},
    "address.state_invalid": {
        "en": "{country_name} has no {kind} \"{value}\"",
        "zh": "{country_name}没有名为“{value}”的{kind}"},
    "address.state_invalid:suggest": {
        "en": "{country_name} has no {kind} \"{value}\": probably {suggestion}",
        "zh": "{country_name}没有名为“{value}”的{kind}：可能是 {suggestion}"},
    "address.zip_state_mismatch": {
        "en": "ZIP code {zipcode} is in {expected}, but the state is {state}",
        "zh": "邮编 {zipcode} 属于 {expected}，但州为 {state}"},
    "address.zip_state_mismatch:region": {
        "en": "postal code {zipcode} belongs to {expected}, but the {kind} is {state}",
        "zh": "邮编 {zipcode} 属于 {expected}，但{kind}为 {state}"},
    "address.zip_state_mismatch:nowhere": {
        "en": "postal code {zipcode} does not belong to the {kind} {state}",
        "zh": "邮编 {zipcode} 不属于{kind} {state}"},
    "address.no_house_number": {
        "en": "no house or street number in \"{value}\"", "zh": "“{value}”中没有门牌号"},
    "address.po_box": {
        "en": "PO Box address (\"{match}\"): check that the carrier delivers to PO Boxes",
        "zh": "邮政信箱地址（“{match}”）：请确认物流可派送邮政信箱"},
    "address.unprintable_chars": {
        "en": "{column} has characters a {country} shipping label cannot print: {chars}",
        "zh": "{column} 含有 {country} 面单无法打印的字符：{chars}"},
    "address.unknown_country": {
        "en": "country \"{value}\" is not recognised; address checks for the country were skipped",
        "zh": "无法识别国家“{value}”，已跳过该国的地址检查"},
    "phone.missing": {"en": "no phone number", "zh": "没有电话号码"},
    "phone.invalid": {"en": "phone \"{value}\" is not a valid {country} number",
                      "zh": "电话“{value}”不是有效的 {country} 号码"},
    "phone.invalid:foreign": {
        "en": "phone \"{value}\" is a {number_country} number, but the parcel goes to {country}",
        "zh": "电话“{value}”是 {number_country} 号码，但包裹寄往 {country}"},
    "sku.empty": {"en": "Seller SKU is empty: tkops cannot tell what to pick",
                  "zh": "卖家SKU为空：无法确定拣货商品"},
    "sku.unknown": {"en": "Seller SKU \"{sku}\" is not in the Inventory sheet",
                    "zh": "卖家SKU“{sku}”不在库存表中"},
    "sku.unknown:component": {
        "en": "bundle \"{bundle}\" needs \"{sku}\", which is not in the Inventory sheet",
        "zh": "组合“{bundle}”需要的“{sku}”不在库存表中"},
    "stock.short": {
        "en": "{missing} of {needed} × {sku} missing (on hand {on_hand}, earlier paid orders come first)",
        "zh": "{sku} 需要 {needed} 件，缺 {missing} 件（库存 {on_hand}，先付款的订单优先）"},
    "stock.short:bundle": {
        "en": "bundle {bundle}: {missing} of {needed} × {sku} missing (on hand {on_hand}, earlier paid orders come "
              "first)",
        "zh": "组合 {bundle}：{sku} 需要 {needed} 件，缺 {missing} 件（库存 {on_hand}，先付款的订单优先）"},
    "message.colour_change": {"en": "buyer asks for {asked}; ordered {ordered}",
                              "zh": "买家要求 {asked}；订单为 {ordered}"},
    "message.colour_change:unnamed": {"en": "buyer asks to change the colour; ordered {ordered}",
                                      "zh": "买家要求换颜色；订单为 {ordered}"},
    "message.size_change": {"en": "buyer asks for {asked}; ordered {ordered}",
                            "zh": "买家要求 {asked}；订单为 {ordered}"},
    "message.size_change:unnamed": {"en": "buyer asks to change the size; ordered {ordered}",
                                    "zh": "买家要求换尺码；订单为 {ordered}"},
    "message.address_change": {"en": "buyer asks to change the address: \"{text}\"",
                               "zh": "买家要求修改地址：“{text}”"},
    "message.cancel_request": {"en": "buyer asks to cancel: \"{text}\"", "zh": "买家要求取消：“{text}”"},
    "message.gift": {"en": "gift: leave the price off the packing slip (\"{text}\")",
                     "zh": "礼物：装箱单不要显示价格（“{text}”）"},
    "message.urgent": {"en": "buyer needs it quickly: \"{text}\"", "zh": "买家着急要货：“{text}”"},
    "message.other": {"en": "buyer message: \"{text}\"", "zh": "买家留言：“{text}”"},
    "order.combinable": {"en": "same buyer and address as order(s) {others}: ship together",
                         "zh": "与订单 {others} 为同一买家同一地址：可合并发货"},
    "risk.high_value": {"en": "order amount {amount} {currency} is above {limit} {currency}",
                        "zh": "订单金额 {amount} {currency} 超过 {limit} {currency}"},
    "risk.unusual_quantity": {"en": "{quantity} × {sku} in one order (more than {limit})",
                              "zh": "同一订单 {sku} 共 {quantity} 件（超过 {limit}）"},
    "risk.shared_address": {"en": "{buyers} different buyers send open orders to this address ({orders} orders)",
                            "zh": "{buyers} 个不同买家的未发货订单寄往此地址（共 {orders} 单）"},
    "timing.cooling_off": {"en": "paid at {paid}; the buyer may still cancel: hold until {until}",
                           "zh": "付款时间 {paid}；买家仍可能取消：请等到 {until}"},
    "state.not_awaiting_shipment": {"en": "order status is \"{status}\", not Awaiting Shipment",
                                    "zh": "订单状态为“{status}”，不是待发货"},
    "state.cancelled": {"en": "order is cancelled: do not ship", "zh": "订单已取消：不要发货"},
    "state.cancel_requested": {"en": "cancellation requested ({value}): do not ship until it is settled",
                               "zh": "买家已申请取消（{value}）：处理完之前不要发货"},
    # --- review runs ----------------------------------------------------------------------------------------------
    "review.summary": {"en": "Review: {lines} lines, {ready} ready, {hold} on hold; {problems} problems.",
                       "zh": "审单：共 {lines} 行，{ready} 行可发货，{hold} 行暂缓；{problems} 个问题。"},
    "review.summary_code": {"en": "  {code}: {count}", "zh": "  {code}：{count}"},
    "review.bad_rule": {
        "en": "Rules sheet: \"{rule}\" is not a review rule. Known rules: {known}.",
        "zh": "Rules 工作表：“{rule}”不是审单规则。已知规则：{known}。"},
    "review.bad_rule_setting": {
        "en": "Rules sheet, rule \"{rule}\", setting \"{setting}\": \"{value}\" is not valid ({hint}).",
        "zh": "Rules 工作表，规则“{rule}”，设置“{setting}”：“{value}”无效（{hint}）。"},
    "review.bad_keyword": {
        "en": "Keywords sheet, row {row}: category \"{category}\" is not known ({known}).",
        "zh": "Keywords 工作表第 {row} 行：类别“{category}”未知（{known}）。"},
}


def explain(key: str, lang: str, params: dict) -> str:
    """The sentence for ``key`` (a code or ``code:variant``) in ``lang`` (en or zh), filled with ``params``."""
    entry = CATALOGUE.get(key) or CATALOGUE.get(key.split(":", 1)[0])
    if entry is None:
        return key
    template = entry.get(lang) or entry["en"]
    try:
        return template.format_map(_Shown(params, lang))
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"


class _Shown(dict):
    """Parameters shown as text only when the sentence uses them, in the sentence's language when given per
    language."""

    def __init__(self, params: dict, lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if isinstance(value, dict) and "en" in value:
            value = value.get(self.lang, value["en"])
        return _show(value)


def _show(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ReviewConfigError(ConfigError):
    """A Rules or Keywords sheet problem; renders from this catalogue (also before it is merged into the main one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return explain(self.code, lang, self.params)
        return super().render(lang)
