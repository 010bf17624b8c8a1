"""The Rules sheet: which review checks run, how severe each is, and their thresholds.

Layout (one table, header in row 1)::

    Rule | Enabled | Severity | Setting | Value | Description | 说明

A row with an empty Setting switches a check (a problem code such as ``address.po_box``) on or off and sets its
severity (error holds the order, warning and info do not). A row with a Setting gives one threshold of that check
(e.g. ``timing.cooling_off`` / ``Hold Minutes`` / ``60``). Rows the team deletes fall back to the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from tkops.cells.yes_no import yes_no
from tkops.review.catalogue import ReviewConfigError as ConfigError

SEVERITIES = ("error", "warning", "info")
RULES_SHEET_HEADERS = ["Rule", "Enabled", "Severity", "Setting", "Value", "Description", "说明"]

#: Every problem code: default severity, English and Chinese description (shown on the Rules sheet).
CODES: dict[str, tuple[str, str, str]] = {
    "address.missing_part": ("error", "A required address part is empty", "地址缺少必填部分"),
    "address.placeholder": ("error", "Placeholder or suspiciously short address (N/A, test, .)", "地址为占位内容或过短"),
    "address.zip_format": ("error", "Postal code does not fit the country's format", "邮编格式与国家不符"),
    "address.state_invalid": ("error", "State/province is not one of the country's (a misspelling names the likely "
                              "one)", "州/省名无效（拼写错误时给出最可能的名称）"),
    "address.zip_state_mismatch": ("error", "Postal code belongs to another state/province", "邮编与州/省不一致"),
    "address.no_house_number": ("warning", "No house or street number", "地址没有门牌号"),
    "address.po_box": ("warning", "PO Box (some carriers do not deliver there)", "邮政信箱（部分物流不派送）"),
    "address.unprintable_chars": ("warning", "Characters a shipping label cannot print (emoji, other scripts)",
                                  "面单无法打印的字符（表情符号、其他文字）"),
    "address.unknown_country": ("warning", "Country not recognised", "无法识别的国家"),
    "phone.missing": ("warning", "No phone number", "没有电话号码"),
    "phone.invalid": ("error", "Phone number not valid for the destination country", "电话号码对目的国无效"),
    "sku.empty": ("error", "Seller SKU is empty", "卖家SKU为空"),
    "sku.unknown": ("error", "Seller SKU not in the Inventory (or Bundles) sheet", "卖家SKU不在库存（或组合）表中"),
    "stock.short": ("error", "Not enough stock (first paid, first served)", "库存不足（按付款先后分配）"),
    "stock.unchecked": ("error", "SKU and stock not checked: Inventory is empty, or the SKU has no On Hand. Set "
                                 "Enabled = No if your team does not keep its stock in tkops",
                        "未核对 SKU 和库存：Inventory 表为空，或该 SKU 没有 On Hand。如果团队不在 tkops 中管理库存，请把 Enabled 设为 No"),
    "message.colour_change": ("error", "Buyer asks for another colour", "买家要求换颜色"),
    "message.size_change": ("error", "Buyer asks for another size", "买家要求换尺码"),
    "message.address_change": ("error", "Buyer asks to change the address", "买家要求改地址"),
    "message.cancel_request": ("error", "Buyer asks to cancel", "买家要求取消"),
    "message.gift": ("warning", "Gift: no price on the packing slip", "礼物：装箱单不显示价格"),
    "message.urgent": ("warning", "Buyer needs it quickly or by a date", "买家要求尽快或指定日期"),
    "message.other": ("warning", "Other buyer message: read it", "其他买家留言：请阅读"),
    "order.combinable": ("info", "Same buyer, same address: ship together", "同一买家同一地址：可合并发货"),
    "quantity.invalid": ("error", "Quantity is not a whole number from 1 to the Quantity Limit (Settings sheet)",
                         "数量不是 1 到数量上限（Settings 工作表）之间的整数"),
    "risk.high_value": ("warning", "Order amount above the threshold", "订单金额超过阈值"),
    "risk.unusual_quantity": ("warning", "Unusual quantity of one SKU", "同一SKU数量异常"),
    "risk.shared_address": ("warning", "Many buyers ship to one address", "多个买家寄往同一地址"),
    "timing.cooling_off": ("error", "Paid less than the hold window ago (buyer may still cancel)",
                           "付款时间未超过等待期（买家仍可能取消）"),
    "state.not_awaiting_shipment": ("warning", "Order status is not Awaiting Shipment", "订单状态不是待发货"),
    "state.cancelled": ("error", "Order cancelled: do not ship", "订单已取消：不要发货"),
    "state.cancel_requested": ("error", "Buyer requested cancellation", "买家已申请取消"),
}

_HIGH_VALUE = {"USD": 300, "GBP": 250, "EUR": 300, "MXN": 6000, "BRL": 1700, "JPY": 45000, "IDR": 5000000,
               "MYR": 1400, "PHP": 17000, "SGD": 400, "THB": 10000, "VND": 7500000, "CNY": 2000}

#: Thresholds: (code, setting, default, kind, English description, Chinese description). Kinds: int, number, list.
SETTINGS: tuple[tuple[str, str, Any, str, str, str], ...] = (
    ("address.placeholder", "Placeholders",
     "n/a, na, none, null, nil, test, testing, asdf, unknown, no address, tbd, sin direccion, keine, aucune",
     "list", "Words that are not an address (case, spaces and punctuation ignored)",
     "不是地址的词（忽略大小写、空格和标点）"),
    ("address.placeholder", "Min Length", 4, "int", "Address Line 1 shorter than this (without spaces) is suspicious",
     "地址行1（不含空格）短于此长度视为可疑"),
    ("address.no_house_number", "Countries", "US, GB, DE, FR, IT, ES, MX, BR, JP, SG", "list",
     "Destinations whose addresses normally carry a house number", "地址通常带门牌号的目的国"),
    ("risk.high_value", "Max Order Amount", "", "number",
     "Order amount above this is flagged, in any currency without its own row below (blank = no limit)",
     "超过此金额的订单将被标记（适用于下面没有单独设置的币种；留空表示不限）"),
    *(("risk.high_value", f"Max Order Amount {cur}", amount, "number",
       f"Order amount above this many {cur} is flagged", f"订单金额超过 {amount} {cur} 时标记")
      for cur, amount in _HIGH_VALUE.items()),
    ("risk.unusual_quantity", "Max Quantity", 5, "int", "More of one SKU in one order than this is flagged",
     "同一订单中同一SKU数量超过此值时标记"),
    ("risk.shared_address", "Max Buyers", 2, "int",
     "More different buyers than this sending open orders to one address is flagged", "同一地址的不同买家超过此数时标记"),
    ("timing.cooling_off", "Hold Minutes", 60, "int", "Hold orders paid less than this many minutes ago",
     "付款后不足此分钟数的订单暂缓处理"),
)



@dataclass(frozen=True)
class RuleConfig:
    """Which codes are on, their severities and the thresholds: the Rules sheet, validated."""

    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[tuple[str, str], Any] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        """True when the check ``code`` runs."""
        return code not in self.disabled

    def severity(self, code: str) -> str:
        """error, warning or info for ``code``."""
        return self.severities.get(code) or CODES[code][0]

    def get(self, code: str, setting: str) -> Any:
        """The value of threshold ``setting`` of ``code`` (the default when the sheet does not set it)."""
        key = (code, setting.casefold())
        if key in self.values:
            return self.values[key]
        for c, name, default, kind, *_ in SETTINGS:
            if (c, name.casefold()) == key:
                return _convert(default, kind, c, name)
        raise KeyError(f"{code} / {setting}")

    @staticmethod
    def from_sheet_rows(rows: list[list[Any]]) -> "RuleConfig":
        """The configuration from the Rules sheet's rows (header first; columns found by header name).

        Raises ConfigError naming the rule, the setting and the value when a row is not valid.
        """
        if not rows:
            return RuleConfig()
        col = {str(h).strip().casefold(): i for i, h in enumerate(rows[0]) if h is not None}
        kinds = {(c, name.casefold()): (name, kind) for c, name, _d, kind, *_ in SETTINGS}
        disabled, severities, values = set(), {}, {}

        def cell(row, header):
            i = col.get(header)
            return "" if i is None or i >= len(row) or row[i] is None else row[i]

        for row in rows[1:]:
            code = str(cell(row, "rule")).strip()
            if not code:
                continue
            if code not in CODES:
                raise ConfigError("review.bad_rule", rule=code, known=", ".join(CODES))
            setting = str(cell(row, "setting")).strip()
            if setting:
                if (code, setting.casefold()) not in kinds:
                    known = ", ".join(n for c, n, *_ in SETTINGS if c == code) or "-"
                    raise ConfigError("review.bad_rule_setting", rule=code, setting=setting, value="",
                                      hint=known)
                name, kind = kinds[(code, setting.casefold())]
                values[(code, setting.casefold())] = _convert(cell(row, "value"), kind, code, name)
                continue
            if _flag(cell(row, "enabled"), code) is False:
                disabled.add(code)
            severity = str(cell(row, "severity")).strip().casefold()
            if severity:
                if severity not in SEVERITIES:
                    raise ConfigError("review.bad_rule_setting", rule=code, setting="Severity", value=severity,
                                      hint=", ".join(SEVERITIES))
                severities[code] = severity
        return RuleConfig(frozenset(disabled), severities, values)


def rules_sheet_rows(config: RuleConfig | None = None) -> list[list[Any]]:
    """The Rules sheet's rows for ``config`` (the defaults when None): header, one row per code, then thresholds."""
    config = config or RuleConfig()
    rows: list[list[Any]] = [list(RULES_SHEET_HEADERS)]
    for code, (_sev, en, zh) in CODES.items():
        rows.append([code, "Yes" if config.enabled(code) else "No", config.severity(code), "", "", en, zh])
        for c, name, _default, kind, s_en, s_zh in SETTINGS:
            if c == code:
                value = config.get(c, name)
                shown = ", ".join(value) if kind == "list" else ("" if value is None else value)
                if isinstance(shown, float) and shown.is_integer():
                    shown = int(shown)
                rows.append([code, "", "", name, shown, s_en, s_zh])
    return rows


def _flag(value: Any, code: str) -> bool | None:
    verdict = yes_no(value)
    if verdict is not None or value is None or not str(value).strip():
        return verdict
    raise ConfigError("review.bad_rule_setting", rule=code, setting="Enabled", value=value, hint="Yes / No")


def _convert(value: Any, kind: str, code: str, name: str) -> Any:
    if kind == "list":
        text = "" if value is None else str(value)
        return tuple(w.strip() for w in text.replace("，", ",").replace(";", ",").split(",") if w.strip())
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(",", "")) if not isinstance(value, (int, float)) else value
    except ValueError:
        number = None
    if number is None or number != number or number < 0:
        raise ConfigError("review.bad_rule_setting", rule=code, setting=name, value=value,
                          hint="a whole number" if kind == "int" else "a number")
    if kind == "int":
        if float(number) != int(number):
            raise ConfigError("review.bad_rule_setting", rule=code, setting=name, value=value, hint="a whole number")
        return int(number)
    return float(number)
