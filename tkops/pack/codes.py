"""What a scanner typed, made comparable: the scanned text without the Enter/Tab a USB scanner sends, and one key
per item code so that a UPC-A printed on a box and the same number read as EAN-13 (a leading 0) are one item.

GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 are all the same number padded with zeros to 14 digits (GS1 General
Specifications, section 3.3.2; see docs/pack-station.md#barcodes); the check digit is verified with python-stdnum.
"""

from __future__ import annotations

from stdnum import ean

GTIN_LENGTHS = (8, 12, 13, 14)


def clean_scan(raw: object) -> str:
    """The scanned code as text: a scanner's trailing Enter (CR/LF) or Tab and surrounding spaces removed; a number
    Excel made of a scan (``1234.0``) back to its digits."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip(" \t\r\n\x00\u3000\xa0")


def item_key(code: str) -> str:
    """The lookup key of an item code: a valid GTIN as its 14-digit form (``gtin:0…``), anything else (a Seller SKU,
    a SKU ID) case-folded with inner spaces kept."""
    if code.isdigit() and len(code) in GTIN_LENGTHS and ean.is_valid(code):
        return "gtin:" + code.zfill(14)
    return "sku:" + code.casefold()
