"""Vectorised text helpers shared by the review rules.

Every buyer-controlled cell is hostile until proven otherwise: None, NaN, numbers, 32,767-character strings, emoji,
RTL marks and control characters all come through here as plain Python strings, so no rule has to guard itself.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from tkops.cells.text import text_column

#: TikTok masks parts of names, phones and addresses with asterisks ("J*** D***", "(+1)213*****45").
MASK = "*"
_NON_ALNUM = re.compile(r"[\W_]+")


#: Cells as stripped text: the one text coercion of every step.
as_text = text_column


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
