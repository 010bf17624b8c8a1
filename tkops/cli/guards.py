"""Mistakes around the command line, caught before a job runs: a --book that is missing, in a folder that does not
exist or is a folder; a reader of the output that went away (``tkops ... | head``).
And the way read-only steps open any workbook (tkops.xlsm, one Excel has open) without taking its lock."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tkops.cli.session import settings_from_book
from tkops.errors import ConfigError, DataError
from tkops.messages import render


def check_book_path(args: argparse.Namespace, creates_book: bool) -> None:
    """Raise a clear error for a --book path that cannot work, before anything is read or written."""
    book = getattr(args, "book", None)
    if not book:
        return
    path = Path(book)
    if path.is_dir():
        raise ConfigError("book_is_folder", book=book)
    if path.exists():
        return
    if creates_book:
        if not path.parent.exists():
            raise ConfigError("book_folder_missing", folder=str(path.parent), book=book)
        return
    raise DataError("book_not_found", book=book)


def open_read_only(args: argparse.Namespace):
    """The --book of a step that only reads it, and its settings: any workbook, even one with macros or open in
    Excel (then the last saved version is read, and a note says so). No lock: nothing is written."""
    from tkops.book import WORKBOOK_SUFFIXES
    from tkops.book.readonly import ReadOnlyBook
    from tkops.book.safety import check_not_locked
    from tkops.errors import BadWorkbook, DataError, WorkbookLocked
    from tkops.sources.raw import open_workbook

    path = Path(args.book)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise BadWorkbook(file=path.name, detail="a workbook must be an .xlsx file")
    try:
        workbook = open_workbook(path)
    except DataError:
        raise BadWorkbook(file=path.name, detail="cannot be opened as a workbook (.xlsx or .xlsm)") from None
    book = ReadOnlyBook(workbook, path)
    settings = settings_from_book(book, args)
    try:
        check_not_locked(path)
    except WorkbookLocked:
        print(render("book_read_while_open", settings.lang, book=path.name), file=sys.stderr)
    return book, settings


def quiet_stdout() -> None:
    """After the reader of our output went away: send the rest to nowhere, so Python's exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
