"""The sentences of the steps' reports: what each job did, counted, in the team's language
(``tkops/locale/messages_reports.toml``).

Looked up through :func:`tkops.messages.render` like every section catalogue (one lookup, strict under tests).
"""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("messages_reports")
