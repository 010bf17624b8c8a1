"""Slips and checklists to HTML through the one jinja2 environment (:mod:`tkops.templating`).

One HTML file holds the whole batch, a page per slip. A team can copy any file of templates/slips/ into its own
templates folder (Settings: Templates Folder) and edit it; a template error names the template, the line and the
missing variable, even when the error is inside a partial the layout includes.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from markupsafe import Markup

from tkops import templating
from tkops.errors import ConfigError
from tkops.pdf import strings_in
from tkops.pdf.webfonts import font_face_css
from tkops.slips.barcodes import code128_svg, qr_svg
from tkops.slips.config import LAYOUTS, Logo, SlipSettings
from tkops.slips.fit import fit_labels
from tkops.slips.labels import CHECKLIST_LABELS
from tkops.slips.model import Slip

CHECKLIST_TEMPLATE = "slips/checklist.html.j2"


def shop_context(settings: SlipSettings, logo: Logo | None = None) -> dict:
    """The ``shop`` every slip template gets: name, return address lines, and the logo (or None)."""
    image = None
    if logo is not None:
        image = {"src": f"data:{logo.mime};base64,{base64.b64encode(logo.data).decode('ascii')}",
                 "width": logo.width, "height": logo.height, "path": logo.path}
    return {"name": settings.shop_name, "return_address": list(settings.return_address), "logo": image}


def render_html(slips: Sequence[Slip], settings: SlipSettings | None = None, layout: str = "",
                logo: Logo | None = None) -> str:
    """The batch of ``slips`` as one HTML document in ``layout`` (a4, a6, 4x6; default: Settings' Slip Layout), a
    printed page per slip; a slip too long for its page goes on over continuation labels (:mod:`tkops.slips.fit`).
    ``logo``: the shop logo, as the job read it (None: no logo)."""
    settings = settings or SlipSettings()
    layout = (layout or settings.layout).casefold()
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    labels = fit_labels(list(slips), layout, settings.shop_name, settings.return_address)
    texts = [*strings_in([s for s in slips if s.lang != "ja"]), settings.shop_name, *settings.return_address]
    fonts = Markup(font_face_css(texts, strings_in([s for s in slips if s.lang == "ja"])))  # base64, names: no markup
    context = {"slips": labels, "shop": shop_context(settings, logo), "layout": layout, "code128": code128_svg,
               "fonts_css": fonts,
               "qr": qr_svg, "title": f"{settings.shop_name or 'tkops'}: {len(slips)} packing slips"}
    return render_template(LAYOUTS[layout], context, settings.templates_folder)


def render_checklist(slips: Sequence[Slip], settings: SlipSettings | None = None) -> str:
    """The packing checklist (HTML): per order the items with check boxes, what the buyer asked for, the agreed
    changes and the QC points from Settings, in the team's language (Settings: Language)."""
    settings = settings or SlipSettings()
    labels = CHECKLIST_LABELS.get(settings.language, CHECKLIST_LABELS["en"])
    context = {"slips": list(slips), "qc_points": list(settings.qc_points), "labels": labels,
               "lang": settings.language if settings.language in CHECKLIST_LABELS else "en",
               "title": f"{labels['title']} ({len(slips)})", "code128": code128_svg, "qr": qr_svg}
    return render_template(CHECKLIST_TEMPLATE, context, settings.templates_folder)


def render_template(name: str, context: dict, folder: str = "") -> str:
    """Render ``name`` through the one environment (HTML: autoescaped); a missing variable raises
    ConfigError("template_error") naming the template file it is in (the layout or a partial), its line and the
    variable."""
    return templating.render(name, context, folder)
