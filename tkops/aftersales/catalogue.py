"""After-sales sentences for the team, in English and Chinese (``tkops/locale/aftersales.toml``), merged into the
lookup of :mod:`tkops.messages`; and the sheet-reading helpers that raise them (a header row, then rows; columns found
by name).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("aftersales")


def explain(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code), code, lang)
    if template is None:
        return code
    return fill(template, {k: str(v) for k, v in params.items()}, code)


class AfterSalesConfigError(ConfigError):
    """A Reasons or CaseKeywords sheet problem; renders from this catalogue (also before it is merged into the main
    one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return explain(self.code, lang, **self.params)
        return super().render(lang)


def sheet_records(rows: list[list[Any]], sheet: str, required: Iterable[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """(sheet row number, {header casefolded: cell text}) for each non-blank row under the header row.

    Raises :class:`AfterSalesConfigError` when a ``required`` column is missing.
    """
    if not rows:
        return
    header = [_cell(h) for h in rows[0]]
    names = {h.casefold(): i for i, h in enumerate(header) if h}
    for column in required:
        if column.casefold() not in names:
            raise AfterSalesConfigError("aftersales.sheet_column", sheet=sheet, column=column,
                                        headers=", ".join(h for h in header if h) or "-")
    for number, row in enumerate(rows[1:], start=2):
        record = {name: _cell(row[i]) if i < len(row) else "" for name, i in names.items()}
        if any(record.values()):
            yield number, record


def choice(value: str, allowed: Mapping[str, Any], sheet: str, row: int, column: str) -> str:
    """The key of ``allowed`` (key -> entry with ``en`` and ``zh`` labels) that ``value`` names: the key (spaces
    for underscores) or a label, in any case. Raises :class:`AfterSalesConfigError` listing the keys otherwise."""
    folded = value.casefold()
    for key, entry in allowed.items():
        if folded.replace(" ", "_") == key or folded in (entry.en.casefold(), entry.zh.casefold()):
            return key
    code = "aftersales.sheet_blank" if not value else "aftersales.sheet_value"
    shown = value if len(value) <= 60 else value[:59] + "…"
    raise AfterSalesConfigError(code, sheet=sheet, row=row, column=column, value=shown, allowed=", ".join(allowed))


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- Replies, follow-ups and reviews: the team's line beside each draft (tkops.aftersales.replies) --------------------
