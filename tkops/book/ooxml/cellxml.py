"""Cells as sheet XML (docs/ooxml.md#cells): references, and the ``<c>`` element of a value tkops writes.

Text is always an inline string (``t="inlineStr"``), never a formula: ``=1+1`` typed by a buyer is stored as the
five characters it is. Numbers are written as Python's shortest round-trip form, dates as serial numbers in the 1900
date system (or 1904 when the workbook says so), booleans as 0/1, and infinities as the error ``#NUM!``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import Any

from tkops.values import CONTROL_CHARS

_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4})_")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")  # lone surrogates and the two non-characters
EPOCH_1900 = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)


@lru_cache(maxsize=20_000)
def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@lru_cache(maxsize=20_000)
def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref: str) -> tuple[int, int]:
    """``B7`` -> (row 7, column 2)."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(m.group(2)), column_index(m.group(1))


def range_bounds(ref: str) -> tuple[int, int, int, int]:
    """``A1:C9`` -> (first row, first column, last row, last column); a single cell is a range of one."""
    first, _, last = ref.partition(":")
    r1, c1 = split_ref(first)
    r2, c2 = split_ref(last) if last else (r1, c1)
    return r1, c1, r2, c2


def escape_text(text: str) -> str:
    """Text as XML character data: markup escaped, characters XML cannot hold dropped, a carriage return as a
    character reference (a parser turns a raw one into a line feed), and a literal ``_xHHHH_`` protected so that
    Excel does not decode it as an escaped character (ECMA-376 Part 1, 22.9.2.19 ST_Xstring)."""
    if CONTROL_CHARS.search(text):
        text = CONTROL_CHARS.sub("", text)
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if "_x" in text:
        text = _ESCAPED.sub(r"_x005F_\1_", text)
    return text


def serial(value: dt.datetime | dt.date | dt.time | dt.timedelta, date1904: bool = False) -> float:
    """A date, time or duration as Excel's serial number of days."""
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    delta = value - (EPOCH_1904 if date1904 else EPOCH_1900)
    days = delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000
    if not date1904 and days < 61:  # Excel counts a 29 February 1900 that never was
        days -= 1
    return days


def number_text(value: float | int) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def cell_xml(ref: str, value: Any, style: int, prefix: str = "", date1904: bool = False) -> str:
    """The ``<c>`` element for ``value`` at ``ref`` with cell format ``style`` (0 = none written); an empty
    value keeps only a formatted cell, or nothing."""
    c = prefix + "c"
    s = f' s="{style}"' if style else ""
    if value is None or (isinstance(value, str) and value == ""):
        return f'<{c} r="{ref}"{s}/>' if style else ""
    if isinstance(value, str):
        t = prefix + "t"
        # only text with spaces at an end needs the attribute (XlsxWriter's rule): a fifth of a text sheet's bytes
        space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
        return (f'<{c} r="{ref}"{s} t="inlineStr"><{prefix}is><{t}{space}>{escape_text(value)}</{t}>'
                f'</{prefix}is></{c}>')
    v = prefix + "v"
    if isinstance(value, bool):
        return f'<{c} r="{ref}"{s} t="b"><{v}>{int(value)}</{v}></{c}>'
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
            return f'<{c} r="{ref}"{s} t="e"><{v}>#NUM!</{v}></{c}>'
        return f'<{c} r="{ref}"{s}><{v}>{number_text(value)}</{v}></{c}>'
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return f'<{c} r="{ref}"{s}><{v}>{number_text(round(serial(value, date1904), 10))}</{v}></{c}>'
    return cell_xml(ref, str(value), style, prefix, date1904)
