"""Ship: check the tracking IDs on the Orders sheet and write the Seller Center bulk-shipping upload file.

The job behind ``tkops ship``: tracking numbers from carrier/3PL files are entered on the Orders sheet first (never
over a different number); then only valid lines go into the file, the others are listed with their reason, and the
ShipLog sheet records what was exported so the same line is never uploaded twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops import schema
from tkops.book.layout import ORDERS, orders_columns
from tkops.jobs.orders_sheet import orders_frame
from tkops.merge import typed
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.settings import Settings
from tkops.shipping import (
    SHIPLOG,
    SHIPLOG_COLUMNS,
    already_exported,
    explain,
    export_log_rows,
    provider_map_from_rows,
    shipping_upload,
    validate_tracking,
    write_upload,
)
from tkops.shipping.tracking_apply import TrackingApplied, apply_tracking
from tkops.shipping.tracking_file import read_tracking_file
from tkops.sources.base import HeaderMapSource


@dataclass
class ShipReport:
    """What a ship run did: what each tracking file entered, the upload rows written (or none), the rejected lines
    and the tracking problems."""

    upload: pd.DataFrame
    rejected: pd.DataFrame
    problems: list[str]
    path: Path | None
    tracking: list[TrackingApplied] = field(default_factory=list)

    def lines(self, lang: str) -> list[str]:
        """The report for a person, in ``lang``: the tracking files first, then the upload."""
        out = [line for applied in self.tracking for line in applied.lines(lang)]
        exported, rejected = len(self.upload), len(self.rejected)
        key = ("ship_summary" if rejected else "ship_summary_all") if exported else \
            ("ship_summary_none" if rejected else "ship_summary_nothing")
        out += [render(key, lang, exported=exported, rejected=rejected, file=self.path or "-")]
        out += [f"  {r['Order ID']} {r['Tracking ID'] or ''}: {r['Reason']}" for _, r in self.rejected.iterrows()]
        return out


def run_ship(book, settings: Settings, out: Path | None = None, now: dt.datetime | None = None, *,
             tracking_files: Sequence[str | Path] = (), mappings: Sequence[HeaderMapSource] = ()) -> ShipReport:
    """Enter the numbers of ``tracking_files`` (read through ``mappings`` or common header names) on the Orders
    sheet, then validate every tracking ID there and export the valid, not yet exported lines.

    Every file is read before anything is written: a file that cannot be read stops the run with nothing changed.
    """
    now = (now or settings.shop_now()).replace(microsecond=0)  # shop time: the clocks read Exported At as such
    sheet = orders_frame(book)
    incoming = [read_tracking_file(f, settings, mappings) for f in tracking_files]
    applied = []
    for tracking_file in incoming:
        sheet, result = apply_tracking(sheet, tracking_file)
        applied.append(result)
    changed = any(a.changed for a in applied)
    if changed:
        present = {c.key for c in schema.ORDER_COLUMNS if c.name in sheet.columns and sheet[c.name].notna().any()}
        spec = ORDERS.with_columns(orders_columns(list(sheet.columns), present))
        book.write_table(spec, sheet.reindex(columns=spec.headers))
    lines = typed(sheet)
    if "Packed" in sheet.columns:
        lines["packed"] = sheet["Packed"]
    carriers = book.read_rows("Carriers")
    providers = provider_map_from_rows(carriers) if carriers and len(carriers) > 1 else None
    log = book.read_rows(SHIPLOG.name) or []
    problems = validate_tracking(lines, providers)
    upload, rejected = shipping_upload(lines, problems, already_exported(log) if log else set(), providers,
                                       settings.lang)
    path = None
    if len(upload):
        # Default: the Output Folder, stamped with the time (never over an earlier upload file).
        path = Path(out) if out else stamped(output_folder(book.path, settings), "Shipping info", now, ".xlsx")
        write_upload(path, upload)
        old = pd.DataFrame([r[:len(SHIPLOG_COLUMNS)] for r in log[1:]], columns=SHIPLOG_COLUMNS) if log \
            else pd.DataFrame(columns=SHIPLOG_COLUMNS)
        new = export_log_rows(upload, now, path.name)
        book.write_table(SHIPLOG, pd.concat([old.dropna(how="all"), new], ignore_index=True))
    if len(upload) or changed:
        book.save()
    return ShipReport(upload, rejected, explain(problems, settings.lang), path, applied)
