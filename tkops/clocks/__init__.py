"""The SOP clocks: pure functions on DataFrames; no file or workbook I/O.

``clocks(lines, team, sla, now)`` gives every order line its due times (review, print and pick, pack, dispatch
deadline, auto-cancel) and a state per clock (ok / due soon / late / done) plus the next deadline and the row's
state; ``clock_counts`` counts them for the Home sheet; ``unscanned`` lists uploaded tracking the carrier has not
scanned; ``kpis`` measures any period. The SLA sheet (:mod:`tkops.clocks.sla`) and the Holidays sheet hold every
number; business days come from :mod:`tkops.clocks.calendar`.
"""

from __future__ import annotations

from tkops.clocks.calendar import (
                              add_business_days,
                              business_deadline,
                              days_off,
                              is_business_day,
)
from tkops.clocks.catalogue import CATALOGUE, SlaConfigError, explain
from tkops.clocks.kpi import KPI_KEYS, kpi_rows, kpis
from tkops.clocks.sla import (
                              HOLIDAY_SHEET_HEADERS,
                              SLA_SHEET_HEADERS,
                              MarketSla,
                              SlaTable,
                              holiday_sheet_rows,
                              sla_sheet_rows,
)
from tkops.clocks.states import (
                              CLOCK_COLUMNS,
                              CLOCKS,
                              COLOURS,
                              DUE_COLUMNS,
                              STATE_COLUMNS,
                              STATES,
                              clock_counts,
                              clocks,
                              notes,
)
from tkops.clocks.watch import WATCH_COLUMNS, unscanned

__all__ = ["clocks", "clock_counts", "notes", "unscanned", "kpis", "kpi_rows", "SlaTable", "MarketSla",
           "sla_sheet_rows", "holiday_sheet_rows", "SLA_SHEET_HEADERS", "HOLIDAY_SHEET_HEADERS", "CLOCK_COLUMNS",
           "CLOCKS", "DUE_COLUMNS", "STATE_COLUMNS", "STATES", "COLOURS", "WATCH_COLUMNS", "KPI_KEYS", "CATALOGUE",
           "SlaConfigError", "explain", "business_deadline", "add_business_days", "is_business_day", "days_off"]
