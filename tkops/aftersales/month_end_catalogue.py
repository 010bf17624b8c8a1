"""The month-end report's sentences and labels, in English and Chinese (``tkops/locale/aftersales_month_end.toml``,
merged into the lookup of :mod:`tkops.messages`): errors, progress lines, warnings, the report's figure names and
headings; and the column headers of its tables.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("aftersales_month_end")

#: Column headers of the report's tables: key -> (en, zh) (``tkops/locale/month_end_columns.toml``, ``column.<key>``).
COLUMNS: dict[str, tuple[str, str]] = {code.removeprefix("column."): (entry["en"], entry["zh"])
                                       for code, entry in catalogue("month_end_columns").items()}


def text(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else: en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code), code, lang)
    if template is None:
        return code
    return fill(template, params, code)


def currency_label(code, lang: str = "en") -> str:
    """How a money figure's currency is shown: its code, or "no currency" for amounts whose lines named none (they
    are kept apart, never added to a known currency)."""
    return code if isinstance(code, str) and code else text("month_end.no_currency_label", lang)


def header(key: str, lang: str = "en") -> str:
    """The column header of ``key`` in ``lang``."""
    en, zh = COLUMNS.get(key, (key, key))
    return zh if lang == "zh" else en


class MonthEndError(ConfigError):
    """A month-end option problem; renders from this catalogue (also before it is merged into the main one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return text(self.code, lang, **self.params)
        return super().render(lang)
