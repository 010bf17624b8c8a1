"""The reorder step's sentences for the team, in English and Chinese (``tkops/locale/stock_reorder.toml``, merged
into the lookup of :mod:`tkops.messages`).

Counted nouns use the plural forms of :func:`tkops.messages.render` (``{n|SKU|SKUs}``)."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("stock_reorder")
