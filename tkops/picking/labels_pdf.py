"""Barcode labels to PDF with reportlab, as the packing slips are drawn: the pages that
:func:`~tkops.picking.labels_layout.place` laid out, each label with its words on top (shortened to fit, any script through the PDF font chain), the Code 128
bars at the module width chosen for it with quiet zones either side, and the code in plain text under the bars."""

from __future__ import annotations

import io

from tkops.pdf import MM, FontChain, Geometry, Pen, new_canvas, strings_in
from tkops.picking.labels_layout import Placed, Sheet
from tkops.slips.barcodes import QUIET_MODULES, bar_runs, code128_modules

#: Point sizes of the words and of the code under the bars, per label stock.
TEXT_SIZES = {"a4": (7.5, 9.0), "thermal": (6.5, 8.0)}
GAP = 0.8 * MM  # between the words, the bars and the code


def render_labels(pages: list[list[Placed]], sheet: Sheet, fonts: tuple[str, ...] = (), lang: str = "",
                  title: str = "tkops labels") -> bytes:
    """The ``pages`` of labels on ``sheet`` as PDF bytes, one PDF page per page of labels."""
    chain = FontChain(fonts)
    chain.prepare(strings_in([p.label.text for page in pages for p in page]))
    size = (sheet.page[0] * MM, sheet.page[1] * MM)
    geo = Geometry(size, 0, TEXT_SIZES[sheet.name][0], ink=0, muted=0)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, geo, title)
    pen = Pen(canvas, chain, geo, lang)
    for page in pages:
        for placed in page:
            _draw(pen, placed, sheet)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw(pen: Pen, placed: Placed, sheet: Sheet) -> None:
    """One label: words, bars and code, as one block centred in the label's height."""
    name_size, code_size = TEXT_SIZES[sheet.name]
    left = (placed.x + sheet.pad[0]) * MM
    width = sheet.bar_room * MM
    centre = left + width / 2
    words = pen.wrap(placed.label.text, name_size, width, sheet.name_lines) if placed.label.text else []
    code_size = min(code_size, code_size * width / max(pen.chain.width(placed.label.code, code_size), 1))
    bars = sheet.bar_height * MM
    block = len(words) * name_size * 1.2 + (GAP if words else 0) + bars + GAP + code_size
    label_top = pen.height - placed.y * MM
    y = label_top - (sheet.label[1] * MM - block) / 2
    for line in words:
        y -= name_size * 1.2
        pen.text(centre, y + name_size * 0.25, line, name_size, align="center")
    y -= (GAP if words else 0) + bars
    _bars(pen, placed, centre, y, bars)
    y -= GAP + code_size * 0.8
    pen.text(centre, y, placed.label.code, code_size, align="center")


def _bars(pen: Pen, placed: Placed, centre: float, bottom: float, height: float) -> None:
    """The Code 128 of the label's code, centred on ``centre``, its quiet zones left blank."""
    modules = code128_modules(placed.label.code)
    unit = placed.module * MM
    start = centre - (len(modules) + 2 * QUIET_MODULES) * unit / 2 + QUIET_MODULES * unit
    path = pen.c.beginPath()
    for first, run in bar_runs(modules):
        path.rect(start + first * unit, bottom, run * unit, height)
    pen.c.setFillGray(0)
    pen.c.drawPath(path, stroke=0, fill=1)
