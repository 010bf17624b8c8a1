"""The Orders and AfterSales sheets as the jobs see them: read once, typed once, written back once.

A job reads a sheet with :func:`read_orders` / :func:`read_cases` and gets a view: the sheet frame as read (display
headers, row i is sheet row i + 2, team columns kept) and, on first use, its platform columns typed under canonical
keys (:func:`tkops.merge.typed`). The job hands its changed frame back to :func:`write_orders` /
:func:`write_cases`, which lay the sheet out (:func:`tkops.jobs.orders_sheet.orders_spec`, ``AFTERSALES`` with the
team's extra columns) and write only when something changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence

import pandas as pd

from tkops import case_schema as C
from tkops.book.layout import AFTERSALES
from tkops.book.protocol import Book, ReadBook
from tkops.jobs.lines import order_lines
from tkops.jobs.orders_sheet import orders_frame, orders_spec
from tkops.merge import sheet_frame, typed
from tkops.statuses import canonical_statuses


@dataclass
class OrdersView:
    """The Orders sheet a step read: ``sheet`` as read, ``headers`` its columns at reading (a step may add columns
    to ``sheet``), ``columns`` the headers it asked for (None: the whole sheet)."""

    sheet: pd.DataFrame
    columns: tuple[str, ...] | None = None
    headers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.headers:
            self.headers = [str(h) for h in self.sheet.columns]

    @cached_property
    def lines(self) -> pd.DataFrame:
        """The sheet's platform columns typed under canonical keys (computed once; a step may add columns)."""
        return typed(self.sheet)

    def with_team(self, headers: dict[str, str]) -> pd.DataFrame:
        """:attr:`lines` with the team columns ``headers`` (key -> sheet header) the sheet has, as they are."""
        lines = self.lines
        for key, header in headers.items():
            if header in self.sheet.columns:
                lines[key] = self.sheet[header]
        return lines

    def with_sheet(self, sheet: pd.DataFrame) -> OrdersView:
        """A view of ``sheet``, the step's new copy of this sheet (rows in place, columns perhaps added), as if
        read so: its lines are typed afresh."""
        return OrdersView(sheet, self.columns)


def read_orders(book: ReadBook, columns: Sequence[str] | None = None) -> OrdersView:
    """The book's Orders sheet (:func:`tkops.jobs.orders_sheet.orders_frame`: DataError ``no_sheet`` /
    ``no_orders`` when there is nothing to work on). ``columns``: the headers the step needs (the live backend
    reads only those, and :func:`write_orders` then writes back only the columns of the frame it is given)."""
    return OrdersView(orders_frame(book, columns), None if columns is None else tuple(columns))


def write_orders(book: Book, view: OrdersView, frame: pd.DataFrame | None = None, changed: bool = True) -> bool:
    """Write ``frame`` (default: ``view.sheet``, as the step changed it) back to the Orders sheet, laid out for the
    headers the sheet had (columns it lacks are added at the right); nothing when ``changed`` is false. When the
    view was read for some columns, or ``frame`` holds only some of the sheet's columns (the ones the step
    changed), only the frame's columns are written: the others stay as they are. True when written."""
    if not changed:
        return False
    frame = view.sheet if frame is None else frame
    spec = orders_spec(view.headers, frame)
    some = view.columns is not None or not set(view.headers) <= set(frame.columns)
    book.write_table(spec, frame.reindex(columns=[h for h in spec.headers if h in frame.columns] if some
                                         else spec.headers))
    return True


@dataclass
class CasesView:
    """The AfterSales sheet a step read: ``sheet`` as read (empty when the book has no case), ``name`` the
    workbook's file name (for messages)."""

    sheet: pd.DataFrame
    name: str

    @property
    def empty(self) -> bool:
        """Whether the sheet holds no case."""
        return self.sheet.empty

    @cached_property
    def cases(self) -> pd.DataFrame:
        """Every case column of the sheet (platform, suggestion, team: :data:`tkops.case_schema.CASE_SHEET_COLUMNS`)
        typed under case keys (computed once)."""
        return typed_cases(self.sheet, C.CASE_SHEET_COLUMNS)


def read_cases(book: ReadBook) -> CasesView:
    """The book's AfterSales sheet; an empty view when the sheet is missing or holds no case."""
    name = Path(getattr(book, "path", "workbook")).name
    return CasesView(sheet_frame(book.read_rows(AFTERSALES.name), AFTERSALES.name, name, id_header="Case ID"), name)


def typed_cases(sheet: pd.DataFrame, columns: tuple = C.CASE_COLUMNS) -> pd.DataFrame:
    """Rows of the AfterSales sheet frame typed under case keys: the platform's ``columns`` by default."""
    return typed(sheet, columns, sheet=AFTERSALES.name)


def write_cases(book: Book, frame: pd.DataFrame, changed: bool = True) -> bool:
    """Write ``frame`` (display headers, the team's extra columns kept) as the AfterSales sheet; nothing when
    ``changed`` is false. True when written."""
    if not changed:
        return False
    book.write_table(AFTERSALES.with_extra(list(frame.columns)), frame)
    return True


def case_lines(book: ReadBook, archived) -> pd.DataFrame:
    """Orders + the history of the ``archived`` Order IDs (:func:`tkops.jobs.lines.order_lines`), statuses
    canonical, as the after-sales steps match cases to orders; an empty frame when there is no line."""
    lines = order_lines(book, archived=archived)
    if lines.empty or "order_status" not in lines:
        return pd.DataFrame()
    lines["order_status"] = canonical_statuses(lines["order_status"].fillna(""))
    return lines
