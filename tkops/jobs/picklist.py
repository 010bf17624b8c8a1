"""Print and pick: the job behind ``tkops picklist`` and the workbook's Pick list button.

Reads Orders, Inventory and Bundles through any backend and runs the picking core (:mod:`tkops.picking`) on the
lines released for picking that are on no pick list yet. Waves are numbered on from the highest Wave on the Orders
sheet, so a wave number means one printed list for the life of the workbook. It writes the Wave of each listed
line on Orders, the PickList sheet (set up for printing by the backend) and a printable HTML page and PDF in the
output folder. With nothing new to pick it changes nothing; ``include_waved`` prints the released, unpicked lines
of earlier lists again with their own wave numbers (a lost or torn list).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tkops import schema
from tkops.book.layout import PICKLIST
from tkops.book.safety import atomic_target
from tkops.book.protocol import Book
from tkops.jobs.sheets import read_orders, write_orders
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.pdf import font_paths
from tkops.picking import (NO_BIN, SHORT, UNKNOWN_SKU, pick_list, picklist_html, released, wave_summary,
                           waves)
from tkops.picking import sheet_frame as picklist_frame
from tkops.picking.pdf import picklist_pdf
from tkops.settings import Settings

FILE_TITLE = "Pick list"
WAVE = schema.BY_KEY["wave"].name
TEAM_HEADERS = {"review_status": "Review Status", "picked": "Picked"}
SKUS_SHOWN = 12  # SKUs named in one summary line; the sheet and the printed list have them all


@dataclass
class PicklistReport:
    """What a pick-list run did: the pick rows and waves printed (empty when there was nothing to pick), the
    files written, and how many released lines were left out because an earlier list has them."""

    pick: pd.DataFrame
    summary: pd.DataFrame
    book: str
    html: Path | None = None
    pdf: Path | None = None
    already_listed: int = 0
    listed_waves: tuple[int, ...] = ()

    @property
    def paths(self) -> list[Path]:
        """The files written (PDF first)."""
        return [p for p in (self.pdf, self.html) if p is not None]

    def lines(self, lang: str) -> list[str]:
        """The run in a few lines for the team (en or zh)."""
        if self.pick.empty:
            if self.already_listed:
                return [render("pick.job.already", lang, n=self.already_listed, numbers=_numbers(self.listed_waves))]
            return [render("pick.empty", lang)]
        s = self.summary
        out = [render("pick.job.done", lang, waves=len(s), numbers=_numbers(s["wave"]), orders=int(s["orders"].sum()),
                      units=int(s["units"].sum()), rows=len(self.pick))]
        out += [render("pick.job.wave", lang, n=r.wave, kind=render(f"pick.job.kind.{r.kind}", lang), orders=r.orders,
                       units=r.units) for r in s.itertuples()]
        flags = self.pick["flags"].str.split(",")
        unknown, short = flags.map(lambda f: UNKNOWN_SKU in f), flags.map(lambda f: SHORT in f)
        no_bin = flags.map(lambda f: NO_BIN in f) & ~unknown
        if no_bin.any():
            out.append(render("pick.job.no_bin", lang, n=int(no_bin.sum()), skus=self._skus(no_bin)))
        for code, mask in (("pick.job.unknown", unknown), ("pick.job.short", short)):
            if mask.any():
                out.append(render(code, lang, skus=self._skus(mask)))
        if self.already_listed:
            out.append(render("pick.job.skipped", lang, n=self.already_listed, numbers=_numbers(self.listed_waves)))
        out.append(render("pick.job.sheet", lang, book=self.book))
        if self.pdf is not None:
            out.append(render("pick.job.files", lang, pdf=self.pdf, html=self.html))
        return out

    def _skus(self, mask: pd.Series) -> str:
        skus = list(dict.fromkeys(self.pick.loc[mask, "seller_sku"]))
        more = f" (+{len(skus) - SKUS_SHOWN})" if len(skus) > SKUS_SHOWN else ""
        return ", ".join(skus[:SKUS_SHOWN]) + more


def _numbers(numbers) -> str:
    values = sorted({int(n) for n in numbers})
    return ", ".join(map(str, values)) if len(values) < 4 else f"{values[0]}–{values[-1]}"


def run_picklist(book: Book, settings: Settings, out: str | Path | None = None, now: dt.datetime | None = None, *,
                 include_waved: bool = False) -> PicklistReport:
    """Make the pick list of the book's released lines: waves on Orders, the PickList sheet, HTML and PDF files
    in ``out`` (default: :func:`tkops.output.output_folder`). ``now``: the printed time (default: the shop's
    clock). ``include_waved``: print again the released, unpicked lines an earlier pick list already has."""
    name = book.path.name
    view = read_orders(book)
    sheet, lines = view.sheet, view.with_team(TEAM_HEADERS)
    if WAVE not in sheet.columns:  # a workbook made before the Wave column: write_table adds it
        sheet[WAVE] = None
    old = pd.to_numeric(sheet[WAVE], errors="coerce")
    ready = released(lines)
    listed = old.reindex(ready.index).notna()
    fresh = ready[~listed]
    if not include_waved:
        ready = fresh
    skipped = {} if include_waved else {"already_listed": int(listed.sum()),
                                        "listed_waves": tuple(old[listed[listed].index].astype(int))}
    if ready.empty:
        return PicklistReport(pd.DataFrame(), pd.DataFrame(), name, **skipped)
    inventory, bundles = rows_frame(book.read_rows("Inventory")), rows_frame(book.read_rows("Bundles"))
    highest = int(old.max()) if old.notna().any() else 0
    new = waves(fresh, separate_single=settings.separate_single_items(), max_orders=settings.wave_cap(),
                bundles=bundles) + highest
    wave = new.reindex(ready.index)
    again = wave.isna()  # only with include_waved: lines of an earlier list keep their wave
    wave[again] = old[again[again].index].round()
    pick = pick_list(ready, inventory, bundles, wave)
    summary = wave_summary(ready, wave, bundles)
    now = (now or settings.shop_now()).replace(microsecond=0)
    html, pdf = _write_files(book.path, settings, out, now, pick, summary)
    report = PicklistReport(pick, summary, name, html, pdf, **skipped)
    try:
        updated = sheet.astype({WAVE: object})
        updated.loc[new.index, WAVE] = new.astype(object)
        write_orders(book, view, updated)
        book.write_table(PICKLIST, picklist_frame(pick, settings.lang))
        book.save()
    except BaseException:  # the workbook does not record these waves: the files must not claim them
        for path in report.paths:
            path.unlink(missing_ok=True)
        raise
    return report


def _write_files(book_path: Path, settings: Settings, out, now: dt.datetime, pick: pd.DataFrame,
                 summary: pd.DataFrame) -> tuple[Path, Path]:
    """The HTML page and the PDF, both rendered before either is written, each written atomically."""
    shop = settings.shop_name
    html = picklist_html(pick, summary, settings.lang, shop=shop, printed=now, extra_folder=settings.templates_folder)
    pdf = picklist_pdf(pick, summary, settings.lang, shop=shop, printed=now, fonts=font_paths(settings.pdf_fonts))
    pdf_path = stamped(output_folder(book_path, settings, out), FILE_TITLE, now, ".pdf")
    html_path = pdf_path.with_suffix(".html")
    written: list[Path] = []
    try:
        for path, data in ((html_path, html.encode("utf-8")), (pdf_path, pdf)):
            with atomic_target(path) as tmp:
                tmp.write_bytes(data)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return html_path, pdf_path
