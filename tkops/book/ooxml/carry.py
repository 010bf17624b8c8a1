"""What the package-level writer cannot carry, refused by name before anything is written
(docs/ooxml.md#what-is-refused). Everything else in a workbook is kept byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from tkops.book.ooxml.package import STRICT_MAIN, Package, UnreadablePart
from tkops.book.ooxml.workbook import Workbook
from tkops.errors import BadWorkbook, UnsafeWorkbook

#: An OLE compound file: how Excel stores a password-protected (encrypted) workbook, and old .xls files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_WORKBOOK = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
SIGNATURE_ORIGIN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"


def refuse_container(path: Path) -> None:
    """Refuse a file that is not a zip package: an encrypted workbook, an .xls, anything else."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise UnsafeWorkbook(code="workbook_encrypted", file=path.name)
    if not head.startswith(b"PK"):
        raise BadWorkbook(file=path.name, detail="not an .xlsx workbook (it is not a zip package)")


def refuse_package(path: Path, package: Package, workbook: Workbook) -> None:
    """Refuse a package the writer would damage: Strict Open XML, a binary workbook, a signed package."""
    if workbook.namespace == STRICT_MAIN:
        raise UnsafeWorkbook(code="workbook_strict", file=path.name)
    if package.content_type(workbook.part) == BINARY_WORKBOOK:
        raise UnsafeWorkbook(code="workbook_binary", file=path.name)
    signed = package.parts_named("_xmlsignatures/") or package.rels("").of_type(SIGNATURE_ORIGIN)
    if signed:
        raise UnsafeWorkbook(code="workbook_signed", file=path.name)


def unreadable(path: Path, err: UnreadablePart) -> UnsafeWorkbook:
    """The refusal for a part the writer would have to rewrite but cannot read."""
    return UnsafeWorkbook(code="workbook_part_unreadable", file=path.name, part=err.part, detail=err.detail[:200])


def refuse_what_cannot_be_carried(path: Path) -> None:
    """Raise :class:`UnsafeWorkbook` (or BadWorkbook) when ``path`` cannot be edited without losing something:
    the container and package checks, and the shared parts every save may rewrite (workbook.xml, styles.xml) read
    now, so a command can refuse before it takes the book's lock."""
    from tkops.book.ooxml.editor import OoxmlWorkbook  # the editor runs these checks itself when it opens

    OoxmlWorkbook(path)
