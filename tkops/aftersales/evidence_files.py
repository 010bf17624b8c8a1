"""The team's evidence files as facts: which folder is a case's, which files an evidence pack keeps, their names
in the archive, their types and sizes. Pure: the job module :mod:`tkops.jobs.evidence_files` finds, lists, reads and
writes the files (docs/architecture.md#what-a-core-may-not-do).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from tkops.aftersales.evidence_catalogue import EvidenceError

#: Where the team's files go inside the archive (index.html sits at the top, so a file of that name cannot clash).
FILES_DIR = "files/"
INDEX_NAME = "index.html"
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


def is_junk(name: str, entry: os.stat_result | None = None) -> bool:
    """Lock, temporary and hidden files: Office owner files (``~$x.docx``), ``.DS_Store`` and other dot files,
    ``Thumbs.db``, ``desktop.ini``, unfinished downloads, and files Windows marks hidden or system."""
    folded = name.casefold()
    if folded.startswith((".", "~$")) or folded in _JUNK_NAMES or folded.endswith(_JUNK_SUFFIXES):
        return True
    flags = getattr(entry, "st_file_attributes", 0) if entry is not None else 0
    return bool(flags & (getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0) | getattr(stat, "FILE_ATTRIBUTE_SYSTEM", 0)))


def safe_name(name: str) -> bool:
    """A file or folder name that stays one name inside the case folder when the archive is unpacked on any system:
    no backslash or slash, not ``.`` or ``..``, no control characters."""
    return not ("\\" in name or "/" in name or name in (".", "..") or _CONTROL.search(name))


def keeps_folder(name: str) -> bool:
    """Whether a sub-folder of that name goes into the pack: not hidden, not a system folder (``__MACOSX``, the
    recycle bin...), and a name that stays inside the case folder (:func:`safe_name`)."""
    return not (name.startswith(".") or name.casefold() in _JUNK_DIRS or not safe_name(name))


def earlier_pack(case_id: str) -> re.Pattern:
    """The (casefolded) names of this case's earlier evidence packs, put back in the folder by the team."""
    return re.compile(rf"evidence {re.escape(case_id.casefold())} \d{{4}}-\d\d-\d\d \d{{4}}( \(\d+\))?\.(zip|pdf)")


def stored_as_is(name: str) -> bool:
    """Whether a file of that name is already compressed (photos, videos, archives): stored in the ZIP as it is."""
    return Path(name).suffix.casefold() in _PACKED


def kind_of(name: str) -> str:
    """The file's type as a MIME type (``image/png``), or its extension when unknown."""
    guessed = mimetypes.guess_type(name, strict=False)[0]
    suffix = Path(name).suffix.lstrip(".").upper()
    return guessed or (f"{suffix} file" if suffix else "file")


def human_size(n: int) -> str:
    """``n`` bytes as a person reads it: 812 B, 14.2 KB, 3.1 MB, 1.2 GB."""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
