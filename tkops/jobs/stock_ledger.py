"""The stock ledger on a book: the job behind ``tkops ledger``, run too by ship, import, pull, stock and cases
before their one save.

:func:`sync_stock` proposes the movements (:mod:`tkops.stock.ledger`): ship and unship from the Orders lines'
status and from the lines just exported for upload, returns from AfterSales rows ticked Received, counts from stock
files, from StockLog rows the team typed and from On Hand values typed on Inventory
(:mod:`tkops.stock.ledger_sheet`). It appends the new ones to StockLog (each Movement ID once, so running anything
twice moves nothing twice), then writes each counted SKU's On Hand on Inventory, only where a value changed. The
caller saves (see :attr:`LedgerReport.changed`).

First use (StockLog holds no movement): the On Hand typed on Inventory is the opening count, and what the sheets
show as shipped or returned already is recorded before it (the typed value already reflects it).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from tkops.book.layout import BUNDLES, INVENTORY, STOCKLOG, ColumnSpec
from tkops.book.protocol import Book
from tkops.cells.text import scalar_text
from tkops.jobs.lines import order_lines
from tkops.jobs.sheets import read_cases
from tkops.merge import rows_frame, sheet_frame
from tkops.messages import render
from tkops.review.allocation import bundle_table, expand
from tkops.schema import Kind
from tkops.settings import Settings
from tkops.stock.ledger import COLUMNS, KINDS, append_new, count_movements, on_hand, return_movements, \
    ship_movements
from tkops.stock.ledger_sheet import WRITTEN, received_returns, recounts, typed_rows, write_back

#: The order line columns the ledger reads.
LINE_KEYS = ("order_id", "seller_sku", "quantity", "order_status")


@dataclass
class LedgerReport:
    """What a sync did: the movements added per kind, the opening counts, what the team must look at, and whether
    StockLog or Inventory was written (the caller then saves)."""

    added: Counter = field(default_factory=Counter)
    opening: int = 0
    negative: dict[str, int] = field(default_factory=dict)
    unreasoned: list[int] = field(default_factory=list)  # StockLog rows
    unknown: list[int] = field(default_factory=list)  # StockLog rows
    waiting: list[str] = field(default_factory=list)  # Case IDs
    per_bin: list[str] = field(default_factory=list)
    written: int = 0  # Inventory SKUs whose On Hand the ledger rewrote
    changed: bool = False
    book: str = ""

    def lines(self, lang: str) -> list[str]:
        """The ledger's lines in ``lang``: movements added per kind, the opening count, then the warnings."""
        out = []
        if self.opening:
            out.append(render("stock.ledger.opening", lang, n=self.opening))
        if sum(self.added.values()):
            kinds = ", ".join(f"{render('stock.kind.' + k, lang)} {self.added[k]}" for k in KINDS if self.added[k])
            out.append(render("stock.ledger.added", lang, n=sum(self.added.values()), kinds=kinds))
        else:
            out.append(render("stock.ledger.nothing", lang))
        if self.written:
            out.append(render("stock.ledger.on_hand", lang, n=self.written))
        warn = (lambda code, **p: render("warning", lang, text=render(code, lang, **p)))
        if self.negative:
            out.append(warn("stock.ledger.negative", n=len(self.negative),
                            skus=", ".join(f"{s} ({v})" for s, v in self.negative.items())))
        if self.unreasoned:
            out.append(warn("stock.ledger.unreasoned", n=len(self.unreasoned), rows=_rows(self.unreasoned)))
        if self.unknown:
            out.append(warn("stock.ledger.unknown_kind", n=len(self.unknown), rows=_rows(self.unknown),
                            kinds=", ".join(KINDS)))
        if self.waiting:
            out.append(warn("stock.ledger.waiting", n=len(self.waiting), cases=", ".join(self.waiting)))
        if self.per_bin:
            out.append(warn("stock.ledger.per_bin", n=len(self.per_bin), skus=", ".join(self.per_bin)))
        return out


def sync_stock(book: Book, settings: Settings, now: dt.datetime | None = None, exported_keys: Iterable[str] = (), *,
               counts: Sequence[tuple[str, dict[str, int]]] = (), sheet: pd.DataFrame | None = None
               ) -> LedgerReport:
    """Record the new stock movements on StockLog and write On Hand on Inventory (see the module docstring);
    nothing is saved. ``exported_keys``: line keys just exported for upload; ``counts``: stock file counts
    (reference = the file's SHA-256, SKU -> On Hand); ``sheet``: the Orders sheet frame to read the lines of (an
    import passes it as it was before closed lines moved to history), default the book's."""
    now = (now or settings.shop_now()).replace(microsecond=0)
    name = Path(getattr(book, "path", "workbook")).name
    report = LedgerReport(book=name)
    read = rows_frame(book.read_rows(STOCKLOG.name), list(COLUMNS))
    first_use = not (read["Movement ID"].map(scalar_text) != "").any() if len(read) else True
    at = max([now] + [t for t in pd.to_datetime(read["At"], errors="coerce") if pd.notna(t)]) if len(read) else now
    at = pd.Timestamp(at).to_pydatetime().replace(microsecond=0)
    log, assigned, unknown = typed_rows(read, at)
    position = {label: i for i, label in enumerate(log.index)}  # blank rows are dropped: the sheet is rewritten
    report.unknown = [position[r] + 2 for r in unknown]
    # a count typed on StockLog in this run, or a stock file's, is the SKU's recount: not its On Hand cell too
    typed = log.loc[assigned]
    skip = {sku.casefold() for _, found in counts for sku in found}
    skip |= {scalar_text(s).casefold() for s, k in zip(typed["Seller SKU"], typed["Kind"]) if k == "count"}
    log = log.reset_index(drop=True)
    inventory = sheet_frame(book.read_rows(INVENTORY.name), INVENTORY.name, name, id_header="Seller SKU")
    lines = order_lines(book, LINE_KEYS, archived=set(), sheet=sheet)
    lines = lines if {"line_key", *LINE_KEYS} <= set(lines.columns) else pd.DataFrame(columns=["line_key",
                                                                                               *LINE_KEYS])
    lines, exported = stock_lines(lines, set(exported_keys), rows_frame(book.read_rows(BUNDLES.name)))
    cases = read_cases(book).sheet
    received, report.waiting = received_returns(cases)
    start = len(log)

    def add(proposed: pd.DataFrame) -> None:
        nonlocal log
        before = len(log)
        log, _ = append_new(log, proposed)
        report.added.update(log["Kind"].iloc[before:].tolist())

    if first_use:
        add(ship_movements(lines, set(), log, at))  # already reflected in the typed On Hand
        add(return_movements(received, at))
        before = len(log)
        add(recounts(inventory, True, at, skip))
        report.opening = len(log) - before
    else:
        add(recounts(inventory, False, at, skip))
    add(ship_movements(lines, exported, log, at))
    add(return_movements(received, at))
    for reference, found in counts:
        add(count_movements(found, at, reference))
    totals, unreasoned = on_hand(log)
    report.unreasoned = [r + 2 for r in unreasoned]
    report.negative = {sku: n for sku, n in totals.items() if n < 0}
    log_changed = bool(assigned) or len(log) > start or list(read.index) != list(range(len(read)))
    if log_changed:
        book.write_table(STOCKLOG, log.reindex(columns=STOCKLOG.headers))
    if len(inventory.columns):
        if "On Hand" not in inventory:
            inventory["On Hand"] = None
        before_on_hand = inventory["On Hand"].copy()
        inventory, inv_changed, report.per_bin = write_back(inventory, totals)
        if inv_changed:
            report.written = _rewritten(before_on_hand, inventory["On Hand"])
            spec = _inventory_spec(list(inventory.columns))
            book.write_table(spec, inventory.reindex(columns=spec.headers))
        log_changed |= inv_changed
    report.changed = log_changed
    return report


def stock_lines(lines: pd.DataFrame, exported: set[str], bundles: pd.DataFrame) -> tuple[pd.DataFrame, set[str]]:
    """The order lines as stock leaves the shelf, and the exported keys among them: a bundle's line (Bundles sheet)
    becomes a line per component, keyed line key|component, its units times the component's quantity (the review's
    own expansion, :func:`tkops.review.allocation.expand`)."""
    table = bundle_table(bundles) if len(bundles.columns) else pd.DataFrame()
    if table.empty or lines.empty:
        return lines, exported
    base = lines.reset_index(drop=True)
    wanted = pd.DataFrame({"sku_key": base["seller_sku"].map(lambda v: scalar_text(v).casefold()),
                           "seller_sku": base["seller_sku"],
                           "qty": pd.to_numeric(base["quantity"], errors="coerce").fillna(0)}, index=base.index)
    rows = expand(wanted, table)
    out = base.iloc[rows["pos"].to_numpy()].reset_index(drop=True)
    original = out["line_key"].astype(str)
    part = rows["bundle"].ne("").to_numpy()
    out["line_key"] = original.where(~part, original + "|" + rows["key"].astype(str))
    out["seller_sku"] = rows["sku"].to_numpy()
    out["quantity"] = rows["need"].round().astype("int64").to_numpy()
    return out, {k for k, o in zip(out["line_key"], original) if o in exported}


def run_ledger(book: Book, settings: Settings, now: dt.datetime | None = None) -> LedgerReport:
    """``tkops ledger``: sync the stock ledger alone and save when something changed."""
    report = sync_stock(book, settings, now)
    if report.changed:
        book.save()
    return report


def _inventory_spec(headers: list[str]):
    """Inventory's spec with the team's columns kept and the ledger's column hidden."""
    spec = INVENTORY.with_extra([h for h in headers if h != WRITTEN])
    spec = spec.with_columns(list(spec.columns) + [ColumnSpec(WRITTEN, Kind.INT, 8)])
    return replace(spec, hidden=tuple(spec.hidden) + (WRITTEN,))


def _rewritten(before: pd.Series, after: pd.Series) -> int:
    """How many Inventory rows got a new On Hand."""
    old, new = (pd.to_numeric(s, errors="coerce").round() for s in (before, after))
    return int(((old != new) & new.notna()).sum())


def _rows(rows: list[int]) -> str:
    return ", ".join(str(r) for r in rows)
