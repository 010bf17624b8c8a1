"""The suggestion columns of the AfterSales sheet: the sheet's cases through :func:`resolutions.suggest`, with the
team's Resolutions table, the cost rows of the Settings sheet and the Inventory's unit costs.

The sheet frame has display headers (as read); the decision table works on case keys. Suggested Resolution, Est.
Cost, Why and Due State are rewritten on every run; Due is the platform's time and is only filled where blank.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops import case_schema as C
from tkops.aftersales.case_costs import CaseCosts
from tkops.aftersales.resolutions import suggest
from tkops.aftersales.resolutions_table import resolution_rules
from tkops.book.layout import RESOLUTIONS
from tkops.book.protocol import Book
from tkops.jobs.sheets import typed_cases
from tkops.jobs.team_sheets import rows_or_defaults
from tkops.merge import fill_blank, is_blank, rows_frame
from tkops.messages import render
from tkops.settings import Settings

#: Team columns the decision table reads besides the platform's (a tick, the team's progress).
TEAM_INPUTS = {"Status": "status", "Buyer Insists": "Buyer Insists", "Last Scan": "Last Scan",
               "Tracking Status": "Tracking Status"}


def suggest_sheet(sheet: pd.DataFrame, book: Book, lines: pd.DataFrame, settings: Settings, now: dt.datetime
                  ) -> pd.DataFrame:
    """``sheet`` (the AfterSales frame, display headers) with its suggestion columns and Due filled."""
    table = resolution_rules(rows_or_defaults(book, RESOLUTIONS))
    costs = CaseCosts.from_rows(book.read_rows("Settings"))
    cases = typed_cases(sheet)
    for header, key in TEAM_INPUTS.items():
        if header in sheet:
            cases[key] = sheet[header]
    found = suggest(cases, lines if len(lines) else None, _inventory(book.read_rows("Inventory")), costs, table, now,
                    zone=settings.effective_time_zone(), lang=settings.lang)
    out = sheet.copy()
    out["Suggested Resolution"] = found["suggested_resolution"].replace("", None)
    out["Est. Cost"] = found["est_cost"].astype(object).where(found["est_cost"].notna(), None)
    out["Why"] = found["why"].replace("", None)
    out["Due State"] = found["due_state"].replace("", None)
    blank = is_blank(out["Due"]) if "Due" in out else pd.Series(True, index=out.index)
    out["Due"] = fill_blank(out, "Due", found["due"].astype(object).where(found["due"].notna(), None))
    # A cancelled order is done on the platform's side: nothing to resolve, its cause still counts in the summary.
    cancelled = sheet.get("Return Type", pd.Series(None, index=sheet.index)).eq(C.CANCEL_TYPE)
    for header in ("Suggested Resolution", "Est. Cost", "Due State"):
        out[header] = out[header].where(~cancelled, None)
    out["Why"] = out["Why"].where(~cancelled, render("cases_cancelled_why", settings.lang))
    out["Due"] = out["Due"].where(~cancelled | ~blank, None)
    return out


def _inventory(rows) -> pd.DataFrame | None:
    frame = rows_frame(rows)
    return frame if len(frame) else None
