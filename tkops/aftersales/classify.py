"""Free text (buyer notes, team notes, review text) -> case type and cause, by keyword lists the team edits.

Defaults live in ``tkops/data/aftersales/case_keywords.csv``; the CaseKeywords sheet (Case Type | Language |
Keyword) adds words, "-word" removes one, "-*" removes every word of the case type so far (the Keywords sheet of
the order review works the same way). Language is for people: every language's words are looked for in every text,
since buyers do not always write in their market's language.

How a text is judged: folded (NFKC, casefold, one apostrophe, single spaces; accents are kept, so the lists carry
the accentless spellings buyers type, e.g. "no llego"); whole words for Latin scripts, substrings for Chinese,
Japanese and Thai; words are found left to right, the longest first, without overlaps (so "took too long" is late,
not the size's "too long"); of those not negated, the first case type of :data:`PRECEDENCE` wins (the cause
follows from :data:`tkops.aftersales.reasons.CASE_TYPES`).

Limits, on purpose: a word is negated when a negation ("not", "no", "sin", "nicht", "pas", "não", "tidak",
"không", 没/不/未, ไม่, ...) stands at most two words before it in the same clause (commas, "but", "pero", 但...
end a clause; Chinese and Thai: right before it), so "not damaged" and "没有破损" do not count, but "not only
damaged" is missed too and double negatives are not understood. A word that itself starts with a negation ("not
received", "没收到") is never negated. Precedence, not counting, decides between types. Only the first
:data:`MAX_CHARS` characters of a text are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, Iterable, Mapping

import pandas as pd

from tkops.aftersales.catalogue import AfterSalesConfigError, choice, sheet_records
from tkops.aftersales.reasons import CASE_TYPES
from tkops.bundled import bundled_rows
from tkops.review import text as T

CASE_KEYWORDS_SHEET = "CaseKeywords"
CASE_KEYWORDS_SHEET_HEADERS = ["Case Type", "Language", "Keyword"]
LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "id", "ms", "th", "vi", "ja", "zh")
#: Which case type wins when a text has words of several: the most specific and the costliest first.
PRECEDENCE = ("wrong_item", "not_received", "missing_parts", "damaged", "defective", "colour_material", "size_fit",
              "not_as_described", "late", "no_longer_needed")
MAX_CHARS = 10_000
MAX_HITS = 200  # keyword matches looked at per text
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LATIN_NEGATION = (r"not|no|never|without|nothing|none|nor|cannot|\w+n't|isnt|wasnt|dont|didnt|doesnt|wont|aint"
                   r"|nunca|sin|ni|jamás|jamas|tampoco|não|nao|nem|sem|nicht|kein\w*|nie|niemals|ohne"
                   r"|pas|jamais|sans|aucun|aucune|non|tidak|tak|bukan|belum|tanpa|gak|ga|nggak|enggak|tdk"
                   r"|không|khong|chưa|chua|chẳng")
_CJK_NEGATION = r"没有|沒有|没|沒|不是|不|未|无|無|并非|並非|ไม่ได้|ไม่มี|ไม่"
_NEGATED_BEFORE = re.compile(rf"(?:(?<!\w)(?:{_LATIN_NEGATION})(?:\s+\S+){{0,2}}|(?:{_CJK_NEGATION}))\s*$")
_STARTS_NEGATIVE = re.compile(rf"(?:(?:{_LATIN_NEGATION})(?!\w)|{_CJK_NEGATION})")
_NO_SPACE_SCRIPT = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # Thai, kana, CJK
_CLAUSE = re.compile(r"[.,;:!?()\[\]\n|，。；：！？、（）]|但是|但|可是|แต่"
                     r"|(?<!\w)(?:but|however|pero|sino|mais|aber|sondern|mas|porém|tapi|tetapi|nhưng)(?!\w)")


def fold_text(value: str) -> str:
    """A text as keywords are compared with it: NFKC, casefold, one apostrophe, single spaces."""
    folded = unicodedata.normalize("NFKC", value[:MAX_CHARS]).casefold().translate(_APOSTROPHES)
    return " ".join(folded.split())


@dataclass(frozen=True)
class CaseKeywords:
    """Keyword rows in force, as (case type, language, keyword), compiled into one pattern for all case types."""

    rows: tuple[tuple[str, str, str], ...]
    pattern: re.Pattern | None = field(init=False, repr=False, compare=False)
    case_of: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        case_of = {}
        for case, _lang, word in sorted(self.rows, key=lambda r: -PRECEDENCE.index(r[0])):
            if fold_text(word):
                case_of[fold_text(word)] = case  # a word listed under two types counts for the first in PRECEDENCE
        latin = [w for w in case_of if not _NO_SPACE_SCRIPT.search(w)]
        parts = [rf"(?<!\w){_trie(latin)}(?!\w)" if latin else "", _trie([w for w in case_of if w not in latin])]
        pattern = "|".join(p for p in parts if p)
        object.__setattr__(self, "pattern", re.compile(pattern) if pattern else None)
        object.__setattr__(self, "case_of", case_of)

    def words(self, case_type: str) -> tuple[str, ...]:
        """The keywords of a case type (every language)."""
        return tuple(w for c, _l, w in self.rows if c == case_type)


def _trie(words: Iterable[str]) -> str:
    """One regex for ``words`` that branches on each next character (fast in Python's re), longest match first."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alternatives = [re.escape(ch) + walk(child) for ch, child in node.items() if ch]
        if not alternatives:
            return ""
        group = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{group})?" if "" in node else group

    return walk(root) if root else ""


@lru_cache(maxsize=1)
def default_case_keywords() -> CaseKeywords:
    """The built-in keyword lists (``tkops/data/aftersales/case_keywords.csv``), read once."""
    return case_keywords_from_sheet_rows(bundled_rows("aftersales/case_keywords.csv"), CaseKeywords(()),
                                         sheet="case_keywords.csv")


def case_keywords_from_sheet_rows(rows: list[list[Any]] | None, base: CaseKeywords | None = None,
                                  sheet: str = CASE_KEYWORDS_SHEET) -> CaseKeywords:
    """``base`` (the built-in lists) with the CaseKeywords sheet's rows applied in order (header first).

    Raises :class:`AfterSalesConfigError` naming the sheet, row, column and allowed values of a bad cell.
    """
    kept = list((base if base is not None else default_case_keywords()).rows)
    types = {k: v for k, v in CASE_TYPES.items() if k != "other"}
    for n, r in sheet_records(rows or [], sheet, CASE_KEYWORDS_SHEET_HEADERS):
        case = choice(r["case type"], types, sheet, n, "Case Type")
        lang = r.get("language", "").casefold()
        if lang and lang not in LANGUAGES:
            raise AfterSalesConfigError("aftersales.sheet_value", sheet=sheet, row=n, column="Language",
                                        value=T.shorten(r["language"]), allowed=", ".join(LANGUAGES) + " (or blank)")
        word = r["keyword"]
        if not word:
            raise AfterSalesConfigError("aftersales.keyword_blank", sheet=sheet, row=n)
        if word == "-*":
            kept = [k for k in kept if k[0] != case]
        elif word.startswith("-") and len(word) > 1:
            drop = fold_text(word[1:])
            kept = [k for k in kept if not (k[0] == case and fold_text(k[2]) == drop)]
        else:
            kept.append((case, lang, word))
    return CaseKeywords(tuple(kept))


def case_keywords_sheet_rows(keywords: CaseKeywords | None = None) -> list[list[str]]:
    """The CaseKeywords sheet (header first): the built-in lists, or those of ``keywords``."""
    keywords = keywords or default_case_keywords()
    return [list(CASE_KEYWORDS_SHEET_HEADERS), *(list(row) for row in keywords.rows)]


def classify_text(texts: pd.Series | Iterable[Any], keywords: CaseKeywords | None = None) -> pd.DataFrame:
    """Case type, cause and the keyword that decided, for each text: columns ``case_type``, ``cause``, ``keyword``.

    A text with no keyword (or only negated ones) is "other"/"unknown" with an empty keyword. Index as ``texts``'
    (a Series), else 0..n-1. Any value is accepted (None, NaN, numbers, formulas, markup): it is only read.
    """
    keywords = keywords or default_case_keywords()
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    codes, uniques = pd.factorize(T.as_text(series, series.index), use_na_sentinel=False)
    folded = [fold_text(u) for u in uniques]
    case, word = ["other"] * len(folded), [""] * len(folded)
    pattern = keywords.pattern
    for i, text in enumerate(folded if pattern is not None else ()):
        matches = islice(pattern.finditer(text), MAX_HITS)  # bounds the work on hostile, repetitive text
        found = [(PRECEDENCE.index(keywords.case_of[m.group(0)]), m.group(0)) for m in matches
                 if _STARTS_NEGATIVE.match(m.group(0)) or not _negated(text, m.start())]
        if found:
            rank, word[i] = min(found, key=lambda f: f[0])
            case[i] = PRECEDENCE[rank]
    causes = [CASE_TYPES[c].cause for c in case]
    out = pd.DataFrame({"case_type": case, "cause": causes, "keyword": word}, dtype=object)
    return out.iloc[codes].set_axis(series.index)


def _negated(text: str, start: int) -> bool:
    clause = _CLAUSE.split(text[max(0, start - 60):start])[-1]
    return bool(_NEGATED_BEFORE.search(clause))
