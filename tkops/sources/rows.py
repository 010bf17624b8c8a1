"""Which rows of an export are order lines: every row imports, unless it is TikTok's description row or holds
nothing at all; an ERP's follow-on rows take their order's ID from the line above; a malformed or missing Order ID
is an error naming the row and the value, never a silent skip (docs/input-files.md#rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from tkops.errors import DataError
from tkops import values as V

#: TikTok order IDs: 18 digits (docs/input-files.md#order-ids).
TIKTOK_ORDER_ID = re.compile(r"^\d{18}$")
#: Any other system's order IDs (column mappings): letters, digits, - and _, with at least one digit.
ANY_ORDER_ID = re.compile(r"^(?=\D*\d)[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
#: Columns shown to say which line a row holds, when its Order ID is missing.
_LINE_KEYS = ("seller_sku", "quantity", "product_name", "sku_id")


@dataclass
class SortedRows:
    """The outcome for every row: ``keep`` (an order line), ``order_id`` (with follow-on rows given their order's
    ID) and how many rows were skipped (description, empty)."""

    keep: pd.Series
    order_id: pd.Series
    skipped: int


def sort_rows(frame: pd.DataFrame, order_id: pd.Series, where: V.Where, written: dict[str, str],
              pattern: re.Pattern, rule: str, follow_on_rows: bool) -> SortedRows:
    """Classify the rows of ``frame`` (raw cells under canonical keys) whose checked IDs are ``order_id``.

    Raises :class:`DataError` for the first row (in file order) whose Order ID does not fit ``pattern`` (``rule``
    names the rule in the message) or that holds an order line without an Order ID and, in an export with follow-on
    rows (``follow_on_rows``), without an order line above it.
    """
    blank = order_id.isna()
    keep = ~blank
    filled = order_id
    follow_on = pd.Series(False, index=frame.index)
    missing = pd.Series(False, index=frame.index)
    if blank.any():
        has_data = _has_data(frame.loc[blank])
        lines = has_data[has_data].index
        if follow_on_rows and len(lines):
            above = order_id.ffill()
            follow_on.loc[lines] = above.loc[lines].notna()
            filled = order_id.where(~follow_on, above)
            keep = keep | follow_on
            missing.loc[lines] = ~follow_on.loc[lines]
        else:
            missing.loc[lines] = True
    # The description row is the first row with an Order ID cell (a row above it is empty, or a line without an
    # Order ID, which is an error anyway).
    first = order_id.first_valid_index()
    if first is not None and is_description_row(frame.loc[first], order_id.loc[first]):
        keep = keep.copy()
        keep.loc[first] = False
    malformed = keep & ~filled.astype("str").str.match(pattern, na=False)
    _raise_first(frame, filled, malformed, missing, where, written, rule)
    return SortedRows(keep, filled, int((~keep).sum()))


def is_description_row(cells: pd.Series, order_id) -> bool:
    """TikTok's description row (the second header row of docs/input-files.md#description-row): its Order ID cell
    is prose (letters, no digit, e.g. "Platform unique order ID." or Thai "รหัสคำสั่งซื้อ") and its Quantity cell,
    when the file has one, holds no number ("SKU sold quantity in the order.", or nothing)."""
    quantity = cells.get("quantity")
    no_number = quantity is None or pd.isna(quantity) or not str(quantity).strip() or _prose(quantity)
    return _prose(order_id) and no_number


def _prose(value) -> bool:
    """Text with a letter and no digit (any script)."""
    text = str(value)
    return any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)


def _has_data(frame: pd.DataFrame) -> pd.Series:
    """Rows with any non-blank cell."""
    return pd.DataFrame({key: V.clean_text(frame[key]).notna() for key in frame.columns},
                        index=frame.index).any(axis=1)


def _raise_first(frame, order_id, malformed, missing, where: V.Where, written, rule: str) -> None:
    bad = malformed | missing
    if not bad.any():
        return
    first = bad[bad].index[0]
    row = int(where.rows.loc[first])
    if malformed.loc[first]:
        raise DataError("input.order_id_bad", file=where.file, row=row, column=where.column,
                        value=str(order_id.loc[first]), rule=rule)
    shown = []
    for key in _LINE_KEYS:
        if key in frame.columns:
            text = V.clean_text(frame[key].loc[[first]]).iloc[0]
            if text is not None:
                shown.append(f"{written[key]} \"{text}\"")
    raise DataError("input.order_id_missing", file=where.file, row=row, column=where.column,
                    line=", ".join(shown[:3]) or "…")
