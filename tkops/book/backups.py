"""Backups of a workbook: a copy of the version a save replaces, in a ``tkops-backups`` folder beside it.

Retention (Settings: Backups, Backup Days): the newest ``keep_last`` copies are kept, and, for each of the last
``days`` calendar days, the newest copy made that day, so the version from before a bad import in the morning is
still there in the evening and a week later. Only files whose names tkops made (``<book>.<time stamp><suffix>``)
are ever deleted; the time comes from the name (a copy keeps the book's own modification time).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

BACKUP_DIR = "tkops-backups"
STAMP = "%Y%m%d-%H%M%S-%f"
DEFAULT_KEEP_LAST = 20
DEFAULT_DAYS = 14


def folder_of(path: Path) -> Path:
    """The backups folder of the workbook ``path``."""
    return path.parent / BACKUP_DIR


def make_backup(path: Path, now: dt.datetime | None = None) -> Path | None:
    """Copy ``path`` into its backups folder, the name stamped with ``now``; None when there is nothing to copy."""
    if not path.exists():
        return None
    folder = folder_of(path)
    folder.mkdir(exist_ok=True)
    moment = now or dt.datetime.now()
    target = folder / f"{path.stem}.{moment.strftime(STAMP)}{path.suffix}"
    while target.exists():  # two saves in the same microsecond (a fast clock, a fake one)
        moment += dt.timedelta(microseconds=1)
        target = folder / f"{path.stem}.{moment.strftime(STAMP)}{path.suffix}"
    shutil.copy2(path, target)
    return target


def backups_of(path: Path) -> list[tuple[dt.datetime, Path]]:
    """The backups tkops made of ``path``, newest first, with the time in their names."""
    folder = folder_of(path)
    if not folder.is_dir():
        return []
    found = []
    prefix, suffix = f"{path.stem}.", path.suffix
    for candidate in folder.iterdir():
        name = candidate.name
        if not (name.startswith(prefix) and name.endswith(suffix)) or not candidate.is_file():
            continue
        try:
            when = dt.datetime.strptime(name[len(prefix):len(name) - len(suffix)], STAMP)
        except ValueError:  # not one of ours (another book whose name starts like this one, a copy the team made)
            continue
        found.append((when, candidate))
    return sorted(found, key=lambda item: item[0], reverse=True)


def to_keep(stamps: list[dt.datetime], keep_last: int, days: int, today: dt.date) -> set[dt.datetime]:
    """Which of ``stamps`` the retention keeps: the ``keep_last`` newest, and the newest of each of the ``days``
    calendar days up to ``today`` (today included)."""
    newest_first = sorted(stamps, reverse=True)
    keep = set(newest_first[:max(keep_last, 0)])
    first_day = today - dt.timedelta(days=max(days, 0) - 1)
    seen_days: set[dt.date] = set()
    for stamp in newest_first:
        day = stamp.date()
        if first_day <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(stamp)
    return keep


def prune(path: Path, keep_last: int = DEFAULT_KEEP_LAST, days: int = DEFAULT_DAYS,
          now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups of ``path`` the retention does not keep; returns the deleted paths."""
    found = backups_of(path)
    keep = to_keep([when for when, _ in found], keep_last, days, (now or dt.datetime.now()).date())
    deleted = []
    for when, candidate in found:
        if when not in keep:
            candidate.unlink(missing_ok=True)
            deleted.append(candidate)
    return deleted


def backup(path: Path, keep: int = DEFAULT_KEEP_LAST, now: dt.datetime | None = None,
           days: int = DEFAULT_DAYS) -> Path | None:
    """Copy ``path`` into its backups folder and apply the retention; the copy's path (None when ``path`` is
    missing or ``keep`` is 0)."""
    if keep <= 0:
        return None
    target = make_backup(path, now)
    if target is not None:
        prune(path, keep, days, now)
    return target
