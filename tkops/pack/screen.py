"""What the Pack sheet shows after a scan (pure): the verdict in words and colour, the open order and, per item,
how many are wanted and how many are in the parcel. Row 1 of the sheet (the scan cell and the packer's name) is the
packer's and never part of the view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tkops.messages import render
from tkops.pack.index import PackIndex
from tkops.pack.scan import PackState, Verdict

#: The view's width in columns (the Pack sheet shows it under its scan row: tkops.book.live_pack).
WIDTH = 5
#: Verdict colour name -> cell fill.
FILLS: dict[str, str] = {"ok": "#C6EFCE", "done": "#00B050", "info": "#DDEBF7", "warn": "#FFEB9C",
                         "bad": "#FF7C80"}


@dataclass
class ScreenView:
    """The rows under the scan row (from sheet row 2 down), and the fills of whole rows (0-based in ``rows``)."""

    rows: list[list] = field(default_factory=list)
    fills: dict[int, str] = field(default_factory=dict)
    bold: frozenset[int] = frozenset()


def message(verdict: Verdict, lang: str) -> str:
    """The verdict as a sentence in ``lang``."""
    return render("pack." + verdict.code, lang, **verdict.params())


def screen(index: PackIndex, state: PackState, verdict: Verdict, lang: str) -> ScreenView:
    """The view after ``verdict`` (``state`` is the state after it)."""
    rows: list[list] = [[message(verdict, lang), None, None, None, None]]
    fills = {0: FILLS[verdict.colour]}
    order = state.order
    lines = index.orders.get(order, ()) if order else ()
    if not lines:
        return ScreenView(rows, fills)
    done_before = verdict.code == "already_packed"  # packed in an earlier session: its count is not kept

    def packed(line) -> int:
        return line.quantity if done_before else state.count(line.sku)

    packed_total = sum(min(packed(line), line.quantity) for line in lines)
    wanted_total = sum(line.quantity for line in lines)
    rows.append([render("pack.order", lang), order, None, wanted_total, packed_total])
    rows.append([None] * WIDTH)
    rows.append([render("pack.col.sku", lang), render("pack.col.product", lang), None,
                 render("pack.col.wanted", lang), render("pack.col.packed", lang)])
    for line in lines:
        product = " / ".join(p for p in (line.name, line.variation) if p)
        rows.append([line.sku, product, None, line.quantity, packed(line)])
        if packed(line) >= line.quantity:
            fills[len(rows) - 1] = FILLS["ok"]
        if line.sku == verdict.sku and verdict.colour == "bad":
            fills[len(rows) - 1] = FILLS["bad"]
    return ScreenView(rows, fills, frozenset({1, 3}))
