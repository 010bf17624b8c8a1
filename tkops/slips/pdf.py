"""Slips to PDF with reportlab: the same slip model the HTML templates show, drawn directly, a page per slip.

Why reportlab (pure pip on Windows, macOS and Linux; fast; Code 128 and QR drawn from the same runs as the HTML):
WeasyPrint needs Pango/GLib/HarfBuzz native libraries, which on Windows means installing the GTK3 runtime or
MSYS2 by hand, outside pip; xhtml2pdf installs with pip but lays out CSS 2.1 only (no flexbox, no inline SVG
barcodes) and is several times slower. A slip longer than a page continues on the next page with its order ID.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tkops.errors import ConfigError
from tkops.pdf import MM, FontChain, Geometry, Pen, new_canvas, strings_in
from tkops.slips.barcodes import bar_runs, code128_modules, qr_matrix, qr_runs
from tkops.slips.config import LAYOUTS, Logo, SlipSettings
from tkops.slips.model import Slip
from tkops.slips.pdf_blocks import draw_body

GEOMETRY: dict[str, Geometry] = {
    "a4": Geometry((210 * MM, 297 * MM), 14 * MM, 10, 62 * MM, 13 * MM, 24 * MM, False),
    "a6": Geometry((105 * MM, 148 * MM), 6 * MM, 7.5, 50 * MM, 10 * MM, 17 * MM, True),
    "4x6": Geometry((4 * 72, 6 * 72), 0.18 * 72, 8, 2.2 * 72, 0.45 * 72, 0.75 * 72, True, ink=0, muted=0),
}


class SlipPen(Pen):
    """The pen of one slip: the shared :class:`~tkops.pdf.Pen` plus the slip, its codes and continuation pages."""

    def __init__(self, canvas: Canvas, chain: FontChain, geo: Geometry, slip: Slip) -> None:
        super().__init__(canvas, chain, geo, slip.lang)
        self.slip = slip
        self.bottom = geo.margin + geo.base * 2.6  # room for the footer

    def ensure(self, needed: float, on_new_page=None) -> None:
        """Start a continuation page when ``needed`` points do not fit above the footer."""
        if self.y - needed >= self.bottom:
            return
        self.c.showPage()
        self.y = self.height - self.g.margin - self.g.base
        label = f"{self.slip.labels.order} {self.slip.order_id} · {self.slip.labels.continued}"
        self.text(self.left, self.y, label, self.g.base, bold=True)
        self.y -= self.g.base * 1.2
        if on_new_page:
            on_new_page()

    def code128(self, value: str, x: float, y: float, w: float, h: float) -> None:
        """Code 128 of ``value`` in the box (x, y, w, h), quiet zones included."""
        modules = code128_modules(value)
        if not modules:
            return
        unit = w / (len(modules) + 20)
        path = self.c.beginPath()
        for start, width in bar_runs(modules):
            path.rect(x + (start + 10) * unit, y, width * unit, h)
        self.c.setFillGray(0)
        self.c.drawPath(path, stroke=0, fill=1)

    def qr(self, value: str, x: float, y: float, size: float) -> None:
        """QR code of ``value`` in the square (x, y, size), a 2-module quiet zone included."""
        matrix = qr_matrix(value)
        if not matrix:
            return
        unit = size / (len(matrix) + 4)
        top = y + size - 2 * unit
        path = self.c.beginPath()
        for row, col, width in qr_runs(matrix):
            path.rect(x + (col + 2) * unit, top - (row + 1) * unit, width * unit, unit)
        self.c.setFillGray(0)
        self.c.drawPath(path, stroke=0, fill=1)


def render_pdf(slips: Sequence[Slip], settings: SlipSettings | None = None, layout: str = "",
               logo: Logo | None = None) -> bytes:
    """The batch of ``slips`` as PDF bytes in ``layout`` (a4, a6, 4x6; default: Settings' Slip Layout); ``logo``:
    the shop logo, as the job read it (None: no logo)."""
    settings = settings or SlipSettings()
    layout = (layout or settings.layout).casefold()
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    geo = GEOMETRY[layout]
    chain = FontChain(settings.pdf_fonts)
    chain.prepare([*strings_in(list(slips)), settings.shop_name, *settings.return_address])
    image = ImageReader(io.BytesIO(logo.data)) if logo is not None else None
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, geo, f"{settings.shop_name or 'tkops'}: {len(slips)} packing slips")
    for slip in slips:
        draw_body(SlipPen(canvas, chain, geo, slip), settings, image)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
