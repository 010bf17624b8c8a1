"""The Return/Refund export reader's messages, in English and Chinese, in the format of
:data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders).
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "returns.missing_column": {
        "en": "{file}: the required column \"{column}\" is missing, so this is not a Return/Refund export tkops can "
              "read. Headers found: {headers}. In Seller Center open Returns/Refunds (After-sales), export the "
              "list with all columns and give tkops that file as downloaded.",
        "zh": "{file}：缺少必需的列“{column}”，因此不是 tkops 能读取的退货/退款导出文件。文件表头：{headers}。请在 Seller "
              "Center 的“退货/退款”（售后）页面导出全部列，并把下载的原始文件交给 tkops。",
    },
    "returns.orders_file": {
        "en": "{file} is an order export (headers: {headers}), not a Return/Refund export. Import it as orders; for "
              "cases, export the list in Seller Center under Returns/Refunds (After-sales). Cancelled orders become "
              "cases from the Orders data by themselves.",
        "zh": "{file} 是订单导出文件（表头：{headers}），不是退货/退款导出文件。请把它作为订单导入；售后案例请在 Seller "
              "Center 的“退货/退款”（售后）页面导出。已取消的订单会自动从订单数据生成案例。",
    },
}
