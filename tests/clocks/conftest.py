"""Shared helpers of the clock tests: order lines built from a few keyword arguments, typed like the Orders sheet."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.schema import BY_KEY, Kind, dtype_of

T = dt.datetime


def line(order: str = "1", **values) -> dict:
    """One order line: Awaiting Shipment, US unless ``country`` says otherwise."""
    return {"order_id": order, "order_status": "Awaiting Shipment", "country": "United States", **values}


def frame(*rows: dict) -> pd.DataFrame:
    """Canonical order lines from ``rows``, columns typed as :func:`tkops.merge.typed` types them."""
    out = pd.DataFrame(list(rows))
    for key in out.columns:
        column = BY_KEY.get(key)
        if column is not None and column.kind is Kind.DATETIME:
            out[key] = pd.to_datetime(out[key]).astype(dtype_of(Kind.DATETIME))
    return out


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)
