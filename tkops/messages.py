"""The message catalogue: every sentence tkops shows a person, in English and Chinese.

Messages are looked up by a stable code and filled with named parameters. Errors name the file, the row and the
column where they apply, and say what to do.
"""

from __future__ import annotations

import functools

from tkops.message_lookup import (  # noqa: F401 - the one lookup, used through this module too
    LANGUAGES,
    STRICT_ENV,
    MessageProblem,
    fill,
    placeholders,
    sentence,
    strict,
)

CATALOGUE: dict[str, dict[str, str]] = {
    # --- reading input files -------------------------------------------------------------------------------------
    "unknown_format": {
        "en": "{file}: no known format matches this file (sources tried: {sources}). Headers found: {headers}. "
              "Export the orders again from Seller Center (Orders > Export), or add a column mapping for this "
              "file in the Mappings sheet.",
        "zh": "{file}：没有任何已知格式能识别此文件（已尝试：{sources}）。文件表头：{headers}。请从 Seller Center"
              "（订单 > 导出）重新导出订单，或在 Mappings 工作表中为此文件添加列映射。",
    },
    "ambiguous_format": {
        "en": "{file}: several formats match this file ({sources}); tkops will not guess. Name one with "
              "--source NAME, or make the column mappings more specific.",
        "zh": "{file}：有多个格式都能识别此文件（{sources}），tkops 不会猜测。请用 --source 指定一个，或让列映射更具体。",
    },
    "mangled_ids": {
        "en": "{file}, row {row}, column \"{column}\": the ID \"{value}\" was damaged by Excel (shown in scientific "
              "notation or as a number, its last digits are lost). Do not open and save the export in Excel: "
              "download it again from Seller Center and give tkops the downloaded file as it is (or, in Excel, "
              "import it with Data > From Text/CSV and set the ID columns to Text).",
        "zh": "{file}，第 {row} 行，“{column}”列：ID “{value}” 已被 Excel 损坏（显示为科学计数法或数字，末几位已丢失）。"
              "请不要用 Excel 打开并保存导出文件：从 Seller Center 重新下载，直接交给 tkops（或在 Excel 中用“数据 > 从文本/CSV”导入，并把 ID 列设为文本）。",
    },
    "sheet_mangled_id": {
        "en": "Sheet \"{sheet}\", row {row}, column \"{column}\": the ID \"{value}\" is a number Excel has rounded "
              "(its last digits are lost). Format the column as Text and type the ID again (or start it with an "
              "apostrophe: '577...), or import the order export again.",
        "zh": "“{sheet}”工作表第 {row} 行“{column}”列：ID “{value}” 是被 Excel 四舍五入的数字（末几位已丢失）。请把该列设为"
              "文本格式后重新输入 ID（或以英文单引号开头：'577...），或重新导入订单导出文件。",
    },
    "missing_column": {
        "en": "{file}: the required column \"{column}\" is missing. Headers found: {headers}. Export with all "
              "columns, or map a column to \"{column}\" in the Mappings sheet.",
        "zh": "{file}：缺少必需的列“{column}”。文件表头：{headers}。请导出全部列，或在 Mappings 工作表中把某一列映射为“{column}”。",
    },
    "encoding": {
        "en": "{file}: the file is not UTF-8 text (first bad byte at position {position}). If you know its "
              "encoding, set Encoding in the Settings sheet or pass --encoding (e.g. gb18030, cp1252), or save it "
              "again as CSV UTF-8.",
        "zh": "{file}：文件不是 UTF-8 文本（第一个无法识别的字节位于 {position}）。如果知道其编码，请在 Settings 工作表"
              "中设置 Encoding 或使用 --encoding（例如 gb18030、cp1252），或重新另存为 CSV UTF-8。",
    },
    "encoding_setting": {
        "en": "{file}: the file cannot be read as {encoding} (the Encoding setting) at byte {position}. Check the "
              "Encoding setting.",
        "zh": "{file}：无法按 {encoding}（Encoding 设置）读取该文件，出错字节位于 {position}。请检查 Encoding 设置。",
    },
    "ambiguous_dates": {
        "en": "{file}, column \"{column}\": dates such as \"{value}\" could be day/month or month/day. Set Market in "
              "the Settings sheet (or pass --market, e.g. US or TH) so tkops knows the order.",
        "zh": "{file}，“{column}”列：像“{value}”这样的日期既可能是日/月也可能是月/日。请在 Settings 工作表中设置 Market"
              "（或使用 --market，例如 US 或 TH），以确定日期顺序。",
    },
    "bad_date": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not a date tkops can read (expected e.g. "
              "{examples}). Export again, or set the date format of this file's mapping.",
        "zh": "{file}，第 {row} 行，“{column}”列：无法识别日期“{value}”（应为例如 {examples}）。请重新导出，或设置该映射的日期格式。",
    },
    "bad_value": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not {expected}. Correct the cell or export "
              "again.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”不是{expected}。请更正该单元格或重新导出。",
    },
    "expected_int": {"en": "a whole number", "zh": "整数"},
    "expected_number": {"en": "a number", "zh": "数字"},
    "too_many_rows": {
        "en": "{file}: {rows} {rows|order line|order lines} do not fit on one Excel sheet (1,048,575 at most). "
              "Import fewer files at once or use month-end on files.",
        "zh": "{file}：{rows} 行订单超出 Excel 单个工作表的上限（最多 1,048,575 行）。请分批导入。",
    },
    "file_not_found": {
        "en": "{file}: no such file. Check the path.",
        "zh": "{file}：文件不存在，请检查路径。",
    },
    "not_a_spreadsheet": {
        "en": "{file}: cannot be opened as {kind} ({detail}). Give tkops the file as downloaded (CSV or XLSX).",
        "zh": "{file}：无法作为 {kind} 打开（{detail}）。请提供原始下载的文件（CSV 或 XLSX）。",
    },
    "workbook_as_csv": {
        "en": "{file} is an Excel workbook with the ending \"{suffix}\": rename it to end in .xlsx and try again.",
        "zh": "{file} 是 Excel 工作簿，但扩展名是“{suffix}”：请把扩展名改为 .xlsx 后重试。",
    },
    "unknown_source": {
        "en": "Unknown source \"{name}\". Known sources: {sources}.",
        "zh": "未知的来源“{name}”。已知来源：{sources}。",
    },
    "bad_mapping": {
        "en": "Mapping \"{mapping}\" ({where}): {problem}",
        "zh": "映射“{mapping}”（{where}）：{problem}",
    },
    "bad_setting": {
        "en": "Setting \"{name}\" = \"{value}\" is not valid: {hint}",
        "zh": "设置“{name}” = “{value}”无效：{hint}",
    },
    "text_truncated": {
        "en": "{file}, row {row}, column \"{column}\": text longer than Excel's 32,767 characters was cut.",
        "zh": "{file}，第 {row} 行，“{column}”列：文本超过 Excel 的 32,767 字符上限，已截断。",
    },
    "inconsistent_order_value": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" differs from the order's first line "
              "(\"{first}\"); the first line's value is kept.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”与该订单首行（“{first}”）不一致，已保留首行的值。",
    },
}


def render(code: str, lang: str = "en", **params) -> str:
    """The message ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``.

    Parameters that are message codes themselves (e.g. ``expected="expected_int"``) are translated too.
    """
    entry = CATALOGUE.get(code) or _section_entry(code)
    template = sentence(entry, code, lang)
    if template is None:
        return f"{code}: {params}"
    filled = {}
    for key, value in params.items():
        if isinstance(value, str) and key in _TRANSLATED and (value in CATALOGUE or _section_entry(value)):
            value = render(value, lang)
        filled[key] = value
    return fill(template, filled, code)


#: Parameters whose value may be a message code, rendered in the same language.
_TRANSLATED = ("expected", "hint", "problem", "detail", "what", "advice", "rule", "fix")


#: Catalogues kept beside the code they speak for (review rules, tracking checks, clocks): one lookup for all.
_SECTION_CATALOGUES = ("tkops.messages_book", "tkops.messages_reports", "tkops.sources.catalogue",
                       "tkops.review.catalogue", "tkops.stock.catalogue", "tkops.shipping.catalogue",
                       "tkops.clocks.catalogue", "tkops.picking.catalogue", "tkops.slips.catalogue",
                       "tkops.sources.returns_catalogue", "tkops.aftersales.catalogue",
                       "tkops.aftersales.evidence_catalogue", "tkops.aftersales.month_end_catalogue",
                       "tkops.api.catalogue", "tkops.history.catalogue", "tkops.pack.catalogue",
                       "tkops.picking.labels_catalogue", "tkops.api.stock_catalogue",
                       "tkops.stock.reorder_catalogue")


@functools.lru_cache(maxsize=None)  # the catalogues are constants; the pack station renders on every scan
def _section_entry(code: str):
    """An entry of a section catalogue (imported when first needed, to keep this module free of cycles)."""
    import importlib

    for module in _SECTION_CATALOGUES:
        entry = importlib.import_module(module).CATALOGUE.get(code)
        if entry is not None:
            return entry
    return None
