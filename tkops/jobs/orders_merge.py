"""The Orders sheet, its base and its Conflicts, read once, merged file after file, written once: what the import
(:mod:`tkops.jobs.import_orders`) and the pull (:mod:`tkops.jobs.pull`) share.

The base (what tkops last imported into each line's platform cells) lives in the book's hidden tkops Base sheet,
so it travels with the workbook and is saved in the same file, atomically, with the Orders it describes.

Orders is read and written through the jobs' adapter (:mod:`tkops.jobs.sheets`), whole; what this module writes on
its own is what the three-way merge needs beside it: the base of every line the merged sheet holds, and the
conflicts it recorded. The sheet is read leniently (:func:`tkops.jobs.orders_sheet.orders_sheet`): the first import
into a book has no line to merge into.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

from tkops import schema
from tkops.book.layout import (
    BASE,
    BASE_KEY,
    CONFLICTS,
    ColumnSpec,
)
from tkops.book.protocol import Book
from tkops.jobs.orders_sheet import orders_sheet, sheet_line_keys
from tkops.jobs.sheets import OrdersView, write_orders
from tkops.merge import MergeCounts, merge_three_way, rows_frame, sheet_frame, typed
from tkops.merge_rules import PLATFORM, Conflict
from tkops.messages import render
from tkops.schema import Kind

VALUES = "Values"
PIECE = 32_000  # characters of a line's JSON per cell (Excel holds 32,767)


def base_from_rows(rows: list[list] | None, file: str = "") -> pd.DataFrame:
    """The tkops Base sheet's rows (header first) as canonical typed values indexed by line key (empty without
    the sheet). Each row holds a line's values as one JSON object (canonical key -> value, blanks left out), cut
    into pieces of at most :data:`PIECE` characters over the Values columns (an Excel cell holds 32,767)."""
    frame = sheet_frame(rows, BASE.name, file, id_header=BASE_KEY) if rows else pd.DataFrame()
    if frame.empty:
        return pd.DataFrame()
    pieces = [c for c in frame.columns if c == VALUES or c.startswith(VALUES + " ")]
    pieces.sort(key=lambda c: int(c[len(VALUES):] or 1))
    texts = frame[pieces].fillna("").astype(str).agg("".join, axis=1) if pieces else pd.Series("", index=frame.index)
    records = [_record(text) for text in texts]
    wide = pd.DataFrame.from_records(records, index=range(len(records))) if records else pd.DataFrame()
    values = typed(wide.rename(columns={c.key: c.name for c in schema.ORDER_COLUMNS}))
    values.index = frame[BASE_KEY].astype(str).to_numpy()
    return values[~values.index.duplicated(keep="last")]


def _record(text: str) -> dict:
    try:
        found = json.loads(text) if text else {}
    except ValueError:  # a cell edited by hand into something else: that line has no base
        return {}
    return {k: v for k, v in found.items() if k in schema.BY_KEY} if isinstance(found, dict) else {}


def pieces_of(rows: list[list] | None) -> int:
    """How many Values columns the tkops Base sheet has (a rewrite must clear them all)."""
    header = [str(h or "").strip() for h in (rows[0] if rows else [])]
    return sum(1 for h in header if h == VALUES or h.startswith(VALUES + " "))


def base_sheet(base: pd.DataFrame, sheet: pd.DataFrame, pieces: int = 1) -> tuple[list, pd.DataFrame]:
    """The tkops Base sheet to write for the Orders ``sheet`` frame: its columns and one row per sheet line that
    has a base, in sheet order (lines no longer on the sheet are dropped), the values as JSON (see
    :func:`base_from_rows`): two cells a line instead of one per platform column keep the book small and quick to
    open."""
    keys = schema.line_keys(typed(sheet)) if len(sheet) else pd.Series([], dtype=object)
    present = [k for k in keys if k in base.index] if len(base) else []
    rows = base.reindex(present)
    columns = [c for c in rows.columns if c in schema.BY_KEY]
    texts = [json.dumps({k: v for k, v in zip(columns, values) if v is not None}, ensure_ascii=False,
                        separators=(",", ":"), default=str)
             for values in zip(*(_json_values(rows[c]) for c in columns))] if columns else [""] * len(present)
    width = max([pieces, 1] + [-(-len(t) // PIECE) for t in texts])
    frame = pd.DataFrame({BASE_KEY: present})
    names = [VALUES] + [f"{VALUES} {i}" for i in range(2, width + 1)]
    for i, name in enumerate(names):
        frame[name] = [t[i * PIECE:(i + 1) * PIECE] or None for t in texts]
    return [ColumnSpec(BASE_KEY, Kind.TEXT, 30)] + [ColumnSpec(n, Kind.TEXT, 60) for n in names], frame


def _json_values(column: pd.Series) -> list:
    """A base column as JSON-ready values: None for blanks, ISO text for times, Python numbers and text."""
    out = []
    for v in column.astype(object).tolist():
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(None)
        elif isinstance(v, (pd.Timestamp, dt.datetime)):
            out.append(pd.Timestamp(v).isoformat())
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


class OrdersMerge:
    """The book's Orders sheet, base and conflicts in memory: :meth:`merge` each part, then :meth:`write`."""

    def __init__(self, book: Book, lang: str = "en", now: dt.datetime | None = None) -> None:
        self.book = book
        self.lang = lang
        self.now = (now or dt.datetime.now()).replace(microsecond=0)
        self.name = getattr(book, "path", Path("workbook")).name
        self.view = OrdersView(orders_sheet(book))
        self.sheet = self.view.sheet
        base_rows = book.read_rows(BASE.name)
        self.base = base_from_rows(base_rows, self.name)
        self.pieces = pieces_of(base_rows)
        self.conflicts: list[dict] = []
        self.totals = MergeCounts()
        self.archived = None  # tkops.jobs.archive.ArchiveReport of :meth:`archive`
        self.unarchived = None  # the sheet as it was before :meth:`archive` (the stock ledger reads its lines)
        self.in_history = (0, 0)  # lines and orders of the last merged part that were already in history
        self._store = False  # the history store, read when first needed (None: the book has none)

    def _history(self):
        if self._store is False:
            from tkops.jobs.lines import history_of

            self._store = history_of(self.book)
        return self._store

    def _not_again(self, incoming: pd.DataFrame) -> pd.DataFrame:
        """``incoming`` without the lines already in history and not on the sheet: an old export never brings an
        archived line back as a new one (counted in :attr:`in_history`)."""
        self.in_history = (0, 0)
        store = self._history()
        if store is None or incoming.empty or "order_id" not in incoming:
            return incoming
        keys = schema.line_keys(incoming)
        if len(self.sheet) and "Order ID" in self.sheet:
            on_sheet = set(sheet_line_keys(self.sheet))
            candidates = keys[~keys.isin(on_sheet)]
        else:
            candidates = keys
        archived = store.known(candidates.tolist())
        if not archived:
            return incoming
        again = keys.isin(archived).to_numpy()
        self.in_history = (int(again.sum()), int(incoming.loc[again, "order_id"].nunique()))
        return incoming.loc[~again]

    def archive(self, settings, now: dt.datetime | None = None) -> None:
        """Move the sheet's closed lines to history (Keep Closed Days before the book's own today; see
        :func:`tkops.jobs.archive.book_cutoff`): the part is written now, the sheet when :meth:`write` runs."""
        from tkops.jobs.archive import book_cutoff, move_to_history

        if self.sheet.empty or getattr(self.book, "path", None) is None:
            return
        now = now or self.now
        lines = typed(self.sheet, tuple(schema.BY_KEY[k] for k in ("created_time", "paid_time")))
        self.unarchived = self.sheet
        self.sheet, self.archived = move_to_history(self.book, self.sheet, book_cutoff(lines, settings, now), now)

    def merge(self, incoming: pd.DataFrame, file: str) -> MergeCounts:
        """Merge canonical lines from ``file`` (a file name, or the API) three ways; returns their counts."""
        incoming = self._not_again(incoming)
        before = self.sheet
        result = merge_three_way(self.sheet, incoming, self.base)
        self.conflicts += [self._record(c, before, file) for c in result.conflicts]
        self.sheet, self.base = result.sheet, result.base
        self.totals.add(result.counts)
        return result.counts

    def changed(self) -> bool:
        """Whether anything is to be written: lines new or updated, conflicts recorded, or a first base."""
        t = self.totals
        return bool(t.new or t.updated or t.conflicts or t.based or (self.archived and self.archived.lines))

    def write(self) -> None:
        """Write Orders (whole, :func:`tkops.jobs.sheets.write_orders`), the base and the new conflicts through the
        book (the caller saves)."""
        # A sheet that had no line is merged from nothing: the columns it had and the merge did not bring are still
        # written (blank), so the whole sheet is laid out, as on every other write.
        lacking = [h for h in self.view.headers if h not in self.sheet.columns]
        write_orders(self.book, self.view, self.sheet.reindex(columns=[*self.sheet.columns, *lacking]))
        columns, frame = base_sheet(self.base, self.sheet, self.pieces)
        self.book.write_table(BASE.with_columns(columns), frame)
        if self.conflicts:
            old = rows_frame(self.book.read_rows(CONFLICTS.name), CONFLICTS.headers)
            new = pd.DataFrame(self.conflicts, columns=CONFLICTS.headers)
            both = pd.concat([old.astype(object), new.astype(object)], ignore_index=True) if len(old) else new
            self.book.write_table(CONFLICTS, both)

    def _record(self, conflict: Conflict, sheet: pd.DataFrame, file: str) -> dict:
        row = sheet.iloc[conflict.row]
        return {
            "Recorded At": self.now, "File": file, "Order ID": row.get("Order ID"), "SKU ID": row.get("SKU ID"),
            "Seller SKU": row.get("Seller SKU"), "Orders Row": conflict.row + 2,
            "Column": schema.BY_KEY[conflict.key].name, "Team Value": conflict.team,
            "Platform Value": conflict.platform, "Last Imported": conflict.base,
            "Kept": render("conflict_kept_platform" if conflict.kept == PLATFORM else "conflict_kept_team", self.lang),
            "Why": conflict.why(self.lang),
        }


def summary_lines(counts: MergeCounts, lang: str) -> list[str]:
    """What the three-way merge did with the team's edits, for the import and pull summaries."""
    out = []
    if counts.kept:
        out.append(render("merge_kept", lang, n=counts.kept))
    if counts.conflicts:
        out.append(render("merge_conflicts", lang, n=counts.conflicts, sheet=CONFLICTS.name))
    if counts.currency_kept:
        out.append(render("merge_currency_kept", lang, n=counts.currency_kept))
    return out
