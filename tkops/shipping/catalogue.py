"""The shipping checks' sentences for the team, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders).

A problem whose params carry a ``variant`` is explained by the key ``code:variant`` when the catalogue has it.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

CATALOGUE: dict[str, dict[str, str]] = {
    "tracking.missing": {
        "en": "no Tracking ID, but the line is ready to ship: enter the tracking number from the label",
        "zh": "没有 Tracking ID（物流单号），但此行已可发货：请填写面单上的物流单号"},
    "tracking.missing:packed": {
        "en": "the line is marked Packed but has no Tracking ID: enter the tracking number from the label",
        "zh": "此行已标记为 Packed（已打包），但没有 Tracking ID：请填写面单上的物流单号"},
    "tracking.missing:collection": {
        "en": "status is Awaiting Collection but there is no Tracking ID: copy it from Seller Center or the label",
        "zh": "状态为 Awaiting Collection（待揽收），但没有 Tracking ID：请从 Seller Center 或面单复制物流单号"},
    "tracking.mangled": {
        "en": "Tracking ID \"{value}\" was turned into a number by Excel and its last digits are lost. Set the "
              "Tracking ID column to Text (Format Cells > Text) and paste the numbers again from the carrier's file",
        "zh": "Tracking ID“{value}”已被 Excel 转成数字，末几位已丢失。请把 Tracking ID 列设为文本（设置单元格格式 > 文本），"
              "再从物流商文件重新粘贴单号"},
    "tracking.mangled:zeros": {
        "en": "Tracking ID \"{value}\" ends in zeros after the 15th digit, as Excel leaves a long number it has "
              "rounded: the real digits are lost. Set the column to Text and paste the numbers again",
        "zh": "Tracking ID“{value}”第 15 位之后全是 0，这是 Excel 把长数字四舍五入后的样子，真实数字已丢失。请把该列设为"
              "文本后重新粘贴单号"},
    "tracking.format": {
        "en": "Tracking ID \"{tracking}\" is not a valid {provider} tracking number (expected e.g. {examples})",
        "zh": "Tracking ID“{tracking}”不是有效的 {provider} 物流单号（应类似 {examples}）"},
    "tracking.format:close": {
        "en": "Tracking ID \"{tracking}\" is not a valid {provider} tracking number; closest formats (example, "
              "length): {close}. A character is probably missing or extra",
        "zh": "Tracking ID“{tracking}”不是有效的 {provider} 物流单号；最接近的格式（示例，长度）：{close}。"
              "可能少了或多了一位"},
    "tracking.format:check_digit": {
        "en": "Tracking ID \"{tracking}\" has the shape of {formats} but its check digit is wrong: a character "
              "was probably mistyped. Copy the number again from the label",
        "zh": "Tracking ID“{tracking}”的格式像 {formats}，但校验位不对：可能有一位输错了。请从面单重新复制单号"},
    "tracking.format:country": {
        "en": "Tracking ID \"{tracking}\" looks like an international postal (S10) number, but \"{country}\" at "
              "its end is not a postal country code",
        "zh": "Tracking ID“{tracking}”像国际邮政（S10）单号，但结尾的“{country}”不是邮政国家代码"},
    "tracking.format:too_long": {
        "en": "Tracking ID \"{tracking}\" is too long to be a tracking number: check what was pasted into the cell",
        "zh": "Tracking ID“{tracking}”太长，不可能是物流单号：请检查粘贴进单元格的内容"},
    "tracking.format:characters": {
        "en": "Tracking ID \"{tracking}\" contains characters no tracking number has ({chars}): keep only the "
              "letters and digits of the number",
        "zh": "Tracking ID“{tracking}”含有物流单号不会有的字符（{chars}）：只保留单号中的字母和数字"},
    "tracking.format:too_short": {
        "en": "Tracking ID \"{tracking}\" has only {length} characters: too short for a tracking number",
        "zh": "Tracking ID“{tracking}”只有 {length} 个字符：太短，不可能是物流单号"},
    "tracking.wrong_carrier": {
        "en": "Tracking ID \"{tracking}\" is a {carriers} number, but Shipping Provider Name is {provider}: "
              "correct the provider (e.g. {suggest}) or the number",
        "zh": "Tracking ID“{tracking}”是 {carriers} 的单号，但 Shipping Provider Name（物流商）填的是 {provider}："
              "请更正物流商（例如 {suggest}）或单号"},
    "tracking.wrong_carrier:no_suggestion": {
        "en": "Tracking ID \"{tracking}\" is a {carriers} number, but Shipping Provider Name is {provider}: "
              "correct the provider or the number",
        "zh": "Tracking ID“{tracking}”是 {carriers} 的单号，但 Shipping Provider Name（物流商）填的是 {provider}："
              "请更正物流商或单号"},
    "tracking.duplicate": {
        "en": "Tracking ID \"{tracking}\" is also used on order(s) {others}: one parcel cannot ship two orders "
              "unless Seller Center combined them. Check which label belongs to which order",
        "zh": "Tracking ID“{tracking}”也用在订单 {others} 上：除非 Seller Center 已合并这些订单，一个包裹不能发两个订单。"
              "请核对面单与订单的对应关系"},
    "tracking.no_provider": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name: Seller Center needs the carrier to accept it",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商）：Seller Center 需要物流商才能接受单号"},
    "tracking.unknown_carrier_format": {
        "en": "Tracking ID \"{tracking}\" could not be checked for {provider}: check it by hand",
        "zh": "无法按 {provider} 的格式检查 Tracking ID“{tracking}”：请人工核对"},
    "tracking.unknown_carrier_format:unknown_provider": {
        "en": "Tracking ID \"{tracking}\" matches no known carrier format, and tkops knows no format for provider "
              "\"{provider}\": check the number by hand, or add the provider to the Carriers sheet",
        "zh": "Tracking ID“{tracking}”不符合任何已知物流商格式，tkops 也不知道物流商“{provider}”的格式："
              "请人工核对，或在 Carriers 工作表中添加该物流商"},
    "tracking.unknown_carrier_format:any": {
        "en": "Tracking ID \"{tracking}\" matches no known carrier format ({provider} can carry several carriers' "
              "numbers): check it by hand",
        "zh": "Tracking ID“{tracking}”不符合任何已知物流商格式（{provider} 可能使用多家物流商的单号）：请人工核对"},
    "tracking.unknown_carrier_format:shape": {
        "en": "Tracking ID \"{tracking}\" does not look like a {provider} number (e.g. {example}); {provider} "
              "publishes no check digit, so only the shape was checked: check it by hand",
        "zh": "Tracking ID“{tracking}”不像 {provider} 的单号（例如 {example}）；{provider} 没有公开校验规则，"
              "只检查了格式：请人工核对"},
    "upload.status": {
        "en": "order status is {status}: only orders awaiting shipment can be given a tracking number",
        "zh": "订单状态为 {status}：只有待发货的订单才能上传物流单号"},
    "upload.status:Cancelled": {
        "en": "the order is cancelled: do not ship it (take the parcel back if it is packed)",
        "zh": "订单已取消：请不要发货（如已打包请取回包裹）"},
    "upload.already_exported": {
        "en": "already in upload file {file} ({when}); not exported again",
        "zh": "已包含在上传文件 {file} 中（{when}）；不会重复导出"},
    "upload.no_tracking": {"en": "no Tracking ID", "zh": "没有 Tracking ID"},
    "ship.done": {
        "en": "{file}: {rows} lines ready to upload in Seller Center (Orders > Ship in bulk); {rejected} lines "
              "held back, listed with the reason.",
        "zh": "{file}：{rows} 行可在 Seller Center 上传（订单 > 批量发货）；{rejected} 行未导出，已列出原因。"},
    "ship.nothing": {
        "en": "No new lines to upload: every line with a valid tracking number was exported before.",
        "zh": "没有需要上传的新行：所有单号有效的行都已导出过。"},
}


def render(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``code`` (or ``code:variant`` when params carry a known ``variant``) in ``lang``, filled in."""
    variant = params.get("variant")
    entry = CATALOGUE.get(f"{code}:{variant}") if variant else None
    entry = entry or CATALOGUE.get(code)
    if entry is None:
        return f"{code}: {params}"
    template = entry.get(lang) or entry["en"]
    try:
        return template.format(**{k: "" if v is None else v for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"


def explain(problems: pd.DataFrame, lang: str = "en") -> pd.Series:
    """The explanation of each row of a problems frame (from :func:`validate_tracking`), in ``lang``."""
    return pd.Series([render(code, lang, **(params if isinstance(params, Mapping) else {}))
                      for code, params in zip(problems["code"], problems["params"])],
                     index=problems.index, dtype=object)
