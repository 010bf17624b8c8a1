"""Slips and checklists to HTML through the one jinja2 environment (:mod:`tkops.templating`).

One HTML file holds the whole batch, a page per slip. A team can copy any file of templates/slips/ into its own
templates folder (Settings: Templates Folder) and edit it; a template error names the template, the line and the
missing variable, even when the error is inside a partial the layout includes.
"""

from __future__ import annotations

import base64
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from tkops import templating
from tkops.errors import ConfigError
from tkops.pdf import strings_in
from tkops.pdf.webfonts import font_face_css
from tkops.slips.barcodes import code128_svg, qr_svg
from tkops.slips.config import LAYOUTS, SlipSettings
from tkops.slips.fit import fit_labels
from tkops.slips.labels import CHECKLIST_LABELS
from tkops.slips.model import Slip

CHECKLIST_TEMPLATE = "slips/checklist.html.j2"


def shop_context(settings: SlipSettings) -> dict:
    """The ``shop`` every slip template gets: name, return address lines, and the logo (or None)."""
    logo = None
    if settings.logo:
        from PIL import Image  # Pillow comes with reportlab

        path = Path(settings.logo)
        with Image.open(path) as image:
            width, height = image.size
        mime = "image/png" if path.suffix.casefold() == ".png" else "image/jpeg"
        logo = {"src": f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}",
                "width": width, "height": height, "path": str(path)}
    return {"name": settings.shop_name, "return_address": list(settings.return_address), "logo": logo}


def render_html(slips: Sequence[Slip], settings: SlipSettings | None = None, layout: str = "") -> str:
    """The batch of ``slips`` as one HTML document in ``layout`` (a4, a6, 4x6; default: Settings' Slip Layout), a
    printed page per slip; a slip too long for its page goes on over continuation labels (:mod:`tkops.slips.fit`)."""
    settings = settings or SlipSettings()
    layout = (layout or settings.layout).casefold()
    if layout not in LAYOUTS:
        raise ConfigError("bad_setting", name="Slip Layout", value=layout, hint=", ".join(LAYOUTS))
    labels = fit_labels(list(slips), layout, settings.shop_name, settings.return_address)
    texts = [*strings_in([s for s in slips if s.lang != "ja"]), settings.shop_name, *settings.return_address]
    fonts = Markup(font_face_css(texts, strings_in([s for s in slips if s.lang == "ja"])))  # base64, names: no markup
    context = {"slips": labels, "shop": shop_context(settings), "layout": layout, "code128": code128_svg,
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


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a failed run leaves the old file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_html(slips: Sequence[Slip], path: str | os.PathLike, settings: SlipSettings | None = None,
               layout: str = "") -> Path:
    """Write the batch of ``slips`` as one HTML file at ``path`` (UTF-8)."""
    return write_atomic(path, render_html(slips, settings, layout).encode("utf-8"))
