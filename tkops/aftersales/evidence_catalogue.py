"""The dispute evidence pack's sentences and labels, in English and Chinese (``tkops/locale/aftersales_evidence.toml``),
merged into the lookup of :mod:`tkops.messages`; and :class:`EvidenceError`, which renders from here until then.
"""

from __future__ import annotations

from tkops.errors import DataError
from tkops.locale_files import catalogue
from tkops.message_lookup import text_of

CATALOGUE = catalogue("aftersales_evidence")


def label(code: str, lang: str = "en", **params) -> str:
    """The text of ``code`` in ``lang`` (en or zh; anything else is English), filled with ``params``."""
    return text_of(CATALOGUE, code, lang, {k: str(v) for k, v in params.items()})


class EvidenceError(DataError):
    """A problem making an evidence pack (no folder, no case, an unreadable file, a failed write)."""

    def render(self, lang: str = "en") -> str:
        if self.code in CATALOGUE:
            return label(self.code, lang, **self.params)
        return super().render(lang)
