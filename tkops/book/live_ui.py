"""What a button run shows in Excel: progress in the status bar, the outcome in the Home sheet's status cell,
an alert in the team's language when something went wrong, and the details in a log file beside the workbook.
Never a traceback in a message box.
"""

from __future__ import annotations

import logging
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from tkops.errors import TkopsError
from tkops.messages import render

if TYPE_CHECKING:  # xlwings is imported when Excel calls, never at import time
    from xlwings import Book as ExcelBook

STATUS_NAME = "tkops_status"
SUMMARY_NAME = "tkops_summary"
CLOCKS_NAME = "tkops_clocks"
REORDER_NAME = "tkops_reorder"
LOG_FILE = "tkops.log"


def _named_cell(book: ExcelBook, name: str):
    try:
        return book.names[name].refers_to_range
    except (KeyError, AttributeError, Exception):  # a workbook without the name (not built by tkops)
        return None


def show(book: ExcelBook, text: str, name: str = STATUS_NAME) -> None:
    """Put ``text`` in the named cell (status or summary), if the workbook has it."""
    cell = _named_cell(book, name)
    if cell is not None:
        cell.value = text


def logger_for(book: ExcelBook) -> logging.Logger:
    """A logger writing to tkops.log beside the workbook (details a person can send to whoever helps them)."""
    log = logging.getLogger("tkops.live")
    folder = Path(book.fullname).parent
    target = str(folder / LOG_FILE)
    if not any(getattr(h, "baseFilename", None) == target for h in log.handlers):
        handler = logging.FileHandler(target, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


@contextmanager
def button_run(book: ExcelBook, task: str, lang: str = "en") -> Iterator[None]:
    """Run a button's job: status bar while it runs; errors shown briefly and logged in full."""
    app = book.app
    log = logger_for(book)
    app.status_bar = render("running", lang, task=task)
    show(book, render("running", lang, task=task))
    try:
        yield
    except TkopsError as err:
        message = err.render(lang)
        log.error("%s: %s", task, err.render("en"))
        show(book, message)
        app.alert(message, title="tkops")
    except Exception as err:  # the one place an unexpected error is turned into a message, not a traceback box
        log.error("%s failed:\n%s", task, traceback.format_exc())
        message = render("unexpected", lang, task=task, kind=type(err).__name__, log=LOG_FILE)
        show(book, message)
        app.alert(message, title="tkops")
    finally:
        app.status_bar = False
