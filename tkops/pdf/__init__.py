"""PDF drawing shared by every PDF tkops writes (packing slips, pick list, evidence index): one font chain with the
fonts pip installs (docs/fonts.md), embedded and subset, and one pen that draws text, wraps lines and rules.

    chain = FontChain(font_paths(settings.pdf_fonts))   # the team's fonts first, then the shipped ones
    chain.prepare(strings_in(context))                   # the CJK glyphs of the whole document, made in one go
    pen = Pen(canvas, chain, Geometry(A4, 14 * MM, 9), lang="zh")
    pen.text(pen.left, pen.y, "拣货单", 12, bold=True)
"""

from tkops.pdf.chain import Face, FontChain, strings_in
from tkops.pdf.discovery import font_paths
from tkops.pdf.pen import MM, Geometry, Pen, new_canvas

__all__ = ["Face", "FontChain", "Geometry", "MM", "Pen", "font_paths", "new_canvas", "strings_in"]
