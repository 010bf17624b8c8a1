"""Address facts per destination country, as data: required parts, postal-code formats, the US states and the
USPS 3-digit ZIP prefix table, and the characters a label printer can print.

Rules read these tables; the team changes thresholds on the Rules sheet, not here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

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
    "US": (r"\d{5}(?:-?\d{4})?", "90012 or 90012-3456"),
    "GB": (r"(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})", "SW1A 1AA"),
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

#: US military "states" (APO/FPO) that pycountry does not list.
US_MILITARY = {"AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific"}

#: USPS 3-digit ZIP prefixes -> state (ranges, inclusive). Unassigned prefixes inside a range map to that state.
ZIP_PREFIXES: tuple[tuple[int, int, str], ...] = (
    (5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"),
    (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"),
    (90, 99, "AE"), (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"), (200, 200, "DC"), (201, 201, "VA"),
    (202, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"), (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"),
    (300, 319, "GA"), (320, 339, "FL"), (340, 340, "AA"), (341, 349, "FL"), (350, 369, "AL"), (370, 385, "TN"),
    (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"),
    (500, 528, "IA"), (530, 549, "WI"), (550, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"), (580, 588, "ND"),
    (590, 599, "MT"), (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"), (700, 714, "LA"),
    (716, 729, "AR"), (730, 732, "OK"), (733, 733, "TX"), (734, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"),
    (820, 831, "WY"), (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"),
    (889, 898, "NV"), (900, 961, "CA"), (962, 966, "AP"), (967, 968, "HI"), (969, 969, "GU"), (970, 979, "OR"),
    (980, 994, "WA"), (995, 999, "AK"),
)
#: Prefixes shared by more than one state or territory.
ZIP_PREFIX_EXTRA: dict[int, tuple[str, ...]] = {967: ("AS",), 969: ("MP",)}


@lru_cache(maxsize=1)
def zip_prefix_states() -> dict[str, frozenset[str]]:
    """"902" -> {"CA"}: every assigned 3-digit prefix and the states it may belong to."""
    table: dict[str, frozenset[str]] = {}
    for lo, hi, state in ZIP_PREFIXES:
        for prefix in range(lo, hi + 1):
            table[f"{prefix:03d}"] = frozenset((state, *ZIP_PREFIX_EXTRA.get(prefix, ())))
    return table


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """Folded state names and codes -> two-letter code, from pycountry ("california", "ca" -> "CA")."""
    table: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="US"):
        code = sub.code.split("-", 1)[1]
        table[code.casefold()] = code
        table[sub.name.casefold()] = code
    for code, name in US_MILITARY.items():
        table[code.casefold()] = code
        table[name.casefold()] = code
    table["virgin islands"] = "VI"
    table["washington dc"] = table["washington d.c."] = "DC"
    return table


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
