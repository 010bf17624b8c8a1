"""An Open Packaging Conventions package (docs/ooxml.md#the-package): its parts by name, its content types and the
relationships of each part, and writing it back with only the changed parts rewritten.

Small XML parts are edited as lxml trees, which keep every namespace declaration and prefix as written (Excel
refuses a part whose ``mc:Ignorable`` names a prefix that is no longer declared, which is what the standard
library's ElementTree does to them).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from tkops.book.ooxml.inflate import inflated
from tkops.book.ooxml.zipcopy import Deflated, PackageWriter, ZipProblem, read_entries

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

REL_OFFICE_DOCUMENT = DOC_REL + "/officeDocument"
REL_WORKSHEET = DOC_REL + "/worksheet"
REL_TABLE = DOC_REL + "/table"
REL_CALC_CHAIN = DOC_REL + "/calcChain"
REL_STYLES = DOC_REL + "/styles"
REL_EXTENDED = DOC_REL + "/extended-properties"

CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


class UnreadablePart(ValueError):
    """A part the writer has to change is not well-formed XML (or missing)."""

    def __init__(self, part: str, detail: str) -> None:
        super().__init__(f"{part}: {detail}")
        self.part = part
        self.detail = detail


def parse_xml(data: bytes, part: str) -> etree._Element:
    """The root element of ``data``; :class:`UnreadablePart` naming ``part`` when it is not XML."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise UnreadablePart(part, str(err)) from None


def xml_bytes(root: etree._Element) -> bytes:
    """``root`` serialised as a standalone UTF-8 document."""
    return DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def q(tag: str, ns: str = MAIN) -> str:
    """A Clark-notation name (``{namespace}tag``)."""
    return f"{{{ns}}}{tag}"


def rels_name(part: str) -> str:
    """The relationships part of ``part`` (``xl/workbook.xml`` -> ``xl/_rels/workbook.xml.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class Relationships:
    """The relationships of one part (an ``_rels/*.rels`` part), editable."""

    def __init__(self, package: "Package", source: str) -> None:
        self.package = package
        self.source = source
        self.name = rels_name(source)
        self.root = package.xml(self.name) if package.has(self.name) else etree.Element(
            q("Relationships", PKG_REL), nsmap={None: PKG_REL})
        self.dirty = False

    def items(self) -> list[etree._Element]:
        return self.root.findall(q("Relationship", PKG_REL))

    def target_part(self, rel: etree._Element) -> str | None:
        """The part a relationship points at (None for an external target)."""
        if rel.get("TargetMode") == "External":
            return None
        target = rel.get("Target", "")
        if target.startswith("/"):
            return self.package.real_name(target.lstrip("/"))
        return self.package.real_name(posixpath.normpath(posixpath.join(posixpath.dirname(self.source), target)))

    def by_id(self, rid: str) -> str | None:
        for rel in self.items():
            if rel.get("Id") == rid:
                return self.target_part(rel)
        return None

    def of_type(self, rel_type: str) -> list[tuple[str, str | None]]:
        """(id, part) of every relationship of ``rel_type``."""
        return [(rel.get("Id"), self.target_part(rel)) for rel in self.items() if rel.get("Type") == rel_type]

    def add(self, rel_type: str, part: str) -> str:
        """Add a relationship to ``part`` (a package part name); returns its new id."""
        used = {rel.get("Id") for rel in self.items()}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        target = posixpath.relpath(part, posixpath.dirname(self.source) or ".")
        etree.SubElement(self.root, q("Relationship", PKG_REL), Id=f"rId{n}", Type=rel_type, Target=target)
        self.dirty = True
        return f"rId{n}"

    def remove_type(self, rel_type: str) -> None:
        for rel in self.items():
            if rel.get("Type") == rel_type:
                self.root.remove(rel)
                self.dirty = True


class Package:
    """A workbook package opened for editing: parts are read on demand, changes are kept until :meth:`save`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # The whole file is read at once: no handle stays open on it (Windows could not replace the workbook
            # while one is), and the save is made from exactly what was read.
            self.data = path.read_bytes()
            self.entries, self._cd_start, self._comment = read_entries(io.BytesIO(self.data))
            self.archive = zipfile.ZipFile(io.BytesIO(self.data))
        except (ZipProblem, zipfile.BadZipFile, OSError) as err:
            raise UnreadablePart("(zip container)", str(err)) from None
        self._by_lower = {e.name.lower(): e.name for e in self.entries}
        self._xml: dict[str, etree._Element] = {}
        self._rels: dict[str, Relationships] = {}
        self.replaced: dict[str, bytes | Deflated] = {}
        self.dirty_xml: set[str] = set()
        self.removed: set[str] = set()
        self.added: set[str] = set()
        self.content_types = self.xml("[Content_Types].xml")

    # --- reading ---------------------------------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        name = self.real_name(name)
        stored = name.lower() in self._by_lower or name in self.added
        return stored and name not in self.removed

    def real_name(self, name: str) -> str:
        """The part's name as stored (part names are case-insensitive)."""
        return self._by_lower.get(name.lower(), name)

    def read(self, name: str, own_reader: bool = False) -> bytes:
        """The stored bytes of part ``name``; ``own_reader``: through a zip reader of its own over the same bytes
        (for a read in another thread: one ``ZipFile`` is not documented as safe to share between threads)."""
        name = self.real_name(name)
        try:
            archive = zipfile.ZipFile(io.BytesIO(self.data)) if own_reader else self.archive
            return inflated(self.data, archive.getinfo(name)) or archive.read(name)
        except KeyError:
            raise UnreadablePart(name, "the part is missing") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as err:
            raise UnreadablePart(name, str(err)) from None

    def xml(self, name: str) -> etree._Element:
        """The part ``name`` as an lxml tree (kept: edit it and :meth:`touch` it)."""
        name = self.real_name(name)
        if name not in self._xml:
            try:
                data = self.read(name)
            except Exception as err:  # zlib.error has no useful base class
                if isinstance(err, UnreadablePart):
                    raise
                raise UnreadablePart(name, str(err)) from None
            self._xml[name] = parse_xml(data, name)
        return self._xml[name]

    def rels(self, part: str) -> Relationships:
        if part not in self._rels:
            self._rels[part] = Relationships(self, part)
        return self._rels[part]

    def content_type(self, part: str) -> str | None:
        for item in self.content_types:
            if item.tag == q("Override", CONTENT_TYPES) and item.get("PartName", "").lower() == "/" + part.lower():
                return item.get("ContentType")
        ext = posixpath.splitext(part)[1].lstrip(".").lower()
        for item in self.content_types:
            if item.tag == q("Default", CONTENT_TYPES) and item.get("Extension", "").lower() == ext:
                return item.get("ContentType")
        return None

    def parts_named(self, prefix: str) -> list[str]:
        return [e.name for e in self.entries if e.name.startswith(prefix) and e.name not in self.removed] + sorted(
            n for n in self.added if n.startswith(prefix) and n not in self.removed)

    # --- changing --------------------------------------------------------------------------------------------------
    def touch(self, name: str) -> None:
        """Mark the XML tree of ``name`` as changed: it is serialised on save."""
        self.dirty_xml.add(self.real_name(name))

    def new_xml(self, name: str, root: etree._Element, content_type: str) -> None:
        """Add a new XML part, with its content type."""
        self._xml[name] = root
        self.dirty_xml.add(name)
        self.added.add(name)
        self.removed.discard(name)
        self.set_override(name, content_type)

    def put(self, name: str, data: bytes | Deflated) -> None:
        """Replace (or add) the part ``name`` with ``data``."""
        name = self.real_name(name)
        self.replaced[name] = data
        if name.lower() not in self._by_lower:
            self.added.add(name)

    def remove(self, name: str) -> None:
        name = self.real_name(name)
        self.removed.add(name)
        self.replaced.pop(name, None)
        self.dirty_xml.discard(name)
        for item in list(self.content_types):
            if item.tag == q("Override", CONTENT_TYPES) and item.get("PartName", "").lower() == "/" + name.lower():
                self.content_types.remove(item)
                self.touch("[Content_Types].xml")

    def set_override(self, name: str, content_type: str) -> None:
        for item in self.content_types:
            if item.tag == q("Override", CONTENT_TYPES) and item.get("PartName", "").lower() == "/" + name.lower():
                if item.get("ContentType") != content_type:
                    item.set("ContentType", content_type)
                    self.touch("[Content_Types].xml")
                return
        etree.SubElement(self.content_types, q("Override", CONTENT_TYPES), PartName="/" + name,
                         ContentType=content_type)
        self.touch("[Content_Types].xml")

    def unused_name(self, pattern: str) -> str:
        """The first free part name of ``pattern`` (``xl/tables/table{}.xml``), counting from 1."""
        n = 1
        while pattern.format(n).lower() in self._by_lower or pattern.format(n) in self.added:
            n += 1
        return pattern.format(n)

    def changed_parts(self) -> list[str]:
        """The parts a save would rewrite or add, and those it would leave out (prefixed ``-``)."""
        self._flush()
        return sorted(self.replaced) + sorted("-" + n for n in self.removed)

    def _flush(self) -> None:
        for part, rels in self._rels.items():
            if rels.dirty:
                self._xml[rels.name] = rels.root
                self.dirty_xml.add(rels.name)
        for name in self.dirty_xml:
            if name not in self.removed:
                self.replaced[name] = xml_bytes(self._xml[name])

    def save(self, target: Path) -> None:
        """Write the package to ``target``: unchanged parts copied as stored, the others written anew."""
        self._flush()
        with open(target, "wb") as out:
            writer = PackageWriter(out, io.BytesIO(self.data), self._cd_start)
            writer.set_source_offsets(self.entries)
            stored = set()
            for entry in self.entries:
                stored.add(entry.name)
                if entry.name in self.removed:
                    continue
                if entry.name in self.replaced:
                    writer.write(entry.name, self.replaced[entry.name])
                else:
                    writer.copy(entry)
            for name, data in self.replaced.items():
                if name not in stored:
                    writer.write(name, data)
            writer.close(self._comment)

    def close(self) -> None:
        self.archive.close()
