"""The team's evidence files: finding a case's folder, listing its files, streaming them into a ZIP.

The team's files are only ever read. Each is copied into the archive block by block while its SHA-256 is computed,
so a folder of large videos never sits in memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tkops.aftersales.evidence_catalogue import EvidenceError

#: Where the team's files go inside the archive (index.html sits at the top, so a file of that name cannot clash).
FILES_DIR = "files/"
INDEX_NAME = "index.html"
CHUNK = 1 << 20
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_JUNK_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
_JUNK_SUFFIXES = (".tmp", ".temp", ".crdownload", ".part", ".partial", ".download")
_JUNK_DIRS = frozenset({"__macosx", "$recycle.bin", "system volume information"})
#: Already compressed: stored as they are (deflating them costs time and gains nothing).
_PACKED = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".mp4", ".mov", ".m4v", ".avi",
                     ".mkv", ".zip", ".rar", ".7z", ".gz", ".mp3", ".m4a", ".aac", ".docx", ".xlsx", ".pptx"})


@dataclass
class EvidenceFile:
    """One of the team's files: where it is, its name in the archive (relative, ``/``), what it is."""

    path: Path
    rel: str
    size: int
    modified: dt.datetime
    kind: str
    sha256: str = ""
    covers: list[str] = field(default_factory=list)  # checklist items (their English names) it probably covers

    @property
    def arcname(self) -> str:
        return FILES_DIR + self.rel


def check_case_id(case_id: str) -> str:
    """``case_id`` stripped, when it is safe as (the start of) a folder name; else EvidenceError."""
    text = str(case_id).strip()
    if not _SAFE_ID.fullmatch(text):
        raise EvidenceError("evidence.bad_case_id", case=text[:60])
    return text


def belongs(name: str, case_id: str) -> bool:
    """Whether a folder named ``name`` is case ``case_id``'s: the ID itself, or the ID and more words after a
    character that cannot continue an ID ("578123 wrong colour", "578123-broken"; not "5781234")."""
    name, case_id = unicodedata.normalize("NFC", name).casefold(), case_id.casefold()
    return name == case_id or (name.startswith(case_id) and not name[len(case_id)].isalnum())


def find_case_folder(root: Path, case_id: str) -> Path:
    """The folder of case ``case_id`` in ``root`` (or ``root`` itself when it is the case's folder)."""
    case_id = check_case_id(case_id)
    if root.is_dir() and belongs(root.name, case_id):
        return root
    if not root.is_dir():
        raise EvidenceError("evidence.no_root", root=root, example=f"{case_id} wrong colour")
    found = sorted((p for p in root.iterdir() if p.is_dir() and belongs(p.name, case_id)), key=lambda p: p.name)
    if not found:
        raise EvidenceError("evidence.no_folder", case=case_id, folder=root / case_id, root=root)
    if len(found) > 1:
        raise EvidenceError("evidence.ambiguous_folder", case=case_id, root=root,
                            folders=", ".join(f'"{p.name}"' for p in found))
    if _linked(found[0]) or not _within(found[0], root.resolve()):
        raise EvidenceError("evidence.linked_folder", case=case_id, folder=found[0])
    return found[0]


def is_junk(name: str, entry: os.stat_result | None = None) -> bool:
    """Lock, temporary and hidden files: Office owner files (``~$x.docx``), ``.DS_Store`` and other dot files,
    ``Thumbs.db``, ``desktop.ini``, unfinished downloads, and files Windows marks hidden or system."""
    folded = name.casefold()
    if folded.startswith((".", "~$")) or folded in _JUNK_NAMES or folded.endswith(_JUNK_SUFFIXES):
        return True
    flags = getattr(entry, "st_file_attributes", 0) if entry is not None else 0
    return bool(flags & (getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0) | getattr(stat, "FILE_ATTRIBUTE_SYSTEM", 0)))


def list_files(folder: Path, case_id: str) -> tuple[list[EvidenceFile], list[str]]:
    """Every regular file inside ``folder`` (sorted by relative path) and the relative names of those left out:
    junk (:func:`is_junk`), hidden folders, earlier evidence packs of the case put back in the folder, and anything
    that is not a regular file inside the folder or whose name could climb out of it when the archive is unpacked:
    symbolic links and junctions (wherever they point), and names holding a backslash, ``..`` or control
    characters."""
    earlier = re.compile(rf"evidence {re.escape(case_id.casefold())} \d{{4}}-\d\d-\d\d \d{{4}}( \(\d+\))?\.(zip|pdf)")
    inside = folder.resolve()
    files, skipped = [], []
    for top, dirs, names in os.walk(folder):
        base = Path(top)
        rel_top = base.relative_to(folder)
        keep = []
        for d in sorted(dirs):
            if d.startswith(".") or d.casefold() in _JUNK_DIRS or not _safe_name(d) or _linked(base / d):
                skipped.append(_rel(rel_top / d) + "/")
            else:
                keep.append(d)
        dirs[:] = keep
        for name in sorted(names):
            path, rel = base / name, _rel(rel_top / name)
            try:
                info = path.lstat()
            except OSError as err:
                raise EvidenceError("evidence.unreadable", file=path, detail=err.strerror or err) from None
            if (is_junk(name, info) or earlier.fullmatch(name.casefold()) or not stat.S_ISREG(info.st_mode)
                    or not _safe_name(name) or _linked(path) or not _within(path, inside)):
                skipped.append(rel)
                continue
            files.append(EvidenceFile(path, rel, info.st_size, dt.datetime.fromtimestamp(info.st_mtime),
                                      kind_of(name)))
    files.sort(key=lambda f: f.rel.casefold())
    return files, skipped


def _safe_name(name: str) -> bool:
    """A file or folder name that stays one name inside the case folder when the archive is unpacked on any system:
    no backslash or slash, not ``.`` or ``..``, no control characters."""
    return not ("\\" in name or "/" in name or name in (".", "..") or _CONTROL.search(name))


def _linked(path: Path) -> bool:
    """A symbolic link, or a Windows junction (a folder that is really somewhere else)."""
    return path.is_symlink() or bool(getattr(os.path, "isjunction", lambda _p: False)(path))


def _within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError):
        return False


def kind_of(name: str) -> str:
    """The file's type as a MIME type (``image/png``), or its extension when unknown."""
    guessed = mimetypes.guess_type(name, strict=False)[0]
    suffix = Path(name).suffix.lstrip(".").upper()
    return guessed or (f"{suffix} file" if suffix else "file")


def write_zip(target: Path, files: list[EvidenceFile], index: Callable[[], str], now: dt.datetime) -> None:
    """Write ``files`` into a new ZIP at ``target`` (under ``files/``, UTF-8 names, modified times kept), filling
    each one's ``sha256`` and ``size`` from the bytes copied; then ``index()``'s HTML as ``index.html``."""
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for f in files:
            info = zipfile.ZipInfo.from_file(f.path, f.arcname, strict_timestamps=False)
            info.compress_type = zipfile.ZIP_STORED if f.path.suffix.casefold() in _PACKED else zipfile.ZIP_DEFLATED
            digest, size = hashlib.sha256(), 0
            with archive.open(info, "w") as out:
                for block in _blocks(f.path):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
            f.sha256, f.size = digest.hexdigest(), size
        stamp = max(now, dt.datetime(1980, 1, 1)).timetuple()[:6]
        page = zipfile.ZipInfo(INDEX_NAME, date_time=stamp)
        page.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(page, index().encode("utf-8"))


def _blocks(path: Path) -> Iterator[bytes]:
    """The file's bytes, a block at a time; a read error names the file (a write error is the caller's)."""
    try:
        with open(path, "rb") as src:
            while block := src.read(CHUNK):
                yield block
    except OSError as err:
        raise EvidenceError("evidence.unreadable", file=path, detail=err.strerror or err) from None


def _rel(path: Path) -> str:
    return unicodedata.normalize("NFC", path.as_posix())


def human_size(n: int) -> str:
    """``n`` bytes as a person reads it: 812 B, 14.2 KB, 3.1 MB, 1.2 GB."""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
