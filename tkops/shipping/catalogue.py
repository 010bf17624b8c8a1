"""The shipping checks' sentences for the team, in English and Chinese (``tkops/locale/shipping.toml``), merged into
the lookup of :mod:`tkops.messages`.

A problem whose params carry a ``variant`` is explained by the key ``code:variant`` when the catalogue has it.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("shipping")


def render(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``code`` (or ``code:variant`` when params carry a known ``variant``) in ``lang``, filled in."""
    variant = params.get("variant")
    entry = CATALOGUE.get(f"{code}:{variant}") if variant else None
    entry = entry or CATALOGUE.get(code)
    template = sentence(entry, code, lang)
    if template is None:
        return f"{code}: {params}"
    return fill(template, {k: "" if v is None else v for k, v in params.items()}, code)


def explain(problems: pd.DataFrame, lang: str = "en") -> pd.Series:
    """The explanation of each row of a problems frame (from :func:`validate_tracking`), in ``lang``."""
    return pd.Series([render(code, lang, **(params if isinstance(params, Mapping) else {}))
                      for code, params in zip(problems["code"], problems["params"])],
                     index=problems.index, dtype=object)
