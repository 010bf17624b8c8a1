"""Order status values: every spelling of every market's export (English, Thai, Vietnamese, Indonesian, Malay,
Spanish, Portuguese, German, French, Italian, Japanese, and the Chinese of the ERP exports) mapped to one canonical
English status, so rules compare one set of words. The words, and where each comes from, are listed in
docs/exports.md#status-words; Order Status and Order Substatus share the table.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from tkops.cells.text import map_text

CANONICAL = (
    "Unpaid", "On Hold", "Awaiting Shipment", "Awaiting Collection", "Partially Shipped", "Shipped",
    "In Transit", "Delivered", "Completed", "Cancelled",
)

#: Open orders: paid, not yet handed to a carrier.
OPEN = frozenset({"On Hold", "Awaiting Shipment", "Partially Shipped"})

#: Language -> canonical status -> the words an export (or an ERP) writes for it. A word belongs to one status only.
SPELLINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "Unpaid": ("unpaid", "awaiting payment"),
        "On Hold": ("on hold", "on_hold"),
        "Awaiting Shipment": ("awaiting shipment", "awaiting_shipment", "to ship", "to ship - awaiting shipment",
                              "ready to ship"),
        "Awaiting Collection": ("awaiting collection", "awaiting_collection", "to ship - awaiting collection"),
        "Partially Shipped": ("partially shipped", "partially shipping", "partially_shipping"),
        "Shipped": ("shipped",),
        "In Transit": ("in transit", "in_transit"),
        "Delivered": ("delivered",),
        "Completed": ("completed",),
        "Cancelled": ("cancelled", "canceled", "cancel"),
    },
    "th": {
        "Unpaid": ("ยังไม่ชำระเงิน", "ยังไม่ได้ชำระเงิน", "รอการชำระเงิน"),
        "On Hold": ("ระงับไว้ชั่วคราว",),
        "Awaiting Shipment": ("ที่ต้องจัดส่ง", "รอจัดส่ง", "รอการจัดส่ง"),
        "Awaiting Collection": ("รอการรับพัสดุ", "รอรับพัสดุ", "รอเข้ารับพัสดุ"),
        "Partially Shipped": ("จัดส่งบางส่วน",),
        "Shipped": ("จัดส่งแล้ว",),
        "In Transit": ("กำลังจัดส่ง", "อยู่ระหว่างงานขนส่ง", "อยู่ระหว่างการขนส่ง", "อยู่ระหว่างจัดส่ง"),
        "Delivered": ("จัดส่งสำเร็จ", "ส่งถึงแล้ว", "จัดส่งถึงแล้ว"),
        "Completed": ("เสร็จสมบูรณ์", "สำเร็จแล้ว"),
        "Cancelled": ("ยกเลิกแล้ว", "ยกเลิก", "ยกเลิกคำสั่งซื้อ"),
    },
    "vi": {
        "Unpaid": ("chờ thanh toán", "chưa thanh toán"),
        "On Hold": ("tạm giữ",),
        "Awaiting Shipment": ("chờ xác nhận", "chờ đóng gói", "chờ giao hàng", "chờ gửi hàng", "cần gửi"),
        "Awaiting Collection": ("chờ lấy hàng",),
        "Partially Shipped": ("đã gửi một phần",),
        "Shipped": ("đã vận chuyển", "đã gửi hàng", "đã gửi"),
        "In Transit": ("đang giao", "đang vận chuyển", "đang giao hàng", "đang trung chuyển"),
        "Delivered": ("đã giao", "đã giao hàng", "giao thành công", "đã nhận hàng"),
        "Completed": ("hoàn thành", "đã hoàn thành"),
        "Cancelled": ("đã hủy", "hủy", "đã huỷ"),
    },
    "id": {
        "Unpaid": ("belum dibayar", "menunggu pembayaran"),
        "On Hold": ("ditahan",),
        "Awaiting Shipment": ("perlu dikirim", "menunggu pengiriman", "siap dikirim"),
        "Awaiting Collection": ("menunggu diambil", "menunggu penjemputan", "menunggu pickup"),
        "Partially Shipped": ("dikirim sebagian",),
        "Shipped": ("dikirim", "sudah dikirim", "telah dikirim"),
        "In Transit": ("dalam pengiriman", "sedang transit", "dalam perjalanan", "sedang dikirim"),
        "Delivered": ("terkirim", "sudah diterima", "telah diterima", "diterima"),
        "Completed": ("selesai", "pesanan selesai"),
        "Cancelled": ("dibatalkan", "pesanan dibatalkan"),
    },
    "ms": {
        "Unpaid": ("belum bayar", "belum dibayar", "tidak dibayar"),
        "On Hold": ("ditangguhkan",),
        "Awaiting Shipment": ("untuk dihantar", "perlu dihantar", "menunggu penghantaran", "sedia untuk dihantar"),
        "Awaiting Collection": ("menunggu pengambilan", "menunggu kutipan", "menunggu dikutip"),
        "Partially Shipped": ("dihantar sebahagian",),
        "Shipped": ("dihantar", "telah dihantar"),
        "In Transit": ("dalam transit", "dalam penghantaran", "sedang dihantar"),
        "Delivered": ("telah diterima", "sudah diterima", "berjaya dihantar"),
        "Completed": ("selesai", "lengkap"),
        "Cancelled": ("dibatalkan",),
    },
    "es": {
        "Unpaid": ("no pagado", "sin pagar", "pendiente de pago"),
        "On Hold": ("en espera", "retenido"),
        "Awaiting Shipment": ("pendiente de envío", "por enviar", "esperando envío", "a la espera de envío",
                              "listo para enviar"),
        "Awaiting Collection": ("esperando recogida", "pendiente de recogida", "a la espera de recogida",
                                "esperando recolección", "pendiente de recolección"),
        "Partially Shipped": ("enviado parcialmente", "parcialmente enviado"),
        "Shipped": ("enviado",),
        "In Transit": ("en tránsito", "en camino"),
        "Delivered": ("entregado",),
        "Completed": ("completado", "finalizado"),
        "Cancelled": ("cancelado", "anulado"),
    },
    "pt": {
        "Unpaid": ("não pago", "aguardando pagamento", "pagamento pendente"),
        "On Hold": ("em espera", "retido"),
        "Awaiting Shipment": ("aguardando envio", "a enviar", "para enviar", "pronto para envio"),
        "Awaiting Collection": ("aguardando coleta", "aguardando retirada"),
        "Partially Shipped": ("parcialmente enviado", "enviado parcialmente"),
        "Shipped": ("enviado",),
        "In Transit": ("em trânsito", "a caminho"),
        "Delivered": ("entregue",),
        "Completed": ("concluído", "finalizado"),
        "Cancelled": ("cancelado",),
    },
    "de": {
        "Unpaid": ("unbezahlt", "nicht bezahlt", "zahlung ausstehend"),
        "On Hold": ("zurückgehalten", "angehalten"),
        "Awaiting Shipment": ("versand ausstehend", "warten auf versand", "wartet auf versand", "zu versenden",
                              "versandbereit"),
        "Awaiting Collection": ("abholung ausstehend", "warten auf abholung", "wartet auf abholung"),
        "Partially Shipped": ("teilweise versandt", "teilweise versendet"),
        "Shipped": ("versandt", "versendet", "verschickt"),
        "In Transit": ("unterwegs", "in zustellung", "im transit"),
        "Delivered": ("zugestellt", "geliefert"),
        "Completed": ("abgeschlossen", "erledigt"),
        "Cancelled": ("storniert", "abgebrochen"),
    },
    "fr": {
        "Unpaid": ("non payé", "impayé", "en attente de paiement"),
        "On Hold": ("en attente", "suspendu"),
        "Awaiting Shipment": ("en attente d'expédition", "à expédier", "prêt à expédier"),
        "Awaiting Collection": ("en attente d'enlèvement", "en attente de collecte", "en attente de ramassage"),
        "Partially Shipped": ("partiellement expédié", "expédié partiellement"),
        "Shipped": ("expédié", "envoyé"),
        "In Transit": ("en transit", "en cours de livraison", "en cours d'acheminement"),
        "Delivered": ("livré",),
        "Completed": ("terminé", "finalisé"),
        "Cancelled": ("annulé",),
    },
    "it": {
        "Unpaid": ("non pagato", "in attesa di pagamento"),
        "On Hold": ("in sospeso",),
        "Awaiting Shipment": ("in attesa di spedizione", "da spedire", "pronto per la spedizione"),
        "Awaiting Collection": ("in attesa di ritiro", "in attesa di raccolta"),
        "Partially Shipped": ("parzialmente spedito", "spedito parzialmente"),
        "Shipped": ("spedito",),
        "In Transit": ("in transito", "in consegna"),
        "Delivered": ("consegnato",),
        "Completed": ("completato",),
        "Cancelled": ("annullato",),
    },
    "ja": {
        "Unpaid": ("未払い", "未入金", "支払い待ち"),
        "On Hold": ("保留中", "保留"),
        "Awaiting Shipment": ("発送待ち", "出荷待ち", "発送準備中"),
        "Awaiting Collection": ("集荷待ち",),
        "Partially Shipped": ("一部発送済み", "一部発送"),
        "Shipped": ("発送済み", "出荷済み"),
        "In Transit": ("配送中", "輸送中"),
        "Delivered": ("配達済み", "配達完了"),
        "Completed": ("完了", "取引完了"),
        "Cancelled": ("キャンセル済み", "キャンセル"),
    },
    "zh": {
        "Unpaid": ("未付款", "待付款", "未支付"),
        "Awaiting Shipment": ("待发货", "待处理", "配货中"),
        "Awaiting Collection": ("待揽收",),
        "Partially Shipped": ("部分发货",),
        "Shipped": ("已发货",),
        "In Transit": ("运输中",),
        "Delivered": ("已签收", "已送达"),
        "Completed": ("已完成",),
        "Cancelled": ("已取消", "已作废", "作废"),
    },
}


def fold(text: str) -> str:
    """A status word folded for lookup: Unicode NFC, case, runs of spaces and typographic apostrophes ignored."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(text.split()).casefold()


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for by_status in SPELLINGS.values():
        for canon, words in by_status.items():
            for word in words:
                key = fold(word)
                if table.setdefault(key, canon) != canon:  # a word two statuses claim would be a silent guess
                    raise ValueError(f"status word {word!r} is listed for {table[key]} and {canon}")
    table.update({fold(c): c for c in CANONICAL})
    return table


STATUS_MAP: dict[str, str] = _table()


def canonical_status(value: str) -> str | None:
    """The canonical status of one export word; None when tkops does not know the word."""
    return STATUS_MAP.get(fold(value)) if isinstance(value, str) else None


def canonical_statuses(col: pd.Series) -> pd.Series:
    """Each status in canonical English; a value tkops does not know is kept as written."""
    def one(v):
        if not isinstance(v, str):
            return v
        return STATUS_MAP.get(fold(v), v)

    out = map_text(col, one)
    return out.where(out.notna(), np.nan)  # a blank of any kind (None, NA, NaN) as NaN, as a status compares
