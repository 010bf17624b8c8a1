"""Facts about the TikTok Shop markets tkops knows: currency, shop time zone, date order, decimal style.

These are defaults only; the Settings sheet overrides each of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Market:
    """Defaults for one TikTok Shop market (country code as in Seller Center)."""

    code: str
    currency: str
    time_zone: str
    date_order: str  # "MDY" or "DMY": how an export writes 03/04/2026
    decimal: str  # "." or ",": the decimal separator of money in exports
    language: str  # the buyers' usual language


MARKETS: dict[str, Market] = {
    m.code: m
    for m in (
        Market("US", "USD", "America/Los_Angeles", "MDY", ".", "en"),
        Market("UK", "GBP", "Europe/London", "DMY", ".", "en"),
        Market("IE", "EUR", "Europe/Dublin", "DMY", ".", "en"),
        Market("DE", "EUR", "Europe/Berlin", "DMY", ",", "de"),
        Market("FR", "EUR", "Europe/Paris", "DMY", ",", "fr"),
        Market("IT", "EUR", "Europe/Rome", "DMY", ",", "it"),
        Market("ES", "EUR", "Europe/Madrid", "DMY", ",", "es"),
        Market("MX", "MXN", "America/Mexico_City", "DMY", ".", "es"),
        Market("BR", "BRL", "America/Sao_Paulo", "DMY", ",", "pt"),
        Market("JP", "JPY", "Asia/Tokyo", "DMY", ".", "ja"),
        Market("ID", "IDR", "Asia/Jakarta", "DMY", ",", "id"),
        Market("MY", "MYR", "Asia/Kuala_Lumpur", "DMY", ".", "ms"),
        Market("PH", "PHP", "Asia/Manila", "MDY", ".", "en"),
        Market("SG", "SGD", "Asia/Singapore", "DMY", ".", "en"),
        Market("TH", "THB", "Asia/Bangkok", "DMY", ".", "th"),
        Market("VN", "VND", "Asia/Ho_Chi_Minh", "DMY", ",", "vi"),
    )
}

#: Market codes people also type.
MARKET_ALIASES = {"GB": "UK", "USA": "US"}

#: Currencies whose amounts have no decimals in exports (so "150.000" is one hundred and fifty thousand).
ZERO_DECIMAL_CURRENCIES = frozenset({"IDR", "VND", "JPY"})

#: Currency marks seen in exports, longest first so "R$" wins over "$".
CURRENCY_MARKS: tuple[tuple[str, str], ...] = (
    ("MX$", "MXN"), ("US$", "USD"), ("S$", "SGD"), ("R$", "BRL"), ("RM", "MYR"), ("Rp", "IDR"),
    ("USD", "USD"), ("GBP", "GBP"), ("EUR", "EUR"), ("THB", "THB"), ("VND", "VND"), ("IDR", "IDR"),
    ("MYR", "MYR"), ("PHP", "PHP"), ("SGD", "SGD"), ("BRL", "BRL"), ("MXN", "MXN"), ("JPY", "JPY"),
    ("CNY", "CNY"), ("RMB", "CNY"),
    ("£", "GBP"), ("€", "EUR"), ("฿", "THB"), ("₫", "VND"), ("₱", "PHP"), ("¥", "JPY"), ("$", "USD"),
)


def market(code: str | None) -> Market | None:
    """The market for a code such as "US" or "th"; None for an empty code."""
    if not code:
        return None
    key = code.strip().upper()
    return MARKETS.get(MARKET_ALIASES.get(key, key))
