"""What every book command does around its job: open the workbook under its lock, read its settings (the Settings
sheet, then the command-line options), print the job's report and one line for each save."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tkops.book import FileBook
from tkops.book.session import BookSession
from tkops.jobs.new_book import default_rows
from tkops.errors import ConfigError
from tkops.messages import render
from tkops.settings import Settings
from tkops.sources import mapping


def settings_from_book(book: FileBook, args: argparse.Namespace) -> Settings:
    """The book's Settings sheet with the command line's options over it."""
    rows = book.read_rows("Settings")
    base = Settings.from_sheet_rows(rows) if rows else Settings()
    return base.with_overrides(language=getattr(args, "lang", None), market=getattr(args, "market", None),
                               encoding=getattr(args, "encoding", None), date_order=getattr(args, "date_order", None),
                               time_zone=getattr(args, "tz", None))


@contextmanager
def open_book(args: argparse.Namespace, command: str) -> Iterator[tuple[FileBook, Settings, BookSession]]:
    """The workbook named by --book, its settings and its session: the book's lock is held until the block ends
    (the whole read-compute-save of ``command``)."""
    lang = args.lang or "en"
    FileBook.refuse_early(args.book)
    session = BookSession(args.book, command, wait=getattr(args, "wait", None), notify=to_stderr, lang=lang,
                          defaults=default_rows)
    with session:
        book = session.open(Settings(language=lang))
        settings = settings_from_book(book, args)
        book.settings = settings
        session.lang = settings.lang
        yield book, settings, session


def to_stderr(text: str) -> None:
    """A progress or waiting line, kept apart from the report on stdout."""
    print(text, file=sys.stderr, flush=True)


def print_saves(session: BookSession, lang: str, reported=None) -> None:
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


def report_lines(report, lang: str) -> list[str]:
    """A job report's lines in ``lang`` (reports give them as a method of the language, a few as a plain list)."""
    lines = report.lines
    return list(lines(lang) if callable(lines) else lines)


def mappings(book: FileBook, args: argparse.Namespace) -> list:
    """The Mappings sheet's column mappings, then those of every --mapping file."""
    found = mapping.from_sheet_rows(book.read_rows("Mappings") or [])
    return found + [mapping.from_toml(Path(p)) for p in (getattr(args, "mapping", None) or [])]


def stock_mappings(book: FileBook, args: argparse.Namespace) -> list:
    """The Mappings sheet's stock mappings, then those of every --mapping file (kinds are checked by the reader)."""
    found = mapping.stock_mappings(book.read_rows("Mappings") or [])
    return found + [mapping.stock_mapping_toml(Path(p)) for p in (getattr(args, "mapping", None) or [])]


def shop_time(value: str | None, option: str = "--now") -> dt.datetime | None:
    """A shop-local time given on the command line (None when not given)."""
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        raise ConfigError("bad_setting", name=option, value=value, hint="a time such as 2026-11-25T11:30") from None


def seconds(text: str) -> float:
    """An argparse type: a number of seconds from 0 to 3600."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"between 0 and 3600 seconds: {text!r}")
    return value
