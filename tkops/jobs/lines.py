"""The order lines of a book, live and archived: the one place where a job reads Orders + history.

Every after-sales step, KPI and month-end calls :func:`order_lines` instead of reading the Orders sheet itself, so
a return for an order archived last month still finds its SKU, cost and buyer language. Each line comes once: the
Orders sheet's copy when the line is there (a run that crashed between writing history and saving the book leaves a
line in both), else the newest run's copy in history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from tkops import schema
from tkops.book.protocol import ReadBook
from tkops.history import LINE_KEY, HistoryStore
from tkops.history.columns import as_objects, canonical
from tkops.history.mark import MARK, Mark, check_store
from tkops.jobs.orders_sheet import orders_sheet
from tkops.merge import typed

#: The column of :func:`order_lines`' frame holding each line's key (Order ID|SKU|occurrence).
KEY = "line_key"
#: The column saying where a line was read: "orders" or "history".
WHERE = "where"
#: The times that make an order recent for ``order_lines(since=...)``: created, paid, shipped or delivered since.
SINCE_HEADERS = ("Created Time", "Paid Time", "Shipped Time", "Delivered Time")


def history_of(book: ReadBook) -> HistoryStore | None:
    """The book's history store, checked against the book's mark (a book copied without its store is refused);
    None when the book has no path (a book in memory) or no history."""
    path = getattr(book, "path", None)
    if path is None:
        return None
    mark = Mark.from_rows(book.read_rows(MARK.name))
    store = HistoryStore(Path(path))
    check_store(Path(path).name, mark, store)
    return store if mark.lines > 0 or store.parts() else None


def order_lines(book: ReadBook, keys: Sequence[str] | None = None, *, archived: Iterable[str] | None = None,
                team: Sequence[str] = (), sheet: pd.DataFrame | None = None, since: dt.datetime | None = None,
                also: Iterable[str] = ()) -> pd.DataFrame:
    """The book's order lines, Orders first, then history: canonical platform columns (``keys``; None: every
    column either has), the team columns named in ``team`` (display headers, as the sheet has them), the line key
    (:data:`KEY`) and where each line was read (:data:`WHERE`). ``archived``: the Order IDs whose history is
    wanted (None: all of history; empty: none, when a step only needs open lines); every line of Orders comes
    whatever it says. ``sheet``: the Orders sheet frame when the caller has read it already. ``since`` (with
    ``archived`` None): history is read for the orders created, paid, shipped or delivered at or after it and for
    the Order IDs in ``also`` only (at least those: the store skips its row groups that cannot match). An empty
    frame when the book has no lines."""
    if sheet is None:
        sheet = orders_sheet(book)
    wanted = None if archived is None else {str(o).strip() for o in archived if o is not None and pd.notna(o)}
    live = _live(sheet, keys, team)
    if wanted is not None and not wanted:
        return live.reset_index(drop=True)
    store = history_of(book)
    if store is None:
        return live.reset_index(drop=True)
    past = _past(store, keys, team, wanted, _recent(since, also) if wanted is None else None)
    if past.empty:
        return live.reset_index(drop=True)
    past = past[~past[KEY].isin(set(live[KEY]))] if len(live) else past
    if live.empty:
        return past.reset_index(drop=True)
    return pd.concat([live, past], ignore_index=True)


def _live(sheet: pd.DataFrame, keys, team) -> pd.DataFrame:
    if sheet.empty:
        return pd.DataFrame(columns=[*(keys or ()), *team, KEY, WHERE])
    needed = None if keys is None else {*keys, "order_id", "sku_id", "seller_sku"}
    lines = typed(sheet) if needed is None else typed(sheet, tuple(c for c in schema.ORDER_COLUMNS
                                                                   if c.key in needed))
    line_keys = schema.line_keys(lines)
    if keys is not None:
        lines = lines.reindex(columns=[k for k in keys])
    for header in team:
        lines[header] = sheet[header] if header in sheet else None
    lines[KEY] = pd.Series(line_keys.to_numpy(dtype=object), index=lines.index, dtype=object)
    lines[WHERE] = "orders"
    return lines


def _recent(since: dt.datetime | None, also: Iterable[str]) -> list | None:
    """The store filter (pyarrow's list form: any group may match) of ``order_lines(since=..., also=...)``."""
    if since is None:
        return None
    ids = sorted({str(o).strip() for o in also if o is not None and pd.notna(o)} - {""})
    return [[(h, ">=", since)] for h in SINCE_HEADERS] + ([[("Order ID", "in", ids)]] if ids else [])


def _past(store: HistoryStore, keys, team, wanted, recent=None) -> pd.DataFrame:
    names = None if keys is None else [schema.BY_KEY[k].name for k in keys if k in schema.BY_KEY] + ["Order ID"]
    columns = None if names is None else list(dict.fromkeys([*names, *team]))
    filters = [("Order ID", "in", sorted(wanted))] if wanted is not None else recent
    frame = store.read(columns, filters)
    if wanted is not None and len(frame):
        frame = frame[frame["Order ID"].astype(str).str.strip().isin(wanted).to_numpy()]
    if frame.empty:
        return pd.DataFrame()
    lines = canonical(frame, None if keys is None else list(keys))
    if keys is not None:
        lines = lines.reindex(columns=list(keys))
    for header in team:
        lines[header] = as_objects(frame[header]) if header in frame else None
    # written as text by HistoryStore.append, never blank; objects, as the Orders sheet's keys (no str dtype inferred)
    lines[KEY] = pd.Series(frame[LINE_KEY].to_numpy(dtype=object), index=lines.index, dtype=object)
    lines[WHERE] = "history"
    return lines
