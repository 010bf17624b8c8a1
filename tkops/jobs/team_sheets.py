"""The team's settings-like sheets (Rules, SLA, Holidays, Reasons, Resolutions, CauseActions, FollowUpDays,
CaseKeywords) as a job reads them: the sheet's rows, or, when the team has none, its default rows
(:mod:`tkops.jobs.new_book`) written in its place first, so the team sees the table the job used and can edit it.

What counts as "none" is the job's: most sheets are missing or hold a header only (:func:`no_rows`); the SLA sheet
holds no value below its header (:func:`no_values`); the Holidays sheet is missing (:func:`missing`: a header alone is
the team's "no holidays").
"""

from __future__ import annotations

from typing import Any, Callable

from tkops.book.layout import SheetSpec
from tkops.book.protocol import Book
from tkops.jobs.new_book import starting_frame

Rows = list[list[Any]]


def missing(rows: Rows | None) -> bool:
    """Whether the sheet is missing."""
    return rows is None


def no_rows(rows: Rows | None) -> bool:
    """Whether the sheet is missing, empty or holds a header only."""
    return not rows or len(rows) < 2


def no_values(rows: Rows | None) -> bool:
    """Whether the sheet holds no value below its header (missing, header only, or blank rows)."""
    return not rows or not any(any(v not in (None, "") for v in row) for row in rows[1:])


def rows_or_defaults(book: Book, spec: SheetSpec, empty: Callable[[Rows | None], bool] = no_rows) -> Rows | None:
    """The rows (header first) of the team sheet ``spec``; when ``empty(rows)`` (default :func:`no_rows`), None
    after its default rows (:func:`tkops.jobs.new_book.starting_frame`) are written as the sheet: the job then uses
    its built-in table, which those rows are."""
    rows = book.read_rows(spec.name)
    if not empty(rows):
        return rows
    book.write_table(spec, starting_frame(spec))
    return None
