"""The evidence pack's index as a PDF (portrait A4), drawn with reportlab from the HTML page's context
(:func:`tkops.aftersales.evidence_index.index_context`), so both list the same facts, items and files.

Text goes through the shared font chain (:class:`tkops.pdf.FontChain`, docs/fonts.md): Thai file names are shaped,
Chinese and Japanese ones print with the embedded pip fonts on any computer. Ticks and crosses are drawn as lines,
since the shipped fonts have no check-mark glyph.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tkops.pdf import MM, FontChain, Geometry, Pen, new_canvas, strings_in

GEOMETRY = Geometry(A4, 14 * MM, 9, 0, 0, 0, False, ink=0, muted=0.35)
#: File table: (context key, width in mm; None takes what is left).
COLUMNS = (("file", None), ("size", 18), ("kind", 30), ("modified", 27), ("covers", 42))
PAD = 1.5 * MM
PINK = (1, 0.78, 0.81)


class _Doc:
    """The pages of one index: a cursor, page starts with footers, and the few shapes it draws."""

    def __init__(self, canvas: Canvas, chain: FontChain, context: dict, lang: str) -> None:
        self.c, self.ctx, self.t = canvas, context, context["t"]
        self.p = Pen(canvas, chain, GEOMETRY, lang)
        self.bottom = GEOMETRY.margin + 8 * MM
        self.pages = 0
        fixed = sum(w for _, w in COLUMNS if w) * MM
        self.w = [w * MM if w else self.p.right - self.p.left - fixed for _, w in COLUMNS]
        self.x = [self.p.left + sum(self.w[:i]) for i in range(len(self.w))]
        self.new_page()

    def new_page(self) -> None:
        if self.pages:
            self.c.showPage()
        self.pages += 1
        p = self.p
        p.y = p.height - GEOMETRY.margin
        p.text(p.left, GEOMETRY.margin, self.ctx["title"], 7.5, grey=True)
        p.text(p.right, GEOMETRY.margin, str(self.pages), 7.5, grey=True, align="right")

    def room(self, height: float, on_new=None) -> None:
        if self.p.y - height < self.bottom:
            self.new_page()
            if on_new:
                on_new()

    def para(self, text: str, size: float, x: float | None = None, width: float | None = None,
             bold: bool = False, grey: bool = False) -> None:
        """Wrapped text from the cursor down, a new page when needed."""
        p = self.p
        x = p.left if x is None else x
        for line in p.wrap(text, size, width or p.right - x):
            self.room(size * 1.3)
            p.y -= size * 1.3
            p.text(x, p.y + size * 0.25, line, size, bold=bold, grey=grey)

    def heading(self, text: str) -> None:
        self.room(40)
        self.p.y -= 10
        self.para(text, 12, bold=True)
        self.p.y -= 2
        self.p.rule(self.p.y, grey=0)
        self.p.y -= 3

    def mark(self, x: float, y: float, covered: bool, required: bool) -> None:
        """A box at (x, y) (bottom left, 3 mm): a tick when covered, a cross when a required item is missing."""
        s = 3 * MM
        self.p.rect(x, y, s, s, line=0.7)
        self.c.setLineWidth(1.1)
        if covered:
            self.c.lines([(x + s * .2, y + s * .5, x + s * .42, y + s * .2), (x + s * .42, y + s * .2, x + s * .85,
                                                                              y + s * .85)])
        elif required:
            self.c.lines([(x + s * .2, y + s * .2, x + s * .8, y + s * .8), (x + s * .2, y + s * .8, x + s * .8,
                                                                             y + s * .2)])


def _facts(doc: _Doc) -> None:
    p, ctx = doc.p, doc.ctx
    p.y -= 16
    p.text(p.left, p.y, ctx["title"], 16, bold=True)
    p.y -= 5
    doc.para(f"{ctx['t']['folder']}: {ctx['folder']} · {ctx['t']['made']}: {ctx['made']}", 8, grey=True)
    p.y -= 4
    rows = list(ctx["facts"]) + [(ctx["t"]["appeal"], ctx["appeal"]["when"])]
    for name, value in rows:
        top = p.y
        doc.para(name, 9, bold=True, width=40 * MM)
        after, p.y = p.y, top
        doc.para(str(value), 9, x=p.left + 42 * MM, bold=name == ctx["t"]["appeal"])
        p.y = min(p.y, after)
    doc.para(ctx["appeal"]["note"], 7.5, x=p.left + 42 * MM, grey=True)


def _checklist(doc: _Doc) -> None:
    p, ctx, t = doc.p, doc.ctx, doc.t
    doc.heading(t["checklist"])
    if ctx["missing"]:
        lines = p.wrap(f"{t['missing']}: " + " · ".join(ctx["missing"]), 9, p.right - p.left - 2 * PAD)
        height = len(lines) * 11.7 + 2 * PAD
        doc.room(height)
        doc.c.setFillColorRGB(*PINK)
        doc.c.rect(p.left, p.y - height, p.right - p.left, height, stroke=0, fill=1)
        for line in lines:
            p.y -= 11.7
            p.text(p.left + PAD, p.y + 2, line, 9, bold=True)
        p.y -= 2 * PAD + 4
    text_x = p.left + 6 * MM
    for item in ctx["checklist"]:
        body = [(f"{item['label']} ({item['need']}) · {item['status']}", 9, True, False)]
        body += [(line, 7.5, False, True) for line in p.wrap(item["why"], 7.5, p.right - text_x)]
        body += [(f"• {name}", 7.5, False, False) for name in item["files"]]
        if not item["covered"]:
            body.append((item["hint"], 7.5, False, True))
        height = sum(size * 1.3 for _, size, _, _ in body) + PAD
        doc.room(height)
        if item["required"] and not item["covered"]:
            doc.c.setFillColorRGB(*PINK)
            doc.c.rect(p.left, p.y - height, p.right - p.left, height, stroke=0, fill=1)
        doc.mark(p.left + PAD, p.y - 3 * MM - 2, item["covered"], item["required"])
        for text, size, bold, grey in body:
            for line in p.wrap(text, size, p.right - text_x):
                p.y -= size * 1.3
                p.text(text_x, p.y + size * 0.25, line, size, bold=bold, grey=grey)
        p.y -= PAD
        p.rule(p.y, grey=0.75)


def _files(doc: _Doc) -> None:
    p, ctx, t = doc.p, doc.ctx, doc.t
    doc.heading(ctx["files_heading"])
    if not ctx["files"]:
        doc.para(t["no_files"], 9)
        return

    def heads() -> None:
        p.y -= 11
        for (key, _), x in zip(COLUMNS, doc.x):
            p.text(x + PAD / 2, p.y, t[key], 8, bold=True)
        p.y -= 3
        p.rule(p.y, grey=0)

    heads()
    for f in ctx["files"]:
        w = [width - PAD for width in doc.w]
        cells = [[(s, 8) for s in p.wrap(f["rel"], 8, w[0])], [(f["size"], 8)], [(s, 7.5) for s in
                 p.wrap(f["kind"], 7.5, w[2], 2)], [(f["modified"], 7.5)],
                 [(s, 7.5) for c in (f["covers"] or [t["no_item"]]) for s in p.wrap(c, 7.5, w[4], 2)]]
        height = max(sum(size * 1.3 for _, size in cell) for cell in cells) + 15 + PAD
        doc.room(height, heads)
        top = p.y
        for cell, x in zip(cells, doc.x):
            y = top
            for text, size in cell:
                y -= size * 1.3
                p.text(x + PAD / 2, y + size * 0.25, text, size, grey=not f["covers"] and x == doc.x[4])
        doc.c.setFont("Courier", 6)
        doc.c.setFillGray(0.35)
        for n, part in enumerate((f"SHA-256 {f['sha256'][:32]}", f"        {f['sha256'][32:]}")):
            doc.c.drawString(doc.x[0] + PAD / 2, top - height + PAD + 7 - n * 7, part)
        p.y = top - height
        p.rule(p.y, grey=0.75)
    doc.para(t["hash_note"], 7.5, grey=True)


def evidence_pdf(context: dict, lang: str = "en", fonts: tuple[str, ...] = ()) -> bytes:
    """The index as PDF bytes (``context``: :func:`index_context`; ``fonts``: the team's TrueType fonts, first)."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, GEOMETRY, context["title"])
    chain = FontChain(fonts)
    chain.prepare(strings_in(context))
    doc = _Doc(canvas, chain, context, lang)
    _facts(doc)
    _checklist(doc)
    _files(doc)
    if context["skipped"]:
        doc.heading(doc.t["skipped"])
        for name in context["skipped"]:
            doc.para(name, 8, grey=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
