"""The one lookup every message catalogue goes through (:mod:`tkops.messages` and the ``catalogue.py`` modules
beside the code they speak for, each holding a file of ``tkops/locale/``): a sentence in the asked language, filled
with its parameters.

Under tests (``TKOPS_STRICT_MESSAGES=1``, set by tests/conftest.py) a missing code, a missing language, placeholders
that differ between English and Chinese, or a placeholder without a value raise :class:`MessageProblem`; in a
user's run the problem is logged and the run goes on with the best text there is.
"""

from __future__ import annotations

import logging
import os
import string
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from tkops.plural import plural_forms, without_forms

LANGUAGES = ("en", "zh")

#: Set to "1" (the test suite does, in tests/conftest.py) to make every lookup problem an exception.
STRICT_ENV = "TKOPS_STRICT_MESSAGES"

log = logging.getLogger("tkops.messages")


class MessageProblem(LookupError):
    """A catalogue problem found while looking a sentence up (raised only when messages are strict)."""


def strict() -> bool:
    """Whether lookup problems raise (tests) instead of being logged (a user's run never crashes on a sentence)."""
    return os.environ.get(STRICT_ENV, "") == "1"


def sentence(entry: Mapping[str, str] | None, code: str, lang: str) -> str | None:
    """The text of catalogue ``entry`` (the entry of ``code``) in ``lang``, falling back to English for a language
    the catalogues do not have; None when there is no entry. A missing entry, an entry without every language, or
    languages whose placeholders differ raise :class:`MessageProblem` when strict, else are logged."""
    if entry is None:
        _problem(f"no sentence for the message code {code!r}")
        return None
    absent = [language for language in LANGUAGES if not entry.get(language)]
    if absent:
        _problem(f"the message {code!r} has no {'/'.join(absent)} text")
    elif strict():
        differing = _placeholder_difference(tuple(entry[language] for language in LANGUAGES))
        if differing:
            _problem(f"the message {code!r} has placeholders {differing} in one language only")
    return entry.get(lang) or entry.get("en") or next(iter(entry.values()), None)


def fill(template: str, values: Mapping[str, Any], code: str = "") -> str:
    """``template`` filled with ``values`` (``str.format_map``, counted nouns ``{n|line|lines}`` first: see
    :mod:`tkops.plural`); a placeholder without a value raises
    :class:`MessageProblem` when strict, else the unfilled sentence is shown with the values after it."""
    try:
        return plural_forms(template, values).format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError) as err:
        _problem(f"the message {code!r} cannot be filled ({type(err).__name__}: {err}) from {dict(values)!r}")
        return f"{template} {dict(values)}"


def text_of(catalogue: Mapping[str, Mapping[str, str]], code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The text of ``code`` of ``catalogue`` in ``lang``, filled with ``params`` when there are any (a label without
    parameters is shown as written); the code itself when the catalogue lacks it."""
    text = sentence(catalogue.get(code), code, lang)
    if text is None:
        return code
    return fill(text, params, code) if params else text


def placeholders(text: str) -> frozenset[str]:
    """The named placeholders of a sentence (``"{file}, row {row}"`` -> {"file", "row"})."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(without_forms(text)) if name)


@lru_cache(maxsize=4096)
def _placeholder_difference(texts: tuple[str, ...]) -> list[str]:
    sets = [placeholders(text) for text in texts]
    return sorted(frozenset().union(*sets) - frozenset.intersection(*sets))


def _problem(text: str) -> None:
    if strict():
        raise MessageProblem(text)
    log.warning("%s", text)
