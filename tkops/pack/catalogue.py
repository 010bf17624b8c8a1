"""The pack station's words, in English and Chinese (``tkops/locale/pack.toml``, merged into the lookup of
:mod:`tkops.messages`): one sentence per verdict (``pack.<code>``, parameters of :meth:`tkops.pack.Verdict.params`)
and the job's summary."""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("pack")
