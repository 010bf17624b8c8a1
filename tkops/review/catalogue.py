"""The review's sentences for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it.

A problem's explanation is looked up by its code, or by a variant key ``code:variant`` when the same code needs
different wording (``address.zip_format:leading_zero``). A parameter given per language (``{"en": "province",
"zh": "省"}``) is shown in the sentence's language.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.message_lookup import fill, sentence

CATALOGUE: dict[str, dict[str, str]] = {
    "address.missing_part": {"en": "address has no {parts}", "zh": "地址缺少 {parts}"},
    "address.placeholder": {"en": "{column} \"{value}\" looks like a placeholder, not a real address",
                            "zh": "{column}“{value}”像是占位内容，不是真实地址"},
    "address.placeholder:short": {
        "en": "{column} \"{value}\" is too short to be an address (fewer than {min} {min|character|characters})",
        "zh": "{column}“{value}”过短，不像地址（少于 {min} 个字符）"},
    "address.zip_format": {
        "en": "postal code \"{value}\" is not a valid {country} postal code (e.g. {example})",
        "zh": "邮编“{value}”不是有效的 {country} 邮编（例如 {example}）"},
    "address.zip_format:leading_zero": {
        "en": "ZIP code \"{value}\" has 4 digits: Excel probably dropped a leading zero (0{value}?); check the export",
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
    "stock.unchecked": {"en": "stock of \"{sku}\" not checked", "zh": "未核对“{sku}”的库存"},
    "stock.unchecked:empty": {
        "en": "\"{sku}\" not checked: the Inventory sheet is empty. Load your stock (tkops stock, or the Stock "
              "button); if your team does not keep stock in tkops, set stock.unchecked to Enabled = No on the Rules "
              "sheet",
        "zh": "未核对“{sku}”：Inventory 表为空。请导入库存（tkops stock 或“导入库存”按钮）；如果团队不在 tkops 中管理库存，"
              "请在 Rules 表把 stock.unchecked 的 Enabled 设为 No"},
    "stock.unchecked:blank": {
        "en": "stock of \"{sku}\" not checked: its On Hand on the Inventory sheet is blank or not a number. Count it "
              "and fill it in (0 when there is none)",
        "zh": "未核对“{sku}”的库存：Inventory 表中其 On Hand 为空或不是数字。请盘点后填写（没有则填 0）"},
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
    "quantity.invalid": {
        "en": "quantity \"{value}\" is not possible: a line has 1 to {limit} units (Quantity Limit on the Settings "
              "sheet); correct the cell",
        "zh": "数量“{value}”不可能：每行件数为 1 到 {limit}（Settings 工作表的 Quantity Limit）；请更正该单元格"},
    "quantity.invalid:blank": {
        "en": "quantity is empty: every line needs its number of units (1 to {limit})",
        "zh": "数量为空：每行都需要件数（1 到 {limit}）"},
    "risk.high_value": {"en": "order amount {amount} {currency} is above {limit} {currency}",
                        "zh": "订单金额 {amount} {currency} 超过 {limit} {currency}"},
    "risk.unusual_quantity": {"en": "{quantity} × {sku} in one order (more than {limit})",
                              "zh": "同一订单 {sku} 共 {quantity} 件（超过 {limit}）"},
    "risk.shared_address": {"en": "{buyers} different {buyers|buyer|buyers} send open orders to this address "
                                  "({orders} {orders|order|orders})",
                            "zh": "{buyers} 个不同买家的未发货订单寄往此地址（共 {orders} 单）"},
    "timing.cooling_off": {"en": "paid at {paid}; the buyer may still cancel: hold until {until}",
                           "zh": "付款时间 {paid}；买家仍可能取消：请等到 {until}"},
    "state.not_awaiting_shipment": {"en": "order status is \"{status}\", not Awaiting Shipment",
                                    "zh": "订单状态为“{status}”，不是待发货"},
    "state.cancelled": {"en": "order is cancelled: do not ship", "zh": "订单已取消：不要发货"},
    "state.cancel_requested": {"en": "cancellation requested ({value}): do not ship until it is settled",
                               "zh": "买家已申请取消（{value}）：处理完之前不要发货"},
    # --- review runs ----------------------------------------------------------------------------------------------
    "review.summary": {"en": "Review: {lines} {lines|line|lines}: {ready} ready, {hold} on hold; {problems} "
                              "{problems|problem|problems}.",
                       "zh": "审单：共 {lines} 行：{ready} 行可发货，{hold} 行暂缓；{problems} 个问题。"},
    "review.summary_skipped": {
        "en": "Review: {lines} {lines|line|lines}: {ready} ready, {hold} on hold, {skipped} already past review "
              "(shipped, delivered or completed: not checked); {problems} {problems|problem|problems}.",
        "zh": "审单：共 {lines} 行：{ready} 行可发货，{hold} 行暂缓，{skipped} 行已过审单阶段（已发货、已签收或已完成：不检查）；{problems} 个问题。"},
    "review.summary_code": {"en": "  {label} ({code}): {count}", "zh": "  {label}（{code}）：{count}"},
    "review.inventory_empty": {
        "en": "!! Inventory is empty: SKUs and stock were NOT checked, so {n} {n|line is|lines are} on hold "
              "(stock.unchecked). Load your stock: tkops stock FILE --book BOOK, or the Stock button. A team that "
              "does not keep stock in tkops sets stock.unchecked to Enabled = No on the Rules sheet.",
        "zh": "!! Inventory 表为空：未核对 SKU 和库存，因此 {n} 行暂缓（stock.unchecked）。请导入库存：tkops stock 文件 --book "
              "工作簿，或点击“导入库存”按钮。如果团队不在 tkops 中管理库存，请在 Rules 表把 stock.unchecked 的 Enabled 设为 No。"},
    "review.inventory_empty_off": {
        "en": "Inventory is empty: SKUs and stock were not checked (stock.unchecked is switched off on the Rules "
              "sheet: the team keeps its stock elsewhere).",
        "zh": "Inventory 表为空：未核对 SKU 和库存（Rules 表中 stock.unchecked 已关闭：团队在别处管理库存）。"},
    "review.unknown_skus": {
        "en": "!! {n} {n|SKU is|SKUs are} not on the Inventory sheet: {skus}. {n|Its|Their} lines are on hold "
              "(sku.unknown): add {n|it|them} with tkops stock or by hand, or correct the Seller SKU.",
        "zh": "!! 有 {n} 个 SKU 不在 Inventory 表中：{skus}。相关订单行暂缓（sku.unknown）：请用 tkops stock 或手工添加，或更正卖家SKU。"},
    "review.uncounted_skus": {
        "en": "!! {n} {n|SKU has|SKUs have} no On Hand on the Inventory sheet: {skus}. {n|Its|Their} lines are on "
              "hold (stock.unchecked) until {n|it is|they are} counted.",
        "zh": "!! 有 {n} 个 SKU 在 Inventory 表中没有 On Hand：{skus}。相关订单行暂缓（stock.unchecked），盘点填写后即可。"},
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


#: Each problem code as a short label a person reads on the sheets (Issues on Orders, Problem on Review, the summary),
#: in English and Chinese; the code itself stays in its own column for filters.
LABELS: dict[str, tuple[str, str]] = {
    "address.missing_part": ("Address incomplete", "地址不完整"),
    "address.placeholder": ("Placeholder address", "地址为占位内容"),
    "address.zip_format": ("Postal code format", "邮编格式不对"),
    "address.state_invalid": ("Unknown US state", "美国州名无效"),
    "address.zip_state_mismatch": ("ZIP not in the state", "邮编与州不符"),
    "address.no_house_number": ("No house number", "没有门牌号"),
    "address.po_box": ("PO Box", "邮政信箱"),
    "address.unprintable_chars": ("Label cannot print characters", "面单无法打印的字符"),
    "address.unknown_country": ("Unknown country", "无法识别的国家"),
    "phone.missing": ("No phone", "没有电话"),
    "phone.invalid": ("Phone not valid", "电话无效"),
    "sku.empty": ("No Seller SKU", "没有卖家SKU"),
    "sku.unknown": ("SKU not in Inventory", "SKU 不在库存表"),
    "stock.short": ("Not enough stock", "库存不足"),
    "stock.unchecked": ("Stock not checked", "未核对库存"),
    "message.colour_change": ("Buyer wants another colour", "买家要换颜色"),
    "message.size_change": ("Buyer wants another size", "买家要换尺码"),
    "message.address_change": ("Buyer changes the address", "买家要改地址"),
    "message.cancel_request": ("Buyer asks to cancel", "买家要求取消"),
    "message.gift": ("Gift: no prices", "礼物：不显示价格"),
    "message.urgent": ("Buyer in a hurry", "买家着急"),
    "message.other": ("Buyer message: read it", "买家留言：请阅读"),
    "order.combinable": ("Ship together", "可合并发货"),
    "risk.high_value": ("High order amount", "订单金额高"),
    "risk.unusual_quantity": ("Unusual quantity", "数量异常"),
    "risk.shared_address": ("Many buyers, one address", "多个买家同一地址"),
    "timing.cooling_off": ("Just paid: wait", "刚付款：请等待"),
    "state.not_awaiting_shipment": ("Not awaiting shipment", "不是待发货"),
    "state.cancelled": ("Cancelled: do not ship", "已取消：不要发货"),
    "state.cancel_requested": ("Cancellation requested", "买家已申请取消"),
}


def code_label(code: str, lang: str = "en") -> str:
    """The short label of a problem code in ``lang`` (en or zh); the code itself when it has none."""
    entry = LABELS.get(code)
    if entry is None:
        return code
    return entry[1] if lang == "zh" else entry[0]


def explain(key: str, lang: str, params: dict) -> str:
    """The sentence for ``key`` (a code or ``code:variant``) in ``lang`` (en or zh), filled with ``params``."""
    entry = CATALOGUE.get(key) or CATALOGUE.get(key.split(":", 1)[0])
    template = sentence(entry, key, lang)
    if template is None:
        return key
    return fill(template, _Shown(params, lang), key)


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
