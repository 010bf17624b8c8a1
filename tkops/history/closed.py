"""Which order lines are closed and old enough to leave the Orders sheet for history (pure; docs/history.md).

A line is archived when, for every line of its order:

- the order status is Delivered, Completed or Cancelled (any spelling :mod:`tkops.statuses` knows);
- it closed before the cutoff: Delivered Time for a delivered or completed line, Cancelled Time for a cancelled
  one (a completed line without a Delivered Time counts from its Cancelled Time if it has one). A line without its
  close time stays: tkops cannot tell how long ago it closed, and a line kept too long costs a little time while a
  line moved too early would leave the team's working set;
- the order has no open after-sales case (a case that is not a cancellation, not Done and has no Closed time).

Orders move whole: a line key counts the occurrences of a SKU inside its order, so an order split between the sheet
and history would give two lines the same key.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.statuses import canonical_statuses

CLOSED = frozenset({"Delivered", "Completed", "Cancelled"})
DONE = "done"
CANCEL_TYPE = "Cancel"


def _time(lines: pd.DataFrame, key: str) -> pd.Series:
    if key not in lines:
        return pd.Series(pd.NaT, index=lines.index, dtype="datetime64[ns]")
    return pd.to_datetime(lines[key], errors="coerce")


def close_times(lines: pd.DataFrame) -> pd.Series:
    """When each line closed (NaT: unknown): Cancelled Time for a cancelled line, Delivered Time (else Cancelled
    Time) for the others."""
    status = canonical_statuses(lines["order_status"]) if "order_status" in lines \
        else pd.Series(None, index=lines.index, dtype=object)
    delivered, cancelled = _time(lines, "delivered_time"), _time(lines, "cancelled_time")
    return delivered.where(status.ne("Cancelled"), cancelled).fillna(cancelled)


def open_case_orders(cases: pd.DataFrame | None) -> set[str]:
    """Order IDs with an open after-sales case. ``cases``: the AfterSales sheet frame (display headers)."""
    if cases is None or cases.empty or "Order ID" not in cases:
        return set()
    blank = pd.Series(None, index=cases.index, dtype=object)
    kind = cases.get("Return Type", blank).fillna("").astype(str).str.strip()
    status = cases.get("Status", blank).fillna("").astype(str).str.strip().str.casefold()
    closed = pd.to_datetime(cases.get("Closed", blank), errors="coerce")
    is_open = kind.ne(CANCEL_TYPE) & status.ne(DONE) & closed.isna()
    ids = cases.loc[is_open, "Order ID"].dropna().astype(str).str.strip()
    return set(ids[ids != ""])


def to_archive(lines: pd.DataFrame, cutoff: dt.datetime, open_orders: set[str] = frozenset()) -> np.ndarray:
    """A boolean per line of ``lines`` (canonical keys): True where its whole order can move to history, i.e. every
    line of the order is closed before ``cutoff`` and the order has no open case (``open_orders``)."""
    if lines.empty:
        return np.zeros(0, dtype=bool)
    status = canonical_statuses(lines["order_status"]) if "order_status" in lines \
        else pd.Series(None, index=lines.index, dtype=object)
    closed = status.isin(CLOSED) & (close_times(lines) < pd.Timestamp(cutoff)).fillna(False)
    orders = lines["order_id"].astype(object).where(lines["order_id"].notna(), "").astype(str)
    closed &= orders.ne("") & ~orders.isin(set(open_orders))
    whole = closed.groupby(orders.to_numpy()).transform("all")
    return whole.to_numpy(dtype=bool)
