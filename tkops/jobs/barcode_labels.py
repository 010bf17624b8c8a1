"""Barcode labels: the job behind ``tkops labels``. Reads the Inventory sheet; writes a PDF of Code 128 labels per
label stock asked for (an A4 sheet of 3 x 8, 2 x 1 inch thermal labels) to the output folder, one label per Seller
SKU with no Barcode on any of its rows and, with ``bins``, one per distinct Bin. The workbook is not changed.

A label's bars hold the Seller SKU itself, which the pack station already takes as a scan of that item
(:mod:`tkops.pack.index`). Bins are opt-in: bin labels go on the shelves once, SKU labels are printed whenever new
SKUs come in. Rows whose code cannot be a Code 128 (or is too long for the stock) are reported and left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tkops.book.layout import INVENTORY
from tkops.book.safety import atomic_target
from tkops.book.protocol import ReadBook
from tkops.errors import ConfigError
from tkops.merge import rows_frame
from tkops.messages import render
from tkops.output import output_folder, stamped
from tkops.pdf import font_paths
from tkops.picking.labels_layout import SHEETS, Label, Problem, bin_labels, place, sku_labels
from tkops.picking.labels_pdf import render_labels
from tkops.settings import Settings

SIZES = {"a4": ("a4",), "thermal": ("thermal",), "both": ("a4", "thermal")}
TITLES = {"a4": "Barcode labels A4", "thermal": "Barcode labels 2x1in"}


@dataclass
class LabelsReport:
    """What a labels run printed: labels per kind, the files (label stock, path, pages) and the rows left out."""

    skus: int = 0
    barcoded: int = 0
    bins: int = 0
    bins_asked: bool = False
    files: list[tuple[str, Path, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        """The PDF files written."""
        return [path for _, path, _ in self.files]

    def lines(self, lang: str) -> list[str]:
        """The summary for a person in ``lang``: what was labelled, the files, then each row left out."""
        out: list[str] = []
        if self.skus:
            out.append(render("labels.skus", lang, n=self.skus))
            if self.barcoded:
                out.append(render("labels.barcoded", lang, n=self.barcoded))
        elif self.barcoded:
            out.append(render("labels.all_barcoded", lang, n=self.barcoded))
        elif not any(p.code == "labels.not_code128" for p in self.problems):
            out.append(render("labels.no_skus", lang))
        if self.bins_asked:
            out.append(render("labels.bins", lang, n=self.bins) if self.bins else render("labels.no_bins", lang))
        out += [render("labels.file", lang, what=f"labels.sheet.{sheet}", path=path, pages=pages)
                for sheet, path, pages in self.files]
        if not self.files:
            out.append(render("labels.nothing", lang))
        out += [render(p.code, lang, row=p.row, value=p.value, **({"what": f"labels.sheet.{p.sheet}"} if p.sheet
                                                                     else {})) for p in self.problems]
        return out


def run_barcode_labels(book: ReadBook, settings: Settings, out: str | Path | None = None, now: dt.datetime | None = None, *,
                       size: str = "both", bins: bool = False) -> LabelsReport:
    """Write the label PDFs (see the module docstring). ``size``: a4, thermal or both; ``out``: the folder
    (default: Output Folder). Everything is drawn before any file is written; nothing to print writes nothing."""
    sheets = SIZES.get((size or "").casefold())
    if sheets is None:
        raise ConfigError("bad_setting", name="--size", value=size, hint=", ".join(SIZES))
    now = (now or dt.datetime.now()).replace(microsecond=0)
    inventory = rows_frame(book.read_rows(INVENTORY.name), INVENTORY.headers)
    labels, problems, barcoded = sku_labels(inventory)
    report = LabelsReport(skus=len(labels), barcoded=barcoded, bins_asked=bins, problems=problems)
    if bins:
        shelf, shelf_problems = bin_labels(inventory)
        labels += [_bin_caption(label, settings.lang) for label in shelf]
        report.bins, report.problems = len(shelf), problems + shelf_problems
    documents: list[tuple[str, bytes, int]] = []
    for name in sheets:
        pages, left_out = place(labels, SHEETS[name])
        report.problems += left_out
        if pages:
            documents.append((name, render_labels(pages, SHEETS[name], font_paths(settings.pdf_fonts),
                                                  settings.lang, TITLES[name]), len(pages)))
    if documents:
        folder = output_folder(book.path, settings, out)
        report.files = _write_all(folder, now, documents)
    return report


def _bin_caption(label: Label, lang: str) -> Label:
    """A bin's label with its words: "Bin · Zone A" (or "Bin" when the row gives no zone)."""
    text = render("labels.bin_zone", lang, zone=label.text) if label.text else render("labels.bin", lang)
    return dataclasses.replace(label, text=text)


def _write_all(folder: Path, now: dt.datetime, documents) -> list[tuple[str, Path, int]]:
    """Write each document under a stamped name that overwrites nothing, through the book's atomic writer; if one
    fails, remove those this run wrote, so no half batch stays."""
    written: list[tuple[str, Path, int]] = []
    try:
        for name, data, pages in documents:
            path = stamped(folder, TITLES[name], now, ".pdf")
            with atomic_target(path) as tmp:
                tmp.write_bytes(data)
            written.append((name, path, pages))
    except BaseException:
        for _, path, _ in written:
            path.unlink(missing_ok=True)
        raise
    return written
