"""The message catalogue: every sentence tkops shows a person, in English and Chinese (``tkops/locale/*.toml``).

Messages are looked up by a stable code and filled with named parameters. Errors name the file, the row and the
column where they apply, and say what to do.
"""

from __future__ import annotations

import functools

from tkops.locale_files import catalogue
from tkops.message_lookup import (  # noqa: F401 - the one lookup, used through this module too
    LANGUAGES,
    STRICT_ENV,
    MessageProblem,
    fill,
    placeholders,
    sentence,
    strict,
)

CATALOGUE = catalogue("messages")


def render(code: str, lang: str = "en", **params) -> str:
    """The message ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``.

    Parameters that are message codes themselves (e.g. ``expected="expected_int"``) are translated too.
    """
    entry = CATALOGUE.get(code) or _section_entry(code)
    template = sentence(entry, code, lang)
    if template is None:
        return f"{code}: {params}"
    filled = {}
    for key, value in params.items():
        if isinstance(value, str) and key in _TRANSLATED and (value in CATALOGUE or _section_entry(value)):
            value = render(value, lang)
        filled[key] = value
    return fill(template, filled, code)


#: Parameters whose value may be a message code, rendered in the same language.
_TRANSLATED = ("expected", "hint", "problem", "detail", "what", "advice", "rule", "fix")


#: The catalogue modules of the code they speak for (review rules, tracking checks, clocks), each exposing its
#: ``tkops/locale`` file as ``CATALOGUE``: one lookup for all.
_SECTION_CATALOGUES = ("tkops.messages_book", "tkops.messages_reports", "tkops.sources.catalogue",
                       "tkops.review.catalogue", "tkops.stock.catalogue", "tkops.shipping.catalogue",
                       "tkops.clocks.catalogue", "tkops.picking.catalogue", "tkops.slips.catalogue",
                       "tkops.sources.returns_catalogue", "tkops.aftersales.catalogue",
                       "tkops.aftersales.evidence_catalogue", "tkops.aftersales.month_end_catalogue",
                       "tkops.api.catalogue", "tkops.history.catalogue", "tkops.pack.catalogue",
                       "tkops.picking.labels_catalogue", "tkops.api.stock_catalogue",
                       "tkops.stock.reorder_catalogue")


@functools.lru_cache(maxsize=None)  # the catalogues are constants; the pack station renders on every scan
def _section_entry(code: str):
    """An entry of a section catalogue (imported when first needed, to keep this module free of cycles)."""
    import importlib

    for module in _SECTION_CATALOGUES:
        entry = importlib.import_module(module).CATALOGUE.get(code)
        if entry is not None:
            return entry
    return None
