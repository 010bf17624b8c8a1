"""What a new workbook holds: the default rows of the settings and rule sheets, handed to the book layer.

The book layer (:mod:`tkops.book`) lays sheets out and writes them but decides no business rule, so it does not know
the default review rules, SLA figures, holidays, carriers, reasons, resolutions, cause actions, follow-up days or
case keywords: those are the cores'. This module gathers them. :func:`default_rows` is what a
:class:`~tkops.book.FileBook` (or its :class:`~tkops.book.session.BookSession`) is given as ``defaults`` by the
edges and jobs that may create a workbook; :func:`starting_frame` is the same for one sheet.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from tkops.aftersales.actions import ActionTable
from tkops.aftersales.classify import case_keywords_sheet_rows
from tkops.aftersales.followup import followup_days_sheet_rows
from tkops.aftersales.reasons import reasons_sheet_rows
from tkops.aftersales.resolutions_table import resolutions_sheet_rows
from tkops.book import layout
from tkops.book.layout import SheetSpec
from tkops.clocks.sla import holiday_sheet_rows, sla_sheet_rows
from tkops.review.config import rules_sheet_rows
from tkops.settings import Settings, sheet_rows
from tkops.shipping.carriers import carriers_sheet_rows

Rows = list[list[Any]]

#: Sheet name -> its rows (header first) in a new workbook, in the team's language.
DEFAULTS: dict[str, Callable[[str], Rows]] = {
    layout.SETTINGS.name: lambda language: sheet_rows(Settings(language=language)),
    layout.RULES.name: lambda _language: rules_sheet_rows(),
    layout.SLA.name: lambda _language: sla_sheet_rows(),
    layout.HOLIDAYS.name: lambda _language: holiday_sheet_rows(),
    layout.CARRIERS.name: lambda _language: carriers_sheet_rows(),
    layout.REASONS.name: lambda _language: reasons_sheet_rows(),
    layout.RESOLUTIONS.name: lambda _language: resolutions_sheet_rows(),
    layout.CAUSE_ACTIONS.name: lambda _language: ActionTable().sheet_rows(),
    layout.FOLLOWUP_DAYS.name: lambda _language: followup_days_sheet_rows(),
    layout.CASE_KEYWORDS.name: lambda _language: case_keywords_sheet_rows(),
}


def default_rows(sheet: str, language: str = "en") -> Rows | None:
    """The rows (header first) sheet ``sheet`` starts with in a new workbook; None for a sheet that starts empty."""
    rows = DEFAULTS.get(sheet)
    return rows(language) if rows else None


def starting_frame(spec: SheetSpec, language: str = "en") -> pd.DataFrame:
    """What sheet ``spec`` holds in a new workbook: its default rows, or its headers only."""
    return layout.starting_frame(spec, language, default_rows)
