"""Ship: check the tracking IDs on the Orders sheet and write the Seller Center bulk-shipping upload file.

The job behind ``tkops ship``: tracking numbers from carrier/3PL files are entered on the Orders sheet first (never
over a different number); a blank Shipping Provider Name is filled in where the number's carrier is certain
(docs/tracking.md#inference; never over a name the team typed); then only valid lines go into the file, the others
are listed with their reason, and the ShipLog sheet records what was exported so the same line is never uploaded
twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops import schema
from tkops.book.layout import SHIPLOG
from tkops.book.protocol import Book
from tkops.book.text_sheet import write_text_sheet
from tkops.jobs.sheets import OrdersView, read_orders, write_orders
from tkops.jobs.stock_ledger import LedgerReport, sync_stock
from tkops.merge import typed
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.settings import Settings
from tkops.shipping import (
    SHIPLOG_COLUMNS,
    UPLOAD_COLUMNS,
    UPLOAD_MIN_WIDTHS,
    UPLOAD_SHEET,
    already_exported,
    clean_tracking,
    explain,
    export_log_rows,
    provider_map_from_rows,
    shipping_upload,
    validate_tracking,
)
from tkops.shipping.catalogue import render as shipping_render
from tkops.shipping.inference import inferred_providers
from tkops.shipping.tracking_apply import TrackingApplied, apply_tracking
from tkops.sources.tracking_file import read_tracking_file
from tkops.sources.base import HeaderMapSource
from tkops.statuses import canonical_statuses

#: Order statuses whose lines get no inferred provider: nothing is left to upload for them.
_SETTLED = frozenset({"Cancelled", "Shipped", "In Transit", "Delivered", "Completed", "Awaiting Collection"})


@dataclass
class ShipReport:
    """What a ship run did: what each tracking file entered, the upload rows written (or none), the rejected lines
    and the tracking problems."""

    upload: pd.DataFrame
    rejected: pd.DataFrame
    problems: list[str]
    path: Path | None
    tracking: list[TrackingApplied] = field(default_factory=list)
    #: Lines whose blank Shipping Provider Name was filled in from the number: Order ID, Tracking ID, provider.
    inferred: list[tuple[str, str, str]] = field(default_factory=list)
    #: The stock ledger's sync (the exported lines leave the shelf).
    stock: LedgerReport | None = None

    def lines(self, lang: str) -> list[str]:
        """The report for a person, in ``lang``: the tracking files first, the providers filled in, then the upload."""
        out = [line for applied in self.tracking for line in applied.lines(lang)]
        if self.inferred:
            out.append(shipping_render("ship.inferred", lang, n=len(self.inferred)))
            out += [f"  {order} {tracking}: {provider}" for order, tracking, provider in self.inferred]
        exported, rejected = len(self.upload), len(self.rejected)
        key = ("ship_summary" if rejected else "ship_summary_all") if exported else \
            ("ship_summary_none" if rejected else "ship_summary_nothing")
        out += [render(key, lang, exported=exported, rejected=rejected, file=self.path or "-")]
        out += [f"  {r['Order ID']} {r['Tracking ID'] or ''}: {r['Reason']}" for _, r in self.rejected.iterrows()]
        return out + (self.stock.lines(lang) if self.stock is not None else [])


def run_ship(book: Book, settings: Settings, out: Path | None = None, now: dt.datetime | None = None, *,
             tracking_files: Sequence[str | Path] = (), mappings: Sequence[HeaderMapSource] = ()) -> ShipReport:
    """Enter the numbers of ``tracking_files`` (read through ``mappings`` or common header names) on the Orders
    sheet, then validate every tracking ID there and export the valid, not yet exported lines.

    Every file is read before anything is written: a file that cannot be read stops the run with nothing changed.
    """
    now = (now or settings.shop_now()).replace(microsecond=0)  # shop time: the clocks read Exported At as such
    sheet = read_orders(book).sheet
    incoming = [read_tracking_file(f, settings, mappings) for f in tracking_files]
    applied = []
    for tracking_file in incoming:
        sheet, result = apply_tracking(sheet, tracking_file)
        applied.append(result)
    providers = provider_map_from_rows(book.read_rows("Carriers"))
    sheet, inferred = _fill_providers(sheet, providers, settings.market)
    view = OrdersView(sheet)
    changed = write_orders(book, view, changed=any(a.changed for a in applied) or bool(inferred))
    lines = view.with_team({"packed": "Packed"})
    log = book.read_rows(SHIPLOG.name) or []
    problems = validate_tracking(lines, providers, settings.market)
    upload, rejected = shipping_upload(lines, problems, already_exported(log) if log else set(), providers,
                                       settings.lang)
    path = None
    if len(upload):
        # Default: the Output Folder, stamped with the time (never over an earlier upload file).
        path = Path(out) if out else stamped(output_folder(book.path, settings), "Shipping info", now, ".xlsx")
        write_text_sheet(path, UPLOAD_SHEET, upload, UPLOAD_COLUMNS, UPLOAD_MIN_WIDTHS)
        old = pd.DataFrame([r[:len(SHIPLOG_COLUMNS)] for r in log[1:]], columns=SHIPLOG_COLUMNS) if log \
            else pd.DataFrame(columns=SHIPLOG_COLUMNS)
        new = export_log_rows(upload, now, path.name)
        book.write_table(SHIPLOG, pd.concat([old.dropna(how="all"), new], ignore_index=True))
    # the upload rows are indexed like the lines: their keys are the lines that leave the shelf now
    stock = sync_stock(book, settings, now, set(schema.line_keys(lines).loc[upload.index]))
    if len(upload) or changed or stock.changed:
        book.save()
    return ShipReport(upload, rejected, explain(problems, settings.lang), path, applied, inferred, stock)


def _fill_providers(sheet: pd.DataFrame, providers, market: str) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """The sheet with each blank Shipping Provider Name filled in where the line's number has a certain carrier
    (only on lines still to ship: not cancelled, shipped or collected), and the lines filled in (Order ID, Tracking
    ID, provider)."""
    lines = typed(sheet)
    if "tracking_id" not in lines.columns:
        return sheet, []
    numbers = lines["tracking_id"].map(lambda v: "" if clean_tracking(v)[1] else clean_tracking(v)[0])
    current = lines["shipping_provider"] if "shipping_provider" in lines.columns else \
        pd.Series([None] * len(lines), index=lines.index, dtype=object)
    settled = canonical_statuses(lines["order_status"]).isin(_SETTLED) if "order_status" in lines.columns else None
    found = inferred_providers(numbers, current, providers, market or None, settled)
    if found.empty:
        return sheet, []
    sheet = sheet.copy()
    column = "Shipping Provider Name"
    if column not in sheet.columns:
        sheet[column] = pd.Series([None] * len(sheet), index=sheet.index, dtype=object)
    sheet[column] = sheet[column].astype(object)
    sheet.loc[found.index, column] = found
    orders = lines["order_id"] if "order_id" in lines.columns else pd.Series("", index=lines.index)
    return sheet, [(str(orders[i] or ""), numbers[i], found[i]) for i in found.index]
