"""Packing slips: the job behind ``tkops slips`` and the workbook's "Packing slips" button.

Reads Orders (and Inventory, Bundles, Review), chooses whose slips to print, puts them in pick order and writes the
slips as HTML and PDF (one base name) and the packing checklist into the output folder. The workbook is not changed.

Which orders: the piles in hand, i.e. orders with a Wave and not yet Packed (``waves`` narrows to those waves); when
no order waiting to be packed has a Wave, the released ones (Review Status Ready or Done, not Packed). ``orders``
names Order IDs instead (a reprint: Packed ones too). Never a cancelled order or line; unless named, never an order
on Hold (reported, so it is taken out of the pile) or one already with the carrier.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tkops.book.layout import BUNDLES, INVENTORY, ORDERS, REVIEW
from tkops.errors import ConfigError, DataError
from tkops.merge import sheet_frame, typed
from tkops.output import output_folder, stamped
from tkops.picking import pick_list
from tkops.picking.lines import NOT_PICKED
from tkops.picking.picklist import ID_SEPARATOR
from tkops.review import text as T
from tkops.review.context import DONE
from tkops.settings import Settings
from tkops.slips import LAYOUTS, build_slips, render_checklist, render_html, render_pdf
from tkops.slips.catalogue import label
from tkops.slips.render import write_atomic
from tkops.statuses import canonical_statuses

SLIPS_TITLE, CHECKLIST_TITLE = "Packing slips", "Packing checklist"


@dataclass
class SlipsReport:
    """What a slips run printed: how many slips, for which orders (in pick order), which files; the orders left out
    that a person should know about (``held``: in a wave but on Hold; ``missing``: named but not printable)."""

    slips: int
    orders: list[str]
    scope: str  # "waves", "released" or "orders": how the orders were chosen
    waves: list[int]
    html: Path | None = None
    pdf: Path | None = None
    checklist: Path | None = None
    held: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        """The files written (none when there was nothing to print)."""
        return [p for p in (self.html, self.pdf, self.checklist) if p]

    def lines(self, lang: str) -> list[str]:
        """The summary for a person in ``lang`` (en or zh): first line for a status cell, then the files."""
        waves = ", ".join(map(str, self.waves)) or "-"
        if self.slips:
            scope = label(f"slips.scope.{self.scope}", lang, waves=waves)
            out = [label("slips.done", lang, slips=self.slips, orders=len(self.orders), scope=scope)]
            out += [label(f"slips.file.{kind}", lang, path=path) for kind, path in
                    (("html", self.html), ("pdf", self.pdf), ("checklist", self.checklist))]
        else:
            out = [label(f"slips.none.{self.scope}", lang, waves=waves)]
        if self.held:
            out.append(label("slips.held", lang, orders=", ".join(self.held)))
        if self.missing:
            out.append(label("slips.missing", lang, orders=", ".join(self.missing)))
        return out


def run_slips(book, settings: Settings, out: str | Path | None = None, now: dt.datetime | None = None, *,
              layout: str | None = None, waves: Iterable[int] | None = None,
              orders: Iterable[str] | None = None) -> SlipsReport:
    """Print the packing slips and the packing checklist of the book's orders being packed now (see the module).

    ``layout`` (a4, a6, 4x6) overrides the Slip Layout setting; ``out`` is the folder (default: Output Folder).
    Settings and template errors raise ConfigError before any file is written; nothing to print writes nothing.
    """
    now = (now or dt.datetime.now()).replace(microsecond=0)
    slip_settings = settings.slip_settings()
    layout = (layout or slip_settings.layout).casefold().replace(" ", "")
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    name = book.path.name
    sheet = sheet_frame(book.read_rows(ORDERS.name), ORDERS.name, name)
    if sheet.empty:
        raise DataError("no_orders", book=name)
    lines = typed(sheet)
    facts = _line_facts(sheet, lines)
    wanted = sorted({int(w) for w in waves}) if waves else None
    chosen, scope, held, missing = _choose(_order_table(facts), wanted, orders)
    report = SlipsReport(0, [], scope, wanted or sorted(chosen["wave"].dropna().astype(int).unique().tolist()),
                         held=held, missing=missing)
    if chosen.empty:
        return report
    keep = facts["live"] & facts["order_id"].isin(chosen.index)
    wave = facts.loc[keep, "order_id"].map(chosen["wave"])
    wave = wave.fillna((wave.max() if wave.notna().any() else 0) + 1).astype("int64")  # named orders without one
    review = _frame(book.read_rows(REVIEW.name))
    wave = wave.sort_values(kind="mergesort")  # lines by wave, sheet order within: orders the pick list lacks
    picked = _with_team_columns(lines.loc[wave.index], sheet.loc[wave.index], review)
    order = _pick_order(picked, wave, _frame(book.read_rows(INVENTORY.name)), _frame(book.read_rows(BUNDLES.name)))
    slips = build_slips(picked, slip_settings, review=review, pick_order=order)
    documents = [render_html(slips, slip_settings, layout).encode("utf-8"), render_pdf(slips, slip_settings, layout),
                 render_checklist(slips, slip_settings).encode("utf-8")]  # all rendered before any file is written
    paths = _paths(output_folder(book.path, settings, out), now)
    _write_all(zip(paths, documents))
    report.slips, report.html, report.pdf, report.checklist = len(slips), *paths
    report.orders = list(dict.fromkeys(o for slip in slips for o in slip.order_ids))
    return report


def _line_facts(sheet: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame:
    """Per line: Order ID, whether it can get a slip at all (``live``: not cancelled, has an Order ID), Packed,
    on Hold, released, already with the carrier (``gone``), and its Wave."""
    idx = lines.index
    status = canonical_statuses(T.as_text(lines.get("order_status"), idx))
    review = T.as_text(sheet.get("Review Status"), idx).str.casefold()
    order_id = T.as_text(lines.get("order_id"), idx)
    wave = pd.to_numeric(sheet["Wave"], errors="coerce") if "Wave" in sheet.columns else np.nan
    return pd.DataFrame({"order_id": order_id, "live": (status != "Cancelled") & (order_id != ""),
                         "packed": sheet["Packed"].map(_ticked) if "Packed" in sheet.columns else False,
                         "held": review == "hold", "released": review.isin(("ready", "done")),
                         "gone": status.isin(DONE), "wave": wave}, index=idx)


def _order_table(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per Order ID that can get a slip, in sheet order: an order is Packed, on Hold, released or gone when
    any of its lines is (the team ticks one row of an order); its wave is the lowest of its lines'."""
    live = facts[facts["live"]].astype({c: bool for c in ("packed", "held", "released", "gone")})
    return live.groupby("order_id", sort=False).agg(packed=("packed", "any"), held=("held", "any"),
                                                    released=("released", "any"), gone=("gone", "any"),
                                                    wave=("wave", "min"))


def _choose(table: pd.DataFrame, waves: list[int] | None, orders: Iterable[str] | None):
    """(the chosen rows of ``table``, scope, Order IDs held back for Hold, Order IDs named but not printable)."""
    if orders is not None:
        named = list(dict.fromkeys(s for s in (str(o).strip() for o in orders) if s))
        chosen = table.loc[[o for o in named if o in table.index]]
        return (chosen[chosen["wave"].isin(waves)] if waves else chosen), "orders", [], [
            o for o in named if o not in table.index]
    todo = table[~table["packed"] & ~table["gone"]]
    if waves or todo["wave"].notna().any():
        todo = todo[todo["wave"].isin(waves) if waves else todo["wave"].notna()]
        return todo[~todo["held"]], "waves", list(todo.index[todo["held"]]), []
    return todo[todo["released"] & ~todo["held"]], "released", [], []


def _with_team_columns(lines: pd.DataFrame, sheet: pd.DataFrame, review: pd.DataFrame | None) -> pd.DataFrame:
    """``lines`` plus what the team decided elsewhere: the buyer language set on the Review sheet (as the buyer
    messages use it) and a Gift column on Orders when the team keeps one."""
    out = lines.copy()
    if review is not None and {"Order ID", "Buyer Language"} <= set(review.columns):
        given: dict[str, str] = {}
        for order, lang in zip(*(T.as_text(review[c], review.index) for c in ("Order ID", "Buyer Language"))):
            if lang:
                given.setdefault(order, lang)
        out["buyer_language"] = [given.get(o, "") for o in out["order_id"]]
    if "Gift" in sheet.columns:
        out["gift"] = sheet["Gift"]
    return out


def _pick_order(lines: pd.DataFrame, wave: pd.Series, inventory: pd.DataFrame | None,
                bundles: pd.DataFrame | None) -> list[str]:
    """Order IDs in the order the pick list walks: by wave, then each order at its first pick location (zone, then
    bin in natural order; bundles by their components' bins)."""
    pick = pick_list(lines, inventory, bundles, wave)
    return list(dict.fromkeys(o for ids in pick["order_ids"] for o in ids.split(ID_SEPARATOR) if o))


def _paths(folder: Path, now: dt.datetime) -> tuple[Path, Path, Path]:
    """The slips' HTML and PDF (one free base name for both) and the checklist's file."""
    n = 1
    while True:
        base = folder / (f"{SLIPS_TITLE} {now:%Y-%m-%d %H%M}" + (f" ({n})" if n > 1 else ""))
        html, pdf = base.with_name(base.name + ".html"), base.with_name(base.name + ".pdf")
        if not html.exists() and not pdf.exists():
            return html, pdf, stamped(folder, CHECKLIST_TITLE, now, ".html")
        n += 1


def _write_all(documents) -> None:
    """Write each (path, bytes) atomically; if one fails, remove those this run wrote, so no half batch stays."""
    written: list[Path] = []
    try:
        for path, data in documents:
            written.append(write_atomic(path, data))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _ticked(value) -> bool:
    """A team tick (Packed): any value but blank, 0, FALSE or No (in the languages the team uses)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return False
    if isinstance(value, (bool, np.bool_, int, float, np.number)):
        return bool(value)
    return " ".join(str(value).split()).casefold() not in NOT_PICKED


def _frame(rows: list[list] | None) -> pd.DataFrame | None:
    """A team sheet's rows (header first) as a frame (first of any repeated header); None when empty."""
    if not rows or len(rows) < 2:
        return None
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    frame = pd.DataFrame([list(r[:len(header)]) + [None] * (len(header) - len(r)) for r in rows[1:]],
                         columns=header, dtype=object).dropna(how="all")
    return frame.loc[:, (frame.columns != "") & ~frame.columns.duplicated()]
