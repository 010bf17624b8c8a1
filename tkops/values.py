"""Pure, vectorised parsers for cell values: text, IDs, whole numbers, money and date-times.

Each parser takes a column of raw cells (strings from CSV files; strings, numbers or datetimes from XLSX files)
and the spreadsheet row number of each cell, and returns a typed column, or raises a :class:`~tkops.errors.DataError`
naming the file, the row, the column and the bad value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops.cells.text import scalar_text
from tkops.errors import AmbiguousDates, BadValue, DataError, MangledIds
from tkops.markets import CURRENCY_MARKS, ZERO_DECIMAL_CURRENCIES

EXCEL_MAX_CHARS = 32_767
#: Bounds of the numbers a cell may hold (docs/input-files.md#values): no count on an order line, and no amount of
#: one order in any currency tkops knows, comes near them; beyond them a cell is damaged (99999999999999999999
#: would otherwise become -9.22e18 in a whole-number column).
MAX_WHOLE = 10**9
MAX_AMOUNT = 10**12
#: Dates before TikTok Shop's exports could exist, or more than a year ahead, are damaged cells.
MIN_YEAR = 2016
_WHOLE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$")
# XML 1.0 cannot hold these; openpyxl refuses them and Excel shows them as garbage.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SCI = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_DOT_ZERO = re.compile(r"^\d+\.0+$")


@dataclass(frozen=True)
class Where:
    """Where a column came from, for messages: the file, the header as written there, the row numbers."""

    file: str
    column: str
    rows: pd.Series  # spreadsheet row number of each cell, aligned with the column


def _text_only(col: pd.Series) -> bool:
    """True when every cell is text or empty (CSV columns): the per-cell type checks can be skipped."""
    return isinstance(col.dtype, pd.StringDtype)


def _is_str(col: pd.Series) -> pd.Series:
    if _text_only(col):
        return col.notna()
    return col.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False).astype(bool)


def _is_number(col: pd.Series) -> pd.Series:
    if _text_only(col):
        return pd.Series(False, index=col.index)
    found = col.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), na_action="ignore")
    return found.fillna(False).astype(bool)


def _by_uniques(col: pd.Series, parse):
    """Apply ``parse`` (a function of a column) to the distinct values of ``col`` only, and spread the results.

    Export columns repeat few values (prices, statuses, dates of a busy hour): parsing each once is much faster.
    ``parse`` returns a Series or a tuple of Series aligned with its input."""
    if len(col) < 64:
        return parse(col)
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    if len(uniques) > len(col) // 2:
        return parse(col)
    parsed = parse(pd.Series(uniques, dtype=col.dtype))
    many = parsed if isinstance(parsed, tuple) else (parsed,)
    spread = []
    for part in many:
        values = part.to_numpy(dtype=object) if part.dtype == object else part.array
        taken = pd.Series(pd.array(values).take(codes, allow_fill=True), index=col.index)
        spread.append(taken.astype(part.dtype) if part.dtype != object else taken.astype(object))
    return tuple(spread) if isinstance(parsed, tuple) else spread[0]


def clean_text(col: pd.Series) -> pd.Series:
    """Strip surrounding whitespace (tabs included), drop control characters; empty -> None. Object dtype."""
    if _text_only(col):
        # A plain loop with str.strip is several times faster than pandas' string methods here, and control
        # characters are looked for once in the whole column before any cell is rewritten.
        values = col.to_numpy(dtype=object, na_value=None)
        cleaned = [(v.strip() or None) if v is not None else None for v in values]
        if CONTROL_CHARS.search("\n".join(filter(None, cleaned))):
            cleaned = [(CONTROL_CHARS.sub("", v).strip() or None) if v is not None else None for v in cleaned]
        return pd.Series(cleaned, index=col.index, dtype=object)
    out = col.astype(object)
    not_str = ~_is_str(out) & out.notna()
    if not_str.any():
        out = out.copy()
        out[not_str] = out[not_str].map(_format_scalar)
    s = out.astype("str").str.strip()
    has_ctrl = s.str.contains(CONTROL_CHARS, na=False)
    if has_ctrl.any():
        s = s.where(~has_ctrl, s.str.replace(CONTROL_CHARS, "", regex=True).str.strip())
    res = s.astype(object)
    res[(s == "") | s.isna() | col.isna()] = None
    return res


#: A non-text cell (from XLSX) as the text a person sees: 12.0 -> "12", datetimes in ISO form.
_format_scalar = scalar_text


def truncate_long(col: pd.Series) -> pd.Series:
    """Boolean mask of cells longer than Excel's cell limit (the caller cuts them and warns)."""
    return (col.astype("str").str.len() > EXCEL_MAX_CHARS).fillna(False).astype(bool)


def ids(col: pd.Series, where: Where) -> pd.Series:
    """IDs as text. Refuses cells that Excel has already turned into numbers (5.77E+17, 577...0.0)."""
    raw = col if _text_only(col) else col.astype(object)
    numeric = _is_number(raw)
    if numeric.any():
        # A number cell: exact only while it is an integer below 2**53 (about 9.0E+15). TikTok's IDs are longer.
        bad = numeric & raw.map(lambda v: not (float(v).is_integer() and abs(v) < 2**53) if isinstance(
            v, (int, float)) else False)
        if bad.any():
            _raise_mangled(raw, bad, where)
        raw = raw.copy()
        raw[numeric] = raw[numeric].map(lambda v: str(int(v)))
    text = clean_text(raw)
    s = text.astype("str")
    bad = s.str.match(_SCI, na=False) | s.str.match(_DOT_ZERO, na=False)
    if bad.any():
        _raise_mangled(text, bad, where)
    return text


def _raise_mangled(values: pd.Series, bad: pd.Series, where: Where):
    first = bad[bad].index[0]
    raise MangledIds(file=where.file, row=int(where.rows.loc[first]), column=where.column,
                     value=_format_scalar(values.loc[first]))


def _first_bad(values: pd.Series, bad: pd.Series, where: Where, expected: str) -> BadValue:
    first = bad[bad].index[0]
    return BadValue(file=where.file, row=int(where.rows.loc[first]), column=where.column,
                    value=_format_scalar(values.loc[first]), expected=expected)


def integers(col: pd.Series, where: Where, limit: int = MAX_WHOLE) -> pd.Series:
    """Whole numbers (Int64); "2", "2.0", "1,200", 2.0 and " 2 " are read; "two", "1.5", "1,5" or "1e3" is a clear
    error, and so is a number beyond ``limit`` either way (it would not fit the column)."""
    raw = col if _text_only(col) else col.astype(object)
    numeric = _is_number(raw)

    def parse(part: pd.Series) -> pd.Series:
        text = clean_text(part)
        return pd.Series([None if t is None else _whole_text(t) for t in text], index=part.index, dtype=object)

    parsed = _by_uniques(raw.where(~numeric, None) if numeric.any() else raw, parse).astype(object)
    if numeric.any():
        parsed[numeric] = raw[numeric].map(_whole_number)
    values = [None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v
              for v in parsed.tolist()]
    bad = pd.Series([isinstance(v, str) for v in values], index=col.index)
    if bad.any():
        raise _first_bad(clean_text(raw), bad, where, "expected_int")
    big = pd.Series([isinstance(v, int) and abs(v) > limit for v in values], index=col.index)
    if big.any():
        raise _too_big(raw, big, where, limit)
    return pd.Series(pd.array(values, dtype="Int64"), index=col.index)


def _whole_text(text: str):
    """A whole number written as text ("1,200", "2.0"), or "bad"."""
    number = whole_number(text)
    return "bad" if number is None else number


def whole_number(text: str) -> int | None:
    """The whole number a cell's text writes ("2", " 2.0 ", "1,200", "-1"), or None ("two", "1.5", "1,5", "1e3")."""
    text = text.strip()
    if not _WHOLE.match(text):
        return None
    return int(text.replace(",", "").split(".")[0])


def _whole_number(v):
    """A number cell as an int, or "bad" when it is not a whole, finite number."""
    value = float(v)
    return int(value) if np.isfinite(value) and value.is_integer() else "bad"


def _too_big(values: pd.Series, big: pd.Series, where: Where, limit) -> DataError:
    first = big[big].index[0]
    return DataError("input.number_too_big", file=where.file, row=int(where.rows.loc[first]), column=where.column,
                     value=_format_scalar(values.loc[first]), limit=f"{limit:,}")


def money(col: pd.Series, where: Where, decimal: str = "", default_currency: str = "", market_decimal: str = ""
          ) -> tuple[pd.Series, pd.Series]:
    """Amounts (Float64) and the currency each cell names ("" when it names none).

    Handles currency marks before or after the number ("BRL 35,91", "R$ 62,90", "$1,234.50", "150.000 ₫") and both
    decimal styles: with ``decimal`` "." or "," the style is fixed; with "" it is told from each value (the last of
    "." and "," is the decimal mark; a lone "," with three digits after it, or a lone "." with three digits after it
    in a currency without decimals or in a market whose ``market_decimal`` is ",", groups thousands). Numbers beyond
    :data:`MAX_AMOUNT` (or not finite) are refused: no amount of an order is that large.
    """
    raw = col if _text_only(col) else col.astype(object)
    is_num = _is_number(raw)

    def parse(part: pd.Series) -> tuple[pd.Series, pd.Series]:
        text = clean_text(part).astype("str")
        mark = text.str.replace(r"[\d.,\s+\-]", "", regex=True).fillna("")
        currency = mark.map(_currency_of_mark)
        unknown = (mark != "") & currency.isna()
        currency = currency.fillna("")
        number = text.str.replace(r"[^\d.,\-]", "", regex=True)
        zero_dec = currency.where(currency != "", default_currency).isin(ZERO_DECIMAL_CURRENCIES)
        dot_groups = zero_dec | (market_decimal == ",")
        values = pd.to_numeric(_normalise_decimal(number, decimal, dot_groups), errors="coerce").astype(float)
        bad = unknown | (text.notna() & (text != "") & pd.isna(values))
        return pd.Series(np.where(bad, np.inf, values), index=part.index).astype("Float64"), currency.astype(object)

    values, currency = _by_uniques(raw.where(~is_num, None) if is_num.any() else raw, parse)
    bad = (values == np.inf).fillna(False)
    if bad.any():
        raise _first_bad(clean_text(raw.where(~is_num, None)), bad, where, "expected_number")
    if is_num.any():
        values = values.astype(float)
        values[is_num] = raw[is_num].astype(float)
    plain = values.astype(float)
    big = pd.Series(~np.isfinite(plain.fillna(0).to_numpy()) | (plain.abs() > MAX_AMOUNT).fillna(False).to_numpy(),
                    index=values.index)
    if big.any():
        raise _too_big(raw, big, where, MAX_AMOUNT)
    return values.astype("Float64"), currency.astype(object)


def _currency_of_mark(mark: str):
    if not mark:
        return ""
    for sign, code in CURRENCY_MARKS:
        if mark.casefold() == sign.casefold():
            return code
    if re.fullmatch(r"[A-Z]{3}", mark):
        return mark
    return None


def _normalise_decimal(number: pd.Series, decimal: str, dot_groups: pd.Series) -> pd.Series:
    """Number text in Python's form. ``dot_groups``: where a lone "." before three digits groups thousands."""
    has_dot = number.str.contains(".", regex=False, na=False)
    has_comma = number.str.contains(",", regex=False, na=False)
    if decimal == ".":
        return number.str.replace(",", "", regex=False)
    if decimal == ",":
        return number.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    last_comma = number.str.rfind(",")
    last_dot = number.str.rfind(".")
    both = has_dot & has_comma
    comma_decimal = both & (last_comma > last_dot)
    comma_only = has_comma & ~has_dot
    comma_thousands = comma_only & number.str.fullmatch(r"-?\d{1,3}(,\d{3})+", na=False)
    dot_only = has_dot & ~has_comma
    dot_thousands = dot_only & (
        number.str.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}", na=False)
        | (dot_groups & number.str.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", na=False))
    )
    out = number.copy()
    as_comma_dec = comma_decimal | (comma_only & ~comma_thousands)
    out = out.where(~as_comma_dec, number.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    out = out.where(~(both & ~comma_decimal), number.str.replace(",", "", regex=False))
    out = out.where(~comma_thousands, number.str.replace(",", "", regex=False))
    out = out.where(~dot_thousands, number.str.replace(".", "", regex=False))
    return out


# Formats seen in Seller Center and ERP exports, by the day/month order they imply ("" = unambiguous).
DATE_FORMATS: tuple[tuple[str, str], ...] = (
    ("%Y/%m/%d %H:%M:%S", ""), ("%Y-%m-%d %H:%M:%S", ""), ("%Y/%m/%d %H:%M", ""), ("%Y-%m-%d %H:%M", ""),
    ("%Y-%m-%dT%H:%M:%S", ""), ("%Y/%m/%d", ""), ("%Y-%m-%d", ""),
    ("%m/%d/%Y %I:%M:%S %p", "MDY"), ("%m/%d/%Y %H:%M:%S", "MDY"), ("%m/%d/%Y %I:%M %p", "MDY"),
    ("%m/%d/%Y %H:%M", "MDY"), ("%m/%d/%Y", "MDY"),
    ("%d/%m/%Y %H:%M:%S", "DMY"), ("%d/%m/%Y %I:%M:%S %p", "DMY"), ("%d/%m/%Y %H:%M", "DMY"), ("%d/%m/%Y", "DMY"),
    ("%d-%m-%Y %H:%M:%S", "DMY"), ("%d.%m.%Y %H:%M:%S", "DMY"), ("%d.%m.%Y %H:%M", "DMY"), ("%d.%m.%Y", "DMY"),
)
DATE_EXAMPLES = "11/25/2026 9:30:33 AM, 25/11/2026 09:30:33, 2026/11/25 09:30:33"


def choose_date_format(values: pd.Series, where: Where, date_order: str = "") -> str | None:
    """The one format that reads every text date of a file; None when there are no text dates.

    When both a day/month and a month/day format read everything (every day is 12 or less), ``date_order`` (MDY or
    DMY, from the Market or Date Order setting) decides; without it the file is refused as ambiguous.
    """
    texts = values[values.notna()].astype(str)
    uniques = pd.Series(texts.unique())
    if uniques.empty:
        return None
    fitting = []
    best, best_count = None, -1
    sample = uniques.iloc[:200]
    for fmt, order in DATE_FORMATS:
        if len(uniques) > len(sample) and pd.to_datetime(sample, format=fmt, errors="coerce").isna().any():
            continue  # cheap rejection on a sample before reading every distinct value
        parsed = pd.to_datetime(uniques, format=fmt, errors="coerce")
        count = int(parsed.notna().sum())
        if count == len(uniques):
            fitting.append((fmt, order))
        if count > best_count:
            best, best_count = fmt, count
    if not fitting:
        if best is None:
            best = max((fmt for fmt, _ in DATE_FORMATS),
                       key=lambda f: int(pd.to_datetime(sample, format=f, errors="coerce").notna().sum()))
        parsed = pd.to_datetime(texts, format=best, errors="coerce")
        first = parsed[parsed.isna()].index[0]
        raise BadValue("bad_date", file=where.file, row=int(where.rows.loc[first]), column=where.column,
                       value=texts.loc[first], examples=DATE_EXAMPLES)
    orders = {order for _, order in fitting}
    if orders <= {"", "MDY"} or orders <= {"", "DMY"}:
        return fitting[0][0]
    if date_order in ("MDY", "DMY"):
        return next(fmt for fmt, order in fitting if order in ("", date_order))
    raise AmbiguousDates(file=where.file, column=where.column, value=uniques.iloc[0])


def datetimes(col: pd.Series, where: Where, fmt: str | None) -> pd.Series:
    """Naive datetimes (shop-local). Text is read with ``fmt``; XLSX datetimes pass; numbers are Excel serials."""
    if _text_only(col):
        raw = col
        is_dt = is_num = pd.Series(False, index=col.index)
        text = clean_text(raw)
    else:
        raw = col.astype(object)
        is_dt = raw.map(lambda v: isinstance(v, (dt.datetime, dt.date)), na_action="ignore").fillna(False)
        is_dt = is_dt.astype(bool)
        is_num = _is_number(raw)
        text = clean_text(raw.where(~(is_dt | is_num), None))
    out = pd.Series(pd.NaT, index=col.index, dtype="datetime64[ns]")
    has_text = text.notna()
    if has_text.any():
        parsed = pd.to_datetime(text[has_text].astype(str), format=fmt, errors="coerce")
        bad = parsed.isna()
        if bad.any():
            first = bad[bad].index[0]
            raise BadValue("bad_date", file=where.file, row=int(where.rows.loc[first]), column=where.column,
                           value=text.loc[first], examples=DATE_EXAMPLES)
        out[has_text] = parsed.astype("datetime64[ns]")
    first, last = MIN_YEAR, dt.date.today().year + 1
    if is_dt.any():
        when = raw[is_dt].map(_as_datetime)
        outside = when.map(lambda v: not first <= v.year <= last)
        if outside.any():
            raise _out_of_range(when, outside, where, first, last)
        out[is_dt] = pd.to_datetime(when).astype("datetime64[ns]")
    if is_num.any():
        serial = raw[is_num].astype(float)
        low, high = (_serial(dt.datetime(first, 1, 1)), _serial(dt.datetime(last + 1, 1, 1)))
        outside = ~((serial >= low) & (serial < high))  # NaN and infinities are outside too
        if outside.any():
            raise _out_of_range(raw[is_num], outside, where, first, last)
        out[is_num] = (pd.Timestamp("1899-12-30") + pd.to_timedelta(serial, unit="D")).dt.round("s")
    outside = out.notna() & ~out.dt.year.between(first, last)
    if outside.any():
        raise _out_of_range(text.where(text.notna(), raw), outside, where, first, last)
    return out


def _serial(when: dt.datetime) -> float:
    return (when - dt.datetime(1899, 12, 30)).total_seconds() / 86400.0


def _out_of_range(values: pd.Series, outside: pd.Series, where: Where, first: int, last: int) -> DataError:
    row = outside[outside].index[0]
    return DataError("input.date_range", file=where.file, row=int(where.rows.loc[row]), column=where.column,
                     value=_format_scalar(values.loc[row]), first=first, last=last)


def _as_datetime(v):
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None)
    return dt.datetime(v.year, v.month, v.day)


def excel_serial(col: pd.Series) -> np.ndarray:
    """Datetimes as Excel serial day numbers (float, NaN for missing): how a workbook stores them."""
    delta = pd.to_datetime(col) - pd.Timestamp("1899-12-30")
    return (delta.dt.total_seconds() / 86400.0).to_numpy(dtype=float, na_value=np.nan)
