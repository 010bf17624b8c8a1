"""The order lines of a book, live and archived: the one place where a job reads Orders + history.

Every after-sales step, KPI and month-end calls :func:`order_lines` instead of reading the Orders sheet itself, so
a return for an order archived last month still finds its SKU, cost and buyer language. Each line comes once: the
Orders sheet's copy when the line is there (a run that crashed between writing history and saving the book leaves a
line in both), else the newest run's copy in history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkops import schema
from tkops.book.protocol import ReadBook
from tkops.history import LINE_KEY, HistoryStore
from tkops.aftersales.line_facts import lines_table, number_array
from tkops.history.columns import as_objects, canonical
from tkops.history.store import frame_of, unite_tables
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
    return book_lines(book, keys, archived=archived, team=team, sheet=sheet, since=since, also=also).frame()


def book_lines(book: ReadBook, keys: Sequence[str] | None = None, *, archived: Iterable[str] | None = None,
               team: Sequence[str] = (), sheet: pd.DataFrame | None = None, since: dt.datetime | None = None,
               also: Iterable[str] = ()) -> BookLines:
    """:func:`order_lines`' lines with history still in Arrow (:class:`BookLines`): for a step that groups a year
    of lines but needs only some of them as a frame."""
    if sheet is None:
        sheet = orders_sheet(book)
    wanted = None if archived is None else {str(o).strip() for o in archived if o is not None and pd.notna(o)}
    live = _live(sheet, keys, team)
    lines = BookLines(live, None, keys, tuple(team))
    if wanted is not None and not wanted:
        return lines
    store = history_of(book)
    if store is None:
        return lines
    return lines.with_past(_past_table(store, keys, team, wanted, _recent(since, also) if wanted is None else None))


@dataclass
class BookLines:
    """A book's order lines: the Orders sheet's as a frame (``live``, as :func:`order_lines` makes them), then
    history's not on Orders as an Arrow table (``past``: the store's columns, display headers; None: none)."""

    live: pd.DataFrame
    past: pa.Table | None
    keys: Sequence[str] | None
    team: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.live) + (self.past.num_rows if self.past is not None else 0)

    def with_past(self, more: pa.Table) -> BookLines:
        """These lines and then the history lines ``more`` (a line already here is not taken again)."""
        have = pa.array(self.live[KEY].tolist() if len(self.live) else [], pa.string())
        if self.past is not None:
            have = pa.concat_arrays([have, self.past.column(LINE_KEY).combine_chunks()])
        if more.num_rows and len(have):
            here = pc.is_in(more.column(LINE_KEY), value_set=have)
            if here.null_count or pc.any(here).as_py():  # filtering copies a year of lines: only when it must
                more = more.filter(pc.invert(here))
        if not more.num_rows:
            return self
        past = more if self.past is None else unite_tables([self.past, more])
        return BookLines(self.live, past, self.keys, self.team)

    def frame(self, rows: np.ndarray | None = None, keys: Sequence[str] | None = None) -> pd.DataFrame:
        """The lines at ``rows`` (positions, ascending: Orders' lines count first), every line when None, as
        :func:`order_lines` gives them; ``keys``: only these canonical columns (and the line key and where)."""
        n = len(self.live)
        live = self.live if rows is None else self.live.iloc[rows[rows < n]]
        past = self.past if rows is None or self.past is None else self.past.take(pa.array(rows[rows >= n] - n))
        team = self.team
        if keys is not None:
            live, team = live.reindex(columns=[*keys, KEY, WHERE]), ()
            if past is not None:
                names = {schema.BY_KEY[k].name for k in keys} | {LINE_KEY}
                past = past.select([c for c in past.column_names if c in names])
        if past is None or not past.num_rows:
            return live.reset_index(drop=True)
        past = _past_frame(past, self.keys if keys is None else keys, team)
        if live.empty:
            return past.reset_index(drop=True)
        return pd.concat([live, past], ignore_index=True)

    def table(self, text_keys: Sequence[str], time_keys: Sequence[str], number_keys: Sequence[str] = ()
              ) -> pa.Table:
        """The lines as a line table (:mod:`tkops.aftersales.line_facts`) of these keys, in :meth:`frame`'s order."""
        live = lines_table(self.live, text_keys, time_keys, number_keys)
        if self.past is None:
            return live
        past = {}
        for key in (*text_keys, *time_keys, *number_keys):
            name = schema.BY_KEY[key].name
            column = self.past.column(name) if name in self.past.column_names else None
            kind = pa.timestamp("us") if key in time_keys else pa.float64() if key in number_keys else pa.string()
            past[key] = _typed(column, self.past.num_rows, kind)
        return pa.concat_tables([live, pa.table(past)])

    def given(self, header: str) -> bool:
        """Whether any line has a value in the team column ``header``."""
        if header in self.live and self.live[header].notna().any():
            return True
        past = self.past
        return past is not None and header in past.column_names and past.column(header).null_count < past.num_rows


def _typed(column: pa.ChunkedArray | None, rows: int, kind: pa.DataType) -> pa.ChunkedArray | pa.Array:
    """A history column as a line table holds it (``kind``): text as text (the store's is already), times as
    timestamps, numbers as float64."""
    if column is None:
        return pa.nulls(rows, kind)
    if column.type == kind:
        return column
    if kind == pa.float64():  # whole numbers (int64), or text where parts disagree on the type
        return number_array(pd.Series(column.to_numpy(zero_copy_only=False), dtype=object))
    if kind == pa.timestamp("us"):  # parts that disagree on a column's type are read as text (HistoryStore.read_table)
        stamps = pd.to_datetime(pd.Series(column.to_numpy(zero_copy_only=False), dtype=object), errors="coerce",
                                format="mixed")
        return pa.array(stamps.to_numpy(dtype="datetime64[us]"), kind, mask=stamps.isna().to_numpy())
    return pc.cast(column, pa.string())


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


def _past_table(store: HistoryStore, keys, team, wanted, recent=None) -> pa.Table:
    """History's lines (the store's columns for ``keys`` and ``team``), of the Order IDs ``wanted`` when given."""
    names = None if keys is None else [schema.BY_KEY[k].name for k in keys if k in schema.BY_KEY] + ["Order ID"]
    columns = None if names is None else list(dict.fromkeys([*names, *team]))
    filters = [("Order ID", "in", sorted(wanted))] if wanted is not None else recent
    table = store.read_table(columns, filters)
    if wanted is not None and table.num_rows:  # parts without the filter's column are read whole
        ids = table.column("Order ID") if "Order ID" in table.column_names else pa.nulls(table.num_rows, pa.string())
        ids = pc.utf8_trim_whitespace(pc.cast(ids, pa.string()))
        table = table.filter(pc.fill_null(pc.is_in(ids, value_set=pa.array(sorted(wanted), pa.string())), False))
    return table


def _past_frame(table: pa.Table, keys, team) -> pd.DataFrame:
    """History lines (:func:`_past_table`) as :func:`order_lines` gives them."""
    frame = frame_of(table)
    lines = canonical(frame, None if keys is None else list(keys))
    if keys is not None:
        lines = lines.reindex(columns=list(keys))
    for header in team:
        lines[header] = as_objects(frame[header]) if header in frame else None
    # written as text by HistoryStore.append, never blank; objects, as the Orders sheet's keys (no str dtype inferred)
    lines[KEY] = pd.Series(frame[LINE_KEY].to_numpy(dtype=object), index=lines.index, dtype=object)
    lines[WHERE] = "history"
    return lines
