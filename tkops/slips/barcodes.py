"""Code 128 and QR codes for the slips: maintained libraries encode, tkops only draws.

python-barcode turns the order ID into Code 128 modules (start code, data, check symbol, stop); segno turns it
into a QR matrix. Both are drawn here as one SVG path each (python-barcode's own SVG writer costs about 2.7 ms per
code, most of an HTML batch) and, by :mod:`tkops.slips.pdf`, as PDF rectangles from the same runs.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from barcode import Code128
from barcode.errors import BarcodeError
from markupsafe import Markup, escape

QUIET_MODULES = 10  # Code 128 quiet zone on each side, in modules
QR_BORDER = 2  # QR quiet zone in modules (printed on white paper with a margin around it)
BAR_HEIGHT = 40  # Code 128 bar height in modules (the SVG scales; CSS sets the printed size)
#: A fixed QR mask: any of the 8 masks is valid QR; letting segno score all 8 costs 2 ms a code (a whole batch of
#: 1,000 HTML slips would take 2 s for masks alone).
QR_MASK = 2


@lru_cache(maxsize=4096)
def code128_modules(value: str) -> str:
    """The Code 128 modules of ``value`` as "1"/"0" (1 = bar), or "" when Code 128 cannot encode it."""
    if not value or not value.isascii() or not value.isprintable():
        return ""
    try:
        return Code128(value).build()[0]
    except (BarcodeError, ValueError, KeyError, IndexError):
        return ""


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, width) of every bar of a module string."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(modules)
    while i < n:
        if modules[i] == "1":
            j = modules.find("0", i)
            j = n if j < 0 else j
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    return runs


@lru_cache(maxsize=4096)
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``value`` (never a Micro QR: phones do not read those; error level M or better, fixed mask)
    as rows of dark/light modules."""
    if not value:
        return ()
    qr = segno.make_qr(value, error="m", mask=QR_MASK)
    return tuple(tuple(bool(cell) for cell in row) for row in qr.matrix)


def qr_runs(matrix: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int]]:
    """(row, first column, width) of every horizontal run of dark modules."""
    runs: list[tuple[int, int, int]] = []
    for y, row in enumerate(matrix):
        x, n = 0, len(row)
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return runs


@lru_cache(maxsize=4096)
def code128_svg(value: str) -> Markup:
    """Inline SVG of the Code 128 of ``value`` (empty when it cannot be encoded); CSS sets its printed size."""
    modules = code128_modules(value)
    if not modules:
        return Markup("")
    width = len(modules) + 2 * QUIET_MODULES
    d = "".join(f"M{x + QUIET_MODULES} 0h{w}v{BAR_HEIGHT}h-{w}z" for x, w in bar_runs(modules))
    return Markup(f'<svg class="code128" viewBox="0 0 {width} {BAR_HEIGHT}" preserveAspectRatio="none" '
                  f'shape-rendering="crispEdges" role="img" aria-label="Code 128 {escape(value)}">'
                  f'<path d="{d}"/></svg>')


@lru_cache(maxsize=4096)
def qr_svg(value: str) -> Markup:
    """Inline SVG of the QR code of ``value`` (empty for an empty value)."""
    matrix = qr_matrix(value)
    if not matrix:
        return Markup("")
    size = len(matrix) + 2 * QR_BORDER
    d = "".join(f"M{x + QR_BORDER} {y + QR_BORDER}h{w}v1h-{w}z" for y, x, w in qr_runs(matrix))
    return Markup(f'<svg class="qr" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" '
                  f'aria-label="QR {escape(value)}"><path d="{d}"/></svg>')
