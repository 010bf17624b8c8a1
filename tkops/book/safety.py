"""Saving workbooks without losing anything: lock checks, atomic replace with backups (what the writer cannot carry
is refused by :mod:`tkops.book.ooxml`).

A run writes to a temporary file beside the workbook (unique to the run) and only then replaces it, keeping the
previous version in a ``tkops-backups`` folder beside it; a failed run leaves the workbook as it was. The whole
open-lock-save flow of a command is :mod:`tkops.book.session`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tkops.book import backups
from tkops.book.backups import DEFAULT_DAYS, DEFAULT_KEEP_LAST
from tkops.errors import WorkbookLocked

#: A temporary file this old is a killed run's even when another machine made it.
STALE_AFTER = dt.timedelta(hours=1)

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


def temp_prefix(path: Path) -> str:
    """The name every temporary file of ``path`` starts with (hidden, beside it): ``.<stem>.tkops-tmp``."""
    return f".{path.stem}.tkops-tmp"


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"


def new_temp(path: Path) -> Path:
    """A new, empty temporary file beside ``path``, unique to this run (machine, process and a random part in its
    name), with the permissions ``path`` has (or a new file would get)."""
    fd, name = tempfile.mkstemp(prefix=f"{temp_prefix(path)}.{_host()}.{os.getpid()}.", suffix=path.suffix,
                                dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    if path.exists():
        shutil.copymode(path, tmp)
    else:  # mkstemp makes the file private (0600): give it what a normal new file gets
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    return tmp


def stale_temps(path: Path, lock_held: bool = False, now: float | None = None) -> list[Path]:
    """Temporary files of ``path`` left behind by killed runs: those older than :data:`STALE_AFTER`, and, when
    the caller holds the book's lock (no other tkops run of this machine can be writing one), every one this
    machine made, including the fixed name older versions used. Another machine's recent one may be in use (a
    shared folder whose locks do not reach across machines) and is left alone."""
    prefix = temp_prefix(path)
    mine = f"{prefix}.{_host()}."
    now = time.time() if now is None else now
    found = []
    for candidate in path.parent.glob(prefix + "*" + path.suffix):
        try:
            age = now - candidate.stat().st_mtime
        except FileNotFoundError:
            continue
        ours = candidate.name.startswith(mine) or candidate.name == prefix + path.suffix
        if candidate.is_file() and (age > STALE_AFTER.total_seconds() or lock_held and ours):
            found.append(candidate)
    return found


def remove_stale_temps(path: Path, lock_held: bool = False) -> list[Path]:
    """Delete the temporary files :func:`stale_temps` lists; returns them."""
    removed = []
    for candidate in stale_temps(path, lock_held):
        try:
            candidate.unlink()
            removed.append(candidate)
        except FileNotFoundError:
            pass
    return removed


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` (unique to this run) to write to; on success it replaces ``path``, on
    failure it is removed. Temporary files of killed runs older than an hour are cleaned first."""
    remove_stale_temps(path)
    tmp = new_temp(path)
    try:
        yield tmp
        check_not_locked(path)
        try:
            os.replace(tmp, path)
        except PermissionError as err:
            raise WorkbookLocked(file=path.name, detail=err.strerror or "permission denied") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def backup(path: Path, keep: int = DEFAULT_KEEP_LAST, now: dt.datetime | None = None,
           days: int = DEFAULT_DAYS) -> Path | None:
    """Copy ``path`` into the backups folder beside it (see :mod:`tkops.book.backups` for the retention)."""
    return backups.backup(path, keep, now, days)
