"""History: the closed order lines beyond the working set, in a columnar store beside the book.

- :mod:`tkops.history.store`: the store itself (immutable Parquet parts in a folder beside the workbook).
- :mod:`tkops.history.closed`: which lines are closed and old enough to leave the Orders sheet (pure).
- :mod:`tkops.history.columns`: sheet values <-> typed Arrow columns, and back to canonical lines.
- :mod:`tkops.history.mark`: the hidden sheet that tells a book has history, so a copy without it is noticed.

The jobs reach history through :mod:`tkops.jobs.lines` (reading) and :mod:`tkops.jobs.archive` (moving lines).
"""

from tkops.history.store import LINE_KEY, RUN, ARCHIVED_AT, HistoryStore, store_folder

__all__ = ["HistoryStore", "store_folder", "LINE_KEY", "RUN", "ARCHIVED_AT"]
