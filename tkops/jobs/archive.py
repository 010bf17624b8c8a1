"""Moving closed lines from the Orders sheet to the book's history store: on every import and pull, and on demand
(``tkops archive [--before DATE] [--dry-run]``, the Archive button).

The order of a run keeps every line safe (docs/history.md#crash-safety): the lines are written to a new history part
first (a whole file or none), then the book is saved without them. A run that dies between the two leaves the
lines on Orders *and* in history; readers take the Orders copy (:mod:`tkops.jobs.lines`), and the next archive
stores them again under a newer run, which readers then prefer. Nothing is lost, nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tkops import schema
from tkops.book.session import BookSession
from tkops.book.protocol import Book, ReadBook
from tkops.errors import ConfigError
from tkops.history import HistoryStore
from tkops.history.closed import open_case_orders, to_archive
from tkops.history.mark import MARK, Mark, check_store
from tkops.history.store import new_run_id
from tkops.jobs.sheets import read_cases
from tkops.jobs.orders_sheet import sheet_line_keys
from tkops.merge import typed
from tkops.messages import render
from tkops.settings import Settings

ORDER_TIMES = ("created_time", "paid_time")


@dataclass
class ArchiveReport:
    """What an archive step did (or, dry, would do)."""

    lines: int = 0
    orders: int = 0
    kept: int = 0
    cutoff: dt.datetime | None = None
    folder: str = ""
    run: str = ""
    dry_run: bool = False

    def text(self, lang: str) -> list[str]:
        """The summary line, in the team's language."""
        cutoff = f"{self.cutoff:%Y-%m-%d %H:%M}" if self.cutoff else "-"
        if not self.lines:
            return [render("history.nothing", lang, cutoff=cutoff, kept=f"{self.kept:,}")]
        code = "history.dry_run" if self.dry_run else "history.archived"
        return [render(code, lang, n=f"{self.lines:,}", orders=f"{self.orders:,}", cutoff=cutoff, folder=self.folder,
                       kept=f"{self.kept:,}")]


def book_cutoff(lines: pd.DataFrame, settings: Settings, now: dt.datetime) -> dt.datetime:
    """The cutoff of the archive an import or pull runs: Keep Closed Days before the book's own today, the newest
    order time on the sheet (or ``now``, if earlier). A book's lines age with the shop's days of trading, not with
    the computer's clock, so an import of old exports (or a test) does not sweep everything into history."""
    times = [pd.to_datetime(lines[k], errors="coerce").max() for k in ORDER_TIMES if k in lines]
    newest = max([t for t in times if pd.notna(t)], default=None)
    today = min(pd.Timestamp(now), newest) if newest is not None else pd.Timestamp(now)
    return (today - pd.Timedelta(days=settings.keep_closed_days())).to_pydatetime()


def closed_lines(book: ReadBook, sheet: pd.DataFrame, cutoff: dt.datetime) -> pd.Series:
    """Which lines of the Orders ``sheet`` frame go to history: closed before ``cutoff``, no open case."""
    if sheet.empty:
        return pd.Series([], dtype=bool)
    cases = read_cases(book).sheet
    lines = typed(sheet, tuple(schema.BY_KEY[k] for k in ("order_id", "order_status", "sku_id", "seller_sku",
                                                          "created_time", "paid_time", "rts_time", "shipped_time",
                                                          "delivered_time", "cancelled_time")))
    if "order_id" not in lines:
        return pd.Series(False, index=sheet.index)
    return pd.Series(to_archive(lines, cutoff, open_case_orders(cases)), index=sheet.index)


def move_to_history(book: Book, sheet: pd.DataFrame, cutoff: dt.datetime, now: dt.datetime, dry_run: bool = False
                    ) -> tuple[pd.DataFrame, ArchiveReport]:
    """Write the closed lines of the Orders ``sheet`` frame to a new history part and return the sheet without
    them, with what happened. The caller writes Orders (and its base) and saves; the book's mark is written here
    (through ``book``, not saved). Nothing is written when ``dry_run`` or when no line qualifies."""
    store = HistoryStore(Path(book.path))
    name = Path(book.path).name
    mark = Mark.from_rows(book.read_rows(MARK.name))
    check_store(name, mark, store)
    move = closed_lines(book, sheet, cutoff)
    report = ArchiveReport(cutoff=cutoff, folder=store.folder.name, dry_run=dry_run)
    if move.any():
        report.lines = int(move.sum())
        report.orders = int(sheet.loc[move, "Order ID"].nunique())
    report.kept = len(sheet) - report.lines
    if dry_run or not report.lines:
        return sheet, report
    keys = sheet_line_keys(sheet)
    run = new_run_id(now)
    with BookSession(Path(book.path), "archive"):  # the book's lock covers its store (held already by a command)
        store.append(sheet.loc[move], keys[move].tolist(), run, now)
    report.run = run
    book.write_table(MARK, Mark(store.folder.name, mark.lines + report.lines, mark.runs + 1, run,
                                now.isoformat(sep=" ")).frame())
    return sheet.loc[~move].reset_index(drop=True), report


def run_archive(book: Book, settings: Settings, before: str | dt.date | None = None, dry_run: bool = False,
                now: dt.datetime | None = None) -> ArchiveReport:
    """``tkops archive``: move the lines closed before ``before`` (default: Keep Closed Days before now) with no
    open case from Orders to history, and save (unless ``dry_run``)."""
    from tkops.jobs.orders_merge import OrdersMerge

    now = (now or settings.shop_now()).replace(microsecond=0)
    cutoff = _cutoff(before, settings, now)
    orders = OrdersMerge(book, settings.lang, now)
    kept, report = move_to_history(book, orders.sheet, cutoff, now, dry_run)
    if report.lines and not dry_run:
        orders.sheet = kept
        orders.write()
        book.save()
    return report


def _cutoff(before, settings: Settings, now: dt.datetime) -> dt.datetime:
    if before in (None, ""):
        return now - dt.timedelta(days=settings.keep_closed_days())
    if isinstance(before, dt.date):
        return dt.datetime(before.year, before.month, before.day)
    try:
        day = dt.date.fromisoformat(str(before).strip())
    except ValueError:
        raise ConfigError("history.bad_date", value=before) from None
    return dt.datetime(day.year, day.month, day.day)


__all__ = ["ArchiveReport", "book_cutoff", "move_to_history", "run_archive"]
