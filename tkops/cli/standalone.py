"""The commands that do more than one job on one workbook: import (several files, its own summary), month-end
(export files alone, the book only read), connect (asks for a secret), demo and workbook (build new files)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tkops.book import FileBook
from tkops.cli.session import mappings, open_book, print_saves, settings_from_book, shop_time
from tkops.messages import render
from tkops.settings import Settings


def run_import(args: argparse.Namespace) -> int:
    """tkops import FILE... --book BOOK: every file's counts and problems, the save, the Market remembered, failed
    files last."""
    from tkops.jobs.import_orders import import_files, remember_market

    with open_book(args, "import") as (book, settings, session):
        market_stored = bool(args.market) and remember_market(book, settings)
        report = import_files(args.files, book, settings, mappings(book, args), args.source, args.failfast)
    for line in report.messages(settings.lang):
        print(line)
    _print_imported(report, settings.lang, args.book)
    print_saves(session, settings.lang, report.saved)
    if market_stored and report.saved is not None:
        print(render("market_stored", settings.lang, market=settings.market, book=args.book,
                     zone=settings.effective_time_zone()))
    if report.failed:
        print(render("files_failed", settings.lang, n=len(report.failed), total=len(report.files)), file=sys.stderr)
        return max(f.error.exit_code for f in report.failed)
    return 0


def _print_imported(report, lang: str, book: str) -> None:
    if report.saved is None:
        if any(f.ok for f in report.files):
            print(render("nothing_changed", lang, book=book))
        return
    saved = report.saved
    if saved.created:
        print(render("book_created", lang, book=saved.path, lines=report.lines))
    else:
        print(render("book_written", lang, book=saved.path, lines=report.lines, backup=saved.backup or "-"))


def run_month_end(args: argparse.Namespace) -> int:
    """tkops month-end: the report from export files, progress on stderr."""
    from tkops.jobs.month_end import run_month_end as month_end

    settings = _month_end_settings(args)

    def progress(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", file=sys.stderr, flush=True)

    report = month_end(args.month, sorted(Path(f) for f in (args.orders or [])),
                       sorted(Path(f) for f in (args.returns or [])), Path(args.out), settings,
                       book=Path(args.book) if args.book else None, progress=progress, now=shop_time(args.now),
                       top=args.top)
    for line in report.lines(settings.lang):
        print(line)
    return 0


def _month_end_settings(args: argparse.Namespace) -> Settings:
    """The book's Settings sheet with the command line's options over it, as the other book commands do (its Max
    Sheet Cells lets a year of cases on AfterSales through the input checks); the command line alone without
    --book. The book is only read: no lock is taken."""
    from tkops.errors import UnsafeWorkbook

    if args.book and Path(args.book).exists():
        try:
            return settings_from_book(FileBook(args.book, Settings(language=args.lang or "en")), args)
        except UnsafeWorkbook:  # a book only read (tkops.jobs.month_end.inputs.open_book): its sheets, not Settings
            pass
    return Settings(language=args.lang or "en").with_overrides(market=args.market, encoding=args.encoding,
                                                               date_order=args.date_order, time_zone=args.tz)


def run_connect(args: argparse.Namespace) -> int:
    """tkops connect: the book's settings are only read; the secret is asked hidden when a terminal is there."""
    import getpass

    from tkops.jobs.connect import run_connect as connect

    settings = settings_from_book(FileBook(args.book, Settings(language=args.lang or "en")), args)
    for line in connect(settings, args.code, ask_secret=getpass.getpass if sys.stdin.isatty() else None):
        print(line)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """tkops demo: the daily job on the bundled samples."""
    from tkops.jobs.demo import run_demo as demo

    for line in demo(Path(args.out), lang=args.lang or "en", wait=args.wait):
        print(line)
    return 0


def run_workbook(args: argparse.Namespace) -> int:
    """tkops workbook: tkops.xlsm from the text sources."""
    from tkops.xlsm import main as build_main

    return build_main(args.out)
