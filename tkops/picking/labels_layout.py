"""Barcode labels: which labels to print (a Seller SKU without a barcode, a bin) and where each goes on the page.

Pure: the Inventory sheet as read (headers as columns) in, labels, problems and page positions out, in millimetres
from the page's top-left corner; :mod:`tkops.picking.labels_pdf` draws them. Each label is a Code 128 of the code
itself, so the pack station takes a SKU label's scan as that Seller SKU (:mod:`tkops.pack.index`). The sizes, the
module widths tried and why are in docs/labels.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.slips.barcodes import QUIET_MODULES, code128_modules

SKU, BIN = "sku", "bin"
#: 10 mil: 2 dots of a 203 dpi thermal printer, 3 of a 300 dpi one, 6 of a 600 dpi laser
#: (docs/labels.md#module-width).
PREFERRED_X = 0.254


@dataclass(frozen=True)
class Sheet:
    """One label stock. ``origin``: the first label's top-left corner from the page's; ``pitch``: from one label's
    corner to the next one's (right, down); ``pad``: blank inside each label (sides, top and bottom); ``widths``:
    the module widths tried, widest first; ``bar_height``, all in mm."""

    name: str
    page: tuple[float, float]
    columns: int
    rows: int
    label: tuple[float, float]
    origin: tuple[float, float]
    pitch: tuple[float, float]
    pad: tuple[float, float]
    widths: tuple[float, ...]
    bar_height: float
    name_lines: int

    @property
    def per_page(self) -> int:
        """How many labels one page holds."""
        return self.columns * self.rows

    @property
    def bar_room(self) -> float:
        """The width a code may take, quiet zones included."""
        return self.label[0] - 2 * self.pad[0]


#: A4, 3 x 8 labels of 70 x 37 mm edge to edge (the common 24-up sheet: 0.5 mm above and below the grid); 600 dpi
#: laser widths: 6, 5 and 4 dots. 2 x 1 inch thermal: 2 dots at 203 dpi only (docs/labels.md#sizes).
SHEETS: dict[str, Sheet] = {
    "a4": Sheet("a4", (210.0, 297.0), 3, 8, (70.0, 37.0), (0.0, 0.5), (70.0, 37.0), (5.0, 3.0),
                (PREFERRED_X, 0.2117, 0.1693), 14.0, 2),
    "thermal": Sheet("thermal", (50.8, 25.4), 1, 1, (50.8, 25.4), (0.0, 0.0), (50.8, 25.4), (1.5, 1.5),
                     (PREFERRED_X,), 11.0, 1),
}


@dataclass(frozen=True)
class Label:
    """One label: what it is (``sku`` or ``bin``), the code its bars hold, the words beside (product name and
    variation, or the bin's zone) and the Inventory row it came from (sheet row, header = 1)."""

    kind: str
    code: str
    text: str
    row: int


@dataclass(frozen=True)
class Problem:
    """A label left out: ``code`` the message key, with the Inventory row and the code."""

    code: str
    row: int
    value: str
    sheet: str = ""


@dataclass(frozen=True)
class Placed:
    """A label on a page: its top-left corner (mm from the page's top-left) and the module width of its bars."""

    label: Label
    x: float
    y: float
    module: float


def _column(inventory: pd.DataFrame, header: str) -> list[str]:
    if header not in inventory.columns:
        return [""] * len(inventory)
    return [scalar_text(v) for v in inventory[header].tolist()]


def _rows(inventory: pd.DataFrame) -> list[int]:
    """Sheet rows of the frame's lines: its index counts data rows from 0, under the header row."""
    return [int(i) + 2 for i in inventory.index]


def sku_labels(inventory: pd.DataFrame) -> tuple[list[Label], list[Problem], int]:
    """One label per Seller SKU that has no Barcode on any of its rows, in sheet order; the SKUs Code 128 cannot
    hold (not plain ASCII) as problems; and how many SKUs have a barcode already."""
    skus, barcodes = _column(inventory, "Seller SKU"), _column(inventory, "Barcode")
    names, variations = _column(inventory, "Product Name"), _column(inventory, "Variation")
    barcoded = {sku for sku, code in zip(skus, barcodes) if sku and code}
    labels: list[Label] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for sku, name, variation, row in zip(skus, names, variations, _rows(inventory)):
        if not sku or sku in barcoded or sku in seen:
            continue
        seen.add(sku)
        if not code128_modules(sku):
            problems.append(Problem("labels.not_code128", row, sku))
            continue
        labels.append(Label(SKU, sku, " · ".join(t for t in (name, variation) if t), row))
    return labels, problems, len(barcoded)


def bin_labels(inventory: pd.DataFrame) -> tuple[list[Label], list[Problem]]:
    """One label per distinct Bin, in sheet order (the text is its Zone); bins Code 128 cannot hold as problems."""
    labels: list[Label] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for code, zone, row in zip(_column(inventory, "Bin"), _column(inventory, "Zone"), _rows(inventory)):
        if not code or code in seen:
            continue
        seen.add(code)
        if not code128_modules(code):
            problems.append(Problem("labels.bin_not_code128", row, code))
            continue
        labels.append(Label(BIN, code, zone, row))
    return labels, problems


def module_width(code: str, sheet: Sheet) -> float | None:
    """The widest of the sheet's module widths at which the Code 128 of ``code`` and its quiet zones fit across
    the label; None when none does."""
    needed = len(code128_modules(code)) + 2 * QUIET_MODULES
    return next((x for x in sheet.widths if needed * x <= sheet.bar_room), None)


def place(labels: list[Label], sheet: Sheet) -> tuple[list[list[Placed]], list[Problem]]:
    """The labels in pages, row by row across the sheet's grid; a label whose code does not fit at the narrowest
    module width is left out as a problem naming the sheet."""
    pages: list[list[Placed]] = []
    problems: list[Problem] = []
    n = 0
    for label in labels:
        module = module_width(label.code, sheet)
        if module is None:
            problems.append(Problem("labels.too_long", label.row, label.code, sheet.name))
            continue
        slot = n % sheet.per_page
        if slot == 0:
            pages.append([])
        row, column = divmod(slot, sheet.columns)
        pages[-1].append(Placed(label, sheet.origin[0] + column * sheet.pitch[0],
                                sheet.origin[1] + row * sheet.pitch[1], module))
        n += 1
    return pages, problems
