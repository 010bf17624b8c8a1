"""Place names as tkops compares them: folded (full-width forms, case, Latin accents, spaces and punctuation
ignored) and, as a second form, without the words that only say what kind of place it is ("Province of",
"จังหวัด", "-ken", "Co.", a trailing 県 or 州).

These are rules about writing, not data: the names themselves come from :mod:`tkops.review.regions`. The lists
below are documented in docs/addresses.md#how-names-are-compared.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: What separates the words of a name (the words are then joined without it: "Chon Buri" = "Chonburi").
_SEPARATORS = re.compile(r"[\s.,;:\-\u2010-\u2015_'\u2018\u2019`/\\()\[\]·&]+")

#: Leading words that only say what a region is, per country ("*": every country), folded, longest first.
PREFIXES: dict[str, tuple[str, ...]] = {
    "*": ("province of", "state of", "provincia de", "provincia di", "provincia del", "provincia", "province",
          "provinsi", "prov", "estado de", "estado do", "estado da", "estado", "county", "prefecture"),
    "TH": ("changwat", "จังหวัด", "จ"),
    "VN": ("thanh pho", "tinh", "tp"),
    "ID": ("daerah khusus ibukota", "daerah istimewa", "dki", "di"),
    "MY": ("wilayah persekutuan", "wp", "w.p.", "negeri"),
    "IT": ("citta metropolitana di", "regione"),
    "ES": ("comunidad de", "comunidad", "comunitat", "region de"),
    "MX": ("edo",),
    "IE": ("co",),
}
#: Trailing words that only say what a region is.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "*": ("province", "prefecture", "state", "county", "region", "metropolis"),
    "JP": ("ken", "fu", "to"),
    "TH": ("city",),
    "VN": ("city",),
}
#: One character ending a Chinese or Japanese region name that only says what it is (東京都, 加利福尼亚州).
CJK_SUFFIXES = "県府都县州省"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` for comparing: NFKC, case-folded, Latin letters without accents (đ as d); other scripts untouched
    (Thai vowels and Japanese voicing marks are letters there, not accents)."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKC", text).casefold().replace("đ", "d")
    out: list[str] = []
    latin = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if latin:
                continue
        else:
            latin = ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return [w for w in _SEPARATORS.split(fold(text)) if w]


@lru_cache(maxsize=65536)
def forms(text: str, country: str) -> tuple[str, str]:
    """(the folded name, the folded name without its kind words) of ``text`` in ``country``; ("", "") when it has
    no letters or digits."""
    tokens = words(text)
    full = "".join(tokens)
    return full, "".join(_core(tokens, country)) or full


def _core(tokens: list[str], country: str) -> list[str]:
    prefixes = _affixes(PREFIXES, country)
    suffixes = _affixes(SUFFIXES, country)
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for affix in prefixes:
            if len(tokens) > len(affix) and tuple(tokens[:len(affix)]) == affix:
                tokens, changed = tokens[len(affix):], True
                break
        for affix in suffixes:
            if len(tokens) > len(affix) and tuple(tokens[-len(affix):]) == affix:
                tokens, changed = tokens[:-len(affix)], True
                break
    if tokens and country == "TH" and tokens[0].startswith("จังหวัด") and len(tokens[0]) > len("จังหวัด"):
        tokens = [tokens[0][len("จังหวัด"):], *tokens[1:]]
    if tokens and len(tokens[-1]) >= 3 and tokens[-1][-1] in CJK_SUFFIXES:
        tokens = [*tokens[:-1], tokens[-1][:-1]]
    return tokens


def _affixes(table: dict[str, tuple[str, ...]], country: str) -> tuple[tuple[str, ...], ...]:
    """The country's and every country's affixes as word tuples, longest first."""
    key = (id(table), country)
    if key not in _AFFIX_CACHE:
        found = [tuple(words(a)) for a in (*table.get(country, ()), *table["*"])]
        _AFFIX_CACHE[key] = tuple(sorted(dict.fromkeys(found), key=len, reverse=True))
    return _AFFIX_CACHE[key]


_AFFIX_CACHE: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}
