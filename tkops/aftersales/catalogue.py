"""After-sales sentences for the team, in English and Chinese, in the format of :data:`tkops.messages.CATALOGUE`
(code -> {"en": ..., "zh": ...} with named placeholders), ready to be merged into it; and the sheet-reading helpers
that raise them (a header row, then rows; columns found by name).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from tkops.errors import ConfigError

CATALOGUE: dict[str, dict[str, str]] = {
    # --- Reasons and CaseKeywords sheets ----------------------------------------------------------------------------
    "aftersales.sheet_column": {
        "en": "{sheet} sheet: there is no \"{column}\" column (headers found: {headers}). Add the column to the "
              "header row, or delete the sheet and let tkops create it again.",
        "zh": "{sheet} 工作表：缺少“{column}”列（现有表头：{headers}）。请在表头行添加该列，或删除此工作表让 tkops "
              "重新生成。"},
    "aftersales.sheet_value": {
        "en": "{sheet} sheet, row {row}, column \"{column}\": \"{value}\" is not allowed. Use one of: {allowed}.",
        "zh": "{sheet} 工作表第 {row} 行，“{column}”列：不允许填写“{value}”。可选值：{allowed}。"},
    "aftersales.sheet_blank": {
        "en": "{sheet} sheet, row {row}, column \"{column}\": the cell is empty. Use one of: {allowed}.",
        "zh": "{sheet} 工作表第 {row} 行，“{column}”列：单元格为空。可选值：{allowed}。"},
    "aftersales.reason_blank": {
        "en": "{sheet} sheet, row {row}: both \"Reason Text\" and \"Reason Key\" are empty. Fill in at least one "
              "(the reason as the export or the API shows it), or delete the row.",
        "zh": "{sheet} 工作表第 {row} 行：“Reason Text”和“Reason Key”都为空。请至少填写一项（与导出文件或 API 中的"
              "原因一致），或删除该行。"},
    "aftersales.keyword_blank": {
        "en": "{sheet} sheet, row {row}: \"Keyword\" is empty. Write the word or phrase to look for, or delete the "
              "row.",
        "zh": "{sheet} 工作表第 {row} 行：“Keyword”为空。请填写要查找的词语，或删除该行。"},
}


def explain(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["en"]
    try:
        return template.format(**{k: str(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"


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
