"""DianXiaoMi (店小秘) order export, "按产品导出（每个产品导出一行）" with the standard template (sheet "order_").

Only five of its headers are evidenced publicly (产品规格, 产品ID, 产品总数, 产品名称, 图片网址; docs/input-files.md#rows); the
others follow the same template's naming and are matched by name, so a team whose template differs adds a
column mapping instead. 平台订单号 is the platform (TikTok) order ID; 订单号 is DianXiaoMi's own number.
"""

from __future__ import annotations

from tkops import schema
from tkops.sources.base import HeaderMapSource, folded_map
from tkops.sources.normalize import ReadOptions

HEADERS = {
    "平台订单号": "Order ID",
    "订单状态": "Order Status",
    "产品ID": "Seller SKU",
    "产品规格": "Variation",
    "产品总数": "Quantity",
    "产品名称": "Product Name",
    "单价": "SKU Unit Original Price",
    "订单金额": "Order Amount",
    "币种": "Currency",
    "付款时间": "Paid Time",
    "发货时间": "Shipped Time",
    "买家姓名": "Recipient",
    "买家账号": "Buyer Username",
    "电话": "Phone #",
    "国家": "Country",
    "省/州": "State",
    "城市": "City",
    "邮编": "Zipcode",
    "地址1": "Address Line 1",
    "地址2": "Address Line 2",
    "买家留言": "Buyer Message",
    "运单号": "Tracking ID",
    "物流方式": "Shipping Provider Name",
}

SOURCE = HeaderMapSource(
    name="dianxiaomi",
    title="DianXiaoMi (店小秘) order export",
    header_map=folded_map(HEADERS),
    signature=frozenset(schema.header_key(h) for h in ("产品规格", "产品总数", "产品名称")),
    min_known=4,
    options=ReadOptions(follow_on_rows=True),  # one row per SKU; later rows may leave the order's cells blank
    auto_encodings=("gb18030",),
    preferred_sheets=("order_",),
)
