"""Low stock and reorder: the job behind ``tkops reorder`` and the Reorder button.

Reads the order lines (Orders and history, :func:`tkops.jobs.lines.order_lines`), Inventory, Bundles and Suppliers
through any backend, runs the reorder core (:mod:`tkops.stock.reorder`) and rewrites the Reorder sheet: one row per
stock SKU, the cells of SKUs below their reorder point coloured through the sheet's hidden flags column. The Home
sheet's reorder cell and the month-end report count the SKUs to reorder from the same table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tkops import flags
from tkops.book.layout import BUNDLES, INVENTORY, REORDER, REORDER_FLAGS, SUPPLIERS
from tkops.book.protocol import Book, ReadBook
from tkops.jobs.lines import order_lines
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.settings import Settings
from tkops.stock.reorder import Defaults, reorder, to_reorder, units

#: The order-line columns the reorder reads.
LINE_KEYS = ("seller_sku", "quantity", "order_status", "created_time", "paid_time")
#: Core column -> Reorder sheet header.
HEADERS = {"sku": "Seller SKU", "product_name": "Product Name", "supplier": "Supplier", "on_hand": "On Hand",
           "on_order": "On Order", "sold_7d": "Sold 7d", "sold_30d": "Sold 30d", "velocity": "Velocity/day",
           "days_of_cover": "Days of Cover", "lead_time_days": "Lead Time Days", "cover_days": "Cover Days",
           "suggested_qty": "Suggested Qty", "status": "Status"}
#: The cells coloured on a row below its reorder point.
COLOURED = ("Seller SKU", "On Hand", "Days of Cover", "Suggested Qty", "Status")
LETTER = "R"


@dataclass
class ReorderReport:
    """A reorder run: the core's table (:data:`tkops.stock.reorder.COLUMNS`), as of ``now``."""

    table: pd.DataFrame
    now: dt.datetime

    @property
    def due(self) -> pd.DataFrame:
        """The SKUs below their reorder point, by supplier."""
        return to_reorder(self.table)

    def lines(self, lang: str = "en") -> list[str]:
        """The summary line, then the SKUs to reorder by supplier."""
        if self.table.empty:
            return [render("reorder.none", lang)]
        due, status = self.due, self.table["status"]
        out = [render("reorder.summary", lang, n=len(due), units=sum(units(v) for v in due["suggested_qty"]),
                      ok=int((status == "ok").sum()), idle=int((status == "no_sales").sum()),
                      now=f"{self.now:%Y-%m-%d %H:%M}")]
        return out + by_supplier_lines(due, lang)

    def home_text(self, lang: str = "en") -> str:
        """The Home sheet's reorder cell: how many SKUs to reorder and how many units, or that none is due."""
        due = self.due
        if due.empty:
            return render("reorder.home_none", lang, now=f"{self.now:%Y-%m-%d %H:%M}")
        return render("reorder.home", lang, n=len(due), units=sum(units(v) for v in due["suggested_qty"]))


def by_supplier_lines(due: pd.DataFrame, lang: str = "en") -> list[str]:
    """One line per supplier: "  Supplier: SKU x qty, ..." (SKUs without a supplier last)."""
    out = []
    for supplier, rows in due.groupby(due["supplier"].fillna(""), sort=False):
        skus = ", ".join(f"{sku} x {units(q)}" for sku, q in zip(rows["sku"], rows["suggested_qty"]))
        out.append(render("reorder.supplier_line", lang, supplier=supplier or render("reorder.no_supplier", lang),
                          skus=skus))
    return out


def _sheet(book: ReadBook, spec) -> pd.DataFrame:
    """A sheet as a frame indexed by sheet row (row 2 is the first below the headers)."""
    frame = rows_frame(book.read_rows(spec.name))
    return frame.set_axis(frame.index + 2)


def reorder_table(book: ReadBook, settings: Settings, now: dt.datetime, lines: pd.DataFrame | None = None) -> pd.DataFrame:
    """The core's reorder table for ``book`` as of ``now`` (shop-local): read only. ``lines``: the book's order
    lines (:func:`tkops.jobs.lines.order_lines`, at least :data:`LINE_KEYS`) when the caller has them already."""
    name = Path(getattr(book, "path", None) or "workbook").name
    lead, cover = settings.reorder_days()
    lines = order_lines(book, LINE_KEYS) if lines is None else lines
    return reorder(lines, _sheet(book, INVENTORY), _sheet(book, BUNDLES), _sheet(book, SUPPLIERS), now,
                   Defaults(lead, cover), file=name)


def sheet_frame(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The Reorder sheet's rows: the table under the sheet's headers, velocity and cover rounded, the status in the
    team's language and the flags that colour the rows below their reorder point."""
    frame = table.rename(columns=HEADERS).reindex(columns=REORDER.headers)
    frame["Velocity/day"] = table["velocity"].round(2)
    frame["Days of Cover"] = table["days_of_cover"].round(1)
    frame["Status"] = [render(f"reorder.status.{s}", lang) for s in table["status"]]
    marks = flags.join((LETTER, h) for h in COLOURED)
    frame[REORDER_FLAGS] = [marks if below else None for below in table["below"].astype(bool)]
    return frame


def run_reorder(book: Book, settings: Settings, now: dt.datetime | None = None) -> ReorderReport:
    """``tkops reorder``: rewrite the Reorder sheet from the book's sales and stock, and save."""
    now = (now or settings.shop_now()).replace(microsecond=0)
    table = reorder_table(book, settings, now)
    book.write_table(REORDER, sheet_frame(table, settings.lang))
    book.save()
    return ReorderReport(table, now)
