"""Packing slips and the packing checklist: slip data from canonical order lines, HTML through the one
jinja2 environment (templates/slips/), PDF drawn with reportlab, Code 128 and QR codes of the order ID.

    slips = build_slips(lines, settings, review=review_rows)       # pure: in pick order
    html = render_html(slips, settings, logo=logo)                 # one HTML document, a page per slip
    pdf = render_pdf(slips, settings, logo=logo)                   # one PDF (bytes), a page per slip
    checklist = render_checklist(slips, settings)                  # packing checklist

The core reads and writes no file: the job (:mod:`tkops.jobs.slips`) reads the logo (a :class:`Logo`), checks the
font files and writes what these return.
"""

from tkops.slips.config import LAYOUTS, SLIP_SETTINGS_SPEC, Logo, SlipSettings
from tkops.slips.labels import SLIP_LANGUAGES
from tkops.slips.model import AgreedChange, Slip, SlipItem, build_slips
from tkops.slips.pdf import render_pdf
from tkops.slips.render import render_checklist, render_html
from tkops.slips.review_input import REVIEW_INPUT_COLUMNS

__all__ = ["build_slips", "render_html", "render_pdf", "render_checklist", "Slip",
           "SlipItem", "AgreedChange", "SlipSettings", "Logo", "LAYOUTS", "SLIP_LANGUAGES", "SLIP_SETTINGS_SPEC",
           "REVIEW_INPUT_COLUMNS"]
