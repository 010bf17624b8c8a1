"""The shipping checks' sentences for the team, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders).

A problem whose params carry a ``variant`` is explained by the key ``code:variant`` when the catalogue has it.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from tkops.message_lookup import fill, sentence

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
        "zh": "Tracking ID“{value}”已被 Excel 转成数字，末几位已丢失。请把 Tracking ID 列设为文本（设置单元格格式 > 文本），再从物流商文件重新粘贴单号"},
    "tracking.mangled:zeros": {
        "en": "Tracking ID \"{value}\" ends in zeros after the 15th digit, as Excel leaves a long number it has "
              "rounded: the real digits are lost. Set the column to Text and paste the numbers again",
        "zh": "Tracking ID“{value}”第 15 位之后全是 0，这是 Excel 把长数字四舍五入后的样子，真实数字已丢失。请把该列设为文本后重新粘贴单号"},
    "tracking.format": {
        "en": "Tracking ID \"{tracking}\" is not a valid {provider} tracking number (expected e.g. {examples})",
        "zh": "Tracking ID“{tracking}”不是有效的 {provider} 物流单号（应类似 {examples}）"},
    "tracking.format:close": {
        "en": "Tracking ID \"{tracking}\" is not a valid {provider} tracking number; closest formats (example, "
              "length): {close}. A character is probably missing or extra",
        "zh": "Tracking ID“{tracking}”不是有效的 {provider} 物流单号；最接近的格式（示例，长度）：{close}。可能少了或多了一位"},
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
        "en": "Tracking ID \"{tracking}\" has only {length} {length|character|characters}: too short for a tracking "
              "number",
        "zh": "Tracking ID“{tracking}”只有 {length} 个字符：太短，不可能是物流单号"},
    "tracking.wrong_carrier": {
        "en": "Tracking ID \"{tracking}\" is a {carriers} number, but Shipping Provider Name is {provider}: "
              "correct the provider (e.g. {suggest}) or the number",
        "zh": "Tracking ID“{tracking}”是 {carriers} 的单号，但 Shipping Provider Name（物流商）填的是 {provider}："
              "请更正物流商（例如 {suggest}）或单号"},
    "tracking.wrong_carrier:no_suggestion": {
        "en": "Tracking ID \"{tracking}\" is a {carriers} number, but Shipping Provider Name is {provider}: "
              "correct the provider or the number",
        "zh": "Tracking ID“{tracking}”是 {carriers} 的单号，但 Shipping Provider Name（物流商）填的是 {provider}：请更正物流商或单号"},
    "tracking.duplicate": {
        "en": "Tracking ID \"{tracking}\" is also used on order(s) {others}: one parcel cannot ship two orders "
              "unless Seller Center combined them. Check which label belongs to which order",
        "zh": "Tracking ID“{tracking}”也用在订单 {others} 上：除非 Seller Center 已合并这些订单，一个包裹不能发两个订单。请核对面单与订单的对应关系"},
    "tracking.no_provider": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name: Seller Center needs the carrier to accept it",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商）：Seller Center 需要物流商才能接受单号"},
    "tracking.no_provider:certain": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name; the number is certainly {carriers}: run Ship "
              "to fill in \"{provider}\", or type it",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商）；该单号确定属于 {carriers}："
              "运行 Ship（发货）自动填入“{provider}”，或手动填写"},
    "tracking.no_provider:several": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name, and the number fits several carriers "
              "({carriers}): type the provider from the label",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商），且该单号符合多家物流商的格式"
              "（{carriers}）：请按面单填写物流商"},
    "tracking.no_provider:no_check": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name; the number looks like {carriers}, but that "
              "format has no check digit, so tkops does not guess: type the provider from the label",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商）；单号看起来像 {carriers}，但该格式没有"
              "校验位，tkops 不作猜测：请按面单填写物流商"},
    "tracking.no_provider:unknown": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name, and the number fits no known carrier: type "
              "the provider from the label",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商），且单号不符合任何已知物流商格式："
              "请按面单填写物流商"},
    "tracking.no_provider:no_name": {
        "en": "Tracking ID \"{tracking}\" has no Shipping Provider Name; the number is {carriers}, but no provider on "
              "the Carriers sheet names that carrier for this market: type the provider, or add it to the Carriers "
              "sheet",
        "zh": "Tracking ID“{tracking}”没有填写 Shipping Provider Name（物流商）；单号属于 {carriers}，但 Carriers 表中"
              "没有本市场对应该承运商的物流商：请填写物流商，或在 Carriers 表中添加"},
    "tracking.provider_unsafe": {
        "en": "Shipping Provider Name \"{provider}\" is a formula or markup, not a carrier name: replace it with the "
              "carrier's name as Seller Center lists it (the line is not uploaded)",
        "zh": "Shipping Provider Name（物流商）“{provider}”是公式或标记，不是物流商名称：请改为 Seller Center 列出的"
              "物流商名称（此行不会上传）"},
    "tracking.provider_unknown": {
        "en": "Shipping Provider Name \"{provider}\" is not on the Carriers sheet: use a name from that sheet, or add "
              "the name there exactly as Seller Center lists it for your market",
        "zh": "Shipping Provider Name（物流商）“{provider}”不在 Carriers 表中：请使用该表中的名称，或按 Seller Center "
              "在您市场列出的名称原样添加到该表"},
    "tracking.provider_unknown:suggest": {
        "en": "Shipping Provider Name \"{provider}\" is not on the Carriers sheet; the number fits {suggest}: use "
              "that name, or add \"{provider}\" to the Carriers sheet exactly as Seller Center lists it",
        "zh": "Shipping Provider Name（物流商）“{provider}”不在 Carriers 表中；该单号符合 {suggest}：请使用该名称，"
              "或按 Seller Center 列出的名称原样把“{provider}”添加到 Carriers 表"},
    "tracking.provider_market": {
        "en": "Shipping Provider Name \"{provider}\" is listed on the Carriers sheet for {markets}, not for this "
              "shop's market {market}: use a provider of {market}, or add {market} to its Markets cell if Seller "
              "Center offers it there",
        "zh": "Carriers 表中物流商“{provider}”只适用于 {markets}，不适用于本店市场 {market}：请使用 {market} 的物流商，"
              "或如 Seller Center 在该市场提供它，请在其 Markets 单元格中加入 {market}"},
    "tracking.unknown_carrier_format": {
        "en": "Tracking ID \"{tracking}\" could not be checked for {provider}: check it by hand",
        "zh": "无法按 {provider} 的格式检查 Tracking ID“{tracking}”：请人工核对"},
    "tracking.unknown_carrier_format:any": {
        "en": "Tracking ID \"{tracking}\" matches no known carrier format ({provider} can carry several carriers' "
              "numbers): check it by hand",
        "zh": "Tracking ID“{tracking}”不符合任何已知物流商格式（{provider} 可能使用多家物流商的单号）：请人工核对"},
    "tracking.unknown_carrier_format:shape": {
        "en": "Tracking ID \"{tracking}\" does not look like a {provider} number (e.g. {example}); {provider} "
              "publishes no check digit, so only the shape was checked: check it by hand",
        "zh": "Tracking ID“{tracking}”不像 {provider} 的单号（例如 {example}）；{provider} 没有公开校验规则，只检查了格式：请人工核对"},
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
        "en": "{file}: {rows} {rows|line|lines} ready to upload in Seller Center (Orders > Ship in bulk); "
              "{rejected} {rejected|line|lines} held back, listed with the reason.",
        "zh": "{file}：{rows} 行可在 Seller Center 上传（订单 > 批量发货）；{rejected} 行未导出，已列出原因。"},
    "ship.nothing": {
        "en": "No new lines to upload: every line with a valid tracking number was exported before.",
        "zh": "没有需要上传的新行：所有单号有效的行都已导出过。"},
    # --- tracking numbers from a carrier / 3PL / warehouse file (tkops.sources.tracking_file) ----------------------
    "tracking_file.no_column": {
        "en": "{file}: no {column} column found. Headers found: {headers}. tkops recognises {names}. Rename the "
              "column in the file, or map it: add a row to the Mappings sheet (Mapping: a name of your choice, "
              "Their Column: the file's header, tkops Column: {column}), or pass --mapping FILE.toml whose "
              "[columns] table says \"<the file's header>\" = \"{column}\"",
        "zh": "{file}：找不到 {column} 列。文件表头：{headers}。tkops 能识别的表头：{names}。请在文件中改列名，或建立列映射："
              "在 Mappings 工作表添加一行（Mapping：自定名称，Their Column：文件中的表头，tkops Column：{column}），"
              "或用 --mapping FILE.toml，在其 [columns] 中写 \"<文件中的表头>\" = \"{column}\""},
    "tracking_file.ambiguous": {
        "en": "{file}: several column mappings fit this file and read it differently ({mappings}); tkops will not "
              "guess. Give only one of them, or make their column names more specific",
        "zh": "{file}：有多个列映射都适用于此文件且读法不同（{mappings}），tkops 不会猜测。请只保留其中一个，或让映射的列名更具体"},
    "tracking_file.mangled": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" was turned into a number by Excel and its last "
              "digits are lost. Use the file as the carrier or warehouse sent it (do not open and save it in Excel), "
              "or ask them for it again; in Excel, import it with Data > From Text/CSV and set this column to Text",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”已被 Excel 转成数字，末几位已丢失。请直接使用物流商或仓库发来的"
              "原始文件（不要用 Excel 打开后保存），或请对方重新发送；在 Excel 中请用“数据 > 从文本/CSV”导入，并把此列设为文本"},
    "tracking_file.summary": {
        "en": "{file}: {entries} {entries|tracking number|tracking numbers} read (columns {columns}{mapping}); "
              "{filled} {filled|order line|order lines} filled, "
              "{unchanged} already had the number, {conflicts} {conflicts|conflict|conflicts}, {unknown} "
              "{unknown|order|orders} or lines not on the "
              "Orders sheet, {skipped} {skipped|line|lines} skipped (cancelled or shipped)",
        "zh": "{file}：读取 {entries} 个物流单号（所用列 {columns}{mapping}）；填入 {filled} 行，{unchanged} 行已有相同单号，"
              "{conflicts} 处冲突，{unknown} 个订单或商品行不在 Orders 表中，跳过 {skipped} 行（已取消或已发货）"},
    "tracking_file.two_numbers": {
        "en": "{file}, rows {rows}, column \"{column}\": order {order}{sku} has different tracking numbers "
              "({numbers}); none of them was entered. Keep one row per parcel and order, or give each line its own "
              "row with a SKU ID or Seller SKU column, and run again",
        "zh": "{file}，第 {rows} 行，“{column}”列：订单 {order}{sku} 有多个不同的物流单号（{numbers}）；均未填入。"
              "请每个订单只保留一个单号，或增加 SKU ID / Seller SKU 列，让每个商品行各有一行，然后重新运行"},
    "tracking_file.conflict": {
        "en": "{file}, row {row}, column \"{column}\": order {order}{sku} already has Tracking ID {sheet} on the "
              "Orders sheet ({lines} {lines|line|lines}), the file says {tracking}; not overwritten. If the file is "
              "right, clear the Tracking ID cells of this order on Orders and run again",
        "zh": "{file}，第 {row} 行，“{column}”列：订单 {order}{sku} 在 Orders 表中已有物流单号 {sheet}（{lines} 行），"
              "文件中为 {tracking}；未覆盖。如果文件正确，请清空 Orders 表中该订单的 Tracking ID 后重新运行"},
    "tracking_file.unknown_order": {
        "en": "{file}, row {row}, column \"{column}\": order {order} is not on the Orders sheet; its tracking number "
              "{tracking} was not entered. Import the order first, or check the order number",
        "zh": "{file}，第 {row} 行，“{column}”列：订单 {order} 不在 Orders 表中；其物流单号 {tracking} 未填入。请先导入该订单，或核对订单号"},
    "tracking_file.unknown_order:sku": {
        "en": "{file}, row {row}, column \"{column}\": order {order} has no line with SKU {sku} on the Orders sheet "
              "(its SKUs there: {skus}); tracking number {tracking} was not entered. Map the file's SKU column to "
              "the matching tkops column (SKU ID or Seller SKU), or leave it out so the number goes to the whole order",
        "zh": "{file}，第 {row} 行，“{column}”列：Orders 表中订单 {order} 没有 SKU 为 {sku} 的行（该订单的 SKU：{skus}）；"
              "物流单号 {tracking} 未填入。请把文件的 SKU 列映射到对应的 tkops 列（SKU ID 或 Seller SKU），或不映射该列，让单号用于整个订单"},
    "tracking_file.skipped": {
        "en": "{file}, row {row}: order {order} is {status}; tracking number {tracking} was not entered",
        "zh": "{file}，第 {row} 行：订单 {order} 状态为 {status}；物流单号 {tracking} 未填入"},
    "tracking_file.skipped:Cancelled": {
        "en": "{file}, row {row}: order {order} is cancelled; tracking number {tracking} was not entered. Do not ship "
              "it (take the parcel back if it is packed)",
        "zh": "{file}，第 {row} 行：订单 {order} 已取消；物流单号 {tracking} 未填入。请不要发货（如已打包请取回包裹）"},
    "tracking_file.more": {"en": "  ... and {n} more", "zh": "  ……另有 {n} 条"},
    "ship.inferred": {
        "en": "Shipping Provider Name filled in on {n} {n|line|lines} whose tracking number's carrier is certain:",
        "zh": "已为 {n} 行填入 Shipping Provider Name（物流商），这些行的物流单号可确定承运商：",
    },
}


def render(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``code`` (or ``code:variant`` when params carry a known ``variant``) in ``lang``, filled in."""
    variant = params.get("variant")
    entry = CATALOGUE.get(f"{code}:{variant}") if variant else None
    entry = entry or CATALOGUE.get(code)
    template = sentence(entry, code, lang)
    if template is None:
        return f"{code}: {params}"
    return fill(template, {k: "" if v is None else v for k, v in params.items()}, code)


def explain(problems: pd.DataFrame, lang: str = "en") -> pd.Series:
    """The explanation of each row of a problems frame (from :func:`validate_tracking`), in ``lang``."""
    return pd.Series([render(code, lang, **(params if isinstance(params, Mapping) else {}))
                      for code, params in zip(problems["code"], problems["params"])],
                     index=problems.index, dtype=object)
