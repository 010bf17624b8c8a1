"""What an input file holds, told from its bytes (not its name), and the refusal when that is not what its name says.

A Seller Center, ERP or carrier file is CSV text or a workbook (XLSX/XLSM, XLSB, XLS, ODS). Anything else (a PDF, an
image, a ZIP of exports, a Word file, a web page saved as ``.xls``, an empty download) is refused with a message
that says what the file is and what to give tkops instead, before any parser sees it. The signatures are the
formats' published magic numbers (docs/input-files.md#what-a-file-is).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tkops.errors import DataError

#: Workbook kinds and the file-name endings each is read under (calamine picks its reader by the ending).
WORKBOOK_SUFFIXES: dict[str, tuple[str, ...]] = {
    "xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "xls": (".xls",), "ods": (".ods",),
}
SPREADSHEET_SUFFIXES = frozenset(s for endings in WORKBOOK_SUFFIXES.values() for s in endings)
#: Kinds that are not data at all -> the advice given with them.
NOT_DATA: dict[str, str] = {
    "pdf": "advice.export", "image": "advice.export", "zip": "advice.unzip", "archive": "advice.unzip",
    "document": "advice.export", "html": "advice.save_xlsx", "xml": "advice.export", "xml2003": "advice.save_xlsx",
    "binary": "advice.export", "utf16": "advice.save_utf8",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_HEAD = 8192


def kind_of(path: Path) -> str:
    """What ``path`` holds: ``csv`` (text), ``xlsx``, ``xlsb``, ``xls``, ``ods``, ``encrypted`` (a password-protected
    workbook), ``empty`` or one of :data:`NOT_DATA`."""
    with open(path, "rb") as fh:
        head = fh.read(_HEAD)
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        return "empty"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")):
        return "image"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh")):
        return "archive"
    if head.startswith(b"PK"):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return "encrypted" if _holds(path, _ENCRYPTED_OOXML) else "xls"
    return _text_kind(head)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.replace("\\", "/").lstrip("/") for n in archive.namelist()}
            mimetype = _head_of(archive, "mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return "xlsx"  # a damaged zip: the workbook checks say how it is damaged
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if mimetype.startswith(b"application/vnd.oasis.opendocument") or "word/document.xml" in names \
            or "ppt/presentation.xml" in names:
        return "document"
    return "zip"


def _head_of(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of a part, never more (the part may be a bomb: the guard checks it later)."""
    with archive.open(name) as part:
        return part.read(80)


def _holds(path: Path, needle: bytes) -> bool:
    with open(path, "rb") as fh:
        tail = b""
        for block in iter(lambda: fh.read(1 << 20), b""):
            if needle in tail + block:
                return True
            tail = block[-len(needle):]
    return False


def _text_kind(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # UTF-16 with a byte-order mark: text (decoded later)
    if b"\x00" in head:
        return "utf16" if _utf16_without_bom(head) else "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<meta", b"<body")):
        return "html"
    if start.startswith(b"<?xml") or start.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in head or b"excel.sheet" in start:
            return "xml2003"
        return "html" if b"<html" in start else "xml"
    return "csv"


def _utf16_without_bom(head: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: every other byte of ASCII text is a zero."""
    even, odd = head[0::2], head[1::2]
    return any(half.count(0) >= 0.9 * len(half) and other.count(0) <= 0.1 * len(other)
               for half, other in ((odd, even), (even, odd)) if len(half) >= 8)


def expect(path: Path) -> str:
    """The kind of ``path`` when it fits the name's ending (a workbook kind, or ``csv`` for any other ending);
    otherwise a :class:`DataError` saying what the file is and what to do."""
    kind = kind_of(path)
    suffix = path.suffix.lower()
    if kind == "empty":
        raise DataError("input.empty", file=path.name)
    if kind == "encrypted":
        raise DataError("input.encrypted", file=path.name)
    if kind in NOT_DATA:
        raise DataError("input.not_data", file=path.name, what=f"what.{kind}", advice=NOT_DATA[kind])
    wanted = next((k for k, endings in WORKBOOK_SUFFIXES.items() if suffix in endings), "csv")
    if kind != wanted:
        right = WORKBOOK_SUFFIXES[kind][0] if kind in WORKBOOK_SUFFIXES else ".csv"
        raise DataError("input.wrong_suffix", file=path.name, what=f"what.{kind}", suffix=suffix or "(none)",
                        right=right)
    return kind
