"""Destination countries: what exports write in the Country column, as ISO 3166 alpha-2 codes, and the language a
buyer in each country reads.

pycountry knows the official names and codes; the few spellings it lacks (UK, Vietnam written the local way,
names in the market's own language and in Chinese as ERP exports write them) are listed here.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from tkops.markets import market

#: Spellings pycountry does not resolve, folded (casefold) -> alpha-2.
ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "great britain": "GB", "britain": "GB", "united kingdom of great britain and northern ireland": "GB",
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "vietnam": "VN", "việt nam": "VN", "viet nam": "VN",
    "deutschland": "DE", "allemagne": "DE", "españa": "ES", "espana": "ES", "méxico": "MX", "brasil": "BR",
    "italia": "IT", "éire": "IE", "eire": "IE", "nihon": "JP", "nippon": "JP", "日本": "JP",
    "ประเทศไทย": "TH", "ไทย": "TH", "pilipinas": "PH", "the philippines": "PH", "republic of ireland": "IE",
    "korea": "KR", "south korea": "KR", "russia": "RU", "turkey": "TR", "taiwan": "TW",
    "美国": "US", "英国": "GB", "德国": "DE", "法国": "FR", "意大利": "IT", "西班牙": "ES", "墨西哥": "MX",
    "巴西": "BR", "印度尼西亚": "ID", "印尼": "ID", "马来西亚": "MY", "菲律宾": "PH", "新加坡": "SG", "泰国": "TH",
    "越南": "VN", "爱尔兰": "IE", "中国": "CN",
}

#: Destination country -> language of the buyer messages (English is the fallback).
COUNTRY_LANGUAGE: dict[str, str] = {
    "US": "en", "GB": "en", "IE": "en", "SG": "en", "PH": "en", "AU": "en", "CA": "en", "NZ": "en",
    "DE": "de", "AT": "de", "CH": "de", "LI": "de",
    "FR": "fr", "BE": "fr", "LU": "fr", "MC": "fr",
    "IT": "it", "SM": "it",
    "ES": "es", "MX": "es", "AR": "es", "CL": "es", "CO": "es", "PE": "es",
    "BR": "pt", "PT": "pt",
    "JP": "ja", "ID": "id", "MY": "ms", "TH": "th", "VN": "vi",
}


@lru_cache(maxsize=4096)
def country_code(value: str) -> str:
    """The alpha-2 code for what an export wrote ("United States", "Viet Nam", "UK", "GB"); "" when unknown."""
    text = " ".join(str(value).split())
    if not text:
        return ""
    folded = text.casefold()
    if folded in ALIASES:
        return ALIASES[folded]
    if len(text) > 60:
        return ""
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return ""


def market_country(code: str) -> str:
    """The alpha-2 code of a TikTok market code (Settings' Market: "UK" -> "GB"); "" when none."""
    m = market(code) if code else None
    if m is None:
        return ""
    return "GB" if m.code == "UK" else m.code


def language_for(country: str) -> str:
    """The buyer-message language for an alpha-2 country code (English when tkops has no better guess)."""
    return COUNTRY_LANGUAGE.get(country, "en")


@lru_cache(maxsize=64)
def country_names(code: str) -> tuple[str, str]:
    """(English, Chinese) name of an alpha-2 country code, from pycountry and its iso-codes translations
    ("TH" -> ("Thailand", "泰国")); the code itself when pycountry does not know it."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return code, code
    english = getattr(country, "common_name", None) or country.name
    try:
        chinese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext(country.name)
    except OSError:  # a pycountry without translations
        chinese = english
    return english, chinese
