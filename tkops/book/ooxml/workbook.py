"""The workbook part (docs/ooxml.md#the-workbook-part): its sheets, defined names and calculation chain, and adding
a sheet the way Excel does (workbook.xml, its relationships, [Content_Types].xml, docProps/app.xml).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from xlsxwriter.utility import quote_sheetname

from tkops.book.ooxml.package import (
    CT_WORKSHEET,
    DOC_REL,
    MAIN,
    REL_CALC_CHAIN,
    REL_EXTENDED,
    REL_OFFICE_DOCUMENT,
    REL_WORKSHEET,
    Package,
    UnreadablePart,
    q,
)

VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

#: A new worksheet: header row frozen (the tkops look), default row height (docs/ooxml.md#a-new-sheet).
NEW_SHEET = (
    f'<worksheet xmlns="{MAIN}" xmlns:r="{DOC_REL}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    '<sheetFormatPr defaultRowHeight="15"/><sheetData/>'
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
).encode()


@dataclass
class Sheet:
    """A sheet listed in workbook.xml."""

    name: str
    element: etree._Element
    part: str | None
    content_type: str | None

    @property
    def is_worksheet(self) -> bool:
        return self.content_type == CT_WORKSHEET


def same_reference(a: str, b: str) -> bool:
    """Whether two defined-name formulas are the same, ``'Orders'!$A:$A`` and ``Orders!$A:$A`` alike (quotes
    around a sheet name that needs none are optional; Excel and XlsxWriter leave them out)."""
    return a == b or quote_sheetname(a.split("!", 1)[0].strip("'")) + "!" + a.split("!", 1)[-1] == \
        quote_sheetname(b.split("!", 1)[0].strip("'")) + "!" + b.split("!", 1)[-1]


class Workbook:
    """workbook.xml of ``package``, with its sheets in tab order."""

    def __init__(self, package: Package) -> None:
        self.package = package
        found = package.rels("").of_type(REL_OFFICE_DOCUMENT)
        if not found or found[0][1] is None:
            raise UnreadablePart("_rels/.rels", "no workbook part")
        self.part = found[0][1]
        self.root = package.xml(self.part)
        self.rels = package.rels(self.part)
        self.sheets: list[Sheet] = []
        container = self.root.find(q("sheets"))
        for element in (container if container is not None else []):
            part = self.rels.by_id(element.get(q("id", DOC_REL), ""))
            kind = package.content_type(part) if part else None
            self.sheets.append(Sheet(element.get("name", ""), element, part, kind))

    @property
    def namespace(self) -> str:
        return etree.QName(self.root).namespace or ""

    def sheet(self, name: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        for sheet in self.sheets:  # Excel's sheet names are case-insensitive
            if sheet.name.lower() == name.lower():
                return sheet
        return None

    def index(self, name: str) -> int:
        return [s.name for s in self.sheets].index(name)

    # --- defined names ---------------------------------------------------------------------------------------------
    def _names(self, create: bool = False) -> etree._Element | None:
        names = self.root.find(q("definedNames"))
        if names is None and create:
            names = etree.Element(q("definedNames"))
            after = self.root.find(q("sheets"))
            following = after.getnext() if after is not None else None
            while following is not None and etree.QName(following).localname in ("functionGroups",
                                                                                  "externalReferences"):
                following = following.getnext()
            if following is not None:
                following.addprevious(names)
            else:
                self.root.append(names)
        return names

    def defined_names(self) -> list[tuple[str, str | None, str]]:
        """(name, localSheetId or None, formula) of every defined name."""
        names = self._names()
        return [(n.get("name", ""), n.get("localSheetId"), n.text or "") for n in (names if names is not None else [])
                if n.tag == q("definedName")]

    def set_name(self, name: str, formula: str, sheet_index: int | None = None) -> None:
        """Make the defined name ``name`` (workbook-wide, or local to the sheet at ``sheet_index``) mean ``formula``."""
        names = self._names(create=True)
        local = None if sheet_index is None else str(sheet_index)
        for element in names:
            if (element.tag == q("definedName") and element.get("name", "").lower() == name.lower()
                    and element.get("localSheetId") == local):
                if not same_reference(element.text or "", formula):
                    element.text = formula
                    self.package.touch(self.part)
                return
        element = etree.SubElement(names, q("definedName"), name=name)
        if local is not None:
            element.set("localSheetId", local)
        element.text = formula
        self.package.touch(self.part)

    # --- sheets ----------------------------------------------------------------------------------------------------
    def add_sheet(self, name: str, index: int) -> Sheet:
        """A new empty worksheet called ``name`` at tab position ``index``."""
        part = self.package.unused_name("xl/worksheets/sheet{}.xml")
        self.package.set_override(part, CT_WORKSHEET)
        self.package.added.add(part)
        rid = self.rels.add(REL_WORKSHEET, part)
        ids = [int(s.element.get("sheetId", "0")) for s in self.sheets]
        element = etree.Element(q("sheet"), name=name, sheetId=str(max(ids, default=0) + 1))
        element.set(q("id", DOC_REL), rid)
        container = self.root.find(q("sheets"))
        if index < len(self.sheets):
            self.sheets[index].element.addprevious(element)
        else:
            container.append(element)
        self._shift_sheet_indices(index)
        sheet = Sheet(name, element, part, CT_WORKSHEET)
        self.sheets.insert(index, sheet)
        self.package.touch(self.part)
        self._add_title(name, index)
        return sheet

    def _shift_sheet_indices(self, index: int) -> None:
        # Defined names and the window refer to sheets by position: a sheet inserted before them moves them on.
        names = self._names()
        for element in (names if names is not None else []):
            local = element.get("localSheetId")
            if local is not None and local.isdigit() and int(local) >= index:
                element.set("localSheetId", str(int(local) + 1))
        for view in self.root.iter(q("workbookView")):
            for attr in ("activeTab", "firstSheet"):
                value = view.get(attr)
                if value is not None and value.isdigit() and int(value) >= index and (attr == "activeTab" or
                                                                                      int(value) > 0):
                    view.set(attr, str(int(value) + 1))

    def set_state(self, name: str, state: str) -> None:
        """Show or hide a sheet (``visible``, ``hidden`` or ``veryHidden``)."""
        element = self.sheet(name).element
        current = element.get("state", "visible")
        if current == state:
            return
        if state == "visible":
            del element.attrib["state"]
        else:
            element.set("state", state)
        self.package.touch(self.part)

    def drop_calc_chain(self) -> None:
        """Remove calcChain.xml (Excel rebuilds it on open) and the references to it."""
        for _rid, part in self.rels.of_type(REL_CALC_CHAIN):
            if part:
                self.package.remove(part)
        self.rels.remove_type(REL_CALC_CHAIN)

    def _add_title(self, name: str, index: int) -> None:
        """List a new worksheet in docProps/app.xml (the titles Explorer shows), when that part is laid out as
        Excel writes it; anything else is left as it is."""
        found = [p for _rid, p in self.package.rels("").of_type(REL_EXTENDED) if p and self.package.has(p)]
        if not found:
            return
        try:
            root = self.package.xml(found[0])
        except UnreadablePart:
            return
        pairs = root.find(f"{{{EXTENDED}}}HeadingPairs/{{{VT}}}vector")
        titles = root.find(f"{{{EXTENDED}}}TitlesOfParts/{{{VT}}}vector")
        if pairs is None or titles is None:
            return
        variants = pairs.findall(f"{{{VT}}}variant")
        lpstrs = titles.findall(f"{{{VT}}}lpstr")
        sheet_names = {s.name for s in self.sheets}
        offset = 0
        for label, count in zip(variants[::2], variants[1::2]):
            number = count.find(f"{{{VT}}}i4")
            if number is None or not (number.text or "").isdigit():
                return
            n = int(number.text)
            group = lpstrs[offset:offset + n]
            if group and all((t.text or "") in sheet_names for t in group):
                before = [s.name for s in self.sheets[:index]]
                position = offset
                for i, title in enumerate(group):
                    if (title.text or "") in before:
                        position = offset + i + 1
                element = etree.Element(f"{{{VT}}}lpstr")
                element.text = name
                if position < len(lpstrs):
                    lpstrs[position].addprevious(element)
                else:
                    titles.append(element)
                number.text = str(n + 1)
                titles.set("size", str(len(lpstrs) + 1))
                self.package.touch(found[0])
                return
            offset += n
