"""The hidden sheet "tkops History": what the book knows of its history store, so that a book copied without its
store is noticed (loudly) instead of silently reading as if it had no history.

Two columns, Item and Value: Store (the folder's name), Lines (lines archived from this book), Runs, Last Run and
Last Archived At. Deleting the sheet makes tkops forget that the book has history (the store is left as it is).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.errors import ConfigError
from tkops.history.store import HistoryStore
from tkops.schema import Kind

MARK = SheetSpec("tkops History", "tkopsHistory", (ColumnSpec("Item", Kind.TEXT, 18), ColumnSpec("Value", Kind.TEXT, 40)),
                 style="Table Style Light 9", state="hidden")


@dataclass(frozen=True)
class Mark:
    """What the book says about its history."""

    store: str = ""
    lines: int = 0
    runs: int = 0
    last_run: str = ""
    last_at: str = ""

    @staticmethod
    def from_rows(rows: list[list] | None) -> "Mark":
        """The mark from the sheet's rows (header first); an empty mark without the sheet."""
        values = {}
        for row in (rows or [])[1:]:
            if row and len(row) > 1 and row[0] not in (None, ""):
                values[str(row[0]).strip().casefold()] = row[1]

        def number(name: str) -> int:
            try:
                return int(float(values.get(name) or 0))
            except (TypeError, ValueError):
                return 0

        return Mark(str(values.get("store") or ""), number("lines"), number("runs"), str(values.get("last run") or ""),
                    str(values.get("last archived at") or ""))

    def frame(self) -> pd.DataFrame:
        """The sheet's table."""
        return pd.DataFrame({"Item": ["Store", "Lines", "Runs", "Last Run", "Last Archived At"],
                             "Value": [self.store, str(self.lines), str(self.runs), self.last_run, self.last_at]})


def check_store(book_name: str, mark: Mark, store: HistoryStore) -> None:
    """Refuse (exit 1) when the book has archived lines but the store beside it is missing or holds fewer lines:
    the book was copied or moved without its history folder."""
    if mark.lines <= 0:
        return
    held = store.rows()
    if held >= mark.lines:
        return
    code = "history.missing" if held == 0 else "history.short"
    raise ConfigError(code, book=book_name, folder=Path(store.folder).name, lines=f"{mark.lines:,}", held=f"{held:,}")
