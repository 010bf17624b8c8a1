"""After-sales: the case log, causes, suggested resolutions, replies and summaries.

Pure functions on DataFrames; the Return/Refund export is read by :mod:`tkops.sources.returns_export`, and
workbooks are read and written by the jobs.
"""

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.classify import (
                                       CASE_KEYWORDS_SHEET_HEADERS,
                                       case_keywords_from_sheet_rows,
                                       case_keywords_sheet_rows,
                                       classify_text,
                                       default_case_keywords,
)
from tkops.aftersales.reasons import (
                                       CASE_TYPES,
                                       CAUSES,
                                       OWNERS,
                                       REASONS_SHEET_HEADERS,
                                       ReasonMap,
                                       classify_reasons,
                                       default_reason_map,
                                       reasons_sheet_rows,
)
from tkops.case_schema import (
                                       CASE_COLUMNS,
                                       CASE_SHEET_COLUMNS,
                                       CASE_TEAM_COLUMNS,
                                       case_keys,
                                       empty_cases,
)

__all__ = ["CASE_COLUMNS", "CASE_TEAM_COLUMNS", "CASE_SHEET_COLUMNS",
           "case_keys", "empty_cases", "classify_reasons", "ReasonMap", "default_reason_map", "reasons_sheet_rows",
           "REASONS_SHEET_HEADERS", "CASE_TYPES", "CAUSES", "OWNERS", "classify_text", "default_case_keywords",
           "case_keywords_from_sheet_rows", "case_keywords_sheet_rows", "CASE_KEYWORDS_SHEET_HEADERS",
           "AfterSalesConfigError"]
