"""The workbook's buttons: each a few lines, ``Book.caller()`` -> live backend -> the same core function the
``tkops`` command runs. Called from VBA with ``RunPython "import tkops.xl; tkops.xl.import_orders()"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tkops.book.live import LiveBook
from tkops.book.live_ui import CLOCKS_NAME, SUMMARY_NAME, button_run, show
from tkops.errors import ConfigError
from tkops.jobs.import_orders import import_files
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources import mapping

if TYPE_CHECKING:  # xlwings is imported when Excel calls, never at import time
    from xlwings import Book as ExcelBook

IMPORTABLE = ("*.csv", "*.xlsx", "*.xls")


def _caller():
    import xlwings as xw  # imported here: the batch commands run on machines without Excel

    return xw.Book.caller()


def import_orders(book: ExcelBook | None = None) -> None:
    """Button "Import orders": every export in the Settings' Import Folder, or the files the person picks."""
    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_to_import(book, settings)
        mappings = mapping.from_sheet_rows(live.read_rows("Mappings") or [])
        report = import_files(files, live, settings, mappings, progress=_status_bar(book, settings.lang))
        done = render("import_done", settings.lang, files=len(report.files),
                      new=sum(f.counts.new for f in report.files), updated=sum(f.counts.updated for f in report.files),
                      failed=len(report.failed))
        return [done] + report.messages(settings.lang)

    _press(book, "task_import", job)


def review(book: ExcelBook | None = None) -> None:
    """Button "Review orders": the same review as ``tkops review`` on the open workbook."""
    from tkops.jobs.review import run_review

    _press(book, "task_review", lambda book, live, settings: run_review(live, settings).lines)


def pick_list(book: ExcelBook | None = None) -> None:
    """Button "Pick list": the same as ``tkops picklist``; the files go to the Output Folder."""
    from tkops.jobs.picklist import run_picklist

    _press(book, "task_picklist", lambda book, live, settings: run_picklist(live, settings).lines(settings.lang))


def packing_slips(book: ExcelBook | None = None) -> None:
    """Button "Packing slips": the same as ``tkops slips``; the files go to the Output Folder."""
    from tkops.jobs.slips import run_slips

    _press(book, "task_slips", lambda book, live, settings: run_slips(live, settings).lines(settings.lang))


def ship(book: ExcelBook | None = None) -> None:
    """Button "Ship": the same as ``tkops ship``: tracking numbers from the files in the Tracking Folder first (a file
    read again changes nothing), then the checks and the upload file in the Output Folder."""
    from tkops.jobs.ship import run_ship

    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_in(book, settings.tracking_folder) if settings.tracking_folder else []
        mappings = mapping.from_sheet_rows(live.read_rows("Mappings") or []) if files else []
        return run_ship(live, settings, tracking_files=files, mappings=mappings).lines(settings.lang)

    _press(book, "task_ship", job)


def clocks(book: ExcelBook | None = None) -> None:
    """Button "Deadlines": the same as ``tkops clocks``; the counts also go to the Home sheet's clocks cell."""
    from tkops.jobs.clocks import run_clocks

    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        report = run_clocks(live, settings)
        show(book, report.home_text(settings.lang), CLOCKS_NAME)
        return report.lines(settings.lang)

    _press(book, "task_clocks", job)


def cases(book: ExcelBook | None = None) -> None:
    """Button "Cases": the same as ``tkops cases`` with every export in the Returns Folder (a file read again changes
    nothing)."""
    from tkops.jobs.cases import run_cases

    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_in(book, settings.returns_folder) if settings.returns_folder else []
        return run_cases(live, settings, files).lines(settings.lang)

    _press(book, "task_cases", job)


def replies(book: ExcelBook | None = None) -> None:
    """Button "Replies": the same as ``tkops replies``."""
    from tkops.jobs.replies import run_replies

    _press(book, "task_replies", lambda book, live, settings: run_replies(live, settings).lines(settings.lang))


def followup(book: ExcelBook | None = None) -> None:
    """Button "Follow-up": the same as ``tkops followup``."""
    from tkops.jobs.replies import run_followup

    _press(book, "task_followup", lambda book, live, settings: run_followup(live, settings).lines(settings.lang))


def summary(book: ExcelBook | None = None) -> None:
    """Button "Summary": the same as ``tkops summary``; the chart workbook goes to the Output Folder."""
    from tkops.jobs.summary import run_summary

    _press(book, "task_summary", lambda book, live, settings: run_summary(live, settings).lines(settings.lang))


def pull(book: ExcelBook | None = None) -> None:
    """Button "Pull from TikTok": the same as ``tkops pull``."""
    from tkops.jobs.pull import run_pull

    _press(book, "task_pull", lambda book, live, settings: run_pull(live, settings).lines(settings.lang))


def upload_tracking(book: ExcelBook | None = None) -> None:
    """Button "Upload tracking": the same as ``tkops push-tracking``."""
    from tkops.jobs.push import run_push_tracking

    _press(book, "task_push", lambda book, live, settings: run_push_tracking(live, settings).lines(settings.lang))


def _press(book: ExcelBook, task: str, job) -> None:
    """Run a button's ``job(book, live, settings) -> lines`` inside the caller's workbook: the first line goes to
    the status cell, all of them to the last-run summary; errors become messages (see live_ui.button_run)."""
    book = book or _caller()
    live = LiveBook(book)
    settings, problem = _settings(live)
    with button_run(book, render(task, settings.lang), settings.lang):
        if problem:
            raise problem
        lines = job(book, live, settings)
        show(book, lines[0] if lines else "")
        show(book, "\n".join(lines), SUMMARY_NAME)


def _status_bar(book: ExcelBook, lang: str):
    """A progress callback writing "tkops: importing orders 2/5 file.csv" to Excel's status bar (one call a file)."""
    task = render("task_import", lang)

    def show_progress(done: int, total: int, name: str) -> None:
        book.app.status_bar = f"tkops: {task} {done}/{total} {name}"

    return show_progress


def _settings(live: LiveBook) -> tuple[Settings, ConfigError | None]:
    """The Settings sheet's settings, or the defaults and the problem to show once the run has its message box."""
    try:
        rows = live.read_rows("Settings")
        return (Settings.from_sheet_rows(rows) if rows else Settings()), None
    except ConfigError as err:
        return Settings(), err


def _files_in(book: ExcelBook, folder_setting: str) -> list[Path]:
    """The exports in a folder setting (relative to the workbook's folder), Excel's lock files left out."""
    folder = Path(folder_setting)
    if not folder.is_absolute():
        folder = Path(book.fullname).parent / folder
    return sorted({p for pattern in IMPORTABLE for p in folder.glob(pattern) if not p.name.startswith("~$")})


def _files_to_import(book: ExcelBook, settings: Settings) -> list[Path]:
    if settings.import_folder:
        files = _files_in(book, settings.import_folder)
        if files:
            return files
    try:  # Excel's own file dialog (Windows); elsewhere the Import Folder setting is the way
        picked = book.app.api.GetOpenFilename("Exports (*.csv;*.xlsx),*.csv;*.xlsx", None, "tkops", None, True)
    except AttributeError:
        picked = None
    if not picked:
        raise ConfigError("no_import_folder")
    return [Path(p) for p in (picked if isinstance(picked, (list, tuple)) else [picked])]
