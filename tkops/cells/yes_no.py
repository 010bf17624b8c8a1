"""One yes/no vocabulary for every cell a person ticks or switches: the team's tick columns (Picked, Packed, QC OK,
Agreed, ...), and yes/no settings (Enabled on the Rules sheet, Separate Single Items, Day Off, Required).

Two readings of the same words:

- :func:`tick`, for the team's tick columns: a "yes" word, a tick mark, a date or time (when it was done) and a
  number other than 0 are done; blank, the "no" words and anything else are not. Text nobody can read as yes
  ("maybe", a name) is never taken for done: a step that needs the tick then waits, which a person sees, instead of
  going ahead on a guess. (The tick columns offer Yes/No in a drop-down list, so such text only arrives pasted.)
- :func:`yes_no`, for settings: a "yes" word is True, a "no" word False, anything else None (the caller says the
  value is not understood).

Words are compared after Unicode NFKC folding, case folding and collapsing spaces; they cover the languages the
teams and their staff write in (en, zh, es, pt, fr, de, it, id/ms, th, vi, ja).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any, Iterable

import numpy as np
import pandas as pd

YES_WORDS: frozenset[str] = frozenset({
    "yes", "y", "true", "1", "on", "x", "ok", "done", "agreed", "✓", "✔", "☑", "✅", "+",
    "是", "对", "好", "开", "已", "完成", "已完成", "同意", "已同意", "已拣", "已拣货", "已打包", "已包装", "已质检",
    "sí", "si", "sim", "oui", "ja", "ya", "iya", "ใช่", "có", "はい", "済", "済み", "完了",
})
NO_WORDS: frozenset[str] = frozenset({
    "", "no", "n", "false", "0", "off", "none", "null", "nan", "n/a", "na", "-", "--", "—", "–", "✗", "✘", "×",
    "❌", "否", "不", "不是", "无", "没有", "未", "关", "未拣", "未拣货", "未打包", "未包装", "未完成",
    "não", "nao", "non", "nein", "tidak", "bukan", "ไม่", "ไม่ใช่", "không", "いいえ", "未了",
})


#: Text that is a date, with or without a time ("2026-03-02 10:15", "25/11/2026"): when the step was done.
_DATE_TEXT = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?"
                        r"( ?[ap]\.?m\.?)?)?$")


def fold(value: Any) -> str:
    """The text of a cell folded for comparing words: NFKC, case-folded, inner spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def tick(value: Any) -> bool:
    """True when a team tick cell says done: a "yes" word or tick mark ("Yes", "x", "✓", "是", "已打包", ...), TRUE,
    a number other than 0, a date or time; False for blank, 0, FALSE, the "no" words ("-", "none", "off", "否",
    ...) and any text that is not a "yes" word."""
    if _blank(value):
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.number)):
        return bool(value != 0)
    if isinstance(value, (dt.date, dt.time, pd.Timestamp)):
        return True
    word = fold(value)
    return word in YES_WORDS or bool(_DATE_TEXT.match(word))


def yes_no(value: Any, blank: bool | None = None, extra_yes: Iterable[str] = (),
           extra_no: Iterable[str] = ()) -> bool | None:
    """A yes/no setting: True for a "yes" word (or 1/True), False for a "no" word (or 0/False), ``blank`` for an
    empty cell, None for anything else (the caller reports it). ``extra_yes`` / ``extra_no`` add a setting's own
    words (e.g. "working" for a day that is not off)."""
    if _blank(value) or (isinstance(value, str) and not value.strip()):
        return blank
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.number)):
        return True if value == 1 else False if value == 0 else None
    word = fold(value)
    if word in YES_WORDS or word in {fold(w) for w in extra_yes}:
        return True
    if word in NO_WORDS or word in {fold(w) for w in extra_no}:
        return False
    return None


def ticks(col: pd.Series | None, index: pd.Index) -> pd.Series:
    """A team tick column as booleans (:func:`tick` of each cell), aligned to ``index``; all False when absent."""
    if col is None:
        return pd.Series(False, index=index, dtype=bool)
    col = col.reindex(index)
    values = col.to_numpy(dtype=object)
    seen: dict = {}
    out = np.empty(len(values), dtype=bool)
    for i, v in enumerate(values):
        try:
            out[i] = seen[v]
        except (KeyError, TypeError):  # unhashable or new: compute (NaN keys never match, so they land here too)
            out[i] = tick(v)
            try:
                seen[v] = out[i]
            except TypeError:
                pass
    return pd.Series(out, index=index, dtype=bool)
