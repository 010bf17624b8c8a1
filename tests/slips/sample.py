"""Order lines for slip tests and the slip benchmark: one buyer per slip language, realistic names, addresses and
products in the buyer's script, 1 to 4 lines an order, some buyer messages and gifts."""

from __future__ import annotations

import random

import pandas as pd

#: language -> (country as exports write it, recipient, address line 1, line 2, city, state, zip, currency,
#: product, variation, buyer_language)
BUYERS: dict[str, tuple[str, ...]] = {
    "en": ("United States", "Emily Carter", "2306 E Camelback Rd", "Unit 12", "Phoenix", "Arizona", "85016", "USD",
           "High Waist Squat-Proof Leggings", "Black, S", ""),
    "es": ("Mexico", "María Fernanda López", "Av. Insurgentes Sur 1602", "Col. Crédito Constructor",
           "Benito Juárez", "CDMX", "03940", "MXN", "Sudadera con capucha", "Azul marino, M", ""),
    "de": ("Germany", "Jürgen Müller", "Hauptstraße 5", "", "Berlin", "Berlin", "10115", "EUR",
           "Baumwoll-T-Shirt", "Weiß, L", ""),
    "fr": ("France", "Élodie Dupont", "12 rue de la Paix", "Bâtiment B", "Paris", "Île-de-France", "75002", "EUR",
           "Pull en laine", "Écru, S", ""),
    "it": ("Italy", "Giulia Rossi", "Via Roma 10", "", "Roma", "RM", "00184", "EUR", "Felpa girocollo",
           "Grigio, M", ""),
    "pt": ("Brazil", "João da Silva", "Rua Augusta 1500", "Apto 42", "São Paulo", "SP", "01304-001", "BRL",
           "Camiseta básica", "Preto, G", ""),
    "id": ("Indonesia", "Siti Rahayu", "Jl. Jend. Sudirman No. 5", "", "Jakarta Selatan", "DKI Jakarta", "12190",
           "IDR", "Kaos katun", "Putih, M", ""),
    "ms": ("Malaysia", "Nur Aisyah binti Ahmad", "No 12 Jalan Ampang", "", "Kuala Lumpur",
           "Wilayah Persekutuan", "50450", "MYR", "Baju kurung moden", "Hijau, M", ""),
    "th": ("Thailand", "สมชาย ใจดี", "99/1 ถนนสีลม", "แขวงสุริยวงศ์", "บางรัก", "กรุงเทพมหานคร", "10500", "THB",
           "ชุดเดรสลายดอกไม้", "แดง, M", ""),
    "vi": ("Vietnam", "Nguyễn Thị Hoa", "12 Đường Lê Lợi", "Phường Bến Nghé", "Quận 1", "Hồ Chí Minh", "700000",
           "VND", "Áo thun cotton", "Trắng, M", ""),
    "ja": ("Japan", "山田 太郎", "神南1-2-3", "渋谷ビル 5F", "渋谷区", "東京都", "150-0041", "JPY", "コットンTシャツ",
           "白, M", ""),
    "zh": ("Singapore", "陈小明", "1 Orchard Road", "#05-12", "Singapore", "", "238801", "SGD", "纯棉T恤", "白色, 中号",
           "zh"),
}
LANGUAGES = tuple(BUYERS)
ORDER_BASE = 577_596_606_699_000_000


def order_id(i: int) -> str:
    """The i-th test order ID (18 digits)."""
    return str(ORDER_BASE + i * 7919)


def line(i: int, lang: str, j: int = 0, **overrides) -> dict:
    """Line j of order i for a buyer of ``lang``."""
    country, name, a1, a2, city, state, zipcode, currency, product, variation, buyer_language = BUYERS[lang]
    row = {
        "order_id": order_id(i), "package_id": "", "sku_id": str(1_763_010_387_631_710_000 + j),
        "seller_sku": f"SKU-{lang.upper()}-{j}", "product_name": product if j == 0 else f"{product} #{j + 1}",
        "variation": variation, "quantity": 1 + (j % 2), "subtotal_after_discount": 12.5 * (j + 1),
        "order_amount": 49.99, "currency": currency, "buyer_message": "", "recipient": name, "country": country,
        "state": state, "city": city, "zipcode": zipcode, "address_line_1": a1, "address_line_2": a2,
        "paid_time": "2026-11-25 09:36:35", "buyer_language": buyer_language,
    }
    row.update(overrides)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    """A canonical lines frame of ``rows``."""
    return pd.DataFrame(list(rows))


def one_order_per_language(**overrides) -> pd.DataFrame:
    """One two-line order per slip language, in LANGUAGES order (order i = language i)."""
    return frame(*(line(i, lang, j, **overrides) for i, lang in enumerate(LANGUAGES) for j in range(2)))


def make_lines(orders: int, seed: int = 7) -> pd.DataFrame:
    """``orders`` orders over every language: 1 to 4 lines each, a buyer message on about a third."""
    rnd = random.Random(seed)
    messages = ["Please pack carefully, it's fragile", "It's a birthday gift 🎁 no receipt please",
                "Can you send it before Friday?", "请不要放发票", "ขอบคุณค่ะ ส่งเร็วนะคะ"]
    rows = []
    for i in range(orders):
        lang = LANGUAGES[i % len(LANGUAGES)]
        message = rnd.choice(messages) if rnd.random() < 0.33 else ""
        for j in range(rnd.randint(1, 4)):
            rows.append(line(i, lang, j, buyer_message=message, recipient=f"{BUYERS[lang][1]} {i}"))
    return pd.DataFrame(rows)
