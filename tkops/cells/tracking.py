"""A cell as a tracking number: the one cleaning of a number typed on a sheet or read from a carrier's file.

Shared by the tracking-file reader (:mod:`tkops.sources.tracking_file`) and the shipping core
(:mod:`tkops.shipping.tracking`), so a number means the same thing whether it came from a file or a cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import pandas as pd

EXCEL_DIGITS = 15  # Excel keeps 15 significant digits of a number
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\x00-\x1f\x7f]+")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$")
_DOT_ZERO = re.compile(r"^(\d+)[.,]0+$")


def clean_tracking(value: Any) -> tuple[str, str]:
    """A cell as a tracking number: (number, state), state "" (usable), "empty" or "mangled" (Excel made it a number).

    Spaces, tabs, line breaks, zero-width characters and a leading apostrophe are removed, full-width characters
    become ASCII and letters are upper-cased: "1z 5r8 939 0357567127" -> "1Z5R89390357567127".
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return "", "empty"
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return ("", "empty") if math.isnan(value) else (str(value), "mangled")
        if float(value).is_integer() and abs(value) < 10 ** EXCEL_DIGITS:
            return str(int(value)), ""
        return (f"{value:.15G}" if isinstance(value, float) else str(value)), "mangled"
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(value))).lstrip("'").upper()
    if not text:
        return "", "empty"
    if _SCIENTIFIC.match(text):
        return text, "mangled"
    dot_zero = _DOT_ZERO.match(text)
    if dot_zero:
        return (dot_zero.group(1), "") if len(dot_zero.group(1)) <= EXCEL_DIGITS else (text, "mangled")
    return text, ""

