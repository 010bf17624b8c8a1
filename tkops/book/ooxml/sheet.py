"""A worksheet part opened for editing (docs/ooxml.md#worksheet-parts): everything but its rows is an lxml tree
(the part with an empty ``<sheetData/>`` in place), the rows stay bytes and are streamed on save by
:mod:`tkops.book.ooxml.rows`.

New elements go where CT_Worksheet wants them (ECMA-376 Part 1, 18.3.1.99): Excel refuses a sheet whose children
are out of order, e.g. ``<conditionalFormatting>`` after ``<drawing>`` or ``<tableParts>``.
"""

from __future__ import annotations

import copy
import re
from typing import Iterator

from lxml import etree

from tkops.book.ooxml.cellxml import column_letter, range_bounds
from tkops.book.ooxml.package import DOC_REL, MC, Package, UnreadablePart, parse_xml
from tkops.book.ooxml.rows import Bounds, Patch, Patcher, sheet_data

ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
         "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
         "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks",
         "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
         "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
         "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")


def _rank(element: etree._Element) -> int:
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if etree.QName(element).namespace == MC and name == "AlternateContent":
        inner = next((c for choice in element for c in choice if isinstance(c.tag, str)), None)
        name = etree.QName(inner).localname if inner is not None else ""
    return ORDER.index(name) if name in ORDER else len(ORDER)


class SheetPart:
    """One worksheet part: its structure as a tree, its rows as bytes, and the pending :class:`Patch`."""

    def __init__(self, package: Package, part: str, xml: bytes | None = None) -> None:
        self.package = package
        self.part = part
        self.xml = package.read(part) if xml is None else xml
        try:
            self.bounds: Bounds = sheet_data(self.xml)
        except ValueError as err:
            raise UnreadablePart(part, str(err)) from None
        prefix = self.bounds.prefix
        skeleton = self.xml[:self.bounds.open_start] + b"<" + prefix + b"sheetData/>" + self.xml[self.bounds.close_end:]
        self.root = parse_xml(skeleton, part)
        self.ns = etree.QName(self.root).namespace
        self.patch = Patch()
        self.changed = False

    # --- the tree --------------------------------------------------------------------------------------------------
    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}"

    def find(self, tag: str) -> etree._Element | None:
        return self.root.find(self.q(tag))

    def ensure(self, tag: str, **attrs: str) -> etree._Element:
        """The child ``tag``, added in its place when missing."""
        found = self.find(tag)
        if found is None:
            found = etree.Element(self.q(tag), **attrs)
            self.insert(found)
        return found

    def insert(self, element: etree._Element) -> None:
        """Add a child of the worksheet after every child that comes before it in CT_Worksheet's order."""
        rank = _rank(element)
        later = [child for child in self.root if isinstance(child.tag, str) and _rank(child) > rank]
        if later:
            later[0].addprevious(element)
        else:
            self.root.append(element)
        self.changed = True

    # --- columns ---------------------------------------------------------------------------------------------------
    def col_styles(self) -> dict[int, int]:
        """Column -> the cell format a new cell there takes (the column's own format)."""
        styles = {}
        cols = self.find("cols")
        for col in (cols if cols is not None else []):
            style = int(col.get("style", "0") or 0)
            if style:
                for c in range(int(col.get("min", "1")), min(int(col.get("max", "1")), 16384) + 1):
                    styles[c] = style
        return styles

    def set_column(self, column: int, width: float | None = None, hidden: bool | None = None,
                   outline_level: int | None = None, collapsed: bool | None = None) -> None:
        """Set a column's width (characters), hide it, put it in an outline group or mark the group before it
        collapsed, splitting a ``<col>`` that spans several."""
        cols = self.ensure("cols")
        target = None
        for col in list(cols):
            lo, hi = int(col.get("min", "1")), int(col.get("max", "1"))
            if lo <= column <= hi:
                for a, b in ((lo, column - 1), (column + 1, hi)):
                    if a <= b:
                        part = copy.deepcopy(col)
                        part.set("min", str(a))
                        part.set("max", str(b))
                        (col.addprevious if a < column else col.addnext)(part)
                col.set("min", str(column))
                col.set("max", str(column))
                target = col
                break
        if target is None:
            target = etree.Element(self.q("col"), min=str(column), max=str(column))
            following = [c for c in cols if int(c.get("min", "1")) > column]
            (following[0].addprevious if following else cols.append)(target)
        if width is not None and target.get("width") != _num(width):
            target.set("width", _num(width))
            target.set("customWidth", "1")
            self.changed = True
        if hidden and target.get("hidden") not in ("1", "true"):
            target.set("hidden", "1")
            if target.get("width") is None:
                target.set("width", "9.140625")
            self.changed = True
        if outline_level:
            target.set("outlineLevel", str(outline_level))
            fmt = self.ensure("sheetFormatPr", defaultRowHeight="15")
            if int(fmt.get("outlineLevelCol", "0") or 0) < outline_level:
                fmt.set("outlineLevelCol", str(outline_level))
        if collapsed:
            target.set("collapsed", "1")
        self.changed = True

    def column_width(self, column: int) -> float | None:
        """A column's width as the sheet sets it (None: the default)."""
        cols = self.find("cols")
        for col in (cols if cols is not None else []):
            if int(col.get("min", "1")) <= column <= int(col.get("max", "1")) and col.get("width"):
                return float(col.get("width"))
        return None

    def has_outline(self) -> bool:
        """Whether any column of the sheet is in an outline group (the team may have opened it since)."""
        cols = self.find("cols")
        return any(int(col.get("outlineLevel", "0") or 0) for col in (cols if cols is not None else []))

    def freeze(self, columns: int, rows: int = 1) -> None:
        """Panes frozen on the first ``rows`` rows and ``columns`` columns (of the first sheet view)."""
        views = self.ensure("sheetViews")
        view = views.find(self.q("sheetView"))
        if view is None:
            view = etree.SubElement(views, self.q("sheetView"), workbookViewId="0")
        top_left = f"{column_letter(columns + 1)}{rows + 1}"
        pane_name = "bottomRight" if columns and rows else ("bottomLeft" if rows else "topRight")
        pane = view.find(self.q("pane"))
        wanted = {"xSplit": str(columns) if columns else None, "ySplit": str(rows) if rows else None,
                  "topLeftCell": top_left, "activePane": pane_name, "state": "frozen"}
        if pane is not None and all(pane.get(k) == v for k, v in wanted.items()):
            return
        for old in view.findall(self.q("pane")) + view.findall(self.q("selection")):
            view.remove(old)
        pane = etree.Element(self.q("pane"), **{k: v for k, v in wanted.items() if v is not None})
        view.insert(0, pane)
        pane.addnext(etree.Element(self.q("selection"), pane=pane_name, activeCell=top_left, sqref=top_left))
        self.changed = True

    # --- dimension, merges -----------------------------------------------------------------------------------------
    def grow_dimension(self, last_row: int, last_col: int) -> None:
        dim = self.find("dimension")
        if dim is None:
            dim = etree.Element(self.q("dimension"), ref="A1")
            self.insert(dim)
        try:
            r1, c1, r2, c2 = range_bounds(dim.get("ref", "A1"))
        except ValueError:
            r1, c1, r2, c2 = 1, 1, 1, 1
        r2, c2 = max(r2, last_row), max(c2, last_col)
        ref = f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}"
        if ref != dim.get("ref"):
            dim.set("ref", ref)
            self.changed = True

    def unmerge_where_written(self) -> None:
        """Remove merged ranges that hide a cell this run writes (a merge shows only its top-left cell)."""
        merges = self.find("mergeCells")
        if merges is None:
            return
        edits = self.patch.edits
        for merge in list(merges):
            try:
                r1, c1, r2, c2 = range_bounds(merge.get("ref", ""))
            except ValueError:
                continue
            hidden = self.patch.replace_all or any(
                c1 <= c <= c2 and (r, c) != (r1, c1) for r in range(r1, r2 + 1) for c in edits.get(r, ()))
            if hidden:
                merges.remove(merge)
                self.changed = True
        if not len(merges):
            self.root.remove(merges)
        else:
            merges.set("count", str(len(merges)))

    # --- validations and conditional formats -----------------------------------------------------------------------
    def validation_ranges(self) -> set[str]:
        found = self.find("dataValidations")
        return {dv.get("sqref", "") for dv in (found if found is not None else [])}

    def add_list_validation(self, sqref: str, choices: list[str]) -> None:
        """A drop-down list on ``sqref`` (blank allowed)."""
        container = self.ensure("dataValidations")
        dv = etree.SubElement(container, self.q("dataValidation"), type="list", allowBlank="1",
                              showInputMessage="1", showErrorMessage="1", sqref=sqref)
        etree.SubElement(dv, self.q("formula1")).text = '"' + ",".join(choices) + '"'
        container.set("count", str(len(container)))
        self.changed = True

    def rule_formulas(self) -> set[str]:
        return {f.text or "" for cf in self.root.findall(self.q("conditionalFormatting"))
                for rule in cf.findall(self.q("cfRule")) for f in rule.findall(self.q("formula"))}

    def add_formula_rules(self, sqref: str, rules: list[tuple[str, int]]) -> None:
        """One ``<conditionalFormatting>`` on ``sqref`` with a formula rule per (formula, dxf id), stopping at the
        first that applies, after every rule already there."""
        priorities = [int(r.get("priority", "0")) for r in self.root.iter() if isinstance(r.tag, str)
                      and etree.QName(r).localname == "cfRule" and (r.get("priority") or "").isdigit()]
        element = etree.Element(self.q("conditionalFormatting"), sqref=sqref)
        for i, (formula, dxf) in enumerate(rules, start=max(priorities, default=0) + 1):
            rule = etree.SubElement(element, self.q("cfRule"), type="expression", dxfId=str(dxf), priority=str(i),
                                    stopIfTrue="1")
            etree.SubElement(rule, self.q("formula")).text = formula
        self.insert(element)

    # --- parts it points at ----------------------------------------------------------------------------------------
    def table_parts(self) -> list[str]:
        rels = self.package.rels(self.part)
        parts = self.find("tableParts")
        found = []
        for tp in (parts if parts is not None else []):
            target = rels.by_id(tp.get(f"{{{DOC_REL}}}id", ""))
            if target:
                found.append(target)
        return found

    def add_table_part(self, rid: str) -> None:
        parts = self.ensure("tableParts")
        element = etree.SubElement(parts, self.q("tablePart"))
        element.set(f"{{{DOC_REL}}}id", rid)
        parts.set("count", str(len(parts)))
        self.changed = True

    # --- writing ---------------------------------------------------------------------------------------------------
    def has_edits(self) -> bool:
        return bool(self.patch.edits or self.patch.band or self.patch.replace_all or self.patch.heights)

    def chunks(self, patcher_args: dict) -> tuple[Iterator[bytes], Patcher]:
        """The new part, in chunks; the :class:`Patcher` reports what it found once they are consumed."""
        head = etree.tostring(self.root, encoding="UTF-8", xml_declaration=False)
        m = re.search(rb"<((?:\w+:)?)sheetData/>", head)
        prefix = m.group(1)
        patcher = Patcher(self.xml, self.bounds, self.patch, **patcher_args)

        def produce() -> Iterator[bytes]:
            from tkops.book.ooxml.package import DECLARATION

            yield DECLARATION + head[:m.start()] + b"<" + prefix + b"sheetData>"
            try:
                yield from patcher.chunks()
            except ValueError as err:  # rows out of order, a row not closed, a formula that cannot be moved
                raise UnreadablePart(self.part, str(err)) from None
            yield b"</" + prefix + b"sheetData>" + head[m.end():]
        return produce(), patcher


def _num(width: float) -> str:
    return str(int(width)) if float(width).is_integer() else str(width)
