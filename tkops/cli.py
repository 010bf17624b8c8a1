"""The ``tkops`` batch commands: files in, the file backend, the same core functions as the workbook buttons.

Errors become one readable message in the team's language and exit code 1 (configuration) or 2 (bad data);
never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import pandas as pd

from tkops import __version__
from tkops.book import FileBook
from tkops.book.session import BookSession
from tkops.errors import ConfigError, DataError, TkopsError
from tkops.jobs.import_orders import import_files
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources import mapping


def _settings_from_book(book: FileBook, args: argparse.Namespace) -> Settings:
    rows = book.read_rows("Settings")
    base = Settings.from_sheet_rows(rows) if rows else Settings()
    return base.with_overrides(language=getattr(args, "lang", None), market=getattr(args, "market", None),
                               encoding=getattr(args, "encoding", None), date_order=getattr(args, "date_order", None),
                               time_zone=getattr(args, "tz", None))


@contextmanager
def _open_book(args: argparse.Namespace, command: str) -> Iterator[tuple[FileBook, Settings, BookSession]]:
    """The workbook named by --book, its settings (the Settings sheet, then the command-line options) and its
    session: the book's lock is held until the block ends (the whole read-compute-save of ``command``)."""
    lang = args.lang or "en"
    FileBook.refuse_early(args.book)
    session = BookSession(args.book, command, wait=getattr(args, "wait", None), notify=_to_stderr, lang=lang)
    with session:
        book = session.open(Settings(language=lang))
        settings = _settings_from_book(book, args)
        book.settings = settings
        session.lang = settings.lang
        yield book, settings, session


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _print_saves(session: BookSession, lang: str, reported=None) -> None:
    """One "Saved" line for every save of the run not already reported, naming the newest backup."""
    for saved in session.saves:
        if saved is reported:
            continue
        if saved.created:
            print(render("book_saved_new", lang, book=saved.path))
        elif saved.backup is None:
            print(render("book_saved_no_backup", lang, book=saved.path))
        else:
            print(render("book_saved", lang, book=saved.path, backup=saved.backup))


# --- Mistakes around the command line, kept apart from _open_book: a --book that is missing, in a folder that does
# not exist or is a folder; read-only steps that open any workbook (tkops.xlsm, one Excel has open); input files of
# the wrong kind; a reader of the output that went away (tkops ... | head).

#: Steps that create the workbook when it is missing; every other step needs an existing one.
CREATES_BOOK = frozenset({"import", "stock", "pull"})


def _check_book_path(args: argparse.Namespace) -> None:
    """Raise a clear error for a --book path that cannot work, before anything is read or written."""
    book = getattr(args, "book", None)
    if not book:
        return
    path = Path(book)
    if path.is_dir():
        raise ConfigError("book_is_folder", book=book)
    if path.exists():
        return
    if args.command in CREATES_BOOK:
        if not path.parent.exists():
            raise ConfigError("book_folder_missing", folder=str(path.parent), book=book)
        return
    raise DataError("book_not_found", book=book)


def _open_read_only(args: argparse.Namespace):
    """The --book of a step that only reads it, and its settings: any workbook, even one with macros or open in
    Excel (then the last saved version is read, and a note says so). No lock: nothing is written."""
    from tkops.book import WORKBOOK_SUFFIXES
    from tkops.book.readonly import ReadOnlyBook
    from tkops.book.safety import check_not_locked
    from tkops.errors import BadWorkbook, WorkbookLocked

    path = Path(args.book)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise BadWorkbook(file=path.name, detail="a workbook must be an .xlsx file")
    book = ReadOnlyBook(path)
    settings = _settings_from_book(book, args)
    try:
        check_not_locked(path)
    except WorkbookLocked:
        print(render("book_read_while_open", settings.lang, book=path.name), file=sys.stderr)
    return book, settings


def _of_kind(paths: Sequence[str], what: str) -> tuple[list[str], list[TkopsError]]:
    """The input files that may be exports (CSV or a spreadsheet by content), and the errors of the others."""
    from tkops.sources.file_kind import refuse_wrong_kind

    good, bad = [], []
    for p in paths:
        try:
            refuse_wrong_kind(Path(p), what)
            good.append(p)
        except TkopsError as err:
            bad.append(err)
    return good, bad


def _require_kind(paths: Sequence[str] | None, what: str) -> None:
    """Raise the first wrong-kind error among ``paths`` (steps that read all their files or none)."""
    _good, bad = _of_kind(paths or [], what)
    if bad:
        raise bad[0]


def _quiet_stdout() -> None:
    """After the reader of our output went away: send the rest to nowhere, so Python's exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _mappings(book: FileBook, args: argparse.Namespace) -> list:
    found = mapping.from_sheet_rows(book.read_rows("Mappings") or [])
    return found + [mapping.from_toml(Path(p)) for p in (args.mapping or [])]


def cmd_import(args: argparse.Namespace) -> int:
    """tkops import FILE... --book BOOK"""
    files, refused = _of_kind(args.files, "kind_orders")
    with _open_book(args, "import") as (book, settings, session):
        for err in refused:
            print(render("error", settings.lang, detail=err.render(settings.lang)))
        if refused and (args.failfast or not files):
            return max(err.exit_code for err in refused)
        market_stored = bool(args.market) and _remember_market(book, settings)
        report = import_files(files, book, settings, _mappings(book, args), args.source, args.failfast)
    for line in report.messages(settings.lang):
        print(line)
    _print_saved(report, settings.lang, args.book)
    _print_saves(session, settings.lang, report.saved)
    if market_stored and report.saved is not None:
        print(render("market_stored", settings.lang, market=settings.market, book=args.book,
                     zone=settings.effective_time_zone()))
    if report.failed or refused:
        print(render("files_failed", settings.lang, n=len(report.failed) + len(refused), total=len(args.files)),
              file=sys.stderr)
        return max([f.error.exit_code for f in report.failed] + [e.exit_code for e in refused])
    return 0


def _remember_market(book: FileBook, settings: Settings) -> bool:
    """``tkops import --market XX``: XX becomes the book's Market on the Settings sheet when that is blank (saved with
    the import, if it saves), so the commands run later on the book (clocks, review, ...) know the market of lines
    without a Country and read a ``--now`` in its time zone. A Market already set is never changed. True when the
    Settings sheet was changed."""
    from tkops.book.layout import SETTINGS
    from tkops.settings import sheet_rows

    rows = book.read_rows(SETTINGS.name) or sheet_rows(Settings(language=settings.language))
    header = [str(h) if h is not None else "" for h in rows[0]]
    if "Setting" not in header or "Value" not in header:
        return False
    at, value = header.index("Setting"), header.index("Value")
    body = [list(r[:len(header)]) + [None] * (len(header) - len(r)) for r in rows[1:]]
    found = [r for r in body if str(r[at] or "").strip().casefold() == "market"]
    if not found or str(found[0][value] or "").strip():
        return False
    found[0][value] = settings.market
    book.write_table(SETTINGS.with_extra([h for h in header if h]), pd.DataFrame(body, columns=header))
    return True


def cmd_stock(args: argparse.Namespace) -> int:
    """tkops stock FILE... --book BOOK [--mapping TOML]... [--source NAME]"""
    from tkops.jobs.stock import run_stock

    with _open_book(args, "stock") as (book, settings, session):
        found = mapping.stock_mappings(book.read_rows("Mappings") or [])  # kinds are checked by the stock reader
        found += [mapping.stock_mapping_toml(Path(p)) for p in (args.mapping or [])]
        report = run_stock(args.files, book, settings, found, args.source)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return max((f.error.exit_code for f in report.failed), default=0)


def _print_saved(report, lang: str, book: str) -> None:
    if report.saved is None:
        if any(f.ok for f in report.files):
            print(render("nothing_changed", lang, book=book))
        return
    saved = report.saved
    if saved.created:
        print(render("book_created", lang, book=saved.path, lines=report.lines))
    else:
        print(render("book_written", lang, book=saved.path, lines=report.lines, backup=saved.backup or "-"))


def _time(value: str | None, option: str = "--now"):
    """A shop-local time given on the command line (None when not given)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        raise ConfigError("bad_setting", name=option, value=value, hint="a time such as 2026-11-25T11:30") from None


def cmd_pack(args: argparse.Namespace) -> int:
    """tkops pack --book BOOK --scans FILE [--packer NAME] [--now TIME]"""
    from tkops.jobs.pack import default_packer, read_scans, run_pack

    scans = read_scans(args.scans)
    with _open_book(args, "pack") as (book, settings, session):
        report = run_pack(book, settings, scans, args.packer or default_packer(), _time(args.now))
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """tkops review --book BOOK"""
    from tkops.jobs.review import run_review

    with _open_book(args, "review") as (book, settings, session):
        report = run_review(book, settings, _time(args.now))
    for line in report.lines:
        print(line)
    print(render("review_saved", settings.lang, book=args.book))
    _print_saves(session, settings.lang)
    return 0


def cmd_ship(args: argparse.Namespace) -> int:
    """tkops ship --book BOOK [--out FILE] [--tracking FILE]... [--mapping TOML]..."""
    from tkops.jobs.ship import run_ship

    _require_kind(args.tracking, "kind_tracking")
    with _open_book(args, "ship") as (book, settings, session):
        report = run_ship(book, settings, Path(args.out) if args.out else None, tracking_files=args.tracking or (),
                          mappings=_mappings(book, args) if args.tracking else ())
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_picklist(args: argparse.Namespace) -> int:
    """tkops picklist --book BOOK [--out DIR] [--again]"""
    from tkops.jobs.picklist import run_picklist

    with _open_book(args, "picklist") as (book, settings, session):
        report = run_picklist(book, settings, args.out, _time(args.now), include_waved=args.again)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_slips(args: argparse.Namespace) -> int:
    """tkops slips --book BOOK [--out DIR] [--layout L] [--wave N]... [--order ID]..."""
    from tkops.jobs.slips import run_slips

    book, settings = _open_read_only(args)  # slips change no workbook
    report = run_slips(book, settings, args.out, _time(args.now), layout=args.layout, waves=args.wave,
                       orders=args.order)
    for line in report.lines(settings.lang):
        print(line)
    return 0


def cmd_clocks(args: argparse.Namespace) -> int:
    """tkops clocks --book BOOK [--now TIME] [--kpi FROM TO]"""
    from tkops.jobs.clocks import run_clocks

    with _open_book(args, "clocks") as (book, settings, session):
        period = (_time(args.kpi[0], "--kpi"), _time(args.kpi[1], "--kpi")) if args.kpi else None
        report = run_clocks(book, settings, _time(args.now), kpi_period=period)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    """tkops cases --book BOOK [--returns FILE]..."""
    from tkops.jobs.cases import run_cases

    _require_kind(args.returns, "kind_returns")
    with _open_book(args, "cases") as (book, settings, session):
        report = run_cases(book, settings, args.returns or (), _time(args.now))
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_replies(args: argparse.Namespace) -> int:
    """tkops replies --book BOOK"""
    from tkops.jobs.replies import run_replies

    with _open_book(args, "replies") as (book, settings, session):
        report = run_replies(book, settings)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_followup(args: argparse.Namespace) -> int:
    """tkops followup --book BOOK [--now TIME]"""
    from tkops.jobs.replies import run_followup

    with _open_book(args, "followup") as (book, settings, session):
        report = run_followup(book, settings, _time(args.now))
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    """tkops archive --book BOOK [--before DATE] [--dry-run]"""
    from tkops.jobs.archive import run_archive

    with _open_book(args, "archive") as (book, settings, session):
        report = run_archive(book, settings, args.before, args.dry_run, _time(args.now))
    for line in report.text(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """tkops history find ORDER_ID --book BOOK | tkops history export --month YYYY-MM --book BOOK [--out PATH]"""
    from tkops.jobs.history import export_month, find_order

    if args.action == "find" and not args.order:
        raise ConfigError("history.need_order")
    if args.action == "export" and not args.month:
        raise ConfigError("history.bad_month", value="")
    with _open_book(args, "history") as (book, settings, session):
        if args.action == "find":
            report = find_order(book, args.order)
        else:
            report = export_month(book, settings, args.month, args.out, _time(args.now))
    for line in report.text(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_month_end(args: argparse.Namespace) -> int:
    """tkops month-end --month YYYY-MM --orders FILE... [--returns FILE...] [--book BOOK] --out DIR"""
    from tkops.jobs.month_end import run_month_end

    settings = Settings(language=args.lang or "en").with_overrides(market=args.market, encoding=args.encoding,
                                                                   date_order=args.date_order, time_zone=args.tz)
    _require_kind(args.orders, "kind_orders")
    _require_kind(args.returns, "kind_returns")

    def progress(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", file=sys.stderr, flush=True)

    report = run_month_end(args.month, sorted(Path(f) for f in (args.orders or [])),
                           sorted(Path(f) for f in (args.returns or [])), Path(args.out), settings,
                           book=Path(args.book) if args.book else None, progress=progress, now=_time(args.now),
                           top=args.top)
    for line in report.lines(settings.lang):
        print(line)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """tkops summary --book BOOK [--out DIR]"""
    from tkops.jobs.summary import run_summary

    with _open_book(args, "summary") as (book, settings, session):
        report = run_summary(book, settings, args.out, _time(args.now), top=args.top)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_connect(args: argparse.Namespace) -> int:
    """tkops connect --book BOOK --code AUTH_CODE"""
    import getpass

    from tkops.jobs.connect import run_connect

    settings = _settings_from_book(FileBook(args.book, Settings(language=args.lang or "en")), args)  # read only
    for line in run_connect(settings, args.code, ask_secret=getpass.getpass if sys.stdin.isatty() else None):
        print(line)
    return 0


def cmd_pull(args: argparse.Namespace) -> int:
    """tkops pull --book BOOK [--days N]"""
    from tkops.jobs.pull import run_pull

    with _open_book(args, "pull") as (book, settings, session):
        report = run_pull(book, settings, now=_time(args.now), days=args.days)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 0


def cmd_push_tracking(args: argparse.Namespace) -> int:
    """tkops push-tracking --book BOOK [--no-documents] [--out DIR]"""
    from tkops.jobs.push import run_push_tracking

    with _open_book(args, "push-tracking") as (book, settings, session):
        report = run_push_tracking(book, settings, now=_time(args.now), documents=not args.no_documents, out=args.out)
    for line in report.lines(settings.lang):
        print(line)
    _print_saves(session, settings.lang)
    return 1 if report.stopped else 0  # stopped part-way (token, network): what was done is saved


def cmd_evidence(args: argparse.Namespace) -> int:
    """tkops evidence CASE --book BOOK [--folder ROOT] [--out DIR]"""
    from tkops.jobs.evidence import run_evidence

    book, settings = _open_read_only(args)  # an evidence pack changes no workbook
    report = run_evidence(book, settings, args.case, args.folder, args.out, _time(args.now))
    for line in report.lines(settings.lang):
        print(line)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """tkops demo [--out DIR]"""
    from tkops.jobs.demo import run_demo

    for line in run_demo(Path(args.out), lang=args.lang or "en", wait=args.wait):
        print(line)
    return 0


def cmd_workbook(args: argparse.Namespace) -> int:
    """tkops workbook [--out PATH]"""
    from tkops.xlsm import main as build_main

    return build_main(args.out)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"between 0 and 3600 seconds: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command (also used to check that each command is documented)."""
    parser = argparse.ArgumentParser(prog="tkops", description="TikTok Shop order operations in Excel.")
    parser.add_argument("--version", action="version", version=f"tkops {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("en", "zh"), default=os.environ.get("TKOPS_LANG"),
                        help="language of messages (default: the Settings sheet, else en)")
    common.add_argument("--wait", type=_seconds, metavar="SECONDS",
                        help="how long to wait when another tkops run is using the workbook (default: Lock Wait on "
                             "the Settings sheet, else 10)")

    p = sub.add_parser("import", parents=[common], help="import order exports into the Orders sheet of a workbook",
                       description="Import TikTok Seller Center order exports, Mabang/DianXiaoMi exports or any "
                                   "mapped export into the Orders sheet; team columns are kept.")
    p.add_argument("files", nargs="+", metavar="FILE", help="order export files (CSV, XLSX)")
    p.add_argument("--book", required=True, help="the workbook to update (created if missing), e.g. ops.xlsx")
    p.add_argument("--market", help="shop market (US, UK, TH, VN, ...): resolves 03/04 dates, currency")
    p.add_argument("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030 or cp1252")
    p.add_argument("--date-order", choices=("MDY", "DMY"), help="day/month order of the files' dates")
    p.add_argument("--tz", help="shop time zone, e.g. America/Los_Angeles")
    p.add_argument("--source", help="force a source (tiktok_export, mabang, dianxiaomi or a mapping's name)")
    p.add_argument("--mapping", action="append", metavar="TOML", help="a column-mapping file (repeatable)")
    p.add_argument("--failfast", action="store_true", help="stop at the first file that fails")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("stock", parents=[common], help="load stock (on hand, bins, cost, barcodes) into Inventory",
                       description="Load stock files into the Inventory sheet, upserted by Seller SKU (and Bin when "
                                   "the file has bins): TikTok Seller Center's product export, Mabang or DianXiaoMi "
                                   "stock exports, a file with the Inventory headers, or any file through a stock "
                                   "mapping. The team's columns and rows are kept; nothing is written when a file "
                                   "cannot be read. The review then checks SKUs and stock against Inventory.")
    p.add_argument("files", nargs="+", metavar="FILE", help="stock files (CSV, XLSX)")
    p.add_argument("--book", required=True, help="the workbook to update (created if missing), e.g. ops.xlsx")
    p.add_argument("--mapping", action="append", metavar="TOML",
                   help="a stock mapping file: their headers -> Seller SKU, On Hand, Bin, ... (repeatable)")
    p.add_argument("--source", help="force a format (tkops_inventory, tiktok_products, mabang_stock, "
                                    "dianxiaomi_stock or a mapping's name)")
    p.add_argument("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030")
    p.add_argument("--market", help="shop market (US, UK, TH, ...): currency of costs that name none")
    p.set_defaults(func=cmd_stock)

    p = sub.add_parser("pack", parents=[common], help="check packed items against their orders from a file of scans",
                       description="The pack station without Excel: each line of the scans file is one scan (an "
                                   "order barcode from the packing slip, then its items' barcodes or Seller SKUs; "
                                   "OVERRIDE: reason marks the open order packed as it is). Every scan gets a "
                                   "verdict (PackLog sheet); complete orders get Packed, QC OK, Packed By and Packed "
                                   "At on Orders; the Pack sheet shows the last scan.")
    p.add_argument("--book", required=True, help="the workbook with the Orders and Inventory sheets")
    p.add_argument("--scans", required=True, metavar="FILE", help="a text file, one scanned code a line")
    p.add_argument("--packer", help="who packs (Packed By; default: the computer's user name)")
    p.add_argument("--now", help="shop-local time written as Packed At (default: now)")
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("review", parents=[common], help="flag what needs a human before shipping",
                       description="Check every order line (address, phone, SKU and stock, buyer message, "
                                   "combinable and risky orders, timing): colour the offending cells on Orders, set "
                                   "Review Status, list each problem on the Review sheet with a message to the buyer.")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet to review")
    p.add_argument("--market", help="market for lines without a country (US, UK, TH, ...)")
    p.add_argument("--tz", help="shop time zone, e.g. America/Los_Angeles (for the 1-hour hold after payment)")
    p.add_argument("--now", help="review as of this shop-local time, e.g. 2026-11-25T11:30 (default: now)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("ship", parents=[common], help="check tracking IDs and write the Seller Center upload file",
                       description="Check every Tracking ID on Orders (carrier format and check digit, provider, "
                                   "duplicates, packed lines without one) and write the bulk-shipping upload file "
                                   "(sheet \"Shipping info\") with the valid lines not exported before.")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet holds the tracking IDs")
    p.add_argument("--out", help="the upload file (default: \"Shipping info <time>.xlsx\" in the Output Folder)")
    p.add_argument("--tracking", action="append", metavar="FILE",
                   help="a carrier/3PL/warehouse file (CSV, XLSX) whose tracking numbers go onto Orders first, "
                        "never over a different number (repeatable)")
    p.add_argument("--mapping", action="append", metavar="TOML",
                   help="a column-mapping file for --tracking files (repeatable; the Mappings sheet's mappings are "
                        "always used)")
    p.add_argument("--encoding", help="encoding of non-UTF-8 tracking files, e.g. gb18030")
    p.set_defaults(func=cmd_ship)

    p = sub.add_parser("picklist", parents=[common], help="print the pick list of the lines released for picking",
                       description="Lines with Review Status Ready and not yet picked, bundles expanded, in waves "
                                   "(single-item orders apart), one line per SKU and bin in walking order: written "
                                   "to the PickList sheet (set up for printing), an HTML page and a PDF; the Orders "
                                   "sheet records each line's wave.")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet to pick from")
    p.add_argument("--out", help="folder for the HTML and PDF (default: the Output Folder setting)")
    p.add_argument("--again", action="store_true", help="include lines already in a wave but not picked (reprint)")
    p.add_argument("--now", help="shop-local time stamped on the files, e.g. 2026-11-25T12:00 (default: now)")
    p.set_defaults(func=cmd_picklist)

    p = sub.add_parser("slips", parents=[common], help="print packing slips and the packing checklist",
                       description="Packing slips (HTML and PDF, a page per order, in pick order, with barcode and "
                                   "QR code of the order ID) and the packing checklist for the orders being picked: "
                                   "lines in a wave and not yet packed (else the released ones).")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet to print slips for")
    p.add_argument("--out", help="folder for the files (default: the Output Folder setting)")
    p.add_argument("--layout", type=str.casefold, choices=("a4", "a6", "4x6"),
                   help="slip size: A4, A6 or 4x6 (default: the Slip Layout setting)")
    p.add_argument("--wave", type=int, action="append", metavar="N", help="only this wave (repeatable)")
    p.add_argument("--order", action="append", metavar="ID", help="only this order (repeatable)")
    p.add_argument("--now", help="shop-local time stamped on the files (default: now)")
    p.set_defaults(func=cmd_slips)

    p = sub.add_parser("clocks", parents=[common], help="check the SOP deadlines of every order",
                       description="Review, print, pack, dispatch, auto-cancel, deliver-by and cancellation-request "
                                   "due times of every open order in the shop's time zone (TikTok's own deadlines "
                                   "where the Open API gave them), coloured ok / due soon / late on the Orders "
                                   "sheet; uploaded tracking not yet scanned; KPIs for a period.")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet to check")
    p.add_argument("--market", help="market for lines without a country (US, UK, TH, ...; default: the Settings "
                                    "sheet's Market, else the one market of the book's lines)")
    p.add_argument("--tz", help="shop time zone of the sheet's times and --now, e.g. America/Los_Angeles "
                                "(default: the Settings sheet's, else the market's)")
    p.add_argument("--now", help="check as of this shop-local time, e.g. 2026-11-25T16:00 (default: now)")
    p.add_argument("--kpi", nargs=2, metavar=("FROM", "TO"), help="also print the KPIs of orders paid from FROM up "
                                                                  "to (not including) TO, e.g. 2026-11-01 2026-12-01")
    p.set_defaults(func=cmd_clocks)

    p = sub.add_parser("cases", parents=[common], help="update the after-sales case log (AfterSales sheet)",
                       description="Read Seller Center Return/Refund exports and the cancelled orders on Orders into "
                                   "the AfterSales sheet (team columns kept): case type and cause from the Reasons "
                                   "sheet, the suggested resolution with its cost from the Resolutions sheet, and "
                                   "the platform's deadline coloured.")
    p.add_argument("--book", required=True, help="the workbook with the Orders and AfterSales sheets")
    p.add_argument("--returns", action="append", metavar="FILE", help="a Return/Refund export (repeatable)")
    p.add_argument("--market", help="shop market for the exports' dates and money (US, UK, TH, ...)")
    p.add_argument("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030 or cp1252")
    p.add_argument("--now", help="as of this shop-local time, e.g. 2026-11-26T10:00 (default: now)")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("replies", parents=[common], help="draft replies to cases and negative reviews",
                       description="Draft a reply in the buyer's language for every open case on AfterSales without "
                                   "one (apologise first, one clear solution), with a line for the team saying what "
                                   "it says; and a public reply and a private message for every low-rated review "
                                   "on the Reviews sheet. Drafts you edited are kept.")
    p.add_argument("--book", required=True, help="the workbook with the AfterSales and Reviews sheets")
    p.set_defaults(func=cmd_replies)

    p = sub.add_parser("followup", parents=[common], help="list shipped orders not delivered in time",
                       description="Shipped orders with no delivery after the market's days (FollowUpDays sheet) "
                                   "and no case yet, with a proactive message to the buyer, on the FollowUp sheet.")
    p.add_argument("--book", required=True, help="the workbook with the Orders sheet")
    p.add_argument("--now", help="as of this shop-local time (default: now)")
    p.set_defaults(func=cmd_followup)

    p = sub.add_parser("summary", parents=[common], help="after-sales pivots: causes by SKU, month, carrier",
                       description="Write the AfterSalesSummary sheet from the AfterSales cases: the SKU-cause pairs "
                                   "to fix first with the action and owner (CauseActions sheet), cases and cost by "
                                   "cause x SKU, cause x month, case type x carrier, and the return rate per SKU; "
                                   "plus a chart workbook in the Output Folder.")
    p.add_argument("--book", required=True, help="the workbook with the AfterSales sheet")
    p.add_argument("--out", help="folder for the chart workbook (default: the Output Folder setting)")
    p.add_argument("--top", type=int, default=20, help="how many SKU-cause pairs to list (default 20)")
    p.add_argument("--now", help="shop-local time stamped on the summary (default: now)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("month-end", parents=[common], help="the month-end report from export files alone",
                       description="Read a month's (or a year's) order and Return/Refund exports and write a report "
                                   "workbook with charts and an HTML summary: orders and sales, cancellations by "
                                   "reason, return and refund rates and costs, response times, the fulfilment KPIs, "
                                   "per-SKU health and the action list by owner. Needs no Excel.")
    p.add_argument("--month", required=True, help="the month to report, e.g. 2026-11")
    p.add_argument("--orders", nargs="+", metavar="FILE",
                   help="order exports (CSV, XLSX); without them, the order lines of --book (Orders and its history)")
    p.add_argument("--returns", nargs="*", metavar="FILE", help="Return/Refund exports (CSV, XLSX)")
    p.add_argument("--book", help="the team's workbook (Reasons, Inventory costs, AfterSales, Reviews); read only")
    p.add_argument("--out", required=True, help="folder for the report workbook and the HTML summary")
    p.add_argument("--market", help="shop market for the files' dates and money (US, UK, TH, ...)")
    p.add_argument("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030 or cp1252")
    p.add_argument("--date-order", choices=("MDY", "DMY"), help="day/month order of the files' dates")
    p.add_argument("--tz", help="shop time zone, e.g. America/Los_Angeles")
    p.add_argument("--top", type=int, default=20, help="how many SKU-cause pairs in the action list (default 20)")
    p.add_argument("--now", help="shop-local time for the KPIs' open clocks (default: now)")
    p.set_defaults(func=cmd_month_end)

    p = sub.add_parser("archive", parents=[common], help="move closed orders from Orders to the history store",
                       description="Move the lines of delivered, completed and cancelled orders with no open "
                                   "after-sales case, closed more than Keep Closed Days ago (Settings, default 30), "
                                   "from the Orders sheet to the history store beside the workbook "
                                   "(<book>.tkops-history). Every import and pull does this too.")
    p.add_argument("--book", required=True, help="the workbook whose closed orders to archive")
    p.add_argument("--before", metavar="DATE", help="archive the orders closed before this day (YYYY-MM-DD) instead")
    p.add_argument("--dry-run", action="store_true", help="only say how many lines would move")
    p.add_argument("--now", help="as of this shop-local time (default: now)")
    p.set_defaults(func=cmd_archive)

    p = sub.add_parser("history", parents=[common], help="find an archived order, or export a month of lines",
                       description="Read the history store back: 'find ORDER_ID' writes an archived order's lines "
                                   "to the History sheet; 'export --month YYYY-MM' writes the month's lines (history "
                                   "and Orders) to an xlsx in the Output Folder.")
    p.add_argument("action", choices=("find", "export"), help="find an order, or export a month")
    p.add_argument("order", nargs="?", metavar="ORDER_ID", help="the Order ID to find")
    p.add_argument("--book", required=True, help="the workbook whose history to read")
    p.add_argument("--month", help="the month to export, e.g. 2026-11")
    p.add_argument("--out", help="the xlsx file or folder to write (default: the Output Folder setting)")
    p.add_argument("--now", help="shop-local time stamped on the file (default: now)")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("connect", parents=[common], help="connect to your TikTok Shop API app (once)",
                       description="Trade the authorisation code of your TikTok Shop API app for tokens, kept in the "
                                   "system keyring with the app secret (asked once, hidden); lists the shops. The "
                                   "Settings sheet holds only API App Key and API Shop.")
    p.add_argument("--book", required=True, help="the workbook whose Settings name the API App Key")
    p.add_argument("--code", required=True, help="the authorisation code TikTok Shop gave (valid 30 minutes)")
    p.set_defaults(func=cmd_connect)

    p = sub.add_parser("pull", parents=[common], help="pull orders, returns and cancellations from TikTok Shop",
                       description="Fetch the orders updated since the last pull (every page, details in batches "
                                   "of 50) into Orders, and returns and cancellations into AfterSales, the same rows "
                                   "as the exports give. A failed pull writes nothing; the next one resumes.")
    p.add_argument("--book", required=True, help="the workbook to update")
    p.add_argument("--days", type=int, default=7, help="how far back the first pull goes (default 7 days)")
    p.add_argument("--now", help="pull up to this shop-local time (default: now)")
    p.set_defaults(func=cmd_pull)

    p = sub.add_parser("push-tracking", parents=[common], help="upload checked tracking numbers to TikTok Shop",
                       description="Upload the tracking numbers that pass the ship checks (never twice), matched to "
                                   "TikTok's shipping providers; each result is written on Orders; labels and "
                                   "packing slips of the packages are downloaded at once.")
    p.add_argument("--book", required=True, help="the workbook whose Orders sheet holds the tracking IDs")
    p.add_argument("--no-documents", action="store_true", help="do not download labels and packing slips")
    p.add_argument("--out", help="folder for the documents (default: the Output Folder setting)")
    p.add_argument("--now", help="shop-local time of the upload (default: now)")
    p.set_defaults(func=cmd_push_tracking)

    p = sub.add_parser("evidence", parents=[common], help="pack a case's dispute evidence into one archive",
                       description="Gather the files the team put in the case's folder (Evidence Folder setting, "
                                   "one folder per Case ID) into a ZIP with an HTML index and a PDF index: the "
                                   "checklist for the case type ticked, what is missing, the appeal deadline.")
    p.add_argument("case", metavar="CASE", help="the Case ID (AfterSales sheet)")
    p.add_argument("--book", required=True, help="the workbook with the AfterSales sheet")
    p.add_argument("--folder", help="the evidence root folder (default: the Evidence Folder setting)")
    p.add_argument("--out", help="folder for the archive and the PDF (default: the Output Folder setting)")
    p.add_argument("--now", help="shop-local time for the deadline check (default: now)")
    p.set_defaults(func=cmd_evidence)

    p = sub.add_parser("demo", parents=[common], help="run the daily job on the bundled sample data",
                       description="Build a demo workbook from the bundled sample exports of a US and a Thai shop.")
    p.add_argument("--out", default="tkops-demo", help="folder for the demo workbook (default: ./tkops-demo)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("workbook", parents=[common], help="build the tkops.xlsm macro workbook with its buttons",
                       description="Write tkops.xlsm (buttons on a Home sheet, every tkops sheet, the xlwings VBA "
                                   "module) from the text sources in macros/. Never overwrites a different file.")
    p.add_argument("--out", help="file or folder for the workbook (default: ./tkops.xlsm)")
    p.set_defaults(func=cmd_workbook)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a tkops command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or "en"
    try:
        _check_book_path(args)
        return args.func(args)
    except TkopsError as err:
        language = lang if lang in ("en", "zh") else "en"
        print(render("error", language, detail=err.render(language)), file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # the reader went away (tkops picklist ... | head): the work itself is done
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()


__all__ = ["main", "build_parser", "ConfigError"]
