"""The sentences about workbooks: opening, locking, saving, backups, sheets the team renamed or damaged
(``tkops/locale/messages_book.toml``).

Looked up through :func:`tkops.messages.render` like every section catalogue (one lookup, strict under tests).
"""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("messages_book")
