"""styles.xml (docs/ooxml.md#styles): number formats, fonts, fills, borders, cell formats (cellXfs) and the formats
of conditional formatting (dxfs). Everything is find-or-add: an existing entry is never renumbered or changed,
because every cell of every sheet points at them by position.
"""

from __future__ import annotations

import copy

from lxml import etree

from tkops.book.ooxml.package import Package, UnreadablePart, q

#: Number formats every spreadsheet program knows by number (ECMA-376 Part 1, 18.8.30): not listed in styles.xml.
BUILTIN_FORMATS = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
    "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18,
    "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22, "mm:ss": 45, "[h]:mm:ss": 46,
    "mmss.0": 47, "##0.0E+0": 48, "@": 49,
}

#: The order of styleSheet's children (CT_Stylesheet, ECMA-376 Part 1, 18.8.39): where a missing list goes.
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles",
          "colors", "extLst")


class Styles:
    """The workbook's styles part, for deriving cell formats."""

    def __init__(self, package: Package, part: str | None) -> None:
        self.package = package
        self.part = part
        if part is None:
            raise UnreadablePart("xl/styles.xml", "the workbook has no styles part")
        self.root = package.xml(part)
        self._derived: dict[tuple, int] = {}
        self._index: dict[str, dict[bytes, int]] = {}
        if self._list("cellXfs", create=False) is None or not len(self._list("cellXfs")):
            raise UnreadablePart(part, "no cell formats (cellXfs)")

    # --- lists ----------------------------------------------------------------------------------------------------
    def _list(self, tag: str, create: bool = True) -> etree._Element | None:
        found = self.root.find(q(tag))
        if found is None and create:
            found = etree.Element(q(tag), count="0")
            later = _ORDER[_ORDER.index(tag) + 1:]
            for child in self.root:
                if etree.QName(child).localname in later:
                    child.addprevious(found)
                    break
            else:
                self.root.append(found)
        return found

    def _find_or_add(self, tag: str, element: etree._Element) -> int:
        container = self._list(tag)
        child_tag = {"fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf", "dxfs": "dxf"}[tag]
        items = container.findall(q(child_tag))
        index = self._index.get(tag)
        if index is None or len(index) > len(items):
            index = {}
            for i, item in enumerate(items):
                index.setdefault(_key(item), i)
            self._index[tag] = index
        container.append(element)  # keys are compared in place: the same namespaces are then in scope
        key = _key(element)
        if key in index:
            container.remove(element)
            return index[key]
        index[key] = len(items)
        container.set("count", str(len(items) + 1))
        self.package.touch(self.part)
        return len(items)

    def _xf(self, index: int) -> etree._Element:
        xfs = self._list("cellXfs").findall(q("xf"))
        return xfs[index] if 0 <= index < len(xfs) else xfs[0]

    # --- queries ---------------------------------------------------------------------------------------------------
    def has_fill(self, xf_index: int) -> bool:
        """Whether cells of format ``xf_index`` are filled (openpyxl's ``cell.fill.fill_type``)."""
        fill_id = int(self._xf(xf_index).get("fillId", "0"))
        fills = self._list("fills").findall(q("fill"))
        if fill_id >= len(fills):
            return False
        pattern = fills[fill_id].find(q("patternFill"))
        if pattern is None:
            return fills[fill_id].find(q("gradientFill")) is not None
        return pattern.get("patternType", "none") != "none"

    def _number_format_of(self, xf_index: int) -> str | None:
        number = int(self._xf(xf_index).get("numFmtId", "0") or 0)
        for code, builtin in BUILTIN_FORMATS.items():
            if builtin == number:
                return code
        formats = self.root.find(q("numFmts"))
        for element in (formats if formats is not None else []):
            if element.get("numFmtId") == str(number):
                return element.get("formatCode")
        return None

    # --- derived formats -------------------------------------------------------------------------------------------
    def number_format(self, code: str) -> int:
        """The id of number format ``code`` (a built-in one, or an entry of numFmts found or added)."""
        existing = self.root.find(q("numFmts"))
        for element in (existing if existing is not None else []):
            if element.get("formatCode") == code:  # a writer may list a built-in code too: reuse its entry
                return int(element.get("numFmtId"))
        if code in BUILTIN_FORMATS:
            return BUILTIN_FORMATS[code]
        formats = self._list("numFmts")
        ids = [int(f.get("numFmtId", "0")) for f in formats.findall(q("numFmt"))]
        new_id = max([163] + ids) + 1
        etree.SubElement(formats, q("numFmt"), numFmtId=str(new_id), formatCode=code)
        formats.set("count", str(len(ids) + 1))
        self.package.touch(self.part)
        return new_id

    def derive(self, xf_index: int, number_format: str | None = None, bold: bool = False,
               fill: str | None = None, bottom_border: bool = False, wrap: bool = False) -> int:
        """The cell format that is ``xf_index`` with the given changes (found among the existing ones or added).
        ``fill`` is an RGB colour such as ``#DDEBF7``, or ``"none"`` for no fill; ``wrap`` wraps the text at the
        top of the cell."""
        key = (xf_index, number_format, bold, fill, bottom_border, wrap)
        if key in self._derived:
            return self._derived[key]
        if fill == "none" and not self.has_fill(xf_index):
            fill = None
        if number_format is not None and self._number_format_of(xf_index) == number_format:
            number_format = None
        if wrap and self._wraps(xf_index):
            wrap = False
        xf = copy.deepcopy(self._xf(xf_index))
        if number_format is not None:
            xf.set("numFmtId", str(self.number_format(number_format)))
            xf.set("applyNumberFormat", "1")
        if bold:
            xf.set("fontId", str(self._bold_font(int(xf.get("fontId", "0")))))
            xf.set("applyFont", "1")
        if fill is not None:
            xf.set("fillId", str(self._fill(fill)))
            xf.set("applyFill", "1")
        if bottom_border:  # the header look: a thin line under the cell, text centred vertically
            xf.set("borderId", str(self._bottom_border(int(xf.get("borderId", "0")))))
            xf.set("applyBorder", "1")
            alignment = xf.find(q("alignment"))
            if alignment is None:
                alignment = etree.Element(q("alignment"))
                xf.insert(0, alignment)
            alignment.set("vertical", "center")
            xf.set("applyAlignment", "1")
        if wrap:
            alignment = xf.find(q("alignment"))
            if alignment is None:
                alignment = etree.Element(q("alignment"))
                xf.insert(0, alignment)
            alignment.set("vertical", "top")
            alignment.set("wrapText", "1")
            xf.set("applyAlignment", "1")
        unchanged = number_format is None and not bold and fill is None and not bottom_border and not wrap
        result = xf_index if unchanged else self._find_or_add("cellXfs", xf)
        self._derived[key] = result
        return result

    def _wraps(self, xf_index: int) -> bool:
        """Whether cells of format ``xf_index`` already wrap their text at the top."""
        alignment = self._xf(xf_index).find(q("alignment"))
        return alignment is not None and alignment.get("wrapText") in ("1", "true") and \
            alignment.get("vertical") == "top"

    def _bold_font(self, font_id: int) -> int:
        fonts = self._list("fonts").findall(q("font"))
        font = copy.deepcopy(fonts[font_id] if font_id < len(fonts) else etree.Element(q("font")))
        if font.find(q("b")) is None:
            font.insert(0, etree.Element(q("b")))
        return self._find_or_add("fonts", font)

    def _fill(self, colour: str) -> int:
        fill = etree.Element(q("fill"))
        if colour == "none":
            etree.SubElement(fill, q("patternFill"), patternType="none")
        else:
            pattern = etree.SubElement(fill, q("patternFill"), patternType="solid")
            etree.SubElement(pattern, q("fgColor"), rgb=argb(colour))
            etree.SubElement(pattern, q("bgColor"), indexed="64")
        return self._find_or_add("fills", fill)

    def _bottom_border(self, border_id: int) -> int:
        borders = self._list("borders").findall(q("border"))
        border = copy.deepcopy(borders[border_id]) if border_id < len(borders) else etree.Element(q("border"))
        for side in ("left", "right", "top", "bottom", "diagonal"):
            if border.find(q(side)) is None:
                border.append(etree.Element(q(side)))
        bottom = border.find(q("bottom"))
        for child in list(bottom):
            bottom.remove(child)
        bottom.attrib.clear()
        bottom.set("style", "thin")
        etree.SubElement(bottom, q("color"), auto="1")
        sides = {etree.QName(c).localname: c for c in border}
        for child in list(border):
            border.remove(child)
        for side in ("start", "left", "end", "right", "top", "bottom", "diagonal", "vertical", "horizontal"):
            if side in sides:
                border.append(sides[side])
        return self._find_or_add("borders", border)

    def solid_dxf(self, colour: str) -> int:
        """The id of a conditional format that fills the cell with ``colour`` (found or added)."""
        dxf = etree.Element(q("dxf"))
        pattern = etree.SubElement(etree.SubElement(dxf, q("fill")), q("patternFill"), patternType="solid")
        etree.SubElement(pattern, q("fgColor"), rgb=argb(colour))
        etree.SubElement(pattern, q("bgColor"), rgb=argb(colour))
        return self._find_or_add("dxfs", dxf)


def argb(colour: str) -> str:
    """``#DDEBF7`` -> ``FFDDEBF7`` (opaque)."""
    colour = colour.lstrip("#").upper()
    return colour if len(colour) == 8 else "FF" + colour


def _key(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n")
