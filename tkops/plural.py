"""Counted nouns in messages: ``{n|line|lines}`` in a template becomes "line" when ``n`` is 1 (or -1) and "lines"
otherwise, so "1 wave" and "2 waves" come from one English sentence. Chinese has no plural: its templates simply do
not use the form. A form whose count is not a number, or is missing, is left as written (a test catches that).
"""

from __future__ import annotations

import re
from typing import Any, Mapping

_FORM = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def plural_forms(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with each ``{name|one|other}`` replaced by ``one`` when ``params[name]`` is 1, else ``other``."""
    if "|" not in template:
        return template

    def pick(match: re.Match) -> str:
        name, one, other = match.groups()
        value = params.get(name)
        try:
            count = abs(float(value))
        except (TypeError, ValueError):
            return match.group(0)
        return one if count == 1 else other

    return _FORM.sub(pick, template)


class _Many(dict):
    """Any count is 2: every form takes its plural (for comparing a template's fields across languages)."""

    def get(self, key, default=None):
        return 2


def without_forms(template: str) -> str:
    """``template`` with every plural form resolved (to its plural): what is left are its ``{fields}``."""
    return plural_forms(template, _Many())


__all__ = ["plural_forms", "without_forms"]
