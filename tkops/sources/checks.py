"""Checks on the typed order lines of one file, before they go anywhere near the Orders sheet: every line of an
order agrees on where it goes, quantities are possible, an order is not paid before it is created
(docs/input-files.md#values).

Refused = a :class:`~tkops.errors.DataError` naming the file, the row(s), the column and the value; what is only
worth knowing (identical rows, other order-level values that differ) comes back as warnings.
"""

from __future__ import annotations

import pandas as pd

from tkops import schema
from tkops.errors import DataError
from tkops.messages import render
from tkops.settings import Settings

MAX_WARNINGS_PER_KIND = 20
#: Order-level columns that say who receives the order and where: two lines of one order that disagree here are
#: refused (which address is right cannot be guessed); other order-level columns keep the first line's value.
DESTINATION_KEYS = ("recipient", "phone", "country", "state", "city", "districts", "zipcode", "address_line_1",
                    "address_line_2", "house_name_or_number", "buyer_username")
#: What marks a line cancelled in an export: its (canonical) Order Status or Substatus, or the
#: Cancelation/Return Type "Cancel".
CANCELLED = "Cancelled"


def refuse_conflicting_lines(out: pd.DataFrame, rows: pd.Series, file: str, written: dict[str, str]) -> None:
    """Refuse two lines of one order with different non-blank destination values, naming both rows."""
    keys = [k for k in DESTINATION_KEYS if k in out.columns]
    multi = out["order_id"].duplicated(keep=False)
    if not multi.any():
        return
    values = out.loc[multi, keys].astype(object)
    firsts = values.groupby(out.loc[multi, "order_id"]).transform("first")  # each order's first non-blank value
    differs = (values.notna() & (values != firsts)).to_numpy()
    if not differs.any():
        return
    at, column = divmod(int(differs.argmax()), len(keys))  # the first differing cell in file order
    idx, key = values.index[at], keys[column]
    order = out.at[idx, "order_id"]
    same = (out.loc[multi, "order_id"] == order) & (values[key] == firsts.at[idx, key])
    raise DataError("input.conflicting_lines", file=file, first_row=int(rows[same[same].index[0]]),
                    row=int(rows[idx]), column=written[key], order=order,
                    first=str(firsts.at[idx, key]), value=str(values.at[idx, key]))


def fill_order_level(out: pd.DataFrame, rows: pd.Series, file: str, written: dict[str, str],
                     settings: Settings) -> list[str]:
    """Give every line of an order the order's value of each order-level column (in place).

    ERP exports leave these blank on an order's follow-on lines; a value that differs from the order's first line
    (destination columns are refused before this) is an inconsistency in the file: the first line wins, and a
    warning says where.
    """
    multi = out["order_id"].duplicated(keep=False)
    if not multi.any():
        return []
    warnings = []
    sub = out.loc[multi]
    keys = [k for k in schema.ORDER_LEVEL_KEYS if k in out.columns and k != "order_id"]
    firsts = sub.groupby("order_id", sort=False)[keys].transform("first")
    for key in keys:
        before = sub[key]
        after = firsts[key]
        differs = before.notna() & after.notna() & (before.astype(object) != after.astype(object))
        for idx in differs[differs].index[:MAX_WARNINGS_PER_KIND]:
            warnings.append(render("inconsistent_order_value", settings.lang, file=file, row=int(rows[idx]),
                                   column=written.get(key, schema.BY_KEY[key].name), value=before[idx],
                                   first=after[idx]))
        if before.isna().any() or differs.any():
            out.loc[multi, key] = after.astype(out[key].dtype) if out[key].dtype != object else after
    return warnings


def cancelled_lines(out: pd.DataFrame) -> pd.Series:
    """Lines the export marks cancelled (canonical statuses, or Cancelation/Return Type "Cancel")."""
    found = pd.Series(False, index=out.index)
    for key in ("order_status", "order_substatus"):
        if key in out.columns:
            found |= out[key].eq(CANCELLED).fillna(False).astype(bool)
    if "cancel_return_type" in out.columns:
        found |= out["cancel_return_type"].astype("str").str.strip().str.casefold().eq("cancel").fillna(False)
    return found


def refuse_impossible_quantities(out: pd.DataFrame, rows: pd.Series, file: str, written: dict[str, str],
                                 limit: int) -> None:
    """Quantity is a whole number from 1 to ``limit`` (0 only on a cancelled line); Sku Quantity of return, when
    given, from 0 to ``limit``. The typed columns are Int64 (text was refused already by the parser)."""
    if "quantity" in out.columns:
        quantity = out["quantity"]
        column = written["quantity"]
        blank = quantity.isna()
        lowest = pd.Series(1, index=out.index).where(~cancelled_lines(out), 0)
        wrong = ~blank & ((quantity < lowest) | (quantity > limit)).fillna(False).astype(bool)
        _raise_first_quantity(blank, wrong, quantity, rows, file, column, limit)
    if "return_quantity" in out.columns:
        returned = out["return_quantity"]
        wrong = ((returned < 0) | (returned > limit)).fillna(False).astype(bool)
        _raise_first_quantity(pd.Series(False, index=out.index), wrong, returned, rows, file,
                              written["return_quantity"], limit)


def _raise_first_quantity(blank, wrong, values, rows, file, column, limit) -> None:
    bad = blank | wrong
    if not bad.any():
        return
    first = bad[bad].index[0]
    if blank.loc[first]:
        raise DataError("input.quantity_blank", file=file, row=int(rows[first]), column=column)
    raise DataError("input.quantity", file=file, row=int(rows[first]), column=column, value=int(values.loc[first]),
                    limit=limit)


def refuse_paid_before_created(out: pd.DataFrame, rows: pd.Series, file: str, written: dict[str, str]) -> None:
    """An order cannot be paid before it is created."""
    if "paid_time" not in out.columns or "created_time" not in out.columns:
        return
    early = out["paid_time"] < out["created_time"]  # False where either is empty
    if early.any():
        first = early[early].index[0]
        raise DataError("input.paid_before_created", file=file, row=int(rows[first]), paid_column=written["paid_time"],
                        paid=_when(out.at[first, "paid_time"]), created_column=written["created_time"],
                        created=_when(out.at[first, "created_time"]))


def _when(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")


def identical_rows(out: pd.DataFrame, rows: pd.Series, file: str, settings: Settings) -> list[str]:
    """Warnings for lines that repeat another line of their order in every column (each is kept as its own line:
    an order can list one SKU on two lines)."""
    sku = [k for k in ("sku_id", "seller_sku") if k in out.columns]
    candidates = out.duplicated(["order_id", *sku], keep=False)  # cheap first: same order and SKU
    if not candidates.any():
        return []
    sub = out[candidates]
    same = sub.duplicated(keep=False)
    if not same.any():
        return []
    warnings = []
    groups = sub[same].astype(object).where(sub[same].notna(), "").astype(str)
    for _, group in groups.groupby(list(groups.columns), sort=False):
        if len(warnings) >= MAX_WARNINGS_PER_KIND:
            break
        first = group.index[0]
        label = next((str(out.at[first, k]) for k in ("seller_sku", "sku_id") if k in out.columns
                      and pd.notna(out.at[first, k])), "")
        warnings.append(render("input.identical_rows", settings.lang, file=file,
                               rows=", ".join(str(int(rows[i])) for i in group.index), order=out.at[first, "order_id"],
                               sku=label or "-", n=len(group)))
    return warnings


__all__ = ["refuse_conflicting_lines", "fill_order_level", "refuse_impossible_quantities",
           "refuse_paid_before_created", "identical_rows", "cancelled_lines"]
