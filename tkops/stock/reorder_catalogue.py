"""The reorder step's sentences for the team, in English and Chinese (merged into :data:`tkops.messages.CATALOGUE`).

Counted nouns use the plural forms of :func:`tkops.messages.render` (``{n|SKU|SKUs}``)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "task_reorder": {"en": "working out what to reorder", "zh": "计算补货建议"},
    "reorder.bad_number": {
        "en": "{file}, sheet {sheet}, row {row}, column \"{column}\": \"{value}\" is not a whole number from 0 to 999,999,999. "
              "Type a whole number, or leave the cell blank to use {hint}.",
        "zh": "{file}，{sheet} 表，第 {row} 行，“{column}”列：“{value}”不是 0 到 999,999,999 之间的整数。请填写整数，"
              "或留空以使用 {hint}。"},
    "reorder.fallback.supplier": {"en": "the supplier's value (Suppliers sheet), else the Settings sheet's",
                                  "zh": "供应商的值（Suppliers 表），否则使用 Settings 表的值"},
    "reorder.fallback.setting": {"en": "the Settings sheet's value", "zh": "Settings 表的值"},
    "reorder.fallback.zero": {"en": "0", "zh": "0"},
    "reorder.status.reorder": {"en": "Reorder", "zh": "需补货"},
    "reorder.status.ok": {"en": "OK", "zh": "充足"},
    "reorder.status.no_sales": {"en": "No sales", "zh": "无销量"},
    "reorder.summary": {
        "en": "Reorder: {n} {n|SKU|SKUs} below the reorder point ({units} {units|unit|units} suggested), {ok} "
              "covered, {idle} without sales in 30 days (as of {now}).",
        "zh": "补货：{n} 个 SKU 低于补货点（建议补货 {units} 件），{ok} 个库存充足，{idle} 个近 30 天无销量（截至 {now}）。"},
    "reorder.none": {"en": "Reorder: the Inventory sheet lists no SKU; nothing to work out.",
                     "zh": "补货：Inventory 表没有 SKU，无需计算。"},
    "reorder.supplier_line": {"en": "  {supplier}: {skus}", "zh": "  {supplier}：{skus}"},
    "reorder.no_supplier": {"en": "(no supplier)", "zh": "（未填供应商）"},
    "reorder.saved": {"en": "Saved {book}: the Reorder sheet lists {n} {n|SKU|SKUs}.",
                      "zh": "已保存 {book}：Reorder 表共 {n} 个 SKU。"},
    "reorder.home": {"en": "To reorder: {n} {n|SKU|SKUs} ({units} {units|unit|units}); see the Reorder sheet.",
                     "zh": "待补货：{n} 个 SKU（共 {units} 件），见 Reorder 表。"},
    "reorder.home_none": {"en": "To reorder: none (as of {now}).", "zh": "待补货：无（截至 {now}）。"},
}
