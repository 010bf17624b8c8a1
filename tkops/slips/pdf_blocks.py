"""The blocks of a PDF slip, top to bottom, in the same order and wording as templates/slips/_blocks.html.j2:
header (shop, Code 128, QR), recipient and order details, gift note, items, agreed change, buyer's message, thanks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tkops.slips.config import SlipSettings

if TYPE_CHECKING:
    from reportlab.lib.utils import ImageReader

    from tkops.slips.pdf import SlipPen as Pen


def draw_body(p: Pen, settings: SlipSettings, logo: ImageReader | None) -> None:
    """Draw one slip (possibly over several pages) with ``p``."""
    header(p, settings, logo)
    if not p.g.stacked:
        p.y -= p.g.base * 1.6
        p.text(p.left, p.y, p.slip.labels.title, p.g.base * 1.6, bold=True)
        p.y -= p.g.base * 0.9
    ship_to(p)
    gift(p)
    items(p)
    agreed(p)
    message(p)
    p.rule(p.g.margin + p.g.base * 1.9)
    p.text(p.width / 2, p.g.margin + p.g.base * 0.6, p.slip.labels.thanks, p.g.base, bold=True, align="center")


def header(p: Pen, settings: SlipSettings, logo: ImageReader | None) -> None:
    """Shop (logo, name, return address) and the codes: side by side on A4, codes first on small pages."""
    g, s, top = p.g, p.slip, p.y
    codes_w = g.code_w + g.base + g.qr
    codes_x = p.left if g.stacked else p.right - codes_w
    p.code128(s.barcode_value, codes_x, top - g.code_h, g.code_w, g.code_h)
    p.text(codes_x + g.code_w / 2, top - g.code_h - g.base * 1.15, s.barcode_value, g.base * 1.05, bold=True,
           align="center")
    p.qr(s.barcode_value, (p.right if g.stacked else codes_x + codes_w) - g.qr, top - g.qr, g.qr)
    codes_bottom = top - max(g.qr, g.code_h + g.base * 1.5)
    if g.stacked:
        p.y, width = codes_bottom - g.base * 0.4, p.right - p.left
    else:
        p.y, width = top, codes_x - p.left - g.base
    if logo is not None:
        w, h = logo.getSize()
        height = min(g.base * 3.4, width * h / w)
        p.c.drawImage(logo, p.left, p.y - height, height * w / h, height, mask="auto")
        p.y -= height + g.base * 0.4
    if settings.shop_name:
        p.y -= g.base * 1.3
        p.text(p.left, p.y, settings.shop_name, g.base * 1.3, bold=True)
    if settings.return_address:
        address = f"{s.labels.return_to}: " + ", ".join(settings.return_address)
        for line in p.wrap(address, g.base * 0.8, width, max_lines=3):
            p.y -= g.base
            p.text(p.left, p.y, line, g.base * 0.8, grey=True)
    p.y = min(p.y, codes_bottom) - g.base * 0.6


def ship_to(p: Pen) -> None:
    """The recipient in a box; order, package and date beside it (A4) or under it."""
    g, s = p.g, p.slip
    box_w = (p.right - p.left) * (0.55 if not g.stacked else 1)
    inner = box_w - g.base * 1.4
    lines = [(s.labels.ship_to.upper(), g.base * 0.75, False, True)]
    lines += [(t, g.base * 1.15, True, False) for t in p.wrap(s.recipient, g.base * 1.15, inner, 2)]
    for part in s.address:
        lines += [(t, g.base, False, False) for t in p.wrap(part, g.base, inner, 3)]
    height = sum(size * 1.3 for _, size, _, _ in lines) + g.base * 0.8
    top = p.y
    p.rect(p.left, top - height, box_w, height, line=0.8)
    y = top - g.base * 0.4
    for text, size, bold, grey in lines:
        y -= size * 1.3
        p.text(p.left + g.base * 0.7, y, text, size, bold=bold, grey=grey)
    meta = [(s.labels.order, o) for o in s.order_ids]
    meta += [(s.labels.package, s.package_id)] if s.package_id else []
    meta += [(s.labels.date, s.order_date)] if s.order_date else []
    if g.stacked:
        p.y = top - height - g.base * 0.3
        for label, value in meta:
            p.y -= g.base * 1.3
            w = p.text(p.left, p.y, f"{label}: ", g.base, grey=True)
            p.text(p.left + w, p.y, value, g.base, bold=True)
    else:
        y = top
        for label, value in meta:
            y -= g.base * 1.4
            w = p.text(p.right, y, value, g.base, bold=True, align="right")
            p.text(p.right - w - g.base * 0.3, y, f"{label}:", g.base, grey=True, align="right")
        p.y = min(top - height, y)
    p.y -= g.base * 0.8


def gift(p: Pen) -> None:
    """The gift note in a dashed box (prices are already left out of the items)."""
    if not p.slip.gift:
        return
    g = p.g
    lines = p.wrap(p.slip.labels.gift, g.base, p.right - p.left - g.base * 1.2)
    height = len(lines) * g.base * 1.3 + g.base * 0.7
    p.rect(p.left, p.y - height, p.right - p.left, height, dash=True)
    y = p.y - g.base * 0.2
    for line in lines:
        y -= g.base * 1.3
        p.text(p.left + g.base * 0.6, y, line, g.base, bold=True)
    p.y -= height + g.base * 0.8


def items(p: Pen) -> None:
    """The items table: SKU (A4), product and variation, quantity (large when more than one), price."""
    g, s = p.g, p.slip
    width = p.right - p.left
    sku_w = 0 if g.stacked else width * 0.2
    qty_w, price_w = width * (0.12 if g.stacked else 0.08), (width * (0.24 if g.stacked else 0.16)
                                                             if s.show_prices else 0)
    product_x, product_w = p.left + sku_w, width - sku_w - qty_w - price_w
    pad, small = g.base * 0.35, g.base * 0.88

    def head() -> None:
        h = g.base * 1.7
        p.rect(p.left, p.y - h, width, h, fill=0.93)
        p.rule(p.y - h, grey=g.ink)
        y = p.y - h + g.base * 0.5
        if sku_w:
            p.text(p.left + pad, y, s.labels.sku, g.base * 0.85, bold=True)
        p.text(product_x + pad, y, s.labels.product, g.base * 0.85, bold=True)
        p.text(product_x + product_w + qty_w - pad, y, s.labels.qty, g.base * 0.85, bold=True, align="right")
        if price_w:
            p.text(p.right - pad, y, s.labels.price, g.base * 0.85, bold=True, align="right")
        p.y -= h

    p.ensure(g.base * 4)
    p.text(p.left, p.y - g.base * 0.8, s.labels.items.upper(), g.base * 0.75, bold=True, grey=True)
    p.y -= g.base * 1.2
    head()
    for item in s.items:
        lines = [(t, g.base, False) for t in p.wrap(item.product, g.base, product_w - 2 * pad, 3)]
        if item.variation:
            lines += [(t, small, True) for t in p.wrap(f"{s.labels.variation}: {item.variation}", small,
                                                       product_w - 2 * pad, 2)]
        if not sku_w and item.sku:
            lines += [(t, small, True) for t in p.wrap(f"{s.labels.sku}: {item.sku}", small, product_w - 2 * pad, 1)]
        row_h = sum(size * 1.25 for _, size, _ in lines) + pad * 2
        p.ensure(row_h, head)
        first = p.y - pad - g.base
        if sku_w:
            for i, t in enumerate(p.wrap(item.sku, g.base * 0.9, sku_w - 2 * pad, 2)):
                p.text(p.left + pad, first - i * g.base * 1.2, t, g.base * 0.9)
        y = p.y - pad
        for text, size, grey in lines:
            y -= size * 1.25
            p.text(product_x + pad, y, text, size, grey=grey)
        qty_size = g.base * (1.3 if item.quantity > 1 else 1)
        p.text(product_x + product_w + qty_w - pad, first, str(item.quantity), qty_size, bold=True, align="right")
        if price_w:
            p.text(p.right - pad, first, item.price, g.base, align="right")
        p.y -= row_h
        p.rule(p.y)
    if price_w and s.total:
        p.ensure(g.base * 2)
        p.y -= g.base * 1.5
        w = p.text(p.right - pad, p.y, s.total, g.base, bold=True, align="right")
        p.text(p.right - pad - w - g.base, p.y, s.labels.total, g.base * 0.9, bold=True, align="right")
    p.y -= g.base * 1.2


def _barred(p: Pen, heading: str, lines: list[tuple[str, bool]]) -> None:
    """A block with a black bar on its left: a heading, then lines (text, bold)."""
    g = p.g
    height = g.base * 1.2 + len(lines) * g.base * 1.3 + g.base * 0.3
    p.ensure(min(height, g.base * 6))
    top = p.y
    p.text(p.left + g.base * 0.9, top - g.base * 0.9, heading.upper(), g.base * 0.75, bold=True, grey=True)
    y = top - g.base * 1.2
    for text, bold in lines:
        if y - g.base * 1.3 < p.bottom:
            p.rect(p.left, y, g.base * 0.25, top - y, fill=g.ink)
            p.ensure(10**6)
            top = y = p.y
        y -= g.base * 1.3
        p.text(p.left + g.base * 0.9, y, text, g.base, bold=bold)
    p.rect(p.left, y - g.base * 0.3, g.base * 0.25, top - y + g.base * 0.3, fill=g.ink)
    p.y = y - g.base * 1.2


def agreed(p: Pen) -> None:
    """The colour/size changes agreed with the buyer."""
    s, width = p.slip, p.right - p.left - p.g.base * 1.2
    lines: list[tuple[str, bool]] = []
    for change in s.agreed:
        title = s.labels[change.kind] + (f" · {change.product}" if change.product else "")
        lines += [(t, True) for t in p.wrap(title, p.g.base, width, 2)]
        if change.ordered:
            lines += [(t, False) for t in p.wrap(f"{s.labels.ordered}: {change.ordered}", p.g.base, width, 2)]
        if change.sending:
            lines += [(t, True) for t in p.wrap(f"{s.labels.sending}: {change.sending}", p.g.base, width, 2)]
    if lines:
        _barred(p, s.labels.agreed, lines)


def message(p: Pen) -> None:
    """The buyer's message, as the buyer wrote it."""
    s = p.slip
    if s.buyer_message:
        text = p.wrap(s.buyer_message, p.g.base, p.right - p.left - p.g.base * 1.2, 8 if p.g.stacked else 16)
        _barred(p, s.labels.message, [(t, False) for t in text])
