"""The pick list's words for the team, in English and Chinese (``tkops/locale/picking.toml``), merged into the
lookup of :mod:`tkops.messages`.
"""

from __future__ import annotations

from tkops.locale_files import catalogue
from tkops.message_lookup import text_of

CATALOGUE = catalogue("picking")


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    return text_of(CATALOGUE, code, lang, params)


def labels(lang: str = "en") -> dict[str, str]:
    """Every code without placeholders in ``lang``, keyed by the code after ``pick.`` with dots as underscores
    (``pick.col.bin`` -> ``col_bin``): what the HTML template reads."""
    return {code[5:].replace(".", "_"): label(code, lang) for code, entry in CATALOGUE.items()
            if "{" not in entry["en"]}


def flag_text(flags: str, lang: str = "en") -> str:
    """Flag codes (``"no_bin,unknown_sku"``) as words for the team: ``"no bin; not in Inventory"``."""
    return "; ".join(label(f"pick.flag.{code}", lang) for code in flags.split(",") if code)
