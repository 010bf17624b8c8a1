"""Order status values: every spelling seen in exports (English, Thai, Vietnamese, Indonesian, ERP Chinese)
mapped to one canonical English status, so rules compare one set of words.
"""

from __future__ import annotations

import unicodedata

import pandas as pd

CANONICAL = (
    "Unpaid", "On Hold", "Awaiting Shipment", "Awaiting Collection", "Partially Shipped", "Shipped",
    "In Transit", "Delivered", "Completed", "Cancelled",
)

#: Open orders: paid, not yet handed to a carrier.
OPEN = frozenset({"On Hold", "Awaiting Shipment", "Partially Shipped"})

_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Unpaid": ("unpaid", "belum dibayar", "ยังไม่ชำระเงิน", "chờ thanh toán", "chưa thanh toán", "未付款", "待付款"),
    "On Hold": ("on hold", "on_hold", "ditahan", "tạm giữ"),
    "Awaiting Shipment": (
        "awaiting shipment", "awaiting_shipment", "to ship", "to ship - awaiting shipment", "perlu dikirim",
        "menunggu pengiriman", "ที่ต้องจัดส่ง", "รอจัดส่ง", "chờ xác nhận", "chờ đóng gói", "待发货", "待处理", "配货中",
    ),
    "Awaiting Collection": (
        "awaiting collection", "awaiting_collection", "to ship - awaiting collection", "menunggu diambil",
        "รอการรับพัสดุ", "chờ lấy hàng", "待揽收",
    ),
    "Partially Shipped": ("partially shipped", "partially shipping", "partially_shipping", "部分发货"),
    "Shipped": ("shipped", "dikirim", "sudah dikirim", "จัดส่งแล้ว", "đã vận chuyển", "đã gửi hàng", "已发货"),
    "In Transit": ("in transit", "in_transit", "dalam pengiriman", "กำลังจัดส่ง", "đang giao", "đang vận chuyển",
                   "运输中"),
    "Delivered": ("delivered", "terkirim", "sudah diterima", "จัดส่งสำเร็จ", "đã giao", "已签收", "已送达"),
    "Completed": ("completed", "selesai", "เสร็จสมบูรณ์", "hoàn thành", "已完成"),
    "Cancelled": ("cancelled", "canceled", "cancel", "dibatalkan", "ยกเลิกแล้ว", "ยกเลิก", "đã hủy", "已取消",
                  "已作废", "作废"),
}


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


STATUS_MAP: dict[str, str] = {_fold(s): canon for canon, spellings in _SPELLINGS.items() for s in spellings}
STATUS_MAP.update({_fold(c): c for c in CANONICAL})


def canonical_statuses(col: pd.Series) -> pd.Series:
    """Each status in canonical English; a value tkops does not know is kept as written."""
    def one(v):
        if not isinstance(v, str):
            return v
        return STATUS_MAP.get(_fold(v), v)

    uniques = {v: one(v) for v in col.dropna().unique()}
    return col.map(uniques, na_action="ignore").astype(object)
