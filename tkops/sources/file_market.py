"""Which TikTok Shop market an order export comes from, told from the file itself: the Country its addresses are in,
else a header only one market's layout has (docs/exports.md#which-market-a-file-is-from).

A shop sells in its own market, so an export whose every address is in Thailand is a Thai shop's: its amounts are
baht and its dates day-first, whatever market the Settings name for the team's main shop.
"""

from __future__ import annotations

import pandas as pd

from tkops.markets import MARKETS
from tkops.schema import header_key

#: Country as exports and people write it (folded) -> TikTok market code. ISO alpha-2 and alpha-3 codes, English
#: names, and each market's own name for itself.
COUNTRY_MARKET: dict[str, str] = {
    **{code.casefold(): code for code in MARKETS}, "gb": "UK", "usa": "US", "gbr": "UK", "irl": "IE", "deu": "DE",
    "fra": "FR", "ita": "IT", "esp": "ES", "mex": "MX", "bra": "BR", "jpn": "JP", "idn": "ID", "mys": "MY",
    "phl": "PH", "sgp": "SG", "tha": "TH", "vnm": "VN",
    "united states": "US", "united states of america": "US", "united kingdom": "UK", "great britain": "UK",
    "england": "UK", "scotland": "UK", "wales": "UK", "northern ireland": "UK", "ireland": "IE", "éire": "IE",
    "germany": "DE", "deutschland": "DE", "france": "FR", "italy": "IT", "italia": "IT", "spain": "ES",
    "españa": "ES", "mexico": "MX", "méxico": "MX", "brazil": "BR", "brasil": "BR", "japan": "JP", "日本": "JP",
    "indonesia": "ID", "malaysia": "MY", "philippines": "PH", "the philippines": "PH", "pilipinas": "PH",
    "singapore": "SG", "thailand": "TH", "ประเทศไทย": "TH", "ไทย": "TH", "vietnam": "VN", "viet nam": "VN",
    "việt nam": "VN",
}

#: Headers (folded) only one market's export layout has -> that market (docs/exports.md#address-columns).
MARKER_HEADERS: dict[str, str] = {
    "regency and city": "ID", "villages": "ID", "tokopedia invoice number": "ID",
    "post town": "MY",
    "barangay": "PH", "municipality": "PH",
    "commune": "VN",
}


def market_of_country(value) -> str:
    """The TikTok market of a Country cell ("Thailand", "TH", "Viet Nam"); "" when it names none."""
    if not isinstance(value, str):
        return ""
    return COUNTRY_MARKET.get(" ".join(value.split()).casefold(), "")


def file_market(countries: pd.Series | None, headers: list[str]) -> str:
    """The market of an export: the one market every non-blank Country cell names, else the one market its marker
    headers point to; "" when the file does not say (no Country column and no marker, or several markets)."""
    if countries is not None:
        given = [v for v in pd.Series(countries).dropna().unique() if str(v).strip()]
        markets = {market_of_country(str(v)) for v in given}
        if given:  # one named market; else several countries, or one tkops cannot name: the Settings decide
            return markets.pop() if len(markets) == 1 else ""
    found = {MARKER_HEADERS[k] for k in (header_key(h) for h in headers if h) if k in MARKER_HEADERS}
    return found.pop() if len(found) == 1 else ""
