"""Import order files into a workbook's Orders sheet: the job behind ``tkops import`` and the Import button.

Every file is read (or its error recorded), merged into the Orders sheet and logged in ImportLog; the workbook is
saved once, at the end, and only when something changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops import schema
from tkops.book.layout import IMPORT_LOG
from tkops.book.protocol import Book
from tkops.errors import DataError, TkopsError
from tkops.jobs.orders_merge import OrdersMerge, summary_lines
from tkops.jobs.stock_ledger import sync_stock
from tkops.merge import MergeCounts
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources import read_orders
from tkops.sources.base import HeaderMapSource

EXCEL_MAX_DATA_ROWS = 1_048_575


@dataclass
class FileReport:
    """The outcome for one input file."""

    path: Path
    source: str = ""
    rows: int = 0
    skipped: int = 0
    counts: MergeCounts = field(default_factory=MergeCounts)
    sha256: str = ""
    seen_on: str = ""  # when the ImportLog saw this exact file before
    error: TkopsError | None = None
    warnings: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # headers of the file no column took
    lacks: list[str] = field(default_factory=list)  # address parts the file has no column for (display names)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ImportReport:
    """The outcome of one import run."""

    files: list[FileReport]
    saved: object = None  # tkops.book.SaveResult when the workbook was written
    lines: int = 0
    totals: MergeCounts = field(default_factory=MergeCounts)
    archived: object = None  # tkops.jobs.archive.ArchiveReport: closed lines moved to history
    stock: object = None  # tkops.jobs.stock_ledger.LedgerReport: shipped and cancelled lines on the stock ledger

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if not f.ok]

    def changed(self) -> bool:
        return any(f.ok and (f.counts.new or f.counts.updated or f.counts.conflicts) for f in self.files)

    def messages(self, lang: str) -> list[str]:
        """What a person reads: one line per file, then what happened to the workbook."""
        out = []
        for f in self.files:
            if f.error is not None:
                out.append(render("error", lang, detail=f.error.render(lang)))
                continue
            out += [render("warning", lang, text=w) for w in f.warnings]
            if f.seen_on and not (f.counts.new or f.counts.updated or f.counts.conflicts):
                out.append(render("already_imported", lang, file=f.path.name, when=f.seen_on))
            else:
                skipped = render("skipped_rows", lang, n=f.skipped) if f.skipped else ""
                out.append(render("import_file_summary", lang, file=f.path.name, source=f.source, rows=f.rows,
                                  new=f.counts.new, updated=f.counts.updated, unchanged=f.counts.unchanged,
                                  skipped=skipped))
            out += ["  " + line for line in summary_lines(f.counts, lang)]
            out += ["  " + line for line in _columns_lines(f, lang)]
        if self.totals.based and self.saved is not None:
            out.append(render("merge_based", lang, n=self.totals.based))
        if self.archived is not None and self.archived.lines and self.saved is not None:
            out += self.archived.text(lang)
        if self.stock is not None:
            out += self.stock.lines(lang)
        return out


def import_files(paths: Sequence[str | Path], book: Book, settings: Settings, mappings: Sequence[HeaderMapSource] = (),
                 source: str | None = None, failfast: bool = False, now: dt.datetime | None = None,
                 progress=None) -> ImportReport:
    """Read ``paths`` and merge their order lines into ``book`` (any backend), saving once if anything changed.

    Lines merge three ways against what tkops last imported (:mod:`tkops.jobs.orders_merge`): the team's edits
    are kept, cells both changed are decided by rule and recorded on the Conflicts sheet. Without ``failfast``
    every file is tried and each failure recorded in the report; with it the first failure is raised. Nothing is
    written when every file failed or nothing changed. ``progress(done, total, name)`` is called before each file
    (the workbook buttons show it in Excel's status bar).
    """
    now = (now or dt.datetime.now()).replace(microsecond=0)
    orders = OrdersMerge(book, settings.lang, now)
    log = _log_frame(book.read_rows(IMPORT_LOG.name))
    seen = dict(zip(log["SHA-256"], log["Imported At"])) if len(log) else {}
    reports: list[FileReport] = []
    log_rows = []
    for number, path in enumerate(paths, start=1):
        if progress is not None:
            progress(number, len(paths), Path(path).name)
        report = FileReport(Path(path))
        reports.append(report)
        try:
            result = read_orders(path, settings, mappings, source)
        except TkopsError as err:
            report.error = err
            if failfast:
                raise
            continue
        table = result.table
        report.source, report.sha256 = table.source, result.sha256
        report.rows, report.skipped, report.warnings = len(table.frame), table.skipped_rows, table.warnings
        report.ignored, report.lacks = list(table.ignored), [schema.BY_KEY[k].name for k in table.lacks]
        if result.sha256 in seen:
            report.seen_on = _when(seen[result.sha256])
        report.counts = orders.merge(table.frame, report.path.name)
        if orders.in_history[0]:
            report.warnings.append(render("history.not_again", settings.lang, file=report.path.name,
                                          n=f"{orders.in_history[0]:,}", orders=f"{orders.in_history[1]:,}"))
        if len(orders.sheet) > EXCEL_MAX_DATA_ROWS:
            report.error = DataError("too_many_rows", file=report.path.name, rows=len(orders.sheet))
            raise report.error
        log_rows.append({
            "Imported At": now, "File": report.path.name, "SHA-256": result.sha256, "Source": table.source,
            "Sheet": result.sheet, "Encoding": result.encoding, "Rows Read": report.rows,
            "Skipped Rows": report.skipped, "New": report.counts.new, "Updated": report.counts.updated,
            "Unchanged": report.counts.unchanged, "Ignored Headers": _joined(report.ignored),
        })
    if any(r.ok for r in reports):
        orders.archive(settings, now)
    run = ImportReport(reports, lines=len(orders.sheet), totals=orders.totals, archived=orders.archived)
    changed = orders.changed()
    if changed:
        orders.write()
        book.write_table(IMPORT_LOG, pd.concat([log, pd.DataFrame(log_rows)], ignore_index=True)
                         .reindex(columns=IMPORT_LOG.headers))
    lines = _lines_sheet(orders)
    if any(r.ok for r in reports) and not lines.empty:  # the lines that now show shipped or cancelled
        run.stock = sync_stock(book, settings, now, sheet=lines)
        changed = changed or run.stock.changed
    if changed:
        run.saved = book.save()
    return run


def _lines_sheet(orders: OrdersMerge) -> pd.DataFrame:
    """The Orders sheet whose lines the stock ledger reads: as it was before closed lines moved to history (a line
    that shipped and closed in the same import still leaves the shelf)."""
    return orders.unarchived if orders.unarchived is not None else orders.sheet


def merge_frame(book: Book, parts: Sequence[pd.DataFrame], log_row: dict, lang: str = "en",
                settings: Settings | None = None, unarchived: list | None = None) -> MergeCounts:
    """Merge canonical order lines held in memory (e.g. pulled from the Open API) into the Orders sheet, three
    ways like an import, and add ``log_row`` to the ImportLog, with Rows Read and the counts filled in. Written, not
    saved: the caller saves.

    ``parts`` are merged in turn and their counts summed, so a part may leave out columns whose cells the sheet
    keeps (a column a part lacks is not written for its lines). Orders, its base and Conflicts are written only if
    something changed. With ``settings``, the closed lines then move to history (Keep Closed Days). ``unarchived``
    gets the Orders sheet frame as it was before (for the stock ledger).
    """
    orders = OrdersMerge(book, lang, log_row.get("Imported At"))
    source = str(log_row.get("File") or orders.name)
    for part in parts:
        orders.merge(part, source)
    if settings is not None:
        orders.archive(settings)
    if unarchived is not None:
        unarchived.append(_lines_sheet(orders))
    if len(orders.sheet) > EXCEL_MAX_DATA_ROWS:
        raise DataError("too_many_rows", file=source, rows=len(orders.sheet))
    if orders.changed():
        orders.write()
    total = orders.totals
    log = _log_frame(book.read_rows(IMPORT_LOG.name))
    row = {**log_row, "Rows Read": sum(len(p) for p in parts), "New": total.new, "Updated": total.updated,
           "Unchanged": total.unchanged}
    book.write_table(IMPORT_LOG, pd.concat([log, pd.DataFrame([row])], ignore_index=True)
                     .reindex(columns=IMPORT_LOG.headers))
    return total


def _columns_lines(report: FileReport, lang: str) -> list[str]:
    """What a person should know about a file's columns: the headers tkops did not import, the address parts the
    file has no column for."""
    out = []
    if report.ignored:
        out.append(render("ignored_headers", lang, file=report.path.name, n=len(report.ignored),
                          headers=_joined(report.ignored)))
    if report.lacks:
        out.append(render("export_lacks", lang, file=report.path.name, parts=", ".join(report.lacks)))
    return out


def _joined(headers: list[str], limit: int = 2000) -> str | None:
    """Headers as one cell's text ("A, B, ..."), shortened to ``limit`` characters; None for none."""
    text = ", ".join(headers)
    return (text if len(text) <= limit else text[: limit - 1] + "…") or None


def _log_frame(rows) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame(columns=IMPORT_LOG.headers)
    header = [str(h) if h is not None else "" for h in rows[0]]
    frame = pd.DataFrame([list(r[:len(header)]) for r in rows[1:]], columns=header, dtype=object)
    frame = frame.dropna(how="all")
    return frame.reindex(columns=IMPORT_LOG.headers)


def _when(value) -> str:
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def remember_market(book: Book, settings: Settings) -> bool:
    """``tkops import --market XX``: XX becomes the book's Market on the Settings sheet when that is blank (saved with
    the import, if it saves), so the commands run later on the book (clocks, review, ...) know the market of lines
    without a Country and read a ``--now`` in its time zone. A Market already set is never changed. True when the
    Settings sheet was changed."""
    from tkops.book.layout import SETTINGS
    from tkops.settings import sheet_rows

    rows = book.read_rows(SETTINGS.name) or sheet_rows(Settings(language=settings.language))
    header = [str(h) if h is not None else "" for h in rows[0]]
    if "Setting" not in header or "Value" not in header:
        return False
    at, value = header.index("Setting"), header.index("Value")
    body = [list(r[:len(header)]) + [None] * (len(header) - len(r)) for r in rows[1:]]
    found = [r for r in body if str(r[at] or "").strip().casefold() == "market"]
    if not found or str(found[0][value] or "").strip():
        return False
    found[0][value] = settings.market
    book.write_table(SETTINGS.with_extra([h for h in header if h]), pd.DataFrame(body, columns=header))
    return True
