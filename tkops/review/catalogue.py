"""The review's sentences for the team, in English and Chinese (``tkops/locale/review.toml``), merged into the lookup
of :mod:`tkops.messages`; and the short label of each problem code.

A problem's explanation is looked up by its code, or by a variant key ``code:variant`` when the same code needs
different wording (``address.zip_format:leading_zero``). A parameter given per language (``{"en": "province",
"zh": "省"}``) is shown in the sentence's language.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("review")


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
