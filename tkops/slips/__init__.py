"""Packing slips and the packing checklist: slip data from canonical order lines, HTML through the one
jinja2 environment (templates/slips/), PDF drawn with reportlab, Code 128 and QR codes of the order ID.

    slips = build_slips(lines, settings, review=review_rows)       # pure: in pick order
    write_html(slips, "slips.html", settings)                        # one HTML file, a page per slip
    write_pdf(slips, "slips.pdf", settings)                          # one PDF, a page per slip
    html = render_checklist(slips, settings)                         # packing checklist
"""

from tkops.slips.config import LAYOUTS, SLIP_SETTINGS_SPEC, SlipSettings
from tkops.slips.labels import SLIP_LANGUAGES
from tkops.slips.model import AgreedChange, Slip, SlipItem, build_slips
from tkops.slips.pdf import render_pdf, write_pdf
from tkops.slips.render import render_checklist, render_html, write_html
from tkops.slips.review_input import REVIEW_INPUT_COLUMNS

__all__ = ["build_slips", "render_html", "write_html", "render_pdf", "write_pdf", "render_checklist", "Slip",
           "SlipItem", "AgreedChange", "SlipSettings", "LAYOUTS", "SLIP_LANGUAGES", "SLIP_SETTINGS_SPEC",
           "REVIEW_INPUT_COLUMNS"]
