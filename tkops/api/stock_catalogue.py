"""The sentences of ``tkops push-stock`` (stock back to the shop), in English and Chinese
(``tkops/locale/api_stock.toml``), merged into the one lookup of :mod:`tkops.messages` (listed in its section
catalogues). Each held-back SKU says why and what to do."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("api_stock")
