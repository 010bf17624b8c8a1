"""Load stock files into the Inventory sheet: the job behind ``tkops stock`` and the Stock button.

Every file is read first (:func:`tkops.sources.stock.read_stock`); when one cannot be read nothing is written, so the
Inventory sheet never holds half a stock count. Then the rows are upserted by Seller SKU (and Bin)
(:func:`tkops.stock.upsert_stock`): the team's columns and rows are kept, the ImportLog records each file, and the
workbook is saved once, only when something changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops.book.layout import IMPORT_LOG, INVENTORY
from tkops.book.protocol import Book
from tkops.cells.text import scalar_text
from tkops.errors import TkopsError
from tkops.jobs.stock_ledger import LedgerReport, sync_stock
from tkops.merge import rows_frame, sheet_frame
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources.stock import StockFile, read_stock, registry
from tkops.stock import StockCounts, upsert_stock


@dataclass
class StockFileReport:
    """One stock file: what was read (or the error) and how its rows landed."""

    path: Path
    read: StockFile | None = None
    counts: StockCounts = field(default_factory=StockCounts)
    error: TkopsError | None = None


@dataclass
class StockReport:
    """A stock run: the files, the SKU rows on Inventory afterwards, the SKUs kept that no file listed, the save."""

    files: list[StockFileReport]
    book: str
    skus: int = 0
    kept: int = 0
    saved: object = None  # tkops.book.SaveResult when the workbook was written
    stock: LedgerReport | None = None  # each file is a count on the stock ledger

    @property
    def failed(self) -> list[StockFileReport]:
        return [f for f in self.files if f.error is not None]

    def lines(self, lang: str) -> list[str]:
        """What a person reads: a line per file (or its error), what needs a hand, what happened to the book."""
        out: list[str] = []
        for f in self.files:
            if f.error is not None:
                out.append(render("error", lang, detail=f.error.render(lang)))
                continue
            read, c = f.read, f.counts
            skipped = render("stock.skipped", lang, n=read.skipped) if read.skipped else ""
            out.append(render("stock.file_summary", lang, file=f.path.name, source=read.format.title,
                              rows=len(read.frame), new=c.new, updated=c.updated, unchanged=c.unchanged,
                              skipped=skipped))
            out += [render("warning", lang, text=render(code, lang, **params)) for code, params in read.notes]
            out += [render("warning", lang, text=render("stock.multi_bin", lang, sku=sku, n=len(bins),
                                                        bins=", ".join(b or "-" for b in bins), on_hand=total))
                    for sku, bins, total in c.multi_bin]
        if self.failed:
            out.append(render("stock.failed", lang, n=len(self.failed), total=len(self.files)))
            return out
        if self.kept:
            out.append(render("stock.kept", lang, n=self.kept))
        out += self.stock.lines(lang) if self.stock is not None else []
        if self.saved is None:
            out.append(render("stock.nothing_changed", lang, book=self.book))
        elif self.saved.created:
            out.append(render("stock.created", lang, book=self.saved.path, skus=self.skus))
        else:
            out.append(render("stock.saved", lang, book=self.saved.path, skus=self.skus,
                              backup=self.saved.backup or "-"))
        out.append(render("stock.next", lang))
        return out


def run_stock(paths: Sequence[str | Path], book: Book, settings: Settings,
              mappings: Sequence[tuple[str, dict, dict, str]] = (), source: str | None = None,
              now: dt.datetime | None = None) -> StockReport:
    """Read the stock files ``paths`` and upsert them into the book's Inventory sheet (see the module docstring).
    ``mappings``: the team's stock mappings (name, columns, options, where); ``source`` names one format for all."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    name = Path(getattr(book, "path", "workbook")).name
    formats = registry(mappings)
    reports = [StockFileReport(Path(p)) for p in paths]
    for report in reports:
        try:
            report.read = read_stock(report.path, settings, formats, source)
        except TkopsError as err:
            report.error = err
    run = StockReport(reports, name)
    if run.failed:
        return run
    sheet = sheet_frame(book.read_rows(INVENTORY.name), INVENTORY.name, name, id_header="Seller SKU")
    before = set(sheet["Seller SKU"].map(_key)) - {""} if len(sheet.columns) else set()
    listed: set[str] = set()
    changed = False
    for report in reports:
        sheet, report.counts = upsert_stock(sheet, report.read.frame)
        listed |= set(report.read.frame["seller_sku"].map(_key))
        changed |= bool(report.counts.new or report.counts.updated)
    run.skus = int((sheet["Seller SKU"].map(_key) != "").sum()) if len(sheet.columns) else 0
    run.kept = len(before - listed)
    if changed:
        spec = INVENTORY.with_extra([str(h) for h in sheet.columns])
        book.write_table(spec, sheet.reindex(columns=spec.headers))
    # each file is a count (its SHA-256 the reference: the same file again counts nothing)
    run.stock = sync_stock(book, settings, now, counts=[(r.read.sha256, file_counts(r.read.frame)) for r in reports])
    if not changed:
        if run.stock.changed:
            run.saved = book.save()
        return run
    log = rows_frame(book.read_rows(IMPORT_LOG.name), IMPORT_LOG.headers)
    entries = [{"Imported At": now, "File": r.path.name, "SHA-256": r.read.sha256, "Source": f"stock:{r.read.format.name}",
                "Sheet": r.read.sheet, "Encoding": r.read.encoding, "Rows Read": len(r.read.frame),
                "Skipped Rows": r.read.skipped, "New": r.counts.new, "Updated": r.counts.updated,
                "Unchanged": r.counts.unchanged} for r in reports]
    book.write_table(IMPORT_LOG, pd.concat([log, pd.DataFrame(entries)], ignore_index=True)
                     .reindex(columns=IMPORT_LOG.headers))
    run.saved = book.save()
    return run


def file_counts(frame: pd.DataFrame) -> dict[str, int]:
    """A stock file's On Hand per Seller SKU (its bins summed); rows without an On Hand count nothing."""
    if "on_hand" not in frame or "seller_sku" not in frame:
        return {}
    numbers = pd.to_numeric(frame["on_hand"], errors="coerce")
    skus = frame["seller_sku"].map(scalar_text)
    keep = numbers.notna() & (skus != "")
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    for sku, n in zip(skus[keep], numbers[keep]):
        key = names.setdefault(sku.casefold(), sku)
        totals[key] = totals.get(key, 0) + int(round(n))
    return totals


def _key(value) -> str:
    return scalar_text(value).casefold()
