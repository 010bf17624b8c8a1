"""The printable pick list as a PDF (landscape A4), drawn with reportlab from the same context as the HTML page
(:func:`tkops.picking.html.picklist_context`), so both show the same rows, words and order IDs.

Each wave starts a new page with its heading; the column headings are repeated at the top of every page; rows
without a bin follow the binned ones under their own heading. Text goes through the shared font chain
(:class:`tkops.pdf.FontChain`, docs/fonts.md), so Thai is shaped and Chinese or Japanese headings and product names
print with the embedded pip fonts on any computer.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from tkops.pdf import MM, FontChain, Geometry, Pen, new_canvas, strings_in
from tkops.picking.html import picklist_context

GEOMETRY = Geometry(landscape(A4), 10 * MM, 10, 0, 0, 0, False, ink=0, muted=0.35)
#: (context label, width in mm; None takes what is left), in the HTML page's order.
COLUMNS = (("col_check", 11), ("col_zone", 15), ("col_bin", 36), ("col_quantity", 19), ("col_sku", 40),
           ("col_product", None), ("col_orders", 50))
PAD = 2 * MM
HEADER_SIZE = 8.5
FOOTER = 8 * MM  # room kept at the bottom of each page for the footer line


class _Sheet:
    """The pages of one pick list: a cursor ``y``, column positions, page starts with headings and footers."""

    def __init__(self, canvas: Canvas, chain: FontChain, context: dict, lang: str) -> None:
        self.c, self.ctx, self.t = canvas, context, context["t"]
        self.pen = Pen(canvas, chain, GEOMETRY, lang)
        p = self.pen
        fixed = sum(w for _, w in COLUMNS if w) * MM
        widths = [w * MM if w else p.right - p.left - fixed for _, w in COLUMNS]
        self.x = [p.left + sum(widths[:i]) for i in range(len(widths))]
        self.w = widths
        self.bottom = GEOMETRY.margin + FOOTER
        self.pages = 0

    def new_page(self) -> None:
        if self.pages:
            self.c.showPage()
        self.pages += 1
        p = self.pen
        p.y = p.height - GEOMETRY.margin
        foot = GEOMETRY.margin + 2 * MM
        title = " · ".join(x for x in (self.ctx["title"], self.ctx["shop"], self.ctx["printed"]) if x)
        p.text(p.left, foot, title, 7.5, grey=True)
        p.text(p.right, foot, str(self.pages), 7.5, grey=True, align="right")

    def wave_head(self, wave: dict) -> None:
        p = self.pen
        p.y -= 22
        p.text(p.left, p.y, wave["heading"], 24, bold=True)
        meta = " · ".join(x for x in (self.ctx["title"], self.ctx["shop"], wave["position"]) if x)
        p.text(p.right, p.y + 12, meta, 9, align="right")
        p.text(p.right, p.y, self.ctx["printed"], 9, align="right")
        sign = f"{self.t['picked_by']} ________________   {self.t['time']} __________"
        p.text(p.right, p.y - 15, sign, 10, align="right")
        for text, size, bold in ((wave["kind"], 12, True), (wave["summary"], 11, False)):
            if text:
                p.y -= size * 1.35
                p.text(p.left, p.y, text, size, bold=bold)
        p.y -= 8
        p.rect(p.left, p.y - 3, p.right - p.left, 3, fill=0)
        p.y -= 5

    def column_heads(self) -> None:
        p = self.pen
        p.y -= HEADER_SIZE + PAD
        for (key, _), x in zip(COLUMNS, self.x):
            p.text(x + PAD / 2, p.y, self.t[key], HEADER_SIZE, bold=True)
        p.y -= PAD
        p.rect(p.left, p.y - 1.5, p.right - p.left, 1.5, fill=0)
        p.y -= 1.5

    def continued(self, wave: dict) -> None:
        """A later page of ``wave``: a one-line reminder of which wave it is, then the column headings."""
        self.new_page()
        self.pen.y -= 12
        self.pen.text(self.pen.left, self.pen.y, f"{wave['heading']} · {wave['position']}", 12, bold=True)
        self.pen.y -= 4
        self.column_heads()

    def cells(self, row: dict) -> list[list[tuple[str, float, bool]]]:
        """Per column, the lines of text of ``row`` as (text, size, bold)."""
        p, w = self.pen, [width - PAD for width in self.w]

        def lines(text: str, size: float, col: int, bold: bool = False, most: int = 2):
            return [(s, size, bold) for s in p.wrap(text, size, w[col], most)] if text else []

        product = lines(row["product"], 10, 5, most=3) + lines(row["variation"], 10, 5, True)
        product += lines(f"! {row['note']}" if row["note"] else "", 9, 5, True)
        ids = [(i, 7.5, False) for i in row["order_ids"]] + ([(row["more"], 7.5, False)] if row["more"] else [])
        return [[], lines(row["zone"], 13, 1, True), lines(row["bin"] or "—", 16, 2, True),
                [(str(row["quantity"]), 20, True)], lines(row["sku"], 10, 4, True, 3), product,
                [(str(row["orders"]), 11, True)] + ids]

    @staticmethod
    def height(cells: list[list[tuple[str, float, bool]]]) -> float:
        return max(sum(size * 1.2 for _, size, _ in cell) for cell in cells) + 2 * PAD

    def row(self, row: dict, cells: list, height: float) -> None:
        p, top = self.pen, self.pen.y
        if row["unbinned"]:
            p.rect(p.left, top - height, p.right - p.left, height, fill=0.93)
        p.rect(self.x[0] + PAD / 2, top - PAD - 6 * MM, 6 * MM, 6 * MM, line=1.2)
        for col, (cell, x) in enumerate(zip(cells, self.x)):
            y = top - PAD
            for text, size, bold in cell:
                y -= size * 1.2
                if col == 3:  # the quantity: big and centred, boxed when more than one is taken
                    centre = x + self.w[col] / 2
                    width = p.text(centre, y + size * 0.2, text, size, bold=True, align="center")
                    if row["quantity"] > 1:
                        p.rect(centre - width / 2 - 4, y - 1, width + 8, size * 1.1, line=1.4)
                else:
                    p.text(x + PAD / 2, y + size * 0.2, text, size, bold=bold)
        p.y = top - height
        p.rule(p.y, grey=0.45)

    def divider(self) -> None:
        p = self.pen
        p.rect(p.left, p.y - 16, p.right - p.left, 16, fill=0.82)
        p.text(p.left + PAD, p.y - 11.5, self.t["no_bin_heading"], 10.5, bold=True)
        p.y -= 16

    def wave(self, wave: dict) -> None:
        self.new_page()
        self.wave_head(wave)
        self.column_heads()
        first_unbinned = wave["unbinned"][0] if wave["unbinned"] else None
        for row in wave["binned"] + wave["unbinned"]:
            cells = self.cells(row)
            height = self.height(cells)
            before = 16 if row is first_unbinned else 0  # the heading of rows without a bin stays with the first
            if self.pen.y - before - height < self.bottom:
                self.continued(wave)
            if before:
                self.divider()
            self.row(row, cells, height)

    def empty(self) -> None:
        self.new_page()
        p = self.pen
        p.y -= 24
        p.text(p.left, p.y, self.ctx["title"], 24, bold=True)
        p.text(p.left, p.y - 30, self.ctx["empty"], 13)


def picklist_pdf(pick: pd.DataFrame, summary: pd.DataFrame | None = None, lang: str = "en", *, shop: str = "",
                 printed: dt.datetime | None = None, fonts: tuple[str, ...] = ()) -> bytes:
    """The pick list as PDF bytes: landscape A4, each wave from a new page, column headings on every page.

    Arguments as :func:`tkops.picking.picklist_html`; ``fonts``: the team's own TrueType fonts, tried first.
    """
    context = picklist_context(pick, summary, lang, shop=shop, printed=printed)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, GEOMETRY, " · ".join(x for x in (context["title"], shop, context["printed"]) if x))
    chain = FontChain(fonts)
    chain.prepare(strings_in(context))
    sheet = _Sheet(canvas, chain, context, lang)
    for wave in context["waves"]:
        sheet.wave(wave)
    if not context["waves"]:
        sheet.empty()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


__all__ = ["picklist_pdf"]
