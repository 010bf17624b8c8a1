"""Vectorised text helpers shared by the review rules.

Every buyer-controlled cell is hostile until proven otherwise: None, NaN, numbers, 32,767-character strings, emoji,
RTL marks and control characters all come through here as plain Python strings, so no rule has to guard itself.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

#: TikTok masks parts of names, phones and addresses with asterisks ("J*** D***", "(+1)213*****45").
MASK = "*"
_NON_ALNUM = re.compile(r"[\W_]+")


def as_text(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """``col`` as an object Series of stripped Python strings ("" for None/NaN/NA); all "" when ``col`` is None."""
    if col is None:
        return pd.Series("", index=index, dtype=object)
    s = col.astype(object)
    s = s.where(s.notna(), "")
    if pd.api.types.infer_dtype(s, skipna=False) != "string":
        not_str = s.map(lambda v: not isinstance(v, str))
        s = s.copy()
        s[not_str] = s[not_str].map(_scalar_text)
    return s.str.strip().astype(object)


def _scalar_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - an object whose __str__ fails is simply unreadable text
        return ""


def fold(col: pd.Series) -> pd.Series:
    """NFKC + casefold (full-width letters and digits become ASCII), for matching."""
    return col.map(_fold_one).astype(object)


def _fold_one(value: str) -> str:
    return unicodedata.normalize("NFKC", value).casefold()


def alnum_key(col: pd.Series) -> pd.Series:
    """Folded text without spaces and punctuation: "N/A" -> "na", "  .  " -> ""."""
    return fold(col).str.replace(_NON_ALNUM, "", regex=True).astype(object)


def masked(col: pd.Series) -> pd.Series:
    """True where TikTok masked the value with asterisks."""
    return col.str.contains(MASK, regex=False).fillna(False).astype(bool)


def show_char(ch: str) -> str:
    """A character as a person can see it: invisible and control characters as U+XXXX."""
    cat = unicodedata.category(ch)
    if cat[0] in "CZ" and ch != " ":
        return f"U+{ord(ch):04X}"
    return ch


def shorten(value: str, limit: int = 60) -> str:
    """``value`` cut to ``limit`` characters (an ellipsis marks the cut)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
