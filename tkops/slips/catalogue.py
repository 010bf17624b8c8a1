"""The packing-slip run's sentences for the team, in English and Chinese (``tkops/locale/slips.toml``), merged into
the lookup of :mod:`tkops.messages`.
"""

from __future__ import annotations

from tkops.locale_files import catalogue
from tkops.message_lookup import text_of

CATALOGUE = catalogue("slips")


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    return text_of(CATALOGUE, code, lang, params)
