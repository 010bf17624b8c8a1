"""The clocks' sentences for the team, in English and Chinese (``tkops/locale/clocks.toml``, merged into the lookup
of :mod:`tkops.messages`), and the hints inside the SLA sheets' errors (``tkops/locale/clocks_hints.toml``).

Codes: ``clock.<clock>`` names a clock; ``clock.state.<state>`` a state; ``clock.<clock>.<state>`` is the sentence
for one clock in one state (what to do); ``clock.kpi.*`` the KPI labels; ``clock.sla.*`` the SLA and Holidays
sheets' errors.
"""

from __future__ import annotations

from tkops.errors import ConfigError
from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

CATALOGUE = catalogue("clocks")

#: Hints and problems used inside the sheet errors (both languages, looked up by key).
HINTS = catalogue("clocks_hints")


def explain(code: str, lang: str = "en", **params) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``."""
    template = sentence(CATALOGUE.get(code) or HINTS.get(code), code, lang)
    if template is None:
        return code
    return fill(template, {k: _show(v) for k, v in params.items()}, code)


def state_key(state: str) -> str:
    """The catalogue suffix of a state value ("due soon" -> "due_soon")."""
    return state.replace(" ", "_")


def _show(value) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    return str(value)


class SlaConfigError(ConfigError):
    """An SLA or Holidays sheet problem; renders from this catalogue (also before it is merged into the main one).

    ``hint`` and ``problem`` parameters that are keys of :data:`HINTS` are translated too.
    """

    def render(self, lang: str = "en") -> str:
        if self.code not in CATALOGUE:
            return super().render(lang)
        params = dict(self.params)
        for key in ("hint", "problem"):
            if params.get(key) in HINTS:
                params[key] = explain(params[key], lang, **params)
        return explain(self.code, lang, **params)
