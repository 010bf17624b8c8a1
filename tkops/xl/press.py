"""How a button runs (:func:`press`): the calling workbook wrapped in the live backend, the Settings sheet read, the
job called inside :func:`tkops.book.live_ui.button_run` (its message box, the status and last-run cells)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tkops.book.live import LiveBook
from tkops.book.live_ui import SUMMARY_NAME, button_run, show
from tkops.errors import ConfigError
from tkops.messages import render
from tkops.settings import Settings

if TYPE_CHECKING:  # xlwings is imported when Excel calls, never at import time
    from xlwings import Book as ExcelBook


def caller():
    """The workbook whose button called Python (xlwings' ``Book.caller()``)."""
    import xlwings as xw  # imported here: the batch commands run on machines without Excel

    return xw.Book.caller()


def press(book: ExcelBook | None, task: str, job) -> None:
    """Run a button's ``job(book, live, settings) -> lines`` inside the caller's workbook: the first line goes to
    the status cell, all of them to the last-run summary; errors become messages (see live_ui.button_run)."""
    book = book or caller()
    live = LiveBook(book)
    settings, problem = read_settings(live)
    with button_run(book, render(task, settings.lang), settings.lang):
        if problem:
            raise problem
        lines = job(book, live, settings)
        show(book, lines[0] if lines else "")
        show(book, "\n".join(lines), SUMMARY_NAME)


def read_settings(live: LiveBook) -> tuple[Settings, ConfigError | None]:
    """The Settings sheet's settings, or the defaults and the problem to show once the run has its message box."""
    try:
        rows = live.read_rows("Settings")
        return (Settings.from_sheet_rows(rows) if rows else Settings()), None
    except ConfigError as err:
        return Settings(), err
