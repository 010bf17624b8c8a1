"""Saving workbooks without losing anything: lock checks, atomic replace with backups (what the writer cannot carry
is refused by :mod:`tkops.book.ooxml`).

A run writes to a temporary file beside the workbook (unique to the run) and only then replaces it, keeping the
previous version in a ``tkops-backups`` folder beside it; a failed run leaves the workbook as it was. The whole
open-lock-save flow of a command is :mod:`tkops.book.session`.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tkops.atomic import STALE_AFTER, new_temp, put_in_place, remove_stale_temps, stale_temps, temp_beside, temp_prefix
from tkops.book import backups
from tkops.book.backups import DEFAULT_DAYS, DEFAULT_KEEP_LAST
from tkops.errors import WorkbookLocked

#: The temporary files' helpers are the shared ones (:mod:`tkops.atomic`); the book's modules use them from here.
__all__ = ["STALE_AFTER", "temp_prefix", "new_temp", "stale_temps", "remove_stale_temps", "check_not_locked",
           "atomic_target", "replace_with", "backup"]


def check_not_locked(path: Path) -> None:
    """Raise WorkbookLocked when Excel or LibreOffice has the workbook open (their lock files), or the OS denies
    writing to it."""
    excel_owner = path.with_name("~$" + path.name)
    office_lock = path.with_name(f".~lock.{path.name}#")
    for lock in (excel_owner, office_lock):
        if lock.exists():
            raise WorkbookLocked(file=path.name, detail=lock.name)
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except PermissionError as err:
            raise WorkbookLocked(file=path.name, detail=err.strerror or "permission denied") from None


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` (unique to this run) to write to; on success it replaces ``path``, unless
    Excel or LibreOffice has ``path`` open (:class:`~tkops.errors.WorkbookLocked`), on failure it is removed.
    Temporary files of killed runs older than an hour are cleaned first (:mod:`tkops.atomic`)."""
    with temp_beside(path) as tmp:
        yield tmp
        check_not_locked(path)
        replace_with(tmp, path)


def replace_with(tmp: Path, path: Path) -> None:
    """Put the written temporary file ``tmp`` in place of ``path`` (:func:`tkops.atomic.put_in_place`); a rename
    the operating system denies (the file open in another program, on Windows) is :class:`WorkbookLocked`."""
    try:
        put_in_place(tmp, path)
    except PermissionError as err:
        raise WorkbookLocked(file=path.name, detail=err.strerror or "permission denied") from None


def backup(path: Path, keep: int = DEFAULT_KEEP_LAST, now: dt.datetime | None = None,
           days: int = DEFAULT_DAYS) -> Path | None:
    """Copy ``path`` into the backups folder beside it (see :mod:`tkops.book.backups` for the retention)."""
    return backups.backup(path, keep, now, days)
