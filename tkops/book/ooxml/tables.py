"""Excel tables (table parts, docs/ooxml.md#tables): the range a table covers, its columns, and new tables.

A table's columns are named exactly like its header cells, and the names are unique in the table (Excel repairs the
file otherwise). Table names share one namespace with defined names across the workbook.
"""

from __future__ import annotations

from lxml import etree

from tkops.book.ooxml.cellxml import column_letter, range_bounds
from tkops.book.ooxml.package import CT_TABLE, MAIN, REL_TABLE, Package, q


class Table:
    """One table part."""

    def __init__(self, package: Package, part: str) -> None:
        self.package = package
        self.part = part
        self.root = package.xml(part)

    @property
    def name(self) -> str:
        return self.root.get("displayName") or self.root.get("name") or ""

    @property
    def ref(self) -> str:
        return self.root.get("ref", "A1:A1")

    def last_row(self) -> int:
        try:
            return range_bounds(self.ref)[2]
        except ValueError:
            return 0

    def _q(self, tag: str) -> str:
        return f"{{{etree.QName(self.root).namespace}}}{tag}"

    def resize(self, ref: str, headers: list[str]) -> None:
        """Make the table cover ``ref`` with columns named ``headers`` (already unique); existing columns keep their
        ids and settings, columns past the old ones are added."""
        if ref != self.ref:
            self.root.set("ref", ref)
            auto = self.root.find(self._q("autoFilter"))
            if auto is not None:
                auto.set("ref", ref)
                for fc in auto.findall(self._q("filterColumn")):
                    if int(fc.get("colId", "0")) >= len(headers):
                        auto.remove(fc)
            sort = self.root.find(self._q("sortState"))
            if sort is not None:
                self.root.remove(sort)
            self.package.touch(self.part)
        columns = self.root.find(self._q("tableColumns"))
        existing = columns.findall(self._q("tableColumn"))
        ids = [int(c.get("id", "0")) for c in existing]
        for i, header in enumerate(headers):
            if i < len(existing):
                if existing[i].get("name") != header:
                    existing[i].set("name", header)
                    self.package.touch(self.part)
            else:
                new_id = max(ids, default=0) + 1
                ids.append(new_id)
                etree.SubElement(columns, self._q("tableColumn"), id=str(new_id), name=header)
                self.package.touch(self.part)
        for extra in existing[len(headers):]:
            columns.remove(extra)
            self.package.touch(self.part)
        columns.set("count", str(len(headers)))


def unique_headers(headers: list[str]) -> list[str]:
    """Header texts as table column names: blanks become ``ColumnN``, repeats get a number (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for i, header in enumerate(headers, start=1):
        name = header if header else f"Column{i}"
        base, n = name, 2
        while name.lower() in seen:
            name = f"{base}{n}"
            n += 1
        seen.add(name.lower())
        out.append(name)
    return out


def all_tables(package: Package) -> list[Table]:
    return [Table(package, part) for part in package.parts_named("xl/tables/") if part.endswith(".xml")]


def new_table(package: Package, sheet_part: str, name: str, ref: str, headers: list[str], style: str) -> tuple[
        Table, str]:
    """A new table part on ``sheet_part`` (related to it); returns the table and the relationship id."""
    tables = all_tables(package)
    ids = [int(t.root.get("id", "0")) for t in tables]
    part = package.unused_name("xl/tables/table{}.xml")
    root = etree.Element(q("table"), nsmap={None: MAIN}, id=str(max(ids, default=0) + 1), name=name,
                         displayName=name, ref=ref)
    etree.SubElement(root, q("autoFilter"), ref=ref)
    columns = etree.SubElement(root, q("tableColumns"), count=str(len(headers)))
    for i, header in enumerate(headers, start=1):
        etree.SubElement(columns, q("tableColumn"), id=str(i), name=header)
    etree.SubElement(root, q("tableStyleInfo"), name=style.replace(" ", ""), showFirstColumn="0",
                     showLastColumn="0", showRowStripes="1", showColumnStripes="0")
    package.new_xml(part, root, CT_TABLE)
    rid = package.rels(sheet_part).add(REL_TABLE, part)
    return Table(package, part), rid


def table_ref(last_col: int, last_row: int) -> str:
    return f"A1:{column_letter(last_col)}{last_row}"
