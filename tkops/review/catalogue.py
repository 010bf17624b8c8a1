"""The review's sentences for the team, in English and Chinese (``tkops/locale/review.toml``), merged into the lookup
of :mod:`tkops.messages`; and the short label of each problem code.

A problem's explanation is looked up by its code, or by a variant key ``code:variant`` when the same code needs
different wording (``address.zip_format:leading_zero``). A parameter given per language (``{"en": "province",
"zh": "省"}``) is shown in the sentence's language.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("review")


#: Each problem code as a short label a person reads on the sheets (Issues on Orders, Problem on Review, the summary),
#: in English and Chinese (``tkops/locale/review_labels.toml``, ``label.<code>``); the code itself stays in its own
#: column for filters.
LABELS: dict[str, tuple[str, str]] = {code.removeprefix("label."): (entry["en"], entry["zh"])
                                      for code, entry in catalogue("review_labels").items()}


def code_label(code: str, lang: str = "en") -> str:
    """The short label of a problem code in ``lang`` (en or zh); the code itself when it has none."""
    entry = LABELS.get(code)
    if entry is None:
        return code
    return entry[1] if lang == "zh" else entry[0]


def explain(key: str, lang: str, params: dict) -> str:
    """The sentence for ``key`` (a code or ``code:variant``) in ``lang`` (en or zh), filled with ``params``."""
    entry = CATALOGUE.get(key) or CATALOGUE.get(key.split(":", 1)[0])
    template = sentence(entry, key, lang)
    if template is None:
        return key
    return fill(template, _Shown(params, lang), key)


class _Shown(dict):
    """Parameters shown as text only when the sentence uses them, in the sentence's language when given per
    language."""

    def __init__(self, params: dict, lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if isinstance(value, dict) and "en" in value:
            value = value.get(self.lang, value["en"])
        return _show(value)


def _show(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ReviewConfigError(ConfigError):
    """A Rules or Keywords sheet problem; renders from this catalogue (also before it is merged into the main one)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return explain(self.code, lang, self.params)
        return super().render(lang)
