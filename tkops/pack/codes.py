"""What a scanner typed, made comparable: the scanned text without the Enter/Tab a USB scanner sends, and one key
per item code so that a UPC-A printed on a box and the same number read as EAN-13 (a leading 0) are one item.

GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 are one number space, compared right-justified in 14 digits, and leading
zeros do not change the check digit (docs/pack-station.md#barcodes); the check digit is verified with python-stdnum.
A code that lost its leading zeros in a spreadsheet is the same item.
"""

from __future__ import annotations

from stdnum import ean

#: The shortest digit code read as a GTIN: a GTIN-8 that lost a leading zero.
MIN_DIGITS = 7


def clean_scan(raw: object) -> str:
    """The scanned code as text: a scanner's trailing Enter (CR/LF) or Tab and surrounding spaces removed; a number
    Excel made of a scan (``1234.0``) back to its digits."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip(" \t\r\n\x00\u3000\xa0")


def item_key(code: str) -> str:
    """The lookup key of an item code: digits whose 14-digit form has a valid GTIN check digit as that form
    (``gtin:0…``; 7 to 14 digits, so a UPC-A, its EAN-13 form and the number without its leading zero are one key),
    anything else (a Seller SKU, a SKU ID) case-folded with inner spaces kept."""
    if code.isdigit() and MIN_DIGITS <= len(code) <= 14 and ean.is_valid(code.zfill(14)):
        return "gtin:" + code.zfill(14)
    return "sku:" + code.casefold()
