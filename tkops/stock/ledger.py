"""The stock ledger (pure): every movement of stock is one row with a stable Movement ID, and On Hand is the last
count plus the movements since. Re-running a step proposes the same IDs, so nothing is counted twice.

Movements (``Kind``):

- ``count``: a stock count (a stock file loaded, a shelf count): ``Quantity`` is the absolute On Hand. Its ID names
  the file's fingerprint, so loading the same file again adds nothing, and a new count starts the sum afresh;
- ``ship``: an order line left the warehouse (exported for upload, or its order shows as shipped): ``-quantity``,
  once per line;
- ``unship``: a shipped line whose order was cancelled afterwards: the ship movement is reversed, once;
- ``return``: a return received: ``+quantity`` when resellable, 0 when not (kept, so the damaged unit is on record);
- ``adjust``: a correction typed by the team: ``Quantity`` is the change and a ``Reason`` is required.

The sheets' side (typed rows, recounts typed on Inventory, received returns) is :mod:`tkops.stock.ledger_sheet`;
the job that runs it all on a book is :mod:`tkops.jobs.stock_ledger`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.statuses import canonical_statuses

KINDS = ("count", "ship", "unship", "return", "adjust")
COLUMNS = ("Movement ID", "At", "Seller SKU", "Kind", "Quantity", "Reference", "Reason", "Condition")
SHIPPED = frozenset({"Shipped", "In Transit", "Delivered", "Completed"})
RESELLABLE = frozenset({"resellable", "ok", "good", "new", "可售", "完好", "良品"})


def _rows(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=list(COLUMNS))


def count_movements(counts: dict[str, int], at: dt.datetime, reference: str) -> pd.DataFrame:
    """A count of each SKU in ``counts`` (SKU -> On Hand) from the source ``reference`` (a file's SHA-256)."""
    return _rows([{"Movement ID": f"count|{reference}|{sku.casefold()}", "At": at, "Seller SKU": sku,
                   "Kind": "count", "Quantity": int(n), "Reference": reference} for sku, n in counts.items()])


def ship_movements(lines: pd.DataFrame, exported: set[str], log: pd.DataFrame, at: dt.datetime) -> pd.DataFrame:
    """Ship movements of the order lines (``line_key``, order_id, seller_sku, quantity, order_status) that were
    exported for upload (their key in ``exported``) or whose order shows as shipped; unship movements of lines
    shipped in ``log`` whose order is now cancelled."""
    status = canonical_statuses(lines["order_status"]) if "order_status" in lines else [None] * len(lines)
    shipped_before = set(log.loc[log["Kind"] == "ship", "Movement ID"]) if len(log) else set()
    out = []
    for key, order, sku, qty, state in zip(lines["line_key"], lines["order_id"], lines["seller_sku"],
                                           lines["quantity"], status):
        sku, n = scalar_text(sku), _int(qty)
        if not sku or n <= 0:
            continue
        ship_id = f"ship|{key}"
        if state == "Cancelled":
            if ship_id in shipped_before:
                out.append({"Movement ID": f"unship|{key}", "At": at, "Seller SKU": sku, "Kind": "unship",
                            "Quantity": n, "Reference": scalar_text(order)})
        elif key in exported or state in SHIPPED:
            out.append({"Movement ID": ship_id, "At": at, "Seller SKU": sku, "Kind": "ship", "Quantity": -n,
                        "Reference": scalar_text(order)})
    return _rows(out)


def return_movements(cases: pd.DataFrame, at: dt.datetime) -> pd.DataFrame:
    """Return movements of the received returns (``case_id``, seller_sku, quantity, condition): back on the shelf
    when the condition is resellable, on record with 0 otherwise."""
    out = []
    for case, sku, qty, condition in zip(cases["case_id"], cases["seller_sku"], cases["quantity"],
                                         cases["condition"]):
        sku, n = scalar_text(sku), _int(qty)
        if not sku or n <= 0:
            continue
        good = scalar_text(condition).casefold() in RESELLABLE
        out.append({"Movement ID": f"return|{scalar_text(case)}|{sku.casefold()}", "At": at, "Seller SKU": sku,
                    "Kind": "return", "Quantity": n if good else 0, "Reference": scalar_text(case),
                    "Condition": scalar_text(condition)})
    return _rows(out)


def append_new(log: pd.DataFrame, proposed: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """``log`` with the ``proposed`` movements whose ID it does not hold yet (each ID once); how many were added."""
    have = set(log["Movement ID"]) if len(log) else set()
    fresh = proposed[~proposed["Movement ID"].isin(have)].drop_duplicates("Movement ID")
    if fresh.empty:
        return log, 0
    return pd.concat([log, fresh], ignore_index=True) if len(log) else fresh.reset_index(drop=True), len(fresh)


def on_hand(log: pd.DataFrame) -> tuple[dict[str, int], list[int]]:
    """On Hand per SKU (case-insensitive; keyed as first written): the last count plus every movement after it
    (in time, then row order); SKUs never counted are left out, rows of another Kind too. Also the rows of
    adjustments without a reason (ignored until one is given)."""
    if log.empty:
        return {}, []
    frame = log.copy()
    frame["_at"] = pd.to_datetime(frame["At"], errors="coerce")
    frame["_row"] = range(len(frame))
    frame = frame.sort_values(["_at", "_row"], na_position="first")  # _row is unique: a total order
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    unreasoned = []
    for sku, kind, qty, reason, row in zip(frame["Seller SKU"], frame["Kind"], frame["Quantity"], frame["Reason"],
                                           frame["_row"]):
        key = scalar_text(sku).casefold()
        if not key:
            continue
        names.setdefault(key, scalar_text(sku))
        if kind == "count":
            totals[key] = _int(qty)
        elif kind == "adjust" and not scalar_text(reason):
            unreasoned.append(int(row))
        elif key in totals and kind in KINDS:
            totals[key] += _int(qty)
    return {names[k]: v for k, v in totals.items()}, sorted(unreasoned)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
