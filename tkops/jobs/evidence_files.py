"""The file work of an evidence pack: finding a case's folder, listing its files, streaming them into a ZIP.

Which folder and which files count is the after-sales core's (:mod:`tkops.aftersales.evidence_files`); this module
touches the disk. The team's files are only ever read. Each is copied into the archive block by block while its
SHA-256 is computed, so a folder of large videos never sits in memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tkops.aftersales.evidence_catalogue import EvidenceError
from tkops.aftersales.evidence_files import (INDEX_NAME, EvidenceFile, belongs, check_case_id, earlier_pack,
                                             is_junk, keeps_folder, kind_of, safe_name, stored_as_is)

CHUNK = 1 << 20


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


def list_files(folder: Path, case_id: str) -> tuple[list[EvidenceFile], list[str]]:
    """Every regular file inside ``folder`` (sorted by relative path) and the relative names of those left out:
    junk (:func:`~tkops.aftersales.evidence_files.is_junk`), hidden folders, earlier evidence packs of the case put
    back in the folder, and anything that is not a regular file inside the folder or whose name could climb out of
    it when the archive is unpacked: symbolic links and junctions (wherever they point), and names holding a
    backslash, ``..`` or control characters."""
    earlier = earlier_pack(case_id)
    inside = folder.resolve()
    files, skipped = [], []
    for top, dirs, names in os.walk(folder):
        base = Path(top)
        rel_top = base.relative_to(folder)
        keep = []
        for d in sorted(dirs):
            if not keeps_folder(d) or _linked(base / d):
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
                    or not safe_name(name) or _linked(path) or not _within(path, inside)):
                skipped.append(rel)
                continue
            files.append(EvidenceFile(path, rel, info.st_size, dt.datetime.fromtimestamp(info.st_mtime),
                                      kind_of(name)))
    files.sort(key=lambda f: f.rel.casefold())
    return files, skipped


def _linked(path: Path) -> bool:
    """A symbolic link, or a Windows junction (a folder that is really somewhere else)."""
    return path.is_symlink() or bool(getattr(os.path, "isjunction", lambda _p: False)(path))


def _within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError):
        return False


def write_zip(target: Path, files: list[EvidenceFile], index: Callable[[], str], now: dt.datetime) -> None:
    """Write ``files`` into a new ZIP at ``target`` (under ``files/``, UTF-8 names, modified times kept), filling
    each one's ``sha256`` and ``size`` from the bytes copied; then ``index()``'s HTML as ``index.html``."""
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for f in files:
            info = zipfile.ZipInfo.from_file(f.path, f.arcname, strict_timestamps=False)
            info.compress_type = zipfile.ZIP_STORED if stored_as_is(f.path.name) else zipfile.ZIP_DEFLATED
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
