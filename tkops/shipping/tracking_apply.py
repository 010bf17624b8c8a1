"""Putting a tracking file's numbers on the Orders sheet (a pure function on the sheet frame).

A blank Tracking ID is filled; the same number is left as it is; a different number already on the sheet is never
overwritten (a conflict, reported with both numbers); lines of cancelled or already shipped orders are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.merge import typed
from tkops.schema import BY_KEY
from tkops.shipping.catalogue import render
from tkops.shipping.tracking import clean_tracking
from tkops.statuses import canonical_statuses

TRACKING, PROVIDER = "Tracking ID", "Shipping Provider Name"
#: Orders whose lines get no number from a file: nothing left to ship, or shipment already arranged.
SKIP_STATUSES = frozenset({"Cancelled", "Shipped", "In Transit", "Delivered", "Completed", "Awaiting Collection"})
DETAIL_LIMIT = 20  # detail lines per kind of problem in a report; the rest are counted


class TrackingInput(Protocol):
    """What :func:`apply_tracking` needs of a tracking file (the reader's
    :class:`tkops.sources.tracking_file.TrackingFile`): the numbers (``frame``: order_id, sku_id, seller_sku,
    tracking_id, shipping_provider and the file row), the name messages use, the header read for each key, the
    mapping that read it and the reader's problems."""

    frame: pd.DataFrame
    file: str
    columns: dict[str, str]
    mapping: str | None
    problems: list[tuple[str, dict]]


@dataclass
class TrackingApplied:
    """What one tracking file did to the Orders sheet: counts of order lines filled, unchanged (same number
    already there), in conflict (a different number there) and skipped (cancelled or shipped), the file's entries
    that match nothing on the sheet (``unknown``), and ``problems`` as (code, params) pairs for the report."""

    file: str
    entries: int = 0
    filled: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped: int = 0
    unknown: int = 0
    providers: int = 0  # Shipping Provider Name cells filled beside a number that was already there
    columns: dict = field(default_factory=dict)
    mapping: str | None = None
    problems: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the sheet frame was changed."""
        return bool(self.filled or self.providers)

    def lines(self, lang: str = "en") -> list[str]:
        """The report: a summary line, then each problem (at most :data:`DETAIL_LIMIT` of a kind), in ``lang``."""
        columns = ", ".join(f'"{h}" ({BY_KEY[k].name})' for k, h in self.columns.items())
        out = [render("tracking_file.summary", lang, file=self.file, entries=self.entries, columns=columns,
                      mapping=f"; {self.mapping}" if self.mapping else "", filled=self.filled,
                      unchanged=self.unchanged, conflicts=self.conflicts, unknown=self.unknown,
                      skipped=self.skipped)]
        shown: dict[str, int] = {}
        for code, params in self.problems:
            shown[code] = shown.get(code, 0) + 1
            if shown[code] <= DETAIL_LIMIT:
                out.append("  " + render(code, lang, **params))
        more = sum(max(0, n - DETAIL_LIMIT) for n in shown.values())
        return out + ([render("tracking_file.more", lang, n=more)] if more else [])


def apply_tracking(sheet: pd.DataFrame, incoming: TrackingInput) -> tuple[pd.DataFrame, TrackingApplied]:
    """The Orders sheet frame (display headers, as from :func:`tkops.merge.sheet_frame`) with the file's numbers
    entered, and what was done. Per order, or per line (SKU ID, else Seller SKU) when the file row gives a SKU.
    The input frame is not changed."""
    out = sheet.copy()
    for header in (TRACKING, PROVIDER):
        if header not in out.columns:
            out[header] = pd.Series(None, index=out.index, dtype=object)
    out[[TRACKING, PROVIDER]] = out[[TRACKING, PROVIDER]].astype(object)
    lines = typed(out)
    orders = lines["order_id"].fillna("").astype(str).tolist()
    status = canonical_statuses(_get(lines, "order_status")).tolist()
    sku_ids = [scalar_text(v) for v in _get(lines, "sku_id")]
    seller_skus = [scalar_text(v).casefold() for v in _get(lines, "seller_sku")]
    current = [clean_tracking(v) for v in out[TRACKING]]
    by_order: dict[str, list[int]] = {}
    for position, order in enumerate(orders):
        by_order.setdefault(order, []).append(position)
    t_col, p_col = out.columns.get_loc(TRACKING), out.columns.get_loc(PROVIDER)
    result = TrackingApplied(incoming.file, len(incoming.frame), columns=dict(incoming.columns),
                             mapping=incoming.mapping, problems=list(incoming.problems))
    unknown, conflicts, skipped = [], [], []
    where = {"file": incoming.file, "column": incoming.columns.get("tracking_id", TRACKING)}
    for entry in incoming.frame.itertuples(index=False):
        order, number, provider, sku_id, seller_sku = (scalar_text(v) for v in (
            entry.order_id, entry.tracking_id, entry.shipping_provider, entry.sku_id, entry.seller_sku))
        base = {**where, "row": entry.row, "order": order, "tracking": number}
        targets = by_order.get(order, [])
        if not targets:
            unknown.append(("tracking_file.unknown_order", {**base, "column": incoming.columns["order_id"]}))
            continue
        if sku_id or seller_sku:
            targets = [p for p in targets if (sku_id and sku_ids[p] == sku_id)
                       or (seller_sku and seller_skus[p] == seller_sku.casefold())]
            base["sku"] = f" (SKU {sku_id or seller_sku})"
            if not targets:
                skus = {scalar_text(lines["seller_sku"].iat[p]) if "seller_sku" in lines else sku_ids[p]
                        for p in by_order[order]}
                column = incoming.columns.get("sku_id" if sku_id else "seller_sku")
                unknown.append(("tracking_file.unknown_order", {
                    **base, "sku": sku_id or seller_sku, "column": column, "skus": ", ".join(sorted(skus)),
                    "variant": "sku"}))
                continue
        found: dict[str, int] = {}
        stopped = ""
        for p in targets:
            there, state = current[p]
            if there == number and state == "":
                result.unchanged += 1
                if provider and not scalar_text(out.iat[p, p_col]):
                    out.iat[p, p_col] = provider
                    result.providers += 1
            elif status[p] in SKIP_STATUSES:
                result.skipped += 1
                stopped = status[p]
            elif state == "empty":
                out.iat[p, t_col] = number
                if provider:  # the number and its carrier come from the same label: they go in together
                    out.iat[p, p_col] = provider
                current[p] = (number, "")
                result.filled += 1
            else:
                result.conflicts += 1
                found[there] = found.get(there, 0) + 1
        conflicts += [("tracking_file.conflict", {"sku": "", **base, "sheet": there, "lines": n})
                      for there, n in found.items()]
        if stopped:
            skipped.append(("tracking_file.skipped", {**base, "status": stopped, "variant": stopped}))
    result.unknown = len(unknown)
    result.problems += conflicts + unknown + skipped
    return out, result


def _get(lines: pd.DataFrame, key: str) -> pd.Series:
    return lines[key] if key in lines.columns else pd.Series(None, index=lines.index, dtype=object)
