"""One way in and out of a workbook file: lock, read, save, replace, back up.

Every batch command runs its whole read-compute-save inside a :class:`BookSession`::

    with BookSession(path, "review", notify=print) as session:
        book = session.open(settings)        # a FileBook whose save() goes through the session
        ...                                  # read, compute, write, book.save()

- **One writer at a time.** A lock file beside the book (``.<book>.tkops-lock``, the ``filelock`` library: an
  operating-system lock, released when the process ends, even killed) is held for the whole run. The holder writes
  who it is (command, process, machine, user, since when) into ``.<book>.tkops-holder.json``. A second run waits
  up to Lock Wait seconds (``--wait``, the ``TKOPS_LOCK_WAIT`` variable, the Settings row, default 10), says whom
  it waits for, and then refuses (:class:`~tkops.errors.BookBusy`, exit 1) with nothing changed.
- **Nothing lost to a writer that does not take the lock** (Excel, a sync tool, a copy): the book's size,
  modification time and SHA-256 are taken when it is read; before the book is replaced the file on disk must still
  have the same size and SHA-256, otherwise the run refuses (:class:`~tkops.errors.BookChanged`, exit 1) and the
  other version stays.
- **Unique temporary files** beside the book (:func:`tkops.atomic.new_temp`); those of killed runs are
  removed when the next run takes the lock.
- **Backups** of every version replaced (:mod:`tkops.book.backups`; Settings: Backups, Backup Days).

A :class:`~tkops.book.FileBook` made without a session gets a save-only one: the lock is taken just for the
save, and the fingerprint check covers the time since the book was opened.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from tkops.atomic import atomic_write, temp_beside
from tkops.book import backups, safety
from tkops.errors import BookBusy, BookChanged, WorkbookLocked

DEFAULT_WAIT = 10.0
WAIT_VARIABLE = "TKOPS_LOCK_WAIT"
_HELD: dict[str, "BookSession"] = {}  # books this process holds the lock of: a nested save must not wait for itself


def lock_path(book: Path) -> Path:
    """The lock file beside ``book``."""
    return book.with_name(f".{book.name}.tkops-lock")


def holder_path(book: Path) -> Path:
    """The file where the lock's holder says who it is."""
    return book.with_name(f".{book.name}.tkops-holder.json")


@dataclass(frozen=True)
class Fingerprint:
    """What a book file was when it was read: size, modification time (ns) and SHA-256 of its bytes."""

    size: int
    mtime_ns: int
    sha256: str

    @staticmethod
    def of(path: Path) -> "Fingerprint | None":
        """The fingerprint of ``path`` now; None when there is no such file."""
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                stat = os.fstat(fh.fileno())
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except FileNotFoundError:
            return None
        return Fingerprint(stat.st_size, stat.st_mtime_ns, digest.hexdigest())

    def same_content(self, other: "Fingerprint | None") -> bool:
        """Whether ``other`` holds the same bytes (a touch that only moved the time is no change)."""
        return other is not None and other.size == self.size and other.sha256 == self.sha256


@dataclass(frozen=True)
class Holder:
    """Who holds a book's lock."""

    command: str
    pid: int
    host: str
    user: str
    since: str  # ISO time, local

    @staticmethod
    def me(command: str) -> "Holder":
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment or the password database
            user = ""
        return Holder(command, os.getpid(), socket.gethostname(), user,
                      dt.datetime.now().replace(microsecond=0).isoformat(sep=" "))

    @staticmethod
    def read(book: Path) -> "Holder | None":
        """The holder's own account, or None when there is none (yet) or it cannot be read."""
        try:
            data = json.loads(holder_path(book).read_text(encoding="utf-8"))
            return Holder(str(data["command"]), int(data["pid"]), str(data["host"]), str(data.get("user", "")),
                          str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, book: Path) -> None:
        """Write this account beside ``book`` (atomically: a reader never sees half of it)."""
        with atomic_write(holder_path(book)) as tmp:
            tmp.write_text(json.dumps(asdict(self)), encoding="utf-8")


def wait_seconds(book: Path, wait: float | None) -> float:
    """How long to wait for the lock: ``wait`` if given, else the TKOPS_LOCK_WAIT variable, else the book's Lock
    Wait setting, else :data:`DEFAULT_WAIT`."""
    if wait is not None:
        return max(float(wait), 0.0)
    from_env = os.environ.get(WAIT_VARIABLE, "").strip()
    if from_env:
        try:
            return max(float(from_env), 0.0)
        except ValueError:
            pass
    from_sheet = _lock_wait_setting(book)
    return DEFAULT_WAIT if from_sheet is None else from_sheet


def _lock_wait_setting(book: Path) -> float | None:
    """The Lock Wait row of the book's Settings sheet, read without the lock (a replace is atomic, so the file read
    is whole); None when the book, the sheet or the row is missing or unreadable (or reaches too far to read: the
    command's own opening of the book then says so)."""
    from tkops.book.ooxml import OoxmlWorkbook
    from tkops.errors import TkopsError

    try:
        rows = OoxmlWorkbook(book).read_rows("Settings") or []
    except (TkopsError, OSError, ValueError, KeyError):
        return None
    for row in rows[1:]:
        if len(row) > 1 and str(row[0]).strip().casefold() == "lock wait":
            try:
                return max(float(row[1]), 0.0)
            except (TypeError, ValueError):
                return None
    return None


class BookSession:
    """The lock, the fingerprint and the saves of one run on one workbook file (see the module's text)."""

    def __init__(self, path: str | Path, command: str = "tkops", wait: float | None = None,
                 notify: Callable[[str], None] | None = None, lang: str = "en",
                 clock: Callable[[], dt.datetime] = dt.datetime.now, defaults: Callable | None = None) -> None:
        self.path = Path(path)
        self.defaults = defaults  # a new workbook's default rows (tkops.book.layout.DefaultRows), for open()
        self.command = command
        self.wait = wait
        self.notify = notify
        self.lang = lang
        self.clock = clock
        self.fingerprint: Fingerprint | None = None
        self.saves: list = []  # tkops.book.SaveResult of every save, in order
        self._lock: FileLock | None = None
        self._key = str(self.path.resolve())

    # --- the lock -------------------------------------------------------------------------------------------------
    @property
    def held(self) -> bool:
        """Whether this run holds the book's lock (itself or through an enclosing session of this process)."""
        return self._lock is not None or self._key in _HELD

    def __enter__(self) -> "BookSession":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the book's lock, waiting as configured; refuse with BookBusy naming the holder. Then clean the
        temporary files of killed runs."""
        if self.held:
            return
        lock = FileLock(lock_path(self.path), timeout=0)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            self._wait_for(lock)
        except OSError as err:  # a folder tkops cannot write to: no lock file, and no save either
            raise WorkbookLocked(file=self.path.name, detail=err.strerror or str(err)) from None
        self._lock = lock
        _HELD[self._key] = self
        Holder.me(self.command).write(self.path)
        safety.remove_stale_temps(self.path, lock_held=True)

    def _wait_for(self, lock: FileLock) -> None:
        seconds = wait_seconds(self.path, self.wait)
        holder = Holder.read(self.path)
        if self.notify is not None and seconds > 0:
            from tkops.messages import render

            code, params = holder_params("book_waiting", holder)
            self.notify(render(code, self.lang, file=self.path.name, seconds=_seconds(seconds), **params))
        try:
            lock.acquire(timeout=seconds)
        except Timeout:
            code, params = holder_params("book_busy", Holder.read(self.path) or holder)
            raise BookBusy(code, file=self.path.name, seconds=_seconds(seconds), **params) from None

    def release(self) -> None:
        """Let go of the lock (the holder file first, so nobody reads a stale account)."""
        if self._lock is None:
            return
        try:
            holder_path(self.path).unlink(missing_ok=True)
        finally:
            _HELD.pop(self._key, None)
            self._lock.release()
            self._lock = None

    # --- reading and saving ---------------------------------------------------------------------------------------
    def mark_read(self) -> None:
        """Remember what the book file is now (call just before reading it)."""
        self.fingerprint = Fingerprint.of(self.path)

    def open(self, settings=None):
        """The book as a :class:`~tkops.book.FileBook` whose saves go through this session."""
        from tkops.book import FileBook
        from tkops.settings import DEFAULT

        return FileBook(self.path, settings or DEFAULT, session=self, defaults=self.defaults)

    def commit(self, write: Callable[[Path], None], keep_last: int = backups.DEFAULT_KEEP_LAST,
               days: int = backups.DEFAULT_DAYS):
        """Write the book through ``write(temporary path)`` and put it in place: the book must still be the file
        read (else BookChanged), the version replaced is backed up, the backups are pruned. On any failure the book
        and the backups are as they were. Returns the :class:`~tkops.book.SaveResult`."""
        own_lock = not self.held
        if own_lock:
            self.acquire()
        try:
            result = self._replace(write, keep_last, days)
        finally:
            if own_lock:
                self.release()
        self.saves.append(result)
        return result

    def _replace(self, write: Callable[[Path], None], keep_last: int, days: int):
        from tkops.book import SaveResult

        safety.check_not_locked(self.path)
        kept = None
        try:
            # the killed runs' temporary files went when the lock was taken (acquire)
            with temp_beside(self.path, clean_stale=False) as tmp:
                write(tmp)
                safety.check_not_locked(self.path)
                self._check_unchanged()
                created = self.fingerprint is None
                now = self.clock()
                if not created and keep_last > 0:
                    kept = backups.make_backup(self.path, now)
                safety.replace_with(tmp, self.path)
                placed, kept = kept, None  # from here on the backup belongs to the new state
            if placed is not None:
                backups.prune(self.path, keep_last, days, now)
            self.fingerprint = Fingerprint.of(self.path)
            return SaveResult(self.path, created, placed)
        finally:
            if kept is not None:  # the replace failed: the copy made for it goes too
                kept.unlink(missing_ok=True)

    def _check_unchanged(self) -> None:
        now = Fingerprint.of(self.path)
        if self.fingerprint is None:
            if now is None:
                return
            raise BookChanged(file=self.path.name, what="book_changed_created")
        if not self.fingerprint.same_content(now):
            raise BookChanged(file=self.path.name, what="book_changed_gone" if now is None else "book_changed_bytes")


def holder_params(code: str, holder: Holder | None) -> tuple[str, dict]:
    """The message code (``code``, or ``code + "_unknown"`` when the holder gave no account) and its parameters."""
    if holder is None:
        return code + "_unknown", {}
    return code, {"command": holder.command, "pid": holder.pid, "host": holder.host, "user": holder.user or "?",
                  "since": holder.since}


def _seconds(value: float) -> str:
    return f"{value:g}"
