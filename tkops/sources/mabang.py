"""Mabang (马帮) ERP order export ("按模板导出"), CSV or XLSX with Chinese headers.

Facts (docs/input-files.md#rows): one row per SKU; order-level cells, the Order ID included, may be blank on an
order's follow-on rows (filled from the order's first row by the normaliser); CSV downloads are often GB18030; money
cells may carry a currency code ("USD 12.50"). 交易编号 is the platform (TikTok) order ID; 订单编号 is Mabang's own
number.
"""

from __future__ import annotations

from tkops import schema
from tkops.sources.base import HeaderMapSource, folded_map
from tkops.sources.normalize import ReadOptions

HEADERS = {
    "交易编号": "Order ID",
    "订单状态": "Order Status",
    "平台SKU": "SKU ID",
    "SKU": "Seller SKU",
    "订单商品名称": "Product Name",
    "商品中文名称": "Product Name",
    "商品数量": "Quantity",
    "商品销售单价": "SKU Unit Original Price",
    "商品总金额": "SKU Subtotal After Discount",
    "订单总金额": "Order Amount",
    "付款时间": "Paid Time",
    "发货时间": "Shipped Time",
    "交运时间": "RTS Time",
    "签收时间": "Delivered Time",
    "作废时间": "Cancelled Time",
    "货运单号": "Tracking ID",
    "物流渠道": "Shipping Provider Name",
    "客户账号": "Buyer Username",
    "客户姓名": "Recipient",
    "电话1": "Phone #",
    "国家": "Country",
    "所属地区（省/州）": "State",
    "所属地区(省/州)": "State",
    "所属城市": "City",
    "邮政编码": "Zipcode",
    "邮寄地址1": "Address Line 1",
    "邮寄地址1(按逗号分隔导出2列)": "Address Line 1",
    "邮寄地址2": "Address Line 2",
    "订单备注": "Seller Note",
    "付款方式": "Payment Method",
}

SOURCE = HeaderMapSource(
    name="mabang",
    title="Mabang (马帮) order export",
    header_map=folded_map(HEADERS),
    signature=frozenset(schema.header_key(h) for h in ("订单编号", "交易编号")),
    min_known=3,
    options=ReadOptions(follow_on_rows=True),  # one row per SKU; later rows may leave the order's cells blank
    auto_encodings=("gb18030",),
)
