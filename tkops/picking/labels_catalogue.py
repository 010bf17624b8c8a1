"""The barcode labels' words, in English and Chinese (``tkops/locale/picking_labels.toml``, merged into the lookup
of :mod:`tkops.messages`): what is printed on a label beside the bars, the labels left out and why, and the report of
``tkops labels``."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("picking_labels")
