"""Natural ("human") order of warehouse codes: "A-2" before "A-10", "B-01-03" beside "B-1-3".

A code is cut into runs of digits and runs of letters; separators (``-``, ``.``, ``/``, spaces) only end a run,
so "A2", "A-2" and "A 2" sort together. Digit runs compare as numbers, letter runs case-insensitively, and a
number sorts before a word at the same place (as in a file manager). Full-width characters are read as their
ASCII forms (NFKC), so "Ａ－２" is "A-2". Blank codes sort last.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

_RUNS = re.compile(r"\d+|[^\W\d_]+")


def natural_key(code: str) -> tuple:
    """The sort key of one code: (blank?, runs, original text as the final tie-break)."""
    text = unicodedata.normalize("NFKC", str(code)).strip()
    runs = tuple((0, int(run), "") if run.isdigit() else (1, 0, run.casefold()) for run in _RUNS.findall(text))
    return (text == "", runs, text.casefold(), text)


def natural_sorted(codes) -> list[str]:
    """``codes`` in natural order (a convenience for tests and for lists of bins)."""
    return sorted(codes, key=natural_key)


def natural_rank(codes: pd.Series) -> pd.Series:
    """The rank of each code in natural order (0 = first; equal codes share a rank), indexed like ``codes``.

    Keys are built once per distinct code, so a long column of a few hundred bins costs a few hundred keys.
    """
    text = codes.astype(object).where(codes.notna(), "").map(str)
    uniques = pd.unique(text.to_numpy())
    order = sorted(uniques, key=natural_key)
    rank = {code: i for i, code in enumerate(order)}
    return pd.Series(np.fromiter((rank[v] for v in text), dtype="int64", count=len(text)), index=codes.index)
