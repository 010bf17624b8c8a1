"""The month-end job: export files (and optionally the team's workbook, read only) in, a report workbook with charts
and an HTML summary out. :mod:`.run` computes, :mod:`.inputs` reads, :mod:`.report` and :mod:`.html` write."""

from tkops.jobs.month_end.run import (
    MonthEndReport,
    classify,
    month_end_figures,
    parse_month,
    run_month_end,
)

__all__ = ["MonthEndReport", "classify", "month_end_figures", "parse_month", "run_month_end"]
