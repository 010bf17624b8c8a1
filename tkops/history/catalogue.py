"""History's sentences for the team, in English and Chinese (``tkops/locale/history.toml``, merged into the lookup
of :mod:`tkops.messages`)."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("history")
