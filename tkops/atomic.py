"""Writing a file so that readers see the old one or the new one, never half of either.

The new content goes to a temporary file beside the target, unique to the run (machine, process and a random part
in its name); on success it is flushed to disk and renamed over the target, on failure it is removed. Temporary
files of killed runs are cleaned when the next run writes the same target. The workbook's own version, which also
refuses a workbook open in Excel, is :func:`tkops.book.safety.atomic_target`.
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

#: A temporary file this old is a killed run's even when another machine made it.
STALE_AFTER = dt.timedelta(hours=1)


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
def temp_beside(path: Path, clean_stale: bool = True) -> Iterator[Path]:
    """A new temporary file beside ``path`` (:func:`new_temp`) that is removed on leaving, unless
    :func:`put_in_place` moved it; with ``clean_stale``, killed runs' temporary files older than
    :data:`STALE_AFTER` are removed first."""
    if clean_stale:
        remove_stale_temps(path)
    tmp = new_temp(path)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def put_in_place(tmp: Path, path: Path) -> None:
    """Flush ``tmp`` to disk and rename it over ``path`` (one step: a reader sees the old file or the new one)."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; when the block ends without an error it replaces ``path``,
    otherwise it is removed and ``path`` stays as it was (see :func:`temp_beside`)."""
    with temp_beside(path) as tmp:
        yield tmp
        put_in_place(tmp, path)
