"""After-sales (issue 6): the case log, causes, suggested resolutions, replies and summaries.

Pure functions on DataFrames; reading exports and writing workbooks happen at the edges.
"""

from tkops.aftersales.returns_export import cancellation_cases, read_returns
from tkops.aftersales.schema import CASE_COLUMNS, CASE_SHEET_COLUMNS, CASE_TEAM_COLUMNS, case_keys, empty_cases

__all__ = ["read_returns", "cancellation_cases", "CASE_COLUMNS", "CASE_TEAM_COLUMNS", "CASE_SHEET_COLUMNS",
           "case_keys", "empty_cases"]
