"""The workbook's buttons: each a few lines, ``Book.caller()`` -> live backend -> the same core function the
``tkops`` command runs. Called from VBA with ``RunPython "import tkops.xl; tkops.xl.import_orders()"``: every button's
function is an attribute of this package (the Open API buttons are in :mod:`tkops.xl.shop_api`, how a button runs
in :mod:`tkops.xl.press`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from tkops.book.live import LiveBook
from tkops.book.live_ui import CLOCKS_NAME, REORDER_NAME, button_run, show
from tkops.cells.text import scalar_text
from tkops.errors import ConfigError
from tkops.jobs.import_orders import import_files
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources import mapping
from tkops.sources.returns_export import is_returns_export
from tkops.xl.press import caller, press, read_settings
from tkops.xl.shop_api import pull, push_stock, upload_tracking  # noqa: F401 - the Open API buttons

if TYPE_CHECKING:  # xlwings is imported when Excel calls, never at import time
    from xlwings import Book as ExcelBook

IMPORTABLE = ("*.csv", "*.xlsx", "*.xls")


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

    press(book, "task_import", job)


def stock(book=None) -> None:
    """Button "Stock": every stock file in the Settings' Stock Folder, or the files the person picks, into the
    Inventory sheet (the same as ``tkops stock``)."""
    from tkops.jobs.stock import run_stock

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_or_picked(book, settings.stock_folder, "stock.no_files")
        return run_stock(files, live, settings, mapping.stock_mappings(live.read_rows("Mappings") or [])
                         ).lines(settings.lang)

    press(book, "task_stock", job)


def review(book=None) -> None:
    """Button "Review orders": the same review as ``tkops review`` on the open workbook."""
    from tkops.jobs.review import run_review

    press(book, "task_review", lambda book, live, settings: run_review(live, settings).lines)


def pick_list(book: ExcelBook | None = None) -> None:
    """Button "Pick list": the same as ``tkops picklist``; the files go to the Output Folder."""
    from tkops.jobs.picklist import run_picklist

    press(book, "task_picklist", lambda book, live, settings: run_picklist(live, settings).lines(settings.lang))


def packing_slips(book: ExcelBook | None = None) -> None:
    """Button "Packing slips": the same as ``tkops slips``; the files go to the Output Folder."""
    from tkops.jobs.slips import run_slips

    press(book, "task_slips", lambda book, live, settings: run_slips(live, settings).lines(settings.lang))


def barcode_labels(book: ExcelBook | None = None) -> None:
    """Button "Barcode labels": the same as ``tkops labels``: Code 128 labels of the Inventory SKUs without a
    barcode, on A4 sheets and 2 x 1 inch thermal labels, in the Output Folder."""
    from tkops.jobs.barcode_labels import run_barcode_labels

    press(book, "task_labels", lambda book, live, settings: run_barcode_labels(live, settings).lines(settings.lang))


def ship(book: ExcelBook | None = None) -> None:
    """Button "Ship": the same as ``tkops ship``: tracking numbers from the files in the Tracking Folder first (a file
    read again changes nothing), then the checks and the upload file in the Output Folder."""
    from tkops.jobs.ship import run_ship

    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_in(book, settings.tracking_folder) if settings.tracking_folder else []
        mappings = mapping.from_sheet_rows(live.read_rows("Mappings") or []) if files else []
        return run_ship(live, settings, tracking_files=files, mappings=mappings).lines(settings.lang)

    press(book, "task_ship", job)


def clocks(book: ExcelBook | None = None) -> None:
    """Button "Deadlines": the same as ``tkops clocks``; the counts also go to the Home sheet's clocks cell."""
    from tkops.jobs.clocks import run_clocks

    press(book, "task_clocks", _with_home_cell(run_clocks, CLOCKS_NAME))


def reorder(book: ExcelBook | None = None) -> None:
    """Button "Reorder": the same as ``tkops reorder``; the count of SKUs to reorder also goes to the Home sheet's
    reorder cell."""
    from tkops.jobs.reorder import run_reorder

    press(book, "task_reorder", _with_home_cell(run_reorder, REORDER_NAME))


def _with_home_cell(run, cell: str):
    """A button's job running ``run(live, settings)``, whose report's ``home_text`` also goes to the Home sheet's
    ``cell`` (a defined name)."""
    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        report = run(live, settings)
        show(book, report.home_text(settings.lang), cell)
        return report.lines(settings.lang)

    return job


def cases(book: ExcelBook | None = None) -> None:
    """Button "Cases": the same as ``tkops cases`` with every export in the Returns Folder (a file read again changes
    nothing)."""
    from tkops.jobs.cases import run_cases

    def job(book: ExcelBook, live: LiveBook, settings: Settings) -> list[str]:
        files = _files_in(book, settings.returns_folder) if settings.returns_folder else []
        return run_cases(live, settings, files).lines(settings.lang)

    press(book, "task_cases", job)


def replies(book: ExcelBook | None = None) -> None:
    """Button "Replies": the same as ``tkops replies``."""
    from tkops.jobs.replies import run_replies

    press(book, "task_replies", lambda book, live, settings: run_replies(live, settings).lines(settings.lang))


def followup(book: ExcelBook | None = None) -> None:
    """Button "Follow-up": the same as ``tkops followup``."""
    from tkops.jobs.replies import run_followup

    press(book, "task_followup", lambda book, live, settings: run_followup(live, settings).lines(settings.lang))


def summary(book: ExcelBook | None = None) -> None:
    """Button "Summary": the same as ``tkops summary``; the chart workbook goes to the Output Folder."""
    from tkops.jobs.summary import run_summary

    press(book, "task_summary", lambda book, live, settings: run_summary(live, settings).lines(settings.lang))


def evidence(book=None) -> None:
    """Button "Evidence": the dispute evidence pack of the case on the selected row of the AfterSales sheet (the
    same as ``tkops evidence CASE``); the workbook is only read."""
    from tkops.jobs.evidence import run_evidence

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        case_id = selected_case(book, live)
        return run_evidence(live, settings, case_id).lines(settings.lang)

    press(book, "task_evidence", job)


def month_end(book=None) -> None:
    """Button "Month-end": the month-end report (the same as ``tkops month-end``) of the Report Month (blank: the
    month before this one) from the order and Return/Refund exports in the Month-end Folder (blank: the Import and
    Returns Folders), with this workbook's Reasons, costs and cases; the files go to the Output Folder."""
    from tkops.jobs.month_end import run_month_end
    from tkops.output import output_folder

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        month = settings.report_month or _previous_month(settings)
        orders, returns = _month_end_files(book, settings)
        folder = output_folder(Path(book.fullname), settings, None)
        return run_month_end(month, orders, returns, folder, settings, book=Path(book.fullname)).lines(settings.lang)

    press(book, "task_month_end", job)


#: Pack sessions of the open workbooks (by full name): built by the Pack station button or the first scan, kept while
#: Python stays warm between scans (docs/setup.md#pack-station).
_PACKING: dict[str, tuple] = {}


def pack_start(book=None) -> None:
    """Button "Pack station": read the open orders and Inventory once, show the Pack sheet ready for the first
    scan."""
    from tkops.pack.scan import Verdict
    from tkops.pack.screen import screen

    def job(book, live: LiveBook, settings: Settings) -> list[str]:
        _PACKING.pop(book.fullname, None)
        session, sheet, _, _ = _pack_session(book, live, settings)
        sheet.setup(render("pack.scan_here", settings.lang), "Packer")
        verdict = Verdict("empty", order=session.state.order)
        sheet.show(screen(session.index, session.state, verdict, settings.lang))
        return [render("pack.empty", settings.lang)]

    press(book, "task_pack", job)


def pack_scan(book=None) -> None:
    """The Pack sheet's scan cell changed (its Worksheet_Change event): check the scan, show the verdict, log it,
    tick the order on Orders when it is complete. Errors go to the Pack sheet's message row (and the log)."""
    from tkops.jobs.pack import default_packer

    book = book or caller()
    entry = _PACKING.get(book.fullname)
    if entry is None:
        live = LiveBook(book)
        settings, problem = read_settings(live)
        with button_run(book, render("task_pack", settings.lang), settings.lang):
            if problem:
                raise problem
            entry = _pack_session(book, live, settings)
        if book.fullname not in _PACKING:
            return
    session, sheet, settings, refreshed = entry
    try:
        raw, packer = sheet.read_scan()
        packer = scalar_text(packer) or default_packer()
        now = settings.shop_now().replace(microsecond=0)
        step = session.feed(raw, packer, now)
        if step.verdict.code == "unknown_code" and not refreshed:  # orders imported since the session began? once
            session, sheet, settings, _ = _pack_session(book, LiveBook(book), settings, state=session.state)
            _PACKING[book.fullname] = (session, sheet, settings, True)
            step = session.feed(raw, packer, now)
        sheet.show(step.view)
        if step.verdict.code != "empty":
            sheet.append_log(step.log)
        if step.order_values:
            sheet.mark_order([r + 2 for r in session.rows.get(step.verdict.order, [])], step.order_values)
    except Exception as err:  # shown and logged like a button's error; the next scan starts a fresh session
        _PACKING.pop(book.fullname, None)
        with button_run(book, render("task_pack", settings.lang), settings.lang):
            raise err


def _pack_session(book, live: LiveBook, settings: Settings, state=None):
    """A new pack session of the open workbook (Orders, Inventory, Bundles and PackLog read once), remembered."""
    from tkops.book.live_pack import PackScreen
    from tkops.jobs.pack import PackSession

    session = PackSession.from_book(live, settings)
    if state is not None:
        session.state = state
    orders = live.rows_read("Orders") or [[]]
    sheet = PackScreen(book, list(orders[0]), len(live.rows_read("PackLog") or []))
    _PACKING[book.fullname] = (session, sheet, settings, False)
    return _PACKING[book.fullname]


def selected_case(book, live: LiveBook) -> str:
    """The Case ID on the row selected on the AfterSales sheet; ConfigError saying what to select otherwise."""
    try:
        selection = book.selection
        sheet, row = selection.sheet.name, selection.row
    except AttributeError:
        sheet, row = "", 0
    if sheet != "AfterSales" or row < 2:
        raise ConfigError("button.select_case", sheet=sheet or "-")
    rows = live.read_rows("AfterSales") or []
    header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
    at = header.index("Case ID") if "Case ID" in header else None
    value = rows[row - 1][at] if at is not None and row - 1 < len(rows) and at < len(rows[row - 1]) else None
    case_id = scalar_text(value)
    if not case_id:
        raise ConfigError("button.select_case_empty", row=row)
    return case_id


def _previous_month(settings: Settings) -> str:
    first = settings.shop_now().date().replace(day=1)
    last = first - dt.timedelta(days=1)
    return f"{last:%Y-%m}"


def _month_end_files(book, settings: Settings) -> tuple[list[Path], list[Path]]:
    """The month's order exports and Return/Refund exports: the Month-end Folder's (told apart by their headers),
    else the Import Folder's and the Returns Folder's."""
    if settings.month_end_folder:
        files = _files_in(book, settings.month_end_folder)
        returns = [p for p in files if is_returns_export(p, settings)]
        orders = [p for p in files if p not in returns]
    else:
        orders = _files_in(book, settings.import_folder) if settings.import_folder else []
        returns = _files_in(book, settings.returns_folder) if settings.returns_folder else []
    if not orders:
        raise ConfigError("button.month_end_no_files")
    return orders, returns


def archive(book=None) -> None:
    """Button "Archive closed": the same as ``tkops archive`` (Keep Closed Days before today). The history part is
    written at once; the Orders sheet without the moved lines is saved when the team saves the workbook (until then
    every reader takes the sheet's copy of a line)."""
    from tkops.jobs.archive import run_archive

    press(book, "task_archive", lambda book, live, settings: run_archive(live, settings).text(settings.lang))


def _status_bar(book: ExcelBook, lang: str):
    """A progress callback writing "tkops: importing orders 2/5 file.csv" to Excel's status bar (one call a file)."""
    task = render("task_import", lang)

    def show_progress(done: int, total: int, name: str) -> None:
        book.app.status_bar = f"tkops: {task} {done}/{total} {name}"

    return show_progress


def _files_in(book: ExcelBook, folder_setting: str) -> list[Path]:
    """The exports in a folder setting (relative to the workbook's folder), Excel's lock files left out."""
    folder = Path(folder_setting)
    if not folder.is_absolute():
        folder = Path(book.fullname).parent / folder
    return sorted({p for pattern in IMPORTABLE for p in folder.glob(pattern) if not p.name.startswith("~$")})


def _files_to_import(book, settings: Settings) -> list[Path]:
    return _files_or_picked(book, settings.import_folder, "no_import_folder")


def _files_or_picked(book, folder: str, missing: str) -> list[Path]:
    """The files in ``folder`` (a setting), else the files the person picks in Excel's dialog; ConfigError
    ``missing`` (what to set up) when there are none."""
    if folder:
        files = _files_in(book, folder)
        if files:
            return files
    try:  # Excel's own file dialog (Windows); elsewhere the folder setting is the way
        picked = book.app.api.GetOpenFilename("Exports (*.csv;*.xlsx),*.csv;*.xlsx", None, "tkops", None, True)
    except AttributeError:
        picked = None
    if not picked:
        raise ConfigError(missing)
    return [Path(p) for p in (picked if isinstance(picked, (list, tuple)) else [picked])]
