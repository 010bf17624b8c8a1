"""Packing slips: the job behind ``tkops slips`` and the "Packing slips" button. Reads Orders, Inventory, Bundles
and Review; writes the slips (HTML and PDF, one base name) and the packing checklist, in pick order, to the output
folder. The workbook is not changed.

Whose slips: the piles in hand, orders with a Wave and not yet Packed (``waves`` narrows them); when no such order
has a Wave, the released ones (Review Status Ready or Done, not Packed). ``orders`` names Order IDs instead (a
reprint: Packed ones too). Never a cancelled line; unless named, never an order on Hold (reported, to take it out of
the pile) or one already with the carrier."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tkops.book.layout import BUNDLES, INVENTORY, REVIEW
from tkops.book.protocol import ReadBook
from tkops.book.safety import atomic_target
from tkops.cells.yes_no import tick
from tkops.errors import ConfigError
from tkops.jobs.orders_sheet import orders_frame
from tkops.merge import typed
from tkops.output import output_folder, stamped
from tkops.picking import pick_list
from tkops.picking.picklist import ID_SEPARATOR
from tkops.picking.together import together_with
from tkops.review import text as T
from tkops.settings import Settings
from tkops.slips import LAYOUTS, Logo, SlipSettings, build_slips, render_checklist, render_html, render_pdf
from tkops.slips.catalogue import label
from tkops.sources.pictures import read_picture
from tkops.statuses import canonical_statuses

SLIPS_TITLE, CHECKLIST_TITLE = "Packing slips", "Packing checklist"
COMBINABLE = "order.combinable"  # the review code whose Combine tick merges a buyer's orders into one slip
#: With the carrier: no slip unless named. Not Awaiting Collection: arranging shipment often comes before packing.
GONE = frozenset({"Shipped", "In Transit", "Delivered", "Completed"})


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
        kind = "wave" if self.scope == "waves" and len(self.waves) == 1 else self.scope
        scope = label(f"slips.scope.{kind}", lang, waves=", ".join(map(str, self.waves)))
        if self.slips:
            out = [label("slips.done", lang, slips=self.slips, orders=len(self.orders), scope=scope)]
            out += [label(f"slips.file.{what}", lang, path=path) for what, path in
                    (("html", self.html), ("pdf", self.pdf), ("checklist", self.checklist))]
        else:
            out = [label(f"slips.none.{self.scope}", lang, scope=scope)]
        if self.held:
            out.append(label("slips.held", lang, orders=", ".join(self.held)))
        if self.missing:
            out.append(label("slips.missing", lang, orders=", ".join(self.missing)))
        return out


def run_slips(book: ReadBook, settings: Settings, out: str | Path | None = None, now: dt.datetime | None = None, *,
              layout: str | None = None, waves: Iterable[int] | None = None,
              orders: Iterable[str] | None = None) -> SlipsReport:
    """Write the packing slips and the packing checklist of the orders being packed now (see the module docstring).
    ``layout`` (a4, a6, 4x6) overrides the Slip Layout setting; ``out`` is the folder (default: Output Folder).
    Settings and template errors raise ConfigError before any file is written; nothing to print writes nothing."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    slip_settings = SlipSettings.from_mapping(settings.slip_values(), settings)
    logo = slip_files(slip_settings)
    layout = (layout or slip_settings.layout).casefold().replace(" ", "")
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    sheet = orders_frame(book)
    facts, wanted = _line_facts(sheet), (sorted({int(w) for w in waves}) if waves else None)
    chosen, scope, held, missing = _choose(facts, wanted, orders)
    report = SlipsReport(0, [], scope, wanted or sorted(chosen["wave"].dropna().astype(int).unique().tolist()),
                         held=held, missing=missing)
    if chosen.empty:
        return report
    wave = facts.loc[facts["live"] & facts["order_id"].isin(chosen.index), "order_id"].map(chosen["wave"])
    # after the last wave: orders without one; by wave, sheet order within: orders the pick list leaves out
    wave = wave.fillna(np.nan_to_num(wave.max()) + 1).astype("int64").sort_values(kind="mergesort")
    review = _frame(book.read_rows(REVIEW.name))
    picked = _with_team_columns(typed(sheet.loc[wave.index]), sheet.loc[wave.index], review)
    order = _pick_order(picked, wave, _frame(book.read_rows(INVENTORY.name)), _frame(book.read_rows(BUNDLES.name)))
    together = together_with(picked)
    slips = build_slips(picked, slip_settings, review=review, pick_order=order, together=together,
                        combine=combine_choice(review, together, list(picked["order_id"])))
    documents = [render_html(slips, slip_settings, layout, logo).encode("utf-8"),
                 render_pdf(slips, slip_settings, layout, logo),
                 render_checklist(slips, slip_settings).encode("utf-8")]  # all rendered before any file is written
    paths = _paths(output_folder(book.path, settings, out), now)
    _write_all(zip(paths, documents))
    report.slips, report.html, report.pdf, report.checklist = len(slips), *paths
    report.orders = list(dict.fromkeys(o for slip in slips for o in slip.order_ids))
    return report


def slip_files(slip: SlipSettings) -> Logo | None:
    """The shop logo the settings name, read (None without one), after checking it and the PDF Fonts files:
    ConfigError naming the setting when the logo is not a PNG or JPEG file Pillow can read (a renamed file is
    caught here, not deep in a renderer) or a font is not a TrueType file."""
    logo = None
    if slip.logo:
        path = Path(slip.logo)
        picture = read_picture(path) if path.suffix.casefold() in (".png", ".jpg", ".jpeg") else None
        if picture is None:
            raise ConfigError("bad_setting", name="Shop Logo", value=slip.logo, hint="the path of a PNG or JPEG file")
        logo = Logo(picture.data, picture.width, picture.height, str(path))
    for font in slip.pdf_fonts:
        if not Path(font).is_file() or Path(font).suffix.casefold() not in (".ttf", ".ttc"):
            raise ConfigError("bad_setting", name="PDF Fonts", value=font,
                              hint="paths of TrueType font files (.ttf or .ttc), separated by ;")
    return logo


def _line_facts(sheet: pd.DataFrame) -> pd.DataFrame:
    """Per line: Order ID, whether it can get a slip at all (``live``: not cancelled, has an Order ID), Packed,
    on Hold, released, already with the carrier (``gone``), and its Wave."""
    idx = sheet.index
    status = canonical_statuses(T.as_text(sheet.get("Order Status"), idx))
    review, order_id = T.as_text(sheet.get("Review Status"), idx).str.casefold(), T.as_text(sheet["Order ID"], idx)
    wave = pd.to_numeric(sheet["Wave"], errors="coerce") if "Wave" in sheet.columns else np.nan
    return pd.DataFrame({"order_id": order_id, "live": (status != "Cancelled") & (order_id != ""),
                         "packed": sheet["Packed"].map(tick) if "Packed" in sheet.columns else False,
                         "held": review == "hold", "released": review.isin(("ready", "done")),
                         "gone": status.isin(GONE), "wave": wave}, index=idx)


def _choose(facts: pd.DataFrame, waves: list[int] | None, orders: Iterable[str] | None):
    """(the chosen orders, one row each, in sheet order; scope; Order IDs held back for Hold; Order IDs named but
    not printable). An order is Packed, on Hold, released or gone when any of its lines is (the team ticks one row
    of an order); its wave is the lowest of its lines'."""
    live = facts[facts["live"]].astype({c: bool for c in ("packed", "held", "released", "gone")})
    table = live.groupby("order_id", sort=False).agg(
        {"packed": "any", "held": "any", "released": "any", "gone": "any", "wave": "min"})
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
        ids, langs = (T.as_text(review[c], review.index) for c in ("Order ID", "Buyer Language"))
        given = dict(reversed([(o, lang) for o, lang in zip(ids, langs) if lang]))  # an order's first row wins
        out["buyer_language"] = [given.get(o, "") for o in out["order_id"]]
    if "Gift" in sheet.columns:
        out["gift"] = sheet["Gift"]
    if "Team Note" in sheet.columns:
        out["team_note"] = sheet["Team Note"]
    return out


def combine_choice(review: pd.DataFrame | None, together: dict[str, list[str]], order: list[str]) -> dict[str, str]:
    """Order ID -> the order whose slip it joins, for the orders the team chose to send as one parcel with one
    slip: Combine ticked on a Review row of order.combinable. The first of them in ``order`` (pick order) leads."""
    if review is None or not {"Order ID", "Code", "Combine"} <= set(review.columns):
        return {}
    rows = review[review["Code"].map(lambda c: str(c).strip() == COMBINABLE) & review["Combine"].map(tick)]
    rank = {o: i for i, o in enumerate(dict.fromkeys(order))}
    out: dict[str, str] = {}
    for chosen in T.as_text(rows["Order ID"], rows.index):
        group = [chosen, *together.get(chosen, [])]
        if len(group) < 2:
            continue  # its partners are not being packed now: nothing to combine with
        leader = min(group, key=lambda o: rank.get(o, len(rank)))
        out.update({o: out.get(leader, leader) for o in group})
    return out


def _pick_order(lines: pd.DataFrame, wave: pd.Series, inventory: pd.DataFrame | None,
                bundles: pd.DataFrame | None) -> list[str]:
    """Order IDs in the order the pick list walks: by wave, then each order at its first pick location (zone, then
    bin in natural order; bundles by their components' bins)."""
    pick = pick_list(lines, inventory, bundles, wave)
    return list(dict.fromkeys(o for ids in pick["order_ids"] for o in ids.split(ID_SEPARATOR) if o))


def _paths(folder: Path, now: dt.datetime) -> tuple[Path, Path, Path]:
    """The slips' HTML and PDF (one free base name for both) and the checklist's file."""
    stem = f"{SLIPS_TITLE} {now:%Y-%m-%d %H%M}"
    base = next(b for b in (f"{stem} ({n})" if n > 1 else stem for n in itertools.count(1))
                if not (folder / f"{b}.html").exists() and not (folder / f"{b}.pdf").exists())
    return folder / f"{base}.html", folder / f"{base}.pdf", stamped(folder, CHECKLIST_TITLE, now, ".html")


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through :func:`tkops.book.safety.atomic_target`: a failed write leaves the old
    file, or none."""
    with atomic_target(path) as tmp:
        tmp.write_bytes(data)
    return path


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


def _frame(rows: list[list] | None) -> pd.DataFrame | None:
    """A team sheet's rows (header first) as a frame (first of any repeated header); None when empty."""
    if not rows or len(rows) < 2:
        return None
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    frame = pd.DataFrame([list(r[:len(header)]) + [None] * (len(header) - len(r)) for r in rows[1:]],
                         columns=header, dtype=object).dropna(how="all")
    return frame.loc[:, (frame.columns != "") & ~frame.columns.duplicated()]
