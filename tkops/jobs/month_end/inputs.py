"""What the month-end reads: every order and return file (deduplicated across files), and the team's sheets of an
optional workbook (Reasons, Inventory, AfterSales, Orders' team columns, SLA, Holidays, CauseActions, Reviews).

Reading only; the figures are :mod:`tkops.jobs.month_end`'s. A line (or case line) in two files is counted once, with the
values of the file given last (monthly exports sorted by name come in date order, the newest status last).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from tkops.sources.returns_export import read_returns
from tkops import case_schema as C
from tkops.aftersales.actions import ACTIONS_SHEET, ActionTable
from tkops.aftersales.month_end_catalogue import text as say
from tkops.aftersales.reasons import REASONS_SHEET, ReasonMap
from tkops.book import read_ahead, read_only_grid
from tkops.cells.arrow_values import SheetColumns
from tkops.cells.typed_arrow import typed_columns
from tkops.clocks import SlaTable
from tkops.jobs.lines import book_lines
from tkops.jobs.month_end.line_figures import LineFacts, LineFigures, trend_start
from tkops.jobs.month_end.month_lines import LINE_COLUMNS, TEAM_HEADERS, month_lines, sold_since, with_case_orders
from tkops.jobs.reorder import reorder_table
from tkops.jobs.sheets import typed_cases
from tkops.merge import sheet_frame
from tkops.schema import header_key, line_keys
from tkops.settings import Settings
from tkops.sources import read_orders

#: Reviews sheet headers (folded) -> keys the pivots read.
REVIEW_HEADERS = {"order id": "order_id", "rating": "rating", "star rating": "rating", "stars": "rating",
                  "seller sku": "seller_sku", "sku id": "sku_id", "review time": "time", "date": "time",
                  "created time": "time", "review date": "time"}

#: The AfterSales columns (case keys) the month-end reads: the case key's, classification's, the pivots', the
#: response times' and the team columns the pivots use. The sheet's other columns (replies, suggestions, dispute
#: and compensation states) are not converted.
CASE_KEYS = ("case_id", "order_id", "sku_id", "seller_sku", "product_name", "country", "case_type", "reason",
             "reason_key", "cause", "seller_fault", "cause_owner", "amount", "currency", "quantity", "return_type",
             "return_status", "cancel_by", "order_status", "order_amount", "opened", "closed", "buyer_note", "source",
             "resolution_taken", "cost", "owner", "team_note")
CASE_HEADERS = tuple(C.CASE_BY_KEY[k].name for k in CASE_KEYS)

Step = Callable[[str], None]
#: What a caller of :func:`read_book` makes of the AfterSales cases (None without), the Reasons table and the unit
#: costs (None without) and what the month takes from the book's lines (None without: the lines are the caller's),
#: in the cases' own thread when there is one: the month-end classifies every case and prepares it for the pivots.
CasesThen = Callable[["pd.DataFrame | None", "ReasonMap | None", "pd.Series | None", "LineFacts | None"], Any]


@dataclass
class FileRead:
    """One input file: its kind (orders, returns, book), rows kept, rows skipped, and its rows another file also
    had (counted once)."""

    path: Path
    kind: str
    rows: int = 0
    skipped: int = 0
    duplicates: int = 0


@dataclass
class BookInputs:
    """The team's sheets of the workbook (None: not given, or the sheet is missing or empty)."""

    reasons: ReasonMap | None = None
    unit_costs: pd.Series | None = None  # Seller SKU -> Unit Cost
    cases: pd.DataFrame | None = None  # AfterSales rows under case keys (platform and team columns)
    team: pd.DataFrame | None = None  # Orders team columns (TEAM_HEADERS), index = line keys
    sla: SlaTable | None = None
    actions: ActionTable | None = None
    reviews: pd.DataFrame | None = None  # order_id, rating, seller_sku, sku_id, time
    lines: pd.DataFrame | None = None  # the book's order lines, Orders + history (LINE_COLUMNS and ``key``)
    line_facts: LineFacts | None = None  # what the month takes from every line, when ``lines`` are only some
    line_figures: LineFigures | None = None  # the month's line figures, made while the AfterSales sheet is read
    made_cases: Any = None  # what read_book's ``then`` made of the cases (CasesThen)
    reorder: pd.DataFrame | None = None  # the reorder table (tkops.stock.reorder.COLUMNS) as of the run
    sheets: list[str] = field(default_factory=list)


def _dedupe(parts: list[tuple[pd.DataFrame, pd.Series]], reads: list[FileRead]) -> tuple[pd.DataFrame, int]:
    """The parts' rows once per key (the last file's row wins), keys in column ``key``; counts duplicates per file."""
    if not parts:
        return pd.DataFrame(columns=["key"]), 0
    frames = [p.assign(key=k.to_numpy()) for p, k in parts]
    for f in frames:
        f.attrs = {}  # the readers' row numbers: per file, and pandas compares attrs when concatenating
    frame = pd.concat(frames, ignore_index=True)
    later = frame["key"].duplicated(keep="last").to_numpy()
    file_of = np.repeat(np.arange(len(parts)), [len(p) for p, _k in parts])
    for i, n in pd.Series(file_of[later]).value_counts().items():
        reads[i].duplicates = int(n)
    return frame.loc[~later].reset_index(drop=True), int(later.sum())


def read_order_files(paths: Sequence[Path], settings: Settings, step: Step | None = None
                     ) -> tuple[pd.DataFrame, list[FileRead], int]:
    """Every order file's lines (:data:`LINE_COLUMNS` and ``key``, the line key), each line once; the files read;
    how many lines were in an earlier file too."""
    parts, reads = [], []
    for n, path in enumerate(paths, start=1):
        if step:
            step(say("month_end.progress.orders", settings.lang, n=n, total=len(paths), file=Path(path).name))
        table = read_orders(path, settings).table
        frame = table.frame
        parts.append((frame[[k for k in LINE_COLUMNS if k in frame.columns]], line_keys(frame)))
        reads.append(FileRead(Path(path), "orders", len(frame), table.skipped_rows))
    lines, dropped = _dedupe(parts, reads)
    return lines, reads, dropped


def read_return_files(paths: Sequence[Path], settings: Settings, step: Step | None = None
                      ) -> tuple[pd.DataFrame, list[FileRead], int]:
    """Every Return/Refund export's case lines (and ``key``, the case key), each once; the files; the duplicates."""
    parts, reads = [], []
    for n, path in enumerate(paths, start=1):
        if step:
            step(say("month_end.progress.returns", settings.lang, n=n, total=len(paths), file=Path(path).name))
        table = read_returns(path, settings)
        parts.append((table.frame.reset_index(drop=True), C.case_keys(table.frame.reset_index(drop=True))))
        reads.append(FileRead(Path(path), "returns", len(table.frame), table.skipped_rows))
    cases, dropped = _dedupe(parts, reads)
    return cases, reads, dropped


def with_book_cases(cases: pd.DataFrame, book: pd.DataFrame | None) -> pd.DataFrame:
    """The file cases with the team's columns of the AfterSales sheet (matched by case key), then the sheet's rows no
    file has (cases the team typed, or imported earlier), as the sheet has them."""
    if book is None or book.empty:
        return cases
    if not len(cases):  # the sheet's rows as they are: no file case to match (each row's key is its own)
        return book.reset_index(drop=True)
    keys = C.case_keys(book)
    book = book.assign(key=keys.to_numpy()).drop_duplicates("key")
    team = [k for k in C.CASE_TEAM_KEYS if k in book.columns]
    if len(cases):
        found = book.set_index("key")[team].reindex(cases["key"].to_numpy())
        cases = cases.drop(columns=[k for k in team if k in cases.columns]).join(found.set_axis(cases.index))
    extra = book[~book["key"].isin(cases["key"])] if len(cases) else book
    return pd.concat([cases, extra], ignore_index=True) if len(extra) else cases


def open_book(path: Path, settings: Settings):
    """The workbook through :class:`tkops.book.FileBook` (which checks how far each sheet reaches before it reads
    it, as every command does), or, when FileBook refuses to edit it, :class:`ReadOnlyBook` over the file once it
    passed the input checks of a file from outside (what it holds, its zip package and every sheet's reach:
    :func:`tkops.sources.raw.open_workbook`)."""
    from tkops.book import FileBook
    from tkops.book.readonly import ReadOnlyBook
    from tkops.errors import UnsafeWorkbook
    from tkops.sources.raw import open_workbook

    try:
        return FileBook(path, settings)
    except UnsafeWorkbook:
        return ReadOnlyBook(open_workbook(Path(path), settings) if Path(path).exists() else None, path)


def _cases(book, name: str) -> pd.DataFrame | None:
    """The AfterSales sheet's :data:`CASE_HEADERS` typed under case keys (from fastexcel's Arrow arrays when it read
    them: :func:`tkops.cells.typed_arrow.typed_columns`); None when the sheet is missing or holds no value."""
    found = read_only_grid(book, "AfterSales", CASE_HEADERS, arrow=True)
    kinds = tuple(c for c in C.CASE_SHEET_COLUMNS if c.key in CASE_KEYS)
    if isinstance(found, SheetColumns):
        return typed_columns(found, kinds, "AfterSales", name, id_header="Case ID") if found.used_rows() else None
    if found is None or not any(any(v not in (None, "") for v in r) for r in found[1:]):
        return None
    return typed_cases(sheet_frame(found, "AfterSales", name, id_header="Case ID"), kinds)


def read_book(path: Path, settings: Settings, *, month: str | None = None, case_orders: Iterable[str] = (),
              now: dt.datetime | None = None, own_lines: bool = True, then: CasesThen | None = None,
              warm: Callable[[], Any] | None = None) -> BookInputs:
    """The team's sheets of the workbook at ``path`` (:func:`open_book`). With ``month`` (``YYYY-MM``), history is
    read for the orders active in the trend's months and for the orders of the cases (the AfterSales sheet's and
    ``case_orders``) only; the Orders sheet is read whole. When the month's figures come from the book's lines
    (``own_lines``), what the month takes from all of them is grouped in Arrow (``line_facts``), the lines are only
    those the month needs and their figures are made while the AfterSales sheet is parsed
    (:mod:`tkops.jobs.month_end.month_lines`); else ``lines`` and ``team`` are every line's. With ``now``, also what
    to reorder as of then (when the book has an Inventory sheet). ``then``: what the caller makes of the cases
    (:data:`CasesThen`), in ``made_cases``: made beside the reading of Orders and history when the sheet is read
    ahead; ``warm()``: one-time set-up the caller needs later, done in the cases' thread while the sheet is
    parsed (nothing when it is not read ahead)."""
    book, name = open_book(path, settings), Path(path).name
    # the largest sheet is parsed in the background while Orders and history are read (tkops.book.ooxml.ahead), and
    # its cases are typed (mostly Arrow's work, outside Python's lock) and made in a thread of their own once it is
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tkops-cases") as pool:
        typed = None
        if read_ahead(book, "AfterSales", CASE_HEADERS):
            if warm is not None:
                pool.submit(warm)  # its errors are its own: the step meets them again where it needs what it set up
            typed = pool.submit(_cases, book, name)
        if typed is not None:
            return _read(book, name, settings, month, case_orders, now, own_lines, then, typed.result, pool)
        return _read(book, name, settings, month, case_orders, now, own_lines, then, lambda: _cases(book, name))


def _read(book, name: str, settings: Settings, month: str | None, case_orders: Iterable[str],
          now: dt.datetime | None, own_lines: bool, then: CasesThen | None,
          cases_of: Callable[[], pd.DataFrame | None], pool: ThreadPoolExecutor | None = None) -> BookInputs:
    """:func:`read_book` of the open ``book``; ``cases_of()``: its AfterSales cases (:func:`_cases`), typed in
    ``pool``'s thread (None: this one)."""
    out = BookInputs()
    since = trend_start(month) if month else None

    def rows(sheet: str):
        found = book.read_rows(sheet)
        if found is not None and any(any(v not in (None, "") for v in r) for r in found[1:]):
            out.sheets.append(sheet)
            return found
        return None

    if reasons := rows(REASONS_SHEET):
        out.reasons = ReasonMap.from_sheet_rows(reasons)
    if actions := rows(ACTIONS_SHEET):
        out.actions = ActionTable.from_sheet_rows(actions)
    if inventory := rows("Inventory"):
        frame = sheet_frame(inventory, "Inventory", name, id_header="Seller SKU")
        if "Unit Cost" in frame:
            cost = pd.to_numeric(frame["Unit Cost"], errors="coerce")
            skus = frame["Seller SKU"].astype(object).where(frame["Seller SKU"].notna(), "").astype(str).str.strip()
            unit = pd.Series(cost.to_numpy(), index=skus.to_numpy()).dropna()
            out.unit_costs = unit[unit.index != ""].groupby(level=0).first()
    if reviews := rows("Reviews"):
        frame = sheet_frame(reviews, "Reviews", name)
        keys = {c: REVIEW_HEADERS[header_key(c)] for c in frame.columns if header_key(c) in REVIEW_HEADERS}
        out.reviews = frame[list(keys)].rename(columns=keys).loc[:, lambda f: ~f.columns.duplicated()]
    sla, holidays = rows("SLA"), book.read_rows("Holidays")
    if sla or holidays:
        out.sla = SlaTable.from_sheet_rows(sla, holidays)
    orders = rows("Orders")
    frame = sheet_frame(orders, "Orders", name) if orders else pd.DataFrame()
    every = book_lines(book, LINE_COLUMNS, team=TEAM_HEADERS, sheet=frame, since=since, also=case_orders)
    # while AfterSales is parsed: what the month takes from the lines, made again only when the cases bring history
    # of orders older than the trend (with_case_orders; rare: returns come within weeks)
    chosen = month if own_lines else None
    queued: list = []

    def cases_then(facts: LineFacts | None) -> None:
        # the cases are made in their own thread once typed and once the lines' facts are known, beside the month's
        # line figures (queued after the typing: nothing waits for this submit)
        if pool is not None and then:
            queued.append(pool.submit(lambda r=out.reasons, u=out.unit_costs: then(cases_of(), r, u, facts)))

    made = month_lines(every, chosen, settings, reviews=out.reviews, sla=out.sla, now=now, on_facts=cases_then)
    made_cases = queued[0] if queued else None
    if (cases := cases_of()) is not None:
        out.sheets.append("AfterSales")
        out.cases = cases
        more = with_case_orders(book, every, made.table, out.cases, since)
        if more is not every:
            every, made = more, month_lines(more, chosen, settings, reviews=out.reviews, sla=out.sla, now=now)
            made_cases = None  # made again below, with what the month takes from the older orders' lines too
    if inventory and now is not None:
        out.reorder = reorder_table(book, settings, now, lines=every.frame(sold_since(made.table, now)))
    out.lines, out.team, out.line_facts, out.line_figures = made.lines, made.team, made.facts, made.figures
    if then:
        out.made_cases = made_cases.result() if made_cases is not None else \
            then(out.cases, out.reasons, out.unit_costs, made.facts)
    return out


