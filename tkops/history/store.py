"""The history store of one book: immutable Parquet parts in a folder beside the workbook (docs/history.md).

``ops.xlsx`` keeps its history in ``ops.tkops-history/``: one file per archive run, ``part-<run>.parquet``, where
the run id starts with the time (so names sort in run order). A part is written to a temporary file and renamed
into place, so a reader never sees half of one; a part is never changed afterwards (append-only). Every row holds
its line key (:data:`LINE_KEY`), its run (:data:`RUN`) and when it was archived (:data:`ARCHIVED_AT`), then the
Orders columns as the sheet had them.

A line can be in two parts (a run that crashed after writing its part but before the book was saved archives the
same lines again later): readers take the newest run's copy, and the Orders sheet's copy before any (see
:mod:`tkops.jobs.lines`). Parts may differ in columns (a team adds a column): readers take the union, and a
column stored as numbers in one part and text in another is read as text.

Writes happen under the book's lock (:class:`tkops.book.session.BookSession`), which covers the store too.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tkops.atomic import atomic_write
from tkops.cells.arrow_values import text_objects
from tkops.history.columns import sheet_table

LINE_KEY = "tkops Line Key"
RUN = "tkops Run"
ARCHIVED_AT = "tkops Archived At"
ORDER_ID = "Order ID"
PREFIX, SUFFIX = "part-", ".parquet"
ROW_GROUP = 64_000  # rows per row group: find and export skip the groups whose Order IDs / times cannot match


def store_folder(book: str | Path) -> Path:
    """The history folder of the workbook at ``book``: ``<name>.tkops-history`` beside it."""
    book = Path(book)
    return book.with_name(f"{book.stem}.tkops-history")


def new_run_id(now: dt.datetime | None = None) -> str:
    """A run id that sorts by time and is unique: ``YYYYMMDD-HHMMSS-<8 hex>``."""
    now = now or dt.datetime.now()
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(4)}"


@dataclass(frozen=True)
class Part:
    """One stored part: its file, run id and rows."""

    path: Path
    run: str
    rows: int


class HistoryStore:
    """The history of the workbook at ``book`` (the folder need not exist yet)."""

    def __init__(self, book: str | Path) -> None:
        self.book = Path(book)
        self.folder = store_folder(self.book)

    # --- what is there --------------------------------------------------------------------------------------------
    def parts(self) -> list[Part]:
        """Every part, oldest run first (temporary files of a run that died are not parts)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob(f"{PREFIX}*{SUFFIX}")):
            try:
                rows = pq.ParquetFile(path).metadata.num_rows
            except (OSError, pa.ArrowException):
                continue  # not a whole part: never renamed into place by tkops
            found.append(Part(path, path.name[len(PREFIX):-len(SUFFIX)], rows))
        return found

    def rows(self) -> int:
        """How many rows the parts hold (a line archived twice counts twice)."""
        return sum(p.rows for p in self.parts())

    def columns(self) -> list[str]:
        """Every column of any part, in first-seen order."""
        seen: dict[str, None] = {}
        for part in self.parts():
            for name in pq.read_schema(part.path).names:
                seen.setdefault(name, None)
        return list(seen)

    # --- writing ----------------------------------------------------------------------------------------------------
    def append(self, frame: pd.DataFrame, keys: Sequence[str], run: str, at: dt.datetime) -> Part:
        """Write ``frame`` (sheet rows: display headers, values as read; ``keys``: their line keys) as a new part
        of run ``run``. The part appears whole or not at all."""
        if len(set(keys)) < len(keys):  # the readers rely on it (_repeats); line keys are made distinct
            raise ValueError("a history part must hold each line key once")
        self.folder.mkdir(parents=True, exist_ok=True)
        n = len(frame)
        table = sheet_table(frame.reset_index(drop=True), {
            LINE_KEY: [str(k) for k in keys], RUN: [run] * n, ARCHIVED_AT: [at.isoformat(sep=" ")] * n})
        target = self.folder / f"{PREFIX}{run}{SUFFIX}"
        with atomic_write(target) as tmp:
            pq.write_table(table, tmp, row_group_size=ROW_GROUP, compression="zstd")
        return Part(target, run, n)

    # --- reading ----------------------------------------------------------------------------------------------------
    def read(self, columns: Iterable[str] | None = None, filters=None) -> pd.DataFrame:
        """Every line once (the newest run's copy), with ``columns`` (None: all) plus the line key and run; a
        column a part lacks is blank for its rows. ``filters``: pyarrow's filter expression on the stored
        columns. Text columns come as objects (None where blank)."""
        return frame_of(self.read_table(columns, filters))

    def read_table(self, columns: Iterable[str] | None = None, filters=None) -> pa.Table:
        """:meth:`read`'s lines as an Arrow table, in the parts' order (a line two runs wrote at its newest
        place); no column at all when no part has a row."""
        columns = None if columns is None else list(columns)
        tables = self._tables(columns, filters)
        if not tables:
            return pa.table({name: pa.array([], pa.string()) for name in dict.fromkeys([LINE_KEY, RUN,
                                                                                         *(columns or [])])})
        table = unite_tables(tables)
        return _newest(table) if len(tables) > 1 and _repeats(tables) else table

    def known(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` (line keys) the store holds."""
        if not len(keys):
            return set()
        wanted = pa.array([str(k) for k in keys], type=pa.string())
        found: set[str] = set()
        for part in self.parts():
            column = pq.read_table(part.path, columns=[LINE_KEY]).column(LINE_KEY)
            hits = pc.filter(column, pc.is_in(column, value_set=wanted))
            found.update(hits.to_pylist())
        return found

    def _tables(self, columns, filters) -> list[pa.Table]:
        wanted = None if columns is None else list(dict.fromkeys([LINE_KEY, RUN, *columns]))
        tables = []
        for part in self.parts():
            names = pq.read_schema(part.path).names
            take = names if wanted is None else [c for c in wanted if c in names]
            # a part without a filter's column is read whole: the caller's own test decides for its rows
            usable = filters is not None and all(c in names for c in _filter_columns(filters))
            tables.append(pq.read_table(part.path, columns=take, filters=filters if usable else None))
        return [t for t in tables if t.num_rows]


def _filter_columns(filters) -> list[str]:
    """The columns a filter in pyarrow's list form names (a list of tuples, or a list of such lists: OR)."""
    if not isinstance(filters, list):
        return []
    flat = [f for group in filters for f in (group if isinstance(group, list) else [group])]
    return [f[0] for f in flat]


def unite_tables(tables: list[pa.Table]) -> pa.Table:
    """The tables as one, columns united; a column typed differently in two parts becomes text."""
    if len(tables) == 1:
        return tables[0]
    types: dict[str, set] = {}
    for t in tables:
        for field in t.schema:
            types.setdefault(field.name, set()).add(field.type)
    mixed = {name for name, seen in types.items() if len(seen - {pa.null()}) > 1}
    if mixed:
        tables = [_as_text(t, mixed) for t in tables]
    return pa.concat_tables(tables, promote_options="default")


def _as_text(table: pa.Table, names: set[str]) -> pa.Table:
    for name in names:
        if name in table.column_names and table.schema.field(name).type != pa.string():
            i = table.schema.get_field_index(name)
            table = table.set_column(i, name, pc.cast(table.column(name), pa.string()))
    return table


def _repeats(tables: list[pa.Table]) -> bool:
    """Whether a line key is in two of the parts' tables. A part holds each line once (:meth:`HistoryStore.append`),
    so the largest part's keys are only looked up among the others' (a run that died after writing its part leaves
    its lines in two): the usual store, one large part and a few small ones, costs no hash of a year of keys."""
    largest = max(range(len(tables)), key=lambda i: tables[i].num_rows)
    others = pc.fill_null(pa.chunked_array([c for i, t in enumerate(tables) if i != largest
                                            for c in t.column(LINE_KEY).chunks], pa.string()), "").combine_chunks()
    if len(others.unique()) < len(others):
        return True
    return bool(pc.any(pc.is_in(pc.fill_null(tables[largest].column(LINE_KEY), ""), value_set=others)).as_py())


def _newest(table: pa.Table) -> pa.Table:
    """Each line once: the same line in two runs keeps the newest (later part) copy, where that copy is."""
    keys = pc.fill_null(table.column(LINE_KEY), "").combine_chunks().dictionary_encode()
    if len(keys.dictionary) == table.num_rows:
        return table
    codes, rows = keys.indices.to_numpy(), np.arange(table.num_rows)
    last = np.full(len(keys.dictionary), -1, dtype=np.int64)
    np.maximum.at(last, codes, rows)
    return table.filter(pa.array(last[codes] == rows))


def frame_of(table: pa.Table) -> pd.DataFrame:
    """The table as a frame: text as objects (None where blank), whole numbers as Int64. Arrow makes the Python
    strings itself, many times faster than pandas' Arrow-backed str dtype converted to objects later."""
    text = {n for n, t in zip(table.column_names, table.schema.types) if pa.types.is_string(t)}
    rest = table.drop_columns(list(text)).to_pandas(types_mapper=_plain_types) if len(text) < table.num_columns \
        else None
    index = pd.RangeIndex(table.num_rows)
    # as objects (pandas would infer its str dtype from an array of strings); put together without another copy
    return pd.DataFrame({name: pd.Series(text_objects(table.column(name)), index=index, dtype=object, copy=False)
                         if name in text else rest[name] for name in table.column_names}, index=index, copy=False)


def _plain_types(arrow_type):
    """Arrow -> pandas dtypes: whole numbers keep their blanks (Int64) instead of turning into floats."""
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    return None
