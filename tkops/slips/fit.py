"""Slips cut into labels that fit their page when a browser prints the HTML: a slip too long for one page (many
items, long names, a long message) continues on further labels, each saying which order it continues and which of
how many it is, so nothing is cut off and no label spills onto the next one.

A browser lays out the HTML itself, so the cut is planned from an estimate of each block's height, made on the
generous side: every character counts as wide as a broad glyph of the slip font, lines are assumed to break a
word early. The sizes mirror the CSS of templates/slips/ (each layout's :root variables and slips.css); the test
prints every layout in headless Chromium and counts the pages (tests/slips/test_html.py).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace

from tkops.slips.model import Slip

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Box:
    """The sizes of a layout in points, as its CSS sets them."""

    page_w: float
    page_h: float
    pad: float
    base: float
    code_h: float
    qr: float
    stacked: bool
    line: float = 1.3  # line-height of the layout (slips.css)
    gap: float = 0.45  # gap between blocks, in em


BOXES: dict[str, Box] = {
    "a4": Box(210 * PT_PER_MM, 297 * PT_PER_MM, 14 * PT_PER_MM, 10.5, 13 * PT_PER_MM, 24 * PT_PER_MM, False,
              line=1.35, gap=0.6),
    "a6": Box(105 * PT_PER_MM, 148 * PT_PER_MM, 5 * PT_PER_MM, 7.5, 9 * PT_PER_MM, 15 * PT_PER_MM, True),
    "4x6": Box(4 * 72, 6 * 72, 0.16 * 72, 8, 0.45 * 72, 0.7 * 72, True),
}
#: Share of the page kept free for what the estimate cannot know (fonts of the printing computer, rounding).
SAFETY = 0.03
#: Widths in em, generous for the shipped fonts every slip page inlines (Noto Sans: capitals 0.55-0.9 em, digits
#: 0.57, lower-case letters 0.26-0.92 and about 0.52 on average in words, a space 0.26; Noto Sans Thai letters
#: 0.55-0.7; CJK 1 em).
_WIDE = 1.0
_UPPER = 0.7
_DIGIT = 0.6
_SPACE = 0.3
_THAI = 0.7
_OTHER = 0.56


def text_em(text: str) -> float:
    """The width of ``text`` in em, estimated generously."""
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += _WIDE
        else:
            width += (_SPACE if ch == " " else _UPPER if ch.isupper() else _DIGIT if ch.isdigit()
                      else _THAI if "\u0e00" <= ch <= "\u0e7f" else _OTHER)
    return width


def line_count(text: str, size: float, width: float) -> int:
    """How many lines ``text`` takes at ``size`` points in a column ``width`` points wide (new lines kept)."""
    usable = width * 0.9  # a line breaks before the word that does not fit
    return sum(max(1, math.ceil(text_em(part) * size / usable)) for part in (text or " ").split("\n"))


def line_growth(text: str) -> float:
    """How much taller than the line height a line of ``text`` may get: with the inlined fonts none (measured in
    Chromium), but a browser drawing Thai or CJK with a system font of its own grows a line mixing fonts."""
    if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return 1.1
    if any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text):
        return 1.05
    return 1.0


class _Measure:
    """Heights of the blocks of a slip in one layout."""

    def __init__(self, box: Box, shop_name: str, return_address: tuple[str, ...]) -> None:
        self.b = box
        self.width = box.page_w - 2 * box.pad
        self.shop_name, self.return_address = shop_name, return_address

    def lines(self, text: str, size: float, width: float) -> float:
        return line_count(text, size, width) * size * self.b.line * line_growth(text)

    def head(self, slip: Slip) -> float:
        b, base = self.b, self.b.base
        codes = max(b.qr, b.code_h + base * 1.05 * b.line)
        shop = base * 1.3 * b.line if self.shop_name else 0
        if self.return_address:
            address = f"{slip.labels.return_to}: " + ", ".join(self.return_address)
            shop += self.lines(address, base * 0.8, self.width if b.stacked else self.width * 0.55)
        if b.stacked:
            return codes + base * 0.3 + shop
        return max(codes, shop) + base * 1.6 * b.line + base * 0.2  # the title under the head

    def ship_to(self, slip: Slip) -> float:
        b, base = self.b, self.b.base
        inner = (self.width if b.stacked else self.width * 0.5) - base * 1.6
        h = base * 1.2 + base * 0.8 * b.line + self.lines(slip.recipient, base * 1.15, inner)
        h += sum(self.lines(line, base, inner) for line in slip.address)
        entries = [f"{slip.labels.order}: {o}" for o in slip.order_ids]
        entries += [f"{slip.labels.package}: {slip.package_id}"] if slip.package_id else []
        entries += [f"{slip.labels.date}: {slip.order_date}"] if slip.order_date else []
        if not b.stacked:  # beside the recipient, one entry a line
            return max(h, len(entries) * base * 1.4 * b.line)
        return h + self.lines("　　".join(entries), base, self.width) + base * b.gap  # entries side by side

    def gift(self, slip: Slip) -> float:
        return self.lines(slip.labels.gift, self.b.base, self.width - self.b.base * 1.4) + self.b.base * 0.8

    def table_head(self) -> float:
        base = self.b.base
        return base * 0.8 * self.b.line + base * 0.85 * self.b.line + base * 0.8

    def item(self, slip: Slip, i: int) -> float:
        b, base, it = self.b, self.b.base, slip.items[i]
        product_w = self.width - base * 4 - (base * 8 if slip.show_prices else 0) - (0 if b.stacked else base * 12)
        h = self.lines(it.product, base, product_w)
        if it.variation:
            h += self.lines(f"{slip.labels.variation}: {it.variation}", base * 0.88, product_w)
        if b.stacked and it.sku:
            h += self.lines(f"{slip.labels.sku}: {it.sku}", base * 0.88, product_w)
        return max(h, base * 1.25 * b.line) + base * 0.6 + 1

    def total(self) -> float:
        return self.b.base * (self.b.line + 0.6)

    def change(self, slip: Slip, i: int) -> float:
        c, width, base = slip.agreed[i], self.width - self.b.base * 2.6, self.b.base
        title = slip.labels[c.kind] + (f" · {c.product}" if c.product else "")
        h = self.lines(title, base, width)
        h += self.lines(f"{slip.labels.ordered}: {c.ordered}", base, width) if c.ordered else 0
        return h + (self.lines(f"{slip.labels.sending}: {c.sending}", base, width) if c.sending else 0)

    def boxed(self) -> float:
        """A bar block's heading and padding (agreed changes, the buyer's message)."""
        return self.b.base * 0.8 * self.b.line + self.b.base * (0.4 + 0.2) + self.b.base * self.b.gap

    def message(self, slip: Slip) -> float:
        return self.boxed() + self.lines(slip.buyer_message, self.b.base, self.width - self.b.base * 2)

    def banner(self) -> float:
        b = self.b
        return max(b.qr, b.code_h + b.base * 1.05 * b.line) + b.base * (1.1 * b.line + 0.3)

    def footer(self) -> float:
        return self.b.base * (self.b.line + 0.6) + 1

    def room(self) -> float:
        b = self.b
        return (b.page_h - 2 * b.pad) * (1 - SAFETY)


def fit_labels(slips: list[Slip], layout: str, shop_name: str = "", return_address: tuple[str, ...] = ()) -> list[Slip]:
    """``slips`` with each one too long for a page of ``layout`` cut into labels: the first keeps the header,
    recipient and gift note, every later one starts with the codes and "order … continued n/N"; items, the total,
    agreed changes and the buyer's message go on in order. Each label is a :class:`Slip` with ``part``/``parts``."""
    box = BOXES.get(layout)
    if box is None:
        return list(slips)
    measure = _Measure(box, shop_name, tuple(return_address))
    out: list[Slip] = []
    for slip in slips:
        out.extend(_cut(slip, measure))
    return out


def _cut(slip: Slip, m: _Measure) -> list[Slip]:
    gap = m.b.base * m.b.gap
    first = m.head(slip) + gap + m.ship_to(slip) + gap + (m.gift(slip) + gap if slip.gift else 0)
    units: list[tuple[str, int, float]] = [("item", i, m.item(slip, i)) for i in range(len(slip.items))]
    if slip.show_prices and slip.total:
        units.append(("total", 0, m.total()))
    units += [("agreed", i, m.change(slip, i)) for i in range(len(slip.agreed))]
    if slip.buyer_message:
        units.append(("message", 0, m.message(slip)))
    pages: list[list[tuple[str, int]]] = [[]]
    used, room = first, m.room() - m.footer()
    for kind, index, height in units:
        extra = (m.table_head() + gap if kind in ("item", "total") and not _has(pages[-1], ("item", "total"))
                 else m.boxed() if kind == "agreed" and not _has(pages[-1], ("agreed",)) else 0)
        if used + extra + height > room and (pages[-1] or len(pages) == 1):  # a unit taller than a label: alone
            pages.append([])
            used = m.banner() + gap
            extra = m.table_head() + gap if kind in ("item", "total") else m.boxed() if kind == "agreed" else 0
        pages[-1].append((kind, index))
        used += extra + height
    if len(pages) == 1:
        return [slip]
    return [_label(slip, page, n, len(pages)) for n, page in enumerate(pages, 1)]


def _has(page: list[tuple[str, int]], kinds: tuple[str, ...]) -> bool:
    return any(kind in kinds for kind, _ in page)


def _label(slip: Slip, page: list[tuple[str, int]], part: int, parts: int) -> Slip:
    chosen = {kind: [i for k, i in page if k == kind] for kind in ("item", "total", "agreed", "message")}
    return replace(slip, items=tuple(slip.items[i] for i in chosen["item"]),
                   agreed=tuple(slip.agreed[i] for i in chosen["agreed"]),
                   total=slip.total if chosen["total"] else "",
                   buyer_message=slip.buyer_message if chosen["message"] else "",
                   gift=slip.gift and part == 1, part=part, parts=parts)
