"""The printable pick list: one HTML page per wave (A4 by default), rendered through the one jinja2 environment
(:func:`tkops.templating.render`, autoescaped: product names and SKUs are never markup).

The template is ``picklist/picklist.html.j2`` in the shipped templates folder; a team may copy it into its own
templates folder (Settings: Templates Folder) and edit it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.picking.catalogue import flag_text, label, labels
from tkops.picking.picklist import ID_SEPARATOR, NO_BIN
from tkops.templating import render

TEMPLATE = "picklist/picklist.html.j2"
#: CSS page sizes the template accepts (the value goes into an @page rule, so it is never free text).
PAGE_SIZES = ("A4", "A4 landscape", "letter", "letter landscape", "A5")
#: Order IDs shown under a pick row; the rest are counted ("+12 more"); the PickList sheet has them all.
SHOWN_IDS = 6
HTML_LANG = {"en": "en", "zh": "zh-CN"}


def picklist_context(pick: pd.DataFrame, summary: pd.DataFrame | None = None, lang: str = "en", *,
                     shop: str = "", printed: dt.datetime | None = None, page_size: str = "A4") -> dict:
    """What the template reads: labels in ``lang``, and per wave its heading, counts and pick rows.

    ``pick``: :func:`tkops.picking.pick_list`; ``summary``: :func:`tkops.picking.wave_summary` (the kind of each
    wave and its order and item counts; without it counts come from ``pick`` and the kind is left out).
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size {page_size!r}: use one of {', '.join(PAGE_SIZES)}")
    by_wave = summary.set_index("wave") if summary is not None and len(summary) else None
    numbers = sorted(pick["wave"].unique().tolist()) if len(pick) else []
    waves = []
    for n in numbers:
        rows = pick[pick["wave"] == n]
        ids = {i for cell in rows["order_ids"] for i in cell.split(ID_SEPARATOR) if i}
        kind = by_wave.at[n, "kind"] if by_wave is not None and n in by_wave.index else ""
        orders = int(by_wave.at[n, "orders"]) if kind else len(ids)
        units = int(by_wave.at[n, "units"]) if kind else int(rows["quantity"].sum())
        waves.append({
            "number": int(n), "heading": label("pick.wave", lang, n=int(n)),
            "position": label("pick.wave_of", lang, n=len(waves) + 1, total=len(numbers)),
            "kind": label(f"pick.kind.{kind}", lang) if kind else "",
            "summary": label("pick.summary", lang, orders=orders, units=units, rows=len(rows)),
            "rows": (items := _rows(rows, lang)), "binned": [r for r in items if not r["unbinned"]],
            "unbinned": [r for r in items if r["unbinned"]],
        })
    when = (printed or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    return {"lang": HTML_LANG.get(lang, "en"), "page_size": page_size, "shop": shop,
            "title": label("pick.title", lang), "printed": label("pick.printed", lang, when=when),
            "empty": label("pick.empty", lang), "t": labels(lang), "waves": waves}


def _rows(rows: pd.DataFrame, lang: str) -> list[dict]:
    out = []
    for r in rows.itertuples(index=False):
        ids = [i for i in r.order_ids.split(ID_SEPARATOR) if i]
        codes = [c for c in r.flags.split(",") if c]
        out.append({
            "zone": r.zone, "bin": r.bin, "sku": r.seller_sku, "product": r.product_name, "variation": r.variation,
            "quantity": int(r.quantity), "orders": int(r.orders), "order_ids": ids[:SHOWN_IDS],
            "more": label("pick.more", lang, n=len(ids) - SHOWN_IDS) if len(ids) > SHOWN_IDS else "",
            "note": flag_text(r.flags, lang), "flags": codes, "unbinned": NO_BIN in codes,
        })
    return out


def picklist_html(pick: pd.DataFrame, summary: pd.DataFrame | None = None, lang: str = "en", *, shop: str = "",
                  printed: dt.datetime | None = None, page_size: str = "A4", extra_folder: str = "") -> str:
    """The printable pick list as one HTML document (see :func:`picklist_context` for the arguments);
    ``extra_folder``: the team's own templates, searched first."""
    context = picklist_context(pick, summary, lang, shop=shop, printed=printed, page_size=page_size)
    return render(TEMPLATE, context, extra_folder)
