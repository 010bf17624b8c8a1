"""The Return/Refund export reader's messages, in English and Chinese (``tkops/locale/sources_returns.toml``),
merged into the lookup of :mod:`tkops.messages`.
"""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("sources_returns")
