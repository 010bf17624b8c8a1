"""The pen every tkops PDF draws its text and rules with: text through the font chain (runs of fonts, Thai shaped,
bold by stroking the outlines), line wrapping between words or after any Han character, rectangles and rules."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from tkops.pdf.chain import FontChain

MM = 72 / 25.4
_TOKENS = re.compile(r"[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+")


@dataclass(frozen=True)
class Geometry:
    """Page size and the sizes of one layout, in points."""

    size: tuple[float, float]
    margin: float
    base: float  # body text size
    code_w: float = 0
    code_h: float = 0
    qr: float = 0
    stacked: bool = False  # small page: codes on top, shop below, no SKU column
    ink: float = 0.07
    muted: float = 0.33


class Pen:
    """Draws text and shapes on ``canvas`` in the language ``lang`` and keeps the cursor ``y`` (top of what comes
    next)."""

    def __init__(self, canvas: Canvas, chain: FontChain, geo: Geometry, lang: str = "") -> None:
        self.c, self.chain, self.g, self.lang = canvas, chain, geo, lang
        self.width, self.height = geo.size
        self.left, self.right = geo.margin, self.width - geo.margin
        self.y = self.height - geo.margin

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False, align: str = "left",
             grey: bool = False) -> float:
        """Draw ``s`` with its baseline at ``y``; returns its width."""
        runs = self.chain.runs(s, self.lang)
        width = self.chain.width(s, size, self.lang)
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
        measure = self.chain.width
        lines: list[str] = []
        for paragraph in s.split("\n"):
            line, used = "", 0.0
            for token in _TOKENS.findall(paragraph):
                w = measure(token, size, self.lang)
                if used + w <= width or not line.strip():
                    if not line.strip() and w > width:
                        pieces = self._split_long(token, size, width)
                        lines.extend(pieces[:-1])
                        token, w = pieces[-1], measure(pieces[-1], size, self.lang)
                    line, used = line + token, used + w
                else:
                    lines.append(line.rstrip())
                    line, used = token.lstrip(), measure(token.lstrip(), size, self.lang)
            lines.append(line.rstrip())
        lines = [ln for ln in lines if ln] or [""]
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][: max(1, len(lines[-1]) - 2)] + "…"
        return lines

    def _split_long(self, token: str, size: float, width: float) -> list[str]:
        pieces, current = [], ""
        for ch in token:
            if current and not _combining(ch) and self.chain.width(current + ch, size, self.lang) > width:
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


def _combining(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def new_canvas(buffer, geo: Geometry, title: str) -> Canvas:
    """A compressed reportlab canvas of ``geo``'s page size, titled ``title``, made by tkops."""
    canvas = Canvas(buffer, pagesize=geo.size, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("tkops")
    return canvas
