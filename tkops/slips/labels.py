"""The words printed on a packing slip, in every buyer language, and money written the buyer's way.

The buyer reads the slip, so its labels follow the buyer's language (the same choice as the review's buyer
messages, plus Chinese). The packing checklist is read by the team, so its labels follow Settings' Language
(en or zh). A template can use any key of :data:`SLIP_KEYS` as ``slip.labels.<key>``.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

from tkops.review.buyer import TEMPLATE_LANGUAGES

#: Languages a slip can be printed in: the buyer-message languages, plus Chinese.
SLIP_LANGUAGES: tuple[str, ...] = (*TEMPLATE_LANGUAGES, "zh")

SLIP_KEYS = ("title", "order", "package", "date", "ship_to", "return_to", "items", "sku", "product", "variation",
             "qty", "price", "total", "gift", "message", "agreed", "ordered", "sending", "colour", "size", "thanks",
             "continued", "together", "combined")

_ROWS = {  # key: en, es, de, fr, it, pt, id, ms, th, vi, ja, zh (the order of SLIP_LANGUAGES)
    "title": ("Packing slip", "Lista de empaque", "Lieferschein", "Bon de livraison", "Distinta di spedizione",
              "Lista de embalagem", "Daftar isi paket", "Slip pembungkusan", "ใบรายการสินค้า", "Phiếu đóng gói",
              "納品書", "装箱单"),
    "order": ("Order", "Pedido", "Bestellung", "Commande", "Ordine", "Pedido", "Pesanan", "Pesanan",
              "คำสั่งซื้อ", "Đơn hàng", "注文番号", "订单号"),
    "package": ("Package", "Paquete", "Paket", "Colis", "Pacco", "Pacote", "Paket", "Bungkusan", "พัสดุ",
                "Kiện hàng", "荷物番号", "包裹号"),
    "date": ("Order date", "Fecha del pedido", "Bestelldatum", "Date de commande", "Data dell'ordine",
             "Data do pedido", "Tanggal pesanan", "Tarikh pesanan", "วันที่สั่งซื้อ", "Ngày đặt hàng", "注文日",
             "下单日期"),
    "ship_to": ("Ship to", "Enviar a", "Lieferadresse", "Livrer à", "Spedire a", "Enviar para", "Kirim ke",
                "Hantar kepada", "จัดส่งถึง", "Giao đến", "お届け先", "收货人"),
    "return_to": ("Return address", "Dirección de devolución", "Rücksendeadresse", "Adresse de retour",
                  "Indirizzo di reso", "Endereço de devolução", "Alamat retur", "Alamat pemulangan",
                  "ที่อยู่สำหรับคืนสินค้า", "Địa chỉ trả hàng", "返品先", "退货地址"),
    "items": ("Items", "Artículos", "Artikel", "Articles", "Articoli", "Itens", "Barang", "Item", "รายการสินค้า",
              "Hàng hóa", "商品一覧", "商品清单"),
    "sku": ("SKU", "SKU", "Art.-Nr.", "Réf.", "SKU", "SKU", "SKU", "SKU", "SKU", "SKU", "SKU", "SKU"),
    "product": ("Product", "Producto", "Produkt", "Produit", "Prodotto", "Produto", "Produk", "Produk", "สินค้า",
                "Sản phẩm", "商品名", "商品名称"),
    "variation": ("Variation", "Variante", "Variante", "Variante", "Variante", "Variação", "Variasi", "Variasi",
                  "ตัวเลือก", "Phân loại", "バリエーション", "规格"),
    "qty": ("Qty", "Cant.", "Menge", "Qté", "Qtà", "Qtd.", "Jml", "Kuantiti", "จำนวน", "SL", "数量", "数量"),
    "price": ("Price", "Precio", "Preis", "Prix", "Prezzo", "Preço", "Harga", "Harga", "ราคา", "Giá", "金額", "金额"),
    "total": ("Total", "Total", "Summe", "Total", "Totale", "Total", "Total", "Jumlah", "ยอดรวม", "Tổng cộng", "合計",
              "合计"),
    "gift": ("This is a gift: prices are not shown.", "Es un regalo: no se muestran los precios.",
             "Dies ist ein Geschenk: Preise werden nicht angezeigt.",
             "Ceci est un cadeau : les prix ne sont pas indiqués.", "È un regalo: i prezzi non sono indicati.",
             "É um presente: os preços não são exibidos.", "Ini hadiah: harga tidak ditampilkan.",
             "Ini hadiah: harga tidak ditunjukkan.", "นี่คือของขวัญ จึงไม่แสดงราคา",
             "Đây là quà tặng: không hiển thị giá.", "ギフトのため、価格は記載しておりません。", "这是一份礼物，不显示价格。"),
    "message": ("Your message", "Tu mensaje", "Deine Nachricht", "Votre message", "Il tuo messaggio",
                "Sua mensagem", "Pesan Anda", "Mesej anda", "ข้อความของคุณ", "Lời nhắn của bạn",
                "お客様からのメッセージ", "您的留言"),
    "agreed": ("Change agreed with you", "Cambio acordado contigo", "Mit dir vereinbarte Änderung",
               "Modification convenue avec vous", "Modifica concordata con te", "Alteração combinada com você",
               "Perubahan yang disepakati dengan Anda", "Perubahan yang dipersetujui dengan anda",
               "การเปลี่ยนแปลงที่ตกลงกับคุณ", "Thay đổi đã thống nhất với bạn", "ご相談のうえ変更した内容",
               "与您商定的更改"),
    "ordered": ("Ordered", "Pediste", "Bestellt", "Commandé", "Ordinato", "Pedido", "Dipesan", "Dipesan",
                "ที่สั่ง", "Đã đặt", "ご注文", "原订"),
    "sending": ("We are sending", "Te enviamos", "Wir senden", "Nous envoyons", "Ti inviamo", "Enviamos",
                "Kami kirim", "Kami hantar", "ที่เราจัดส่ง", "Chúng tôi gửi", "お届けする商品", "实发"),
    "colour": ("Colour", "Color", "Farbe", "Couleur", "Colore", "Cor", "Warna", "Warna", "สี", "Màu", "カラー",
               "颜色"),
    "size": ("Size", "Talla", "Größe", "Taille", "Taglia", "Tamanho", "Ukuran", "Saiz", "ไซซ์", "Kích cỡ", "サイズ",
             "尺码"),
    "thanks": ("Thank you for your order!", "¡Gracias por tu pedido!", "Vielen Dank für deine Bestellung!",
               "Merci pour votre commande !", "Grazie per il tuo ordine!", "Obrigado pelo seu pedido!",
               "Terima kasih atas pesanan Anda!", "Terima kasih atas pesanan anda!", "ขอบคุณสำหรับคำสั่งซื้อ",
               "Cảm ơn bạn đã đặt hàng!", "ご注文ありがとうございました。", "感谢您的订购！"),
    "together": ("Shipped together with your order", "Enviado junto con tu pedido", "Zusammen verschickt mit deiner "
                 "Bestellung", "Expédié avec votre commande", "Spedito insieme al tuo ordine",
                 "Enviado junto com o seu pedido", "Dikirim bersama pesanan Anda", "Dihantar bersama pesanan anda",
                 "จัดส่งพร้อมกับคำสั่งซื้อของคุณ", "Giao cùng đơn hàng của bạn", "同梱のご注文", "与您的以下订单一起发货"),
    "combined": ("Your orders in this parcel", "Tus pedidos en este paquete", "Deine Bestellungen in diesem Paket",
                 "Vos commandes dans ce colis", "I tuoi ordini in questo pacco", "Seus pedidos neste pacote",
                 "Pesanan Anda dalam paket ini", "Pesanan anda dalam bungkusan ini", "คำสั่งซื้อของคุณในพัสดุนี้",
                 "Các đơn hàng của bạn trong kiện này", "この荷物に含まれるご注文", "本包裹内的订单"),
    "continued": ("continued", "continuación", "Fortsetzung", "suite", "segue", "continuação", "lanjutan",
                  "sambungan", "ต่อ", "tiếp theo", "続き", "续"),
}

#: Language -> label key -> text.
SLIP_LABELS: dict[str, dict[str, str]] = {
    lang: {key: row[i] for key, row in _ROWS.items()} for i, lang in enumerate(SLIP_LANGUAGES)
}

#: The packing checklist's labels, in the team's language (Settings: Language).
CHECKLIST_LABELS: dict[str, dict[str, str]] = {
    "en": {"title": "Packing checklist", "order": "Order", "package": "Package", "ship_to": "Ship to",
           "put_in": "Put in", "sku": "SKU", "product": "Product", "variation": "Variation", "qty": "Qty",
           "request": "The buyer asked", "agreed": "Agreed change: send", "instead_of": "instead of",
           "gift": "Gift: no prices, no invoice in the box", "qc": "QC", "packed_by": "Packed by",
           "packed_at": "Time", "buyer_language": "Slip language", "none": "nothing",
           "for_packer": "For the packer", "together": "Same parcel as order", "together_next": "pack with the "
           "slip next to this one", "combined": "One parcel, one slip for orders", "team_note": "Team note"},
    "zh": {"title": "打包核对单", "order": "订单号", "package": "包裹号", "ship_to": "收货人", "put_in": "装入",
           "sku": "SKU", "product": "商品", "variation": "规格", "qty": "数量", "request": "买家留言",
           "agreed": "已同意的更改：发", "instead_of": "代替", "gift": "礼物：箱内不放价格和发票", "qc": "质检",
           "packed_by": "打包人", "packed_at": "时间", "buyer_language": "装箱单语言", "none": "无",
           "for_packer": "打包注意", "together": "与以下订单同一包裹", "together_next": "与相邻的装箱单一起打包",
           "combined": "一个包裹、一张装箱单，包含订单", "team_note": "团队备注"},
}

_NO_DECIMALS = {"JPY", "KRW", "VND", "IDR", "CLP", "HUF", "TWD"}
_SEPARATORS = {  # language -> (thousands, decimal)
    "de": (".", ","), "es": (".", ","), "it": (".", ","), "pt": (".", ","), "id": (".", ","), "vi": (".", ","),
    "fr": ("\u202f", ","),
}


class Labels(SimpleNamespace):
    """Label texts by key, read as attributes (``labels.ship_to``) or items (``labels["colour"]``). Not a dict,
    so a key such as "items" never meets a dict method in a template."""

    def __getitem__(self, key: str) -> str:
        return getattr(self, key)


_CACHE: dict[tuple[str, bool], Labels] = {}


def slip_labels(lang: str, country: str = "") -> Labels:
    """The slip labels for ``lang`` (English when unknown); US English writes "Color"."""
    us = lang == "en" and country == "US"
    key = (lang if lang in SLIP_LABELS else "en", us)
    if key not in _CACHE:
        texts = dict(SLIP_LABELS[key[0]])
        if us:
            texts["colour"] = "Color"
        _CACHE[key] = Labels(**texts)
    return _CACHE[key]


def money(value: float | None, currency: str, lang: str) -> str:
    """``value`` as the buyer writes amounts ("1.234,56 EUR" in German, "1,234.56 USD" in English); "" when
    there is no amount."""
    if value is None or not math.isfinite(value):
        return ""
    decimals = 0 if currency.upper() in _NO_DECIMALS else 2
    text = f"{abs(value):,.{decimals}f}"
    thousands, point = _SEPARATORS.get(lang, (",", "."))
    if (thousands, point) != (",", "."):
        text = text.replace(",", "\0").replace(".", point).replace("\0", thousands)
    sign = "-" if value < 0 else ""
    return f"{sign}{text} {currency}".strip()
