"""The SOP clocks: pure functions on DataFrames; no file or workbook I/O.

``clocks(lines, team, sla, now)`` gives every order line its due times (review, print and pick, pack, dispatch
deadline, auto-cancel, deliver-by, cancellation request) and a state per clock (ok / due soon / late / done) plus
the next deadline, the row's state and where the platform deadlines come from (the Open API's own times, else
computed); ``clock_counts`` counts them for the Home sheet; ``unscanned`` lists uploaded tracking the carrier has
not scanned; ``kpis`` measures any period. The SLA sheet (:mod:`tkops.clocks.sla`) and the Holidays sheet hold every
number; business days come from :mod:`tkops.clocks.calendar`; docs/sla.md says where each rule comes from and why
a clock never promises a day TikTok does not give.
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
                              PLATFORM_CLOCKS,
                              SOURCE_COLUMN,
                              STATE_COLUMNS,
                              STATES,
                              clock_counts,
                              clocks,
                              notes,
)
from tkops.clocks.watch import WATCH_COLUMNS, unscanned

__all__ = ["clocks", "clock_counts", "notes", "unscanned", "kpis", "kpi_rows", "SlaTable", "MarketSla",
           "sla_sheet_rows", "holiday_sheet_rows", "SLA_SHEET_HEADERS", "HOLIDAY_SHEET_HEADERS", "CLOCK_COLUMNS",
           "CLOCKS", "PLATFORM_CLOCKS", "SOURCE_COLUMN", "DUE_COLUMNS", "STATE_COLUMNS", "STATES", "COLOURS",
           "WATCH_COLUMNS", "KPI_KEYS", "CATALOGUE", "SlaConfigError", "explain", "business_deadline",
           "add_business_days", "is_business_day", "days_off"]
