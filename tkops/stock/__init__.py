"""Stock: the Inventory sheet's rows from the team's stock files (pure functions; the readers are in
:mod:`tkops.sources.stock`, the job in :mod:`tkops.jobs.stock`)."""

from tkops.stock.upsert import StockCounts, combine, upsert_stock

__all__ = ["StockCounts", "combine", "upsert_stock"]
