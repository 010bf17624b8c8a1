"""The stock step's sentences for the team, in English and Chinese (``tkops/locale/stock.toml``, merged into the
lookup of :mod:`tkops.messages`).

Counted nouns use the plural forms of :func:`tkops.messages.render` (``{n|row|rows}``)."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("stock")
