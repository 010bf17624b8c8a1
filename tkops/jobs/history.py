"""Reading history back: ``tkops history find ORDER_ID`` (the History sheet) and ``tkops history export --month``
(an xlsx of a month's lines).

``find`` writes the order's archived lines to a History sheet, a view rewritten by each find, rather than back into
Orders: a line put back on Orders would be live again (reviewed, picked, counted by the clocks) although the order
is long closed, and the next import would move it out again. After-sales steps never need it there: they read
Orders + history already (:mod:`tkops.jobs.lines`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from tkops import schema
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.book.xlsx_new import write_workbook
from tkops.cells.times import month_days
from tkops.book.protocol import Book, ReadBook
from tkops.errors import ConfigError, DataError
from tkops.history import ARCHIVED_AT, LINE_KEY, RUN
from tkops.history.columns import to_sheet_values
from tkops.jobs.lines import history_of
from tkops.jobs.orders_sheet import orders_sheet, sheet_line_keys
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.schema import Kind
from tkops.settings import Settings

HISTORY = SheetSpec("History", "History", style="Table Style Light 9")
#: History's own columns shown after the order's (when and in which run a line was archived).
SHOWN = (ARCHIVED_AT, RUN)


@dataclass
class FindReport:
    """What ``history find`` found: the lines (sheet values) and where."""

    order: str
    lines: pd.DataFrame
    on_orders: int = 0

    def text(self, lang: str) -> list[str]:
        if self.on_orders:
            return [render("history.on_orders", lang, order=self.order, n=self.on_orders)]
        when = ", ".join(sorted({str(v)[:16] for v in self.lines.get(ARCHIVED_AT, pd.Series(dtype=object))}))
        return [render("history.found", lang, order=self.order, n=len(self.lines), when=when or "-")]


def _spec(name: str, frame: pd.DataFrame) -> SheetSpec:
    columns = []
    for header in frame.columns:
        known = schema.BY_NAME.get(header)
        kind = known.kind if known else _kind_of(frame[header])
        columns.append(ColumnSpec(header, kind, known.width if known else 16))
    return SheetSpec(name, re.sub(r"\W", "_", name), tuple(columns), style=HISTORY.style)


def _kind_of(column: pd.Series) -> Kind:
    if pd.api.types.is_datetime64_any_dtype(column):
        return Kind.DATETIME
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return Kind.NUMBER
    return Kind.TEXT


def find_order(book: Book, order_id: str) -> FindReport:
    """Write order ``order_id``'s archived lines to the History sheet (and save), or say it is still on Orders;
    DataError when it is in neither."""
    order = str(order_id).strip()
    name = Path(book.path).name
    sheet = orders_sheet(book)
    if len(sheet) and "Order ID" in sheet:
        here = sheet["Order ID"].astype(object).where(sheet["Order ID"].notna(), "").astype(str).str.strip() == order
        if here.any():
            return FindReport(order, sheet.loc[here], on_orders=int(here.sum()))
    store = history_of(book)
    found = store.read(None, [("Order ID", "==", order)]) if store is not None else pd.DataFrame()
    if len(found):
        found = found[found["Order ID"].astype(str).str.strip() == order]
    if found.empty:
        raise DataError("history.not_found", order=order, book=name)
    found = _arranged(found)
    book.write_table(_spec(HISTORY.name, found), to_sheet_values(found))
    book.save()
    return FindReport(order, found)


def _arranged(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows as a sheet shows them: the order's columns first, then when they were archived."""
    own = [c for c in frame.columns if c not in (LINE_KEY, RUN, ARCHIVED_AT)]
    return frame.reindex(columns=own + list(SHOWN)).reset_index(drop=True)


@dataclass
class ExportReport:
    """What ``history export`` wrote."""

    month: str
    file: Path | None
    from_history: int = 0
    from_orders: int = 0

    def text(self, lang: str) -> list[str]:
        n = self.from_history + self.from_orders
        if not n:
            return [render("history.export_none", lang, month=self.month)]
        return [render("history.exported", lang, n=f"{n:,}", month=self.month, from_history=f"{self.from_history:,}",
                       from_orders=f"{self.from_orders:,}", file=self.file)]


def month_bounds(month: str) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of ``YYYY-MM`` and of the month after; ConfigError for anything else."""
    days = month_days(month)
    if days is None:
        raise ConfigError("history.bad_month", value=month)
    start, end = days
    return dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time())


def _in_month(frame: pd.DataFrame, start: dt.datetime, end: dt.datetime) -> np.ndarray:
    """Rows whose Paid Time (else Created Time) falls in [start, end)."""
    def times(header: str) -> pd.Series:
        if header not in frame:
            return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
        return pd.to_datetime(frame[header], errors="coerce", format="mixed")

    when = times("Paid Time").fillna(times("Created Time"))
    return ((when >= start) & (when < end)).fillna(False).to_numpy(dtype=bool)


def export_month(book: ReadBook, settings: Settings, month: str, out: str | Path | None = None,
                 now: dt.datetime | None = None) -> ExportReport:
    """Write the order lines of ``month`` (by Paid Time, else Created Time), from history and from Orders (its
    copy first), to an xlsx: ``out`` if it names an .xlsx file, else ``history YYYY-MM <time>.xlsx`` in ``out`` or
    the Output Folder. The workbook is only read."""
    start, end = month_bounds(month)
    label = f"{start:%Y-%m}"
    sheet = orders_sheet(book)
    live = sheet.loc[_in_month(sheet, start, end)] if len(sheet) else sheet
    store = history_of(book)
    past = pd.DataFrame()
    if store is not None:
        # only the row groups whose times can fall in the month are read; the exact rule is _in_month's
        near = [[(header, ">=", pd.Timestamp(start)), (header, "<", pd.Timestamp(end))]
                for header in ("Paid Time", "Created Time")]
        past = store.read(None, near)
        past = past.loc[_in_month(past, start, end)] if len(past) else past
        if len(past) and len(sheet):
            on_sheet = set(sheet_line_keys(sheet))
            past = past[~past[LINE_KEY].isin(on_sheet)]
    report = ExportReport(label, None, len(past), len(live))
    if not (len(past) or len(live)):
        return report
    frame = pd.concat([live.assign(**{ARCHIVED_AT: None}), _arranged(past)], ignore_index=True) if len(past) \
        else live.reset_index(drop=True)
    frame = frame.loc[:, [c for c in frame.columns if c not in (LINE_KEY,)]]
    now = now or settings.shop_now()
    if out and str(out).lower().endswith(".xlsx"):
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
    else:
        target = stamped(output_folder(book.path, settings, out), f"history {label}", now, ".xlsx")
    write_workbook(target, [(_spec(f"Orders {label}", frame), to_sheet_values(frame))])
    report.file = target
    return report


def run_history(book: Book, settings: Settings, action: str, order: str | None = None, month: str | None = None,
                out: str | Path | None = None, now: dt.datetime | None = None):
    """``tkops history find ORDER_ID`` (:func:`find_order`) or ``tkops history export --month`` (:func:`export_month`);
    ConfigError when the order or the month that the action needs is not given."""
    if action == "find":
        if not order:
            raise ConfigError("history.need_order")
        return find_order(book, order)
    if not month:
        raise ConfigError("history.bad_month", value="")
    return export_month(book, settings, month, out, now)
