"""Slips to PDF with reportlab: the same slip model the HTML templates show, drawn directly, a page per slip.

Why reportlab (pure pip on Windows, macOS and Linux; fast; Code 128 and QR drawn from the same runs as the HTML):
WeasyPrint needs Pango/GLib/HarfBuzz native libraries, which on Windows means installing the GTK3 runtime or
MSYS2 by hand, outside pip; xhtml2pdf installs with pip but lays out CSS 2.1 only (no flexbox, no inline SVG
barcodes) and is several times slower. A slip longer than a page continues on the next page with its order ID.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tkops.errors import ConfigError
from tkops.slips.barcodes import bar_runs, code128_modules, qr_matrix, qr_runs
from tkops.slips.config import LAYOUTS, SlipSettings
from tkops.slips.fonts import FontChain
from tkops.slips.model import Slip
from tkops.slips.pdf_blocks import draw_body
from tkops.slips.render import write_atomic

MM = 72 / 25.4


@dataclass(frozen=True)
class Geometry:
    """Page size and the sizes of one layout, in points."""

    size: tuple[float, float]
    margin: float
    base: float  # body text size
    code_w: float
    code_h: float
    qr: float
    stacked: bool  # small page: codes on top, shop below, no SKU column
    ink: float = 0.07
    muted: float = 0.33


GEOMETRY: dict[str, Geometry] = {
    "a4": Geometry((210 * MM, 297 * MM), 14 * MM, 10, 62 * MM, 13 * MM, 24 * MM, False),
    "a6": Geometry((105 * MM, 148 * MM), 6 * MM, 7.5, 50 * MM, 10 * MM, 17 * MM, True),
    "4x6": Geometry((4 * 72, 6 * 72), 0.18 * 72, 8, 2.2 * 72, 0.45 * 72, 0.75 * 72, True, ink=0, muted=0),
}
_TOKENS = re.compile(r"[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+")


class Pen:
    """Draws one slip's text and shapes on the canvas, and keeps the cursor ``y`` (top of what comes next)."""

    def __init__(self, canvas: Canvas, chain: FontChain, geo: Geometry, slip: Slip) -> None:
        self.c, self.chain, self.g, self.slip = canvas, chain, geo, slip
        self.width, self.height = geo.size
        self.left, self.right = geo.margin, self.width - geo.margin
        self.y = self.height - geo.margin
        self.bottom = geo.margin + geo.base * 2.6  # room for the footer

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False, align: str = "left",
             grey: bool = False) -> float:
        """Draw ``s`` with its baseline at ``y``; returns its width."""
        runs = self.chain.runs(s, self.slip.lang)
        width = self.chain.width(s, size, self.slip.lang)
        x -= width if align == "right" else width / 2 if align == "center" else 0
        shade = self.g.muted if grey else self.g.ink
        self.c.setFillGray(shade)
        t = self.c.beginText(x, y)
        if bold:  # fill and stroke the outlines: one font file serves both weights
            self.c.setStrokeGray(shade)
            self.c.setLineWidth(size * 0.045)
            t.setTextRenderMode(2)
        for name, chunk in runs:
            t.setFont(name, size)
            t.textOut(chunk)
        t.setTextRenderMode(0)  # the mode outlives the text object: back to plain fill before it ends
        self.c.drawText(t)
        return width

    def wrap(self, s: str, size: float, width: float, max_lines: int = 0) -> list[str]:
        """``s`` broken into lines no wider than ``width`` (between words; inside a word only when it is too long;
        any Han character may end a line); at most ``max_lines`` lines, the last one ending in "…"."""
        lines: list[str] = []
        for paragraph in s.split("\n"):
            line, used = "", 0.0
            for token in _TOKENS.findall(paragraph):
                w = self.chain.width(token, size, self.slip.lang)
                if used + w <= width or not line.strip():
                    if not line.strip() and w > width:
                        pieces = self._split_long(token, size, width)
                        lines.extend(pieces[:-1])
                        token, w = pieces[-1], self.chain.width(pieces[-1], size, self.slip.lang)
                    line, used = line + token, used + w
                else:
                    lines.append(line.rstrip())
                    line, used = token.lstrip(), self.chain.width(token.lstrip(), size, self.slip.lang)
            lines.append(line.rstrip())
        lines = [ln for ln in lines if ln] or [""]
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][: max(1, len(lines[-1]) - 2)] + "…"
        return lines

    def _split_long(self, token: str, size: float, width: float) -> list[str]:
        pieces, current = [], ""
        for ch in token:
            if current and not _combining(ch) and self.chain.width(current + ch, size, self.slip.lang) > width:
                pieces.append(current)
                current = ""
            current += ch
        return pieces + [current]

    def rect(self, x: float, y: float, w: float, h: float, fill: float | None = None, line: float = 0.6,
             dash: bool = False) -> None:
        """A rectangle (``y`` is its bottom); filled with grey ``fill`` or outlined."""
        if fill is not None:
            self.c.setFillGray(fill)
            self.c.rect(x, y, w, h, stroke=0, fill=1)
            return
        self.c.setStrokeGray(self.g.ink)
        self.c.setLineWidth(line)
        self.c.setDash(2, 2) if dash else self.c.setDash()
        self.c.rect(x, y, w, h, stroke=1, fill=0)
        self.c.setDash()

    def rule(self, y: float, x0: float | None = None, x1: float | None = None, grey: float = 0.6) -> None:
        """A thin horizontal line."""
        self.c.setStrokeGray(grey)
        self.c.setLineWidth(0.4)
        self.c.line(self.left if x0 is None else x0, y, self.right if x1 is None else x1, y)

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


def _combining(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def render_pdf(slips: Sequence[Slip], settings: SlipSettings | None = None, layout: str = "") -> bytes:
    """The batch of ``slips`` as PDF bytes in ``layout`` (a4, a6, 4x6; default: Settings' Slip Layout)."""
    settings = settings or SlipSettings()
    layout = (layout or settings.layout).casefold()
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    geo = GEOMETRY[layout]
    chain = FontChain(settings.pdf_fonts)
    logo = ImageReader(settings.logo) if settings.logo else None
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=geo.size, pageCompression=1)
    canvas.setTitle(f"{settings.shop_name or 'tkops'}: {len(slips)} packing slips")
    canvas.setCreator("tkops")
    for slip in slips:
        draw_body(Pen(canvas, chain, geo, slip), settings, logo)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_pdf(slips: Sequence[Slip], path: str | os.PathLike, settings: SlipSettings | None = None,
              layout: str = "") -> Path:
    """Write the batch of ``slips`` as one PDF at ``path``, a page per slip."""
    return write_atomic(path, render_pdf(slips, settings, layout))
