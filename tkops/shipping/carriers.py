"""Which carriers a Shipping Provider Name stands for, in which markets, and the plausible shapes of carriers without
public rules (docs/tracking.md#provider-names).

A provider name (as typed on the Orders sheet or chosen in Seller Center) maps to one or more courier codes: the
data set's codes (``ups``, ``usps``, ``fedex``, ``dhl``, ``s10`` ...), ``s10:GB``-style codes for a national post's
UPU S10 numbers, shape-only codes for carriers that publish no check rule (``jt``, ``flash``, ``kerry``,
``ninjavan``, ``spx``) and ``*`` for a provider that may carry any carrier's number (TikTok Shipping labels). The
team edits the mapping on the Carriers sheet (columns Provider Name, Courier, Markets; several codes or markets
separated by commas; blank Markets = every market); a row there replaces the default for that provider name, and
the sheet's order is the team's preference when a carrier is inferred from a number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

#: Shipping Provider Name -> courier codes (comma separated, as on the Carriers sheet).
DEFAULT_PROVIDERS: dict[str, str] = {
    "USPS": "usps, s10:US",
    "UPS": "ups",
    "FedEx": "fedex",
    "DHL": "dhl",
    "DHL Express": "dhl",
    "DHL eCommerce": "dhl, usps",  # DHL eCommerce US parcels are delivered by USPS on USPS numbers
    "Royal Mail": "s10:GB",
    "Parcelforce": "s10:GB",
    "Canada Post": "canada_post, s10:CA",
    "China Post": "s10:CN",
    "Amazon Logistics": "amazon",
    "Amazon Shipping": "amazon",
    "OnTrac": "ontrac",
    "Yodel": "yodel",
    "DPD": "dpd",
    "Yun Express": "yunexpress, s10",
    "YunExpress": "yunexpress, s10",
    "J&T Express": "jt",
    "Flash Express": "flash",
    "Kerry Express": "kerry",
    "Ninja Van": "ninjavan",
    "SPX": "spx",
    "SPX Express": "spx",
    "Shopee Express": "spx",
    "TikTok Shipping": "*",
}

ANY = "*"
CARRIERS_SHEET = "Carriers"
CARRIERS_HEADERS = ("Provider Name", "Courier", "Markets")
#: A provider name starting with one of these is a formula to Excel and to Seller Center's importer.
_FORMULA_START = ("=", "+", "-", "@")
_MARKUP = re.compile(r"[<>\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Shape:
    """A carrier without a public check rule: the shapes its numbers plausibly take (low confidence, editable)."""

    name: str
    patterns: tuple[str, ...]
    example: str

    def fits(self, number: str) -> bool:
        return any(re.fullmatch(p, number) for p in self.patterns)


#: Plausible shapes seen in public code and carrier pages; no check digit is known for any of them.
SHAPES: dict[str, Shape] = {
    "jt": Shape("J&T Express", (r"J[A-Z]{1,3}\d{8,14}", r"JT\d{10,14}", r"\d{12,15}"), "JX8009962760"),
    "flash": Shape("Flash Express", (r"TH[0-9A-Z]{8,14}", r"F[0-9A-Z]{9,14}"), "TH01234567890"),
    "kerry": Shape("Kerry Express", (r"[A-Z]{2,5}\d{7,13}[A-Z]?", r"\d{10,14}"), "SHP5015892234"),
    "ninjavan": Shape("Ninja Van", (r"N[VL][A-Z]{2}[0-9A-Z]{6,20}", r"[A-Z]{2,6}\d{8,16}"), "NVMY12345678901"),
    "spx": Shape("SPX", (r"SPX[A-Z]{2}\d{8,15}[A-Z0-9]?", r"[A-Z]{2}\d{12,14}[A-Z]?"), "SPXTH01234567890A"),
}
#: Starting Markets of the default providers whose numbers have no published rule (a new Carriers sheet's Markets
#: column; blank elsewhere = every market). Their guessed shapes make a number's carrier uncertain only in these
#: markets. Unverified starting values: docs/tracking.md#provider-names.
DEFAULT_MARKETS: dict[str, str] = {
    "J&T Express": "ID, MY, PH, SG, TH, VN, MX, BR",
    "Flash Express": "TH, MY, PH",
    "Kerry Express": "TH",
    "Ninja Van": "ID, MY, PH, SG, TH, VN",
    "SPX": "ID, MY, PH, SG, TH, VN, BR, MX",
    "SPX Express": "ID, MY, PH, SG, TH, VN, BR, MX",
    "Shopee Express": "ID, MY, PH, SG, TH, VN, BR, MX",
}


def fold(name: Any) -> str:
    """A provider name folded for matching: case, width, spaces and punctuation do not matter ("J&T" = "j t")."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    return re.sub(r"[\W_]+", "", text)


def parse_codes(value: Any) -> tuple[str, ...]:
    """Courier codes from a Courier cell: "usps, s10:US" -> ("usps", "s10:US"). Separators: , ; / | and spaces."""
    if value is None or (isinstance(value, float) and value != value):
        return ()
    codes = []
    for part in re.split(r"[,;/|\s]+", str(value).strip()):
        if not part:
            continue
        head, _, country = part.partition(":")
        codes.append(f"{head.casefold()}:{country.upper()}" if country else head.casefold())
    return tuple(dict.fromkeys(codes))


def parse_markets(value: Any) -> tuple[str, ...]:
    """Markets from a Markets cell: "th, MY" -> ("TH", "MY"); blank -> () (every market). UK is GB."""
    if value is None or (isinstance(value, float) and value != value):
        return ()
    found = [part.upper() for part in re.split(r"[,;/|\s]+", str(value).strip()) if part]
    return tuple(dict.fromkeys("GB" if m == "UK" else m for m in found))


def unsafe_name(provider: Any) -> bool:
    """Whether a provider name is a formula or markup ("=HYPERLINK(...)", "+1", "@x", "<script>"): never a carrier
    name, and dangerous in a spreadsheet or a web page."""
    text = "" if provider is None else str(provider).strip()
    return bool(text) and (text.startswith(_FORMULA_START) or _MARKUP.search(text) is not None)


def in_market(markets: Iterable[str], market: str | None) -> bool:
    """Whether a provider or carrier listed for ``markets`` (empty: every market) serves ``market`` (blank: any)."""
    markets = tuple(markets)
    wanted = "GB" if (market or "").upper() == "UK" else (market or "").upper()
    return not markets or not wanted or wanted in markets


@dataclass(frozen=True)
class ProviderMap:
    """Folded provider name -> (the name as the team spells it, its courier codes, its markets), in the team's order."""

    entries: Mapping[str, tuple[str, tuple[str, ...], tuple[str, ...]]]

    def lookup(self, provider: Any) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
        """The provider's display name, codes and markets; None when the name is not in the mapping."""
        if provider is None or not str(provider).strip():
            return None
        return self.entries.get(fold(provider))

    def names_for(self, codes: Iterable[str]) -> list[str]:
        """Provider names whose codes accept any of ``codes`` (to suggest the right provider)."""
        wanted = set(codes)
        return [name for name, accepted, _ in self.entries.values()
                if ANY not in accepted and any(accepts(accepted, c) for c in wanted)]

    def provider_for(self, code: str, market: str | None = None) -> str | None:
        """The first provider, in the team's order, that names courier ``code`` itself ("s10:GB" or "ups"; not "*")
        and serves ``market``: the name written when a number's carrier is inferred. None when there is none."""
        for name, accepted, markets in self.entries.values():
            if code in accepted and in_market(markets, market):
                return name
        return None

    def shapes_in(self, market: str | None) -> tuple[Shape, ...]:
        """Shape-only carriers that some provider serving ``market`` may carry (they make a number uncertain)."""
        codes = {c for _, accepted, markets in self.entries.values() if in_market(markets, market) for c in accepted}
        return tuple(SHAPES[c] for c in SHAPES if c in codes)


def accepts(accepted: Iterable[str], code: str) -> bool:
    """Whether a provider with courier codes ``accepted`` carries numbers of ``code`` ("s10" accepts "s10:GB")."""
    accepted = tuple(accepted)
    return ANY in accepted or code in accepted or code.split(":")[0] in accepted


def provider_map(mapping: Mapping[str, Any] | ProviderMap | None = None,
                 markets: Mapping[str, Any] | None = None) -> ProviderMap:
    """``mapping`` (provider name -> codes, as a string or a list), in its order, then the defaults it does not
    name. ``markets`` gives a provider's markets (a string or a list; absent or blank: every market)."""
    if isinstance(mapping, ProviderMap):
        return mapping
    entries: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for source in (mapping or {}, DEFAULT_PROVIDERS):
        for name, codes in source.items():
            if name is None or not str(name).strip() or fold(name) in entries:
                continue
            parsed = parse_codes(codes) if isinstance(codes, str) or codes is None else tuple(codes)
            where = (markets or {}).get(name) if source is not DEFAULT_PROVIDERS else DEFAULT_MARKETS.get(name)
            where = parse_markets(where) if isinstance(where, str) or where is None else tuple(where)
            entries[fold(name)] = (str(name).strip(), parsed, where)
    return ProviderMap(entries)


def provider_map_from_rows(rows: list[list[Any]] | None) -> ProviderMap:
    """The mapping from the Carriers sheet's rows (header first: Provider Name, Courier, optional Markets), then the
    defaults the sheet does not name.

    Several rows for one provider add up; a provider row with an empty Courier means "no public format known".
    """
    extra: dict[str, tuple[str, ...]] = {}
    where: dict[str, tuple[str, ...]] = {}
    if rows and len(rows) > 1:
        header = [fold(h) for h in rows[0]]
        try:
            name_at, code_at = header.index(fold("Provider Name")), header.index(fold("Courier"))
        except ValueError:
            name_at, code_at = 0, 1
        market_at = header.index(fold("Markets")) if fold("Markets") in header else None
        for row in rows[1:]:
            if not row or len(row) <= name_at or row[name_at] is None or not str(row[name_at]).strip():
                continue
            name = str(row[name_at]).strip()
            codes = parse_codes(row[code_at] if len(row) > code_at else None)
            extra[name] = tuple(dict.fromkeys(extra.get(name, ()) + codes))
            if market_at is not None and len(row) > market_at:
                where[name] = tuple(dict.fromkeys(where.get(name, ()) + parse_markets(row[market_at])))
    return provider_map(extra, where)


def carriers_sheet_rows(mapping: Mapping[str, str] = DEFAULT_PROVIDERS) -> list[list[str]]:
    """The Carriers sheet of a new workbook: header, then one row per default provider with its starting Markets
    (blank: every market, until the team narrows the list to what Seller Center offers in its market)."""
    return [list(CARRIERS_HEADERS)] + [[name, codes, DEFAULT_MARKETS.get(name, "")] for name, codes in mapping.items()]
