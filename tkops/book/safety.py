"""Saving workbooks without losing anything: lock checks, atomic replace with backups (what the writer cannot carry
is refused by :mod:`tkops.book.ooxml`).

A run writes to a temporary file beside the workbook and only then replaces it, keeping the previous version in a
``tkops-backups`` folder beside it; a failed run leaves the workbook as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tkops.errors import WorkbookLocked

BACKUP_DIR = "tkops-backups"

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
    """A temporary path beside ``path`` to write to; on success it replaces ``path``, on failure it is removed."""
    tmp = path.with_name(f".{path.stem}.tkops-tmp{path.suffix}")
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


def backup(path: Path, keep: int = 5, now: dt.datetime | None = None) -> Path | None:
    """Copy ``path`` into the backups folder beside it (name stamped with the time); keep the newest ``keep``."""
    if not path.exists() or keep <= 0:
        return None
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    shutil.copy2(path, target)
    olds = sorted(folder.glob(f"{path.stem}.*{path.suffix}"))
    for old in olds[:-keep]:
        old.unlink()
    return target
