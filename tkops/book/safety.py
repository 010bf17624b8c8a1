"""Saving workbooks without losing anything: lock checks, parts a writer would drop, atomic replace with backups.

A run writes to a temporary file beside the workbook and only then replaces it, keeping the previous version in a
``tkops-backups`` folder beside it; a failed run leaves the workbook as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tkops.errors import BadWorkbook, UnsafeWorkbook, WorkbookLocked

BACKUP_DIR = "tkops-backups"

# (what a person calls it, test on the zip part names, optional regex on the part's XML)
_DROPPED_PARTS: tuple[tuple[str, str, str | None], ...] = (
    ("VBA macros", r"^xl/vbaProject\.bin$", None),
    ("form controls", r"^xl/ctrlProps/", None),
    ("form buttons", r"^xl/drawings/vmlDrawing\d*\.vml$", r'ObjectType="(Button|Checkbox|Drop|List|Radio)"'),
    ("shapes or text boxes", r"^xl/drawings/drawing\d*\.xml$", r"<xdr:(sp|grpSp|cxnSp)\b"),
    ("images", r"^xl/media/", None),
    ("charts", r"^xl/charts/", None),
    ("pivot tables", r"^xl/pivot(Tables|Cache)/", None),
    ("slicers or timelines", r"^xl/(slicers|slicerCaches|timelines|timelineCaches)/", None),
    ("threaded comments", r"^xl/threadedComments/", None),
    ("Power Query or data connections", r"^(xl/connections\.xml|xl/queryTables/)", None),
    ("Excel 2010+ extensions (data bars, sparklines, ...)", r"^xl/worksheets/sheet\d+\.xml$",
     r"<x14:(sparklineGroups|dataBar|conditionalFormattings|dataValidations)\b"),
)


def parts_openpyxl_drops(path: Path) -> list[str]:
    """What in this workbook openpyxl would not write back (see reference/excel-workbook-facts.md)."""
    found: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            for label, name_re, content_re in _DROPPED_PARTS:
                for name in names:
                    if not re.search(name_re, name):
                        continue
                    if content_re is None or _part_matches(archive, name, content_re):
                        found.append(label)
                        break
    except zipfile.BadZipFile:
        raise BadWorkbook(file=path.name, detail="not an .xlsx workbook (it is not a zip package)") from None
    return found


def _part_matches(archive: zipfile.ZipFile, name: str, pattern: str) -> bool:
    regex = re.compile(pattern.encode())
    with archive.open(name) as fh:
        tail = b""
        for block in iter(lambda: fh.read(1 << 20), b""):
            if regex.search(tail + block):
                return True
            tail = block[-200:]
    return False


def refuse_if_unsafe(path: Path) -> None:
    """Raise UnsafeWorkbook if saving ``path`` with openpyxl would drop any of its parts."""
    parts = parts_openpyxl_drops(path)
    if parts:
        raise UnsafeWorkbook(file=path.name, parts=", ".join(parts))


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
